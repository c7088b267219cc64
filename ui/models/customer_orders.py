"""A customer's order history for the profile panel: number, date, status chip, total.

The first page comes with the profile (one op for the whole panel); further pages are fetched
lazily (``canFetchMore``/``fetchMore``) by keyset through the op runner. Each reset starts a new
generation, so a page that arrives for the previous customer is dropped."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.customers.panel_queries import CustomerOrderRow, OrdersPage
from ui.formatting import format_rub, format_time
from ui.models.order_table import ORDER_ID_ROLE, STATUS_CODE_ROLE
from ui.ops import Op, OpError, OpRunner

DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

_CTX = "CustomerOrdersModel"
COLUMNS: tuple[Any, ...] = (
    QT_TRANSLATE_NOOP("CustomerOrdersModel", "Number"),
    QT_TRANSLATE_NOOP("CustomerOrdersModel", "Date"),
    QT_TRANSLATE_NOOP("CustomerOrdersModel", "Status"),
    QT_TRANSLATE_NOOP("CustomerOrdersModel", "Total"),
)
COL_NUMBER, COL_DATE, COL_STATUS, COL_TOTAL = range(4)
_ALIGN = (_LEFT, _LEFT, _LEFT, _RIGHT)


class CustomerOrdersModel(QAbstractTableModel):
    """Orders of one customer, newest first; read-only, paged lazily."""

    # a page could not be loaded (readable message)
    sig_load_failed = Signal(str)

    def __init__(
        self,
        runner: OpRunner,
        *,
        language: str = "en",
        zone: dt.tzinfo = dt.UTC,
        page_size: int = 100,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._language = language
        self._zone = zone
        self._page_size = page_size
        self._customer_id: int | None = None
        self._rows: list[CustomerOrderRow] = []
        self._cells: list[tuple[str, str, str, str]] = []
        self._next: tuple[dt.datetime, int] | None = None
        self._loading = False
        self._generation = 0

    # -- state ----------------------------------------------------------------------------------
    @property
    def customer_id(self) -> int | None:
        return self._customer_id

    @property
    def loading(self) -> bool:
        return self._loading

    def row_at(self, row: int) -> CustomerOrderRow:
        return self._rows[row]

    def reset_with(self, customer_id: int | None, page: OrdersPage | None) -> None:
        """Show ``page`` as the first page of ``customer_id``'s orders (None: empty)."""
        self.beginResetModel()
        self._generation += 1
        self._customer_id = customer_id
        self._rows = list(page.rows) if page else []
        self._cells = [self._format(r) for r in self._rows]
        self._next = page.next_after if page else None
        self._loading = False
        self.endResetModel()

    def set_presentation(self, language: str, zone: dt.tzinfo) -> None:
        """Re-format for another UI language or time zone."""
        self._language, self._zone = language, zone
        self._cells = [self._format(r) for r in self._rows]
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1)
            )
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def _format(self, r: CustomerOrderRow) -> tuple[str, str, str, str]:
        status = r.status_name_ru if self._language == "ru" else r.status_name_en
        return (
            r.number,
            format_time(r.created_at, self._zone, self._language),
            status,
            format_rub(r.total, self._language),
        )

    # -- lazy paging ------------------------------------------------------------------------------
    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid():
            return False
        return self._next is not None and not self._loading and self._customer_id is not None

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        from app.customers.panel_queries import customer_orders

        assert self._customer_id is not None
        cid, after, size, generation = (
            self._customer_id,
            self._next,
            self._page_size,
            self._generation,
        )
        self._loading = True
        Op(
            self,
            lambda s: customer_orders(s, cid, after=after, limit=size),
            key="customer-orders-page",
            runner=self._runner,
        ).success(lambda page: self._append(generation, page)).failure(
            lambda e: self._failed(generation, e)
        ).run()

    def _append(self, generation: int, page: OrdersPage) -> None:
        if generation != self._generation:
            return  # an answer for the customer shown before
        self._next = page.next_after
        if page.rows:
            first = len(self._rows)
            # the last row passed to beginInsertRows is inclusive
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self._cells.extend(self._format(r) for r in page.rows)
            self.endInsertRows()
        # only now: a view may ask for more from the insert signals, which must not start a
        # second fetch of the same page
        self._loading = False

    def _failed(self, generation: int, error: OpError) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self.sig_load_failed.emit(error.message)

    # -- Qt model API ---------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if row >= len(self._rows):
            return None
        if role == DISPLAY:
            return self._cells[row][col]
        if role == ALIGNMENT:
            return _ALIGN[col]
        if role == STATUS_CODE_ROLE:
            return self._rows[row].status
        if role == ORDER_ID_ROLE:
            return self._rows[row].id
        if role == TOOLTIP and col == COL_NUMBER:
            return QCoreApplication.translate(_CTX, "Double-click or Enter opens the order")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == DISPLAY:
                return QCoreApplication.translate(_CTX, COLUMNS[section])
            if role == ALIGNMENT:
                return _ALIGN[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
