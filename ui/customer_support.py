"""Shared by the customer panel and the customer/order dialogs: readable refusals from the
customer services, dates and ages as an operator reads them, and the look of badges and chips.

The customer services raise :class:`app.customers.errors.CustomerError`, which the op runner
does not know as an operator-facing refusal; :func:`readable` wraps an op function so such a
refusal reaches the operator as its own message (and a stale version as a conflict) instead of
"something went wrong"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


class Refusal(ValueError):
    """A customer service said no; the message is the service's, shown as is."""

    user_facing = True


def readable(fn: Callable[[Any], T]) -> Callable[[Any], T]:
    """Wrap a ``fn(session)`` op so customer refusals become readable op errors."""

    def run(session: Any) -> T:
        from sqlalchemy.orm.exc import StaleDataError

        from app.customers.errors import CustomerError, CustomerVersionConflict

        try:
            return fn(session)
        except CustomerVersionConflict as exc:
            # the runner reports a stale row as "someone else changed this"
            raise StaleDataError(str(exc)) from exc
        except CustomerError as exc:
            raise Refusal(str(exc)) from exc

    # one positional parameter: the op runner passes it a session
    return run


_DATE_FORMATS = {"ru": "%d.%m.%Y", "en": "%Y-%m-%d"}
_DAY_MONTH = {"ru": "%d.%m", "en": "%b %d"}


def format_date(value: dt.date | None, language: str) -> str:
    if value is None:
        return ""
    return value.strftime(_DATE_FORMATS.get(language, _DATE_FORMATS["en"]))


def format_day_month(value: dt.date, language: str) -> str:
    return value.strftime(_DAY_MONTH.get(language, _DAY_MONTH["en"]))


def parse_date(text: str) -> dt.date | None:
    """``31.12.1990``, ``31/12/1990``, ``1990-12-31`` → a date; empty → None; anything else
    raises ``ValueError`` naming the input."""
    raw = text.strip()
    if not raw:
        return None
    for fmt in ("%d.%m.%Y", "%d/%m/%Y", "%Y-%m-%d", "%d.%m.%y"):
        try:
            return dt.datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    raise ValueError(raw)


# Panel-local look: object names are scoped to the customer widgets, so the window's
# stylesheet (ui/style.qss) stays the one place for everything else.
CUSTOMER_QSS = """
#CustomerName { font-size: 13pt; font-weight: 600; }
#CustomerSubtitle, #MutedLabel, #SectionHint { color: #64748b; }
#SectionTitle { font-weight: 600; color: #334155; padding-top: 6px; }
#MergedBanner, #WarningBox {
    background: #fef3c7; color: #92400e; border: 1px solid #fcd34d;
    border-radius: 4px; padding: 6px 8px;
}
#ErrorLabel { color: #b91c1c; }
#OkLabel { color: #166534; }
QLabel[badge="vip"] { background: #fef3c7; color: #92400e; }
QLabel[badge="low_buyout"] { background: #fee2e2; color: #991b1b; }
QLabel[badge="new"] { background: #dcfce7; color: #166534; }
QLabel[badge="dormant"] { background: #e2e8f0; color: #334155; }
QLabel[badge] { border-radius: 8px; padding: 1px 8px; font-weight: 600; }
#TagChip {
    background: #eff6ff; color: #1e40af; border: 1px solid #bfdbfe; border-radius: 9px;
    padding: 1px 4px 1px 8px;
}
#TagChip QToolButton { border: none; color: #1e40af; padding: 0 2px; }
#PhoneButton, #LinkButton {
    border: none; background: transparent; color: #1d4ed8; padding: 0; text-align: left;
}
#PhoneButton:hover, #LinkButton:hover { text-decoration: underline; }
#CallButton { padding: 1px 6px; min-height: 14px; }
QTabWidget::pane { border: none; border-top: 1px solid #e2e8f0; }
QTabBar::tab { padding: 6px 12px; background: transparent; border: none; color: #475569; }
QTabBar::tab:selected { color: #1d4ed8; border-bottom: 2px solid #2563eb; }
QLineEdit, QPlainTextEdit {
    background: #ffffff; border: 1px solid #cbd5e1; border-radius: 4px; padding: 3px 6px;
}
QLineEdit:focus, QPlainTextEdit:focus { border-color: #2563eb; }
QPushButton:disabled { color: #94a3b8; border-color: #e2e8f0; background: #f8fafc; }
QLineEdit[invalid="true"] { border-color: #dc2626; }
"""
