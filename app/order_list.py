"""The order grid's data: keyset pages of orders, newest first, as plain immutable rows.

Qt-free on purpose: the grid model (ui/models/order_table.py) calls ``fetch_page`` through the
background-operation runner and only ever sees ``OrderRow`` values, never ORM objects.

Paging is keyset ("seek"), never ``OFFSET``: the next page starts strictly after the last row
seen, ordered by ``(created_at DESC, id DESC)``. ``id`` breaks ties between orders created in the
same instant, so every row is returned exactly once however deep the user scrolls, and page cost
does not depend on depth (PERF.md T5: OFFSET 1M costs ~1000x a keyset page)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, bindparam, func, select, tuple_
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.expression import ClauseElement, Executable

from models import Customer, Order, OrderSource, Status, Store, User

#: Pages larger than this are refused: a grid never needs more rows at once, and an unbounded
#: page is how a UI thread ends up holding a million rows.
MAX_PAGE_SIZE = 1000

#: Below this many rows (by the planner's estimate) an exact ``count(*)`` is cheap enough to run.
EXACT_COUNT_LIMIT = 50_000


@dataclass(frozen=True, slots=True)
class Cursor:
    """Where the previous page ended: the sort key of its last row."""

    created_at: dt.datetime
    id: int


@dataclass(frozen=True, slots=True)
class OrderFilter:
    """What the grid shows. Empty tuples mean "no restriction".

    Kept as a frozen value so it can cross threads and serve as a cache key; new criteria
    (saved views, store, date range, operator, sort order) are added as fields with neutral
    defaults, so existing callers keep working."""

    statuses: tuple[str, ...] = ()
    sources: tuple[OrderSource, ...] = ()

    def __post_init__(self) -> None:
        # Accept any iterable / plain strings from callers, store normalized tuples.
        object.__setattr__(self, "statuses", tuple(self.statuses))
        try:
            sources = tuple(OrderSource(s) for s in self.sources)
        except ValueError as exc:
            known = ", ".join(s.value for s in OrderSource)
            raise ValueError(f"unknown order source in filter: {exc} (known: {known})") from None
        object.__setattr__(self, "sources", sources)

    @property
    def is_empty(self) -> bool:
        """True when the filter lets every order through."""
        return not self.statuses and not self.sources


@dataclass(frozen=True, slots=True)
class OrderRow:
    """One line of the order grid, detached from any session."""

    id: int
    number: str
    created_at: dt.datetime
    customer_name: str
    #: E.164 when the number could be normalized, else the raw input, else empty.
    phone: str
    total: Decimal
    status_code: str
    #: The status names as an admin set them in the database (English and Russian).
    status_name: str
    status_name_ru: str
    source: OrderSource
    store_name: str | None
    operator_name: str | None
    #: Who is working the order right now (queue lease), if anyone.
    lease_holder_name: str | None
    no_answer_attempts: int
    next_attempt_at: dt.datetime | None

    @property
    def cursor(self) -> Cursor:
        """The keyset cursor that continues after this row."""
        return Cursor(self.created_at, self.id)


@dataclass(frozen=True, slots=True)
class CountEstimate:
    """How many orders match: ``exact`` is False when ``value`` is the planner's estimate."""

    value: int
    exact: bool


_Operator = aliased(User, name="operator")
_LeaseHolder = aliased(User, name="lease_holder")


def _base_select() -> Select[Any]:
    # One statement with outer joins for every name the grid shows: no per-row lookups (N+1).
    return (
        select(
            Order.id,
            Order.number,
            Order.created_at,
            Order.contact_name,
            Customer.first_name,
            Customer.last_name,
            Order.contact_phone_e164,
            Order.contact_phone_raw,
            Order.total,
            Order.status,
            Status.name_en,
            Status.name_ru,
            Order.source,
            Store.name,
            _Operator.name,
            _LeaseHolder.name,
            Order.no_answer_attempts,
            Order.next_attempt_at,
        )
        .select_from(Order)
        .join(Status, Status.code == Order.status)
        .outerjoin(Customer, Customer.id == Order.customer_id)
        .outerjoin(Store, Store.id == Order.shipping_store_id)
        .outerjoin(_Operator, _Operator.id == Order.operator_id)
        .outerjoin(_LeaseHolder, _LeaseHolder.id == Order.lease_operator_id)
    )


def _apply_filters(stmt: Select[Any], filters: OrderFilter) -> Select[Any]:
    if filters.statuses:
        stmt = stmt.where(Order.status.in_(filters.statuses))
    if filters.sources:
        stmt = stmt.where(Order.source.in_(filters.sources))
    return stmt


def _customer_name(contact: str, first: str | None, last: str | None) -> str:
    # The name typed on the order wins (it is who to ask for on the phone); else the card's.
    if contact.strip():
        return contact.strip()
    return " ".join(part for part in (first, last) if part)


def fetch_page(
    session: Session, *, after: Cursor | None, limit: int, filters: OrderFilter
) -> list[OrderRow]:
    """The next ``limit`` orders after ``after`` (``None``: the first page), newest first."""
    if not 0 < limit <= MAX_PAGE_SIZE:
        raise ValueError(f"page limit must be between 1 and {MAX_PAGE_SIZE}, got {limit}")
    stmt = _apply_filters(_base_select(), filters)
    if after is not None:
        if after.created_at.tzinfo is None:
            raise ValueError(f"cursor time {after.created_at!r} is naive: expected aware UTC")
        # A row-value comparison is what both PostgreSQL and SQLite turn into one index range
        # scan on ix_orders_created_at_id; the equivalent OR form is not.
        after_key = tuple_(
            bindparam("after_created_at", after.created_at, type_=Order.created_at.type),
            bindparam("after_id", after.id, type_=Order.id.type),
        )
        stmt = stmt.where(tuple_(Order.created_at, Order.id) < after_key)
    stmt = stmt.order_by(Order.created_at.desc(), Order.id.desc()).limit(limit)
    return [
        OrderRow(
            id=r[0],
            number=r[1],
            created_at=r[2],
            customer_name=_customer_name(r[3], r[4], r[5]),
            phone=r[6] or r[7] or "",
            total=r[8],
            status_code=r[9],
            status_name=r[10],
            status_name_ru=r[11],
            source=r[12],
            store_name=r[13],
            operator_name=r[14],
            lease_holder_name=r[15],
            no_answer_attempts=r[16],
            next_attempt_at=r[17],
        )
        for r in session.execute(stmt)
    ]


class _Explain(Executable, ClauseElement):
    """``EXPLAIN (FORMAT JSON) <statement>`` with normal bind processing (SQLAlchemy recipe)."""

    inherit_cache = False

    def __init__(self, statement: Select[Any]) -> None:
        self.statement = statement


@compiles(_Explain, "postgresql")
def _compile_explain(element: _Explain, compiler: SQLCompiler, **kw: Any) -> str:
    return "EXPLAIN (FORMAT JSON) " + compiler.process(element.statement, **kw)


def _planner_rows(session: Session, stmt: Select[Any]) -> int:
    raw = session.execute(_Explain(stmt)).scalar_one()
    plan = raw if isinstance(raw, list) else json.loads(raw)
    return int(plan[0]["Plan"]["Plan Rows"])


def count_estimate(session: Session, filters: OrderFilter) -> CountEstimate:
    """How many orders the filter matches, cheaply.

    SQLite (the one-workstation embedded database) counts exactly. PostgreSQL first asks the
    planner (statistics, no scan); only when that says the set is small is ``count(*)`` run.
    A huge set gets the estimate, marked inexact, which the UI shows as "about N"."""
    counted = _apply_filters(select(Order.id), filters)
    exact_stmt = select(func.count()).select_from(counted.subquery())
    bind = session.get_bind()
    if bind.dialect.name == "postgresql":
        estimate = _planner_rows(session, counted)
        if estimate > EXACT_COUNT_LIMIT:
            return CountEstimate(estimate, exact=False)
    return CountEstimate(int(session.execute(exact_stmt).scalar_one()), exact=True)
