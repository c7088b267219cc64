"""Issue 6: the per-operator upsell table for a month, against a raw baseline (PostgreSQL).

1. Builds a throwaway database with ``--orders`` orders spread over two years (reference:
   2,000,000), ``--operators`` operators, 500 capsules; every ``--cross-share``-th order has a
   cross-sell line with its upsell credit (state by the order's status), three offer records
   (one accepted, two declined), and a share of the other orders an offer that was declined.
   Generated on the server with ``generate_series`` (deterministic, quick).
2. Times ``app.capsules.kpi.upsell_table`` for a month (the last full one) — what
   ``okno kpi upsell`` and the manager view run — and ``daily_series`` for the same month.
3. Baseline: the two GROUP BY queries that give the same figures through raw psycopg (credits by
   operator/capsule/state, offers by operator). For contrast (not a target): the same money
   summed from ``orders`` ⋈ ``order_items`` by confirmation month, the scan the credit table
   exists to avoid.

Target (issue 6 / PERF T7): the upsell table for a month p95 ≤ 300 ms on 2M orders.

    .venv/bin/python bench/bench_upsell.py [--orders 200000] [--rounds 30]

Writes bench/results/upsell.json."""

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

END = dt.date(2026, 11, 1)  # the month measured is October 2026
START = END - dt.timedelta(days=730)


def build(url: str, orders: int, operators: int, cross_share: int) -> dict[str, int]:
    span_s = (END - START).days * 86400
    with psycopg.connect(libpq_url(url)) as conn:
        x = conn.execute
        x("INSERT INTO categories (id, name, sort_order) VALUES (1, 'bench', 0)")
        x(
            "INSERT INTO products (id, external_id, category_id, name, audience, is_active, "
            "created_at, updated_at) VALUES (1, 'P1', 1, 'bench', 'unisex', true, now(), now())"
        )
        x(
            "INSERT INTO offers (id, external_id, product_id, name, price, is_active, "
            "created_at, updated_at) VALUES (1, 'O1', 1, 'bench', 1999, true, now(), now())"
        )
        x(
            "INSERT INTO users (id, login, name, role, password_hash, is_active, created_at) "
            "SELECT g, 'op' || g, 'Оператор ' || g, 'operator', 'x', true, now() "
            "FROM generate_series(1, %s) g",
            (operators,),
        )
        x(
            "INSERT INTO capsules (id, external_id, name, audience, created_at, updated_at) "
            "SELECT g, 'CAPS-' || g, 'Капсула ' || g, 'unisex', now(), now() "
            "FROM generate_series(1, 500) g"
        )
        x(
            """INSERT INTO orders (id, number, source, status, status_changed_at, priority,
                   contact_name, delivery_type, delivery_cost, payment_status, subtotal,
                   discount_total, total, no_answer_attempts, version, operator_id,
                   created_at, updated_at)
               SELECT g, 'B' || g, 'site',
                      (ARRAY['completed', 'completed', 'completed', 'completed', 'completed',
                             'completed', 'shipped', 'confirmed', 'cancelled', 'returned'])
                          [g %% 10 + 1],
                      t + interval '2 days', 0, '', 'courier', 0, 'paid', 3000, 0, 3000, 0, 1,
                      g %% %(ops)s + 1, t, t
               FROM (SELECT g, %(start)s::timestamptz
                               + make_interval(secs => g::float8 * %(span)s / %(n)s) AS t
                     FROM generate_series(1, %(n)s) g) s""",
            {"ops": operators, "start": f"{START} 00:00+03", "span": span_s, "n": orders},
        )
        x(
            """INSERT INTO order_items (id, order_id, offer_id, name, quantity, price, discount,
                   added_by_id, capsule_id, is_cross_sell, created_at)
               SELECT o.id, o.id, 1, 'bench', 1, 500 + o.id %% 3000, 0, o.operator_id,
                      o.id %% 500 + 1, true, o.created_at + interval '1 hour'
               FROM orders o WHERE o.id %% %(k)s = 0""",
            {"k": cross_share},
        )
        x(
            """INSERT INTO upsell_credits (order_item_id, order_id, operator_id, capsule_id,
                   amount, state, credited_at, credited_on, earned_at, reversed_at, updated_at)
               SELECT i.id, i.order_id, i.added_by_id, i.capsule_id, i.price, CASE
                        WHEN o.status = 'completed' THEN 'earned'
                        WHEN o.status IN ('confirmed', 'shipped') THEN 'pending'
                        ELSE 'reversed' END,
                      i.created_at, (i.created_at AT TIME ZONE 'Europe/Moscow')::date,
                      CASE WHEN o.status = 'completed' THEN o.status_changed_at END,
                      CASE WHEN o.status IN ('cancelled', 'returned') THEN o.status_changed_at END,
                      o.status_changed_at
               FROM order_items i JOIN orders o ON o.id = i.order_id"""
        )
        x(
            """INSERT INTO cross_sell_offers (operator_id, order_id, capsule_id, offer_id, shown_at,
                   shown_on, outcome, decided_at, decline_reason, order_item_id, created_at)
               SELECT i.added_by_id, i.order_id, i.capsule_id, 1, i.created_at,
                      (i.created_at AT TIME ZONE 'Europe/Moscow')::date,
                      CASE WHEN k = 0 THEN 'accepted' ELSE 'declined' END, i.created_at,
                      CASE WHEN k = 0 THEN NULL ELSE 'not needed' END,
                      CASE WHEN k = 0 THEN i.id END, i.created_at
               FROM order_items i CROSS JOIN generate_series(0, 2) k"""
        )
        x(
            """INSERT INTO cross_sell_offers (operator_id, order_id, capsule_id, offer_id, shown_at,
                   shown_on, outcome, decided_at, decline_reason, created_at)
               SELECT o.operator_id, o.id, o.id %% 500 + 1, 1, o.created_at,
                      (o.created_at AT TIME ZONE 'Europe/Moscow')::date, 'declined',
                      o.created_at, 'too expensive', o.created_at
               FROM orders o WHERE o.id %% %(k)s <> 0 AND o.id %% 3 = 0""",
            {"k": cross_share},
        )
        for table in ("orders", "order_items", "upsell_credits", "cross_sell_offers"):
            x(f"ANALYZE {table}")
        conn.commit()
        counts = {}
        for table in ("orders", "order_items", "upsell_credits", "cross_sell_offers"):
            row = conn.execute(f"SELECT count(*) FROM {table}").fetchone()
            counts[table] = int(row[0]) if row else 0
        return counts


RAW_CREDITS = """SELECT operator_id, capsule_id, state, sum(amount) FROM upsell_credits
                 WHERE credited_on BETWEEN %s AND %s GROUP BY operator_id, capsule_id, state"""
RAW_OFFERS = """SELECT operator_id, count(*), sum(CASE WHEN outcome = 'accepted' THEN 1 ELSE 0 END)
                FROM cross_sell_offers WHERE shown_on BETWEEN %s AND %s GROUP BY operator_id"""
SCAN_ORDERS = """SELECT i.added_by_id, o.status, sum(i.price * i.quantity - i.discount)
                 FROM orders o JOIN order_items i ON i.order_id = o.id AND i.is_cross_sell
                 WHERE o.status_changed_at >= %s AND o.status_changed_at < %s
                 GROUP BY i.added_by_id, o.status"""


def measure(url: str, rounds: int) -> list[dict[str, Any]]:
    from app.capsules import kpi
    from app.db import get_sessionmaker

    first, last = dt.date(2026, 10, 1), dt.date(2026, 10, 31)
    sessions = get_sessionmaker(url)
    samples: dict[str, list[float]] = {k: [] for k in ("table", "daily", "raw", "scan")}
    with psycopg.connect(libpq_url(url), autocommit=True) as raw, sessions() as session:
        n_rows = 0
        for i in range(rounds + 2):  # the first two warm the caches
            t = time.perf_counter()
            rows = kpi.upsell_table(session, first, last)
            table_s = time.perf_counter() - t
            session.rollback()
            t = time.perf_counter()
            kpi.daily_series(session, first, last)
            daily_s = time.perf_counter() - t
            session.rollback()
            t = time.perf_counter()
            raw.execute(RAW_CREDITS, (first, last)).fetchall()
            raw.execute(RAW_OFFERS, (first, last)).fetchall()
            raw_s = time.perf_counter() - t
            scan_s = None
            if i < 5:  # the scan is slow at scale: a few rounds are enough to show it
                t = time.perf_counter()
                raw.execute(SCAN_ORDERS, (f"{first} 00:00+03", f"{END} 00:00+03")).fetchall()
                scan_s = time.perf_counter() - t
            if i >= 2:
                samples["table"].append(table_s)
                samples["daily"].append(daily_s)
                samples["raw"].append(raw_s)
                if scan_s is not None:
                    samples["scan"].append(scan_s)
            n_rows = len(rows)
    base = percentiles(samples["raw"])
    out = []
    for key, label in (
        ("table", "kpi.upsell_table (month)"),
        ("daily", "kpi.daily_series (month)"),
        ("raw", "raw GROUP BY x2 (baseline)"),
        ("scan", "orders ⋈ items scan (contrast)"),
    ):
        if not samples[key]:
            continue
        p = percentiles(samples[key])
        out.append({"what": label, **p, "ratio_p95": ratio(p, base, "p95_ms"), "operators": n_rows})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orders", type=int, default=200_000)
    parser.add_argument("--operators", type=int, default=60)
    parser.add_argument("--cross-share", type=int, default=8, help="every N-th order upsold")
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--keep", action="store_true", help="keep the database")
    args = parser.parse_args()
    with throwaway_database("okno_bench_upsell", keep=args.keep) as url:
        t = time.perf_counter()
        counts = build(url, args.orders, args.operators, args.cross_share)
        print(f"data: {counts} in {time.perf_counter() - t:.1f} s")
        rows = measure(url, args.rounds)
        print_table(
            f"Upsell table for October 2026, {args.orders:,} orders (target p95 ≤ 300 ms)",
            rows,
            ["what", "n", "p50_ms", "p95_ms", "p99_ms", "ratio_p95", "operators"],
        )
        write_json(
            "upsell",
            {"environment": environment(url), "args": vars(args), "data": counts, "rows": rows},
        )


if __name__ == "__main__":
    main()
