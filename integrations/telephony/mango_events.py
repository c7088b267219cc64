"""Mango webhook documents → typed, vendor-neutral events (INTEGRATIONS.md §1.4–1.6).

Mango is loose with types (``"seq":"1"`` and ``"seq":1``, ``"extension":"29"`` or ``29``,
``disconnect_reason`` as text or number): everything is coerced here, once. A document that
lacks what identifies it raises :class:`EventError` naming the field."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

PATHS = (
    "events/call",
    "events/summary",
    "events/recording",
    "events/record/added",
    "result/callback",
    "result/call/hangup",
)


class EventError(ValueError):
    """A webhook document that cannot be applied; the message names the field."""


@dataclass(frozen=True, slots=True)
class LegEvent:
    """``events/call``: one state of one leg."""

    entry_id: str
    leg_id: str
    seq: int
    at: dt.datetime | None
    state: str  # Appeared / Connected / OnHold / Disconnected
    location: str | None
    from_extension: str | None
    from_number: str | None
    to_extension: str | None
    to_number: str | None
    line_number: str | None
    disconnect_reason: int | None
    command_id: str | None
    taken_from: str | None


@dataclass(frozen=True, slots=True)
class Summary:
    """``events/summary``: the final word on one ``entry_id``."""

    entry_id: str
    direction: str  # inbound / outbound / internal
    from_extension: str | None
    from_number: str | None
    to_extension: str | None
    to_number: str | None
    line_number: str | None
    created_at: dt.datetime | None
    answered_at: dt.datetime | None  # talk_time: a timestamp, not a duration
    ended_at: dt.datetime | None
    disconnect_reason: int | None


@dataclass(frozen=True, slots=True)
class RecordingEvent:
    """``events/recording`` (state changes) or ``events/record/added`` (downloadable)."""

    recording_id: str
    entry_id: str | None
    leg_id: str | None
    seq: int | None
    state: str  # Started / Continued / Completed / Added
    extension: str | None
    at: dt.datetime | None
    completion_code: int | None


@dataclass(frozen=True, slots=True)
class CommandResult:
    """``result/<command>``: the asynchronous outcome of a command."""

    command: str
    command_id: str
    result: int | None


Event = LegEvent | Summary | RecordingEvent | CommandResult

_DIRECTIONS = {0: "internal", 1: "inbound", 2: "outbound"}
_STATES = {"appeared", "connected", "onhold", "disconnected"}


def parse(path: str, doc: Any) -> Event:
    """Turn the JSON document posted to ``path`` (one of :data:`PATHS`) into an event."""
    if not isinstance(doc, dict):
        raise EventError("json: expected an object")
    path = path.strip("/")
    if path == "events/call":
        return _leg(doc)
    if path == "events/summary":
        return _summary(doc)
    if path == "events/recording":
        return _recording(doc, added=False)
    if path == "events/record/added":
        return _recording(doc, added=True)
    if path.startswith("result/"):
        return CommandResult(
            path.removeprefix("result/"), _required(doc, "command_id"), to_int(doc.get("result"))
        )
    raise EventError(f"path {path!r}: not a webhook Okno handles")


def _leg(doc: dict[str, Any]) -> LegEvent:
    state = str(doc.get("call_state") or "").strip()
    if state.lower() not in _STATES:
        raise EventError(f"call_state: unknown value {state!r}")
    seq = to_int(doc.get("seq"))
    if seq is None:
        raise EventError("seq: missing or not a number")
    src, dst = _obj(doc, "from"), _obj(doc, "to")
    return LegEvent(
        entry_id=_required(doc, "entry_id"),
        leg_id=_required(doc, "call_id"),
        seq=seq,
        at=to_time(doc.get("timestamp")),
        state={"onhold": "OnHold"}.get(state.lower(), state.capitalize()),
        location=to_str(doc.get("location")),
        from_extension=to_str(src.get("extension")),
        from_number=to_str(src.get("number")),
        to_extension=to_str(dst.get("extension")),
        to_number=to_str(dst.get("number")),
        line_number=to_str(dst.get("line_number")),
        disconnect_reason=to_int(doc.get("disconnect_reason")),
        command_id=to_str(doc.get("command_id")),
        taken_from=to_str(src.get("taken_from_call_id")),
    )


def _summary(doc: dict[str, Any]) -> Summary:
    src, dst = _obj(doc, "from"), _obj(doc, "to")
    direction = to_int(doc.get("call_direction"))
    talk = to_int(doc.get("talk_time")) or 0
    return Summary(
        entry_id=_required(doc, "entry_id"),
        direction=_DIRECTIONS.get(direction if direction is not None else -1, "inbound"),
        from_extension=to_str(src.get("extension")),
        from_number=to_str(src.get("number")),
        to_extension=to_str(dst.get("extension")),
        to_number=to_str(dst.get("number")),
        line_number=to_str(doc.get("line_number")),
        created_at=to_time(doc.get("create_time")),
        # "answered" is decided by talk_time > 0 (entry_result may be 1 for a call ended in IVR)
        answered_at=to_time(talk) if talk > 0 else None,
        ended_at=to_time(doc.get("end_time")),
        disconnect_reason=to_int(doc.get("disconnect_reason")),
    )


def _recording(doc: dict[str, Any], *, added: bool) -> RecordingEvent:
    # record/added names the employee by Mango user_id (-1: unattributable), not extension;
    # the call it belongs to is found by entry_id instead
    return RecordingEvent(
        recording_id=_required(doc, "recording_id"),
        entry_id=to_str(doc.get("entry_id")),
        leg_id=to_str(doc.get("call_id")),
        seq=to_int(doc.get("seq")),
        state="Added" if added else str(doc.get("recording_state") or "Started"),
        extension=to_str(doc.get("extension")),
        at=to_time(doc.get("timestamp")),
        completion_code=to_int(doc.get("completion_code")),
    )


def to_int(value: Any) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    try:
        return int(str(value).strip())
    except ValueError:
        try:
            return int(float(str(value).strip()))
        except ValueError:
            return None


def to_str(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return str(value).strip() or None


def to_time(value: Any) -> dt.datetime | None:
    """Mango timestamps are Unix seconds (the doc's "UTC+3" remark is treated as epoch)."""
    seconds = to_int(value)
    if not seconds or seconds <= 0:
        return None
    return dt.datetime.fromtimestamp(seconds, dt.UTC)


def _obj(doc: dict[str, Any], name: str) -> dict[str, Any]:
    value = doc.get(name)
    return value if isinstance(value, dict) else {}


def _required(doc: dict[str, Any], name: str) -> str:
    value = to_str(doc.get(name))
    if value is None:
        raise EventError(f"{name}: missing")
    return value[:128]
