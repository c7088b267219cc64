"""Stock reserves for orders at their shipping store.

Each change is a single conditional UPDATE (``... WHERE quantity - reserved >= :q``), so two
operators confirming the last item at once cannot both win: the loser's UPDATE matches no row and
the whole confirmation rolls back. The table's CHECK constraints are the second fence."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.orders.errors import OutOfStock
from models import Offer, Order, OrderItem, Stock


@dataclass(frozen=True, slots=True)
class Availability:
    offer_id: int
    wanted: int
    available: int  # quantity - reserved at the store (0 when the store has no row)


def _wanted(session: Session, order_id: int) -> dict[int, int]:
    wanted: dict[int, int] = defaultdict(int)
    for offer_id, qty in session.execute(
        select(OrderItem.offer_id, OrderItem.quantity).where(OrderItem.order_id == order_id)
    ):
        wanted[offer_id] += qty
    return dict(wanted)


def availability(session: Session, order_id: int, store_id: int) -> list[Availability]:
    """What the order needs per offer and what the store can give (free stock)."""
    wanted = _wanted(session, order_id)
    if not wanted:
        return []
    free = dict(
        session.execute(
            select(Stock.offer_id, Stock.quantity - Stock.reserved).where(
                Stock.store_id == store_id, Stock.offer_id.in_(wanted)
            )
        )
        .tuples()
        .all()
    )
    return [Availability(oid, qty, int(free.get(oid, 0))) for oid, qty in sorted(wanted.items())]


def reserve(session: Session, order: Order, now: dt.datetime) -> None:
    """Reserve every item of ``order`` at its shipping store, all or nothing."""
    if order.stock_reserved_at is not None:
        return
    if order.shipping_store_id is None:
        raise OutOfStock(order.number, ["no shipping store chosen"])
    shortages: list[str] = []
    for offer_id, qty in sorted(_wanted(session, order.id).items()):  # fixed order: no deadlocks
        result = session.execute(
            update(Stock)
            .where(
                Stock.offer_id == offer_id,
                Stock.store_id == order.shipping_store_id,
                Stock.quantity - Stock.reserved >= qty,
            )
            .values(reserved=Stock.reserved + qty)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            name = session.scalar(select(Offer.name).where(Offer.id == offer_id)) or offer_id
            shortages.append(f"{name}: {qty} wanted")
    if shortages:
        # The caller's transaction rolls back the reserves already made above.
        raise OutOfStock(order.number, shortages)
    order.stock_reserved_at = now


def release(session: Session, order: Order) -> None:
    """Give the order's reserve back to the store (cancel, expiry)."""
    if order.stock_reserved_at is None or order.shipping_store_id is None:
        return
    for offer_id, qty in sorted(_wanted(session, order.id).items()):
        session.execute(
            update(Stock)
            .where(Stock.offer_id == offer_id, Stock.store_id == order.shipping_store_id)
            .values(reserved=Stock.reserved - qty)
            .execution_options(synchronize_session=False)
        )
    order.stock_reserved_at = None


def consume(session: Session, order: Order) -> None:
    """The goods left the store (shipped or handed over): quantity and reserve both go down."""
    if order.stock_reserved_at is None or order.shipping_store_id is None:
        return
    for offer_id, qty in sorted(_wanted(session, order.id).items()):
        session.execute(
            update(Stock)
            .where(Stock.offer_id == offer_id, Stock.store_id == order.shipping_store_id)
            .values(quantity=Stock.quantity - qty, reserved=Stock.reserved - qty)
            .execution_options(synchronize_session=False)
        )
    order.stock_reserved_at = None
