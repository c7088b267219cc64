"""Calls, messenger/SMS conversations and their messages, message templates."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, BigId, CreatedAtMixin, TimestampsMixin, str_enum


class Direction(enum.StrEnum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"


class Channel(enum.StrEnum):
    SMS = "sms"
    TELEGRAM = "telegram"
    VK = "vk"
    EMAIL = "email"


class DeliveryState(enum.StrEnum):
    QUEUED = "queued"
    SENT = "sent"
    DELIVERED = "delivered"
    READ = "read"
    FAILED = "failed"
    RECEIVED = "received"  # inbound


class Call(TimestampsMixin, Base):
    """A PBX call (one Mango ``entry_id``). Times are PBX event times; talk time is
    ``ended_at - answered_at``."""

    __tablename__ = "calls"
    __table_args__ = (
        Index("ix_calls_customer_id_started_at", "customer_id", "started_at"),
        Index("ix_calls_operator_id_started_at", "operator_id", "started_at"),
        Index("ix_calls_order_id", "order_id"),
        # the "missed calls to call back" list
        Index("ix_calls_result_callback_done_at", "result", "callback_done_at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    external_id: Mapped[str] = mapped_column(String(128), unique=True)  # Mango entry_id
    provider: Mapped[str] = mapped_column(String(32), default="mango")
    direction: Mapped[Direction] = mapped_column(str_enum(Direction, "call_direction"))
    from_number: Mapped[str | None] = mapped_column(String(64))
    to_number: Mapped[str | None] = mapped_column(String(64))
    extension: Mapped[str | None] = mapped_column(String(16))
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"))
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"))
    state: Mapped[str] = mapped_column(String(32), default="appeared")
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    started_at: Mapped[dt.datetime | None]
    answered_at: Mapped[dt.datetime | None]
    ended_at: Mapped[dt.datetime | None]
    result: Mapped[str | None] = mapped_column(String(32))  # answered / missed / busy / failed
    disconnect_reason: Mapped[int | None]
    recording_id: Mapped[str | None] = mapped_column(String(256))
    line_number: Mapped[str | None] = mapped_column(String(64))  # our DID the call came in on
    command_id: Mapped[str | None] = mapped_column(String(128))  # click-to-call that made it
    has_summary: Mapped[bool] = mapped_column(default=False)
    # a missed inbound call is a callback to make until someone marks it done
    callback_done_at: Mapped[dt.datetime | None]
    callback_done_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # what the operator recorded after the call (confirmed / no_answer / callback / ...)
    outcome: Mapped[str | None] = mapped_column(String(32))
    outcome_at: Mapped[dt.datetime | None]


class Conversation(TimestampsMixin, Base):
    __tablename__ = "conversations"
    __table_args__ = (UniqueConstraint("channel", "external_chat_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    channel: Mapped[Channel] = mapped_column(str_enum(Channel, "conversation_channel"))
    external_chat_id: Mapped[str] = mapped_column(String(128))
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"), index=True)
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    is_open: Mapped[bool] = mapped_column(default=True)
    last_message_at: Mapped[dt.datetime | None]


class Message(CreatedAtMixin, Base):
    __tablename__ = "messages"
    __table_args__ = (
        Index("ix_messages_conversation_id_id", "conversation_id", "id"),
        UniqueConstraint("conversation_id", "external_id"),
        Index("ix_messages_delivery_state", "delivery_state"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id"))
    direction: Mapped[Direction] = mapped_column(str_enum(Direction, "message_direction"))
    body: Mapped[str] = mapped_column(Text)
    external_id: Mapped[str | None] = mapped_column(String(128))
    delivery_state: Mapped[DeliveryState] = mapped_column(str_enum(DeliveryState, "delivery_state"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"))
    template_code: Mapped[str | None] = mapped_column(String(64))
    error: Mapped[str | None] = mapped_column(Text)
    meta: Mapped[dict[str, Any] | None]


class MessageTemplate(TimestampsMixin, Base):
    """A text with ``{placeholders}`` (str.format_map) sent by robots and operators."""

    __tablename__ = "message_templates"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    channel: Mapped[Channel] = mapped_column(str_enum(Channel, "template_channel"))
    name: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    is_active: Mapped[bool] = mapped_column(default=True)
