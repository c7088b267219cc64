"""Status chips: the status cell painted as a small coloured pill, one colour per status.

A delegate rather than a stylesheet: the colour depends on the row's data, and painting a
rounded rect for the ~30 visible status cells is cheaper than styling per-cell widgets."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.models.order_table import DISPLAY, STATUS_CODE_ROLE

# (background, text) per status code; pale fills with dark text stay readable when selected.
STATUS_COLOURS: dict[str, tuple[str, str]] = {
    "new": ("#dbeafe", "#1e40af"),
    "needs_confirmation": ("#fef3c7", "#92400e"),
    "no_answer": ("#fee2e2", "#991b1b"),
    "confirmed": ("#dcfce7", "#166534"),
    "assembling": ("#e0f2fe", "#075985"),
    "ready_for_pickup": ("#ede9fe", "#5b21b6"),
    "shipped": ("#e0e7ff", "#3730a3"),
    "completed": ("#d1fae5", "#065f46"),
    "cancelled": ("#f1f5f9", "#475569"),
    "returned": ("#fae8ff", "#86198f"),
}
_FALLBACK = ("#f1f5f9", "#334155")
_COLOURS = {code: (QColor(bg), QColor(fg)) for code, (bg, fg) in STATUS_COLOURS.items()}
_FALLBACK_COLOURS = (QColor(_FALLBACK[0]), QColor(_FALLBACK[1]))


class StatusChipDelegate(QStyledItemDelegate):
    """Paints the status column as a chip; everything else is the default item painting."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        text = index.data(DISPLAY)
        if not text:
            super().paint(painter, option, index)
            return
        # background (selection / alternate row) first, without the text
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        bg, fg = _COLOURS.get(index.data(STATUS_CODE_ROLE), _FALLBACK_COLOURS)
        metrics = QFontMetrics(opt.font)
        pad_x, pad_y = 8, 3
        # +2: horizontalAdvance() rounds, and a chip that fits must never be elided
        width = min(metrics.horizontalAdvance(text) + 2 + 2 * pad_x, option.rect.width() - 8)
        height = min(metrics.height() + 2 * pad_y, option.rect.height() - 4)
        rect = QRectF(
            option.rect.left() + 4,
            option.rect.top() + (option.rect.height() - height) / 2,
            width,
            height,
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(bg)
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(fg)
        painter.setFont(opt.font)
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(width - 2 * pad_x))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, elided)
        painter.restore()
