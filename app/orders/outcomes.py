"""Outcomes of an operator's call on an order, and the retry chain (Gulliver):

no answer → SMS to the customer → back in the queue after the delay (3 h) with a task for the
operator → ... → the N-th (4th) no answer cancels the order ("not reached") and tells the customer.
A call-back-at outcome keeps the order in the queue, hidden until the agreed time."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.actors import SYSTEM, Actor
from app.business_settings import get_setting
from app.clock import Clock
from app.messaging import TemplateError, queue_message
from app.orders.errors import InvalidValue
from app.orders.workflow import change_status, check_version, flush_versioned, record_change
from models import Channel, Customer, Order, Task

log = logging.getLogger(__name__)

NOT_REACHED_REASON = "not reached"


@dataclass(frozen=True, slots=True)
class NoAnswerResult:
    order_id: int
    attempts: int
    cancelled: bool
    next_attempt_at: dt.datetime | None
    message_id: int | None


def confirm(
    session: Session,
    order: Order,
    actor: Actor,
    clock: Clock,
    *,
    expected_version: int | None = None,
    comment: str | None = None,
) -> Order:
    """The customer agreed: reserve stock at the shipping store and hand the order on."""
    return change_status(
        session,
        order,
        "confirmed",
        actor,
        clock,
        expected_version=expected_version,
        comment=comment,
    )


def cancel(
    session: Session,
    order: Order,
    actor: Actor,
    clock: Clock,
    reason: str,
    *,
    expected_version: int | None = None,
    comment: str | None = None,
) -> Order:
    return change_status(
        session,
        order,
        "cancelled",
        actor,
        clock,
        expected_version=expected_version,
        reason=reason,
        comment=comment,
    )


def record_no_answer(
    session: Session,
    order: Order,
    actor: Actor,
    clock: Clock,
    *,
    expected_version: int | None = None,
    comment: str | None = None,
) -> NoAnswerResult:
    """Record one unanswered call; see the module docstring for the chain."""
    check_version(session, order, expected_version)
    max_attempts = int(get_setting(session, "retry.max_attempts"))
    delay = dt.timedelta(minutes=int(get_setting(session, "retry.delay_minutes")))
    attempts = order.no_answer_attempts + 1
    now = clock.now()
    if attempts >= max_attempts:
        change_status(
            session,
            order,
            "cancelled",
            actor,
            clock,
            expected_version=expected_version,
            reason=NOT_REACHED_REASON,
            comment=comment or f"no answer {attempts} times",
            extra_changes={"no_answer_attempts": attempts},
        )
        message_id = _tell_customer(session, order, clock, "cancelled_not_reached_sms", actor)
        return NoAnswerResult(order.id, attempts, True, None, message_id)

    next_at = now + delay
    change_status(
        session,
        order,
        "no_answer",
        actor,
        clock,
        expected_version=expected_version,
        comment=comment or f"no answer, attempt {attempts} of {max_attempts}",
        extra_changes={
            "no_answer_attempts": attempts,
            "next_attempt_at": next_at,
            "callback_at": None,
            # the order goes back to the pool; whoever is free when it is due takes it
            "lease_operator_id": None,
            "lease_taken_at": None,
            "lease_heartbeat_at": None,
        },
    )
    message_id = _tell_customer(session, order, clock, "no_answer_sms", actor)
    return NoAnswerResult(order.id, attempts, False, next_at, message_id)


def schedule_callback(
    session: Session,
    order: Order,
    actor: Actor,
    clock: Clock,
    when: dt.datetime,
    *,
    expected_version: int | None = None,
    comment: str | None = None,
) -> Order:
    """The customer asked to be called at ``when``: the order stays in the queue, invisible to
    "take next" until then, with a reminder task for this operator."""
    check_version(session, order, expected_version)
    now = clock.now()
    if when.tzinfo is None:
        raise InvalidValue("callback_at", "needs a time zone")
    if when <= now:
        raise InvalidValue("callback_at", f"{when.isoformat()} is not in the future")
    if order.status not in {"needs_confirmation", "no_answer", "new"}:
        raise InvalidValue(
            "status", f"order {order.number} is '{order.status}', not awaiting a call"
        )
    if order.status != "needs_confirmation":
        change_status(
            session, order, "needs_confirmation", actor, clock, comment="call back requested"
        )
    old = order.callback_at
    order.callback_at = when
    order.lease_operator_id = None
    order.lease_taken_at = None
    order.lease_heartbeat_at = None
    flush_versioned(session, order, expected_version)
    session.add(
        Task(
            kind="callback",
            title=f"Call back on order {order.number}",
            body=comment,
            order_id=order.id,
            customer_id=order.customer_id,
            assignee_id=actor.user_id,
            created_by_id=actor.user_id,
            due_at=when,
            created_at=now,
        )
    )
    record_change(session, order, actor, "order.callback_scheduled", {"callback_at": [old, when]})
    return order


def release_due_retries(session: Session, clock: Clock, limit: int = 500) -> list[int]:
    """Worker timer: ``no_answer`` orders whose next attempt is due go back to
    ``needs_confirmation`` with a task for the operator who worked them. Rows are taken with
    SKIP LOCKED on PostgreSQL so two workers never move the same order."""
    now = clock.now()
    query = (
        select(Order)
        .where(Order.status == "no_answer", Order.next_attempt_at <= now)
        .order_by(Order.next_attempt_at, Order.id)
        .limit(limit)
    )
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    moved = []
    for order in session.scalars(query).all():
        change_status(
            session,
            order,
            "needs_confirmation",
            SYSTEM,
            clock,
            comment=f"retry due (attempt {order.no_answer_attempts + 1})",
            topic="order.retry_due",
        )
        session.add(
            Task(
                kind="retry_due",
                title=f"Call again: order {order.number} (attempt {order.no_answer_attempts + 1})",
                order_id=order.id,
                customer_id=order.customer_id,
                assignee_id=order.operator_id,
                due_at=now,
                created_at=now,
            )
        )
        moved.append(order.id)
    return moved


def _tell_customer(
    session: Session, order: Order, clock: Clock, template: str, actor: Actor
) -> int | None:
    address = order.contact_phone_e164
    if not address:
        log.warning("order %s: no valid phone to send %s to", order.number, template)
        return None
    customer = session.get(Customer, order.customer_id) if order.customer_id else None
    first_name = (customer.first_name if customer else "") or order.contact_name.split(" ")[0]
    context = {
        "first_name": first_name or "покупатель",
        "number": order.number,
        "shop_phone": get_setting(session, "shop.phone"),
    }
    try:
        message = queue_message(
            session,
            clock,
            channel=Channel.SMS,
            address=address,
            template_code=template,
            context=context,
            customer_id=order.customer_id,
            order_id=order.id,
            author_id=actor.user_id,
        )
    except TemplateError as exc:
        # a broken template must not block the operator's outcome; it is logged for an admin
        log.error("order %s: could not queue %s: %s", order.number, template, exc)
        return None
    return message.id
