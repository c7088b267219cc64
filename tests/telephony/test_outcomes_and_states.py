"""After-call outcomes drive the order (the retry chain), and operator states follow calls."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.actors import actor_for_user_id
from app.clock import FixedClock
from app.db import session_scope
from app.orders.errors import InvalidValue
from app.orders.workflow import get_order
from app.telephony import (
    DemoPbx,
    dial,
    get_operator_state,
    last_call,
    operator_states,
    record_call_outcome,
    set_operator_state,
    state_durations,
    suggested_outcome,
)
from models import Message
from tests import factories as f
from tests.telephony.conftest import events


def test_unanswered_call_preselects_no_answer_which_runs_the_retry_chain(
    db_url: str, people: dict[str, int], pbx: DemoPbx
) -> None:
    pbx.emulator.unanswered_numbers.add("79161234567")
    dial(db_url, pbx.provider, people["op"], "+79161234567", order_id=people["order"])
    assert pbx.emulator.wait_idle()
    clock = FixedClock(f.T0)
    with session_scope(db_url) as s:
        call = last_call(s, people["op"])
        assert call is not None and call.result == "missed" and call.direction == "outbound"
        assert call.order_id == people["order"]
        outcome = suggested_outcome(s, call.id)
        assert outcome == "no_answer"
        actor = actor_for_user_id(s, people["op"])
        done = record_call_outcome(s, call.id, people["order"], outcome, actor, clock)
    assert (done.order_status, done.no_answer_attempts) == ("no_answer", 1)
    assert done.next_attempt_at == f.T0 + dt.timedelta(hours=3)
    with session_scope(db_url) as s:
        assert [m.template_code for m in s.scalars(select(Message))] == ["no_answer_sms"]
        assert last_call(s, people["op"]).outcome == "no_answer"  # type: ignore[union-attr]
    assert events(db_url, "telephony.call_outcome")[0]["outcome"] == "no_answer"


def test_answered_call_confirms_and_operator_goes_on_call_wrap_up_available(
    db_url: str, people: dict[str, int], pbx: DemoPbx
) -> None:
    clock = FixedClock(f.T0)
    with session_scope(db_url) as s:
        set_operator_state(s, people["op"], "available", clock)
    pbx.ring("+79161234567", "101", talk_seconds=60)
    states = [e["state"] for e in events(db_url, "telephony.operator_state")]
    assert states == ["available", "on_call", "wrap_up"]
    with session_scope(db_url) as s:
        assert get_operator_state(s, people["op"]).state == "wrap_up"  # type: ignore[union-attr]
        call = last_call(s, people["op"])
        assert call is not None and suggested_outcome(s, call.id) == "confirmed"
        actor = actor_for_user_id(s, people["op"])
        record_call_outcome(s, call.id, people["order"], "confirmed", actor, clock)
        assert get_order(s, people["order"]).status == "confirmed"
        assert get_operator_state(s, people["op"]).state == "available"  # type: ignore[union-attr]


def test_other_outcomes_need_their_details(
    db_url: str, people: dict[str, int], pbx: DemoPbx
) -> None:
    pbx.ring("+79161234567", "101", answer=False)
    clock = FixedClock(f.T0)
    with session_scope(db_url) as s:
        call = last_call(s, people["op"])
        assert call is not None
        actor = actor_for_user_id(s, people["op"])
        with pytest.raises(InvalidValue, match="callback_at"):
            record_call_outcome(s, call.id, people["order"], "callback", actor, clock)
        with pytest.raises(InvalidValue, match="reason"):
            record_call_outcome(s, call.id, people["order"], "cancelled", actor, clock)
        with pytest.raises(InvalidValue, match="outcome"):
            record_call_outcome(s, call.id, people["order"], "maybe", actor, clock)
        when = f.T0 + dt.timedelta(hours=5)
        record_call_outcome(s, call.id, people["order"], "callback", actor, clock, callback_at=when)
        assert get_order(s, people["order"]).callback_at == when
        record_call_outcome(s, call.id, people["order"], "wrong_number", actor, clock)
        order = get_order(s, people["order"])
        assert (order.status, order.cancel_reason) == ("cancelled", "wrong number")


def test_operator_states_and_time_in_each(db_url: str, people: dict[str, int]) -> None:
    clock = FixedClock(f.T0)
    with session_scope(db_url) as s:
        set_operator_state(s, people["op"], "available", clock)
        clock.advance(minutes=10)
        with pytest.raises(ValueError, match="reason"):
            set_operator_state(s, people["op"], "paused", clock)
        set_operator_state(s, people["op"], "paused", clock, reason="обед")
        clock.advance(minutes=30)
        set_operator_state(s, people["op"], "available", clock)
        clock.advance(minutes=5)
        rows = {r.operator_id: r for r in operator_states(s)}
        assert rows[people["op"]].state == "available" and rows[people["op"]].extension == "101"
        assert rows[people["op2"]].state == "offline"
        spent = state_durations(s, people["op"], f.T0, clock.now())
        assert spent["available"] == 15 * 60 and spent["paused"] == 30 * 60
