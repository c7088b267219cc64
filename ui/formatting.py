"""How values look to an operator: money in RUB, times in the operator's zone, phones grouped.

Pure Python on purpose (no Qt import): a ``RowFormatter`` is built on the UI thread with the
translated labels it needs, then used on the worker thread that fetched the page, so the UI
thread only inserts ready-made strings."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

if TYPE_CHECKING:
    from app.order_list import OrderRow

log = logging.getLogger(__name__)

NBSP = "\u00a0"
_CENT = Decimal("0.01")


def format_rub(value: Decimal, language: str) -> str:
    """``12345.5`` → ``12 345,50 ₽`` (ru) or ``₽12,345.50`` (en). Decimal in, never a float."""
    grouped = f"{value.quantize(_CENT, rounding=ROUND_HALF_UP):,.2f}"
    if language == "ru":
        # non-breaking spaces: a grid cell must never wrap inside an amount
        return grouped.replace(",", NBSP).replace(".", ",") + NBSP + "₽"
    return "₽" + grouped


_TIME_FORMATS = {"ru": "%d.%m.%Y %H:%M", "en": "%Y-%m-%d %H:%M"}


def operator_zone(name: str) -> dt.tzinfo:
    """The operator's zone; a machine without tz data still shows Moscow time right (UTC+3 has
    had no DST since 2014) and logs what is missing."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        log.warning("time zone %r not found (install tzdata); using UTC+3", name)
        return dt.timezone(dt.timedelta(hours=3), name)


def format_time(value: dt.datetime | None, zone: dt.tzinfo, language: str) -> str:
    if value is None:
        return ""
    return value.astimezone(zone).strftime(_TIME_FORMATS.get(language, _TIME_FORMATS["en"]))


def format_phone(phone: str) -> str:
    """E.164 grouped for reading aloud (``+7 916 123-45-67``); anything else as typed."""
    if not phone.startswith("+"):
        return phone
    if len(phone) == 12 and phone.startswith("+7") and phone[1:].isdigit():
        # Russian numbers, nearly all of them: libphonenumber's grouping without its cost
        d = phone[2:]
        return f"+7 {d[:3]} {d[3:6]}-{d[6:8]}-{d[8:]}"
    import phonenumbers  # the rest of the world: loaded on first use, off the start-up path

    try:
        parsed = phonenumbers.parse(phone, None)
    except phonenumbers.NumberParseException:
        return phone
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


@dataclass(frozen=True, slots=True)
class FormattedRow:
    """What the grid shows for one order: a display string per column, and a tooltip."""

    cells: tuple[str, ...]
    tooltip: str | None


@dataclass(frozen=True)
class RowFormatter:
    """Turns an ``OrderRow`` into display strings for one language and zone.

    ``source_labels`` maps an order source code to its translated label; ``lease_tooltip``
    is a translated pattern with ``%1`` for the lease holder's name."""

    language: str
    zone: dt.tzinfo
    source_labels: Mapping[str, str] = field(default_factory=dict)
    lease_tooltip: str = "Being worked on by %1"

    def __post_init__(self) -> None:
        object.__setattr__(self, "source_labels", MappingProxyType(dict(self.source_labels)))

    def status_name(self, row: OrderRow) -> str:
        # Status names are admin data kept in both languages in the database, not in .ts files.
        return row.status_name_ru if self.language == "ru" else row.status_name

    def format(self, row: OrderRow) -> FormattedRow:
        cells = (
            row.number,
            format_time(row.created_at, self.zone, self.language),
            row.customer_name,
            format_phone(row.phone),
            format_rub(row.total, self.language),
            self.status_name(row),
            self.source_labels.get(row.source.value, row.source.value),
            row.store_name or "",
            row.operator_name or "",
            str(row.no_answer_attempts) if row.no_answer_attempts else "",
            format_time(row.next_attempt_at, self.zone, self.language),
        )
        tooltip = (
            self.lease_tooltip.replace("%1", row.lease_holder_name)
            if row.lease_holder_name
            else None
        )
        return FormattedRow(cells, tooltip)
