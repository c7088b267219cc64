"""THE way the console does I/O: one fluent background operation, results back on the UI thread.

    Op(self, lambda s: fetch_page(s, ...)).success(self._show).failure(self._warn).run()

* ``fn`` runs on a worker thread. If it takes one argument it gets a fresh SQLAlchemy session for
  the runner's database (committed on success, rolled back on error); a function of no
  arguments is simply called.
* Database work goes through a serial lane (a one-thread pool, FIFO), so a write and the read
  that follows it happen in the order the operator asked for. ``Lane.BACKGROUND`` is a small
  parallel pool for work that must not queue behind the database (network, files).
* ``success``/``failure`` callbacks run on the UI thread (a queued signal), and only while the
  ``parent`` QObject is alive. The result must be plain immutable data (tuples, frozen
  dataclasses, str, Decimal, datetime, ...): an ORM object or a list would be shared between
  threads, so it is refused as a failure with a message saying so.
* An exception becomes an ``OpError`` with a readable, translated message; the traceback goes to
  the log, never to the operator.
* Latest request wins: ops started with the same ``key`` (per parent) supersede each other. A
  superseded op that has not started yet is skipped; one that already ran has its late result
  dropped, so search-as-you-type never shows an older answer over a newer one.

Modelled on Anki's ``CollectionOp`` + ``TaskManager`` and Orange3's latest-request-wins tasks.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import enum
import inspect
import itertools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal, Slot
from PySide6.QtCore import Qt as _Qt

# At import time, on the main thread: a first import of SQLAlchemy racing between two threads can
# fail in CPython (import cycles), so workers must only ever find it already loaded.
from app.db import session_scope
from ui.error_texts import render, spec_of

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

T = TypeVar("T")

_QUEUED = _Qt.ConnectionType.QueuedConnection


class Lane(enum.Enum):
    """Which pool runs an op."""

    # one thread, first in first out: everything that touches the database
    DB = "db"
    # a few threads in parallel: network and files, never queued behind the database
    BACKGROUND = "background"


class ErrorKind(enum.StrEnum):
    """What went wrong, coarse enough for the UI to react (e.g. the connection indicator)."""

    DATABASE_UNAVAILABLE = "database_unavailable"
    CONFLICT = "conflict"
    REFUSED = "refused"
    INTERNAL = "internal"


@dataclass(frozen=True, slots=True)
class OpError:
    """A failed operation as the operator should see it."""

    kind: ErrorKind
    # readable, translated, one or two sentences
    message: str
    # the exception type and text, for a "details" box and the log
    detail: str


@dataclass(frozen=True, slots=True)
class _Outcome:
    seq: int
    ok: bool
    value: Any
    skipped: bool = False


_PLAIN_SCALARS = (
    type(None),
    bool,
    int,
    float,
    complex,
    str,
    bytes,
    Decimal,
    dt.date,
    dt.time,
    dt.timedelta,
    dt.tzinfo,
    enum.Enum,
    range,
)


def check_plain(value: Any, where: str = "result") -> None:
    """Raise ``TypeError`` unless ``value`` is immutable plain data safe to hand to another
    thread: scalars, tuples/frozensets of plain data, frozen dataclasses of plain data."""
    if isinstance(value, _PLAIN_SCALARS):
        return
    if isinstance(value, tuple | frozenset):
        for i, item in enumerate(value):
            check_plain(item, f"{where}[{i}]")
        return
    if isinstance(value, MappingProxyType):
        for k, item in value.items():
            check_plain(item, f"{where}[{k!r}]")
        return
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        params = getattr(type(value), "__dataclass_params__", None)
        if params is None or not params.frozen:
            raise TypeError(f"{where} is a mutable dataclass {type(value).__name__}")
        for f in dataclasses.fields(value):
            check_plain(getattr(value, f.name), f"{where}.{f.name}")
        return
    if hasattr(value, "_sa_instance_state"):
        raise TypeError(
            f"{where} is an ORM object ({type(value).__name__}): copy what the UI needs into a "
            "frozen dataclass inside the op"
        )
    raise TypeError(
        f"{where} is a {type(value).__name__}, which is not immutable plain data "
        "(use a tuple or a frozen dataclass)"
    )


def _classify(exc: BaseException) -> tuple[ErrorKind, str]:
    """Map an exception to a kind and its own text (translated later, on the UI thread)."""
    # Imported lazily: the runner must not pull SQLAlchemy's ORM into start-up before it is used.
    from sqlalchemy import exc as sa_exc
    from sqlalchemy.orm.exc import StaleDataError

    from app.orders.errors import VersionConflict

    text = str(exc).strip() or type(exc).__name__
    if isinstance(exc, VersionConflict | StaleDataError):
        return ErrorKind.CONFLICT, text
    if isinstance(exc, sa_exc.OperationalError | sa_exc.InterfaceError) or (
        isinstance(exc, sa_exc.DBAPIError) and exc.connection_invalidated
    ):
        # The driver's first line says what failed (refused, timeout, auth); the rest is SQL.
        return ErrorKind.DATABASE_UNAVAILABLE, str(getattr(exc, "orig", exc)).splitlines()[0]
    from app.orders.errors import OrderError

    if isinstance(exc, OrderError | ValueError) or getattr(exc, "user_facing", False):
        return ErrorKind.REFUSED, text
    return ErrorKind.INTERNAL, f"{type(exc).__name__}: {text}"


def describe(kind: ErrorKind, text: str) -> str:
    """The operator-facing message for an error (UI thread: it is translated)."""
    translate = QCoreApplication.translate
    if kind is ErrorKind.DATABASE_UNAVAILABLE:
        message = translate("Op", "The database is not reachable: %1")
    elif kind is ErrorKind.CONFLICT:
        message = translate("Op", "Someone else changed this in the meantime: %1")
    elif kind is ErrorKind.REFUSED:
        return text
    else:
        message = translate("Op", "Something went wrong: %1. The details are in the log.")
    return message.replace("%1", text)


def _wants_session(fn: Callable[..., Any]) -> bool:
    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):  # some builtins have no signature: call them plainly
        return False
    positional = [
        p
        for p in params
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) and p.default is p.empty
    ]
    if len(positional) > 1:
        raise TypeError(f"op function {fn!r} must take a session or nothing, not {len(positional)}")
    return len(positional) == 1


class OpRunner(QObject):
    """Owns the worker pools and delivers outcomes to the UI thread. One per window/database.

    ``database_url`` may be ``None`` for a runner that never opens sessions (e.g. before the
    database is known at start-up)."""

    # emitted on the UI thread when database reachability changes: (reachable, message)
    sig_connection_changed = Signal(bool, str)
    _sig_deliver = Signal(object)

    def __init__(self, database_url: str | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database_url = database_url
        self._pools = {Lane.DB: QThreadPool(self), Lane.BACKGROUND: QThreadPool(self)}
        self._pools[Lane.DB].setMaxThreadCount(1)
        self._pools[Lane.BACKGROUND].setMaxThreadCount(4)
        self._seq = itertools.count(1)
        self._pending: dict[int, Op[Any]] = {}
        self._latest: dict[tuple[int, str], int] = {}
        self._closed = False
        self._last_writes: list[threading.Thread] = []
        self.connected: bool | None = None  # unknown until the first database op finishes
        self._sig_deliver.connect(self._deliver, _QUEUED)

    # -- called by Op -------------------------------------------------------------------------
    def _submit(self, op: Op[Any]) -> int:
        if self._closed:
            raise RuntimeError("the op runner is shut down")
        if op.wants_session and self.database_url is None:
            raise RuntimeError(f"op {op.fn!r} needs a session but the runner has no database")
        seq = next(self._seq)
        self._pending[seq] = op
        key = op.scoped_key
        if key is not None:
            self._latest[key] = seq
        fn, wants_session, url = op.fn, op.wants_session, self.database_url

        def work() -> None:
            self._work(seq, key, fn, wants_session, url)

        self._pools[op.lane].start(work)
        return seq

    def _superseded(self, key: tuple[int, str] | None, seq: int) -> bool:
        # Read from worker threads too: a dict lookup of an int is atomic under the GIL. The
        # entry is kept after delivery (one int per key) so a slow older op on the parallel
        # lane can still tell it was superseded.
        return key is not None and self._latest.get(key, seq) != seq

    # -- worker thread --------------------------------------------------------------------------
    def _work(
        self,
        seq: int,
        key: tuple[int, str] | None,
        fn: Callable[..., Any],
        wants_session: bool,
        url: str | None,
    ) -> None:
        if self._closed or self._superseded(key, seq):
            outcome = _Outcome(seq, ok=False, value=None, skipped=True)
        else:
            try:
                if wants_session:
                    assert url is not None
                    with session_scope(url) as session:
                        value = fn(session)
                else:
                    value = fn()
                check_plain(value)
                outcome = _Outcome(seq, ok=True, value=value)
            except Exception as exc:
                log.warning("background op %r failed", fn, exc_info=True)
                kind, text = _classify(exc)
                spec = spec_of(exc)  # known refusals: shown translated on the UI thread
                outcome = _Outcome(
                    seq, ok=False, value=(kind, text, f"{type(exc).__name__}: {exc}", spec)
                )
        # RuntimeError: the runner was deleted while this op ran (window closed)
        with contextlib.suppress(RuntimeError):
            self._sig_deliver.emit(outcome)

    # -- UI thread ------------------------------------------------------------------------------
    @Slot(object)
    def _deliver(self, outcome: _Outcome) -> None:
        op = self._pending.pop(outcome.seq, None)
        if op is None:
            return
        key = op.scoped_key
        if op.wants_session and not outcome.skipped:
            if outcome.ok:
                self._set_connected(True, "")
            elif outcome.value[0] is ErrorKind.DATABASE_UNAVAILABLE:
                self._set_connected(False, outcome.value[1])
        if outcome.skipped or self._closed:
            return
        if self._superseded(key, outcome.seq):
            return  # a newer op with the same key was started: this answer is stale
        if not shiboken6.isValid(op.parent):
            return  # its widget is gone
        if outcome.ok:
            op._succeeded(outcome.value)
        else:
            kind, text, detail, spec = outcome.value
            message = render(spec) if spec is not None else describe(kind, text)
            op._failed(OpError(kind, message, detail))

    def _set_connected(self, connected: bool, message: str) -> None:
        if self.connected is connected:
            return
        self.connected = connected
        self.sig_connection_changed.emit(connected, message)

    @property
    def pending(self) -> int:
        """How many ops have not been delivered yet."""
        return len(self._pending)

    def run_last(self, fn: Callable[[Session], Any], name: str) -> None:
        """A write the window owes the database as it closes (give the held order back, go
        offline). It starts at once on a thread of its own, whatever the pools are busy with
        (:meth:`shutdown` drops ops still queued there), and :meth:`shutdown` waits for it. No
        callback: the window is going away. A failure is logged (a lease lapses by itself)."""
        url = self.database_url
        if url is None:
            return

        def write() -> None:
            try:
                with session_scope(url) as session:
                    fn(session)
            except Exception:
                log.warning("closing write %r failed", name, exc_info=True)

        thread = threading.Thread(target=write, name=f"okno-last-{name}", daemon=True)
        self._last_writes.append(thread)
        thread.start()

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Stop accepting ops, drop queued ones and wait for running ones and for the closing
        writes (window close). Returns False if some op was still running after
        ``timeout_ms``."""
        self._closed = True
        done = True
        for pool in self._pools.values():
            pool.clear()
            done = pool.waitForDone(timeout_ms) and done
        for thread in self._last_writes:
            thread.join(timeout_ms / 1000)
            done = not thread.is_alive() and done
        self._last_writes.clear()
        self._pending.clear()
        return done


_default_runner: OpRunner | None = None


def install_runner(runner: OpRunner | None) -> None:
    """Make ``runner`` the one ``Op`` uses when none is given (the main window installs its)."""
    global _default_runner
    _default_runner = runner


def default_runner() -> OpRunner:
    if _default_runner is None:
        raise RuntimeError("no op runner installed: call ui.ops.install_runner() first")
    return _default_runner


class Op(Generic[T]):
    """One background operation; build it fluently and call ``run()``."""

    def __init__(
        self,
        parent: QObject,
        fn: Callable[..., T],
        *,
        key: str | None = None,
        lane: Lane = Lane.DB,
        runner: OpRunner | None = None,
    ) -> None:
        self.parent = parent
        self.fn = fn
        self.lane = lane
        self.wants_session = _wants_session(fn)
        self.scoped_key = None if key is None else (id(parent), key)
        self._runner = runner
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[OpError], None] | None = None
        self._started = False

    def success(self, callback: Callable[[T], None]) -> Op[T]:
        """Called on the UI thread with the result."""
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[OpError], None]) -> Op[T]:
        """Called on the UI thread with the error. Without one a warning box is shown."""
        self._on_failure = callback
        return self

    def run(self) -> Op[T]:
        """Queue the op. Returns self."""
        if self._started:
            raise RuntimeError("an Op runs once; build a new one")
        self._started = True
        runner = self._runner or default_runner()
        runner._submit(self)
        return self

    def _succeeded(self, value: T) -> None:
        if self._on_success is not None:
            self._on_success(value)

    def _failed(self, error: OpError) -> None:
        if self._on_failure is not None:
            self._on_failure(error)
            return
        log.error("op failed without a failure handler: %s", error.detail)
        _show_error(self.parent, error)


def _show_error(parent: QObject, error: OpError) -> None:
    # Non-modal on purpose: a modal exec() would nest an event loop inside a callback.
    from PySide6.QtWidgets import QMessageBox, QWidget

    window = parent.window() if isinstance(parent, QWidget) else None
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("Op", "Okno"),
        error.message,
        QMessageBox.StandardButton.Ok,
        window,
    )
    box.setDetailedText(error.detail)
    box.setAttribute(_Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def current_thread_is_main() -> bool:
    """True on the thread that runs the Qt event loop (for assertions and tests)."""
    return threading.current_thread() is threading.main_thread()
