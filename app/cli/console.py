"""``okno console``: open the Qt window (the only CLI module that reaches into ui/)."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser("console", help="open the operator console window")
    p.add_argument(
        "--demo",
        action="store_true",
        help="on the embedded database: migrate and seed demo data first if it is empty",
    )
    p.set_defaults(handler=_console)


def _console(args: argparse.Namespace) -> int:
    # Imported here so that every other subcommand runs without loading Qt.
    from ui.main import run_console

    return run_console(database_url=args.database_url, demo=args.demo)
