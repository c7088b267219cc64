"""The business-local calendar: KPI days are the call center's days, not UTC ones."""

from __future__ import annotations

import datetime as dt
import os
from functools import lru_cache
from zoneinfo import ZoneInfo


@lru_cache(maxsize=8)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def business_zone() -> ZoneInfo:
    """The operators' time zone (``OKNO_TIMEZONE``, the same default as app.config)."""
    return _zone(os.environ.get("OKNO_TIMEZONE", "Europe/Moscow"))


def business_date(instant: dt.datetime) -> dt.date:
    """The local calendar day of a timezone-aware instant."""
    return instant.astimezone(business_zone()).date()
