"""What the manager view runs off the UI thread: the KPI services of :mod:`app.capsules.kpi`
bundled per user action, returning frozen values, and the CSV file written on the background
lane. Qt-free."""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from app.capsules.kpi import (
    UpsellDay,
    UpsellOrder,
    UpsellRow,
    csv_rows,
    daily_series,
    drill_down,
    upsell_table,
)


@dataclass(frozen=True, slots=True)
class Report:
    date_from: dt.date
    date_to: dt.date
    rows: tuple[UpsellRow, ...]
    days: tuple[UpsellDay, ...]  # everyone's, for the chart


@dataclass(frozen=True, slots=True)
class Series:
    operator_id: int | None
    days: tuple[UpsellDay, ...]


@dataclass(frozen=True, slots=True)
class Orders:
    operator_id: int | None
    orders: tuple[UpsellOrder, ...]


def report(session: Session, date_from: dt.date, date_to: dt.date) -> Report:
    rows = tuple(upsell_table(session, date_from, date_to))
    days = tuple(daily_series(session, date_from, date_to))
    return Report(date_from, date_to, rows, days)


def series(
    session: Session, date_from: dt.date, date_to: dt.date, operator_id: int | None
) -> Series:
    return Series(
        operator_id, tuple(daily_series(session, date_from, date_to, operator_id=operator_id))
    )


def orders(
    session: Session, date_from: dt.date, date_to: dt.date, operator_id: int | None
) -> Orders:
    found = drill_down(session, date_from, date_to, operator_id=operator_id)
    return Orders(operator_id, tuple(found))


def write_csv(path: str, rows: tuple[UpsellRow, ...]) -> str:
    """Write the table to ``path`` (UTF-8 with a BOM: Excel opens Cyrillic right); returns it."""
    target = Path(path)
    with target.open("w", newline="", encoding="utf-8-sig") as out:
        csv.writer(out).writerows(csv_rows(rows))
    return str(target)
