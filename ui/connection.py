"""Is the database reachable? One answer for the whole window, and automatic recovery.

Two witnesses report trouble: the op runner (an op failed with ``DATABASE_UNAVAILABLE``) and
the change feed's listener (its connection dropped). The first report turns the state to
*reconnecting*: the monitor probes the database on a short schedule; after a few failed probes
the state is *offline* (the window shows its banner) and probing goes on every
``PROBE_INTERVALS_MS[-1]``. The first probe that gets through runs a trivial op on the database
lane, which tells the runner it is connected again; everyone listening to the runner (the order
card offers "save now") and to this monitor (banner, status bar, queue) resumes.

Probing PostgreSQL starts with a plain connection with a short ``connect_timeout`` on the
background lane: the database lane must never wait minutes for an unreachable host while the
operator's work queues behind it."""

from __future__ import annotations

import enum
import logging

from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy.orm import Session

from ui.ops import Lane, Op, OpError, OpRunner

log = logging.getLogger(__name__)

#: Waits between probes while the database is away (the last one repeats).
PROBE_INTERVALS_MS: tuple[int, ...] = (250, 500, 1000)
#: After this many failed probes in a row, "reconnecting" becomes "offline".
OFFLINE_AFTER_PROBES = 3
#: A probe's own connection gives up after this long (seconds).
PROBE_CONNECT_TIMEOUT = 3


class ConnectionState(enum.StrEnum):
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"
    OFFLINE = "offline"


def _reach_server(url: str) -> bool:
    """A plain connection and ``SELECT 1`` (background lane, short timeout)."""
    if not url.startswith("postgresql"):
        return True  # a local file: the database-lane probe is quick and says it all
    import psycopg
    from sqlalchemy.engine import make_url

    conninfo = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo, connect_timeout=PROBE_CONNECT_TIMEOUT) as conn:
        conn.execute("SELECT 1")
    return True


def _select_one(session: Session) -> int:
    from sqlalchemy import text

    return int(session.execute(text("SELECT 1")).scalar_one())


class ConnectionMonitor(QObject):
    """Tracks reachability (``state``) and probes until the database is back."""

    # the state changed: (ConnectionState value, the last error message or "")
    sig_state_changed = Signal(str, str)
    # the database is reachable again after an outage (reload what failed meanwhile)
    sig_reconnected = Signal()

    def __init__(self, runner: OpRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.state = ConnectionState.CONNECTED
        self.message = ""
        self.failed_probes = 0
        self._probing = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.probe_now)
        runner.sig_connection_changed.connect(self._runner_changed)

    # -- inputs -----------------------------------------------------------------------------------
    def _runner_changed(self, connected: bool, message: str) -> None:
        if connected:
            self._back()
        else:
            self.lost(message)

    def listener_changed(self, connected: bool) -> None:
        """The change feed's connection came up or went down."""
        if not connected:
            self.lost("")
        elif self.state is not ConnectionState.CONNECTED:
            self.probe_now()  # the listener got through: check at once, do not wait

    def lost(self, message: str) -> None:
        """Something could not reach the database: start (or keep) probing."""
        if message:
            self.message = message
        if self.state is ConnectionState.CONNECTED:
            self.failed_probes = 0
            self._set(ConnectionState.RECONNECTING)
            self._schedule()

    # -- probing ----------------------------------------------------------------------------------
    def _schedule(self) -> None:
        if self._probing or self._timer.isActive():
            return
        step = min(self.failed_probes, len(PROBE_INTERVALS_MS) - 1)
        self._timer.start(PROBE_INTERVALS_MS[step])

    def probe_now(self) -> None:
        """Probe right away (also the banner's "Try now")."""
        if self.state is ConnectionState.CONNECTED or self._probing:
            return
        self._timer.stop()
        self._probing = True
        url = self.runner.database_url or ""
        Op(
            self, lambda: _reach_server(url), key="reach", lane=Lane.BACKGROUND, runner=self.runner
        ).success(lambda _ok: self._server_answers()).failure(self._probe_failed).run()

    def _server_answers(self) -> None:
        # through the database lane, so the runner itself sees the connection work again
        Op(self, _select_one, key="probe", runner=self.runner).success(
            lambda _one: self._probe_done()
        ).failure(self._probe_failed).run()

    def _probe_done(self) -> None:
        self._probing = False
        self._back()

    def _probe_failed(self, error: OpError) -> None:
        self._probing = False
        self.failed_probes += 1
        self.message = error.message
        if (
            self.state is ConnectionState.RECONNECTING
            and self.failed_probes >= OFFLINE_AFTER_PROBES
        ):
            self._set(ConnectionState.OFFLINE)
        elif self.state is not ConnectionState.CONNECTED:
            self.sig_state_changed.emit(self.state.value, self.message)
        if self.state is not ConnectionState.CONNECTED:
            self._schedule()

    def _back(self) -> None:
        self._timer.stop()
        if self.state is ConnectionState.CONNECTED:
            return
        self.failed_probes = 0
        self.message = ""
        self._set(ConnectionState.CONNECTED)
        log.info("database reachable again")
        self.sig_reconnected.emit()

    def _set(self, state: ConnectionState) -> None:
        if state is self.state:
            return
        self.state = state
        self.sig_state_changed.emit(state.value, self.message)

    def stop(self) -> None:
        """No more probes (the window is closing)."""
        self._timer.stop()
