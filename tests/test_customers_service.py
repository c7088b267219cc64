"""Creating and editing customers: duplicate refusal and its recorded override, similar-name
candidates, versions, tags, notes and custom fields (both databases)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.actors import Actor
from app.business_settings import set_setting
from app.clock import FixedClock
from app.customers import attributes, service
from app.customers.custom_fields import set_declarations
from app.customers.errors import (
    CustomerMerged,
    CustomerVersionConflict,
    DuplicateCustomer,
    InvalidCustomerValue,
)
from app.customers.service import NewCustomer, create_customer, update_customer
from app.db import session_scope
from models import Customer, CustomerNote, CustomerPhone, OutboxEvent
from tests import factories as f

CLOCK = FixedClock(f.T0)


def _actor(db_url: str, login: str = "seller") -> Actor:
    with session_scope(db_url) as s:
        u = f.user(s, login=login, name="Продавец Ольга")
        return Actor(u.id, u.role.value, u.name)


def _create(db_url: str, actor: Actor, **kw: object) -> int:
    with session_scope(db_url) as s:
        return create_customer(s, NewCustomer(**kw), actor, CLOCK).customer.id  # type: ignore[arg-type]


def test_create_keeps_raw_and_e164_and_derives_search_columns(db_url: str) -> None:
    actor = _actor(db_url)
    with session_scope(db_url) as s:
        created = create_customer(
            s,
            NewCustomer(
                first_name=" Пётр ",
                last_name="Ёлкин",
                phones=("8 (916) 123-45-67", "+7 495 123 45 67 доб. 12"),
                email=" Petr.Yolkin@Mail.RU ",
            ),
            actor,
            CLOCK,
        )
    with session_scope(db_url) as s:
        c = s.get(Customer, created.customer.id)
        assert c is not None
        assert (c.first_name, c.last_name, c.email, c.email_normalized) == (
            "Пётр",
            "Ёлкин",
            "Petr.Yolkin@Mail.RU",
            "petr.yolkin@mail.ru",
        )
        assert c.search_text == " елкин петр petr.yolkin@mail.ru petr yolkin mail ru "
        assert c.name_key == "елкин петр"
        phones = s.scalars(
            select(CustomerPhone)
            .where(CustomerPhone.customer_id == c.id)
            .order_by(CustomerPhone.id)
        ).all()
        assert [(p.raw, p.e164, p.extension, p.is_primary) for p in phones] == [
            ("8 (916) 123-45-67", "+79161234567", None, True),
            ("+7 495 123 45 67 доб. 12", "+74951234567", "12", False),
        ]
        event = s.scalars(select(OutboxEvent).where(OutboxEvent.topic == "customer.created")).one()
        assert event.aggregate_id == c.id and event.actor_id == actor.user_id


@pytest.mark.parametrize(
    ("second", "field", "value"),
    [
        ({"phones": ("+7 916 123 45 67",)}, "phone", "+79161234567"),
        ({"phones": ("9161234567",)}, "phone", "+79161234567"),
        ({"email": "ANNA@example.COM"}, "email", "anna@example.com"),
    ],
)
def test_a_known_phone_or_email_is_refused_naming_the_owner(
    db_url: str, second: dict[str, object], field: str, value: str
) -> None:
    actor = _actor(db_url)
    first = _create(
        db_url, actor, first_name="Анна", last_name="Петрова", phones=("8 916 123-45-67",),
        email="anna@example.com",
    )  # fmt: skip
    with pytest.raises(DuplicateCustomer) as err, session_scope(db_url) as s:
        create_customer(s, NewCustomer(first_name="Аня", **second), actor, CLOCK)  # type: ignore[arg-type]
    assert err.value.field == field and err.value.value == value
    assert [c.id for c in err.value.existing] == [first]
    assert f"#{first} Петрова Анна" in str(err.value)
    with session_scope(db_url) as s:
        assert len(s.scalars(select(Customer)).all()) == 1  # nothing was written


def test_forcing_a_duplicate_records_who_did_it(db_url: str) -> None:
    actor = _actor(db_url)
    first = _create(db_url, actor, first_name="Анна", phones=("+79161234567",))
    with session_scope(db_url) as s:
        created = create_customer(
            s, NewCustomer(first_name="Анна", phones=("89161234567",)), actor, CLOCK, force=True
        )
    assert [c.id for c in created.forced_over] == [first]
    with session_scope(db_url) as s:
        note = s.scalars(
            select(CustomerNote).where(CustomerNote.customer_id == created.customer.id)
        ).one()
        assert note.author_id == actor.user_id and f"#{first}" in note.text
        assert "Продавец Ольга" in note.text
        event = s.scalars(
            select(OutboxEvent).where(
                OutboxEvent.topic == "customer.created",
                OutboxEvent.aggregate_id == created.customer.id,
            )
        ).one()
        assert event.payload["forced_duplicate"]["by_user_id"] == actor.user_id
        assert event.payload["forced_duplicate"]["clashes"][0]["customer_ids"] == [first]


def test_merged_customers_do_not_block_their_phone(db_url: str) -> None:
    actor = _actor(db_url)
    with session_scope(db_url) as s:
        old = f.customer(s, phone="+79161234567")
        keep = f.customer(s, phone="+79990000000")
        old.merged_into_id = keep.id
    _create(db_url, actor, first_name="Новый", phones=("+79161234567",))


def test_similar_name_and_same_birth_date_are_offered_not_refused(db_url: str) -> None:
    actor = _actor(db_url)
    born = dt.date(1990, 5, 17)
    same = _create(db_url, actor, first_name="Анна", last_name="Петрова", birth_date=born)
    typo = _create(db_url, actor, first_name="Ана", last_name="Петрова", birth_date=born)
    _create(db_url, actor, first_name="Анна", last_name="Петрова", birth_date=dt.date(1991, 5, 17))
    _create(db_url, actor, first_name="Мария", last_name="Сидорова", birth_date=born)
    with session_scope(db_url) as s:
        created = create_customer(
            s,
            NewCustomer(first_name="ПЕТРОВА", last_name="анна", birth_date=born),  # word order
            actor,
            CLOCK,
        )
    assert [c.id for c in created.similar] == [same, typo]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (NewCustomer(), "customer"),
        (NewCustomer(first_name="А", phones=("12",)), "phone"),
        (NewCustomer(first_name="А", email="not-an-email"), "email"),
        (NewCustomer(first_name="А", birth_date=dt.date(2030, 1, 1)), "birth_date"),
        (NewCustomer(first_name="А" * 101), "first_name"),
    ],
)
def test_bad_input_names_the_field(db_url: str, data: NewCustomer, field: str) -> None:
    actor = _actor(db_url)
    with pytest.raises(InvalidCustomerValue) as err, session_scope(db_url) as s:
        create_customer(s, data, actor, CLOCK)
    assert err.value.field == field


def test_every_write_bumps_the_version_and_a_stale_one_is_refused(db_url: str) -> None:
    actor = _actor(db_url)
    cid = _create(db_url, actor, first_name="Анна", phones=("+79161234567",))
    with session_scope(db_url) as s:
        v2 = update_customer(s, cid, {"last_name": "Сидорова"}, actor, CLOCK, expected_version=1)
        v3 = attributes.add_tag(s, cid, "VIP", actor, CLOCK)
        v4 = attributes.add_note(s, cid, "любит синий", actor, CLOCK)
        phone = service.add_phone(s, cid, "+7 495 123-45-67", actor, CLOCK)
    assert (v2, v3) == (2, 3)
    assert v4.author == "Продавец Ольга" and v4.created_at == f.T0
    with pytest.raises(CustomerVersionConflict) as err, session_scope(db_url) as s:
        update_customer(s, cid, {"first_name": "Аня"}, actor, CLOCK, expected_version=2)
    assert (err.value.expected, err.value.current) == (2, 5)
    with session_scope(db_url) as s:
        c = s.get(Customer, cid)
        assert c is not None and (c.first_name, c.version) == ("Анна", 5)
        service.remove_phone(s, cid, phone.id, actor, CLOCK, expected_version=5)
    with session_scope(db_url) as s:
        c = s.get(Customer, cid)
        assert c is not None and c.version == 6 and c.search_text == " сидорова анна "
        topics = s.scalars(
            select(OutboxEvent.topic)
            .where(OutboxEvent.aggregate_id == cid)
            .order_by(OutboxEvent.id)
        ).all()
    assert topics == [
        "customer.created",
        "customer.updated",
        "customer.tag_added",
        "customer.note_added",
        "customer.phone_added",
        "customer.phone_removed",
    ]


def test_two_sessions_with_the_same_version_one_wins(db_url: str) -> None:
    actor = _actor(db_url)
    cid = _create(db_url, actor, first_name="Анна")
    with session_scope(db_url) as s:
        update_customer(s, cid, {"first_name": "Аня"}, actor, CLOCK, expected_version=1)
    with pytest.raises(CustomerVersionConflict), session_scope(db_url) as s:
        update_customer(s, cid, {"first_name": "Анечка"}, actor, CLOCK, expected_version=1)


def test_email_change_to_someone_elses_is_refused(db_url: str) -> None:
    actor = _actor(db_url)
    _create(db_url, actor, first_name="Анна", email="anna@example.com")
    other = _create(db_url, actor, first_name="Борис")
    with pytest.raises(DuplicateCustomer), session_scope(db_url) as s:
        update_customer(s, other, {"email": "Anna@Example.com"}, actor, CLOCK)
    with pytest.raises(DuplicateCustomer), session_scope(db_url) as s:
        service.add_phone(s, other, "+7 999 000 00 00", actor, CLOCK)  # fine
        first = s.scalars(select(Customer.id).order_by(Customer.id)).first()
        assert first is not None
        service.add_phone(s, first, "89990000000", actor, CLOCK)  # Борис's (just added)


def test_loyalty_discount_range(db_url: str) -> None:
    actor = _actor(db_url)
    cid = _create(db_url, actor, first_name="Анна")
    with session_scope(db_url) as s:
        update_customer(s, cid, {"loyalty_discount_pct": "7.5"}, actor, CLOCK)
    with session_scope(db_url) as s:
        c = s.get(Customer, cid)
        assert c is not None and c.loyalty_discount_pct == Decimal("7.50")
    with pytest.raises(InvalidCustomerValue), session_scope(db_url) as s:
        update_customer(s, cid, {"loyalty_discount_pct": 150}, actor, CLOCK)


def test_tags_are_normalized_and_idempotent(db_url: str) -> None:
    actor = _actor(db_url)
    cid = _create(db_url, actor, first_name="Анна")
    with session_scope(db_url) as s:
        attributes.add_tag(s, cid, "  Оптовик  ", actor, CLOCK)
        version = attributes.add_tag(s, cid, "оптовик", actor, CLOCK)
        assert attributes.tags_of(s, cid) == ("оптовик",)
        assert attributes.remove_tag(s, cid, "ОПТОВИК", actor, CLOCK) == version + 1
        assert attributes.tags_of(s, cid) == ()
    with pytest.raises(InvalidCustomerValue), session_scope(db_url) as s:
        attributes.add_tag(s, cid, "!!!", actor, CLOCK)


def test_custom_fields_are_declared_in_settings_and_validated(db_url: str) -> None:
    actor = _actor(db_url)
    cid = _create(db_url, actor, first_name="Анна")
    with session_scope(db_url) as s:
        set_declarations(
            s,
            [
                {"key": "shoe_size", "label": "Размер обуви", "type": "int"},
                {"key": "card", "label": "Карта", "type": "str"},
                {
                    "key": "channel",
                    "label": "Канал",
                    "type": "choice",
                    "choices": ["сайт", "магазин"],
                },
                {"key": "budget", "label": "Бюджет", "type": "decimal"},
                {"key": "since", "label": "Клиент с", "type": "date"},
            ],
        )
    with session_scope(db_url) as s:
        attributes.set_custom_fields(
            s,
            cid,
            {"shoe_size": "38", "channel": "магазин", "budget": "1500,50", "since": "2020-02-29"},
            actor,
            CLOCK,
        )
    with session_scope(db_url) as s:
        c = s.get(Customer, cid)
        assert c is not None
        assert c.custom_fields == {
            "shoe_size": 38,
            "channel": "магазин",
            "budget": "1500.50",
            "since": "2020-02-29",
        }
        attributes.set_custom_fields(s, cid, {"budget": None}, actor, CLOCK)  # clears
    for values, fragment in [
        ({"shoe_size": "большой"}, "not a whole number"),
        ({"channel": "телефон"}, "not one of"),
        ({"since": "29.02.2020"}, "not a date"),
        ({"height": 170}, "not declared"),
    ]:
        with pytest.raises(InvalidCustomerValue) as err, session_scope(db_url) as s:
            attributes.set_custom_fields(s, cid, values, actor, CLOCK)
        assert fragment in str(err.value)
    with session_scope(db_url) as s:
        c = s.get(Customer, cid)
        assert c is not None and "budget" not in c.custom_fields and c.version == 3


def test_a_bad_declaration_is_refused_not_stored(db_url: str) -> None:
    with pytest.raises(InvalidCustomerValue) as err, session_scope(db_url) as s:
        set_declarations(s, [{"key": "Bad Key", "type": "int"}])
    assert "entry 1" in str(err.value)
    with pytest.raises(InvalidCustomerValue), session_scope(db_url) as s:
        set_declarations(s, [{"key": "x", "type": "choice"}])
    with session_scope(db_url) as s:
        set_setting(s, "segments.new_days", 10)  # other settings still fine


def test_a_merged_customer_cannot_be_edited(db_url: str) -> None:
    actor = _actor(db_url)
    keep = _create(db_url, actor, first_name="Анна")
    gone = _create(db_url, actor, first_name="Аня")
    with session_scope(db_url) as s:
        c = s.get(Customer, gone)
        assert c is not None
        c.merged_into_id = keep
    with pytest.raises(CustomerMerged) as err, session_scope(db_url) as s:
        attributes.add_note(s, gone, "текст", actor, CLOCK)
    assert err.value.into_id == keep and f"#{keep}" in str(err.value)


def test_an_edit_that_changes_nothing_writes_nothing(db_url: str) -> None:
    actor = _actor(db_url)
    cid = _create(db_url, actor, first_name="Анна")
    with session_scope(db_url) as s:
        assert update_customer(s, cid, {"first_name": " Анна "}, actor, CLOCK) == 1
    with pytest.raises(CustomerVersionConflict), session_scope(db_url) as s:
        update_customer(s, cid, {"first_name": "Анна"}, actor, CLOCK, expected_version=7)
    with session_scope(db_url) as s:
        assert s.scalars(select(OutboxEvent.topic)).all() == ["customer.created"]
