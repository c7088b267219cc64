"""Catalogue: a category tree of any depth, products, their offers (SKUs) and stock per store."""

from __future__ import annotations

import enum
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, BigId, TimestampsMixin, str_enum


class Audience(enum.StrEnum):
    """Who a product or capsule is for (children's retail: gender of the child)."""

    BOY = "boy"
    GIRL = "girl"
    UNISEX = "unisex"


class Category(Base):
    """A node of the catalogue tree; ``parent_id`` NULL marks a root."""

    __tablename__ = "categories"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id"), index=True)
    external_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Product(TimestampsMixin, Base):
    __tablename__ = "products"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    external_id: Mapped[str] = mapped_column(String(64), unique=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    brand: Mapped[str | None] = mapped_column(String(100))
    audience: Mapped[Audience] = mapped_column(str_enum(Audience, "audience"))
    age_from: Mapped[int | None]  # years, inclusive
    age_to: Mapped[int | None]
    description: Mapped[str | None] = mapped_column(String(2000))
    is_active: Mapped[bool] = mapped_column(default=True)


class Offer(TimestampsMixin, Base):
    """A sellable variant of a product: one colour and size, one barcode, one price."""

    __tablename__ = "offers"
    __table_args__ = (
        CheckConstraint("price >= 0", name="price_not_negative"),
        CheckConstraint("old_price IS NULL OR old_price >= 0", name="old_price_not_negative"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    external_id: Mapped[str] = mapped_column(String(64), unique=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    color: Mapped[str | None] = mapped_column(String(64))
    size: Mapped[str | None] = mapped_column(String(32))
    barcode: Mapped[str | None] = mapped_column(String(32), unique=True)
    price: Mapped[Decimal]
    old_price: Mapped[Decimal | None]
    is_active: Mapped[bool] = mapped_column(default=True)


class Stock(Base):
    """Quantity of an offer at a store. ``reserved`` is held by confirmed orders; what can be
    sold is ``quantity - reserved``. The CHECKs make a negative balance impossible even under
    concurrent confirmations (the losing UPDATE fails instead of overselling)."""

    __tablename__ = "stock"
    __table_args__ = (
        CheckConstraint("quantity >= 0", name="quantity_not_negative"),
        CheckConstraint("reserved >= 0", name="reserved_not_negative"),
        CheckConstraint("reserved <= quantity", name="reserved_within_quantity"),
        Index("ix_stock_store_id", "store_id"),
    )

    offer_id: Mapped[int] = mapped_column(ForeignKey("offers.id"), primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"), primary_key=True)
    quantity: Mapped[int] = mapped_column(Integer, default=0)
    reserved: Mapped[int] = mapped_column(Integer, default=0)
