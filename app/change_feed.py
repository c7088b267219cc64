"""The change feed: consoles learn what changed by reading the outbox by id.

The outbox (``outbox_events``) is the truth; on PostgreSQL a ``NOTIFY okno_changes`` sent when a
transaction that wrote outbox rows commits is only a wake-up hint. The hint carries no data,
so hints may be merged or dropped as long as the last commit of a burst is followed by one:

* :func:`install_notify_hints` (called by ``app.db.make_engine``) hooks ``Session`` commits: a
  commit whose session emitted events (``app.outbox.EMITTED_FLAG``) sends ``pg_notify`` inside
  the transaction (delivered only if it commits), at most once per ``min_interval`` per database
  and process; a commit that is refused a slot asks for one *trailing* hint, sent by a timer
  after the interval from a separate connection, and after that commit has returned, so no
  commit is left without a hint after it. :func:`begin_hinted` does the same for a Core
  ``Connection`` transaction whose writer used ``app.outbox.emit_core`` (the "take next" path).
* :class:`ChangeListener` keeps one dedicated autocommit psycopg connection that LISTENs, waits,
  coalesces wake-ups, reads the outbox after the last id it has seen and hands batches to a
  callback; after a lost connection it reconnects with backoff and catches up by id. SQLite
  has no NOTIFY: the listener polls (and wakes at once for commits made in its own process).

Ids are taken from a sequence when the row is inserted, not when its transaction commits, so on
PostgreSQL id 101 can become visible before id 100. A reader that jumped to 101 would never see
100. The listener therefore tracks such gaps: events after a gap wait (``gap_hold``, 0.25 s) for
it to fill; past that they are delivered and the missing id is still watched and delivered late
when it commits; it is forgotten only once every transaction that was running when the gap was
seen has ended (``pg_current_snapshot``) and ``gap_grace`` has passed, i.e. when it is proven to
be a rolled-back id. So every committed event is delivered exactly once, in id order unless a
transaction stayed open longer than ``gap_hold`` after writing its event. SQLite serialises
writers, so its ids become visible in order and there are no gaps to watch."""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import logging
import os
import selectors
import socket
import threading
import time
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import psycopg
from sqlalchemy import Connection, Engine, event, func, select, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, SessionTransaction

from app.outbox import EMITTED_FLAG
from models import OutboxEvent

__all__ = [
    "CHANNEL",
    "ChangeEvent",
    "ChangeListener",
    "HintCounters",
    "begin_hinted",
    "hint_counters",
    "install_notify_hints",
    "read_after",
]

log = logging.getLogger(__name__)

#: The one LISTEN/NOTIFY channel. The payload is always empty: it is a hint, not a message.
CHANNEL = "okno_changes"
NOTIFY_SQL = f"SELECT pg_notify('{CHANNEL}', '')"
_NOTIFY = text(NOTIFY_SQL)
_DEFERRED_FLAG = "okno_change_hint_deferred"

_outbox = OutboxEvent.__table__


@dataclass(frozen=True, slots=True)
class ChangeEvent:
    """One committed outbox event, as plain immutable data (safe to pass between threads)."""

    id: int
    topic: str
    aggregate: str
    aggregate_id: int | None
    payload: Mapping[str, Any]
    actor_id: int | None
    created_at: dt.datetime


def _event(
    id_: int,
    topic: str,
    aggregate: str,
    aggregate_id: int | None,
    payload: Mapping[str, Any] | None,
    actor_id: int | None,
    created_at: dt.datetime,
) -> ChangeEvent:
    if created_at.tzinfo is None:  # SQLite through a raw path: stored as naive UTC
        created_at = created_at.replace(tzinfo=dt.UTC)
    return ChangeEvent(
        id_,
        topic,
        aggregate,
        aggregate_id,
        MappingProxyType(dict(payload or {})),
        actor_id,
        created_at.astimezone(dt.UTC),
    )


_READ_COLUMNS = (
    _outbox.c.id,
    _outbox.c.topic,
    _outbox.c.aggregate,
    _outbox.c.aggregate_id,
    _outbox.c.payload,
    _outbox.c.actor_id,
    _outbox.c.created_at,
)


def _read_after_connection(conn: Connection, last_id: int, limit: int) -> list[ChangeEvent]:
    rows = conn.execute(
        select(*_READ_COLUMNS).where(_outbox.c.id > last_id).order_by(_outbox.c.id).limit(limit)
    )
    return [_event(*row) for row in rows]


def read_after(session: Session, last_id: int, limit: int = 500) -> list[ChangeEvent]:
    """Committed events with ``id > last_id``, ascending, at most ``limit``.

    A plain read: on PostgreSQL a higher id can be visible before a lower one commits (see the
    module docstring); :class:`ChangeListener` handles that, a one-off reader may not care."""
    if limit <= 0:
        raise ValueError(f"limit must be positive, got {limit}")
    return _read_after_connection(session.connection(), last_id, limit)


# --- hints: NOTIFY on commit, rate-limited, with a trailing hint ----------------------------------


def _database_key(url: URL) -> tuple[str, str, int | None, str]:
    """What identifies one database, whatever the driver or credentials in the URL."""
    backend = url.get_backend_name()
    database = url.database or ""
    if backend == "sqlite" and database and database != ":memory:":
        database = os.path.abspath(database)
    return backend, url.host or "", url.port, database


class _HintLimiter:
    """At most one NOTIFY per ``min_interval`` for one database in this process, and never a
    commit without a hint after it (the trailing hint)."""

    def __init__(self, min_interval: float) -> None:
        self.min_interval = min_interval
        self._lock = threading.Lock()
        self._last = -float("inf")
        self._trailing: threading.Timer | None = None
        self.sent_inline = 0
        self.sent_trailing = 0

    def try_acquire(self) -> bool:
        """May this commit send its hint itself? While a trailing hint is pending, no: that one
        goes out later and covers this commit too (if it is already past, see defer)."""
        with self._lock:
            now = time.monotonic()
            if self._trailing is None and now - self._last >= self.min_interval:
                self._last = now
                self.sent_inline += 1
                return True
            return False

    def defer(self, engine: Engine) -> None:
        """Called after a commit that got no slot has returned: make sure a hint follows it."""
        with self._lock:
            if self._trailing is not None:
                return  # pending and not started: it fires after this commit, covering it
            delay = max(0.0, self._last + self.min_interval - time.monotonic())
            timer = threading.Timer(delay, self._fire, args=(weakref.ref(engine),))
            timer.daemon = True
            timer.name = "okno-change-hint"
            self._trailing = timer
        timer.start()

    def _fire(self, engine_ref: weakref.ref[Engine]) -> None:
        with self._lock:
            # cleared before sending: a commit returning from now on needs a hint of its own
            self._trailing = None
            self._last = time.monotonic()
            self.sent_trailing += 1
        engine = engine_ref()
        if engine is None:
            return
        try:
            with engine.connect() as conn:
                conn.execute(text(NOTIFY_SQL))
                conn.commit()
        except Exception as exc:  # listeners poll slowly as a safety net; nothing is lost
            log.warning("change hint not sent (listeners will catch up by polling): %s", exc)


@dataclass(frozen=True, slots=True)
class HintCounters:
    """How many wake-up hints this process sent to one database (monitoring, tests, bench)."""

    sent_inline: int
    sent_trailing: int
    trailing_pending: bool


def hint_counters(url: str) -> HintCounters:
    """Hints sent so far by this process to the database at ``url`` (zeros if none)."""
    limiter = _limiters.get(_database_key(make_url(url)))
    if limiter is None:
        return HintCounters(0, 0, False)
    with limiter._lock:
        return HintCounters(
            limiter.sent_inline, limiter.sent_trailing, limiter._trailing is not None
        )


@dataclass
class _EngineHints:
    key: tuple[str, str, int | None, str]
    limiter: _HintLimiter | None  # None: no NOTIFY (SQLite)


_engine_hints: weakref.WeakKeyDictionary[Engine, _EngineHints] = weakref.WeakKeyDictionary()
_limiters: dict[tuple[str, str, int | None, str], _HintLimiter] = {}
_local_listeners: dict[tuple[str, str, int | None, str], weakref.WeakSet[ChangeListener]] = {}
_registry_lock = threading.Lock()
_session_events_installed = False


def install_notify_hints(engine: Engine, *, min_interval: float = 0.1) -> None:
    """Make commits through ``engine`` that emitted outbox events wake the change listeners:
    ``NOTIFY okno_changes`` on PostgreSQL (rate-limited to one per ``min_interval`` per database
    in this process, with a trailing hint), and an immediate wake-up of listeners in this
    process on every backend. Idempotent."""
    global _session_events_installed
    key = _database_key(engine.url)
    with _registry_lock:
        limiter = None
        if engine.dialect.name == "postgresql":
            limiter = _limiters.setdefault(key, _HintLimiter(min_interval))
        _engine_hints[engine] = _EngineHints(key, limiter)
        if not _session_events_installed:
            event.listen(Session, "before_commit", _before_commit)
            event.listen(Session, "after_commit", _after_commit)
            event.listen(Session, "after_transaction_end", _after_transaction_end)
            _session_events_installed = True


def _hints_for(session: Session) -> tuple[Engine, _EngineHints] | None:
    try:
        bind = session.get_bind()
    except Exception:  # a session with per-mapper binds or none: not ours to hint
        return None
    engine = bind if isinstance(bind, Engine) else bind.engine
    hints = _engine_hints.get(engine)
    return None if hints is None else (engine, hints)


def _before_commit(session: Session) -> None:
    if not session.info.get(EMITTED_FLAG):
        return
    found = _hints_for(session)
    if found is None or found[1].limiter is None:
        return
    if found[1].limiter.try_acquire():
        # inside the transaction: PostgreSQL delivers it at commit, and only if it commits
        session.execute(_NOTIFY)
    else:
        session.info[_DEFERRED_FLAG] = True


def _after_commit(session: Session) -> None:
    emitted = session.info.pop(EMITTED_FLAG, False)
    deferred = session.info.pop(_DEFERRED_FLAG, False)
    if not emitted:
        return
    found = _hints_for(session)
    if found is None:
        return
    _committed(*found, deferred=deferred)


def _committed(engine: Engine, hints: _EngineHints, *, deferred: bool) -> None:
    """After a commit that wrote outbox rows has returned: the trailing hint it asked for, and
    the wake-up of the listeners in this process."""
    if deferred and hints.limiter is not None:
        hints.limiter.defer(engine)
    for listener in list(_local_listeners.get(hints.key, ())):
        listener.wake()


def _after_transaction_end(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:  # the root transaction ended (commit or rollback)
        session.info.pop(EMITTED_FLAG, None)
        session.info.pop(_DEFERRED_FLAG, None)


@contextlib.contextmanager
def begin_hinted(engine: Engine) -> Iterator[Connection]:
    """``engine.begin()`` for Core writers of outbox events (``app.outbox.emit_core``): commits
    on success, rolls back on an exception, and a commit that wrote events wakes the change
    listeners exactly as a Session's commit does (rate-limited NOTIFY inside the transaction,
    or a trailing hint after it; the in-process wake-up after it). A rollback sends nothing.

    A Core Connection has no after-commit event, hence a context manager rather than hooks."""
    hints = _engine_hints.get(engine)
    with engine.connect() as conn:
        # connection.info belongs to the pooled DBAPI connection and outlives this checkout:
        # start clean and never leave the flag behind for the next user of the connection
        info = conn.info
        info.pop(EMITTED_FLAG, None)
        try:
            deferred = False
            with conn.begin():
                yield conn
                if info.get(EMITTED_FLAG) and hints is not None and hints.limiter is not None:
                    if hints.limiter.try_acquire():
                        conn.execute(_NOTIFY)  # delivered at commit, and only if it commits
                    else:
                        deferred = True
            if info.get(EMITTED_FLAG) and hints is not None:
                _committed(engine, hints, deferred=deferred)
        finally:
            info.pop(EMITTED_FLAG, None)


def _register_local(listener: ChangeListener, key: tuple[str, str, int | None, str]) -> None:
    with _registry_lock:
        _local_listeners.setdefault(key, weakref.WeakSet()).add(listener)


def _unregister_local(listener: ChangeListener, key: tuple[str, str, int | None, str]) -> None:
    with _registry_lock:
        _local_listeners.get(key, weakref.WeakSet()).discard(listener)


# --- gap-aware position in the outbox -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Snapshot:
    """``pg_current_snapshot()``: transactions with xid < xmin are over, those in xip run."""

    xmin: int
    xmax: int
    xip: frozenset[int]

    @classmethod
    def parse(cls, value: str) -> _Snapshot:
        xmin, xmax, xip = value.split(":")
        return cls(int(xmin), int(xmax), frozenset(int(x) for x in xip.split(",") if x))

    def finished(self, xid: int) -> bool:
        return xid < self.xmin or (xid < self.xmax and xid not in self.xip)


@dataclass
class _Gap:
    """Ids ``start..end`` not visible although a higher one is."""

    start: int
    end: int
    seen_at: float
    # transactions in progress when the gap was seen: one of them may hold the missing ids
    waiting_for: frozenset[int] | None = None


class _FeedCursor:
    """Bookkeeping of one listener's position (no I/O, so it is tested on its own).

    ``high`` is the highest id read; ``gaps`` are unseen ids below it that may still commit;
    ``held`` are events read but not delivered yet because a younger gap is below them."""

    def __init__(self, last_id: int, *, track_gaps: bool, hold: float, grace: float) -> None:
        self.high = last_id
        self.track_gaps = track_gaps
        self.hold = hold
        self.grace = grace
        self.gaps: list[_Gap] = []
        self.held: list[ChangeEvent] = []

    @property
    def position(self) -> int:
        """Every id up to this one has been delivered or will never exist: a consumer that
        restarts from here misses nothing (it may see events above it a second time)."""
        bounds = [self.high]
        if self.gaps:
            bounds.append(self.gaps[0].start - 1)
        if self.held:
            bounds.append(self.held[0].id - 1)
        return min(bounds)

    def absorb_new(self, events: Sequence[ChangeEvent], now: float) -> None:
        """Events with ids above ``high``, ascending."""
        for e in events:
            if e.id <= self.high:
                continue
            if self.track_gaps and e.id > self.high + 1:
                self.gaps.append(_Gap(self.high + 1, e.id - 1, now))
            self.held.append(e)
            self.high = e.id

    def absorb_filled(self, events: Iterable[ChangeEvent]) -> None:
        """Events found inside gaps: they committed late."""
        for e in events:
            for i, gap in enumerate(self.gaps):
                if gap.start <= e.id <= gap.end:
                    parts = [
                        _Gap(s, t, gap.seen_at, gap.waiting_for)
                        for s, t in ((gap.start, e.id - 1), (e.id + 1, gap.end))
                        if s <= t
                    ]
                    self.gaps[i : i + 1] = parts
                    bisect.insort(self.held, e, key=lambda x: x.id)
                    break

    def settle(self, snapshot: _Snapshot, now: float) -> None:
        """Forget gaps proven to be rolled-back ids. ``snapshot`` must be taken *before* the
        read of the gaps that preceded this call, so a holder that committed before it was seen
        by that read."""
        kept = []
        for gap in self.gaps:
            if gap.waiting_for is None:
                gap.waiting_for = snapshot.xip
                kept.append(gap)
            elif now - gap.seen_at >= self.grace and all(
                snapshot.finished(x) for x in gap.waiting_for
            ):
                continue  # every possible holder has ended and the ids never appeared
            else:
                kept.append(gap)
        self.gaps = kept

    def take_deliverable(self, now: float) -> list[ChangeEvent]:
        """Held events no young gap is in front of, ascending."""
        holding = [g.start for g in self.gaps if now - g.seen_at < self.hold]
        first_block = min(holding) if holding else None
        count = 0
        for e in self.held:
            if first_block is not None and e.id > first_block:
                break
            count += 1
        out, self.held = self.held[:count], self.held[count:]
        return out

    def next_deadline(self, now: float) -> float | None:
        """When the oldest young gap stops holding events back (monotonic time), if any."""
        young = [g.seen_at + self.hold for g in self.gaps if g.seen_at + self.hold > now]
        return min(young) if young else None


# --- the listener --------------------------------------------------------------------------------

_SELECT_EVENTS = (
    "SELECT id, topic, aggregate, aggregate_id, payload, actor_id, created_at "
    "FROM outbox_events WHERE id > %s ORDER BY id LIMIT %s"
)
_SELECT_END = "SELECT coalesce(max(id), 0) FROM outbox_events"
_MAX_GAP_RANGES = 100  # per read; older ranges first, the rest next time


class ChangeListener:
    """A background thread that delivers every committed outbox event once to ``on_events``
    (called in the listener's thread with a list of :class:`ChangeEvent`, ascending ids).

    PostgreSQL: one dedicated autocommit connection LISTENs to ``okno_changes``; each wake-up
    (coalesced) reads the outbox after the last seen id; the listener also reads every
    ``safety_interval`` seconds in case a hint was lost. After the connection drops it
    reconnects with backoff (``reconnect_delays``) and catches up by id. SQLite: reads every
    ``poll_interval`` seconds, and at once when this process commits an event.

    ``last_id=None`` starts at the current end of the outbox (only changes from now on).
    ``local_wakeups=False`` ignores commits of this process unless a NOTIFY or a poll reports
    them (benchmarks and tests of the NOTIFY path).
    Qt-free; the UI wraps it and forwards batches to the main thread."""

    def __init__(
        self,
        url: str,
        on_events: Callable[[list[ChangeEvent]], None],
        *,
        last_id: int | None = None,
        batch_size: int = 500,
        poll_interval: float = 0.5,
        safety_interval: float = 5.0,
        gap_hold: float = 0.25,
        gap_grace: float = 1.0,
        reconnect_delays: Sequence[float] = (0.05, 0.1, 0.25, 0.5, 1.0),
        on_connection: Callable[[bool], None] | None = None,
        local_wakeups: bool = True,
        name: str = "okno-change-listener",
    ) -> None:
        self.url = url
        self._url = make_url(url)
        self._is_pg = self._url.get_backend_name() == "postgresql"
        self._on_events = on_events
        self._on_connection = on_connection
        self._start_id = last_id
        self._batch = batch_size
        self._poll_interval = poll_interval
        self._safety_interval = safety_interval
        self._gap_hold = gap_hold
        self._gap_grace = gap_grace
        self._delays = tuple(reconnect_delays) or (1.0,)
        self._name = name
        self._local_wakeups = local_wakeups
        self._key = _database_key(self._url)
        self._cursor: _FeedCursor | None = None
        self._stop = threading.Event()
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._wake_w.setblocking(False)
        self._thread: threading.Thread | None = None
        self._backend_pid: int | None = None
        self._connected = False
        self._delivered = 0
        self._reconnects = 0
        self._ready = threading.Event()

    # -- public state --

    @property
    def position(self) -> int | None:
        """Every event up to this id has been delivered (None before the first read)."""
        cursor = self._cursor
        return None if cursor is None else cursor.position

    @property
    def backend_pid(self) -> int | None:
        """PostgreSQL pid of the LISTEN connection while connected (for monitoring, tests)."""
        return self._backend_pid

    @property
    def connected(self) -> bool:
        return self._connected

    @property
    def delivered(self) -> int:
        return self._delivered

    @property
    def reconnects(self) -> int:
        return self._reconnects

    # -- life cycle --

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("ChangeListener already started")
        if self._local_wakeups:
            _register_local(self, self._key)
        self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
        self._thread.start()

    def wait_ready(self, timeout: float | None = None) -> bool:
        """Block until the listener has its start position (and, on PostgreSQL, LISTENs)."""
        return self._ready.wait(timeout)

    def stop(self, timeout: float | None = 5.0) -> None:
        """Stop the thread and close the connection; idempotent."""
        self._stop.set()
        self.wake()
        if self._thread is not None:
            self._thread.join(timeout)
        _unregister_local(self, self._key)
        for sock in (self._wake_r, self._wake_w):
            sock.close()

    def wake(self) -> None:
        """Read now (thread-safe; used for commits made in this process)."""
        with contextlib.suppress(OSError):  # already woken (buffer full) or closed
            self._wake_w.send(b"\0")

    # -- the thread --

    def _run(self) -> None:
        try:
            if self._is_pg:
                self._run_postgresql()
            else:
                self._run_polling()
        finally:
            self._set_connected(False)
            self._ready.set()  # never leave a waiter hanging

    def _set_connected(self, value: bool) -> None:
        if value == self._connected:
            return
        self._connected = value
        if self._on_connection is not None:
            try:
                self._on_connection(value)
            except Exception:
                log.exception("change listener: on_connection callback failed")

    def _drain_wake(self) -> None:
        with contextlib.suppress(OSError):  # BlockingIOError: nothing (more) to read
            while self._wake_r.recv(4096):
                pass

    def _wait(self, timeout: float, conn: psycopg.Connection[Any] | None = None) -> None:
        """Sleep until a NOTIFY, a wake-up, stop() or the timeout, whichever comes first."""
        with selectors.DefaultSelector() as selector:
            selector.register(self._wake_r, selectors.EVENT_READ)
            if conn is not None:
                selector.register(conn.fileno(), selectors.EVENT_READ)
            selector.select(max(0.0, timeout))

    def _deliver(self, events: list[ChangeEvent]) -> None:
        for i in range(0, len(events), self._batch):
            batch = events[i : i + self._batch]
            try:
                self._on_events(batch)
            except Exception:  # a consumer's bug must not stop the feed for everyone else
                log.exception(
                    "change listener: on_events failed for ids %s..%s", batch[0].id, batch[-1].id
                )
            self._delivered += len(batch)

    def _timeout(self, base: float) -> float:
        now = time.monotonic()
        deadline = self._cursor.next_deadline(now) if self._cursor is not None else None
        if deadline is None:
            return base
        # a young gap: look again soon (its commit may come with a rate-limited hint)
        return max(0.0, min(base, deadline - now, 0.05))

    # SQLite (and any backend without NOTIFY): poll.

    def _run_polling(self) -> None:
        from app.db import get_engine

        engine = get_engine(self.url)
        failures = 0
        while not self._stop.is_set():
            try:
                with engine.connect() as conn:
                    if self._cursor is None:
                        start = self._start_id
                        if start is None:
                            start = conn.scalar(select(func.coalesce(func.max(_outbox.c.id), 0)))
                        self._cursor = _FeedCursor(
                            int(start or 0), track_gaps=False, hold=0.0, grace=0.0
                        )
                        self._ready.set()
                    self._set_connected(True)
                    self._drain_wake()
                    while True:
                        events = _read_after_connection(conn, self._cursor.high, self._batch)
                        conn.rollback()  # end the read transaction: do not pin a WAL snapshot
                        self._cursor.absorb_new(events, time.monotonic())
                        self._deliver(self._cursor.take_deliverable(time.monotonic()))
                        if len(events) < self._batch or self._stop.is_set():
                            break
                failures = 0
                self._wait(self._poll_interval)
            except Exception as exc:
                self._set_connected(False)
                delay = self._delays[min(failures, len(self._delays) - 1)]
                failures += 1
                log.warning("change listener: read failed (%s); retrying in %.2f s", exc, delay)
                self._stop.wait(delay)

    # PostgreSQL: LISTEN on a dedicated connection, read on it too.

    def _connect(self) -> psycopg.Connection[Any]:
        conninfo = self._url.set(drivername="postgresql").render_as_string(hide_password=False)
        conn = psycopg.connect(
            conninfo,
            autocommit=True,
            connect_timeout=5,
            # notice a dead server or network within seconds, not the kernel's two hours
            keepalives=1,
            keepalives_idle=5,
            keepalives_interval=2,
            keepalives_count=3,
            application_name=self._name,
        )
        conn.execute(f"LISTEN {CHANNEL}")
        return conn

    def _run_postgresql(self) -> None:
        failures = 0
        while not self._stop.is_set():
            conn: psycopg.Connection[Any] | None = None
            try:
                conn = self._connect()
                self._backend_pid = conn.info.backend_pid
                if self._cursor is None:
                    start = self._start_id
                    if start is None:
                        row = conn.execute(
                            "SELECT coalesce(max(id), 0) FROM outbox_events"
                        ).fetchone()
                        start = int(row[0]) if row else 0
                    self._cursor = _FeedCursor(
                        start, track_gaps=True, hold=self._gap_hold, grace=self._gap_grace
                    )
                else:
                    self._reconnects += 1
                self._set_connected(True)
                self._ready.set()
                failures = 0
                # LISTEN came first, so whatever commits from now on also wakes us up; this
                # read catches up with everything committed while we were away
                self._pg_cycle(conn)
                last_read = time.monotonic()
                while not self._stop.is_set():
                    # hints that came while we were reading (psycopg keeps a backlog) or since
                    woke = sum(1 for _ in conn.notifies(timeout=0)) > 0
                    if not woke:
                        wait = self._safety_interval - (time.monotonic() - last_read)
                        self._wait(self._timeout(wait), conn)
                        # consume (coalesce) every hint that arrived meanwhile
                        for _ in conn.notifies(timeout=0):
                            pass
                    if self._stop.is_set():
                        break
                    self._drain_wake()
                    self._pg_cycle(conn)
                    last_read = time.monotonic()
            except Exception as exc:
                if self._stop.is_set():
                    break
                delay = self._delays[min(failures, len(self._delays) - 1)]
                failures += 1
                if isinstance(exc, psycopg.Error):
                    log.warning(
                        "change listener: connection lost (%s); reconnecting in %.2f s",
                        str(exc).strip() or type(exc).__name__,
                        delay,
                    )
                else:  # a bug, but the feed must go on: log it and start over by id
                    log.exception("change listener failed; restarting in %.2f s", delay)
                self._set_connected(False)
                self._stop.wait(delay)
            finally:
                self._backend_pid = None
                if conn is not None:
                    conn.close()

    def _pg_cycle(self, conn: psycopg.Connection[Any]) -> None:
        cursor = self._cursor
        assert cursor is not None
        while not self._stop.is_set():
            rows = conn.execute(_SELECT_EVENTS, (cursor.high, self._batch), prepare=True).fetchall()
            now = time.monotonic()
            cursor.absorb_new([_event(*r) for r in rows], now)
            if cursor.gaps:
                row = conn.execute("SELECT pg_current_snapshot()::text").fetchone()
                snapshot = _Snapshot.parse(row[0]) if row else None
                cursor.absorb_filled(self._pg_read_gaps(conn, cursor.gaps))
                if snapshot is not None:
                    cursor.settle(snapshot, now)
            self._deliver(cursor.take_deliverable(time.monotonic()))
            if len(rows) < self._batch:
                return

    @staticmethod
    def _pg_read_gaps(conn: psycopg.Connection[Any], gaps: Sequence[_Gap]) -> list[ChangeEvent]:
        ranges = gaps[:_MAX_GAP_RANGES]
        where = " OR ".join("id BETWEEN %s AND %s" for _ in ranges)
        params: list[int] = []
        for gap in ranges:
            params += [gap.start, gap.end]
        rows = conn.execute(
            "SELECT id, topic, aggregate, aggregate_id, payload, actor_id, created_at "
            f"FROM outbox_events WHERE {where} ORDER BY id",
            params,
        ).fetchall()
        return [_event(*r) for r in rows]
