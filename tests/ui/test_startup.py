"""Console start-up: migrate SQLite, refuse a PostgreSQL schema that is not at head, open the
window end to end."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from app import migrations
from app.config import load_config
from app.db import session_scope
from tests import factories as f
from tests import pg
from tests.ui.conftest import add_orders
from ui.main import ConsoleLauncher, run_console
from ui.startup import StartupError, prepare_database

pytestmark = pytest.mark.ui


@pytest.fixture
def empty_postgresql() -> Iterator[str]:
    """A PostgreSQL database with no Okno schema at all."""
    url = pg.create_database("okno_startup")
    yield url
    pg.drop_database(url)


def test_a_fresh_sqlite_file_is_migrated_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    steps: list[str] = []
    first = prepare_database(load_config(url), demo=False, progress=steps.append)
    assert first.migrated and not first.seeded
    assert migrations.current_revision(url) == migrations.head_revision() == first.revision
    assert steps == ["Creating the database…"]
    again = prepare_database(load_config(url), demo=False, progress=steps.append)
    assert not again.migrated


def test_postgresql_behind_head_is_refused_with_the_command_to_run(
    empty_postgresql: str,
) -> None:
    with pytest.raises(StartupError, match="run: okno db upgrade") as refused:
        prepare_database(load_config(empty_postgresql), demo=False)
    assert "empty (no Okno schema)" in str(refused.value)
    assert migrations.current_revision(empty_postgresql) is None  # nothing was touched


def test_demo_never_seeds_postgresql(empty_postgresql: str) -> None:
    migrations.upgrade(empty_postgresql)
    report = prepare_database(load_config(empty_postgresql), demo=True)
    assert (report.migrated, report.seeded) == (False, False)


def test_unreachable_server_is_a_clear_message() -> None:
    url = "postgresql://okno@127.0.0.1:1/okno?connect_timeout=2"
    with pytest.raises(StartupError, match="Cannot connect to the database"):
        prepare_database(load_config(url), demo=False)


def test_the_launcher_shows_why_it_cannot_start(qtbot: Any, empty_postgresql: str) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    launcher = ConsoleLauncher(app, load_config(empty_postgresql), demo=False)
    launcher.start()
    qtbot.waitUntil(lambda: launcher.exit_code == 1)
    box = launcher.failure_box
    assert box.isVisible()
    assert "okno db upgrade" in box.text()
    assert launcher.window is not None and not launcher.window.isVisible()
    box.close()
    launcher.close()
    app.setQuitOnLastWindowClosed(True)


def test_run_console_opens_the_window_with_orders(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_orders(db_url, 30)
    with session_scope(db_url) as s:
        f.user(s, "olga")  # password "secret"
    monkeypatch.setenv("OKNO_AUTOLOGIN", "olga:secret")  # the log-in dialog submits itself
    monkeypatch.setenv("OKNO_QUIT_WHEN_READY", "1")  # quit once the first page is shown
    assert run_console(db_url, demo=False) == 0


def test_demo_seeds_an_empty_sqlite_database_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.startup
    from app.db import session_scope
    from models import Order

    monkeypatch.setattr(ui.startup, "DEMO_CUSTOMERS", 30)  # the real 2000/5000 take seconds
    monkeypatch.setattr(ui.startup, "DEMO_ORDERS", 60)
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    steps: list[str] = []
    first = prepare_database(load_config(url), demo=True, progress=steps.append)
    assert (first.migrated, first.seeded) == (True, True)
    assert "Creating demo data…" in steps
    with session_scope(url) as s:
        assert s.query(Order).count() == 60
    again = prepare_database(load_config(url), demo=True)
    assert (again.migrated, again.seeded) == (False, False)  # never seeded twice


def test_run_console_demo_opens_on_seeded_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.startup

    monkeypatch.setattr(ui.startup, "DEMO_CUSTOMERS", 30)
    monkeypatch.setattr(ui.startup, "DEMO_ORDERS", 60)
    monkeypatch.setenv("OKNO_DATA_DIR", str(tmp_path))  # the embedded default lives here
    monkeypatch.setenv("OKNO_AUTOLOGIN", "operator1:demo")  # a demo account
    monkeypatch.setenv("OKNO_QUIT_WHEN_READY", "1")
    assert run_console(None, demo=True) == 0
    assert (tmp_path / "okno.sqlite3").exists()
    assert (tmp_path / "console.ini").exists()  # the window saved its layout on close


def test_declared_head_matches_alembic_and_gives_up_on_anything_unusual(tmp_path: Path) -> None:
    from ui.startup import declared_head

    assert declared_head() == migrations.head_revision()
    (tmp_path / "a.py").write_text('revision: str = "a"\ndown_revision: str | None = None\n')
    (tmp_path / "b.py").write_text("revision = 'b'\ndown_revision = 'a'\n")
    assert declared_head(tmp_path) == "b"
    (tmp_path / "c.py").write_text("revision = 'c'\ndown_revision = ('a', 'b')\n")
    assert declared_head(tmp_path) is None  # a merge: let Alembic decide
    (tmp_path / "c.py").write_text("revision = 'c'\ndown_revision = 'a'\n")
    assert declared_head(tmp_path) is None  # two heads


def test_a_sqlite_file_behind_head_is_upgraded(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    migrations.upgrade(url, "0002")
    steps: list[str] = []
    report = prepare_database(load_config(url), demo=False, progress=steps.append)
    assert report.migrated and steps == ["Updating the database…"]
    assert migrations.current_revision(url) == migrations.head_revision()


def test_an_unusable_database_url_is_a_message_not_a_traceback(qtbot: Any) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    launcher = ConsoleLauncher(app, load_config("nosuchdb://okno:s3cret@db.example/okno"), False)
    launcher.start()
    assert launcher.exit_code == 1
    text = launcher.failure_box.text()
    assert "cannot use the database address" in text and "db.example/okno" in text
    assert "s3cret" not in text
    launcher.failure_box.close()
    launcher.close()
