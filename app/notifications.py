"""An operator's notifications: reminders (``models.Task``) that are due now.

Call-backs the operator scheduled (``callback``) and retries the worker put back in the queue
(``retry_due``) are tasks assigned to that operator. One is due while it is not done, its due
time has come, and the order it is about (if any) still waits for a call: a reminder for an
order someone already confirmed or cancelled is noise, not work.

Qt-free; the console reads :func:`due_tasks` through its op runner and marks a reminder done
with :func:`mark_done` when the operator opens it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, or_, select, update
from sqlalchemy.orm import Session

from app.clock import Clock
from app.order_list import WORK_STATUSES
from app.outbox import emit
from models import Order, Task

#: How many due reminders are listed at most (the count is exact).
LIST_LIMIT = 20


@dataclass(frozen=True, slots=True)
class DueTask:
    """One reminder that is due, as the notification menu shows it."""

    id: int
    kind: str
    title: str
    due_at: dt.datetime
    order_id: int | None
    order_number: str | None
    customer_id: int | None


@dataclass(frozen=True, slots=True)
class DueTasks:
    """The reminders due for one operator: ``count`` of them, the oldest ``tasks`` first."""

    count: int
    tasks: tuple[DueTask, ...]


def _due_condition(assignee_id: int, now: dt.datetime) -> tuple[ColumnElement[bool], ...]:
    return (
        Task.assignee_id == assignee_id,
        Task.done_at.is_(None),
        Task.due_at <= now,
        or_(Task.order_id.is_(None), Order.status.in_(WORK_STATUSES)),
    )


def due_tasks(
    session: Session, assignee_id: int, now: dt.datetime, limit: int = LIST_LIMIT
) -> DueTasks:
    """Reminders due for ``assignee_id`` at ``now`` (oldest first, at most ``limit``)."""
    if now.tzinfo is None:
        raise ValueError(f"now {now!r} is naive: expected aware UTC")
    where = _due_condition(assignee_id, now)
    count = session.scalar(
        select(func.count(Task.id)).select_from(Task).outerjoin(Order).where(*where)
    )
    rows = session.execute(
        select(
            Task.id,
            Task.kind,
            Task.title,
            Task.due_at,
            Task.order_id,
            Order.number,
            Task.customer_id,
        )
        .select_from(Task)
        .outerjoin(Order, Order.id == Task.order_id)
        .where(*where)
        .order_by(Task.due_at, Task.id)
        .limit(limit)
    )
    tasks = tuple(DueTask(*row) for row in rows)
    return DueTasks(int(count or 0), tasks)


def mark_done(session: Session, task_id: int, user_id: int, clock: Clock) -> bool:
    """The operator took up the reminder: mark it done (once). False when it was already
    done or is not this user's."""
    now = clock.now()
    done = session.execute(
        update(Task)
        .where(Task.id == task_id, Task.assignee_id == user_id, Task.done_at.is_(None))
        .values(done_at=now)
        .returning(Task.order_id)
    ).one_or_none()
    if done is None:
        return False
    emit(
        session,
        "task.done",
        "task",
        task_id,
        {"order_id": done.order_id, "done_at": now.isoformat()},
        actor_id=user_id,
    )
    return True
