"""The connection pool on PostgreSQL: a pooled connection that died while idle (a database
restart, a killed backend) is replaced before use, without the caller seeing an error; one
used a moment ago is not pinged (one round trip fewer on every short transaction)."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy import Engine, text

from app import db
from tests import pg


@pytest.fixture
def pg_engine() -> Iterator[Engine]:
    url = pg.create_database("okno_pool")
    engine = db.make_engine(url, pool_size=1, max_overflow=0)
    try:
        yield engine
    finally:
        engine.dispose()
        pg.drop_database(url)


def _backend_pid(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text("SELECT pg_backend_pid()")).scalar_one())


def _pings(engine: Engine) -> list[int]:
    seen: list[int] = []
    original = engine.dialect.do_ping

    def counting(dbapi_connection: object) -> bool:
        seen.append(1)
        return original(dbapi_connection)

    engine.dialect.do_ping = counting  # type: ignore[method-assign]
    return seen


def test_a_connection_killed_while_idle_is_replaced_before_use(
    pg_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _backend_pid(pg_engine)
    url = pg_engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (first,))
    monkeypatch.setattr(db, "PING_AFTER_IDLE_SECONDS", 0.0)  # it has been idle "long enough"
    second = _backend_pid(pg_engine)  # no error: the dead connection was swapped for a new one
    assert second != first


def test_a_connection_back_in_the_pool_a_moment_ago_is_not_pinged(pg_engine: Engine) -> None:
    pings = _pings(pg_engine)
    _backend_pid(pg_engine)  # a new connection: pinged once
    before = len(pings)
    for _ in range(5):
        _backend_pid(pg_engine)
    assert len(pings) == before


def test_an_idle_connection_is_pinged(pg_engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    pings = _pings(pg_engine)
    _backend_pid(pg_engine)
    monkeypatch.setattr(db, "PING_AFTER_IDLE_SECONDS", 0.0)
    before = len(pings)
    _backend_pid(pg_engine)
    assert len(pings) == before + 1
