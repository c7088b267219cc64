"""What the cross-sell panel runs on the database lane: plain functions of a session that call
the capsule services (:mod:`app.capsules`) and hand back frozen values. Qt-free; the panel
wraps each in an ``Op``. No business rule lives here: ranking, recording and adding are the
services' — this module only bundles the calls one user action needs into one transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.actors import Actor
from app.capsules import offers as offer_records
from app.capsules.origin import ItemCapsule, item_capsules
from app.capsules.suggestions import Suggestion, suggestions_for_customer, suggestions_for_order
from app.clock import Clock

LIMIT = 12


@dataclass(frozen=True, slots=True)
class Target:
    """What the suggestions are for: an order, or a customer on a call without one."""

    order_id: int | None = None
    customer_id: int | None = None

    @property
    def key(self) -> tuple[str, int]:
        if self.order_id is not None:
            return ("order", self.order_id)
        assert self.customer_id is not None
        return ("customer", self.customer_id)


@dataclass(frozen=True, slots=True)
class Loaded:
    target: Target
    suggestions: tuple[Suggestion, ...]
    # the order's items with their capsule (recorded or guessed), for the card's labels
    capsules: tuple[ItemCapsule, ...]
    decline_reasons: tuple[str, ...]


def load(session: Session, target: Target, today: dt.date) -> Loaded:
    if target.order_id is not None:
        found = suggestions_for_order(session, target.order_id, today, limit=LIMIT)
        labels = tuple(item_capsules(session, target.order_id).values())
    else:
        assert target.customer_id is not None
        found = suggestions_for_customer(session, target.customer_id, today, limit=LIMIT)
        labels = ()
    return Loaded(target, tuple(found), labels, tuple(offer_records.DECLINE_REASONS))


def record_shown(
    session: Session,
    actor: Actor,
    clock: Clock,
    target: Target,
    shown: Sequence[Suggestion],
) -> tuple[tuple[int, int], ...]:
    """Record the suggestions the operator has on screen as offered (idempotent per day);
    returns ``(product_id, offer record id)`` pairs."""
    records = offer_records.record_offered(
        session,
        actor,
        clock,
        shown,
        order_id=target.order_id,
        customer_id=target.customer_id if target.order_id is None else None,
    )
    return tuple(sorted(records.items()))


def decline(
    session: Session,
    actor: Actor,
    clock: Clock,
    target: Target,
    suggestion: Suggestion,
    record_id: int | None,
    reason: str,
) -> int:
    """Record that the customer said no (recording the offer first if it was not yet)."""
    if record_id is None:
        record_id = dict(record_shown(session, actor, clock, target, (suggestion,)))[
            suggestion.product_id
        ]
    offer_records.record_declined(session, actor, clock, record_id, reason)
    return record_id


def add(
    session: Session,
    actor: Actor,
    clock: Clock,
    *,
    order_id: int,
    expected_version: int,
    suggestion: Suggestion,
    offer_id: int,
    record_id: int | None,
    quantity: int = 1,
) -> offer_records.AddedCrossSell:
    """Put ``quantity`` of the chosen size into the order as this operator's cross-sell from
    its capsule."""
    return offer_records.add_to_order(
        session,
        actor,
        clock,
        order_id=order_id,
        expected_version=expected_version,
        offer_id=offer_id,
        capsule_id=suggestion.capsule_id,
        quantity=quantity,
        offer_record_id=record_id,
    )
