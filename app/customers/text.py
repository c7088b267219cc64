"""Text normalization shared by customer search, duplicate checks and bulk loaders.

The rules live in models/customers.py (the ORM derives ``search_text``/``name_key`` on every
write); this module adds what queries need — LIKE patterns — and the back-fill for rows written
around the ORM (COPY loaders, old data)."""

from __future__ import annotations

from sqlalchemy import Connection, Table, bindparam, select, update

from models import Customer
from models.customers import (
    customer_name_key,
    customer_search_text,
    normalize_text,
    text_words,
)

__all__ = [
    "backfill_search_columns",
    "contains_pattern",
    "customer_name_key",
    "customer_search_text",
    "normalize_text",
    "text_words",
    "word_prefix_pattern",
]

LIKE_ESCAPE = "\\"


def _escape_like(value: str) -> str:
    return (
        value.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2)
        .replace("%", LIKE_ESCAPE + "%")
        .replace("_", LIKE_ESCAPE + "_")
    )


def contains_pattern(token: str) -> str:
    """``%token%`` for LIKE with ``ESCAPE '\\'``."""
    return f"%{_escape_like(token)}%"


def word_prefix_pattern(token: str) -> str:
    """``% token%``: ``token`` starts a word of ``search_text`` (every word follows a space)."""
    return f"% {_escape_like(token)}%"


def backfill_search_columns(
    conn: Connection, *, only_missing: bool = True, batch: int = 5000
) -> int:
    """Fill ``search_text``/``name_key`` for customers written around the ORM (COPY seeders,
    imports by SQL); returns how many rows were updated. Runs in the caller's transaction."""
    done = 0
    last_id = 0
    table = Customer.__table__
    assert isinstance(table, Table)
    stmt = (
        update(table)
        .where(table.c.id == bindparam("cid"))
        .values(search_text=bindparam("st"), name_key=bindparam("nk"))
    )
    while True:
        query = (
            select(
                Customer.id,
                Customer.first_name,
                Customer.last_name,
                Customer.patronymic,
                Customer.email_normalized,
            )
            .where(Customer.id > last_id)
            .order_by(Customer.id)
            .limit(batch)
        )
        if only_missing:
            query = query.where(Customer.search_text.is_(None))
        rows = conn.execute(query).all()
        if not rows:
            return done
        conn.execute(
            stmt,
            [
                {
                    "cid": r.id,
                    "st": customer_search_text(
                        r.first_name, r.last_name, r.patronymic, r.email_normalized
                    ),
                    "nk": customer_name_key(r.first_name, r.last_name),
                }
                for r in rows
            ],
        )
        done += len(rows)
        last_id = rows[-1].id
