"""System tables: typed settings, the outbox of change events, the dead-letter store."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, BigId, CreatedAtMixin, utcnow


class Setting(Base):
    """Admin-editable business settings (robot threshold, retry delay, ...). The typed
    declarations and defaults live in app/business_settings.py; the table stores overrides."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(Text)  # JSON text: portable and exact (Decimal as str)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class OutboxEvent(CreatedAtMixin, Base):
    """Every committed change appends one row here in the same transaction. Consumers read by
    ascending ``id`` from their last seen one; NOTIFY is only a wake-up hint."""

    __tablename__ = "outbox_events"
    __table_args__ = (Index("ix_outbox_events_aggregate", "aggregate", "aggregate_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    topic: Mapped[str] = mapped_column(String(64))  # e.g. order.status_changed
    aggregate: Mapped[str] = mapped_column(String(32))  # order / customer / call / ...
    aggregate_id: Mapped[int | None]
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)


class DeadLetter(CreatedAtMixin, Base):
    """Input that could not be applied, kept verbatim with the reasons, for a person to fix."""

    __tablename__ = "dead_letters"
    __table_args__ = (Index("ix_dead_letters_source_resolved_at", "source", "resolved_at"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    source: Mapped[str] = mapped_column(String(64))  # orders.import / mango.webhook / ...
    reference: Mapped[str | None] = mapped_column(String(128))  # externalId, call id, ...
    raw_payload: Mapped[str] = mapped_column(Text)
    errors: Mapped[dict[str, Any]] = mapped_column(default=dict)
    resolved_at: Mapped[dt.datetime | None]
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class OutboxCursor(Base):
    """How far a named consumer (a worker handler such as ``erp.export``) has read the outbox.
    Workers lock the row while they advance it, so two workers never handle one event twice."""

    __tablename__ = "outbox_cursors"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    last_event_id: Mapped[int] = mapped_column(BigInteger, default=0)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class OutboxRetry(CreatedAtMixin, Base):
    """An event a handler failed on: retried with backoff without holding up the stream; after
    the last attempt ``dead_at`` is set and a person looks at ``last_error``."""

    __tablename__ = "outbox_retries"
    __table_args__ = (
        UniqueConstraint("handler", "event_id"),
        Index("ix_outbox_retries_due", "dead_at", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    handler: Mapped[str] = mapped_column(String(64))
    event_id: Mapped[int] = mapped_column(ForeignKey("outbox_events.id"))
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[dt.datetime]
    last_error: Mapped[str | None] = mapped_column(Text)
    done_at: Mapped[dt.datetime | None]
    dead_at: Mapped[dt.datetime | None]
