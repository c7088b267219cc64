"""The order card's item name cell with its capsule as a small chip on the right.

The items model writes a line's recorded capsule after the name (``"Брюки  ◆ Школа"``); in
a narrow card the elided name used to swallow it. This delegate keeps the chip whole (elided on
its own, at most ~45 % of the cell) and draws the name in what is left. Capsules the services
only *guessed* for a line (``app.capsules.origin.item_capsules``, ``inferred``) come in through
``set_guesses`` keyed by offer id and are drawn dashed, with "?"."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

MARK = "  ◆ "
# the items model's role carrying a line's offer id (ui.models.order_items.OFFER_ID_ROLE)
OFFER_ID_ROLE = Qt.ItemDataRole.UserRole + 2
DISPLAY = Qt.ItemDataRole.DisplayRole
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter
_CHIP_BG = QColor("#ede9fe")
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
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

        rect: QRect = option.rect.adjusted(4, 0, -4, 0)
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() - 1))
        chip_metrics = QFontMetrics(small)
        label = ("◇ " if guessed else "◆ ") + capsule + (" ?" if guessed else "")
        chip_width = min(chip_metrics.horizontalAdvance(label) + 12, int(rect.width() * 0.45))
        chip_height = chip_metrics.height() + 4
        chip = QRect(
            rect.right() - chip_width,
            rect.top() + (rect.height() - chip_height) // 2,
            chip_width,
            chip_height,
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        name_rect = QRect(rect.left(), rect.top(), chip.left() - rect.left() - 6, rect.height())
        painter.setFont(option.font)
        painter.setPen(
            option.palette.highlightedText().color() if selected else option.palette.text().color()
        )
        elided = QFontMetrics(option.font).elidedText(
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
