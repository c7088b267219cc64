"""The Alembic chain is the schema: it must build exactly the models, be linear and reversible."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, select

import models
from app import migrations
from app.db import get_engine
from tests import pg


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
        yield url
        get_engine(url).dispose()
    else:
        url = pg.create_database("okno_mig")
        try:
            yield url
        finally:
            pg.drop_database(url)


def test_upgrade_head_gives_exactly_the_models_schema(empty_url: str) -> None:
    migrations.upgrade(empty_url)
    with get_engine(empty_url).connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, models.Base.metadata)
    assert diff == [], f"models and migrations disagree: {diff}"
    assert migrations.current_revision(empty_url) == migrations.head_revision()


def test_downgrade_to_base_removes_everything_and_upgrade_again_works(empty_url: str) -> None:
    migrations.upgrade(empty_url)
    migrations.downgrade(empty_url, "base")
    tables = set(inspect(get_engine(empty_url)).get_table_names()) - {"alembic_version"}
    assert tables == set()
    migrations.upgrade(empty_url)
    with get_engine(empty_url).connect() as conn:
        codes = set(conn.scalars(select(models.Status.code)))
    assert {"new", "needs_confirmation", "no_answer", "confirmed", "cancelled"} <= codes


def test_revision_chain_is_linear() -> None:
    script = ScriptDirectory.from_config(migrations.alembic_config("sqlite://"))
    heads = script.get_heads()
    assert len(heads) == 1, f"several heads: {heads}"
    bases = script.get_bases()
    assert len(bases) == 1, f"several bases: {bases}"
    for revision in script.walk_revisions():
        down = revision.down_revision
        assert not isinstance(down, tuple | list), f"merge revision {revision.revision}"
        assert not revision.branch_labels


def test_every_status_has_a_group_and_every_transition_a_known_role(db_url: str) -> None:
    with get_engine(db_url).connect() as conn:
        statuses = conn.execute(select(models.Status.code, models.Status.group)).all()
        roles = set(conn.scalars(select(models.StatusTransition.role).distinct()))
    assert {code for code, _ in statuses} == {
        "new",
        "needs_confirmation",
        "no_answer",
        "confirmed",
        "assembling",
        "ready_for_pickup",
        "shipped",
        "completed",
        "cancelled",
        "returned",
    }
    assert roles == set(models.ALL_ROLES)
