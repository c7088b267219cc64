"""Helpers shared by the CLI subcommands."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any

from app.clock import SYSTEM_CLOCK, Clock, FixedClock


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def parse_instant(text: str) -> dt.datetime:
    """ISO-8601 with a zone (``2026-11-20T12:00:00+03:00``, ``...Z``); naive means UTC."""
    value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def clock_from(now: str | None) -> Clock:
    return FixedClock(parse_instant(now)) if now else SYSTEM_CLOCK
