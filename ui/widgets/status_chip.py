"""Status chips: the status cell painted as a small coloured pill, one colour per status.

A delegate rather than a stylesheet: the colour depends on the row's data, and painting a
rounded rect for the ~30 visible status cells is cheaper than styling per-cell widgets."""

from __future__ import annotations

from math import ceil

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

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


# Rendered chips by (code, text, font, size, device pixel ratio): a grid frame paints ~30 of
# them, mostly the same few; blitting a pixmap costs a fraction of measuring, eliding and
# drawing the text and the rounded rect again (PERF.md T4).
_CHIP_CACHE: dict[tuple[object, ...], QPixmap] = {}
_CHIP_CACHE_LIMIT = 512
_MAX_CHIP_WIDTH = 600


def _chip(
    index: QModelIndex | QPersistentModelIndex,
    text: str,
    font: QFont,
    max_width: int,
    row_height: int,
    ratio: float,
) -> QPixmap:
    # keyed by the text (a status name is one status in one language), not by a second data()
    # call for the code, which is only asked for when a chip is drawn the first time
    key = (text, font.key(), max_width, row_height, ratio)
    pixmap = _CHIP_CACHE.get(key)
    if pixmap is not None:
        return pixmap
    pixmap = render_chip(
        text, index.data(STATUS_CODE_ROLE) or "", font, max_width, row_height, ratio
    )
    if len(_CHIP_CACHE) >= _CHIP_CACHE_LIMIT:
        _CHIP_CACHE.clear()
    _CHIP_CACHE[key] = pixmap
    return pixmap


def render_chip(
    text: str, code: str, font: QFont, max_width: int, row_height: int, ratio: float
) -> QPixmap:
    """The chip of status ``code`` reading ``text``, elided to ``max_width``, at most
    ``row_height`` high, for a device pixel ratio of ``ratio``."""
    bg, fg = _COLOURS.get(code, _FALLBACK_COLOURS)
    metrics = QFontMetrics(font)
    pad_x, pad_y = 8, 3
    # +2: horizontalAdvance() rounds, and a chip that fits must never be elided
    width = min(metrics.horizontalAdvance(text) + 2 + 2 * pad_x, max_width)
    height = min(metrics.height() + 2 * pad_y, row_height)
    pixmap = QPixmap(max(1, ceil(width * ratio)), max(1, ceil(height * ratio)))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(bg)
    rect = QRectF(0, 0, width, height)
    painter.drawRoundedRect(rect, height / 2, height / 2)
    painter.setPen(fg)
    painter.setFont(font)
    elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(width - 2 * pad_x))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, elided)
    painter.end()
    return pixmap


class GridChips(QObject):
    """The chips of a grid's status column as pictures, for a model that hands them to the
    view's default delegate as the cell's decoration (``OrderTableModel.set_status_chips``):
    C++ paints them, with no Python paint call per cell (PERF.md T4). Elided to the column's
    current width, in the view's font (pictures are dropped when it or the style changes),
    sharp at the screen's pixel ratio."""

    def __init__(self, view: QTableView, column: int, row_height: int) -> None:
        super().__init__(view)
        self._view = view
        self._column = column
        self._height = row_height - 4
        self._cache: dict[tuple[str, int, float], QIcon] = {}
        # An icon's size in a view is at most the view's icon size: room for any chip (a chip
        # icon is never scaled up; the lease lock comes as a 14 px pixmap, sized by itself).
        view.setIconSize(QSize(_MAX_CHIP_WIDTH, self._height))
        # the view's own events only (a few per frame at most), not its viewport's
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _RESTYLED:
            self._cache.clear()
        return False

    def __call__(self, text: str, code: str) -> QIcon:
        view = self._view
        width = min(view.columnWidth(self._column) - 8, _MAX_CHIP_WIDTH)
        key = (text, width, view.devicePixelRatioF())
        icon = self._cache.get(key)
        if icon is None:
            if len(self._cache) >= _CHIP_CACHE_LIMIT:
                self._cache.clear()
            pixmap = render_chip(text, code, view.font(), width, self._height, key[2])
            icon = QIcon()
            # the same picture when the row is selected: without it the style would tint the
            # chip with the highlight colour (its colour is the status, not the selection)
            icon.addPixmap(pixmap, QIcon.Mode.Normal)
            icon.addPixmap(pixmap, QIcon.Mode.Selected)
            self._cache[key] = icon
        return icon


_RESTYLED = frozenset({QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.Polish})


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
        # the row's background (selection, alternate colour) straight from the view's option:
        # no initStyleOption round of data() calls for a cell whose text we paint ourselves
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget
            )
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        chip = _chip(
            index,
            text,
            option.font,
            option.rect.width() - 8,
            option.rect.height() - 4,
            ratio,
        )
        size = chip.deviceIndependentSize()
        painter.drawPixmap(
            QPointF(
                option.rect.left() + 4,
                option.rect.top() + (option.rect.height() - size.height()) / 2,
            ),
            chip,
        )
