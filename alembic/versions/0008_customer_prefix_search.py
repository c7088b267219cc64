"""Customer search by prefix: btree ``text_pattern_ops`` indexes for surname-anchored word
prefixes (``customers.search_text``, live customers, ``id`` included), e-mail starts
(``customers.email_normalized``) and phone starts (``customer_phones.e164``).

PostgreSQL answers ``LIKE 'x%'`` from them as an ordered range that stops after one page; the
GIN indexes of 0004 stay for whole words and fragments. SQLite gets the same names as empty
partial indexes ("WHERE 0"), as 0004's trigram indexes: it cannot use an index for these LIKEs.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# name, table, column, included columns, partial to live customers
_INDEXES = (
    ("ix_customers_search_text_prefix", "customers", "search_text", ["id"], True),
    ("ix_customers_email_prefix", "customers", "email_normalized", [], True),
    ("ix_customer_phones_e164_prefix", "customer_phones", "e164", [], False),
)


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for name, table, column, include, live_only in _INDEXES:
        if postgresql:
            op.create_index(
                name,
                table,
                [column],
                unique=False,
                postgresql_ops={column: "text_pattern_ops"},
                postgresql_include=include,
                postgresql_where=sa.text("merged_into_id IS NULL") if live_only else None,
            )
        else:
            op.create_index(name, table, [column], unique=False, sqlite_where=sa.text("0"))


def downgrade() -> None:
    for name, table, _column, _include, _live_only in reversed(_INDEXES):
        op.drop_index(name, table_name=table)
