"""Phone identity: who is calling (screen pop), and matching incoming orders to customers.

A phone is found by its E.164 form whatever format it arrives in; when the PBX sends a local or
truncated caller ID that does not normalize (or matches nobody), the last 10 digits — or at
least the last 7 — still find the customer (``customer_phones.tail10`` is indexed; shorter
suffixes use the trigram index on PostgreSQL)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, bindparam, select
from sqlalchemy.dialects.postgresql import psycopg as psycopg_dialect
from sqlalchemy.orm import Session

from app.phones import DEFAULT_REGION, Phone, try_normalize
from models import Customer, CustomerPhone

MIN_TAIL_DIGITS = 7


@dataclass(frozen=True, slots=True)
class PhoneMatch:
    """A live customer found by a phone: the card a screen pop paints first."""

    customer_id: int
    first_name: str
    last_name: str
    patronymic: str | None
    e164: str
    extension: str | None
    match: str  # exact | tail10 | suffix


# Built once, run on the session's connection as Core statements: this is the screen-pop path
# (T1), where the ORM's per-statement work would cost as much as the indexed lookup itself.
_PHONES = cast(Table, CustomerPhone.__table__)
_CUSTOMERS = cast(Table, Customer.__table__)
_P, _C = _PHONES.c, _CUSTOMERS.c
_CARD = (_P.customer_id, _C.first_name, _C.last_name, _C.patronymic, _P.e164, _P.extension)
_LIVE_CARDS = (
    select(*_CARD)
    .select_from(_PHONES.join(_CUSTOMERS, _C.id == _P.customer_id))
    .where(_C.merged_into_id.is_(None))
    .order_by(_P.customer_id)
    .limit(bindparam("limit"))
)
_BY_E164 = _LIVE_CARDS.where(_P.e164 == bindparam("e164"))
_BY_E164_PG = str(_BY_E164.compile(dialect=psycopg_dialect.dialect()))
_BY_TAIL10 = _LIVE_CARDS.where(_P.tail10 == bindparam("tail10"))
# A suffix is answered by the trigram index alone (no join, no ORDER BY): ordered by
# customer_id the planner may walk the whole table in id order looking for a rare suffix.
_OWNERS_BY_SUFFIX = select(_P.customer_id).where(_P.e164.like(bindparam("pattern"))).limit(50)
_CARDS_OF = _LIVE_CARDS.where(_P.customer_id.in_(bindparam("ids", expanding=True)))


def lookup_phone(
    session: Session, raw: str, region: str = DEFAULT_REGION, limit: int = 10
) -> list[PhoneMatch]:
    """Live customers owning the number in ``raw`` (any format, or a truncated caller ID),
    oldest customer first. Exact E.164 matches win; tail matches only when there are none."""
    conn = session.connection()
    e164 = lookup_key(raw, region)
    if e164 is not None:
        params = {"e164": e164, "limit": limit}
        if conn.dialect.name == "postgresql":
            # The screen pop's hot path (T1: ≤ 1.8× a raw prepared lookup): the statement
            # below, compiled once, sent as a prepared statement on the session's own
            # connection and transaction — SQLAlchemy's per-execution work would double it.
            driver = conn.connection.driver_connection
            assert driver is not None
            found = driver.execute(_BY_E164_PG, params, prepare=True).fetchall()
        else:
            found = list(conn.execute(_BY_E164, params).tuples())
        if found:
            return _matches(found, "exact")
    digits = "".join(ch for ch in raw if ch.isdigit())
    if len(digits) >= 10:
        rows = conn.execute(_BY_TAIL10, {"tail10": digits[-10:], "limit": limit}).all()
        return _matches(rows, "tail10")
    if len(digits) >= MIN_TAIL_DIGITS:
        owners = sorted(set(conn.scalars(_OWNERS_BY_SUFFIX, {"pattern": "%" + digits})))
        if not owners:
            return []
        rows = conn.execute(_CARDS_OF, {"ids": owners, "limit": limit}).all()
        # the suffix matched one of the owner's numbers; keep only the numbers that end so
        return _matches([r for r in rows if r.e164.endswith(digits)], "suffix")
    return []


_SEPARATORS = re.compile(r"[\s()\-.]")
_E164 = re.compile(r"\+[1-9][0-9]{6,14}")  # ASCII digits only: "９１６" goes the long way


def lookup_key(raw: str, region: str = DEFAULT_REGION) -> str | None:
    """The E.164 form to look ``raw`` up by. A lookup needs no validation (only valid numbers
    are stored: a wrong key finds nobody, and the tail search follows), so the spellings a PBX
    and people use most — E.164 itself, ``00…``, and on RU ``8…``/``7…``/ten digits — are
    canonicalized by hand; everything else (extensions, words, national formats abroad) goes
    through :func:`app.phones.normalize_phone`."""
    bare = _SEPARATORS.sub("", raw)
    if bare.startswith("00") and bare[2:].isascii() and bare[2:].isdigit():
        bare = "+" + bare[2:]
    if region == "RU" and bare.startswith("+8") and len(bare) == 12:
        bare = "8" + bare[2:]  # the trunk prefix typed with a plus: there is no country code 8
    if _E164.fullmatch(bare):
        return bare
    if region == "RU" and bare.isascii() and bare.isdigit():
        if len(bare) == 11 and bare[0] in "78":
            return "+7" + bare[1:]
        if len(bare) == 10:
            return "+7" + bare
    phone = try_normalize(raw, region)
    return phone.e164 if phone is not None else None


def _matches(rows: Sequence[Any], how: str) -> list[PhoneMatch]:
    seen: set[int] = set()
    found = []
    for cid, first, last, patr, e164, ext in rows:
        if cid in seen:
            continue
        seen.add(cid)
        found.append(PhoneMatch(cid, first, last, patr, e164, ext, how))
    return found


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
    """Match by external id, then normalized phone, then e-mail; create when nothing matches
    (so an incoming order never makes a duplicate). Returns the customer and whether it was
    created. Like the set-based import path (app/orders/bulk_intake.py), it appends no
    ``customer.created`` event: the ``order.created`` event of the same transaction announces it,
    and both paths must leave identical rows and events."""
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
        version=1,
    )
    session.add(customer)
    session.flush()
    if phone is not None:
        session.add(
            CustomerPhone(
                customer_id=customer.id,
                raw=phone.raw[:64],
                e164=phone.e164,
                tail10=phone.tail10,
                extension=phone.extension,
                is_primary=True,
            )
        )
        session.flush()
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
