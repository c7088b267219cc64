"""The telephony panel (console dock): the current call, dialing, the call log, the missed
calls to return and — for supervisors — every operator's state.

Wiring surface (:mod:`ui.panels.telephony.glue` connects it; panels never import each other):

* ``TelephonyPanel(runner, user, config, *, clock, timezone, demo=False)``
* slots: :meth:`start`, :meth:`stop`, :meth:`apply_changes` (a ``ChangeBatch``),
  :meth:`set_context` (the customer / order on screen), :meth:`dial`, :meth:`hang_up`,
  :meth:`focus_dial`, :meth:`call_current` (F7: the customer of the order on screen)
* signals: ``sig_customer_requested(int)``, ``sig_order_requested(int)``,
  ``sig_screen_pop(object)`` (a :class:`ScreenPop` for this operator, before the answer),
  ``sig_new_customer_requested(str)``, ``sig_order_changed(int)`` (an outcome moved it),
  ``sig_order_finished(int)`` (the outcome ends the operator's work on it),
  ``sig_status_message(str)``

The backend (``app.telephony``) does the work: the panel paints change-feed payloads at once
(the screen pop is on screen before any database round trip) and runs everything else through
:class:`ui.ops.Op` — the database on the DB lane, the PBX (dial, hang up, recordings) on the
background lane, never twice for one click (a click-to-call is never retried: it would ring
the customer twice)."""

from __future__ import annotations

import datetime as dt
import logging
import tempfile
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.actors import Actor
from app.auth import LoggedInUser
from app.clock import SYSTEM_CLOCK, Clock
from app.config import Config
from app.telephony import console_queries as cq
from ui import i18n
from ui.formatting import format_phone, operator_zone
from ui.ops import Lane, Op, OpError, OpRunner
from ui.panels.telephony import backend, texts
from ui.panels.telephony.call_box import CallBox, CallView
from ui.panels.telephony.call_log_model import CallLogModel, PlaceKeeper
from ui.panels.telephony.lists import (
    SCOPE_CUSTOMER,
    SCOPE_MINE,
    SCOPE_OPERATOR,
    SCOPE_ORDER,
    TAB_LOG,
    TAB_OPERATORS,
    CallLists,
    readable,
)
from ui.panels.telephony.operator_state import (
    COL_NAME,
    OperatorsModel,
    OperatorStateButton,
)
from ui.panels.telephony.outcome_flow import OutcomeFlow
from ui.panels.telephony.style import PANEL_STYLE

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

ROW_HEIGHT = 26
RELOAD_DELAY_MS = 300  # a burst of call events reloads the lists once


@dataclass(frozen=True, slots=True)
class ScreenPop:
    """An inbound call ringing at this operator's extension (from ``telephony.screen_pop``)."""

    call_id: int | None
    number: str
    e164: str | None
    customer_id: int | None
    customer_name: str
    candidates: tuple[int, ...]
    order_id: int | None
    open_order_ids: tuple[int, ...]


def _when(value: Any) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    try:
        parsed = dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def _sign_out(session: Session, user_id: int, clock: Clock) -> None:
    """The operator is offline once their console closed (the runner's closing write)."""
    from app.telephony import signed_out

    signed_out(session, user_id, clock)


def _table(parent: QWidget, model: Any) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(False)
    header.setMinimumSectionSize(24)
    return view


class TelephonyPanel(CallLists, OutcomeFlow, QWidget):
    """See the module docstring."""

    # the operator asked for a customer's profile
    sig_customer_requested = Signal(int)
    # the operator asked for an order in the card
    sig_order_requested = Signal(int)
    # a call rings at this operator's extension: show the caller (a ScreenPop)
    sig_screen_pop = Signal(object)
    # the caller is unknown: open the new-customer form with this number
    sig_new_customer_requested = Signal(str)
    # an after-call outcome moved this order (lists and the card refresh)
    sig_order_changed = Signal(int)
    # the outcome finished the operator's work on this order (confirmed, no answer, call back
    # later, cancelled): the order can be let go and F2 takes the next one
    sig_order_finished = Signal(int)
    # a short message for the status bar
    sig_status_message = Signal(str)

    def __init__(
        self,
        runner: OpRunner,
        user: LoggedInUser,
        config: Config,
        *,
        clock: Clock = SYSTEM_CLOCK,
        timezone: str = "Europe/Moscow",
        demo: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("TelephonyPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(PANEL_STYLE)
        self.runner = runner
        self.user = user
        self.actor = Actor(user.id, user.role, user.name)
        self.config = config
        self.url = runner.database_url or config.database_url
        self.clock = clock
        self.zone_name = timezone
        self.zone = operator_zone(timezone)
        self.demo = demo
        self.language = i18n.current_language()
        self.customer_id: int | None = None  # context: the customer on screen
        self.order_id: int | None = None  # context: the order in the card
        self.scope_operator: tuple[int, str] | None = None  # supervisor picked an operator
        self.dialing = False
        self.stopped = False
        self.dialog: QWidget | None = None  # the outcome (or follow-up) dialog open now
        self.last_pop: ScreenPop | None = None
        self._outcome_asked: set[int] = set()  # calls whose outcome form was offered
        self._pending_outcomes: list[tuple[int, int | None]] = []  # offered one after another
        self._outcome_requested: int | None = None  # the call "Outcome…" was chosen on
        self._recordings: tempfile.TemporaryDirectory[str] | None = None
        self._reload_log = self._reload_callbacks = self._reload_operators = False

        self.call_box = CallBox(clock, self)
        self.dial_edit = QLineEdit(self)
        self.dial_edit.setObjectName("DialNumber")
        self.dial_edit.setClearButtonEnabled(True)
        self.dial_button = QPushButton(self)
        self.dial_button.setObjectName("DialButton")
        self.dial_button.setAutoDefault(False)
        self.demo_button = QPushButton(self)
        self.demo_button.setObjectName("DemoRingButton")
        self.demo_button.setAutoDefault(False)
        self.demo_menu = QMenu(self.demo_button)
        self.demo_known = self.demo_menu.addAction("")
        self.demo_unknown = self.demo_menu.addAction("")
        self.demo_missed = self.demo_menu.addAction("")
        self.demo_button.setMenu(self.demo_menu)
        self.demo_button.setVisible(demo)
        dial_row = QHBoxLayout()
        dial_row.setSpacing(6)
        dial_row.addWidget(self.dial_edit, 1)
        dial_row.addWidget(self.dial_button)
        dial_row.addWidget(self.demo_button)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("TelephonyTabs")
        self.tabs.setDocumentMode(True)
        # the call log
        log_page = QWidget(self.tabs)
        self.scope = QComboBox(log_page)
        self.scope.setObjectName("CallLogScope")
        for _ in range(4):
            self.scope.addItem("")
        self.log_count = QLabel(log_page)
        self.log_count.setObjectName("MutedLabel")
        self.log_count.setWordWrap(True)  # a long hint wraps instead of widening the dock
        self.log_count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.log_model = CallLogModel(
            runner, zone=self.zone, clock=clock, language=self.language, parent=self
        )
        self.log_view = _table(log_page, self.log_model)
        self.log_view.setObjectName("CallLog")
        self.log_place = PlaceKeeper(self.log_view, self.log_model)
        # a call whose outcome form was put off: pick it later from the log
        self.outcome_action = QAction(self.log_view)
        self.outcome_action.setObjectName("action_call_outcome")
        self.log_view.addAction(self.outcome_action)
        self.log_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        scope_row = QHBoxLayout()
        scope_row.setContentsMargins(6, 6, 6, 2)
        scope_row.addWidget(self.scope)
        scope_row.addWidget(self.log_count, 1)
        log_layout = QVBoxLayout(log_page)
        log_layout.setContentsMargins(0, 0, 0, 0)
        log_layout.setSpacing(0)
        log_layout.addLayout(scope_row)
        log_layout.addWidget(self.log_view, 1)
        # missed calls to return
        callbacks_page = QWidget(self.tabs)
        self.callbacks_model = CallLogModel(
            runner, zone=self.zone, clock=clock, language=self.language, parent=self
        )
        self.callbacks_view = _table(callbacks_page, self.callbacks_model)
        self.callbacks_view.setObjectName("Callbacks")
        self.callbacks_place = PlaceKeeper(self.callbacks_view, self.callbacks_model)
        self.call_back_button = QPushButton(callbacks_page)
        self.call_back_button.setObjectName("CallBackButton")
        self.call_back_button.setAutoDefault(False)
        self.done_button = QPushButton(callbacks_page)
        self.done_button.setObjectName("CallbackDoneButton")
        self.done_button.setAutoDefault(False)
        self.callbacks_empty = QLabel(callbacks_page)
        self.callbacks_empty.setObjectName("MutedLabel")
        buttons = QHBoxLayout()
        buttons.setContentsMargins(6, 6, 6, 2)
        buttons.addWidget(self.call_back_button)
        buttons.addWidget(self.done_button)
        buttons.addStretch(1)
        buttons.addWidget(self.callbacks_empty)
        cb_layout = QVBoxLayout(callbacks_page)
        cb_layout.setContentsMargins(0, 0, 0, 0)
        cb_layout.setSpacing(0)
        cb_layout.addLayout(buttons)
        cb_layout.addWidget(self.callbacks_view, 1)
        self.tabs.addTab(log_page, "")
        self.tabs.addTab(callbacks_page, "")
        # supervisors: every operator's state
        self.operators_model = OperatorsModel(clock, self)
        self.operators_view: QTableView | None = None
        if user.sees_everyone:
            self.operators_view = _table(self.tabs, self.operators_model)
            self.operators_view.setObjectName("OperatorStates")
            self.tabs.addTab(self.operators_view, "")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.setSpacing(6)
        layout.addWidget(self.call_box)
        layout.addLayout(dial_row)
        layout.addWidget(self.tabs, 1)

        # the operator's own state lives in the status bar (the glue puts it there)
        self.state_button = OperatorStateButton(clock)

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self._reload_due)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self.operators_model.tick)

        self.call_box.sig_customer_requested.connect(self.sig_customer_requested)
        self.call_box.sig_order_requested.connect(self.sig_order_requested)
        self.call_box.sig_new_customer_requested.connect(self.sig_new_customer_requested)
        self.call_box.sig_hang_up_requested.connect(self.hang_up)
        self.dial_edit.returnPressed.connect(self._dial_typed)
        self.dial_button.clicked.connect(self._dial_typed)
        self.demo_known.triggered.connect(lambda: self.demo_ring("known"))
        self.demo_unknown.triggered.connect(lambda: self.demo_ring("unknown"))
        self.demo_missed.triggered.connect(lambda: self.demo_ring("missed"))
        self.scope.currentIndexChanged.connect(lambda _i: self._load_log())
        self.log_view.clicked.connect(self._log_clicked)
        self.log_view.activated.connect(self._log_activated)
        self.outcome_action.triggered.connect(self.outcome_of_selected)
        self.log_view.selectionModel().currentRowChanged.connect(
            lambda _c, _p: self._update_buttons()
        )
        self.log_model.sig_loaded.connect(self._log_loaded)
        self.log_model.sig_loaded.connect(lambda _n: self._update_buttons())  # "Outcome…"
        self.log_model.sig_load_failed.connect(self.sig_status_message)
        self.callbacks_model.sig_loaded.connect(self._callbacks_loaded)
        self.callbacks_model.sig_load_failed.connect(self.sig_status_message)
        self.callbacks_view.activated.connect(lambda _i: self.call_back())
        self.callbacks_view.selectionModel().currentRowChanged.connect(
            lambda _c, _p: self._update_buttons()
        )
        self.call_back_button.clicked.connect(self.call_back)
        self.done_button.clicked.connect(self.callback_done)
        self.state_button.sig_state_requested.connect(self.set_state)
        self.tabs.currentChanged.connect(self._tab_changed)
        if self.operators_view is not None:
            self.operators_view.activated.connect(self._operator_activated)
        self.retranslate()
        self._fit_columns()

    # ------------------------------------------------------------------------------------------
    # life
    # ------------------------------------------------------------------------------------------
    def start(self) -> None:
        """First loads: the live call (after a restart mid-call), my state (an operator signing
        in is ready for calls), the lists, and calls still waiting for their outcome."""
        self._load_current()
        self._sign_in_state()
        self._load_log()
        self._load_callbacks()
        if self.operators_view is not None:
            self._load_operators()
        self._offer_pending_outcomes()
        self._update_buttons()

    def stop(self) -> None:
        """The window closes: no more loads (the op runner is about to shut down); an operator
        goes offline."""
        if not self.stopped and self.takes_calls:
            # the runner's closing write: started at once, and its shutdown waits for it
            user_id, clock = self.user.id, self.clock
            self.runner.run_last(lambda s: _sign_out(s, user_id, clock), "sign-out")
        self.stopped = True
        self._tick.stop()
        self._reload_timer.stop()
        if self._recordings is not None:
            self._recordings.cleanup()
            self._recordings = None

    @property
    def provider(self) -> Any:
        return backend.provider(self.config)

    @property
    def takes_calls(self) -> bool:
        """Operators take the calls (and have a state for their distribution)."""
        return self.user.role == "operator"

    def set_context(self, *, customer_id: int | None = None, order_id: int | None = None) -> None:
        """The customer / order the operator has on screen (the log's "this ..." scopes)."""
        changed = False
        if customer_id is not None and customer_id != self.customer_id:
            self.customer_id, changed = customer_id, True
        if order_id is not None and order_id != self.order_id:
            self.order_id, changed = order_id, True
        if changed and self.scope.currentIndex() in (SCOPE_CUSTOMER, SCOPE_ORDER):
            self._load_log()
        self._update_buttons()

    # ------------------------------------------------------------------------------------------
    # the change feed
    # ------------------------------------------------------------------------------------------
    def apply_changes(self, batch: Any) -> None:
        """Telephony events from a ``ChangeBatch``: the pop and the call state at once, the
        lists after a short pause (a call makes several events)."""
        if self.stopped:
            return
        me = self.user.id
        for event in batch.events:
            topic = event.topic
            if not topic.startswith("telephony."):
                continue
            payload = event.payload
            if topic == "telephony.screen_pop":
                if payload.get("operator_id") == me:
                    self._screen_pop(payload)
            elif topic == "telephony.call_state":
                if payload.get("operator_id") == me:
                    self._call_state(payload)
                self._reload_log = True
            elif topic in ("telephony.call_logged", "telephony.recording_ready"):
                self._reload_log = True
            elif topic in ("telephony.missed_call", "telephony.callback_done"):
                self._reload_callbacks = True
                self._reload_log = True
            elif topic == "telephony.operator_state":
                if payload.get("operator_id") == me:
                    self.state_button.show_state(
                        payload.get("state"), payload.get("reason"), _when(payload.get("since"))
                    )
                self._reload_operators = self.operators_view is not None
        if self._reload_log or self._reload_callbacks or self._reload_operators:
            self._reload_timer.start()

    def _reload_due(self) -> None:
        if self.stopped:
            return
        if self._reload_log:
            self._reload_log = False
            self.log_model.reload()
        if self._reload_callbacks:
            self._reload_callbacks = False
            self._load_callbacks()
        if self._reload_operators:
            self._reload_operators = False
            self._load_operators()

    def _screen_pop(self, p: Any) -> None:
        customer_id = p.get("customer_id")
        pop = ScreenPop(
            call_id=p.get("call_id"),
            number=str(p.get("number") or p.get("e164") or ""),
            e164=p.get("e164"),
            customer_id=customer_id,
            customer_name=str(p.get("customer_name") or ""),
            candidates=tuple(p.get("candidates") or ()),
            order_id=p.get("order_id"),
            open_order_ids=tuple(p.get("open_order_ids") or ()),
        )
        self.last_pop = pop
        view = CallView(
            state="ringing",
            call_id=pop.call_id,
            direction=str(p.get("direction") or "inbound"),
            number=pop.e164 or pop.number,
            customer_id=customer_id,
            customer_name=pop.customer_name,
            candidates=len(pop.candidates),
            order_id=pop.order_id,
            started_at=_when(p.get("at")) or self.clock.now(),
        )
        self.call_box.show_call(view)  # painted from the payload: no round trip first
        self.sig_screen_pop.emit(pop)
        ids = tuple(dict.fromkeys(((pop.order_id,) if pop.order_id else ()) + pop.open_order_ids))
        if ids:
            call_id = pop.call_id

            def named(briefs: tuple[cq.OrderBrief, ...]) -> None:
                current = self.call_box.view
                if current.call_id != call_id:
                    return
                numbers = {b.id: b.number for b in briefs}
                self.call_box.show_call(
                    current.with_(
                        order_number=numbers.get(current.order_id or 0, ""),
                        open_orders=tuple((b.id, b.number) for b in briefs),
                    )
                )

            Op(self, lambda s: cq.order_briefs(s, ids), key="pop-orders").success(named).failure(
                lambda e: log.warning("screen pop: order numbers: %s", e.detail)
            ).run()

    def _call_state(self, p: Any) -> None:
        state = str(p.get("state") or "")
        call_id = p.get("call_id")
        current = self.call_box.view
        same = current.call_id == call_id
        base = current if same else CallView(call_id=call_id)
        if not same and state == "ended" and current.live and current.call_id is not None:
            return  # the end of an older leg must not clear the call in progress
        order_id = p.get("order_id") or base.order_id
        view = base.with_(
            state=state if state in texts.CALL_STATES else base.state,
            direction=str(p.get("direction") or base.direction),
            number=str(p.get("number") or base.number),
            customer_id=p.get("customer_id") or base.customer_id,
            order_id=order_id,
            started_at=_when(p.get("started_at")) or base.started_at,
            answered_at=_when(p.get("answered_at")) or base.answered_at,
            ended_at=_when(p.get("ended_at")) or base.ended_at,
        )
        if view.customer_id is not None and not view.customer_name:
            self._name_customer(view)
        self.call_box.show_call(view)
        if state == "ended" and call_id is not None:
            self.dialing = False
            self._update_buttons()
            self._offer_outcome(int(call_id), order_id)

    def _name_customer(self, view: CallView) -> None:
        customer_id, call_id = view.customer_id, view.call_id
        if customer_id is None:
            return

        def named(rows: tuple[cq.OrderBrief, ...]) -> None:
            current = self.call_box.view
            if current.call_id == call_id:
                self.call_box.show_call(
                    current.with_(open_orders=tuple((b.id, b.number) for b in rows))
                )

        Op(self, lambda s: cq.open_orders_of(s, customer_id), key="call-orders").success(
            named
        ).failure(lambda e: None).run()

    def _load_current(self) -> None:
        user_id = self.user.id

        def fetch(session: Any) -> Any:
            from app.telephony import current_call

            return current_call(session, user_id)

        def show(call: Any) -> None:
            if call is None:
                return
            self.call_box.show_call(
                CallView(
                    state=call.state,
                    call_id=call.call_id,
                    direction=call.direction,
                    number=call.e164 or call.number or "",
                    customer_id=call.customer_id,
                    customer_name=call.customer_name or "",
                    order_id=call.order_id,
                    started_at=call.started_at,
                    answered_at=call.answered_at,
                )
            )

        Op(self, fetch, key="current").success(show).failure(
            lambda e: log.warning("telephony: current call: %s", e.detail)
        ).run()

    # ------------------------------------------------------------------------------------------
    # dialing and hanging up
    # ------------------------------------------------------------------------------------------
    def focus_dial(self) -> None:
        self.dial_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.dial_edit.selectAll()

    def _dial_typed(self) -> None:
        number = self.dial_edit.text().strip()
        if not number:
            self.sig_status_message.emit(self.tr("Type the number to call first."))
            self.focus_dial()
            return
        self.dial(number, customer_id=None, order_id=None)

    def dial(
        self, number: str, *, customer_id: int | None = None, order_id: int | None = None
    ) -> None:
        """Click-to-call: the PBX rings this operator, then ``number``. One click, one command."""
        if self.dialing:
            self.sig_status_message.emit(self.tr("Already dialing: wait for your phone to ring."))
            return
        if self.call_box.view.live:
            self.sig_status_message.emit(self.tr("Finish the current call first."))
            return
        provider = self.provider
        if provider is None:
            self.sig_status_message.emit(
                self.tr("Telephony is not set up on this console: dial %1 by hand.").replace(
                    "%1", format_phone(number)
                )
            )
            return
        url, user_id = self.url, self.user.id
        self.dialing = True
        self._update_buttons()
        self.call_box.show_call(
            CallView(
                state="dialing",
                direction="outbound",
                number=number,
                customer_id=customer_id,
                order_id=order_id,
                started_at=self.clock.now(),
            )
        )
        if customer_id is not None:
            self._name_customer(self.call_box.view)

        def run() -> Any:
            from app.telephony import dial

            return dial(url, provider, user_id, number, order_id=order_id, customer_id=customer_id)

        shown = format_phone(number)
        self.sig_status_message.emit(
            self.tr("Calling %1: answer your phone when it rings.").replace("%1", shown)
        )
        Op(self, readable(run), lane=Lane.BACKGROUND).success(lambda _r: self._dialed()).failure(
            self._dial_failed
        ).run()

    def _dialed(self) -> None:
        self.dialing = False
        self._update_buttons()

    def _dial_failed(self, error: OpError) -> None:
        self.dialing = False
        if self.call_box.view.state == "dialing":
            self.call_box.show_call(CallView())
        self._update_buttons()
        self.sig_status_message.emit(
            self.tr("The call was not placed: %1").replace("%1", error.message)
        )

    def call_current(self) -> None:
        """F7: call the customer of the order or profile on screen (the glue supplies it)."""
        self.sig_status_message.emit(self.tr("Open an order or a customer to call first."))

    def hang_up(self) -> None:
        provider = self.provider
        if provider is None or not self.call_box.view.live:
            return
        url, user_id = self.url, self.user.id

        def run() -> Any:
            from app.telephony import hang_up

            return hang_up(url, provider, user_id)

        self.call_box.hang_up_button.setEnabled(False)

        def done(_ok: Any) -> None:
            self.call_box.hang_up_button.setEnabled(True)

        def failed(error: OpError) -> None:
            self.call_box.hang_up_button.setEnabled(True)
            self.sig_status_message.emit(
                self.tr("Could not hang up: %1").replace("%1", error.message)
            )

        Op(self, readable(run), lane=Lane.BACKGROUND).success(done).failure(failed).run()

    def demo_ring(self, kind: str) -> None:
        """Demo mode: a pretend call to this operator (a known customer, an unknown number, or
        one nobody answers)."""
        import random

        pbx = backend.demo()
        if pbx is None:
            return
        extension = self.user.extension

        def ring(number: str) -> None:
            # the pretend PBX plays the call in real time: never on the database lane
            def run() -> str:
                pbx.ring(number, extension, answer=kind != "missed", talk_seconds=8.0, wait=False)
                return number

            Op(self, run, lane=Lane.BACKGROUND).success(
                lambda n: self.sig_status_message.emit(
                    self.tr("Demo: %1 is calling you.").replace("%1", format_phone(n))
                )
            ).failure(lambda e: self.sig_status_message.emit(e.message)).run()

        if kind == "unknown":
            ring(f"+7999{random.randint(1_000_000, 9_999_999)}")
            return
        Op(self, lambda s: cq.demo_callers(s)).success(
            lambda callers: ring(random.choice(callers or ("+79161234567",)))
        ).failure(lambda e: self.sig_status_message.emit(e.message)).run()

    # ------------------------------------------------------------------------------------------
    # operator state
    # ------------------------------------------------------------------------------------------
    def _sign_in_state(self) -> None:
        """An operator signing in is "available" (unless paused or on a call); anyone else's
        state is only shown."""
        user_id, clock, signing_in = self.user.id, self.clock, self.takes_calls

        def fetch(session: Any) -> Any:
            from app.telephony import get_operator_state, signed_in

            if signing_in:
                return signed_in(session, user_id, clock)
            return get_operator_state(session, user_id)

        def show(row: Any) -> None:
            if row is None:
                self.state_button.show_state(None, None, None)
            else:
                self.state_button.show_state(row.state, row.reason, row.since)

        Op(self, fetch, key="state").success(show).failure(
            lambda e: log.warning("telephony: operator state: %s", e.detail)
        ).run()

    def set_state(self, state: str, reason: str) -> None:
        user_id, clock = self.user.id, self.clock

        def write(session: Any) -> Any:
            from app.telephony import get_operator_state, set_operator_state

            set_operator_state(session, user_id, state, clock, reason=reason or None)
            session.flush()
            return get_operator_state(session, user_id)

        def shown(row: Any) -> None:
            if row is not None:
                self.state_button.show_state(row.state, row.reason, row.since)

        Op(self, write, key="state").success(shown).failure(
            lambda e: self.sig_status_message.emit(e.message)
        ).run()

    def toggle_pause(self) -> None:
        self.state_button.toggle_pause()

    def _load_operators(self) -> None:
        def fetch(session: Any) -> tuple[Any, ...]:
            from app.telephony import operator_states

            return tuple(operator_states(session))

        Op(self, fetch, key="operators").success(self._operators_loaded).failure(
            lambda e: self.sig_status_message.emit(e.message)
        ).run()

    def _operators_loaded(self, rows: tuple[Any, ...]) -> None:
        self.operators_model.set_rows(rows)
        if self.operators_view is not None:
            self.operators_view.resizeColumnToContents(COL_NAME)
        self._tab_changed(self.tabs.currentIndex())

    def _operator_activated(self, index: QModelIndex) -> None:
        row = self.operators_model.rows[index.row()]
        self.scope_operator = (row.operator_id, row.name)
        self.retranslate()
        self.scope.setCurrentIndex(SCOPE_OPERATOR)
        self._load_log()
        self.tabs.setCurrentIndex(TAB_LOG)

    def _tab_changed(self, index: int) -> None:
        if index == TAB_OPERATORS and self.operators_view is not None:
            self._tick.start()
        else:
            self._tick.stop()

    # ------------------------------------------------------------------------------------------
    # look
    # ------------------------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        configured = self.provider is not None
        self.dial_button.setEnabled(configured and not self.dialing)
        self.dial_button.setToolTip(
            self.tr("Your phone rings first, then the number (Enter)")
            if configured
            else self.tr("Telephony is not set up on this console")
        )
        row = self._selected_log_row()
        self.outcome_action.setEnabled(
            row is not None
            and row.order_id is not None
            and not row.outcome
            and row.state == "ended"
        )
        selected = self._selected_callback() is not None
        self.call_back_button.setEnabled(selected and configured and not self.dialing)
        self.done_button.setEnabled(selected)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.language = i18n.current_language()
            self.log_model.set_language(self.language)
            self.callbacks_model.set_language(self.language)
            self.retranslate()
            self._fit_columns()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.outcome_action.setText(self.tr("Outcome…"))
        self.outcome_action.setToolTip(self.tr("Pick what came of this call for its order"))
        self.dial_edit.setPlaceholderText(self.tr("Number to call, e.g. 8 916 123-45-67"))
        self.dial_button.setText(self.tr("Call"))
        self.demo_button.setText(self.tr("Demo"))
        self.demo_button.setToolTip(self.tr("Make the pretend PBX call you"))
        self.demo_known.setText(self.tr("From a customer with an order to confirm"))
        self.demo_unknown.setText(self.tr("From an unknown number"))
        self.demo_missed.setText(self.tr("A call nobody answers (missed)"))
        self.scope.setItemText(SCOPE_CUSTOMER, self.tr("This customer's calls"))
        self.scope.setItemText(SCOPE_ORDER, self.tr("This order's calls"))
        self.scope.setItemText(SCOPE_MINE, self.tr("My calls"))
        operator = self.scope_operator[1] if self.scope_operator else self.tr("an operator")
        self.scope.setItemText(SCOPE_OPERATOR, self.tr("Calls of %1").replace("%1", operator))
        # "calls of an operator" once a supervisor picked one in the Operators tab
        view = self.scope.view()
        if isinstance(view, QListView):
            view.setRowHidden(SCOPE_OPERATOR, self.scope_operator is None)
        self.tabs.setTabText(TAB_LOG, self.tr("Call log"))
        self._callbacks_loaded(self.callbacks_model.rowCount())
        if self.operators_view is not None:
            self.tabs.setTabText(TAB_OPERATORS, self.tr("Operators"))
        self.call_back_button.setText(self.tr("Call back"))
        self.done_button.setText(self.tr("Done"))
        self.done_button.setToolTip(self.tr("Mark the missed call as returned"))
        self._update_buttons()
