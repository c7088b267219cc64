"""System tables: typed settings, the outbox of change events, the dead-letter store."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text
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
