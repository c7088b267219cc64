"""Saving an operator's edits to an order: items, delivery, shipping store, payment, comments.

Optimistic concurrency: the caller passes the version it loaded; if anyone saved in between, a
:class:`VersionConflict` says who changed what and nothing is written. Edits to a reserved order
move its reserve with it (release, apply, reserve again — all or nothing)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.actors import Actor
from app.clock import Clock
from app.orders import stock
from app.orders.errors import InvalidValue, OrderError
from app.orders.pricing import loyalty_discount, money, totals
from app.orders.workflow import check_version, flush_versioned, get_order, record_change
from app.phones import PhoneError, normalize_phone
from models import (
    Customer,
    DeliveryType,
    Offer,
    Order,
    OrderItem,
    PaymentMethod,
    PaymentStatus,
    Store,
)

#: statuses in which the order's content can still change
EDITABLE_STATUSES = frozenset({"new", "needs_confirmation", "no_answer", "confirmed"})

EDITABLE_FIELDS = frozenset(
    {
        "contact_name",
        "contact_phone",
        "contact_email",
        "delivery_type",
        "delivery_address",
        "delivery_cost",
        "shipping_store_id",
        "payment_status",
        "payment_method",
        "manager_comment",
    }
)


@dataclass(frozen=True, slots=True)
class ItemChange:
    """One line as the operator wants it. ``item_id`` None adds a line; ``discount`` None
    applies the customer's loyalty discount."""

    offer_id: int
    quantity: int
    item_id: int | None = None
    discount: Decimal | None = None
    capsule_id: int | None = None
    is_cross_sell: bool = False


class NotEditable(OrderError):
    def __init__(self, number: str, status: str) -> None:
        super().__init__(f"order {number} is '{status}': its content can no longer change")


def _validated_fields(session: Session, fields: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise InvalidValue(sorted(unknown)[0], "cannot be edited here")
    values: dict[str, Any] = {}
    for name, value in fields.items():
        if name == "contact_phone":
            if value in (None, ""):
                values["contact_phone_raw"] = None
                values["contact_phone_e164"] = None
                continue
            try:
                phone = normalize_phone(str(value))
            except PhoneError as exc:
                raise InvalidValue("contact_phone", str(exc)) from None
            values["contact_phone_raw"] = str(value)
            values["contact_phone_e164"] = phone.e164
        elif name == "delivery_type":
            try:
                values[name] = DeliveryType(value)
            except ValueError:
                raise InvalidValue(name, f"unknown delivery type {value!r}") from None
        elif name == "payment_status":
            try:
                values[name] = PaymentStatus(value)
            except ValueError:
                raise InvalidValue(name, f"unknown payment status {value!r}") from None
        elif name == "payment_method":
            try:
                values[name] = PaymentMethod(value) if value else None
            except ValueError:
                raise InvalidValue(name, f"unknown payment method {value!r}") from None
        elif name == "delivery_cost":
            cost = money(Decimal(str(value or 0)))
            if cost < 0:
                raise InvalidValue(name, "must not be negative")
            values[name] = cost
        elif name == "shipping_store_id":
            if value is not None and session.get(Store, int(value)) is None:
                raise InvalidValue(name, f"unknown store {value}")
            values[name] = int(value) if value is not None else None
        elif name == "contact_email":
            text = (value or "").strip()
            if text and "@" not in text:
                raise InvalidValue(name, f"not an e-mail address: {text!r}")
            values[name] = text or None
        else:  # free text
            text = str(value).strip() if value is not None else ""
            values[name] = text if name == "contact_name" else (text or None)
    return values


def save_order(
    session: Session,
    order_id: int,
    actor: Actor,
    clock: Clock,
    *,
    expected_version: int,
    fields: Mapping[str, Any] | None = None,
    items: Sequence[ItemChange] | None = None,
) -> Order:
    """Apply ``fields`` and (when given) the full new list of ``items``; see the module doc."""
    order = get_order(session, order_id)
    check_version(session, order, expected_version)
    values = _validated_fields(session, fields or {})
    content_changes = items is not None or any(
        k in values for k in ("shipping_store_id", "delivery_cost")
    )
    if content_changes and order.status not in EDITABLE_STATUSES:
        raise NotEditable(order.number, order.status)

    changes: dict[str, Any] = {}
    was_reserved = order.stock_reserved_at is not None
    if was_reserved and (items is not None or "shipping_store_id" in values):
        stock.release(session, order)

    for name, value in values.items():
        old = getattr(order, name)
        if old != value:
            changes[name] = [old, value]
            setattr(order, name, value)

    if items is not None:
        item_changes = _apply_items(session, order, actor, items)
        if item_changes:
            changes["items"] = item_changes

    lines = session.execute(
        select(OrderItem.price, OrderItem.quantity, OrderItem.discount).where(
            OrderItem.order_id == order.id
        )
    ).tuples()
    t = totals(lines, order.delivery_cost)
    for name, value in (
        ("subtotal", t.subtotal),
        ("discount_total", t.discount),
        ("total", t.total),
    ):
        if getattr(order, name) != value:
            changes[name] = [getattr(order, name), value]
            setattr(order, name, value)

    if was_reserved and order.stock_reserved_at is None:
        stock.reserve(session, order, clock.now())  # OutOfStock rolls the whole save back

    if not changes:
        return order
    order.updated_at = clock.now()
    flush_versioned(session, order, expected_version)
    record_change(session, order, actor, "order.updated", changes)
    return order


def _apply_items(
    session: Session, order: Order, actor: Actor, wanted: Sequence[ItemChange]
) -> list[str]:
    current = {
        item.id: item
        for item in session.scalars(select(OrderItem).where(OrderItem.order_id == order.id))
    }
    loyalty = Decimal("0")
    if order.customer_id:
        customer = session.get(Customer, order.customer_id)
        loyalty = customer.loyalty_discount_pct if customer else Decimal("0")
    offers = {
        o.id: o
        for o in session.scalars(select(Offer).where(Offer.id.in_({w.offer_id for w in wanted})))
    }
    summary: list[str] = []
    kept: set[int] = set()
    for index, change in enumerate(wanted):
        path = f"items[{index}]"
        offer = offers.get(change.offer_id)
        if offer is None:
            raise InvalidValue(f"{path}.offer", f"unknown offer {change.offer_id}")
        if change.quantity < 1:
            raise InvalidValue(f"{path}.quantity", f"must be at least 1, got {change.quantity}")
        item = current.get(change.item_id) if change.item_id is not None else None
        if change.item_id is not None and item is None:
            raise InvalidValue(path, f"line {change.item_id} is not in order {order.number}")
        price = item.price if item is not None and item.offer_id == offer.id else offer.price
        discount = (
            loyalty_discount(price, change.quantity, loyalty)
            if change.discount is None
            else money(change.discount)
        )
        if discount < 0 or discount > price * change.quantity:
            raise InvalidValue(
                f"{path}.discount", f"must be between 0 and {money(price * change.quantity)}"
            )
        if item is None:
            if not offer.is_active:
                raise InvalidValue(f"{path}.offer", f"offer {offer.external_id} is no longer sold")
            session.add(
                OrderItem(
                    order_id=order.id,
                    offer_id=offer.id,
                    name=offer.name,
                    quantity=change.quantity,
                    price=price,
                    discount=discount,
                    added_by_id=actor.user_id,
                    capsule_id=change.capsule_id,
                    is_cross_sell=change.is_cross_sell,
                )
            )
            summary.append(f"+ {offer.name} × {change.quantity}")
            continue
        kept.add(item.id)
        if (item.offer_id, item.quantity, item.discount) != (offer.id, change.quantity, discount):
            summary.append(f"~ {offer.name}: {item.quantity}→{change.quantity}, -{discount}")
            item.offer_id = offer.id
            item.name = offer.name
            item.quantity = change.quantity
            item.price = price
            item.discount = discount
    for item_id, item in current.items():
        if item_id not in kept:
            summary.append(f"- {item.name}")
            session.delete(item)
    if not wanted:
        raise InvalidValue("items", "an order needs at least one item")
    session.flush()
    return summary
