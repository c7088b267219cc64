"""Business settings an admin tunes at run time, declared once with type, default and meaning.

The ``settings`` table holds only overrides (JSON text); reading an undeclared key is a bug and
raises. Decimal values travel as strings so money never passes through a float."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Setting
from models.base import utcnow


@dataclass(frozen=True, slots=True)
class SettingSpec:
    key: str
    type: type
    default: Any
    description: str


_SPECS: tuple[SettingSpec, ...] = (
    SettingSpec("robot.enabled", bool, True, "The auto-approval robot looks at new orders."),
    SettingSpec(
        "robot.max_total",
        Decimal,
        Decimal("10000"),
        "Orders with a total below this (RUB) may be auto-confirmed.",
    ),
    SettingSpec("robot.require_paid", bool, True, "Only paid orders are auto-confirmed."),
    SettingSpec(
        "retry.delay_minutes", int, 180, "After 'no answer', call again after this many minutes."
    ),
    SettingSpec(
        "retry.max_attempts",
        int,
        4,
        "The N-th 'no answer' cancels the order (reason: not reached).",
    ),
    SettingSpec(
        "reserve.pickup_hours",
        int,
        3,
        "A click & collect order ready for pickup keeps its reserve this many hours.",
    ),
    SettingSpec(
        "queue.lease_minutes",
        int,
        15,
        "An operator's claim on an order lapses after this long without a heartbeat.",
    ),
    SettingSpec("shop.phone", str, "8 800 555-35-35", "Phone number quoted in SMS templates."),
    # customer segments (app/customers/segments.py)
    SettingSpec(
        "segments.vip_ltv",
        Decimal,
        Decimal("50000"),
        "VIP: lifetime value (sum of completed orders, RUB) at least this.",
    ),
    SettingSpec(
        "segments.low_buyout_pct",
        Decimal,
        Decimal("50"),
        "Low buyout: buyout rate below this percent makes a customer 'prepayment only'.",
    ),
    SettingSpec(
        "segments.low_buyout_min_decided",
        int,
        3,
        "Low buyout needs at least this many decided orders (completed, cancelled or returned "
        "after confirmation) before it applies.",
    ),
    SettingSpec(
        "segments.new_days", int, 30, "New: the first order was placed within this many days."
    ),
    SettingSpec(
        "segments.dormant_days", int, 180, "Dormant: no order for at least this many days."
    ),
    # children's birthday promos (app/customers/birthdays.py)
    SettingSpec(
        "birthday.enabled", bool, True, "The worker issues birthday promo codes for children."
    ),
    SettingSpec(
        "birthday.days_before",
        int,
        7,
        "Issue the promo code this many days before the child's birthday (at most 60).",
    ),
    SettingSpec(
        "birthday.discount_pct", Decimal, Decimal("10"), "Birthday promo discount, percent."
    ),
    SettingSpec(
        "birthday.valid_days_after",
        int,
        7,
        "The birthday promo code stays valid this many days after the birthday.",
    ),
    SettingSpec(
        "customers.custom_fields",
        list,
        [],
        'Custom customer fields: a list of {"key", "label", "type", "choices"}; types str, int, '
        "decimal, bool, date, choice.",
    ),
)

SPECS: dict[str, SettingSpec] = {spec.key: spec for spec in _SPECS}


def _decode(spec: SettingSpec, text: str) -> Any:
    raw = json.loads(text)
    if spec.type is Decimal:
        return Decimal(str(raw))
    if spec.type is bool:
        return bool(raw)
    return spec.type(raw)


def _encode(spec: SettingSpec, value: Any) -> str:
    if spec.type is list and not isinstance(value, list | tuple):
        raise ValueError(f"{value!r} is not a list")
    if spec.type is Decimal:
        return json.dumps(str(Decimal(str(value))))
    return json.dumps(spec.type(value))


def get_setting(session: Session, key: str) -> Any:
    spec = SPECS[key]
    text = session.scalar(select(Setting.value).where(Setting.key == key))
    return _default(spec) if text is None else _decode(spec, text)


def _default(spec: SettingSpec) -> Any:
    # a list default is shared by every caller: hand out copies so nobody can change it
    return list(spec.default) if isinstance(spec.default, list) else spec.default


def all_settings(session: Session) -> dict[str, Any]:
    stored = dict(session.execute(select(Setting.key, Setting.value)).tuples().all())
    return {
        key: _decode(spec, stored[key]) if key in stored else _default(spec)
        for key, spec in SPECS.items()
    }


def set_setting(session: Session, key: str, value: Any, user_id: int | None = None) -> None:
    spec = SPECS.get(key)
    if spec is None:
        raise KeyError(f"unknown setting {key!r}; known: {', '.join(sorted(SPECS))}")
    try:
        encoded = _encode(spec, value)
    except (ValueError, ArithmeticError) as exc:
        raise ValueError(f"setting {key}: {value!r} is not a {spec.type.__name__}") from exc
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=encoded, updated_by_id=user_id))
    else:
        row.value = encoded
        row.updated_by_id = user_id
        row.updated_at = utcnow()
