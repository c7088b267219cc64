"""An operator's due reminders (app/notifications.py) on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.clock import FixedClock
from app.db import session_scope
from app.notifications import due_tasks, mark_done
from models import OutboxEvent, Role, Task
from tests import factories as f

T0 = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)


def _world(url: str) -> dict[str, int]:
    with session_scope(url) as s:
        me = f.user(s, "me", Role.OPERATOR)
        other = f.user(s, "other", Role.OPERATOR)
        waiting = f.order(s, [], status="needs_confirmation")
        retry = f.order(s, [], status="no_answer")
        finished = f.order(s, [], status="confirmed")
        rows = {
            "callback": Task(
                kind="callback",
                title="Call back",
                order_id=waiting.id,
                assignee_id=me.id,
                due_at=T0 - dt.timedelta(minutes=5),
            ),
            "retry": Task(
                kind="retry_due",
                title="Call again",
                order_id=retry.id,
                assignee_id=me.id,
                due_at=T0 - dt.timedelta(minutes=30),
            ),
            "later": Task(
                kind="callback",
                title="Later",
                order_id=waiting.id,
                assignee_id=me.id,
                due_at=T0 + dt.timedelta(minutes=5),
            ),
            "moot": Task(
                kind="callback",
                title="Order done",
                order_id=finished.id,
                assignee_id=me.id,
                due_at=T0 - dt.timedelta(hours=1),
            ),
            "plain": Task(
                kind="check",
                title="No order",
                assignee_id=me.id,
                due_at=T0 - dt.timedelta(minutes=1),
            ),
            "done": Task(
                kind="callback",
                title="Done",
                order_id=waiting.id,
                assignee_id=me.id,
                due_at=T0 - dt.timedelta(hours=2),
                done_at=T0 - dt.timedelta(hours=1),
            ),
            "theirs": Task(
                kind="callback",
                title="Theirs",
                order_id=waiting.id,
                assignee_id=other.id,
                due_at=T0 - dt.timedelta(minutes=5),
            ),
        }
        s.add_all(rows.values())
        s.flush()
        ids = {name: t.id for name, t in rows.items()}
        ids.update(me=me.id, other=other.id, waiting=waiting.id)
        return ids


def test_due_tasks_are_mine_due_undone_and_about_waiting_orders(db_url: str) -> None:
    ids = _world(db_url)
    with session_scope(db_url) as s:
        due = due_tasks(s, ids["me"], T0)
        limited = due_tasks(s, ids["me"], T0, limit=1)
    assert due.count == 3
    assert [t.id for t in due.tasks] == [ids["retry"], ids["callback"], ids["plain"]]
    assert due.tasks[1].order_id == ids["waiting"] and due.tasks[1].order_number
    assert due.tasks[2].order_number is None
    assert (limited.count, len(limited.tasks)) == (3, 1)  # the count stays exact


def test_marking_done_once_removes_it_and_tells_the_feed(db_url: str) -> None:
    ids = _world(db_url)
    clock = FixedClock(T0)
    with session_scope(db_url) as s:
        assert mark_done(s, ids["callback"], ids["me"], clock)
    with session_scope(db_url) as s:
        assert not mark_done(s, ids["callback"], ids["me"], clock)  # already done
        assert not mark_done(s, ids["theirs"], ids["me"], clock)  # not mine
        assert due_tasks(s, ids["me"], T0).count == 2
        events = s.scalars(select(OutboxEvent).where(OutboxEvent.topic == "task.done")).all()
        assert [(e.aggregate_id, e.actor_id) for e in events] == [(ids["callback"], ids["me"])]


def test_a_naive_now_is_refused(db_url: str) -> None:
    with session_scope(db_url) as s, pytest.raises(ValueError, match="naive"):
        due_tasks(s, 1, dt.datetime(2026, 1, 1))
