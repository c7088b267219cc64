"""Issue 6: capsule suggestions for an order, against a raw baseline (PostgreSQL).

1. Seeds a throwaway database with ``okno demo seed`` scaled by ``--scale`` (1.0 = the
   reference catalogue: 1M customers → 50k products, ~400k offers, 500 capsules, 40 stores;
   ``--orders`` orders, default 200k × scale). The default scale is small so the benchmark runs
   in a minute; use ``--scale 1`` for the reference figures.
2. Picks the ``--samples`` newest orders whose items belong to a live capsule (the work does
   not depend on the status; open orders are few in the demo) and times
   ``app.capsules.suggestions.suggestions_for_order`` on each (``--rounds`` passes, the first
   one discarded as warm-up) — the panel's whole query work: order lines, capsules, offers,
   stock at the shipping store and the online warehouse, the customer's children, loyalty
   and 90-day purchases, ranking.
3. Baseline: one prepared raw psycopg statement returning the candidate offers with free
   stock for the same order (order lines ⋈ capsule items ⋈ live capsules ⋈ capsule items ⋈
   offers ⋈ stock) — the least work that yields the suggestions before the customer-specific
   filters and the ranking.

Target (issue 6): p95 ≤ 30 ms on PostgreSQL at the reference scale.

    .venv/bin/python bench/bench_suggestions.py [--scale 0.02] [--samples 200] [--rounds 3]

Writes bench/results/suggestions.json."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psycopg

from bench.common import (
    environment,
    libpq_url,
    percentiles,
    print_table,
    ratio,
    throwaway_database,
    write_json,
)

NOW = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)

RAW = """
SELECT ci2.capsule_id, o2.id, o2.price, s.store_id, s.quantity - s.reserved
FROM orders ord
JOIN order_items oi ON oi.order_id = ord.id
JOIN offers o1 ON o1.id = oi.offer_id
JOIN capsule_items ci1 ON ci1.product_id = o1.product_id
JOIN capsules c ON c.id = ci1.capsule_id AND c.retired_at IS NULL
     AND (c.valid_from IS NULL OR c.valid_from <= %(today)s)
     AND (c.valid_to IS NULL OR c.valid_to >= %(today)s)
JOIN capsule_items ci2 ON ci2.capsule_id = c.id AND ci2.product_id <> o1.product_id
JOIN offers o2 ON o2.product_id = ci2.product_id AND o2.is_active
JOIN stock s ON s.offer_id = o2.id AND s.quantity > s.reserved
     AND (s.store_id = ord.shipping_store_id OR s.store_id = %(online)s)
WHERE ord.id = %(order)s
"""

PICK = """
SELECT DISTINCT ord.id FROM orders ord
JOIN order_items oi ON oi.order_id = ord.id
JOIN offers o1 ON o1.id = oi.offer_id
JOIN capsule_items ci ON ci.product_id = o1.product_id
JOIN capsules c ON c.id = ci.capsule_id AND c.retired_at IS NULL
ORDER BY ord.id DESC LIMIT %s
"""


def seed(url: str, scale: float, orders: int) -> dict[str, Any]:
    from app.demo.seed import seed_demo

    customers = max(2_000, int(1_000_000 * scale))
    summary = seed_demo(url, customers=customers, orders=orders, now=NOW, progress=None)
    return {k: v for k, v in summary.as_dict().items() if isinstance(v, int)}


def measure(url: str, samples: int, rounds: int) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    from app.capsules.suggestions import suggestions_for_order
    from app.db import get_sessionmaker

    today = NOW.date()
    with psycopg.connect(libpq_url(url), autocommit=True) as raw:
        ids = [r[0] for r in raw.execute(PICK, (samples,)).fetchall()]
        row = raw.execute("SELECT id FROM stores WHERE kind = 'online' LIMIT 1").fetchone()
        online = row[0] if row else None
        ours: list[float] = []
        base: list[float] = []
        shown = 0
        empty = 0
        sessions = get_sessionmaker(url)
        with sessions() as session:
            for r in range(rounds):
                for order_id in ids:
                    t = time.perf_counter()
                    got = suggestions_for_order(session, order_id, today)
                    ours_s = time.perf_counter() - t
                    session.rollback()  # a fresh snapshot per call, as the panel's op has
                    t = time.perf_counter()
                    raw.execute(
                        RAW, {"today": today, "online": online, "order": order_id}, prepare=True
                    ).fetchall()
                    base_s = time.perf_counter() - t
                    if r == 0:
                        shown += len(got)
                        empty += not got
                        continue  # warm-up pass
                    ours.append(ours_s)
                    base.append(base_s)
    p_ours, p_base = percentiles(ours), percentiles(base)
    rows = [
        {"what": "suggestions_for_order", **p_ours, "ratio_p95": ratio(p_ours, p_base, "p95_ms")},
        {"what": "raw candidate query (baseline)", **p_base, "ratio_p95": 1.0},
    ]
    info = {
        "orders": len(ids),
        "mean_suggestions": shown / len(ids) if ids else 0,
        "orders_without_suggestions": empty,
    }
    return rows, info


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=0.02, help="1.0 = reference catalogue")
    parser.add_argument("--orders", type=int, help="orders to seed (default 200k × scale)")
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="keep the database")
    args = parser.parse_args()
    orders = args.orders if args.orders is not None else max(5_000, int(200_000 * args.scale))
    with throwaway_database("okno_bench_suggest", keep=args.keep) as url:
        t = time.perf_counter()
        counts = seed(url, args.scale, orders)
        print(
            f"seeded in {time.perf_counter() - t:.0f} s: {counts.get('capsules')} capsules, "
            f"{counts.get('offers'):,} offers, {counts.get('orders'):,} orders"
        )
        rows, info = measure(url, args.samples, args.rounds)
        print_table(
            f"Suggestions for an order ({info['orders']} orders × {args.rounds - 1} rounds, "
            f"{info['mean_suggestions']:.1f} suggestions each; target p95 ≤ 30 ms)",
            rows,
            ["what", "n", "p50_ms", "p95_ms", "p99_ms", "max_ms", "ratio_p95"],
        )
        write_json(
            "suggestions",
            {
                "environment": environment(url),
                "args": vars(args),
                "data": counts,
                "sample": info,
                "rows": rows,
            },
        )


if __name__ == "__main__":
    main()
