"""Cross-sell bookkeeping: every capsule item shown to a customer during a call, and the upsell
credited to the operator who added it.

Both tables carry a business-local date (``shown_on`` / ``credited_on``) beside the instant:
the per-operator KPI groups a month by day, and a plain date column with an index answers that
the same way on PostgreSQL and SQLite without time-zone arithmetic per row."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, BigId, CreatedAtMixin, str_enum, utcnow


class CrossSellOutcome(enum.StrEnum):
    OFFERED = "offered"  # shown, no answer yet
    ACCEPTED = "accepted"  # added to the order
    DECLINED = "declined"


class UpsellState(enum.StrEnum):
    PENDING = "pending"  # the order is confirmed, not yet completed
    EARNED = "earned"  # the order is completed
    REVERSED = "reversed"  # cancelled, returned or sent back to the queue


class CrossSellOffer(CreatedAtMixin, Base):
    """One suggestion an operator showed: to an order, or to a customer without an open order."""

    __tablename__ = "cross_sell_offers"
    __table_args__ = (
        Index("ix_cross_sell_offers_shown_on_operator_id", "shown_on", "operator_id"),
        Index("ix_cross_sell_offers_operator_id_shown_on", "operator_id", "shown_on"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    operator_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    order_id: Mapped[int | None] = mapped_column(
        ForeignKey("orders.id", ondelete="CASCADE"), index=True
    )
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"), index=True)
    capsule_id: Mapped[int | None] = mapped_column(ForeignKey("capsules.id"))
    offer_id: Mapped[int] = mapped_column(ForeignKey("offers.id"))
    shown_at: Mapped[dt.datetime]
    shown_on: Mapped[dt.date]
    outcome: Mapped[CrossSellOutcome] = mapped_column(
        str_enum(CrossSellOutcome, "cross_sell_outcome"), default=CrossSellOutcome.OFFERED
    )
    decided_at: Mapped[dt.datetime | None]
    decline_reason: Mapped[str | None] = mapped_column(String(200))
    order_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("order_items.id", ondelete="SET NULL")
    )


class UpsellCredit(Base):
    """The upsell of one cross-sell order line, credited to the operator who added it.

    One row per line (so "top capsules" is a GROUP BY, not a walk over order items); created
    when the order is confirmed, ``state`` follows the order's status. Deleting the line
    deletes its credit."""

    __tablename__ = "upsell_credits"
    __table_args__ = (
        Index("ix_upsell_credits_credited_on_operator_id", "credited_on", "operator_id"),
        Index("ix_upsell_credits_operator_id_credited_on", "operator_id", "credited_on"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    order_item_id: Mapped[int] = mapped_column(
        ForeignKey("order_items.id", ondelete="CASCADE"), unique=True
    )
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    operator_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    capsule_id: Mapped[int | None] = mapped_column(ForeignKey("capsules.id"))
    amount: Mapped[Decimal]
    state: Mapped[UpsellState] = mapped_column(str_enum(UpsellState, "upsell_state"))
    credited_at: Mapped[dt.datetime]  # when the order was (first) confirmed
    credited_on: Mapped[dt.date]  # the same, as a business-local date
    earned_at: Mapped[dt.datetime | None]
    reversed_at: Mapped[dt.datetime | None]
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
