"""Order money: line discounts (the customer's loyalty discount by default) and totals.

All Decimal, rounded to kopecks half-up, as a till would."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

KOPECK = Decimal("0.01")


def money(value: Decimal) -> Decimal:
    return value.quantize(KOPECK, rounding=ROUND_HALF_UP)


def loyalty_discount(price: Decimal, quantity: int, loyalty_pct: Decimal) -> Decimal:
    """The line discount a loyalty card gives: ``price × qty × pct / 100``."""
    return money(price * quantity * loyalty_pct / 100)


@dataclass(frozen=True, slots=True)
class Totals:
    subtotal: Decimal
    discount: Decimal
    delivery: Decimal
    total: Decimal


def totals(lines: Iterable[tuple[Decimal, int, Decimal]], delivery_cost: Decimal) -> Totals:
    """``lines`` are (unit price, quantity, line discount)."""
    subtotal = Decimal("0")
    discount = Decimal("0")
    for price, quantity, line_discount in lines:
        subtotal += price * quantity
        discount += line_discount
    subtotal, discount = money(subtotal), money(discount)
    return Totals(
        subtotal, discount, money(delivery_cost), money(subtotal - discount + delivery_cost)
    )
