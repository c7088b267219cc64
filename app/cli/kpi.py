"""``okno kpi upsell --from DATE --to DATE [--json]``: per-operator cross-sell and upsell."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from app.capsules import kpi
from app.cli.common import print_json
from app.config import load_config
from app.db import session_scope


def register(sub: Any) -> None:
    p = sub.add_parser("kpi", help="KPIs")
    ksub = p.add_subparsers(dest="kpi_command", metavar="KPI", required=True)
    up = ksub.add_parser(
        "upsell",
        help="per operator: offers made, accepted, acceptance rate, pending and earned upsell, "
        "top capsules",
    )
    up.add_argument("--from", dest="date_from", required=True, metavar="DATE", type=_date)
    up.add_argument("--to", dest="date_to", required=True, metavar="DATE", type=_date)
    up.add_argument("--json", action="store_true")
    up.set_defaults(handler=_upsell)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _upsell(args: argparse.Namespace) -> int:
    if args.date_to < args.date_from:
        print(f"okno: error: --to {args.date_to} is before --from {args.date_from}")
        return 2
    config = load_config(args.database_url)
    with session_scope(config.database_url) as session:
        rows = kpi.upsell_table(session, args.date_from, args.date_to)
    if args.json:
        print_json(
            {
                "from": args.date_from,
                "to": args.date_to,
                "operators": [
                    {
                        "operator_id": r.operator_id,
                        "operator": r.operator_name,
                        "offers_made": r.offers_made,
                        "accepted": r.accepted,
                        "acceptance_rate": (
                            round(r.acceptance_rate, 4) if r.acceptance_rate is not None else None
                        ),
                        "pending": str(r.pending),
                        "earned": str(r.earned),
                        "reversed": str(r.reversed),
                        "top_capsules": [
                            {"capsule": c.capsule_name, "amount": str(c.amount)}
                            for c in r.top_capsules
                        ],
                    }
                    for r in rows
                ],
            }
        )
        return 0
    print(f"Upsell {args.date_from} .. {args.date_to} (by the day the order was confirmed)")
    if not rows:
        print("no offers and no upsell in this period")
        return 0
    print(f"{'operator':<24} {'offers':>6} {'accepted':>8} {'rate':>6} {'pending':>12} "
          f"{'earned':>12}  top capsules")  # fmt: skip
    for r in rows:
        rate = f"{r.acceptance_rate:.0%}" if r.acceptance_rate is not None else "—"
        tops = ", ".join(c.capsule_name for c in r.top_capsules) or "—"
        print(f"{r.operator_name[:24]:<24} {r.offers_made:>6} {r.accepted:>8} {rate:>6} "
              f"{r.pending:>12} {r.earned:>12}  {tops}")  # fmt: skip
    total_p = sum((r.pending for r in rows), kpi.ZERO)
    total_e = sum((r.earned for r in rows), kpi.ZERO)
    print(f"{'total':<24} {sum(r.offers_made for r in rows):>6} "
          f"{sum(r.accepted for r in rows):>8} {'':>6} {total_p:>12} {total_e:>12}")  # fmt: skip
    return 0
