"""The auto-approval robot (Gulliver): simple orders are confirmed without a call.

For each new order it runs every check and stores each result (passed, expected, actual) with
the order, so an operator sees exactly why an order is in the queue. All pass → ``confirmed`` by
the robot with stock reserved and an outbox event for the ERP; any fail → ``needs_confirmation``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, case, func, or_, select, true
from sqlalchemy.orm import Session

from app.actors import ROBOT
from app.business_settings import all_settings
from app.clock import Clock
from app.customers.segments import (
    PREPAYMENT_ONLY_TAG,
    SegmentRules,
    low_buyout_customer_ids,
    requires_prepayment,
)
from app.orders import stock
from app.orders.workflow import change_status
from models import CustomerTag, DeliveryType, Order, OrderItem, PaymentStatus

__all__ = ["PREPAYMENT_ONLY_TAG", "backtest", "decide", "process_new_orders"]


@dataclass(frozen=True, slots=True)
class CheckResult:
    rule: str
    passed: bool
    expected: Any
    actual: Any

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class RobotSettings:
    max_total: Decimal
    require_paid: bool

    @classmethod
    def load(cls, session: Session) -> RobotSettings:
        values = all_settings(session)
        return cls(max_total=values["robot.max_total"], require_paid=values["robot.require_paid"])


@dataclass(frozen=True, slots=True)
class OrderFacts:
    """What the checks look at, gathered in a few queries (plain data: testable, backtestable)."""

    total: Decimal
    customer_comment: str | None
    paid: bool
    delivery_type: DeliveryType
    delivery_address: str | None
    shipping_store_id: int | None
    item_count: int
    shortages: tuple[str, ...]
    prepayment_only: bool


def gather_facts(session: Session, order: Order) -> OrderFacts:
    shortages: list[str] = []
    if order.shipping_store_id is not None:
        for a in stock.availability(session, order.id, order.shipping_store_id):
            if a.available < a.wanted:
                shortages.append(f"offer {a.offer_id}: {a.wanted} wanted, {a.available} free")
    # staff's prepayment_only tag, or the low-buyout segment (app/customers/segments.py)
    prepayment_only = order.customer_id is not None and requires_prepayment(
        session, order.customer_id
    )
    item_count = session.scalar(
        select(func.count()).select_from(OrderItem).where(OrderItem.order_id == order.id)
    )
    return OrderFacts(
        total=order.total,
        customer_comment=order.customer_comment,
        paid=order.payment_status == PaymentStatus.PAID,
        delivery_type=order.delivery_type,
        delivery_address=order.delivery_address,
        shipping_store_id=order.shipping_store_id,
        item_count=int(item_count or 0),
        shortages=tuple(shortages),
        prepayment_only=prepayment_only,
    )


def run_checks(facts: OrderFacts, settings: RobotSettings) -> list[CheckResult]:
    """Every rule, in a fixed order; pure function of the facts and the settings."""
    comment = (facts.customer_comment or "").strip()
    if facts.delivery_type == DeliveryType.PICKUP:
        has_destination = facts.shipping_store_id is not None
        destination = "pickup store" if has_destination else None
    else:
        has_destination = bool((facts.delivery_address or "").strip())
        destination = facts.delivery_address
    in_stock = facts.shipping_store_id is not None and facts.item_count > 0 and not facts.shortages
    if facts.shipping_store_id is None:
        stock_actual: Any = "no shipping store"
    elif facts.item_count == 0:
        stock_actual = "no items"
    else:
        stock_actual = list(facts.shortages) or "all available"
    return [
        CheckResult(
            "total_below_threshold",
            facts.total < settings.max_total,
            f"< {settings.max_total}",
            str(facts.total),
        ),
        CheckResult("no_customer_comment", not comment, "no comment", comment or None),
        CheckResult(
            "paid",
            facts.paid or not settings.require_paid,
            "paid" if settings.require_paid else "any",
            "paid" if facts.paid else "not paid",
        ),
        CheckResult(
            "delivery_address_present",
            has_destination,
            "address or pickup store",
            destination,
        ),
        CheckResult("items_in_stock", in_stock, "all items free at the store", stock_actual),
        CheckResult(
            "not_prepayment_only",
            facts.paid or not facts.prepayment_only,
            "paid, or customer not in 'prepayment only'",
            "prepayment only, unpaid" if facts.prepayment_only and not facts.paid else "ok",
        ),
    ]


@dataclass(frozen=True, slots=True)
class RobotDecision:
    order_id: int
    number: str
    confirmed: bool
    checks: tuple[CheckResult, ...]

    @property
    def failed(self) -> list[str]:
        return [c.rule for c in self.checks if not c.passed]


def decide(
    session: Session, order: Order, clock: Clock, settings: RobotSettings | None = None
) -> RobotDecision:
    """Run the robot on one ``new`` order and move it on (caller commits)."""
    settings = settings or RobotSettings.load(session)
    checks = run_checks(gather_facts(session, order), settings)
    confirmed = all(c.passed for c in checks)
    if confirmed:
        try:
            with session.begin_nested():
                _store_checks(order, checks, clock)
                change_status(
                    session,
                    order,
                    "confirmed",
                    ROBOT,
                    clock,
                    comment="auto-approved",
                    topic="order.confirmed",
                )
        except stock.OutOfStock as exc:
            # Stock went between the check and the reserve (another order won it): the
            # savepoint undid the partial reserve; record why and let a person decide.
            checks = [
                CheckResult(c.rule, False, c.expected, exc.shortages)
                if c.rule == "items_in_stock"
                else c
                for c in checks
            ]
            confirmed = False
    if not confirmed:
        _store_checks(order, checks, clock)
        failed = ", ".join(c.rule for c in checks if not c.passed)
        change_status(
            session, order, "needs_confirmation", ROBOT, clock, comment=f"robot: {failed}"
        )
    return RobotDecision(order.id, order.number, confirmed, tuple(checks))


def _store_checks(order: Order, checks: list[CheckResult], clock: Clock) -> None:
    order.robot_checks = [c.as_json() for c in checks]
    order.robot_checked_at = clock.now()


def process_new_orders(
    session_factory: Callable[[], Session],
    clock: Clock,
    *,
    batch: int = 200,
    limit: int | None = None,
) -> list[RobotDecision]:
    """Decide every ``new`` order, a batch per transaction. On PostgreSQL rows are taken with
    SKIP LOCKED so several workers share the work and never decide one order twice; on SQLite
    the write transaction (BEGIN IMMEDIATE) serialises them."""
    decisions: list[RobotDecision] = []
    while limit is None or len(decisions) < limit:
        with session_factory() as session, session.begin():
            settings_row = all_settings(session)
            if not settings_row["robot.enabled"]:
                return decisions
            settings = RobotSettings(
                settings_row["robot.max_total"], settings_row["robot.require_paid"]
            )
            query = select(Order).where(Order.status == "new").order_by(Order.id).limit(batch)
            if session.get_bind().dialect.name == "postgresql":
                query = query.with_for_update(skip_locked=True)
            orders = session.scalars(query).all()
            if not orders:
                break
            for order in orders:
                decisions.append(decide(session, order, clock, settings))
    return decisions


def backtest(
    session: Session,
    thresholds: list[Decimal],
    since: dt.datetime | None = None,
    settings: RobotSettings | None = None,
) -> dict[str, Any]:
    """How many past orders each threshold would have auto-confirmed.

    Replays the rules that past data still answers (no comment, paid, destination, not
    'prepayment only') in one aggregate query; stock at the time cannot be replayed (it has
    moved since), so the figures are an upper bound and say so."""
    settings = settings or RobotSettings.load(session)
    prepayment_only = (
        select(CustomerTag.customer_id)
        .where(CustomerTag.tag == PREPAYMENT_ONLY_TAG)
        .scalar_subquery()
    )
    paid = Order.payment_status == PaymentStatus.PAID
    eligible = and_(
        func.coalesce(func.trim(Order.customer_comment), "") == "",
        paid if settings.require_paid else true(),
        or_(
            and_(Order.delivery_type == DeliveryType.PICKUP, Order.shipping_store_id.is_not(None)),
            and_(
                Order.delivery_type != DeliveryType.PICKUP,
                func.coalesce(func.trim(Order.delivery_address), "") != "",
            ),
        ),
        or_(
            paid,
            Order.customer_id.is_(None),
            and_(
                Order.customer_id.not_in(prepayment_only),
                Order.customer_id.not_in(low_buyout_customer_ids(SegmentRules.load(session))),
            ),
        ),
    )
    columns = [func.count().label("considered")] + [
        func.coalesce(func.sum(case((and_(eligible, Order.total < t), 1), else_=0)), 0)
        for t in thresholds
    ]
    query = select(*columns).select_from(Order)
    if since is not None:
        query = query.where(Order.created_at >= since)
    considered, *counts = session.execute(query).one()
    return {
        "orders_considered": int(considered),
        "since": since.isoformat() if since else None,
        "current_threshold": str(settings.max_total),
        "stock_replayed": False,
        "results": [
            {
                "threshold": str(t),
                "auto_confirmed": int(n),
                "share": round(int(n) / considered, 4) if considered else 0.0,
            }
            for t, n in zip(thresholds, counts, strict=True)
        ],
    }
