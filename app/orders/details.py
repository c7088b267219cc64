"""Everything about one order as plain JSON-ready data (``okno orders show``, the order card)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from app.orders.workflow import allowed_targets
from models import Customer, Offer, Order, OrderItem, OrderStatusHistory, Status, Store, User


def order_details(session: Session, order: Order, role: str | None = None) -> dict[str, Any]:
    status = session.get(Status, order.status)
    items = session.execute(
        select(OrderItem, Offer.external_id)
        .join(Offer, Offer.id == OrderItem.offer_id)
        .where(OrderItem.order_id == order.id)
        .order_by(OrderItem.id)
    ).all()
    actor = aliased(User)
    history = session.execute(
        select(OrderStatusHistory, actor.name)
        .outerjoin(actor, actor.id == OrderStatusHistory.actor_id)
        .where(OrderStatusHistory.order_id == order.id)
        .order_by(OrderStatusHistory.id)
    ).all()
    customer = session.get(Customer, order.customer_id) if order.customer_id else None
    store = session.get(Store, order.shipping_store_id) if order.shipping_store_id else None
    lease_holder = session.get(User, order.lease_operator_id) if order.lease_operator_id else None
    operator = session.get(User, order.operator_id) if order.operator_id else None

    def iso(value: Any) -> str | None:
        return value.isoformat() if value is not None else None

    return {
        "id": order.id,
        "number": order.number,
        "external_id": order.external_id,
        "source": order.source.value,
        "status": order.status,
        "status_name": status.name_en if status else order.status,
        "version": order.version,
        "created_at": iso(order.created_at),
        "customer": (
            {
                "id": customer.id,
                "name": " ".join(x for x in (customer.first_name, customer.last_name) if x),
            }
            if customer
            else None
        ),
        "contact": {
            "name": order.contact_name,
            "phone": order.contact_phone_e164 or order.contact_phone_raw,
            "email": order.contact_email,
        },
        "operator": operator.login if operator else None,
        "delivery": {
            "type": order.delivery_type.value,
            "address": order.delivery_address,
            "cost": str(order.delivery_cost),
            "store": store.code if store else None,
        },
        "payment": {
            "status": order.payment_status.value,
            "method": order.payment_method.value if order.payment_method else None,
        },
        "items": [
            {
                "offer": ext,
                "name": item.name,
                "quantity": item.quantity,
                "price": str(item.price),
                "discount": str(item.discount),
                "capsule_id": item.capsule_id,
                "cross_sell": item.is_cross_sell,
            }
            for item, ext in items
        ],
        "totals": {
            "subtotal": str(order.subtotal),
            "discount": str(order.discount_total),
            "total": str(order.total),
        },
        "comments": {"customer": order.customer_comment, "manager": order.manager_comment},
        "robot": {"checked_at": iso(order.robot_checked_at), "checks": order.robot_checks or []},
        "retry": {
            "no_answer_attempts": order.no_answer_attempts,
            "next_attempt_at": iso(order.next_attempt_at),
            "callback_at": iso(order.callback_at),
        },
        "reserve": {
            "stock_reserved_at": iso(order.stock_reserved_at),
            "reserve_until": iso(order.reserve_until),
        },
        "cancel_reason": order.cancel_reason,
        "lease": {
            "operator": lease_holder.login if lease_holder else None,
            "taken_at": iso(order.lease_taken_at),
            "heartbeat_at": iso(order.lease_heartbeat_at),
        },
        "history": [
            {
                "at": iso(h.created_at),
                "by": name or h.actor_kind,
                "from": h.from_status,
                "to": h.to_status,
                "comment": h.comment,
            }
            for h, name in history
        ],
        "allowed_next": allowed_targets(session, order.status, role) if role else None,
    }
