"""Creating and editing customers: identity fields, e-mail and phones, with duplicate protection.

Every write checks the value, bumps the customer's version (stale versions refused), and appends
an outbox event in the caller's transaction; the caller commits."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.actors import Actor
from app.clock import Clock
from app.customers import duplicates
from app.customers.errors import (
    CustomerNotFound,
    CustomerRef,
    DuplicateCustomer,
    InvalidCustomerValue,
)
from app.customers.records import (
    bump_version,
    customer_ref,
    get_live_customer,
    record,
)
from app.phones import DEFAULT_REGION, Phone, PhoneError, normalize_phone
from models import Customer, CustomerNote, CustomerPhone, Gender

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
NAME_MAX = 100

#: fields :func:`update_customer` may change
EDITABLE = frozenset(
    {
        "first_name",
        "last_name",
        "patronymic",
        "birth_date",
        "gender",
        "email",
        "loyalty_discount_pct",
        "notes",
        "consent_sms",
        "consent_email",
        "consent_messengers",
    }
)


@dataclass(frozen=True, slots=True)
class NewCustomer:
    """What a person typed into the "new customer" form (raw: validated by the service)."""

    first_name: str = ""
    last_name: str = ""
    patronymic: str | None = None
    phones: tuple[str, ...] = ()
    email: str | None = None
    birth_date: dt.date | None = None
    gender: Gender | None = None
    consent_sms: bool = False
    consent_email: bool = False
    consent_messengers: bool = False
    custom_fields: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CreatedCustomer:
    """The new customer, similar ones worth a look, and whom it duplicates if forced."""

    customer: CustomerRef
    version: int
    similar: tuple[CustomerRef, ...] = ()
    forced_over: tuple[CustomerRef, ...] = ()


# validation ------------------------------------------------------------------------------------


def clean_name(field_name: str, value: str | None, *, required: bool = False) -> str:
    text = " ".join((value or "").split())
    if required and not text:
        raise InvalidCustomerValue(field_name, "is required")
    if len(text) > NAME_MAX:
        raise InvalidCustomerValue(field_name, f"longer than {NAME_MAX} characters")
    return text


def clean_email(value: str | None) -> tuple[str | None, str | None]:
    """(as typed but trimmed, lower-cased for comparison); both None when empty."""
    text = (value or "").strip()
    if not text:
        return None, None
    if len(text) > 254 or not _EMAIL.match(text):
        raise InvalidCustomerValue("email", f"{text!r} is not an e-mail address")
    return text, text.lower()


def clean_birth_date(value: dt.date | None, today: dt.date) -> dt.date | None:
    if value is None:
        return None
    if value > today:
        raise InvalidCustomerValue("birth_date", f"{value.isoformat()} is in the future")
    if value.year < 1900:
        raise InvalidCustomerValue("birth_date", f"{value.isoformat()} is too long ago")
    return value


def clean_phone(raw: str, region: str) -> Phone:
    try:
        return normalize_phone(raw, region)
    except PhoneError as exc:
        raise InvalidCustomerValue("phone", str(exc)) from None


def _clean_discount(value: Any) -> Decimal:
    try:
        pct = Decimal(str(value))
    except InvalidOperation:
        raise InvalidCustomerValue("loyalty_discount_pct", f"{value!r} is not a number") from None
    if not pct.is_finite() or pct < 0 or pct > 100:
        raise InvalidCustomerValue("loyalty_discount_pct", f"{value} is not within 0–100")
    return pct.quantize(Decimal("0.01"))


# create ----------------------------------------------------------------------------------------


def create_customer(
    session: Session,
    data: NewCustomer,
    actor: Actor,
    clock: Clock,
    *,
    force: bool = False,
    region: str = DEFAULT_REGION,
) -> CreatedCustomer:
    """Create a customer. A phone or e-mail that a live customer already has is refused with
    :class:`DuplicateCustomer` naming them; ``force=True`` creates it anyway and records who
    forced it (outbox event and a note on the new customer's timeline). Similar names with the
    same birth date come back in ``similar`` for the person to look at."""
    from app.customers.custom_fields import declared_fields, validate_values

    now = clock.now()
    first = clean_name("first_name", data.first_name)
    last = clean_name("last_name", data.last_name)
    patronymic = clean_name("patronymic", data.patronymic) or None
    email, email_norm = clean_email(data.email)
    birth_date = clean_birth_date(data.birth_date, now.date())
    phones: list[Phone] = []
    for raw in data.phones:
        if raw and raw.strip():
            phone = clean_phone(raw, region)
            if all(p.e164 != phone.e164 for p in phones):
                phones.append(phone)
    if not (first or last or phones or email):
        raise InvalidCustomerValue("customer", "give at least a name, a phone or an e-mail")
    custom = (
        validate_values(declared_fields(session), {}, data.custom_fields)
        if data.custom_fields
        else {}
    )

    clashes: list[tuple[str, str, tuple[CustomerRef, ...]]] = []
    for phone in phones:
        owners = duplicates.phone_owners(session, phone.e164)
        if owners:
            clashes.append(("phone", phone.e164, owners))
    if email_norm:
        owners = duplicates.email_owners(session, email_norm)
        if owners:
            clashes.append(("email", email_norm, owners))
    if clashes and not force:
        field_name, value, owners = clashes[0]
        raise DuplicateCustomer(field_name, value, owners)

    customer = Customer(
        first_name=first,
        last_name=last,
        patronymic=patronymic,
        email=email,
        email_normalized=email_norm,
        birth_date=birth_date,
        gender=data.gender,
        consent_sms=data.consent_sms,
        consent_email=data.consent_email,
        consent_messengers=data.consent_messengers,
        custom_fields=custom,
        version=1,
        created_at=now,
        updated_at=now,
    )
    session.add(customer)
    session.flush()
    for n, phone in enumerate(phones):
        session.add(_phone_row(customer.id, phone, primary=n == 0, now=now))
    forced_over: dict[int, CustomerRef] = {}
    for _field, _value, owners in clashes:
        for ref in owners:
            forced_over[ref.id] = ref
    extra: dict[str, Any] = {"phones": [p.e164 for p in phones]}
    if clashes:
        extra["forced_duplicate"] = {
            "by": actor.name,
            "by_user_id": actor.user_id,
            "clashes": [
                {"field": f, "value": v, "customer_ids": [o.id for o in owners]}
                for f, v, owners in clashes
            ],
        }
        what = "; ".join(
            f"{f} {v} of {', '.join(f'#{o.id}' for o in owners)}" for f, v, owners in clashes
        )
        session.add(
            CustomerNote(
                customer_id=customer.id,
                author_id=actor.user_id,
                text=f"Created as a duplicate on purpose by {actor.name}: {what}",
                created_at=now,
            )
        )
    session.flush()
    record(session, customer, "customer.created", actor, extra=extra)
    similar = tuple(
        ref
        for ref in duplicates.similar_customers(session, first, last, birth_date, customer.id)
        if ref.id not in forced_over
    )
    return CreatedCustomer(
        customer_ref(session, customer), customer.version, similar, tuple(forced_over.values())
    )


def _phone_row(customer_id: int, phone: Phone, *, primary: bool, now: dt.datetime) -> CustomerPhone:
    return CustomerPhone(
        customer_id=customer_id,
        raw=phone.raw[:64],
        e164=phone.e164,
        tail10=phone.tail10,
        extension=phone.extension,
        is_primary=primary,
        created_at=now,
    )


# update ----------------------------------------------------------------------------------------


def update_customer(
    session: Session,
    customer_id: int,
    changes: dict[str, Any],
    actor: Actor,
    clock: Clock,
    *,
    expected_version: int | None = None,
    force: bool = False,
) -> int:
    """Change identity fields (see :data:`EDITABLE`); returns the new version. An e-mail that
    another live customer has is refused unless ``force``."""
    unknown = set(changes) - EDITABLE
    if unknown:
        raise InvalidCustomerValue(", ".join(sorted(unknown)), "cannot be changed here")
    customer = get_live_customer(session, customer_id)
    today = clock.now().date()
    clean: dict[str, Any] = {}
    for name, value in changes.items():
        if name in {"first_name", "last_name"}:
            clean[name] = clean_name(name, value)
        elif name == "patronymic":
            clean[name] = clean_name(name, value) or None
        elif name == "birth_date":
            clean[name] = clean_birth_date(value, today)
        elif name == "gender":
            try:
                clean[name] = Gender(value) if value else None
            except ValueError:
                raise InvalidCustomerValue("gender", f"{value!r} is not male/female") from None
        elif name == "email":
            email, email_norm = clean_email(value)
            if email_norm and email_norm != customer.email_normalized and not force:
                owners = duplicates.email_owners(session, email_norm, exclude_id=customer.id)
                if owners:
                    raise DuplicateCustomer("email", email_norm, owners)
            clean["email"] = email
            clean["email_normalized"] = email_norm
        elif name == "loyalty_discount_pct":
            clean[name] = _clean_discount(value)
        elif name == "notes":
            clean[name] = (value or "").strip() or None
        else:  # consents
            clean[name] = bool(value)
    diff = {k: [getattr(customer, k), v] for k, v in clean.items() if getattr(customer, k) != v}
    if not diff:  # nothing changes: no write, no version bump (a stale version is still refused)
        if expected_version is not None and expected_version != customer.version:
            bump_version(session, customer, expected_version)  # raises the conflict
        return customer.version
    bump_version(session, customer, expected_version)
    for name, (_old, new) in diff.items():
        setattr(customer, name, new)
    customer.updated_at = clock.now()
    session.flush()
    diff.pop("email_normalized", None)
    record(session, customer, "customer.updated", actor, diff)
    return customer.version


# phones ----------------------------------------------------------------------------------------


def add_phone(
    session: Session,
    customer_id: int,
    raw: str,
    actor: Actor,
    clock: Clock,
    *,
    expected_version: int | None = None,
    kind: str = "mobile",
    primary: bool = False,
    force: bool = False,
    region: str = DEFAULT_REGION,
) -> CustomerPhone:
    """Add a phone; one that another live customer has is refused unless ``force``."""
    customer = get_live_customer(session, customer_id)
    phone = clean_phone(raw, region)
    mine = session.scalars(
        select(CustomerPhone).where(CustomerPhone.customer_id == customer.id)
    ).all()
    if any(p.e164 == phone.e164 and p.extension == phone.extension for p in mine):
        raise InvalidCustomerValue("phone", f"{phone.e164} is already this customer's")
    owners = duplicates.phone_owners(session, phone.e164, exclude_id=customer.id)
    if owners and not force:
        raise DuplicateCustomer("phone", phone.e164, owners)
    bump_version(session, customer, expected_version)
    now = clock.now()
    if primary:
        for p in mine:
            p.is_primary = False
    row = _phone_row(customer.id, phone, primary=primary or not mine, now=now)
    row.kind = (kind or "mobile")[:16]
    session.add(row)
    customer.updated_at = now
    session.flush()
    extra: dict[str, Any] = {"e164": phone.e164}
    if owners:
        extra["forced_duplicate"] = {"by": actor.name, "customer_ids": [o.id for o in owners]}
    record(session, customer, "customer.phone_added", actor, {"phones": [None, phone.e164]}, extra)
    return row


def remove_phone(
    session: Session,
    customer_id: int,
    phone_id: int,
    actor: Actor,
    clock: Clock,
    *,
    expected_version: int | None = None,
) -> None:
    """Remove one of the customer's phones; the next one becomes primary if needed."""
    customer = get_live_customer(session, customer_id)
    row = session.get(CustomerPhone, phone_id)
    if row is None or row.customer_id != customer.id:
        raise CustomerNotFound(f"phone {phone_id} of customer #{customer_id}")
    bump_version(session, customer, expected_version)
    was_primary = row.is_primary
    e164 = row.e164
    session.delete(row)
    session.flush()
    if was_primary:
        nxt = session.scalar(
            select(CustomerPhone)
            .where(CustomerPhone.customer_id == customer.id)
            .order_by(CustomerPhone.id)
            .limit(1)
        )
        if nxt is not None:
            nxt.is_primary = True
    customer.updated_at = clock.now()
    session.flush()
    record(session, customer, "customer.phone_removed", actor, {"phones": [e164, None]})


def phones_of(session: Session, customer_ids: Sequence[int]) -> dict[int, list[CustomerPhone]]:
    """Phones per customer, primary first."""
    result: dict[int, list[CustomerPhone]] = {cid: [] for cid in customer_ids}
    if not customer_ids:
        return result
    for row in session.scalars(
        select(CustomerPhone)
        .where(CustomerPhone.customer_id.in_(list(customer_ids)))
        .order_by(CustomerPhone.customer_id, CustomerPhone.is_primary.desc(), CustomerPhone.id)
    ):
        result[row.customer_id].append(row)
    return result
