"""Upsell KPI per operator for a period: offers made and accepted, pending / earned / reversed
upsell, top capsules; a day-by-day series; the orders behind the figures; CSV rows.

Money is counted by the business-local day the order was confirmed (``credited_on``), offers by
the day they were shown (``shown_on``); both are indexed date columns, so a month is an index
range over the credit and offer rows (plus, for pending credits only, their lines by primary
key) — never a scan of orders (PERF T7)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from models import (
    Capsule,
    CrossSellOffer,
    CrossSellOutcome,
    Order,
    OrderItem,
    UpsellCredit,
    UpsellState,
    User,
)

ZERO = Decimal("0.00")
TOP_CAPSULES = 3


@dataclass(frozen=True, slots=True)
class CapsuleShare:
    capsule_id: int | None
    capsule_name: str
    amount: Decimal


@dataclass(frozen=True, slots=True)
class UpsellRow:
    operator_id: int
    operator_name: str
    offers_made: int
    accepted: int
    acceptance_rate: float | None
    pending: Decimal
    earned: Decimal
    reversed: Decimal
    top_capsules: tuple[CapsuleShare, ...]


@dataclass(frozen=True, slots=True)
class UpsellDay:
    day: dt.date
    offers_made: int
    accepted: int
    pending: Decimal
    earned: Decimal


@dataclass(frozen=True, slots=True)
class UpsellOrder:
    order_id: int
    number: str
    status: str
    credited_on: dt.date
    operator_id: int
    operator_name: str
    items: int
    amount: Decimal
    state: str
    capsules: str


def _check(date_from: dt.date, date_to: dt.date) -> None:
    if date_to < date_from:
        raise ValueError(f"the period ends ({date_to}) before it starts ({date_from})")


#: A credit's value. Only a *pending* credit's line can still change (a confirmed order is
#: editable from the card; the credit row's ``amount`` is refreshed on status changes only), so
#: for those the line is read as it is now — a correlated lookup by primary key that CASE runs
#: for pending rows alone; settled credits use their stored amount (no join: the month stays
#: an index range over the credit rows).
_LINE_VALUE = case(
    (
        UpsellCredit.state == UpsellState.PENDING.value,
        select(OrderItem.price * OrderItem.quantity - OrderItem.discount)
        .where(OrderItem.id == UpsellCredit.order_item_id)
        .correlate(UpsellCredit)
        .scalar_subquery(),
    ),
    else_=UpsellCredit.amount,
)

_ACCEPTED = func.sum(case((CrossSellOffer.outcome == CrossSellOutcome.ACCEPTED.value, 1), else_=0))


def upsell_table(session: Session, date_from: dt.date, date_to: dt.date) -> list[UpsellRow]:
    """One row per operator with any offer or credit in the period, biggest upsell first."""
    _check(date_from, date_to)
    money: dict[int, dict[str, Decimal]] = {}
    by_capsule: dict[int, dict[int | None, Decimal]] = {}
    for operator_id, capsule_id, state, amount in session.execute(
        select(
            UpsellCredit.operator_id,
            UpsellCredit.capsule_id,
            UpsellCredit.state,
            func.sum(_LINE_VALUE),
        )
        .where(UpsellCredit.credited_on.between(date_from, date_to))
        .group_by(UpsellCredit.operator_id, UpsellCredit.capsule_id, UpsellCredit.state)
    ):
        sums = money.setdefault(operator_id, {})
        sums[state.value] = sums.get(state.value, ZERO) + Decimal(amount)
        if state.value != "reversed":
            caps = by_capsule.setdefault(operator_id, {})
            caps[capsule_id] = caps.get(capsule_id, ZERO) + Decimal(amount)
    offers: dict[int, tuple[int, int]] = {
        operator_id: (int(made), int(accepted or 0))
        for operator_id, made, accepted in session.execute(
            select(CrossSellOffer.operator_id, func.count(), _ACCEPTED)
            .where(CrossSellOffer.shown_on.between(date_from, date_to))
            .group_by(CrossSellOffer.operator_id)
        )
    }
    operators = set(money) | set(offers)
    if not operators:
        return []
    names = {
        i: n for i, n in session.execute(select(User.id, User.name).where(User.id.in_(operators)))
    }
    capsule_ids = {c for caps in by_capsule.values() for c in caps if c is not None}
    capsule_names: dict[int, str] = {}
    if capsule_ids:
        query = select(Capsule.id, Capsule.name).where(Capsule.id.in_(capsule_ids))
        capsule_names = {i: n for i, n in session.execute(query)}
    rows = []
    for operator_id in operators:
        made, accepted = offers.get(operator_id, (0, 0))
        sums = money.get(operator_id, {})
        shares = by_capsule.get(operator_id, {})
        top = sorted(shares.items(), key=lambda kv: (-kv[1], kv[0] or 0))[:TOP_CAPSULES]
        rows.append(
            UpsellRow(
                operator_id=operator_id,
                operator_name=names.get(operator_id, f"#{operator_id}"),
                offers_made=made,
                accepted=accepted,
                acceptance_rate=(accepted / made) if made else None,
                pending=sums.get("pending", ZERO),
                earned=sums.get("earned", ZERO),
                reversed=sums.get("reversed", ZERO),
                top_capsules=tuple(
                    CapsuleShare(c, capsule_names.get(c, "—") if c else "—", a) for c, a in top
                ),
            )
        )
    rows.sort(key=lambda r: (-(r.pending + r.earned), -r.accepted, r.operator_name))
    return rows


def daily_series(
    session: Session, date_from: dt.date, date_to: dt.date, *, operator_id: int | None = None
) -> list[UpsellDay]:
    """Every day of the period (zeros included), for the chart."""
    _check(date_from, date_to)
    credits = select(UpsellCredit.credited_on, UpsellCredit.state, func.sum(_LINE_VALUE)).where(
        UpsellCredit.credited_on.between(date_from, date_to)
    )
    offers = select(CrossSellOffer.shown_on, func.count(), _ACCEPTED).where(
        CrossSellOffer.shown_on.between(date_from, date_to)
    )
    if operator_id is not None:
        credits = credits.where(UpsellCredit.operator_id == operator_id)
        offers = offers.where(CrossSellOffer.operator_id == operator_id)
    money: dict[dt.date, dict[str, Decimal]] = {}
    for day, state, amount in session.execute(
        credits.group_by(UpsellCredit.credited_on, UpsellCredit.state)
    ):
        money.setdefault(day, {})[state.value] = Decimal(amount)
    counts = {
        day: (int(made), int(accepted or 0))
        for day, made, accepted in session.execute(offers.group_by(CrossSellOffer.shown_on))
    }
    days = []
    day = date_from
    while day <= date_to:
        made, accepted = counts.get(day, (0, 0))
        sums = money.get(day, {})
        days.append(
            UpsellDay(day, made, accepted, sums.get("pending", ZERO), sums.get("earned", ZERO))
        )
        day += dt.timedelta(days=1)
    return days


_STATE_ORDER = {"reversed": 0, "pending": 1, "earned": 2}


def drill_down(
    session: Session,
    date_from: dt.date,
    date_to: dt.date,
    *,
    operator_id: int | None = None,
    limit: int = 500,
) -> list[UpsellOrder]:
    """The orders behind the figures, newest credit first; ``state`` is the least settled of
    the order's credit lines (reversed < pending < earned)."""
    _check(date_from, date_to)
    query = (
        select(
            UpsellCredit.order_id,
            Order.number,
            Order.status,
            UpsellCredit.credited_on,
            UpsellCredit.operator_id,
            User.name,
            _LINE_VALUE,
            UpsellCredit.state,
            Capsule.name,
        )
        .join(Order, Order.id == UpsellCredit.order_id)
        .join(User, User.id == UpsellCredit.operator_id)
        .outerjoin(Capsule, Capsule.id == UpsellCredit.capsule_id)
        .where(UpsellCredit.credited_on.between(date_from, date_to))
        .order_by(UpsellCredit.credited_on.desc(), UpsellCredit.order_id.desc())
    )
    if operator_id is not None:
        query = query.where(UpsellCredit.operator_id == operator_id)
    grouped: dict[tuple[int, int], _Acc] = {}
    for oid, number, status, day, op_id, op_name, amount, state, cname in session.execute(query):
        acc = grouped.get((oid, op_id))
        if acc is None:
            if len(grouped) >= limit:
                break
            acc = grouped[(oid, op_id)] = _Acc(number, status, day, op_name, state.value)
        acc.items += 1
        acc.amount += Decimal(amount)
        if _STATE_ORDER[state.value] < _STATE_ORDER[acc.state]:
            acc.state = state.value
        if cname and cname not in acc.capsules:
            acc.capsules.append(cname)
    return [
        UpsellOrder(
            oid,
            a.number,
            a.status,
            a.day,
            op_id,
            a.operator_name,
            a.items,
            a.amount,
            a.state,
            ", ".join(a.capsules),
        )
        for (oid, op_id), a in grouped.items()
    ]


@dataclass
class _Acc:
    number: str
    status: str
    day: dt.date
    operator_name: str
    state: str
    items: int = 0
    amount: Decimal = ZERO
    capsules: list[str] = field(default_factory=list)


CSV_HEADER = (
    "operator",
    "offers made",
    "accepted",
    "acceptance rate",
    "pending",
    "earned",
    "reversed",
    "top capsules",
)


def csv_rows(rows: Sequence[UpsellRow]) -> list[list[str]]:
    """The table as text cells, header first (write with ``csv.writer``)."""
    out = [list(CSV_HEADER)]
    for r in rows:
        rate = f"{r.acceptance_rate:.3f}" if r.acceptance_rate is not None else ""
        tops = "; ".join(f"{c.capsule_name} ({c.amount})" for c in r.top_capsules)
        out.append([r.operator_name, str(r.offers_made), str(r.accepted), rate, str(r.pending),
                    str(r.earned), str(r.reversed), tops])  # fmt: skip
    return out
