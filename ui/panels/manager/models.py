"""Table models of the manager view: the per-operator upsell table and the drill-down orders.
Both are read-only and replaced whole on each answer (a period has tens of operators and at
most a few hundred orders)."""

from __future__ import annotations

from decimal import Decimal
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

from app.capsules.kpi import UpsellOrder, UpsellRow
from ui.formatting import format_rub

DISPLAY = Qt.ItemDataRole.DisplayRole
ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
# the operator id (table) or order id (orders) of a row
ID_ROLE = Qt.ItemDataRole.UserRole + 1
# a value to sort by (numbers as numbers)
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

TABLE_COLUMNS = (
    QT_TRANSLATE_NOOP("UpsellTableModel", "Operator"),
    QT_TRANSLATE_NOOP("UpsellTableModel", "Offers"),
    QT_TRANSLATE_NOOP("UpsellTableModel", "Accepted"),
    QT_TRANSLATE_NOOP("UpsellTableModel", "Rate"),
    QT_TRANSLATE_NOOP("UpsellTableModel", "Pending"),
    QT_TRANSLATE_NOOP("UpsellTableModel", "Earned"),
    QT_TRANSLATE_NOOP("UpsellTableModel", "Top capsules"),
)
(T_OPERATOR, T_OFFERS, T_ACCEPTED, T_RATE, T_PENDING, T_EARNED, T_CAPSULES) = range(7)
_T_NUMERIC = frozenset({T_OFFERS, T_ACCEPTED, T_RATE, T_PENDING, T_EARNED})

ORDER_COLUMNS = (
    QT_TRANSLATE_NOOP("UpsellOrdersModel", "Order"),
    QT_TRANSLATE_NOOP("UpsellOrdersModel", "Confirmed"),
    QT_TRANSLATE_NOOP("UpsellOrdersModel", "Operator"),
    QT_TRANSLATE_NOOP("UpsellOrdersModel", "Cross-sell items"),
    QT_TRANSLATE_NOOP("UpsellOrdersModel", "Upsell"),
    QT_TRANSLATE_NOOP("UpsellOrdersModel", "Credit"),
    QT_TRANSLATE_NOOP("UpsellOrdersModel", "Capsules"),
)
(O_NUMBER, O_DAY, O_OPERATOR, O_ITEMS, O_AMOUNT, O_STATE, O_CAPSULES) = range(7)
_O_NUMERIC = frozenset({O_ITEMS, O_AMOUNT})
_STATES = {
    "pending": QT_TRANSLATE_NOOP("UpsellOrdersModel", "pending"),
    "earned": QT_TRANSLATE_NOOP("UpsellOrdersModel", "earned"),
    "reversed": QT_TRANSLATE_NOOP("UpsellOrdersModel", "taken back"),
}


def format_rate(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.0f} %"


class UpsellTableModel(QAbstractTableModel):
    """One row per operator (:class:`app.capsules.kpi.UpsellRow`)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: tuple[UpsellRow, ...] = ()
        self.language = "en"

    def set_rows(self, rows: tuple[UpsellRow, ...]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def set_language(self, language: str) -> None:
        self.language = language
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 6))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(TABLE_COLUMNS) - 1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(TABLE_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(TABLE_COLUMNS):
            if role == DISPLAY:
                return QCoreApplication.translate("UpsellTableModel", TABLE_COLUMNS[section])
            if role == ALIGNMENT:
                return _RIGHT if section in _T_NUMERIC else _LEFT
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role == DISPLAY:
            return self._display(row, column)
        if role == ALIGNMENT:
            return _RIGHT if column in _T_NUMERIC else _LEFT
        if role == ID_ROLE:
            return row.operator_id
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == TOOLTIP and column == T_CAPSULES:
            return "\n".join(
                f"{c.capsule_name}: {format_rub(c.amount, self.language)}" for c in row.top_capsules
            )
        if role == TOOLTIP and column == T_EARNED and row.reversed:
            return QCoreApplication.translate(
                "UpsellTableModel", "Taken back (cancelled or returned): %1"
            ).replace("%1", format_rub(row.reversed, self.language))
        return None

    def _display(self, row: UpsellRow, column: int) -> str | None:
        if column == T_OPERATOR:
            return row.operator_name
        if column == T_OFFERS:
            return str(row.offers_made)
        if column == T_ACCEPTED:
            return str(row.accepted)
        if column == T_RATE:
            return format_rate(row.acceptance_rate)
        if column == T_PENDING:
            return format_rub(row.pending, self.language)
        if column == T_EARNED:
            return format_rub(row.earned, self.language)
        if column == T_CAPSULES:
            return ", ".join(c.capsule_name for c in row.top_capsules) or "—"
        return None

    def _sort_key(self, row: UpsellRow, column: int) -> Any:
        if column == T_OPERATOR:
            return row.operator_name
        if column == T_OFFERS:
            return row.offers_made
        if column == T_ACCEPTED:
            return row.accepted
        if column == T_RATE:
            return -1.0 if row.acceptance_rate is None else row.acceptance_rate
        if column == T_PENDING:
            return float(row.pending)
        if column == T_EARNED:
            return float(row.earned)
        return self._display(row, column)

    def totals(self) -> tuple[int, int, Decimal, Decimal]:
        """Offers, accepted, pending and earned over every operator."""
        return (
            sum(r.offers_made for r in self.rows),
            sum(r.accepted for r in self.rows),
            sum((r.pending for r in self.rows), Decimal("0")),
            sum((r.earned for r in self.rows), Decimal("0")),
        )


class UpsellOrdersModel(QAbstractTableModel):
    """The orders behind a row of the table (:class:`app.capsules.kpi.UpsellOrder`)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.orders: tuple[UpsellOrder, ...] = ()
        self.language = "en"

    def set_orders(self, orders: tuple[UpsellOrder, ...]) -> None:
        self.beginResetModel()
        self.orders = orders
        self.endResetModel()

    def set_language(self, language: str) -> None:
        self.language = language
        if self.orders:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.orders) - 1, 6))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(ORDER_COLUMNS) - 1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.orders)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ORDER_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(ORDER_COLUMNS):
            if role == DISPLAY:
                return QCoreApplication.translate("UpsellOrdersModel", ORDER_COLUMNS[section])
            if role == ALIGNMENT:
                return _RIGHT if section in _O_NUMERIC else _LEFT
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.orders):
            return None
        order, column = self.orders[index.row()], index.column()
        if role == DISPLAY:
            if column == O_NUMBER:
                return order.number
            if column == O_DAY:
                return order.credited_on.isoformat()
            if column == O_OPERATOR:
                return order.operator_name
            if column == O_ITEMS:
                return str(order.items)
            if column == O_AMOUNT:
                return format_rub(order.amount, self.language)
            if column == O_STATE:
                state = _STATES.get(order.state)
                return (
                    QCoreApplication.translate("UpsellOrdersModel", state) if state else order.state
                )
            if column == O_CAPSULES:
                return order.capsules
            return None
        if role == ALIGNMENT:
            return _RIGHT if column in _O_NUMERIC else _LEFT
        if role == ID_ROLE:
            return order.order_id
        if role == SORT_ROLE:
            if column == O_ITEMS:
                return order.items
            if column == O_AMOUNT:
                return float(order.amount)
            return self.data(index, DISPLAY)
        if role == TOOLTIP and column == O_NUMBER:
            return QCoreApplication.translate(
                "UpsellOrdersModel", "Enter or double-click: open it in the order card"
            )
        return None
