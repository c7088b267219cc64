"""The order grid and queue data: keyset pages of orders as plain immutable rows.

Qt-free on purpose: the grid model (ui/models/order_table.py) calls ``fetch_page`` through the
background-operation runner and only ever sees ``OrderRow`` values, never ORM objects.

Paging is keyset ("seek"), never ``OFFSET``: the next page starts strictly after the last row
seen, in the order of the chosen sort key followed by ``id``. ``id`` breaks ties between orders
with the same key, so every row is returned exactly once however deep the user scrolls, and page
cost does not depend on depth (PERF.md T5: OFFSET 1M costs ~1000x a keyset page).

The queue's views ("My work", "Needs confirmation", ...) are plain :class:`OrderFilter` values
built by :func:`view_filter`; the operator's own filters (status, source, store, dates,
operator) are further fields of the same value. :func:`fetch_rows` re-reads given orders under
a filter, so a live grid can update the rows the change feed names without reloading."""

from __future__ import annotations

import datetime as dt
import enum
import json
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    bindparam,
    func,
    or_,
    select,
    tuple_,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.expression import ClauseElement, Executable

from models import Customer, DeliveryType, Order, OrderSource, Role, Status, Store, User

#: Pages larger than this are refused: a grid never needs more rows at once, and an unbounded
#: page is how a UI thread ends up holding a million rows.
MAX_PAGE_SIZE = 1000

#: Below this many rows (by the planner's estimate) an exact ``count(*)`` is cheap enough to run.
EXACT_COUNT_LIMIT = 50_000

#: How many ids :func:`fetch_rows` accepts at once (one ``IN`` list; the change feed batches).
MAX_REFRESH_IDS = 500

#: Statuses in which an order still needs its operator ("My work": open work).
WORK_STATUSES: tuple[str, ...] = ("new", "needs_confirmation", "no_answer")
#: A click & collect order from confirmation until the customer has it.
PICKUP_STATUSES: tuple[str, ...] = ("confirmed", "assembling", "ready_for_pickup")

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_MICROSECOND = dt.timedelta(microseconds=1)


class OrderSort(enum.StrEnum):
    """The grid's order; every sort ends with ``id`` so keys never tie."""

    #: created_at, id descending (the default: newest first)
    NEWEST = "newest"
    #: created_at, id ascending (a queue: the one waiting longest first)
    OLDEST = "oldest"
    #: next attempt soonest first, orders without one last, then id
    NEXT_ATTEMPT = "next_attempt"


@dataclass(frozen=True, slots=True)
class Cursor:
    """Where the previous page ended: the sort key of its last row (``value`` is the sort
    column: ``created_at`` or ``next_attempt_at``, the latter possibly None)."""

    value: dt.datetime | None
    id: int


@dataclass(frozen=True, slots=True)
class OrderFilter:
    """What the grid shows. Empty tuples and None mean "no restriction".

    Kept as a frozen value so it can cross threads and serve as a cache key.

    * ``worked_by``: orders this user holds (lease) or is responsible for while still open
      (:data:`WORK_STATUSES`): "My work".
    * ``due_by``: retries due — orders with unanswered calls whose next attempt is at or
      before this instant, still waiting (no answer yet, or moved back to the queue).
    * ``created_from`` inclusive, ``created_to`` exclusive (aware UTC)."""

    statuses: tuple[str, ...] = ()
    sources: tuple[OrderSource, ...] = ()
    store_ids: tuple[int, ...] = ()
    operator_ids: tuple[int, ...] = ()
    delivery_types: tuple[DeliveryType, ...] = ()
    created_from: dt.datetime | None = None
    created_to: dt.datetime | None = None
    worked_by: int | None = None
    due_by: dt.datetime | None = None
    sort: OrderSort = OrderSort.NEWEST

    def __post_init__(self) -> None:
        # Accept any iterable / plain strings from callers, store normalized tuples.
        object.__setattr__(self, "statuses", tuple(self.statuses))
        object.__setattr__(self, "store_ids", tuple(int(i) for i in self.store_ids))
        object.__setattr__(self, "operator_ids", tuple(int(i) for i in self.operator_ids))
        try:
            sources = tuple(OrderSource(s) for s in self.sources)
        except ValueError as exc:
            known = ", ".join(s.value for s in OrderSource)
            raise ValueError(f"unknown order source in filter: {exc} (known: {known})") from None
        object.__setattr__(self, "sources", sources)
        try:
            kinds = tuple(DeliveryType(d) for d in self.delivery_types)
        except ValueError as exc:
            known = ", ".join(d.value for d in DeliveryType)
            raise ValueError(f"unknown delivery type in filter: {exc} (known: {known})") from None
        object.__setattr__(self, "delivery_types", kinds)
        object.__setattr__(self, "sort", OrderSort(self.sort))
        for name in ("created_from", "created_to", "due_by"):
            value = getattr(self, name)
            if value is not None and value.tzinfo is None:
                raise ValueError(f"filter {name} {value!r} is naive: expected aware UTC")
        if (
            self.created_from is not None
            and self.created_to is not None
            and self.created_to <= self.created_from
        ):
            raise ValueError(
                f"filter dates: 'to' ({self.created_to.isoformat()}) must be after "
                f"'from' ({self.created_from.isoformat()})"
            )

    @property
    def is_empty(self) -> bool:
        """True when the filter lets every order through."""
        return self == OrderFilter(sort=self.sort)


class QueueView(enum.StrEnum):
    """The queue's views, in the order the console offers them."""

    MY_WORK = "my_work"
    NEEDS_CONFIRMATION = "needs_confirmation"
    NO_ANSWER_DUE = "no_answer_due"
    CLICK_AND_COLLECT = "click_and_collect"
    ALL = "all"


def view_filter(view: QueueView, *, user_id: int, now: dt.datetime) -> OrderFilter:
    """The base filter of a view for ``user_id`` at ``now`` (the operator's own filters are
    applied on top with :func:`dataclasses.replace`)."""
    if view is QueueView.MY_WORK:
        return OrderFilter(worked_by=user_id)
    if view is QueueView.NEEDS_CONFIRMATION:
        return OrderFilter(statuses=("needs_confirmation",), sort=OrderSort.OLDEST)
    if view is QueueView.NO_ANSWER_DUE:
        return OrderFilter(due_by=now, sort=OrderSort.NEXT_ATTEMPT)
    if view is QueueView.CLICK_AND_COLLECT:
        return OrderFilter(statuses=PICKUP_STATUSES, delivery_types=(DeliveryType.PICKUP,))
    return OrderFilter()


def view_statuses(view: QueueView) -> tuple[str, ...]:
    """The statuses a view can contain (empty: any), for the status filter's choices."""
    if view is QueueView.MY_WORK:
        return ()  # a held lease counts whatever the status
    if view is QueueView.NEEDS_CONFIRMATION:
        return ("needs_confirmation",)
    if view is QueueView.NO_ANSWER_DUE:
        return ("needs_confirmation", "no_answer")
    if view is QueueView.CLICK_AND_COLLECT:
        return PICKUP_STATUSES
    return ()


def narrowed(base: OrderFilter, **extra: Any) -> OrderFilter:
    """``base`` with the operator's filters on top; ``statuses`` intersect with the base's
    (a status outside the view matches nothing)."""
    statuses = extra.pop("statuses", ())
    if statuses:
        if base.statuses:
            statuses = tuple(s for s in base.statuses if s in set(statuses))
            if not statuses:
                statuses = ("",)  # no status has an empty code: the view shows nothing
        extra["statuses"] = tuple(statuses)
    return replace(base, **extra)


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
    customer_id: int | None = None
    lease_holder_id: int | None = None

    @property
    def cursor(self) -> Cursor:
        """The keyset cursor that continues after this row, newest first."""
        return Cursor(self.created_at, self.id)

    def cursor_for(self, sort: OrderSort) -> Cursor:
        """The keyset cursor that continues after this row in ``sort`` order."""
        if sort is OrderSort.NEXT_ATTEMPT:
            return Cursor(self.next_attempt_at, self.id)
        return Cursor(self.created_at, self.id)


def _micros(value: dt.datetime) -> int:
    return (value - _EPOCH) // _MICROSECOND


def sort_key(row: OrderRow, sort: OrderSort) -> tuple[int, ...]:
    """A key whose ascending order is the grid's order under ``sort`` (what the database
    returns), for placing a live-updated row among loaded ones."""
    if sort is OrderSort.NEWEST:
        return (-_micros(row.created_at), -row.id)
    if sort is OrderSort.OLDEST:
        return (_micros(row.created_at), row.id)
    at = row.next_attempt_at
    return (1, 0, row.id) if at is None else (0, _micros(at), row.id)


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
            Order.customer_id,
            Order.lease_operator_id,
        )
        .select_from(Order)
        .join(Status, Status.code == Order.status)
        .outerjoin(Customer, Customer.id == Order.customer_id)
        .outerjoin(Store, Store.id == Order.shipping_store_id)
        .outerjoin(_Operator, _Operator.id == Order.operator_id)
        .outerjoin(_LeaseHolder, _LeaseHolder.id == Order.lease_operator_id)
    )


def _conditions(filters: OrderFilter) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if filters.statuses:
        where.append(Order.status.in_(filters.statuses))
    if filters.sources:
        where.append(Order.source.in_(filters.sources))
    if filters.store_ids:
        where.append(Order.shipping_store_id.in_(filters.store_ids))
    if filters.operator_ids:
        where.append(Order.operator_id.in_(filters.operator_ids))
    if filters.delivery_types:
        where.append(Order.delivery_type.in_(filters.delivery_types))
    if filters.created_from is not None:
        where.append(Order.created_at >= filters.created_from)
    if filters.created_to is not None:
        where.append(Order.created_at < filters.created_to)
    if filters.worked_by is not None:
        me = filters.worked_by
        where.append(
            or_(
                Order.lease_operator_id == me,
                and_(Order.operator_id == me, Order.status.in_(WORK_STATUSES)),
            )
        )
    if filters.due_by is not None:
        where.append(
            and_(
                Order.no_answer_attempts > 0,
                Order.status.in_(("needs_confirmation", "no_answer")),
                Order.next_attempt_at <= filters.due_by,
            )
        )
    return where


def _apply_filters(stmt: Select[Any], filters: OrderFilter) -> Select[Any]:
    where = _conditions(filters)
    return stmt.where(*where) if where else stmt


def _after(sort: OrderSort, after: Cursor) -> ColumnElement[bool]:
    """Rows strictly after ``after`` in ``sort`` order."""
    after_id = bindparam("after_id", after.id, type_=Order.id.type)
    if sort is OrderSort.NEXT_ATTEMPT:
        if after.value is None:  # already among the rows without a next attempt (last)
            return and_(Order.next_attempt_at.is_(None), Order.id > after_id)
        value = bindparam("after_value", after.value, type_=Order.next_attempt_at.type)
        return or_(
            Order.next_attempt_at.is_(None),
            tuple_(Order.next_attempt_at, Order.id) > tuple_(value, after_id),
        )
    if after.value is None:
        raise ValueError("a cursor for the creation-time sort needs a time")
    created = bindparam("after_value", after.value, type_=Order.created_at.type)
    # A row-value comparison is what both PostgreSQL and SQLite turn into one index range scan
    # on ix_orders_created_at_id; the equivalent OR form is not.
    key = tuple_(Order.created_at, Order.id)
    if sort is OrderSort.NEWEST:
        return key < tuple_(created, after_id)
    return key > tuple_(created, after_id)


def _order_by(stmt: Select[Any], sort: OrderSort) -> Select[Any]:
    if sort is OrderSort.NEWEST:
        return stmt.order_by(Order.created_at.desc(), Order.id.desc())
    if sort is OrderSort.OLDEST:
        return stmt.order_by(Order.created_at.asc(), Order.id.asc())
    # NULLs last on both databases (PostgreSQL and SQLite disagree on the default)
    return stmt.order_by(Order.next_attempt_at.is_(None), Order.next_attempt_at, Order.id)


def _customer_name(contact: str, first: str | None, last: str | None) -> str:
    # The name typed on the order wins (it is who to ask for on the phone); else the card's.
    if contact.strip():
        return contact.strip()
    return " ".join(part for part in (first, last) if part)


def _rows(session: Session, stmt: Select[Any]) -> list[OrderRow]:
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
            customer_id=r[18],
            lease_holder_id=r[19],
        )
        for r in session.execute(stmt)
    ]


def fetch_page(
    session: Session, *, after: Cursor | None, limit: int, filters: OrderFilter
) -> list[OrderRow]:
    """The next ``limit`` orders after ``after`` (``None``: the first page) in
    ``filters.sort`` order."""
    if not 0 < limit <= MAX_PAGE_SIZE:
        raise ValueError(f"page limit must be between 1 and {MAX_PAGE_SIZE}, got {limit}")
    stmt = _apply_filters(_base_select(), filters)
    if after is not None:
        if after.value is not None and after.value.tzinfo is None:
            raise ValueError(f"cursor time {after.value!r} is naive: expected aware UTC")
        stmt = stmt.where(_after(filters.sort, after))
    return _rows(session, _order_by(stmt, filters.sort).limit(limit))


def fetch_rows(session: Session, ids: tuple[int, ...], filters: OrderFilter) -> list[OrderRow]:
    """The orders among ``ids`` that match ``filters`` now (any order): what a live grid
    needs to update, drop or insert the rows a change names."""
    if len(ids) > MAX_REFRESH_IDS:
        raise ValueError(f"at most {MAX_REFRESH_IDS} ids at once, got {len(ids)}")
    if not ids:
        return []
    stmt = _apply_filters(_base_select(), filters).where(Order.id.in_(ids))
    return _rows(session, stmt)


@dataclass(frozen=True, slots=True)
class Choice:
    """One entry of a filter list: an id and what to show."""

    id: int
    name: str


@dataclass(frozen=True, slots=True)
class StatusChoice:
    code: str
    name_en: str
    name_ru: str


@dataclass(frozen=True, slots=True)
class QueueChoices:
    """What the queue's filters offer: statuses in workflow order, stores by name, the
    operators (active users who work orders) by name."""

    statuses: tuple[StatusChoice, ...]
    stores: tuple[Choice, ...]
    operators: tuple[Choice, ...]


def queue_choices(session: Session) -> QueueChoices:
    """The lists behind the queue's filter boxes (small tables: read whole)."""
    statuses = tuple(
        StatusChoice(code, en, ru)
        for code, en, ru in session.execute(
            select(Status.code, Status.name_en, Status.name_ru).order_by(Status.ordering)
        )
    )
    stores = tuple(
        Choice(i, name)
        for i, name in session.execute(
            select(Store.id, Store.name).where(Store.is_active.is_(True)).order_by(Store.name)
        )
    )
    operators = tuple(
        Choice(i, name)
        for i, name in session.execute(
            select(User.id, User.name)
            .where(
                User.is_active.is_(True),
                User.role.in_((Role.OPERATOR, Role.SUPERVISOR)),
            )
            .order_by(User.name)
        )
    )
    return QueueChoices(statuses, stores, operators)


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
