"""Find the customer an incoming order belongs to, or create one (never a duplicate by phone).

The matching lives with the rest of customer identity in :mod:`app.customers.identity`; these
names stay importable from here for the order services."""

from __future__ import annotations

from app.customers.identity import find_customer_by_phone, find_or_create_customer

__all__ = ["find_customer_by_phone", "find_or_create_customer"]
