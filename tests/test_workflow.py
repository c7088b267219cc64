"""Status transitions: the matrix per role, history, versions, outbox, stock side effects."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.actors import ROBOT, Actor
from app.clock import FixedClock
from app.db import session_scope
from app.orders import outcomes, workflow
from app.orders.errors import ReasonRequired, TransitionNotAllowed, VersionConflict
from models import OrderStatusHistory, OutboxEvent, Role, Stock
from tests import factories as f


def _actor(u) -> Actor:  # type: ignore[no-untyped-def]
    return Actor(u.id, u.role.value, u.name)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(f.T0)


@pytest.fixture
def world(db_url: str) -> dict[str, int]:
    with session_scope(db_url) as s:
        st = f.store(s)
        op = f.user(s, "anna", Role.OPERATOR, name="Анна Оператор")
        boss = f.user(s, "boss", Role.SUPERVISOR, name="Борис Супервайзер")
        off = f.offer(s, "1500", stock={st.id: 2})
        o = f.order(s, [(off, 1)], status="needs_confirmation", store_id=st.id)
        return {"store": st.id, "op": op.id, "boss": boss.id, "offer": off.id, "order": o.id}


def test_confirm_writes_history_bumps_version_reserves_and_emits(db_url: str, world, clock) -> None:
    with session_scope(db_url) as s:
        order = workflow.get_order(s, world["order"])
        op = _actor(s.get(f.User, world["op"]))
        outcomes.confirm(s, order, op, clock, expected_version=1)
    with session_scope(db_url) as s:
        order = workflow.get_order(s, world["order"])
        assert order.status == "confirmed"
        assert order.version == 2
        assert order.stock_reserved_at == f.T0
        history = s.scalars(select(OrderStatusHistory)).all()
        assert [(h.from_status, h.to_status, h.actor_id) for h in history] == [
            ("needs_confirmation", "confirmed", world["op"])
        ]
        event = s.scalars(select(OutboxEvent)).one()
        assert event.topic == "order.status_changed"
        assert event.payload["version"] == 2
        assert event.payload["changes"]["status"] == ["needs_confirmation", "confirmed"]
        assert s.get(Stock, (world["offer"], world["store"])).reserved == 1


def test_matrix_refuses_what_the_role_may_not_do(db_url: str, world, clock) -> None:
    with session_scope(db_url) as s:
        order = workflow.get_order(s, world["order"])
        op = _actor(s.get(f.User, world["op"]))
        with pytest.raises(
            TransitionNotAllowed, match="may not move it from 'needs_confirmation' to 'shipped'"
        ):
            workflow.change_status(s, order, "shipped", op, clock)
    with session_scope(db_url) as s:
        assert workflow.allowed_targets(s, "needs_confirmation", "operator") == [
            "no_answer",
            "confirmed",
            "cancelled",
        ]
        assert "completed" in workflow.allowed_targets(s, "ready_for_pickup", "supervisor")
        assert "completed" not in workflow.allowed_targets(s, "ready_for_pickup", "operator")


def test_cancel_needs_a_reason_and_releases_stock(db_url: str, world, clock) -> None:
    with session_scope(db_url) as s:
        order = workflow.get_order(s, world["order"])
        op = _actor(s.get(f.User, world["op"]))
        outcomes.confirm(s, order, op, clock)
        with pytest.raises(ReasonRequired):
            outcomes.cancel(s, order, op, clock, reason="  ")
        outcomes.cancel(s, order, op, clock, reason="передумал")
    with session_scope(db_url) as s:
        order = workflow.get_order(s, world["order"])
        assert (order.status, order.cancel_reason, order.stock_reserved_at) == (
            "cancelled",
            "передумал",
            None,
        )
        assert s.get(Stock, (world["offer"], world["store"])).reserved == 0
        last = s.scalars(select(OrderStatusHistory).order_by(OrderStatusHistory.id.desc())).first()
        assert last is not None and last.comment == "передумал"


def test_stale_version_is_refused_naming_who_changed_what(db_url: str, world, clock) -> None:
    with session_scope(db_url) as s:
        order = workflow.get_order(s, world["order"])
        boss = _actor(s.get(f.User, world["boss"]))
        outcomes.schedule_callback(s, order, boss, clock, f.T0.replace(hour=15))
    with session_scope(db_url) as s:
        order = workflow.get_order(s, world["order"])
        op = _actor(s.get(f.User, world["op"]))
        with pytest.raises(VersionConflict) as err:
            outcomes.confirm(s, order, op, clock, expected_version=1)
    assert "Борис Супервайзер" in str(err.value)
    assert err.value.changes[0].changes["callback_at"][1].startswith("2026-11-20T15:00")
    with session_scope(db_url) as s:
        assert workflow.get_order(s, world["order"]).status == "needs_confirmation"


def test_save_over_someone_elses_save_is_detected(db_url: str, world, clock) -> None:
    """The console's flow: load (session closed), someone else saves, then save with the version
    that was loaded. Nothing may be silently overwritten."""
    with session_scope(db_url) as s:
        loaded_version = workflow.get_order(s, world["order"]).version
    with session_scope(db_url) as s:
        order = workflow.get_order(s, world["order"])
        order.manager_comment = "first"
        workflow.flush_versioned(s, order, loaded_version)
    with session_scope(db_url) as s:
        order = workflow.get_order(s, world["order"])
        with pytest.raises(VersionConflict):
            workflow.check_version(s, order, loaded_version)
    with session_scope(db_url) as s:
        assert workflow.get_order(s, world["order"]).manager_comment == "first"


def test_robot_role_cannot_cancel_a_confirmed_order(db_url: str, world, clock) -> None:
    with session_scope(db_url) as s:
        order = workflow.get_order(s, world["order"])
        outcomes.confirm(s, order, _actor(s.get(f.User, world["op"])), clock)
        with pytest.raises(TransitionNotAllowed):
            workflow.change_status(s, order, "cancelled", ROBOT, clock, reason="x")
