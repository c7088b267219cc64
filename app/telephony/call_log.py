"""What the console shows about calls: the operator's current call, the call log per
customer / order / operator, and missed inbound calls as call-backs to make."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.orm import Session, aliased

from app.actors import Actor
from app.clock import Clock
from app.outbox import emit
from models import Call, CallLeg, Customer, Direction, Order, User

# A console that opens offers the outcome form again for this operator's calls of the last few
# hours that ended without one (the console was closed or crashed before it was picked): older
# ones are past the point where the operator remembers the conversation.
OUTCOME_PENDING_WITHIN = dt.timedelta(hours=4)


@dataclass(frozen=True, slots=True)
class CurrentCall:
    """The operator's live call (the newest leg at their extension that has not ended)."""

    call_id: int
    leg_id: str
    entry_id: str
    state: str  # ringing / talking / on_hold
    direction: str
    number: str | None
    customer_id: int | None
    customer_name: str | None
    order_id: int | None
    started_at: dt.datetime | None
    answered_at: dt.datetime | None


@dataclass(frozen=True, slots=True)
class CallLogRow:
    id: int
    started_at: dt.datetime | None
    direction: str
    result: str | None  # answered / missed / busy / failed; None while not summarised
    state: str
    number: str | None
    customer_id: int | None
    customer_name: str | None
    operator_id: int | None
    operator_name: str | None
    order_id: int | None
    answered_at: dt.datetime | None
    ended_at: dt.datetime | None
    wait_seconds: float | None
    talk_seconds: float | None
    has_recording: bool
    recording_id: str | None
    callback_done_at: dt.datetime | None
    outcome: str | None


def current_call(session: Session, operator_id: int) -> CurrentCall | None:
    row = session.execute(
        select(CallLeg, Call, Customer)
        .join(Call, Call.id == CallLeg.call_id)
        .outerjoin(Customer, Customer.id == Call.customer_id)
        .where(CallLeg.operator_id == operator_id, CallLeg.state != "ended")
        # the leg to the other party before the click-to-call's ring of the operator's own phone
        .order_by(CallLeg.number.is_(None), CallLeg.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    leg, call, customer = row
    return CurrentCall(
        call.id,
        leg.leg_id,
        call.external_id,
        leg.state,
        call.direction.value,
        leg.number or _other_party(call),
        call.customer_id,
        _name(customer),
        call.order_id,
        leg.appeared_at,
        leg.answered_at,
    )


def last_call(session: Session, operator_id: int) -> CallLogRow | None:
    """The operator's most recent call (the after-call outcome form is about this one)."""
    rows = _log(session, select_calls().where(Call.operator_id == operator_id), None, 1)
    return rows[0] if rows else None


def call_row(session: Session, call_id: int) -> CallLogRow | None:
    rows = _log(session, select_calls().where(Call.id == call_id), None, 1)
    return rows[0] if rows else None


Before = tuple[dt.datetime, int]


def calls_for_customer(
    session: Session, customer_id: int, *, before: Before | None = None, limit: int = 50
) -> list[CallLogRow]:
    return _log(session, select_calls().where(Call.customer_id == customer_id), before, limit)


def calls_for_order(
    session: Session, order_id: int, *, before: Before | None = None, limit: int = 50
) -> list[CallLogRow]:
    return _log(session, select_calls().where(Call.order_id == order_id), before, limit)


def calls_for_operator(
    session: Session, operator_id: int, *, before: Before | None = None, limit: int = 50
) -> list[CallLogRow]:
    return _log(session, select_calls().where(Call.operator_id == operator_id), before, limit)


def missed_callbacks(
    session: Session, *, operator_id: int | None = None, limit: int = 100
) -> list[CallLogRow]:
    """Missed inbound calls nobody has called back yet, oldest first."""
    query = select_calls().where(
        Call.direction == Direction.INBOUND,
        Call.result.in_(("missed", "busy")),
        Call.callback_done_at.is_(None),
    )
    if operator_id is not None:
        query = query.where(or_(Call.operator_id == operator_id, Call.operator_id.is_(None)))
    query = query.order_by(Call.started_at, Call.id).limit(limit)
    return [_row(r) for r in session.execute(query)]


def mark_callback_done(session: Session, call_id: int, actor: Actor, clock: Clock) -> bool:
    """Take a missed call off the call-back list; False when it was already done."""
    call = session.get(Call, call_id, with_for_update=True)
    if call is None:
        raise LookupError(f"no call {call_id}")
    if call.callback_done_at is not None:
        return False
    call.callback_done_at = clock.now()
    call.callback_done_by_id = actor.user_id
    emit(
        session,
        "telephony.callback_done",
        "call",
        call.id,
        {"call_id": call.id, "by": actor.user_id},
        actor_id=actor.user_id,
    )
    return True


def calls_awaiting_outcome(
    session: Session,
    operator_id: int,
    clock: Clock,
    *,
    within: dt.timedelta = OUTCOME_PENDING_WITHIN,
    limit: int = 10,
) -> list[CallLogRow]:
    """The operator's calls that ended without an outcome, on orders still waiting for
    confirmation, in the last ``within``: the newest call per order, newest first."""
    later = aliased(Call)
    decided_later = (
        select(later.id)
        .where(
            later.order_id == Call.order_id,
            later.outcome.is_not(None),
            later.id != Call.id,
            or_(later.started_at >= Call.started_at, later.outcome_at >= Call.started_at),
        )
        .exists()
    )
    query = (
        select_calls()
        .join(Order, Order.id == Call.order_id)
        .where(
            Call.operator_id == operator_id,
            Call.state == "ended",
            Call.outcome.is_(None),
            Call.started_at >= clock.now() - within,
            Order.status == "needs_confirmation",
            ~decided_later,
        )
        .order_by(Call.started_at.desc(), Call.id.desc())
        .limit(limit * 3)
    )
    rows, orders = [], set()
    for r in session.execute(query):
        row = _row(r)
        if row.order_id in orders:
            continue
        orders.add(row.order_id)
        rows.append(row)
    return rows[:limit]


_Operator = aliased(User)


def select_calls() -> Select[Any]:
    return (
        select(Call, Customer, _Operator.name)
        .outerjoin(Customer, Customer.id == Call.customer_id)
        .outerjoin(_Operator, _Operator.id == Call.operator_id)
    )


def _log(
    session: Session, query: Select[Any], before: Before | None, limit: int
) -> list[CallLogRow]:
    if before is not None:
        at, last_id = before
        query = query.where(
            or_(Call.started_at < at, and_(Call.started_at == at, Call.id < last_id))
        )
    query = query.order_by(Call.started_at.desc(), Call.id.desc()).limit(limit)
    return [_row(r) for r in session.execute(query)]


def _row(r: Any) -> CallLogRow:
    call, customer, operator_name = r
    wait = talk = None
    if call.started_at is not None:
        reached = call.answered_at or call.ended_at
        if reached is not None:
            wait = max(0.0, (reached - call.started_at).total_seconds())
    if call.answered_at is not None and call.ended_at is not None:
        talk = max(0.0, (call.ended_at - call.answered_at).total_seconds())
    return CallLogRow(
        call.id,
        call.started_at,
        call.direction.value,
        call.result,
        call.state,
        _other_party(call),
        call.customer_id,
        _name(customer),
        call.operator_id,
        operator_name,
        call.order_id,
        call.answered_at,
        call.ended_at,
        wait,
        talk,
        bool(call.recording_id),
        call.recording_id,
        call.callback_done_at,
        call.outcome,
    )


def _other_party(call: Call) -> str | None:
    return call.from_number if call.direction == Direction.INBOUND else call.to_number


def _name(customer: Customer | None) -> str | None:
    if customer is None:
        return None
    return (
        " ".join(p for p in (customer.last_name, customer.first_name, customer.patronymic) if p)
        or None
    )
