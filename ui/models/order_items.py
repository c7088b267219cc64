"""The order card's items: an editable Qt table model over ``OrderEdits.lines``.

Quantity and discount are edited in place (a spin box and a money field); a row is removed or
added through the model's own methods so views get paired begin/end notifications. The model
never touches the database: free stock comes in with the card or after a store change."""

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
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from app.orders.card import OfferHit
from ui.formatting import format_rub
from ui.models.order_edits import MAX_QUANTITY, OrderEdits, parse_money

DISPLAY = Qt.ItemDataRole.DisplayRole
EDIT = Qt.ItemDataRole.EditRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
BACKGROUND = Qt.ItemDataRole.BackgroundRole
# True when the line lacks free stock at the shipping store
SHORT_ROLE = Qt.ItemDataRole.UserRole + 1
# the offer id of the line
OFFER_ID_ROLE = Qt.ItemDataRole.UserRole + 2

_CTX = "OrderItemsModel"
COLUMNS: tuple[Any, ...] = (
    QT_TRANSLATE_NOOP("OrderItemsModel", "Item"),
    QT_TRANSLATE_NOOP("OrderItemsModel", "Colour / size"),
    QT_TRANSLATE_NOOP("OrderItemsModel", "Price"),
    QT_TRANSLATE_NOOP("OrderItemsModel", "Qty"),
    QT_TRANSLATE_NOOP("OrderItemsModel", "Discount"),
    QT_TRANSLATE_NOOP("OrderItemsModel", "Total"),
    QT_TRANSLATE_NOOP("OrderItemsModel", "Free"),
)
COL_NAME, COL_VARIANT, COL_PRICE, COL_QTY, COL_DISCOUNT, COL_TOTAL, COL_FREE = range(7)
_NUMERIC = frozenset({COL_PRICE, COL_QTY, COL_DISCOUNT, COL_TOTAL, COL_FREE})
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_SHORT_FG = QBrush(QColor("#b91c1c"))
_SHORT_BG = QBrush(QColor("#fee2e2"))
_MUTED_FG = QBrush(QColor("#64748b"))
_ITEM_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDIT_FLAGS = _ITEM_FLAGS | Qt.ItemFlag.ItemIsEditable


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


class OrderItemsModel(QAbstractTableModel):
    """One row per order line; columns ``COLUMNS``. Editable while ``editable`` is True."""

    # a quantity or discount was edited, a line added or removed (totals need recomputing)
    sig_lines_changed = Signal()
    # an edit was refused (readable message, e.g. a discount above the line's price)
    sig_edit_refused = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._edits: OrderEdits | None = None
        self.editable = False
        self.language = "en"
        # the colour / size column is hidden (narrow dock): the name carries the variant
        self.variant_in_name = False

    # -- content ------------------------------------------------------------------------------
    def set_edits(self, edits: OrderEdits | None, editable: bool) -> None:
        self.beginResetModel()
        self._edits = edits
        self.editable = editable and edits is not None
        self.endResetModel()

    def set_editable(self, editable: bool) -> None:
        if editable == self.editable:
            return
        self.editable = editable and self._edits is not None
        self._all_changed()

    def set_language(self, language: str) -> None:
        self.language = language
        self._all_changed()
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def set_variant_in_name(self, on: bool) -> None:
        self.variant_in_name = on
        self._all_changed()

    def refresh(self) -> None:
        """Repaint every cell (free stock or the loyalty percentage changed)."""
        self._all_changed()

    def _all_changed(self) -> None:
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )

    def add_offer(self, hit: OfferHit, quantity: int, free_at_store: int | None) -> int:
        """Add an offer as a line (or more of a line added earlier in this edit). Returns
        its row."""
        edits = self._edits
        assert edits is not None
        existing = edits.added_row_for(hit.offer_id)
        if existing is not None:
            row = edits.add_offer(hit, quantity, free_at_store)
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        else:
            row = len(edits.lines)
            self.beginInsertRows(QModelIndex(), row, row)
            edits.add_offer(hit, quantity, free_at_store)
            self.endInsertRows()
        self.sig_lines_changed.emit()
        return row

    def remove_row(self, row: int) -> None:
        assert self._edits is not None
        if not 0 <= row < len(self._edits.lines):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        self._edits.remove(row)
        self.endRemoveRows()
        self.sig_lines_changed.emit()

    # -- Qt model API -------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._edits is None:
            return 0
        return len(self._edits.lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == DISPLAY:
                return _tr(COLUMNS[section])
            if role == ALIGNMENT:
                return _RIGHT if section in _NUMERIC else _LEFT
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.editable and index.column() in (COL_QTY, COL_DISCOUNT):
            return _EDIT_FLAGS
        return _ITEM_FLAGS

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> Any:
        edits = self._edits
        if edits is None or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not 0 <= row < len(edits.lines):
            return None
        line = edits.lines[row]
        if role == DISPLAY:
            return self._display(line, column, edits)
        if role == EDIT:
            if column == COL_QTY:
                return line.quantity
            if column == COL_DISCOUNT:
                return str(line.effective_discount(edits.loyalty_pct))
            return self._display(line, column, edits)
        if role == ALIGNMENT:
            return _RIGHT if column in _NUMERIC else _LEFT
        if role == FOREGROUND:
            if column == COL_FREE and line.short:
                return _SHORT_FG
            if column == COL_DISCOUNT and line.discount is None:
                return _MUTED_FG  # the automatic loyalty discount, not typed in
            return None
        if role == BACKGROUND:
            return _SHORT_BG if column == COL_FREE and line.short else None
        if role == TOOLTIP:
            return self._tooltip(line, column, edits)
        if role == SHORT_ROLE:
            return line.short
        if role == OFFER_ID_ROLE:
            return line.offer_id
        return None

    def _display(self, line: Any, column: int, edits: OrderEdits) -> Any:
        if column == COL_NAME:
            text = line.name
            if self.variant_in_name:
                variant = " / ".join(x for x in (line.color, line.size) if x)
                text = f"{text} · {variant}" if variant else text
            if line.capsule_name:
                return f"{text}  ◆ {line.capsule_name}"
            if line.is_cross_sell:
                return f"{text}  ◆ " + self.tr("cross-sell")
            return text
        if column == COL_VARIANT:
            return " / ".join(x for x in (line.color, line.size) if x)
        if column == COL_PRICE:
            return format_rub(line.price, self.language)
        if column == COL_QTY:
            return str(line.quantity)
        if column == COL_DISCOUNT:
            return format_rub(line.effective_discount(edits.loyalty_pct), self.language)
        if column == COL_TOTAL:
            return format_rub(line.line_total(edits.loyalty_pct), self.language)
        if column == COL_FREE:
            return "—" if line.free_at_store is None else str(line.free_at_store)
        return None

    def _tooltip(self, line: Any, column: int, edits: OrderEdits) -> str | None:
        if column == COL_NAME:
            variant = " / ".join(x for x in (line.color, line.size) if x)
            parts = [line.name, self.tr("SKU") + f": {line.offer_external_id}"]
            if variant:
                parts.insert(1, variant)
            if line.capsule_name:
                parts.append(self.tr("From the capsule “%1”").replace("%1", line.capsule_name))
            if line.is_cross_sell:
                parts.append(self.tr("Added as a cross-sell"))
            if line.item_id is None:
                parts.append(self.tr("Added now, not saved yet"))
            return "\n".join(parts)
        if column == COL_DISCOUNT:
            if line.discount is None:
                return self.tr("Loyalty discount %1 % (changes with the quantity)").replace(
                    "%1", f"{edits.loyalty_pct.normalize():f}"
                )
            return self.tr("Discount typed in by hand; clear the field for the loyalty discount")
        if column == COL_FREE:
            if line.free_at_store is None:
                return self.tr("No shipping store chosen")
            if line.short:
                return (
                    self.tr("Only %1 free at the shipping store, %2 wanted")
                    .replace("%1", str(line.free_at_store))
                    .replace("%2", str(line.quantity))
                )
            return self.tr("Free at the shipping store")
        if column == COL_QTY and self.editable:
            return self.tr("Type or use the arrows; Enter applies")
        return None

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = EDIT
    ) -> bool:
        edits = self._edits
        if edits is None or not index.isValid() or role != EDIT or not self.editable:
            return False
        row, column = index.row(), index.column()
        if not 0 <= row < len(edits.lines):
            return False
        try:
            if column == COL_QTY:
                quantity = int(value)
                if not 1 <= quantity <= MAX_QUANTITY:
                    raise ValueError(
                        self.tr(
                            "The quantity must be between 1 and %1 (remove the line instead)"
                        ).replace("%1", str(MAX_QUANTITY))
                    )
                changed = edits.set_quantity(row, quantity)
            elif column == COL_DISCOUNT:
                text = "" if value is None else str(value).strip()
                discount: Decimal | None = None if text == "" else parse_money(text)
                changed = edits.set_discount(row, discount)
            else:
                return False
        except (ValueError, TypeError) as exc:
            message = str(exc)
            if column == COL_DISCOUNT:
                line = edits.lines[row]
                message = self.tr("The discount must be an amount between 0 and %1").replace(
                    "%1", format_rub(line.price * line.quantity, self.language)
                )
            self.sig_edit_refused.emit(message)
            return False
        if changed:
            # quantity moves the loyalty discount, the total and the stock warning
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
            self.sig_lines_changed.emit()
        return True
