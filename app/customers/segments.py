"""Customer segments from admin settings, and the badges the profile and the order card show.

* **VIP** — lifetime value ≥ ``segments.vip_ltv``;
* **low buyout → prepayment only** — buyout rate < ``segments.low_buyout_pct`` with at least
  ``segments.low_buyout_min_decided`` decided orders; the robot then confirms such a customer's
  orders only when paid (:func:`requires_prepayment`, also true for the manual
  ``prepayment_only`` tag);
* **new** — the first order was placed within ``segments.new_days`` days;
* **dormant** — has ordered, but not for ``segments.dormant_days`` days.

Segments are evaluated on read from :mod:`app.customers.metrics`, so they follow every order
change at once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session

from app.business_settings import all_settings
from app.clock import Clock
from app.customers.metrics import (
    CustomerMetrics,
    buyout_counts,
    completed_condition,
    decided_condition,
    metrics_for,
)
from models import CustomerTag, Order, Status

PREPAYMENT_ONLY_TAG = "prepayment_only"

VIP = "vip"
LOW_BUYOUT = "low_buyout"
NEW = "new"
DORMANT = "dormant"

#: code → (title, what it means): badge text and tooltip
SEGMENTS: dict[str, tuple[str, str]] = {
    VIP: ("VIP", "Lifetime value at or above the VIP threshold."),
    LOW_BUYOUT: (
        "Prepayment only",
        "Buys out too few of the orders they confirm: orders are confirmed only when paid.",
    ),
    NEW: ("New", "Placed the first order recently."),
    DORMANT: ("Dormant", "Has not ordered for a long time."),
}


@dataclass(frozen=True, slots=True)
class SegmentRules:
    vip_ltv: Decimal
    low_buyout_pct: Decimal
    low_buyout_min_decided: int
    new_days: int
    dormant_days: int

    @classmethod
    def load(cls, session: Session) -> SegmentRules:
        return cls.from_settings(all_settings(session))

    @classmethod
    def from_settings(cls, s: dict[str, Any]) -> SegmentRules:
        """From :func:`app.business_settings.all_settings` already read."""
        return cls(
            vip_ltv=s["segments.vip_ltv"],
            low_buyout_pct=s["segments.low_buyout_pct"],
            low_buyout_min_decided=int(s["segments.low_buyout_min_decided"]),
            new_days=int(s["segments.new_days"]),
            dormant_days=int(s["segments.dormant_days"]),
        )

    def is_low_buyout(self, completed: int, decided: int) -> bool:
        if decided < max(1, self.low_buyout_min_decided):
            return False
        return Decimal(completed) * 100 < self.low_buyout_pct * decided


@dataclass(frozen=True, slots=True)
class Badge:
    """One badge: a segment the customer is in, or a tag that changes how they are served."""

    code: str
    title: str
    reason: str  # why this customer has it, with the figures
    source: str  # segment | tag


def segments_of(
    metrics: CustomerMetrics, rules: SegmentRules, now: dt.datetime
) -> tuple[Badge, ...]:
    """The segment badges ``metrics`` earn under ``rules`` (pure: testable without a database)."""
    badges: list[Badge] = []
    if metrics.ltv >= rules.vip_ltv and metrics.completed_count > 0:
        badges.append(
            Badge(VIP, SEGMENTS[VIP][0], f"LTV {metrics.ltv} ≥ {rules.vip_ltv}", "segment")
        )
    if rules.is_low_buyout(metrics.completed_count, metrics.decided_count):
        badges.append(
            Badge(
                LOW_BUYOUT,
                SEGMENTS[LOW_BUYOUT][0],
                f"buyout {metrics.buyout_rate}% < {rules.low_buyout_pct}% over "
                f"{metrics.decided_count} decided orders",
                "segment",
            )
        )
    first = metrics.first_order_at
    if first is not None and now - first <= dt.timedelta(days=rules.new_days):
        badges.append(
            Badge(
                NEW,
                SEGMENTS[NEW][0],
                f"first order {first.date().isoformat()}, within {rules.new_days} days",
                "segment",
            )
        )
    idle = metrics.days_since_last_order
    if idle is not None and idle >= rules.dormant_days:
        badges.append(
            Badge(
                DORMANT,
                SEGMENTS[DORMANT][0],
                f"no order for {idle} days (≥ {rules.dormant_days})",
                "segment",
            )
        )
    return tuple(badges)


def tag_badges(tags: list[str] | tuple[str, ...], already: tuple[Badge, ...]) -> tuple[Badge, ...]:
    """The manual ``prepayment_only`` tag shows as a badge unless the segment already does."""
    if PREPAYMENT_ONLY_TAG in tags and all(b.code != LOW_BUYOUT for b in already):
        return (
            Badge(
                LOW_BUYOUT,
                SEGMENTS[LOW_BUYOUT][0],
                f"tagged '{PREPAYMENT_ONLY_TAG}' by staff",
                "tag",
            ),
        )
    return ()


def badges_for(
    session: Session,
    customer_id: int,
    clock: Clock,
    metrics: CustomerMetrics | None = None,
    rules: SegmentRules | None = None,
) -> tuple[Badge, ...]:
    """Badges for the profile and the order card (segments, then badge-worthy tags)."""
    metrics = metrics or metrics_for(session, customer_id, clock, categories=False)
    rules = rules or SegmentRules.load(session)
    badges = segments_of(metrics, rules, clock.now())
    tags = list(
        session.scalars(select(CustomerTag.tag).where(CustomerTag.customer_id == customer_id))
    )
    return badges + tag_badges(tags, badges)


def requires_prepayment(
    session: Session, customer_id: int, rules: SegmentRules | None = None
) -> bool:
    """The robot's question: tagged ``prepayment_only`` by staff, or in the low-buyout segment."""
    tagged = session.scalar(
        select(func.count())
        .select_from(CustomerTag)
        .where(CustomerTag.customer_id == customer_id, CustomerTag.tag == PREPAYMENT_ONLY_TAG)
    )
    if tagged:
        return True
    rules = rules or SegmentRules.load(session)
    completed, decided = buyout_counts(session, customer_id)
    return rules.is_low_buyout(completed, decided)


def low_buyout_customer_ids(rules: SegmentRules) -> Select[tuple[int | None]]:
    """All customers in the low-buyout segment, as a subquery (the robot's backtest)."""
    completed = func.sum(case((completed_condition(), 1), else_=0))
    decided = func.sum(case((decided_condition(), 1), else_=0))
    return (
        select(Order.customer_id)
        .join(Status, Status.code == Order.status)
        .where(Order.customer_id.is_not(None))
        .group_by(Order.customer_id)
        .having(decided >= max(1, rules.low_buyout_min_decided))
        .having(completed * 100 < decided * rules.low_buyout_pct)
    )


def prepayment_required(
    session: Session, customer_ids: list[int], rules: SegmentRules | None = None
) -> set[int]:
    """:func:`requires_prepayment` for many customers at once (bulk order intake): two grouped
    queries per thousand customers instead of two per customer."""
    found: set[int] = set()
    if not customer_ids:
        return found
    rules = rules or SegmentRules.load(session)
    completed = func.sum(case((completed_condition(), 1), else_=0))
    decided = func.sum(case((decided_condition(), 1), else_=0))
    for start in range(0, len(customer_ids), 1000):
        chunk = customer_ids[start : start + 1000]
        found.update(
            session.scalars(
                select(CustomerTag.customer_id).where(
                    CustomerTag.tag == PREPAYMENT_ONLY_TAG, CustomerTag.customer_id.in_(chunk)
                )
            )
        )
        for cid, done, dec in session.execute(
            select(Order.customer_id, completed, decided)
            .join(Status, Status.code == Order.status)
            .where(Order.customer_id.in_(chunk))
            .group_by(Order.customer_id)
        ):
            if cid is not None and rules.is_low_buyout(int(done or 0), int(dec or 0)):
                found.add(cid)
    return found
