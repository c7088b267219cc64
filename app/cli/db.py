"""``okno db ...``: schema migrations."""

from __future__ import annotations

import argparse
from typing import Any

from app import migrations
from app.config import load_config


def register(sub: Any) -> None:
    p = sub.add_parser("db", help="database schema (Alembic migrations)")
    dbsub = p.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    up = dbsub.add_parser("upgrade", help="apply migrations (default: to the newest)")
    up.add_argument("revision", nargs="?", default="head")
    up.set_defaults(handler=_upgrade)
    down = dbsub.add_parser("downgrade", help="revert migrations to REVISION")
    down.add_argument("revision")
    down.set_defaults(handler=_downgrade)
    cur = dbsub.add_parser("current", help="print the applied revision")
    cur.set_defaults(handler=_current)


def _upgrade(args: argparse.Namespace) -> int:
    config = load_config(args.database_url)
    migrations.upgrade(config.database_url, args.revision)
    print(f"database at {migrations.current_revision(config.database_url)}: {_safe(config)}")
    return 0


def _downgrade(args: argparse.Namespace) -> int:
    config = load_config(args.database_url)
    migrations.downgrade(config.database_url, args.revision)
    print(f"database at {migrations.current_revision(config.database_url)}")
    return 0


def _current(args: argparse.Namespace) -> int:
    config = load_config(args.database_url)
    print(migrations.current_revision(config.database_url) or "(empty)")
    return 0


def _safe(config: Any) -> str:
    from sqlalchemy.engine import make_url

    return make_url(config.database_url).render_as_string(hide_password=True)
