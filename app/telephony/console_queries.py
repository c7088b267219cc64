"""Small read-only queries the console's telephony panel needs beside the backend's API
(``app.telephony``): order numbers for the call log, the order an after-call outcome is about,
call log pages with their order numbers, and a caller for the demo's pretend calls.

Qt-free and write-free on purpose: everything that changes data goes through the backend's
functions (``record_call_outcome``, ``mark_callback_done``, ``set_operator_state``...)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Call, Customer, CustomerPhone, Order

Before = tuple[dt.datetime, int] | None

# orders an after-call outcome can still move (the card's call-back statuses)
OUTCOME_STATUSES = frozenset({"new", "needs_confirmation", "no_answer"})
FINAL_STATUSES = frozenset({"completed", "cancelled", "returned"})


@dataclass(frozen=True, slots=True)
class OrderBrief:
    id: int
    number: str
    status: str
    version: int
    customer_id: int | None


@dataclass(frozen=True, slots=True)
class CallPage:
    """One page of a call log: rows (``app.telephony.CallLogRow``) and the numbers of the orders
    they name, so the log reads "W-0001", not an id."""

    rows: tuple[Any, ...]
    order_numbers: tuple[tuple[int, str], ...]
    complete: bool  # no page after this one


@dataclass(frozen=True, slots=True)
class AfterCall:
    """What the after-call outcome form needs about a call that ended."""

    call_id: int
    order: OrderBrief | None  # None: no order linked, or it is past the outcome statuses
    number: str
    customer_name: str
    talk_seconds: float | None
    suggested: str


def order_briefs(session: Session, ids: Iterable[int]) -> tuple[OrderBrief, ...]:
    """The orders ``ids`` (in the order given; unknown ids left out)."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return ()
    rows = session.execute(
        select(Order.id, Order.number, Order.status, Order.version, Order.customer_id).where(
            Order.id.in_(wanted)
        )
    ).all()
    by_id = {
        r.id: OrderBrief(r.id, r.number, str(r.status), r.version, r.customer_id) for r in rows
    }
    return tuple(by_id[i] for i in wanted if i in by_id)


def open_orders_of(session: Session, customer_id: int, limit: int = 5) -> tuple[OrderBrief, ...]:
    """The customer's orders not yet finished, newest first (the screen pop lists them)."""
    rows = session.execute(
        select(Order.id, Order.number, Order.status, Order.version, Order.customer_id)
        .where(Order.customer_id == customer_id, Order.status.not_in(FINAL_STATUSES))
        .order_by(Order.created_at.desc(), Order.id.desc())
        .limit(limit)
    ).all()
    return tuple(OrderBrief(r.id, r.number, str(r.status), r.version, r.customer_id) for r in rows)


def call_page(
    session: Session,
    fetch: Callable[..., Sequence[Any]],
    owner_id: int | None,
    before: Before,
    limit: int = 50,
) -> CallPage:
    """A page of ``fetch`` (one of the backend's ``calls_for_*``) with its order numbers."""
    if owner_id is None:
        rows = list(fetch(session, before=before, limit=limit))
    else:
        rows = list(fetch(session, owner_id, before=before, limit=limit))
    numbers = tuple(
        (o.id, o.number) for o in order_briefs(session, (r.order_id for r in rows if r.order_id))
    )
    return CallPage(tuple(rows), numbers, len(rows) < limit)


def callbacks_page(
    session: Session, fetch: Callable[..., Sequence[Any]], operator_id: int | None, limit: int = 100
) -> CallPage:
    """Missed inbound calls still to return (the backend's ``missed_callbacks``), one page."""
    rows = list(fetch(session, operator_id=operator_id, limit=limit))
    numbers = tuple(
        (o.id, o.number) for o in order_briefs(session, (r.order_id for r in rows if r.order_id))
    )
    return CallPage(tuple(rows), numbers, True)


def after_call(
    session: Session,
    call_id: int,
    order_id: int | None,
    suggest: Callable[[Session, int], str],
) -> AfterCall:
    """The call ``call_id`` as the outcome form shows it, about ``order_id`` (or the order the
    call is linked to); ``suggest`` is the backend's ``suggested_outcome``."""
    call = session.execute(
        select(
            Call.order_id,
            Call.from_number,
            Call.to_number,
            Call.direction,
            Call.answered_at,
            Call.ended_at,
            Call.customer_id,
        ).where(Call.id == call_id)
    ).one()
    order_id = order_id or call.order_id
    brief = next(iter(order_briefs(session, [order_id])), None) if order_id else None
    if brief is not None and brief.status not in OUTCOME_STATUSES:
        brief = None
    number = (call.from_number if str(call.direction) == "inbound" else call.to_number) or ""
    name = ""
    customer_id = call.customer_id or (brief.customer_id if brief else None)
    if customer_id is not None:
        person = session.execute(
            select(Customer.first_name, Customer.last_name).where(Customer.id == customer_id)
        ).one_or_none()
        if person is not None:
            name = " ".join(p for p in (person.first_name, person.last_name) if p)
    talk = None
    if call.answered_at is not None and call.ended_at is not None:
        talk = max((call.ended_at - call.answered_at).total_seconds(), 0.0)
    return AfterCall(call_id, brief, number, name, talk, suggest(session, call_id))


def demo_callers(session: Session, limit: int = 20) -> tuple[str, ...]:
    """Phones of customers with an order waiting for confirmation (the demo rings from them,
    so a pretend call pops a card with something to confirm)."""
    rows = session.scalars(
        select(CustomerPhone.e164)
        .join(Order, Order.customer_id == CustomerPhone.customer_id)
        .where(Order.status == "needs_confirmation")
        .order_by(Order.created_at.desc())
        .limit(limit)
    ).all()
    return tuple(dict.fromkeys(rows))
