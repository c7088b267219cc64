"""Tasks and reminders for people, promo codes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, BigId, CreatedAtMixin


class Task(CreatedAtMixin, Base):
    """A reminder for a person: "call back at 15:00", "retry is due", "check this order"."""

    __tablename__ = "tasks"
    __table_args__ = (
        Index("ix_tasks_assignee_id_done_at_due_at", "assignee_id", "done_at", "due_at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str | None] = mapped_column(Text)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), index=True)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"), index=True)
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    due_at: Mapped[dt.datetime | None]
    done_at: Mapped[dt.datetime | None]


class PromoCode(CreatedAtMixin, Base):
    __tablename__ = "promo_codes"
    __table_args__ = (
        CheckConstraint(
            "discount_pct IS NOT NULL OR discount_amount IS NOT NULL", name="has_discount"
        ),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    discount_pct: Mapped[Decimal | None] = mapped_column(Numeric(5, 2))
    discount_amount: Mapped[Decimal | None]
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"), index=True)
    child_id: Mapped[int | None] = mapped_column(ForeignKey("children.id"))
    reason: Mapped[str] = mapped_column(String(64))  # birthday / manual / campaign
    valid_from: Mapped[dt.date | None]
    valid_to: Mapped[dt.date | None]
    used_at: Mapped[dt.datetime | None]
    used_order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"))
