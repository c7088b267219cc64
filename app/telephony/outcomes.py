"""After a call: the operator's outcome moves the order through the lifecycle rules
(app/orders/outcomes.py — "no answer" is the retry chain) and is written on the call.

Outcomes: ``confirmed``, ``no_answer``, ``callback`` (call back at a time), ``wrong_number``
(the number does not reach this customer: the order is cancelled with that reason, since it
cannot be confirmed; the customer's data needs fixing) and ``cancelled`` (with a reason). A call
that ended without talk preselects ``no_answer``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.actors import Actor
from app.clock import Clock
from app.orders import outcomes as order_outcomes
from app.orders.errors import InvalidValue
from app.orders.workflow import get_order
from app.outbox import emit
from app.telephony.operator_states import set_operator_state
from models import Call, OperatorState

OUTCOMES = ("confirmed", "no_answer", "callback", "wrong_number", "cancelled")
WRONG_NUMBER_REASON = "wrong number"


@dataclass(frozen=True, slots=True)
class CallOutcome:
    call_id: int
    order_id: int
    outcome: str
    order_status: str
    no_answer_attempts: int
    next_attempt_at: dt.datetime | None


def suggested_outcome(session: Session, call_id: int) -> str:
    call = session.get(Call, call_id)
    if call is None:
        raise LookupError(f"no call {call_id}")
    return "confirmed" if call.answered_at is not None else "no_answer"


def record_call_outcome(
    session: Session,
    call_id: int,
    order_id: int,
    outcome: str,
    actor: Actor,
    clock: Clock,
    *,
    callback_at: dt.datetime | None = None,
    reason: str | None = None,
    comment: str | None = None,
    expected_version: int | None = None,
) -> CallOutcome:
    if outcome not in OUTCOMES:
        raise InvalidValue("outcome", f"{outcome!r} is not one of {', '.join(OUTCOMES)}")
    call = session.get(Call, call_id, with_for_update=True)
    if call is None:
        raise LookupError(f"no call {call_id}")
    order = get_order(session, order_id)
    note = comment or f"call {call.external_id}"
    if outcome == "confirmed":
        order_outcomes.confirm(
            session, order, actor, clock, expected_version=expected_version, comment=note
        )
    elif outcome == "no_answer":
        order_outcomes.record_no_answer(
            session, order, actor, clock, expected_version=expected_version, comment=comment
        )
    elif outcome == "callback":
        if callback_at is None:
            raise InvalidValue("callback_at", "a call-back needs the agreed time")
        order_outcomes.schedule_callback(
            session,
            order,
            actor,
            clock,
            callback_at,
            expected_version=expected_version,
            comment=comment,
        )
    elif outcome == "wrong_number":
        order_outcomes.cancel(
            session,
            order,
            actor,
            clock,
            WRONG_NUMBER_REASON,
            expected_version=expected_version,
            comment=note,
        )
    else:
        if not (reason and reason.strip()):
            raise InvalidValue("reason", "a cancellation needs a reason")
        order_outcomes.cancel(
            session, order, actor, clock, reason, expected_version=expected_version, comment=note
        )
    call.outcome = outcome
    call.outcome_at = clock.now()
    if call.order_id is None:
        call.order_id = order.id
    emit(
        session,
        "telephony.call_outcome",
        "call",
        call.id,
        {
            "call_id": call.id,
            "order_id": order.id,
            "outcome": outcome,
            "operator_id": actor.user_id,
        },
        actor_id=actor.user_id,
    )
    if actor.user_id is not None:
        state = session.get(OperatorState, actor.user_id)
        if state is not None and state.state == "wrap_up":
            set_operator_state(session, actor.user_id, "available", clock)
    return CallOutcome(
        call.id, order.id, outcome, order.status, order.no_answer_attempts, order.next_attempt_at
    )
