"""Appending change events to the outbox, in the caller's transaction.

Every service that changes an order, a customer, a call... calls :func:`emit` before its session
commits, so "what changed" is committed atomically with the change itself. Consumers (consoles,
the worker's dispatchers) read the outbox by id: see app/change_feed.py.

A hot path that runs on a Core ``Connection`` instead of a Session (``app.queue.take_next``)
uses :func:`emit_core` inside ``app.change_feed.begin_hinted(engine)``, whose commit wakes the
change listeners exactly as a Session's commit does."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Table, insert
from sqlalchemy.orm import Session

from models import OutboxEvent
from models.base import utcnow

#: session.info / connection.info flag: this transaction wrote outbox rows (the change feed
#: sends a wake-up hint when it commits)
EMITTED_FLAG = "okno_outbox_emitted"

_outbox: Table = OutboxEvent.__table__  # type: ignore[assignment]  # mapped from a Table

# Built once: a Core insert skips the unit of work (a flush of one ORM object at commit costs
# several times the INSERT's own round trip, bench/bench_claim.py, T2).
_INSERT = insert(_outbox)


def emit(
    session: Session,
    topic: str,
    aggregate: str,
    aggregate_id: int | None,
    payload: dict[str, Any] | None = None,
    actor_id: int | None = None,
) -> OutboxEvent:
    """Stage one change event; it becomes visible when (and only if) the session commits."""
    event = OutboxEvent(
        topic=topic,
        aggregate=aggregate,
        aggregate_id=aggregate_id,
        payload=payload or {},
        actor_id=actor_id,
    )
    session.add(event)
    session.info[EMITTED_FLAG] = True
    return event


def emit_core(
    conn: Connection,
    topic: str,
    aggregate: str,
    aggregate_id: int | None,
    payload: dict[str, Any] | None = None,
    actor_id: int | None = None,
) -> None:
    """:func:`emit` for a Core transaction: inserts the event at once; it becomes visible when
    (and only if) the transaction commits.

    Use it inside ``app.change_feed.begin_hinted(engine)``: that transaction's commit sends the
    change feed's wake-up hint; a plain ``engine.begin()`` would commit the row silently and the
    listeners would only see it at their next safety poll."""
    conn.execute(
        _INSERT,
        {
            "topic": topic,
            "aggregate": aggregate,
            "aggregate_id": aggregate_id,
            "payload": payload or {},
            "actor_id": actor_id,
            # the column's Python default, set here so the statement's shape never varies
            "created_at": utcnow(),
        },
    )
    conn.info[EMITTED_FLAG] = True
