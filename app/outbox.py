"""Appending change events to the outbox, in the caller's transaction.

Every service that changes an order, a customer, a call... calls :func:`emit` before its session
commits, so "what changed" is committed atomically with the change itself. Consumers (consoles,
the worker's dispatchers) read the outbox by id: see app/change_feed.py."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from models import OutboxEvent

#: session.info flag: this transaction wrote outbox rows (the change feed sends a wake-up hint)
EMITTED_FLAG = "okno_outbox_emitted"


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
