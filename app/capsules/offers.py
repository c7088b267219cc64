"""The record of the cross-sell conversation: every shown suggestion is an offer made; the
operator adds it to the order (accepted) or notes why the customer declined.

Adding goes through app/orders/editing.save_order (row version, stock reserve, totals, history,
outbox), so a cross-sell line is an ordinary line with three marks: ``is_cross_sell``,
``added_by_id`` (the operator credited) and ``capsule_id``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.actors import Actor
from app.capsules.calendar import business_date
from app.capsules.suggestions import Suggestion
from app.capsules.upsell import HOLDING_STATUSES, sync_order_credits
from app.clock import Clock
from app.orders.editing import ItemChange, save_order
from app.orders.errors import InvalidValue
from models import CrossSellOffer, CrossSellOutcome, Offer, OrderItem

#: the usual answers, for the panel's picker (free text is accepted too)
DECLINE_REASONS: tuple[str, ...] = (
    "not needed",
    "too expensive",
    "size not available",
    "already has one",
    "will think about it",
)


#: first keys of the transaction-level advisory locks serializing the offer records of one order
#: / one customer (PostgreSQL; "ok" in ASCII, then 6 for issue 6 and the kind of target)
OFFERS_LOCK_ORDER = 0x6F6B_0601
OFFERS_LOCK_CUSTOMER = 0x6F6B_0602


def serialize_offers(session: Session, order_id: int | None, customer_id: int | None) -> None:
    """Make recording the offers of one order (or one customer) take turns across consoles.

    "Once a day per operator, target and product" is a read-then-insert with no unique key to
    fall back on (a day is a column value, the target is one of two columns). Two consoles
    showing the panel at the same moment would both read "not recorded yet" and both insert.
    On PostgreSQL a transaction-level advisory lock keyed on the target is taken before the
    read: the second transaction waits until the first commits, and its read (READ COMMITTED
    takes a fresh snapshot per statement) then sees the first one's rows. Only writers of the
    same order / customer wait, for one short transaction. Locks taken in the two-key form
    never collide with the one-key locks of app/orders/bulk_intake.py; a second key folded from
    a large id may coincide with another target's, which only makes them take turns too.
    SQLite needs nothing: every transaction begins IMMEDIATE (app/db.py), so writers already
    run one at a time and the read inside sees everything committed."""
    if session.get_bind().dialect.name != "postgresql":
        return
    if order_id is not None:
        first, target = OFFERS_LOCK_ORDER, order_id
    elif customer_id is not None:
        first, target = OFFERS_LOCK_CUSTOMER, customer_id
    else:
        return
    session.execute(
        text("SELECT pg_advisory_xact_lock(:first, :second)"),
        {"first": first, "second": target % 2_147_483_647},
    )


@dataclass(frozen=True, slots=True)
class AddedCrossSell:
    order_id: int
    order_version: int
    item_id: int
    offer_record_id: int


def record_offered(
    session: Session,
    actor: Actor,
    clock: Clock,
    suggestions: Sequence[Suggestion],
    *,
    order_id: int | None = None,
    customer_id: int | None = None,
) -> dict[int, int]:
    """Record ``suggestions`` as shown; returns product id → offer record id. Showing the same
    product to the same order (or customer) again on the same day reuses the record, so
    refreshing the panel does not inflate "offers made"."""
    if actor.user_id is None:
        raise InvalidValue("operator", "only a person can make an offer")
    if order_id is None and customer_id is None:
        raise InvalidValue("order", "an offer is made to an order or to a customer")
    now = clock.now()
    today = business_date(now)
    serialize_offers(session, order_id, customer_id)
    existing = _records_today(session, actor.user_id, order_id, customer_id, today)
    shown: set[int] = set()
    for s in suggestions:
        record = existing.get(s.product_id)
        if record is None:
            record = CrossSellOffer(
                operator_id=actor.user_id,
                order_id=order_id,
                customer_id=customer_id,
                capsule_id=s.capsule_id,
                offer_id=s.offer_id,
                shown_at=now,
                shown_on=today,
                outcome=CrossSellOutcome.OFFERED,
                created_at=now,
            )
            session.add(record)
            existing[s.product_id] = record
        shown.add(s.product_id)
    session.flush()  # the new records get their ids
    return {pid: existing[pid].id for pid in shown}


def _records_today(
    session: Session,
    operator_id: int,
    order_id: int | None,
    customer_id: int | None,
    today: dt.date,
) -> dict[int, CrossSellOffer]:
    query = (
        select(Offer.product_id, CrossSellOffer)
        .join(Offer, Offer.id == CrossSellOffer.offer_id)
        .where(CrossSellOffer.operator_id == operator_id, CrossSellOffer.shown_on == today)
    )
    if order_id is not None:
        query = query.where(CrossSellOffer.order_id == order_id)
    else:
        query = query.where(
            CrossSellOffer.customer_id == customer_id, CrossSellOffer.order_id.is_(None)
        )
    return {pid: rec for pid, rec in session.execute(query).tuples()}


def record_declined(
    session: Session, actor: Actor, clock: Clock, offer_record_id: int, reason: str
) -> None:
    """The customer said no; ``reason`` is required (what the operator heard)."""
    text = (reason or "").strip()
    if not text:
        raise InvalidValue("reason", "say why the customer declined")
    record = session.get(CrossSellOffer, offer_record_id)
    if record is None:
        raise InvalidValue("offer", f"unknown cross-sell offer {offer_record_id}")
    if record.outcome is CrossSellOutcome.ACCEPTED:
        raise InvalidValue("offer", "this offer was already added to the order")
    record.outcome = CrossSellOutcome.DECLINED
    record.decline_reason = text[:200]
    record.decided_at = clock.now()
    session.flush()


def add_to_order(
    session: Session,
    actor: Actor,
    clock: Clock,
    *,
    order_id: int,
    expected_version: int,
    offer_id: int,
    capsule_id: int | None,
    quantity: int = 1,
    offer_record_id: int | None = None,
) -> AddedCrossSell:
    """Put ``offer_id`` into the order as this operator's cross-sell from ``capsule_id``.

    Raises what ``save_order`` raises (VersionConflict, NotEditable, OutOfStock, InvalidValue)."""
    if actor.user_id is None:
        raise InvalidValue("operator", "only a person can add a cross-sell item")
    # before the order's row is touched, as record_offered does: the same lock order everywhere
    # (no deadlock), and the offer record looked up below cannot be inserted meanwhile
    serialize_offers(session, order_id, None)
    current = session.execute(
        select(OrderItem.id, OrderItem.offer_id, OrderItem.quantity, OrderItem.discount)
        .where(OrderItem.order_id == order_id)
        .order_by(OrderItem.id)
    ).all()
    # existing lines unchanged (their discount as it is); the new line gets the loyalty discount
    items = [ItemChange(o, q, item_id=i, discount=d) for i, o, q, d in current]
    items.append(
        ItemChange(offer_id, quantity, capsule_id=capsule_id, is_cross_sell=True, discount=None)
    )
    order = save_order(
        session, order_id, actor, clock, expected_version=expected_version, items=items
    )
    known = {i for i, *_ in current}
    item_id = session.scalar(
        select(OrderItem.id)
        .where(OrderItem.order_id == order_id, OrderItem.offer_id == offer_id)
        .where(OrderItem.id.not_in(known) if known else OrderItem.id.is_not(None))
        .order_by(OrderItem.id.desc())
        .limit(1)
    )
    assert item_id is not None  # save_order just added it

    now = clock.now()
    record = session.get(CrossSellOffer, offer_record_id) if offer_record_id else None
    if record is None:
        product_id = session.scalar(select(Offer.product_id).where(Offer.id == offer_id))
        record = _records_today(session, actor.user_id, order_id, None, business_date(now)).get(
            product_id or -1
        )
    if record is None:
        record = CrossSellOffer(
            operator_id=actor.user_id,
            order_id=order_id,
            customer_id=order.customer_id,
            capsule_id=capsule_id,
            offer_id=offer_id,
            shown_at=now,
            shown_on=business_date(now),
            created_at=now,
        )
        session.add(record)
    record.outcome = CrossSellOutcome.ACCEPTED
    record.offer_id = offer_id  # the size finally chosen
    record.order_id = order_id
    record.order_item_id = item_id
    record.decided_at = now
    record.decline_reason = None
    session.flush()
    if order.status in HOLDING_STATUSES:  # a confirmed order: the credit counts from now
        sync_order_credits(session, order, now)
    return AddedCrossSell(order_id, order.version, item_id, record.id)
