"""Search results as one flat, read-only table: customers and orders (Ctrl+K) or customers only
(the pickers of the merge and new-order dialogs).

Rows are worded on the UI thread from the core's frozen hits (a result set is at most a few
dozen rows); ``data()`` only indexes ready strings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.customers.search import CustomerHit, OrderHit
from ui.formatting import format_phone, format_rub, format_time
from ui.models.order_table import STATUS_CODE_ROLE

DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
# "customer" or "order"
KIND_ROLE = Qt.ItemDataRole.UserRole + 10
# the customer's or the order's database id
ENTITY_ID_ROLE = Qt.ItemDataRole.UserRole + 11

CUSTOMER = "customer"
ORDER = "order"

_CTX = "SearchResultsModel"
COLUMNS: tuple[Any, ...] = (
    QT_TRANSLATE_NOOP("SearchResultsModel", "Type"),
    QT_TRANSLATE_NOOP("SearchResultsModel", "Found"),
    QT_TRANSLATE_NOOP("SearchResultsModel", "Details"),
)
COL_KIND, COL_TITLE, COL_DETAIL = range(3)

translate = QCoreApplication.translate


@dataclass(frozen=True, slots=True)
class ResultRow:
    kind: str  # CUSTOMER | ORDER
    id: int
    title: str
    detail: str
    status_code: str | None = None
    name: str = ""  # customers: the display name alone


def customer_rows(hits: Iterable[CustomerHit]) -> list[ResultRow]:
    rows = []
    for h in hits:
        contact = [format_phone(p) for p in h.phones[:2]]
        if h.email:
            contact.append(h.email)
        name = h.name or translate("SearchResultsModel", "(no name)")
        rows.append(ResultRow(CUSTOMER, h.id, f"{name}  #{h.id}", " · ".join(contact), name=name))
    return rows


def order_rows(
    hits: Iterable[OrderHit],
    language: str,
    zone: dt.tzinfo,
    status_names: Mapping[str, str],
) -> list[ResultRow]:
    rows = []
    for h in hits:
        parts = [
            format_time(h.created_at, zone, language),
            status_names.get(h.status, h.status),
            format_rub(h.total, language),
        ]
        if h.contact_name:
            parts.append(h.contact_name)
        title = translate("SearchResultsModel", "Order %1").replace("%1", h.number)
        rows.append(ResultRow(ORDER, h.id, title, " · ".join(parts), h.status))
    return rows


class SearchResultsModel(QAbstractTableModel):
    """A replaceable list of :class:`ResultRow`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ResultRow] = []

    def set_rows(self, rows: Iterable[ResultRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows(())

    def row_at(self, row: int) -> ResultRow:
        return self._rows[row]

    @property
    def rows(self) -> tuple[ResultRow, ...]:
        return tuple(self._rows)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == DISPLAY:
            if col == COL_KIND:
                if r.kind == CUSTOMER:
                    return translate("SearchResultsModel", "Customer")
                return translate("SearchResultsModel", "Order")
            return r.title if col == COL_TITLE else r.detail
        if role == TOOLTIP and col != COL_KIND:
            return f"{r.title}\n{r.detail}" if r.detail else r.title
        if role == KIND_ROLE:
            return r.kind
        if role == ENTITY_ID_ROLE:
            return r.id
        if role == STATUS_CODE_ROLE:
            return r.status_code
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == DISPLAY and 0 <= section < len(COLUMNS):
            return translate("SearchResultsModel", COLUMNS[section])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
