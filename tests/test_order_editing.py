"""The order card's services: load, edit items/delivery with loyalty discount, conflicts, create."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.actors import Actor
from app.clock import FixedClock
from app.db import session_scope
from app.orders import outcomes, workflow
from app.orders.card import load_card, search_offers, stores_for_order
from app.orders.creation import create_order
from app.orders.editing import ItemChange, NotEditable, save_order
from app.orders.errors import InvalidValue, OutOfStock, VersionConflict
from models import Role, Stock
from tests import factories as f


@pytest.fixture
def w(db_url: str) -> dict[str, int]:
    with session_scope(db_url) as s:
        a = f.store(s, city="Москва", name="Тверская")
        b = f.store(s, city="Москва", name="Арбат")
        c = f.store(s, city="Казань", name="Казань")
        op = f.user(s, "op", Role.OPERATOR, name="Ольга")
        op2 = f.user(s, "op2", Role.OPERATOR, name="Пётр")
        shirt = f.offer(s, "1000", stock={a.id: 1, b.id: 5, c.id: 9}, name="Рубашка белая, 128")
        jeans = f.offer(s, "2500", stock={a.id: 0, b.id: 2}, name="Джинсы синие, 128")
        cust = f.customer(s, loyalty_discount_pct=Decimal("5"))
        o = f.order(s, [(shirt, 1)], status="needs_confirmation", store_id=a.id, customer_obj=cust)
        return {
            "a": a.id,
            "b": b.id,
            "c": c.id,
            "op": op.id,
            "op2": op2.id,
            "shirt": shirt.id,
            "jeans": jeans.id,
            "order": o.id,
            "customer": cust.id,
        }


def actor(s, uid: int) -> Actor:  # type: ignore[no-untyped-def]
    u = s.get(f.User, uid)
    return Actor(u.id, u.role.value, u.name)


def test_card_has_items_stock_checks_and_allowed_statuses(db_url: str, w) -> None:
    with session_scope(db_url) as s:
        card = load_card(s, w["order"], "operator")
    assert card.items[0].free_at_store == 1
    assert card.allowed_statuses == ("no_answer", "confirmed", "cancelled")
    assert card.customer is not None and card.customer.loyalty_discount_pct == Decimal("5.00")
    assert card.customer.phones == ("+79161234567",)


def test_add_item_applies_loyalty_discount_and_recomputes_totals(db_url: str, w) -> None:
    clock = FixedClock(f.T0)
    with session_scope(db_url) as s:
        card = load_card(s, w["order"], "operator")
        save_order(
            s,
            w["order"],
            actor(s, w["op"]),
            clock,
            expected_version=card.version,
            items=[
                ItemChange(w["shirt"], 1, item_id=card.items[0].id, discount=Decimal("0")),
                ItemChange(w["jeans"], 2),
            ],
            fields={"manager_comment": "клиент просит упаковать"},
        )
    with session_scope(db_url) as s:
        card = load_card(s, w["order"], "operator")
    jeans = next(i for i in card.items if i.offer_id == w["jeans"])
    assert jeans.discount == Decimal("250.00")  # 5 % of 2 × 2500
    assert (card.subtotal, card.discount_total, card.total) == (
        Decimal("6000.00"),
        Decimal("250.00"),
        Decimal("5750.00"),
    )
    assert card.manager_comment == "клиент просит упаковать"
    assert card.version == 2


def test_stale_save_is_refused_and_names_the_other_operator(db_url: str, w) -> None:
    clock = FixedClock(f.T0)
    with session_scope(db_url) as s:
        mine = load_card(s, w["order"], "operator")
    with session_scope(db_url) as s:
        save_order(
            s,
            w["order"],
            actor(s, w["op2"]),
            clock,
            expected_version=mine.version,
            fields={"delivery_address": "Москва, Арбат, 10"},
        )
    with pytest.raises(VersionConflict) as err, session_scope(db_url) as s:
        save_order(
            s,
            w["order"],
            actor(s, w["op"]),
            clock,
            expected_version=mine.version,
            fields={"delivery_address": "Москва, Тверская, 5"},
        )
    assert "Пётр" in str(err.value) and "delivery_address" in str(err.value)
    assert err.value.changes[0].changes["delivery_address"][1] == "Москва, Арбат, 10"
    with session_scope(db_url) as s:
        assert load_card(s, w["order"], "operator").delivery_address == "Москва, Арбат, 10"


def test_moving_a_reserved_order_moves_its_reserve(db_url: str, w) -> None:
    clock = FixedClock(f.T0)
    with session_scope(db_url) as s:
        order = workflow.get_order(s, w["order"])
        outcomes.confirm(s, order, actor(s, w["op"]), clock)
        version = order.version
    with session_scope(db_url) as s:
        save_order(
            s,
            w["order"],
            actor(s, w["op"]),
            clock,
            expected_version=version,
            fields={"shipping_store_id": w["b"]},
        )
    with session_scope(db_url) as s:
        assert s.get(Stock, (w["shirt"], w["a"])).reserved == 0
        assert s.get(Stock, (w["shirt"], w["b"])).reserved == 1
        version = load_card(s, w["order"], "operator").version
    with pytest.raises(OutOfStock), session_scope(db_url) as s:
        save_order(
            s,
            w["order"],
            actor(s, w["op"]),
            clock,
            expected_version=version,
            items=[ItemChange(w["jeans"], 3)],
        )
    with session_scope(db_url) as s:
        assert s.get(Stock, (w["shirt"], w["b"])).reserved == 1  # rolled back whole


def test_bad_edits_name_the_field(db_url: str, w) -> None:
    clock = FixedClock(f.T0)
    cases = [
        ({"fields": {"contact_phone": "12"}}, "contact_phone"),
        ({"fields": {"delivery_type": "drone"}}, "delivery_type"),
        ({"fields": {"status": "completed"}}, "status"),
        ({"items": [ItemChange(999999, 1)]}, "items[0].offer"),
        ({"items": [ItemChange(w["shirt"], 0)]}, "items[0].quantity"),
        ({"items": [ItemChange(w["shirt"], 1, discount=Decimal("5000"))]}, "items[0].discount"),
        ({"items": []}, "items"),
    ]
    for kwargs, field in cases:
        with pytest.raises(InvalidValue) as err, session_scope(db_url) as s:
            save_order(s, w["order"], actor(s, w["op"]), clock, expected_version=1, **kwargs)
        assert err.value.field == field


def test_final_orders_cannot_change_content(db_url: str, w) -> None:
    clock = FixedClock(f.T0)
    with session_scope(db_url) as s:
        order = workflow.get_order(s, w["order"])
        outcomes.cancel(s, order, actor(s, w["op"]), clock, "дубль")
        version = order.version
    with pytest.raises(NotEditable), session_scope(db_url) as s:
        save_order(
            s,
            w["order"],
            actor(s, w["op"]),
            clock,
            expected_version=version,
            items=[ItemChange(w["shirt"], 2)],
        )


def test_store_choice_sorted_by_what_they_can_serve(db_url: str, w) -> None:
    with session_scope(db_url) as s:
        card = load_card(s, w["order"], "operator")
        save_order(
            s,
            w["order"],
            actor(s, w["op"]),
            FixedClock(f.T0),
            expected_version=card.version,
            items=[ItemChange(w["shirt"], 2, item_id=card.items[0].id), ItemChange(w["jeans"], 1)],
        )
    with session_scope(db_url) as s:
        choices = stores_for_order(s, w["order"])
        assert [c.name for c in choices] == ["Арбат", "Тверская"]  # same city only
        assert (choices[0].items_fully_available, choices[0].units_available) == (2, 3)
        assert [c.name for c in stores_for_order(s, w["order"], city="Казань")] == ["Казань"]


def test_offer_search_shows_stock_per_store(db_url: str, w) -> None:
    with session_scope(db_url) as s:
        hits = search_offers(s, "рубашка")
    assert [h.offer_id for h in hits] == [w["shirt"]]
    assert hits[0].free_by_store[0] == ("Казань", 9)


def test_operator_creates_an_order_that_is_leased_to_them(db_url: str, w) -> None:
    with session_scope(db_url) as s:
        order = create_order(
            s,
            actor(s, w["op"]),
            FixedClock(f.T0),
            customer_id=w["customer"],
            items=[ItemChange(w["jeans"], 1)],
            delivery_address="Москва, Арбат, 1",
            shipping_store_id=w["b"],
        )
        oid = order.id
    with session_scope(db_url) as s:
        card = load_card(s, oid, "operator")
        assert card.status == "needs_confirmation" and card.lease_holder_id == w["op"]
        assert card.total == Decimal("2375.00")  # loyalty 5 %
        assert card.contact_phone == "+79161234567"
