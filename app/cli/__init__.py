"""``okno`` command line: one subcommand module per area, each with ``register(subparsers)``.

Exit codes: 0 success, 1 error, 2 usage, 3 partial success (some input rejected)."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence

from app.cli import (
    capsules,
    console,
    customers,
    db,
    demo,
    kpi,
    orders,
    robot,
    telephony,
    users,
    worker,
)

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_PARTIAL = 3

_MODULES = [db, demo, users, orders, customers, capsules, kpi, robot, telephony, worker, console]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="okno", description="Okno: the single-window CRM console for retail call centers."
    )
    parser.add_argument(
        "--database-url",
        metavar="URL",
        help="database to use (default: $OKNO_DATABASE_URL, else the embedded SQLite file)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in _MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the CLI's last line of defence: a message, not a traceback
        if args.verbose:
            raise
        print(f"okno: error: {exc}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
