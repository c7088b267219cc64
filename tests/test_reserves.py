"""Stock reserves: confirm reserves, pickup reserves expire, stock never goes negative."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import select

from app.actors import Actor
from app.clock import FixedClock
from app.db import get_sessionmaker, session_scope
from app.orders import outcomes, workflow
from app.orders.errors import OutOfStock
from app.worker import Worker
from models import DeliveryType, Order, Role, Stock
from tests import factories as f


def _actor(s, uid: int) -> Actor:  # type: ignore[no-untyped-def]
    u = s.get(f.User, uid)
    return Actor(u.id, u.role.value, u.name)


def test_pickup_reserve_expires_after_the_setting_and_releases_stock(db_url: str) -> None:
    clock = FixedClock(f.T0)
    with session_scope(db_url) as s:
        st = f.store(s)
        boss = f.user(s, "sv", Role.SUPERVISOR)
        off = f.offer(s, "2000", stock={st.id: 4})
        o = f.order(
            s, [(off, 2)], status="needs_confirmation", store_id=st.id, delivery=DeliveryType.PICKUP
        )
        ids = {"store": st.id, "boss": boss.id, "offer": off.id, "order": o.id}
    with session_scope(db_url) as s:
        order = workflow.get_order(s, ids["order"])
        outcomes.confirm(s, order, _actor(s, ids["boss"]), clock)
        workflow.change_status(s, order, "ready_for_pickup", _actor(s, ids["boss"]), clock)
        assert order.reserve_until == f.T0 + dt.timedelta(hours=3)
    with session_scope(db_url) as s:
        assert s.get(Stock, (ids["offer"], ids["store"])).reserved == 2
    worker = Worker(db_url, clock)
    clock.advance(hours=2, minutes=59)
    assert worker.run_once().reserves_expired == 0
    clock.advance(minutes=1)
    assert worker.run_once().reserves_expired == 1
    with session_scope(db_url) as s:
        order = workflow.get_order(s, ids["order"])
        assert order.status == "cancelled"
        assert order.cancel_reason == "not collected: reserve expired"
        assert s.get(Stock, (ids["offer"], ids["store"])).reserved == 0
        history = workflow.get_order(s, ids["order"])
        assert history.stock_reserved_at is None


def test_confirm_without_stock_is_refused_and_nothing_changes(db_url: str) -> None:
    clock = FixedClock(f.T0)
    with session_scope(db_url) as s:
        st = f.store(s)
        op = f.user(s, "op", Role.OPERATOR)
        a = f.offer(s, "100", stock={st.id: 5})
        b = f.offer(s, "100", stock={st.id: 1})
        o = f.order(s, [(a, 2), (b, 2)], status="needs_confirmation", store_id=st.id)
        ids = {"op": op.id, "order": o.id, "a": a.id, "b": b.id, "store": st.id}
    with pytest.raises(OutOfStock, match="2 wanted"), session_scope(db_url) as s:
        outcomes.confirm(s, workflow.get_order(s, ids["order"]), _actor(s, ids["op"]), clock)
    with session_scope(db_url) as s:
        assert workflow.get_order(s, ids["order"]).status == "needs_confirmation"
        assert s.get(Stock, (ids["a"], ids["store"])).reserved == 0  # the partial reserve undone


def test_concurrent_confirmations_never_oversell(db_url: str) -> None:
    """8 operators confirm 8 orders for the last 3 units at once: exactly 3 win."""
    with session_scope(db_url) as s:
        st = f.store(s)
        off = f.offer(s, "700", stock={st.id: 3})
        ops = [f.user(s, f"op{i}", Role.OPERATOR).id for i in range(8)]
        orders = [
            f.order(s, [(off, 1)], status="needs_confirmation", store_id=st.id).id for _ in range(8)
        ]
        ids = {"offer": off.id, "store": st.id}
    barrier = threading.Barrier(8)
    results: list[str] = []
    lock = threading.Lock()
    maker = get_sessionmaker(db_url)

    def confirm(i: int) -> None:
        barrier.wait()
        try:
            with maker() as s, s.begin():
                outcomes.confirm(s, s.get(Order, orders[i]), _actor(s, ops[i]), FixedClock(f.T0))
            outcome = "ok"
        except OutOfStock:
            outcome = "out"
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=confirm, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(results) == ["ok"] * 3 + ["out"] * 5
    with session_scope(db_url) as s:
        row = s.get(Stock, (ids["offer"], ids["store"]))
        assert (row.quantity, row.reserved) == (3, 3)
        confirmed = s.scalars(select(Order.id).where(Order.status == "confirmed")).all()
        assert len(confirmed) == 3
