"""Keyset paging of the order grid (app/order_list.py) on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

import pytest
from sqlalchemy import event

from app.db import get_engine, session_scope
from app.order_list import (
    MAX_REFRESH_IDS,
    Cursor,
    OrderFilter,
    OrderRow,
    OrderSort,
    QueueView,
    count_estimate,
    fetch_page,
    fetch_rows,
    narrowed,
    queue_choices,
    sort_key,
    view_filter,
    view_statuses,
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


# --- queue views, filters and sorts ---------------------------------------------------------


def _walk_all(url: str, limit: int, filters: OrderFilter) -> list[OrderRow]:
    """Like ``_walk`` but continuing with the cursor of the filter's own sort."""
    rows: list[OrderRow] = []
    after: Cursor | None = None
    while True:
        with session_scope(url) as s:
            page = fetch_page(s, after=after, limit=limit, filters=filters)
        rows.extend(page)
        if len(page) < limit:
            return rows
        after = page[-1].cursor_for(filters.sort)


def _queue_world(url: str) -> dict[str, int]:
    """Orders for every queue view: mine (held / worked / done), someone else's, due retries
    (still "no answer" and moved back), a future retry, pickups, and plain orders; several
    share a creation time or a next attempt (ties on purpose)."""
    with session_scope(url) as s:
        me = User(login="me", name="Анна", role=Role.OPERATOR, password_hash="x")
        other = User(login="other", name="Борис", role=Role.OPERATOR, password_hash="x")
        north = Store(code="n", name="Север", kind=StoreKind.RETAIL, city="Москва", address="1")
        south = Store(code="s", name="Юг", kind=StoreKind.RETAIL, city="Москва", address="2")
        s.add_all([me, other, north, south])
        s.flush()
        spec: list[tuple[str, dict[str, object]]] = [
            ("held", {"status": "confirmed", "lease_operator_id": me.id}),
            ("worked", {"status": "needs_confirmation", "operator_id": me.id}),
            ("worked_done", {"status": "cancelled", "operator_id": me.id}),
            ("others", {"status": "needs_confirmation", "operator_id": other.id}),
            ("due_na", {"status": "no_answer", "no_answer_attempts": 1, "next": -60}),
            ("due_back", {"status": "needs_confirmation", "no_answer_attempts": 2, "next": -30}),
            ("due_tie", {"status": "no_answer", "no_answer_attempts": 1, "next": -30}),
            ("future", {"status": "no_answer", "no_answer_attempts": 1, "next": 90}),
            ("pickup", {"status": "ready_for_pickup", "pickup": True, "store": north.id}),
            ("pickup_new", {"status": "new", "pickup": True, "store": north.id}),
            ("courier", {"status": "confirmed", "store": south.id}),
            ("old", {"status": "completed", "created": -3000}),
        ]
        ids: dict[str, int] = {"me": me.id, "other": other.id, "north": north.id}
        for i, (name, o) in enumerate(spec):
            nxt = o.get("next")
            order = Order(
                number=f"Q-{i:03d}",
                source=OrderSource.SITE,
                status=str(o["status"]),
                created_at=T0 + dt.timedelta(minutes=int(o.get("created", i // 2))),
                contact_name=name,
                delivery_type=DeliveryType.PICKUP if o.get("pickup") else DeliveryType.COURIER,
                shipping_store_id=o.get("store"),
                operator_id=o.get("operator_id"),
                lease_operator_id=o.get("lease_operator_id"),
                no_answer_attempts=int(o.get("no_answer_attempts", 0)),
                next_attempt_at=None if nxt is None else T0 + dt.timedelta(minutes=int(nxt)),
                total=Decimal("100"),
            )
            s.add(order)
            s.flush()
            ids[name] = order.id
        return ids


def _names(rows: list[OrderRow]) -> list[str]:
    return [r.customer_name for r in rows]


def test_queue_views_select_what_they_promise(db_url: str) -> None:
    ids = _queue_world(db_url)
    now = T0

    def view(v: QueueView, user: int = ids["me"]) -> set[str]:
        return set(_names(_walk_all(db_url, 3, view_filter(v, user_id=user, now=now))))

    assert view(QueueView.MY_WORK) == {"held", "worked"}  # done work is not "my work"
    assert view(QueueView.MY_WORK, ids["other"]) == {"others"}
    assert view(QueueView.NEEDS_CONFIRMATION) == {"worked", "others", "due_back"}
    assert view(QueueView.NO_ANSWER_DUE) == {"due_na", "due_back", "due_tie"}
    assert view(QueueView.CLICK_AND_COLLECT) == {"pickup"}
    assert len(view(QueueView.ALL)) == 12


def test_no_answer_due_comes_soonest_first_and_ties_page_by_id(db_url: str) -> None:
    _queue_world(db_url)
    filters = view_filter(QueueView.NO_ANSWER_DUE, user_id=1, now=T0)
    assert filters.sort is OrderSort.NEXT_ATTEMPT
    for limit in (1, 2, 10):
        rows = _walk_all(db_url, limit, filters)
        assert _names(rows)[0] == "due_na"  # an hour overdue beats half an hour
        assert sorted(_names(rows)[1:]) == ["due_back", "due_tie"]
        assert rows[1].id < rows[2].id  # the tie on next_attempt_at broken by id


@pytest.mark.parametrize("sort", list(OrderSort))
@pytest.mark.parametrize("limit", [1, 4, 50])
def test_every_sort_pages_every_row_once_in_the_order_sort_key_gives(
    db_url: str, sort: OrderSort, limit: int
) -> None:
    _queue_world(db_url)
    rows = _walk_all(db_url, limit, OrderFilter(sort=sort))
    assert len(rows) == len({r.id for r in rows}) == 12
    keys = [sort_key(r, sort) for r in rows]
    assert keys == sorted(keys)  # what the database returned is what sort_key says
    if sort is OrderSort.NEXT_ATTEMPT:  # rows without a next attempt come last
        assert [r.next_attempt_at is None for r in rows] == [False] * 4 + [True] * 8
    if sort is OrderSort.OLDEST:
        assert _names(rows)[0] == "old"


def test_store_operator_date_and_delivery_filters(db_url: str) -> None:
    ids = _queue_world(db_url)
    by_store = _walk_all(db_url, 2, OrderFilter(store_ids=(ids["north"],)))
    assert set(_names(by_store)) == {"pickup", "pickup_new"}
    by_operator = _walk_all(db_url, 2, OrderFilter(operator_ids=(ids["me"],)))
    assert set(_names(by_operator)) == {"worked", "worked_done"}
    window = OrderFilter(
        created_from=T0 + dt.timedelta(minutes=1), created_to=T0 + dt.timedelta(minutes=3)
    )
    assert set(_names(_walk_all(db_url, 2, window))) == {
        "worked_done",
        "others",
        "due_na",
        "due_back",
    }
    pickups = _walk_all(db_url, 5, OrderFilter(delivery_types=("pickup",)))
    assert set(_names(pickups)) == {"pickup", "pickup_new"}
    with session_scope(db_url) as s:
        assert count_estimate(s, window).value == 4


def test_narrowing_a_view_intersects_statuses() -> None:
    base = view_filter(QueueView.CLICK_AND_COLLECT, user_id=1, now=T0)
    assert narrowed(base, statuses=("assembling",)).statuses == ("assembling",)
    assert narrowed(base, statuses=("new",)).statuses == ("",)  # outside the view: nothing
    assert narrowed(OrderFilter(), statuses=("new",)).statuses == ("new",)
    assert narrowed(base, store_ids=(3,)).delivery_types == (DeliveryType.PICKUP,)
    assert view_statuses(QueueView.ALL) == ()
    assert "ready_for_pickup" in view_statuses(QueueView.CLICK_AND_COLLECT)


def test_fetch_rows_rereads_given_orders_under_the_filter(db_url: str) -> None:
    ids = _queue_world(db_url)
    queue = view_filter(QueueView.NEEDS_CONFIRMATION, user_id=ids["me"], now=T0)
    with session_scope(db_url) as s:
        rows = fetch_rows(s, (ids["worked"], ids["pickup"], ids["others"]), queue)
        assert {r.customer_name for r in rows} == {"worked", "others"}
        assert fetch_rows(s, (), queue) == []
        with pytest.raises(ValueError, match="at most"):
            fetch_rows(s, tuple(range(MAX_REFRESH_IDS + 1)), queue)
    held = next(r for r in _walk_all(db_url, 50, OrderFilter()) if r.customer_name == "held")
    assert held.lease_holder_id == ids["me"] and held.lease_holder_name == "Анна"


def test_queue_choices_list_statuses_stores_and_operators(db_url: str) -> None:
    _queue_world(db_url)
    with session_scope(db_url) as s:
        s.add(User(login="boss", name="Админ", role=Role.ADMIN, password_hash="x"))
        s.add(
            User(login="gone", name="Ушёл", role=Role.OPERATOR, password_hash="x", is_active=False)
        )
    with session_scope(db_url) as s:
        choices = queue_choices(s)
    assert [c.code for c in choices.statuses][:3] == ["new", "needs_confirmation", "no_answer"]
    assert choices.statuses[0].name_ru == "Новый"
    assert [c.name for c in choices.stores] == ["Север", "Юг"]
    assert [c.name for c in choices.operators] == ["Анна", "Борис"]  # no admin, nobody gone


def test_bad_filters_are_named() -> None:
    with pytest.raises(ValueError, match="unknown delivery type"):
        OrderFilter(delivery_types=("drone",))
    with pytest.raises(ValueError, match=r"created_from .* naive"):
        OrderFilter(created_from=dt.datetime(2026, 1, 1))
    with pytest.raises(ValueError, match="must be after"):
        OrderFilter(created_from=T0, created_to=T0)
    assert OrderFilter(sort=OrderSort.OLDEST).is_empty
    assert not OrderFilter(store_ids=(1,)).is_empty
