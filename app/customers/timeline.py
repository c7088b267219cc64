"""One chronological list of everything that happened with a customer: orders placed, order
status changes, calls, messages, notes and merges — newest first, keyset-paged.

Order is (time, kind, id) descending, ties broken by :data:`KINDS` rank then row id, which makes
the cursor ``"<iso time>|<kind>|<id>"`` exact: a page never repeats or skips an item, however
many arrive meanwhile. Each source is asked for one page past the cursor through its own index
(orders by ``(customer_id, created_at)``, calls by ``(customer_id, started_at)``, ...) and the
pages are merged in Python, so the cost of a page does not depend on how long the history is."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import QueryableAttribute, Session, aliased

from app.customers.errors import InvalidCustomerValue
from app.customers.records import in_ids
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


def _after(
    cursor: _Cursor | None, kind: str, at_col: _Col, id_col: _Col
) -> ColumnElement[bool] | None:
    """Rows of ``kind`` strictly after ``cursor`` in (at, rank, id) descending order."""
    if cursor is None:
        return None
    rank = _RANK[kind]
    if rank < cursor.rank:
        return at_col <= cursor.at
    if rank > cursor.rank:
        return at_col < cursor.at
    return or_(at_col < cursor.at, and_(at_col == cursor.at, id_col < cursor.id))


def _page(
    query: Select[Any],
    cursor: _Cursor | None,
    kind: str,
    at_col: _Col,
    id_col: _Col,
    n: int,
) -> Select[Any]:
    condition = _after(cursor, kind, at_col, id_col)
    if condition is not None:
        query = query.where(condition)
    return query.order_by(at_col.desc(), id_col.desc()).limit(n)


def timeline(
    session: Session, customer_id: int, *, cursor: str | None = None, limit: int = DEFAULT_PAGE
) -> TimelinePage:
    """One page of the customer's timeline, newest first; pass ``next_cursor`` for the next."""
    if not 1 <= limit <= MAX_PAGE:
        raise InvalidCustomerValue("limit", f"must be 1–{MAX_PAGE}, got {limit}")
    after = parse_cursor(cursor) if cursor else None
    n = limit + 1  # one more than asked: tells whether another page exists
    items: list[TimelineItem] = []
    for source in _SOURCES:
        items.extend(source(session, customer_id, after, n))
    items.sort(key=lambda i: (i.at, _RANK[i.kind], i.id), reverse=True)
    page = tuple(items[:limit])
    return TimelinePage(page, page[-1].cursor if len(items) > limit and page else None)


# sources ---------------------------------------------------------------------------------------


def _orders(session: Session, cid: int, after: _Cursor | None, n: int) -> list[TimelineItem]:
    q = select(
        Order.id, Order.number, Order.created_at, Order.status, Order.total, Order.source
    ).where(Order.customer_id == cid)
    rows = session.execute(_page(q, after, "order", Order.created_at, Order.id, n)).all()
    return [
        TimelineItem(
            at=r.created_at,
            kind="order",
            id=r.id,
            title=f"Order {r.number} placed",
            detail=f"{r.total} RUB, {r.source}, now {r.status}",
            order_id=r.id,
            order_number=r.number,
        )
        for r in rows
    ]


def _statuses(session: Session, cid: int, after: _Cursor | None, n: int) -> list[TimelineItem]:
    h = OrderStatusHistory
    q = (
        select(
            h.id,
            h.created_at,
            h.from_status,
            h.to_status,
            h.comment,
            h.actor_kind,
            h.order_id,
            Order.number,
            User.name,
        )
        .join(Order, Order.id == h.order_id)
        .outerjoin(User, User.id == h.actor_id)
    )
    # The customer's order ids first, then their history by (order_id, id): given the ids the
    # planner probes that index per order instead of hashing the whole history table.
    mine = select(Order.id).where(Order.customer_id == cid)
    if session.get_bind().dialect.name == "postgresql":
        order_ids = list(session.scalars(mine))
        if not order_ids:
            return []
        q = q.where(in_ids(session, h.order_id, order_ids))
    else:  # SQLite plans IN (subquery) by the index, and caps bound parameters
        q = q.where(h.order_id.in_(mine))
    rows = session.execute(_page(q, after, "status", h.created_at, h.id, n)).all()
    return [
        TimelineItem(
            at=r.created_at,
            kind="status",
            id=r.id,
            title=f"Order {r.number}: {r.from_status or '—'} → {r.to_status}",
            detail=r.comment,
            actor=r.name or r.actor_kind,
            order_id=r.order_id,
            order_number=r.number,
            status_from=r.from_status,
            status_to=r.to_status,
        )
        for r in rows
    ]


def _calls(session: Session, cid: int, after: _Cursor | None, n: int) -> list[TimelineItem]:
    at = func.coalesce(Call.started_at, Call.created_at)
    q = (
        select(
            Call.id,
            at.label("at"),
            Call.direction,
            Call.result,
            Call.answered_at,
            Call.ended_at,
            Call.order_id,
            User.name,
        )
        .outerjoin(User, User.id == Call.operator_id)
        .where(Call.customer_id == cid)
    )
    rows = session.execute(_page(q, after, "call", at, Call.id, n)).all()
    items = []
    for r in rows:
        talk = None
        if r.answered_at and r.ended_at:
            seconds = int((r.ended_at - r.answered_at).total_seconds())
            talk = f"{seconds // 60}:{seconds % 60:02d}"
        items.append(
            TimelineItem(
                at=r.at,
                kind="call",
                id=r.id,
                title=f"{str(r.direction).capitalize()} call",
                detail=", ".join(x for x in (r.result, talk) if x) or None,
                actor=r.name,
                order_id=r.order_id,
                direction=str(r.direction),
                channel="phone",
            )
        )
    return items


def _messages(session: Session, cid: int, after: _Cursor | None, n: int) -> list[TimelineItem]:
    q = (
        select(
            Message.id,
            Message.created_at,
            Message.direction,
            Message.body,
            Message.delivery_state,
            Message.order_id,
            Conversation.channel,
            User.name,
        )
        .join(Conversation, Conversation.id == Message.conversation_id)
        .outerjoin(User, User.id == Message.author_id)
        .where(Conversation.customer_id == cid)
    )
    rows = session.execute(_page(q, after, "message", Message.created_at, Message.id, n)).all()
    return [
        TimelineItem(
            at=r.created_at,
            kind="message",
            id=r.id,
            title=f"{str(r.channel).upper()} {r.direction} ({r.delivery_state})",
            detail=r.body if len(r.body) <= 300 else r.body[:299] + "…",
            actor=r.name,
            order_id=r.order_id,
            direction=str(r.direction),
            channel=str(r.channel),
        )
        for r in rows
    ]


def _notes(session: Session, cid: int, after: _Cursor | None, n: int) -> list[TimelineItem]:
    q = (
        select(CustomerNote.id, CustomerNote.created_at, CustomerNote.text, User.name)
        .outerjoin(User, User.id == CustomerNote.author_id)
        .where(CustomerNote.customer_id == cid)
    )
    rows = session.execute(
        _page(q, after, "note", CustomerNote.created_at, CustomerNote.id, n)
    ).all()
    return [
        TimelineItem(
            at=r.created_at, kind="note", id=r.id, title="Note", detail=r.text, actor=r.name
        )
        for r in rows
    ]


def _merges(session: Session, cid: int, after: _Cursor | None, n: int) -> list[TimelineItem]:
    merged = aliased(Customer)
    q = (
        select(
            merged.id,
            merged.merged_at,
            merged.merged_into_id,
            merged.first_name,
            merged.last_name,
            User.name,
        )
        .outerjoin(User, User.id == merged.merged_by_id)
        .where(
            or_(
                merged.merged_into_id == cid,
                and_(merged.id == cid, merged.merged_into_id.is_not(None)),
            ),
            merged.merged_at.is_not(None),
        )
    )
    rows = session.execute(_page(q, after, "merge", merged.merged_at, merged.id, n)).all()
    items = []
    for r in rows:
        if r.id == cid:
            title = f"Merged into customer #{r.merged_into_id}"
            other = r.merged_into_id
        else:
            name = " ".join(x for x in (r.last_name, r.first_name) if x)
            title = f"Customer #{r.id}{' ' + name if name else ''} merged into this one"
            other = r.id
        items.append(
            TimelineItem(
                at=r.merged_at,
                kind="merge",
                id=r.id,
                title=title,
                actor=r.name,
                other_customer_id=other,
            )
        )
    return items


_SOURCES: tuple[Callable[[Session, int, _Cursor | None, int], list[TimelineItem]], ...] = (
    _orders,
    _statuses,
    _calls,
    _messages,
    _notes,
    _merges,
)
