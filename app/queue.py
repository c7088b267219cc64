"""The operator queue: "take next" hands an operator the most urgent order and records a lease.

No database lock is held while the operator talks to the customer (PERF.md: plain ``FOR UPDATE``
stalled a claim for 15 s at 32 clients). The claim is one short transaction: find the order with
``FOR UPDATE SKIP LOCKED``, write the lease (operator, taken at, heartbeat), append an
``order.claimed`` outbox event, commit. The console then heartbeats; a lease without a heartbeat
for ``queue.lease_minutes`` lapses and the order is back in the pool.

Eligible orders: ``needs_confirmation`` with no call-back time or one that has come, and
``no_answer`` whose next attempt is due; in both cases without a live lease. Most urgent first:
priority descending, then the oldest.

Lease writes do not bump the order's ``version`` nor ``updated_at``: a lease is not a change of
the order, and bumping the version on every heartbeat would make the operator's own open card
stale (T12's conflict detection would fire on a conflict with himself).

:func:`take_next` runs the claim in its own transaction and commits it (on a Core ``Connection``:
it is the console's hot path, and a Session plus an ORM outbox object cost more Python time than
the seven round trips themselves, T2); :func:`claim_next`,
:func:`heartbeat`, :func:`release` and :func:`lease_holder` follow the house style (the caller's
session, the caller commits)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Integer,
    Row,
    Table,
    and_,
    bindparam,
    func,
    literal_column,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler

from app.business_settings import SPECS, get_setting
from app.change_feed import begin_hinted
from app.clock import Clock
from app.db import get_engine
from app.outbox import emit, emit_core
from models import Order, Setting

__all__ = [
    "ClaimedOrder",
    "Lease",
    "LeaseLost",
    "OrderNotFound",
    "QueueError",
    "claim_next",
    "heartbeat",
    "lease_holder",
    "release",
    "take_next",
]

_orders: Table = Order.__table__  # type: ignore[assignment]  # mapped from a Table
_c = _orders.c

# Literal SQL, never bound parameters: the planner (PostgreSQL with a generic prepared plan,
# SQLite always) can use the partial index ix_orders_queue only when it can see that the query's
# WHERE implies the index predicate, and it cannot see through a parameter. The text is the
# index predicate verbatim for SQLite's benefit (it matches partial index terms literally).
_IN_QUEUE = text("status IN ('needs_confirmation', 'no_answer')")
_NEEDS_CONFIRMATION: ColumnElement[str] = literal_column("'needs_confirmation'")
_NO_ANSWER: ColumnElement[str] = literal_column("'no_answer'")
# SQLite without ANALYZE statistics (the embedded database never has any) prefers
# ix_orders_status_created_at and sorts the whole queue: 130 ms instead of 0.14 ms on 45k queued
# orders. Name the partial index; SQLite refuses the query rather than silently ignore it.
_SQLITE_HINT = "INDEXED BY ix_orders_queue"


@compiles(Table, "sqlite")
def _sqlite_table_hint(element: Table, compiler: SQLCompiler, **kw: Any) -> str:
    """Render ``select.with_hint(table, "INDEXED BY ...", "sqlite")``, which SQLAlchemy's SQLite
    dialect accepts but drops (it has no table-hint syntax of its own)."""
    text_ = compiler.visit_table(element, **kw)
    hints = kw.get("fromhints")
    if kw.get("asfrom") and hints and element in hints:
        text_ += " " + hints[element]
    return text_


# LIMIT 1 as literal too: with a parameter, a generic plan cannot know the scan stops early.
_ONE: ColumnElement[int] = literal_column("1", Integer)

# How many lower priorities to try when every eligible order of the top one is locked by
# concurrent claimers at that instant (SKIP LOCKED). Bounded so a pathological table cannot
# keep one claim looping; the operator simply presses "take next" again.
_MAX_PRIORITY_STEPS = 32


class QueueError(Exception):
    """Base of the queue's typed errors."""


class OrderNotFound(QueueError):
    def __init__(self, order_id: int) -> None:
        super().__init__(f"order id {order_id} does not exist")
        self.order_id = order_id


class LeaseLost(QueueError):
    """The operator no longer holds the lease on the order: released, or taken by someone else
    after it lapsed. The console must stop working on the order and say so."""

    def __init__(
        self,
        order_id: int,
        number: str,
        operator_id: int,
        holder_id: int | None,
        holder_since: dt.datetime | None,
    ) -> None:
        if holder_id is None:
            whom = "nobody holds it now (released, or the order left the queue)"
        else:
            since = f" since {holder_since.isoformat()}" if holder_since else ""
            whom = f"operator {holder_id} holds it{since}"
        super().__init__(
            f"order {number} (id {order_id}): operator {operator_id} has lost the lease; {whom}"
        )
        self.order_id = order_id
        self.number = number
        self.operator_id = operator_id
        self.holder_id = holder_id
        self.holder_since = holder_since


@dataclass(frozen=True, slots=True)
class Lease:
    """Who works an order now. ``live`` is False for a lapsed lease nobody has taken over yet."""

    order_id: int
    number: str
    operator_id: int
    taken_at: dt.datetime
    heartbeat_at: dt.datetime
    expires_at: dt.datetime
    live: bool


@dataclass(frozen=True, slots=True)
class ClaimedOrder:
    """The order "take next" handed to an operator, with the lease it now holds.

    ``resumed`` is True when the operator already held this order (one order at a time: a
    restarted console gets its order back instead of a new one)."""

    order_id: int
    number: str
    status: str
    priority: int
    version: int
    customer_id: int | None
    contact_name: str
    operator_id: int
    lease_taken_at: dt.datetime
    lease_heartbeat_at: dt.datetime
    lease_expires_at: dt.datetime
    resumed: bool


def _lease_minutes(session: Session, lease_minutes: int | None) -> int:
    minutes = (
        int(get_setting(session, "queue.lease_minutes")) if lease_minutes is None else lease_minutes
    )
    return _positive(minutes)


def _positive(minutes: int) -> int:
    if minutes <= 0:
        raise ValueError(f"queue lease must last a positive number of minutes, got {minutes}")
    return minutes


_settings: Table = Setting.__table__  # type: ignore[assignment]  # mapped from a Table
_LEASE_SETTING = "queue.lease_minutes"
_LEASE_SETTING_SQL = select(_settings.c.value).where(_settings.c.key == _LEASE_SETTING)


def _lease_minutes_core(conn: Connection, lease_minutes: int | None) -> int:
    """:func:`_lease_minutes` on a Core connection. Read on every claim, never cached: an admin
    may change it at any moment (the raw baseline reads it every time too). Stored as JSON text
    like every setting (app/business_settings.py); an int setting decodes as ``int(json)``."""
    if lease_minutes is not None:
        return _positive(lease_minutes)
    stored = conn.execute(_LEASE_SETTING_SQL).scalar()
    if stored is None:
        return _positive(int(SPECS[_LEASE_SETTING].default))
    return _positive(int(json.loads(stored)))


def _due(now: ColumnElement[Any]) -> ColumnElement[bool]:
    """Eligible by status and schedule, regardless of any lease."""
    return and_(
        _IN_QUEUE,
        or_(
            and_(
                _c.status == _NEEDS_CONFIRMATION,
                or_(_c.callback_at.is_(None), _c.callback_at <= now),
            ),
            and_(_c.status == _NO_ANSWER, _c.next_attempt_at <= now),
        ),
    )


def _unleased(stale_before: ColumnElement[Any]) -> ColumnElement[bool]:
    return or_(_c.lease_operator_id.is_(None), _c.lease_heartbeat_at < stale_before)


_NOW = bindparam("now", type_=_c.lease_taken_at.type)
_STALE = bindparam("stale_before", type_=_c.lease_taken_at.type)
_OP = bindparam("op_id", type_=_c.lease_operator_id.type)

_RETURNED = (
    _c.id,
    _c.number,
    _c.status,
    _c.priority,
    _c.version,
    _c.customer_id,
    _c.contact_name,
    _c.lease_operator_id,
    _c.lease_taken_at,
    _c.lease_heartbeat_at,
)

#: Refresh and return the order this operator already holds (still live and still due), if any.
#: Needs an index on orders.lease_operator_id, which the migrations do not have yet: without it
#: this is a sequential scan of all orders (50 ms at 100k orders, bench/bench_claim.py).
HELD_SQL = (
    update(_orders)
    .where(_c.lease_operator_id == _OP, _c.lease_heartbeat_at >= _STALE, _due(_NOW))
    .values(lease_heartbeat_at=_NOW, updated_at=_c.updated_at)
    .returning(*_RETURNED)
)

#: The highest priority among eligible orders (optionally below a priority already tried):
#: a backward scan of ix_orders_queue that stops at the first eligible row.
TOP_PRIORITY_SQL = (
    select(_c.priority)
    .where(_due(_NOW), _unleased(_STALE))
    .order_by(_c.priority.desc())
    .limit(_ONE)
    .with_hint(_orders, _SQLITE_HINT, "sqlite")
)
TOP_PRIORITY_BELOW_SQL = TOP_PRIORITY_SQL.where(_c.priority < bindparam("below"))

# Within one priority the oldest eligible row: a forward scan of ix_orders_queue on
# (priority = p, created_at). SKIP LOCKED passes over rows other claimers are locking this very
# moment; PostgreSQL re-checks the WHERE on the latest row version of the row it locks, so a row
# another claimer has just leased and committed is not taken twice.
_PICK = (
    select(_c.id)
    .where(_c.priority == bindparam("at_priority"), _due(_NOW), _unleased(_STALE))
    .order_by(_c.created_at)
    .limit(_ONE)
    .with_hint(_orders, _SQLITE_HINT, "sqlite")
    .with_for_update(skip_locked=True)
    .scalar_subquery()
)


#: Lease the picked order in the same statement; an order nobody was responsible for yet
#: becomes this operator's.
CLAIM_SQL = (
    update(_orders)
    .where(_c.id == _PICK)
    .values(
        lease_operator_id=_OP,
        lease_taken_at=_NOW,
        lease_heartbeat_at=_NOW,
        operator_id=func.coalesce(_c.operator_id, _OP),
        updated_at=_c.updated_at,
    )
    .returning(*_RETURNED)
)

_CURRENT_LEASE_SQL = select(
    _c.number, _c.lease_operator_id, _c.lease_taken_at, _c.lease_heartbeat_at
).where(_c.id == bindparam("order_id"))


def _claimed(row: Row[Any], minutes: int, *, resumed: bool) -> ClaimedOrder:
    return ClaimedOrder(
        order_id=row.id,
        number=row.number,
        status=row.status,
        priority=row.priority,
        version=row.version,
        customer_id=row.customer_id,
        contact_name=row.contact_name,
        operator_id=row.lease_operator_id,
        lease_taken_at=row.lease_taken_at,
        lease_heartbeat_at=row.lease_heartbeat_at,
        lease_expires_at=row.lease_heartbeat_at + dt.timedelta(minutes=minutes),
        resumed=resumed,
    )


def _claim_row(
    executor: Session | Connection, operator_id: int, now: dt.datetime, minutes: int
) -> tuple[Row[Any], bool] | None:
    """The claim's statements on either a Session or a Connection: the row of the order now
    leased to the operator and whether he already held it, or None if nothing is eligible."""
    params: dict[str, Any] = {
        "now": now,
        "stale_before": now - dt.timedelta(minutes=minutes),
        "op_id": operator_id,
    }
    held = executor.execute(HELD_SQL, params).all()
    if held:
        # one at a time is the rule; should two ever be held, hand back the most urgent
        return min(held, key=lambda r: (-r.priority, r.id)), True

    below: int | None = None
    for _ in range(_MAX_PRIORITY_STEPS):
        if below is None:
            priority = executor.execute(TOP_PRIORITY_SQL, params).scalar()
        else:
            priority = executor.execute(TOP_PRIORITY_BELOW_SQL, {**params, "below": below}).scalar()
        if priority is None:
            return None
        claimed = executor.execute(CLAIM_SQL, {**params, "at_priority": priority}).one_or_none()
        if claimed is not None:
            return claimed, False
        # every eligible order of this priority is being claimed by someone else right now
        below = priority
    return None


def _claimed_payload(row: Row[Any], operator_id: int, now: dt.datetime) -> dict[str, Any]:
    """The ``order.claimed`` event's payload."""
    return {
        "number": row.number,
        "status": row.status,
        "operator_id": operator_id,
        "lease_taken_at": now.isoformat(),
    }


def claim_next(
    session: Session, *, operator_id: int, clock: Clock, lease_minutes: int | None = None
) -> ClaimedOrder | None:
    """Lease the most urgent eligible order to ``operator_id`` in the caller's transaction, or
    return the order the operator already holds. ``None`` when nothing is eligible.

    The caller must commit at once: on PostgreSQL the claimed row stays locked until then.
    :func:`take_next` does exactly that and is what consoles call."""
    now = clock.now()
    minutes = _lease_minutes(session, lease_minutes)
    found = _claim_row(session, operator_id, now, minutes)
    if found is None:
        return None
    row, resumed = found
    if not resumed:
        emit(
            session,
            "order.claimed",
            "order",
            row.id,
            _claimed_payload(row, operator_id, now),
            actor_id=operator_id,
        )
    return _claimed(row, minutes, resumed=resumed)


def take_next(
    target: str | Engine,
    *,
    operator_id: int,
    clock: Clock,
    lease_minutes: int | None = None,
) -> ClaimedOrder | None:
    """ "Take next" for a console: what :func:`claim_next` does, in its own short transaction
    committed before returning, so no row lock outlives the call. ``target`` is a database URL
    (the process-wide engine) or an Engine.

    Runs on a Core Connection with a Core outbox insert (the same statements and the same
    event as :func:`claim_next`); ``begin_hinted`` gives its commit the change feed's wake-up
    hint that a Session's commit would send."""
    engine = get_engine(target) if isinstance(target, str) else target
    with begin_hinted(engine) as conn:
        now = clock.now()
        minutes = _lease_minutes_core(conn, lease_minutes)
        found = _claim_row(conn, operator_id, now, minutes)
        if found is None:
            return None
        row, resumed = found
        if not resumed:
            emit_core(
                conn,
                "order.claimed",
                "order",
                row.id,
                _claimed_payload(row, operator_id, now),
                actor_id=operator_id,
            )
        return _claimed(row, minutes, resumed=resumed)


def _lost(session: Session, order_id: int, operator_id: int) -> QueueError:
    current = session.execute(_CURRENT_LEASE_SQL, {"order_id": order_id}).one_or_none()
    if current is None:
        return OrderNotFound(order_id)
    return LeaseLost(
        order_id, current.number, operator_id, current.lease_operator_id, current.lease_taken_at
    )


def heartbeat(
    session: Session,
    order_id: int,
    operator_id: int,
    clock: Clock,
    lease_minutes: int | None = None,
) -> Lease:
    """Keep the operator's lease alive. Raises :class:`LeaseLost` naming the current holder if
    the lease was released or taken over, :class:`OrderNotFound` for an unknown order.

    A lease that lapsed but that nobody has taken over yet is renewed: nobody else is working
    the order, and the operator who was is back."""
    now = clock.now()
    minutes = _lease_minutes(session, lease_minutes)
    row = session.execute(
        update(_orders)
        .where(_c.id == order_id, _c.lease_operator_id == operator_id)
        .values(lease_heartbeat_at=now, updated_at=_c.updated_at)
        .returning(_c.number, _c.lease_taken_at)
    ).one_or_none()
    if row is None:
        raise _lost(session, order_id, operator_id)
    return Lease(
        order_id=order_id,
        number=row.number,
        operator_id=operator_id,
        taken_at=row.lease_taken_at,
        heartbeat_at=now,
        expires_at=now + dt.timedelta(minutes=minutes),
        live=True,
    )


def release(session: Session, order_id: int, operator_id: int, clock: Clock) -> bool:
    """Give the order back to the pool. True if the operator held it; False if nobody did
    (releasing twice is harmless). Raises :class:`LeaseLost` if another operator holds it,
    so one console can never drop a colleague's lease."""
    row = session.execute(
        update(_orders)
        .where(_c.id == order_id, _c.lease_operator_id == operator_id)
        .values(
            lease_operator_id=None,
            lease_taken_at=None,
            lease_heartbeat_at=None,
            updated_at=_c.updated_at,
        )
        .returning(_c.number, _c.status)
    ).one_or_none()
    if row is None:
        error = _lost(session, order_id, operator_id)
        if isinstance(error, LeaseLost) and error.holder_id is None:
            return False
        raise error
    emit(
        session,
        "order.lease_released",
        "order",
        order_id,
        {
            "number": row.number,
            "status": row.status,
            "operator_id": operator_id,
            "released_at": clock.now().isoformat(),
        },
        actor_id=operator_id,
    )
    return True


def lease_holder(
    session: Session, order_id: int, clock: Clock, lease_minutes: int | None = None
) -> Lease | None:
    """Who holds the lease on the order (``live`` False once it lapsed), or None."""
    minutes = _lease_minutes(session, lease_minutes)
    current = session.execute(_CURRENT_LEASE_SQL, {"order_id": order_id}).one_or_none()
    if current is None:
        raise OrderNotFound(order_id)
    if current.lease_operator_id is None:
        return None
    expires_at = current.lease_heartbeat_at + dt.timedelta(minutes=minutes)
    return Lease(
        order_id=order_id,
        number=current.number,
        operator_id=current.lease_operator_id,
        taken_at=current.lease_taken_at,
        heartbeat_at=current.lease_heartbeat_at,
        expires_at=expires_at,
        live=clock.now() < expires_at,
    )
