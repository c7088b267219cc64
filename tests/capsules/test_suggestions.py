"""Ranking rules: capsule siblings, stock at the shipping store or online, children's sizes,
nothing already in the order or bought in the last 90 days, loyalty price, the reason."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from app.capsules.origin import item_capsules
from app.capsules.suggestions import suggestions_for_customer, suggestions_for_order
from app.db import session_scope
from models import Capsule, Child, Gender, Offer
from tests import factories as f
from tests.capsules import world as W


def _order(s, w, keys, **kw):  # type: ignore[no-untyped-def]
    offers = [(s.get(Offer, w.offers[k]), 1) for k in keys]
    customer = s.get(f.Customer, w.customer) if kw.pop("with_customer", True) else None
    return f.order(s, offers, status="needs_confirmation", store_id=w.store,
                   customer_obj=customer, **kw)  # fmt: skip


def test_order_gets_the_rest_of_its_capsule_in_stock_and_in_the_sons_size(db_url: str) -> None:
    with session_scope(db_url) as s:
        w = W.build(s)
        order = _order(s, w, ["trousers:128"])
        got = suggestions_for_order(s, order.id, W.TODAY)
    by_product = {g.product_id: g for g in got}
    # the backpack is sold out everywhere, the girls' capsule is not this order's
    assert set(by_product) == {w.products["shirt"], w.products["shoes"]}
    shirt = by_product[w.products["shirt"]]
    # Misha is 8: 128 and 134 fit (one size up to grow into), 116 does not
    assert {c.size for c in shirt.sizes} == {"128", "134"}
    # the trousers are 128 → the shirt in 128 (online only) beats nothing; at-store 134 wins
    # because it ships with the order from the same store
    assert shirt.size == "134" and shirt.free_at_store == 2
    shoes = by_product[w.products["shoes"]]
    assert {c.size for c in shoes.sizes} == {"31", "33"}  # size 37 is for a teenager
    assert shirt.capsule_name == "Школа, мальчик 7–9"
    assert shirt.reason == "completes 'Школа, мальчик 7–9' with the брюки «Школа» you are buying"
    assert shirt.price == Decimal("1499.00")
    assert shirt.loyalty_pct == Decimal("10.00")
    assert shirt.price_to_pay == Decimal("1349.10")


def test_without_known_children_every_size_in_stock_is_offered_closest_first(db_url) -> None:
    with session_scope(db_url) as s:
        w = W.build(s)
        order = _order(s, w, ["trousers:128"], with_customer=False)
        got = suggestions_for_order(s, order.id, W.TODAY)
    shirt = next(g for g in got if g.product_id == w.products["shirt"])
    assert {c.size for c in shirt.sizes} == {"116", "128", "134"}
    assert shirt.price_to_pay == shirt.price  # no customer, no loyalty discount


def test_stock_only_online_still_counts_and_none_anywhere_drops_it(db_url: str) -> None:
    with session_scope(db_url) as s:
        w = W.build(s)
        order = _order(s, w, ["shirt:134"], with_customer=False)
        got = suggestions_for_order(s, order.id, W.TODAY)
    products = {g.product_id for g in got}
    assert w.products["trousers"] in products
    assert w.products["backpack"] not in products  # 0 at the store and online


def test_nothing_already_in_the_order_or_bought_in_the_last_90_days(db_url: str) -> None:
    with session_scope(db_url) as s:
        w = W.build(s)
        customer = s.get(f.Customer, w.customer)
        # shoes bought a month ago, a shirt bought half a year ago
        f.order(s, [(s.get(Offer, w.offers["shoes:33"]), 1)], status="completed",
                customer_obj=customer, created_at=f.T0 - dt.timedelta(days=30))  # fmt: skip
        f.order(s, [(s.get(Offer, w.offers["shirt:128"]), 1)], status="completed",
                customer_obj=customer, created_at=f.T0 - dt.timedelta(days=200))  # fmt: skip
        order = _order(s, w, ["trousers:128", "shirt:134"])
        got = suggestions_for_order(s, order.id, W.TODAY)
    assert {g.product_id for g in got} == set()  # shirt in the order, shoes bought, bag sold out
    with session_scope(db_url) as s:
        s.get(f.Order, order.id).status = "cancelled"  # a cancelled order bought nothing
        order = _order(s, w, ["trousers:128"])
        got = suggestions_for_order(s, order.id, W.TODAY)
    assert {g.product_id for g in got} == {w.products["shirt"]}  # 200 days ago is long enough


def test_a_daughter_gets_the_party_capsule_in_her_size_not_the_boys_one(db_url: str) -> None:
    with session_scope(db_url) as s:
        w = W.build(s)
        s.query(Child).delete()
        s.add(Child(customer_id=w.customer, name="Маша", gender=Gender.FEMALE,
                    birth_date=dt.date(2018, 9, 1)))  # fmt: skip
        s.flush()
        # bought the dress; the boy's trousers were a present for a nephew
        order = _order(s, w, ["dress:128", "trousers:128"])
        got = suggestions_for_order(s, order.id, W.TODAY)
    assert [g.product_id for g in got] == [w.products["tights"]]
    assert got[0].size == "122-128"


def test_retired_or_expired_capsules_are_not_offered(db_url: str) -> None:
    with session_scope(db_url) as s:
        w = W.build(s)
        s.get(Capsule, w.school).retired_at = f.T0 - dt.timedelta(days=1)
        order = _order(s, w, ["trousers:128"])
        assert suggestions_for_order(s, order.id, W.TODAY) == []
        s.get(Capsule, w.school).retired_at = None
        s.get(Capsule, w.school).valid_to = W.TODAY - dt.timedelta(days=1)
        s.flush()
        assert suggestions_for_order(s, order.id, W.TODAY) == []


def test_customer_without_an_open_order(db_url: str) -> None:
    with session_scope(db_url) as s:
        w = W.build(s)
        got = suggestions_for_customer(s, w.customer, W.TODAY, store_id=w.store)
        # nothing bought yet: capsules made for Misha (boy, 8)
        assert {g.capsule_id for g in got} == {w.school}
        assert got[0].reason.startswith("'Школа, мальчик 7–9' for Миша, 8")
        customer = s.get(f.Customer, w.customer)
        f.order(s, [(s.get(Offer, w.offers["shirt:128"]), 1)], status="completed",
                customer_obj=customer, created_at=f.T0 - dt.timedelta(days=120))  # fmt: skip
        got = suggestions_for_customer(s, w.customer, W.TODAY, store_id=w.store)
    assert w.products["trousers"] in {g.product_id for g in got}
    trousers = next(g for g in got if g.product_id == w.products["trousers"])
    assert "bought on 23.07" in trousers.reason


def test_item_capsule_labels_recorded_or_inferred(db_url: str) -> None:
    with session_scope(db_url) as s:
        w = W.build(s)
        order = _order(s, w, ["trousers:128", "dress:128"], with_customer=False)
        items = sorted(order_item.id for order_item in s.query(f.OrderItem).filter_by(
            order_id=order.id))  # fmt: skip
        s.get(f.OrderItem, items[1]).capsule_id = w.party  # the site said so
        s.flush()
        labels = item_capsules(s, order.id)
    assert labels[items[0]].capsule_name == "Школа, мальчик 7–9"
    assert labels[items[0]].inferred is True
    assert labels[items[1]].capsule_id == w.party and labels[items[1]].inferred is False
