"""One-click orders (Lacoste): name + phone + offer → an order in the operator queue."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.actors import SYSTEM, Actor
from app.clock import Clock
from app.orders.customer_match import find_or_create_customer
from app.orders.errors import InvalidValue
from app.orders.numbers import new_order_number
from app.orders.workflow import change_status
from app.outbox import emit
from app.phones import PhoneError, normalize_phone
from models import DeliveryType, Offer, Order, OrderItem, OrderSource, PaymentStatus

ONE_CLICK_PRIORITY = 10  # a buyer waiting on the site right now: call before the backlog


def create_one_click_order(
    session: Session,
    clock: Clock,
    *,
    name: str,
    phone: str,
    offer_id: int | None = None,
    offer_external_id: str | None = None,
    quantity: int = 1,
    store_id: int | None = None,
    actor: Actor = SYSTEM,
) -> Order:
    """Validate, match or create the customer by normalized phone, and queue the order."""
    if not name.strip():
        raise InvalidValue("name", "is required")
    try:
        parsed = normalize_phone(phone)
    except PhoneError as exc:
        raise InvalidValue("phone", str(exc)) from None
    if quantity < 1:
        raise InvalidValue("quantity", f"must be at least 1, got {quantity}")
    if offer_id is not None:
        offer = session.get(Offer, offer_id)
    elif offer_external_id:
        offer = session.scalar(select(Offer).where(Offer.external_id == offer_external_id))
    else:
        raise InvalidValue("offer", "is required")
    if offer is None or not offer.is_active:
        raise InvalidValue("offer", f"unknown or inactive offer {offer_id or offer_external_id!r}")

    first, _, last = name.strip().partition(" ")
    customer, _created = find_or_create_customer(
        session, phone=parsed, first_name=first, last_name=last
    )
    now = clock.now()
    subtotal = offer.price * quantity
    order = Order(
        number=new_order_number(session),
        source=OrderSource.ONE_CLICK,
        status="new",
        priority=ONE_CLICK_PRIORITY,
        customer_id=customer.id,
        contact_name=name.strip(),
        contact_phone_raw=phone,
        contact_phone_e164=parsed.e164,
        shipping_store_id=store_id,
        delivery_type=DeliveryType.PICKUP if store_id else DeliveryType.COURIER,
        payment_status=PaymentStatus.NOT_PAID,
        subtotal=subtotal,
        discount_total=Decimal("0"),
        total=subtotal,
        created_at=now,
        updated_at=now,
    )
    session.add(order)
    session.flush()
    session.add(
        OrderItem(
            order_id=order.id,
            offer_id=offer.id,
            name=offer.name,
            quantity=quantity,
            price=offer.price,
        )
    )
    emit(session, "order.created", "order", order.id, {"number": order.number, "version": 1})
    # Nothing for the robot to approve (no address, no payment): straight to a person.
    change_status(session, order, "needs_confirmation", actor, clock, comment="one-click order")
    return order
