"""Two consoles recording the same suggestions at the same moment (the same operator signed in
twice, or the panel's "shown" record racing its decline): the offers stay one row per product a
day, and both consoles get the same record ids back. Both databases.

The first console's transaction is held open after it recorded; the second starts meanwhile and
must wait for it (PostgreSQL: the advisory lock of app.capsules.offers.serialize_offers, seen
waiting in pg_stat_activity; SQLite: its BEGIN IMMEDIATE). Without the wait the second read
misses the first's uncommitted rows and inserts them again."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from sqlalchemy import func, select, text

from app.actors import actor_for_user_id
from app.capsules.offers import add_to_order, record_offered
from app.capsules.suggestions import Suggestion, suggestions_for_customer, suggestions_for_order
from app.clock import FixedClock
from app.db import get_sessionmaker, session_scope
from models import CrossSellOffer, CrossSellOutcome, Offer, Order
from tests import factories as f
from tests.capsules import world as W


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(f.T0)


def _shop(db_url: str) -> tuple[W.World, int]:
    with session_scope(db_url) as s:
        w = W.build(s)
        customer = s.get(f.Customer, w.customer)
        trousers = s.get(Offer, w.offers["trousers:128"])
        order = f.order(
            s, [(trousers, 1)], status="needs_confirmation", store_id=w.store, customer_obj=customer
        )
        return w, order.id


def _wait_until_second_waits(db_url: str, backend: str, worker: threading.Thread) -> None:
    """Until the second console is blocked behind the first (or, on SQLite, has had the chance
    to be: its wait inside BEGIN IMMEDIATE is not observable from outside)."""
    if backend != "postgresql":
        time.sleep(0.3)
        return
    deadline = time.monotonic() + 20
    with session_scope(db_url) as s:
        while time.monotonic() < deadline and worker.is_alive():
            waiting = s.scalar(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    " AND wait_event_type = 'Lock' AND wait_event = 'advisory'"
                )
            )
            if waiting:
                return
            s.rollback()  # a fresh snapshot of pg_stat_activity
            time.sleep(0.02)
    # finished without waiting: the rows it left say whether that was harmless
    assert not worker.is_alive(), "the second console is stuck, but not behind the first"


def _race(db_url: str, backend: str, first_call: Any, second_call: Any) -> tuple[Any, Any]:
    """Run ``first_call(session)`` and leave its transaction open; start ``second_call`` in
    another thread with its own session; commit the first once the second waits for it."""
    result: dict[str, Any] = {}
    failure: list[BaseException] = []

    def second() -> None:
        try:
            with session_scope(db_url) as s:
                result["second"] = second_call(s)
        except BaseException as exc:  # reported by the test thread
            failure.append(exc)

    first = get_sessionmaker(db_url)()
    worker = threading.Thread(target=second, name="second-console")
    try:
        result["first"] = first_call(first)
        worker.start()
        _wait_until_second_waits(db_url, backend, worker)
        first.commit()
    finally:
        first.close()
        worker.join(30)
    assert not worker.is_alive()
    if failure:
        raise failure[0]
    return result["first"], result["second"]


def _rows_per_product(db_url: str) -> dict[tuple[int | None, int | None, int], int]:
    with session_scope(db_url) as s:
        rows = s.execute(
            select(
                CrossSellOffer.order_id,
                CrossSellOffer.customer_id,
                Offer.product_id,
                func.count(),
            )
            .join(Offer, Offer.id == CrossSellOffer.offer_id)
            .group_by(CrossSellOffer.order_id, CrossSellOffer.customer_id, Offer.product_id)
        ).all()
        return {(o, c, p): n for o, c, p, n in rows}


def test_two_consoles_recording_an_orders_suggestions_at_once_leave_one_row_each(
    db_url: str, backend: str, clock: FixedClock
) -> None:
    w, order_id = _shop(db_url)
    with session_scope(db_url) as s:
        olga = actor_for_user_id(s, w.operator)
        shown: list[Suggestion] = suggestions_for_order(s, order_id, W.TODAY)
    assert len(shown) >= 2

    def record(s: Any) -> dict[int, int]:
        return record_offered(s, olga, clock, shown, order_id=order_id)

    first, second = _race(db_url, backend, record, record)
    assert second == first
    counts = _rows_per_product(db_url)
    assert counts == {(order_id, None, g.product_id): 1 for g in shown}


def test_two_consoles_recording_a_customers_suggestions_at_once_leave_one_row_each(
    db_url: str, backend: str, clock: FixedClock
) -> None:
    w, _order_id = _shop(db_url)
    with session_scope(db_url) as s:
        olga = actor_for_user_id(s, w.operator)
        shown = suggestions_for_customer(s, w.customer, W.TODAY, store_id=w.store)
    assert shown

    def record(s: Any) -> dict[int, int]:
        return record_offered(s, olga, clock, shown, customer_id=w.customer)

    first, second = _race(db_url, backend, record, record)
    assert second == first
    assert _rows_per_product(db_url) == {(None, w.customer, g.product_id): 1 for g in shown}


def test_adding_while_another_console_records_the_same_offer_accepts_that_one_row(
    db_url: str, backend: str, clock: FixedClock
) -> None:
    w, order_id = _shop(db_url)
    with session_scope(db_url) as s:
        olga = actor_for_user_id(s, w.operator)
        shown = suggestions_for_order(s, order_id, W.TODAY)
        version = s.get(Order, order_id).version
    shirt = next(g for g in shown if g.product_id == w.products["shirt"])

    def record(s: Any) -> dict[int, int]:
        return record_offered(s, olga, clock, shown, order_id=order_id)

    def add(s: Any) -> int:
        # the other console adds without knowing the record the first one is writing
        added = add_to_order(s, olga, clock, order_id=order_id, expected_version=version,
                             offer_id=shirt.offer_id, capsule_id=shirt.capsule_id)  # fmt: skip
        return added.offer_record_id

    records, accepted = _race(db_url, backend, record, add)
    assert accepted == records[shirt.product_id]
    assert _rows_per_product(db_url) == {(order_id, None, g.product_id): 1 for g in shown}
    with session_scope(db_url) as s:
        outcome = s.scalar(select(CrossSellOffer.outcome).where(CrossSellOffer.id == accepted))
    assert outcome is CrossSellOutcome.ACCEPTED
