"""One chronological list of everything that happened with a customer: orders placed, order
status changes, calls, messages, notes and merges — newest first, keyset-paged.

Order is (time, kind, id) descending, ties broken by :data:`KINDS` rank then row id, which makes
the cursor ``"<iso time>|<kind>|<id>"`` exact: a page never repeats or skips an item, however
many arrive meanwhile. Each source is asked for one page past the cursor through its own index
(orders by ``(customer_id, created_at)``, calls by ``(customer_id, started_at)``, ...) and the
pages are merged in Python, so the cost of a page does not depend on how long the history is."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Integer,
    Select,
    String,
    Text,
    and_,
    bindparam,
    cast,
    func,
    literal,
    null,
    or_,
    select,
    true,
    type_coerce,
    union_all,
)
from sqlalchemy.orm import QueryableAttribute, Session, aliased

from app.customers.errors import InvalidCustomerValue
from models import (
    Call,
    Conversation,
    Customer,
    CustomerNote,
    Message,
    Order,
    OrderStatusHistory,
    User,
)
from models.base import MONEY, UtcDateTime

#: kinds, in tie-break rank order (a later kind sorts first among items at the same instant)
KINDS = ("order", "status", "call", "message", "note", "merge")
_RANK = {k: n for n, k in enumerate(KINDS)}
DEFAULT_PAGE = 50
MAX_PAGE = 500


@dataclass(frozen=True, slots=True)
class TimelineItem:
    at: dt.datetime
    kind: str  # one of KINDS
    id: int  # the source row's id (order, history row, call, message, note, customer)
    title: str
    detail: str | None = None
    actor: str | None = None
    order_id: int | None = None
    order_number: str | None = None
    status_from: str | None = None
    status_to: str | None = None
    direction: str | None = None  # calls and messages: inbound | outbound
    channel: str | None = None  # messages: sms | telegram | vk | email; calls: "phone"
    other_customer_id: int | None = None  # merges: the other customer

    @property
    def cursor(self) -> str:
        return f"{self.at.isoformat()}|{self.kind}|{self.id}"

    def as_json(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["at"] = self.at.isoformat()
        return data


@dataclass(frozen=True, slots=True)
class TimelinePage:
    items: tuple[TimelineItem, ...]
    next_cursor: str | None  # None: this was the last page


@dataclass(frozen=True, slots=True)
class _Cursor:
    at: dt.datetime
    rank: int
    id: int


def parse_cursor(text: str) -> _Cursor:
    try:
        at_text, kind, id_text = text.split("|")
        at = dt.datetime.fromisoformat(at_text)
        if at.tzinfo is None or kind not in _RANK:
            raise ValueError
        return _Cursor(at, _RANK[kind], int(id_text))
    except ValueError:
        raise InvalidCustomerValue("cursor", f"{text!r} is not a timeline cursor") from None


_Col = ColumnElement[Any] | QueryableAttribute[Any]


# Bound values of the cached statements (see _statement)
_CID = bindparam("customer_id", type_=BigInteger())
_N = bindparam("n", type_=Integer())
_AT = bindparam("cursor_at", type_=UtcDateTime())
_ID = bindparam("cursor_id", type_=BigInteger())


def _after(
    cursor_rank: int | None, kind: str, at_col: _Col, id_col: _Col
) -> ColumnElement[bool] | None:
    """Rows of ``kind`` strictly after the cursor in (at, rank, id) descending order; the
    cursor's rank decides the shape, its instant and id are bound values."""
    if cursor_rank is None:
        return None
    rank = _RANK[kind]
    if rank < cursor_rank:
        return at_col <= _AT
    if rank > cursor_rank:
        return at_col < _AT
    return or_(at_col < _AT, and_(at_col == _AT, id_col < _ID))


def _page(
    query: Select[Any],
    cursor_rank: int | None,
    kind: str,
    at_col: _Col,
    id_col: _Col,
) -> Select[Any]:
    condition = _after(cursor_rank, kind, at_col, id_col)
    if condition is not None:
        query = query.where(condition)
    return query.order_by(at_col.desc(), id_col.desc()).limit(_N)


@functools.lru_cache(maxsize=32)
def _statement(dialect: str, cursor_rank: int | None) -> Select[Any]:
    """The page query for one database and cursor shape, built once: building and hashing a
    six-branch union costs more than running it, so only the bound values change per call."""
    branches = [
        build(dialect, cursor_rank).subquery()
        for build in (_orders, _statuses, _calls, _messages, _notes, _merges)
    ]
    # Each branch is a page of its own source through its own index; the union of those pages
    # is ordered once more and cut to the page.
    union = union_all(*(select(*b.c) for b in branches)).subquery()
    return (
        select(union).order_by(union.c.at.desc(), union.c.rank.desc(), union.c.id.desc()).limit(_N)
    )


def timeline(
    session: Session, customer_id: int, *, cursor: str | None = None, limit: int = DEFAULT_PAGE
) -> TimelinePage:
    """One page of the customer's timeline, newest first; pass ``next_cursor`` for the next."""
    if not 1 <= limit <= MAX_PAGE:
        raise InvalidCustomerValue("limit", f"must be 1–{MAX_PAGE}, got {limit}")
    after = parse_cursor(cursor) if cursor else None
    n = limit + 1  # one more than asked: tells whether another page exists
    statement = _statement(session.get_bind().dialect.name, after.rank if after else None)
    params: dict[str, Any] = {"customer_id": customer_id, "n": n}
    if after is not None:
        params.update(cursor_at=after.at, cursor_id=after.id)
    rows = session.execute(statement, params).all()
    items = [_item(r, customer_id) for r in rows]
    page = tuple(items[:limit])
    return TimelinePage(page, page[-1].cursor if len(items) > limit and page else None)


# sources: every branch has the same columns --------------------------------------------------

_TEXT = String()


def _columns(
    at: Any,
    kind: str,
    row_id: Any,
    *,
    order_id: Any = None,
    order_number: Any = None,
    a: Any = None,
    b: Any = None,
    c: Any = None,
    detail: Any = None,
    actor: Any = None,
    other_id: Any = None,
    amount: Any = None,
    t1: Any = None,
    t2: Any = None,
) -> list[Any]:
    def typed(value: Any, type_: Any, name: str) -> Any:
        # one type per column across the branches (the union reads every row with the first
        # branch's types: an enum column there would refuse another branch's text)
        # and a typed NULL where a branch has nothing (PostgreSQL makes a bare NULL text)
        if value is None:
            return cast(null(), type_).label(name)
        return type_coerce(value, type_).label(name)

    when = UtcDateTime()
    return [
        type_coerce(at, when).label("at"),
        literal(_RANK[kind], Integer()).label("rank"),
        typed(row_id, BigInteger(), "id"),
        typed(order_id, BigInteger(), "order_id"),
        typed(order_number, _TEXT, "order_number"),
        typed(a, _TEXT, "a"),
        typed(b, _TEXT, "b"),
        typed(c, _TEXT, "c"),
        typed(detail, Text(), "detail"),
        typed(actor, _TEXT, "actor"),
        typed(other_id, BigInteger(), "other_id"),
        typed(amount, MONEY, "amount"),
        typed(t1, when, "t1"),
        typed(t2, when, "t2"),
    ]


def _orders(dialect: str, cursor_rank: int | None) -> Select[Any]:
    q = select(
        *_columns(
            Order.created_at,
            "order",
            Order.id,
            order_id=Order.id,
            order_number=Order.number,
            a=Order.status,
            b=Order.source,
            amount=Order.total,
        )
    ).where(Order.customer_id == _CID)
    return _page(q, cursor_rank, "order", Order.created_at, Order.id)


def _statuses(dialect: str, cursor_rank: int | None) -> Select[Any]:
    h = OrderStatusHistory
    if dialect != "postgresql":
        # SQLite plans IN (subquery) by the (order_id, id) index
        q = (
            select(
                *_columns(
                    h.created_at,
                    "status",
                    h.id,
                    order_id=h.order_id,
                    order_number=Order.number,
                    a=h.from_status,
                    b=h.to_status,
                    detail=h.comment,
                    actor=func.coalesce(User.name, h.actor_kind),
                )
            )
            .join(Order, Order.id == h.order_id)
            .outerjoin(User, User.id == h.actor_id)
            .where(h.order_id.in_(select(Order.id).where(Order.customer_id == _CID)))
        )
        return _page(q, cursor_rank, "status", h.created_at, h.id)
    # PostgreSQL: for each of the customer's orders (their index) a LATERAL page of its history
    # (the (order_id, id) index): a nested loop by construction. Joined plainly, the planner
    # may hash the whole history table, or start parallel workers for a 2 ms query.
    mine = select(Order.id, Order.number).where(Order.customer_id == _CID).subquery("mine")
    per_order = _page(
        select(
            h.id, h.created_at, h.from_status, h.to_status, h.comment, h.actor_kind, h.actor_id
        ).where(h.order_id == mine.c.id),
        cursor_rank,
        "status",
        h.created_at,
        h.id,
    ).lateral("history")
    # The page is cut first and the actors' names joined to its rows only: joined inside, the
    # users lookup ran once per order (500 hash joins for a customer with 500 orders).
    page = _page(
        select(
            per_order.c.created_at,
            per_order.c.id,
            mine.c.id.label("order_id"),
            mine.c.number,
            per_order.c.from_status,
            per_order.c.to_status,
            per_order.c.comment,
            per_order.c.actor_kind,
            per_order.c.actor_id,
        )
        .select_from(mine)
        .join(per_order, true()),
        None,
        "status",
        per_order.c.created_at,
        per_order.c.id,
    ).subquery("status_page")
    return (
        select(
            *_columns(
                page.c.created_at,
                "status",
                page.c.id,
                order_id=page.c.order_id,
                order_number=page.c.number,
                a=page.c.from_status,
                b=page.c.to_status,
                detail=page.c.comment,
                actor=func.coalesce(User.name, page.c.actor_kind),
            )
        )
        .select_from(page)
        .outerjoin(User, User.id == page.c.actor_id)
    )


def _calls(dialect: str, cursor_rank: int | None) -> Select[Any]:
    at = func.coalesce(Call.started_at, Call.created_at)
    q = (
        select(
            *_columns(
                at,
                "call",
                Call.id,
                order_id=Call.order_id,
                a=Call.direction,
                b=Call.result,
                actor=User.name,
                t1=Call.answered_at,
                t2=Call.ended_at,
            )
        )
        .outerjoin(User, User.id == Call.operator_id)
        .where(Call.customer_id == _CID)
    )
    return _page(q, cursor_rank, "call", at, Call.id)


def _messages(dialect: str, cursor_rank: int | None) -> Select[Any]:
    q = (
        select(
            *_columns(
                Message.created_at,
                "message",
                Message.id,
                order_id=Message.order_id,
                a=Message.direction,
                b=Conversation.channel,
                c=Message.delivery_state,
                detail=Message.body,
                actor=User.name,
            )
        )
        .join(Conversation, Conversation.id == Message.conversation_id)
        .outerjoin(User, User.id == Message.author_id)
        .where(Conversation.customer_id == _CID)
    )
    return _page(q, cursor_rank, "message", Message.created_at, Message.id)


def _notes(dialect: str, cursor_rank: int | None) -> Select[Any]:
    q = (
        select(
            *_columns(
                CustomerNote.created_at,
                "note",
                CustomerNote.id,
                detail=CustomerNote.text,
                actor=User.name,
            )
        )
        .outerjoin(User, User.id == CustomerNote.author_id)
        .where(CustomerNote.customer_id == _CID)
    )
    return _page(q, cursor_rank, "note", CustomerNote.created_at, CustomerNote.id)


def _merges(dialect: str, cursor_rank: int | None) -> Select[Any]:
    merged = aliased(Customer)
    q = (
        select(
            *_columns(
                merged.merged_at,
                "merge",
                merged.id,
                a=merged.first_name,
                b=merged.last_name,
                actor=User.name,
                other_id=merged.merged_into_id,
            )
        )
        .outerjoin(User, User.id == merged.merged_by_id)
        .where(
            or_(
                merged.merged_into_id == _CID,
                and_(merged.id == _CID, merged.merged_into_id.is_not(None)),
            ),
            merged.merged_at.is_not(None),
        )
    )
    return _page(q, cursor_rank, "merge", merged.merged_at, merged.id)


def _item(r: Any, customer_id: int) -> TimelineItem:
    kind = KINDS[r.rank]
    if kind == "order":
        return TimelineItem(
            at=r.at,
            kind=kind,
            id=r.id,
            title=f"Order {r.order_number} placed",
            detail=f"{r.amount} RUB, {r.b}, now {r.a}",
            order_id=r.order_id,
            order_number=r.order_number,
        )
    if kind == "status":
        return TimelineItem(
            at=r.at,
            kind=kind,
            id=r.id,
            title=f"Order {r.order_number}: {r.a or '—'} → {r.b}",
            detail=r.detail,
            actor=r.actor,
            order_id=r.order_id,
            order_number=r.order_number,
            status_from=r.a,
            status_to=r.b,
        )
    if kind == "call":
        talk = None
        if r.t1 and r.t2:
            seconds = int((r.t2 - r.t1).total_seconds())
            talk = f"{seconds // 60}:{seconds % 60:02d}"
        return TimelineItem(
            at=r.at,
            kind=kind,
            id=r.id,
            title=f"{str(r.a).capitalize()} call",
            detail=", ".join(x for x in (r.b, talk) if x) or None,
            actor=r.actor,
            order_id=r.order_id,
            direction=r.a,
            channel="phone",
        )
    if kind == "message":
        body = r.detail or ""
        return TimelineItem(
            at=r.at,
            kind=kind,
            id=r.id,
            title=f"{str(r.b).upper()} {r.a} ({r.c})",
            detail=body if len(body) <= 300 else body[:299] + "…",
            actor=r.actor,
            order_id=r.order_id,
            direction=r.a,
            channel=r.b,
        )
    if kind == "note":
        return TimelineItem(
            at=r.at, kind=kind, id=r.id, title="Note", detail=r.detail, actor=r.actor
        )
    # merge: this customer's own row (merged into another) or one merged into this one
    if r.id == customer_id:
        title = f"Merged into customer #{r.other_id}"
        other = r.other_id
    else:
        name = " ".join(x for x in (r.b, r.a) if x)
        title = f"Customer #{r.id}{' ' + name if name else ''} merged into this one"
        other = r.id
    return TimelineItem(
        at=r.at, kind=kind, id=r.id, title=title, actor=r.actor, other_customer_id=other
    )
