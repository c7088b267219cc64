"""Engines and sessions: one Engine and one sessionmaker per URL, created once.

A session belongs to one user action (``with session_scope(url) as s: ...``); repositories and
services take the session as an argument and never commit on their own."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.orm import Session, sessionmaker

_lock = threading.Lock()
_engines: dict[str, Engine] = {}
_sessionmakers: dict[str, sessionmaker[Session]] = {}


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets the console read while the in-process worker writes; foreign keys are off in
    # SQLite unless asked for on every connection; busy_timeout waits instead of failing.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
    # SQLite's own lower()/upper() only fold ASCII; Russian names must match case-insensitively
    # exactly as they do on PostgreSQL.
    dbapi_connection.create_function("lower", 1, _unicode_lower, deterministic=True)
    dbapi_connection.create_function("upper", 1, _unicode_upper, deterministic=True)


def _unicode_lower(value: Any) -> Any:
    return value.lower() if isinstance(value, str) else value


def _unicode_upper(value: Any) -> Any:
    return value.upper() if isinstance(value, str) else value


def _sqlite_begin(conn: Any) -> None:
    # pysqlite's own transaction handling defers BEGIN and breaks SAVEPOINTs; take it over so
    # writers take the write lock up front (no "database is locked" deadlock on upgrade).
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str, **kwargs: Any) -> Engine:
    """Build a new engine with Okno's per-dialect set-up (callers normally use get_engine)."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False}, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)

        @event.listens_for(engine, "connect")
        def _no_pysqlite_tx(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.isolation_level = None

        event.listen(engine, "begin", _sqlite_begin)
        _install_change_hints(engine)
        return engine
    # Survive a database restart (T11): a pooled connection is pinged before use, but only when
    # it has been idle a while (see _ping_when_idle); pool_pre_ping=True pings on every checkout.
    ping_when_idle = not kwargs.get("pool_pre_ping", False)
    # A server that drops packets instead of refusing must not hang an operator's save for the
    # kernel's TCP timeout: fail fast, the UI keeps the edit as a draft and retries.
    connect_args = kwargs.setdefault("connect_args", {})
    connect_args.setdefault("connect_timeout", 5)
    if "poolclass" not in kwargs:
        kwargs.setdefault("pool_size", 5)
        kwargs.setdefault("max_overflow", 10)
    engine = create_engine(url, **kwargs)
    if ping_when_idle and "poolclass" not in kwargs:
        _ping_when_idle(engine)
    _install_change_hints(engine)
    return engine


# A connection back in the pool less than this long ago is taken as alive without a ping. A ping
# on every checkout is one more round trip for every short transaction: "take next" made 10
# round trips instead of 9 (bench/bench_claim.py, T2). A database that restarts within this
# second fails one operation, which the console retries like any lost connection.
PING_AFTER_IDLE_SECONDS = 1.0
_CHECKED_IN = "okno_checked_in_at"


def _ping_when_idle(engine: Engine) -> None:
    """SQLAlchemy's pessimistic disconnect handling, limited to connections that sat idle."""

    @event.listens_for(engine, "checkin")
    def _checked_in(_dbapi_connection: Any, record: Any) -> None:
        record.info[_CHECKED_IN] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _checked_out(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        since = record.info.get(_CHECKED_IN)
        if since is not None and time.monotonic() - since < PING_AFTER_IDLE_SECONDS:
            return
        try:
            alive = engine.dialect.do_ping(dbapi_connection)
        except Exception as exc:  # the driver's error for a dead connection
            raise DisconnectionError(f"pooled connection is dead: {exc}") from exc
        if not alive:
            raise DisconnectionError("pooled connection did not answer the ping")


def _install_change_hints(engine: Engine) -> None:
    # Commits that emitted outbox events wake the change listeners (NOTIFY on PostgreSQL,
    # in-process wake-up everywhere): see app/change_feed.py. Imported here because
    # app.change_feed itself uses this module.
    from app.change_feed import install_notify_hints

    install_notify_hints(engine)


def get_engine(url: str) -> Engine:
    with _lock:
        engine = _engines.get(url)
        if engine is None:
            engine = _engines[url] = make_engine(url)
            _sessionmakers[url] = sessionmaker(engine, expire_on_commit=False)
        return engine


def get_sessionmaker(url: str) -> sessionmaker[Session]:
    get_engine(url)
    return _sessionmakers[url]


@contextmanager
def session_scope(url: str) -> Iterator[Session]:
    """A session for one unit of work: commit on success, roll back on any error."""
    session = get_sessionmaker(url)()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def dispose_all() -> None:
    with _lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()
        _sessionmakers.clear()
