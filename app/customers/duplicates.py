"""Duplicate protection: who already owns a phone or an e-mail, who looks like the same person,
and the likely duplicate groups of the whole base (``okno customers duplicates``).

Rules, written once:
* **same phone** — a live customer has the same E.164 number (refused on create unless forced);
* **same e-mail** — a live customer has the same lower-cased e-mail (refused unless forced);
* **similar name, same birth date** — offered as candidates, never refused. Names are compared
  by :func:`models.customers.customer_name_key` (case, ё/е and word order ignored); when a
  customer is being created, near misses count too (one typo: similarity ≥ 0.85). The base-wide
  listing groups by the exact key, which the ``(birth_date, name_key)`` index answers."""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.customers.errors import CustomerRef
from app.customers.records import display_name
from models import Customer, CustomerPhone
from models.customers import customer_name_key

SIMILARITY = 0.85


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    """Customers that are probably one person, and why."""

    reason: str  # phone | email | name_birth_date
    key: str
    customers: tuple[CustomerRef, ...]

    def as_json(self) -> dict[str, object]:
        return {
            "reason": self.reason,
            "key": self.key,
            "customers": [
                {"id": c.id, "name": c.name, "phone": c.phone, "email": c.email}
                for c in self.customers
            ],
        }


def refs(session: Session, ids: list[int]) -> tuple[CustomerRef, ...]:
    """Customer refs for ``ids`` (in id order), with their primary phone, in two queries."""
    if not ids:
        return ()
    rows = session.execute(
        select(
            Customer.id,
            Customer.first_name,
            Customer.last_name,
            Customer.patronymic,
            Customer.email,
        )
        .where(Customer.id.in_(ids))
        .order_by(Customer.id)
    ).all()
    phones: dict[int, str] = {}
    for cid, e164 in session.execute(
        select(CustomerPhone.customer_id, CustomerPhone.e164)
        .where(CustomerPhone.customer_id.in_(ids))
        .order_by(CustomerPhone.customer_id, CustomerPhone.is_primary.desc(), CustomerPhone.id)
    ):
        phones.setdefault(cid, e164)
    return tuple(
        CustomerRef(
            r.id, display_name(r.first_name, r.last_name, r.patronymic), phones.get(r.id), r.email
        )
        for r in rows
    )


def phone_owners(
    session: Session, e164: str, exclude_id: int | None = None
) -> tuple[CustomerRef, ...]:
    """Live customers that have ``e164`` among their phones."""
    query = (
        select(CustomerPhone.customer_id)
        .join(Customer, Customer.id == CustomerPhone.customer_id)
        .where(CustomerPhone.e164 == e164, Customer.merged_into_id.is_(None))
        .distinct()
    )
    if exclude_id is not None:
        query = query.where(CustomerPhone.customer_id != exclude_id)
    return refs(session, sorted(session.scalars(query)))


def email_owners(
    session: Session, email_normalized: str, exclude_id: int | None = None
) -> tuple[CustomerRef, ...]:
    """Live customers with this (lower-cased) e-mail."""
    query = select(Customer.id).where(
        Customer.email_normalized == email_normalized, Customer.merged_into_id.is_(None)
    )
    if exclude_id is not None:
        query = query.where(Customer.id != exclude_id)
    return refs(session, sorted(session.scalars(query)))


def names_similar(key_a: str, key_b: str) -> bool:
    """Same name key, or one typo away (ratio ≥ :data:`SIMILARITY`)."""
    if not key_a or not key_b:
        return False
    return key_a == key_b or difflib.SequenceMatcher(None, key_a, key_b).ratio() >= SIMILARITY


def similar_customers(
    session: Session,
    first_name: str | None,
    last_name: str | None,
    birth_date: dt.date | None,
    exclude_id: int | None = None,
) -> tuple[CustomerRef, ...]:
    """Live customers born the same day whose names are similar (candidates, not refusals)."""
    key = customer_name_key(first_name, last_name)
    if birth_date is None or not key:
        return ()
    query = select(Customer.id, Customer.name_key).where(
        Customer.birth_date == birth_date, Customer.merged_into_id.is_(None)
    )
    if exclude_id is not None:
        query = query.where(Customer.id != exclude_id)
    ids = [cid for cid, other in session.execute(query) if names_similar(key, other or "")]
    return refs(session, sorted(ids))


def duplicate_groups(session: Session, limit: int = 500) -> list[DuplicateGroup]:
    """Likely duplicate groups among live customers: shared phone, shared e-mail, then same
    name key and birth date; at most ``limit`` groups of each kind."""
    live = Customer.merged_into_id.is_(None)
    groups: list[DuplicateGroup] = []

    phone_keys = session.scalars(
        select(CustomerPhone.e164)
        .join(Customer, Customer.id == CustomerPhone.customer_id)
        .where(live)
        .group_by(CustomerPhone.e164)
        .having(func.count(func.distinct(CustomerPhone.customer_id)) > 1)
        .order_by(CustomerPhone.e164)
        .limit(limit)
    ).all()
    for e164 in phone_keys:
        groups.append(DuplicateGroup("phone", e164, phone_owners(session, e164)))

    email_keys = session.scalars(
        select(Customer.email_normalized)
        .where(live, Customer.email_normalized.is_not(None))
        .group_by(Customer.email_normalized)
        .having(func.count() > 1)
        .order_by(Customer.email_normalized)
        .limit(limit)
    ).all()
    for email in email_keys:
        if email:
            groups.append(DuplicateGroup("email", email, email_owners(session, email)))

    name_keys = session.execute(
        select(Customer.birth_date, Customer.name_key)
        .where(live, Customer.birth_date.is_not(None), Customer.name_key.is_not(None))
        .where(Customer.name_key != "")
        .group_by(Customer.birth_date, Customer.name_key)
        .having(func.count() > 1)
        .order_by(Customer.birth_date, Customer.name_key)
        .limit(limit)
    ).all()
    for birth_date, name_key in name_keys:
        ids = session.scalars(
            select(Customer.id)
            .where(live, Customer.birth_date == birth_date, Customer.name_key == name_key)
            .order_by(Customer.id)
        ).all()
        groups.append(
            DuplicateGroup(
                "name_birth_date", f"{name_key} {birth_date.isoformat()}", refs(session, list(ids))
            )
        )
    return groups
