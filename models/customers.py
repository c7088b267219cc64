"""Customers, their phones (raw + E.164), children, tags and notes."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, BigId, CreatedAtMixin, TimestampsMixin, str_enum


class Gender(enum.StrEnum):
    MALE = "male"
    FEMALE = "female"


class Customer(TimestampsMixin, Base):
    """A buyer. A merged duplicate keeps its row as an audit record with ``merged_into_id``
    pointing at the survivor; everything live points at the survivor."""

    __tablename__ = "customers"
    __table_args__ = (
        CheckConstraint(
            "loyalty_discount_pct >= 0 AND loyalty_discount_pct <= 100",
            name="loyalty_discount_range",
        ),
        Index("ix_customers_email_lower", "email_normalized"),
        Index("ix_customers_last_name", "last_name"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    external_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    first_name: Mapped[str] = mapped_column(String(100), default="")
    last_name: Mapped[str] = mapped_column(String(100), default="")
    patronymic: Mapped[str | None] = mapped_column(String(100))
    birth_date: Mapped[dt.date | None]
    gender: Mapped[Gender | None] = mapped_column(str_enum(Gender, "customer_gender"))
    email: Mapped[str | None] = mapped_column(String(254))
    # lower-cased, trimmed: what duplicate checks and search compare
    email_normalized: Mapped[str | None] = mapped_column(String(254))
    loyalty_discount_pct: Mapped[Decimal] = mapped_column(Numeric(5, 2), default=Decimal("0"))
    notes: Mapped[str | None] = mapped_column(Text)  # free-form summary; dated notes below
    custom_fields: Mapped[dict[str, Any]] = mapped_column(default=dict)
    consent_sms: Mapped[bool] = mapped_column(default=False)
    consent_email: Mapped[bool] = mapped_column(default=False)
    consent_messengers: Mapped[bool] = mapped_column(default=False)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"), index=True)
    merged_at: Mapped[dt.datetime | None]
    merged_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)


class CustomerPhone(CreatedAtMixin, Base):
    """A phone as the customer typed it (``raw``) and normalized (``e164``).

    ``tail10`` holds the last ten digits so a PBX that sends a local or truncated caller ID
    still finds the customer with an index lookup."""

    __tablename__ = "customer_phones"
    __table_args__ = (
        Index("ix_customer_phones_e164", "e164"),
        Index("ix_customer_phones_tail10", "tail10"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    raw: Mapped[str] = mapped_column(String(64))
    e164: Mapped[str] = mapped_column(String(20))
    tail10: Mapped[str] = mapped_column(String(10))
    extension: Mapped[str | None] = mapped_column(String(10))
    kind: Mapped[str] = mapped_column(String(16), default="mobile")
    is_primary: Mapped[bool] = mapped_column(default=False)


class Child(CreatedAtMixin, Base):
    __tablename__ = "children"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    gender: Mapped[Gender | None] = mapped_column(str_enum(Gender, "child_gender"))
    birth_date: Mapped[dt.date | None] = mapped_column(index=True)


class CustomerTag(Base):
    __tablename__ = "customer_tags"
    __table_args__ = (Index("ix_customer_tags_tag", "tag"),)

    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), primary_key=True)
    tag: Mapped[str] = mapped_column(String(64), primary_key=True)


class CustomerNote(CreatedAtMixin, Base):
    """A dated note with its author; shown on the customer's timeline."""

    __tablename__ = "customer_notes"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    text: Mapped[str] = mapped_column(Text)
