"""A loopback Mango Office VPBX for tests and demo mode (INTEGRATIONS.md §1 and §6).

It is a real HTTP server (waitress) speaking the documented wire format, in both directions:

* API side (``{base}/vpbx/...``): ``commands/callback``, ``commands/call/hangup``,
  ``queries/recording/post`` (302 to a single-use ``/files/<token>`` link serving a small WAV;
  JSON 3320 until the recording exists). Every request's signature is checked; an invalid
  request gets 3102 and a second one within 2 minutes locks the key (HTTP 401) until 2 minutes
  after the first; per-command rate limits answer 429 with Mango's body.
* Webhook side: a callback or a simulated inbound call (:meth:`MangoEmulator.ring`) plays a
  realistic event sequence for every leg (``events/call`` with ``seq`` per leg, then
  ``events/summary``, ``events/recording``, ``events/record/added``, ``result/callback``),
  signed and POSTed to the configured webhook URL. Options: ``shuffle`` and ``duplicate`` the
  events of a call (pace 0), and ``pace`` (seconds per scripted second) for demo mode, where a
  hang-up command cuts the talk short.
* Control routes under ``/__emu/`` (``ring``, ``journal``) for the CLI and manual tests.

Event times are scripted (the call's start + the scripted offsets), so the talk seconds a test
expects do not depend on how fast the machine is."""

from __future__ import annotations

import io
import itertools
import json
import logging
import math
import random
import struct
import threading
import time
import uuid
import wave
from collections import deque
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs

import requests

from integrations.telephony.http_server import ServerThread
from integrations.telephony.mango import dumps, sign, signed_form

log = logging.getLogger(__name__)

RATE_LIMITS = {  # requests per second (§1.4.2)
    "commands/callback": 4,
    "commands/call/hangup": 4,
    "queries/recording/post": 10,
}
RATE_LIMIT_BODY = {
    "name": "Service Unavailable",
    "message": "Rate limit exceeded.",
    "code": 0,
    "status": 429,
}
LOCKOUT_SECONDS = 120.0
MAX_BODY = 64 * 1024

Step = tuple[float, str, dict[str, Any]]  # scripted seconds to wait before, path, document
# a script is sent True after a wait that a hang-up command cut short
Script = Generator[Step, bool | None, None]


def demo_wav(seconds: float = 0.6, rate: int = 8000) -> bytes:
    """A small real WAV (a two-tone beep), 8 kHz mono 16-bit, like a telephone recording."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        frames = bytearray()
        for i in range(int(seconds * rate)):
            hz = 440.0 if i < seconds * rate / 2 else 660.0
            frames += struct.pack("<h", int(8000 * math.sin(2 * math.pi * hz * i / rate)))
        out.writeframes(bytes(frames))
    return buffer.getvalue()


@dataclass
class LiveCall:
    entry_id: str
    legs: list[str]
    hangup: threading.Event = field(default_factory=threading.Event)
    # the scripted clock of this call (epoch seconds): event times come from it
    start: int = 0
    t: float = 0.0
    done: threading.Event = field(default_factory=threading.Event)


@dataclass
class JournalEntry:
    path: str
    document: dict[str, Any] | None
    status: int
    verified: bool


class MangoEmulator:
    """See the module docstring. ``webhook_url`` is the base our receiver listens on."""

    def __init__(
        self,
        api_key: str,
        api_salt: str,
        webhook_url: str | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        pace: float = 0.0,
        shuffle: bool = False,
        duplicate: bool = False,
        seed: int = 7,
        line_number: str = "74950000000",
        monotonic: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
    ) -> None:
        self.api_key = api_key
        self._salt = api_salt
        self.webhook_url = webhook_url.rstrip("/") if webhook_url else None
        self.pace = pace
        self.shuffle = shuffle
        self.duplicate = duplicate
        self.line_number = line_number
        self._random = random.Random(seed)
        self._monotonic = monotonic
        self._wall = wall
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self.journal: list[JournalEntry] = []
        self.posted: list[tuple[str, dict[str, Any], int]] = []
        self.live: dict[str, LiveCall] = {}  # leg id → call
        self.recordings: dict[str, bool] = {}  # recording id → ready
        self._files: dict[str, bytes] = {}
        self._hits: dict[str, deque[float]] = {}
        self._forced: dict[str, list[int]] = {}
        self._first_invalid: float | None = None
        self._invalid_count = 0
        self._threads: list[threading.Thread] = []
        #: numbers that do not pick up when called back (the callee leg ends with 1111)
        self.unanswered_numbers: set[str] = set()
        self.wav = demo_wav()
        self._server = ServerThread(self, host, port, threads=4, name="mango-emulator")

    # lifecycle ----------------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return self._server.url

    @property
    def base_url(self) -> str:
        """What the client is configured with (``MANGO_BASE_URL``)."""
        return self._server.url + "/vpbx/"

    def start(self) -> MangoEmulator:
        self._server.start()
        return self

    def stop(self) -> None:
        for call in list(self.live.values()):
            call.hangup.set()
        self.wait_idle(5.0)
        self._server.stop()

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Wait until every scripted call has posted all its events."""
        deadline = time.monotonic() + timeout
        for thread in list(self._threads):
            thread.join(max(0.0, deadline - time.monotonic()))
        with self._lock:
            self._threads = [t for t in self._threads if t.is_alive()]
            return not self._threads

    def force(self, path: str, status: int, times: int = 1) -> None:
        """Answer the next ``times`` requests to ``path`` with ``status`` (429, 503, ...)."""
        with self._lock:
            self._forced.setdefault(path.strip("/"), []).extend([status] * times)

    def clear_lockout(self) -> None:
        with self._lock:
            self._first_invalid, self._invalid_count = None, 0

    # scenarios ----------------------------------------------------------------------------------

    def ring(
        self,
        from_number: str,
        extension: str,
        *,
        answer: bool = True,
        ring_seconds: float = 3.0,
        talk_seconds: float = 20.0,
        record: bool = True,
        wait: bool | None = None,
    ) -> str:
        """Simulate an inbound call from ``from_number`` to the employee at ``extension``;
        returns its ``entry_id``. With pace 0 it runs to the end before returning (unless
        ``wait`` is False); with a pace it plays in real time in the background."""
        entry = self._new_id("entry")
        ivr, abonent = self._new_id("leg"), self._new_id("leg")
        call = LiveCall(entry, [ivr, abonent])
        script = self._inbound(
            call, from_number, str(extension), answer, ring_seconds, talk_seconds, record
        )
        self._play(call, script, wait)
        return entry

    def _callback(self, doc: dict[str, Any]) -> None:
        extension = str((doc.get("from") or {}).get("extension") or "")
        to_number = str(doc.get("to_number") or "")
        command_id = str(doc.get("command_id") or "")
        entry = self._new_id("entry")
        call = LiveCall(entry, [self._new_id("leg"), self._new_id("leg")])
        answer = to_number not in self.unanswered_numbers
        script = self._outbound(
            call,
            extension,
            to_number,
            command_id,
            answer,
            str(doc.get("line_number") or self.line_number),
        )
        self._play(call, script, True)

    def _inbound(
        self,
        call: LiveCall,
        caller: str,
        extension: str,
        answer: bool,
        ring_seconds: float,
        talk_seconds: float,
        record: bool,
    ) -> Script:
        ivr, leg = call.legs
        base = {"entry_id": call.entry_id, "location": "ivr"}
        frm = {"number": caller}
        line = {"number": self.line_number, "line_number": self.line_number}
        yield (
            0,
            "events/call",
            {**base, "call_id": ivr, "seq": 1, "call_state": "Appeared", "from": frm, "to": line},
        )
        yield (
            1,
            "events/call",
            {
                **base,
                "call_id": ivr,
                "seq": 2,
                "call_state": "Disconnected",
                "from": frm,
                "to": line,
                "disconnect_reason": 1100,
            },
        )
        to = {
            "extension": extension,
            "number": f"sip:{extension}@emulator",
            "line_number": self.line_number,
        }
        abonent = {
            "entry_id": call.entry_id,
            "call_id": leg,
            "location": "abonent",
            "from": {**frm, "taken_from_call_id": ivr},
            "to": to,
        }
        yield 0, "events/call", {**abonent, "seq": 1, "call_state": "Appeared"}
        talk_from = talk_to = 0.0
        if answer:
            yield ring_seconds, "events/call", {**abonent, "seq": 2, "call_state": "Connected"}
            talk_from = call.t
            interrupted = yield talk_seconds, "", {}
            talk_to = call.t
            reason = 1181 if interrupted else 1110
            yield (
                0,
                "events/call",
                {**abonent, "seq": 3, "call_state": "Disconnected", "disconnect_reason": reason},
            )
        else:
            reason = 1110  # the caller gave up while it rang
            yield (
                ring_seconds,
                "events/call",
                {**abonent, "seq": 2, "call_state": "Disconnected", "disconnect_reason": reason},
            )
        yield from self._summary(
            call,
            1,
            {"number": caller},
            {"extension": extension, "number": self.line_number},
            talk_from,
            talk_to,
            reason,
        )
        if answer and record:
            yield from self._recording(call, leg, extension)

    def _outbound(
        self,
        call: LiveCall,
        extension: str,
        to_number: str,
        command_id: str,
        answer: bool,
        line_number: str,
    ) -> Script:
        own, out = call.legs
        common = {
            "entry_id": call.entry_id,
            "location": "abonent",
            "command_id": command_id,
            "callback_initiator": "API",
        }
        first = {
            **common,
            "call_id": own,
            "from": {"number": line_number},
            "to": {"extension": extension},
        }
        second = {
            **common,
            "call_id": out,
            "from": {"extension": extension, "number": line_number, "taken_from_call_id": own},
            "to": {"number": to_number, "line_number": line_number},
        }
        result = ("result/callback", {"command_id": command_id, "result": "1000"})
        early_result = self._random.random() < 0.5
        if early_result:
            yield 0, *result
        yield 0, "events/call", {**first, "seq": 1, "call_state": "Appeared"}
        yield 2, "events/call", {**first, "seq": 2, "call_state": "Connected"}
        yield 0, "events/call", {**second, "seq": 1, "call_state": "Appeared"}
        talk_from = talk_to = 0.0
        if answer:
            yield 3, "events/call", {**second, "seq": 2, "call_state": "Connected"}
            talk_from = call.t
            interrupted = yield 15, "", {}
            talk_to = call.t
            reason = 1181 if interrupted else 1120
            yield (
                0,
                "events/call",
                {**second, "seq": 3, "call_state": "Disconnected", "disconnect_reason": reason},
            )
        else:
            reason = 1111
            yield (
                10,
                "events/call",
                {**second, "seq": 2, "call_state": "Disconnected", "disconnect_reason": reason},
            )
        yield (
            0,
            "events/call",
            {**first, "seq": 3, "call_state": "Disconnected", "disconnect_reason": 1100},
        )
        if not early_result:
            yield 0, *result
        yield from self._summary(
            call,
            2,
            {"extension": extension, "number": line_number},
            {"number": to_number},
            talk_from,
            talk_to,
            reason,
            line_number,
        )
        if answer:
            yield from self._recording(call, out, extension)

    def _summary(
        self,
        call: LiveCall,
        direction: int,
        frm: dict[str, Any],
        to: dict[str, Any],
        talk_from: float,
        talk_to: float,
        reason: int,
        line_number: str | None = None,
    ) -> Script:
        talked = talk_from > 0
        yield (
            0,
            "events/summary",
            {
                "entry_id": call.entry_id,
                "call_direction": direction,
                "from": frm,
                "to": to,
                "line_number": line_number or self.line_number,
                "create_time": call.start,
                "forward_time": call.start if direction == 2 else (int(talk_from) if talked else 0),
                "talk_time": int(talk_from) if talked else 0,
                "end_time": int(talk_to if talked else call.t),
                "entry_result": 1 if talked else 0,
                "disconnect_reason": reason,
            },
        )

    def _recording(self, call: LiveCall, leg: str, extension: str) -> Script:
        recording_id = self._new_id("rec")
        with self._lock:
            self.recordings[recording_id] = False
        common = {
            "recording_id": recording_id,
            "entry_id": call.entry_id,
            "call_id": leg,
            "extension": extension,
            "recipient": "Cloud",
        }
        yield (
            0,
            "events/recording",
            {**common, "seq": 1, "recording_state": "Started", "timestamp": call.start},
        )
        yield (
            0,
            "events/recording",
            {
                **common,
                "seq": 2,
                "recording_state": "Completed",
                "completion_code": 1000,
                "timestamp": int(call.t),
            },
        )
        with self._lock:
            self.recordings[recording_id] = True
        yield (
            0,
            "events/record/added",
            {
                "entry_id": call.entry_id,
                "product_id": 1,
                "user_id": 1,
                "timestamp": int(call.t),
                "recording_id": recording_id,
            },
        )

    # playing scripts ----------------------------------------------------------------------------

    def _play(self, call: LiveCall, script: Script, wait: bool | None) -> None:
        with self._lock:
            for leg in call.legs:
                self.live[leg] = call
        thread = threading.Thread(
            target=self._run_script,
            args=(call, script),
            name=f"mango-call-{call.entry_id}",
            daemon=True,
        )
        with self._lock:
            self._threads.append(thread)
        thread.start()
        if wait if wait is not None else self.pace == 0:
            thread.join()

    def _run_script(self, call: LiveCall, script: Script) -> None:
        call.start = int(self._wall())
        call.t = float(call.start)
        batch: list[tuple[str, dict[str, Any]]] = []
        try:
            step = script.send(None)
            while True:
                delay, path, doc = step
                interrupted = False
                if delay:
                    call.t += delay
                    if self.pace > 0:
                        started = time.monotonic()
                        interrupted = call.hangup.wait(delay * self.pace)
                        if interrupted:  # the talk lasted only as long as it really did
                            call.t += (time.monotonic() - started) / self.pace - delay
                if path:
                    doc = {**doc, "timestamp": doc.get("timestamp", int(call.t))}
                    if path == "events/call" and self._random.random() < 0.3:
                        doc = _loosen(doc)  # Mango mixes "1" and 1
                    if self.pace > 0:
                        self._post(path, doc)
                    else:
                        batch.append((path, doc))
                step = script.send(interrupted)
        except StopIteration:
            pass
        finally:
            with self._lock:
                for leg in call.legs:
                    self.live.pop(leg, None)
        if self.duplicate and batch:
            batch += [self._random.choice(batch) for _ in range(max(1, len(batch) // 2))]
        if self.shuffle:
            self._random.shuffle(batch)
        for path, doc in batch:
            self._post(path, doc)
        call.done.set()

    def _post(self, path: str, doc: dict[str, Any]) -> None:
        if not self.webhook_url:  # collect only: tests post the events themselves
            with self._lock:
                self.posted.append((path, doc, 0))
            return
        form = signed_form(self.api_key, self._salt, doc)
        try:
            response = requests.post(f"{self.webhook_url}/{path}", data=form, timeout=10)
            status = response.status_code
        except requests.RequestException as exc:
            log.warning("emulator: webhook %s failed: %s", path, exc)
            status = 0
        with self._lock:
            self.posted.append((path, doc, status))

    def _spawn(self, target: Callable[..., None], *args: Any) -> None:
        """Background work wait_idle() knows about (registered before the HTTP answer)."""
        thread = threading.Thread(target=target, args=args, daemon=True)
        with self._lock:
            self._threads.append(thread)
        thread.start()

    def _new_id(self, kind: str) -> str:
        return f"{kind}-{next(self._ids)}-{uuid.uuid4().hex[:8]}"

    # WSGI ---------------------------------------------------------------------------------------

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        path = environ.get("PATH_INFO", "")
        method = environ.get("REQUEST_METHOD", "GET")
        if path.startswith("/files/"):
            return self._file(path.removeprefix("/files/"), start_response)
        if path.startswith("/__emu/"):
            return self._control(path.removeprefix("/__emu/"), environ, start_response)
        if not path.startswith("/vpbx/"):
            return _reply(start_response, 404, {"result": 4001})
        api = path.removeprefix("/vpbx/").strip("/")
        if method != "POST":
            return _reply(start_response, 405, {"result": 3101})
        length = int(environ.get("CONTENT_LENGTH") or 0)
        if length > MAX_BODY:
            return _reply(start_response, 413, {"result": 3100})
        raw = environ["wsgi.input"].read(length).decode("utf-8", "replace")
        form = {k: v[0] for k, v in parse_qs(raw, keep_blank_values=True).items()}
        status, body, headers = self._api(api, form)
        doc = _loads(form.get("json"))
        with self._lock:
            self.journal.append(JournalEntry(api, doc, status, status not in (400, 401)))
        if status == 302:
            start_response(
                "302 Found", [("Location", headers["Location"]), ("Content-Length", "0")]
            )
            return [b""]
        return _reply(start_response, status, body)

    def _api(self, api: str, form: dict[str, str]) -> tuple[int, dict[str, Any], dict[str, str]]:
        now = self._monotonic()
        with self._lock:
            if self._first_invalid is not None and now - self._first_invalid >= LOCKOUT_SECONDS:
                self._first_invalid, self._invalid_count = None, 0
            if self._invalid_count >= 2:
                return 401, {"result": 3105, "message": "key blocked"}, {}
            forced = self._forced.get(api)
            if forced:
                status = forced.pop(0)
                return status, RATE_LIMIT_BODY if status == 429 else {"result": 5008}, {}
            limit = RATE_LIMITS.get(api, 10)
            hits = self._hits.setdefault(api, deque())
            while hits and now - hits[0] >= 1.0:
                hits.popleft()
            if len(hits) >= limit:
                return 429, RATE_LIMIT_BODY, {}
            hits.append(now)
        error = self._invalid(form)
        if error is not None:
            with self._lock:
                self._invalid_count += 1
                if self._first_invalid is None:
                    self._first_invalid = now
                locked = self._invalid_count >= 2
            return (401 if locked else 400), {"result": error}, {}
        doc = _loads(form["json"])
        assert doc is not None
        if api == "commands/callback":
            if not (doc.get("from") or {}).get("extension") or not doc.get("to_number"):
                return 400, {"result": 3103}, {}
            self._spawn(self._callback, doc)
            return 200, {"result": 1000}, {}
        if api == "commands/call/hangup":
            call = self.live.get(str(doc.get("call_id") or ""))
            code = 1000 if call is not None else 4101
            if call is not None:
                call.hangup.set()
            result = {"command_id": doc.get("command_id"), "result": code}
            self._spawn(self._post, "result/call/hangup", result)
            return 200, {"result": 1000}, {}
        if api == "queries/recording/post":
            recording_id = str(doc.get("recording_id") or "")
            if not self.recordings.get(recording_id):
                return 200, {"result": 3320}, {}
            token = uuid.uuid4().hex
            with self._lock:
                self._files[token] = self.wav
            return 302, {}, {"Location": f"{self.url}/files/{token}"}
        return 404, {"result": 4001}, {}

    def _invalid(self, form: dict[str, str]) -> int | None:
        if not form.get("vpbx_api_key") or not form.get("sign") or "json" not in form:
            return 3103
        if form["vpbx_api_key"] != self.api_key:
            return 3105
        if form["sign"].lower() != sign(self.api_key, form["json"], self._salt):
            return 3102
        if _loads(form["json"]) is None:
            return 3400
        return None

    def _file(self, token: str, start_response: Callable[..., Any]) -> list[bytes]:
        with self._lock:
            data = self._files.pop(token, None)  # single use: the link is gone once fetched
        if data is None:
            return _reply(start_response, 404, {"result": 3320})
        start_response(
            "200 OK", [("Content-Type", "audio/wav"), ("Content-Length", str(len(data)))]
        )
        return [data]

    def _control(
        self, what: str, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> list[bytes]:
        if what == "journal":
            with self._lock:
                rows = [e.__dict__ for e in self.journal]
            return _reply(start_response, 200, {"journal": rows})
        if what == "ring" and environ.get("REQUEST_METHOD") == "POST":
            length = min(int(environ.get("CONTENT_LENGTH") or 0), MAX_BODY)
            doc = _loads(environ["wsgi.input"].read(length).decode("utf-8", "replace")) or {}
            entry = self.ring(
                str(doc.get("from_number") or ""),
                str(doc.get("extension") or ""),
                answer=bool(doc.get("answer", True)),
                talk_seconds=float(doc.get("talk_seconds", 20.0)),
                wait=False,
            )
            return _reply(start_response, 200, {"entry_id": entry})
        return _reply(start_response, 404, {"result": 4001})


def _loosen(doc: dict[str, Any]) -> dict[str, Any]:
    """The same event with the number-or-string variants Mango's own examples show."""
    out = dict(doc)
    for name in ("seq", "timestamp", "disconnect_reason"):
        if name in out and isinstance(out[name], int):
            out[name] = str(out[name])
    return out


def _loads(text: str | None) -> dict[str, Any] | None:
    if text is None:
        return None
    try:
        doc = json.loads(text)
    except ValueError:
        return None
    return doc if isinstance(doc, dict) else None


def _reply(start_response: Callable[..., Any], status: int, body: dict[str, Any]) -> list[bytes]:
    data = dumps(body).encode("utf-8")
    reason = {
        200: "OK",
        400: "Bad Request",
        401: "Unauthorized",
        404: "Not Found",
        405: "Method Not Allowed",
        413: "Payload Too Large",
        429: "Too Many Requests",
        503: "Service Unavailable",
    }
    start_response(
        f"{status} {reason.get(status, 'Error')}",
        [("Content-Type", "application/json"), ("Content-Length", str(len(data)))],
    )
    return [data]
