"""The queue's filter row: status, source, store, period (with a custom date range) and, for
supervisors and admins, operator.

A plain widget of combo boxes that says when the operator changed something
(``sig_changed``) and hands back the chosen restrictions as keyword arguments for
:func:`app.order_list.narrowed`. The lists come from :func:`app.order_list.queue_choices`
(loaded by the queue panel); until they arrive only "Any" is offered."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from app.order_list import QueueChoices
from models.orders import OrderSource
from ui.models.order_table import SOURCE_LABELS

# the period presets, in the order offered ("custom" shows the two date boxes)
PERIODS = ("any", "today", "yesterday", "week", "month", "custom")


def period_bounds(
    period: str, today: dt.date, zone: dt.tzinfo, first: dt.date, last: dt.date
) -> tuple[dt.datetime | None, dt.datetime | None]:
    """``created_from`` (inclusive) and ``created_to`` (exclusive), aware UTC, for a preset:
    days are the operator's days (``zone``), not UTC days. ``first``/``last`` are the custom
    range's dates (both inclusive)."""

    def start(day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(), tzinfo=zone).astimezone(dt.UTC)

    tomorrow = today + dt.timedelta(days=1)
    if period == "today":
        return start(today), start(tomorrow)
    if period == "yesterday":
        return start(today - dt.timedelta(days=1)), start(today)
    if period == "week":
        return start(today - dt.timedelta(days=6)), start(tomorrow)
    if period == "month":
        return start(today - dt.timedelta(days=29)), start(tomorrow)
    if period == "custom":
        low, high = min(first, last), max(first, last)
        return start(low), start(high + dt.timedelta(days=1))
    return None, None


class QueueFilterBar(QWidget):
    """Combo boxes for the queue's own filters."""

    # the operator changed a filter
    sig_changed = Signal()

    def __init__(self, *, with_operator: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("QueueFilterBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._language = "en"
        self._choices: QueueChoices | None = None
        self._allowed_statuses: tuple[str, ...] = ()

        self.status = self._combo("StatusFilter")
        self.source = self._combo("SourceFilter")
        self.store = self._combo("StoreFilter")
        self.period = self._combo("PeriodFilter")
        for _ in PERIODS:
            self.period.addItem("")
        self.date_from = self._date("DateFrom")
        self.date_to = self._date("DateTo")
        self.operator = self._combo("OperatorFilter")
        self.operator.setVisible(with_operator)
        self.clear_button = QPushButton(self)
        self.clear_button.setObjectName("ClearFiltersButton")
        self.clear_button.clicked.connect(self.clear)

        self.labels = {name: QLabel(self) for name in ("status", "source", "store", "period")}
        self.labels["operator"] = QLabel(self)
        self.labels["operator"].setVisible(with_operator)
        self.dash = QLabel("–", self)
        for name, widget in (
            ("status", self.status),
            ("source", self.source),
            ("store", self.store),
            ("period", self.period),
            ("operator", self.operator),
        ):
            self.labels[name].setBuddy(widget)

        grid = QGridLayout(self)
        grid.setContentsMargins(12, 4, 12, 8)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)
        grid.addWidget(self.labels["status"], 0, 0)
        grid.addWidget(self.status, 0, 1)
        grid.addWidget(self.labels["source"], 0, 2)
        grid.addWidget(self.source, 0, 3)
        grid.addWidget(self.labels["store"], 1, 0)
        grid.addWidget(self.store, 1, 1)
        grid.addWidget(self.labels["operator"], 1, 2)
        grid.addWidget(self.operator, 1, 3)
        grid.addWidget(self.labels["period"], 2, 0)
        grid.addWidget(self.period, 2, 1)
        dates = QHBoxLayout()
        dates.setSpacing(4)
        dates.addWidget(self.date_from)
        dates.addWidget(self.dash)
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        grid.addLayout(dates, 2, 2, 1, 2)
        grid.addWidget(self.clear_button, 3, 3, Qt.AlignmentFlag.AlignRight)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        self._fill_sources()
        self._fill_from_choices()
        self.period.currentIndexChanged.connect(self._period_chosen)
        self._show_dates()
        self.retranslate()

    # -- building ---------------------------------------------------------------------------------
    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        combo.currentIndexChanged.connect(self._changed)
        return combo

    def _date(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDate(QDate.currentDate())
        edit.dateChanged.connect(self._changed)
        return edit

    def _changed(self, *_args: Any) -> None:
        self.sig_changed.emit()

    def _period_chosen(self, _index: int) -> None:
        self._show_dates()

    def _show_dates(self) -> None:
        custom = self.period.currentIndex() == PERIODS.index("custom")
        for widget in (self.date_from, self.dash, self.date_to):
            widget.setVisible(custom)

    # -- choices ----------------------------------------------------------------------------------
    def set_choices(self, choices: QueueChoices) -> None:
        """The lists from the database (statuses, stores, operators)."""
        self._choices = choices
        self._fill_from_choices()

    def set_allowed_statuses(self, statuses: tuple[str, ...]) -> None:
        """Offer only these statuses (the view's; empty: all). One status: nothing to choose."""
        self._allowed_statuses = statuses
        self._fill_statuses()

    def set_language(self, language: str) -> None:
        self._language = language
        self._fill_from_choices()
        self._fill_sources()

    def _fill(self, combo: QComboBox, items: list[tuple[str, Any]]) -> None:
        """Replace a combo's items, keeping the chosen one if it is still offered."""
        current = combo.currentData()
        blocker = QSignalBlocker(combo)
        combo.clear()
        combo.addItem(self.tr("Any"), None)
        for text, data in items:
            combo.addItem(text, data)
        at = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(at, 0))
        del blocker
        if current is not None and at < 0:
            self.sig_changed.emit()  # the chosen entry is gone: the filter changed

    def _fill_from_choices(self) -> None:
        self._fill_statuses()
        choices = self._choices
        self._fill(self.store, [(c.name, c.id) for c in choices.stores] if choices else [])
        self._fill(self.operator, [(c.name, c.id) for c in choices.operators] if choices else [])

    def _fill_statuses(self) -> None:
        choices = self._choices
        items = []
        if choices is not None:
            allowed = set(self._allowed_statuses)
            for s in choices.statuses:
                if not allowed or s.code in allowed:
                    items.append((s.name_ru if self._language == "ru" else s.name_en, s.code))
        self._fill(self.status, items)
        self.status.setEnabled(len(items) != 1)

    def _fill_sources(self) -> None:
        from PySide6.QtCore import QCoreApplication

        items = [
            (QCoreApplication.translate("OrderSource", SOURCE_LABELS[s.value]), s.value)
            for s in OrderSource
        ]
        self._fill(self.source, items)

    # -- values -----------------------------------------------------------------------------------
    def period_code(self) -> str:
        return PERIODS[max(self.period.currentIndex(), 0)]

    def values(self, today: dt.date, zone: dt.tzinfo) -> dict[str, Any]:
        """The chosen restrictions as keyword arguments of :func:`app.order_list.narrowed`."""
        extra: dict[str, Any] = {}
        status = self.status.currentData()
        if status is not None:
            extra["statuses"] = (status,)
        source = self.source.currentData()
        if source is not None:
            extra["sources"] = (source,)
        store = self.store.currentData()
        if store is not None:
            extra["store_ids"] = (store,)
        operator = self.operator.currentData() if self.operator.isVisibleTo(self) else None
        if operator is not None:
            extra["operator_ids"] = (operator,)
        first, last = self.date_from.date().toPython(), self.date_to.date().toPython()
        low, high = period_bounds(self.period_code(), today, zone, first, last)
        if low is not None:
            extra["created_from"] = low
            extra["created_to"] = high
        return extra

    def chosen_operator(self) -> int | None:
        """The operator chosen in the operator box (supervisors: whose work to show)."""
        data = self.operator.currentData()
        return int(data) if data is not None and self.operator.isVisibleTo(self) else None

    def active_count(self) -> int:
        """How many filters restrict the view now (for the "Filters (2)" button)."""
        combos = [self.status, self.source, self.store, self.period]
        if self.operator.isVisibleTo(self):
            combos.append(self.operator)
        return sum(1 for c in combos if c.currentIndex() > 0)

    def clear(self) -> None:
        """Every filter back to "Any"."""
        for combo in (self.status, self.source, self.store, self.period, self.operator):
            blocker = QSignalBlocker(combo)
            combo.setCurrentIndex(0)
            del blocker
        self._show_dates()
        self.sig_changed.emit()

    # -- language ---------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.labels["status"].setText(self.tr("&Status"))
        self.labels["source"].setText(self.tr("So&urce"))
        self.labels["store"].setText(self.tr("St&ore"))
        self.labels["period"].setText(self.tr("Crea&ted"))
        self.labels["operator"].setText(self.tr("O&perator"))
        names = (
            self.tr("Any time"),
            self.tr("Today"),
            self.tr("Yesterday"),
            self.tr("Last 7 days"),
            self.tr("Last 30 days"),
            self.tr("Dates…"),
        )
        for i, name in enumerate(names):
            self.period.setItemText(i, name)
        for combo in (self.status, self.source, self.store, self.operator):
            if combo.count():
                combo.setItemText(0, self.tr("Any"))
        self.clear_button.setText(self.tr("Clear filters"))
        self.date_from.setToolTip(self.tr("From this day"))
        self.date_to.setToolTip(self.tr("To this day (inclusive)"))
