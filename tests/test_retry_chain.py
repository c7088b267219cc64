"""Gulliver's chain: no answer → SMS → due again after 3 h with a task → the 4th cancels."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.actors import Actor
from app.business_settings import set_setting
from app.clock import FixedClock
from app.db import session_scope
from app.orders import outcomes, workflow
from app.orders.errors import InvalidValue
from app.worker import Worker
from models import Message, Role, Task
from tests import factories as f


@pytest.fixture
def setup(db_url: str) -> dict[str, int]:
    with session_scope(db_url) as s:
        st = f.store(s)
        op = f.user(s, "olga", Role.OPERATOR, name="Ольга")
        off = f.offer(s, "900", stock={st.id: 3})
        c = f.customer(s, first_name="Мария")
        o = f.order(s, [(off, 1)], status="needs_confirmation", store_id=st.id, customer_obj=c)
        return {"op": op.id, "order": o.id}


def _no_answer(db_url: str, ids: dict[str, int], clock: FixedClock) -> outcomes.NoAnswerResult:
    with session_scope(db_url) as s:
        op = s.get(f.User, ids["op"])
        order = workflow.get_order(s, ids["order"])
        return outcomes.record_no_answer(s, order, Actor(op.id, op.role.value, op.name), clock)


def test_full_chain_with_sms_tasks_and_cancel_on_fourth(db_url: str, setup) -> None:
    clock = FixedClock(f.T0)
    worker = Worker(db_url, clock)
    for attempt in (1, 2, 3):
        result = _no_answer(db_url, setup, clock)
        assert (result.attempts, result.cancelled) == (attempt, False)
        assert result.next_attempt_at == clock.now() + dt.timedelta(hours=3)
        with session_scope(db_url) as s:
            order = workflow.get_order(s, setup["order"])
            assert order.status == "no_answer"
        # not due yet: the worker leaves it alone
        clock.advance(hours=2, minutes=59)
        assert worker.run_once().retries_due == 0
        clock.advance(minutes=1)
        assert worker.run_once().retries_due == 1
        with session_scope(db_url) as s:
            order = workflow.get_order(s, setup["order"])
            assert (order.status, order.next_attempt_at) == ("needs_confirmation", None)
            task = s.scalars(select(Task).order_by(Task.id.desc())).first()
            assert task is not None and task.kind == "retry_due" and task.assignee_id == setup["op"]
    result = _no_answer(db_url, setup, clock)
    assert (result.attempts, result.cancelled) == (4, True)
    with session_scope(db_url) as s:
        order = workflow.get_order(s, setup["order"])
        assert (order.status, order.cancel_reason) == ("cancelled", "not reached")
        sms = s.scalars(select(Message).order_by(Message.id)).all()
        assert [m.template_code for m in sms] == ["no_answer_sms"] * 3 + [
            "cancelled_not_reached_sms"
        ]
        assert all(m.delivery_state.value == "queued" for m in sms)
        assert "Мария" in sms[0].body and order.number in sms[0].body
        assert "отменён" in sms[-1].body


def test_delay_and_attempts_are_settings(db_url: str, setup) -> None:
    with session_scope(db_url) as s:
        set_setting(s, "retry.delay_minutes", 30)
        set_setting(s, "retry.max_attempts", 2)
    clock = FixedClock(f.T0)
    first = _no_answer(db_url, setup, clock)
    assert first.next_attempt_at == f.T0 + dt.timedelta(minutes=30)
    assert _no_answer(db_url, setup, clock).cancelled


def test_callback_hides_the_order_until_the_time_with_a_task(db_url: str, setup) -> None:
    clock = FixedClock(f.T0)
    when = f.T0 + dt.timedelta(hours=5)
    with session_scope(db_url) as s:
        op = s.get(f.User, setup["op"])
        actor = Actor(op.id, op.role.value, op.name)
        order = workflow.get_order(s, setup["order"])
        with pytest.raises(InvalidValue, match="not in the future"):
            outcomes.schedule_callback(s, order, actor, clock, f.T0 - dt.timedelta(minutes=1))
    with session_scope(db_url) as s:
        order = workflow.get_order(s, setup["order"])
        outcomes.schedule_callback(s, order, actor, clock, when, comment="после работы")
    with session_scope(db_url) as s:
        order = workflow.get_order(s, setup["order"])
        assert (order.status, order.callback_at) == ("needs_confirmation", when)
        task = s.scalars(select(Task)).one()
        assert (task.kind, task.due_at, task.assignee_id) == ("callback", when, setup["op"])
