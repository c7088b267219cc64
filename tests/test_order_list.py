"""Keyset paging of the order grid (app/order_list.py) on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

import pytest
from sqlalchemy import event

from app.db import get_engine, session_scope
from app.order_list import (
    Cursor,
    OrderFilter,
    OrderRow,
    count_estimate,
    fetch_page,
)
from models import (
    Customer,
    DeliveryType,
    Order,
    OrderSource,
    Role,
    Store,
    StoreKind,
    User,
)

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
STATUSES = ("new", "needs_confirmation", "no_answer", "confirmed", "cancelled")
SOURCES = (OrderSource.SITE, OrderSource.ONE_CLICK, OrderSource.STORE)


def _insert_orders(url: str, count: int = 23) -> list[tuple[dt.datetime, int]]:
    """``count`` orders whose created_at values collide in groups of three (ties on purpose).

    Returns the (created_at, id) of every order."""
    with session_scope(url) as s:
        anna = User(login="anna", name="Анна Смирнова", role=Role.OPERATOR, password_hash="x")
        boris = User(login="boris", name="Борис Котов", role=Role.OPERATOR, password_hash="x")
        store = Store(
            code="msk-1",
            name="Тверская",
            kind=StoreKind.RETAIL,
            city="Москва",
            address="Тверская 1",
        )
        customer = Customer(first_name="Ольга", last_name="Петрова")
        s.add_all([anna, boris, store, customer])
        s.flush()
        for i in range(count):
            s.add(
                Order(
                    number=f"A-{i:04d}",
                    source=SOURCES[i % len(SOURCES)],
                    status=STATUSES[i % len(STATUSES)],
                    # three orders per instant, and the instants not in id order
                    created_at=T0 + dt.timedelta(minutes=(i // 3) * 7 % 40),
                    customer_id=customer.id if i % 2 else None,
                    contact_name="" if i % 2 else f"Гость {i}",
                    contact_phone_raw="8 (916) 123-45-67" if i % 4 == 0 else None,
                    contact_phone_e164="+79161234567" if i % 4 == 0 else None,
                    shipping_store_id=store.id if i % 5 == 0 else None,
                    operator_id=anna.id if i % 3 == 0 else None,
                    lease_operator_id=boris.id if i % 7 == 0 else None,
                    delivery_type=DeliveryType.COURIER,
                    total=Decimal("1000.50") + i,
                    no_answer_attempts=i % 4,
                )
            )
    with session_scope(url) as s:
        return [(o.created_at, o.id) for o in s.query(Order)]


def _walk(url: str, limit: int, filters: OrderFilter) -> list[OrderRow]:
    rows: list[OrderRow] = []
    after: Cursor | None = None
    while True:
        with session_scope(url) as s:
            page = fetch_page(s, after=after, limit=limit, filters=filters)
        assert len(page) <= limit
        rows.extend(page)
        if len(page) < limit:
            return rows
        after = page[-1].cursor


def _expected(keys: list[tuple[dt.datetime, int]]) -> list[int]:
    return [i for _, i in sorted(keys, key=lambda k: (k[0], k[1]), reverse=True)]


@pytest.mark.parametrize("limit", [1, 3, 4, 50])
def test_paging_walks_every_row_once_newest_first(db_url: str, limit: int) -> None:
    keys = _insert_orders(db_url)
    rows = _walk(db_url, limit, OrderFilter())
    assert [r.id for r in rows] == _expected(keys)
    assert len({r.id for r in rows}) == len(keys) == 23


def test_ties_on_created_at_are_broken_by_id(db_url: str) -> None:
    keys = _insert_orders(db_url)
    rows = _walk(db_url, 2, OrderFilter())
    for newer, older in itertools.pairwise(rows):
        assert (newer.created_at, newer.id) > (older.created_at, older.id)
    # the fixture really has ties, and a page boundary fell inside one of them
    assert len({k[0] for k in keys}) < len(keys)


def test_row_carries_joined_names_and_plain_values(db_url: str) -> None:
    _insert_orders(db_url)
    with session_scope(db_url) as s:
        rows = {r.number: r for r in fetch_page(s, after=None, limit=50, filters=OrderFilter())}
    first = rows["A-0000"]  # guest contact, phone, store, operator, lease holder
    assert first.customer_name == "Гость 0"
    assert first.phone == "+79161234567"
    assert first.store_name == "Тверская"
    assert first.operator_name == "Анна Смирнова"
    assert first.lease_holder_name == "Борис Котов"
    assert first.status_code == "new"
    assert (first.status_name, first.status_name_ru) == ("New", "Новый")
    assert first.source is OrderSource.SITE
    assert first.total == Decimal("1000.50")
    assert first.created_at.tzinfo is not None
    other = rows["A-0001"]  # the customer card's name, no phone, nobody on it
    assert other.customer_name == "Ольга Петрова"
    assert other.phone == ""
    assert (other.store_name, other.operator_name, other.lease_holder_name) == (None, None, None)
    assert other.no_answer_attempts == 1


def test_fetch_page_is_one_query(db_url: str) -> None:
    _insert_orders(db_url)
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    engine = get_engine(db_url)
    event.listen(engine, "before_cursor_execute", count)
    try:
        with session_scope(db_url) as s:
            rows = fetch_page(s, after=None, limit=50, filters=OrderFilter())
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert len(rows) == 23
    selects = [q for q in statements if q.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 1, selects


def test_status_and_source_filters(db_url: str) -> None:
    _insert_orders(db_url)
    queue = OrderFilter(statuses=("needs_confirmation", "no_answer"))
    rows = _walk(db_url, 2, queue)
    assert rows and {r.status_code for r in rows} == {"needs_confirmation", "no_answer"}
    assert len(rows) == sum(1 for i in range(23) if STATUSES[i % 5] in queue.statuses)

    by_source = _walk(db_url, 3, OrderFilter(sources=("one_click",)))
    assert {r.source for r in by_source} == {OrderSource.ONE_CLICK}
    assert len(by_source) == sum(1 for i in range(23) if i % 3 == 1)

    both = _walk(db_url, 5, OrderFilter(statuses=("new",), sources=(OrderSource.SITE,)))
    expected = {f"A-{i:04d}" for i in range(23) if i % 5 == 0 and i % 3 == 0}
    assert {r.number for r in both} == expected


def test_count_estimate_is_exact_for_small_sets(db_url: str) -> None:
    _insert_orders(db_url)
    with session_scope(db_url) as s:
        assert count_estimate(s, OrderFilter()).exact
        assert count_estimate(s, OrderFilter()).value == 23
        new = count_estimate(s, OrderFilter(statuses=("new",)))
    assert (new.value, new.exact) == (5, True)


def test_bad_arguments_are_named(db_url: str) -> None:
    with pytest.raises(ValueError, match="unknown order source"):
        OrderFilter(sources=("fax",))
    with session_scope(db_url) as s:
        with pytest.raises(ValueError, match="page limit"):
            fetch_page(s, after=None, limit=0, filters=OrderFilter())
        naive = Cursor(dt.datetime(2026, 1, 1), 1)  # naive on purpose
        with pytest.raises(ValueError, match="naive"):
            fetch_page(s, after=naive, limit=10, filters=OrderFilter())


def test_count_estimate_uses_the_planner_for_large_sets_on_postgresql(
    db_url: str, backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy import text

    import app.order_list

    _insert_orders(db_url)
    if backend == "postgresql":
        with get_engine(db_url).connect() as conn:
            conn.execute(text("ANALYZE orders"))
            conn.commit()
    monkeypatch.setattr(app.order_list, "EXACT_COUNT_LIMIT", 1)
    with session_scope(db_url) as s:
        estimate = count_estimate(s, OrderFilter())
    if backend == "postgresql":
        # statistics, not a scan: fresh ANALYZE makes the estimate right, but it is not exact
        assert (estimate.value, estimate.exact) == (23, False)
    else:
        assert (estimate.value, estimate.exact) == (23, True)
