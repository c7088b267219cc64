"""Calls whose ``events/summary`` never came: closed by the worker from their legs.

The summary is Mango's final word on a call (``processing``); a lost one (the PBX gave up
resending, the receiver was down too long) would leave the call without a result forever —
never listed as missed, never offered for an after-call outcome, its operator "on a call". A call
with no live event for :data:`STALE_CALL_AFTER` is decided from what its legs say: answered if
a customer's leg was answered, else missed (an inbound one then is a call-back to make, like any
missed call). Its live legs are ended at their last event.

Safe in several workers at once: the calls are taken with SKIP LOCKED on PostgreSQL (and one
writer at a time on SQLite), and a call that has a result is never looked at again. A summary
arriving later still applies (it is the final word) — ``has_summary`` stays false here."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.outbox import emit
from app.telephony.operator_states import set_operator_state
from app.telephony.processing import _state_payload as state_payload
from models import Call, CallEvent, CallLeg, Direction, OperatorState

# Mango posts the summary seconds after the last leg ends and a live call sends an event at
# least on every state change; two quiet hours mean the summary is lost. A constant, not a
# business setting: it is a fact about the PBX, not a business choice (and not worth a knob the
# admin could set below a real call's length).
STALE_CALL_AFTER = dt.timedelta(hours=2)


def close_stale_calls(
    session: Session, clock: Clock, *, after: dt.timedelta = STALE_CALL_AFTER, limit: int = 200
) -> list[int]:
    """Close calls with no result and no event for ``after``; returns their ids."""
    cutoff = clock.now() - after
    last_event = (
        select(func.max(CallEvent.event_at))
        .where(CallEvent.entry_id == Call.external_id)
        .scalar_subquery()
    )
    # PBX event times first; a call with none known falls back to its own times, then to when
    # the row was last written
    activity = func.coalesce(
        last_event, Call.ended_at, Call.answered_at, Call.started_at, Call.updated_at
    )
    query = (
        select(Call)
        .where(Call.result.is_(None), Call.has_summary.is_(False), activity < cutoff)
        .order_by(Call.id)
        .limit(limit)
    )
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True, of=Call)
    closed = []
    for call in session.scalars(query).all():
        if call.result is not None or call.has_summary:
            continue  # decided meanwhile (a summary, another worker)
        _close(session, call, clock)
        closed.append(call.id)
    return closed


def _close(session: Session, call: Call, clock: Clock) -> None:
    legs = session.scalars(select(CallLeg).where(CallLeg.call_id == call.id)).all()
    last_at = session.scalar(
        select(func.max(CallEvent.event_at)).where(CallEvent.entry_id == call.external_id)
    )
    # processing keeps call.answered_at as the first answer of a customer's leg
    call.result = "answered" if call.answered_at is not None else "missed"
    call.state = "ended"
    ended_legs = []
    for leg in legs:
        if leg.state == "ended":
            continue
        was_talking = leg.state in ("talking", "on_hold")
        leg.state = "ended"
        leg.ended_at = _latest(leg.appeared_at, leg.answered_at, last_at)
        ended_legs.append((leg, was_talking))
    ends = [leg.ended_at for leg in legs if leg.ended_at is not None]
    call.ended_at = call.ended_at or (max(ends) if ends else None) or last_at or call.started_at
    session.flush()
    for leg, was_talking in ended_legs:
        if leg.operator_id is None:
            continue
        # the console showing this call as live clears it (and offers the outcome form)
        emit(session, "telephony.call_state", "call", call.id, state_payload(call, leg))
        if was_talking:
            _wrap_up(session, leg.operator_id, call.id, clock)
    payload: dict[str, Any] = {
        "call_id": call.id,
        "customer_id": call.customer_id,
        "order_id": call.order_id,
        "operator_id": call.operator_id,
        "result": call.result,
        "direction": call.direction.value,
        "closed": "no_summary",
    }
    emit(session, "telephony.call_logged", "call", call.id, payload)
    if call.direction == Direction.INBOUND and call.result == "missed":
        emit(
            session,
            "telephony.missed_call",
            "call",
            call.id,
            {**payload, "number": call.from_number},
        )


def _wrap_up(session: Session, operator_id: int, call_id: int, clock: Clock) -> None:
    """The operator's talk ended with the call (as an ended leg does in ``processing``),
    unless another call of theirs is live."""
    other = session.scalar(
        select(CallLeg.id)
        .where(
            CallLeg.operator_id == operator_id,
            CallLeg.state != "ended",
            CallLeg.call_id != call_id,
        )
        .limit(1)
    )
    current = session.get(OperatorState, operator_id)
    if other is None and current is not None and current.state == "on_call":
        set_operator_state(session, operator_id, "wrap_up", clock)


def _latest(*values: dt.datetime | None) -> dt.datetime | None:
    known = [v for v in values if v is not None]
    return max(known) if known else None
