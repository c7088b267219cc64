"""Telephony in the console, end to end: the loopback Mango emulator → our webhook receiver →
the database and its outbox → the change feed → the real window (the launcher, the log-in
dialog typed into, the docks). Both databases.

* an inbound call pops the right customer for phones in several formats, before the answer;
  an unknown number opens the new-customer form with the number in it;
* "Call" in the order card sends a correctly signed click-to-call for the operator's extension;
* a call that ended without talk preselects "no answer", and saving it runs the retry chain;
* a missed call appears in the callbacks list; "Done" takes it off;
* the operator pauses with a reason; a supervisor sees it in the operators' table."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select, update

from app.clock import SYSTEM_CLOCK
from app.db import session_scope
from app.telephony import DemoPbx, set_operator_state, start_demo_pbx, state_durations
from models import Call, Message, OperatorState, User
from tests.ui.console_world import CallCenter, Console, make_call_center, order
from ui.dialogs.new_customer import NewCustomerDialog
from ui.panels.telephony import backend
from ui.panels.telephony.outcome_dialog import OutcomeDialog
from ui.panels.telephony.panel import TelephonyPanel

pytestmark = pytest.mark.ui

ANNA = "+79161234567"  # the customer of the most urgent order (console_world)


@pytest.fixture
def world(db_url: str) -> CallCenter:
    center = make_call_center(db_url)
    with session_scope(db_url) as s:
        s.execute(update(User).where(User.id == center.olga).values(pbx_extension="101"))
        s.execute(update(User).where(User.id == center.petr).values(pbx_extension="102"))
    return center


@pytest.fixture
def pbx(db_url: str, world: CallCenter) -> Iterator[DemoPbx]:
    # pace 0: a simulated call has posted all its events when ring() returns
    demo = start_demo_pbx(db_url, pace=0, assign_extensions=False)
    backend.set_demo(demo)
    try:
        yield demo
    finally:
        backend.set_demo(None)
        demo.stop()


@pytest.fixture
def console(qtbot: Any, db_url: str, pbx: DemoPbx) -> Iterator[Console]:
    running = Console(qtbot, db_url)
    running.start()
    yield running
    running.close()


def panel_of(console: Console) -> TelephonyPanel:
    panel = console.window.telephony
    assert isinstance(panel, TelephonyPanel)
    return panel


def wait_outcome(qtbot: Any, panel: TelephonyPanel) -> OutcomeDialog:
    qtbot.waitUntil(
        lambda: isinstance(panel.dialog, OutcomeDialog) and panel.dialog.isVisible(),
        timeout=10_000,
    )
    dialog = panel.dialog
    assert isinstance(dialog, OutcomeDialog)
    return dialog


def close_dialog(qtbot: Any, panel: TelephonyPanel) -> None:
    dialog = panel.dialog
    if dialog is not None:
        dialog.reject()  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: panel.dialog is None)


def take_next(console: Console, qtbot: Any) -> int:
    card = console.window.card
    assert card is not None
    with qtbot.waitSignal(card.sig_order_loaded, timeout=10_000) as loaded:
        console.key(Qt.Key.Key_F2)
    return int(loaded.args[0])


def test_inbound_call_pops_the_right_customer_for_phones_in_several_formats(
    qtbot: Any, world: CallCenter, console: Console, pbx: DemoPbx
) -> None:
    window = console.log_in("olga")
    panel = panel_of(console)
    profile = window.profile
    assert profile is not None
    for caller in ("79161234567", "8 (916) 123-45-67", "+7 916 123 45 67", "9161234567"):
        profile.clear()
        with qtbot.waitSignal(panel.sig_screen_pop, timeout=10_000) as popped:
            pbx.ring(caller, "101", answer=True, talk_seconds=30)
        pop = popped.args[0]
        assert pop.customer_id == world.anna, caller
        assert pop.order_id == world.urgent
        # the caller's profile is on screen, with the order being called about
        qtbot.waitUntil(lambda: profile.customer_id == world.anna)
        qtbot.waitUntil(lambda: profile.profile is not None and profile.profile.id == world.anna)
        assert window.customer_dock.isVisible()
        assert panel.last_pop is not None and panel.last_pop.customer_id == world.anna
        # they talked: the outcome form offers "confirmed" first
        dialog = wait_outcome(qtbot, panel)
        assert dialog.chosen == "confirmed"
        assert "W-0001" in dialog.windowTitle()
        assert "0:30" in dialog.intro.text()
        close_dialog(qtbot, panel)
    # the call box named the caller (from the pop's payload) and lists the open orders
    box = panel.call_box
    assert box.view.customer_id == world.anna
    assert box.view.state == "ended"
    qtbot.waitUntil(lambda: "W-0001" in box.orders_label.text())
    # all four calls are in this customer's log, answered, with talk time and a recording
    qtbot.waitUntil(lambda: panel.log_model.rowCount() == 4, timeout=10_000)
    row = panel.log_model.row_at(0)
    assert (row.direction, row.result, row.talk_seconds) == ("inbound", "answered", 30)
    assert row.has_recording


def test_the_pop_arrives_before_the_answer(
    qtbot: Any, db_url: str, world: CallCenter, console: Console, pbx: DemoPbx
) -> None:
    console.log_in("olga")
    panel = panel_of(console)
    pbx.emulator.pace = 1.0  # real time from here: the phone rings for 4 s
    with qtbot.waitSignal(panel.sig_screen_pop, timeout=10_000) as popped:
        pbx.ring("+7 916 123-45-67", "101", ring_seconds=4, talk_seconds=1, wait=False)
    assert popped.args[0].customer_id == world.anna
    assert panel.call_box.view.state == "ringing"
    with session_scope(db_url) as s:
        call = s.scalars(select(Call).order_by(Call.id.desc())).first()
        assert call is not None and call.answered_at is None  # nobody has picked up yet
    # then it is answered: the box follows the call, the timer runs
    qtbot.waitUntil(lambda: panel.call_box.view.state == "talking", timeout=10_000)
    assert panel.call_box.hang_up_button.isVisible()
    qtbot.waitUntil(lambda: panel.call_box.view.state == "ended", timeout=10_000)
    close_dialog(qtbot, panel)
    pbx.emulator.wait_idle()


def test_unknown_caller_opens_the_new_customer_form_with_the_number(
    qtbot: Any, world: CallCenter, console: Console, pbx: DemoPbx
) -> None:
    window = console.log_in("olga")
    panel = panel_of(console)
    with qtbot.waitSignal(panel.sig_screen_pop, timeout=10_000) as popped:
        pbx.ring("8 (903) 555-12-34", "101", answer=False)
    assert popped.args[0].customer_id is None
    qtbot.waitUntil(lambda: isinstance(window.dialog, NewCustomerDialog))
    dialog = window.dialog
    assert isinstance(dialog, NewCustomerDialog)
    assert dialog.phone_edits[0].text() == "8 (903) 555-12-34"
    assert panel.call_box.new_customer_button.isVisibleTo(panel)
    dialog.reject()


def test_click_to_call_from_the_card_sends_a_signed_command(
    qtbot: Any, world: CallCenter, console: Console, pbx: DemoPbx
) -> None:
    window = console.log_in("olga")
    panel = panel_of(console)
    assert take_next(console, qtbot) == world.urgent
    card = window.card
    assert card is not None
    button = card.customer_line.call_button
    qtbot.waitUntil(button.isVisible)
    assert "+7 916 123-45-67" in button.toolTip()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: any(e.path == "commands/callback" for e in pbx.emulator.journal), timeout=10_000
    )
    (entry,) = [e for e in pbx.emulator.journal if e.path == "commands/callback"]
    assert entry.verified and entry.status == 200
    assert entry.document is not None
    assert entry.document["from"]["extension"] == "101"
    assert entry.document["to_number"] == "79161234567"
    # the emulator checked sign = sha256(key + json + salt) over the very string sent
    assert pbx.emulator.api_key and entry.document["command_id"]
    # the call went through (the customer answered): the outcome form, "confirmed" first
    dialog = wait_outcome(qtbot, panel)
    assert dialog.chosen == "confirmed"
    close_dialog(qtbot, panel)


def test_a_call_without_talk_preselects_no_answer_which_runs_the_retry_chain(
    qtbot: Any, db_url: str, world: CallCenter, console: Console, pbx: DemoPbx
) -> None:
    window = console.log_in("olga")
    panel = panel_of(console)
    pbx.emulator.unanswered_numbers.add("79161234567")
    assert take_next(console, qtbot) == world.urgent
    console.key(Qt.Key.Key_F7)  # call the customer of the order on screen
    dialog = wait_outcome(qtbot, panel)
    assert dialog.chosen == "no_answer"
    assert "without talk" in dialog.intro.text()
    card = window.card
    assert card is not None
    with qtbot.waitSignal(panel.sig_order_changed, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    done = order(db_url, world.urgent)
    assert done.status == "no_answer"
    assert done.no_answer_attempts == 1
    assert done.next_attempt_at is not None
    assert done.lease_operator_id is None  # back to the pool for the next attempt
    with session_scope(db_url) as s:
        call = s.scalars(select(Call).where(Call.order_id == world.urgent)).one()
        assert call.outcome == "no_answer"
        sms = s.scalars(select(Message).where(Message.order_id == world.urgent)).all()
        assert len(sms) == 1  # the chain tells the customer
    qtbot.waitUntil(lambda: card.card is not None and card.card.status == "no_answer")


def test_a_missed_call_appears_in_the_callbacks_list(
    qtbot: Any, world: CallCenter, console: Console, pbx: DemoPbx
) -> None:
    console.log_in("olga")
    panel = panel_of(console)
    pbx.ring("+79031112233", "102", answer=False)  # Иван Сидоров rang Пётр, who missed it
    qtbot.waitUntil(lambda: panel.callbacks_model.rowCount() == 1, timeout=10_000)
    assert panel.tabs.tabText(1).endswith("(1)")
    row = panel.callbacks_model.row_at(0)
    assert row.number == "+79031112233"
    assert row.customer_name and "Сидоров" in row.customer_name
    panel.tabs.setCurrentIndex(1)
    panel.callbacks_view.selectRow(0)
    assert panel.call_back_button.isEnabled()
    qtbot.mouseClick(panel.done_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.tabs.tabText(1) == "Callbacks", timeout=10_000)
    assert panel.callbacks_model.rowCount() == 0


def test_operator_pauses_with_a_reason_and_a_supervisor_sees_it(
    qtbot: Any, db_url: str, world: CallCenter
) -> None:
    console = Console(qtbot, db_url)
    console.start()
    try:
        console.log_in("olga")
        button = panel_of(console).state_button
        assert button.isVisible()
        qtbot.waitUntil(lambda: button.state == "available", timeout=10_000)  # signed in
        button.actions_["paused"].trigger()
        qtbot.waitUntil(lambda: button.dialog is not None and button.dialog.isVisible())
        dialog = button.dialog
        assert dialog is not None
        dialog.setTextValue("Lunch")
        dialog.accept()
        qtbot.waitUntil(lambda: button.state == "paused", timeout=10_000)
        assert "Paused (Lunch)" in button.text()
        with session_scope(db_url) as s:
            state = s.get(OperatorState, world.olga)
            assert state is not None and (state.state, state.reason) == ("paused", "Lunch")
    finally:
        console.close()
    # the supervisor's console opens in this process after hers closed (she went offline):
    # she is pausing at another seat meanwhile
    with session_scope(db_url) as s:
        set_operator_state(s, world.olga, "paused", SYSTEM_CLOCK, reason="Lunch")

    boss = Console(qtbot, db_url)
    boss.start()
    try:
        boss.log_in("boss")
        supervisor = panel_of(boss)
        assert supervisor.operators_view is not None
        model = supervisor.operators_model
        qtbot.waitUntil(lambda: model.rowCount() >= 2, timeout=10_000)
        names = [row.name for row in model.rows]
        olga = model.rows[names.index("Ольга Смирнова")]
        assert (olga.state, olga.reason, olga.extension) == ("paused", "Lunch", "101")
        assert model.index(names.index("Ольга Смирнова"), 2).data() == "Paused: Lunch"
        # her state changes: the supervisor's table follows through the change feed
        supervisor.operators_view.selectRow(names.index("Ольга Смирнова"))
        with session_scope(db_url) as s:
            set_operator_state(s, world.olga, "available", SYSTEM_CLOCK)
        qtbot.waitUntil(
            lambda: model.rows[names.index("Ольга Смирнова")].state == "available",
            timeout=10_000,
        )
        current = supervisor.operators_view.currentIndex()
        assert model.rows[current.row()].name == "Ольга Смирнова"  # still selected
    finally:
        boss.close()
    with session_scope(db_url) as s:  # a supervisor has no state of their own to set
        assert s.get(OperatorState, world.boss) is None


def _state(db_url: str, user_id: int) -> tuple[str, str | None] | None:
    with session_scope(db_url) as s:
        row = s.get(OperatorState, user_id)
        return None if row is None else (row.state, row.reason)


def test_operator_is_available_at_sign_in_and_offline_when_the_console_closes(
    qtbot: Any, db_url: str, world: CallCenter
) -> None:
    console = Console(qtbot, db_url)
    console.start()
    try:
        console.log_in("olga")
        button = panel_of(console).state_button
        qtbot.waitUntil(lambda: button.state == "available", timeout=10_000)
        assert _state(db_url, world.olga) == ("available", None)
        assert "Available" in button.text()
    finally:
        console.close()
    assert _state(db_url, world.olga) == ("offline", None)
    with session_scope(db_url) as s:  # time at the console is logged as available
        durations = state_durations(
            s, world.olga, SYSTEM_CLOCK.now() - dt.timedelta(hours=1), SYSTEM_CLOCK.now()
        )
        assert durations["available"] > 0

    # a pause outlives a restart of the console (lunch is not over because it restarted)
    with session_scope(db_url) as s:
        set_operator_state(s, world.olga, "paused", SYSTEM_CLOCK, reason="Training")
    again = Console(qtbot, db_url)
    again.start()
    try:
        again.log_in("olga")
        button = panel_of(again).state_button
        qtbot.waitUntil(lambda: button.state is not None, timeout=10_000)
        assert (button.state, button.reason) == ("paused", "Training")
        assert _state(db_url, world.olga) == ("paused", "Training")
    finally:
        again.close()
    assert _state(db_url, world.olga) == ("offline", None)


# -- the Qt models under the model testers; refreshes keep the selection ----------------------


def _customer_log(customer_id: int) -> Any:
    from app.telephony import calls_for_customer
    from app.telephony import console_queries as cq

    def fetch(session: Any, before: Any, limit: int) -> Any:
        return cq.call_page(session, calls_for_customer, customer_id, before, limit)

    return fetch


def _checked(qtmodeltester: Any, model: Any) -> Any:
    """Both testers: pytest-qt's (asserts on every signal from here on) and Qt's own (its
    complaints are logged as warnings with FAIL in them)."""
    from PySide6.QtTest import QAbstractItemModelTester

    qtmodeltester.check(model, force_py=True)
    return QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)


def test_call_log_model_passes_the_model_testers_and_keeps_the_selection_on_refresh(
    qtbot: Any, qtmodeltester: Any, qtlog: Any, world: CallCenter, pbx: DemoPbx, make_runner: Any
) -> None:
    from PySide6.QtWidgets import QTableView

    from ui.panels.telephony.call_log_model import CallLogModel, PlaceKeeper

    for talk in (11, 12, 13, 14, 15):
        pbx.ring(ANNA, "101", answer=True, talk_seconds=talk)
    model = CallLogModel(make_runner(world.url), zone=dt.UTC, clock=SYSTEM_CLOCK, page_size=2)
    with qtbot.waitSignal(model.sig_loaded, timeout=10_000):
        model.set_fetch(_customer_log(world.anna))
    assert model.rowCount() == 2
    cpp = _checked(qtmodeltester, model)  # on real rows, then through every change below
    while not model.complete:  # (the tester itself may have asked for a page already)
        qtbot.waitUntil(lambda: not model.loading, timeout=10_000)
        if model.canFetchMore():
            with qtbot.waitSignal(model.sig_loaded, timeout=10_000):
                model.fetchMore()
    assert [model.row_at(r).talk_seconds for r in range(5)] == [15, 14, 13, 12, 11]
    view = QTableView()
    view.setModel(model)
    PlaceKeeper(view, model)
    qtbot.addWidget(view)
    view.verticalHeader().setDefaultSectionSize(26)
    view.resize(500, 26 * 3 + view.horizontalHeader().sizeHint().height())
    view.show()
    qtbot.waitExposed(view)
    view.selectRow(3)
    chosen = model.row_at(3).id
    view.scrollTo(model.index(2, 0), view.ScrollHint.PositionAtTop)  # reading rows 2-4
    assert view.rowAt(0) == 2
    reading = model.row_at(2).id
    # two more calls arrive: the refresh inserts them on top, the chosen call stays chosen
    pbx.ring(ANNA, "101", answer=True, talk_seconds=16)
    pbx.ring(ANNA, "101", answer=False)
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    with qtbot.waitSignal(model.sig_loaded, timeout=10_000):
        model.reload()
    assert model.rowCount() == 7 and inserted == [(0, 1)] and resets == []
    assert model.row_at(1).talk_seconds == 16
    assert model.row_at(view.currentIndex().row()).id == chosen
    assert [model.row_at(i.row()).id for i in view.selectionModel().selectedRows()] == [chosen]
    assert model.row_at(view.rowAt(0)).id == reading  # the new calls did not push it down
    # the same scope with nothing new: no signal but data changes
    with qtbot.waitSignal(model.sig_loaded, timeout=10_000):
        model.reload()
    assert model.rowCount() == 7 and inserted == [(0, 1)]
    # another scope is a new list (a reset), the tester still watching
    with qtbot.waitSignal(model.sig_loaded, timeout=10_000):
        model.set_fetch(_customer_log(world.anna + 100_000))  # nobody's
    assert model.rowCount() == 0
    model.set_fetch(None)
    failures = [r.message for r in qtlog.records if "FAIL" in r.message]
    assert failures == []
    del cpp


def test_callbacks_list_keeps_the_selection_when_one_is_returned(
    qtbot: Any, qtmodeltester: Any, qtlog: Any, world: CallCenter, console: Console, pbx: DemoPbx
) -> None:
    console.log_in("olga")
    panel = panel_of(console)
    for number in ("+79031112233", "+79035550001", "+79035550002"):
        pbx.ring(number, "102", answer=False)
    model = panel.callbacks_model
    qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=10_000)
    cpp = _checked(qtmodeltester, model)
    panel.tabs.setCurrentIndex(1)
    panel.callbacks_view.selectRow(2)
    chosen = model.row_at(2).id
    first = model.row_at(0)
    panel.callbacks_view.selectRow(0)
    qtbot.mouseClick(panel.done_button, Qt.MouseButton.LeftButton)  # the oldest is returned
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=10_000)
    assert first.id not in [model.row_at(r).id for r in range(2)]
    panel.callbacks_view.selectRow(1)
    assert model.row_at(1).id == chosen
    # another missed call: the list is merged, the chosen one is still chosen
    pbx.ring("+79035550003", "102", answer=False)
    qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=10_000)
    assert model.row_at(panel.callbacks_view.currentIndex().row()).id == chosen
    assert [r.message for r in qtlog.records if "FAIL" in r.message] == []
    del cpp


def test_operators_model_passes_the_model_testers(
    qtbot: Any, qtmodeltester: Any, qtlog: Any, db_url: str, world: CallCenter
) -> None:
    from app.telephony import operator_states
    from ui.panels.telephony.operator_state import OperatorsModel

    def rows() -> tuple[Any, ...]:
        with session_scope(db_url) as s:
            return tuple(operator_states(s))

    model = OperatorsModel(SYSTEM_CLOCK)
    model.set_rows(rows())
    assert model.rowCount() >= 2
    cpp = _checked(qtmodeltester, model)
    inserted: list[int] = []
    model.rowsInserted.connect(lambda *_a: inserted.append(1))
    with session_scope(db_url) as s:
        set_operator_state(s, world.olga, "paused", SYSTEM_CLOCK, reason="Lunch")
    model.set_rows(rows())
    model.tick()
    names = [r.name for r in model.rows]
    olga = names.index("Ольга Смирнова")
    assert model.index(olga, 2).data() == "Paused: Lunch"
    assert inserted == []  # a state change is a data change, not new rows
    with session_scope(db_url) as s:
        s.execute(update(User).where(User.id == world.petr).values(is_active=False))
    model.set_rows(rows())
    assert "Пётр" not in " ".join(r.name for r in model.rows)
    model.set_rows(())
    assert model.rowCount() == 0
    assert [r.message for r in qtlog.records if "FAIL" in r.message] == []
    del cpp


def test_calls_left_without_an_outcome_are_offered_again_when_the_console_opens(
    qtbot: Any, db_url: str, world: CallCenter, pbx: DemoPbx
) -> None:
    # two calls rang Ольга and nobody picked an outcome (her console was closed meanwhile)
    pbx.ring("+79031112233", "101", answer=False)  # Иван Сидоров: his newest order, W-0003
    pbx.ring(ANNA, "101", answer=False)  # Анна: W-0001
    console = Console(qtbot, db_url)
    console.start()
    try:
        console.log_in("olga")
        panel = panel_of(console)
        dialog = wait_outcome(qtbot, panel)  # the newest first
        assert "W-0001" in dialog.windowTitle()
        assert dialog.chosen == "no_answer"
        with qtbot.waitSignal(panel.sig_order_changed, timeout=10_000):
            qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert order(db_url, world.urgent).status == "no_answer"
        # saved: the next one is offered
        qtbot.waitUntil(
            lambda: (
                isinstance(panel.dialog, OutcomeDialog)
                and panel.dialog.isVisible()
                and "W-0003" in panel.dialog.windowTitle()
            ),
            timeout=10_000,
        )
        close_dialog(qtbot, panel)  # put off: not offered again by itself in this session
        # ... but "Outcome…" on the call in the log brings it back
        panel.scope.setCurrentIndex(2)  # my calls
        model = panel.log_model
        qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=10_000)
        row = next(r for r in range(2) if model.row_at(r).order_id == world.third)
        assert not panel.outcome_action.isEnabled()
        panel.log_view.selectRow(row)
        assert panel.outcome_action.isEnabled()
        done = next(r for r in range(2) if model.row_at(r).order_id == world.urgent)
        panel.log_view.selectRow(done)
        qtbot.waitUntil(lambda: model.row_at(done).outcome == "no_answer", timeout=10_000)
        panel.log_view.selectRow(done)
        assert not panel.outcome_action.isEnabled()  # its outcome is in
        panel.log_view.selectRow(row)
        panel.outcome_action.trigger()
        qtbot.waitUntil(
            lambda: (
                isinstance(panel.dialog, OutcomeDialog) and "W-0003" in panel.dialog.windowTitle()
            ),
            timeout=10_000,
        )
        close_dialog(qtbot, panel)
    finally:
        console.close()
    with session_scope(db_url) as s:
        from app.telephony import calls_awaiting_outcome

        (left,) = calls_awaiting_outcome(s, world.olga, SYSTEM_CLOCK)
        assert left.order_id == world.third
