"""A loopback capsule feed following docs/capsule-feed.md: serves one JSON document with a
strong ETag and Last-Modified, answers a matching If-None-Match with 304, and can be told to
fail the next N requests with 503 (Retry-After: 0) to exercise the client's retries."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class FeedState:
    document: Any = field(default_factory=lambda: {"capsules": []})
    fail_next: int = 0
    requests: list[tuple[str, int]] = field(default_factory=list)  # (If-None-Match, status)
    modified: str = field(default_factory=lambda: formatdate(usegmt=True))

    def publish(self, capsules: list[Any]) -> None:
        self.document = {"version": 1, "capsules": capsules}
        self.modified = formatdate(usegmt=True)

    def body(self) -> bytes:
        return json.dumps(self.document, ensure_ascii=False).encode()

    def etag(self) -> str:
        return '"' + hashlib.sha256(self.body()).hexdigest()[:20] + '"'


@contextmanager
def serve(state: FeedState) -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            inm = self.headers.get("If-None-Match", "")
            if state.fail_next > 0:
                state.fail_next -= 1
                state.requests.append((inm, 503))
                self.send_response(503)
                self.send_header("Retry-After", "0")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            etag = state.etag()
            if inm == etag:
                state.requests.append((inm, 304))
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            body = state.body()
            state.requests.append((inm, 200))
            self.send_response(200)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", state.modified)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/capsules.json"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
