"""Capsules: curated sets of products that go together, offered as cross-sell during a call."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, BigId, TimestampsMixin, str_enum
from models.catalog import Audience


class Capsule(TimestampsMixin, Base):
    """A capsule from the mailing service's feed. A capsule that leaves the feed is retired
    (``retired_at``), never deleted: order items keep pointing at it."""

    __tablename__ = "capsules"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    external_id: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    season: Mapped[str | None] = mapped_column(String(64))
    audience: Mapped[Audience] = mapped_column(str_enum(Audience, "capsule_audience"))
    age_from: Mapped[int | None]
    age_to: Mapped[int | None]
    valid_from: Mapped[dt.date | None]
    valid_to: Mapped[dt.date | None]
    retired_at: Mapped[dt.datetime | None]


class CapsuleItem(Base):
    """A product (any offer of it) or one specific offer that belongs to a capsule."""

    __tablename__ = "capsule_items"
    __table_args__ = (
        Index("ix_capsule_items_product_id", "product_id"),
        Index("ix_capsule_items_offer_id", "offer_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    capsule_id: Mapped[int] = mapped_column(
        ForeignKey("capsules.id", ondelete="CASCADE"), index=True
    )
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    offer_id: Mapped[int | None] = mapped_column(ForeignKey("offers.id"))
    role: Mapped[str | None] = mapped_column(String(32))  # top / bottom / shoes / accessory


class CapsuleFeed(Base):
    """What we last saw of one capsule feed URL (or file path): the validators for a
    conditional GET (``ETag`` / ``Last-Modified``) and the outcome of the last pull."""

    __tablename__ = "capsule_feeds"

    url: Mapped[str] = mapped_column(String(500), primary_key=True)
    etag: Mapped[str | None] = mapped_column(String(256))
    last_modified: Mapped[str | None] = mapped_column(String(64))
    checked_at: Mapped[dt.datetime | None]
    changed_at: Mapped[dt.datetime | None]
    last_result: Mapped[str | None] = mapped_column(String(500))
