"""Outbox dispatch: named handlers consume change events in order, each at its own pace.

A handler's progress is a row in ``outbox_cursors``; a worker locks that row (SKIP LOCKED, so a
second worker simply skips the handler this round) while it hands the next events over, so no
event is handled twice. A handler that fails on an event does not hold up the stream: the event
goes to ``outbox_retries`` and is retried with exponential backoff until it succeeds or is
declared dead for a person to look at.

Ids come from a sequence, so a transaction that started earlier can commit an event with a lower
id after a later one was read. A consumer therefore stops at a gap in the ids unless the gap is
older than ``GAP_GRACE`` (then it was a rolled-back transaction and will never fill)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.clock import Clock
from models import OutboxCursor, OutboxEvent, OutboxRetry

log = logging.getLogger(__name__)

GAP_GRACE = dt.timedelta(seconds=10)
MAX_ATTEMPTS = 8


@dataclass(frozen=True, slots=True)
class Event:
    id: int
    topic: str
    aggregate: str
    aggregate_id: int | None
    actor_id: int | None
    payload: dict[str, Any]
    created_at: dt.datetime


@dataclass(frozen=True, slots=True)
class Handler:
    """``fn`` gets one event; raising means "try again later". Make it idempotent: a crash
    between its side effect and the commit replays the event once more."""

    name: str
    topics: frozenset[str]
    fn: Callable[[Event], None]


def backoff(attempt: int) -> dt.timedelta:
    return dt.timedelta(seconds=min(30 * 2 ** (attempt - 1), 3600))


def _event(row: OutboxEvent) -> Event:
    return Event(
        row.id,
        row.topic,
        row.aggregate,
        row.aggregate_id,
        row.actor_id,
        dict(row.payload),
        row.created_at,
    )


def contiguous(rows: Sequence[OutboxEvent], after: int, now: dt.datetime) -> list[OutboxEvent]:
    """The prefix of ``rows`` (ascending ids after ``after``) that is safe to consume."""
    safe = []
    expected = after + 1
    for row in rows:
        if row.id != expected and now - row.created_at < GAP_GRACE:
            break  # a lower id may still commit
        safe.append(row)
        expected = row.id + 1
    return safe


def _lock_cursor(session: Session, name: str) -> OutboxCursor | None:
    query = select(OutboxCursor).where(OutboxCursor.name == name)
    postgres = session.get_bind().dialect.name == "postgresql"
    if postgres:
        query = query.with_for_update(skip_locked=True)
    cursor = session.scalar(query)
    if cursor is not None:
        return cursor
    try:
        with session.begin_nested():
            session.add(OutboxCursor(name=name, last_event_id=0))
    except IntegrityError:
        return None  # another worker created it just now; it will be ours next round
    return session.scalar(query)


def dispatch_new(session: Session, handler: Handler, clock: Clock, batch: int = 200) -> int:
    """Hand the next events to ``handler``; returns how many it was given."""
    cursor = _lock_cursor(session, handler.name)
    if cursor is None:
        return 0
    now = clock.now()
    rows = session.scalars(
        select(OutboxEvent)
        .where(OutboxEvent.id > cursor.last_event_id)
        .order_by(OutboxEvent.id)
        .limit(batch)
    ).all()
    handled = 0
    for row in contiguous(rows, cursor.last_event_id, now):
        if row.topic in handler.topics:
            handled += 1
            try:
                handler.fn(_event(row))
            except Exception as exc:  # any failure is retried later, never lost
                log.warning("%s failed on event %s: %s", handler.name, row.id, exc)
                session.add(
                    OutboxRetry(
                        handler=handler.name,
                        event_id=row.id,
                        attempts=1,
                        next_attempt_at=now + backoff(1),
                        last_error=f"{type(exc).__name__}: {exc}"[:2000],
                        created_at=now,
                    )
                )
        cursor.last_event_id = row.id
    return handled


def retry_due(session: Session, handler: Handler, clock: Clock, batch: int = 100) -> int:
    now = clock.now()
    query = (
        select(OutboxRetry)
        .where(
            OutboxRetry.handler == handler.name,
            OutboxRetry.done_at.is_(None),
            OutboxRetry.dead_at.is_(None),
            OutboxRetry.next_attempt_at <= now,
        )
        .order_by(OutboxRetry.next_attempt_at, OutboxRetry.id)
        .limit(batch)
    )
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    retries = session.scalars(query).all()
    for retry in retries:
        row = session.get(OutboxEvent, retry.event_id)
        retry.attempts += 1
        try:
            if row is None:
                raise LookupError(f"event {retry.event_id} is gone")
            handler.fn(_event(row))
        except Exception as exc:
            retry.last_error = f"{type(exc).__name__}: {exc}"[:2000]
            if retry.attempts >= MAX_ATTEMPTS:
                retry.dead_at = now
                log.error("%s gave up on event %s: %s", handler.name, retry.event_id, exc)
            else:
                retry.next_attempt_at = now + backoff(retry.attempts)
        else:
            retry.done_at = now
    return len(retries)
