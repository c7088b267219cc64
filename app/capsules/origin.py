"""Which capsule an order line came from, for the order card.

A line records its capsule when it is known: the site or the ERP said so (the order's payload
names the capsule's external id), or an operator added it from a suggestion. Otherwise the
best matching capsule is inferred: one live on the day the order was placed that holds the
line's product (or exactly its offer), preferring the capsule that holds the most of the
order's products, then the most specific (offer named), then the newest."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from models import Capsule, CapsuleItem, Offer, Order, OrderItem

#: an import chunk names a few hundred capsules at most; batches keep SQLite's parameter limit far
_REFS_PER_QUERY = 1000


@dataclass(frozen=True, slots=True)
class ItemCapsule:
    item_id: int
    capsule_id: int
    capsule_name: str
    inferred: bool
    is_cross_sell: bool


def capsule_id_for_ref(session: Session, external_id: str | None) -> int | None:
    """The capsule a site/ERP payload names by its feed id (None when unknown)."""
    if not external_id:
        return None
    return capsule_ids_for_refs(session, [external_id]).get(external_id)


def capsule_ids_for_refs(session: Session, external_ids: Iterable[str]) -> dict[str, int]:
    """Feed id → capsule id for the known ones among ``external_ids`` (one query).

    Retired capsules resolve too: an order placed from a capsule that has since left the feed
    was still sold from it (the order card keeps naming it)."""
    wanted = sorted({e for e in external_ids if e})
    if not wanted:
        return {}
    found: dict[str, int] = {}
    for start in range(0, len(wanted), _REFS_PER_QUERY):
        batch = wanted[start : start + _REFS_PER_QUERY]
        found.update(
            session.execute(
                select(Capsule.external_id, Capsule.id).where(Capsule.external_id.in_(batch))
            )
            .tuples()
            .all()
        )
    return found


def item_capsules(session: Session, order_id: int) -> dict[int, ItemCapsule]:
    """item id → its capsule (recorded or inferred); lines with no capsule are left out."""
    created = session.scalar(select(Order.created_at).where(Order.id == order_id))
    if created is None:
        return {}
    lines = session.execute(
        select(
            OrderItem.id,
            OrderItem.offer_id,
            Offer.product_id,
            OrderItem.capsule_id,
            Capsule.name,
            OrderItem.is_cross_sell,
        )
        .join(Offer, Offer.id == OrderItem.offer_id)
        .outerjoin(Capsule, Capsule.id == OrderItem.capsule_id)
        .where(OrderItem.order_id == order_id)
    ).all()
    found: dict[int, ItemCapsule] = {}
    unknown = []
    for item_id, offer_id, product_id, capsule_id, name, cross in lines:
        if capsule_id is not None:
            found[item_id] = ItemCapsule(item_id, capsule_id, name, False, cross)
        else:
            unknown.append((item_id, offer_id, product_id, cross))
    if not unknown:
        return found

    products = {row[2] for row in lines}
    day = created.date()
    members = session.execute(
        select(Capsule.id, Capsule.name, CapsuleItem.product_id, CapsuleItem.offer_id)
        .join(CapsuleItem, CapsuleItem.capsule_id == Capsule.id)
        .where(CapsuleItem.product_id.in_(products))
        .where(or_(Capsule.retired_at.is_(None), Capsule.retired_at > created))
        .where(or_(Capsule.valid_from.is_(None), Capsule.valid_from <= day))
        .where(or_(Capsule.valid_to.is_(None), Capsule.valid_to >= day))
    ).all()
    names: dict[int, str] = {}
    held: dict[int, set[int]] = {}  # capsule -> order products it holds
    exact: set[tuple[int, int]] = set()  # (capsule, offer) named exactly
    for cid, cname, pid, oid in members:
        names[cid] = cname
        held.setdefault(cid, set()).add(pid)
        if oid is not None:
            exact.add((cid, oid))
    for item_id, offer_id, product_id, cross in unknown:
        options = [c for c, ps in held.items() if product_id in ps]
        if not options:
            continue
        best = max(options, key=lambda c: (len(held[c]), (c, offer_id) in exact, c))
        found[item_id] = ItemCapsule(item_id, best, names[best], True, cross)
    return found
