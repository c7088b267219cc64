"""Click & collect reserve expiry (Lacoste): a ready-for-pickup order holds its goods for a few
hours; after that the worker releases the stock and cancels the order, saying why."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.actors import SYSTEM
from app.clock import Clock
from app.orders.workflow import change_status
from models import Order

EXPIRED_REASON = "not collected: reserve expired"


def expire_reserves(session: Session, clock: Clock, limit: int = 500) -> list[int]:
    """Cancel ready-for-pickup orders whose reserve ran out (SKIP LOCKED on PostgreSQL, so
    concurrent workers split the rows instead of doing them twice)."""
    now = clock.now()
    query = (
        select(Order)
        .where(Order.status == "ready_for_pickup", Order.reserve_until <= now)
        .order_by(Order.reserve_until, Order.id)
        .limit(limit)
    )
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    expired = []
    for order in session.scalars(query).all():
        until = order.reserve_until
        change_status(
            session,
            order,
            "cancelled",
            SYSTEM,
            clock,
            reason=EXPIRED_REASON,
            comment=f"reserve held until {until.isoformat() if until else '?'}; stock released",
            topic="order.reserve_expired",
        )
        expired.append(order.id)
    return expired
