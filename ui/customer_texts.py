"""Translatable copies of the texts the customer core defines once in English.

The metric definitions (:data:`app.customers.metrics.DEFINITIONS`) and the segment meanings
(:data:`app.customers.segments.SEGMENTS`) live Qt-free in ``app/``, where lupdate cannot see
them. They are repeated here verbatim inside ``QT_TRANSLATE_NOOP`` so the Russian ``.ts`` holds
them; at run time the *core's* text is what gets translated, so a definition that changes in
``app/`` shows its new English text until translated again — never a stale copy — and a test
checks that these copies still match the core."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.customers.metrics import DEFINITIONS
from app.customers.segments import SEGMENTS

METRICS_CTX = "CustomerMetrics"
SEGMENTS_CTX = "CustomerSegments"
TABLES_CTX = "CustomerTables"

# (title, description) per metric key, verbatim from app.customers.metrics.DEFINITIONS
METRIC_TEXTS: dict[str, tuple[Any, Any]] = {
    "order_count": (
        QT_TRANSLATE_NOOP("CustomerMetrics", "Orders"),
        QT_TRANSLATE_NOOP("CustomerMetrics", "Every order the customer placed, any status."),
    ),
    "ltv": (
        QT_TRANSLATE_NOOP("CustomerMetrics", "Lifetime value"),
        QT_TRANSLATE_NOOP(
            "CustomerMetrics", "Sum of the totals of completed orders (delivery included), RUB."
        ),
    ),
    "average_check": (
        QT_TRANSLATE_NOOP("CustomerMetrics", "Average check"),
        QT_TRANSLATE_NOOP(
            "CustomerMetrics", "Lifetime value divided by the number of completed orders."
        ),
    ),
    "buyout_rate": (
        QT_TRANSLATE_NOOP("CustomerMetrics", "Buyout rate"),
        QT_TRANSLATE_NOOP(
            "CustomerMetrics",
            "Completed ÷ (completed + cancelled + returned), counting only orders that reached "
            "confirmation (an order cancelled before it was confirmed does not count).",
        ),
    ),
    "decided_count": (
        QT_TRANSLATE_NOOP("CustomerMetrics", "Decided orders"),
        QT_TRANSLATE_NOOP(
            "CustomerMetrics",
            "Orders the buyout rate is computed from: completed, or cancelled/returned after "
            "confirmation.",
        ),
    ),
    "first_order_at": (
        QT_TRANSLATE_NOOP("CustomerMetrics", "First order"),
        QT_TRANSLATE_NOOP("CustomerMetrics", "When the first order was placed."),
    ),
    "last_order_at": (
        QT_TRANSLATE_NOOP("CustomerMetrics", "Last order"),
        QT_TRANSLATE_NOOP("CustomerMetrics", "When the latest order was placed."),
    ),
    "days_since_last_order": (
        QT_TRANSLATE_NOOP("CustomerMetrics", "Days since last order"),
        QT_TRANSLATE_NOOP("CustomerMetrics", "Whole days from the latest order to now."),
    ),
    "top_categories": (
        QT_TRANSLATE_NOOP("CustomerMetrics", "Favourite categories"),
        QT_TRANSLATE_NOOP(
            "CustomerMetrics",
            "The three catalogue categories with the most items in orders that were not "
            "cancelled or returned.",
        ),
    ),
    "click_collect_share": (
        QT_TRANSLATE_NOOP("CustomerMetrics", "Click & collect"),
        QT_TRANSLATE_NOOP(
            "CustomerMetrics",
            "Share of orders (any status) picked up in a store rather than delivered.",
        ),
    ),
}

# (title, meaning) per segment code, verbatim from app.customers.segments.SEGMENTS
SEGMENT_TEXTS: dict[str, tuple[Any, Any]] = {
    "vip": (
        QT_TRANSLATE_NOOP("CustomerSegments", "VIP"),
        QT_TRANSLATE_NOOP("CustomerSegments", "Lifetime value at or above the VIP threshold."),
    ),
    "low_buyout": (
        QT_TRANSLATE_NOOP("CustomerSegments", "Prepayment only"),
        QT_TRANSLATE_NOOP(
            "CustomerSegments",
            "Buys out too few of the orders they confirm: orders are confirmed only when paid.",
        ),
    ),
    "new": (
        QT_TRANSLATE_NOOP("CustomerSegments", "New"),
        QT_TRANSLATE_NOOP("CustomerSegments", "Placed the first order recently."),
    ),
    "dormant": (
        QT_TRANSLATE_NOOP("CustomerSegments", "Dormant"),
        QT_TRANSLATE_NOOP("CustomerSegments", "Has not ordered for a long time."),
    ),
}

# what a merge moves, per table that references customers
TABLE_NAMES: dict[str, Any] = {
    "orders": QT_TRANSLATE_NOOP("CustomerTables", "orders"),
    "customer_phones": QT_TRANSLATE_NOOP("CustomerTables", "phones"),
    "children": QT_TRANSLATE_NOOP("CustomerTables", "children"),
    "customer_tags": QT_TRANSLATE_NOOP("CustomerTables", "tags"),
    "customer_notes": QT_TRANSLATE_NOOP("CustomerTables", "notes"),
    "calls": QT_TRANSLATE_NOOP("CustomerTables", "calls"),
    "conversations": QT_TRANSLATE_NOOP("CustomerTables", "conversations (with their messages)"),
    "promo_codes": QT_TRANSLATE_NOOP("CustomerTables", "promo codes"),
    "tasks": QT_TRANSLATE_NOOP("CustomerTables", "tasks"),
}

FIELD_NAMES: dict[str, Any] = {
    "first_name": QT_TRANSLATE_NOOP("CustomerTables", "first name"),
    "last_name": QT_TRANSLATE_NOOP("CustomerTables", "last name"),
    "patronymic": QT_TRANSLATE_NOOP("CustomerTables", "patronymic"),
    "birth_date": QT_TRANSLATE_NOOP("CustomerTables", "birth date"),
    "gender": QT_TRANSLATE_NOOP("CustomerTables", "gender"),
    "email": QT_TRANSLATE_NOOP("CustomerTables", "e-mail"),
    "notes": QT_TRANSLATE_NOOP("CustomerTables", "summary"),
}


def metric_title(key: str) -> str:
    return QCoreApplication.translate(METRICS_CTX, DEFINITIONS[key].title)


def metric_tooltip(key: str) -> str:
    """The metric's definition (from the core), translated."""
    return QCoreApplication.translate(METRICS_CTX, DEFINITIONS[key].description)


def segment_title(code: str) -> str:
    title = SEGMENTS[code][0] if code in SEGMENTS else code
    return QCoreApplication.translate(SEGMENTS_CTX, title)


def segment_meaning(code: str) -> str:
    if code not in SEGMENTS:
        return ""
    return QCoreApplication.translate(SEGMENTS_CTX, SEGMENTS[code][1])


def table_name(table: str) -> str:
    text = TABLE_NAMES.get(table)
    return QCoreApplication.translate(TABLES_CTX, text) if text else table.replace("_", " ")


def field_name(name: str) -> str:
    text = FIELD_NAMES.get(name)
    return QCoreApplication.translate(TABLES_CTX, text) if text else name.replace("_", " ")
