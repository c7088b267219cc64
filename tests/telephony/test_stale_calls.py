"""Calls whose ``events/summary`` never arrives are closed by the worker from their legs:
answered or missed (a missed inbound one becomes a call-back), once, with two workers."""

from __future__ import annotations

import datetime as dt
import threading

from sqlalchemy import select

from app.clock import FixedClock
from app.db import session_scope
from app.telephony import get_operator_state, missed_callbacks, set_operator_state
from app.telephony.processing import apply_event
from app.telephony.stale_calls import STALE_CALL_AFTER, close_stale_calls
from app.worker import Worker
from integrations.telephony.mango_events import LegEvent, Summary
from models import Call, CallLeg
from tests import factories as f
from tests.telephony.conftest import events

T0 = f.T0


def _leg(
    entry: str, seq: int, state: str, at: dt.datetime, number: str = "+79161234567"
) -> LegEvent:
    return LegEvent(
        entry_id=entry,
        leg_id=f"{entry}-leg",
        seq=seq,
        at=at,
        state=state,
        location="abonent",
        from_extension=None,
        from_number=number,
        to_extension="101",
        to_number=None,
        line_number="74950000000",
        disconnect_reason=None,
        command_id=None,
        taken_from=None,
    )


def _ring(db_url: str, entry: str, *, answered: bool, number: str = "+79161234567") -> None:
    """An inbound call to extension 101 whose summary (and end) never comes."""
    clock = FixedClock(T0)
    with session_scope(db_url) as s:
        apply_event(s, _leg(entry, 1, "Appeared", T0, number), clock)
        if answered:
            apply_event(s, _leg(entry, 2, "Connected", T0 + dt.timedelta(seconds=5), number), clock)


def _call(db_url: str, entry: str) -> Call:
    with session_scope(db_url) as s:
        call = s.scalars(select(Call).where(Call.external_id == entry)).one()
        s.expunge(call)
        return call


def test_a_ringing_call_without_summary_becomes_a_missed_call_to_return(
    db_url: str, people: dict[str, int]
) -> None:
    _ring(db_url, "E-missed", answered=False)
    with session_scope(db_url) as s:  # quiet, but not for long enough yet
        assert (
            close_stale_calls(s, FixedClock(T0 + STALE_CALL_AFTER - dt.timedelta(minutes=1))) == []
        )
    later = FixedClock(T0 + STALE_CALL_AFTER + dt.timedelta(minutes=1))
    with session_scope(db_url) as s:
        (closed,) = close_stale_calls(s, later)
    call = _call(db_url, "E-missed")
    assert (call.id, call.result, call.state, call.ended_at) == (closed, "missed", "ended", T0)
    assert not call.has_summary  # a summary arriving late still has the final word
    with session_scope(db_url) as s:
        leg = s.scalars(select(CallLeg).where(CallLeg.call_id == closed)).one()
        assert (leg.state, leg.ended_at) == ("ended", T0)
        assert [r.id for r in missed_callbacks(s)] == [closed]
        assert close_stale_calls(s, later) == []  # once
    (missed,) = events(db_url, "telephony.missed_call")
    assert missed["call_id"] == closed and missed["number"] == "+79161234567"
    assert missed["customer_id"] == people["customer"]
    ended = [e for e in events(db_url, "telephony.call_state") if e["state"] == "ended"]
    assert [(e["call_id"], e["operator_id"]) for e in ended] == [(closed, people["op"])]


def test_an_answered_call_without_summary_is_answered_and_the_operator_wraps_up(
    db_url: str, people: dict[str, int]
) -> None:
    with session_scope(db_url) as s:
        set_operator_state(s, people["op"], "available", FixedClock(T0 - dt.timedelta(hours=1)))
    _ring(db_url, "E-talk", answered=True)
    with session_scope(db_url) as s:
        assert get_operator_state(s, people["op"]).state == "on_call"  # type: ignore[union-attr]
        close_stale_calls(s, FixedClock(T0 + dt.timedelta(hours=3)))
    call = _call(db_url, "E-talk")
    assert (call.result, call.answered_at, call.ended_at) == (
        "answered",
        T0 + dt.timedelta(seconds=5),
        T0 + dt.timedelta(seconds=5),
    )
    with session_scope(db_url) as s:
        assert get_operator_state(s, people["op"]).state == "wrap_up"  # type: ignore[union-attr]
        assert missed_callbacks(s) == []
    assert events(db_url, "telephony.missed_call") == []
    (logged,) = events(db_url, "telephony.call_logged")
    assert (logged["result"], logged["closed"]) == ("answered", "no_summary")


def test_calls_with_a_summary_or_a_recent_event_are_left_alone(
    db_url: str, people: dict[str, int]
) -> None:
    _ring(db_url, "E-done", answered=False)
    clock = FixedClock(T0)
    with session_scope(db_url) as s:
        apply_event(
            s,
            Summary(
                entry_id="E-done",
                direction="inbound",
                from_extension=None,
                from_number="+79161234567",
                to_extension="101",
                to_number=None,
                line_number=None,
                created_at=T0,
                answered_at=T0 + dt.timedelta(seconds=3),
                ended_at=T0 + dt.timedelta(seconds=60),
                disconnect_reason=1110,
            ),
            clock,
        )
    _ring(db_url, "E-fresh", answered=True)
    with session_scope(db_url) as s:  # its last event an hour before "now"
        apply_event(s, _leg("E-fresh", 3, "OnHold", T0 + dt.timedelta(hours=2)), clock)
        assert close_stale_calls(s, FixedClock(T0 + dt.timedelta(hours=3))) == []
    assert _call(db_url, "E-done").result == "answered"
    assert _call(db_url, "E-fresh").result is None


def test_two_workers_close_each_stale_call_once(db_url: str, people: dict[str, int]) -> None:
    for n in range(6):
        _ring(db_url, f"E-{n}", answered=n % 2 == 0, number=f"+7903555000{n}")
    clock = FixedClock(T0 + dt.timedelta(hours=5))
    workers = [Worker(db_url, clock), Worker(db_url, clock)]
    reports = []
    start = threading.Barrier(2)

    def run(worker: Worker) -> None:
        start.wait()
        reports.append(worker.run_once())

    threads = [threading.Thread(target=run, args=(w,)) for w in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(not r.errors for r in reports), [r.errors for r in reports]
    assert sum(r.stale_calls_closed for r in reports) == 6
    assert len(events(db_url, "telephony.call_logged")) == 6
    assert len(events(db_url, "telephony.missed_call")) == 3
    with session_scope(db_url) as s:
        results = sorted(c.result for c in s.scalars(select(Call)))
        assert results == ["answered"] * 3 + ["missed"] * 3
    assert Worker(db_url, clock).run_once().stale_calls_closed == 0
