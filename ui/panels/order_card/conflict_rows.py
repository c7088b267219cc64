"""What the conflict dialog lists: per field, their value now, who changed it and when, and mine.

"Theirs" is the order as it is now (authoritative), the who/when come from the changes recorded
since my version; fields only they changed are listed too, so the operator sees everything that
moved under them before choosing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.orders.card import OrderCard
from ui.dialogs.conflict import ConflictRow
from ui.formatting import format_rub
from ui.models.order_edits import EDIT_FIELDS, OrderEdits
from ui.panels.order_card import labels as L
from ui.panels.order_card.work import Conflict

# derived or internal: their change shows up through the fields that caused it
_SKIP = frozenset({"subtotal", "discount_total", "stock_reserved", "lease_operator_id"})


def conflict_rows(
    edits: OrderEdits,
    conflict: Conflict,
    *,
    status_name: Callable[[str], str],
    when: Callable[[dt.datetime], str],
    language: str,
) -> tuple[ConflictRow, ...]:
    fresh = conflict.fresh
    changed_by: dict[str, str] = {}
    for change in conflict.changes:  # oldest first: the last one wins
        for name, _old, _new in change.fields:
            changed_by[name] = f"{change.actor}, {when(change.at)}"
    mine = edits.my_changes()
    names = [n for n in (*EDIT_FIELDS, "items") if n in mine or n in changed_by]
    names += sorted(n for n in changed_by if n not in names and n not in _SKIP)
    my_store = edits.labels.get("shipping_store_name")
    not_changed = QCoreApplication.translate("OrderCard", "(not changed)")
    rows = []
    for name in names:
        rows.append(
            ConflictRow(
                field=L.label(L.FIELDS, name),
                theirs=_theirs(name, fresh, conflict, status_name, language),
                changed_by=changed_by.get(name, ""),
                mine=_mine(name, mine[name], my_store, language) if name in mine else not_changed,
                both=name in mine and name in changed_by,
            )
        )
    return tuple(rows)


def _theirs(
    name: str,
    fresh: OrderCard,
    conflict: Conflict,
    status_name: Callable[[str], str],
    language: str,
) -> str:
    if name == "items":
        return "; ".join(f"{i.name} × {i.quantity}" for i in fresh.items) or "—"
    if name in EDIT_FIELDS:
        return field_text(name, getattr(fresh, name), fresh.shipping_store_name, language)
    if name == "status":
        return status_name(fresh.status)
    for change in reversed(conflict.changes):
        for field, _old, new in change.fields:
            if field == name:
                return new
    return "—"


def _mine(name: str, value: Any, store_name: str | None, language: str) -> str:
    if name == "items":
        return "; ".join(f"{ln.name} × {ln.quantity}" for ln in value) or "—"
    return field_text(name, value, store_name, language)


def field_text(name: str, value: Any, store_name: str | None, language: str) -> str:
    """A field's value as the operator reads it."""
    if value is None or value == "":
        return "—"
    if name == "delivery_type":
        return L.label(L.DELIVERY_TYPES, value)
    if name == "payment_status":
        return L.label(L.PAYMENT_STATUSES, value)
    if name == "payment_method":
        return L.label(L.PAYMENT_METHODS, value)
    if name == "delivery_cost":
        return format_rub(Decimal(str(value)), language)
    if name == "shipping_store_id":
        return store_name or f"#{value}"
    return str(value)
