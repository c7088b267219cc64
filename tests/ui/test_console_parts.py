"""The console's glue pieces on their own: the change feed on the UI thread, the lease keeper,
the connection monitor's states, the business settings dialog, the filter bar's periods."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from app.actors import Actor
from app.business_settings import get_setting
from app.change_feed import ChangeEvent
from app.clock import SYSTEM_CLOCK
from app.db import session_scope
from app.queue import take_next
from models import Order, Role
from tests import factories as f
from ui.change_feed import ChangeBatch, ChangeFeed
from ui.connection import OFFLINE_AFTER_PROBES, ConnectionMonitor, ConnectionState
from ui.dialogs.business_settings import (
    COL_KEY,
    BusinessSettingsDialog,
    parse_value,
    save_settings,
)
from ui.lease import LeaseKeeper
from ui.ops import OpRunner
from ui.panels.queue_filters import period_bounds

pytestmark = pytest.mark.ui

MakeRunner = Callable[[str | None], OpRunner]
UNREACHABLE = "postgresql+psycopg://okno@127.0.0.1:9/okno?connect_timeout=2"


def _event(id_: int, aggregate: str, aggregate_id: int, actor: int | None) -> ChangeEvent:
    from types import MappingProxyType

    return ChangeEvent(
        id_,
        f"{aggregate}.x",
        aggregate,
        aggregate_id,
        MappingProxyType({}),
        actor,
        dt.datetime.now(dt.UTC),
    )


def test_a_batch_says_what_changed_and_who_did_it() -> None:
    batch = ChangeBatch.of(
        [_event(1, "order", 10, 7), _event(2, "order", 11, 8), _event(3, "customer", 5, None)]
    )
    assert batch.order_ids == {10, 11} and batch.customer_ids == {5}
    assert batch.orders_changed_by_others(7) == {11}
    assert batch.tasks_touched
    assert not ChangeBatch.of([_event(4, "customer", 5, None)]).tasks_touched


def test_the_feed_delivers_committed_changes_on_the_ui_thread(qtbot: Any, db_url: str) -> None:
    with session_scope(db_url) as s:
        user = f.user(s, "olga")
        order = f.order(s, [], status="needs_confirmation")
        ids = (user.id, order.id)
    feed = ChangeFeed(db_url, poll_interval=0.1)
    threads: list[threading.Thread] = []
    feed.sig_changes.connect(lambda _b: threads.append(threading.current_thread()))
    with qtbot.waitSignal(feed.sig_connection_changed, timeout=10_000) as up:
        feed.start()
    assert up.args == [True]
    with qtbot.waitSignal(feed.sig_changes, timeout=10_000) as changes:
        take_next(db_url, operator_id=ids[0], clock=SYSTEM_CLOCK)  # emits order.claimed
    batch = changes.args[0]
    assert isinstance(batch, ChangeBatch) and ids[1] in batch.order_ids
    assert threads == [threading.main_thread()]
    feed.stop()
    assert not feed.running


def test_the_keeper_heartbeats_releases_and_notices_a_lost_lease(
    qtbot: Any, db_url: str, make_runner: MakeRunner
) -> None:
    with session_scope(db_url) as s:
        olga, petr = f.user(s, "olga").id, f.user(s, "petr").id
        f.order(s, [], status="needs_confirmation")
    claimed = take_next(db_url, operator_id=olga, clock=SYSTEM_CLOCK)
    assert claimed is not None
    runner = make_runner(db_url)
    keeper = LeaseKeeper(runner, olga, SYSTEM_CLOCK, interval_ms=50)
    before = claimed.lease_heartbeat_at
    keeper.hold(claimed.order_id)
    qtbot.waitUntil(lambda: keeper.beats >= 2)

    def row() -> Order:
        with session_scope(db_url) as s:
            o = s.get(Order, claimed.order_id)
            s.expunge(o)
            return o

    assert row().lease_heartbeat_at > before
    keeper.release()
    qtbot.waitUntil(lambda: row().lease_operator_id is None)
    assert keeper.order_id is None
    # held again, but a colleague takes it over (the lease lapsed): the keeper says so
    again = take_next(db_url, operator_id=olga, clock=SYSTEM_CLOCK)
    assert again is not None
    keeper.hold(again.order_id)
    with session_scope(db_url) as s:
        s.get(Order, again.order_id).lease_operator_id = petr
    with qtbot.waitSignal(keeper.sig_lost, timeout=10_000) as lost:
        pass
    assert lost.args[0] == again.order_id and "lost the lease" in lost.args[1]
    assert keeper.order_id is None


def test_the_monitor_goes_offline_after_failed_probes_and_back_when_they_pass(
    qtbot: Any, db_url: str, make_runner: MakeRunner
) -> None:
    runner = make_runner(db_url)
    monitor = ConnectionMonitor(runner)
    states: list[str] = []
    monitor.sig_state_changed.connect(lambda state, _m: states.append(state))
    real_url = runner.database_url
    runner.database_url = UNREACHABLE  # the server went away
    monitor.lost("connection refused")
    assert monitor.state is ConnectionState.RECONNECTING
    qtbot.waitUntil(lambda: monitor.state is ConnectionState.OFFLINE, timeout=30_000)
    assert monitor.failed_probes >= OFFLINE_AFTER_PROBES
    assert monitor.message  # the driver's reason, for the tooltip
    runner.database_url = real_url  # it is back
    with qtbot.waitSignal(monitor.sig_reconnected, timeout=15_000):
        pass
    assert monitor.state is ConnectionState.CONNECTED and runner.connected is True
    # each failed probe repeats the state with its message; the states go one way
    distinct = [state for i, state in enumerate(states) if i == 0 or states[i - 1] != state]
    assert distinct == ["reconnecting", "offline", "connected"]


def test_supervisors_change_settings_and_bad_values_are_named(
    qtbot: Any, db_url: str, make_runner: MakeRunner
) -> None:
    with session_scope(db_url) as s:
        boss = f.user(s, "boss", Role.SUPERVISOR)
        actor = Actor(boss.id, "supervisor", boss.name)
    dialog = BusinessSettingsDialog(make_runner(db_url), actor)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 5)
    keys = [dialog.table.item(r, COL_KEY).text() for r in range(dialog.table.rowCount())]
    row = keys.index("robot.max_total")
    dialog.table.item(row, 1).setText("abc")
    dialog.save()
    assert dialog.message.text() == "robot.max_total: “abc” is not a number"
    dialog.table.item(row, 1).setText("12 500,50")
    with qtbot.waitSignal(dialog.finished, timeout=10_000):
        dialog.save()
    with session_scope(db_url) as s:
        assert get_setting(s, "robot.max_total") == Decimal("12500.50")
    assert parse_value("robot.enabled", "false") is False
    assert parse_value("customers.custom_fields", "[]") == []
    with pytest.raises(ValueError, match="whole number"):
        parse_value("retry.max_attempts", "4.5")
    with session_scope(db_url) as s, pytest.raises(ValueError, match="Only a supervisor"):
        save_settings(s, Actor(1, "operator", "x"), (("robot.enabled", False),))


def test_periods_are_the_operators_days() -> None:
    moscow = ZoneInfo("Europe/Moscow")
    today = dt.date(2026, 11, 20)
    low, high = period_bounds("today", today, moscow, today, today)
    assert low == dt.datetime(2026, 11, 19, 21, 0, tzinfo=dt.UTC)  # 00:00 in Moscow
    assert high == dt.datetime(2026, 11, 20, 21, 0, tzinfo=dt.UTC)
    low, high = period_bounds("week", today, moscow, today, today)
    assert (high - low).days == 7
    low, high = period_bounds("custom", today, moscow, dt.date(2026, 11, 5), dt.date(2026, 11, 3))
    assert low == dt.datetime(2026, 11, 2, 21, 0, tzinfo=dt.UTC)  # the dates in either order
    assert high == dt.datetime(2026, 11, 5, 21, 0, tzinfo=dt.UTC)
    assert period_bounds("any", today, moscow, today, today) == (None, None)
