"""The demo seed's cross-sell history: credits agree with the generated cross-sell lines and
their orders' statuses, offers are accepted and declined, and the KPI shows every operator."""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

import pytest
from sqlalchemy import func, select

from app.capsules import kpi
from app.capsules.suggestions import suggestions_for_order
from app.capsules.upsell import state_for
from app.db import session_scope
from app.demo import seed as seed_module
from app.security import hash_password
from models import CrossSellOffer, CrossSellOutcome, Order, OrderItem, UpsellCredit

NOW = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def seeded(db_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(seed_module, "hash_password", partial(hash_password, log2_n=4))
    seed_module.seed_demo(db_url, customers=600, orders=1500, now=NOW, progress=None, workers=1)
    return db_url


def test_demo_credits_offers_and_kpi(seeded: str) -> None:
    with session_scope(seeded) as s:
        lines = s.execute(
            select(
                OrderItem.id, OrderItem.price, OrderItem.quantity, OrderItem.discount, Order.status
            )
            .join(Order, Order.id == OrderItem.order_id)
            .where(OrderItem.is_cross_sell.is_(True))
        ).all()
        credits = {c.order_item_id: c for c in s.scalars(select(UpsellCredit))}
        assert lines and set(credits) == {line.id for line in lines}
        for item_id, price, qty, discount, status in lines:
            assert credits[item_id].amount == price * qty - discount
            assert credits[item_id].state is state_for(status)
        outcomes: dict[Any, int] = dict(
            s.execute(select(CrossSellOffer.outcome, func.count()).group_by(CrossSellOffer.outcome))
            .tuples()
            .all()
        )
        assert outcomes[CrossSellOutcome.ACCEPTED] == len(lines)
        assert outcomes[CrossSellOutcome.DECLINED] > len(lines)
        rows = kpi.upsell_table(s, dt.date(2026, 8, 1), dt.date(2026, 11, 20))
        assert len(rows) == 5  # the five demo operators
        assert all(r.offers_made > r.accepted > 0 for r in rows)
        assert all(0.1 < (r.acceptance_rate or 0) < 0.7 for r in rows)
        assert sum(r.pending + r.earned for r in rows) > 0
        # open orders in the queue get sensible suggestions from the demo capsules
        open_ids = s.scalars(select(Order.id).where(Order.status == "needs_confirmation")).all()
        suggested = [suggestions_for_order(s, oid, NOW.date()) for oid in open_ids]
        assert sum(1 for got in suggested if got) >= len(open_ids) // 4
        for got in suggested:
            for g in got:
                assert g.reason.startswith("completes '") and g.free_at_store + g.free_online > 0
