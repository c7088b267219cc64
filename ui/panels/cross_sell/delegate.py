"""Paints one suggestion as a compact card: a picture placeholder, the name, the one-line
reason, size and stock, and the price the customer pays (the shelf price struck through when a
loyalty discount applies). Fixed row height: the list never measures its rows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.formatting import format_rub
from ui.panels.cross_sell.model import ADDED, DECLINED, STATE_ROLE, RowState
from ui.panels.cross_sell.reasons import translate_reason

ROW_HEIGHT = 58
PICTURE = 44
PAD = 8
PRICE_WIDTH = 112

# placeholder colours by the item's role in its capsule (a picture service is not in scope;
# a coloured tile with the initial still tells rows apart at a glance)
_ROLE_COLOURS = {
    "top": ("#dbeafe", "#1d4ed8"),
    "bottom": ("#dcfce7", "#15803d"),
    "shoes": ("#fef3c7", "#b45309"),
    "accessory": ("#fce7f3", "#be185d"),
}
_NEUTRAL = ("#e2e8f0", "#334155")
_TEXT = QColor("#0f172a")
_MUTED = QColor("#64748b")
_FAINT = QColor("#94a3b8")
_GOOD = QColor("#15803d")
_BAD = QColor("#b91c1c")
_ACCENT = QColor("#2563eb")
_SELECTED_BG = QColor("#eff6ff")
_LINE = QColor("#e2e8f0")


class SuggestionDelegate(QStyledItemDelegate):
    """Draws :class:`ui.panels.cross_sell.model.RowState` rows."""

    language = "en"
    # the panel's translation of stored decline reasons
    reason_label: Callable[[str], str] | None = None

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        # no width of its own: the list gives every row the viewport's width
        return QSize(0, ROW_HEIGHT)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        state = index.data(STATE_ROLE)
        if not isinstance(state, RowState):
            return
        s = state.suggestion
        rect: QRect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus) or selected
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if selected:
            painter.fillRect(rect, _SELECTED_BG)
            painter.fillRect(QRect(rect.left(), rect.top(), 3, rect.height()), _ACCENT)
        painter.setPen(QPen(_LINE))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        done = state.outcome is not None
        if done:
            painter.setOpacity(0.55)

        # the picture placeholder
        bg, fg = _ROLE_COLOURS.get(s.role or "", _NEUTRAL)
        tile = QRect(
            rect.left() + PAD + 2, rect.top() + (rect.height() - PICTURE) // 2, PICTURE, PICTURE
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(bg))
        painter.drawRoundedRect(tile, 6, 6)
        big = QFont(option.font)
        big.setPointSizeF(option.font.pointSizeF() * 1.8)
        big.setBold(True)
        painter.setFont(big)
        painter.setPen(QColor(fg))
        painter.drawText(tile, Qt.AlignmentFlag.AlignCenter, (s.product_name[:1] or "?").upper())

        base = QFont(option.font)
        bold = QFont(option.font)
        bold.setBold(True)
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() - 0.5))
        line = QFontMetrics(base).height()
        left = tile.right() + PAD + 2
        price_left = rect.right() - 2 * PAD - PRICE_WIDTH
        text_width = max(40, price_left - left - PAD)
        top = rect.top() + (rect.height() - 3 * line) // 2

        # line 1: the name
        painter.setFont(bold)
        painter.setPen(_TEXT)
        name = QFontMetrics(bold).elidedText(
            s.product_name, Qt.TextElideMode.ElideRight, text_width
        )
        painter.drawText(QRect(left, top, text_width, line), _LEFT, name)
        # line 2: why (or what became of it)
        painter.setFont(small)
        if state.outcome == DECLINED:
            painter.setPen(_BAD)
            reason = self.reason_label(state.reason) if self.reason_label else state.reason
            why = self.tr("Declined: %1").replace("%1", reason)
        elif state.outcome == ADDED:
            painter.setPen(_GOOD)
            why = self.tr("Added to the order")
        else:
            painter.setPen(_MUTED)
            why = translate_reason(s.reason)
        why = QFontMetrics(small).elidedText(why, Qt.TextElideMode.ElideRight, text_width)
        painter.drawText(QRect(left, top + line, text_width, line), _LEFT, why)
        # line 3: size and stock
        parts = []
        if state.size:
            sizes = len(s.sizes)
            arrows = "  ◂ ▸" if sizes > 1 and focused and not done else ""
            parts.append(self.tr("Size %1").replace("%1", state.size) + arrows)
        if state.quantity > 1:
            parts.append(f"× {state.quantity}")
        parts.append(self._stock(state))
        painter.setFont(small)
        painter.setPen(_TEXT if not done else _MUTED)
        info = QFontMetrics(small).elidedText(
            "  ·  ".join(parts), Qt.TextElideMode.ElideRight, text_width
        )
        painter.drawText(QRect(left, top + 2 * line, text_width, line), _LEFT, info)

        # the price the customer pays; the shelf price struck through under it
        painter.setFont(bold)
        painter.setPen(_TEXT)
        price_rect = QRect(price_left, top, PRICE_WIDTH, line)
        painter.drawText(price_rect, _RIGHT, format_rub(s.price_to_pay, self.language))
        if s.loyalty_pct > 0 and s.price_to_pay < s.price:
            struck = QFont(small)
            struck.setStrikeOut(True)
            painter.setFont(struck)
            painter.setPen(_FAINT)
            painter.drawText(
                QRect(price_left, top + line, PRICE_WIDTH, line),
                _RIGHT,
                format_rub(s.price, self.language),
            )
            painter.setFont(small)
            painter.setPen(_MUTED)
            painter.drawText(
                QRect(price_left, top + 2 * line, PRICE_WIDTH, line),
                _RIGHT,
                self.tr("−%1 % loyalty").replace("%1", f"{s.loyalty_pct.normalize():f}"),
            )
        painter.restore()

    def _stock(self, state: RowState) -> str:
        store, online = state.free_at_store, state.free_online
        if store > 0 and online > 0:
            return (
                self.tr("%1 at the store, %2 online")
                .replace("%1", str(store))
                .replace("%2", str(online))
            )
        if store > 0:
            return self.tr("%1 at the store").replace("%1", str(store))
        if online > 0:
            return self.tr("%1 online").replace("%1", str(online))
        return self.tr("out of stock")


_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
