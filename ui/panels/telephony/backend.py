"""Which PBX the console talks to: the configured one (``app.telephony.provider_from_config``)
or, in demo mode, the embedded pretend PBX (``app.telephony.start_demo_pbx``) that the launcher
starts before the log-in. One per process, kept here so the panel, the launcher and the tests
find the same one.

The functions that start or stop the demo PBX do network and database work: call them off the
UI thread (the launcher runs them through an op)."""

from __future__ import annotations

import logging
import threading
from typing import Any

from app.config import Config

log = logging.getLogger(__name__)

_lock = threading.Lock()
_demo: Any = None  # app.telephony.DemoPbx
_configured: dict[str, Any] = {}


def start_demo(config: Config) -> Any:
    """Start the pretend PBX on ``config``'s database (worker thread). Returns the DemoPbx."""
    global _demo
    from app.telephony import start_demo_pbx

    with _lock:
        if _demo is None:
            _demo = start_demo_pbx(config.database_url)
            log.info("demo PBX started: pretend calls can be placed and received")
        return _demo


def set_demo(pbx: Any) -> None:
    """Use ``pbx`` (a DemoPbx, or None) as this console's PBX (tests start their own)."""
    global _demo
    with _lock:
        _demo = pbx


def demo() -> Any:
    """The running demo PBX, or None."""
    return _demo


def stop_demo() -> None:
    global _demo
    with _lock:
        pbx, _demo = _demo, None
    if pbx is not None:
        pbx.stop()


def provider(config: Config) -> Any:
    """The PBX client dial/hang-up/recordings go through; None when telephony is not set up."""
    pbx = _demo
    if pbx is not None:
        return pbx.provider
    if config.database_url not in _configured:
        try:
            from app.telephony import provider_from_config

            _configured[config.database_url] = provider_from_config(config)
        except Exception:  # a broken PBX setting must not take the console down
            log.exception("telephony: cannot build the PBX client from the configuration")
            _configured[config.database_url] = None
    return _configured[config.database_url]


def start_demo_then(parent: Any, config: Config, then: Any) -> None:
    """``okno console --demo`` on the embedded database: start the pretend PBX off the UI
    thread, then call ``then()`` (the log-in) — also when it fails: the console works without
    telephony, and the log says why."""
    if not config.database_url.startswith("sqlite"):
        then()  # a shared PostgreSQL database has real telephony or none, never a pretend one
        return
    from PySide6.QtCore import QCoreApplication

    from ui.ops import Lane, Op

    def started(_pbx: object) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(stop_demo)
        then()

    def failed(error: Any) -> None:
        log.warning("demo PBX did not start: %s", error.detail)
        then()

    Op(parent, lambda: _started(config), lane=Lane.BACKGROUND).success(started).failure(
        failed
    ).run()


def _started(config: Config) -> bool:
    start_demo(config)  # the DemoPbx itself is no plain data: only say it runs
    return True
