"""Children: ages today; the birthday promo job (FixedClock), idempotent with several workers."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from app.actors import SYSTEM
from app.business_settings import set_setting
from app.clock import FixedClock
from app.customers.birthdays import candidate_birth_dates, issue_birthday_promos, local_today
from app.customers.children import add_child, age_on, next_birthday, remove_child, update_child
from app.customers.errors import InvalidCustomerValue
from app.db import get_sessionmaker, session_scope
from app.worker import Worker
from models import Child, Conversation, Gender, Message, OutboxEvent, PromoCode
from tests import factories as f

# 09:00 UTC = 12:00 in Moscow, 20 November 2026
NOW = f.T0
TODAY = dt.date(2026, 11, 20)


@pytest.mark.parametrize(
    ("born", "today", "years", "months"),
    [
        (dt.date(2019, 3, 1), TODAY, 7, 92),
        (dt.date(2019, 11, 20), TODAY, 7, 84),  # birthday today
        (dt.date(2019, 11, 21), TODAY, 6, 83),  # tomorrow
        (dt.date(2026, 5, 20), TODAY, 0, 6),
        (dt.date(2026, 5, 21), TODAY, 0, 5),
        (dt.date(2026, 1, 31), dt.date(2026, 2, 28), 0, 1),  # month end
        (dt.date(2020, 2, 29), dt.date(2027, 2, 28), 7, 84),  # leap-day child, common year
        (dt.date(2020, 2, 29), dt.date(2027, 2, 27), 6, 83),
    ],
)
def test_age_today(born: dt.date, today: dt.date, years: int, months: int) -> None:
    assert age_on(born, today) == (years, months)


def test_next_birthday() -> None:
    assert next_birthday(dt.date(2019, 11, 20), TODAY) == TODAY
    assert next_birthday(dt.date(2019, 11, 19), TODAY) == dt.date(2027, 11, 19)
    assert next_birthday(dt.date(2020, 2, 29), TODAY) == dt.date(2027, 2, 28)
    assert next_birthday(dt.date(2020, 2, 29), dt.date(2027, 3, 1)) == dt.date(2028, 2, 29)


def test_candidate_birth_dates_cover_the_window_and_leap_days() -> None:
    dates = candidate_birth_dates(dt.date(2027, 2, 27), 1)  # 27 and 28 Feb of a common year
    assert dt.date(2020, 2, 29) in dates and dt.date(2019, 2, 27) in dates
    assert dt.date(2019, 3, 1) not in dates and all(d < dt.date(2027, 2, 27) for d in dates)


def test_children_crud(db_url: str) -> None:
    clock = FixedClock(NOW)
    with session_scope(db_url) as s:
        cid = f.customer(s).id
        child = add_child(s, cid, " Маша ", dt.date(2019, 3, 1), Gender.FEMALE, SYSTEM, clock)
        assert (child.name, child.age_years, child.next_birthday) == (
            "Маша",
            7,
            dt.date(2027, 3, 1),
        )
        child = update_child(
            s, child.id, SYSTEM, clock, name="Мария", birth_date=dt.date(2018, 3, 1), gender=None
        )
        assert (child.name, child.age_years) == ("Мария", 8)
    with pytest.raises(InvalidCustomerValue) as err, session_scope(db_url) as s:
        add_child(s, cid, "Ваня", dt.date(2027, 1, 1), None, SYSTEM, clock)
    assert err.value.field == "child.birth_date"
    with session_scope(db_url) as s:
        remove_child(s, child.id, SYSTEM, clock)
        assert s.scalar(select(func.count()).select_from(Child)) == 0
        topics = s.scalars(select(OutboxEvent.topic).order_by(OutboxEvent.id)).all()
    assert topics == ["customer.child_added", "customer.child_updated", "customer.child_removed"]


@pytest.fixture
def family(db_url: str) -> dict[str, Any]:
    with session_scope(db_url) as s:
        mum = f.customer(s, phone="+7 916 123-45-67", first_name="Ольга", consent_sms=True)
        quiet = f.customer(s, phone="+7 903 000-00-00", first_name="Ирина", consent_sms=False)
        kids = {
            "in_7_days": Child(customer_id=mum.id, name="Маша", birth_date=dt.date(2019, 11, 27)),
            "in_8_days": Child(customer_id=mum.id, name="Петя", birth_date=dt.date(2021, 11, 28)),
            "today": Child(customer_id=mum.id, name="Ваня", birth_date=dt.date(2020, 11, 20)),
            "yesterday": Child(customer_id=mum.id, name="Даша", birth_date=dt.date(2018, 11, 19)),
            "no_consent": Child(
                customer_id=quiet.id, name="Лиза", birth_date=dt.date(2022, 11, 22)
            ),
            "grown_up": Child(customer_id=quiet.id, name="Олег", birth_date=dt.date(1990, 11, 22)),
        }
        s.add_all(kids.values())
        s.flush()
        return {"mum": mum.id, "quiet": quiet.id, "kids": {k: c.id for k, c in kids.items()}}


def _promos(db_url: str) -> dict[int, list[PromoCode]]:
    with session_scope(db_url) as s:
        found: dict[int, list[PromoCode]] = {}
        for p in s.scalars(select(PromoCode).order_by(PromoCode.id)):
            found.setdefault(p.child_id or 0, []).append(p)
        return found


def test_birthday_promo_is_issued_days_before_with_the_sms_queued(
    db_url: str, family: dict[str, Any]
) -> None:
    issued = issue_birthday_promos(get_sessionmaker(db_url), FixedClock(NOW))
    kids = family["kids"]
    assert sorted(p.child_id for p in issued) == sorted(
        [kids["in_7_days"], kids["today"], kids["no_consent"]]
    )
    promos = _promos(db_url)
    masha = promos[kids["in_7_days"]][0]
    assert masha.reason == "birthday" and masha.discount_pct == Decimal("10.00")
    assert (masha.valid_from, masha.valid_to) == (TODAY, dt.date(2026, 12, 4))  # birthday + 7
    assert masha.customer_id == family["mum"] and masha.code.startswith("BD-")
    with session_scope(db_url) as s:
        messages = s.execute(
            select(Message, Conversation)
            .join(Conversation, Conversation.id == Message.conversation_id)
            .order_by(Message.id)
        ).all()
    assert len(messages) == 2  # Маша and Ваня; Лиза's mother did not agree to SMS
    message, conversation = messages[0]
    assert (conversation.channel, conversation.external_chat_id, conversation.customer_id) == (
        "sms",
        "+79161234567",
        family["mum"],
    )
    assert message.template_code == "birthday_promo_sms" and message.delivery_state == "queued"
    assert message.body == (
        f"Ольга, у Маша скоро день рождения! Дарим скидку 10% по промокоду {masha.code} "
        "до 04.12.2026."
    )
    no_sms = next(p for p in issued if p.child_id == kids["no_consent"])
    assert (no_sms.message_id, no_sms.no_message_reason) == (None, "no SMS consent")


def test_settings_drive_the_promo(db_url: str, family: dict[str, Any]) -> None:
    with session_scope(db_url) as s:
        set_setting(s, "birthday.days_before", 8)
        set_setting(s, "birthday.discount_pct", "7.5")
        set_setting(s, "birthday.valid_days_after", 0)
    issue_birthday_promos(get_sessionmaker(db_url), FixedClock(NOW))
    petya = _promos(db_url)[family["kids"]["in_8_days"]][0]
    assert (petya.discount_pct, petya.valid_to) == (Decimal("7.50"), dt.date(2026, 11, 28))
    with session_scope(db_url) as s:
        set_setting(s, "birthday.enabled", False)
    assert (
        issue_birthday_promos(get_sessionmaker(db_url), FixedClock(NOW + dt.timedelta(days=1)))
        == []
    )


def test_one_promo_per_child_per_birthday(db_url: str, family: dict[str, Any]) -> None:
    sessions = get_sessionmaker(db_url)
    first = issue_birthday_promos(sessions, FixedClock(NOW))
    assert issue_birthday_promos(sessions, FixedClock(NOW)) == []
    # the next days of the window: only Петя, whose 7-day window opens tomorrow
    later = issue_birthday_promos(sessions, FixedClock(NOW + dt.timedelta(days=1)))
    assert [p.child_id for p in later] == [family["kids"]["in_8_days"]]
    assert issue_birthday_promos(sessions, FixedClock(NOW + dt.timedelta(days=6))) == []
    # a year on, the same children are due again
    next_year = issue_birthday_promos(sessions, FixedClock(NOW + dt.timedelta(days=365)))
    assert sorted(p.child_id for p in next_year) == sorted(p.child_id for p in first)
    assert all(len(v) == 2 for k, v in _promos(db_url).items() if k != family["kids"]["in_8_days"])


def test_local_day_not_utc_day(db_url: str, family: dict[str, Any]) -> None:
    late = FixedClock(dt.datetime(2026, 11, 20, 22, 30, tzinfo=dt.UTC))  # 01:30 on the 21st, MSK
    assert local_today(late) == dt.date(2026, 11, 21)
    issued = issue_birthday_promos(get_sessionmaker(db_url), late)
    assert family["kids"]["in_8_days"] in {p.child_id for p in issued}  # 28th is 7 days away


def test_two_workers_at_once_issue_each_promo_once(db_url: str, family: dict[str, Any]) -> None:
    sessions = get_sessionmaker(db_url)
    start = threading.Barrier(4)
    results: list[int] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            start.wait()
            results.append(len(issue_birthday_promos(sessions, FixedClock(NOW), batch=1)))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sum(results) == 3
    assert all(len(v) == 1 for v in _promos(db_url).values())


def test_worker_round_runs_the_job_once_a_day(db_url: str, family: dict[str, Any]) -> None:
    clock = FixedClock(NOW)
    one, two = Worker(db_url, clock), Worker(db_url, clock)
    assert one.run_once().birthday_promos == 3
    assert two.run_once().birthday_promos == 0  # another worker: the job is idempotent
    assert one.run_once().as_json()["birthday_promos"] == 0
    clock.advance(days=1)
    assert one.run_once().birthday_promos == 1  # Петя
