"""The order grid's Qt model: lazy keyset paging through the op runner.

Rows arrive a page at a time when the view asks (``canFetchMore``/``fetchMore``); the page is
read *and formatted* on the database lane's worker thread, so the UI thread only appends ready
strings. ``data()`` is on the paint path of every visible cell (~1,800 calls a frame), hence the
module-level role constants and the precomputed display tuples (PERF.md T4)."""

from __future__ import annotations

from collections.abc import Callable
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
from sqlalchemy.orm import Session

from app.order_list import CountEstimate, Cursor, OrderFilter, OrderRow, count_estimate, fetch_page
from models.orders import OrderSource
from ui.formatting import FormattedRow, RowFormatter, operator_zone
from ui.ops import Op, OpError, OpRunner

# Roles as module constants: an enum attribute lookup per data() call costs more than the rest.
DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
# the order's status code (the status chip delegate colours by it)
STATUS_CODE_ROLE = Qt.ItemDataRole.UserRole + 1
# the order's database id (for opening the card, issue 4)
ORDER_ID_ROLE = Qt.ItemDataRole.UserRole + 2

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

FetchPage = Callable[..., list[OrderRow]]

_CTX = "OrderTableModel"
# (header, numeric?) per column, in display order; RowFormatter.format() yields cells in this
# order too.
COLUMNS: tuple[tuple[Any, bool], ...] = (  # Any: QT_TRANSLATE_NOOP is typed as object
    (QT_TRANSLATE_NOOP("OrderTableModel", "Number"), False),
    (QT_TRANSLATE_NOOP("OrderTableModel", "Created"), False),
    (QT_TRANSLATE_NOOP("OrderTableModel", "Customer"), False),
    (QT_TRANSLATE_NOOP("OrderTableModel", "Phone"), False),
    (QT_TRANSLATE_NOOP("OrderTableModel", "Total"), True),
    (QT_TRANSLATE_NOOP("OrderTableModel", "Status"), False),
    (QT_TRANSLATE_NOOP("OrderTableModel", "Source"), False),
    (QT_TRANSLATE_NOOP("OrderTableModel", "Store"), False),
    (QT_TRANSLATE_NOOP("OrderTableModel", "Operator"), False),
    (QT_TRANSLATE_NOOP("OrderTableModel", "Attempts"), True),
    (QT_TRANSLATE_NOOP("OrderTableModel", "Next attempt"), False),
)
COL_NUMBER, COL_CREATED, COL_CUSTOMER, COL_PHONE, COL_TOTAL, COL_STATUS = range(6)
COL_SOURCE, COL_STORE, COL_OPERATOR, COL_ATTEMPTS, COL_NEXT_ATTEMPT = range(6, 11)
_FULL_TEXT_TOOLTIP = frozenset({COL_CUSTOMER, COL_STORE, COL_OPERATOR})
_ALIGN = tuple(_RIGHT if numeric else _LEFT for _, numeric in COLUMNS)
_COLUMN_COUNT = len(COLUMNS)

_SOURCE_CTX = "OrderSource"
SOURCE_LABELS: dict[str, Any] = {
    OrderSource.SITE.value: QT_TRANSLATE_NOOP("OrderSource", "Web shop"),
    OrderSource.MOBILE_APP.value: QT_TRANSLATE_NOOP("OrderSource", "Mobile app"),
    OrderSource.STORE.value: QT_TRANSLATE_NOOP("OrderSource", "Store"),
    OrderSource.ONE_CLICK.value: QT_TRANSLATE_NOOP("OrderSource", "One click"),
    OrderSource.PHONE.value: QT_TRANSLATE_NOOP("OrderSource", "Phone call"),
    OrderSource.ERP.value: QT_TRANSLATE_NOOP("OrderSource", "ERP"),
}


def make_formatter(language: str, timezone: str) -> RowFormatter:
    """A formatter with labels translated for the current UI language (call on the UI thread)."""
    translate = QCoreApplication.translate
    return RowFormatter(
        language=language,
        zone=operator_zone(timezone),
        source_labels={code: translate(_SOURCE_CTX, s) for code, s in SOURCE_LABELS.items()},
        lease_tooltip=translate("OrderTableModel", "Being worked on by %1"),
    )


class OrderTableModel(QAbstractTableModel):
    """Orders newest first, fetched lazily page by page; read-only."""

    # a page arrived; the argument is how many rows are loaded now
    sig_rows_loaded = Signal(int)
    # a page could not be loaded; the argument is the readable message
    sig_load_failed = Signal(str)
    # how many orders match the filter: (count, exact)
    sig_count_estimated = Signal(int, bool)

    def __init__(
        self,
        runner: OpRunner,
        formatter: RowFormatter,
        *,
        filters: OrderFilter | None = None,
        page_size: int = 200,
        fetch: FetchPage | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._formatter = formatter
        self._filters = filters or OrderFilter()
        self._page_size = page_size
        # None: app.order_list.fetch_page, looked up when a page is fetched
        self._fetch = fetch
        self._rows: list[OrderRow] = []
        self._cells: list[tuple[str, ...]] = []
        self._tooltips: list[str | None] = []
        self._loading = False
        self._exhausted = False
        self.count: CountEstimate | None = None

    # -- state ----------------------------------------------------------------------------------
    @property
    def filters(self) -> OrderFilter:
        return self._filters

    @property
    def loading(self) -> bool:
        """True while a page is being fetched."""
        return self._loading

    @property
    def exhausted(self) -> bool:
        """True once the last page has arrived."""
        return self._exhausted

    @property
    def language(self) -> str:
        """The language rows are formatted in."""
        return self._formatter.language

    def source_labels(self) -> tuple[str, ...]:
        """The source names as currently shown (for sizing the column)."""
        return tuple(self._formatter.source_labels.values())

    def row_at(self, row: int) -> OrderRow:
        return self._rows[row]

    def reload(self, filters: OrderFilter | None = None) -> None:
        """Start over (optionally with new filters): clear, then fetch the first page and the
        count. A page still in flight for the old state is dropped when it lands."""
        if filters is not None:
            self._filters = filters
        self.beginResetModel()
        self._rows.clear()
        self._cells.clear()
        self._tooltips.clear()
        self._loading = False
        self._exhausted = False
        self.count = None
        self.endResetModel()
        # the page first: both share the serial database lane, and rows matter more than a count
        self.fetchMore(QModelIndex())
        self._start_count()

    def set_formatter(self, formatter: RowFormatter) -> None:
        """Re-render every loaded row (language change); rows are not fetched again."""
        self._formatter = formatter
        formatted = [formatter.format(row) for row in self._rows]
        self._cells = [f.cells for f in formatted]
        self._tooltips = [f.tooltip for f in formatted]
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, _COLUMN_COUNT - 1)
        if self._rows:
            last = self.index(len(self._rows) - 1, _COLUMN_COUNT - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    # -- paging ---------------------------------------------------------------------------------
    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._loading or self._exhausted:
            return
        self._loading = True
        after: Cursor | None = self._rows[-1].cursor if self._rows else None
        fetch = self._fetch or fetch_page
        filters, limit, formatter = self._filters, self._page_size, self._formatter

        def load(session: Session) -> tuple[tuple[OrderRow, FormattedRow], ...]:
            rows = fetch(session, after=after, limit=limit, filters=filters)
            return tuple((row, formatter.format(row)) for row in rows)

        Op(self, load, key="page", runner=self._runner).success(self._append).failure(
            self._page_failed
        ).run()

    def _append(self, page: tuple[tuple[OrderRow, FormattedRow], ...]) -> None:
        # _loading stays True until the rows are in: views (and model testers) call fetchMore
        # from the insert signals, and a fetch started there must continue after this page.
        if len(page) < self._page_size:
            self._exhausted = True
        if page:
            first = len(self._rows)
            # the last row is inclusive: n rows starting at first end at first + n - 1
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            for row, formatted in page:
                self._rows.append(row)
                self._cells.append(formatted.cells)
                self._tooltips.append(formatted.tooltip)
            self.endInsertRows()
        self._loading = False
        self.sig_rows_loaded.emit(len(self._rows))

    def _page_failed(self, error: OpError) -> None:
        # Not exhausted: the next scroll (or reload) tries again once the database is back.
        self._loading = False
        self.sig_load_failed.emit(error.message)

    def _start_count(self) -> None:
        filters = self._filters

        def count(session: Session) -> CountEstimate:
            return count_estimate(session, filters)

        Op(self, count, key="count", runner=self._runner).success(self._counted).failure(
            lambda error: self.sig_load_failed.emit(error.message)
        ).run()

    def _counted(self, estimate: CountEstimate) -> None:
        self.count = estimate
        self.sig_count_estimated.emit(estimate.value, estimate.exact)

    # -- QAbstractTableModel --------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMN_COUNT

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        if role == DISPLAY:
            return self._cells[index.row()][index.column()]
        if role == ALIGNMENT:
            return _ALIGN[index.column()]
        if role == TOOLTIP:
            return self._tooltip(index.row(), index.column())
        if role == STATUS_CODE_ROLE:
            return self._rows[index.row()].status_code
        if role == ORDER_ID_ROLE:
            return self._rows[index.row()].id
        return None

    def _tooltip(self, row: int, column: int) -> str | None:
        # Columns whose text is often elided show it in full; any leased row says who has it.
        lease = self._tooltips[row]
        text = self._cells[row][column] if column in _FULL_TEXT_TOOLTIP else ""
        if text and lease:
            return f"{text}\n{lease}"
        return text or lease

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < _COLUMN_COUNT:
            return None
        if role == DISPLAY:
            return QCoreApplication.translate(_CTX, COLUMNS[section][0])
        if role == ALIGNMENT:
            return _ALIGN[section]
        return None
