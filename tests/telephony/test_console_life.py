"""What a console does with the backend when it opens and closes: the operator's state
(available at sign-in unless paused or on a call, offline at sign-out) and the calls whose
outcome was never picked."""

from __future__ import annotations

import datetime as dt

from app.actors import actor_for_user_id
from app.clock import FixedClock
from app.db import session_scope
from app.telephony import (
    DemoPbx,
    calls_awaiting_outcome,
    get_operator_state,
    last_call,
    record_call_outcome,
    set_operator_state,
    signed_in,
    signed_out,
    state_durations,
)
from tests import factories as f


def test_sign_in_makes_an_operator_available_unless_paused_or_on_a_call(
    db_url: str, people: dict[str, int]
) -> None:
    op, t = people["op"], f.T0
    with session_scope(db_url) as s:
        row = signed_in(s, op, FixedClock(t))
        assert row is not None and (row.state, row.since) == ("available", t)
    with session_scope(db_url) as s:
        signed_out(s, op, FixedClock(t + dt.timedelta(hours=1)))
        assert get_operator_state(s, op).state == "offline"  # type: ignore[union-attr]
        spent = state_durations(s, op, t, t + dt.timedelta(hours=2))
        assert (spent["available"], spent["offline"]) == (3600, 3600)
    for kept in ("paused", "on_call"):
        with session_scope(db_url) as s:
            set_operator_state(s, op, kept, FixedClock(t), reason="Lunch")
            row = signed_in(s, op, FixedClock(t + dt.timedelta(hours=2)))
            assert row is not None and row.state == kept
    with session_scope(db_url) as s:
        set_operator_state(s, op, "wrap_up", FixedClock(t))
        assert signed_in(s, op, FixedClock(t)).state == "available"  # type: ignore[union-attr]


def test_calls_awaiting_outcome_newest_per_order_until_one_is_picked(
    db_url: str, people: dict[str, int], pbx: DemoPbx
) -> None:
    pbx.ring("+79161234567", "101", answer=False)
    pbx.ring("+79161234567", "101", answer=True, talk_seconds=5)
    pbx.ring("+79161234567", "102", answer=False)  # Иван's call, not Ольга's
    with session_scope(db_url) as s:
        now = last_call(s, people["op"]).started_at  # type: ignore[union-attr]
        clock = FixedClock(now + dt.timedelta(minutes=5))
        (pending,) = calls_awaiting_outcome(s, people["op"], clock)  # one per order
        assert pending.order_id == people["order"] and pending.talk_seconds == 5
        assert (
            calls_awaiting_outcome(s, people["op"], FixedClock(now + dt.timedelta(hours=5))) == []
        )
        actor = actor_for_user_id(s, people["op"])
        record_call_outcome(s, pending.id, people["order"], "no_answer", actor, clock)
    with session_scope(db_url) as s:  # the order moved on: nothing is waiting any more
        assert calls_awaiting_outcome(s, people["op"], clock) == []
