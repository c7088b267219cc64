"""Call back at…: when the customer asked to be called. Shown and typed in the operator's zone
(Europe/Moscow by default), stored in UTC. Defaults to one hour from now; quick buttons for
the usual answers ("in an hour", "in three hours", "tomorrow morning")."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone, Signal
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

TOMORROW_MORNING = dt.time(10, 0)


def _zone_offset_text(zone: dt.tzinfo, at: dt.datetime) -> str:
    offset = at.astimezone(zone).utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


class CallbackDialog(QDialog):
    """Pick a time in ``zone``; emits ``sig_callback_requested(when_utc, comment)``."""

    # (aware UTC datetime, comment or "")
    sig_callback_requested = Signal(object, str)

    def __init__(
        self,
        *,
        now: dt.datetime,
        zone: dt.tzinfo,
        zone_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("CallbackDialog")
        self.now = now
        self.zone = zone
        self.zone_name = zone_name
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.when = QDateTimeEdit(self)
        self.when.setObjectName("CallbackWhen")
        # The edit holds the zone's wall-clock time as if it were UTC: no conversion through
        # the workstation's own zone (which may differ from the operator's, or have DST).
        self.when.setTimeZone(QTimeZone.utc())
        self.when.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.when.setCalendarPopup(True)
        self.when.setMinimumDateTime(self._to_edit(now))
        self.comment = QLineEdit(self)
        self.comment.setObjectName("CallbackComment")
        self.comment.setMaxLength(300)
        self.plus_hour = QPushButton(self)
        self.plus_three = QPushButton(self)
        self.tomorrow = QPushButton(self)
        for button in (self.plus_hour, self.plus_three, self.tomorrow):
            button.setAutoDefault(False)
        quick = QHBoxLayout()
        quick.addWidget(self.plus_hour)
        quick.addWidget(self.plus_three)
        quick.addWidget(self.tomorrow)
        quick.addStretch(1)
        self.when_label = QLabel(self)
        self.when_label.setBuddy(self.when)
        self.comment_label = QLabel(self)
        self.comment_label.setBuddy(self.comment)
        self.error = QLabel(self)
        self.error.setObjectName("FieldError")
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.when_label, self.when)
        form.addRow("", quick)
        form.addRow(self.comment_label, self.comment)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.plus_hour.clicked.connect(lambda: self.set_when(self.now + dt.timedelta(hours=1)))
        self.plus_three.clicked.connect(lambda: self.set_when(self.now + dt.timedelta(hours=3)))
        self.tomorrow.clicked.connect(self._tomorrow)
        self.set_when(now + dt.timedelta(hours=1))
        self.retranslate()
        self.when.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Call back at…"))
        self.intro.setText(
            self.tr("When did the customer ask to be called? Time in %1 (%2).")
            .replace("%1", self.zone_name)
            .replace("%2", _zone_offset_text(self.zone, self.now))
        )
        self.when_label.setText(self.tr("&When"))
        self.comment_label.setText(self.tr("C&omment"))
        self.comment.setPlaceholderText(self.tr("Optional, e.g. “after work”"))
        self.plus_hour.setText(self.tr("In 1 hour"))
        self.plus_three.setText(self.tr("In 3 hours"))
        self.tomorrow.setText(self.tr("Tomorrow 10:00"))

    # -- conversions: the edit shows wall-clock time in self.zone --------------------------------
    def _to_edit(self, moment: dt.datetime) -> QDateTime:
        local = moment.astimezone(self.zone)
        return QDateTime(
            QDate(local.year, local.month, local.day),
            QTime(local.hour, local.minute),
            QTimeZone.utc(),
        )

    def set_when(self, moment: dt.datetime) -> None:
        self.when.setDateTime(self._to_edit(moment))

    def _tomorrow(self) -> None:
        local_now = self.now.astimezone(self.zone)
        day = local_now.date() + dt.timedelta(days=1)
        wall = dt.datetime.combine(day, TOMORROW_MORNING)
        self.set_when(self._from_wall(wall))

    def _from_wall(self, wall: dt.datetime) -> dt.datetime:
        return wall.replace(tzinfo=self.zone).astimezone(dt.UTC)

    def when_utc(self) -> dt.datetime:
        """The chosen moment, timezone-aware, in UTC."""
        value = self.when.dateTime()
        d, t = value.date(), value.time()
        wall = dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
        return self._from_wall(wall)

    def accept(self) -> None:
        when = self.when_utc()
        if when <= self.now:
            self.error.setText(self.tr("Choose a time in the future."))
            self.error.show()
            return
        self.sig_callback_requested.emit(when, self.comment.text().strip())
        super().accept()
