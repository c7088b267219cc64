"""The auto-approval robot: every rule can send an order to a person, and why is stored."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from app.business_settings import set_setting
from app.clock import FixedClock
from app.db import get_sessionmaker, session_scope
from app.orders import workflow
from app.robot import backtest, process_new_orders
from models import DeliveryType, OrderStatusHistory, OutboxEvent, Stock
from tests import factories as f


@pytest.fixture
def shop(db_url: str) -> dict[str, int]:
    with session_scope(db_url) as s:
        st = f.store(s)
        cheap = f.offer(s, "1200", stock={st.id: 5})
        pricey = f.offer(s, "9500", stock={st.id: 5})
        scarce = f.offer(s, "500", stock={st.id: 1})
        return {"store": st.id, "cheap": cheap.id, "pricey": pricey.id, "scarce": scarce.id}


def _make(db_url: str, shop: dict[str, int], offer: str = "cheap", qty: int = 1, **kw) -> int:  # type: ignore[no-untyped-def]
    with session_scope(db_url) as s:
        off = s.get(f.Offer, shop[offer])
        return f.order(s, [(off, qty)], store_id=kw.pop("store_id", shop["store"]), **kw).id


def _run(db_url: str) -> None:
    process_new_orders(get_sessionmaker(db_url), FixedClock(f.T0))


def _failed(db_url: str, order_id: int) -> tuple[str, list[str]]:
    with session_scope(db_url) as s:
        order = workflow.get_order(s, order_id)
        return order.status, [c["rule"] for c in order.robot_checks or [] if not c["passed"]]


def test_simple_paid_order_is_auto_confirmed_with_reserve_and_erp_event(db_url: str, shop) -> None:
    oid = _make(db_url, shop)
    _run(db_url)
    assert _failed(db_url, oid) == ("confirmed", [])
    with session_scope(db_url) as s:
        assert s.get(Stock, (shop["cheap"], shop["store"])).reserved == 1
        history = s.scalars(select(OrderStatusHistory)).one()
        assert (history.actor_kind, history.actor_id, history.to_status) == (
            "robot",
            None,
            "confirmed",
        )
        assert s.scalars(select(OutboxEvent.topic)).all() == ["order.confirmed"]


@pytest.mark.parametrize(
    ("kwargs", "rule"),
    [
        ({"offer": "pricey", "qty": 2}, "total_below_threshold"),
        ({"comment": "позвоните после 18:00"}, "no_customer_comment"),
        ({"paid": False}, "paid"),
        ({"address": None}, "delivery_address_present"),
        ({"offer": "scarce", "qty": 2}, "items_in_stock"),
    ],
)
def test_each_failing_rule_sends_the_order_to_the_queue(db_url: str, shop, kwargs, rule) -> None:
    oid = _make(db_url, shop, **kwargs)
    _run(db_url)
    assert _failed(db_url, oid) == ("needs_confirmation", [rule])
    with session_scope(db_url) as s:
        check = next(c for c in workflow.get_order(s, oid).robot_checks if c["rule"] == rule)
        assert check["expected"]
        if rule != "delivery_address_present":  # there, "actual" is the missing address: None
            assert check["actual"] is not None


def test_pickup_needs_a_store_not_an_address(db_url: str, shop) -> None:
    oid = _make(db_url, shop, delivery=DeliveryType.PICKUP, address=None)
    _run(db_url)
    assert _failed(db_url, oid) == ("confirmed", [])


def test_prepayment_only_customer_must_have_paid(db_url: str, shop) -> None:
    with session_scope(db_url) as s:
        risky = f.customer(s, tags=("prepayment_only",))
        off = s.get(f.Offer, shop["cheap"])
        unpaid = f.order(s, [(off, 1)], store_id=shop["store"], customer_obj=risky, paid=False).id
        paid = f.order(s, [(off, 1)], store_id=shop["store"], customer_obj=risky, paid=True).id
        set_setting(s, "robot.require_paid", False)
    _run(db_url)
    assert _failed(db_url, unpaid) == ("needs_confirmation", ["not_prepayment_only"])
    assert _failed(db_url, paid) == ("confirmed", [])


def test_threshold_is_an_admin_setting(db_url: str, shop) -> None:
    with session_scope(db_url) as s:
        set_setting(s, "robot.max_total", Decimal("1000"))
    oid = _make(db_url, shop)  # 1200 RUB
    _run(db_url)
    assert _failed(db_url, oid) == ("needs_confirmation", ["total_below_threshold"])


def test_last_item_goes_to_one_order_only(db_url: str, shop) -> None:
    first = _make(db_url, shop, offer="scarce")
    second = _make(db_url, shop, offer="scarce")
    _run(db_url)
    assert _failed(db_url, first) == ("confirmed", [])
    assert _failed(db_url, second) == ("needs_confirmation", ["items_in_stock"])
    with session_scope(db_url) as s:
        row = s.get(Stock, (shop["scarce"], shop["store"]))
        assert (row.quantity, row.reserved) == (1, 1)


def test_backtest_counts_per_threshold(db_url: str, shop) -> None:
    for offer, qty in [("cheap", 1), ("cheap", 3), ("pricey", 1), ("pricey", 2)]:
        _make(db_url, shop, offer=offer, qty=qty)  # 1200, 3600, 9500, 19000
    _make(db_url, shop, comment="позвоните")  # never auto-confirmable
    with session_scope(db_url) as s:
        result = backtest(s, [Decimal("2000"), Decimal("10000"), Decimal("50000")])
    assert result["orders_considered"] == 5
    assert [r["auto_confirmed"] for r in result["results"]] == [1, 3, 4]
