"""Status changes, the one place the per-role transition matrix is enforced.

Every change: checks the matrix and the caller's row version, applies the status's side effects
(stock reserve, schedule, lease), writes status history, bumps the version and appends an outbox
event — all in the caller's transaction."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.actors import Actor
from app.business_settings import get_setting
from app.capsules import upsell
from app.clock import Clock
from app.orders import stock
from app.orders.errors import (
    ChangeInfo,
    InvalidValue,
    OrderNotFound,
    ReasonRequired,
    TransitionNotAllowed,
    VersionConflict,
)
from app.outbox import emit
from models import Order, OrderStatusHistory, OutboxEvent, Status, StatusTransition, User

#: statuses that hold the order's stock at the shipping store
RESERVING_STATUSES = frozenset({"confirmed", "assembling", "ready_for_pickup"})
FINAL_STATUSES = frozenset({"completed", "cancelled", "returned"})


def allowed_targets(session: Session, from_status: str, role: str) -> list[str]:
    """Statuses ``role`` may move an order in ``from_status`` to, in display order."""
    rows = session.scalars(
        select(StatusTransition.to_code)
        .join(Status, Status.code == StatusTransition.to_code)
        .where(StatusTransition.from_code == from_status, StatusTransition.role == role)
        .where(Status.is_active.is_(True))
        .order_by(Status.ordering)
    )
    return list(rows)


def get_order(session: Session, order_id: int) -> Order:
    order = session.get(Order, order_id)
    if order is None:
        raise OrderNotFound(order_id)
    return order


def get_order_by_number(session: Session, number: str) -> Order:
    order = session.scalar(select(Order).where(Order.number == number))
    if order is None:
        raise OrderNotFound(number)
    return order


def changes_since(session: Session, order: Order, version: int) -> list[ChangeInfo]:
    """What others committed to ``order`` after ``version`` (from the outbox), oldest first."""
    rows = session.execute(
        select(OutboxEvent, User.name)
        .outerjoin(User, User.id == OutboxEvent.actor_id)
        .where(OutboxEvent.aggregate == "order", OutboxEvent.aggregate_id == order.id)
        .order_by(OutboxEvent.id.desc())
        .limit(50)
    ).all()
    found = []
    for event, user_name in rows:
        event_version = event.payload.get("version")
        if event_version is None or event_version <= version:
            continue
        found.append(
            ChangeInfo(
                version=event_version,
                topic=event.topic,
                actor=user_name or event.payload.get("actor") or "robot",
                at=event.created_at,
                changes=event.payload.get("changes", {}),
            )
        )
    return sorted(found, key=lambda c: c.version or 0)


def check_version(session: Session, order: Order, expected_version: int | None) -> None:
    if expected_version is not None and order.version != expected_version:
        raise VersionConflict(
            order.number,
            expected_version,
            order.version,
            changes_since(session, order, expected_version),
        )


def flush_versioned(session: Session, order: Order, expected_version: int | None) -> None:
    """Bump the order's version (once per service operation) and flush; a concurrent writer
    who got there first turns into a :class:`VersionConflict` (the ORM's
    ``WHERE version = :loaded`` matched no row)."""
    loaded = order.version
    order.version = loaded + 1
    try:
        session.flush()
    except StaleDataError:
        session.rollback()
        current = session.get(Order, order.id, populate_existing=True)
        raise VersionConflict(
            order.number,
            expected_version if expected_version is not None else loaded,
            current.version if current else -1,
            changes_since(session, current, loaded) if current else [],
        ) from None


def record_change(
    session: Session,
    order: Order,
    actor: Actor,
    topic: str,
    changes: dict[str, Any],
    extra: dict[str, Any] | None = None,
) -> None:
    """Append the outbox event for a flushed change (so ``order.version`` is the new one)."""
    payload: dict[str, Any] = {
        "number": order.number,
        "version": order.version,
        "status": order.status,
        "changes": _jsonable(changes),
        "actor": actor.name,
    }
    if extra:
        payload.update(_jsonable(extra))
    emit(session, topic, "order", order.id, payload, actor_id=actor.user_id)


def change_status(
    session: Session,
    order: Order,
    to_status: str,
    actor: Actor,
    clock: Clock,
    *,
    expected_version: int | None = None,
    comment: str | None = None,
    reason: str | None = None,
    extra_changes: dict[str, Any] | None = None,
    topic: str = "order.status_changed",
) -> Order:
    """Move ``order`` to ``to_status`` as ``actor``; see the module docstring for what it does."""
    check_version(session, order, expected_version)
    from_status = order.status
    if to_status not in allowed_targets(session, from_status, actor.role):
        if session.get(Status, to_status) is None:
            raise InvalidValue("status", f"unknown status {to_status!r}")
        raise TransitionNotAllowed(order.number, from_status, to_status, actor.role)
    if to_status == "cancelled" and not (reason and reason.strip()):
        raise ReasonRequired(order.number)

    now = clock.now()
    changes: dict[str, Any] = {"status": [from_status, to_status]}
    _apply_side_effects(session, order, to_status, now, changes, reason)
    for name, value in (extra_changes or {}).items():
        old = getattr(order, name)
        if old != value:
            changes[name] = [old, value]
            setattr(order, name, value)

    order.status = to_status
    order.status_changed_at = now
    if actor.user_id is not None and order.operator_id is None:
        order.operator_id = actor.user_id
    session.add(
        OrderStatusHistory(
            order_id=order.id,
            actor_id=actor.user_id,
            actor_kind=actor.kind,
            from_status=from_status,
            to_status=to_status,
            comment=_history_comment(comment, reason),
            created_at=now,
        )
    )
    flush_versioned(session, order, expected_version)
    # upsell credit follows the status (pending → earned / reversed), in the same transaction
    upsell.on_status_changed(session, order, from_status, to_status, now)
    record_change(session, order, actor, topic, changes, {"from": from_status, "to": to_status})
    return order


def _apply_side_effects(
    session: Session,
    order: Order,
    to_status: str,
    now: dt.datetime,
    changes: dict[str, Any],
    reason: str | None,
) -> None:
    if to_status in RESERVING_STATUSES and order.stock_reserved_at is None:
        stock.reserve(session, order, now)
        changes["stock_reserved"] = [False, True]
    if to_status == "ready_for_pickup":
        hours = int(get_setting(session, "reserve.pickup_hours"))
        order.reserve_until = now + dt.timedelta(hours=hours)
        changes["reserve_until"] = [None, order.reserve_until]
    if to_status in {"shipped", "completed"}:
        stock.consume(session, order)
        order.reserve_until = None
    if to_status in {"cancelled", "needs_confirmation", "no_answer"} and order.stock_reserved_at:
        stock.release(session, order)
        changes["stock_reserved"] = [True, False]
    if to_status == "needs_confirmation":
        order.next_attempt_at = None  # the retry is due now: it is in the queue
    if to_status in {"confirmed", "cancelled"} or to_status in FINAL_STATUSES:
        # out of the operator queue: no schedule, no lease
        order.next_attempt_at = None
        order.callback_at = None
        order.lease_operator_id = None
        order.lease_taken_at = None
        order.lease_heartbeat_at = None
    if to_status == "cancelled":
        order.cancel_reason = (reason or "").strip()[:200]
        order.reserve_until = None
        changes["cancel_reason"] = [None, order.cancel_reason]


def _history_comment(comment: str | None, reason: str | None) -> str | None:
    parts = [p.strip() for p in (reason, comment) if p and p.strip()]
    return " — ".join(parts) if parts else None


def _jsonable(value: Any) -> Any:
    from decimal import Decimal

    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value
