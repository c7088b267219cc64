"""What Okno needs from a PBX, independent of the vendor: commands out, recordings in, and the
errors a console can show as they are."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


class TelephonyError(Exception):
    """A PBX request failed; ``str()`` is a sentence an operator can read."""


class NotConfigured(TelephonyError):
    pass


class RateLimited(TelephonyError):
    """The PBX said 429: too many requests of this kind per second."""

    def __init__(self, what: str, retry_after: float | None = None) -> None:
        wait = f" (retry after {retry_after:g} s)" if retry_after else ""
        super().__init__(f"{what}: the PBX rate limit was exceeded{wait}; try again in a moment")
        self.retry_after = retry_after


class AuthLocked(TelephonyError):
    """HTTP 401: the PBX blocked our API key after invalid requests (Mango: for 2 minutes)."""

    def __init__(self, what: str) -> None:
        super().__init__(
            f"{what}: the PBX has temporarily blocked the API key after invalid requests "
            "(wait about 2 minutes; check the key and salt in the configuration)"
        )


class CommandRejected(TelephonyError):
    """The PBX answered with an error result code."""

    def __init__(self, what: str, code: int | None, message: str) -> None:
        super().__init__(f"{what}: {message}" + (f" (code {code})" if code else ""))
        self.code = code


class CommandUncertain(TelephonyError):
    """No answer (timeout, connection dropped): the command may or may not have run. A
    click-to-call is never sent again on its own: it would ring the customer twice."""

    def __init__(self, what: str, cause: str) -> None:
        super().__init__(
            f"{what}: no answer from the PBX ({cause}); the call may still be placed — "
            "check the phone before dialling again"
        )


class RecordingNotReady(TelephonyError):
    pass


@dataclass(frozen=True, slots=True)
class CommandAck:
    """The PBX accepted a command; its outcome arrives later as a ``result/...`` webhook."""

    command_id: str
    result: int | None


@dataclass(frozen=True, slots=True)
class Recording:
    content: bytes
    content_type: str
    filename: str


class TelephonyProvider(Protocol):
    """A PBX Okno can command. Implementations are synchronous and Qt-free."""

    name: str

    def click_to_call(
        self, command_id: str, extension: str, to_number: str, line_number: str | None = None
    ) -> CommandAck:
        """Ring the employee at ``extension``; when they answer, dial ``to_number``."""
        ...

    def hang_up(self, command_id: str, leg_id: str) -> CommandAck: ...

    def fetch_recording(self, recording_id: str) -> Recording: ...
