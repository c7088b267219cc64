"""What the order card runs on the database lane: plain functions of a session, returning frozen
values (never ORM objects). Qt-free; the panel wraps each in an ``Op``.

A save (optionally followed by a call outcome) runs in one transaction, so "save my edits, then
confirm" either happens whole or not at all: a refused confirmation never leaves half of it
behind, and the edits stay in the form. A version conflict is not an error here but an answer:
it comes back with what the others changed and the order as it is now, for the conflict
dialog."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from app.actors import Actor
from app.clock import Clock
from app.drafts import DraftStore, OrderDraft
from app.orders import outcomes, workflow
from app.orders.card import OrderCard, StatusLabel, load_card, status_labels
from app.orders.editing import ItemChange, save_order
from app.orders.errors import ChangeInfo, VersionConflict


@dataclass(frozen=True, slots=True)
class Loaded:
    """The card, the status names (first load only) and the operator's stored draft."""

    card: OrderCard
    labels: tuple[StatusLabel, ...] | None
    draft: OrderDraft | None


def load(
    session: Session,
    order_id: int,
    role: str,
    drafts: DraftStore | None,
    with_labels: bool,
) -> Loaded:
    card = load_card(session, order_id, role)
    labels = status_labels(session) if with_labels else None
    draft = drafts.read(order_id) if drafts is not None else None
    return Loaded(card, labels, draft)


@dataclass(frozen=True, slots=True)
class TheirChange:
    """One change someone else committed: who, when, and per field (old, new) as text."""

    version: int | None
    topic: str
    actor: str
    at: dt.datetime
    fields: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True, slots=True)
class Conflict:
    expected: int
    current: int
    changes: tuple[TheirChange, ...]
    fresh: OrderCard


@dataclass(frozen=True, slots=True)
class Outcome:
    """A call outcome to apply after the save. ``kind``: confirm | no_answer | callback |
    cancel | status."""

    kind: str
    comment: str | None = None
    reason: str | None = None
    when: dt.datetime | None = None
    status: str | None = None


@dataclass(frozen=True, slots=True)
class WriteResult:
    """Either the order as saved (``card``) or a ``conflict``; ``attempts`` after a no
    answer (0 otherwise) and ``auto_cancelled`` when that no answer was the last allowed."""

    card: OrderCard | None
    conflict: Conflict | None = None
    attempts: int = 0
    auto_cancelled: bool = False


def _text(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, list | tuple):
        return "; ".join(_text(v) for v in value) or "—"
    return str(value)


def their_changes(changes: Sequence[ChangeInfo]) -> tuple[TheirChange, ...]:
    return tuple(
        TheirChange(
            c.version,
            c.topic,
            c.actor,
            c.at,
            tuple(
                (
                    name,
                    _text(v[0] if isinstance(v, list) and len(v) == 2 else None),
                    _text(v[1] if isinstance(v, list) and len(v) == 2 else v),
                )
                for name, v in sorted(c.changes.items())
            ),
        )
        for c in changes
    )


def write(
    session: Session,
    order_id: int,
    actor: Actor,
    clock: Clock,
    *,
    role: str,
    expected_version: int,
    fields: Mapping[str, Any],
    items: Sequence[ItemChange] | None,
    outcome: Outcome | None = None,
) -> WriteResult:
    """Save the edits (if any), then apply ``outcome`` (if any), in this one transaction."""
    attempts, auto_cancelled = 0, False
    try:
        version = expected_version
        if fields or items is not None:
            saved = save_order(
                session,
                order_id,
                actor,
                clock,
                expected_version=expected_version,
                fields=fields,
                items=items,
            )
            version = saved.version
        if outcome is not None:
            order = workflow.get_order(session, order_id)
            if outcome.kind == "confirm":
                outcomes.confirm(
                    session, order, actor, clock, expected_version=version, comment=outcome.comment
                )
            elif outcome.kind == "no_answer":
                result = outcomes.record_no_answer(
                    session, order, actor, clock, expected_version=version, comment=outcome.comment
                )
                attempts, auto_cancelled = result.attempts, result.cancelled
            elif outcome.kind == "callback":
                assert outcome.when is not None
                outcomes.schedule_callback(
                    session,
                    order,
                    actor,
                    clock,
                    outcome.when,
                    expected_version=version,
                    comment=outcome.comment,
                )
            elif outcome.kind == "cancel":
                outcomes.cancel(
                    session,
                    order,
                    actor,
                    clock,
                    outcome.reason or "",
                    expected_version=version,
                    comment=outcome.comment,
                )
            elif outcome.kind == "status":
                assert outcome.status is not None
                workflow.change_status(
                    session,
                    order,
                    outcome.status,
                    actor,
                    clock,
                    expected_version=version,
                    comment=outcome.comment,
                    reason=outcome.reason,
                )
            else:
                raise ValueError(f"unknown outcome {outcome.kind!r}")
    except VersionConflict as exc:
        # Nothing of this operation may stay: drop it, then read the order as it is now.
        session.rollback()
        fresh = load_card(session, order_id, role)
        conflict = Conflict(exc.expected, exc.current, their_changes(exc.changes), fresh)
        return WriteResult(None, conflict)
    session.flush()
    return WriteResult(load_card(session, order_id, role), None, attempts, auto_cancelled)
