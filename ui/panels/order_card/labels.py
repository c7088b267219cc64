"""Translated names for the codes the order card shows: robot rules, delivery and payment values,
field names (conflict dialog), cancel reasons. Declared once with QT_TRANSLATE_NOOP; shown
through ``label()`` on the UI thread, so a language switch takes effect on the next paint."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CTX = "OrderCard"

RULES: dict[str, Any] = {
    "total_below_threshold": QT_TRANSLATE_NOOP("OrderCard", "Total below the auto-approval limit"),
    "no_customer_comment": QT_TRANSLATE_NOOP("OrderCard", "No comment from the customer"),
    "paid": QT_TRANSLATE_NOOP("OrderCard", "Paid (if payment is required)"),
    "delivery_address_present": QT_TRANSLATE_NOOP("OrderCard", "Delivery address or pickup store"),
    "items_in_stock": QT_TRANSLATE_NOOP("OrderCard", "All items free at the store"),
    "not_prepayment_only": QT_TRANSLATE_NOOP("OrderCard", "Customer not on prepayment only"),
}

# What the robot writes as "expected" and "actual" (fixed English words in app/robot.py);
# anything else it writes (amounts, the comment, an address, shortages) is shown as is.
ROBOT_VALUES: dict[str, Any] = {
    "no comment": QT_TRANSLATE_NOOP("OrderCard", "no comment"),
    "paid": QT_TRANSLATE_NOOP("OrderCard", "paid"),
    "not paid": QT_TRANSLATE_NOOP("OrderCard", "not paid"),
    "any": QT_TRANSLATE_NOOP("OrderCard", "any"),
    "address or pickup store": QT_TRANSLATE_NOOP("OrderCard", "address or pickup store"),
    "pickup store": QT_TRANSLATE_NOOP("OrderCard", "pickup store"),
    "all items free at the store": QT_TRANSLATE_NOOP("OrderCard", "all items free at the store"),
    "no shipping store": QT_TRANSLATE_NOOP("OrderCard", "no shipping store"),
    "no items": QT_TRANSLATE_NOOP("OrderCard", "no items"),
    "all available": QT_TRANSLATE_NOOP("OrderCard", "all available"),
    "paid, or customer not in 'prepayment only'": QT_TRANSLATE_NOOP(
        "OrderCard", "paid, or customer not on prepayment only"
    ),
    "prepayment only, unpaid": QT_TRANSLATE_NOOP("OrderCard", "prepayment only, unpaid"),
    "ok": QT_TRANSLATE_NOOP("OrderCard", "ok"),
}

DELIVERY_TYPES: dict[str, Any] = {
    "courier": QT_TRANSLATE_NOOP("OrderCard", "Courier"),
    "pickup": QT_TRANSLATE_NOOP("OrderCard", "Pickup in store"),
    "parcel_locker": QT_TRANSLATE_NOOP("OrderCard", "Parcel locker"),
}

PAYMENT_STATUSES: dict[str, Any] = {
    "not_paid": QT_TRANSLATE_NOOP("OrderCard", "Not paid"),
    "paid": QT_TRANSLATE_NOOP("OrderCard", "Paid"),
    "refunded": QT_TRANSLATE_NOOP("OrderCard", "Refunded"),
}

PAYMENT_METHODS: dict[str, Any] = {
    "": QT_TRANSLATE_NOOP("OrderCard", "Not chosen"),
    "cash": QT_TRANSLATE_NOOP("OrderCard", "Cash"),
    "card_on_delivery": QT_TRANSLATE_NOOP("OrderCard", "Card on delivery"),
    "card_online": QT_TRANSLATE_NOOP("OrderCard", "Card online"),
    "sbp": QT_TRANSLATE_NOOP("OrderCard", "Fast payment (SBP)"),
}

FIELDS: dict[str, Any] = {
    "delivery_type": QT_TRANSLATE_NOOP("OrderCard", "Delivery"),
    "delivery_address": QT_TRANSLATE_NOOP("OrderCard", "Address"),
    "delivery_cost": QT_TRANSLATE_NOOP("OrderCard", "Delivery cost"),
    "shipping_store_id": QT_TRANSLATE_NOOP("OrderCard", "Shipping store"),
    "payment_status": QT_TRANSLATE_NOOP("OrderCard", "Payment"),
    "payment_method": QT_TRANSLATE_NOOP("OrderCard", "Payment method"),
    "manager_comment": QT_TRANSLATE_NOOP("OrderCard", "Manager comment"),
    "items": QT_TRANSLATE_NOOP("OrderCard", "Items"),
    "status": QT_TRANSLATE_NOOP("OrderCard", "Status"),
    "subtotal": QT_TRANSLATE_NOOP("OrderCard", "Subtotal"),
    "discount_total": QT_TRANSLATE_NOOP("OrderCard", "Discount"),
    "total": QT_TRANSLATE_NOOP("OrderCard", "Total"),
    "contact_name": QT_TRANSLATE_NOOP("OrderCard", "Contact name"),
    "contact_phone_raw": QT_TRANSLATE_NOOP("OrderCard", "Contact phone"),
    "contact_phone_e164": QT_TRANSLATE_NOOP("OrderCard", "Contact phone"),
    "contact_email": QT_TRANSLATE_NOOP("OrderCard", "Contact e-mail"),
    "cancel_reason": QT_TRANSLATE_NOOP("OrderCard", "Cancel reason"),
    "no_answer_attempts": QT_TRANSLATE_NOOP("OrderCard", "No-answer attempts"),
    "next_attempt_at": QT_TRANSLATE_NOOP("OrderCard", "Next attempt"),
    "callback_at": QT_TRANSLATE_NOOP("OrderCard", "Call back at"),
    "stock_reserved": QT_TRANSLATE_NOOP("OrderCard", "Stock reserved"),
    "reserve_until": QT_TRANSLATE_NOOP("OrderCard", "Reserved until"),
}

# Common reasons first; the text stored is the reason as shown (plus the operator's details).
CANCEL_REASONS: tuple[Any, ...] = (
    QT_TRANSLATE_NOOP("OrderCard", "Customer changed their mind"),
    QT_TRANSLATE_NOOP("OrderCard", "Found it cheaper elsewhere"),
    QT_TRANSLATE_NOOP("OrderCard", "Delivery time does not suit"),
    QT_TRANSLATE_NOOP("OrderCard", "Items out of stock"),
    QT_TRANSLATE_NOOP("OrderCard", "Duplicate order"),
    QT_TRANSLATE_NOOP("OrderCard", "Test or fake order"),
    QT_TRANSLATE_NOOP("OrderCard", "Other reason"),
)
OTHER_REASON = CANCEL_REASONS[-1]


def label(table: dict[str, Any], code: str | None) -> str:
    """The translated name of ``code`` in ``table``; an unknown code is shown as is."""
    key = code or ""
    source = table.get(key)
    if source is None:
        return key
    return QCoreApplication.translate(CTX, source)


def robot_value(text: str) -> str:
    """A robot's expected/actual text, translated where it is one of its fixed words."""
    source = ROBOT_VALUES.get(text)
    return text if source is None else QCoreApplication.translate(CTX, source)
