"""``seed_demo``: fill an empty Okno database with deterministic demo data.

Same ``seed`` and same ``now`` give the same rows, byte for byte, on the same kind of database
(password hashes aside: they are salted). ``now`` anchors the data set: orders span the 18 months
before it and the newest ones sit in the operator queue. It defaults to the start of the current
hour (UTC), not midnight, so that when the console opens right after seeding the queue is minutes
to hours old, click & collect reserves (3 h) are still running and retry times are near: a demo
that looks alive. Pass ``now`` to reproduce a data set exactly.

Rows go in through the fastest bulk path of the database (PostgreSQL COPY, SQLite Core
executemany) in ONE transaction: a failure leaves the database as it was."""

from __future__ import annotations

import datetime as dt
import random
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence, Sized
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select

from app.business_settings import SPECS
from app.db import get_engine
from app.demo import tables as T
from app.demo.catalog import (
    DAY,
    Catalog,
    StockJob,
    StockModel,
    build_capsules,
    build_categories,
    build_products,
    build_stores,
    capsule_count,
    product_count,
)
from app.demo.cross_sell import cross_sell_history
from app.demo.orders import WINDOW_DAYS, prepare_orders
from app.demo.parallel import chunk_bounds, default_workers, run_chunks
from app.demo.people import CustomerJob, People, Registrations
from app.demo.sinks import CoreSink, PgCopySink, Row, open_sink
from app.demo.users import DEMO_PASSWORD, DEMO_USERS, DemoUser
from app.robot import RobotSettings
from app.security import hash_password
from models import Capsule, Category, Customer, Order, Product, Role, Store, User

__all__ = [
    "DEMO_PASSWORD",
    "DEMO_USERS",
    "DemoSeedError",
    "DemoUser",
    "SeedSummary",
    "default_anchor",
    "seed_demo",
]

Progress = Callable[[str], None]
CHUNK = 20_000  # customers or orders per chunk: part of the data's identity (random streams)
STOCK_CHUNK = 50_000  # offers per stock chunk (stock has no randomness)
CATALOGUE_TABLES = ("categories", "products", "offers", "capsules", "capsule_items", "stores")
CUSTOMER_TABLES = ("customers", "customer_phones", "children", "customer_tags", "customer_notes")
ORDER_TABLES = ("orders", "order_items", "order_status_history")


class DemoSeedError(Exception):
    """The database cannot take demo data (it is not empty, or the arguments are wrong)."""


@dataclass(frozen=True, slots=True)
class SeedSummary:
    """How many rows each table received, and what produced them."""

    users: int
    stores: int
    categories: int
    products: int
    offers: int
    stock: int
    capsules: int
    capsule_items: int
    customers: int
    customer_phones: int
    children: int
    customer_tags: int
    customer_notes: int
    orders: int
    order_items: int
    order_status_history: int
    seed: int
    anchor: dt.datetime
    seconds: float
    #: (phase, seconds): catalogue, customers, orders, stock, then on PostgreSQL drain (the
    #: server finishing the last chunks) and indexes_and_keys; finish is keys + commit + ANALYZE
    phases: tuple[tuple[str, float], ...] = ()

    @property
    def total_rows(self) -> int:
        return sum(
            v
            for k, v in asdict(self).items()
            if isinstance(v, int) and not isinstance(v, bool) and k != "seed"
        )

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["anchor"] = self.anchor.isoformat()
        out["phases"] = dict(self.phases)
        return out


def default_anchor() -> dt.datetime:
    """The start of the current hour, UTC (see the module docstring for why not midnight)."""
    return dt.datetime.now(dt.UTC).replace(minute=0, second=0, microsecond=0)


def _quiet(_message: str) -> None:
    pass


class _Meter:
    """Counts rows per table and reports rows per second."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.rows: dict[str, int] = {}
        self.phases: list[tuple[str, float]] = []

    def add(self, batch: Mapping[T.TableSpec, Sized]) -> None:
        for spec, rows in batch.items():
            self.rows[spec.name] = self.rows.get(spec.name, 0) + len(rows)

    def report(self, names: list[str], started: float, phase: str) -> None:
        seconds = max(time.perf_counter() - started, 1e-9)
        self.phases.append((phase, seconds))
        total = sum(self.rows.get(n, 0) for n in names)
        parts = ", ".join(f"{n} {self.rows.get(n, 0):,}" for n in names)
        self.progress(f"  {parts}: {seconds:.1f} s, {total / seconds:,.0f} rows/s")


def seed_demo(
    url: str,
    *,
    customers: int,
    orders: int,
    seed: int = 42,
    now: dt.datetime | None = None,
    progress: Progress | None = print,
    workers: int | None = None,
) -> SeedSummary:
    """Fill the empty database at ``url`` with ``customers`` customers and ``orders`` orders
    (plus users, stores, catalogue, capsules and stock sized to match). Refuses a database that
    already holds orders, customers or a catalogue (:class:`DemoSeedError`).

    ``workers``: processes generating in parallel (default: one per core on PostgreSQL where
    processes fork, else 1); the data is the same whatever the number."""
    say = progress or _quiet
    if customers < 1:
        raise DemoSeedError(f"customers must be at least 1, got {customers}")
    if orders < 0:
        raise DemoSeedError(f"orders must not be negative, got {orders}")
    anchor = now or default_anchor()
    if anchor.tzinfo is None:
        raise DemoSeedError(f"now={anchor!r} has no time zone; pass an aware UTC datetime")
    anchor = anchor.astimezone(dt.UTC)
    now_s = int(anchor.timestamp())
    started = time.perf_counter()

    engine = get_engine(url)
    _refuse_if_not_empty(engine)
    users, user_ids = _user_rows(engine, now_s)
    operator_ids = [user_ids[u.login] for u in DEMO_USERS if u.role is Role.OPERATOR]

    n_products = product_count(customers)
    say(
        f"Seeding demo data (seed {seed}, anchor {anchor.isoformat()}): {customers:,} customers, "
        f"{orders:,} orders, {n_products:,} products into {engine.dialect.name}"
    )
    sink = open_sink(engine)
    meter = _Meter(say)
    try:
        if isinstance(sink, PgCopySink):
            sink.defer_constraints([spec.name for spec in T.ALL_TABLES if spec is not T.USERS])
        # reference data: users, stores, the catalogue, capsules
        t = time.perf_counter()
        stores = build_stores()
        catalog = Catalog()
        category_ids = build_categories(catalog)
        build_products(catalog, random.Random(f"{seed}:catalog"), n_products, now_s, category_ids)
        build_capsules(catalog, random.Random(f"{seed}:capsules"), capsule_count(n_products), now_s)
        reference = {
            T.USERS: users,
            T.STORES: stores.rows,
            T.CATEGORIES: catalog.category_rows,
            T.PRODUCTS: catalog.product_rows,
            T.OFFERS: catalog.offer_rows,
            T.CAPSULES: catalog.capsule_rows,
            T.CAPSULE_ITEMS: catalog.capsule_item_rows,
        }
        _write(sink, meter, reference)
        meter.report([spec.name for spec in reference], t, "catalogue")

        # Parallel phases: chunks made by forked workers (PostgreSQL), written in chunk order.
        encode = isinstance(sink, PgCopySink)
        n_workers = workers if workers is not None else (default_workers() if encode else 1)
        fork_hooks: dict[str, Any] = {}
        restore: Callable[[Sequence[str]], None] = _no_restore
        if isinstance(sink, PgCopySink):
            fork_hooks = {"before_fork": sink.pause, "after_fork": sink.resume}
            # a finished group's indexes and keys are rebuilt while the next group generates
            restore = sink.restore_constraints

        # customers and everything hanging off them
        t = time.perf_counter()
        people = People(registrations=Registrations(customers, now_s - WINDOW_DAYS * DAY, now_s))
        customer_job = CustomerJob(
            seed, customers, now_s - WINDOW_DAYS * DAY, now_s, tuple(operator_ids)
        )
        for chunk, batch in run_chunks(
            customer_job,
            chunk_bounds(customers, CHUNK),
            workers=n_workers,
            encode=encode,
            on_start=lambda: restore(CATALOGUE_TABLES),
            **fork_hooks,
        ):
            people.extend(chunk)
            _write(sink, meter, batch)
            done = len(people.contact_name)
            if customers >= 200_000 and done % 200_000 == 0:
                say(f"  … customers {done:,} / {customers:,}")
        meter.report(
            ["customers", "customer_phones", "children", "customer_tags", "customer_notes"],
            t,
            "customers",
        )

        # orders, items, history
        t = time.perf_counter()
        stock = StockModel(seed, stores.ids, stores.warehouse_id)
        robot = RobotSettings(
            max_total=Decimal(SPECS["robot.max_total"].default),
            require_paid=bool(SPECS["robot.require_paid"].default),
        )
        order_job = prepare_orders(
            seed,
            orders,
            now=now_s,
            people=people,
            catalog=catalog,
            stores=stores,
            stock=stock,
            operator_ids=operator_ids,
            robot=robot,
        )
        reserved: Counter[tuple[int, int]] = Counter()
        for held, batch in run_chunks(
            order_job,
            chunk_bounds(orders, CHUNK),
            workers=n_workers,
            encode=encode,
            on_start=lambda: restore(CUSTOMER_TABLES),
            **fork_hooks,
        ):
            reserved.update(held)
            _write(sink, meter, batch)
            done = meter.rows.get("orders", 0)
            if orders >= 200_000 and done % 200_000 == 0:
                elapsed = time.perf_counter() - t
                say(f"  … orders {done:,} / {orders:,} ({done / elapsed:,.0f} orders/s)")
        meter.report(["orders", "order_items", "order_status_history"], t, "orders")
        del order_job

        # stock last: it carries the reserves of the open orders written above
        t = time.perf_counter()
        stock_job = StockJob(stock, dict(reserved))
        for _none, batch in run_chunks(
            stock_job,
            chunk_bounds(catalog.n_offers, STOCK_CHUNK),
            workers=n_workers,
            encode=encode,
            on_start=lambda: restore(ORDER_TABLES),
            **fork_hooks,
        ):
            _write(sink, meter, batch)
        meter.report(["stock"], t, "stock")

        t = time.perf_counter()
        if isinstance(sink, PgCopySink):
            sink.drain()
            meter.phases.append(("drain", time.perf_counter() - t))
            say(f"  load done: {time.perf_counter() - t:.1f} s waiting for the server")
            t = time.perf_counter()
            say("  last indexes and foreign keys, commit, ANALYZE")
            sink.finish()
            meter.phases.append(("indexes_and_keys", sink.restore_seconds))
            slowest = sorted(sink.restore_timings, key=lambda x: -x[1])[:5]
            say(
                f"  indexes and keys took {sink.restore_seconds:.1f} s in all (mostly overlapped "
                f"with generation), the slowest:"
            )
            for statement, seconds in slowest:
                say(f"    {seconds:6.1f} s  {statement[:90]}")
            say(f"  tail (last keys, commit, ANALYZE): {time.perf_counter() - t:.1f} s")
        else:
            sink.finish()
        meter.phases.append(("finish", time.perf_counter() - t))
    except BaseException:
        sink.abort()
        raise

    # cross-sell offers and upsell credits, derived on the server from the loaded orders
    t = time.perf_counter()
    made = cross_sell_history(engine)
    meter.phases.append(("cross_sell", time.perf_counter() - t))
    say(f"  cross-sell history: {made['upsell_credits']:,} credits, "
        f"{sum(made.values()) - made['upsell_credits']:,} offers")  # fmt: skip

    counted = meter.rows
    summary = SeedSummary(
        users=counted.get("users", 0),
        stores=counted.get("stores", 0),
        categories=counted.get("categories", 0),
        products=counted.get("products", 0),
        offers=counted.get("offers", 0),
        stock=counted.get("stock", 0),
        capsules=counted.get("capsules", 0),
        capsule_items=counted.get("capsule_items", 0),
        customers=counted.get("customers", 0),
        customer_phones=counted.get("customer_phones", 0),
        children=counted.get("children", 0),
        customer_tags=counted.get("customer_tags", 0),
        customer_notes=counted.get("customer_notes", 0),
        orders=counted.get("orders", 0),
        order_items=counted.get("order_items", 0),
        order_status_history=counted.get("order_status_history", 0),
        seed=seed,
        anchor=anchor,
        seconds=time.perf_counter() - started,
        phases=tuple(meter.phases),
    )
    say(
        f"Demo data ready: {summary.total_rows:,} rows in {summary.seconds:.1f} s. "
        f"Log in as one of {', '.join(u.login for u in DEMO_USERS)} "
        f"with password '{DEMO_PASSWORD}'."
    )
    return summary


def _no_restore(_tables: Sequence[str]) -> None:
    pass


def _write(sink: PgCopySink | CoreSink, meter: _Meter, batch: Mapping[T.TableSpec, Any]) -> None:
    for spec, rows in batch.items():
        sink.write(spec, rows)
    meter.add(batch)


def _refuse_if_not_empty(engine: Any) -> None:
    with engine.connect() as conn:
        found = {
            name: conn.scalar(select(func.count()).select_from(model))
            for name, model in (
                ("orders", Order),
                ("customers", Customer),
                ("products", Product),
                ("stores", Store),
                ("categories", Category),
                ("capsules", Capsule),
            )
        }
    present = {k: v for k, v in found.items() if v}
    if present:
        listed = ", ".join(f"{v:,} {k}" for k, v in present.items())
        raise DemoSeedError(
            f"the database already holds data ({listed}); demo data only goes into an empty "
            "database. Seed a fresh one, or empty this one first "
            "(okno db downgrade base && okno db upgrade)."
        )


def _user_rows(engine: Any, now_s: int) -> tuple[list[Row], dict[str, int]]:
    """Rows for the demo accounts that do not exist yet (each with its own salted hash), and the
    id of every demo login (existing accounts are kept as they are)."""
    logins = [u.login for u in DEMO_USERS]
    with engine.connect() as conn:
        existing: dict[str, int] = {
            login: uid
            for login, uid in conn.execute(
                select(User.login, User.id).where(User.login.in_(logins))
            )
        }
        next_id = (conn.scalar(select(func.max(User.id))) or 0) + 1
    rows: list[Row] = []
    ids: dict[str, int] = dict(existing)
    created = now_s - 600 * 86400
    for user in DEMO_USERS:
        if user.login in existing:
            continue
        ids[user.login] = next_id
        rows.append((next_id, user.login, user.name, user.role.value,
                     hash_password(DEMO_PASSWORD), user.extension, f"{user.login}@okno.demo",
                     True, created))  # fmt: skip
        next_id += 1
    return rows, ids
