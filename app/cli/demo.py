"""``okno demo seed``: deterministic demo data (see app/demo/)."""

from __future__ import annotations

import argparse
from typing import Any

from app.config import load_config


def register(sub: Any) -> None:
    p = sub.add_parser("demo", help="demo data")
    dsub = p.add_subparsers(dest="demo_command", metavar="ACTION", required=True)
    seed = dsub.add_parser("seed", help="fill the database with deterministic demo data")
    seed.add_argument("--customers", type=int, default=2000)
    seed.add_argument("--orders", type=int, default=5000)
    seed.add_argument("--seed", type=int, default=42, help="random seed (same seed, same data)")
    seed.set_defaults(handler=_seed)


def _seed(args: argparse.Namespace) -> int:
    from app import migrations
    from app.demo.seed import seed_demo

    config = load_config(args.database_url)
    migrations.upgrade(config.database_url)
    seed_demo(config.database_url, customers=args.customers, orders=args.orders, seed=args.seed)
    return 0
