"""Customers, their phones (raw + E.164), children, tags and notes.

Search columns: ``customers.search_text`` (lower-case, ``ё`` → ``е``, words of the name and the
e-mail, each between spaces) and ``customers.name_key`` (first and last name words, sorted)
are derived from the other columns by :func:`customer_search_text` / :func:`customer_name_key`
on every ORM insert and update (mapper events below), so no code path can forget them. Loaders
that bypass the ORM (COPY) fill them with ``app.customers.text.backfill_search_columns``."""

from __future__ import annotations

import datetime as dt
import enum
import re
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
    event,
    func,
    literal_column,
    text,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapped, Mapper, mapped_column

from models.base import Base, BigId, CreatedAtMixin, TimestampsMixin, str_enum

# Trigram (pg_trgm GIN) indexes answer "contains this fragment" on PostgreSQL. SQLite cannot use
# an index for LIKE '%x%', so there the same index is declared partial over nothing ("WHERE 0"):
# it exists under the same name on both databases (one schema, one migration) and costs nothing.
_NOWHERE = text("0")
# Words are runs of letters and digits — exactly what pg_trgm calls a word — so a whole-word or
# word-prefix LIKE has the same idea of a word as the trigram index that answers it.
_WORD = re.compile(r"[^\W_]+")


def normalize_text(value: str | None) -> str:
    """Lower-case with ``ё`` folded into ``е``: how search compares names (case and ё/е blind)."""
    return (value or "").lower().replace("ё", "е")


def text_words(value: str | None) -> list[str]:
    """The words of ``value`` after :func:`normalize_text` (punctuation and hyphens split)."""
    return _WORD.findall(normalize_text(value))


def customer_search_text(
    first_name: str | None,
    last_name: str | None,
    patronymic: str | None,
    email: str | None,
) -> str:
    """``" петрова анна ивановна anna.petrova@mail.ru anna petrova mail ru "``: every name
    word, the e-mail, then the e-mail's words, each between spaces, so ``LIKE '% петров %'``
    is a whole-word match, ``'% петр%'`` a word prefix and ``'%петр%'`` a fragment."""
    words = text_words(last_name) + text_words(first_name) + text_words(patronymic)
    mail = normalize_text(email).strip()
    if mail:
        words.append(mail)
        words.extend(text_words(mail))
    return ("".join(" " + w for w in words) + " ")[:600] if words else ""


def customer_name_key(first_name: str | None, last_name: str | None) -> str:
    """First and last name words, normalized and sorted: "Анна Петрова" and "ПЕТРОВА Анна" share
    a key. With the birth date it groups likely duplicates."""
    return " ".join(sorted(text_words(first_name) + text_words(last_name)))[:210]


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
        Index(
            "ix_customers_search_text_trgm",
            "search_text",
            postgresql_using="gin",
            postgresql_ops={"search_text": "gin_trgm_ops"},
            sqlite_where=_NOWHERE,
        ),
        Index("ix_customers_birth_date_name_key", "birth_date", "name_key"),
        # Word prefixes that start the surname, and e-mail starts (PostgreSQL, text_pattern_ops:
        # LIKE 'x%' is a range): an ordered btree scan stops after one page, where a GIN prefix
        # match ("серге:*": Сергеев, Сергей, every Сергеевна) builds its whole bitmap first.
        # Live customers only; ``id`` included so the surname scan never reads the table.
        # SQLite: "WHERE 0", as the trigram indexes.
        Index(
            "ix_customers_search_text_prefix",
            "search_text",
            postgresql_ops={"search_text": "text_pattern_ops"},
            postgresql_include=["id"],
            postgresql_where=text("merged_into_id IS NULL"),
            sqlite_where=_NOWHERE,
        ),
        Index(
            "ix_customers_email_prefix",
            "email_normalized",
            postgresql_ops={"email_normalized": "text_pattern_ops"},
            postgresql_where=text("merged_into_id IS NULL"),
            sqlite_where=_NOWHERE,
        ),
        # Whole words and word prefixes (PostgreSQL full text, 'simple': no stemming, no stop
        # words): one posting list per word, where trigrams would intersect the huge lists of
        # common trigrams. PostgreSQL only — SQLite runs the same match as LIKE '% word %' —
        # so the SQLite schema has no such index (Alembic skips comparing it there, saying so).
        Index(
            "ix_customers_search_words",
            func.to_tsvector(literal_column("'simple'::regconfig"), literal_column("search_text")),
            postgresql_using="gin",
        ).ddl_if(dialect="postgresql"),
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
    # derived, see the module docstring; NULL only on rows a bulk loader has not indexed yet
    search_text: Mapped[str | None] = mapped_column(String(600))
    name_key: Mapped[str | None] = mapped_column(String(210))


@event.listens_for(Customer, "before_insert")
@event.listens_for(Customer, "before_update")
def _derive_search_columns(_mapper: Mapper[Customer], _conn: Connection, target: Customer) -> None:
    target.search_text = customer_search_text(
        target.first_name, target.last_name, target.patronymic, target.email_normalized
    )
    target.name_key = customer_name_key(target.first_name, target.last_name)


class CustomerPhone(CreatedAtMixin, Base):
    """A phone as the customer typed it (``raw``) and normalized (``e164``).

    ``tail10`` holds the last ten digits so a PBX that sends a local or truncated caller ID
    still finds the customer with an index lookup."""

    __tablename__ = "customer_phones"
    __table_args__ = (
        Index("ix_customer_phones_e164", "e164"),
        Index("ix_customer_phones_tail10", "tail10"),
        Index(
            "ix_customer_phones_e164_trgm",
            "e164",
            postgresql_using="gin",
            postgresql_ops={"e164": "gin_trgm_ops"},
            sqlite_where=_NOWHERE,
        ),
        # "+7916…" typed from the start: a btree range that stops after one page (the trigram
        # index reads every number sharing those trigrams first)
        Index(
            "ix_customer_phones_e164_prefix",
            "e164",
            postgresql_ops={"e164": "text_pattern_ops"},
            sqlite_where=_NOWHERE,
        ),
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
