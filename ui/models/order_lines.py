"""Models of the new-order and one-click dialogs: offers found by search (with free stock per
store) and the lines of the order being put together (quantity editable)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
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
    Signal,
)

from app.orders.card import OfferHit
from ui.formatting import format_rub

DISPLAY = Qt.ItemDataRole.DisplayRole
EDIT = Qt.ItemDataRole.EditRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
# the offer's database id
OFFER_ID_ROLE = Qt.ItemDataRole.UserRole + 20

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_RO = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

translate = QCoreApplication.translate

MAX_QUANTITY = 999


def offer_label(hit: OfferHit) -> str:
    """ "Платье, красный, 110" — the name with colour and size when the name lacks them."""
    extra = [x for x in (hit.color, hit.size) if x and x not in hit.name]
    return ", ".join([hit.name, *extra])


def stock_summary(hit: OfferHit, limit: int = 3) -> str:
    """ "Тверская 5 · Арбат 2 · +3 stores" (stores with free units, most first)."""
    if not hit.free_by_store:
        return translate("OfferHitsModel", "out of stock")
    shown = [f"{name} {qty}" for name, qty in hit.free_by_store[:limit]]
    more = len(hit.free_by_store) - limit
    if more > 0:
        shown.append(translate("OfferHitsModel", "+%n store(s)", "", more))
    return " · ".join(shown)


OFFER_COLUMNS: tuple[Any, ...] = (
    QT_TRANSLATE_NOOP("OfferHitsModel", "Item"),
    QT_TRANSLATE_NOOP("OfferHitsModel", "SKU"),
    QT_TRANSLATE_NOOP("OfferHitsModel", "Price"),
    QT_TRANSLATE_NOOP("OfferHitsModel", "Free stock"),
)
OFFER_COL_NAME, OFFER_COL_SKU, OFFER_COL_PRICE, OFFER_COL_STOCK = range(4)
_OFFER_ALIGN = (_LEFT, _LEFT, _RIGHT, _LEFT)


class OfferHitsModel(QAbstractTableModel):
    """Offers found by the offer search; read-only."""

    def __init__(self, language: str = "en", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._hits: list[OfferHit] = []
        self._cells: list[tuple[str, str, str, str]] = []

    def set_hits(self, hits: Iterable[OfferHit], language: str | None = None) -> None:
        self.beginResetModel()
        if language:
            self._language = language
        self._hits = list(hits)
        self._cells = [
            (offer_label(h), h.external_id, format_rub(h.price, self._language), stock_summary(h))
            for h in self._hits
        ]
        self.endResetModel()

    def hit_at(self, row: int) -> OfferHit:
        return self._hits[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(OFFER_COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self._hits):
            return None
        row, col = index.row(), index.column()
        if role == DISPLAY:
            return self._cells[row][col]
        if role == ALIGNMENT:
            return _OFFER_ALIGN[col]
        if role == TOOLTIP:
            if col == OFFER_COL_STOCK:
                hit = self._hits[row]
                return "\n".join(f"{name}: {qty}" for name, qty in hit.free_by_store) or None
            return self._cells[row][col]
        if role == OFFER_ID_ROLE:
            return self._hits[row].offer_id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and 0 <= section < len(OFFER_COLUMNS):
            if role == DISPLAY:
                return translate("OfferHitsModel", OFFER_COLUMNS[section])
            if role == ALIGNMENT:
                return _OFFER_ALIGN[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return _RO if index.isValid() else Qt.ItemFlag.NoItemFlags


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the order being put together."""

    offer_id: int
    label: str
    sku: str
    price: Decimal
    quantity: int = 1

    @property
    def total(self) -> Decimal:
        return self.price * self.quantity


LINE_COLUMNS: tuple[Any, ...] = (
    QT_TRANSLATE_NOOP("OrderLinesModel", "Item"),
    QT_TRANSLATE_NOOP("OrderLinesModel", "Qty"),
    QT_TRANSLATE_NOOP("OrderLinesModel", "Price"),
    QT_TRANSLATE_NOOP("OrderLinesModel", "Sum"),
)
LINE_COL_NAME, LINE_COL_QTY, LINE_COL_PRICE, LINE_COL_SUM = range(4)
_LINE_ALIGN = (_LEFT, _RIGHT, _RIGHT, _RIGHT)


class OrderLinesModel(QAbstractTableModel):
    """The new order's lines; the quantity column is editable (1–999)."""

    # lines were added, removed or changed
    sig_lines_changed = Signal()

    def __init__(self, language: str = "en", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._lines: list[Line] = []

    @property
    def lines(self) -> tuple[Line, ...]:
        return tuple(self._lines)

    @property
    def total(self) -> Decimal:
        return sum((line.total for line in self._lines), Decimal("0"))

    def add_offer(self, hit: OfferHit, quantity: int = 1) -> int:
        """Add ``hit`` (or raise the quantity of its line); returns the line's row."""
        for row, line in enumerate(self._lines):
            if line.offer_id == hit.offer_id:
                self.set_quantity(row, line.quantity + quantity)
                return row
        row = len(self._lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self._lines.append(
            Line(hit.offer_id, offer_label(hit), hit.external_id, hit.price, quantity)
        )
        self.endInsertRows()
        self.sig_lines_changed.emit()
        return row

    def remove_row(self, row: int) -> None:
        if not 0 <= row < len(self._lines):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._lines[row]
        self.endRemoveRows()
        self.sig_lines_changed.emit()

    def set_quantity(self, row: int, quantity: int) -> bool:
        if not 0 <= row < len(self._lines) or not 1 <= quantity <= MAX_QUANTITY:
            return False
        self._lines[row] = replace(self._lines[row], quantity=quantity)
        self.dataChanged.emit(self.index(row, LINE_COL_QTY), self.index(row, LINE_COL_SUM))
        self.sig_lines_changed.emit()
        return True

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(LINE_COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self._lines):
            return None
        line, col = self._lines[index.row()], index.column()
        if role == DISPLAY:
            if col == LINE_COL_NAME:
                return line.label
            if col == LINE_COL_QTY:
                return str(line.quantity)
            if col == LINE_COL_PRICE:
                return format_rub(line.price, self._language)
            return format_rub(line.total, self._language)
        if role == EDIT and col == LINE_COL_QTY:
            return line.quantity
        if role == ALIGNMENT:
            return _LINE_ALIGN[col]
        if role == TOOLTIP and col == LINE_COL_NAME:
            return f"{line.label}\n{line.sku}"
        if role == OFFER_ID_ROLE:
            return line.offer_id
        return None

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = EDIT
    ) -> bool:
        if not index.isValid() or role != EDIT or index.column() != LINE_COL_QTY:
            return False
        try:
            quantity = int(value)
        except (TypeError, ValueError):
            return False
        return self.set_quantity(index.row(), quantity)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and 0 <= section < len(LINE_COLUMNS):
            if role == DISPLAY:
                return translate("OrderLinesModel", LINE_COLUMNS[section])
            if role == ALIGNMENT:
                return _LINE_ALIGN[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.column() == LINE_COL_QTY:
            return _RO | Qt.ItemFlag.ItemIsEditable
        return _RO
