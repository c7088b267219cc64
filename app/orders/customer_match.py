"""Find the customer an incoming order belongs to, or create one (never a duplicate by phone)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.phones import Phone
from models import Customer, CustomerPhone


def find_customer_by_phone(session: Session, e164: str) -> Customer | None:
    """The live (not merged-away) customer owning this E.164 number, oldest first."""
    customer_id = session.scalar(
        select(CustomerPhone.customer_id)
        .join(Customer, Customer.id == CustomerPhone.customer_id)
        .where(CustomerPhone.e164 == e164, Customer.merged_into_id.is_(None))
        .order_by(CustomerPhone.customer_id)
        .limit(1)
    )
    return session.get(Customer, customer_id) if customer_id is not None else None


def find_or_create_customer(
    session: Session,
    *,
    phone: Phone | None,
    first_name: str = "",
    last_name: str = "",
    patronymic: str | None = None,
    email: str | None = None,
    external_id: str | None = None,
) -> tuple[Customer, bool]:
    """Match by external id, then normalized phone, then e-mail; create when nothing matches.
    Returns the customer and whether it was created."""
    if external_id:
        found = session.scalar(select(Customer).where(Customer.external_id == external_id))
        if found is not None:
            return _survivor(session, found), False
    if phone is not None:
        found = find_customer_by_phone(session, phone.e164)
        if found is not None:
            return found, False
    email_norm = email.strip().lower() if email and email.strip() else None
    if email_norm:
        found = session.scalar(
            select(Customer)
            .where(Customer.email_normalized == email_norm, Customer.merged_into_id.is_(None))
            .order_by(Customer.id)
            .limit(1)
        )
        if found is not None:
            return found, False
    customer = Customer(
        external_id=external_id,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        patronymic=(patronymic or "").strip() or None,
        email=email.strip() if email_norm and email else None,
        email_normalized=email_norm,
    )
    session.add(customer)
    session.flush()
    if phone is not None:
        session.add(
            CustomerPhone(
                customer_id=customer.id,
                raw=phone.raw,
                e164=phone.e164,
                tail10=phone.tail10,
                extension=phone.extension,
                is_primary=True,
            )
        )
    return customer, True


def _survivor(session: Session, customer: Customer) -> Customer:
    seen = {customer.id}
    while customer.merged_into_id is not None:
        nxt = session.get(Customer, customer.merged_into_id)
        if nxt is None or nxt.id in seen:
            break
        seen.add(nxt.id)
        customer = nxt
    return customer
