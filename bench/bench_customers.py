"""Customer 360 on PostgreSQL at the reference scale (1M customers).

T1  phone lookup from any input format (``app.customers.identity.lookup_phone``: normalize +
    SQLAlchemy Core) against a raw prepared psycopg exact lookup on the E.164 column — the same
    join and columns, the number already in E.164. Both run in an open transaction; measured
    and baseline calls alternate sample by sample. Target: p95 ratio ≤ 1.8.
    Also reported (no target): the same lookup end to end with its own session per call.
T6  fragment search (``app.customers.search.search``, limit 50) with ≥ 3-character fragments of
    surnames, the first 4–10 characters of e-mails, phone digits, and two-word names in either
    order. Target: p95 ≤ 20 ms (the ratio against an exact btree lookup is printed for
    reference). E-mail substrings from anywhere ("ya@yande") are measured and reported apart.
P   the profile with metrics, badges and the first timeline page
    (``app.customers.profile.customer_profile``) for a customer with 500 orders (plus their
    items and status history, calls, messages and notes). Target: p95 ≤ 50 ms.

Data: ``app.demo.seed.seed_demo`` (1M customers, ``--orders`` orders), then 500 more orders
(each with 3 items and 4 status changes), 100 calls, 100 messages and 50 notes for one seeded
customer, then ANALYZE.

    .venv/bin/python bench/bench_customers.py [--customers 1000000] [--orders 300000]
        [--samples 2000] [--rounds 3] [--keep] [--url URL-of-a-database-seeded-before]

The machine is shared: each round prints the load average it ran under; absolute times are
only comparable between rounds of similar load, the ratios are the figures to quote.

Writes bench/results/customers.json. Runs on a throwaway database unless ``--url`` is given."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import phonenumbers
import psycopg
from sqlalchemy import text

from app.clock import FixedClock
from app.customers.identity import lookup_phone
from app.customers.profile import customer_profile
from app.customers.search import search
from app.db import get_engine, get_sessionmaker, session_scope
from bench.common import (
    environment,
    libpq_url,
    percentiles,
    print_table,
    ratio,
    throwaway_database,
    write_json,
)

ANCHOR = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)
BIG_ORDERS = 500

# The exact-match query lookup_phone sends, written out for raw psycopg (same join, columns).
RAW_LOOKUP = (
    "SELECT customer_phones.customer_id, customers.first_name, customers.last_name, "
    "customers.patronymic, customer_phones.e164, customer_phones.extension "
    "FROM customer_phones JOIN customers ON customers.id = customer_phones.customer_id "
    "WHERE customer_phones.e164 = %s AND customers.merged_into_id IS NULL "
    "ORDER BY customer_phones.customer_id LIMIT %s"
)


def seed(url: str, customers: int, orders: int) -> None:
    from app.demo.seed import seed_demo

    started = time.perf_counter()
    seed_demo(url, customers=customers, orders=orders, seed=42, now=ANCHOR)
    print(f"seeded {customers} customers, {orders} orders in {time.perf_counter() - started:.0f} s")


def check_search_columns(url: str) -> None:
    """The seeder writes the derived search columns itself (models.customers); a database seeded
    by an older version is re-derived here the bulk way: values computed in Python, COPY into a
    temporary table, one UPDATE ... FROM with the search indexes dropped and rebuilt after."""
    from models.customers import customer_name_key, customer_search_text

    with psycopg.connect(libpq_url(url)) as conn:
        rows = conn.execute(
            "SELECT first_name, last_name, patronymic, email_normalized, search_text "
            "FROM customers ORDER BY id LIMIT 200"
        ).fetchall()
        stale = sum(1 for f, la, p, e, st in rows if customer_search_text(f, la, p, e) != st)
        if not stale:
            return
        print(f"{stale} of {len(rows)} sampled search_text values differ: re-deriving all")
        started = time.perf_counter()
        conn.execute("CREATE TEMP TABLE derived (id bigint, st text, nk text) ON COMMIT DROP")
        source = conn.execute(
            "SELECT id, first_name, last_name, patronymic, email_normalized FROM customers"
        ).fetchall()  # read first: a connection cannot fetch while it is in a COPY
        with conn.cursor().copy("COPY derived (id, st, nk) FROM STDIN") as copy:
            for cid, first, last, patr, email in source:
                copy.write_row(
                    (
                        cid,
                        customer_search_text(first, last, patr, email),
                        customer_name_key(first, last),
                    )
                )
        conn.execute("DROP INDEX ix_customers_search_text_trgm")
        conn.execute("DROP INDEX ix_customers_birth_date_name_key")
        conn.execute("DROP INDEX IF EXISTS ix_customers_search_words")
        conn.execute(
            "UPDATE customers c SET search_text = d.st, name_key = d.nk FROM derived d "
            "WHERE c.id = d.id"
        )
        conn.execute(
            "CREATE INDEX ix_customers_search_text_trgm ON customers "
            "USING gin (search_text gin_trgm_ops)"
        )
        conn.execute(
            "CREATE INDEX ix_customers_birth_date_name_key ON customers (birth_date, name_key)"
        )
        conn.execute("DROP INDEX IF EXISTS ix_customers_search_words")
        conn.execute(
            "CREATE INDEX ix_customers_search_words ON customers "
            "USING gin (to_tsvector('simple'::regconfig, search_text))"
        )
        conn.commit()
        conn.autocommit = True
        conn.execute("VACUUM ANALYZE customers")
    print(f"re-derived in {time.perf_counter() - started:.0f} s")


def add_big_customer(url: str) -> int:
    """Give one seeded customer 500 orders with items and history, calls, messages, notes."""
    with psycopg.connect(libpq_url(url)) as conn:
        row = conn.execute(
            "SELECT c.id FROM customers c WHERE c.merged_into_id IS NULL "
            "AND EXISTS (SELECT 1 FROM customer_phones p WHERE p.customer_id = c.id) "
            "ORDER BY c.id LIMIT 1 OFFSET 4242"
        ).fetchone()
        assert row is not None
        cid = int(row[0])
        done = conn.execute("SELECT count(*) FROM orders WHERE customer_id = %s", (cid,)).fetchone()
        if done and int(done[0]) >= BIG_ORDERS:
            return cid
        offers = [r[0] for r in conn.execute("SELECT id FROM offers ORDER BY id LIMIT 300")]
        store = conn.execute("SELECT id FROM stores ORDER BY id LIMIT 1").fetchone()
        rng = random.Random(7)
        fates = [
            ["needs_confirmation", "confirmed", "shipped", "completed"],
            ["needs_confirmation", "confirmed", "ready_for_pickup", "completed"],
            ["needs_confirmation", "confirmed", "cancelled"],
            ["needs_confirmation", "cancelled"],
            ["needs_confirmation", "confirmed", "shipped", "returned"],
        ]
        for n in range(BIG_ORDERS):
            at = ANCHOR - dt.timedelta(hours=17 * (BIG_ORDERS - n))
            fate = fates[rng.randrange(len(fates))]
            oid = conn.execute(
                "INSERT INTO orders (number, source, status, status_changed_at, priority, "
                "customer_id, contact_name, delivery_type, delivery_cost, payment_status, "
                "subtotal, discount_total, total, no_answer_attempts, version, created_at, "
                "updated_at, shipping_store_id) VALUES (%s, 'site', %s, %s, 0, %s, 'Bench', "
                "%s, 0, 'paid', 3000, 0, 3000, 0, 1, %s, %s, %s) RETURNING id",
                (
                    f"BIG-{n:05d}",
                    fate[-1],
                    at,
                    cid,
                    "pickup" if "ready_for_pickup" in fate else "courier",
                    at,
                    at,
                    store[0] if store else None,
                ),
            ).fetchone()
            assert oid is not None
            for k in range(3):
                conn.execute(
                    "INSERT INTO order_items (order_id, offer_id, name, quantity, price, "
                    "discount, is_cross_sell, created_at) VALUES (%s, %s, 'item', 1, 1000, 0, "
                    "false, %s)",
                    (oid[0], offers[(n * 3 + k) % len(offers)], at),
                )
            previous = "new"
            for k, status in enumerate(fate):
                conn.execute(
                    "INSERT INTO order_status_history (order_id, actor_kind, from_status, "
                    "to_status, created_at) VALUES (%s, 'robot', %s, %s, %s)",
                    (oid[0], previous, status, at + dt.timedelta(minutes=10 * (k + 1))),
                )
                previous = status
        for n in range(100):
            at = ANCHOR - dt.timedelta(hours=80 * n + 3)
            conn.execute(
                "INSERT INTO calls (external_id, provider, direction, customer_id, state, "
                "last_seq, has_summary, started_at, created_at, updated_at) VALUES (%s, 'mango', "
                "'inbound', %s, 'ended', 1, true, %s, %s, %s)",
                (f"bench-call-{cid}-{n}", cid, at, at, at),
            )
        conv = conn.execute(
            "INSERT INTO conversations (channel, external_chat_id, customer_id, is_open, "
            "created_at, updated_at) VALUES ('telegram', %s, %s, true, %s, %s) RETURNING id",
            (f"bench-{cid}", cid, ANCHOR, ANCHOR),
        ).fetchone()
        assert conv is not None
        for n in range(100):
            at = ANCHOR - dt.timedelta(hours=70 * n + 1)
            conn.execute(
                "INSERT INTO messages (conversation_id, direction, body, delivery_state, "
                "created_at) VALUES (%s, 'inbound', 'здравствуйте, где мой заказ?', "
                "'received', %s)",
                (conv[0], at),
            )
        for n in range(50):
            at = ANCHOR - dt.timedelta(hours=150 * n + 2)
            conn.execute(
                "INSERT INTO customer_notes (customer_id, text, created_at) VALUES (%s, %s, %s)",
                (cid, f"заметка {n}", at),
            )
        conn.commit()
        conn.autocommit = True
        conn.execute("ANALYZE")
    return cid


def phone_variants(url: str, n: int, rng: random.Random) -> list[tuple[str, str]]:
    """``n`` (typed form, E.164) pairs of existing numbers, in the formats people type."""
    with psycopg.connect(libpq_url(url)) as conn:
        total = conn.execute("SELECT max(id) FROM customer_phones").fetchone()
        top = int(total[0]) if total and total[0] else 0
        ids = [rng.randint(1, top) for _ in range(n * 2)]
        rows = conn.execute(
            "SELECT e164 FROM customer_phones WHERE id = ANY(%s)", (ids,)
        ).fetchall()
    pairs = []
    for (e164,) in rows[:n]:
        number = phonenumbers.parse(e164)
        style = rng.randrange(5)
        if style == 0:
            typed = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
        elif style == 1:
            typed = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        elif style == 2:
            typed = "00" + e164[1:]
        elif style == 3 and e164.startswith("+7"):
            typed = e164[2:]  # 10 bare digits
        else:
            typed = e164
        pairs.append((typed, e164))
    return pairs


def search_queries(url: str, n: int, rng: random.Random) -> list[str]:
    """Fragments (≥ 3 characters) of real names, e-mails and phone numbers, and full names."""
    with psycopg.connect(libpq_url(url)) as conn:
        top_row = conn.execute("SELECT max(id) FROM customers").fetchone()
        top = int(top_row[0]) if top_row and top_row[0] else 0
        ids = [rng.randint(1, top) for _ in range(n)]
        people = conn.execute(
            "SELECT c.first_name, c.last_name, c.email_normalized, "
            "(SELECT e164 FROM customer_phones p WHERE p.customer_id = c.id LIMIT 1) "
            "FROM customers c WHERE c.id = ANY(%s)",
            (ids,),
        ).fetchall()
    queries = []
    for first, last, email, phone in people:
        kind = rng.randrange(6)
        if kind == 0 and last:
            queries.append(last[: rng.randint(3, max(3, len(last)))])
        elif kind == 1 and last and first:
            queries.append(f"{first} {last}")
        elif kind == 2 and last and first:
            queries.append(f"{last[:4]} {first[:3]}")
        elif kind == 3 and email:
            queries.append(email[: rng.randint(4, 10)])  # the start, as people type it
        elif kind == 4 and phone:
            start = rng.randint(2, len(phone) - 5)
            queries.append(phone[start : start + rng.randint(4, 7)])
        elif last:
            middle = last[1:-1]
            queries.append(middle if len(middle) >= 3 else last)
    return queries[:n]


def email_substrings(url: str, n: int, rng: random.Random) -> list[str]:
    """The hard case, reported apart: 4–8 characters from anywhere in an e-mail ("ya@yande",
    "ail.com"), often matching a fifth of the base through the domain."""
    with psycopg.connect(libpq_url(url)) as conn:
        emails = [
            r[0]
            for r in conn.execute(
                "SELECT email_normalized FROM customers WHERE email_normalized IS NOT NULL "
                "AND id %% 997 = 0 LIMIT %s",
                (n,),
            )
        ]
    found = []
    for email in emails:
        start = rng.randrange(max(1, len(email) - 5))
        found.append(email[start : start + rng.randint(4, 8)])
    return found


def timed(fn: Callable[[], Any]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def bench_t1(url: str, pairs: list[tuple[str, str]]) -> dict[str, Any]:
    sessions = get_sessionmaker(url)
    measured: list[float] = []
    baseline: list[float] = []
    found = 0
    with sessions() as session, psycopg.connect(libpq_url(url)) as raw:
        for typed, e164 in pairs[:50]:  # warm both paths (plans, caches, prepared statements)
            lookup_phone(session, typed)
            raw.execute(RAW_LOOKUP, (e164, 10), prepare=True).fetchall()
        for n, (typed, e164) in enumerate(pairs):
            if n % 2:
                measured.append(timed(lambda t=typed: lookup_phone(session, t)))
                baseline.append(
                    timed(lambda e=e164: raw.execute(RAW_LOOKUP, (e, 10), prepare=True).fetchall())
                )
            else:
                baseline.append(
                    timed(lambda e=e164: raw.execute(RAW_LOOKUP, (e, 10), prepare=True).fetchall())
                )
                measured.append(timed(lambda t=typed: lookup_phone(session, t)))
        found = sum(1 for typed, _ in pairs[:200] if lookup_phone(session, typed))
        session.rollback()
    end_to_end: list[float] = []
    for typed, _ in pairs[: min(len(pairs), 500)]:

        def one(t: str = typed) -> None:
            with session_scope(url) as s:
                lookup_phone(s, t)

        end_to_end.append(timed(one))
    m, b, e = percentiles(measured), percentiles(baseline), percentiles(end_to_end)
    return {
        "measured": m,
        "baseline": b,
        "end_to_end_session_per_call": e,
        "p95_ratio": ratio(m, b, "p95_ms"),
        "p50_ratio": ratio(m, b, "p50_ms"),
        "found_of_200": found,
        "target_p95_ratio": 1.8,
    }


def bench_t6(url: str, queries: list[str]) -> dict[str, Any]:
    sessions = get_sessionmaker(url)
    measured: list[float] = []
    baseline: list[float] = []
    hits = 0
    with sessions() as session, psycopg.connect(libpq_url(url)) as raw:
        emails = [
            r[0]
            for r in raw.execute(
                "SELECT email_normalized FROM customers WHERE email_normalized IS NOT NULL "
                "LIMIT 200"
            )
        ]
        for q in queries[:30]:
            search(session, q, 50)
        for n, q in enumerate(queries):
            measured.append(timed(lambda q=q: search(session, q, 50)))
            email = emails[n % len(emails)]
            baseline.append(
                timed(
                    lambda e=email: raw.execute(
                        "SELECT id FROM customers WHERE email_normalized = %s", (e,), prepare=True
                    ).fetchall()
                )
            )
        hits = sum(1 for q in queries[:200] if search(session, q, 50))
        session.rollback()
    m, b = percentiles(measured), percentiles(baseline)
    return {
        "measured": m,
        "baseline_exact_btree": b,
        "p95_ratio": ratio(m, b, "p95_ms"),
        "queries_with_hits_of_200": hits,
        "target_p95_ms": 20.0,
    }


def bench_profile(url: str, customer_id: int, samples: int) -> dict[str, Any]:
    sessions = get_sessionmaker(url)
    clock = FixedClock(ANCHOR)
    measured: list[float] = []
    baseline: list[float] = []
    with sessions() as session, psycopg.connect(libpq_url(url)) as raw:
        profile = customer_profile(session, customer_id, clock)
        for _ in range(10):
            customer_profile(session, customer_id, clock)
        for _ in range(samples):
            measured.append(timed(lambda: customer_profile(session, customer_id, clock)))
            baseline.append(
                timed(
                    lambda: raw.execute(
                        "SELECT * FROM customers WHERE id = %s", (customer_id,), prepare=True
                    ).fetchall()
                )
            )
        session.rollback()
    m, b = percentiles(measured), percentiles(baseline)
    return {
        "measured": m,
        "baseline_customer_row": b,
        "p95_ratio": ratio(m, b, "p95_ms"),
        "orders": profile.metrics.order_count,
        "timeline_items": len(profile.timeline.items),
        "target_p95_ms": 50.0,
    }


def one_round(url: str, big: int, args: argparse.Namespace, n: int) -> dict[str, Any]:
    rng = random.Random(2026 + n)
    load_before = os.getloadavg()[0]
    t1 = bench_t1(url, phone_variants(url, args.samples, rng))
    t6 = bench_t6(url, search_queries(url, args.samples, rng))
    t6_email = bench_t6(url, email_substrings(url, min(args.samples, 300), rng))
    prof = bench_profile(url, big, min(args.samples, 500))
    load = max(load_before, os.getloadavg()[0])
    rows = [
        {"what": "T1 lookup_phone (any format)", **t1["measured"], "ratio": t1["p95_ratio"]},
        {"what": "T1 raw prepared exact E.164", **t1["baseline"], "ratio": 1.0},
        {"what": "T1 end to end, session per call", **t1["end_to_end_session_per_call"]},
        {"what": "T6 search (fragments, limit 50)", **t6["measured"], "ratio": t6["p95_ratio"]},
        {"what": "T6 raw exact btree", **t6["baseline_exact_btree"], "ratio": 1.0},
        {
            "what": "(e-mail substrings anywhere)",
            **t6_email["measured"],
            "ratio": t6_email["p95_ratio"],
        },
        {"what": "profile + timeline, 500 orders", **prof["measured"], "ratio": prof["p95_ratio"]},
        {"what": "raw customer row", **prof["baseline_customer_row"], "ratio": 1.0},
    ]
    print_table(
        f"round {n + 1}: p95 ratio vs baseline; 1-minute load average up to {load:.1f} "
        f"on {os.cpu_count()} CPUs",
        rows,
        ["what", "n", "p50_ms", "p95_ms", "p99_ms", "ratio"],
    )
    verdict = {
        "T1 p95 ratio ≤ 1.8": t1["p95_ratio"] <= 1.8,
        "T6 p95 ≤ 20 ms": t6["measured"]["p95_ms"] <= 20.0,
        "profile p95 ≤ 50 ms": prof["measured"]["p95_ms"] <= 50.0,
    }
    for what, ok in verdict.items():
        print(f"{'MET   ' if ok else 'MISSED'}  {what}")
    return {
        "load_average": load,
        "t1": t1,
        "t6": t6,
        "t6_email_substrings": t6_email,
        "profile": prof,
        "targets_met": verdict,
    }


def run(url: str, args: argparse.Namespace) -> dict[str, Any]:
    """``--rounds`` measurement rounds on one data set. The machine is shared: every round
    records the load average it ran under, and the ratios are the figures to compare."""
    with get_engine(url).connect() as conn:
        customers = conn.scalar(text("SELECT count(*) FROM customers"))
        phones = conn.scalar(text("SELECT count(*) FROM customer_phones"))
        orders = conn.scalar(text("SELECT count(*) FROM orders"))
    check_search_columns(url)
    big = add_big_customer(url)
    print(f"data: {customers} customers, {phones} phones, {orders} orders; big customer #{big}")
    rounds = [one_round(url, big, args, n) for n in range(args.rounds)]
    return {
        "benchmark": "customer 360: T1 phone lookup, T6 fragment search, profile",
        "environment": environment(url),
        "data": {"customers": customers, "phones": phones, "orders": orders, "big_customer": big},
        "args": vars(args),
        "rounds": rounds,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--orders", type=int, default=300_000)
    parser.add_argument("--samples", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3, help="measurement rounds")
    parser.add_argument("--keep", action="store_true", help="keep the seeded database")
    parser.add_argument("--url", help="reuse a database seeded by an earlier --keep run")
    args = parser.parse_args()
    if args.url:
        result = run(args.url, args)
    else:
        with throwaway_database("okno_bench_customers", keep=args.keep) as url:
            seed(url, args.customers, args.orders)
            result = run(url, args)
    write_json("customers", result)


if __name__ == "__main__":
    main()
