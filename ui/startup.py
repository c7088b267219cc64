"""What the console does with the database before its window opens (runs on a worker thread).

* SQLite (the embedded default, or a file given by URL): migrate when the schema is fresh or
  behind; it is this workstation's own database, so nobody else has to be asked.
* PostgreSQL: never migrate from a console (hundreds of them share one database); refuse to
  start with a message naming the command to run if the schema is not at head.
* ``demo``: on SQLite, if there are no orders, fill it with deterministic demo data. Never on
  PostgreSQL: there ``okno demo seed`` is an explicit, separate decision.

No Qt here: the caller passes a ``progress`` callable and runs this off the UI thread."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import app
from app.config import Config

log = logging.getLogger(__name__)

DEMO_CUSTOMERS = 2000
DEMO_ORDERS = 5000


# Where app/migrations.py keeps the chain (not imported from there: that module loads Alembic).
VERSIONS_DIR = Path(app.__file__).resolve().parent.parent / "alembic" / "versions"
_REVISION = re.compile(r"^revision(?:\s*:\s*[\w| ]+)?\s*=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision(?:\s*:\s*[\w| ]+)?\s*=\s*(.+)$", re.M)


def declared_head(versions_dir: Path = VERSIONS_DIR) -> str | None:
    """The head of the migration chain read from the files' ``revision``/``down_revision``
    lines, without importing Alembic (~0.2 s of start-up). ``None`` when the files say anything
    unusual (a merge, a missing line, two heads): Alembic then decides."""
    revisions: set[str] = set()
    downs: set[str] = set()
    for path in versions_dir.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        revision, down = _REVISION.search(text), _DOWN.search(text)
        if revision is None or down is None:
            return None
        revisions.add(revision.group(1))
        value = down.group(1).strip()
        if value != "None":
            quoted = re.fullmatch(r"['\"]([^'\"]+)['\"]", value)
            if quoted is None:
                return None  # a tuple: a merge revision
            downs.add(quoted.group(1))
    heads = revisions - downs
    return heads.pop() if len(heads) == 1 else None


def database_revision(url: str) -> tuple[str, ...]:
    """The revisions recorded in ``alembic_version`` (empty for a database without one)."""
    from sqlalchemy import inspect, text

    from app.db import get_engine

    with get_engine(url).connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return ()
        return tuple(r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version")))


class StartupError(Exception):
    """The console cannot start on this database; the message says what to do."""

    # shown to the operator as it is (ui.ops)
    user_facing = True


@dataclass(frozen=True, slots=True)
class StartupReport:
    """What ``prepare_database`` did."""

    migrated: bool
    seeded: bool
    revision: str | None


def prepare_database(
    config: Config, *, demo: bool, progress: Callable[[str], None] = log.info
) -> StartupReport:
    """Check (and on SQLite, bring up to date) the schema; seed demo data when asked."""
    # Imported here, on the worker thread; Alembic only when the schema is not plainly at head.
    from sqlalchemy import exc as sa_exc
    from sqlalchemy import select

    from app.db import session_scope
    from models import Order

    url = config.database_url
    sqlite = url.startswith("sqlite")
    try:
        recorded = database_revision(url)
    except sa_exc.OperationalError as exc:
        first_line = str(getattr(exc, "orig", exc)).splitlines()[0]
        raise StartupError(f"Cannot connect to the database: {first_line}") from exc
    head = declared_head()
    current: str | None
    if head is not None and recorded == (head,):
        current = head  # plainly at head: Alembic is not even imported
    else:
        from app import migrations

        current, head = migrations.current_revision(url), migrations.head_revision()
    migrated = False
    if current != head:
        if not sqlite:
            where = current or "empty (no Okno schema)"
            raise StartupError(
                f"The database schema is at revision {where}, this Okno needs {head}. "
                "Ask the administrator to run: okno db upgrade"
            )
        progress("Creating the database…" if current is None else "Updating the database…")
        from app import migrations

        migrations.upgrade(url)
        migrated = True

    seeded = False
    if demo:
        if not sqlite:
            log.warning("--demo only seeds an SQLite database; use `okno demo seed` for %s", url)
        else:
            with session_scope(url) as session:
                has_orders = session.execute(select(Order.id).limit(1)).first() is not None
            if not has_orders:
                from app.demo.seed import seed_demo

                progress("Creating demo data…")
                seed_demo(url, customers=DEMO_CUSTOMERS, orders=DEMO_ORDERS, progress=progress)
                seeded = True
    return StartupReport(migrated=migrated, seeded=seeded, revision=head)
