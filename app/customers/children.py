"""Children of a customer (Gulliver: a children's store knows whom the parent buys for): name,
gender, birth date, age today and the next birthday."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.actors import Actor
from app.clock import Clock
from app.customers.errors import CustomerNotFound, InvalidCustomerValue
from app.customers.records import bump_version, get_live_customer, record
from models import Child, Gender, PromoCode


@dataclass(frozen=True, slots=True)
class ChildView:
    id: int
    name: str
    gender: Gender | None
    birth_date: dt.date | None
    age_years: int | None
    age_months: int | None  # whole months, for the youngest ("7 months")
    next_birthday: dt.date | None
    days_to_birthday: int | None


def birthday_in(year: int, birth_date: dt.date) -> dt.date:
    """The birthday in ``year``; 29 February is celebrated on the 28th in common years."""
    try:
        return birth_date.replace(year=year)
    except ValueError:
        return dt.date(year, 2, 28)


def next_birthday(birth_date: dt.date, today: dt.date) -> dt.date:
    """The next birthday on or after ``today``."""
    this_year = birthday_in(today.year, birth_date)
    return this_year if this_year >= today else birthday_in(today.year + 1, birth_date)


def age_on(birth_date: dt.date, today: dt.date) -> tuple[int, int]:
    """(whole years, whole months) of age on ``today``."""
    months = (today.year - birth_date.year) * 12 + today.month - birth_date.month
    if today.day < birth_date.day and today != _month_end(today):
        months -= 1
    months = max(0, months)
    return months // 12, months


def _month_end(day: dt.date) -> dt.date:
    first_next = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)


def child_view(child: Child, today: dt.date) -> ChildView:
    if child.birth_date is None:
        return ChildView(child.id, child.name, child.gender, None, None, None, None, None)
    years, months = age_on(child.birth_date, today)
    nxt = next_birthday(child.birth_date, today)
    return ChildView(
        child.id,
        child.name,
        child.gender,
        child.birth_date,
        years,
        months,
        nxt,
        (nxt - today).days,
    )


def children_of(session: Session, customer_id: int, today: dt.date) -> tuple[ChildView, ...]:
    rows = session.scalars(
        select(Child).where(Child.customer_id == customer_id).order_by(Child.birth_date, Child.id)
    )
    return tuple(child_view(c, today) for c in rows)


def _clean(name: str, birth_date: dt.date | None, today: dt.date) -> str:
    text = " ".join((name or "").split())
    if not text:
        raise InvalidCustomerValue("child.name", "is required")
    if len(text) > 100:
        raise InvalidCustomerValue("child.name", "longer than 100 characters")
    if birth_date is not None and birth_date > today:
        raise InvalidCustomerValue("child.birth_date", f"{birth_date.isoformat()} is in the future")
    if birth_date is not None and birth_date.year < today.year - 40:
        raise InvalidCustomerValue("child.birth_date", f"{birth_date.isoformat()} is too long ago")
    return text


def add_child(
    session: Session,
    customer_id: int,
    name: str,
    birth_date: dt.date | None,
    gender: Gender | None,
    actor: Actor,
    clock: Clock,
    *,
    expected_version: int | None = None,
) -> ChildView:
    customer = get_live_customer(session, customer_id)
    now = clock.now()
    text = _clean(name, birth_date, now.date())
    bump_version(session, customer, expected_version)
    child = Child(
        customer_id=customer.id, name=text, gender=gender, birth_date=birth_date, created_at=now
    )
    session.add(child)
    customer.updated_at = now
    session.flush()
    record(
        session,
        customer,
        "customer.child_added",
        actor,
        {"children": [None, {"id": child.id, "name": text, "birth_date": birth_date}]},
    )
    return child_view(child, now.date())


def update_child(
    session: Session,
    child_id: int,
    actor: Actor,
    clock: Clock,
    *,
    name: str,
    birth_date: dt.date | None,
    gender: Gender | None,
    expected_version: int | None = None,
) -> ChildView:
    child = session.get(Child, child_id)
    if child is None:
        raise CustomerNotFound(f"child {child_id}")
    customer = get_live_customer(session, child.customer_id)
    now = clock.now()
    text = _clean(name, birth_date, now.date())
    before = {"name": child.name, "birth_date": child.birth_date, "gender": child.gender}
    bump_version(session, customer, expected_version)
    child.name, child.birth_date, child.gender = text, birth_date, gender
    customer.updated_at = now
    session.flush()
    after = {"name": text, "birth_date": birth_date, "gender": gender}
    record(
        session,
        customer,
        "customer.child_updated",
        actor,
        {k: [before[k], after[k]] for k in before if before[k] != after[k]},
        {"child_id": child.id},
    )
    return child_view(child, now.date())


def remove_child(
    session: Session,
    child_id: int,
    actor: Actor,
    clock: Clock,
    *,
    expected_version: int | None = None,
) -> None:
    """Remove a child; promo codes issued for them stay (without the child link)."""
    child = session.get(Child, child_id)
    if child is None:
        raise CustomerNotFound(f"child {child_id}")
    customer = get_live_customer(session, child.customer_id)
    bump_version(session, customer, expected_version)
    session.execute(
        update(PromoCode)
        .where(PromoCode.child_id == child.id)
        .values(child_id=None)
        .execution_options(synchronize_session=False)
    )
    gone = {"id": child.id, "name": child.name, "birth_date": child.birth_date}
    session.delete(child)
    customer.updated_at = clock.now()
    session.flush()
    record(session, customer, "customer.child_removed", actor, {"children": [gone, None]})
