"""Throwaway PostgreSQL databases for tests: created on the server named by
``OKNO_TEST_DATABASE_URL`` (default: the local trust-auth server) and dropped afterwards.

Under ``CI=true`` an unreachable server is a failure, never a skip."""

from __future__ import annotations

import os
import uuid

import psycopg
import pytest
from sqlalchemy.engine import make_url

DEFAULT_SERVER_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def server_url() -> str:
    url = os.environ.get("OKNO_TEST_DATABASE_URL", DEFAULT_SERVER_URL)
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def _libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def require_server() -> str:
    url = server_url()
    try:
        with psycopg.connect(_libpq(url), connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except psycopg.OperationalError as exc:
        message = f"PostgreSQL test server not reachable at {make_url(url)!r}: {exc}"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " (CI=true: database tests must run)", pytrace=False)
        pytest.skip(message)
    return url


def create_database(prefix: str = "okno_test") -> str:
    """Create an empty database and return its SQLAlchemy URL."""
    server = require_server()
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_libpq(server), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return make_url(server).set(database=name).render_as_string(hide_password=False)


def drop_database(url: str) -> None:
    from app.db import _engines

    engine = _engines.pop(url, None)
    if engine is not None:
        engine.dispose()
    name = make_url(url).database
    with psycopg.connect(_libpq(server_url()), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
