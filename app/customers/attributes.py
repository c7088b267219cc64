"""Tags, dated notes with their author, and custom field values of a customer.

Each write bumps the customer's version and appends an outbox event, like every customer write."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.actors import Actor
from app.clock import Clock
from app.customers.custom_fields import declared_fields, validate_values
from app.customers.errors import InvalidCustomerValue
from app.customers.records import bump_version, get_live_customer, record
from models import CustomerNote, CustomerTag, User

_TAG = re.compile(r"^[\w][\w\- ]{0,63}$")
NOTE_MAX = 5000


@dataclass(frozen=True, slots=True)
class NoteView:
    id: int
    text: str
    author: str | None
    author_id: int | None
    created_at: datetime


def normalize_tag(tag: str) -> str:
    """Tags compare lower-case with single spaces: "VIP  клиент" and "vip клиент" are one tag."""
    text = " ".join((tag or "").split()).lower()
    if not _TAG.match(text):
        raise InvalidCustomerValue(
            "tag", f"{tag!r} must be 1–64 letters, digits, spaces, '-' or '_'"
        )
    return text


def tags_of(session: Session, customer_id: int) -> tuple[str, ...]:
    return tuple(
        session.scalars(
            select(CustomerTag.tag)
            .where(CustomerTag.customer_id == customer_id)
            .order_by(CustomerTag.tag)
        )
    )


def add_tag(
    session: Session,
    customer_id: int,
    tag: str,
    actor: Actor,
    clock: Clock,
    *,
    expected_version: int | None = None,
) -> int:
    """Tag the customer (no-op if already tagged: the version stays); returns the version."""
    customer = get_live_customer(session, customer_id)
    name = normalize_tag(tag)
    if name in tags_of(session, customer.id):
        return customer.version
    bump_version(session, customer, expected_version)
    session.add(CustomerTag(customer_id=customer.id, tag=name))
    customer.updated_at = clock.now()
    session.flush()
    record(session, customer, "customer.tag_added", actor, {"tags": [None, name]})
    return customer.version


def remove_tag(
    session: Session,
    customer_id: int,
    tag: str,
    actor: Actor,
    clock: Clock,
    *,
    expected_version: int | None = None,
) -> int:
    """Remove a tag (no-op if absent); returns the version."""
    customer = get_live_customer(session, customer_id)
    name = normalize_tag(tag)
    if name not in tags_of(session, customer.id):
        return customer.version
    bump_version(session, customer, expected_version)
    session.execute(
        delete(CustomerTag).where(CustomerTag.customer_id == customer.id, CustomerTag.tag == name)
    )
    customer.updated_at = clock.now()
    session.flush()
    record(session, customer, "customer.tag_removed", actor, {"tags": [name, None]})
    return customer.version


def add_note(
    session: Session,
    customer_id: int,
    text: str,
    actor: Actor,
    clock: Clock,
    *,
    expected_version: int | None = None,
) -> NoteView:
    """A dated note by ``actor`` (shown on the timeline)."""
    customer = get_live_customer(session, customer_id)
    body = (text or "").strip()
    if not body:
        raise InvalidCustomerValue("note", "is empty")
    if len(body) > NOTE_MAX:
        raise InvalidCustomerValue("note", f"longer than {NOTE_MAX} characters")
    bump_version(session, customer, expected_version)
    now = clock.now()
    note = CustomerNote(customer_id=customer.id, author_id=actor.user_id, text=body, created_at=now)
    session.add(note)
    customer.updated_at = now
    session.flush()
    record(session, customer, "customer.note_added", actor, extra={"note_id": note.id})
    return NoteView(note.id, body, actor.name if actor.user_id else None, actor.user_id, now)


def notes_of(session: Session, customer_id: int, limit: int = 20) -> tuple[NoteView, ...]:
    """Latest notes first."""
    rows = session.execute(
        select(CustomerNote, User.name)
        .outerjoin(User, User.id == CustomerNote.author_id)
        .where(CustomerNote.customer_id == customer_id)
        .order_by(CustomerNote.created_at.desc(), CustomerNote.id.desc())
        .limit(limit)
    ).all()
    return tuple(NoteView(n.id, n.text, name, n.author_id, n.created_at) for n, name in rows)


def set_custom_fields(
    session: Session,
    customer_id: int,
    values: Mapping[str, Any],
    actor: Actor,
    clock: Clock,
    *,
    expected_version: int | None = None,
) -> int:
    """Set (or, with None / "", clear) declared custom fields; returns the version. Values are
    checked against the declarations in the ``customers.custom_fields`` setting."""
    customer = get_live_customer(session, customer_id)
    current = dict(customer.custom_fields or {})
    updated = validate_values(declared_fields(session), current, values)
    diff = {
        k: [current.get(k), updated.get(k)]
        for k in sorted(set(current) | set(updated))
        if current.get(k) != updated.get(k)
    }
    if not diff:
        return customer.version
    bump_version(session, customer, expected_version)
    customer.custom_fields = updated  # a new dict: the JSON column sees the change
    customer.updated_at = clock.now()
    session.flush()
    record(session, customer, "customer.updated", actor, {"custom_fields": diff})
    return customer.version
