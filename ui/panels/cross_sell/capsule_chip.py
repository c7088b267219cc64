"""The order card's item name cell with its capsule as a small chip on the right.

The items model writes a line's recorded capsule after the name (``"Брюки  ◆ Школа"``); in
a narrow card the elided name used to swallow it. This delegate keeps the chip whole (elided on
its own, at most ~45 % of the cell) and draws the name in what is left. Capsules the services
only *guessed* for a line (``app.capsules.origin.item_capsules``, ``inferred``) come in through
``set_guesses`` keyed by offer id and are drawn dashed, with "?"."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)

MARK = "  ◆ "
# the items model's role carrying a line's offer id (ui.models.order_items.OFFER_ID_ROLE)
OFFER_ID_ROLE = Qt.ItemDataRole.UserRole + 2
DISPLAY = Qt.ItemDataRole.DisplayRole
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter
_CHIP_BG = QColor("#ede9fe")
# below these widths the name keeps the cell alone (px)
MIN_NAME = 90
MIN_CHIP = 56
GAP = 6
_CHIP_FG = QColor("#5b21b6")
_GUESS_FG = QColor("#6d28d9")


class CapsuleNameDelegate(QStyledItemDelegate):
    """Name + capsule chip (see the module docstring)."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.guesses: dict[int, str] = {}

    def set_guesses(self, guesses: dict[int, str]) -> None:
        self.guesses = guesses

    def split(self, index: QModelIndex | QPersistentModelIndex) -> tuple[str, str, bool]:
        """(name, capsule, guessed) of a cell."""
        text = str(index.data(DISPLAY) or "")
        if MARK in text:
            name, _, capsule = text.partition(MARK)
            return name, capsule, False
        offer = index.data(OFFER_ID_ROLE)
        guess = self.guesses.get(offer) if isinstance(offer, int) else None
        return text, guess or "", guess is not None

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        """The model's tooltip, plus the guessed capsule (the model knows only recorded ones)."""
        _name, capsule, guessed = self.split(index)
        if guessed and event.type() == QEvent.Type.ToolTip:
            base = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
            guess = self.tr("Probably from the capsule “%1” (the order did not say)").replace(
                "%1", capsule
            )
            QToolTip.showText(event.globalPos(), f"{base}\n{guess}".strip(), view)
            return True
        return super().helpEvent(event, view, option, index)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        name, capsule, guessed = self.split(index)
        if not capsule:
            super().paint(painter, option, index)
            return
        rect: QRect = option.rect.adjusted(4, 0, -4, 0)
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() - 1))
        chip_metrics = QFontMetrics(small)
        name_metrics = QFontMetrics(option.font)
        label = ("◇ " if guessed else "◆ ") + capsule + (" ?" if guessed else "")
        # The name comes first: the chip gets what the name leaves, at most its own width,
        # and is left out when too little is left to read (the tooltip still names it).
        wanted = chip_metrics.horizontalAdvance(label) + 12
        name_width = name_metrics.horizontalAdvance(name)
        room = rect.width() - min(name_width, max(rect.width() * 0.6, MIN_NAME)) - GAP
        chip_width = int(min(wanted, room))
        if chip_width < MIN_CHIP:
            super().paint(painter, option, index)
            return
        chip_height = chip_metrics.height() + 4
        chip_left = min(rect.left() + name_width + GAP, rect.right() - chip_width)
        chip = QRect(
            chip_left, rect.top() + (rect.height() - chip_height) // 2, chip_width, chip_height
        )
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        name_rect = QRect(rect.left(), rect.top(), chip.left() - rect.left() - 6, rect.height())
        painter.setFont(option.font)
        painter.setPen(
            option.palette.highlightedText().color() if selected else option.palette.text().color()
        )
        elided = name_metrics.elidedText(
            name, Qt.TextElideMode.ElideRight, max(0, name_rect.width())
        )
        painter.drawText(name_rect, _LEFT, elided)
        if guessed:
            painter.setPen(QPen(_GUESS_FG, 1, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_CHIP_BG)
        painter.drawRoundedRect(chip.adjusted(0, 0, -1, -1), 4, 4)
        painter.setFont(small)
        painter.setPen(_GUESS_FG if guessed else _CHIP_FG)
        painter.drawText(
            chip.adjusted(6, 0, -6, 0),
            _CENTER,
            chip_metrics.elidedText(label, Qt.TextElideMode.ElideRight, chip_width - 12),
        )
        painter.restore()
