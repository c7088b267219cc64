"""Typed errors of the order services. Each message names the order and what was wrong, so the
console and the CLI can show it as is."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


class OrderError(Exception):
    """Base of every refusal by an order service."""


class OrderNotFound(OrderError):
    def __init__(self, ref: object) -> None:
        super().__init__(f"order {ref} not found")
        self.ref = ref


class TransitionNotAllowed(OrderError):
    def __init__(self, number: str, from_status: str, to_status: str, role: str) -> None:
        super().__init__(
            f"order {number}: a {role} may not move it from '{from_status}' to '{to_status}'"
        )
        self.number = number
        self.from_status = from_status
        self.to_status = to_status
        self.role = role


class ReasonRequired(OrderError):
    def __init__(self, number: str) -> None:
        super().__init__(f"order {number}: cancelling needs a reason")
        self.number = number


class OutOfStock(OrderError):
    def __init__(self, number: str, shortages: list[str]) -> None:
        super().__init__(f"order {number}: not enough stock: {'; '.join(shortages)}")
        self.number = number
        self.shortages = shortages


@dataclass(frozen=True, slots=True)
class ChangeInfo:
    """One committed change someone else made, as recorded in the outbox."""

    version: int | None
    topic: str
    actor: str
    at: dt.datetime
    changes: dict[str, Any] = field(default_factory=dict)


class VersionConflict(OrderError):
    """The order changed since the caller loaded it; nothing was written."""

    def __init__(self, number: str, expected: int, current: int, changes: list[ChangeInfo]) -> None:
        who = ", ".join(
            f"{c.actor} ({c.topic}{': ' + ', '.join(sorted(c.changes)) if c.changes else ''})"
            for c in changes
        )
        super().__init__(
            f"order {number} was changed by someone else (your version {expected}, "
            f"now {current}){': ' + who if who else ''}"
        )
        self.number = number
        self.expected = expected
        self.current = current
        self.changes = changes


class InvalidValue(OrderError):
    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(f"{field_name}: {message}")
        self.field = field_name
