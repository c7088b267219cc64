"""Metrics follow orders through the real workflow; segments come from settings; the robot
asks the low-buyout segment (live and bulk paths, and the backtest)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from app.actors import Actor
from app.business_settings import set_setting
from app.clock import FixedClock
from app.customers.metrics import DEFINITIONS, CustomerMetrics, metrics_for, metrics_for_many
from app.customers.segments import (
    DORMANT,
    LOW_BUYOUT,
    NEW,
    VIP,
    SegmentRules,
    badges_for,
    prepayment_required,
    requires_prepayment,
    segments_of,
)
from app.db import session_scope
from app.orders import workflow
from app.robot import backtest, decide
from models import Category, DeliveryType, Offer, Product, Role
from tests import factories as f

NOW = f.T0
DAY = dt.timedelta(days=1)


def _path(s: Any, order_id: int, statuses: list[str], actor: Actor) -> None:
    clock = FixedClock(NOW)
    for status in statuses:
        order = workflow.get_order(s, order_id)
        workflow.change_status(
            s,
            order,
            status,
            actor,
            clock,
            reason="клиент передумал" if status == "cancelled" else None,
        )


@pytest.fixture
def history(db_url: str) -> dict[str, Any]:
    """One customer, six orders in every kind of fate (see the asserts for the figures)."""
    with session_scope(db_url) as s:
        boss = f.user(s, login="boss", role=Role.SUPERVISOR)
        actor = Actor(boss.id, boss.role.value, boss.name)
        store = f.store(s)
        shoes = f.offer(s, "1000", stock={store.id: 100})
        dress = f.offer(s, "2500", stock={store.id: 100})
        s.get(Category, s.get(Product, shoes.product_id).category_id).name = "Обувь"  # type: ignore[union-attr]
        s.get(Category, s.get(Product, dress.product_id).category_id).name = "Платья"  # type: ignore[union-attr]
        customer = f.customer(s)
        other = f.customer(s, phone="+79035550000")

        def make(off: Offer, qty: int, days_ago: int, **kw: Any) -> int:
            return f.order(
                s, [(off, qty)], store_id=store.id, customer_obj=customer,
                created_at=NOW - days_ago * DAY, **kw,
            ).id  # fmt: skip

        ids = {
            "done": make(shoes, 1, 100),
            "pickup": make(dress, 1, 10, delivery=DeliveryType.PICKUP),
            "cancelled_late": make(shoes, 2, 9),
            "cancelled_early": make(dress, 3, 8),
            "returned": make(shoes, 1, 7),
            "open": make(shoes, 3, 2),
        }
        f.order(s, [(dress, 1)], store_id=store.id, customer_obj=other)
        _path(s, ids["done"], ["confirmed", "shipped", "completed"], actor)
        _path(s, ids["pickup"], ["confirmed", "ready_for_pickup", "completed"], actor)
        _path(s, ids["cancelled_late"], ["confirmed", "cancelled"], actor)
        _path(s, ids["cancelled_early"], ["cancelled"], actor)
        _path(s, ids["returned"], ["confirmed", "shipped", "returned"], actor)
        return {"customer": customer.id, "other": other.id, "ids": ids, "actor": actor}


def test_metrics_of_a_history(db_url: str, history: dict[str, Any]) -> None:
    with session_scope(db_url) as s:
        m = metrics_for(s, history["customer"], FixedClock(NOW))
    assert (m.order_count, m.completed_count, m.ltv, m.average_check) == (
        6,
        2,
        Decimal("3500.00"),
        Decimal("1750.00"),
    )
    # decided: both completed, cancelled after confirmation, returned; not cancelled-early
    assert (m.decided_count, m.buyout_rate) == (4, Decimal("50.0"))
    assert (m.first_order_at, m.last_order_at, m.days_since_last_order) == (
        NOW - 100 * DAY,
        NOW - 2 * DAY,
        2,
    )
    # items in orders not cancelled/returned: shoes 1 + 3, dress 1
    assert [(c.name, c.items) for c in m.top_categories] == [("Обувь", 4), ("Платья", 1)]
    assert (m.click_collect_count, m.click_collect_share) == (1, Decimal("16.7"))


def test_metrics_follow_status_changes(db_url: str, history: dict[str, Any]) -> None:
    with session_scope(db_url) as s:
        _path(s, history["ids"]["open"], ["confirmed", "shipped", "completed"], history["actor"])
    with session_scope(db_url) as s:
        m = metrics_for(s, history["customer"], FixedClock(NOW))
    assert (m.completed_count, m.ltv, m.decided_count, m.buyout_rate) == (
        3,
        Decimal("6500.00"),
        5,
        Decimal("60.0"),
    )
    with session_scope(db_url) as s:  # a completed order is returned later
        _path(s, history["ids"]["done"], ["returned"], history["actor"])
    with session_scope(db_url) as s:
        m = metrics_for(s, history["customer"], FixedClock(NOW))
    assert (m.completed_count, m.ltv, m.buyout_rate) == (2, Decimal("5500.00"), Decimal("40.0"))


def test_metrics_for_many_and_a_customer_without_orders(
    db_url: str, history: dict[str, Any]
) -> None:
    with session_scope(db_url) as s:
        lonely = f.customer(s, phone="+79990001122").id
        many = metrics_for_many(s, [history["customer"], history["other"], lonely], FixedClock(NOW))
    assert many[history["customer"]].ltv == Decimal("3500.00")
    assert (many[history["other"]].order_count, many[history["other"]].buyout_rate) == (1, None)
    assert many[lonely] == CustomerMetrics()


def test_every_metric_has_a_definition() -> None:
    shown = set(CustomerMetrics().as_json())
    assert shown - {"completed_count"} <= set(DEFINITIONS)
    assert all(d.description for d in DEFINITIONS.values())


def _rules(**kw: Any) -> SegmentRules:
    base: dict[str, Any] = {
        "vip_ltv": Decimal("50000"),
        "low_buyout_pct": Decimal("50"),
        "low_buyout_min_decided": 3,
        "new_days": 30,
        "dormant_days": 180,
    }
    return SegmentRules(**{**base, **kw})


@pytest.mark.parametrize(
    ("metrics", "rules", "codes"),
    [
        (CustomerMetrics(ltv=Decimal("60000"), completed_count=3), _rules(), {VIP}),
        (CustomerMetrics(ltv=Decimal("49999.99"), completed_count=3), _rules(), set()),
        (CustomerMetrics(completed_count=1, decided_count=3), _rules(), {LOW_BUYOUT}),
        (CustomerMetrics(completed_count=1, decided_count=2), _rules(), set()),  # too few decided
        (CustomerMetrics(completed_count=3, decided_count=6), _rules(), set()),  # exactly 50 %
        (CustomerMetrics(first_order_at=NOW - 30 * DAY, last_order_at=NOW, days_since_last_order=0),
         _rules(), {NEW}),
        (CustomerMetrics(first_order_at=NOW - 31 * DAY, last_order_at=NOW, days_since_last_order=0),
         _rules(), set()),
        (CustomerMetrics(first_order_at=NOW - 400 * DAY, last_order_at=NOW - 180 * DAY,
                         days_since_last_order=180), _rules(), {DORMANT}),
        (CustomerMetrics(first_order_at=NOW - 400 * DAY, last_order_at=NOW - 179 * DAY,
                         days_since_last_order=179), _rules(), set()),
    ],
)  # fmt: skip
def test_segment_rules(metrics: CustomerMetrics, rules: SegmentRules, codes: set[str]) -> None:
    assert {b.code for b in segments_of(metrics, rules, NOW)} == codes


def test_segments_come_from_settings(db_url: str, history: dict[str, Any]) -> None:
    cid = history["customer"]
    with session_scope(db_url) as s:
        assert {b.code for b in badges_for(s, cid, FixedClock(NOW))} == set()
        set_setting(s, "segments.vip_ltv", "3500")
        set_setting(s, "segments.low_buyout_pct", "55")
        set_setting(s, "segments.low_buyout_min_decided", 4)
        set_setting(s, "segments.new_days", 100)
    with session_scope(db_url) as s:
        badges = badges_for(s, cid, FixedClock(NOW))
    assert [b.code for b in badges] == [VIP, LOW_BUYOUT, NEW]
    assert badges[1].reason == "buyout 50.0% < 55% over 4 decided orders"
    with session_scope(db_url) as s:
        # the last order was 2 days before NOW: dormant from 180 days after it
        assert {b.code for b in badges_for(s, cid, FixedClock(NOW + 177 * DAY))} == {
            VIP,
            LOW_BUYOUT,
        }
        assert DORMANT in {b.code for b in badges_for(s, cid, FixedClock(NOW + 178 * DAY))}


def test_staff_tag_shows_as_the_prepayment_badge(db_url: str) -> None:
    with session_scope(db_url) as s:
        cid = f.customer(s, tags=("prepayment_only",)).id
        badges = badges_for(s, cid, FixedClock(NOW))
    assert [(b.code, b.source) for b in badges] == [(LOW_BUYOUT, "tag")]


def test_robot_honours_the_low_buyout_segment(db_url: str, history: dict[str, Any]) -> None:
    cid = history["customer"]
    with session_scope(db_url) as s:
        set_setting(s, "robot.require_paid", False)
        set_setting(s, "segments.low_buyout_pct", "55")
        set_setting(s, "segments.low_buyout_min_decided", 4)
        store = f.store(s)
        off = f.offer(s, "100", stock={store.id: 10})
        customer = s.get(f.Customer, cid)
        unpaid = f.order(s, [(off, 1)], store_id=store.id, customer_obj=customer, paid=False).id
        paid = f.order(s, [(off, 1)], store_id=store.id, customer_obj=customer, paid=True).id
        other = s.get(f.Customer, history["other"])
        stranger = f.order(s, [(off, 1)], store_id=store.id, customer_obj=other, paid=False).id
    with session_scope(db_url) as s:
        assert requires_prepayment(s, cid) and not requires_prepayment(s, history["other"])
        assert prepayment_required(s, [cid, history["other"]]) == {cid}
        bt = backtest(s, [Decimal("1000000")])
        verdicts = {
            oid: decide(s, workflow.get_order(s, oid), FixedClock(NOW))
            for oid in (unpaid, paid, stranger)
        }
    assert verdicts[unpaid].failed == ["not_prepayment_only"]
    assert verdicts[paid].confirmed and verdicts[stranger].confirmed
    # backtest replays the same rule: the unpaid order of the low-buyout customer is out
    with session_scope(db_url) as s:
        set_setting(s, "segments.low_buyout_pct", "10")
    with session_scope(db_url) as s:
        bt_without = backtest(s, [Decimal("1000000")])
    assert bt_without["results"][0]["auto_confirmed"] - bt["results"][0]["auto_confirmed"] >= 1
