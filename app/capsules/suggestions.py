"""What to offer during a call: the other items of the capsules the order's items belong to.

Rules (issue 6): only live capsules (not retired, within their valid dates); only products not
in the order and not bought by the customer in the last 90 days; only sizes in stock at the
order's shipping store or the online warehouse; when the customer's children are known, only
products for a child's gender and age and only the sizes that fit them. The shown price carries
the customer's loyalty discount. Each suggestion says in one line why it is offered.

A handful of small indexed queries (order lines, capsules of their products, offers, stock,
the customer's children and recent purchases); no ORM entities are loaded."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import ColumnElement, ScalarSelect, and_, literal, null, or_, select, union_all
from sqlalchemy.orm import Session

from app.capsules.sizing import size_distance, size_fits_age
from app.customers.children import age_on
from app.orders.pricing import loyalty_discount, money
from models import (
    Audience,
    Capsule,
    CapsuleItem,
    Child,
    Customer,
    Gender,
    Offer,
    Order,
    OrderItem,
    Product,
    Stock,
    Store,
    StoreKind,
)

#: a product bought this recently is not offered again
BOUGHT_WITHIN_DAYS = 90
#: a customer without an open order: capsules of what they bought this recently
ANCHOR_WITHIN_DAYS = 180
_NOT_BOUGHT = ("cancelled", "returned")


@dataclass(frozen=True, slots=True)
class SizeChoice:
    offer_id: int
    size: str | None
    color: str | None
    free_at_store: int
    free_online: int
    fits: bool


@dataclass(frozen=True, slots=True)
class Suggestion:
    capsule_id: int
    capsule_name: str
    role: str | None
    product_id: int
    product_name: str
    offer_id: int
    offer_name: str
    size: str | None
    color: str | None
    sizes: tuple[SizeChoice, ...]
    price: Decimal
    loyalty_pct: Decimal
    price_to_pay: Decimal
    free_at_store: int
    free_online: int
    reason: str
    score: float


@dataclass(frozen=True, slots=True)
class _Anchor:
    """Something the customer is buying (or bought) that ties them to a capsule."""

    product_id: int
    product_name: str
    size: str | None
    capsule_id: int | None  # recorded on the order line
    bought_on: dt.date | None = None  # None: in the order being worked


@dataclass(frozen=True, slots=True)
class _Kid:
    name: str
    gender: Gender | None
    age: int | None


@dataclass
class _Context:
    today: dt.date
    store_id: int | None
    online_id: int | None
    loyalty_pct: Decimal
    kids: list[_Kid]
    excluded_products: set[int]
    anchors: list[_Anchor] = field(default_factory=list)


def suggestions_for_order(
    session: Session, order_id: int, today: dt.date, *, limit: int = 12
) -> list[Suggestion]:
    """Ranked suggestions for an open order (best first)."""
    # the order's lines with its customer, store, the warehouse and the loyalty card: one
    # round trip (the panel is on the call's path: four in all, see _context and _rank)
    loyalty = (
        select(Customer.loyalty_discount_pct)
        .where(Customer.id == Order.customer_id)
        .correlate(Order)
        .scalar_subquery()
    )
    rows = session.execute(
        select(
            Order.customer_id,
            Order.shipping_store_id,
            _online_store(),
            loyalty,
            Offer.product_id,
            Product.name,
            Offer.size,
            OrderItem.capsule_id,
        )
        .select_from(Order)
        .outerjoin(OrderItem, OrderItem.order_id == Order.id)
        .outerjoin(Offer, Offer.id == OrderItem.offer_id)
        .outerjoin(Product, Product.id == Offer.product_id)
        .where(Order.id == order_id)
        .order_by(OrderItem.id)
    ).all()
    if not rows:
        return []
    customer_id, store_id, online_id, loyalty_pct = rows[0][:4]
    anchors = [_Anchor(p, name, size, cap) for *_, p, name, size, cap in rows if p is not None]
    ctx = _context(session, customer_id, store_id, online_id, loyalty_pct, today,
                   exclude_order_id=order_id)  # fmt: skip
    ctx.anchors = anchors
    ctx.excluded_products.update(a.product_id for a in anchors)
    return _rank(session, ctx, limit)


def suggestions_for_customer(
    session: Session,
    customer_id: int,
    today: dt.date,
    *,
    store_id: int | None = None,
    limit: int = 12,
) -> list[Suggestion]:
    """Suggestions for a customer on a call without an open order: the capsules of what they
    bought lately, else capsules made for their children."""
    loyalty_q = (
        select(Customer.loyalty_discount_pct).where(Customer.id == customer_id).scalar_subquery()
    )
    online_id, loyalty = session.execute(select(_online_store(), loyalty_q)).one()
    ctx = _context(session, customer_id, store_id, online_id, loyalty, today,
                   exclude_order_id=None)  # fmt: skip
    since = _day_start(today - dt.timedelta(days=ANCHOR_WITHIN_DAYS))
    rows = session.execute(
        select(Offer.product_id, Product.name, Offer.size, OrderItem.capsule_id, Order.created_at)
        .select_from(Order)
        .join(OrderItem, OrderItem.order_id == Order.id)
        .join(Offer, Offer.id == OrderItem.offer_id)
        .join(Product, Product.id == Offer.product_id)
        .where(Order.customer_id == customer_id, Order.created_at >= since)
        .where(Order.status.not_in(_NOT_BOUGHT))
        .order_by(Order.created_at.desc())
        .limit(50)
    ).all()
    ctx.anchors = [
        _Anchor(p, name, size, cap, created.date()) for p, name, size, cap, created in rows
    ]
    return _rank(session, ctx, limit)


# -- context -------------------------------------------------------------------------------


def _day_start(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def _online_store() -> ScalarSelect[int]:
    """The web shop's warehouse (the other place a suggestion may ship from)."""
    return (
        select(Store.id)
        .where(Store.kind == StoreKind.ONLINE, Store.is_active.is_(True))
        .order_by(Store.id)
        .limit(1)
        .scalar_subquery()
    )


def _context(
    session: Session,
    customer_id: int | None,
    store_id: int | None,
    online_id: int | None,
    loyalty: Decimal | None,
    today: dt.date,
    *,
    exclude_order_id: int | None,
) -> _Context:
    """The customer's children and what they bought in the last 90 days, in one round trip."""
    kids: list[_Kid] = []
    excluded: set[int] = set()
    if customer_id is not None:
        since = _day_start(today - dt.timedelta(days=BOUGHT_WITHIN_DAYS))
        bought = (
            select(
                literal(False).label("is_kid"),
                null().label("name"),
                null().label("gender"),
                null().label("birth"),
                Offer.product_id,
            )
            .select_from(Order)
            .join(OrderItem, OrderItem.order_id == Order.id)
            .join(Offer, Offer.id == OrderItem.offer_id)
            .where(Order.customer_id == customer_id, Order.created_at >= since)
            .where(Order.status.not_in(_NOT_BOUGHT))
        )
        if exclude_order_id is not None:
            bought = bought.where(Order.id != exclude_order_id)
        children = select(
            literal(True).label("is_kid"),
            Child.name,
            Child.gender,
            Child.birth_date,
            null().label("product_id"),
        ).where(Child.customer_id == customer_id)
        for is_kid, name, gender, birth, product_id in session.execute(union_all(children, bought)):
            if is_kid:
                kids.append(_Kid(name, _gender(gender), age_on(birth, today)[0] if birth else None))
            else:
                excluded.add(product_id)
    return _Context(
        today, store_id, online_id, loyalty if loyalty is not None else Decimal("0"), kids, excluded
    )


def _gender(value: object) -> Gender | None:
    """A union's column comes back untyped on some drivers: accept the enum or its value."""
    if value is None or isinstance(value, Gender):
        return value
    return Gender(str(value))


# -- ranking -------------------------------------------------------------------------------


def _live(today: dt.date) -> list[ColumnElement[bool]]:
    return [
        Capsule.retired_at.is_(None),
        or_(Capsule.valid_from.is_(None), Capsule.valid_from <= today),
        or_(Capsule.valid_to.is_(None), Capsule.valid_to >= today),
    ]


def _rank(session: Session, ctx: _Context, limit: int) -> list[Suggestion]:
    anchor_products = {a.product_id for a in ctx.anchors}
    recorded = {a.capsule_id for a in ctx.anchors if a.capsule_id is not None}
    capsule_filter = list(_live(ctx.today))
    if anchor_products or recorded:
        matched = select(CapsuleItem.capsule_id).where(CapsuleItem.product_id.in_(anchor_products))
        capsule_filter.append(or_(Capsule.id.in_(matched), Capsule.id.in_(recorded)))
    elif ctx.kids:
        capsule_filter.append(_for_kids_clause(ctx.kids))
    else:
        return []
    members = session.execute(
        select(
            Capsule.id,
            Capsule.name,
            CapsuleItem.product_id,
            CapsuleItem.offer_id,
            CapsuleItem.role,
        )
        .join(CapsuleItem, CapsuleItem.capsule_id == Capsule.id)
        .where(*capsule_filter)
        .order_by(Capsule.id, CapsuleItem.id)
        .limit(2000)
    ).all()
    if not members:
        return []

    capsule_names: dict[int, str] = {}
    capsule_anchor_roles: dict[int, set[str | None]] = {}
    capsule_anchors: dict[int, list[_Anchor]] = {}
    anchors_by_product: dict[int, _Anchor] = {}
    for a in ctx.anchors:
        anchors_by_product.setdefault(a.product_id, a)
    candidates: list[tuple[int, int, int | None, str | None]] = []  # capsule, product, offer, role
    for cid, cname, pid, oid, role in members:
        capsule_names[cid] = cname
        if pid in anchors_by_product:
            capsule_anchor_roles.setdefault(cid, set()).add(role)
            capsule_anchors.setdefault(cid, []).append(anchors_by_product[pid])
        elif pid not in ctx.excluded_products:
            candidates.append((cid, pid, oid, role))
    for a in ctx.anchors:  # recorded capsule without the product among its members
        if a.capsule_id in capsule_names and a not in capsule_anchors.get(a.capsule_id, []):
            capsule_anchors.setdefault(a.capsule_id, []).append(a)
    if not candidates:
        return []

    offers = _offers_with_stock(session, ctx, {pid for _, pid, _, _ in candidates})
    best: dict[int, Suggestion] = {}
    for cid, pid, only_offer, role in candidates:
        product = offers.get(pid)
        if product is None:
            continue
        suggestion = _suggest(ctx, cid, capsule_names[cid], role, product, only_offer,
                              capsule_anchors.get(cid, []),
                              capsule_anchor_roles.get(cid, set()))  # fmt: skip
        if suggestion is None:
            continue
        held = best.get(pid)
        if held is None or suggestion.score > held.score:
            best[pid] = suggestion
    ranked = sorted(best.values(), key=lambda s: (-s.score, s.capsule_id, s.product_id))
    return ranked[:limit]


def _for_kids_clause(kids: Sequence[_Kid]) -> ColumnElement[bool]:
    """Capsules made for one of the children (gender and age), when nothing was bought."""
    clauses = []
    for kid in kids:
        audiences = [Audience.UNISEX]
        if kid.gender is Gender.MALE:
            audiences.append(Audience.BOY)
        elif kid.gender is Gender.FEMALE:
            audiences.append(Audience.GIRL)
        else:
            audiences += [Audience.BOY, Audience.GIRL]
        parts: list[ColumnElement[bool]] = [Capsule.audience.in_(audiences)]
        if kid.age is not None:
            parts += [
                or_(Capsule.age_from.is_(None), Capsule.age_from <= kid.age),
                or_(Capsule.age_to.is_(None), Capsule.age_to >= kid.age),
            ]
        clauses.append(and_(*parts))
    return or_(*clauses)


@dataclass
class _ProductOffers:
    product_id: int
    name: str
    audience: Audience
    age_from: int | None
    age_to: int | None
    offers: list[tuple[int, str, str | None, str | None, Decimal, int, int]]
    # (offer id, offer name, size, colour, price, free at store, free online)


def _offers_with_stock(
    session: Session, ctx: _Context, product_ids: Iterable[int]
) -> dict[int, _ProductOffers]:
    stores = [x for x in (ctx.store_id, ctx.online_id) if x is not None]
    rows = session.execute(
        select(
            Offer.id,
            Offer.product_id,
            Offer.name,
            Offer.size,
            Offer.color,
            Offer.price,
            Product.name,
            Product.audience,
            Product.age_from,
            Product.age_to,
            Stock.store_id,
            Stock.quantity - Stock.reserved,
        )
        .join(Product, Product.id == Offer.product_id)
        # only stock rows with something free at the stores we ship from (≤ 2 per offer)
        .join(
            Stock,
            and_(
                Stock.offer_id == Offer.id,
                Stock.store_id.in_(stores),
                Stock.quantity > Stock.reserved,
            ),
        )
        .where(Offer.product_id.in_(set(product_ids)))
        .where(Offer.is_active.is_(True), Product.is_active.is_(True))
        .order_by(Offer.product_id, Offer.id)
    ).all()
    free: dict[tuple[int, int], int] = {(r[0], r[10]): r[11] for r in rows}
    found: dict[int, _ProductOffers] = {}
    done: set[int] = set()
    for oid, pid, oname, size, color, price, pname, audience, a_from, a_to, _s, _f in rows:
        if oid in done:
            continue  # its second stock row (store and warehouse)
        done.add(oid)
        at_store = free.get((oid, ctx.store_id), 0) if ctx.store_id is not None else 0
        online = free.get((oid, ctx.online_id), 0) if ctx.online_id is not None else 0
        entry = found.get(pid)
        if entry is None:
            entry = found[pid] = _ProductOffers(pid, pname, audience, a_from, a_to, [])
        entry.offers.append((oid, oname, size, color, price, at_store, online))
    return found


def _kids_for(ctx: _Context, product: _ProductOffers) -> list[_Kid]:
    """The children this product is made for (gender, and age within its range ± 1 year)."""
    fitting = []
    for kid in ctx.kids:
        if product.audience is Audience.BOY and kid.gender is Gender.FEMALE:
            continue
        if product.audience is Audience.GIRL and kid.gender is Gender.MALE:
            continue
        if kid.age is not None:
            if product.age_from is not None and kid.age < product.age_from - 1:
                continue
            if product.age_to is not None and kid.age > product.age_to + 1:
                continue
        fitting.append(kid)
    return fitting


def _suggest(
    ctx: _Context,
    capsule_id: int,
    capsule_name: str,
    role: str | None,
    product: _ProductOffers,
    only_offer: int | None,
    anchors: list[_Anchor],
    anchor_roles: set[str | None],
) -> Suggestion | None:
    kids = _kids_for(ctx, product) if ctx.kids else []
    if ctx.kids and not kids:
        return None  # known children, none of them wears this
    ages = [k.age for k in kids if k.age is not None]
    choices = []
    for oid, _name, size, color, _price, at_store, online in product.offers:
        if only_offer is not None and oid != only_offer:
            continue
        fits = not ages or any(size_fits_age(size, age) for age in ages)
        if ages and not fits:
            continue
        choices.append(SizeChoice(oid, size, color, at_store, online, fits))
    if not choices:
        return None
    sizes = [a.size for a in anchors if a.bought_on is None] or [a.size for a in anchors]

    def preference(c: SizeChoice) -> tuple[int, int, int, int]:
        closest = min((size_distance(c.size, s) for s in sizes), default=1000)
        return (0 if c.free_at_store > 0 else 1, closest, -(c.free_at_store + c.free_online),
                c.offer_id)  # fmt: skip

    chosen = min(choices, key=preference)
    offer = next(o for o in product.offers if o[0] == chosen.offer_id)
    price = offer[4]
    to_pay = money(price - loyalty_discount(price, 1, ctx.loyalty_pct))

    recorded = any(a.capsule_id == capsule_id for a in anchors)
    score = 1.0 + (2.0 if recorded else 0.0) + 0.5 * min(len(anchors), 4)
    score += 1.0 if role not in anchor_roles else 0.0  # a piece the look still lacks
    score += 0.5 if chosen.free_at_store > 0 else 0.0  # ships with the order
    score += 0.5 if ages else 0.0
    return Suggestion(
        capsule_id=capsule_id,
        capsule_name=capsule_name,
        role=role,
        product_id=product.product_id,
        product_name=product.name,
        offer_id=chosen.offer_id,
        offer_name=offer[1],
        size=chosen.size,
        color=chosen.color,
        sizes=tuple(choices),
        price=price,
        loyalty_pct=ctx.loyalty_pct,
        price_to_pay=to_pay,
        free_at_store=chosen.free_at_store,
        free_online=chosen.free_online,
        reason=_reason(capsule_name, anchors, kids),
        score=score,
    )


def _reason(capsule_name: str, anchors: list[_Anchor], kids: list[_Kid]) -> str:
    current = [a for a in anchors if a.bought_on is None]
    if current:
        return (
            f"completes '{capsule_name}' with the {_short(current[0].product_name)} you are buying"
        )
    if anchors:
        a = anchors[0]
        when = f" on {a.bought_on:%d.%m}" if a.bought_on else ""
        return f"completes '{capsule_name}' with the {_short(a.product_name)} bought{when}"
    if kids:
        kid = kids[0]
        age = f", {kid.age}" if kid.age is not None else ""
        return f"'{capsule_name}' for {kid.name}{age}"
    return f"from '{capsule_name}'"


def _short(product_name: str) -> str:
    """ "Брюки для мальчика «Спорт»" → "брюки «Спорт»": what the operator says aloud."""
    head, sep, tail = product_name.partition("«")
    noun = head.split(" для ")[0].strip()
    noun = noun[:1].lower() + noun[1:] if noun[:2] != noun[:2].upper() else noun
    return f"{noun} «{tail}" if sep else noun
