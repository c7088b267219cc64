"""The plumbing every customer write shares: load a live customer, bump its version with a
compare-and-set (stale versions refused), append the outbox event, name customers in messages."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from app.actors import Actor
from app.customers.errors import (
    CustomerMerged,
    CustomerNotFound,
    CustomerRef,
    CustomerVersionConflict,
)
from app.outbox import emit
from models import Customer, CustomerPhone


def display_name(first_name: str | None, last_name: str | None, patronymic: str | None) -> str:
    """ "Петрова Анна Ивановна": how Russian call centers read a customer's name."""
    return " ".join(p for p in (last_name, first_name, patronymic) if p and p.strip())


def get_customer(session: Session, customer_id: int) -> Customer:
    """Any customer row, merged audit records included."""
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise CustomerNotFound(f"#{customer_id}")
    return customer


def get_live_customer(session: Session, customer_id: int) -> Customer:
    """A customer that may be changed: merged audit records are refused, naming the survivor."""
    customer = get_customer(session, customer_id)
    if customer.merged_into_id is not None:
        raise CustomerMerged(customer.id, survivor_id(session, customer.id))
    return customer


def survivor_id(session: Session, customer_id: int) -> int:
    """Follow ``merged_into_id`` to the live customer (merges may chain: C → B → A)."""
    seen: set[int] = set()
    current = customer_id
    while current not in seen:
        seen.add(current)
        nxt = session.scalar(select(Customer.merged_into_id).where(Customer.id == current))
        if nxt is None:
            return current
        current = nxt
    return current  # a cycle cannot be produced by merge(); stop rather than loop


def bump_version(session: Session, customer: Customer, expected_version: int | None) -> int:
    """Compare-and-set the version (``expected_version`` None: whatever was loaded). The
    conditional UPDATE also takes the row lock, so of two concurrent writers exactly one wins
    and the other gets :class:`CustomerVersionConflict`; nothing is written by the loser."""
    expected = customer.version if expected_version is None else expected_version
    result = session.execute(
        update(Customer)
        .where(Customer.id == customer.id, Customer.version == expected)
        .values(version=expected + 1)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        current = session.scalar(select(Customer.version).where(Customer.id == customer.id))
        raise CustomerVersionConflict(customer.id, expected, current)
    set_committed_value(customer, "version", expected + 1)
    return expected + 1


def primary_phone(session: Session, customer_id: int) -> str | None:
    return session.scalar(
        select(CustomerPhone.e164)
        .where(CustomerPhone.customer_id == customer_id)
        .order_by(CustomerPhone.is_primary.desc(), CustomerPhone.id)
        .limit(1)
    )


def customer_ref(session: Session, customer: Customer) -> CustomerRef:
    return CustomerRef(
        id=customer.id,
        name=display_name(customer.first_name, customer.last_name, customer.patronymic),
        phone=primary_phone(session, customer.id),
        email=customer.email,
    )


def record(
    session: Session,
    customer: Customer,
    topic: str,
    actor: Actor,
    changes: dict[str, Any] | None = None,
    extra: dict[str, Any] | None = None,
) -> None:
    """Append the outbox event of a customer write (after :func:`bump_version`)."""
    payload: dict[str, Any] = {
        "version": customer.version,
        "actor": actor.name,
        "changes": jsonable(changes or {}),
    }
    if extra:
        payload.update(jsonable(extra))
    emit(session, topic, "customer", customer.id, payload, actor_id=actor.user_id)


def jsonable(value: Any) -> Any:
    """Dates, money and enums as JSON-safe text (the outbox payload is JSON)."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "value") and isinstance(value.value, str):  # StrEnum
        return value.value
    return value
