"""Customer search: normalized search columns, trigram indexes (pg_trgm), duplicate grouping.

* ``customers.search_text`` — lower-case, ``ё`` → ``е``, every word of the name and the e-mail
  after a space; ``customers.name_key`` — first and last name words sorted (duplicate groups).
  Both are derived by the ORM on every write (models/customers.py); rows that already exist are
  filled here.
* PostgreSQL: ``pg_trgm`` is enabled when the role may do it, and GIN trigram indexes serve
  fragment search on ``search_text`` and on ``customer_phones.e164``. Without the extension
  (no rights) the same index names are created as plain btrees: search still answers, by a
  scan, and a warning says why it is slow. SQLite cannot index ``LIKE '%x%'`` at all: there the
  two indexes are partial over nothing (``WHERE 0``) so both databases share one schema.
* PostgreSQL: a GIN full-text index on ``to_tsvector('simple', search_text)`` answers whole-word
  and word-prefix matches from one posting list per word (SQLite uses LIKE on the same column).
* ``(birth_date, name_key)`` index: "similar name, same birth date" duplicate candidates.

Metrics are computed on read from the customer's orders (app/customers/metrics.py), so there is
no metrics table to keep in step.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = logging.getLogger("alembic.runtime.migration")

_TRGM_INDEXES = (
    ("ix_customers_search_text_trgm", "customers", "search_text"),
    ("ix_customer_phones_e164_trgm", "customer_phones", "e164"),
)


def upgrade() -> None:
    bind = op.get_bind()
    with op.batch_alter_table("customers") as batch_op:
        batch_op.add_column(sa.Column("search_text", sa.String(length=600), nullable=True))
        batch_op.add_column(sa.Column("name_key", sa.String(length=210), nullable=True))
    _backfill(bind)
    op.create_index(
        "ix_customers_birth_date_name_key", "customers", ["birth_date", "name_key"], unique=False
    )
    if bind.dialect.name == "postgresql":
        # whole words and word prefixes: built-in full text search, no extension needed
        op.create_index(
            "ix_customers_search_words",
            "customers",
            [sa.text("to_tsvector('simple'::regconfig, search_text)")],
            unique=False,
            postgresql_using="gin",
        )
        trigram = _enable_pg_trgm(bind)
        for name, table, column in _TRGM_INDEXES:
            if trigram:
                op.create_index(
                    name,
                    table,
                    [column],
                    unique=False,
                    postgresql_using="gin",
                    postgresql_ops={column: "gin_trgm_ops"},
                )
            else:
                op.create_index(name, table, [column], unique=False)
    else:
        for name, table, column in _TRGM_INDEXES:
            op.create_index(name, table, [column], unique=False, sqlite_where=sa.text("0"))


def downgrade() -> None:
    # pg_trgm stays installed: other objects may use it, and dropping an extension is an
    # administrator's decision, not a schema step.
    for name, table, _column in _TRGM_INDEXES:
        op.drop_index(name, table_name=table)
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("ix_customers_search_words", table_name="customers")
    op.drop_index("ix_customers_birth_date_name_key", table_name="customers")
    with op.batch_alter_table("customers") as batch_op:
        batch_op.drop_column("name_key")
        batch_op.drop_column("search_text")


def _enable_pg_trgm(bind: sa.Connection) -> bool:
    """True when pg_trgm is (now) installed; False when this role may not create it."""
    installed = bind.scalar(sa.text("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'"))
    if installed:
        return True
    savepoint = bind.begin_nested()  # a failed CREATE must not abort the migration transaction
    try:
        bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except sa.exc.DBAPIError as exc:
        savepoint.rollback()
        log.warning(
            "pg_trgm could not be enabled (%s); customer fragment search will scan instead of "
            "using trigram indexes. Ask a superuser to run CREATE EXTENSION pg_trgm and "
            "recreate ix_customers_search_text_trgm / ix_customer_phones_e164_trgm.",
            str(exc.orig).strip().splitlines()[0] if exc.orig else exc,
        )
        return False
    savepoint.commit()
    return True


# A frozen copy of models.customers.customer_search_text / customer_name_key as of this revision
# (migrations never import the models, which keep changing).
_WORD = re.compile(r"[^\W_]+")


def _words(value: str | None) -> list[str]:
    return _WORD.findall((value or "").lower().replace("ё", "е"))


def _search_text(first: str | None, last: str | None, patr: str | None, mail: str | None) -> str:
    words = _words(last) + _words(first) + _words(patr)
    email = (mail or "").lower().replace("ё", "е").strip()
    if email:
        words.append(email)
        words.extend(_words(email))
    return ("".join(" " + w for w in words) + " ")[:600] if words else ""


def _name_key(first: str | None, last: str | None) -> str:
    return " ".join(sorted(_words(first) + _words(last)))[:210]


def _backfill(bind: sa.Connection, batch: int = 5000) -> None:
    customers = sa.table(
        "customers",
        sa.column("id", sa.BigInteger()),
        sa.column("first_name", sa.String()),
        sa.column("last_name", sa.String()),
        sa.column("patronymic", sa.String()),
        sa.column("email_normalized", sa.String()),
        sa.column("search_text", sa.String()),
        sa.column("name_key", sa.String()),
    )
    update = (
        sa.update(customers)
        .where(customers.c.id == sa.bindparam("cid"))
        .values(search_text=sa.bindparam("st"), name_key=sa.bindparam("nk"))
    )
    last_id = 0
    while True:
        rows = bind.execute(
            sa.select(
                customers.c.id,
                customers.c.first_name,
                customers.c.last_name,
                customers.c.patronymic,
                customers.c.email_normalized,
            )
            .where(customers.c.id > last_id)
            .order_by(customers.c.id)
            .limit(batch)
        ).all()
        if not rows:
            return
        bind.execute(
            update,
            [
                {
                    "cid": r.id,
                    "st": _search_text(r.first_name, r.last_name, r.patronymic, r.email_normalized),
                    "nk": _name_key(r.first_name, r.last_name),
                }
                for r in rows
            ],
        )
        last_id = rows[-1].id
