"""The issue's "Done means", driven through the real console as an operator drives it: the
launcher, the log-in dialog (typed into), the window with its docks; keys, not method calls.

Both databases: log in, take next (F2), edit an item, confirm (F3) and go on with F2; record no
answer (F4); cancel with a reason (F8); find a customer by a phone typed ``8 (916) 123-45-67``
(Ctrl+K) and open it; resolve an edit conflict with another operator. PostgreSQL: survive a
database restart with the edit kept — the console talks to the server through a loopback proxy
that the test cuts and restores."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy.engine import make_url

import ui.panels.order_card  # noqa: F401  (the card before its dialogs: they import each other)
from app.actors import Actor
from app.clock import SYSTEM_CLOCK
from app.db import get_engine, session_scope
from app.orders.editing import save_order
from models import OrderItem, Role
from tests.ui.console_world import CallCenter, Console, make_call_center, order
from tests.ui.tcp_proxy import TcpProxy
from ui.connection import ConnectionState
from ui.dialogs.cancel import CancelDialog
from ui.dialogs.conflict import ConflictDialog
from ui.models.order_items import COL_QTY

pytestmark = pytest.mark.ui

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def world(db_url: str) -> CallCenter:
    return make_call_center(db_url)


@pytest.fixture
def console(qtbot: Any, db_url: str) -> Iterator[Console]:
    running = Console(qtbot, db_url)
    running.start()
    yield running
    running.close()


def quantities(url: str, order_id: int) -> list[int]:
    with session_scope(url) as s:
        return [
            i.quantity
            for i in s.query(OrderItem).filter_by(order_id=order_id).order_by(OrderItem.id)
        ]


def take_next(console: Console, qtbot: Any) -> int:
    card = console.window.card
    assert card is not None
    with qtbot.waitSignal(card.sig_order_loaded, timeout=10_000) as loaded:
        console.key(Qt.Key.Key_F2)
    return int(loaded.args[0])


def wait_card_dialog(qtbot: Any, console: Console, cls: type) -> Any:
    card = console.window.card
    qtbot.waitUntil(lambda: isinstance(card.dialog, cls) and card.dialog.isVisible())
    return card.dialog


def test_log_in_take_next_edit_an_item_confirm_and_take_the_next(
    qtbot: Any, world: CallCenter, console: Console, db_url: str
) -> None:
    window = console.log_in("olga")
    assert window.user is not None and window.user.id == world.olga
    assert window.user_label.text().startswith("Ольга Смирнова (operator)")
    assert window.connection_label.text() == "Connected"
    card, profile, queue = window.card, window.profile, window.queue
    assert card is not None and profile is not None and queue is not None
    assert not window.settings_action.isVisible()  # an operator: no settings

    # F2: the most urgent order, claimed for me; its customer in the profile dock
    assert take_next(console, qtbot) == world.urgent
    assert order(db_url, world.urgent).lease_operator_id == world.olga
    assert window.keeper is not None and window.keeper.order_id == world.urgent
    qtbot.waitUntil(lambda: profile.profile is not None and profile.profile.id == world.anna)
    assert "on order W-0001" in window.user_label.text()
    assert "yours" in card.meta_label.text()

    # edit an item with the keyboard: quantity 1 → 3
    view, items = card.items_view, card.items_model
    view.setFocus()
    view.setCurrentIndex(items.index(0, COL_QTY))
    console.key(Qt.Key.Key_3, widget=view)
    console.key(Qt.Key.Key_Return, widget=QApplication.focusWidget())
    assert card.dirty

    # F3 confirms, saving the edit in the same step
    with qtbot.waitSignal(card.sig_order_finished, timeout=10_000):
        console.key(Qt.Key.Key_F3)
    confirmed = order(db_url, world.urgent)
    assert confirmed.status == "confirmed"
    assert quantities(db_url, world.urgent) == [3]
    qtbot.waitUntil(lambda: order(db_url, world.urgent).lease_operator_id is None)
    assert window.keeper.order_id is None
    qtbot.waitUntil(lambda: "Press F2 for the next order." in window.statusBar().currentMessage())
    assert "free" in window.user_label.text()

    # and the loop goes on without the mouse: F2 hands out the next one
    assert take_next(console, qtbot) == world.second
    assert order(db_url, world.second).lease_operator_id == world.olga
    qtbot.waitUntil(lambda: profile.profile is not None and profile.profile.id != world.anna)


def test_no_answer_with_f4_returns_the_order_to_the_retry_chain(
    qtbot: Any, world: CallCenter, console: Console, db_url: str
) -> None:
    window = console.log_in("olga")
    assert take_next(console, qtbot) == world.urgent
    with qtbot.waitSignal(window.card.sig_order_finished, timeout=10_000):
        console.key(Qt.Key.Key_F4)
    row = order(db_url, world.urgent)
    assert (row.status, row.no_answer_attempts) == ("no_answer", 1)
    assert row.next_attempt_at is not None and row.lease_operator_id is None
    assert window.keeper.order_id is None
    # the queue hears of it through the change feed: the row shows the new status
    model = window.queue.model
    qtbot.waitUntil(
        lambda: (
            model.row_of(world.urgent) is not None
            and model.row_at(model.row_of(world.urgent)).status_code == "no_answer"
        ),
        timeout=10_000,
    )


def test_cancel_with_f8_needs_a_reason(
    qtbot: Any, world: CallCenter, console: Console, db_url: str
) -> None:
    window = console.log_in("olga")
    take_next(console, qtbot)
    console.key(Qt.Key.Key_F8)
    dialog = wait_card_dialog(qtbot, console, CancelDialog)
    console.key(Qt.Key.Key_Return, widget=dialog.reason_combo)  # no reason yet: refused
    assert dialog.isVisible() and dialog.error.isVisible()
    assert order(db_url, world.urgent).status == "needs_confirmation"
    dialog.reason_combo.setFocus()
    console.key(Qt.Key.Key_Down, widget=dialog.reason_combo)
    console.key(Qt.Key.Key_Down, widget=dialog.reason_combo)  # "Found it cheaper elsewhere"
    with qtbot.waitSignal(window.card.sig_order_finished, timeout=10_000):
        console.key(Qt.Key.Key_Return, widget=dialog.reason_combo)
    row = order(db_url, world.urgent)
    assert (row.status, row.cancel_reason) == ("cancelled", "Found it cheaper elsewhere")


def test_search_a_customer_by_a_domestic_phone_and_open_her(
    qtbot: Any, world: CallCenter, console: Console
) -> None:
    window = console.log_in("olga")
    console.key(Qt.Key.Key_K, CTRL)
    search = window.search
    assert search is not None
    qtbot.waitUntil(search.isVisible)
    qtbot.keyClicks(search.edit, "8 (916) 123-45-67")
    qtbot.waitUntil(lambda: not search.search.busy and search.model.rowCount() > 0)
    with qtbot.waitSignal(window.profile.sig_customer_loaded, timeout=10_000) as shown:
        qtbot.keyClick(search.edit, Qt.Key.Key_Return)
    assert shown.args == [world.anna]
    assert not search.isVisible()
    assert window.profile.profile.name.startswith("Петрова Анна")
    # the customer's order opens from the profile in the card
    with qtbot.waitSignal(window.card.sig_order_loaded, timeout=10_000) as loaded:
        window.profile.sig_order_requested.emit(world.urgent)
    assert loaded.args == [world.urgent]


def test_an_edit_conflict_with_another_operator_is_shown_and_resolved(
    qtbot: Any, world: CallCenter, console: Console, db_url: str
) -> None:
    window = console.log_in("olga")
    card = window.card
    take_next(console, qtbot)
    card.delivery.address.setFocus()
    card.delivery.address.selectAll()
    qtbot.keyClicks(card.delivery.address, "Moskva, Arbat 10")  # mine
    assert card.dirty

    # Пётр (a supervisor stepping in) saves first, in his own session
    with session_scope(db_url) as s:
        current = order(db_url, world.urgent)
        save_order(
            s,
            world.urgent,
            Actor(world.boss, Role.SUPERVISOR.value, "Ирина Ковалёва"),
            SYSTEM_CLOCK,
            expected_version=current.version,
            fields={"manager_comment": "упаковать в подарок"},
        )
    # the change feed tells the card; my edit stays, and the card says what happened
    qtbot.waitUntil(lambda: "Someone else changed" in card.notice.label.text(), timeout=10_000)
    assert card.delivery.address.text() == "Moskva, Arbat 10"

    console.key(Qt.Key.Key_S, CTRL)
    dialog = wait_card_dialog(qtbot, console, ConflictDialog)
    fields = {row.field: row for row in dialog.rows}
    assert fields["Manager comment"].theirs == "упаковать в подарок"
    assert fields["Address"].mine == "Moskva, Arbat 10"
    with qtbot.waitSignal(card.sig_order_changed, timeout=10_000):
        dialog.mine_button.click()
    row = order(db_url, world.urgent)
    assert row.delivery_address == "Moskva, Arbat 10"  # mine on top of theirs
    assert row.manager_comment == "упаковать в подарок"  # theirs kept
    assert not card.dirty


def test_the_queue_updates_live_and_keeps_the_selection(
    qtbot: Any, world: CallCenter, console: Console, db_url: str
) -> None:
    from app.order_list import QueueView

    window = console.log_in("olga")
    queue = window.queue
    with qtbot.waitSignal(queue.model.sig_rows_loaded, timeout=10_000):
        queue.set_view(QueueView.NEEDS_CONFIRMATION)
    assert queue.model.rowCount() == 3
    queue.setFocus()
    cell = queue.table.visualRect(queue.model.index(queue.model.row_of(world.third), 0))
    with qtbot.waitSignal(window.card.sig_order_loaded, timeout=10_000) as loaded:
        qtbot.mouseClick(queue.table.viewport(), Qt.MouseButton.LeftButton, pos=cell.center())
    assert loaded.args == [world.third]
    # another operator takes the urgent order: its row shows the padlock, my row stays selected
    from app.queue import take_next as claim

    claim(db_url, operator_id=world.petr, clock=SYSTEM_CLOCK)
    model = queue.model
    qtbot.waitUntil(
        lambda: model.row_at(model.row_of(world.urgent)).lease_holder_id == world.petr,
        timeout=10_000,
    )
    assert queue.table.currentIndex().row() == model.row_of(world.third)
    assert "Пётр Иванов" in model.index(model.row_of(world.urgent), 0).data(
        Qt.ItemDataRole.ToolTipRole
    )


def test_wrong_password_says_so_and_the_right_one_gets_in(
    qtbot: Any, world: CallCenter, console: Console
) -> None:
    dialog = console.login
    qtbot.keyClicks(dialog.login, "olga")
    qtbot.keyClicks(dialog.password, "wrong")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.error.isVisible, timeout=10_000)
    assert dialog.error.text().startswith("Wrong login or password")
    assert console.launcher.window is not None and not console.window.isVisible()
    window = console.log_in("olga")
    assert window.user is not None and window.user.login == "olga"


@pytest.fixture
def proxied(db_url: str, backend: str) -> Iterator[tuple[str, TcpProxy]]:
    """The database behind a loopback proxy the test can cut (PostgreSQL: a real server
    restart is what a network console meets; the embedded SQLite file has no server)."""
    assert backend == "postgresql"  # parametrized so: never skipped
    url = make_url(db_url)
    proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432)
    proxy.start()
    through = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    yield through, proxy
    proxy.stop()
    get_engine(through).dispose()


@pytest.mark.parametrize("migrated_db", ["postgresql"], indirect=True)
def test_a_database_restart_keeps_the_edit_and_the_console_carries_on(
    qtbot: Any, proxied: tuple[str, TcpProxy], db_url: str
) -> None:
    through, proxy = proxied
    world = make_call_center(db_url)
    console = Console(qtbot, through)
    console.start()
    try:
        window = console.log_in("olga")
        card = window.card
        take_next(console, qtbot)
        card.delivery.address.setFocus()
        card.delivery.address.selectAll()
        qtbot.keyClicks(card.delivery.address, "Moskva, Arbat 10")

        proxy.cut()  # the server goes away under the edit
        console.key(Qt.Key.Key_S, CTRL)
        qtbot.waitUntil(lambda: card.alert.isVisible(), timeout=15_000)
        assert "your changes are kept" in card.alert.label.text()
        qtbot.waitUntil(window.banner.isVisible, timeout=10_000)
        assert window.monitor.state is not ConnectionState.CONNECTED
        assert window.connection_label.text() in ("Reconnecting…", "Offline")
        # the edit is in the form and on disk
        assert card.dirty and card.delivery.address.text() == "Moskva, Arbat 10"
        draft = card.drafts.path(world.urgent)
        assert json.loads(draft.read_text(encoding="utf-8"))["fields"] == {
            "delivery_address": "Moskva, Arbat 10"
        }
        qtbot.waitUntil(lambda: window.monitor.state is ConnectionState.OFFLINE, timeout=15_000)
        assert window.connection_label.text() == "Offline"

        proxy.restore()  # the server is back: the console notices by itself
        qtbot.waitUntil(lambda: window.monitor.state is ConnectionState.CONNECTED, timeout=10_000)
        assert not window.banner.isVisible()
        assert window.connection_label.text() == "Connected"
        assert "database is back" in card.alert.label.text()
        with qtbot.waitSignal(card.sig_order_changed, timeout=10_000):
            card.alert.button("RetrySaveButton").click()
        assert order(db_url, world.urgent).delivery_address == "Moskva, Arbat 10"
        assert not card.dirty
        qtbot.waitUntil(lambda: not draft.exists())
        # and the live feed is back too: another operator's change reaches the queue
        qtbot.waitUntil(lambda: window.feed.connected is True, timeout=10_000)
    finally:
        console.close()
