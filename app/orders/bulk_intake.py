"""Set-based creation of NEW imported orders, with the robot's decision (T8 in shared/PERF.md).

The per-order path (``intake._create`` + ``robot.decide``) costs ~25 statements per order. Here
a chunk of new orders costs a handful of queries in total, whatever its size:

1. the order numbers already taken, one query;
2. customers: existing matches by external id, E.164 phone and normalized e-mail, one query
   each; the missing customers are created in Python in record order, so a later record of
   the chunk finds the customer an earlier one created (same new phone twice → one customer);
3. the robot's facts: free stock of every (offer, store) pair of the chunk and the customers
   tagged 'prepayment only', one query each; the rules themselves are ``robot.run_checks``
   (one definition); stock taken by an earlier order of the chunk is subtracted in Python, so
   two orders can never both be confirmed on the last unit;
4. the reserves: ONE conditional ``UPDATE stock ... WHERE quantity - reserved >= wanted``;
5. ids from the sequences in one query, then orders, items, status history and outbox
   events written with COPY (PostgreSQL) or Core executemany (SQLite).

Orders are written directly in the state the per-order path leaves them in (status, checks,
reserve, one history row and the ``order.created`` + decision events, version 2). A reserve
row that fails in step 4 means a concurrent writer took the stock after step 3: the orders
touching that row are written as ``new`` and go through the per-order ``decide`` afterwards,
which re-reads the stock; nothing is oversold and no order is lost."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Table, Text, bindparam, cast, func, null, select, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from app.actors import ROBOT
from app.clock import Clock
from app.customers.segments import prepayment_required
from app.orders.workflow import allowed_targets
from app.outbox import EMITTED_FLAG
from app.phones import Phone
from app.robot import CheckResult, OrderFacts, RobotSettings, decide, run_checks
from models import (
    Base,
    Customer,
    CustomerPhone,
    Order,
    PaymentStatus,
)
from models.customers import customer_name_key, customer_search_text

if TYPE_CHECKING:
    from app.orders.intake import ParsedOrder

#: Key of the transaction-scoped advisory lock every import chunk takes on PostgreSQL ("okno"
#: in ASCII, then 8 for T8). See :func:`serialize_imports`.
IMPORT_LOCK_KEY = 0x6F6B6E6F_0008

#: SQLite accepts at most 32,766 bound parameters per statement; stay well below.
_SQLITE_ROWS_PER_STATEMENT = 2000

Pair = tuple[int, int]  # (offer_id, store_id)
_T = TypeVar("_T")


def serialize_imports(session: Session) -> None:
    """Make concurrent imports take turns, one chunk transaction at a time (PostgreSQL).

    Why a lock rather than ``INSERT ... ON CONFLICT (external_id) DO NOTHING``: idempotency is
    not only about the order row. Between "which externalIds exist?" and the insert, this path
    also matches or creates customers (no unique key on a phone, so two importers would both
    create the customer of one new phone) and decides the robot on stock it has read. ON
    CONFLICT would protect the order row only and leave orphan customers behind. With the lock
    taken first in every chunk transaction, the existence lookup, the customer matching and
    the inserts of one chunk are atomic with respect to any other import; a chunk is short
    (about a second for thousands of orders), so importers wait little. The stock is still
    guarded by the conditional UPDATE, because other writers (operators) do not take this lock.
    The unique index on ``orders.external_id`` stays as the last fence. SQLite needs nothing:
    its write transactions (BEGIN IMMEDIATE) already run one at a time."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": IMPORT_LOCK_KEY})


def existing_orders(session: Session, external_ids: Iterable[str]) -> set[str]:
    """Which of ``external_ids`` already have an order (one query)."""
    wanted = sorted(set(external_ids))
    if not wanted:
        return set()
    return set(
        session.scalars(
            select(Order.external_id).where(in_values(session, Order.external_id, wanted))
        )
    )


def can_create(session: Session, *, run_robot: bool) -> bool:
    """Whether new orders may take this path: always without the robot; with it, when the
    transition matrix lets the robot move a new order both ways (when it does not, the
    per-order path runs and reports the refusal exactly as it always did)."""
    if not run_robot:
        return True
    targets = set(allowed_targets(session, "new", ROBOT.role))
    return {"confirmed", "needs_confirmation"} <= targets


@dataclass
class BulkResult:
    """What :func:`create_orders` did with the records it was given."""

    created: int = 0
    robot_confirmed: int = 0
    robot_to_queue: int = 0
    #: records refused (record index, errors), e.g. an order number that is taken
    rejected: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    #: orders that lost a stock race and were decided one by one afterwards
    fell_back: list[int] = field(default_factory=list)


@dataclass(slots=True)
class _NewCustomer:
    external_id: str | None
    first_name: str
    last_name: str
    patronymic: str | None
    email: str | None
    email_normalized: str | None
    phone: Phone | None
    id: int = 0


CustomerRef = int | _NewCustomer


def _email_key(email: str | None) -> str | None:
    # the same normalization as customer_match.find_or_create_customer
    return email.strip().lower() if email and email.strip() else None


class _CustomerMatcher:
    """``customer_match.find_or_create_customer`` for a whole chunk: the same precedence
    (external id → its survivor, then E.164 phone → the oldest live owner, then normalized
    e-mail → the oldest live owner, else a new customer), existing customers fetched in four
    queries, new ones remembered so later records of the chunk match them."""

    def __init__(self, session: Session, orders: Sequence[ParsedOrder]) -> None:
        exts = sorted({p.customer_external_id for p in orders if p.customer_external_id})
        phones = sorted({p.phone.e164 for p in orders if p.phone is not None})
        emails = sorted({k for p in orders if (k := _email_key(p.email))})
        self.by_ext: dict[str, CustomerRef] = {}
        self.by_phone: dict[str, CustomerRef] = {}
        self.by_email: dict[str, CustomerRef] = {}
        self.new: list[_NewCustomer] = []
        self.existing: set[int] = set()
        if exts:
            rows = session.execute(
                select(Customer.external_id, Customer.id, Customer.merged_into_id).where(
                    in_values(session, Customer.external_id, exts)
                )
            ).all()
            survivors = _survivors(session, {cid: merged for _, cid, merged in rows})
            for ext, cid, _ in rows:
                assert ext is not None
                self.by_ext[ext] = survivors[cid]
        # Each lookup reads ONE table by an indexed key and joins in Python. A first import into
        # an empty database grows these tables faster than autovacuum re-analyzes them; a join
        # planned on "8 customers" statistics then ran for minutes per chunk (nested loops over
        # every customer). One-table lookups cannot go worse than one scan of the table.
        if phones:
            owners = session.execute(
                select(CustomerPhone.e164, CustomerPhone.customer_id).where(
                    in_values(session, CustomerPhone.e164, phones)
                )
            ).all()
            live = _live(session, sorted({cid for _, cid in owners}))
            for e164, cid in sorted(owners):
                if cid in live:
                    self.by_phone.setdefault(e164, cid)  # oldest first, as find_customer_by_phone
        if emails:
            for email, cid, merged in sorted(
                session.execute(
                    select(Customer.email_normalized, Customer.id, Customer.merged_into_id).where(
                        in_values(session, Customer.email_normalized, emails)
                    )
                ).all()
            ):
                if merged is None and email is not None:
                    self.by_email.setdefault(email, cid)
        for refs in (self.by_ext, self.by_phone, self.by_email):
            self.existing.update(r for r in refs.values() if isinstance(r, int))

    def match(self, p: ParsedOrder) -> CustomerRef:
        if p.customer_external_id and (found := self.by_ext.get(p.customer_external_id)):
            return found
        if p.phone is not None and (found := self.by_phone.get(p.phone.e164)):
            return found
        email_key = _email_key(p.email)
        if email_key and (found := self.by_email.get(email_key)):
            return found
        customer = _NewCustomer(
            external_id=p.customer_external_id,
            first_name=p.first_name.strip(),
            last_name=p.last_name.strip(),
            patronymic=(p.patronymic or "").strip() or None,
            email=p.email.strip() if email_key and p.email else None,
            email_normalized=email_key,
            phone=p.phone,
        )
        self.new.append(customer)
        if p.customer_external_id:
            self.by_ext[p.customer_external_id] = customer
        if p.phone is not None:
            self.by_phone[p.phone.e164] = customer
        if email_key:
            self.by_email[email_key] = customer
        return customer


def _live(session: Session, customer_ids: list[int]) -> set[int]:
    """Which of ``customer_ids`` are not merged into another customer."""
    if not customer_ids:
        return set()
    rows = session.execute(
        select(Customer.id, Customer.merged_into_id).where(
            in_values(session, Customer.id, customer_ids)
        )
    )
    return {cid for cid, merged in rows if merged is None}


def _survivors(session: Session, merged_into: dict[int, int | None]) -> dict[int, int]:
    """Each customer id → the live customer it was (transitively) merged into, as
    ``customer_match._survivor`` does: a dangling or cyclic chain stops where it breaks."""
    known = dict(merged_into)
    pending = {m for m in known.values() if m is not None and m not in known}
    while pending:
        rows = session.execute(
            select(Customer.id, Customer.merged_into_id).where(Customer.id.in_(sorted(pending)))
        ).all()
        for cid, merged in rows:
            known[cid] = merged
        pending = {m for _, m in rows if m is not None and m not in known}
    result: dict[int, int] = {}
    for start in merged_into:
        current, seen = start, {start}
        while (nxt := known.get(current)) is not None and nxt in known and nxt not in seen:
            seen.add(nxt)
            current = nxt
        result[start] = current
    return result


@dataclass(slots=True)
class _Planned:
    """One new order on its way to the database."""

    index: int
    parsed: ParsedOrder
    customer: CustomerRef
    subtotal: Decimal
    discount: Decimal
    total: Decimal
    status: str = "new"
    checks: list[dict[str, Any]] | None = None
    #: (offer, store) → quantity this order reserves (confirmed orders only)
    reserves: dict[Pair, int] = field(default_factory=dict)
    id: int = 0


def create_orders(
    session: Session,
    records: Sequence[tuple[int, ParsedOrder]],
    clock: Clock,
    settings: RobotSettings | None,
    totals: Callable[[ParsedOrder], tuple[Decimal, Decimal, Decimal]],
) -> BulkResult:
    """Create the orders of ``records`` (index, parsed) whose externalIds are not in the
    database yet and are distinct; decide them with the robot when ``settings`` is given.

    The caller holds the chunk's transaction (and :func:`serialize_imports`); ``totals`` is the
    intake's own subtotal/discount/total rule."""
    result = BulkResult()
    now = clock.now()

    taken = set(
        session.scalars(
            select(Order.number).where(
                in_values(session, Order.number, [p.number for _, p in records])
            )
        )
    )
    accepted: list[tuple[int, ParsedOrder]] = []
    for index, p in records:
        if p.number in taken:
            result.rejected.append((index, {"number": f"order number {p.number!r} is taken"}))
            continue
        taken.add(p.number)
        accepted.append((index, p))
    if not accepted:
        return result

    matcher = _CustomerMatcher(session, [p for _, p in accepted])
    planned = [
        _Planned(index, p, matcher.match(p), *totals(p))  # record order: later ones see new
        for index, p in accepted
    ]
    fell_back: list[_Planned] = []
    if settings is not None:
        _decide(session, planned, matcher.existing, settings)
        fell_back = _reserve(session, planned)

    _write(session, planned, matcher.new, now, dialect=session.get_bind().dialect.name)
    session.info[EMITTED_FLAG] = True  # the change feed's wake-up hint, as outbox.emit sets it
    result.created = len(planned)

    if settings is not None:
        for o in planned:
            if o.status == "confirmed":
                result.robot_confirmed += 1
            elif o.status == "needs_confirmation":
                result.robot_to_queue += 1
        for o in fell_back:
            result.fell_back.append(o.id)
            order = session.get(Order, o.id)
            assert order is not None
            if decide(session, order, clock, settings).confirmed:
                result.robot_confirmed += 1
            else:
                result.robot_to_queue += 1
    return result


# --- the robot --------------------------------------------------------------------------------


def _decide(
    session: Session, planned: list[_Planned], existing: set[int], settings: RobotSettings
) -> None:
    """The robot's verdict for every order, in record order, on facts fetched in two queries."""
    pairs = {
        (item.offer_id, o.parsed.store_id)
        for o in planned
        if o.parsed.store_id is not None
        for item in o.parsed.items
    }
    free = _free_stock(session, sorted(pairs))
    # staff's prepayment_only tag or the low-buyout segment, as robot.gather_facts asks it
    prepayment_only = prepayment_required(session, sorted(existing))
    for o in planned:
        p = o.parsed
        wanted: dict[int, int] = defaultdict(int)
        for item in p.items:
            wanted[item.offer_id] += item.quantity
        shortages: list[str] = []
        if p.store_id is not None:
            # as stock.availability + robot.gather_facts word it, offers in id order
            for offer_id, qty in sorted(wanted.items()):
                available = free.get((offer_id, p.store_id), 0)
                if available < qty:
                    shortages.append(f"offer {offer_id}: {qty} wanted, {available} free")
        facts = OrderFacts(
            total=o.total,
            customer_comment=p.customer_comment,
            paid=p.payment_status == PaymentStatus.PAID,
            delivery_type=p.delivery_type,
            delivery_address=p.delivery_address,
            shipping_store_id=p.store_id,
            item_count=len(p.items),
            shortages=tuple(shortages),
            prepayment_only=isinstance(o.customer, int) and o.customer in prepayment_only,
        )
        checks = run_checks(facts, settings)
        o.checks = [_check_json(c) for c in checks]
        if all(c.passed for c in checks):
            assert p.store_id is not None  # items_in_stock passed
            o.status = "confirmed"
            for offer_id, qty in wanted.items():
                pair = (offer_id, p.store_id)
                free[pair] -= qty  # the next order of the chunk sees what this one took
                o.reserves[pair] = qty
        else:
            o.status = "needs_confirmation"


def _check_json(check: CheckResult) -> dict[str, Any]:
    # CheckResult.as_json (dataclasses.asdict) without its generic deep copy, which costs more
    # than the rules themselves; the values are str, bool, None or a fresh list of str.
    actual = list(check.actual) if isinstance(check.actual, list) else check.actual
    return {
        "rule": check.rule,
        "passed": check.passed,
        "expected": check.expected,
        "actual": actual,
    }


def _free_stock(session: Session, pairs: list[Pair]) -> dict[Pair, int]:
    """``quantity - reserved`` of every (offer, store) pair that has a stock row."""
    if not pairs:
        return {}
    free: dict[Pair, int] = {}
    if session.get_bind().dialect.name == "postgresql":
        rows = session.execute(
            text(
                "SELECT s.offer_id, s.store_id, s.quantity - s.reserved FROM stock s"
                " JOIN unnest(CAST(:offers AS bigint[]), CAST(:stores AS bigint[]))"
                " AS w(offer_id, store_id)"
                " ON s.offer_id = w.offer_id AND s.store_id = w.store_id"
            ),
            {"offers": _int_array(o for o, _ in pairs), "stores": _int_array(s for _, s in pairs)},
        )
        free.update(((o, s), int(q)) for o, s, q in rows)
        return free
    for batch in _batches(pairs, _SQLITE_ROWS_PER_STATEMENT):
        values = ", ".join("(?, ?)" for _ in batch)
        rows = session.connection().exec_driver_sql(
            "SELECT offer_id, store_id, quantity - reserved FROM stock"
            f" WHERE (offer_id, store_id) IN (VALUES {values})",
            tuple(x for pair in batch for x in pair),
        )
        free.update(((o, s), int(q)) for o, s, q in rows)
    return free


def _reserve(session: Session, planned: list[_Planned]) -> list[_Planned]:
    """Apply every confirmed order's reserve with one conditional UPDATE; returns the orders
    that must be decided one by one because a concurrent writer took stock they counted on.

    All or nothing per order (as ``stock.reserve``): the UPDATE runs in a savepoint; when a row
    does not match, the savepoint is rolled back, the orders touching that row are set aside
    (written as ``new``, then given to ``robot.decide``) and the UPDATE is repeated for the
    others. Each round drops at least one order, so it ends; without a race it is one round."""
    dropped: list[_Planned] = []
    confirmed = [o for o in planned if o.status == "confirmed"]
    while confirmed:
        needed: dict[Pair, int] = defaultdict(int)
        for o in confirmed:
            for pair, qty in o.reserves.items():
                needed[pair] += qty
        savepoint = session.begin_nested()
        done = _conditional_update(session, sorted(needed.items()))
        failed = needed.keys() - done
        if not failed:
            savepoint.commit()
            break
        savepoint.rollback()
        losers = [o for o in confirmed if failed & o.reserves.keys()]
        dropped.extend(losers)
        confirmed = [o for o in confirmed if not failed & o.reserves.keys()]
    for o in dropped:
        o.status, o.checks, o.reserves = "new", None, {}
    return dropped


def _conditional_update(session: Session, needed: list[tuple[Pair, int]]) -> set[Pair]:
    """``reserved += q`` where ``quantity - reserved >= q``; returns the pairs that matched."""
    done: set[Pair] = set()
    if session.get_bind().dialect.name == "postgresql":
        # Rows are locked in (offer, store) order first: stock.reserve locks one store's rows in
        # offer order, so neither a per-order confirmation nor another import can deadlock us.
        # The UPDATE's own WHERE is re-checked against the newest row version (READ COMMITTED),
        # so a reserve that committed while we waited is seen: never an oversell.
        rows = session.execute(
            text(
                "WITH want AS ("
                " SELECT * FROM unnest(CAST(:offers AS bigint[]), CAST(:stores AS bigint[]),"
                " CAST(:qty AS integer[])) AS w(offer_id, store_id, qty)),"
                " locked AS ("
                " SELECT s.offer_id, s.store_id FROM stock s"
                " JOIN want w ON s.offer_id = w.offer_id AND s.store_id = w.store_id"
                " ORDER BY s.offer_id, s.store_id FOR UPDATE OF s)"
                " UPDATE stock s SET reserved = s.reserved + w.qty FROM want w, locked l"
                " WHERE s.offer_id = w.offer_id AND s.store_id = w.store_id"
                " AND l.offer_id = w.offer_id AND l.store_id = w.store_id"
                " AND s.quantity - s.reserved >= w.qty"
                " RETURNING s.offer_id, s.store_id"
            ),
            {
                "offers": _int_array(o for (o, _), _ in needed),
                "stores": _int_array(s for (_, s), _ in needed),
                "qty": _int_array(q for _, q in needed),
            },
        )
        done.update((o, s) for o, s in rows)
        return done
    # SQLite: the chunk's transaction holds the database's write lock (BEGIN IMMEDIATE), so the
    # stock read above cannot have moved; the condition is kept all the same.
    for batch in _batches(needed, _SQLITE_ROWS_PER_STATEMENT):
        values = ", ".join("(?, ?, ?)" for _ in batch)
        rows = session.connection().exec_driver_sql(
            f"UPDATE stock SET reserved = reserved + w.column3 FROM (VALUES {values}) AS w"
            " WHERE stock.offer_id = w.column1 AND stock.store_id = w.column2"
            " AND stock.quantity - stock.reserved >= w.column3"
            " RETURNING stock.offer_id, stock.store_id",
            tuple(x for (o, s), q in batch for x in (o, s, q)),
        )
        done.update((o, s) for o, s in rows)
    return done


# --- writing ----------------------------------------------------------------------------------

_CUSTOMER_COLUMNS = (
    "id",
    "external_id",
    "first_name",
    "last_name",
    "patronymic",
    "email",
    "email_normalized",
    "loyalty_discount_pct",
    "custom_fields",
    "consent_sms",
    "consent_email",
    "consent_messengers",
    "version",
    "search_text",
    "name_key",
)
_PHONE_COLUMNS = ("customer_id", "raw", "e164", "tail10", "extension", "kind", "is_primary")
_ORDER_COLUMNS = (
    "id",
    "number",
    "external_id",
    "source",
    "status",
    "status_changed_at",
    "priority",
    "customer_id",
    "contact_name",
    "contact_phone_raw",
    "contact_phone_e164",
    "contact_email",
    "shipping_store_id",
    "delivery_type",
    "delivery_address",
    "delivery_cost",
    "payment_status",
    "payment_method",
    "subtotal",
    "discount_total",
    "total",
    "customer_comment",
    "manager_comment",
    "no_answer_attempts",
    "stock_reserved_at",
    "robot_checks",
    "robot_checked_at",
    "version",
    "created_at",
    "updated_at",
)
_ITEM_COLUMNS = (
    "order_id",
    "offer_id",
    "name",
    "quantity",
    "price",
    "discount",
    "is_cross_sell",
    "capsule_id",
)
_HISTORY_COLUMNS = (
    "order_id",
    "actor_id",
    "actor_kind",
    "from_status",
    "to_status",
    "comment",
    "created_at",
)
_OUTBOX_COLUMNS = ("topic", "aggregate", "aggregate_id", "actor_id", "payload")
# created_at of customers, phones, items and events is left to the column default, as the ORM
# path does (server CURRENT_TIMESTAMP under COPY, the model's default under Core).

_ZERO = Decimal("0")
_TABLES = Base.metadata.tables
_CUSTOMERS, _PHONES, _ORDERS = _TABLES["customers"], _TABLES["customer_phones"], _TABLES["orders"]
_ITEMS, _HISTORY, _OUTBOX = (
    _TABLES["order_items"],
    _TABLES["order_status_history"],
    _TABLES["outbox_events"],
)


def _write(
    session: Session,
    planned: list[_Planned],
    customers: list[_NewCustomer],
    now: Any,
    *,
    dialect: str,
) -> None:
    """Allocate ids, build every row and insert them, parents first."""
    # Only customers and orders need their ids up front (rows below point at them); items,
    # phones, history and events take theirs from the column default as they are written, in
    # the order written (so an order's events keep ascending ids, as on the per-order path).
    ids = _allocate_ids(session, {_CUSTOMERS: len(customers), _ORDERS: len(planned)})
    as_json: Callable[[Any], Any] = _dumps if dialect == "postgresql" else _identity
    checks_json: Callable[[Any], Any] = _ChecksJson() if dialect == "postgresql" else _identity

    for customer, cid in zip(customers, ids[_CUSTOMERS], strict=True):
        customer.id = cid
    customer_rows = [
        (
            c.id,
            c.external_id,
            c.first_name,
            c.last_name,
            c.patronymic,
            c.email,
            c.email_normalized,
            _ZERO,
            as_json({}),
            False,
            False,
            False,
            1,
            # derived search columns (the ORM path fills them in models/customers.py)
            customer_search_text(c.first_name, c.last_name, c.patronymic, c.email_normalized),
            customer_name_key(c.first_name, c.last_name),
        )
        for c in customers
    ]
    phone_rows = [
        (c.id, ph.raw[:64], ph.e164, ph.tail10, ph.extension, "mobile", True)
        for c in customers
        if (ph := c.phone) is not None
    ]

    order_rows: list[tuple[Any, ...]] = []
    item_rows: list[tuple[Any, ...]] = []
    history_rows: list[tuple[Any, ...]] = []
    event_rows: list[tuple[Any, ...]] = []
    for o, oid in zip(planned, ids[_ORDERS], strict=True):
        o.id = oid
        p = o.parsed
        decided_now = o.status != "new"
        customer_id = o.customer if isinstance(o.customer, int) else o.customer.id
        order_rows.append(
            (
                oid,
                p.number,
                p.external_id,
                p.source.value,
                o.status,
                now if decided_now else None,
                0,
                customer_id,
                " ".join(x for x in (p.first_name, p.last_name) if x),
                p.phone.raw if p.phone else None,
                p.phone.e164 if p.phone else None,
                p.email,
                p.store_id,
                p.delivery_type.value,
                p.delivery_address,
                p.delivery_cost,
                p.payment_status.value,
                p.payment_method.value if p.payment_method else None,
                o.subtotal,
                o.discount,
                o.total,
                p.customer_comment,
                p.manager_comment,
                0,
                now if o.status == "confirmed" else None,
                checks_json(o.checks) if o.checks is not None else _SQL_NULL[dialect],
                now if decided_now else None,
                2 if decided_now else 1,
                p.created_at or now,
                now,
            )
        )
        for item in p.items:
            item_rows.append(
                (
                    oid,
                    item.offer_id,
                    item.name,
                    item.quantity,
                    item.price,
                    item.discount,
                    False,
                    item.capsule_id,
                )
            )
        event_rows.append(
            (
                "order.created",
                "order",
                oid,
                None,
                as_json({"number": p.number, "version": 1, "source": p.source.value}),
            )
        )
        if decided_now:
            history_rows.append(_history_row(o, now))
            event_rows.append(_decision_event(o, as_json))

    _insert(session, _CUSTOMERS, _CUSTOMER_COLUMNS, customer_rows, dialect)
    _insert(session, _PHONES, _PHONE_COLUMNS, phone_rows, dialect)
    _insert(session, _ORDERS, _ORDER_COLUMNS, order_rows, dialect)
    _insert(session, _ITEMS, _ITEM_COLUMNS, item_rows, dialect)
    _insert(session, _HISTORY, _HISTORY_COLUMNS, history_rows, dialect)
    _insert(session, _OUTBOX, _OUTBOX_COLUMNS, event_rows, dialect)


def _history_row(o: _Planned, now: Any) -> tuple[Any, ...]:
    # change_status's row for the robot: no user, from 'new', comment as robot.decide words it
    if o.status == "confirmed":
        comment = "auto-approved"
    else:
        assert o.checks is not None
        comment = "robot: " + ", ".join(c["rule"] for c in o.checks if not c["passed"])
    return (o.id, None, ROBOT.kind, "new", o.status, comment, now)


def _decision_event(o: _Planned, as_json: Callable[[Any], Any]) -> tuple[Any, ...]:
    # workflow.record_change's payload for change_status(new → o.status) by the robot
    changes: dict[str, Any] = {"status": ["new", o.status]}
    if o.status == "confirmed":
        changes["stock_reserved"] = [False, True]
    payload = {
        "number": o.parsed.number,
        "version": 2,
        "status": o.status,
        "changes": changes,
        "actor": ROBOT.name,
        "from": "new",
        "to": o.status,
    }
    topic = "order.confirmed" if o.status == "confirmed" else "order.status_changed"
    return (topic, "order", o.id, None, as_json(payload))


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class _ChecksJson:
    """``robot_checks`` as JSON text, each check encoded once per distinct value: most orders
    share most verdicts ("no comment", "paid"...), and json.dumps was a tenth of the time."""

    def __init__(self) -> None:
        self._done: dict[tuple[Any, ...], str] = {}

    def __call__(self, checks: list[dict[str, Any]]) -> str:
        parts = []
        for check in checks:
            actual = check["actual"]
            key = (
                check["rule"],
                check["passed"],
                check["expected"],
                tuple(actual) if isinstance(actual, list) else actual,
            )
            text = self._done.get(key)
            if text is None:
                text = self._done[key] = _dumps(check)
            parts.append(text)
        return "[" + ",".join(parts) + "]"


def _identity(value: Any) -> Any:
    return value


#: SQL NULL for a JSON column: COPY writes None as NULL, but under Core a Python None in a JSON
#: column is stored as the JSON text 'null' (the ORM path leaves the column out: NULL)
_SQL_NULL: dict[str, Any] = {"postgresql": None, "sqlite": null()}


def _allocate_ids(session: Session, counts: dict[Table, int]) -> dict[Table, list[int]]:
    """``counts[table]`` fresh ids per table, in one query.

    PostgreSQL: ``nextval`` of each table's own sequence, so concurrent writers (operators, the
    worker) keep getting their ids as usual. SQLite: the chunk's transaction holds the write
    lock (BEGIN IMMEDIATE) and the tables are plain rowid tables, so ``max(id) + 1 ...`` is
    exactly what SQLite itself would hand out next."""
    tables = [t for t, n in counts.items() if n]
    ids: dict[Table, list[int]] = {t: [] for t in counts}
    if not tables:
        return ids
    if session.get_bind().dialect.name == "postgresql":
        parts = [
            f"ARRAY(SELECT nextval((SELECT pg_get_serial_sequence('{t.name}', 'id'))::regclass)"
            f" FROM generate_series(1, {int(counts[t])}))"
            for t in tables
        ]
        row = session.execute(text("SELECT " + ", ".join(parts))).one()
        for t, values in zip(tables, row, strict=True):
            ids[t] = sorted(values)
        return ids
    parts = [f"(SELECT coalesce(max(id), 0) FROM {t.name})" for t in tables]
    row = session.execute(text("SELECT " + ", ".join(parts))).one()
    for t, top in zip(tables, row, strict=True):
        ids[t] = list(range(int(top) + 1, int(top) + 1 + counts[t]))
    return ids


def _insert(
    session: Session,
    table: Table,
    columns: Sequence[str],
    rows: list[tuple[Any, ...]],
    dialect: str,
) -> None:
    if not rows:
        return
    connection = session.connection()
    if dialect == "postgresql":
        # COPY on the session's own connection: same transaction as everything else here.
        driver = connection.connection.driver_connection
        assert driver is not None
        sql = f"COPY {table.name} ({', '.join(columns)}) FROM STDIN"
        with driver.cursor() as cursor, cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)
        return
    for batch in _batches(rows, _SQLITE_ROWS_PER_STATEMENT):
        connection.execute(table.insert(), [dict(zip(columns, row, strict=True)) for row in batch])


def in_values(session: Session, column: Any, values: Sequence[Any]) -> Any:
    """``column IN values``: one array parameter on PostgreSQL, a plain IN list on SQLite.

    PostgreSQL gets ``column IN (SELECT unnest(:array))``, a semi-join, rather than
    ``column = ANY(:array)``: while a first import outgrows the statistics the planner may scan
    the table, and ``= ANY`` of a parameter array then compares every row with every element
    (minutes per chunk at 100k orders); a semi-join hashes the array or probes the index."""
    if session.get_bind().dialect.name == "postgresql":
        literal = (
            _int_array(values) if all(isinstance(v, int) for v in values) else _text_array(values)
        )
        array = cast(bindparam(None, literal, type_=Text), ARRAY(column.type))
        return column.in_(select(func.unnest(array)))
    return column.in_(list(values))


# Array parameters are sent as one array literal ('{1,2,3}') cast in SQL: psycopg adapts a
# Python list element by element, which costs more than the query itself for thousands of ids.


def _int_array(values: Iterable[int]) -> str:
    return "{" + ",".join(map(str, values)) + "}"


def _text_array(values: Iterable[str]) -> str:
    # every element quoted, backslashes and quotes escaped: any text survives
    return (
        "{"
        + ",".join('"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"' for v in values)
        + "}"
    )


def _batches(items: Sequence[_T], size: int) -> Iterable[Sequence[_T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
