"""Shared fixtures. Every test that takes ``db_url`` runs twice: on SQLite and on PostgreSQL.

Each backend is migrated once per session (the real Alembic chain, not ``create_all``), and each
test gets empty business tables back afterwards (reference data from the migration stays)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

# Qt must never try to reach a display in tests; set before anything imports PySide6.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OKNO_DISABLE_SYSTEM_LOCALE", "1")

import pytest
from sqlalchemy import text

import models
from app import migrations
from app.db import get_engine
from tests import pg

# Filled by migrations, relied upon by the code: never wiped between tests.
REFERENCE_TABLES = {"statuses", "status_transitions", "message_templates", "alembic_version"}


@pytest.fixture(scope="session", autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory) -> None:
    # Never touch the developer's real embedded database or settings.
    os.environ["OKNO_DATA_DIR"] = str(tmp_path_factory.mktemp("okno-data"))
    os.environ.pop("OKNO_DATABASE_URL", None)


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def migrated_db(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('sqlite') / 'okno.sqlite3'}"
        migrations.upgrade(url)
        yield url
        get_engine(url).dispose()
    else:
        url = pg.create_database()
        try:
            migrations.upgrade(url)
            yield url
        finally:
            pg.drop_database(url)


def wipe(url: str) -> None:
    """Empty every business table (keeps the migration's reference data)."""
    engine = get_engine(url)
    tables = [t for t in models.Base.metadata.sorted_tables if t.name not in REFERENCE_TABLES]
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            names = ", ".join(f'"{t.name}"' for t in tables)
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in reversed(tables):
                conn.execute(table.delete())


@pytest.fixture
def db_url(migrated_db: str) -> Iterator[str]:
    """A migrated, empty database (SQLite and PostgreSQL in turn)."""
    yield migrated_db
    wipe(migrated_db)


@pytest.fixture
def backend(db_url: str) -> str:
    return "postgresql" if db_url.startswith("postgresql") else "sqlite"


@pytest.fixture
def repo_root() -> Path:
    return Path(__file__).resolve().parent.parent
