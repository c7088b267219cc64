"""The PBX webhook receiver: a WSGI app served by waitress inside ``okno worker`` (and in demo
mode), for Mango's ``events/call``, ``events/summary``, ``events/recording``,
``events/record/added`` and ``result/<command>``.

Per request: the body is bounded (64 KiB; a Mango event is well under 2 KiB), the signature is
checked over the raw ``json`` field (mismatch → 403, logged, nothing stored), then the event is
applied in one short transaction (app/telephony/processing.py) and 200 is answered. Applying in
the request keeps the screen pop at a single commit from the webhook (T1) and costs a few
milliseconds; a signed document that cannot be applied goes to the dead-letter table and is
still answered 200, so the PBX does not resend it forever."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import parse_qs

from sqlalchemy.exc import IntegrityError, OperationalError

from app.clock import SYSTEM_CLOCK, Clock
from app.db import get_sessionmaker
from app.telephony.processing import apply_event
from integrations.telephony.mango import verify
from integrations.telephony.mango_events import PATHS, EventError, parse
from models import DeadLetter

log = logging.getLogger(__name__)

MAX_BODY = 64 * 1024
_ATTEMPTS = 3  # two deliveries racing on one new call/leg: the loser re-reads and applies


class WebhookApp:
    """WSGI callable. ``stats`` counts outcomes (accepted / duplicate / refused / dead)."""

    def __init__(
        self,
        database_url: str,
        api_key: str,
        api_salt: str,
        *,
        clock: Clock = SYSTEM_CLOCK,
        region: str = "RU",
        max_body: int = MAX_BODY,
        on_applied: Callable[[str, float], None] | None = None,
    ) -> None:
        if not api_key or not api_salt:
            raise ValueError("the PBX webhook needs the Mango API key and salt to check signatures")
        self._sessions = get_sessionmaker(database_url)
        self._key = api_key
        self._salt = api_salt
        self.clock = clock
        self.region = region
        self.max_body = max_body
        self.on_applied = on_applied
        self._lock = threading.Lock()
        self.stats = {"accepted": 0, "duplicate": 0, "refused": 0, "dead": 0}

    def __call__(
        self, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes]:
        started = time.perf_counter()
        path = _webhook_path(environ.get("PATH_INFO", ""))
        if environ.get("REQUEST_METHOD") != "POST":
            return _answer(start_response, 405, 3101)
        if path is None:
            return _answer(start_response, 404, 4001)
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > self.max_body:
            self._count("refused")
            log.warning(
                "PBX webhook %s: body of %s bytes refused (limit %d)", path, length, self.max_body
            )
            return _answer(start_response, 413, 3100)
        raw = environ["wsgi.input"].read(length).decode("utf-8", "replace")
        form = {k: v[0] for k, v in parse_qs(raw, keep_blank_values=True).items()}
        problem = verify(form, self._key, self._salt)
        if problem is not None:
            self._count("refused")
            log.warning(
                "PBX webhook %s from %s refused: %s", path, environ.get("REMOTE_ADDR"), problem
            )
            return _answer(start_response, 403, 3102 if "signature" in problem else 3105)
        text = form["json"]
        try:
            event = parse(path, json.loads(text))
        except (ValueError, EventError) as exc:
            self._dead(path, text, str(exc))
            return _answer(start_response, 200, 1000)
        outcome = self._apply(path, text, event)
        if self.on_applied is not None:
            self.on_applied(path, time.perf_counter() - started)
        return _answer(
            start_response, 200 if outcome != "error" else 500, 1000 if outcome != "error" else 5000
        )

    def _apply(self, path: str, text: str, event: Any) -> str:
        for attempt in range(1, _ATTEMPTS + 1):
            try:
                with self._sessions() as session, session.begin():
                    applied = apply_event(session, event, self.clock, self.region)
                self._count("accepted" if applied else "duplicate")
                return "accepted" if applied else "duplicate"
            except (IntegrityError, OperationalError) as exc:
                # a twin delivery or a sibling leg created the same row first (or SQLite was
                # busy): the next attempt sees it and applies this event on top
                if attempt == _ATTEMPTS:
                    log.exception("PBX webhook %s: could not apply", path)
                    self._dead(path, text, f"{type(exc).__name__}: {exc}")
                    return "dead"
            except Exception as exc:
                log.exception("PBX webhook %s: could not apply", path)
                self._dead(path, text, f"{type(exc).__name__}: {exc}")
                return "dead"
        return "dead"

    def _dead(self, path: str, text: str, error: str) -> None:
        self._count("dead")
        log.error("PBX webhook %s: kept as a dead letter: %s", path, error)
        try:
            with self._sessions() as session, session.begin():
                session.add(
                    DeadLetter(
                        source="mango.webhook",
                        reference=path[:128],
                        raw_payload=text,
                        errors={"error": error},
                    )
                )
        except Exception:
            log.exception("PBX webhook: could not even store the dead letter")

    def _count(self, name: str) -> None:
        with self._lock:
            self.stats[name] += 1


def _webhook_path(path: str) -> str | None:
    """``/events/call`` or ``/anything/before/events/call`` → ``events/call``."""
    clean = path.strip("/")
    for known in PATHS:
        if clean == known or clean.endswith("/" + known):
            return known
    if "/result/" in "/" + clean + "/":  # other command results: result/<command>
        return clean[clean.index("result/") :]
    return None


def _answer(start_response: Callable[..., Any], status: int, result: int) -> list[bytes]:
    body = json.dumps({"result": result}).encode()
    reasons = {
        200: "OK",
        403: "Forbidden",
        404: "Not Found",
        405: "Method Not Allowed",
        413: "Payload Too Large",
        500: "Internal Server Error",
    }
    start_response(
        f"{status} {reasons.get(status, 'Error')}",
        [("Content-Type", "application/json"), ("Content-Length", str(len(body)))],
    )
    return [body]
