"""What the console's customer panel and dialogs need beyond the customer services, Qt-free.

* :func:`panel_data` — the profile plus the first page of the customer's orders and the segment
  rules (the panel words the badge reasons itself, in the operator's language), in one call;
* :func:`customer_orders` — the order history, keyset-paged by ``(created_at, id)`` through the
  ``(customer_id, created_at)`` index, newest first;
* :func:`check_new_customer` / :func:`create_with_children` — the duplicate check a "new
  customer" form runs *before* saving, and the save itself with the customer's children, in one
  transaction, a refusal for a duplicate coming back as data rather than as an exception;
* :func:`merge_preview` / :func:`merge_as` — what a merge would move (the confirmation names
  it), and the merge itself for the roles allowed to merge;
* :func:`stores_for_items` — a new order's candidate shipping stores, best first;
* :func:`status_names` — the status names the console shows, in both languages.

Role rules for the console live here, written once: :data:`MERGE_ROLES` may merge customers,
:data:`FORCE_DUPLICATE_ROLES` may create a customer whose phone or e-mail someone already has
(the service records who forced it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from app.actors import Actor
from app.clock import Clock
from app.customers import duplicates
from app.customers.birthdays import DEFAULT_TIMEZONE
from app.customers.children import add_child
from app.customers.errors import CustomerRef, DuplicateCustomer, MergeRefused
from app.customers.merge import FILLABLE, merge_customers
from app.customers.profile import CustomerProfile, customer_profile
from app.customers.records import customer_ref, get_customer, survivor_id
from app.customers.segments import SegmentRules
from app.customers.service import NewCustomer, clean_email, clean_phone, create_customer
from app.customers.timeline import DEFAULT_PAGE, TimelineItem, TimelinePage, timeline
from app.orders.card import StoreChoice
from app.phones import DEFAULT_REGION
from models import Base, Customer, CustomerPhone, Gender, Order, Status, Stock, Store

#: roles that may merge one customer into another from the console
MERGE_ROLES = frozenset({"supervisor", "admin"})
#: roles that may create a customer whose phone or e-mail another customer already has
FORCE_DUPLICATE_ROLES = frozenset({"supervisor", "manager", "admin"})

ORDERS_PAGE = 100


class NotAllowed(ValueError):
    """The actor's role may not do this; the message says which roles may."""


def can_merge(role: str) -> bool:
    return role in MERGE_ROLES


def can_force_duplicate(role: str) -> bool:
    return role in FORCE_DUPLICATE_ROLES


# order history -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CustomerOrderRow:
    """One line of a customer's order history."""

    id: int
    number: str
    created_at: dt.datetime
    status: str
    status_name_ru: str
    status_name_en: str
    total: Decimal
    source: str


@dataclass(frozen=True, slots=True)
class OrdersPage:
    rows: tuple[CustomerOrderRow, ...]
    # (created_at, id) of the last row when another page may follow; None: this was the last
    next_after: tuple[dt.datetime, int] | None


def customer_orders(
    session: Session,
    customer_id: int,
    *,
    after: tuple[dt.datetime, int] | None = None,
    limit: int = ORDERS_PAGE,
) -> OrdersPage:
    """The customer's orders newest first, ``limit`` at a time, strictly after ``after``."""
    limit = max(1, min(500, limit))
    query = (
        select(
            Order.id,
            Order.number,
            Order.created_at,
            Order.status,
            Status.name_ru,
            Status.name_en,
            Order.total,
            Order.source,
        )
        .join(Status, Status.code == Order.status)
        .where(Order.customer_id == customer_id)
    )
    if after is not None:
        at, oid = after
        query = query.where(
            or_(Order.created_at < at, and_(Order.created_at == at, Order.id < oid))
        )
    rows = session.execute(
        query.order_by(Order.created_at.desc(), Order.id.desc()).limit(limit + 1)
    ).all()
    page = tuple(
        CustomerOrderRow(
            r.id, r.number, r.created_at, r.status, r.name_ru, r.name_en, r.total, str(r.source)
        )
        for r in rows[:limit]
    )
    more = len(rows) > limit
    return OrdersPage(page, (page[-1].created_at, page[-1].id) if more and page else None)


# the panel in one call -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PanelData:
    """Everything the profile panel paints for one request."""

    requested_id: int  # the id asked for (the panel drops answers to older requests)
    profile: CustomerProfile
    orders: OrdersPage
    rules: SegmentRules
    survivor_id: int | None  # for a merged audit record: the live customer it ended in
    timeline_facts: tuple[OrderFact, ...]  # of the orders on the profile's first timeline page
    statuses: tuple[tuple[str, str, str], ...]  # see status_names()


def panel_data(
    session: Session,
    customer_id: int,
    clock: Clock,
    *,
    timezone: str = DEFAULT_TIMEZONE,
    orders_limit: int = ORDERS_PAGE,
) -> PanelData:
    """The profile (with the first timeline page), the first page of orders and the segment
    rules of ``customer_id``."""
    profile = customer_profile(session, customer_id, clock, timezone=timezone)
    return PanelData(
        timeline_facts=order_facts(session, profile.timeline.items),
        statuses=status_names(session),
        requested_id=customer_id,
        profile=profile,
        orders=customer_orders(session, customer_id, limit=orders_limit),
        rules=SegmentRules.load(session),
        survivor_id=(
            survivor_id(session, customer_id) if profile.merged_into_id is not None else None
        ),
    )


@dataclass(frozen=True, slots=True)
class OrderFact:
    """What a timeline line about an order needs to be worded in any language."""

    id: int
    total: Decimal
    status: str
    source: str


@dataclass(frozen=True, slots=True)
class TimelineChunk:
    page: TimelinePage
    facts: tuple[OrderFact, ...]


def order_facts(session: Session, items: Sequence[TimelineItem]) -> tuple[OrderFact, ...]:
    """Total, status and source of the orders the ``items`` placed (one query)."""
    ids = sorted({i.order_id for i in items if i.kind == "order" and i.order_id is not None})
    if not ids:
        return ()
    return tuple(
        OrderFact(oid, total, status, str(source))
        for oid, total, status, source in session.execute(
            select(Order.id, Order.total, Order.status, Order.source)
            .where(Order.id.in_(ids))
            .order_by(Order.id)
        )
    )


def timeline_chunk(
    session: Session, customer_id: int, *, cursor: str | None = None, limit: int = DEFAULT_PAGE
) -> TimelineChunk:
    """One page of :func:`app.customers.timeline.timeline` with its orders' facts."""
    page = timeline(session, customer_id, cursor=cursor, limit=limit)
    return TimelineChunk(page, order_facts(session, page.items))


def status_names(session: Session) -> tuple[tuple[str, str, str], ...]:
    """(code, Russian name, English name) of every status, in workflow order."""
    return tuple(
        (code, ru, en)
        for code, ru, en in session.execute(
            select(Status.code, Status.name_ru, Status.name_en).order_by(
                Status.ordering, Status.code
            )
        )
    )


@dataclass(frozen=True, slots=True)
class OrderCustomer:
    """Who a new order is for: name, main phone, e-mail and the loyalty discount it gets."""

    ref: CustomerRef
    loyalty_discount_pct: Decimal


def order_customer(session: Session, customer_id: int) -> OrderCustomer:
    """The customer a new order is for (a merged record answers with its survivor)."""
    customer = get_customer(session, survivor_id(session, customer_id))
    return OrderCustomer(customer_ref(session, customer), customer.loyalty_discount_pct)


# new customer --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Clash:
    """A phone or e-mail of the new customer that live customers already have."""

    field: str  # phone | email
    value: str  # E.164 or the lower-cased e-mail
    owners: tuple[CustomerRef, ...]


@dataclass(frozen=True, slots=True)
class DuplicateCheck:
    clashes: tuple[Clash, ...]  # refused unless forced
    similar: tuple[CustomerRef, ...]  # similar name, same birth date: worth a look

    @property
    def clean(self) -> bool:
        return not self.clashes and not self.similar


def check_new_customer(
    session: Session, data: NewCustomer, region: str = DEFAULT_REGION
) -> DuplicateCheck:
    """Who the new customer may already be, before anything is written. A phone or e-mail
    that does not parse is refused with a message naming it."""
    clashes: list[Clash] = []
    seen: set[str] = set()
    for raw in data.phones:
        if not raw or not raw.strip():
            continue
        phone = clean_phone(raw, region)
        if phone.e164 in seen:
            continue
        seen.add(phone.e164)
        owners = duplicates.phone_owners(session, phone.e164)
        if owners:
            clashes.append(Clash("phone", phone.e164, owners))
    _email, email_norm = clean_email(data.email)
    if email_norm:
        owners = duplicates.email_owners(session, email_norm)
        if owners:
            clashes.append(Clash("email", email_norm, owners))
    clashing = {ref.id for c in clashes for ref in c.owners}
    similar = tuple(
        ref
        for ref in duplicates.similar_customers(
            session, data.first_name, data.last_name, data.birth_date
        )
        if ref.id not in clashing
    )
    return DuplicateCheck(tuple(clashes), similar)


@dataclass(frozen=True, slots=True)
class NewChild:
    name: str
    gender: Gender | None = None
    birth_date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class CreateOutcome:
    """``customer_id`` of the new customer, or the clashes that stopped it (nothing written)."""

    customer_id: int | None
    clashes: tuple[Clash, ...] = ()
    forced_over: tuple[CustomerRef, ...] = ()


def create_with_children(
    session: Session,
    data: NewCustomer,
    children: Sequence[NewChild],
    actor: Actor,
    clock: Clock,
    *,
    force: bool = False,
    region: str = DEFAULT_REGION,
) -> CreateOutcome:
    """Create the customer and their children in the caller's transaction. A duplicate phone
    or e-mail comes back as ``clashes`` (nothing written) unless ``force``, which only
    :data:`FORCE_DUPLICATE_ROLES` may use."""
    if force and not can_force_duplicate(actor.role):
        raise NotAllowed(
            f"a {actor.role} may not create a duplicate customer; ask a "
            f"{' or '.join(sorted(FORCE_DUPLICATE_ROLES))}"
        )
    try:
        created = create_customer(session, data, actor, clock, force=force, region=region)
    except DuplicateCustomer as exc:
        # raised before anything was written: the transaction has nothing to undo
        return CreateOutcome(None, (Clash(exc.field, exc.value, exc.existing),))
    for child in children:
        add_child(
            session, created.customer.id, child.name, child.birth_date, child.gender, actor, clock
        )
    return CreateOutcome(created.customer.id, forced_over=created.forced_over)


# merge ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MergePreview:
    """What merging ``duplicate`` into ``keep`` would do, for the confirmation."""

    keep: CustomerRef
    duplicate: CustomerRef
    keep_version: int
    duplicate_version: int
    moves: tuple[tuple[str, int], ...]  # (table, rows that would move), only non-zero
    dropped_phones: tuple[str, ...]  # the duplicate's numbers the kept customer already has
    filled: tuple[str, ...]  # the kept customer's empty fields the duplicate would fill


def _customer_references() -> list[tuple[str, str]]:
    """(table, column) of every foreign key to customers.id, from the schema (the merge moves
    them all, so the preview counts them all)."""
    found = []
    for table in Base.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table.name == "customers" and table.name != "customers":
                found.append((table.name, fk.parent.name))
    return found


def merge_preview(session: Session, keep_id: int, duplicate_id: int) -> MergePreview:
    """Refused (naming why) when the two are one customer or either was merged already."""
    if keep_id == duplicate_id:
        raise MergeRefused(f"customer #{keep_id} cannot be merged into itself")
    keep = get_customer(session, keep_id)
    dup = get_customer(session, duplicate_id)
    for c in (keep, dup):
        if c.merged_into_id is not None:
            raise MergeRefused(
                f"customer #{c.id} was already merged into #{survivor_id(session, c.id)}"
            )
    moves: list[tuple[str, int]] = []
    for table_name, column_name in _customer_references():
        table = Base.metadata.tables[table_name]
        n = session.scalar(
            select(func.count()).select_from(table).where(table.c[column_name] == dup.id)
        )
        if n:
            moves.append((table_name, int(n)))
    have = set(
        session.scalars(select(CustomerPhone.e164).where(CustomerPhone.customer_id == keep.id))
    )
    dropped = tuple(
        e164
        for e164 in session.scalars(
            select(CustomerPhone.e164)
            .where(CustomerPhone.customer_id == dup.id)
            .order_by(CustomerPhone.id)
        )
        if e164 in have
    )
    filled = tuple(name for name in FILLABLE if not getattr(keep, name) and getattr(dup, name))
    return MergePreview(
        customer_ref(session, keep),
        customer_ref(session, dup),
        keep.version,
        dup.version,
        tuple(moves),
        dropped,
        filled,
    )


@dataclass(frozen=True, slots=True)
class MergeDone:
    kept_id: int
    merged_id: int
    merged_by: str
    merged_at: dt.datetime
    moved: tuple[tuple[str, int], ...]  # ("table.column", rows moved), only non-zero


def merge_as(
    session: Session,
    keep_id: int,
    duplicate_id: int,
    actor: Actor,
    clock: Clock,
    *,
    keep_version: int | None = None,
    duplicate_version: int | None = None,
) -> MergeDone:
    """:func:`app.customers.merge.merge_customers` for an actor whose role may merge. The
    versions are the ones the confirmation showed: a customer changed since is refused."""
    if not can_merge(actor.role):
        raise NotAllowed(
            f"a {actor.role} may not merge customers; ask a {' or '.join(sorted(MERGE_ROLES))}"
        )
    result = merge_customers(
        session,
        keep_id,
        duplicate_id,
        actor,
        clock,
        keep_version=keep_version,
        duplicate_version=duplicate_version,
    )
    return MergeDone(
        result.kept_id,
        result.merged_id,
        result.merged_by,
        result.merged_at,
        tuple(sorted((k, v) for k, v in result.moved.items() if v)),
    )


# new order -----------------------------------------------------------------------------------


def stores_for_items(
    session: Session, wanted: Sequence[tuple[int, int]], city: str | None = None
) -> tuple[StoreChoice, ...]:
    """Active stores (of ``city`` when given) best first for a new order's ``wanted``
    (offer id, quantity) lines — the same ranking as the order card's store choice: most lines
    served in full, then most units, then name."""
    want: dict[int, int] = {}
    for offer_id, qty in wanted:
        want[offer_id] = want.get(offer_id, 0) + max(0, qty)
    stores_q = select(Store).where(Store.is_active.is_(True))
    if city:
        stores_q = stores_q.where(Store.city == city)
    stores = session.scalars(stores_q.order_by(Store.name, Store.id)).all()
    free: dict[tuple[int, int], int] = {}
    if want and stores:
        for store_id, offer_id, qty in session.execute(
            select(Stock.store_id, Stock.offer_id, Stock.quantity - Stock.reserved).where(
                Stock.offer_id.in_(list(want)), Stock.store_id.in_([s.id for s in stores])
            )
        ):
            free[(store_id, offer_id)] = int(qty)
    choices = []
    for s in stores:
        full = sum(1 for o, q in want.items() if free.get((s.id, o), 0) >= q)
        units = sum(min(max(free.get((s.id, o), 0), 0), q) for o, q in want.items())
        choices.append(
            StoreChoice(
                s.id, s.name, s.city, s.address, s.kind.value, full, units, sum(want.values())
            )
        )
    choices.sort(key=lambda c: (-c.items_fully_available, -c.units_available, c.name))
    return tuple(choices)


def live_customer_ids(session: Session, ids: Sequence[int]) -> frozenset[int]:
    """Which of ``ids`` are live (not merged) customers."""
    if not ids:
        return frozenset()
    return frozenset(
        session.scalars(
            select(Customer.id).where(Customer.id.in_(list(ids)), Customer.merged_into_id.is_(None))
        )
    )
