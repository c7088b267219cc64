"""What the console's customer panel and dialogs ask of the database (app.customers.panel_queries):
order history pages, the panel in one call, the duplicate check before saving, creating with
children, merge preview and role rules, store ranking for a new order. Both databases."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.actors import Actor
from app.clock import FixedClock
from app.customers.errors import InvalidCustomerValue, MergeRefused
from app.customers.panel_queries import (
    NewChild,
    NotAllowed,
    check_new_customer,
    create_with_children,
    customer_orders,
    merge_as,
    merge_preview,
    panel_data,
    stores_for_items,
    timeline_chunk,
)
from app.customers.service import NewCustomer
from app.db import session_scope
from models import Child, Customer, CustomerNote, CustomerPhone, Order, Role
from tests import factories as f

NOW = f.T0 + dt.timedelta(days=10)


def _actor(url: str, role: Role) -> Actor:
    with session_scope(url) as s:
        u = f.user(s, role=role)
        return Actor(u.id, role.value, u.name)


def test_order_history_pages_by_keyset_without_gaps_or_repeats(db_url: str) -> None:
    with session_scope(db_url) as s:
        c = f.customer(s)
        other = f.customer(s, phone="+79160000000", first_name="Иван")
        off = f.offer(s, "500")
        for n in range(7):
            # two orders share each instant: the id breaks the tie
            f.order(s, [(off, 1)], customer_obj=c, created_at=f.T0 + dt.timedelta(hours=n // 2))
        f.order(s, [(off, 1)], customer_obj=other)
        cid = c.id
        expected = [
            oid
            for oid, _at in sorted(
                s.execute(select(Order.id, Order.created_at).where(Order.customer_id == cid)),
                key=lambda r: (r[1], r[0]),
                reverse=True,
            )
        ]
    seen: list[int] = []
    after = None
    pages = 0
    with session_scope(db_url) as s:
        while True:
            page = customer_orders(s, cid, after=after, limit=3)
            seen.extend(r.id for r in page.rows)
            pages += 1
            if page.next_after is None:
                break
            after = page.next_after
    assert seen == expected
    assert pages == 3
    with session_scope(db_url) as s:
        first = customer_orders(s, cid, limit=3).rows[0]
    assert first.status == "new" and first.status_name_ru and first.total == Decimal("500")


def test_panel_data_holds_profile_orders_rules_and_timeline_facts(db_url: str) -> None:
    with session_scope(db_url) as s:
        c = f.customer(s, tags=("vip",))
        off = f.offer(s, "1200")
        f.order(s, [(off, 2)], customer_obj=c, status="completed")
        cid = c.id
    with session_scope(db_url) as s:
        data = panel_data(s, cid, FixedClock(NOW))
    assert data.requested_id == cid and data.profile.id == cid
    assert data.profile.metrics.order_count == 1
    assert [r.total for r in data.orders.rows] == [Decimal("2400")]
    assert data.rules.vip_ltv > 0
    assert data.survivor_id is None
    assert {code for code, _ru, _en in data.statuses} >= {"new", "completed", "cancelled"}
    assert [(x.total, x.status) for x in data.timeline_facts] == [(Decimal("2400"), "completed")]
    with session_scope(db_url) as s:
        chunk = timeline_chunk(s, cid, limit=1)
    assert len(chunk.page.items) == 1


def test_duplicate_check_finds_phone_in_any_format_email_and_similar_names(db_url: str) -> None:
    with session_scope(db_url) as s:
        anna = f.customer(
            s, phone="+79161234567", email="Anna@Mail.ru", email_normalized="anna@mail.ru"
        )
        twin = f.customer(
            s, phone=None, first_name="Ольга", last_name="Сёмина", birth_date=dt.date(1990, 5, 1)
        )
        anna_id, twin_id = anna.id, twin.id
    with session_scope(db_url) as s:
        check = check_new_customer(
            s,
            NewCustomer(
                first_name="Ольга",
                last_name="Семина",
                phones=("8 (916) 123-45-67",),
                email="ANNA@mail.ru",
                birth_date=dt.date(1990, 5, 1),
            ),
        )
    assert [(c.field, c.value, [o.id for o in c.owners]) for c in check.clashes] == [
        ("phone", "+79161234567", [anna_id]),
        ("email", "anna@mail.ru", [anna_id]),
    ]
    assert [r.id for r in check.similar] == [twin_id]
    assert not check.clean
    with session_scope(db_url) as s:
        assert check_new_customer(s, NewCustomer(first_name="Пётр", phones=("+79990001122",))).clean
        with pytest.raises(InvalidCustomerValue, match="12-34"):
            check_new_customer(s, NewCustomer(first_name="Пётр", phones=("12-34",)))


def test_create_refuses_duplicates_as_data_and_force_needs_a_role(db_url: str) -> None:
    operator = _actor(db_url, Role.OPERATOR)
    supervisor = _actor(db_url, Role.SUPERVISOR)
    clock = FixedClock(NOW)
    with session_scope(db_url) as s:
        existing = f.customer(s).id
    data = NewCustomer(first_name="Анна", last_name="Иванова", phones=("8 916 123 45 67",))
    with session_scope(db_url) as s:
        outcome = create_with_children(s, data, (), operator, clock)
    assert outcome.customer_id is None
    assert [o.id for o in outcome.clashes[0].owners] == [existing]
    with session_scope(db_url) as s:
        assert s.scalar(select(func.count()).select_from(Customer)) == 1
        with pytest.raises(NotAllowed, match="operator may not"):
            create_with_children(s, data, (), operator, clock, force=True)
    children = (NewChild("Маша", None, dt.date(2020, 3, 1)), NewChild("Петя"))
    with session_scope(db_url) as s:
        forced = create_with_children(s, data, children, supervisor, clock, force=True)
    assert forced.customer_id is not None and [r.id for r in forced.forced_over] == [existing]
    with session_scope(db_url) as s:
        kids = s.scalars(select(Child.name).where(Child.customer_id == forced.customer_id))
        assert sorted(kids) == ["Маша", "Петя"]
        note = s.scalar(
            select(CustomerNote.text).where(CustomerNote.customer_id == forced.customer_id)
        )
        assert note is not None and supervisor.name in note


def test_merge_preview_names_what_moves_and_merge_needs_a_role(db_url: str) -> None:
    operator = _actor(db_url, Role.OPERATOR)
    admin = _actor(db_url, Role.ADMIN)
    with session_scope(db_url) as s:
        keep = f.customer(s, phone="+79161234567")
        dup = f.customer(s, phone="+79161234567", first_name="Анюта", email="a@b.ru", tags=("опт",))
        s.add(
            CustomerPhone(
                customer_id=dup.id, raw="+79990000001", e164="+79990000001", tail10="9990000001"
            )
        )
        off = f.offer(s)
        for _ in range(2):
            f.order(s, [(off, 1)], customer_obj=dup)
        keep_id, dup_id = keep.id, dup.id
    with session_scope(db_url) as s:
        preview = merge_preview(s, keep_id, dup_id)
        with pytest.raises(MergeRefused, match="itself"):
            merge_preview(s, keep_id, keep_id)
    moves = dict(preview.moves)
    assert moves["orders"] == 2 and moves["customer_phones"] == 2 and moves["customer_tags"] == 1
    assert preview.dropped_phones == ("+79161234567",)
    assert preview.filled == ("email",)
    assert preview.duplicate.id == dup_id and preview.keep.id == keep_id
    with session_scope(db_url) as s, pytest.raises(NotAllowed, match="operator may not merge"):
        merge_as(s, keep_id, dup_id, operator, FixedClock(NOW))
    with session_scope(db_url) as s:
        done = merge_as(
            s,
            keep_id,
            dup_id,
            admin,
            FixedClock(NOW),
            keep_version=preview.keep_version,
            duplicate_version=preview.duplicate_version,
        )
    assert (done.kept_id, done.merged_id, done.merged_by) == (keep_id, dup_id, admin.name)
    assert dict(done.moved)["orders.customer_id"] == 2
    with session_scope(db_url) as s:
        assert s.get(Customer, dup_id).merged_into_id == keep_id  # type: ignore[union-attr]
        with pytest.raises(MergeRefused, match="already merged"):
            merge_preview(s, keep_id, dup_id)


def test_stores_rank_by_lines_in_full_then_units(db_url: str) -> None:
    with session_scope(db_url) as s:
        a = f.store(s, name="Арбат")
        b = f.store(s, name="Тверская")
        c = f.store(s, name="Другой город", city="Казань")
        dress = f.offer(s, stock={a.id: 1, b.id: 5, c.id: 9})
        shoes = f.offer(s, stock={a.id: 2, b.id: 1})
        wanted = ((dress.id, 2), (shoes.id, 2))
        ids = (a.id, b.id, c.id)
    with session_scope(db_url) as s:
        ranked = stores_for_items(s, wanted)
        moscow = stores_for_items(s, wanted, city="Москва")
    by_id = {x.store_id: x for x in ranked}
    assert (by_id[ids[1]].items_fully_available, by_id[ids[1]].units_available) == (1, 3)
    assert (by_id[ids[0]].items_fully_available, by_id[ids[0]].units_available) == (1, 3)
    assert (by_id[ids[2]].items_fully_available, by_id[ids[2]].units_available) == (1, 2)
    # ties on lines and units are broken by name
    assert [x.name for x in ranked] == ["Арбат", "Тверская", "Другой город"]
    assert [x.name for x in moscow] == ["Арбат", "Тверская"]
    assert all(x.units_wanted == 4 for x in ranked)
