"""The webhook receiver as a running server: waitress on a background thread (``okno worker``
starts one when telephony is configured; demo mode starts one on a free loopback port)."""

from __future__ import annotations

import logging

from app.clock import SYSTEM_CLOCK, Clock
from app.config import Config
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


def parse_listen(text: str) -> tuple[str, int]:
    """``127.0.0.1:8088`` / ``:8088`` / ``8088`` → (host, port)."""
    host, _, port = text.rpartition(":")
    try:
        return host or "127.0.0.1", int(port)
    except ValueError:
        raise ValueError(f"--pbx-listen: {text!r} is not HOST:PORT") from None


def receiver_from_config(config: Config, listen: str | None = None) -> WebhookReceiver | None:
    """The receiver ``okno worker`` runs: on ``listen`` (else ``OKNO_WEBHOOK_HOST``/``PORT``)
    when the Mango key and salt are configured; None (with a log line) when they are not."""
    if not (config.mango_api_key and config.mango_api_salt):
        if listen:
            raise ValueError("--pbx-listen needs OKNO_MANGO_API_KEY and OKNO_MANGO_API_SALT")
        log.info("telephony not configured: no PBX webhook receiver")
        return None
    host, port = parse_listen(listen) if listen else (config.webhook_host, config.webhook_port)
    return WebhookReceiver(
        config.database_url,
        config.mango_api_key,
        config.mango_api_salt,
        host,
        port,
        region=config.phone_region,
    )
