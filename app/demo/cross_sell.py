"""Demo cross-sell history, derived from the generated orders after they are loaded.

The order generator already adds a cross-sell line (from a capsule of the order's products,
by the operator who confirmed it) to some orders. From those lines and the capsules this adds,
set-based on the server (a few INSERT … SELECT, cheap even at 2M orders):

* the upsell credit of every cross-sell line, in the state its order's status implies;
* an *accepted* offer record for every cross-sell line;
* *declined* offers: some other pieces of the same capsule that the customer turned down,
  and, on a share of the orders an operator confirmed without a cross-sell, pieces of the
  capsules of their items — so the acceptance rate in ``okno kpi upsell`` is a believable
  30 % or so, not 100 %."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import text

from app.capsules.calendar import business_zone

_HOLDING = "('confirmed', 'assembling', 'ready_for_pickup', 'shipped', 'completed')"
_PENDING = "('confirmed', 'assembling', 'ready_for_pickup', 'shipped')"
_REASONS = (
    "CASE ({key}) % 5 WHEN 0 THEN 'not needed' WHEN 1 THEN 'too expensive' "
    "WHEN 2 THEN 'already has one' WHEN 3 THEN 'will think about it' "
    "ELSE 'size not available' END"
)


def _local_date(dialect: str, column: str) -> str:
    """SQL for the business-local calendar day of a stored UTC instant."""
    zone = business_zone()
    if dialect == "postgresql":
        return f"(({column}) AT TIME ZONE '{zone.key}')::date"
    # SQLite keeps naive UTC text: shift by the zone's current offset (Moscow has no DST)
    offset = dt.datetime.now(zone).utcoffset() or dt.timedelta(0)
    return f"date({column}, '{int(offset.total_seconds())} seconds')"


def cross_sell_history(engine: Any) -> dict[str, int]:
    """Fill ``upsell_credits`` and ``cross_sell_offers`` from the generated orders; returns the
    row counts. Run once, right after the orders are loaded (the tables start empty)."""
    d = engine.dialect.name
    one_offer = (
        "COALESCE(ci.offer_id, (SELECT MIN(x.id) FROM offers x WHERE x.product_id = ci.product_id))"
    )
    statements = {
        "upsell_credits": f"""
            INSERT INTO upsell_credits (order_item_id, order_id, operator_id, capsule_id, amount,
                state, credited_at, credited_on, earned_at, reversed_at, updated_at)
            SELECT oi.id, oi.order_id, oi.added_by_id, oi.capsule_id,
                   oi.price * oi.quantity - oi.discount,
                   CASE WHEN o.status = 'completed' THEN 'earned'
                        WHEN o.status IN {_PENDING} THEN 'pending' ELSE 'reversed' END,
                   oi.created_at, {_local_date(d, "oi.created_at")},
                   CASE WHEN o.status = 'completed'
                        THEN COALESCE(o.status_changed_at, oi.created_at) END,
                   CASE WHEN o.status NOT IN {_HOLDING}
                        THEN COALESCE(o.status_changed_at, oi.created_at) END,
                   COALESCE(o.status_changed_at, oi.created_at)
            FROM order_items oi JOIN orders o ON o.id = oi.order_id
            WHERE oi.is_cross_sell AND oi.added_by_id IS NOT NULL""",
        "accepted": f"""
            INSERT INTO cross_sell_offers (operator_id, order_id, customer_id, capsule_id,
                offer_id, shown_at, shown_on, outcome, decided_at, order_item_id, created_at)
            SELECT oi.added_by_id, oi.order_id, o.customer_id, oi.capsule_id, oi.offer_id,
                   oi.created_at, {_local_date(d, "oi.created_at")}, 'accepted', oi.created_at,
                   oi.id, oi.created_at
            FROM order_items oi JOIN orders o ON o.id = oi.order_id
            WHERE oi.is_cross_sell AND oi.added_by_id IS NOT NULL""",
        # the other pieces of the same capsule the customer said no to (about a third of them)
        "declined_with_sale": f"""
            INSERT INTO cross_sell_offers (operator_id, order_id, customer_id, capsule_id,
                offer_id, shown_at, shown_on, outcome, decided_at, decline_reason, created_at)
            SELECT oi.added_by_id, oi.order_id, o.customer_id, ci.capsule_id, {one_offer},
                   oi.created_at, {_local_date(d, "oi.created_at")}, 'declined', oi.created_at,
                   {_REASONS.format(key="ci.id + oi.id")}, oi.created_at
            FROM order_items oi
            JOIN orders o ON o.id = oi.order_id
            JOIN offers sold ON sold.id = oi.offer_id
            JOIN capsule_items ci ON ci.capsule_id = oi.capsule_id
                                 AND ci.product_id <> sold.product_id
            WHERE oi.is_cross_sell AND oi.added_by_id IS NOT NULL
              AND (ci.id + oi.id) % 3 = 0""",
        # an operator confirmed the order, offered a piece of its capsule, the customer declined
        "declined_without_sale": f"""
            INSERT INTO cross_sell_offers (operator_id, order_id, customer_id, capsule_id,
                offer_id, shown_at, shown_on, outcome, decided_at, decline_reason, created_at)
            SELECT h.actor_id, o.id, o.customer_id, ci.capsule_id, {one_offer},
                   h.created_at, {_local_date(d, "h.created_at")}, 'declined', h.created_at,
                   {_REASONS.format(key="ci.id + o.id")}, h.created_at
            FROM order_status_history h
            JOIN orders o ON o.id = h.order_id
            JOIN order_items oi ON oi.order_id = o.id AND NOT oi.is_cross_sell
            JOIN offers sold ON sold.id = oi.offer_id
            JOIN capsule_items cm ON cm.product_id = sold.product_id
            JOIN capsule_items ci ON ci.capsule_id = cm.capsule_id
                                 AND ci.product_id <> sold.product_id
            WHERE h.to_status = 'confirmed' AND h.actor_id IS NOT NULL
              AND o.id % 6 = 0 AND (ci.id + o.id) % 3 = 0
              AND NOT EXISTS (SELECT 1 FROM order_items c
                              WHERE c.order_id = o.id AND c.is_cross_sell)""",
    }
    counts: dict[str, int] = {}
    with engine.begin() as conn:
        for name, sql in statements.items():
            counts[name] = conn.execute(text(sql)).rowcount
    return counts
