"""T8: bulk order intake with the robot, against a raw COPY of the same rows (PostgreSQL).

1. Seeds a throwaway database with a catalogue (``--stores`` stores, ``--offers`` offers, stock
   of every offer in every store) and writes ``--orders`` orders as a RetailCRM v5 JSON file
   (about 3 items each, repeat customers, phones in several formats, some pickups, unpaid
   orders, comments and scarce stock so the robot says both yes and no). Deterministic.
2. Times ``okno orders import FILE`` end to end, in process (``app.cli.main``): reading the
   JSON, validation, customers, robot decisions, reserves, history, outbox, commits.
3. Times the parsing alone (``json.loads`` + ``intake.parse_record`` of every record) to show
   how much of the import is Python validation rather than database work.
4. Baseline: the order and item rows the import wrote, read back into memory, then COPYed
   through raw psycopg into plain tables of the same columns and types (no index, no
   constraint): the least work that puts the same rows in the database.
5. Checks the outcome (every order created, stock never oversold, reserves = confirmed items)
   and that re-importing a slice of the file creates nothing (idempotent on externalId).

Target (shared/PERF.md, T8): import rate (orders + items per second) ≥ 0.3 × the COPY rate.

    .venv/bin/python bench/bench_intake.py [--orders 100000] [--chunk 2000] [--profile]

Writes bench/results/intake.json. Runs on a throwaway database (created and dropped)."""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import json
import pstats
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psycopg

from app.cli import main as cli_main
from app.cli.common import parse_instant
from app.clock import FixedClock
from app.db import get_sessionmaker
from app.orders import intake
from bench.common import (
    environment,
    libpq_url,
    print_table,
    throwaway_database,
    write_json,
)

NOW = "2026-11-20T09:00:00Z"
PHONE_FORMATS = (
    "+7 9{a:02d} {b:03d}-{c:02d}-{d:02d}",
    "8 (9{a:02d}) {b:03d}-{c:02d}-{d:02d}",
    "89{a:02d}{b:03d}{c:02d}{d:02d}",
    "9{a:02d}{b:03d}{c:02d}{d:02d}",
    "+79{a:02d}{b:03d}{c:02d}{d:02d}",
)
FIRST = ("Анна", "Мария", "Ольга", "Елена", "Иван", "Пётр", "Сергей", "Дарья", "Юлия", "Алексей")
LAST = ("Иванова", "Петрова", "Смирнова", "Кузнецова", "Попова", "Соколова", "Лебедева")
STREETS = ("ул. Тверская", "Ленинский пр.", "ул. Арбат", "Невский пр.", "ул. Мира")


# --- data ---------------------------------------------------------------------------------------


def seed_catalogue(url: str, stores: int, offers: int, seed: int) -> None:
    """Stores, one category, products/offers and stock everywhere, by COPY (fast, exact)."""
    rng = random.Random(seed)
    with psycopg.connect(libpq_url(url)) as conn, conn.cursor() as cur:
        with cur.copy(
            "COPY stores (id, code, name, kind, city, address, is_active) FROM STDIN"
        ) as cp:
            for s in range(1, stores + 1):
                cp.write_row(
                    (s, f"store-{s:02d}", f"Магазин {s}", "retail", "Москва", f"ул. {s}", True)
                )
        cur.execute("INSERT INTO categories (id, name, sort_order) VALUES (1, 'Одежда', 0)")
        with cur.copy(
            "COPY products (id, external_id, category_id, name, audience, is_active) FROM STDIN"
        ) as cp:
            for o in range(1, offers + 1):
                cp.write_row((o, f"P{o}", 1, f"Товар {o}", "unisex", True))
        with cur.copy(
            "COPY offers (id, external_id, product_id, name, size, price, is_active) FROM STDIN"
        ) as cp:
            for o in range(1, offers + 1):
                price = f"{rng.choice((290, 490, 790, 990, 1490, 1990, 2490))}.00"
                cp.write_row((o, f"SKU-{o:06d}", o, f"Товар {o}, 110", "110", price, True))
        with cur.copy("COPY stock (offer_id, store_id, quantity, reserved) FROM STDIN") as cp:
            for o in range(1, offers + 1):
                for s in range(1, stores + 1):
                    # mostly plenty; one pair in eight holds 0-2 units (shortages, last units)
                    qty = rng.randint(0, 2) if rng.random() < 0.125 else rng.randint(5, 40)
                    cp.write_row((o, s, qty, 0))
        for table in ("stores", "categories", "products", "offers"):
            cur.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                f" (SELECT max(id) FROM {table}))"
            )
        cur.execute("ANALYZE")


def _phone(rng: random.Random) -> str:
    fmt = rng.choice(PHONE_FORMATS)
    return fmt.format(
        a=rng.randint(10, 99), b=rng.randint(100, 999), c=rng.randint(0, 99), d=rng.randint(0, 99)
    )


def generate_orders(n: int, stores: int, offers: int, seed: int) -> list[dict[str, Any]]:
    """``n`` RetailCRM v5 orders; about half the buyers order more than once (repeat phones,
    typed differently), a fifth carry a customer externalId, most have an e-mail."""
    rng = random.Random(seed)
    buyers = []
    for b in range(max(1, n // 2)):
        digits = _phone(rng)
        buyers.append(
            {
                "firstName": rng.choice(FIRST),
                "lastName": rng.choice(LAST),
                "phone": digits,
                "email": f"buyer{b}@example.ru" if rng.random() < 0.7 else None,
                "customer": {"externalId": f"C{b:07d}"} if rng.random() < 0.2 else None,
            }
        )
    records = []
    for i in range(n):
        buyer = rng.choice(buyers)
        store = rng.randint(1, stores)
        pickup = rng.random() < 0.15
        items = [
            {
                "offer": {"externalId": f"SKU-{rng.randint(1, offers):06d}"},
                "quantity": 1 if rng.random() < 0.8 else 2,
            }
            for _ in range(rng.choice((1, 2, 3, 3, 4, 5)))
        ]
        record: dict[str, Any] = {
            "externalId": f"web-{i:07d}",
            "number": f"W{i:07d}",
            "orderMethod": rng.choice(("shopping-cart", "shopping-cart", "mobile-app", "phone")),
            "firstName": buyer["firstName"],
            "lastName": buyer["lastName"],
            "phone": buyer["phone"],
            "items": items,
            "delivery": (
                {"code": "pickup"}
                if pickup
                else {
                    "code": "courier",
                    "cost": rng.choice((0, 250, 350)),
                    "address": {
                        "city": "Москва",
                        "street": rng.choice(STREETS),
                        "building": str(rng.randint(1, 120)),
                        "flat": str(rng.randint(1, 300)),
                    },
                }
            ),
            "payments": [
                {
                    "type": "card-online" if rng.random() < 0.85 else "cash",
                    "status": "paid" if rng.random() < 0.8 else "not-paid",
                }
            ],
            "shipmentStore": f"store-{store:02d}",
            "createdAt": f"2026-11-{rng.randint(1, 19):02d} {rng.randint(8, 22):02d}:"
            f"{rng.randint(0, 59):02d}:00",
        }
        if buyer["email"]:
            record["email"] = buyer["email"]
        if buyer["customer"]:
            record["customer"] = buyer["customer"]
        if rng.random() < 0.05:
            record["customerComment"] = "позвоните перед доставкой"
        records.append(record)
    return records


# --- measurements -------------------------------------------------------------------------------


def time_import(
    url: str, path: Path, chunk: int, profile: bool
) -> tuple[float, dict[str, Any], str]:
    """``okno orders import FILE`` in process; returns seconds, the printed summary and, when
    asked, the top of a cProfile (cumulative time)."""
    old_chunk = intake.CHUNK
    intake.CHUNK = chunk  # the CLI imports with the module's default chunk size
    out = io.StringIO()
    profiler = cProfile.Profile() if profile else None
    try:
        with contextlib.redirect_stdout(out):
            started = time.perf_counter()
            if profiler:
                profiler.enable()
            code = cli_main(["--database-url", url, "orders", "import", str(path), "--now", NOW])
            if profiler:
                profiler.disable()
            seconds = time.perf_counter() - started
    finally:
        intake.CHUNK = old_chunk
    if code != 0:
        raise SystemExit(f"okno orders import exited {code}: {out.getvalue()[:2000]}")
    report = ""
    if profiler:
        text = io.StringIO()
        stats = pstats.Stats(profiler, stream=text)
        stats.sort_stats("tottime").print_stats(25)
        report = text.getvalue()
    return seconds, json.loads(out.getvalue()), report


def time_parse(url: str, path: Path, chunk: int) -> dict[str, float]:
    """JSON decoding and ``parse_record`` of every record, no writes (the catalogue lookups of
    each chunk included, as in the import)."""
    started = time.perf_counter()
    records = json.loads(path.read_text(encoding="utf-8"))
    decoded = time.perf_counter()
    tz = ZoneInfo("Europe/Moscow")
    phones: dict[str, Any] = {}
    bad = 0
    with get_sessionmaker(url)() as session:
        for start in range(0, len(records), chunk):
            batch = records[start : start + chunk]
            catalog = intake._Catalog(session, batch)
            for rec in batch:
                parsed, _errors = intake.parse_record(rec, catalog, tz, "RU", phones)
                bad += parsed is None
    parsed_at = time.perf_counter()
    if bad:
        raise SystemExit(f"{bad} generated records did not parse")
    return {"json_s": decoded - started, "parse_records_s": parsed_at - decoded}


ORDER_COPY_COLUMNS = (
    "id, number, external_id, source, status, status_changed_at, priority, customer_id,"
    " contact_name, contact_phone_raw, contact_phone_e164, contact_email, shipping_store_id,"
    " delivery_type, delivery_address, delivery_cost, payment_status, payment_method, subtotal,"
    " discount_total, total, customer_comment, manager_comment, no_answer_attempts,"
    " stock_reserved_at, robot_checks, robot_checked_at, version, created_at, updated_at"
)
ITEM_COPY_COLUMNS = "id, order_id, offer_id, name, quantity, price, discount, is_cross_sell"


def time_raw_copy(url: str) -> dict[str, Any]:
    """COPY the imported order and item rows (held in memory as tuples) into plain tables of
    the same columns and types: the baseline. Then, for the record, the same COPY into tables
    that also carry orders'/order_items' indexes, unique keys and foreign keys, to show how
    much of the gap is the schema's own upkeep rather than the import's work."""
    with psycopg.connect(libpq_url(url)) as conn:
        orders = conn.execute(f"SELECT {ORDER_COPY_COLUMNS} FROM orders ORDER BY id").fetchall()
        items = conn.execute(f"SELECT {ITEM_COPY_COLUMNS} FROM order_items ORDER BY id").fetchall()
        # JSONB comes back as Python objects: give COPY its text form, as the import does
        orders = [
            (*r[:25], json.dumps(r[25], ensure_ascii=False) if r[25] is not None else None, *r[26:])
            for r in orders
        ]
        conn.execute(
            f"CREATE TABLE raw_orders AS SELECT {ORDER_COPY_COLUMNS} FROM orders WITH NO DATA"
        )
        conn.execute(
            f"CREATE TABLE raw_items AS SELECT {ITEM_COPY_COLUMNS} FROM order_items WITH NO DATA"
        )
        conn.commit()
        plain = _copy_pair(conn, "raw_orders", "raw_items", orders, items)

        conn.execute("CREATE TABLE keyed_orders (LIKE orders INCLUDING ALL)")
        conn.execute("CREATE TABLE keyed_items (LIKE order_items INCLUDING ALL)")
        for table, copy in (("orders", "keyed_orders"), ("order_items", "keyed_items")):
            for (definition,) in conn.execute(
                "SELECT pg_get_constraintdef(oid) FROM pg_constraint"
                " WHERE conrelid = %s::regclass AND contype = 'f'",
                (table,),
            ).fetchall():
                definition = definition.replace("REFERENCES orders(", "REFERENCES keyed_orders(")
                conn.execute(f"ALTER TABLE {copy} ADD {definition}")
        conn.commit()
        keyed = _copy_pair(conn, "keyed_orders", "keyed_items", orders, items)
    return {"seconds": plain, "keyed_seconds": keyed, "orders": len(orders), "items": len(items)}


def _copy_pair(
    conn: psycopg.Connection[Any],
    orders_table: str,
    items_table: str,
    orders: list[Any],
    items: list[Any],
) -> float:
    started = time.perf_counter()
    with conn.cursor() as cur:
        with cur.copy(f"COPY {orders_table} ({ORDER_COPY_COLUMNS}) FROM STDIN") as cp:
            for row in orders:
                cp.write_row(row)
        with cur.copy(f"COPY {items_table} ({ITEM_COPY_COLUMNS}) FROM STDIN") as cp:
            for row in items:
                cp.write_row(row)
    conn.commit()
    return time.perf_counter() - started


def check_outcome(url: str, n: int) -> dict[str, Any]:
    with psycopg.connect(libpq_url(url)) as conn:
        one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
        facts = {
            "orders": one("SELECT count(*) FROM orders"),
            "items": one("SELECT count(*) FROM order_items"),
            "customers": one("SELECT count(*) FROM customers"),
            "history": one("SELECT count(*) FROM order_status_history"),
            "outbox_events": one("SELECT count(*) FROM outbox_events"),
            "confirmed": one("SELECT count(*) FROM orders WHERE status = 'confirmed'"),
            "needs_confirmation": one(
                "SELECT count(*) FROM orders WHERE status = 'needs_confirmation'"
            ),
            "oversold_rows": one("SELECT count(*) FROM stock WHERE reserved > quantity"),
            "reserved_units": one("SELECT coalesce(sum(reserved), 0) FROM stock"),
            "confirmed_units": one(
                "SELECT coalesce(sum(i.quantity), 0) FROM order_items i"
                " JOIN orders o ON o.id = i.order_id WHERE o.stock_reserved_at IS NOT NULL"
            ),
        }
    problems = []
    if facts["orders"] != n:
        problems.append(f"{facts['orders']} orders, expected {n}")
    if facts["confirmed"] + facts["needs_confirmation"] != n:
        problems.append("some orders were not decided by the robot")
    if facts["oversold_rows"]:
        problems.append(f"{facts['oversold_rows']} stock rows oversold")
    if facts["reserved_units"] != facts["confirmed_units"]:
        problems.append("reserved stock differs from the confirmed orders' items")
    if facts["history"] != n or facts["outbox_events"] != 2 * n:
        problems.append("history/outbox rows are not one decision + two events per order")
    facts["problems"] = problems
    return facts


def time_reimport(url: str, records: list[dict[str, Any]]) -> dict[str, Any]:
    started = time.perf_counter()
    clock = FixedClock(parse_instant(NOW))
    summary = intake.import_orders(get_sessionmaker(url), records, clock)
    return {
        "records": len(records),
        "seconds": time.perf_counter() - started,
        "created": summary.created,
        "unchanged": summary.unchanged,
        "updated": summary.updated,
    }


# --- main ---------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--stores", type=int, default=40)
    parser.add_argument("--offers", type=int, default=20_000)
    parser.add_argument("--chunk", type=int, default=intake.CHUNK)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--reimport", type=int, default=1000, help="records re-imported at the end")
    parser.add_argument("--profile", action="store_true", help="cProfile the import (slower)")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    args = parser.parse_args(argv)

    with (
        throwaway_database("okno_bench_intake", keep=args.keep) as url,
        tempfile.TemporaryDirectory() as tmp,
    ):
        started = time.perf_counter()
        seed_catalogue(url, args.stores, args.offers, args.seed)
        records = generate_orders(args.orders, args.stores, args.offers, args.seed)
        path = Path(tmp) / "orders.json"
        path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
        print(
            f"seeded {args.stores} stores, {args.offers} offers, {args.stores * args.offers} stock"
            f" rows; {args.orders} orders in {path.stat().st_size / 1e6:.1f} MB of JSON"
            f" ({time.perf_counter() - started:.1f} s)"
        )

        parse = time_parse(url, path, args.chunk)
        import_s, summary, profile = time_import(url, path, args.chunk, args.profile)
        outcome = check_outcome(url, args.orders)
        baseline = time_raw_copy(url)
        reimport = time_reimport(url, records[: args.reimport]) if args.reimport else None

        rows = baseline["orders"] + baseline["items"]
        copy_rate = rows / baseline["seconds"]
        import_rate = rows / import_s
        table = [
            {
                "what": "raw COPY (orders + items, plain tables)",
                "orders": baseline["orders"],
                "rows": rows,
                "seconds": baseline["seconds"],
                "rows/s": copy_rate,
                "ratio": 1.0,
            },
            {
                "what": "  same COPY, tables with the real indexes + FKs",
                "orders": baseline["orders"],
                "rows": rows,
                "seconds": baseline["keyed_seconds"],
                "rows/s": rows / baseline["keyed_seconds"],
                "ratio": baseline["seconds"] / baseline["keyed_seconds"],
            },
            {
                "what": "okno orders import (end to end, robot)",
                "orders": args.orders,
                "rows": rows,
                "seconds": import_s,
                "rows/s": import_rate,
                "ratio": import_rate / copy_rate,
            },
            {
                "what": "  of which JSON decoding",
                "orders": args.orders,
                "rows": rows,
                "seconds": parse["json_s"],
                "rows/s": rows / parse["json_s"],
                "ratio": "",
            },
            {
                "what": "  of which parse_record (validation, phones)",
                "orders": args.orders,
                "rows": rows,
                "seconds": parse["parse_records_s"],
                "rows/s": rows / parse["parse_records_s"],
                "ratio": "",
            },
        ]
        print_table(
            f"T8 order intake, {args.orders} orders, chunk {args.chunk} (target ratio ≥ 0.3)",
            table,
            ["what", "orders", "rows", "seconds", "rows/s", "ratio"],
        )
        print(
            f"\nrobot: {summary['robot']['confirmed']} confirmed, "
            f"{summary['robot']['needs_confirmation']} to the queue; "
            f"{outcome['customers']} customers; oversold rows: {outcome['oversold_rows']}"
        )
        if reimport:
            print(
                f"re-import of {reimport['records']} records: created {reimport['created']}, "
                f"unchanged {reimport['unchanged']} ({reimport['seconds']:.2f} s)"
            )
        if outcome["problems"]:
            print("PROBLEMS: " + "; ".join(outcome["problems"]))
        if profile:
            print("\nprofile of the import (top by own time):\n" + profile)

        write_json(
            "intake",
            {
                "target": "import rate >= 0.3 x raw COPY rate (orders + items rows)",
                "environment": environment(url),
                "parameters": vars(args),
                "rows": rows,
                "baseline_copy": {**baseline, "rows_per_s": copy_rate},
                "ratio_vs_keyed_copy": baseline["keyed_seconds"] / import_s,
                "import": {
                    "seconds": import_s,
                    "rows_per_s": import_rate,
                    "orders_per_s": args.orders / import_s,
                    "summary": {k: v for k, v in summary.items() if k != "rejected"},
                    "rejected": len(summary["rejected"]),
                },
                "parse": parse,
                "ratio": import_rate / copy_rate,
                "meets_target": import_rate / copy_rate >= 0.3,
                "outcome": outcome,
                "reimport": reimport,
            },
        )
        return 1 if outcome["problems"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
