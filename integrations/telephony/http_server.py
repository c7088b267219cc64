"""A waitress WSGI server on a background thread that can be stopped cleanly (the emulator and
the webhook receiver both run this way: in tests, in demo mode and inside ``okno worker``)."""

from __future__ import annotations

import threading
from typing import Any

from waitress.server import create_server


class ServerThread:
    """``waitress`` serving ``app`` on ``host:port`` (port 0 = any free port) until :meth:`stop`."""

    def __init__(
        self, app: Any, host: str = "127.0.0.1", port: int = 0, *, threads: int = 4, name: str
    ) -> None:
        # max_request_body_size is waitress's own bound; the apps check tighter limits themselves
        self._server: Any = create_server(
            app,
            host=host,
            port=port,
            threads=threads,
            ident=name,
            max_request_body_size=1 << 20,
            channel_timeout=30,
        )
        self.host = host
        self.port: int = int(self._server.effective_port)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> ServerThread:
        self._thread.start()
        return self

    def _run(self) -> None:
        server = self._server
        try:
            while not self._stop.is_set():
                server.asyncore.loop(timeout=0.1, map=server._map, count=1)
        finally:
            # everything is closed from the loop's own thread: wasyncore is not thread-safe
            server.task_dispatcher.shutdown()
            for channel in list(server._map.values()):
                if channel is not server and channel is not server.trigger:
                    channel.close()
            server.close()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)
