"""Demo data seeding (``okno demo seed``) against a raw COPY of the same rows (PostgreSQL).

1. Creates a throwaway migrated database and seeds it in process with ``app.demo.seed.seed_demo``
   (what ``okno demo seed`` runs): generation in Python, COPY through a writer thread, indexes
   and foreign keys rebuilt, commit, ANALYZE. Timed end to end and per phase.
2. Baseline, same run: the rows the seed wrote are dumped (COPY TO a temporary file, not timed)
   and loaded again with a plain COPY FROM into copies of the tables without any index or
   constraint — the least work that puts the same bytes in the database. Three baselines: the
   order rows alone, orders + items + history (what the seed's order phase writes), and every
   seeded table.
3. Prints the table (rows, seconds, rows/s, ratio vs raw COPY) and the phases, and writes
   ``bench/results/seed.json``.

Target: the reference scale (``--customers 1000000 --orders 2000000``) seeds in under 10 minutes
on the 2-core machine; a ratio near 1 means generation costs little beyond the COPY itself.

    .venv/bin/python bench/bench_seed.py [--customers 100000] [--orders 200000] [--seed 42]
                                         [--keep] [--skip-baseline]

Runs on a throwaway database (created and dropped; ``--keep`` keeps the seeded one for other
benchmarks and prints its name)."""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psycopg

from app.demo.seed import SeedSummary, seed_demo
from bench.common import environment, libpq_url, print_table, throwaway_database, write_json

ANCHOR = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)  # fixed: same data on every run
ORDER_TABLES = ("orders", "order_items", "order_status_history")
ALL_TABLES = (
    "users",
    "stores",
    "categories",
    "products",
    "offers",
    "capsules",
    "capsule_items",
    "customers",
    "customer_phones",
    "children",
    "customer_tags",
    "customer_notes",
    *ORDER_TABLES,
    "stock",
)
TARGET_SECONDS = 600


def dump_tables(url: str, tables: tuple[str, ...], directory: Path) -> dict[str, int]:
    """COPY each table TO a file (text format); returns the row count of each."""
    counts = {}
    with psycopg.connect(libpq_url(url)) as conn, conn.cursor() as cur:
        for table in tables:
            rows = 0
            with (
                (directory / f"{table}.copy").open("wb") as f,
                cur.copy(f"COPY {table} TO STDOUT") as copy,
            ):
                for block in copy:
                    f.write(block)
                    rows += bytes(block).count(b"\n")
            counts[table] = rows
    return counts


def raw_copy(url: str, tables: tuple[str, ...], directory: Path) -> float:
    """Seconds to COPY the dumped files into index-free copies of ``tables``, one transaction,
    commit included. The copies are dropped afterwards."""
    with psycopg.connect(libpq_url(url)) as conn:
        with conn.cursor() as cur:
            for table in tables:
                cur.execute(f"CREATE TABLE bench_copy_{table} (LIKE {table} INCLUDING DEFAULTS)")
        conn.commit()
        started = time.perf_counter()
        with conn.cursor() as cur:
            for table in tables:
                with (
                    (directory / f"{table}.copy").open("rb") as f,
                    cur.copy(f"COPY bench_copy_{table} FROM STDIN") as copy,
                ):
                    while block := f.read(1 << 20):
                        copy.write(block)
        conn.commit()
        seconds = time.perf_counter() - started
        with conn.cursor() as cur:
            for table in tables:
                cur.execute(f"DROP TABLE bench_copy_{table}")
        conn.commit()
    return seconds


def _cpu_seconds() -> float:
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def _row(what: str, rows: int, seconds: float, baseline_rate: float | None) -> dict[str, Any]:
    rate = rows / seconds if seconds else 0.0
    return {
        "what": what,
        "rows": rows,
        "seconds": round(seconds, 2),
        "rows_per_s": round(rate),
        "ratio_vs_copy": round(rate / baseline_rate, 3) if baseline_rate else 1.0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--orders", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--keep", action="store_true", help="keep the seeded database")
    parser.add_argument(
        "--skip-baseline", action="store_true", help="time the seed only (no raw COPY)"
    )
    args = parser.parse_args(argv)

    with throwaway_database("okno_bench_seed", keep=args.keep) as url:
        env = environment(url)
        print(f"seeding {args.customers:,} customers / {args.orders:,} orders ...", flush=True)
        started = time.perf_counter()
        cpu_before = _cpu_seconds()
        summary: SeedSummary = seed_demo(
            url,
            customers=args.customers,
            orders=args.orders,
            seed=args.seed,
            now=ANCHOR,
            progress=lambda line: print(line, flush=True),
        )
        seed_seconds = time.perf_counter() - started
        # Python's own CPU (this process and its joined workers): on a shared machine the wall
        # clock also counts other people's load; this does not (the server's CPU is not in it).
        seed_cpu = _cpu_seconds() - cpu_before
        phases = dict(summary.phases)
        counts = summary.as_dict()
        order_rows = sum(counts[t] for t in ORDER_TABLES)

        results: list[dict[str, Any]] = []
        baseline: dict[str, float] = {}
        if not args.skip_baseline:
            with tempfile.TemporaryDirectory(prefix="okno-bench-seed-") as tmp:
                print("dumping the seeded rows for the raw COPY baseline ...", flush=True)
                dumped = dump_tables(url, ALL_TABLES, Path(tmp))
                assert dumped["orders"] == summary.orders, dumped
                print("raw COPY: orders ...", flush=True)
                baseline["orders"] = raw_copy(url, ("orders",), Path(tmp))
                print("raw COPY: orders + items + history ...", flush=True)
                baseline["order_tables"] = raw_copy(url, ORDER_TABLES, Path(tmp))
                print("raw COPY: every seeded table ...", flush=True)
                baseline["all"] = raw_copy(url, ALL_TABLES, Path(tmp))
            copy_all = sum(dumped.values()) / baseline["all"]
            copy_orders = summary.orders / baseline["orders"]
            copy_order_tables = order_rows / baseline["order_tables"]
        else:
            copy_all = copy_orders = copy_order_tables = 0.0

        results.append(
            _row("seed, end to end (all tables)", summary.total_rows, seed_seconds, copy_all)
        )
        results.append(
            _row(
                "seed, order phase (orders+items+history)",
                order_rows,
                phases["orders"],
                copy_order_tables,
            )
        )
        results.append(
            _row("seed, order phase (orders only)", summary.orders, phases["orders"], copy_orders)
        )
        if baseline:
            results.append(
                _row("raw COPY, all tables", sum(dumped.values()), baseline["all"], None)
            )
            results.append(
                _row("raw COPY, orders+items+history", order_rows, baseline["order_tables"], None)
            )
            results.append(_row("raw COPY, orders", summary.orders, baseline["orders"], None))

    print_table(
        f"okno demo seed, {args.customers:,} customers / {args.orders:,} orders (PostgreSQL)",
        results,
        ["what", "rows", "seconds", "rows_per_s", "ratio_vs_copy"],
    )
    print_table(
        "seed phases",
        [{"phase": k, "seconds": round(v, 1)} for k, v in summary.phases],
        ["phase", "seconds"],
    )
    print(
        f"\nPython CPU for the seed (parent + workers): {seed_cpu:.0f} s; wall {seed_seconds:.0f} s"
    )
    within = seed_seconds < TARGET_SECONDS
    reference = args.customers >= 1_000_000 and args.orders >= 2_000_000
    verdict = "met" if within else "MISSED"
    if reference:
        print(f"\ntarget: reference scale in < {TARGET_SECONDS} s: {seed_seconds:.0f} s, {verdict}")
    write_json(
        "seed",
        {
            "benchmark": "demo seed vs raw COPY",
            "environment": env,
            "args": vars(args),
            "anchor": ANCHOR.isoformat(),
            "seed_seconds": round(seed_seconds, 2),
            "seed_python_cpu_seconds": round(seed_cpu, 2),
            "target_seconds": TARGET_SECONDS if reference else None,
            "target_met": within if reference else None,
            "phases": {k: round(v, 2) for k, v in summary.phases},
            "rows": {k: v for k, v in counts.items() if isinstance(v, int) and k != "seed"},
            "results": results,
        },
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
