"""Telephony bookkeeping beside ``calls``: the raw PBX event log (idempotency), call legs,
commands sent to the PBX, operator states and the log of time spent in each."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, BigId, CreatedAtMixin, TimestampsMixin


class CallEvent(CreatedAtMixin, Base):
    """One webhook delivery, kept once. ``dedupe_key`` is what makes a replay harmless:
    ``call:<call_id>:<seq>``, ``summary:<entry_id>``, ``recording:<recording_id>:<seq>``,
    ``record_added:<recording_id>``, ``result:<command_id>``."""

    __tablename__ = "call_events"
    __table_args__ = (
        UniqueConstraint("provider", "dedupe_key"),
        Index("ix_call_events_entry_id", "entry_id"),
        Index("ix_call_events_leg_id_seq", "leg_id", "seq"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    provider: Mapped[str] = mapped_column(String(32), default="mango")
    kind: Mapped[str] = mapped_column(String(32))  # call / summary / recording / ...
    dedupe_key: Mapped[str] = mapped_column(String(300))
    entry_id: Mapped[str | None] = mapped_column(String(128))
    leg_id: Mapped[str | None] = mapped_column(String(128))  # Mango call_id
    seq: Mapped[int | None] = mapped_column(Integer)
    event_at: Mapped[dt.datetime | None]
    payload: Mapped[dict[str, Any]]


class CallLeg(TimestampsMixin, Base):
    """One Mango leg (``call_id``): IVR, queue, or a ring to one employee. Its state is folded
    from all its stored events in ``seq`` order, so arrival order never matters."""

    __tablename__ = "call_legs"
    __table_args__ = (
        UniqueConstraint("provider", "leg_id"),
        Index("ix_call_legs_extension_state", "extension", "state"),
        Index("ix_call_legs_call_id", "call_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    provider: Mapped[str] = mapped_column(String(32), default="mango")
    leg_id: Mapped[str] = mapped_column(String(128))
    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id"))
    location: Mapped[str | None] = mapped_column(String(16))
    extension: Mapped[str | None] = mapped_column(String(16))  # the employee this leg rings
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    number: Mapped[str | None] = mapped_column(String(64))  # the other party
    state: Mapped[str] = mapped_column(String(16))  # ringing / talking / on_hold / ended
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    appeared_at: Mapped[dt.datetime | None]
    answered_at: Mapped[dt.datetime | None]
    ended_at: Mapped[dt.datetime | None]
    disconnect_reason: Mapped[int | None]
    popped: Mapped[bool] = mapped_column(default=False)  # screen pop sent for this leg


class TelephonyCommand(CreatedAtMixin, Base):
    """A command sent to the PBX (click-to-call, hang-up). Kept before sending, so a command
    whose answer was lost is visible as ``uncertain`` instead of being sent again."""

    __tablename__ = "telephony_commands"
    __table_args__ = (Index("ix_telephony_commands_operator_id_id", "operator_id", "id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    command_id: Mapped[str] = mapped_column(String(128), unique=True)
    kind: Mapped[str] = mapped_column(String(32))  # callback / hangup
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    extension: Mapped[str | None] = mapped_column(String(16))
    to_number: Mapped[str | None] = mapped_column(String(64))
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"))
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"))
    status: Mapped[str] = mapped_column(String(16))  # sending / sent / failed / uncertain / done
    result: Mapped[int | None]
    error: Mapped[str | None] = mapped_column(Text)


class OperatorState(Base):
    """Where an operator is now for call distribution: available / paused (reason) / wrap_up /
    on_call / offline."""

    __tablename__ = "operator_states"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    state: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(String(200))
    since: Mapped[dt.datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)


class OperatorStateLog(Base):
    """A closed (``ended_at`` set) or open interval an operator spent in one state (KPIs)."""

    __tablename__ = "operator_state_log"
    __table_args__ = (Index("ix_operator_state_log_user_id_started_at", "user_id", "started_at"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    state: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(String(200))
    started_at: Mapped[dt.datetime]
    ended_at: Mapped[dt.datetime | None]
