"""The webhook receiver as a running server: waitress on a background thread (``okno worker``
starts one when telephony is configured; demo mode starts one on a free loopback port)."""

from __future__ import annotations

import logging

from app.clock import SYSTEM_CLOCK, Clock
from app.telephony.webhook import WebhookApp
from integrations.telephony.http_server import ServerThread

log = logging.getLogger(__name__)


class WebhookReceiver:
    """``WebhookReceiver(db_url, key, salt, host, port).start()``; ``url`` is what to give the
    PBX as the external system's address."""

    def __init__(
        self,
        database_url: str,
        api_key: str,
        api_salt: str,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        clock: Clock = SYSTEM_CLOCK,
        region: str = "RU",
        threads: int = 4,
    ) -> None:
        self.app = WebhookApp(database_url, api_key, api_salt, clock=clock, region=region)
        self._server = ServerThread(self.app, host, port, threads=threads, name="pbx-webhook")

    @property
    def url(self) -> str:
        return self._server.url

    @property
    def port(self) -> int:
        return self._server.port

    def start(self) -> WebhookReceiver:
        self._server.start()
        log.info("PBX webhook receiver listening on %s", self.url)
        return self

    def stop(self) -> None:
        self._server.stop()
