"""Custom customer fields: declared by an admin in the ``customers.custom_fields`` setting,
validated on every write, stored in ``customers.custom_fields`` (JSON).

A declaration is ``{"key": "shoe_size", "label": "Размер обуви", "type": "int"}``; types are
``str`` (≤ 500 chars), ``int``, ``decimal`` (kept as text: exact), ``bool``, ``date`` (ISO text)
and ``choice`` (one of ``"choices"``). Values of keys no longer declared are kept, not lost, and
shown as undeclared."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy.orm import Session

from app.business_settings import get_setting
from app.customers.errors import InvalidCustomerValue

SETTING = "customers.custom_fields"
TYPES = ("str", "int", "decimal", "bool", "date", "choice")
MAX_TEXT = 500
_KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


@dataclass(frozen=True, slots=True)
class CustomFieldSpec:
    key: str
    label: str
    type: str
    choices: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CustomFieldValue:
    """A field as the profile shows it: its declaration (None if no longer declared) and value."""

    key: str
    label: str
    type: str
    value: Any
    declared: bool


def parse_declarations(raw: Any) -> tuple[CustomFieldSpec, ...]:
    """Check an admin's declarations; the error names the entry and what is wrong."""
    if not isinstance(raw, list):
        raise InvalidCustomerValue(SETTING, "must be a list of field declarations")
    specs: list[CustomFieldSpec] = []
    seen: set[str] = set()
    for n, item in enumerate(raw, 1):
        where = f"{SETTING} entry {n}"
        if not isinstance(item, Mapping):
            raise InvalidCustomerValue(where, "must be an object with key, label and type")
        key = item.get("key")
        if not isinstance(key, str) or not _KEY.match(key):
            raise InvalidCustomerValue(where, f"key {key!r} must be lower_snake_case, ≤ 40 chars")
        if key in seen:
            raise InvalidCustomerValue(where, f"key {key!r} is declared twice")
        seen.add(key)
        kind = item.get("type", "str")
        if kind not in TYPES:
            raise InvalidCustomerValue(where, f"type {kind!r} is not one of {', '.join(TYPES)}")
        choices = item.get("choices") or []
        if kind == "choice" and (
            not isinstance(choices, list)
            or not choices
            or not all(isinstance(c, str) for c in choices)
        ):
            raise InvalidCustomerValue(where, "a choice field needs a non-empty list of choices")
        label = item.get("label") or key
        specs.append(
            CustomFieldSpec(key, str(label), kind, tuple(choices) if kind == "choice" else ())
        )
    return tuple(specs)


def declared_fields(session: Session) -> tuple[CustomFieldSpec, ...]:
    return parse_declarations(get_setting(session, SETTING))


def _coerce(spec: CustomFieldSpec, value: Any) -> Any:
    name = f"custom field {spec.key!r} ({spec.label})"
    if spec.type == "str":
        text = str(value).strip()
        if len(text) > MAX_TEXT:
            raise InvalidCustomerValue(name, f"longer than {MAX_TEXT} characters")
        return text
    if spec.type == "int":
        if isinstance(value, bool):
            raise InvalidCustomerValue(name, f"{value!r} is not a whole number")
        try:
            if isinstance(value, int):
                return value
            return int(str(value).strip())
        except ValueError:
            raise InvalidCustomerValue(name, f"{value!r} is not a whole number") from None
    if spec.type == "decimal":
        if isinstance(value, float):
            raise InvalidCustomerValue(name, "give the number as text, not a float")
        try:
            number = Decimal(str(value).strip().replace(",", "."))
        except InvalidOperation:
            raise InvalidCustomerValue(name, f"{value!r} is not a number") from None
        if not number.is_finite():
            raise InvalidCustomerValue(name, f"{value!r} is not a number")
        return str(number)
    if spec.type == "bool":
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in {"true", "yes", "1", "да"}:
            return True
        if text in {"false", "no", "0", "нет"}:
            return False
        raise InvalidCustomerValue(name, f"{value!r} is not yes/no")
    if spec.type == "date":
        if isinstance(value, dt.date):
            return value.isoformat()
        try:
            return dt.date.fromisoformat(str(value).strip()).isoformat()
        except ValueError:
            raise InvalidCustomerValue(name, f"{value!r} is not a date (YYYY-MM-DD)") from None
    # choice
    text = str(value).strip()
    if text not in spec.choices:
        raise InvalidCustomerValue(name, f"{text!r} is not one of: {', '.join(spec.choices)}")
    return text


def validate_values(
    specs: tuple[CustomFieldSpec, ...], current: Mapping[str, Any], changes: Mapping[str, Any]
) -> dict[str, Any]:
    """``current`` with ``changes`` applied and checked; None or "" removes a value. Unknown
    keys are refused (naming them and the declared ones)."""
    by_key = {s.key: s for s in specs}
    result = dict(current)
    for key, value in changes.items():
        spec = by_key.get(key)
        if spec is None:
            known = ", ".join(sorted(by_key)) or "none are declared"
            raise InvalidCustomerValue(f"custom field {key!r}", f"not declared (declared: {known})")
        if value is None or (isinstance(value, str) and not value.strip()):
            result.pop(key, None)
            continue
        result[key] = _coerce(spec, value)
    return result


def field_values(
    specs: tuple[CustomFieldSpec, ...], stored: Mapping[str, Any]
) -> tuple[CustomFieldValue, ...]:
    """Declared fields in declaration order (value None when unset), then undeclared leftovers."""
    shown = [CustomFieldValue(s.key, s.label, s.type, stored.get(s.key), True) for s in specs]
    declared = {s.key for s in specs}
    shown += [
        CustomFieldValue(k, k, "str", v, False)
        for k, v in sorted(stored.items())
        if k not in declared
    ]
    return tuple(shown)


def set_declarations(session: Session, declarations: list[Any], user_id: int | None = None) -> None:
    """Store the admin's declarations after checking them (a bad one is refused, not stored)."""
    from app.business_settings import set_setting

    parse_declarations(declarations)
    set_setting(session, SETTING, list(declarations), user_id)
