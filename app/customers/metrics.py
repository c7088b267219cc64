"""Customer metrics, defined once (:data:`DEFINITIONS` is also the console's tooltip text).

The figures are computed on read from the customer's orders, in one aggregate query over the
``(customer_id, created_at)`` index plus one for the categories. That keeps them correct as
orders change by construction — a status change, an import, a merge or a bulk load can never
leave a stored copy behind — and costs a few milliseconds even for a customer with hundreds of
orders (bench/bench_customers.py measures it). A materialized table would only pay off for
base-wide rankings, which nothing needs yet.

"Reached confirmation" and "decided" follow DESIGN.md's buyout rate, by status *group* so that
statuses an admin adds keep working: an order reached confirmation when it is (or was, per its
status history) ``confirmed`` or in the assembling, delivery or complete group; it is decided
when it is complete, or in the cancel group after reaching confirmation (a return always has)."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, bindparam, case, exists, func, or_, select
from sqlalchemy.orm import Session

from app.clock import Clock
from models import (
    Category,
    DeliveryType,
    Offer,
    Order,
    OrderItem,
    OrderStatusHistory,
    Product,
    Status,
    StatusGroup,
)


@dataclass(frozen=True, slots=True)
class MetricDefinition:
    key: str
    title: str
    description: str  # the tooltip


DEFINITIONS: dict[str, MetricDefinition] = {
    d.key: d
    for d in (
        MetricDefinition("order_count", "Orders", "Every order the customer placed, any status."),
        MetricDefinition(
            "ltv",
            "Lifetime value",
            "Sum of the totals of completed orders (delivery included), RUB.",
        ),
        MetricDefinition(
            "average_check",
            "Average check",
            "Lifetime value divided by the number of completed orders.",
        ),
        MetricDefinition(
            "buyout_rate",
            "Buyout rate",
            "Completed ÷ (completed + cancelled + returned), counting only orders that reached "
            "confirmation (an order cancelled before it was confirmed does not count).",
        ),
        MetricDefinition(
            "decided_count",
            "Decided orders",
            "Orders the buyout rate is computed from: completed, or cancelled/returned after "
            "confirmation.",
        ),
        MetricDefinition("first_order_at", "First order", "When the first order was placed."),
        MetricDefinition("last_order_at", "Last order", "When the latest order was placed."),
        MetricDefinition(
            "days_since_last_order",
            "Days since last order",
            "Whole days from the latest order to now.",
        ),
        MetricDefinition(
            "top_categories",
            "Favourite categories",
            "The three catalogue categories with the most items in orders that were not "
            "cancelled or returned.",
        ),
        MetricDefinition(
            "click_collect_share",
            "Click & collect",
            "Share of orders (any status) picked up in a store rather than delivered.",
        ),
    )
}


@dataclass(frozen=True, slots=True)
class CategoryCount:
    category_id: int
    name: str
    items: int


@dataclass(frozen=True, slots=True)
class CustomerMetrics:
    """The figures of :data:`DEFINITIONS` for one customer (percentages 0–100, one decimal)."""

    order_count: int = 0
    completed_count: int = 0
    ltv: Decimal = Decimal("0.00")
    average_check: Decimal | None = None
    decided_count: int = 0
    buyout_rate: Decimal | None = None
    first_order_at: dt.datetime | None = None
    last_order_at: dt.datetime | None = None
    days_since_last_order: int | None = None
    top_categories: tuple[CategoryCount, ...] = ()
    click_collect_count: int = 0
    click_collect_share: Decimal | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "order_count": self.order_count,
            "completed_count": self.completed_count,
            "ltv": str(self.ltv),
            "average_check": _s(self.average_check),
            "decided_count": self.decided_count,
            "buyout_rate": _s(self.buyout_rate),
            "first_order_at": self.first_order_at.isoformat() if self.first_order_at else None,
            "last_order_at": self.last_order_at.isoformat() if self.last_order_at else None,
            "days_since_last_order": self.days_since_last_order,
            "top_categories": [c.name for c in self.top_categories],
            "click_collect_share": _s(self.click_collect_share),
        }


def _s(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


_CENT = Decimal("0.01")
_TENTH = Decimal("0.1")


def _pct(part: int, whole: int) -> Decimal | None:
    if whole == 0:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(_TENTH, ROUND_HALF_UP)


# SQL pieces (shared with the segment rules) -----------------------------------------------------

_REACHED_STATUSES = select(Status.code).where(
    or_(
        Status.code == "confirmed",
        Status.group.in_([StatusGroup.ASSEMBLING, StatusGroup.DELIVERY, StatusGroup.COMPLETE]),
    )
)


def completed_condition() -> ColumnElement[bool]:
    """The order (joined with its Status) is in the complete group."""
    return Status.group == StatusGroup.COMPLETE


def decided_condition() -> ColumnElement[bool]:
    """The order (joined with its Status) counts for the buyout rate (see module docstring)."""
    was_confirmed = exists(
        select(OrderStatusHistory.id).where(
            OrderStatusHistory.order_id == Order.id,
            OrderStatusHistory.to_status.in_(_REACHED_STATUSES.scalar_subquery()),
        )
    )
    return or_(
        Status.group == StatusGroup.COMPLETE,
        and_(
            Status.group == StatusGroup.CANCEL,
            or_(Order.status != "cancelled", was_confirmed),
        ),
    )


def _count_if(condition: ColumnElement[bool]) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


# queries ---------------------------------------------------------------------------------------


def metrics_for(
    session: Session, customer_id: int, clock: Clock, *, categories: bool = True
) -> CustomerMetrics:
    return metrics_for_many(session, [customer_id], clock, categories=categories)[customer_id]


def metrics_for_many(
    session: Session, customer_ids: Sequence[int], clock: Clock, *, categories: bool = False
) -> dict[int, CustomerMetrics]:
    """Metrics of several customers in one grouped query (search results, lists); with
    ``categories`` the favourite categories too (one more query per customer)."""
    ids = list(dict.fromkeys(customer_ids))
    result = {cid: CustomerMetrics() for cid in ids}
    if not ids:
        return result
    rows = session.execute(_aggregate(), {"ids": ids}).all()
    now = clock.now()
    for cid, count, ltv_raw, done, decided, first, last, pickup in rows:
        ltv = Decimal(str(ltv_raw)).quantize(_CENT, ROUND_HALF_UP)
        done, decided, count, pickup = int(done), int(decided), int(count), int(pickup)
        result[cid] = CustomerMetrics(
            order_count=count,
            completed_count=done,
            ltv=ltv,
            average_check=(ltv / done).quantize(_CENT, ROUND_HALF_UP) if done else None,
            decided_count=decided,
            buyout_rate=_pct(done, decided),
            first_order_at=first,
            last_order_at=last,
            days_since_last_order=max(0, (now - last).days) if last else None,
            top_categories=top_categories(session, cid) if categories else (),
            click_collect_count=pickup,
            click_collect_share=_pct(pickup, count),
        )
    return result


def top_categories(session: Session, customer_id: int, n: int = 3) -> tuple[CategoryCount, ...]:
    """Categories with the most items in the customer's orders that were not cancelled."""
    rows = session.execute(_top_categories(), {"customer_id": customer_id, "n": n}).all()
    return tuple(CategoryCount(cid, name, int(qty)) for cid, name, qty in rows)


def buyout_counts(session: Session, customer_id: int) -> tuple[int, int]:
    """(completed, decided) for one customer: what the low-buyout rule needs, nothing more."""
    row = session.execute(_buyout(), {"customer_id": customer_id}).one()
    return int(row[0]), int(row[1])


# The statements, built once (building and hashing them costs more than running them for one
# customer); only the bound values change per call.


@functools.cache
def _aggregate() -> Select[Any]:
    completed = completed_condition()
    return (
        select(
            Order.customer_id,
            func.count(),
            func.coalesce(func.sum(case((completed, Order.total), else_=0)), 0),
            _count_if(completed),
            _count_if(decided_condition()),
            func.min(Order.created_at),
            func.max(Order.created_at),
            _count_if(Order.delivery_type == DeliveryType.PICKUP),
        )
        .join(Status, Status.code == Order.status)
        .where(Order.customer_id.in_(bindparam("ids", expanding=True)))
        .group_by(Order.customer_id)
    )


@functools.cache
def _top_categories() -> Select[Any]:
    # items per offer first (one row per distinct offer), then the catalogue lookups per offer
    per_offer = (
        select(OrderItem.offer_id, func.sum(OrderItem.quantity).label("qty"))
        .select_from(Order)
        .join(Status, Status.code == Order.status)
        .join(OrderItem, OrderItem.order_id == Order.id)
        .where(Order.customer_id == bindparam("customer_id"), Status.group != StatusGroup.CANCEL)
        .group_by(OrderItem.offer_id)
        .subquery("per_offer")
    )
    items = func.sum(per_offer.c.qty)
    return (
        select(Category.id, Category.name, items)
        .select_from(per_offer)
        .join(Offer, Offer.id == per_offer.c.offer_id)
        .join(Product, Product.id == Offer.product_id)
        .join(Category, Category.id == Product.category_id)
        .group_by(Category.id, Category.name)
        .order_by(items.desc(), Category.name, Category.id)
        .limit(bindparam("n"))
    )


@functools.cache
def _buyout() -> Select[Any]:
    return (
        select(_count_if(completed_condition()), _count_if(decided_condition()))
        .select_from(Order)
        .join(Status, Status.code == Order.status)
        .where(Order.customer_id == bindparam("customer_id"))
    )
