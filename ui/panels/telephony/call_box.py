"""The current call at the top of the telephony panel: its state as a coloured chip with a live
timer, the number, who it is (a link to their profile, or "New customer…"), the order it is
about and the caller's open orders (links to the card), and Hang up.

Paints only from :class:`CallView` (plain data the panel builds from change-feed payloads, so a
screen pop paints without a database round trip)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.clock import Clock
from ui.formatting import format_phone
from ui.panels.telephony import texts

LIVE_STATES = frozenset({"dialing", "ringing", "talking", "on_hold"})


@dataclass(frozen=True, slots=True)
class CallView:
    """What the box shows."""

    state: str = "idle"  # idle / dialing / ringing / talking / on_hold / ended
    call_id: int | None = None
    direction: str = "inbound"
    number: str = ""
    customer_id: int | None = None
    customer_name: str = ""
    candidates: int = 0  # customers owning the number (>1: ambiguous)
    order_id: int | None = None
    order_number: str = ""
    open_orders: tuple[tuple[int, str], ...] = ()
    started_at: dt.datetime | None = None
    answered_at: dt.datetime | None = None
    ended_at: dt.datetime | None = None

    @property
    def live(self) -> bool:
        return self.state in LIVE_STATES

    def with_(self, **changes: object) -> CallView:
        return replace(self, **changes)  # type: ignore[arg-type]


class CallBox(QFrame):
    """See the module docstring."""

    sig_customer_requested = Signal(int)
    sig_order_requested = Signal(int)
    # the caller is unknown: the operator asked for the new-customer form (the number)
    sig_new_customer_requested = Signal(str)
    sig_hang_up_requested = Signal()

    def __init__(self, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CallBox")
        self.clock = clock
        self.view = CallView()
        self.state_chip = QLabel(self)
        self.state_chip.setObjectName("CallState")
        self.timer_label = QLabel(self)
        self.timer_label.setObjectName("CallTimer")
        self.number_label = QLabel(self)
        self.number_label.setObjectName("CallNumber")
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hang_up_button = QPushButton(self)
        self.hang_up_button.setObjectName("HangUpButton")
        self.hang_up_button.setAutoDefault(False)
        self.customer_button = QPushButton(self)
        self.customer_button.setObjectName("CallCustomer")
        self.customer_button.setFlat(True)
        self.customer_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.customer_button.setAutoDefault(False)
        self.new_customer_button = QPushButton(self)
        self.new_customer_button.setObjectName("CallNewCustomer")
        self.new_customer_button.setAutoDefault(False)
        self.orders_label = QLabel(self)
        self.orders_label.setObjectName("CallOrders")
        self.orders_label.setTextFormat(Qt.TextFormat.RichText)
        self.orders_label.setWordWrap(True)
        self.orders_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.hint = QLabel(self)
        self.hint.setObjectName("CallHint")
        self.hint.setWordWrap(True)

        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.state_chip)
        top.addWidget(self.timer_label)
        top.addStretch(1)
        top.addWidget(self.hang_up_button)
        # the number on a line of its own: beside the chip, timer and button it made the
        # phone dock (and so the queue column) wider than a 1366-px screen can spare
        number = QHBoxLayout()
        number.addWidget(self.number_label, 1)
        who = QHBoxLayout()
        who.setSpacing(6)
        who.addWidget(self.customer_button)
        who.addWidget(self.new_customer_button)
        who.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(number)
        layout.addLayout(who)
        layout.addWidget(self.orders_label)
        layout.addWidget(self.hint)

        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._show_timer)
        self.customer_button.clicked.connect(self._customer_clicked)
        self.new_customer_button.clicked.connect(
            lambda: self.sig_new_customer_requested.emit(self.view.number)
        )
        self.orders_label.linkActivated.connect(
            lambda link: self.sig_order_requested.emit(int(link))
        )
        self.hang_up_button.clicked.connect(self.sig_hang_up_requested)
        self.retranslate()

    def show_call(self, view: CallView) -> None:
        self.view = view
        if view.live and not self._tick.isActive():
            self._tick.start()
        elif not view.live:
            self._tick.stop()
        self._paint()

    def _customer_clicked(self) -> None:
        if self.view.customer_id is not None:
            self.sig_customer_requested.emit(self.view.customer_id)

    def _paint(self) -> None:
        v = self.view
        bg, fg = texts.STATE_COLOURS.get(v.state, texts.STATE_COLOURS["idle"])
        self.state_chip.setText(texts.label(texts.CALL_STATES, v.state))
        self.state_chip.setStyleSheet(
            f"background: {bg}; color: {fg}; border-radius: 9px; padding: 2px 10px;"
            "font-weight: 600;"
        )
        self.setProperty("live", v.live)
        self.style().unpolish(self)
        self.style().polish(self)
        idle = v.state == "idle"
        arrow = texts.DIRECTION_ARROWS.get(v.direction, "") + " " if not idle else ""
        self.number_label.setText(arrow + format_phone(v.number) if v.number else "")
        self.number_label.setToolTip(texts.label(texts.DIRECTIONS, v.direction) if not idle else "")
        self.hang_up_button.setVisible(v.live)
        known = v.customer_id is not None
        self.customer_button.setVisible(known)
        self.new_customer_button.setVisible(not idle and not known and bool(v.number))
        if known:
            name = v.customer_name or self.tr("Customer")
            if v.candidates > 1:
                name += " " + self.tr("(+%1 more with this number)").replace(
                    "%1", str(v.candidates - 1)
                )
            self.customer_button.setText(name)
        parts = []
        if v.order_number and v.order_id is not None:
            parts.append(self.tr("About order %1").replace("%1", _link(v.order_id, v.order_number)))
        others = [(i, n) for i, n in v.open_orders if i != v.order_id]
        if others:
            links = ", ".join(_link(i, n) for i, n in others)
            parts.append(self.tr("Open orders: %1").replace("%1", links))
        elif known and not v.order_number and not idle:
            parts.append(self.tr("No open orders"))
        self.orders_label.setText(" · ".join(parts))
        self.orders_label.setVisible(bool(parts))
        if idle:
            self.hint.setText(self.tr("Incoming calls show the caller here before you answer."))
        elif v.state == "ringing" and not known and v.number:
            self.hint.setText(self.tr("Unknown number: the new-customer form is ready."))
        else:
            self.hint.setText("")
        self.hint.setVisible(bool(self.hint.text()))
        self._show_timer()

    def _show_timer(self) -> None:
        v = self.view
        now = self.clock.now()
        if v.state in ("talking", "on_hold") and v.answered_at is not None:
            text = texts.since(v.answered_at, now)
        elif v.state in ("ringing", "dialing") and v.started_at is not None:
            text = texts.since(v.started_at, now)
        elif v.state == "ended" and v.answered_at is not None and v.ended_at is not None:
            text = texts.duration((v.ended_at - v.answered_at).total_seconds())
        else:
            text = ""
        self.timer_label.setText(text)
        self.timer_label.setVisible(bool(text))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.hang_up_button.setText(self.tr("Hang up"))
        self.customer_button.setToolTip(self.tr("Open the caller's profile"))
        self.new_customer_button.setText(self.tr("New customer…"))
        self.new_customer_button.setToolTip(
            self.tr("Nobody has this number: create the customer with it")
        )
        self._paint()


def _link(order_id: int, number: str) -> str:
    safe = number.replace("&", "&amp;").replace("<", "&lt;")
    return f"<a href='{order_id}'>{safe}</a>"
