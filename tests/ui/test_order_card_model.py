"""The card's edit state (Qt-free rules: loyalty discount, save arguments, drafts, "keep mine"
merge) and its items model (qtmodeltester)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest

from app.orders.card import CardItem, CustomerSummary, OfferHit, OrderCard
from app.orders.editing import ItemChange
from ui.models.order_edits import OrderEdits, parse_money
from ui.models.order_items import COL_DISCOUNT, COL_FREE, COL_QTY, COL_TOTAL, OrderItemsModel

pytestmark = pytest.mark.ui

T = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)


def item(item_id: int, offer_id: int, qty: int, price: str, discount: str = "0") -> CardItem:
    return CardItem(
        id=item_id,
        offer_id=offer_id,
        offer_external_id=f"SKU-{offer_id}",
        name=f"Товар {offer_id}",
        color="синий",
        size="110",
        quantity=qty,
        price=Decimal(price),
        discount=Decimal(discount),
        free_at_store=3,
        capsule_name=None,
        is_cross_sell=False,
    )


def make_card(items: tuple[CardItem, ...], version: int = 1, **kw: Any) -> OrderCard:
    values: dict[str, Any] = dict(
        id=7,
        number="T7",
        version=version,
        status="needs_confirmation",
        status_name_ru="Требует согласования",
        status_name_en="Needs confirmation",
        source="site",
        created_at=T,
        customer=CustomerSummary(1, "Петрова Анна", ("+79161234567",), None, Decimal("5.00"), ()),
        contact_name="Анна",
        contact_phone="+79161234567",
        contact_email=None,
        operator_name=None,
        lease_holder_id=None,
        lease_holder_name=None,
        delivery_type="courier",
        delivery_address="Москва, Тверская, 1",
        delivery_cost=Decimal("0.00"),
        shipping_store_id=1,
        shipping_store_name="Тверская",
        shipping_store_city="Москва",
        payment_status="paid",
        payment_method=None,
        subtotal=Decimal("0"),
        discount_total=Decimal("0"),
        total=Decimal("0"),
        customer_comment=None,
        manager_comment=None,
        cancel_reason=None,
        no_answer_attempts=0,
        next_attempt_at=None,
        callback_at=None,
        reserve_until=None,
        stock_reserved=False,
        items=items,
        robot_checks=(),
        history=(),
        allowed_statuses=("no_answer", "confirmed", "cancelled"),
    )
    values.update(kw)
    return OrderCard(**values)


HIT = OfferHit(30, "SKU-30", "Кепка", "бежевый", "54", Decimal("700.00"), (("Тверская", 9),))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("350", "350.00"),
        ("350,5", "350.50"),
        ("1 234,50 ₽", "1234.50"),
        ("", "0.00"),
        ("1\u00a0000.456", "1000.46"),
    ],
)
def test_money_as_operators_type_it(text: str, value: str) -> None:
    assert parse_money(text) == Decimal(value)


@pytest.mark.parametrize("text", ["abc", "-5", "1,2,3", "nan"])
def test_bad_money_names_the_input(text: str) -> None:
    with pytest.raises(ValueError, match="not an amount"):
        parse_money(text)


def test_a_loyalty_discount_follows_the_quantity_and_a_typed_one_stays() -> None:
    # line 1 carries the 5 % loyalty discount, line 2 a discount typed by hand
    edits = OrderEdits(make_card((item(1, 10, 2, "1000", "100.00"), item(2, 20, 1, "500", "50"))))
    assert [ln.discount for ln in edits.lines] == [None, Decimal("50")]
    assert not edits.is_dirty()
    edits.set_quantity(0, 3)
    edits.set_quantity(1, 2)
    assert edits.lines[0].effective_discount(edits.loyalty_pct) == Decimal("150.00")
    assert edits.lines[1].effective_discount(edits.loyalty_pct) == Decimal("50")
    t = edits.totals()
    assert (t.subtotal, t.discount, t.total) == (
        Decimal("4000.00"),
        Decimal("200.00"),
        Decimal("3800.00"),
    )
    with pytest.raises(ValueError, match=r"between 0 and 1000\.00"):
        edits.set_discount(1, Decimal("1500"))
    with pytest.raises(ValueError, match="quantity must be between 1 and 999"):
        edits.set_quantity(0, 0)


def test_save_arguments_carry_only_what_changed() -> None:
    edits = OrderEdits(make_card((item(1, 10, 1, "1000"),)))
    assert edits.save_args() == ({}, None)
    edits.set_field("manager_comment", "  упаковать  ")
    edits.set_field("delivery_cost", parse_money("350"))
    fields, items = edits.save_args()
    assert fields == {"manager_comment": "упаковать", "delivery_cost": "350.00"}
    assert items is None  # a comment never re-sends the lines (no reserve moves)
    # back to the saved value: the edit is forgotten
    edits.set_field("manager_comment", "")
    edits.set_field("delivery_cost", Decimal("0"))
    assert not edits.is_dirty()
    edits.add_offer(HIT, 2, 9)
    edits.add_offer(HIT, 1, 9)  # the same offer again: more of the added line
    fields, items = edits.save_args()
    assert items == [
        ItemChange(offer_id=10, quantity=1, item_id=1, discount=Decimal("0")),
        ItemChange(offer_id=30, quantity=3, item_id=None, discount=None),
    ]
    assert edits.lines[1].effective_discount(edits.loyalty_pct) == Decimal("105.00")


def test_keep_mine_merges_three_ways() -> None:
    base = make_card(
        (item(1, 10, 1, "1000"), item(2, 20, 1, "500"), item(3, 30, 1, "700"), item(4, 40, 1, "90"))
    )
    edits = OrderEdits(base)
    edits.set_quantity(0, 5)  # I change line 1
    edits.remove(1)  # I remove line 2
    edits.set_quantity(1, 4)  # I change line 3 (which they remove)
    edits.add_offer(replace(HIT, offer_id=50), 1)  # I add an offer
    edits.set_field("delivery_address", "Москва, Арбат, 10")
    edits.set_field("manager_comment", "мой")
    # theirs: line 1 qty 2, line 3 removed, line 4 untouched, a new line 5; same comment as mine
    theirs = make_card(
        (item(1, 10, 2, "1000"), item(2, 20, 1, "500"), item(4, 40, 1, "90"), item(5, 60, 1, "10")),
        version=2,
        manager_comment="мой",
        delivery_address="Москва, Тверская, 5",
    )
    merged = edits.rebased(theirs)
    assert merged.expected_version == 2
    assert [(ln.item_id, ln.offer_id, ln.quantity) for ln in merged.lines] == [
        (1, 10, 5),  # mine wins where I changed it
        (4, 40, 1),  # untouched by me: theirs
        (5, 60, 1),  # their new line stays
        (None, 30, 4),  # I changed it, they removed it: back as a new line
        (None, 50, 1),  # my new line
    ]
    assert merged.fields == {"delivery_address": "Москва, Арбат, 10"}  # the comment is the same
    assert merged.is_dirty()


def test_drafts_round_trip_through_the_edits() -> None:
    card = make_card((item(1, 10, 1, "1000"), item(2, 20, 2, "500")))
    edits = OrderEdits(card)
    edits.set_field("shipping_store_id", 2, label="Арбат")
    edits.set_quantity(1, 3)
    edits.add_offer(HIT, 1, 9)
    draft = edits.to_draft(user_id=3, now=T)
    assert draft.lines is not None and len(draft.lines) == 3
    back = OrderEdits.from_draft(card, draft)
    assert back.save_args() == edits.save_args()
    assert back.store_name() == "Арбат"
    assert back.totals() == edits.totals()
    # restored on a newer version: the draft's version stays the expected one
    newer = replace(card, version=4)
    restored = OrderEdits.from_draft(newer, draft)
    assert restored.expected_version == 1 and restored.stale


def test_items_model_passes_qtmodeltester(qtmodeltester: Any, qtbot: Any) -> None:
    model = OrderItemsModel()
    qtmodeltester.check(model)  # empty
    edits = OrderEdits(make_card((item(1, 10, 1, "1000"), item(2, 20, 4, "500"))))
    model.set_edits(edits, editable=True)
    qtmodeltester.check(model)
    assert model.index(1, COL_FREE).data() == "3"
    assert model.setData(model.index(0, COL_QTY), 2)
    assert model.index(0, COL_TOTAL).data() == "₽2,000.00"  # its discount was 0, not loyalty
    assert not model.setData(model.index(0, COL_QTY), 0)
    assert model.setData(model.index(1, COL_DISCOUNT), "10")
    with qtbot.waitSignal(model.rowsInserted):
        model.add_offer(HIT, 1, 9)
    with qtbot.waitSignal(model.dataChanged):
        model.add_offer(HIT, 1, 9)  # grows the added line: no new row
    assert model.rowCount() == 3
    with qtbot.waitSignal(model.rowsRemoved):
        model.remove_row(0)
    qtmodeltester.check(model)
    model.set_editable(False)
    assert not model.setData(model.index(0, COL_QTY), 5)
    qtmodeltester.check(model)
