"""Orders an operator or a store seller creates in the console (phone orders, store orders)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.actors import Actor
from app.clock import Clock
from app.orders.editing import ItemChange, save_order
from app.orders.errors import InvalidValue
from app.orders.numbers import new_order_number
from app.orders.workflow import change_status
from app.outbox import emit
from models import Customer, CustomerPhone, DeliveryType, Order, OrderSource


def create_order(
    session: Session,
    actor: Actor,
    clock: Clock,
    *,
    customer_id: int,
    items: Sequence[ItemChange],
    source: OrderSource = OrderSource.PHONE,
    delivery_type: DeliveryType = DeliveryType.COURIER,
    delivery_address: str | None = None,
    shipping_store_id: int | None = None,
    manager_comment: str | None = None,
) -> Order:
    """Create an order for ``customer_id`` with ``items`` and put it in front of its creator:
    ``needs_confirmation``, leased to them (the customer is usually on the line)."""
    customer = session.get(Customer, customer_id)
    if customer is None or customer.merged_into_id is not None:
        raise InvalidValue("customer", f"unknown customer {customer_id}")
    if not items:
        raise InvalidValue("items", "an order needs at least one item")
    now = clock.now()
    phone = session.scalar(
        select(CustomerPhone)
        .where(CustomerPhone.customer_id == customer.id)
        .order_by(CustomerPhone.is_primary.desc(), CustomerPhone.id)
        .limit(1)
    )
    order = Order(
        number=new_order_number(session),
        source=source,
        status="new",
        customer_id=customer.id,
        contact_name=" ".join(x for x in (customer.first_name, customer.last_name) if x),
        contact_phone_raw=phone.raw if phone else None,
        contact_phone_e164=phone.e164 if phone else None,
        contact_email=customer.email,
        delivery_type=delivery_type,
        subtotal=Decimal("0"),
        total=Decimal("0"),
        operator_id=actor.user_id,
        created_at=now,
        updated_at=now,
    )
    session.add(order)
    session.flush()
    emit(
        session,
        "order.created",
        "order",
        order.id,
        {"number": order.number, "version": order.version, "source": source.value},
        actor_id=actor.user_id,
    )
    save_order(
        session,
        order.id,
        actor,
        clock,
        expected_version=order.version,
        fields={
            "delivery_address": delivery_address,
            "shipping_store_id": shipping_store_id,
            "manager_comment": manager_comment,
        },
        items=items,
    )
    change_status(session, order, "needs_confirmation", actor, clock, comment="created by operator")
    order.lease_operator_id = actor.user_id
    order.lease_taken_at = now
    order.lease_heartbeat_at = now
    session.flush()
    return order
