"""Birthday promos (Gulliver): ``birthday.days_before`` days before a child's birthday the worker
issues a promo code for the parent and queues an SMS from the ``birthday_promo_sms`` template.

Idempotent: one promo per child per birthday, also with several workers. A child is due while
their birthday is within the next ``days_before`` days (so a worker that was down catches up)
and no birthday promo was issued for them in the last 60 days (a birthday promo is never issued
earlier than that: ``days_before`` is capped at 60). On PostgreSQL the due children are locked
with SKIP LOCKED and the "already issued?" question is asked again after the lock, in a fresh
statement, so a worker that raced another one sees its committed promo; on SQLite the write
transaction (BEGIN IMMEDIATE) serialises workers.

The SMS is queued only for parents who agreed to SMS (``consent_sms``) and have a phone; the
promo code is issued either way and shows in the profile."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import Exists, exists, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.business_settings import all_settings
from app.clock import Clock
from app.customers.children import next_birthday
from app.customers.records import primary_phone
from app.messaging import queue_message
from app.outbox import emit
from models import Channel, Child, Customer, PromoCode

TEMPLATE = "birthday_promo_sms"
REASON = "birthday"
MAX_DAYS_BEFORE = 60
MAX_CHILD_AGE = 18  # birthdays of people older than this are not children's birthdays
DEFAULT_TIMEZONE = "Europe/Moscow"
_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


@dataclass(frozen=True, slots=True)
class BirthdayPromo:
    """One promo issued: for whom, valid when, and the queued message (None: why not)."""

    promo_id: int
    code: str
    child_id: int
    customer_id: int
    birthday: dt.date
    valid_to: dt.date
    message_id: int | None
    no_message_reason: str | None = None


def local_today(clock: Clock, timezone: str = DEFAULT_TIMEZONE) -> dt.date:
    """Birthdays are calendar days where the customers live, not UTC days."""
    return clock.now().astimezone(ZoneInfo(timezone)).date()


def candidate_birth_dates(today: dt.date, days_before: int) -> list[dt.date]:
    """Every birth date (children up to :data:`MAX_CHILD_AGE`) whose birthday falls within
    ``today`` … ``today + days_before``: an IN list the ``children.birth_date`` index answers."""
    dates: set[dt.date] = set()
    for k in range(days_before + 1):
        day = today + dt.timedelta(days=k)
        for year in range(day.year - MAX_CHILD_AGE, day.year + 1):
            if not (day.month == 2 and day.day == 29 and not _leap(year)):
                dates.add(day.replace(year=year))  # (no 29 Feb birth date in a common year)
            if day.month == 2 and day.day == 28 and not _leap(day.year) and _leap(year):
                dates.add(dt.date(year, 2, 29))  # celebrated on the 28th in common years
    return sorted(d for d in dates if d < today)


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _issued_since(cutoff: dt.date) -> Exists:
    return exists(
        select(PromoCode.id).where(
            PromoCode.customer_id == Child.customer_id,
            PromoCode.child_id == Child.id,
            PromoCode.reason == REASON,
            PromoCode.valid_from >= cutoff,
        )
    )


def issue_birthday_promos(
    session_factory: Callable[[], Session],
    clock: Clock,
    *,
    timezone: str = DEFAULT_TIMEZONE,
    batch: int = 200,
) -> list[BirthdayPromo]:
    """Issue every due birthday promo, a batch per transaction; returns what was issued."""
    issued: list[BirthdayPromo] = []
    today = local_today(clock, timezone)
    while True:
        with session_factory() as session, session.begin():
            settings = all_settings(session)
            if not settings["birthday.enabled"]:
                return issued
            days_before = max(0, min(MAX_DAYS_BEFORE, int(settings["birthday.days_before"])))
            cutoff = today - dt.timedelta(days=MAX_DAYS_BEFORE)
            query = (
                select(Child)
                .join(Customer, Customer.id == Child.customer_id)
                .where(
                    Child.birth_date.in_(candidate_birth_dates(today, days_before)),
                    Customer.merged_into_id.is_(None),
                    ~_issued_since(cutoff),
                )
                .order_by(Child.id)
                .limit(batch)
            )
            if session.get_bind().dialect.name == "postgresql":
                query = query.with_for_update(skip_locked=True, of=Child)
            children = session.scalars(query).all()
            if not children:
                return issued
            # asked again after the lock: a worker that raced us may have committed meanwhile
            done = set(
                session.scalars(
                    select(PromoCode.child_id).where(
                        PromoCode.child_id.in_([c.id for c in children]),
                        PromoCode.reason == REASON,
                        PromoCode.valid_from >= cutoff,
                    )
                )
            )
            for child in children:
                if child.id not in done:
                    issued.append(_issue(session, child, today, clock, settings))
            if len(children) < batch:
                return issued


def _issue(
    session: Session,
    child: Child,
    today: dt.date,
    clock: Clock,
    settings: dict[str, object],
) -> BirthdayPromo:
    assert child.birth_date is not None  # selected by birth date
    birthday = next_birthday(child.birth_date, today)
    valid_to = birthday + dt.timedelta(days=int(str(settings["birthday.valid_days_after"])))
    discount = Decimal(str(settings["birthday.discount_pct"]))
    promo = PromoCode(
        code=_new_code(session),
        discount_pct=discount,
        customer_id=child.customer_id,
        child_id=child.id,
        reason=REASON,
        valid_from=today,
        valid_to=valid_to,
        created_at=clock.now(),
    )
    session.add(promo)
    session.flush()
    customer = session.get(Customer, child.customer_id)
    assert customer is not None
    phone = primary_phone(session, customer.id)
    message_id: int | None = None
    reason: str | None = None
    if not customer.consent_sms:
        reason = "no SMS consent"
    elif phone is None:
        reason = "no phone"
    else:
        context = {
            "first_name": customer.first_name or "Здравствуйте",
            "child_name": child.name,
            "discount": _percent(discount),
            "code": promo.code,
            "valid_to": valid_to.strftime("%d.%m.%Y"),
        }
        message_id = _queue_sms(session, clock, phone, context, customer.id)
    emit(
        session,
        "customer.promo_issued",
        "customer",
        customer.id,
        {
            "promo_id": promo.id,
            "code": promo.code,
            "reason": REASON,
            "child_id": child.id,
            "birthday": birthday.isoformat(),
            "message_id": message_id,
            "no_message_reason": reason,
        },
    )
    return BirthdayPromo(
        promo.id, promo.code, child.id, customer.id, birthday, valid_to, message_id, reason
    )


def _queue_sms(
    session: Session, clock: Clock, phone: str, context: dict[str, str], customer_id: int
) -> int:
    """Queue the SMS. Two workers greeting two children of one parent may both open the
    parent's SMS conversation at once; the loser's insert hits the unique (channel, chat)
    key: undo just that (savepoint) and queue again into the conversation the winner made."""
    for attempt in (1, 2):
        try:
            with session.begin_nested():
                message = queue_message(
                    session,
                    clock,
                    channel=Channel.SMS,
                    address=phone,
                    template_code=TEMPLATE,
                    context=context,
                    customer_id=customer_id,
                )
                return message.id
        except IntegrityError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _percent(value: Decimal) -> str:
    """10.00 → "10", 7.50 → "7.5": how a discount reads in an SMS."""
    return format(value.normalize(), "f")


def _new_code(session: Session) -> str:
    for _ in range(20):
        code = "BD-" + "".join(secrets.choice(_ALPHABET) for _ in range(6))
        if session.scalar(select(PromoCode.id).where(PromoCode.code == code)) is None:
            return code
    raise RuntimeError("could not find a free promo code")
