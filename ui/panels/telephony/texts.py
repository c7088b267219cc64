"""How telephony values read to an operator: call states, results, directions, outcomes,
operator states, and durations ("1:05", "1:02:07").

Codes come from the backend (``app.telephony``); only their labels live here, translated when
shown (``QCoreApplication.translate`` with the ``Telephony`` context, marked for lupdate with
``QT_TRANSLATE_NOOP`` so the tables stay plain data)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Telephony"

CALL_STATES = {
    "idle": QT_TRANSLATE_NOOP("Telephony", "No call"),
    "dialing": QT_TRANSLATE_NOOP("Telephony", "Dialing…"),
    "ringing": QT_TRANSLATE_NOOP("Telephony", "Ringing"),
    "talking": QT_TRANSLATE_NOOP("Telephony", "Talking"),
    "on_hold": QT_TRANSLATE_NOOP("Telephony", "On hold"),
    "ended": QT_TRANSLATE_NOOP("Telephony", "Ended"),
}
RESULTS = {
    "answered": QT_TRANSLATE_NOOP("Telephony", "answered"),
    "missed": QT_TRANSLATE_NOOP("Telephony", "missed"),
    "busy": QT_TRANSLATE_NOOP("Telephony", "busy"),
    "failed": QT_TRANSLATE_NOOP("Telephony", "failed"),
    None: QT_TRANSLATE_NOOP("Telephony", "in progress"),
}
DIRECTIONS = {
    "inbound": QT_TRANSLATE_NOOP("Telephony", "incoming"),
    "outbound": QT_TRANSLATE_NOOP("Telephony", "outgoing"),
}
# arrows read faster than words in a narrow column; the word is the tooltip
DIRECTION_ARROWS = {"inbound": "↙", "outbound": "↗"}
OUTCOMES = {
    "confirmed": QT_TRANSLATE_NOOP("Telephony", "Confirmed"),
    "no_answer": QT_TRANSLATE_NOOP("Telephony", "No answer"),
    "callback": QT_TRANSLATE_NOOP("Telephony", "Call back at…"),
    "wrong_number": QT_TRANSLATE_NOOP("Telephony", "Wrong number"),
    "cancelled": QT_TRANSLATE_NOOP("Telephony", "Cancel the order"),
}
OPERATOR_STATES = {
    "available": QT_TRANSLATE_NOOP("Telephony", "Available"),
    "paused": QT_TRANSLATE_NOOP("Telephony", "Paused"),
    "wrap_up": QT_TRANSLATE_NOOP("Telephony", "Wrap-up"),
    "on_call": QT_TRANSLATE_NOOP("Telephony", "On a call"),
    "offline": QT_TRANSLATE_NOOP("Telephony", "Offline"),
}
PAUSE_REASONS = (
    QT_TRANSLATE_NOOP("Telephony", "Break"),
    QT_TRANSLATE_NOOP("Telephony", "Lunch"),
    QT_TRANSLATE_NOOP("Telephony", "Training"),
    QT_TRANSLATE_NOOP("Telephony", "Paperwork"),
)
# (background, text) of the state chips; the same pale palette as the status chips
STATE_COLOURS = {
    "idle": ("#f1f5f9", "#475569"),
    "dialing": ("#e0f2fe", "#075985"),
    "ringing": ("#fef3c7", "#92400e"),
    "talking": ("#dcfce7", "#166534"),
    "on_hold": ("#ede9fe", "#5b21b6"),
    "ended": ("#f1f5f9", "#475569"),
    "available": ("#dcfce7", "#166534"),
    "paused": ("#fef3c7", "#92400e"),
    "wrap_up": ("#e0f2fe", "#075985"),
    "on_call": ("#fee2e2", "#991b1b"),
    "offline": ("#f1f5f9", "#475569"),
}


def say(text: str) -> str:
    """``text`` (a source string of the ``Telephony`` context) translated now."""
    return QCoreApplication.translate(CONTEXT, text)


def label(table: dict[object, str], code: object) -> str:
    """The translated label of ``code`` in ``table``; an unknown code as it is."""
    source = table.get(code)
    return say(source) if source is not None else str(code or "")


def duration(seconds: float | int | None) -> str:
    """``65`` → ``1:05``, ``3727`` → ``1:02:07``; ``None`` → empty."""
    if seconds is None:
        return ""
    total = max(int(seconds), 0)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def since(start: dt.datetime | None, now: dt.datetime) -> str:
    """How long since ``start`` (a live timer)."""
    if start is None:
        return ""
    return duration((now - start).total_seconds())
