"""Merging a duplicate customer (B) into the one kept (A), in the caller's transaction.

Everything that pointed at B points at A afterwards: orders (each bumps its version and gets an
``order.customer_changed`` event), phones (a number A already has is dropped from B's list),
children (the same child twice — same name and birth date — becomes one, its promo codes kept),
tags (union), notes, calls, conversations with their messages, promo codes, tasks — and any
other table that references customers, found from the schema, so a table added later is moved
too instead of being left pointing at B. A's empty fields take B's values; A's own values win.

B stays as an audit record: ``merged_into_id`` = A, ``merged_at``, ``merged_by_id``; both get a
``customer.merged`` event saying who merged and when, and both versions are bumped (an operator
with either card open gets a conflict instead of writing to a merged customer)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Column, Table, delete, func, insert, select, update
from sqlalchemy.orm import Session

from app.actors import Actor
from app.clock import Clock
from app.customers.errors import MergeRefused
from app.customers.records import bump_version, get_customer, record, survivor_id
from app.customers.text import normalize_text
from app.outbox import emit
from models import (
    Base,
    Child,
    Customer,
    CustomerPhone,
    CustomerTag,
    Order,
    PromoCode,
)

#: identity fields an empty value of which on A is filled from B
FILLABLE = ("first_name", "last_name", "patronymic", "birth_date", "gender", "email", "notes")


@dataclass(frozen=True, slots=True)
class MergeResult:
    kept_id: int
    merged_id: int
    merged_at: dt.datetime
    merged_by: str
    version: int  # A's new version
    moved: dict[str, int] = field(default_factory=dict)  # "table.column" → rows moved
    dropped_phones: tuple[str, ...] = ()  # B's numbers A already had
    merged_children: int = 0  # B's children that were A's children already
    filled: tuple[str, ...] = ()  # A's fields filled from B

    def as_json(self) -> dict[str, Any]:
        return {
            "kept_id": self.kept_id,
            "merged_id": self.merged_id,
            "merged_at": self.merged_at.isoformat(),
            "merged_by": self.merged_by,
            "version": self.version,
            "moved": self.moved,
            "dropped_phones": list(self.dropped_phones),
            "merged_children": self.merged_children,
            "filled": list(self.filled),
        }


def _references_to_customers() -> list[tuple[Table, Column[Any]]]:
    """Every (table, column) with a foreign key to customers.id, from the schema."""
    found = []
    for table in Base.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table.name == "customers" and fk.column.name == "id":
                found.append((table, fk.parent))
    return found


def merge_customers(
    session: Session,
    keep_id: int,
    duplicate_id: int,
    actor: Actor,
    clock: Clock,
    *,
    keep_version: int | None = None,
    duplicate_version: int | None = None,
) -> MergeResult:
    """Merge customer ``duplicate_id`` into ``keep_id`` (see the module docstring)."""
    if keep_id == duplicate_id:
        raise MergeRefused(f"customer #{keep_id} cannot be merged into itself")
    keep = get_customer(session, keep_id)
    dup = get_customer(session, duplicate_id)
    for c in (keep, dup):
        if c.merged_into_id is not None:
            raise MergeRefused(
                f"customer #{c.id} was already merged into #{survivor_id(session, c.id)}"
            )
    # lock both rows in id order, so two merges touching the same pair cannot deadlock
    expected = {keep.id: keep_version, dup.id: duplicate_version}
    for c in sorted((keep, dup), key=lambda x: x.id):
        bump_version(session, c, expected[c.id])
    now = clock.now()
    moved: dict[str, int] = {}

    moved["orders.customer_id"] = _move_orders(session, dup.id, keep.id, actor)
    dropped, moved["customer_phones.customer_id"] = _move_phones(session, dup.id, keep.id)
    merged_children, moved["children.customer_id"] = _move_children(session, dup.id, keep.id)
    moved["customer_tags.customer_id"] = _move_tags(session, dup.id, keep.id)
    handled = {"orders", "customer_phones", "children", "customer_tags"}
    for table, column in _references_to_customers():
        if table.name in handled or (table.name == "customers"):
            continue  # customers.merged_into_id: earlier merges into B keep their audit chain
        done = session.execute(update(table).where(column == dup.id).values({column.name: keep.id}))
        moved[f"{table.name}.{column.name}"] = done.rowcount  # type: ignore[attr-defined]

    filled = _fill_blanks(keep, dup)
    dup.merged_into_id = keep.id
    dup.merged_at = now
    dup.merged_by_id = actor.user_id
    keep.updated_at = now
    dup.updated_at = now
    session.flush()
    session.expire_all()  # rows moved by bulk UPDATEs: never serve a stale identity map

    result = MergeResult(
        kept_id=keep.id,
        merged_id=dup.id,
        merged_at=now,
        merged_by=actor.name,
        version=session.scalar(select(Customer.version).where(Customer.id == keep.id)) or 0,
        moved=moved,
        dropped_phones=tuple(dropped),
        merged_children=merged_children,
        filled=tuple(filled),
    )
    payload = {
        "kept_id": keep_id,
        "merged_id": duplicate_id,
        "merged_at": now,
        "merged_by": actor.name,
        "merged_by_user_id": actor.user_id,
        "moved": moved,
        "dropped_phones": dropped,
        "filled": filled,
    }
    kept = get_customer(session, keep_id)
    record(session, kept, "customer.merged", actor, extra=payload)
    gone = get_customer(session, duplicate_id)
    record(session, gone, "customer.merged", actor, extra=payload)
    return result


def _move_orders(session: Session, src: int, dst: int, actor: Actor) -> int:
    rows = session.execute(
        select(Order.id, Order.number, Order.version).where(Order.customer_id == src)
    ).all()
    if not rows:
        return 0
    session.execute(
        update(Order)
        .where(Order.customer_id == src)
        .values(customer_id=dst, version=Order.version + 1)
        .execution_options(synchronize_session=False)
    )
    for oid, number, version in rows:
        emit(
            session,
            "order.customer_changed",
            "order",
            oid,
            {
                "number": number,
                "version": version + 1,
                "changes": {"customer_id": [src, dst]},
                "actor": actor.name,
            },
            actor_id=actor.user_id,
        )
    return len(rows)


def _move_phones(session: Session, src: int, dst: int) -> tuple[list[str], int]:
    have = {
        (e164, ext)
        for e164, ext in session.execute(
            select(CustomerPhone.e164, CustomerPhone.extension).where(
                CustomerPhone.customer_id == dst
            )
        )
    }
    dropped: list[str] = []
    moved = 0
    for phone in session.scalars(select(CustomerPhone).where(CustomerPhone.customer_id == src)):
        if (phone.e164, phone.extension) in have:
            dropped.append(phone.e164)
            session.delete(phone)
        else:
            have.add((phone.e164, phone.extension))
            phone.customer_id = dst
            phone.is_primary = False
            moved += 1
    session.flush()
    return dropped, moved


def _move_children(session: Session, src: int, dst: int) -> tuple[int, int]:
    def key(child: Child) -> tuple[str, dt.date | None]:
        return " ".join(normalize_text(child.name).split()), child.birth_date

    existing = {key(c): c for c in session.scalars(select(Child).where(Child.customer_id == dst))}
    merged = moved = 0
    for child in session.scalars(select(Child).where(Child.customer_id == src)).all():
        twin = existing.get(key(child))
        if twin is not None:
            session.execute(
                update(PromoCode)
                .where(PromoCode.child_id == child.id)
                .values(child_id=twin.id)
                .execution_options(synchronize_session=False)
            )
            session.delete(child)
            merged += 1
        else:
            child.customer_id = dst
            existing[key(child)] = child
            moved += 1
    session.flush()
    return merged, moved


def _move_tags(session: Session, src: int, dst: int) -> int:
    theirs = set(session.scalars(select(CustomerTag.tag).where(CustomerTag.customer_id == src)))
    mine = set(session.scalars(select(CustomerTag.tag).where(CustomerTag.customer_id == dst)))
    new = sorted(theirs - mine)
    if new:
        session.execute(insert(CustomerTag), [{"customer_id": dst, "tag": t} for t in new])
    session.execute(delete(CustomerTag).where(CustomerTag.customer_id == src))
    return len(new)


def _fill_blanks(keep: Customer, dup: Customer) -> list[str]:
    filled = []
    for name in FILLABLE:
        if not getattr(keep, name) and getattr(dup, name):
            setattr(keep, name, getattr(dup, name))
            filled.append(name)
    if "email" in filled:
        keep.email_normalized = dup.email_normalized
    extra = {
        k: v for k, v in (dup.custom_fields or {}).items() if k not in (keep.custom_fields or {})
    }
    if extra:
        keep.custom_fields = {**(keep.custom_fields or {}), **extra}
        filled.append("custom_fields")
    return filled


def merge_count(session: Session, customer_id: int) -> int:
    """How many customers were merged into this one (directly)."""
    return int(
        session.scalar(
            select(func.count()).select_from(Customer).where(Customer.merged_into_id == customer_id)
        )
        or 0
    )
