"""Demo data (app/demo): deterministic, complete, internally consistent, and the database keeps
working normally afterwards. Every database test runs on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import itertools
import random
from collections import Counter, defaultdict
from decimal import Decimal
from functools import partial
from typing import Any

import pytest
from sqlalchemy import Table, func, select, text
from sqlalchemy.orm import Session

import models
from app.cli import main as cli_main
from app.db import get_engine, session_scope
from app.demo import DEMO_PASSWORD, DEMO_USERS
from app.demo import data as D
from app.demo import seed as seed_module
from app.demo.catalog import ean13
from app.demo.phone_formats import RU_TEMPLATES, PhoneFactory, ru_variant
from app.demo.seed import DemoSeedError, seed_demo
from app.phones import normalize_phone
from app.robot import RobotSettings, gather_facts, run_checks
from app.security import hash_password, verify_password
from models import (
    Capsule,
    CapsuleItem,
    Child,
    Customer,
    CustomerPhone,
    Offer,
    Order,
    OrderItem,
    OrderStatusHistory,
    Product,
    Stock,
    Store,
    User,
)
from models.customers import customer_name_key, customer_search_text
from tests.conftest import wipe

NOW = dt.datetime(2025, 6, 2, 12, 0, tzinfo=dt.UTC)
CUSTOMERS = 200
ORDERS = 500
RULES = [
    "total_below_threshold",
    "no_customer_comment",
    "paid",
    "delivery_address_present",
    "items_in_stock",
    "not_prepayment_only",
]


@pytest.fixture
def fast_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Real scrypt hashes at a tiny cost: these tests are about the data, not the KDF."""
    monkeypatch.setattr(seed_module, "hash_password", partial(hash_password, log2_n=4))


def _seed(url: str, seed: int = 42, workers: int | None = None) -> seed_module.SeedSummary:
    return seed_demo(
        url,
        customers=CUSTOMERS,
        orders=ORDERS,
        seed=seed,
        now=NOW,
        progress=None,
        workers=workers,
    )


def _fingerprint(url: str) -> dict[str, str]:
    """sha256 of the ordered rows of the generated tables (users without their salted hash)."""
    names = [
        "users",
        "stores",
        "categories",
        "products",
        "offers",
        "stock",
        "capsules",
        "capsule_items",
        "customers",
        "customer_phones",
        "children",
        "customer_tags",
        "customer_notes",
        "orders",
        "order_items",
        "order_status_history",
    ]
    out = {}
    with get_engine(url).connect() as conn:
        for name in names:
            table = models.Base.metadata.tables[name]
            assert isinstance(table, Table)
            cols = [c for c in table.columns if c.name != "password_hash"]
            rows = conn.execute(select(*cols).order_by(*table.primary_key.columns)).all()
            assert rows, f"{name} is empty"
            out[name] = hashlib.sha256(repr(rows).encode()).hexdigest()
    return out


# ----------------------------------------------------------------------------- determinism


@pytest.mark.usefixtures("fast_hashing")
def test_same_seed_and_anchor_give_identical_data(db_url: str, monkeypatch: Any) -> None:
    # small chunks, so the data is made of several chunks, here in worker processes
    monkeypatch.setattr(seed_module, "CHUNK", 150)
    monkeypatch.setattr(seed_module, "STOCK_CHUNK", 700)
    _seed(db_url, workers=1)
    first = _fingerprint(db_url)
    wipe(db_url)
    _seed(db_url, workers=2)  # the number of processes changes nothing
    assert _fingerprint(db_url) == first
    wipe(db_url)
    _seed(db_url, seed=7)
    other = _fingerprint(db_url)
    changed = {name for name in first if first[name] != other[name]}
    assert {"customers", "orders", "order_items", "products"} <= changed


# --------------------------------------------------------------------------- completeness


@pytest.mark.usefixtures("fast_hashing")
def test_seeded_data_is_complete_and_consistent(db_url: str) -> None:
    summary = _seed(db_url)
    assert summary.orders == ORDERS
    assert summary.customers == CUSTOMERS
    assert summary.users == len(DEMO_USERS)
    with session_scope(db_url) as s:
        _check_counts(s, summary)
        orders = s.scalars(select(Order).order_by(Order.id)).all()
        items = s.scalars(select(OrderItem).order_by(OrderItem.id)).all()
        history = s.scalars(select(OrderStatusHistory).order_by(OrderStatusHistory.id)).all()
        _check_orders(s, orders)
        _check_totals(orders, items)
        _check_history(s, orders, history)
        _check_stock(s, orders, items)
        _check_robot_checks(orders)
        _check_robot_agrees(s, orders)
        _check_catalogue(s)
        _check_customers(s, orders)


def _check_counts(s: Session, summary: seed_module.SeedSummary) -> None:
    for model, expected in (
        (Order, summary.orders),
        (OrderItem, summary.order_items),
        (OrderStatusHistory, summary.order_status_history),
        (Customer, summary.customers),
        (CustomerPhone, summary.customer_phones),
        (Offer, summary.offers),
        (Stock, summary.stock),
        (Capsule, summary.capsules),
    ):
        assert s.scalar(select(func.count()).select_from(model)) == expected, model
    stores = s.scalars(select(Store)).all()
    retail = [st for st in stores if st.kind.value == "retail"]
    assert {st.city for st in retail} == {"Москва", "Санкт-Петербург", "Екатеринбург"}
    assert len(retail) >= 9
    assert [st.kind.value for st in stores].count("online") == 1
    assert all(st.latitude is not None and st.longitude is not None for st in stores)
    assert 15 <= summary.capsules <= 30  # "about 20" in a small demo


def _check_orders(s: Session, orders: list[Order]) -> None:
    statuses = set(s.scalars(select(models.Status.code)))
    assert {o.status for o in orders} == statuses  # every status, the queue included
    assert {o.source.value for o in orders} == {e.value for e in models.OrderSource}
    assert {o.delivery_type.value for o in orders} == {e.value for e in models.DeliveryType}
    assert {o.payment_status.value for o in orders} == {e.value for e in models.PaymentStatus}
    assert len({o.number for o in orders}) == len(orders)
    window_start = NOW - dt.timedelta(days=549)
    retail = set(s.scalars(select(Store.id).where(Store.kind == models.StoreKind.RETAIL)))
    for o in orders:
        assert window_start <= o.created_at <= o.status_changed_at <= NOW
        assert o.updated_at == o.status_changed_at
        if o.source.value in ("site", "mobile_app", "erp"):
            assert o.external_id, o.number
        assert o.shipping_store_id is not None
        if o.delivery_type.value == "pickup":
            assert o.shipping_store_id in retail and o.delivery_address is None
        elif o.status not in ("new", "needs_confirmation", "no_answer", "cancelled"):
            assert o.delivery_address, o.number  # an operator completed a one-click order
        assert (o.cancel_reason is not None) == (o.status == "cancelled"), o.number
        assert (o.stock_reserved_at is not None) == (
            o.status in ("confirmed", "assembling", "ready_for_pickup")
        ), o.number
        if o.status == "no_answer":
            assert 1 <= o.no_answer_attempts <= 3
            assert o.next_attempt_at == o.status_changed_at + dt.timedelta(hours=3)
        else:
            assert o.next_attempt_at is None
        if o.status == "ready_for_pickup":
            assert o.delivery_type.value == "pickup"
            assert o.reserve_until == o.status_changed_at + dt.timedelta(hours=3)
        else:
            assert o.reserve_until is None
        if o.status == "completed":
            assert o.payment_status.value == "paid"
        if o.status == "returned":
            assert o.payment_status.value == "refunded"
    # older orders are mostly final, the last day feeds the queue
    old = [o for o in orders if o.created_at < NOW - dt.timedelta(days=14)]
    final = [o for o in old if o.status in ("completed", "cancelled", "returned")]
    assert len(final) == len(old)
    recent = [o for o in orders if o.created_at > NOW - dt.timedelta(days=1)]
    assert sum(o.status in ("needs_confirmation", "no_answer") for o in recent) >= 5
    assert any(o.customer_comment for o in orders)


def _check_totals(orders: list[Order], items: list[OrderItem]) -> None:
    by_order: dict[int, list[OrderItem]] = defaultdict(list)
    for it in items:
        by_order[it.order_id].append(it)
    counts = [len(by_order[o.id]) for o in orders]
    assert min(counts) >= 1 and max(counts) <= 5
    assert 2.5 <= sum(counts) / len(counts) <= 3.5
    for o in orders:
        lines = by_order[o.id]
        assert o.subtotal == sum((i.price * i.quantity for i in lines), Decimal(0)), o.number
        assert o.discount_total == sum((i.discount for i in lines), Decimal(0)), o.number
        assert o.total == o.subtotal - o.discount_total + o.delivery_cost, o.number
        assert o.total >= 0


def _check_history(s: Session, orders: list[Order], history: list[OrderStatusHistory]) -> None:
    allowed = {(t.from_code, t.to_code, t.role) for t in s.scalars(select(models.StatusTransition))}
    roles = {u.id: u.role.value for u in s.scalars(select(User))}
    by_order: dict[int, list[OrderStatusHistory]] = defaultdict(list)
    for h in history:
        by_order[h.order_id].append(h)
    for o in orders:
        rows = by_order[o.id]
        assert rows[0].from_status is None and rows[0].to_status == "new", o.number
        assert rows[0].created_at == o.created_at
        assert rows[-1].to_status == o.status, o.number
        assert rows[-1].created_at == o.status_changed_at, o.number
        assert o.version == len(rows)
        users_acted = set()
        for prev, row in itertools.pairwise(rows):
            assert row.from_status == prev.to_status, o.number
            assert row.created_at >= prev.created_at, o.number
            role = "robot" if row.actor_kind in ("robot", "system") else roles[row.actor_id]
            assert (row.from_status, row.to_status, role) in allowed, (o.number, row.to_status)
            if row.actor_kind == "user":
                users_acted.add(row.actor_id)
        if users_acted:
            assert o.operator_id in users_acted, o.number
        no_answers = sum(r.to_status == "no_answer" for r in rows)
        assert o.no_answer_attempts == no_answers + (o.cancel_reason == "not reached")


def _check_stock(s: Session, orders: list[Order], items: list[OrderItem]) -> None:
    stock = s.scalars(select(Stock)).all()
    assert all(0 <= st.reserved <= st.quantity for st in stock)
    assert sum(st.quantity == 0 for st in stock) > len(stock) // 10  # many empty shelves
    held: Counter[tuple[int, int]] = Counter()
    reserving = {o.id: o.shipping_store_id for o in orders if o.stock_reserved_at is not None}
    for it in items:
        if it.order_id in reserving:
            held[(it.offer_id, reserving[it.order_id])] += it.quantity
    # what stock holds in reserve is exactly what the open orders reserved
    assert {(st.offer_id, st.store_id): st.reserved for st in stock if st.reserved} == dict(held)
    assert held


def _check_robot_checks(orders: list[Order]) -> None:
    queue = [o for o in orders if o.status in ("needs_confirmation", "no_answer")]
    assert queue
    for o in queue:
        assert o.robot_checked_at is not None and o.robot_checked_at >= o.created_at
        checks = {c["rule"]: c for c in o.robot_checks or []}
        assert list(checks) == RULES, o.number
        assert any(not c["passed"] for c in checks.values()), o.number
        assert set(checks["paid"]) == {"rule", "passed", "expected", "actual"}
        assert checks["paid"]["passed"] == (o.payment_status.value == "paid")
        assert checks["no_customer_comment"]["passed"] == (o.customer_comment is None)
        assert checks["total_below_threshold"]["actual"] == str(o.total)
        assert checks["total_below_threshold"]["passed"] == (o.total < Decimal("10000"))
        address_ok = o.delivery_type.value == "pickup" or bool(o.delivery_address)
        assert checks["delivery_address_present"]["passed"] == address_ok
    assert all(o.robot_checks is None for o in orders if o.status in ("new", "completed"))


def _check_robot_agrees(s: Session, orders: list[Order]) -> None:
    """The robot, run now on a queued order, reaches the verdict stored with it (the prepayment
    rule aside: it also looks at the customer's buyout, which the whole history decides)."""
    settings = RobotSettings.load(s)
    for o in orders:
        if o.status not in ("needs_confirmation", "no_answer"):
            continue
        now = [c.as_json() for c in run_checks(gather_facts(s, o), settings)]
        stored = o.robot_checks or []
        assert [c for c in now if c["rule"] != "not_prepayment_only"] == [
            c for c in stored if c["rule"] != "not_prepayment_only"
        ], o.number


def _check_catalogue(s: Session) -> None:
    offers = s.scalars(select(Offer)).all()
    for offer in offers:
        assert offer.barcode == ean13(offer.barcode[:12])
        assert offer.price > 0 and offer.price == offer.price.to_integral_value()
        assert offer.old_price is None or offer.old_price > offer.price
    sizes = {o.size for o in offers if o.size}
    assert {"98", "122", "164"} & sizes and {"30"} & sizes  # heights and shoe sizes
    per_product = Counter(o.product_id for o in offers)
    assert max(per_product.values()) >= 12  # colours × sizes
    products = {p.id: p for p in s.scalars(select(Product))}
    assert {p.audience.value for p in products.values()} == {"boy", "girl", "unisex"}
    assert all(p.age_from is not None and p.age_from <= (p.age_to or 99) for p in products.values())
    # three-level tree
    cats = {c.id: c for c in s.scalars(select(models.Category))}

    def depth(cid: int) -> int:
        parent = cats[cid].parent_id
        return 1 if parent is None else 1 + depth(parent)

    assert max(depth(cid) for cid in cats) == 3
    # capsules hold real products in sensible roles
    caps = s.scalars(select(CapsuleItem)).all()
    assert caps and all(ci.product_id in products for ci in caps)
    assert {ci.role for ci in caps} == {"top", "bottom", "shoes", "accessory"}
    names = s.scalars(select(Capsule.name)).all()
    assert "Школа, мальчик 7–9" in names and "Летний отдых, девочка 3–5" in names
    members = defaultdict(set)
    for ci in caps:
        members[ci.capsule_id].add(ci.product_id)
    cross = s.scalars(select(OrderItem).where(OrderItem.is_cross_sell.is_(True))).all()
    assert cross
    offer_product = {o.id: o.product_id for o in offers}
    for it in cross:
        assert it.added_by_id is not None and it.capsule_id is not None
        assert offer_product[it.offer_id] in members[it.capsule_id]


def _check_customers(s: Session, orders: list[Order]) -> None:
    customers = {c.id: c for c in s.scalars(select(Customer))}
    phones = s.scalars(select(CustomerPhone)).all()
    for ph in phones:
        parsed = normalize_phone(ph.raw)  # every raw phone means its stored E.164
        assert (parsed.e164, parsed.tail10, parsed.extension) == (
            ph.e164,
            ph.tail10,
            ph.extension,
        ), ph.raw
    assert len({ph.raw[:2] for ph in phones}) >= 4  # typed in many ways
    primary = Counter(ph.customer_id for ph in phones if ph.is_primary)
    assert set(primary) == set(customers) and set(primary.values()) == {1}
    for c in customers.values():
        assert c.search_text == customer_search_text(
            c.first_name, c.last_name, c.patronymic, c.email_normalized
        )
        assert c.name_key == customer_name_key(c.first_name, c.last_name)
        assert c.loyalty_discount_pct in {Decimal(0), Decimal(3), Decimal(5), Decimal(10)}
        assert c.email_normalized == (c.email.lower() if c.email else None)
    assert any(c.email is None for c in customers.values())
    children = s.scalars(select(Child)).all()
    with_children = {ch.customer_id for ch in children}
    assert 0.45 <= len(with_children) / len(customers) <= 0.75
    for ch in children:
        assert ch.birth_date is not None
        age_days = (NOW.date() - ch.birth_date).days
        assert 0 < age_days <= 16 * 365, ch.name
        parent = customers[ch.customer_id].birth_date
        if parent is not None:
            assert ch.birth_date >= parent + dt.timedelta(days=16 * 365)
    tags = s.scalars(select(models.CustomerTag.tag)).all()
    assert "vip" in tags
    first_order: dict[int, dt.datetime] = {}
    for o in orders:
        assert o.customer_id is not None
        first_order.setdefault(o.customer_id, o.created_at)
        assert o.contact_phone_e164
    for cid, at in first_order.items():
        assert customers[cid].created_at <= at


# ------------------------------------------------------------------------ after seeding


@pytest.mark.usefixtures("fast_hashing")
def test_database_works_normally_after_seeding(db_url: str) -> None:
    _seed(db_url)
    with session_scope(db_url) as s:
        max_customer = s.scalar(select(func.max(Customer.id)))
        max_order = s.scalar(select(func.max(Order.id)))
        customer = Customer(first_name="Вера", last_name="Новая")
        s.add(customer)
        s.flush()
        offer = s.scalars(select(Offer).limit(1)).one()
        order = Order(
            number="T-1",
            source=models.OrderSource.PHONE,
            status="new",
            customer_id=customer.id,
            delivery_type=models.DeliveryType.PICKUP,
            shipping_store_id=s.scalar(select(Store.id).limit(1)),
        )
        s.add(order)
        s.flush()
        s.add(OrderItem(order_id=order.id, offer_id=offer.id, name=offer.name, quantity=1,
                        price=offer.price))  # fmt: skip
        s.add(OrderStatusHistory(order_id=order.id, actor_kind="system", to_status="new"))
        s.add(CustomerPhone(customer_id=customer.id, raw="+79990001122", e164="+79990001122",
                            tail10="9990001122"))  # fmt: skip
        s.flush()
        assert customer.id == max_customer + 1
        assert order.id == max_order + 1


@pytest.mark.usefixtures("fast_hashing")
def test_refuses_a_database_that_has_data(db_url: str) -> None:
    _seed(db_url)
    with pytest.raises(DemoSeedError, match=f"{ORDERS} orders"):
        _seed(db_url)
    with session_scope(db_url) as s:  # nothing was added
        assert s.scalar(select(func.count()).select_from(Order)) == ORDERS


def test_refuses_bad_arguments(db_url: str) -> None:
    with pytest.raises(DemoSeedError, match="customers"):
        seed_demo(db_url, customers=0, orders=10, progress=None)
    with pytest.raises(DemoSeedError, match="time zone"):
        seed_demo(db_url, customers=5, orders=10, now=dt.datetime(2025, 1, 1), progress=None)


@pytest.mark.usefixtures("fast_hashing")
def test_keeps_existing_accounts_and_schema(db_url: str, backend: str) -> None:
    before = _schema(db_url, backend)
    with session_scope(db_url) as s:
        s.add(User(login="admin", name="Настоящий админ", role=models.Role.ADMIN,
                   password_hash=hash_password("own", log2_n=4)))  # fmt: skip
    _seed(db_url)
    with session_scope(db_url) as s:
        admin = s.scalars(select(User).where(User.login == "admin")).one()
        assert admin.name == "Настоящий админ"  # kept, not overwritten
        assert s.scalar(select(func.count()).select_from(User)) == len(DEMO_USERS)
    # indexes and foreign keys are all back (PostgreSQL drops them for the load)
    assert _schema(db_url, backend) == before


def _schema(url: str, backend: str) -> list[tuple[Any, ...]]:
    with get_engine(url).connect() as conn:
        if backend == "postgresql":
            rows = conn.execute(
                text(
                    "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid), "
                    "convalidated FROM pg_constraint WHERE connamespace = "
                    "current_schema()::regnamespace UNION ALL "
                    "SELECT tablename, indexname, indexdef, true FROM pg_indexes "
                    "WHERE schemaname = current_schema() ORDER BY 1, 2, 3"
                )
            ).all()
        else:
            rows = conn.execute(  # ANALYZE adds sqlite_stat*: statistics, not schema
                text(
                    "SELECT type, name, sql FROM sqlite_master "
                    "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
                )
            ).all()
    return [tuple(r) for r in rows]


def test_demo_users_log_in_with_the_demo_password(db_url: str) -> None:
    seed_demo(db_url, customers=20, orders=30, now=NOW, progress=None)
    with session_scope(db_url) as s:
        users = {u.login: u for u in s.scalars(select(User))}
    assert set(users) == {u.login for u in DEMO_USERS}
    assert {u.role.value for u in users.values()} == {"admin", "supervisor", "manager", "operator"}
    assert sorted(u.pbx_extension for u in users.values() if u.pbx_extension) == [
        "101", "102", "103", "104", "105",
    ]  # fmt: skip
    hashes = [u.password_hash for u in users.values()]
    assert len(set(hashes)) == len(hashes)  # each hashed with its own salt
    for login in ("admin", "operator1"):
        assert verify_password(DEMO_PASSWORD, users[login].password_hash)
        assert not verify_password("wrong", users[login].password_hash)


# ----------------------------------------------------------------------------------- CLI


@pytest.mark.usefixtures("fast_hashing")
def test_cli_seeds_and_then_refuses(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--database-url", db_url, "demo", "seed", "--customers", "50", "--orders", "120"]
    assert cli_main([*args, "--seed", "3", "--now", "2025-06-02T12:00:00Z"]) == 0
    out = capsys.readouterr().out
    assert "Demo data ready" in out and "orders 120" in out
    with session_scope(db_url) as s:
        assert s.scalar(select(func.count()).select_from(Order)) == 120
        newest = s.scalar(select(func.max(Order.created_at)))
        assert newest is not None and newest <= NOW
    assert cli_main(args) == 1
    assert "already holds data" in capsys.readouterr().err


def test_cli_rejects_a_bad_anchor(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        cli_main(["demo", "seed", "--now", "yesterday"])
    assert exc.value.code == 2
    assert "--now 'yesterday'" in capsys.readouterr().err


# ------------------------------------------------------------------- pure generation parts


def test_every_typed_phone_format_normalizes_to_the_generated_number() -> None:
    factory = PhoneFactory(random.Random(5))
    seen: set[str] = set()
    for i in range(3000):
        city = D.CITIES[i % 3]
        for raw, e164, tail10, ext, _kind in (
            factory.mobile(city),
            factory.landline(city),
            factory.foreign(),
        ):
            parsed = normalize_phone(raw)
            assert (parsed.e164, parsed.tail10, parsed.extension) == (e164, tail10, ext), raw
            assert e164 not in seen  # numbers are handed out once
            seen.add(e164)
    for template in RU_TEMPLATES:
        assert normalize_phone(ru_variant(template, "9161234567")).e164 == "+79161234567"


def test_ean13_check_digit() -> None:
    assert ean13("460123456789") == "4601234567893"
    assert ean13("400638133393") == "4006381333931"
    with pytest.raises(ValueError, match="12 digits"):
        ean13("12345")


def test_static_data_is_safe_and_complete() -> None:
    for theme in D.CAPSULE_THEMES:
        roles = {role for role, _ in theme.roles}
        assert roles <= {"top", "bottom", "shoes", "accessory"}
        for _role, path in theme.roles:
            assert path in D.LEAF_BY_NAME, (theme.title, path)
    # Everything the generator writes is built from this module's strings and digits, and is
    # sent as plain COPY text (app/demo/tables.py STR): none may hold a tab, newline or backslash.
    strings = list(_strings_in(vars(D)))
    assert len(strings) > 500
    for value in strings:
        assert not set(value) & {"\t", "\n", "\r", "\\"}, value
    assert D.feminine_surname("Островский") == "Островская"
    assert D.feminine_surname("Соловьёв") == "Соловьёва"
    assert D.feminine_surname("Шевченко") == "Шевченко"


def _strings_in(value: Any) -> Any:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            if not (isinstance(k, str) and k.startswith("__")):
                yield from _strings_in(k)
                yield from _strings_in(v)
    elif isinstance(value, tuple | list):
        for v in value:
            yield from _strings_in(v)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _strings_in(getattr(value, f.name))
