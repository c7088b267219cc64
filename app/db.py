"""Engines and sessions: one Engine and one sessionmaker per URL, created once.

A session belongs to one user action (``with session_scope(url) as s: ...``); repositories and
services take the session as an argument and never commit on their own."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event
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
    kwargs.setdefault("pool_pre_ping", True)  # survive a database restart (T11)
    # A server that drops packets instead of refusing must not hang an operator's save for the
    # kernel's TCP timeout: fail fast, the UI keeps the edit as a draft and retries.
    connect_args = kwargs.setdefault("connect_args", {})
    connect_args.setdefault("connect_timeout", 5)
    if "poolclass" not in kwargs:
        kwargs.setdefault("pool_size", 5)
        kwargs.setdefault("max_overflow", 10)
    engine = create_engine(url, **kwargs)
    _install_change_hints(engine)
    return engine


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
