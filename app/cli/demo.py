"""``okno demo seed``: deterministic demo data (see app/demo/)."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from app.config import load_config


def _anchor(text: str) -> dt.datetime:
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"--now {text!r}: expected an ISO date-time such as 2025-06-01T12:00:00+00:00"
        ) from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)  # a bare date-time on the command line means UTC
    return value


def _count(text: str) -> int:
    try:
        value = int(text.replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} must not be negative")
    return value


def register(sub: Any) -> None:
    p = sub.add_parser("demo", help="demo data")
    dsub = p.add_subparsers(dest="demo_command", metavar="ACTION", required=True)
    seed = dsub.add_parser(
        "seed",
        help="fill an empty database with deterministic demo data",
        description=(
            "Fill an empty database with deterministic demo data: users (password 'demo'), "
            "stores, a catalogue sized to the customer count, capsules, customers and 18 months "
            "of orders. Same --seed and --now give the same data. Refuses a database that "
            "already holds orders, customers or a catalogue."
        ),
    )
    seed.add_argument("--customers", type=_count, default=2000, metavar="N")
    seed.add_argument("--orders", type=_count, default=5000, metavar="N")
    seed.add_argument("--seed", type=int, default=42, help="random seed (same seed, same data)")
    seed.add_argument(
        "--now",
        type=_anchor,
        metavar="ISO",
        help="the moment the data set is anchored to (default: the start of the current hour, "
        "UTC); pass it to reproduce a data set exactly",
    )
    seed.set_defaults(handler=_seed)


def _seed(args: argparse.Namespace) -> int:
    from app import migrations
    from app.demo.seed import seed_demo

    config = load_config(args.database_url)
    migrations.upgrade(config.database_url)
    seed_demo(
        config.database_url,
        customers=args.customers,
        orders=args.orders,
        seed=args.seed,
        now=args.now,
    )
    return 0
