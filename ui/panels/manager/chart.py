"""The day-by-day upsell chart, painted with QPainter (QtCharts is not in PySide6-Essentials):
one bar per day, earned at the bottom (green) and pending on top (amber); hovering a bar
names the day's figures."""

from __future__ import annotations

import math
from decimal import Decimal

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from app.capsules.kpi import UpsellDay
from ui.formatting import format_rub

EARNED = QColor("#16a34a")
PENDING = QColor("#f59e0b")
_AXIS = QColor("#cbd5e1")
_GRID = QColor("#f1f5f9")
_TEXT = QColor("#475569")
_EMPTY = QColor("#94a3b8")


def nice_ceiling(value: float) -> float:
    """The next "round" number at or above ``value`` (1, 2, 2.5, 5 × 10^n) for the axis."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def compact_rub(value: float, language: str) -> str:
    """Axis labels: ``12k ₽`` / ``1.5M ₽`` (no kopecks on an axis)."""
    unit = ("", 1.0)
    for suffix, size in (("M", 1e6), ("k", 1e3)):
        if value >= size:
            unit = (suffix, size)
            break
    number = value / unit[1]
    text = f"{number:.1f}".rstrip("0").rstrip(".") if unit[0] else f"{number:.0f}"
    if language == "ru":
        suffix = {"M": " млн", "k": " тыс.", "": ""}[unit[0]]
        return text.replace(".", ",") + suffix + " ₽"
    return "₽" + text + unit[0]


class DailyChart(QWidget):
    """Stacked bars of earned + pending upsell per day."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("UpsellChart")
        self.setMouseTracking(True)
        self.setMinimumHeight(160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.days: tuple[UpsellDay, ...] = ()
        self.language = "en"
        self.caption = ""
        self._bars: list[tuple[QRect, UpsellDay]] = []

    def sizeHint(self) -> QSize:
        return QSize(600, 220)

    def set_days(self, days: tuple[UpsellDay, ...], caption: str) -> None:
        self.days = days
        self.caption = caption
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        self._bars = []

        # caption and legend
        painter.setPen(_TEXT)
        top = 6
        painter.drawText(QRect(10, top, self.width() - 20, line), Qt.AlignmentFlag.AlignLeft,
                         self.caption)  # fmt: skip
        x = self.width() - 10
        for colour, label in ((PENDING, self.tr("pending")), (EARNED, self.tr("earned"))):
            width = metrics.horizontalAdvance(label)
            x -= width
            painter.setPen(_TEXT)
            painter.drawText(QRect(x, top, width, line), Qt.AlignmentFlag.AlignLeft, label)
            x -= 16
            painter.fillRect(QRect(x, top + (line - 10) // 2, 10, 10), colour)
            x -= 14

        values = [float(d.pending + d.earned) for d in self.days]
        peak = nice_ceiling(max(values, default=0.0))
        axis_width = (
            max(
                metrics.horizontalAdvance(compact_rub(peak, self.language)),
                metrics.horizontalAdvance(compact_rub(peak / 2, self.language)),
            )
            + 12
        )
        plot = QRect(10 + axis_width, top + line + 10, self.width() - 20 - axis_width, 0)
        plot.setBottom(self.height() - line - 12)
        if plot.height() < 20 or plot.width() < 20:
            return
        # grid and the axis labels
        for fraction in (0.0, 0.5, 1.0):
            y = plot.bottom() - int(plot.height() * fraction)
            painter.setPen(QPen(_AXIS if fraction == 0 else _GRID, 1))
            painter.drawLine(plot.left(), y, plot.right(), y)
            painter.setPen(_TEXT)
            painter.drawText(
                QRect(0, y - line // 2, plot.left() - 6, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                compact_rub(peak * fraction, self.language),
            )
        if not self.days:
            painter.setPen(_EMPTY)
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("No data for the period"))
            return
        if not any(values):
            painter.setPen(_EMPTY)
            painter.drawText(
                plot, Qt.AlignmentFlag.AlignCenter, self.tr("No upsell credited in the period")
            )
        slot = plot.width() / len(self.days)
        bar = max(2.0, min(28.0, slot * 0.7))
        label_every = max(1, math.ceil((metrics.horizontalAdvance("30.12") + 8) / slot))
        for i, day in enumerate(self.days):
            centre = plot.left() + slot * (i + 0.5)
            earned_h = plot.height() * float(day.earned) / peak
            pending_h = plot.height() * float(day.pending) / peak
            left = centre - bar / 2
            painter.setPen(Qt.PenStyle.NoPen)
            if earned_h > 0:
                painter.setBrush(EARNED)
                painter.drawRect(QRectF(left, plot.bottom() - earned_h, bar, earned_h))
            if pending_h > 0:
                painter.setBrush(PENDING)
                painter.drawRect(QRectF(left, plot.bottom() - earned_h - pending_h, bar, pending_h))
            hit = QRect(int(plot.left() + slot * i), plot.top(), max(1, int(slot)), plot.height())
            self._bars.append((hit, day))
            if i % label_every == 0:
                painter.setPen(_TEXT)
                text = day.day.strftime("%d.%m")
                painter.drawText(
                    QRect(int(centre - 30), plot.bottom() + 4, 60, line),
                    Qt.AlignmentFlag.AlignHCenter,
                    text,
                )

    def day_at(self, point: QPoint) -> UpsellDay | None:
        for rect, day in self._bars:
            if rect.contains(point):
                return day
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position().toPoint())
        if day is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(event.globalPosition().toPoint(), self.describe(day), self)
        super().mouseMoveEvent(event)

    def describe(self, day: UpsellDay) -> str:
        money = Decimal(day.pending) + Decimal(day.earned)
        return "\n".join(
            (
                day.day.isoformat(),
                self.tr("Offers: %1, accepted: %2")
                .replace("%1", str(day.offers_made))
                .replace("%2", str(day.accepted)),
                self.tr("Upsell: %1 (earned %2, pending %3)")
                .replace("%1", format_rub(money, self.language))
                .replace("%2", format_rub(day.earned, self.language))
                .replace("%3", format_rub(day.pending, self.language)),
            )
        )
