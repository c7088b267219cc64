"""The cross-sell conversation and the upsell it earns: offered → added (accepted) / declined,
credit pending on confirmation, earned on completion, taken back by a return or a cancellation;
the per-operator KPI, its daily series, drill-down and CSV."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.actors import Actor, actor_for_user_id
from app.capsules import kpi
from app.capsules.offers import add_to_order, record_declined, record_offered
from app.capsules.suggestions import suggestions_for_customer, suggestions_for_order
from app.clock import FixedClock
from app.db import session_scope
from app.orders import outcomes, workflow
from app.orders.editing import ItemChange, save_order
from app.orders.errors import InvalidValue
from models import CrossSellOffer, CrossSellOutcome, Offer, OrderItem, UpsellCredit, UpsellState
from tests import factories as f
from tests.capsules import world as W

SHIRT_TO_PAY = Decimal("1349.10")  # 1499 less the 10 % loyalty discount


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(f.T0)


def _sell(db_url: str, clock: FixedClock) -> tuple[W.World, int]:
    """Olga works an order for trousers, adds the suggested shirt, the customer declines the
    shoes, and she confirms the order."""
    with session_scope(db_url) as s:
        w = W.build(s)
        customer = s.get(f.Customer, w.customer)
        trousers = s.get(Offer, w.offers["trousers:128"])
        order = f.order(
            s, [(trousers, 1)], status="needs_confirmation", store_id=w.store, customer_obj=customer
        )
        olga = actor_for_user_id(s, w.operator)
        shown = suggestions_for_order(s, order.id, W.TODAY)
        records = record_offered(s, olga, clock, shown, order_id=order.id)
        assert record_offered(s, olga, clock, shown, order_id=order.id) == records  # refresh
        shirt = next(g for g in shown if g.product_id == w.products["shirt"])
        added = add_to_order(s, olga, clock, order_id=order.id, expected_version=order.version,
                             offer_id=shirt.offer_id, capsule_id=shirt.capsule_id,
                             offer_record_id=records[shirt.product_id])  # fmt: skip
        record_declined(s, olga, clock, records[w.products["shoes"]], "already has shoes")
        order = workflow.get_order(s, order.id)
        assert order.version == added.order_version
        outcomes.confirm(s, order, olga, clock, expected_version=added.order_version)
        return w, order.id


def _credit(db_url: str, order_id: int) -> UpsellCredit:
    with session_scope(db_url) as s:
        credit = s.scalars(select(UpsellCredit).where(UpsellCredit.order_id == order_id)).one()
        s.expunge(credit)
        return credit


def _move(db_url: str, order_id: int, w: W.World, clock: FixedClock, *statuses: str) -> None:
    with session_scope(db_url) as s:
        boss = actor_for_user_id(s, w.supervisor)
        for status in statuses:
            order = workflow.get_order(s, order_id)
            workflow.change_status(s, order, status, boss, clock, reason="test")


def test_added_item_is_a_cross_sell_line_and_the_offers_are_recorded(db_url, clock) -> None:
    w, order_id = _sell(db_url, clock)
    with session_scope(db_url) as s:
        line = s.scalars(
            select(OrderItem).where(OrderItem.order_id == order_id, OrderItem.is_cross_sell)
        ).one()
        assert (line.added_by_id, line.capsule_id) == (w.operator, w.school)
        assert line.discount == Decimal("149.90")  # the loyalty discount, as on any line
        records = {r.offer_id: r for r in s.scalars(select(CrossSellOffer))}
        assert len(records) == 2  # shirt and shoes, once each despite the refresh
        shirt = records[line.offer_id]
        assert shirt.outcome is CrossSellOutcome.ACCEPTED and shirt.order_item_id == line.id
        shoes = next(r for r in records.values() if r is not shirt)
        assert shoes.outcome is CrossSellOutcome.DECLINED
        assert shoes.decline_reason == "already has shoes"
        order = workflow.get_order(s, order_id)
        # the trousers line keeps its discount (none, as the site sent it)
        assert order.total == Decimal("1999.00") + SHIRT_TO_PAY


def test_credit_pending_on_confirm_earned_on_completion_taken_back_by_return(db_url, clock) -> None:
    w, order_id = _sell(db_url, clock)
    credit = _credit(db_url, order_id)
    assert (credit.state, credit.amount, credit.operator_id) == (
        UpsellState.PENDING, SHIRT_TO_PAY, w.operator)  # fmt: skip
    assert credit.credited_on == W.TODAY and credit.capsule_id == w.school
    clock.advance(days=2)
    _move(db_url, order_id, w, clock, "shipped", "completed")
    credit = _credit(db_url, order_id)
    assert credit.state is UpsellState.EARNED and credit.earned_at == clock.now()
    assert credit.credited_on == W.TODAY  # still counted on the day it was confirmed
    clock.advance(days=5)
    _move(db_url, order_id, w, clock, "returned")
    credit = _credit(db_url, order_id)
    assert credit.state is UpsellState.REVERSED and credit.reversed_at == clock.now()


def test_cancellation_takes_the_pending_credit_back(db_url, clock) -> None:
    w, order_id = _sell(db_url, clock)
    _move(db_url, order_id, w, clock, "cancelled")
    assert _credit(db_url, order_id).state is UpsellState.REVERSED


def test_back_to_the_queue_and_confirmed_again_credits_again(db_url, clock) -> None:
    w, order_id = _sell(db_url, clock)
    _move(db_url, order_id, w, clock, "needs_confirmation")
    assert _credit(db_url, order_id).state is UpsellState.REVERSED
    clock.advance(days=1)
    _move(db_url, order_id, w, clock, "confirmed")
    credit = _credit(db_url, order_id)
    assert credit.state is UpsellState.PENDING
    assert credit.credited_on == W.TODAY + dt.timedelta(days=1)


def test_adding_to_an_already_confirmed_order_credits_at_once(db_url, clock) -> None:
    w, order_id = _sell(db_url, clock)
    with session_scope(db_url) as s:
        olga = actor_for_user_id(s, w.operator)
        order = workflow.get_order(s, order_id)
        add_to_order(s, olga, clock, order_id=order_id, expected_version=order.version,
                     offer_id=w.offers["shoes:33"], capsule_id=w.school)  # fmt: skip
    with session_scope(db_url) as s:
        credits = s.scalars(select(UpsellCredit).where(UpsellCredit.order_id == order_id)).all()
        assert sorted(c.amount for c in credits) == [SHIRT_TO_PAY, Decimal("3149.10")]
        assert {c.state for c in credits} == {UpsellState.PENDING}
        # the declined shoes offer is the same product: now it is accepted
        shoes = s.scalars(
            select(CrossSellOffer).where(CrossSellOffer.offer_id == w.offers["shoes:33"])
        ).one()
        assert shoes.outcome is CrossSellOutcome.ACCEPTED


def test_decline_needs_a_reason(db_url, clock) -> None:
    with session_scope(db_url) as s:
        w = W.build(s)
        order = f.order(s, [(s.get(Offer, w.offers["trousers:128"]), 1)], store_id=w.store)
        olga = actor_for_user_id(s, w.operator)
        shown = suggestions_for_order(s, order.id, W.TODAY)
        records = record_offered(s, olga, clock, shown, order_id=order.id)
        with pytest.raises(InvalidValue, match="why"):
            record_declined(s, olga, clock, next(iter(records.values())), "  ")
        with pytest.raises(InvalidValue):
            record_offered(s, Actor(None, "robot", "robot", "robot"), clock, shown,
                           order_id=order.id)  # fmt: skip


def test_kpi_table_series_drill_down_and_csv(db_url, clock) -> None:
    w, order_id = _sell(db_url, clock)
    _move(db_url, order_id, w, clock, "shipped", "completed")
    day = W.TODAY
    with session_scope(db_url) as s:
        rows = kpi.upsell_table(s, day - dt.timedelta(days=29), day)
        series = kpi.daily_series(s, day - dt.timedelta(days=6), day, operator_id=w.operator)
        orders = kpi.drill_down(s, day, day, operator_id=w.operator)
        empty = kpi.upsell_table(s, day + dt.timedelta(days=1), day + dt.timedelta(days=2))
    assert empty == []
    (row,) = rows
    assert (row.operator_name, row.offers_made, row.accepted) == ("Ольга", 2, 1)
    assert row.acceptance_rate == 0.5
    assert (row.pending, row.earned, row.reversed) == (
        Decimal("0.00"),
        SHIRT_TO_PAY,
        Decimal("0.00"),
    )
    assert [(c.capsule_name, c.amount) for c in row.top_capsules] == [
        ("Школа, мальчик 7–9", SHIRT_TO_PAY)
    ]
    assert len(series) == 7 and series[-1].day == day
    assert (series[-1].offers_made, series[-1].accepted, series[-1].earned) == (2, 1, SHIRT_TO_PAY)
    assert all(d.offers_made == 0 for d in series[:-1])
    (drill,) = orders
    assert (drill.order_id, drill.status, drill.amount, drill.state, drill.items) == (
        order_id, "completed", SHIRT_TO_PAY, "earned", 1)  # fmt: skip
    assert drill.capsules == "Школа, мальчик 7–9"
    csv = kpi.csv_rows(rows)
    assert csv[0][0] == "operator" and csv[1][:4] == ["Ольга", "2", "1", "0.500"]
    with pytest.raises(ValueError, match="before it starts"):
        kpi.upsell_table(s, day, day - dt.timedelta(days=1))


def test_offers_to_a_customer_without_an_order_are_recorded_once_a_day(db_url, clock) -> None:
    with session_scope(db_url) as s:
        w = W.build(s)
        olga = actor_for_user_id(s, w.operator)
        shown = suggestions_for_customer(s, w.customer, W.TODAY, store_id=w.store)
        first = record_offered(s, olga, clock, shown, customer_id=w.customer)
        assert set(first) == {g.product_id for g in shown} and first
        assert record_offered(s, olga, clock, shown, customer_id=w.customer) == first
        clock.advance(days=1)
        again = record_offered(s, olga, clock, shown, customer_id=w.customer)
        assert set(again.values()).isdisjoint(first.values())  # a new day, a new offer
        rows = s.scalars(select(CrossSellOffer)).all()
        assert {(r.order_id, r.customer_id) for r in rows} == {(None, w.customer)}


def test_kpi_follows_an_edit_of_a_confirmed_orders_cross_sell_line(db_url, clock) -> None:
    w, order_id = _sell(db_url, clock)
    with session_scope(db_url) as s:
        olga = actor_for_user_id(s, w.operator)
        order = workflow.get_order(s, order_id)
        lines = s.scalars(select(OrderItem).where(OrderItem.order_id == order_id)).all()
        items = [
            ItemChange(i.offer_id, 2 if i.is_cross_sell else i.quantity, item_id=i.id,
                       discount=None if i.is_cross_sell else i.discount)
            for i in lines
        ]  # fmt: skip
        save_order(s, order_id, olga, clock, expected_version=order.version, items=items)
    with session_scope(db_url) as s:
        (row,) = kpi.upsell_table(s, W.TODAY, W.TODAY)
        assert row.pending == 2 * SHIRT_TO_PAY  # the card's edit, before any status change
        (drill,) = kpi.drill_down(s, W.TODAY, W.TODAY)
        assert drill.amount == 2 * SHIRT_TO_PAY
    _move(db_url, order_id, w, clock, "cancelled")
    credit = _credit(db_url, order_id)
    assert (credit.state, credit.amount) == (UpsellState.REVERSED, 2 * SHIRT_TO_PAY)
    with session_scope(db_url) as s:
        (row,) = kpi.upsell_table(s, W.TODAY, W.TODAY)
        assert (row.pending, row.reversed) == (Decimal("0.00"), 2 * SHIRT_TO_PAY)
