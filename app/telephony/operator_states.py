"""Operator states for call distribution: available / paused (with a reason) / wrap_up /
on_call / offline. The current state is one row per operator; every interval spent in a state
is logged (``operator_state_log``) so KPIs can sum the time in each state."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.outbox import emit
from models import OperatorState, OperatorStateLog, Role, User

OPERATOR_STATES = ("available", "paused", "wrap_up", "on_call", "offline")


@dataclass(frozen=True, slots=True)
class OperatorStateRow:
    operator_id: int
    name: str
    extension: str | None
    state: str
    reason: str | None
    since: dt.datetime | None


def set_operator_state(
    session: Session,
    user_id: int,
    state: str,
    clock: Clock,
    reason: str | None = None,
) -> None:
    """Move the operator to ``state`` now (no-op when already there with the same reason).
    Read it back with :func:`get_operator_state` (plain data, safe to hand to the UI)."""
    if state not in OPERATOR_STATES:
        raise ValueError(f"state: {state!r} is not one of {', '.join(OPERATOR_STATES)}")
    if state == "paused" and not (reason and reason.strip()):
        raise ValueError("reason: a pause needs a reason (lunch, training, ...)")
    reason = reason.strip()[:200] if reason and state == "paused" else None
    now = clock.now()
    current = session.get(OperatorState, user_id, with_for_update=True)
    if current is not None and current.state == state and current.reason == reason:
        return
    open_rows = session.scalars(
        select(OperatorStateLog).where(
            OperatorStateLog.user_id == user_id, OperatorStateLog.ended_at.is_(None)
        )
    ).all()
    for row in open_rows:
        row.ended_at = max(now, row.started_at)
    session.add(OperatorStateLog(user_id=user_id, state=state, reason=reason, started_at=now))
    if current is None:
        current = OperatorState(user_id=user_id, state=state, reason=reason, since=now, version=1)
        session.add(current)
    else:
        current.state, current.reason, current.since = state, reason, now
        current.version += 1
    session.flush()
    emit(
        session,
        "telephony.operator_state",
        "user",
        user_id,
        {"operator_id": user_id, "state": state, "reason": reason, "since": now.isoformat()},
        actor_id=user_id,
    )


# states a console's sign-in leaves alone: the operator chose to pause (a restart does not end
# a lunch), or a call is in progress on their phone
KEPT_AT_SIGN_IN = frozenset({"paused", "on_call"})


def signed_in(session: Session, user_id: int, clock: Clock) -> OperatorStateRow | None:
    """The operator's console opened: ready for calls ("available") unless paused or on a
    call. Returns the state now (plain data for the console)."""
    current = session.get(OperatorState, user_id, with_for_update=True)
    if current is None or current.state not in KEPT_AT_SIGN_IN:
        set_operator_state(session, user_id, "available", clock)
    return get_operator_state(session, user_id)


def signed_out(session: Session, user_id: int, clock: Clock) -> None:
    """The operator's console closed: "offline", so no calls are routed to an empty seat and
    the time until the next sign-in is not counted as available or paused."""
    set_operator_state(session, user_id, "offline", clock)


def get_operator_state(session: Session, user_id: int) -> OperatorStateRow | None:
    rows = _rows(session, select(User).where(User.id == user_id))
    return rows[0] if rows else None


def operator_states(session: Session) -> list[OperatorStateRow]:
    """The supervisor's list: every active operator with their current state (offline when
    they never set one)."""
    return _rows(
        session,
        select(User)
        .where(User.is_active.is_(True), User.role == Role.OPERATOR)
        .order_by(User.name),
    )


def _rows(session: Session, users_query: object) -> list[OperatorStateRow]:
    users = session.scalars(users_query).all()  # type: ignore[call-overload]
    states = {
        s.user_id: s
        for s in session.scalars(
            select(OperatorState).where(OperatorState.user_id.in_([u.id for u in users]))
        )
    }
    out = []
    for user in users:
        st = states.get(user.id)
        out.append(
            OperatorStateRow(
                user.id,
                user.name,
                user.pbx_extension,
                st.state if st else "offline",
                st.reason if st else None,
                st.since if st else None,
            )
        )
    return out


def state_durations(
    session: Session, user_id: int, start: dt.datetime, end: dt.datetime
) -> dict[str, float]:
    """Seconds the operator spent in each state within [start, end) (open intervals count up
    to ``end``)."""
    rows = session.scalars(
        select(OperatorStateLog).where(
            OperatorStateLog.user_id == user_id,
            OperatorStateLog.started_at < end,
            (OperatorStateLog.ended_at.is_(None)) | (OperatorStateLog.ended_at > start),
        )
    ).all()
    totals = dict.fromkeys(OPERATOR_STATES, 0.0)
    for row in rows:
        lo = max(row.started_at, start)
        hi = min(row.ended_at or end, end)
        if hi > lo:
            totals[row.state] = totals.get(row.state, 0.0) + (hi - lo).total_seconds()
    return totals
