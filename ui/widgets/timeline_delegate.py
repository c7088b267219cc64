"""Paints a timeline row on two lines in a narrow dock: a coloured dot for the kind, the time
and who acted (small, muted), then the event itself, elided to the width (the tooltip has it
all). Rows keep one fixed height, so the view never measures content."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.models.timeline import ACTOR_ROLE, COL_WHEN, DECORATION, DISPLAY

ROW_HEIGHT = 42
_MUTED = QColor("#64748b")
_TEXT = QColor("#0f172a")


class TimelineDelegate(QStyledItemDelegate):
    """For the "What" column of :class:`ui.models.timeline.TimelineModel`."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(option.rect.width(), ROW_HEIGHT)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.icon = opt.icon.__class__()  # no decoration from the style: the dot is ours
        widget = opt.widget
        if widget is not None:
            widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        when_index = index.siblingAtColumn(COL_WHEN)
        when = when_index.data(DISPLAY) or ""
        actor = index.data(ACTOR_ROLE) or ""
        colour = when_index.data(DECORATION)
        text = index.data(DISPLAY) or ""

        rect = option.rect.adjusted(8, 4, -8, -4)
        small = QFont(opt.font)
        small.setPointSizeF(max(6.0, opt.font.pointSizeF() - 1))
        small_metrics = QFontMetrics(small)
        metrics = QFontMetrics(opt.font)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        dot = 8
        top_line_y = rect.top() + (small_metrics.height() - dot) / 2
        if isinstance(colour, QColor):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawEllipse(QRectF(rect.left(), top_line_y, dot, dot))
        left = rect.left() + dot + 6
        painter.setFont(small)
        painter.setPen(_MUTED)
        meta = f"{when} · {actor}" if actor else when
        meta = small_metrics.elidedText(meta, Qt.TextElideMode.ElideRight, rect.right() - left)
        painter.drawText(
            QRectF(left, rect.top(), rect.right() - left, small_metrics.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            meta,
        )
        painter.setFont(opt.font)
        painter.setPen(_TEXT)
        body = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.right() - left)
        painter.drawText(
            QRectF(left, rect.bottom() - metrics.height(), rect.right() - left, metrics.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            body,
        )
        painter.restore()
