"""Finding customers by phone (whole or fragment), e-mail, name or order number; ranked, limited.

How a query is read:
* an **order number** (one word) → the order's customer, first;
* digits (with phone punctuation) → the **phone** normalized to E.164, then the last 10 (or ≥ 7)
  digits of a truncated caller ID, then any number containing the digits;
* text → **name and e-mail words**: every word of the query must match a word of the customer's
  name or e-mail (any order; case and ё/е ignored). Whole-word matches rank above word
  prefixes, which rank above fragments (≥ 3 letters) inside a word.

Ranks (higher first): order number 1000, exact phone 900, exact e-mail 800, phone tail 700,
name 100 + 10 per word-match level (3 whole word, 2 prefix, 1 fragment; +5 when the first word
matches the surname), phone fragment 50–60. Ties: by ``search_text`` (surname, first name,
patronymic, normalized), then id — the same answer on PostgreSQL and SQLite.

PostgreSQL answers fragments from the pg_trgm GIN indexes on ``customers.search_text`` and
``customer_phones.e164``; SQLite runs the same LIKE predicates by scanning (it is the small,
embedded database). Each text phase fetches at most a few hundred candidates and the ranking
happens in Python over those candidates.

Starts are answered by btree ``text_pattern_ops`` ranges on PostgreSQL (migration 0008), which
stop after one page where a GIN prefix match first builds the bitmap of every match ("серге:*"
is every Сергеевна, ~40k rows on 1M customers, 12 ms before the first row): phone starts, e-mail
starts, and — before the general word-prefix phase — names whose surname starts with one of
the query's words, read in ``search_text`` order (the tie order). When those already fill the
page the general word-prefix phase is skipped: for one word they outrank every other prefix
match (the surname bonus); for several words they are the surname-first candidates, which is
how operators type a name, where the general phase would add an arbitrary few hundred of the
thousands of matches."""

from __future__ import annotations

import datetime as dt
import functools
import heapq
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import (
    ARRAY,
    BigInteger,
    ColumnClause,
    ColumnElement,
    Connection,
    Row,
    Select,
    String,
    Table,
    and_,
    any_,
    bindparam,
    func,
    literal_column,
    select,
    union_all,
)
from sqlalchemy import (
    text as sql_text,
)
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.orm import Session

from app.customers.records import display_name
from app.customers.text import (
    LIKE_ESCAPE,
    contains_pattern,
    customer_search_text,
    normalize_text,
    text_words,
    word_prefix_pattern,
)
from app.phones import DEFAULT_REGION, try_normalize
from models import Customer, CustomerPhone, Order

MIN_QUERY = 2
MIN_FRAGMENT = 3
DEFAULT_LIMIT = 50
MAX_LIMIT = 500

ORDER_NUMBER = 1000
PHONE_EXACT = 900
EMAIL_EXACT = 800
PHONE_TAIL = 700
NAME_BASE = 100
PHONE_PREFIX = 60
PHONE_FRAGMENT = 50

_PHONE_LIKE = re.compile(r"^[\d\s()+\-.]+$")


@dataclass(frozen=True, slots=True)
class CustomerHit:
    """One search result: who, how to reach them, and why they matched."""

    id: int
    name: str
    first_name: str
    last_name: str
    patronymic: str | None
    phones: tuple[str, ...]
    email: str | None
    birth_date: dt.date | None
    score: int
    matched: str  # order_number | phone | email | phone_tail | name | phone_fragment

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "phones": list(self.phones),
            "email": self.email,
            "birth_date": self.birth_date.isoformat() if self.birth_date else None,
            "score": self.score,
            "matched": self.matched,
        }


@dataclass(frozen=True, slots=True)
class OrderHit:
    id: int
    number: str
    status: str
    total: Decimal
    created_at: dt.datetime
    customer_id: int | None
    contact_name: str
    matched: str  # number | phone | customer

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "number": self.number,
            "status": self.status,
            "total": str(self.total),
            "created_at": self.created_at.isoformat(),
            "customer_id": self.customer_id,
            "contact_name": self.contact_name,
            "matched": self.matched,
        }


@dataclass(frozen=True, slots=True)
class GlobalResults:
    """What Ctrl+K shows: customers, then orders."""

    customers: tuple[CustomerHit, ...]
    orders: tuple[OrderHit, ...]


class _Found:
    """Best (score, how) per customer id, the customer rows already fetched, and the
    ``search_text`` of every live candidate seen (the tie order; surname-first candidates come
    with it alone, their rows are fetched for the page only)."""

    def __init__(self) -> None:
        self.best: dict[int, tuple[int, str]] = {}
        self.rows: dict[int, Row[Any]] = {}
        self.texts: dict[int, str] = {}

    def add(self, ids: Iterable[int], score: int, how: str) -> None:
        for cid in ids:
            if cid not in self.best or self.best[cid][0] < score:
                self.best[cid] = (score, how)


# Core columns, executed on the session's connection: these queries run on every keystroke of
# search-as-you-type, and the ORM's per-statement work would cost as much as the query.
_CUSTOMERS = cast(Table, Customer.__table__)
_PHONES = cast(Table, CustomerPhone.__table__)
_ORDERS = cast(Table, Order.__table__)
_C, _P, _O = _CUSTOMERS.c, _PHONES.c, _ORDERS.c
_LIVE = _C.merged_into_id.is_(None)
# PostgreSQL: the expression of ix_customers_search_words, spelled exactly as indexed. Words
# are runs of letters and digits (text_words), so they are safe inside a tsquery.
_SIMPLE: ColumnClause[Any] = literal_column("'simple'::regconfig")
_WORDS = func.to_tsvector(_SIMPLE, _C.search_text)
_ROW = (
    _C.id,
    _C.first_name,
    _C.last_name,
    _C.patronymic,
    _C.email,
    _C.email_normalized,
    _C.birth_date,
    _C.search_text,
)


def search(
    session: Session, query: str, limit: int = DEFAULT_LIMIT, region: str = DEFAULT_REGION
) -> list[CustomerHit]:
    """Live customers matching ``query``, best first, at most ``limit``."""
    limit = max(1, min(MAX_LIMIT, limit))
    text = " ".join((query or "").split())
    if len(text.replace(" ", "")) < MIN_QUERY:
        return []
    conn = session.connection()
    found = _Found()
    cap = max(limit * 4, 200)
    digits = "".join(ch for ch in text if ch.isdigit())
    phone_like = bool(_PHONE_LIKE.match(text)) and len(digits) >= MIN_FRAGMENT

    if " " not in text and len(text) <= 32:
        found.add(
            conn.scalars(_by_order_number(), {"numbers": sorted({text, text.upper()})}),
            ORDER_NUMBER,
            "order_number",
        )
    if phone_like:
        _phones(conn, text, digits, region, found, cap)
    if "@" in text and " " not in text:
        found.add(conn.scalars(_by_email(), {"email": text.lower()}), EMAIL_EXACT, "email")
    if not phone_like:
        _names(conn, text, found, cap, limit)
    return _hits(session, found, limit)


def _phones(conn: Connection, text: str, digits: str, region: str, found: _Found, cap: int) -> None:
    # Only customer_phones is read here (merged owners are dropped when the hits are loaded):
    # a join would let the planner walk an index in id order instead of the trigram bitmap.
    def owners(kind: str, value: str) -> list[int]:
        return list(conn.scalars(_phone_owners(kind), {"value": value, "cap": cap}))

    phone = try_normalize(text, region)
    if phone is not None:
        found.add(owners("e164", phone.e164), PHONE_EXACT, "phone")
    if len(digits) >= 10:
        found.add(owners("tail10", digits[-10:]), PHONE_TAIL, "phone_tail")
    elif len(digits) >= 7:
        found.add(owners("like", "%" + digits), PHONE_TAIL, "phone_tail")
    if region == "RU" and digits[0] == "8" and len(digits) > MIN_FRAGMENT:
        # "8 916 12…" typed the domestic way: the start of +7 916 12…
        start = "+7" + digits[1:]
        if conn.dialect.name == "postgresql":  # a btree range (ix_customer_phones_e164_prefix)
            lo, hi = _prefix_range(start)
            found.add(
                conn.scalars(_phone_owners("range"), {"lo": lo, "hi": hi, "cap": cap}),
                PHONE_PREFIX,
                "phone_fragment",
            )
        else:
            found.add(owners("like", start + "%"), PHONE_PREFIX, "phone_fragment")
    found.add(owners("like", "%" + digits + "%"), PHONE_FRAGMENT, "phone_fragment")


_MAILISH = re.compile(r"^[a-z0-9._%+\-@]*[@.][a-z0-9._%+\-@]*$")


def _query_tokens(text: str) -> list[str]:
    """Words of the query. A part that looks like an e-mail or a domain ("anna@", "mail.ru")
    stays whole, to be found inside the e-mail; "А.С." is two initials."""
    tokens: list[str] = []
    for part in text.split():
        clean = normalize_text(part).strip(",;:<>()\"'")
        if "@" in clean or (_MAILISH.match(clean) and len(clean.strip(".")) >= MIN_FRAGMENT):
            tokens.append(clean.strip("."))
        else:
            tokens.extend(text_words(part))
    return [t for t in dict.fromkeys(tokens) if t]


def _names(conn: Connection, text: str, found: _Found, cap: int, limit: int) -> None:
    tokens = _query_tokens(text)
    if not tokens:
        return
    # Whole-word and word-prefix phases look for the words of the name-like tokens; e-mail
    # fragments ("anna@", "mail.ru") only as fragments: their words ("ya", "mail") are matched
    # by half the base. One-letter words (initials) narrow the candidates in Python only — as
    # a prefix they would match every word with that letter. Python checks every token last.
    mail_tokens = {t for t in tokens if "@" in t or "." in t}
    words = list(dict.fromkeys(w for t in tokens if t not in mail_tokens for w in text_words(t)))
    words = [w for w in words if len(w) >= 2] or words
    fragments = [t for t in tokens if len(t) >= MIN_FRAGMENT] or tokens
    full_text = conn.dialect.name == "postgresql"

    def exact() -> tuple[str, list[str]]:
        if full_text and words:
            return "tsquery", [" & ".join(words)]
        return "like", [f"% {_esc(w)} %" for w in words]

    def prefix() -> tuple[str, list[str]]:
        if full_text and words:
            return "tsquery", [" & ".join(f"{w}:*" for w in words)]
        return "like", [word_prefix_pattern(w) for w in words]

    def surname_first() -> tuple[str, list[str]]:
        # PostgreSQL: every word starting the surname in turn, the others starting some word
        if full_text and words:
            starts = [_prefix_range(" " + w) for w in words]
            return "anchored", (
                [lo for lo, _hi in starts] + [hi for _lo, hi in starts] + [" " + w for w in words]
            )
        return "like", []

    def email_start() -> tuple[str, list[str]]:
        # PostgreSQL: "anna.pe" is the start of an e-mail; no name word starts with a dot
        if full_text and len(tokens) == 1 and tokens[0] in mail_tokens:
            return "email_start", list(_prefix_range(tokens[0]))
        return "like", []

    def fragment() -> tuple[str, list[str]]:
        # short tokens only as word prefixes: "ан" inside words matches half the base
        return "like", [
            contains_pattern(t) if len(t) >= MIN_FRAGMENT else word_prefix_pattern(t)
            for t in fragments
        ]

    # Whole words, then word prefixes, then fragments; a later phase only runs when the
    # earlier ones found fewer than ``limit`` (its rows rank lower). No ORDER BY: the bitmap
    # scan stops after ``cap`` rows, which are ranked here.
    matched = 0
    for phase in (exact, surname_first, prefix, email_start, fragment):
        kind, values = phase()
        if not values:
            continue
        params: dict[str, Any] = {f"p{i}": v for i, v in enumerate(values)}
        params["cap"] = cap
        rows = conn.execute(_names_query(kind, len(values)), params).all()
        for r in rows:
            if r.id in found.texts:
                continue
            st = r.search_text or customer_search_text(
                r.first_name, r.last_name, r.patronymic, r.email_normalized
            )
            score = _name_score(tokens, st)
            if score is None:
                continue
            found.texts[r.id] = st
            if kind != "anchored":
                found.rows[r.id] = r
            found.add([r.id], score, "name")
            matched += 1
        if matched >= limit:
            break


def _esc(token: str) -> str:
    return contains_pattern(token)[1:-1]


def _name_score(tokens: list[str], st: str) -> int | None:
    """The rank of a name match; None when some token matches nothing (not a hit). Read off
    ``search_text`` (every word between spaces, surname first): string operations in C, as
    this runs for every candidate of every keystroke."""
    words = set(st.split())
    total = 0
    for n, token in enumerate(tokens):
        if token in words:
            level = 3
        elif " " + token in st:  # starts a word
            level = 2
        elif token in st:
            level = 1
        else:
            return None
        total += 10 * level
        if n == 0 and level >= 2 and st.startswith(" " + token):  # the surname
            total += 5
    return NAME_BASE + total


def _hits(session: Session, found: _Found, limit: int) -> list[CustomerHit]:
    if not found.best:
        return []
    conn = session.connection()
    dialect = conn.dialect.name
    rows, texts = found.rows, found.texts

    def load(ids: list[int]) -> None:
        # merged customers are not returned: they drop out here
        for r in conn.execute(_rows_by_ids(dialect), {"ids": ids}):
            rows[r.id] = r
            texts.setdefault(r.id, r.search_text or "")

    missing = [cid for cid in found.best if cid not in texts]
    if missing:
        load(missing)

    def order(item: tuple[int, tuple[int, str]]) -> tuple[int, str, int]:
        # ties: by search_text — surname, first name, patronymic, already normalized
        cid, (score, _how) = item
        return (-score, texts[cid], cid)

    candidates = (item for item in found.best.items() if item[0] in texts)
    top = heapq.nsmallest(limit, candidates, key=order)
    phones: dict[int, list[str]] = {cid: [] for cid, _ in top}
    if dialect == "postgresql" and phones:
        # the page's rows (surname-first candidates come without theirs) and their phones
        # in one round trip
        for r in conn.execute(_page_rows_pg(), {"ids": list(phones)}):
            rows[r.id] = r
            for e164 in r.phones or ():
                if e164 not in phones[r.id]:
                    phones[r.id].append(e164)
        top = [item for item in top if item[0] in rows]
    elif phones:
        for cid, e164 in conn.execute(_phones_by_ids(dialect), {"ids": list(phones)}):
            if e164 not in phones[cid]:
                phones[cid].append(e164)
    hits = []
    for cid, (score, how) in top:
        r = rows[cid]
        hits.append(
            CustomerHit(
                id=cid,
                name=display_name(r.first_name, r.last_name, r.patronymic),
                first_name=r.first_name,
                last_name=r.last_name,
                patronymic=r.patronymic,
                phones=tuple(phones[cid]),
                email=r.email,
                birth_date=r.birth_date,
                score=score,
                matched=how,
            )
        )
    return hits


# The statements, built once per shape (building and hashing them costs as much as running
# them); only the bound values change per keystroke.


def _ids_in(dialect: str, column: Any) -> ColumnElement[bool]:
    """``column IN :ids``: one array parameter on PostgreSQL (one statement for any number of
    ids), an expanding IN list on SQLite."""
    if dialect == "postgresql":
        return cast(
            ColumnElement[bool],
            column == any_(bindparam("ids", type_=ARRAY(BigInteger()))),
        )
    return cast(ColumnElement[bool], column.in_(bindparam("ids", expanding=True)))


@functools.cache
def _by_order_number() -> Select[Any]:
    return select(_O.customer_id).where(
        _O.number.in_(bindparam("numbers", expanding=True)), _O.customer_id.is_not(None)
    )


@functools.cache
def _by_email() -> Select[Any]:
    return select(_C.id).where(_C.email_normalized == bindparam("email"))


@functools.cache
def _phone_owners(kind: str) -> Select[Any]:
    value = bindparam("value", type_=String())
    condition = {
        "e164": lambda: _P.e164 == value,
        "tail10": lambda: _P.tail10 == value,
        "like": lambda: _P.e164.like(value),
        "range": lambda: _starts_with(_P.e164, "lo", "hi"),
    }[kind]()
    # Only customer_phones is read (merged owners are dropped when the hits are loaded): a
    # join would let the planner walk an index in id order instead of the trigram bitmap.
    return select(_P.customer_id).where(condition).limit(bindparam("cap"))


def _prefix_range(prefix: str) -> tuple[str, str]:
    """``[lo, hi)`` of the strings starting with ``prefix`` in byte order (UTF-8 bytes sort as
    code points): what the text_pattern_ops operators ``~>=~``/``~<~`` compare."""
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _starts_with(column: Any, lo: str, hi: str) -> ColumnElement[bool]:
    """``column`` in ``[:lo, :hi)`` with the text_pattern_ops operators (PostgreSQL): only the
    btree ``text_pattern_ops`` indexes answer them — the trigram index would take a LIKE
    'x%' on a row estimate of 100 and build the bitmap of thousands — and unlike LIKE :p they
    stay an index range in a generic plan of a prepared statement."""
    return and_(
        column.op("~>=~", is_comparison=True)(bindparam(lo, type_=String())),
        column.op("~<~", is_comparison=True)(bindparam(hi, type_=String())),
    )


# PostgreSQL: ``search_text`` in the order of ix_customers_search_text_prefix (text_pattern_ops:
# bytes, which for UTF-8 is Python's code point order), so the scan reads the range in order and
# stops after the page instead of sorting every surname in it
_BY_TEXT = sql_text("customers.search_text USING ~<~")


@functools.lru_cache(maxsize=64)
def _names_query(kind: str, count: int) -> Select[Any]:
    if kind == "anchored":
        # one ordered range per word: it starts the surname, the other words start some word
        # (strpos: a filter on the range, never an index of its own); only id and search_text,
        # answered from the index alone. Parameters: n lower bounds, n upper bounds, n words.
        n = count // 3
        branches = [
            select(_C.id, _C.search_text)
            .where(
                _starts_with(_C.search_text, f"p{i}", f"p{n + i}"),
                *(
                    func.strpos(_C.search_text, bindparam(f"p{2 * n + j}", type_=String())) > 0
                    for j in range(n)
                    if j != i
                ),
                _LIVE,
            )
            .order_by(_BY_TEXT)
            .limit(bindparam("cap"))
            .subquery(f"w{i}")
            for i in range(n)
        ]
        if n == 1:
            return select(*branches[0].c)
        union = union_all(*(select(*b.c) for b in branches)).subquery("anchored")
        return select(*union.c)
    if kind == "email_start":
        return (
            select(*_ROW)
            .where(_starts_with(_C.email_normalized, "p0", "p1"), _LIVE)
            .limit(bindparam("cap"))
        )
    if kind == "tsquery":
        conditions = [_WORDS.bool_op("@@")(func.to_tsquery(_SIMPLE, bindparam("p0")))]
    else:
        conditions = [
            _C.search_text.like(bindparam(f"p{i}", type_=String()), escape=LIKE_ESCAPE)
            for i in range(count)
        ]
    return select(*_ROW).where(and_(*conditions), _LIVE).limit(bindparam("cap"))


@functools.cache
def _rows_by_ids(dialect: str) -> Select[Any]:
    return select(*_ROW).where(_ids_in(dialect, _C.id), _LIVE)


@functools.cache
def _page_rows_pg() -> Select[Any]:
    phones = (
        select(func.array_agg(aggregate_order_by(_P.e164, _P.is_primary.desc(), _P.id)))
        .where(_P.customer_id == _C.id)
        .scalar_subquery()
    )
    return select(*_ROW, phones.label("phones")).where(_ids_in("postgresql", _C.id), _LIVE)


@functools.cache
def _phones_by_ids(dialect: str) -> Select[Any]:
    return (
        select(_P.customer_id, _P.e164)
        .where(_ids_in(dialect, _P.customer_id))
        .order_by(_P.customer_id, _P.is_primary.desc(), _P.id)
    )


def global_search(
    session: Session, query: str, limit: int = 20, region: str = DEFAULT_REGION
) -> GlobalResults:
    """Ctrl+K: customers as :func:`search` finds them, and orders by number or contact phone
    (newest first)."""
    customers = tuple(search(session, query, limit, region))
    text = " ".join((query or "").split())
    orders: dict[int, OrderHit] = {}
    if text and " " not in text and len(text) <= 32:
        _add_orders(session, orders, Order.number.in_({text, text.upper()}), "number", limit)
    phone = try_normalize(text, region) if _PHONE_LIKE.match(text or "-") else None
    if phone is not None:
        _add_orders(session, orders, Order.contact_phone_e164 == phone.e164, "phone", limit)
    ordered = sorted(
        orders.values(), key=lambda o: (o.matched != "number", -o.created_at.timestamp(), -o.id)
    )
    return GlobalResults(customers, tuple(ordered[:limit]))


def _add_orders(
    session: Session,
    found: dict[int, OrderHit],
    condition: ColumnElement[bool],
    how: str,
    limit: int,
) -> None:
    rows = session.execute(
        select(
            Order.id,
            Order.number,
            Order.status,
            Order.total,
            Order.created_at,
            Order.customer_id,
            Order.contact_name,
        )
        .where(condition)
        .order_by(Order.created_at.desc(), Order.id.desc())
        .limit(limit)
    ).all()
    for r in rows:
        found.setdefault(
            r.id,
            OrderHit(
                r.id, r.number, r.status, r.total, r.created_at, r.customer_id, r.contact_name, how
            ),
        )
