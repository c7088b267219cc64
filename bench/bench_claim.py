"""T2: "take next" (claim with lease) on PostgreSQL.

1. Latency, single client: ``app.queue.take_next`` against the same claim SQL (the statements
   compiled from app.queue, text for text, plus the same outbox INSERT) run through raw psycopg
   with prepared statements; interleaved, p50/p95/p99 and the ratio (target: p95 ≤ 2×).
2. Throughput with 32 concurrent claimers, as 32 threads in one process (the GIL) and as
   processes × threads; each claimer takes an order and finishes it (status → confirmed), like
   an operator, until the time is up (target: ≥ 1,000 claims/s).
3. Double-claim check over everything claimed in the run: no order has two ``order.claimed``
   events and every claimer found its lease in place when finishing (target: zero).

    .venv/bin/python bench/bench_claim.py [--orders 100000] [--seconds 5] [--clients 32]
                                          [--processes 8] [--samples 1000] [--lease-index]

``--lease-index`` adds the index on ``orders.lease_operator_id`` that app/queue.py's "already
holds a lease?" check needs (not in the migrations yet) to the throwaway database, to show its
effect. Writes bench/results/claim.json (claim-lease-index.json with the flag)."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import multiprocessing as mp
import random
import sys
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psycopg
from psycopg.types.json import Jsonb
from sqlalchemy import Engine, update
from sqlalchemy.dialects import postgresql

from app import queue
from app.clock import SYSTEM_CLOCK
from app.db import make_engine
from bench.common import (
    environment,
    libpq_url,
    percentiles,
    print_table,
    ratio,
    throwaway_database,
    write_json,
)
from models import Order

LEASE_INDEX_DDL = (
    "CREATE INDEX ix_orders_lease_operator_id ON orders (lease_operator_id) "
    "WHERE lease_operator_id IS NOT NULL"
)
_orders = Order.__table__

ORDER_COLUMNS = (
    "number",
    "source",
    "status",
    "priority",
    "contact_name",
    "delivery_type",
    "delivery_cost",
    "payment_status",
    "subtotal",
    "discount_total",
    "total",
    "no_answer_attempts",
    "next_attempt_at",
    "version",
    "created_at",
    "updated_at",
)


def make_operators(url: str, count: int) -> list[int]:
    """``count`` operator accounts; returns their ids."""
    with psycopg.connect(libpq_url(url)) as conn:
        rows = conn.execute(
            "INSERT INTO users (login, name, role, password_hash, is_active, created_at) "
            "SELECT 'bench' || g, 'Bench operator ' || g, 'operator', 'x', true, now() "
            "FROM generate_series(1, %s) g RETURNING id",
            (count,),
        ).fetchall()
    return [r[0] for r in rows]


def copy_queue_orders(url: str, count: int, *, seed: int = 7, start: int = 0) -> None:
    """``count`` orders in the operator queue via COPY: 90% needs_confirmation, 10% no_answer
    (half of those due, half in 3 hours), priorities 0 (most), 1, 2, ages over 30 days."""
    rng = random.Random(seed)
    now = dt.datetime.now(dt.UTC)
    buffer = io.StringIO()
    for i in range(start, start + count):
        created = now - dt.timedelta(seconds=rng.randrange(30 * 86400))
        roll = rng.random()
        if roll < 0.05:
            status, next_at = "no_answer", (now - dt.timedelta(minutes=5)).isoformat()
        elif roll < 0.10:
            status, next_at = "no_answer", (now + dt.timedelta(hours=3)).isoformat()
        else:
            status, next_at = "needs_confirmation", r"\N"
        priority = rng.choices((0, 1, 2), weights=(90, 8, 2))[0]
        buffer.write(
            f"B-{i:08d}\tsite\t{status}\t{priority}\tBench customer {i}\tcourier\t0\tnot_paid\t"
            f"1000\t0\t1000\t0\t{next_at}\t1\t{created.isoformat()}\t{created.isoformat()}\n"
        )
    with psycopg.connect(libpq_url(url)) as conn:
        with (
            conn.cursor() as cur,
            cur.copy(f"COPY orders ({', '.join(ORDER_COLUMNS)}) FROM STDIN") as copy,
        ):
            copy.write(buffer.getvalue())
        conn.execute("ANALYZE orders")


# --- the raw baseline: the same statements through psycopg, prepared ---------------------------

_DIALECT = postgresql.psycopg.dialect()  # type: ignore[attr-defined]


def _sql(statement: Any) -> str:
    return str(statement.compile(dialect=_DIALECT))


RAW_SETTING = "SELECT settings.value FROM settings WHERE settings.key = %(key)s"
RAW_HELD = _sql(queue.HELD_SQL)
RAW_TOP = _sql(queue.TOP_PRIORITY_SQL)
RAW_TOP_BELOW = _sql(queue.TOP_PRIORITY_BELOW_SQL)
RAW_CLAIM = _sql(queue.CLAIM_SQL)
RAW_EMIT = (
    "INSERT INTO outbox_events (topic, aggregate, aggregate_id, actor_id, payload, created_at) "
    "VALUES (%(topic)s, %(aggregate)s, %(aggregate_id)s, %(actor_id)s, %(payload)s, "
    "%(created_at)s) RETURNING outbox_events.id"
)


def raw_claim(conn: psycopg.Connection[Any], operator_id: int, lease_minutes: int) -> int | None:
    """What claim_next does, minus SQLAlchemy: the least work for the same answer."""
    now = dt.datetime.now(dt.UTC)
    cur = conn.cursor()
    cur.execute(RAW_SETTING, {"key": "queue.lease_minutes"}, prepare=True)
    stored = cur.fetchone()
    minutes = int(json.loads(stored[0])) if stored else lease_minutes
    params: dict[str, Any] = {
        "now": now,
        "stale_before": now - dt.timedelta(minutes=minutes),
        "op_id": operator_id,
    }
    cur.execute(RAW_HELD, params, prepare=True)
    held = cur.fetchall()
    if held:
        conn.commit()
        return int(held[0][0])
    below = None
    claimed = None
    for _ in range(32):
        if below is None:
            cur.execute(RAW_TOP, params, prepare=True)
        else:
            cur.execute(RAW_TOP_BELOW, {**params, "below": below}, prepare=True)
        top = cur.fetchone()
        if top is None:
            break
        cur.execute(RAW_CLAIM, {**params, "at_priority": top[0]}, prepare=True)
        claimed = cur.fetchone()
        if claimed is not None:
            cur.execute(
                RAW_EMIT,
                {
                    "topic": "order.claimed",
                    "aggregate": "order",
                    "aggregate_id": claimed[0],
                    "actor_id": operator_id,
                    "payload": Jsonb(
                        {
                            "number": claimed[1],
                            "status": claimed[2],
                            "operator_id": operator_id,
                            "lease_taken_at": now.isoformat(),
                        }
                    ),
                    "created_at": now,
                },
                prepare=True,
            )
            break
        below = top[0]
    conn.commit()
    return None if claimed is None else int(claimed[0])


def finish_raw(conn: psycopg.Connection[Any], order_id: int, operator_id: int) -> bool:
    """The operator is done: the order leaves the queue (only if the lease is still his)."""
    cur = conn.execute(
        "UPDATE orders SET status = 'confirmed', lease_operator_id = NULL "
        "WHERE id = %s AND lease_operator_id = %s",
        (order_id, operator_id),
        prepare=True,
    )
    conn.commit()
    return cur.rowcount == 1


def finish_engine(engine: Engine, order_id: int, operator_id: int) -> bool:
    with engine.begin() as conn:
        return (
            conn.execute(
                update(_orders)
                .where(_orders.c.id == order_id, _orders.c.lease_operator_id == operator_id)
                .values(status="confirmed", lease_operator_id=None)
            ).rowcount
            == 1
        )


# --- 1. single-client latency -------------------------------------------------------------------


def measure_latency(url: str, operators: list[int], samples: int) -> dict[str, Any]:
    engine = make_engine(url, pool_size=2)
    app_op, raw_op = operators[0], operators[1]
    raw = psycopg.connect(libpq_url(url))
    finisher = psycopg.connect(libpq_url(url))
    app_times: list[float] = []
    raw_times: list[float] = []
    lost = 0
    try:
        for i in range(samples + 50):  # the first 50 of each warm caches and prepare
            t0 = time.perf_counter()
            claimed = queue.take_next(engine, operator_id=app_op, clock=SYSTEM_CLOCK)
            t1 = time.perf_counter()
            raw_id = raw_claim(raw, raw_op, 15)
            t2 = time.perf_counter()
            if claimed is None or raw_id is None:
                raise SystemExit("the queue ran dry: use more --orders")
            lost += not finish_raw(finisher, claimed.order_id, app_op)
            lost += not finish_raw(finisher, raw_id, raw_op)
            if i >= 50:
                app_times.append(t1 - t0)
                raw_times.append(t2 - t1)
    finally:
        raw.close()
        finisher.close()
        engine.dispose()
    app = percentiles(app_times)
    base = percentiles(raw_times)
    return {
        "take_next": app,
        "raw_psycopg": base,
        "ratio_p50": ratio(app, base, "p50_ms"),
        "ratio_p95": ratio(app, base, "p95_ms"),
        "ratio_p99": ratio(app, base, "p99_ms"),
        "lost_leases": lost,
    }


# --- 2. throughput with concurrent claimers -----------------------------------------------------


def _claimer_threads(
    url: str, operators: list[int], start_at: float, stop_at: float, raw: bool = False
) -> tuple[int, int, int]:
    """Claimers as threads of this process; returns (claims, lost leases, empty answers).
    ``raw``: the psycopg baseline (own connection per thread) instead of take_next."""
    engine = make_engine(url, pool_size=len(operators) + 1, max_overflow=0)
    totals = [0, 0, 0]
    lock = threading.Lock()

    def run(op: int) -> None:
        claims = lost = empty = 0
        conn = psycopg.connect(libpq_url(url)) if raw else None
        while time.time() < start_at:
            time.sleep(0.001)
        while time.time() < stop_at:
            if conn is not None:
                order_id = raw_claim(conn, op, 15)
            else:
                claimed = queue.take_next(engine, operator_id=op, clock=SYSTEM_CLOCK)
                order_id = None if claimed is None else claimed.order_id
            if order_id is None:
                empty += 1
                continue
            claims += 1
            if conn is not None:
                lost += not finish_raw(conn, order_id, op)
            else:
                lost += not finish_engine(engine, order_id, op)
        if conn is not None:
            conn.close()
        with lock:
            totals[0] += claims
            totals[1] += lost
            totals[2] += empty

    threads = [threading.Thread(target=run, args=(op,)) for op in operators]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    engine.dispose()
    return totals[0], totals[1], totals[2]


def _claimer_process(
    url: str, operators: list[int], start_at: float, stop_at: float, raw: bool, out: Any
) -> None:
    out.put(_claimer_threads(url, operators, start_at, stop_at, raw))


def measure_throughput(
    url: str, operators: list[int], seconds: float, processes: int, raw: bool = False
) -> dict[str, Any]:
    """``len(operators)`` claimers split over ``processes`` processes (1 = threads only)."""
    lead_in = 2.0 if processes > 1 else 0.5  # time to start and connect before the clock runs
    start_at = time.time() + lead_in
    stop_at = start_at + seconds
    if processes <= 1:
        claims, lost, empty = _claimer_threads(url, operators, start_at, stop_at, raw)
    else:
        ctx = mp.get_context("fork")
        out = ctx.Queue()
        groups = [operators[i::processes] for i in range(processes)]
        procs = [
            ctx.Process(target=_claimer_process, args=(url, g, start_at, stop_at, raw, out))
            for g in groups
        ]
        for p in procs:
            p.start()
        results = [out.get() for _ in procs]
        for p in procs:
            p.join()
        claims = sum(r[0] for r in results)
        lost = sum(r[1] for r in results)
        empty = sum(r[2] for r in results)
    return {
        "path": "raw psycopg" if raw else "take_next",
        "claimers": len(operators),
        "processes": max(1, processes),
        "seconds": seconds,
        "claims": claims,
        "claims_per_s": claims / seconds,
        "lost_leases": lost,
        "empty_answers": empty,
    }


# --- 3. double claims and plans -----------------------------------------------------------------


def double_claims(url: str) -> dict[str, int]:
    with psycopg.connect(libpq_url(url)) as conn:
        row = conn.execute(
            "SELECT count(*), count(DISTINCT aggregate_id) FROM outbox_events "
            "WHERE topic = 'order.claimed'"
        ).fetchone()
        assert row is not None
        twice = conn.execute(
            "SELECT count(*) FROM (SELECT aggregate_id FROM outbox_events "
            "WHERE topic = 'order.claimed' GROUP BY aggregate_id HAVING count(*) > 1) d"
        ).fetchone()
    return {
        "claimed_events": int(row[0]),
        "distinct_orders": int(row[1]),
        "orders_claimed_twice": int(twice[0]) if twice else -1,
    }


def plans(url: str, operator_id: int) -> dict[str, list[str]]:
    now = dt.datetime.now(dt.UTC)
    params = {
        "now": now,
        "stale_before": now - dt.timedelta(minutes=15),
        "op_id": operator_id,
        "at_priority": 0,
    }
    found: dict[str, list[str]] = {}
    with psycopg.connect(libpq_url(url)) as conn:
        for name, sql in (("held", RAW_HELD), ("top_priority", RAW_TOP), ("claim", RAW_CLAIM)):
            rows = conn.execute("EXPLAIN (ANALYZE, COSTS OFF) " + sql, params).fetchall()
            found[name] = [r[0] for r in rows]
            conn.rollback()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=100_000, help="queued orders (100000)")
    parser.add_argument("--samples", type=int, default=1000, help="latency samples (1000)")
    parser.add_argument("--clients", type=int, default=32, help="concurrent claimers (32)")
    parser.add_argument("--processes", type=int, default=8, help="processes for the 2nd run")
    parser.add_argument("--seconds", type=float, default=5.0, help="per throughput run (5)")
    parser.add_argument("--lease-index", action="store_true", help="add the proposed index")
    parser.add_argument("--keep", action="store_true", help="keep the throwaway database")
    args = parser.parse_args()

    with throwaway_database("okno_bench_claim", keep=args.keep) as url:
        operators = make_operators(url, args.clients + 2)
        t0 = time.perf_counter()
        copy_queue_orders(url, args.orders)
        if args.lease_index:
            with psycopg.connect(libpq_url(url)) as conn:
                conn.execute(LEASE_INDEX_DDL)
        print(f"{args.orders} queued orders in {time.perf_counter() - t0:.1f} s")

        plan = plans(url, operators[0])
        latency = measure_latency(url, operators[:2], args.samples)
        claimers = operators[2:]
        threads = measure_throughput(url, claimers, args.seconds, 1)
        procs = measure_throughput(url, claimers, args.seconds, args.processes)
        # the ceiling of this machine for Python claimers: the baseline, same split
        raw_threads = measure_throughput(url, claimers, args.seconds, 1, raw=True)
        raw_procs = measure_throughput(url, claimers, args.seconds, args.processes, raw=True)
        check = double_claims(url)
        env = environment(url)

    print_table(
        f"T2 take next, single client, {args.orders} queued orders, {args.samples} samples (ms)",
        [
            {"path": "take_next", **latency["take_next"]},
            {"path": "raw psycopg", **latency["raw_psycopg"]},
            {
                "path": "ratio",
                "p50_ms": latency["ratio_p50"],
                "p95_ms": latency["ratio_p95"],
                "p99_ms": latency["ratio_p99"],
            },
        ],
        ["path", "p50_ms", "p95_ms", "p99_ms", "mean_ms", "max_ms"],
    )
    print_table(
        f"T2 throughput, {args.clients} concurrent claimers (claim + finish each)",
        [threads, procs, raw_threads, raw_procs],
        ["path", "claimers", "processes", "seconds", "claims", "claims_per_s", "lost_leases"],
    )
    print_table("T2 double claims", [check], list(check))
    for name, lines in plan.items():
        print(f"\nplan: {name}\n  " + "\n  ".join(lines))
    verdict = {
        "p95_ratio_le_2": latency["ratio_p95"] <= 2.0,
        "throughput_ge_1000": max(threads["claims_per_s"], procs["claims_per_s"]) >= 1000,
        "zero_double_claims": check["orders_claimed_twice"] == 0
        and check["claimed_events"] == check["distinct_orders"]
        and latency["lost_leases"]
        + sum(r["lost_leases"] for r in (threads, procs, raw_threads, raw_procs))
        == 0,
    }
    print(f"\ntargets: {verdict}")
    write_json(
        "claim-lease-index" if args.lease_index else "claim",
        {
            "benchmark": "T2 take next (claim with lease)",
            "environment": env,
            "orders": args.orders,
            "lease_index": args.lease_index,
            "latency": latency,
            "throughput_threads": threads,
            "throughput_processes": procs,
            "throughput_raw_threads": raw_threads,
            "throughput_raw_processes": raw_procs,
            "double_claims": check,
            "targets": verdict,
            "plans": plan,
        },
    )


if __name__ == "__main__":
    main()
