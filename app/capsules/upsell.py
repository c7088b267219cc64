"""Upsell credit: the value of an order's cross-sell lines, credited to the operator who added
each line. Pending from confirmation, earned on completion, reversed by a return, a
cancellation or a trip back to the queue (a second confirmation credits it again).

``sync_order_credits`` is called by app/orders/workflow.change_status (the one place statuses
change) in the same transaction, and by the cross-sell "add" after it changes a confirmed order."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.capsules.calendar import business_date
from models import Order, OrderItem, UpsellCredit, UpsellState

#: statuses in which a confirmed order's upsell waits for completion
PENDING_STATUSES = frozenset({"confirmed", "assembling", "ready_for_pickup", "shipped"})
#: statuses in which an order holds a live (pending or earned) credit
HOLDING_STATUSES = PENDING_STATUSES | {"completed"}


def state_for(status: str) -> UpsellState:
    if status == "completed":
        return UpsellState.EARNED
    if status in PENDING_STATUSES:
        return UpsellState.PENDING
    return UpsellState.REVERSED


def line_amount(price: Decimal, quantity: int, discount: Decimal) -> Decimal:
    return price * quantity - discount


def on_status_changed(
    session: Session, order: Order, from_status: str, to_status: str, now: dt.datetime
) -> None:
    """The workflow's hook. Orders that never held a credit and are not being confirmed cost
    nothing (the robot's intake path stays one query lighter)."""
    if from_status not in HOLDING_STATUSES and to_status not in HOLDING_STATUSES:
        return
    sync_order_credits(session, order, now)


def sync_order_credits(session: Session, order: Order, now: dt.datetime) -> None:
    """Bring the order's credit rows in line with its status and its cross-sell lines."""
    state = state_for(order.status)
    rows = session.execute(
        select(OrderItem, UpsellCredit)
        .outerjoin(UpsellCredit, UpsellCredit.order_item_id == OrderItem.id)
        .where(OrderItem.order_id == order.id, OrderItem.is_cross_sell.is_(True))
    ).all()
    for item, credit in rows:
        if item.added_by_id is None:
            continue  # a line the site marked as a capsule buy: nobody to credit
        amount = line_amount(item.price, item.quantity, item.discount)
        if credit is None:
            if state is UpsellState.REVERSED:
                continue  # never confirmed: nothing to take back
            session.add(
                UpsellCredit(
                    order_item_id=item.id,
                    order_id=order.id,
                    operator_id=item.added_by_id,
                    capsule_id=item.capsule_id,
                    amount=amount,
                    state=state,
                    credited_at=now,
                    credited_on=business_date(now),
                    earned_at=now if state is UpsellState.EARNED else None,
                    updated_at=now,
                )
            )
            continue
        # lines of a confirmed order can still be edited: settle the amount as it is now
        # (the KPI reads the stored amount of every credit that is no longer pending)
        credit.amount = amount
        credit.capsule_id = item.capsule_id
        if credit.state is state:
            continue
        if credit.state is UpsellState.REVERSED:  # confirmed again: a fresh credit date
            credit.credited_at = now
            credit.credited_on = business_date(now)
            credit.reversed_at = None
        credit.state = state
        credit.updated_at = now
        if state is UpsellState.EARNED:
            credit.earned_at = now
        elif state is UpsellState.REVERSED:
            credit.reversed_at = now
    session.flush()
