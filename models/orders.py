"""Orders, their items and status history."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, BigId, CreatedAtMixin, TimestampsMixin, str_enum


class OrderSource(enum.StrEnum):
    SITE = "site"
    MOBILE_APP = "mobile_app"
    STORE = "store"
    ONE_CLICK = "one_click"
    PHONE = "phone"
    ERP = "erp"


class DeliveryType(enum.StrEnum):
    COURIER = "courier"
    PICKUP = "pickup"  # click & collect from a store
    PARCEL_LOCKER = "parcel_locker"


class PaymentStatus(enum.StrEnum):
    NOT_PAID = "not_paid"
    PAID = "paid"
    REFUNDED = "refunded"


class PaymentMethod(enum.StrEnum):
    CASH = "cash"
    CARD_ON_DELIVERY = "card_on_delivery"
    CARD_ONLINE = "card_online"
    SBP = "sbp"


# Statuses an operator works from the queue; the partial index below covers exactly these.
QUEUE_STATUSES = ("needs_confirmation", "no_answer")
_QUEUE_PREDICATE = text("status IN ('needs_confirmation', 'no_answer')")
_LEASED_PREDICATE = text("lease_operator_id IS NOT NULL")


class Order(TimestampsMixin, Base):
    """An order. ``version`` is the optimistic-locking counter: every write through app/ bumps
    it and refuses a stale one. The ``lease_*`` columns record which operator works the order
    without holding a database lock while they talk to the customer."""

    __tablename__ = "orders"
    __table_args__ = (
        CheckConstraint("no_answer_attempts >= 0", name="attempts_not_negative"),
        CheckConstraint("total >= 0", name="total_not_negative"),
        # The operator queue: "most urgent first" = priority desc, then oldest.
        Index(
            "ix_orders_queue",
            "priority",
            "created_at",
            postgresql_where=_QUEUE_PREDICATE,
            sqlite_where=_QUEUE_PREDICATE,
        ),
        # Keyset paging of the order grid (newest first) and per-status listings.
        Index("ix_orders_created_at_id", "created_at", "id"),
        Index("ix_orders_status_created_at", "status", "created_at"),
        Index("ix_orders_customer_created_at", "customer_id", "created_at"),
        Index("ix_orders_operator_status", "operator_id", "status"),
        Index("ix_orders_next_attempt_at", "next_attempt_at"),
        Index("ix_orders_reserve_until", "reserve_until"),
        # "does this operator already hold an order?" on every take-next: only leased rows
        Index(
            "ix_orders_lease_operator_id",
            "lease_operator_id",
            postgresql_where=_LEASED_PREDICATE,
            sqlite_where=_LEASED_PREDICATE,
        ),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    external_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    source: Mapped[OrderSource] = mapped_column(str_enum(OrderSource, "order_source"))
    status: Mapped[str] = mapped_column(ForeignKey("statuses.code"))
    status_changed_at: Mapped[dt.datetime | None]
    priority: Mapped[int] = mapped_column(Integer, default=0)

    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"))
    # contact as given on the order (may differ from the customer card)
    contact_name: Mapped[str] = mapped_column(String(200), default="")
    contact_phone_raw: Mapped[str | None] = mapped_column(String(64))
    contact_phone_e164: Mapped[str | None] = mapped_column(String(20), index=True)
    contact_email: Mapped[str | None] = mapped_column(String(254))

    operator_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    shipping_store_id: Mapped[int | None] = mapped_column(ForeignKey("stores.id"), index=True)

    delivery_type: Mapped[DeliveryType] = mapped_column(str_enum(DeliveryType, "delivery_type"))
    delivery_address: Mapped[str | None] = mapped_column(String(500))
    delivery_cost: Mapped[Decimal] = mapped_column(Numeric(12, 2), default=Decimal("0"))

    payment_status: Mapped[PaymentStatus] = mapped_column(
        str_enum(PaymentStatus, "payment_status"), default=PaymentStatus.NOT_PAID
    )
    payment_method: Mapped[PaymentMethod | None] = mapped_column(
        str_enum(PaymentMethod, "payment_method")
    )

    subtotal: Mapped[Decimal] = mapped_column(default=Decimal("0"))
    discount_total: Mapped[Decimal] = mapped_column(default=Decimal("0"))
    total: Mapped[Decimal] = mapped_column(default=Decimal("0"))

    customer_comment: Mapped[str | None] = mapped_column(Text)
    manager_comment: Mapped[str | None] = mapped_column(Text)
    cancel_reason: Mapped[str | None] = mapped_column(String(200))

    # retry chain (Gulliver: no answer → SMS → again in 3 h → cancel after the 4th)
    no_answer_attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime | None]
    callback_at: Mapped[dt.datetime | None]
    # click & collect: how long the store holds the goods once the order is ready for pickup
    reserve_until: Mapped[dt.datetime | None]
    # set while this order holds stock at its shipping store (stock.reserved includes it)
    stock_reserved_at: Mapped[dt.datetime | None]

    # the robot's verdict: [{"rule": ..., "passed": bool, "expected": ..., "actual": ...}]
    robot_checks: Mapped[list[Any] | None]
    robot_checked_at: Mapped[dt.datetime | None]

    # queue lease: who works it now (no row lock is held while they do)
    lease_operator_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    lease_taken_at: Mapped[dt.datetime | None]
    lease_heartbeat_at: Mapped[dt.datetime | None]

    version: Mapped[int] = mapped_column(Integer, default=1)

    # Every UPDATE through the ORM carries "WHERE version = <loaded>" (a concurrent writer makes
    # it match nothing → StaleDataError); the services bump the number once per operation
    # (app/orders/workflow.flush_versioned) rather than once per flush, and lease heartbeats
    # don't bump it at all, so an operator's open card isn't invalidated by bookkeeping.
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}


class OrderItem(CreatedAtMixin, Base):
    __tablename__ = "order_items"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint("price >= 0", name="price_not_negative"),
        CheckConstraint("discount >= 0", name="discount_not_negative"),
        Index("ix_order_items_offer_id", "offer_id"),
        Index("ix_order_items_capsule_id", "capsule_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    offer_id: Mapped[int] = mapped_column(ForeignKey("offers.id"))
    name: Mapped[str] = mapped_column(String(300))  # as sold, the catalogue may change later
    quantity: Mapped[int] = mapped_column(Integer)
    price: Mapped[Decimal]  # unit price before discount
    discount: Mapped[Decimal] = mapped_column(default=Decimal("0"))  # per line, in money
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    capsule_id: Mapped[int | None] = mapped_column(ForeignKey("capsules.id"))
    is_cross_sell: Mapped[bool] = mapped_column(default=False)


class OrderStatusHistory(CreatedAtMixin, Base):
    """One row per status change. ``actor_id`` NULL with ``actor_kind='robot'`` is the robot."""

    __tablename__ = "order_status_history"
    __table_args__ = (Index("ix_order_status_history_order_id_id", "order_id", "id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    actor_kind: Mapped[str] = mapped_column(String(16), default="user")  # user | robot | system
    from_status: Mapped[str | None] = mapped_column(ForeignKey("statuses.code"))
    to_status: Mapped[str] = mapped_column(ForeignKey("statuses.code"))
    comment: Mapped[str | None] = mapped_column(Text)
