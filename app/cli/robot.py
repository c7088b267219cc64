"""``okno robot ...``: the auto-approval robot's tools."""

from __future__ import annotations

import argparse
from decimal import Decimal, InvalidOperation
from typing import Any

from app.cli.common import parse_instant, print_json
from app.config import load_config
from app.db import session_scope
from app.robot import backtest


def register(sub: Any) -> None:
    p = sub.add_parser("robot", help="the auto-approval robot")
    rsub = p.add_subparsers(dest="robot_command", metavar="ACTION", required=True)
    bt = rsub.add_parser(
        "backtest", help="how many past orders each threshold would have auto-confirmed"
    )
    bt.add_argument(
        "--threshold",
        action="append",
        required=True,
        metavar="RUB",
        help="order total limit to try (repeat the flag to compare several)",
    )
    bt.add_argument("--since", help="only orders created since this date (ISO-8601)")
    bt.add_argument("--json", action="store_true")
    bt.set_defaults(handler=_backtest)


def _backtest(args: argparse.Namespace) -> int:
    try:
        thresholds = [Decimal(t) for t in args.threshold]
    except InvalidOperation:
        print(f"okno: error: --threshold must be a number, got {args.threshold}")
        return 2
    config = load_config(args.database_url)
    since = parse_instant(args.since) if args.since else None
    with session_scope(config.database_url) as session:
        result = backtest(session, thresholds, since)
    if args.json:
        print_json(result)
    else:
        print(f"orders considered: {result['orders_considered']}")
        for row in result["results"]:
            print(f"  < {row['threshold']:>10} RUB: {row['auto_confirmed']} ({row['share']:.1%})")
    return 0
