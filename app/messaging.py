"""Queueing outbound messages to customers from templates.

A queued message is a row (``delivery_state='queued'``) in the customer's conversation on that
channel; the channel integrations deliver it later. Nothing is sent inside a transaction."""

from __future__ import annotations

import string
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.outbox import emit
from models import Channel, Conversation, DeliveryState, Direction, Message, MessageTemplate


class TemplateError(ValueError):
    pass


class _Missing(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        raise TemplateError(f"template placeholder {{{key}}} has no value")


def render_template(session: Session, code: str, context: dict[str, Any]) -> str:
    body = session.scalar(
        select(MessageTemplate.body).where(
            MessageTemplate.code == code, MessageTemplate.is_active.is_(True)
        )
    )
    if body is None:
        raise TemplateError(f"no active message template {code!r}")
    return string.Formatter().vformat(body, (), _Missing(context))


def queue_message(
    session: Session,
    clock: Clock,
    *,
    channel: Channel,
    address: str,
    template_code: str,
    context: dict[str, Any],
    customer_id: int | None = None,
    order_id: int | None = None,
    author_id: int | None = None,
) -> Message:
    """Render ``template_code`` and queue it to ``address`` (E.164 for SMS) on ``channel``."""
    body = render_template(session, template_code, context)
    now = clock.now()
    conversation = session.scalar(
        select(Conversation).where(
            Conversation.channel == channel, Conversation.external_chat_id == address
        )
    )
    if conversation is None:
        conversation = Conversation(
            channel=channel, external_chat_id=address, customer_id=customer_id, created_at=now
        )
        session.add(conversation)
        session.flush()
    conversation.last_message_at = now
    message = Message(
        conversation_id=conversation.id,
        direction=Direction.OUTBOUND,
        body=body,
        delivery_state=DeliveryState.QUEUED,
        author_id=author_id,
        order_id=order_id,
        template_code=template_code,
        created_at=now,
    )
    session.add(message)
    session.flush()
    emit(
        session,
        "message.queued",
        "message",
        message.id,
        {"channel": channel.value, "template": template_code, "order_id": order_id},
        actor_id=author_id,
    )
    return message
