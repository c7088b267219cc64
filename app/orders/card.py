"""The order card's data: one call, plain frozen values (safe to hand to the UI thread)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from app.orders.workflow import allowed_targets, get_order
from models import (
    Capsule,
    Customer,
    CustomerPhone,
    CustomerTag,
    Offer,
    OrderItem,
    OrderStatusHistory,
    Status,
    Stock,
    Store,
    User,
)


@dataclass(frozen=True, slots=True)
class CardItem:
    id: int
    offer_id: int
    offer_external_id: str
    name: str
    color: str | None
    size: str | None
    quantity: int
    price: Decimal
    discount: Decimal
    free_at_store: int | None  # free stock at the shipping store (None: no store chosen)
    capsule_name: str | None
    is_cross_sell: bool

    @property
    def line_total(self) -> Decimal:
        return self.price * self.quantity - self.discount


@dataclass(frozen=True, slots=True)
class RobotCheck:
    rule: str
    passed: bool
    expected: str
    actual: str


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    at: dt.datetime
    by: str
    from_status: str | None
    to_status: str
    comment: str | None


@dataclass(frozen=True, slots=True)
class CustomerSummary:
    id: int
    name: str
    phones: tuple[str, ...]
    email: str | None
    loyalty_discount_pct: Decimal
    tags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class OrderCard:
    id: int
    number: str
    version: int
    status: str
    status_name_ru: str
    status_name_en: str
    source: str
    created_at: dt.datetime
    customer: CustomerSummary | None
    contact_name: str
    contact_phone: str | None
    contact_email: str | None
    operator_name: str | None
    lease_holder_id: int | None
    lease_holder_name: str | None
    delivery_type: str
    delivery_address: str | None
    delivery_cost: Decimal
    shipping_store_id: int | None
    shipping_store_name: str | None
    shipping_store_city: str | None
    payment_status: str
    payment_method: str | None
    subtotal: Decimal
    discount_total: Decimal
    total: Decimal
    customer_comment: str | None
    manager_comment: str | None
    cancel_reason: str | None
    no_answer_attempts: int
    next_attempt_at: dt.datetime | None
    callback_at: dt.datetime | None
    reserve_until: dt.datetime | None
    stock_reserved: bool
    items: tuple[CardItem, ...]
    robot_checks: tuple[RobotCheck, ...]
    history: tuple[HistoryEntry, ...]
    allowed_statuses: tuple[str, ...]


def _text(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def load_card(session: Session, order_id: int, role: str) -> OrderCard:
    order = get_order(session, order_id)
    status = session.get(Status, order.status)
    store = session.get(Store, order.shipping_store_id) if order.shipping_store_id else None
    free = (Stock.quantity - Stock.reserved).label("free")
    item_rows = session.execute(
        select(OrderItem, Offer.external_id, Offer.color, Offer.size, Capsule.name, free)
        .join(Offer, Offer.id == OrderItem.offer_id)
        .outerjoin(Capsule, Capsule.id == OrderItem.capsule_id)
        .outerjoin(
            Stock,
            (Stock.offer_id == OrderItem.offer_id) & (Stock.store_id == order.shipping_store_id),
        )
        .where(OrderItem.order_id == order.id)
        .order_by(OrderItem.id)
    ).all()
    actor = aliased(User)
    history_rows = session.execute(
        select(OrderStatusHistory, actor.name)
        .outerjoin(actor, actor.id == OrderStatusHistory.actor_id)
        .where(OrderStatusHistory.order_id == order.id)
        .order_by(OrderStatusHistory.id.desc())
    ).all()
    names = dict(
        session.execute(
            select(User.id, User.name).where(
                User.id.in_([i for i in (order.operator_id, order.lease_operator_id) if i])
            )
        )
        .tuples()
        .all()
    )
    customer = None
    if order.customer_id:
        c = session.get(Customer, order.customer_id)
        if c is not None:
            phones = session.scalars(
                select(CustomerPhone.e164)
                .where(CustomerPhone.customer_id == c.id)
                .order_by(CustomerPhone.is_primary.desc(), CustomerPhone.id)
            ).all()
            tags = session.scalars(
                select(CustomerTag.tag)
                .where(CustomerTag.customer_id == c.id)
                .order_by(CustomerTag.tag)
            ).all()
            customer = CustomerSummary(
                c.id,
                " ".join(x for x in (c.last_name, c.first_name, c.patronymic) if x),
                tuple(phones),
                c.email,
                c.loyalty_discount_pct,
                tuple(tags),
            )
    has_stock_rows = order.shipping_store_id is not None
    return OrderCard(
        id=order.id,
        number=order.number,
        version=order.version,
        status=order.status,
        status_name_ru=status.name_ru if status else order.status,
        status_name_en=status.name_en if status else order.status,
        source=order.source.value,
        created_at=order.created_at,
        customer=customer,
        contact_name=order.contact_name,
        contact_phone=order.contact_phone_e164 or order.contact_phone_raw,
        contact_email=order.contact_email,
        operator_name=names.get(order.operator_id) if order.operator_id else None,
        lease_holder_id=order.lease_operator_id,
        lease_holder_name=names.get(order.lease_operator_id) if order.lease_operator_id else None,
        delivery_type=order.delivery_type.value,
        delivery_address=order.delivery_address,
        delivery_cost=order.delivery_cost,
        shipping_store_id=order.shipping_store_id,
        shipping_store_name=store.name if store else None,
        shipping_store_city=store.city if store else None,
        payment_status=order.payment_status.value,
        payment_method=order.payment_method.value if order.payment_method else None,
        subtotal=order.subtotal,
        discount_total=order.discount_total,
        total=order.total,
        customer_comment=order.customer_comment,
        manager_comment=order.manager_comment,
        cancel_reason=order.cancel_reason,
        no_answer_attempts=order.no_answer_attempts,
        next_attempt_at=order.next_attempt_at,
        callback_at=order.callback_at,
        reserve_until=order.reserve_until,
        stock_reserved=order.stock_reserved_at is not None,
        items=tuple(
            CardItem(
                id=item.id,
                offer_id=item.offer_id,
                offer_external_id=ext,
                name=item.name,
                color=color,
                size=size,
                quantity=item.quantity,
                price=item.price,
                discount=item.discount,
                free_at_store=(int(free_qty or 0) if has_stock_rows else None),
                capsule_name=capsule_name,
                is_cross_sell=item.is_cross_sell,
            )
            for item, ext, color, size, capsule_name, free_qty in item_rows
        ),
        robot_checks=tuple(
            RobotCheck(
                str(c.get("rule")),
                bool(c.get("passed")),
                _text(c.get("expected")),
                _text(c.get("actual")),
            )
            for c in (order.robot_checks or [])
        ),
        history=tuple(
            HistoryEntry(h.created_at, name or h.actor_kind, h.from_status, h.to_status, h.comment)
            for h, name in history_rows
        ),
        allowed_statuses=tuple(allowed_targets(session, order.status, role)),
    )


@dataclass(frozen=True, slots=True)
class StoreChoice:
    store_id: int
    name: str
    city: str
    address: str
    kind: str
    items_fully_available: int  # how many of the order's lines the store can serve in full
    units_available: int  # free units of the order's offers, capped at what is wanted
    units_wanted: int


def stores_for_order(
    session: Session,
    order_id: int,
    city: str | None = None,
    wanted: Mapping[int, int] | None = None,
) -> list[StoreChoice]:
    """Stores to ship from, best first (Lacoste: "which store has it all"): the city's stores
    (the current store's city unless ``city`` is given; all when neither is known), sorted by
    how much of the order they can serve from free stock. ``wanted`` (offer id → quantity)
    ranks for lines the operator is still editing instead of the saved ones."""
    order = get_order(session, order_id)
    if city is None and order.shipping_store_id:
        current = session.get(Store, order.shipping_store_id)
        city = current.city if current else None
    if wanted is not None:
        wanted = {int(o): int(q) for o, q in wanted.items() if q > 0}
    else:
        wanted = {}
        for offer_id, qty in session.execute(
            select(OrderItem.offer_id, func.sum(OrderItem.quantity))
            .where(OrderItem.order_id == order.id)
            .group_by(OrderItem.offer_id)
        ):
            wanted[offer_id] = int(qty)
    stores_q = select(Store).where(Store.is_active.is_(True))
    if city:
        stores_q = stores_q.where(Store.city == city)
    stores = session.scalars(stores_q).all()
    free: dict[tuple[int, int], int] = {}
    if wanted and stores:
        for store_id, offer_id, qty in session.execute(
            select(Stock.store_id, Stock.offer_id, Stock.quantity - Stock.reserved).where(
                Stock.offer_id.in_(wanted), Stock.store_id.in_([s.id for s in stores])
            )
        ):
            free[(store_id, offer_id)] = int(qty)
    choices = []
    for s in stores:
        full = sum(1 for o, q in wanted.items() if free.get((s.id, o), 0) >= q)
        units = sum(min(free.get((s.id, o), 0), q) for o, q in wanted.items())
        choices.append(
            StoreChoice(
                s.id, s.name, s.city, s.address, s.kind.value, full, units, sum(wanted.values())
            )
        )
    choices.sort(key=lambda c: (-c.items_fully_available, -c.units_available, c.name))
    return choices


@dataclass(frozen=True, slots=True)
class OfferHit:
    offer_id: int
    external_id: str
    name: str
    color: str | None
    size: str | None
    price: Decimal
    free_by_store: tuple[tuple[str, int], ...]  # (store name, free units), most first


def search_offers(session: Session, text: str, limit: int = 30) -> list[OfferHit]:
    """Offers by name fragment, SKU or barcode, with free stock per store (for "add item")."""
    needle = text.strip()
    if len(needle) < 2:
        return []
    pattern = f"%{needle.lower()}%"
    offers = session.scalars(
        select(Offer)
        .where(Offer.is_active.is_(True))
        .where(
            (func.lower(Offer.name).like(pattern))
            | (Offer.external_id == needle)
            | (Offer.barcode == needle)
        )
        .order_by(Offer.name, Offer.id)
        .limit(limit)
    ).all()
    stock: dict[int, list[tuple[str, int]]] = {o.id: [] for o in offers}
    if offers:
        for offer_id, store_name, qty in session.execute(
            select(Stock.offer_id, Store.name, Stock.quantity - Stock.reserved)
            .join(Store, Store.id == Stock.store_id)
            .where(Stock.offer_id.in_(stock), Stock.quantity - Stock.reserved > 0)
        ):
            stock[offer_id].append((store_name, int(qty)))
    return [
        OfferHit(
            o.id,
            o.external_id,
            o.name,
            o.color,
            o.size,
            o.price,
            tuple(sorted(stock[o.id], key=lambda x: -x[1])),
        )
        for o in offers
    ]


def free_stock(
    session: Session, store_id: int, offer_ids: tuple[int, ...]
) -> tuple[tuple[int, int], ...]:
    """Free units (quantity - reserved) of each offer at one store, 0 where it has none; for
    the card's stock column while the operator edits lines or changes the store."""
    free = {o: 0 for o in offer_ids}
    if offer_ids:
        for offer_id, qty in session.execute(
            select(Stock.offer_id, Stock.quantity - Stock.reserved).where(
                Stock.store_id == store_id, Stock.offer_id.in_(offer_ids)
            )
        ):
            free[offer_id] = int(qty)
    return tuple(sorted(free.items()))


@dataclass(frozen=True, slots=True)
class StatusLabel:
    code: str
    name_ru: str
    name_en: str


def status_labels(session: Session) -> tuple[StatusLabel, ...]:
    """Every status's display names (admin data kept in both languages), in display order."""
    return tuple(
        StatusLabel(s.code, s.name_ru, s.name_en)
        for s in session.scalars(select(Status).order_by(Status.ordering))
    )
