"""Search: phone (any format, fragment, truncated caller ID), e-mail, name (case, ё/е, word
order), order number; ranked, limited, the same answers on both databases; global search."""

from __future__ import annotations

import pytest

from app.actors import SYSTEM
from app.clock import FixedClock
from app.customers.identity import lookup_phone
from app.customers.search import global_search, search
from app.customers.service import NewCustomer, create_customer
from app.db import session_scope
from models import Customer
from tests import factories as f

CLOCK = FixedClock(f.T0)


@pytest.fixture
def people(db_url: str) -> dict[str, int]:
    """A small base with names that test the rules."""
    data = {
        "petrova": NewCustomer(
            first_name="Анна", last_name="Петрова", patronymic="Сергеевна",
            phones=("+7 916 123-45-67",), email="anna.petrova@mail.ru",
        ),
        "petrov": NewCustomer(first_name="Пётр", last_name="Петров", phones=("+7 903 555-12-34",)),
        "petrovsky": NewCustomer(
            first_name="Анна", last_name="Петровская", phones=("+7 495 765-43-21",)
        ),
        "yolkina": NewCustomer(
            first_name="Алёна", last_name="Ёлкина", phones=("+49 30 123456",),
            email="ALENA@EXAMPLE.DE",
        ),
        "ivanov": NewCustomer(first_name="Иван", last_name="Иванов", phones=("8 800 555-35-35",)),
    }  # fmt: skip
    ids = {}
    with session_scope(db_url) as s:
        for key, person in data.items():
            ids[key] = create_customer(s, person, SYSTEM, CLOCK).customer.id
    return ids


def _ids(db_url: str, query: str, limit: int = 50) -> list[int]:
    with session_scope(db_url) as s:
        return [h.id for h in search(s, query, limit)]


@pytest.mark.parametrize(
    "query",
    ["+79161234567", "8 (916) 123-45-67", "9161234567", "007 916 123 45 67", "916-123-45-67"],
)
def test_a_phone_in_any_format_finds_its_owner_first(
    db_url: str, people: dict[str, int], query: str
) -> None:
    assert _ids(db_url, query)[0] == people["petrova"]


def test_phone_fragments(db_url: str, people: dict[str, int]) -> None:
    assert _ids(db_url, "555") == sorted(
        [people["petrov"], people["ivanov"]],
        key=lambda i: {people["petrov"]: "петров", people["ivanov"]: "иванов"}[i],
    )
    assert _ids(db_url, "765 43") == [people["petrovsky"]]
    assert _ids(db_url, "8 903 555") == [people["petrov"]]  # typed the domestic way
    assert _ids(db_url, "123456") == [people["yolkina"], people["petrova"]]  # tail beats fragment


def test_truncated_caller_id(db_url: str, people: dict[str, int]) -> None:
    with session_scope(db_url) as s:
        by_tail = lookup_phone(s, "9161234567")  # no country code at all
        by_seven = lookup_phone(s, "123-45-67")  # a local number: last 7 digits
        unknown = lookup_phone(s, "+7 999 000 00 00")
        too_short = lookup_phone(s, "4567")
    assert [(m.customer_id, m.match) for m in by_tail] == [(people["petrova"], "exact")]
    assert [(m.customer_id, m.match) for m in by_seven] == [(people["petrova"], "suffix")]
    assert unknown == [] and too_short == []
    with session_scope(db_url) as s:
        hit = lookup_phone(s, "+7 (916) 123-45-67")[0]
    assert (hit.first_name, hit.last_name, hit.e164) == ("Анна", "Петрова", "+79161234567")


def test_tail10_finds_a_number_whose_country_code_was_mangled(db_url: str) -> None:
    with session_scope(db_url) as s:
        cid = create_customer(
            s, NewCustomer(first_name="Анна", phones=("+7 916 123-45-67",)), SYSTEM, CLOCK
        ).customer.id
        matches = lookup_phone(s, "+3 916 123 45 67")  # PBX garbage prefix: not a number
    assert [(m.customer_id, m.match) for m in matches] == [(cid, "tail10")]


@pytest.mark.parametrize(
    "query",
    [
        "петрова анна",
        "анна петрова",
        "ПЕТРОВА АННА",
        "Анна Сергеевна Петрова",
        "петр анн",  # word prefixes
        "Петрова А.С.",  # initials
    ],
)
def test_name_in_any_order_and_case(db_url: str, people: dict[str, int], query: str) -> None:
    assert _ids(db_url, query)[0] == people["petrova"]


def test_yo_equals_ye_both_ways(db_url: str, people: dict[str, int]) -> None:
    assert _ids(db_url, "елкина") == [people["yolkina"]]
    assert _ids(db_url, "Ёлкина Алёна") == [people["yolkina"]]
    assert _ids(db_url, "алена") == [people["yolkina"]]
    # "Пётр" is Петров Пётр's whole first name; Петрова and Петровская only start with it
    assert _ids(db_url, "Пётр") == [people["petrov"], people["petrova"], people["petrovsky"]]
    assert _ids(db_url, "петр") == _ids(db_url, "Пётр")


def test_ranking_whole_word_then_prefix_then_fragment(db_url: str, people: dict[str, int]) -> None:
    # "петров": Петров (whole word) > Петрова, Петровская (prefixes), by surname
    assert _ids(db_url, "петров") == [people["petrov"], people["petrova"], people["petrovsky"]]
    # "ров": only fragments inside words
    assert _ids(db_url, "ров") == [people["petrov"], people["petrova"], people["petrovsky"]]
    assert _ids(db_url, "петров", limit=2) == [people["petrov"], people["petrova"]]


def test_email_whole_and_fragment(db_url: str, people: dict[str, int]) -> None:
    assert _ids(db_url, "Alena@example.de") == [people["yolkina"]]
    assert _ids(db_url, "anna.petrova@") == [people["petrova"]]
    assert _ids(db_url, "mail.ru") == [people["petrova"]]
    with session_scope(db_url) as s:
        hit = search(s, "alena@example.de")[0]
    assert (hit.matched, hit.email) == ("email", "ALENA@EXAMPLE.DE")


def test_order_number_finds_the_customer_and_global_search_the_order(
    db_url: str, people: dict[str, int]
) -> None:
    with session_scope(db_url) as s:
        off = f.offer(s, "500")
        customer = s.get(Customer, people["ivanov"])
        order = f.order(s, [(off, 2)], customer_obj=customer, number="OK-7F3K9Q")
        order_id = order.id
    with session_scope(db_url) as s:
        hits = search(s, "ok-7f3k9q")
        results = global_search(s, "OK-7F3K9Q")
        by_phone = global_search(s, "8 916 123 45 67")  # the factory's contact phone
    assert [(h.id, h.matched) for h in hits] == [(people["ivanov"], "order_number")]
    assert [(o.id, o.matched) for o in results.orders] == [(order_id, "number")]
    assert results.customers[0].id == people["ivanov"]
    assert [o.id for o in by_phone.orders] == [order_id]
    assert by_phone.customers[0].id == people["petrova"]


def test_hits_carry_phones_and_exclude_merged_customers(
    db_url: str, people: dict[str, int]
) -> None:
    with session_scope(db_url) as s:
        c = s.get(Customer, people["petrovsky"])
        assert c is not None
        c.merged_into_id = people["petrova"]
    assert people["petrovsky"] not in _ids(db_url, "петровская")
    with session_scope(db_url) as s:
        hit = search(s, "иванов")[0]
    assert (hit.name, hit.phones, hit.matched) == ("Иванов Иван", ("+78005553535",), "name")


def test_short_or_empty_queries_find_nothing(db_url: str, people: dict[str, int]) -> None:
    assert _ids(db_url, "") == []
    assert _ids(db_url, " а ") == []
    assert _ids(db_url, "%") == []
    assert _ids(db_url, "anna_petrova@") == []  # LIKE wildcards are literal (not anna.petrova@)


def test_limit(db_url: str) -> None:
    with session_scope(db_url) as s:
        for n in range(30):
            create_customer(
                s, NewCustomer(first_name="Мария", last_name=f"Смирнова{n:02d}"), SYSTEM, CLOCK
            )
    with session_scope(db_url) as s:
        hits = search(s, "мария", limit=10)
    assert len(hits) == 10
    assert [h.last_name for h in hits] == [f"Смирнова{n:02d}" for n in range(10)]
