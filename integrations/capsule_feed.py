"""Client of the mailing service's capsule feed (docs/capsule-feed.md): one JSON document over
HTTP, fetched conditionally (``If-None-Match`` / ``If-Modified-Since`` → ``304``), or read
from a file for a manual import.

One ``requests.Session``, a default timeout, one ``_request`` choke point with bounded retries
(connection errors, timeouts, 429 and transient 5xx) and exponential backoff that honours
``Retry-After``. Qt-free and synchronous; the worker and ``okno capsules import`` call it."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import requests

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = (5.0, 30.0)  # connect, read (seconds)
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_MAX_RETRY_AFTER = 60.0


class FeedError(Exception):
    """The feed could not be read; the message says why (shown to a person)."""


class FeedUnavailable(FeedError):
    """Network trouble or the server kept failing after the retries: try again later."""


class FeedRejected(FeedError):
    """The server refused (4xx) or sent something that is not a capsule feed."""


@dataclass(frozen=True, slots=True)
class FeedDocument:
    """What one pull gave: ``not_modified`` (nothing to do) or the feed's capsule records."""

    source: str
    not_modified: bool
    records: tuple[Any, ...] = ()
    etag: str | None = None
    last_modified: str | None = None


def parse_document(body: bytes | str, source: str) -> tuple[Any, ...]:
    """The capsule records of a feed body: ``{"capsules": [...]}`` (or a bare list). Records
    are returned as they are; validating each one is the importer's job (one bad record must
    not sink the others)."""
    try:
        doc = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise FeedRejected(f"{source}: not JSON ({exc})") from None
    if isinstance(doc, dict):
        capsules = doc.get("capsules")
        if not isinstance(capsules, list):
            raise FeedRejected(f"{source}: no 'capsules' list in the document")
        return tuple(capsules)
    if isinstance(doc, list):
        return tuple(doc)
    raise FeedRejected(f"{source}: expected an object with 'capsules', got {type(doc).__name__}")


def read_file(path: str | Path) -> FeedDocument:
    """A feed saved to disk (a manual import, or a copy the mailing service sent by e-mail)."""
    p = Path(path)
    try:
        body = p.read_bytes()
    except OSError as exc:
        raise FeedUnavailable(f"{p}: {exc.strerror or exc}") from None
    return FeedDocument(str(p), False, parse_document(body, str(p)))


class CapsuleFeedClient:
    """Fetches the feed over HTTP. ``sleep`` is injectable so tests don't wait for backoff."""

    def __init__(
        self,
        *,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
        retries: int = 3,
        backoff: float = 0.5,
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
        user_agent: str = "Okno capsule feed client",
    ) -> None:
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.sleep = sleep
        self.http = session or requests.Session()
        self.http.headers["User-Agent"] = user_agent
        self.http.headers["Accept"] = "application/json"

    def close(self) -> None:
        self.http.close()

    def fetch(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> FeedDocument:
        """GET the feed; with the validators of the last pull a ``304`` comes back as
        ``not_modified`` without a body."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        response = self._request(url, headers)
        if response.status_code == 304:
            return FeedDocument(
                url,
                True,
                etag=response.headers.get("ETag", etag),
                last_modified=response.headers.get("Last-Modified", last_modified),
            )
        if response.status_code >= 400:
            raise FeedRejected(f"{url}: HTTP {response.status_code} {response.reason}")
        return FeedDocument(
            url,
            False,
            parse_document(response.content, url),
            etag=response.headers.get("ETag"),
            last_modified=response.headers.get("Last-Modified"),
        )

    def _request(self, url: str, headers: dict[str, str]) -> requests.Response:
        attempt = 0
        while True:
            try:
                response = self.http.get(url, headers=headers, timeout=self.timeout)
            except (requests.ConnectionError, requests.Timeout) as exc:
                if attempt >= self.retries:
                    raise FeedUnavailable(f"{url}: {type(exc).__name__}: {exc}") from None
                delay = self.backoff * 2**attempt
            else:
                if response.status_code not in _RETRY_STATUSES:
                    return response
                if attempt >= self.retries:
                    raise FeedUnavailable(
                        f"{url}: HTTP {response.status_code} after {attempt + 1} attempts"
                    )
                told = _retry_after(response)
                delay = told if told is not None else self.backoff * 2**attempt
                response.close()
            attempt += 1
            log.info("capsule feed %s: retry %d in %.1f s", url, attempt, delay)
            self.sleep(delay)


def _retry_after(response: requests.Response) -> float | None:
    """``Retry-After`` as seconds (a number or an HTTP date), capped; None when absent/odd."""
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        seconds = when.timestamp() - time.time()
    return max(0.0, min(seconds, _MAX_RETRY_AFTER))
