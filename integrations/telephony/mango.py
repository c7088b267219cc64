"""Mango Office VPBX API client (INTEGRATIONS.md §1).

Every request is a form POST of ``vpbx_api_key``, ``sign`` and ``json``, where ``json`` is the
document serialized once and ``sign = sha256(key + json + salt)`` over that exact string.
Commands are asynchronous: the HTTP answer only says "accepted"; the outcome arrives later as a
``result/<command>`` webhook.

Retries: a click-to-call (``commands/callback``) is never retried — Mango does not deduplicate
``command_id``, so a second send rings the customer twice. A request that provably never left
(connection refused) is reported as such; one whose answer was lost is ``CommandUncertain``.
A hang-up is harmless to repeat and recordings are reads: those retry a few times on 429/503,
honouring ``Retry-After``."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
import uuid
from collections.abc import Callable, Mapping
from typing import Any

import requests
from urllib3.exceptions import NewConnectionError

from integrations.telephony.base import (
    AuthLocked,
    CommandAck,
    CommandRejected,
    CommandUncertain,
    RateLimited,
    Recording,
    RecordingNotReady,
    TelephonyError,
)

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://app.mango-office.ru/vpbx/"
DEFAULT_TIMEOUT = (3.05, 10.0)  # connect, read

# Result codes an operator may see (INTEGRATIONS.md §1.2); unknown codes fall back to the class.
RESULT_TEXT = {
    1000: "done",
    1100: "call ended normally",
    1110: "the caller hung up",
    1111: "no answer",
    1120: "the callee hung up",
    1121: "busy",
    1122: "rejected",
    1124: "do not disturb",
    1131: "unavailable",
    1133: "no such number",
    1163: "queue timeout",
    1164: "no operators in the queue",
    1181: "ended by a command",
    2240: "not enough funds on the PBX account",
    3100: "bad parameters",
    3101: "not a POST request",
    3102: "signature mismatch (check the API key and salt)",
    3103: "a required parameter is missing",
    3104: "a parameter has a bad format",
    3105: "unknown API key",
    3310: "call not found",
    3320: "recording not found or not ready yet",
    3400: "bad JSON",
    4001: "not supported",
    4101: "the call has already ended",
    4290: "rate limit exceeded",
    5000: "PBX server error",
    5001: "PBX overloaded",
    5003: "PBX technical error",
    5008: "PBX service unavailable",
}
_CLASS_TEXT = {
    1: "done",
    2: "PBX billing problem",
    3: "bad request",
    4: "the PBX refused the command",
    5: "PBX server error",
}


def result_text(code: int | None) -> str:
    if code is None:
        return "unknown result"
    if code in RESULT_TEXT:
        return RESULT_TEXT[code]
    for size in (10, 100):  # 2219 → 2210 → 2200
        if code - code % size in RESULT_TEXT:
            return RESULT_TEXT[code - code % size]
    return _CLASS_TEXT.get(code // 1000, f"result {code}")


def dumps(document: Mapping[str, Any]) -> str:
    """The one serialization: compact, UTF-8 kept (the signature covers these exact bytes)."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def sign(api_key: str, json_text: str, api_salt: str) -> str:
    return hashlib.sha256((api_key + json_text + api_salt).encode("utf-8")).hexdigest()


def signed_form(api_key: str, api_salt: str, document: Mapping[str, Any]) -> dict[str, str]:
    text = dumps(document)
    return {"vpbx_api_key": api_key, "sign": sign(api_key, text, api_salt), "json": text}


def verify(form: Mapping[str, str], api_key: str, api_salt: str) -> str | None:
    """Why the form is not an authentic request for this account (None when it is). Checked
    over the raw received ``json`` string, never a re-serialization."""
    key, signature, text = form.get("vpbx_api_key"), form.get("sign"), form.get("json")
    if not key or not signature or text is None:
        return "missing vpbx_api_key, sign or json"
    if not hmac.compare_digest(key, api_key):
        return "unknown vpbx_api_key"
    if not hmac.compare_digest(signature.lower(), sign(api_key, text, api_salt)):
        return "signature mismatch"
    return None


def new_command_id(prefix: str = "okno") -> str:
    return f"{prefix}-{uuid.uuid4().hex}"


def _never_sent(exc: requests.RequestException) -> bool:
    """True when the request provably did not reach the PBX (refused / connect timeout)."""
    if isinstance(exc, requests.ConnectTimeout):
        return True
    reason = getattr(exc.args[0], "reason", None) if exc.args else None
    return isinstance(reason, NewConnectionError)


class MangoClient:
    """Commands and queries to one Mango VPBX account."""

    name = "mango"

    def __init__(
        self,
        api_key: str,
        api_salt: str,
        base_url: str = DEFAULT_BASE_URL,
        *,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
        line_number: str | None = None,
        max_retries: int = 3,
        sleep: Callable[[float], None] = time.sleep,
        session: requests.Session | None = None,
    ) -> None:
        if not api_key or not api_salt:
            raise TelephonyError("Mango VPBX: the API key and salt must both be configured")
        self.api_key = api_key
        self._salt = api_salt
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        self.timeout = timeout
        self.line_number = line_number
        self.max_retries = max_retries
        self._sleep = sleep
        self._http = session or requests.Session()

    def __repr__(self) -> str:  # never the salt
        return f"MangoClient(base_url={self.base_url!r}, api_key={self.api_key[:4]}…)"

    # commands -----------------------------------------------------------------------------------

    def click_to_call(
        self, command_id: str, extension: str, to_number: str, line_number: str | None = None
    ) -> CommandAck:
        document: dict[str, Any] = {
            "command_id": command_id,
            "from": {"extension": str(extension)},
            "to_number": to_number,
        }
        line = line_number or self.line_number
        if line:
            document["line_number"] = line
        body = self._request("commands/callback", document, "click-to-call", retries=0)
        return CommandAck(command_id, _int_or_none(body.get("result")))

    def hang_up(self, command_id: str, leg_id: str) -> CommandAck:
        document = {"command_id": command_id, "call_id": leg_id}
        body = self._request("commands/call/hangup", document, "hang up", retries=1)
        return CommandAck(command_id, _int_or_none(body.get("result")))

    def fetch_recording(self, recording_id: str) -> Recording:
        """Follow the single-use 302 link at once and return the audio (never store the link)."""
        document = {"recording_id": recording_id, "action": "download"}
        response = self._send("queries/recording/post", document, "recording", self.max_retries)
        content_type = response.headers.get("Content-Type", "").split(";")[0].strip()
        if content_type.startswith("application/json") or not content_type.startswith("audio/"):
            code = _int_or_none(_json_or_empty(response).get("result"))
            if code == 3320 or code is None:
                raise RecordingNotReady(
                    "recording: not ready yet at the PBX; try again in a minute"
                )
            raise CommandRejected("recording", code, result_text(code))
        ext = {"audio/wav": "wav", "audio/x-wav": "wav"}.get(content_type, "mp3")
        return Recording(response.content, content_type, f"{recording_id[:40]}.{ext}")

    # transport ----------------------------------------------------------------------------------

    def _request(
        self, path: str, document: Mapping[str, Any], what: str, *, retries: int
    ) -> dict[str, Any]:
        response = self._send(path, document, what, retries)
        return _json_or_empty(response)

    def _send(
        self, path: str, document: Mapping[str, Any], what: str, retries: int
    ) -> requests.Response:
        form = signed_form(self.api_key, self._salt, document)
        url = self.base_url + path
        attempt = 0
        while True:
            try:
                response = self._http.post(url, data=form, timeout=self.timeout)
            except requests.RequestException as exc:
                if _never_sent(exc):
                    raise TelephonyError(
                        f"{what}: the PBX at {self.base_url} is unreachable"
                    ) from exc
                if retries == 0:
                    raise CommandUncertain(what, type(exc).__name__) from exc
                if attempt >= retries:
                    raise TelephonyError(f"{what}: no answer from the PBX ({exc})") from exc
                attempt += 1
                self._sleep(min(2.0**attempt, 8.0))
                continue
            status = response.status_code
            if status in (429, 503) and attempt < retries:
                attempt += 1
                self._sleep(_retry_after(response, attempt))
                continue
            if status == 429:
                raise RateLimited(what, _retry_after_header(response))
            if status == 401:
                raise AuthLocked(what)
            if status == 200:
                return response
            body = _json_or_empty(response)
            code = _int_or_none(body.get("result"))
            if code == 3320:
                raise RecordingNotReady(f"{what}: not ready yet at the PBX; try again in a minute")
            if status >= 500 or (code is not None and code >= 5000):
                raise TelephonyError(f"{what}: {result_text(code or 5000)} (HTTP {status})")
            raise CommandRejected(what, code, result_text(code) if code else f"HTTP {status}")


def _retry_after_header(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After")
    try:
        return float(value) if value else None
    except ValueError:
        return None


def _retry_after(response: requests.Response, attempt: int) -> float:
    # Mango's limits are per second: a second (or what the server asks, capped) is enough.
    asked = _retry_after_header(response)
    return min(asked if asked is not None else float(attempt), 10.0)


def _json_or_empty(response: requests.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
