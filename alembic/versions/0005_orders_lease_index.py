"""Partial index on the lease holder: take-next asks "does this operator already hold an order?"
on every claim, which otherwise reads the whole orders table.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_LEASED = sa.text("lease_operator_id IS NOT NULL")


def upgrade() -> None:
    op.create_index(
        "ix_orders_lease_operator_id",
        "orders",
        ["lease_operator_id"],
        unique=False,
        postgresql_where=_LEASED,
        sqlite_where=_LEASED,
    )


def downgrade() -> None:
    op.drop_index("ix_orders_lease_operator_id", table_name="orders")
