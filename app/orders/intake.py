"""Order intake from files in the RetailCRM API v5 order shape (shared/protocols §5.2).

Each record is validated on its own: a bad one gets per-field errors, is kept verbatim in the
dead-letter table and does not stop the good ones. Idempotent on ``externalId``: importing the
same file twice updates instead of duplicating. New orders then go through the robot."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.actors import SYSTEM
from app.capsules.origin import capsule_ids_for_refs
from app.clock import Clock
from app.orders import bulk_intake
from app.orders.customer_match import find_or_create_customer
from app.orders.fast_parse import local_timestamp, ru_mobile
from app.orders.workflow import flush_versioned, record_change
from app.outbox import emit
from app.phones import Phone, PhoneError, normalize_phone
from app.robot import RobotSettings, decide
from models import (
    DeadLetter,
    DeliveryType,
    Offer,
    Order,
    OrderItem,
    OrderSource,
    PaymentMethod,
    PaymentStatus,
    Store,
)

SOURCE = "orders.import"
PHONE_MEMO = 200_000  # distinct raw phones remembered by one import
CHUNK = 2000  # records per transaction: big enough for set-wise work, short locks

ORDER_METHODS = {
    "shopping-cart": OrderSource.SITE,
    "site": OrderSource.SITE,
    "mobile-app": OrderSource.MOBILE_APP,
    "mobile_app": OrderSource.MOBILE_APP,
    "one-click": OrderSource.ONE_CLICK,
    "one_click": OrderSource.ONE_CLICK,
    "phone": OrderSource.PHONE,
    "offline": OrderSource.STORE,
    "store": OrderSource.STORE,
    "erp": OrderSource.ERP,
}
DELIVERY_CODES = {
    "courier": DeliveryType.COURIER,
    "pickup": DeliveryType.PICKUP,
    "self-delivery": DeliveryType.PICKUP,
    "parcel-locker": DeliveryType.PARCEL_LOCKER,
    "parcel_locker": DeliveryType.PARCEL_LOCKER,
    "postamat": DeliveryType.PARCEL_LOCKER,
}
PAYMENT_STATUSES = {
    "paid": PaymentStatus.PAID,
    "not-paid": PaymentStatus.NOT_PAID,
    "not_paid": PaymentStatus.NOT_PAID,
    "returned": PaymentStatus.REFUNDED,
    "refunded": PaymentStatus.REFUNDED,
}
PAYMENT_TYPES = {
    "cash": PaymentMethod.CASH,
    "bank-card": PaymentMethod.CARD_ON_DELIVERY,
    "card-on-delivery": PaymentMethod.CARD_ON_DELIVERY,
    "e-money": PaymentMethod.CARD_ONLINE,
    "card-online": PaymentMethod.CARD_ONLINE,
    "sbp": PaymentMethod.SBP,
}
#: statuses in which an import may still replace the items (nobody has reserved stock yet)
ITEMS_EDITABLE = {"new", "needs_confirmation", "no_answer"}
#: the item property (RetailCRM ``items[].properties[].code``) naming the capsule the item was
#: sold from, by its id in the capsule feed (docs/capsule-feed.md, "Orders that name a capsule")
CAPSULE_PROPERTY = "capsule"


@dataclass(frozen=True, slots=True)
class ParsedItem:
    offer_id: int
    name: str
    quantity: int
    price: Decimal
    discount: Decimal
    capsule_id: int | None = None  # the capsule the site/ERP says it was sold from


@dataclass(slots=True)
class ParsedOrder:
    external_id: str
    number: str
    source: OrderSource
    first_name: str
    last_name: str
    patronymic: str | None
    phone: Phone | None
    email: str | None
    customer_external_id: str | None
    items: list[ParsedItem]
    delivery_type: DeliveryType
    delivery_cost: Decimal
    delivery_address: str | None
    payment_status: PaymentStatus
    payment_method: PaymentMethod | None
    customer_comment: str | None
    manager_comment: str | None
    store_id: int | None
    created_at: dt.datetime | None
    #: what was ignored without refusing the order (field path → message), e.g. an unknown
    #: capsule reference: the order is written, the import reports it
    warnings: dict[str, str] = field(default_factory=dict)


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[dict[str, Any]] = field(default_factory=list)
    robot_confirmed: int = 0
    robot_to_queue: int = 0
    #: records written with something ignored: {"index", "externalId", "warnings": {path: msg}}
    warnings: list[dict[str, Any]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "warnings": self.warnings,
            "robot": {"confirmed": self.robot_confirmed, "needs_confirmation": self.robot_to_queue},
        }


class _Catalog:
    """Offers, stores and capsules referenced by a chunk, fetched in one query each."""

    def __init__(self, session: Session, records: list[Any]) -> None:
        offer_ids: set[str] = set()
        store_codes: set[str] = set()
        capsule_refs: set[str] = set()
        for rec in records:
            if not isinstance(rec, dict):
                continue
            items = rec.get("items")
            for item in items if isinstance(items, list) else []:
                if not isinstance(item, dict):
                    continue
                if isinstance(item.get("offer"), dict):
                    ext = item["offer"].get("externalId")
                    if isinstance(ext, str | int):
                        offer_ids.add(str(ext))
                ref = capsule_property(item)
                if isinstance(ref, str) and ref:
                    capsule_refs.add(ref)
            if isinstance(rec.get("shipmentStore"), str):
                store_codes.add(rec["shipmentStore"])
        self.offers: dict[str, tuple[int, str, Decimal, bool]] = {}
        if offer_ids:
            for oid, ext, name, price, active in session.execute(
                select(Offer.id, Offer.external_id, Offer.name, Offer.price, Offer.is_active).where(
                    bulk_intake.in_values(session, Offer.external_id, sorted(offer_ids))
                )
            ):
                self.offers[ext] = (oid, name, price, active)
        self.stores: dict[str, int] = {}
        if store_codes:
            self.stores = dict(
                session.execute(select(Store.code, Store.id).where(Store.code.in_(store_codes)))
                .tuples()
                .all()
            )
        self.capsules: dict[str, int] = capsule_ids_for_refs(session, capsule_refs)


def capsule_property(item: dict[str, Any]) -> Any:
    """The value of the item's ``capsule`` property, stripped when text; None without one.

    RetailCRM sends ``properties`` as a list of ``{"code", "name", "value"}`` when writing and
    answers with an object keyed by the code when reading an order back; both are accepted.
    Properties are free-form shop data, so a malformed list is no reason to refuse an order:
    anything that is not recognisably the capsule entry is ignored."""
    props = item.get("properties")
    if isinstance(props, dict):
        entries: Iterable[Any] = props.values()
    elif isinstance(props, list):
        entries = props
    else:
        return None
    for entry in entries:
        if isinstance(entry, dict) and entry.get("code") == CAPSULE_PROPERTY:
            value = entry.get("value")
            return value.strip() if isinstance(value, str) else value
    return None


def _item_capsule(
    item: dict[str, Any], path: str, catalog: _Catalog, warnings: dict[str, str]
) -> int | None:
    """The capsule an item names, resolved; an unusable reference is a warning (the item is
    still sold, we just do not know its capsule: the card then infers one)."""
    ref = capsule_property(item)
    if ref is None or ref == "":
        return None
    where = f"{path}.properties.{CAPSULE_PROPERTY}"
    if not isinstance(ref, str | int) or isinstance(ref, bool):
        warnings[where] = f"capsule reference must be a string, got {ref!r}; ignored"
        return None
    capsule_id = catalog.capsules.get(str(ref))
    if capsule_id is None:
        warnings[where] = f"unknown capsule {str(ref)!r}; the item is kept without it"
    return capsule_id


def _text(rec: dict[str, Any], key: str, errors: dict[str, str], limit: int) -> str | None:
    value = rec.get(key)
    if value is None:
        return None
    if not isinstance(value, str | int | float):
        errors[key] = f"must be a string, got {type(value).__name__}"
        return None
    text = str(value).strip()
    if len(text) > limit:
        errors[key] = f"longer than {limit} characters"
    return text or None


def _money(value: Any, path: str, errors: dict[str, str], *, required: bool) -> Decimal:
    if value is None:
        if required:
            errors[path] = "is required"
        return Decimal("0")
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        errors[path] = f"must be a number, got {value!r}"
        return Decimal("0")
    try:
        amount = Decimal(str(value)).quantize(Decimal("0.01"))
    except InvalidOperation:
        errors[path] = f"must be a number, got {value!r}"
        return Decimal("0")
    if amount < 0:
        errors[path] = f"must not be negative, got {value}"
    return amount


def _address(delivery: dict[str, Any]) -> str | None:
    address = delivery.get("address")
    if isinstance(address, str):
        return address.strip() or None
    if not isinstance(address, dict):
        return None
    if isinstance(address.get("text"), str) and address["text"].strip():
        return str(address["text"]).strip()
    parts = []
    for key, label in (
        ("index", ""),
        ("city", ""),
        ("street", ""),
        ("building", "д. "),
        ("flat", "кв. "),
    ):
        value = address.get(key)
        if value not in (None, ""):
            parts.append(f"{label}{value}")
    return ", ".join(parts) or None


def parse_record(
    rec: Any,
    catalog: _Catalog,
    tz: ZoneInfo,
    region: str,
    phones: dict[str, Phone | str] | None = None,
) -> tuple[ParsedOrder | None, dict[str, str]]:
    """Validate one record. Returns the parsed order or the per-field errors (never both).

    ``phones`` (optional) memoizes phone normalization across the records of one import:
    ``phonenumbers`` costs ~0.1 ms a number and a file repeats its regular customers' phones."""
    errors: dict[str, str] = {}
    warnings: dict[str, str] = {}
    if not isinstance(rec, dict):
        return None, {"": f"an order must be a JSON object, got {type(rec).__name__}"}

    external_id = _text(rec, "externalId", errors, 64)
    if not external_id and "externalId" not in errors:
        errors["externalId"] = "is required (it is what makes re-imports safe)"
    number = _text(rec, "number", errors, 32) or (f"EXT-{external_id}" if external_id else "")

    method = rec.get("orderMethod", "shopping-cart")
    source = ORDER_METHODS.get(str(method)) if isinstance(method, str) else None
    if source is None:
        errors["orderMethod"] = (
            f"unknown order method {method!r}; known: {', '.join(sorted(ORDER_METHODS))}"
        )

    phone: Phone | None = None
    raw_phone = rec.get("phone")
    if raw_phone not in (None, ""):
        normalized = phones.get(str(raw_phone)) if phones is not None else None
        if normalized is None:
            try:
                normalized = ru_mobile(str(raw_phone), region) or normalize_phone(
                    str(raw_phone), region
                )
            except PhoneError as exc:
                normalized = str(exc)
            if phones is not None:
                if len(phones) >= PHONE_MEMO:
                    phones.clear()  # bounded memory on huge files
                phones[str(raw_phone)] = normalized
        if isinstance(normalized, Phone):
            phone = normalized
        else:
            errors["phone"] = normalized
    email = _text(rec, "email", errors, 254)
    if email and ("@" not in email or email.startswith("@") or email.endswith("@")):
        errors["email"] = f"not an e-mail address: {email!r}"
    customer = rec.get("customer")
    customer_ext = None
    if isinstance(customer, dict) and customer.get("externalId") not in (None, ""):
        customer_ext = str(customer["externalId"])
    elif customer is not None and not isinstance(customer, dict):
        errors["customer"] = 'must be an object like {"externalId": "..."}'
    if phone is None and not email and not customer_ext and "phone" not in errors:
        errors["phone"] = "a phone, an e-mail or customer.externalId is required to reach the buyer"

    items: list[ParsedItem] = []
    raw_items = rec.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        errors["items"] = "at least one item is required"
        raw_items = []
    for i, item in enumerate(raw_items):
        path = f"items[{i}]"
        if not isinstance(item, dict):
            errors[path] = "must be an object"
            continue
        offer_ref = item.get("offer")
        ext = offer_ref.get("externalId") if isinstance(offer_ref, dict) else None
        if ext in (None, ""):
            errors[f"{path}.offer.externalId"] = "is required"
            continue
        known = catalog.offers.get(str(ext))
        if known is None:
            errors[f"{path}.offer.externalId"] = f"unknown offer {ext!r}"
            continue
        offer_id, offer_name, offer_price, active = known
        if not active:
            errors[f"{path}.offer.externalId"] = f"offer {ext!r} is no longer sold"
        qty = item.get("quantity", 1)
        if isinstance(qty, bool) or not isinstance(qty, int | float) or qty != int(qty) or qty < 1:
            errors[f"{path}.quantity"] = f"must be a positive whole number, got {qty!r}"
            qty = 1
        price = (
            _money(item.get("initialPrice"), f"{path}.initialPrice", errors, required=False)
            if item.get("initialPrice") is not None
            else offer_price
        )
        unit_discount = _money(
            item.get("discountManualAmount"), f"{path}.discountManualAmount", errors, required=False
        )
        if unit_discount > price:
            errors[f"{path}.discountManualAmount"] = (
                f"discount {unit_discount} exceeds the price {price}"
            )
        name = item.get("productName") if isinstance(item.get("productName"), str) else offer_name
        capsule_id = _item_capsule(item, path, catalog, warnings)
        items.append(
            ParsedItem(
                offer_id, str(name)[:300], int(qty), price, unit_discount * int(qty), capsule_id
            )
        )

    delivery = rec.get("delivery") or {}
    if not isinstance(delivery, dict):
        errors["delivery"] = "must be an object"
        delivery = {}
    code = delivery.get("code", "courier")
    delivery_type = DELIVERY_CODES.get(str(code))
    if delivery_type is None:
        errors["delivery.code"] = (
            f"unknown delivery {code!r}; known: {', '.join(sorted(DELIVERY_CODES))}"
        )
        delivery_type = DeliveryType.COURIER
    delivery_cost = _money(delivery.get("cost"), "delivery.cost", errors, required=False)

    store_id = None
    store_code = rec.get("shipmentStore")
    if store_code not in (None, ""):
        store_id = catalog.stores.get(str(store_code))
        if store_id is None:
            errors["shipmentStore"] = f"unknown store {store_code!r}"
    if delivery_type == DeliveryType.PICKUP and store_id is None and "shipmentStore" not in errors:
        errors["shipmentStore"] = "pickup (click & collect) needs the store to collect from"

    payment_status = PaymentStatus.NOT_PAID
    payment_method = None
    payments = rec.get("payments") or []
    if not isinstance(payments, list):
        errors["payments"] = "must be a list"
        payments = []
    for i, pay in enumerate(payments):
        if not isinstance(pay, dict):
            errors[f"payments[{i}]"] = "must be an object"
            continue
        status = PAYMENT_STATUSES.get(str(pay.get("status", "not-paid")))
        if status is None:
            errors[f"payments[{i}].status"] = f"unknown payment status {pay.get('status')!r}"
        elif status == PaymentStatus.PAID or payment_status != PaymentStatus.PAID:
            payment_status = status
        if pay.get("type") is not None:
            payment_method = PAYMENT_TYPES.get(str(pay["type"]))
            if payment_method is None:
                errors[f"payments[{i}].type"] = f"unknown payment type {pay['type']!r}"

    created_at = None
    raw_created = rec.get("createdAt")
    if raw_created not in (None, ""):
        try:
            parsed_dt = local_timestamp(str(raw_created))
            created_at = parsed_dt.replace(tzinfo=tz).astimezone(dt.UTC)
        except ValueError:
            errors["createdAt"] = f"expected 'YYYY-MM-DD HH:MM:SS', got {raw_created!r}"

    if errors:
        return None, errors
    assert external_id is not None and source is not None
    return (
        ParsedOrder(
            external_id=external_id,
            number=number,
            source=source,
            first_name=_text(rec, "firstName", errors, 100) or "",
            last_name=_text(rec, "lastName", errors, 100) or "",
            patronymic=_text(rec, "patronymic", errors, 100),
            phone=phone,
            email=email,
            customer_external_id=customer_ext,
            items=items,
            delivery_type=delivery_type,
            delivery_cost=delivery_cost,
            delivery_address=_address(delivery),
            payment_status=payment_status,
            payment_method=payment_method,
            customer_comment=_text(rec, "customerComment", errors, 5000),
            manager_comment=_text(rec, "managerComment", errors, 5000),
            store_id=store_id,
            created_at=created_at,
            warnings=warnings,
        ),
        {},
    )


def _totals(p: ParsedOrder) -> tuple[Decimal, Decimal, Decimal]:
    subtotal = sum((i.price * i.quantity for i in p.items), Decimal("0"))
    discount = sum((i.discount for i in p.items), Decimal("0"))
    return subtotal, discount, subtotal - discount + p.delivery_cost


def _create(session: Session, p: ParsedOrder, clock: Clock) -> Order:
    customer, _ = find_or_create_customer(
        session,
        phone=p.phone,
        first_name=p.first_name,
        last_name=p.last_name,
        patronymic=p.patronymic,
        email=p.email,
        external_id=p.customer_external_id,
    )
    subtotal, discount, total = _totals(p)
    now = clock.now()
    order = Order(
        number=p.number,
        external_id=p.external_id,
        source=p.source,
        status="new",
        customer_id=customer.id,
        contact_name=" ".join(x for x in (p.first_name, p.last_name) if x),
        contact_phone_raw=p.phone.raw if p.phone else None,
        contact_phone_e164=p.phone.e164 if p.phone else None,
        contact_email=p.email,
        shipping_store_id=p.store_id,
        delivery_type=p.delivery_type,
        delivery_address=p.delivery_address,
        delivery_cost=p.delivery_cost,
        payment_status=p.payment_status,
        payment_method=p.payment_method,
        subtotal=subtotal,
        discount_total=discount,
        total=total,
        customer_comment=p.customer_comment,
        manager_comment=p.manager_comment,
        created_at=p.created_at or now,
        updated_at=now,
    )
    session.add(order)
    session.flush()
    session.add_all(
        OrderItem(
            order_id=order.id,
            offer_id=i.offer_id,
            name=i.name,
            quantity=i.quantity,
            price=i.price,
            discount=i.discount,
            capsule_id=i.capsule_id,
        )
        for i in p.items
    )
    emit(
        session,
        "order.created",
        "order",
        order.id,
        {"number": order.number, "version": order.version, "source": p.source.value},
    )
    return order


def _update(session: Session, order: Order, p: ParsedOrder, clock: Clock) -> bool:
    """Apply a re-imported record to an existing order; returns whether anything changed."""
    subtotal, discount, total = _totals(p)
    wanted: dict[str, Any] = {
        "contact_name": " ".join(x for x in (p.first_name, p.last_name) if x),
        "contact_email": p.email,
        "delivery_type": p.delivery_type,
        "delivery_address": p.delivery_address,
        "delivery_cost": p.delivery_cost,
        "payment_status": p.payment_status,
        "payment_method": p.payment_method,
        "customer_comment": p.customer_comment,
        "manager_comment": p.manager_comment,
    }
    if p.phone is not None:
        wanted["contact_phone_raw"] = p.phone.raw
        wanted["contact_phone_e164"] = p.phone.e164
    items_changed = False
    if order.status in ITEMS_EDITABLE and order.stock_reserved_at is None:
        # the capsule is part of a line: a re-import that now names it replaces the items
        current = sorted(
            (i.offer_id, i.quantity, i.price, i.discount, i.capsule_id or 0)
            for i in session.scalars(select(OrderItem).where(OrderItem.order_id == order.id))
        )
        incoming = sorted(
            (i.offer_id, i.quantity, i.price, i.discount, i.capsule_id or 0) for i in p.items
        )
        if current != incoming:
            items_changed = True
            for old in session.scalars(select(OrderItem).where(OrderItem.order_id == order.id)):
                session.delete(old)
            session.add_all(
                OrderItem(
                    order_id=order.id,
                    offer_id=i.offer_id,
                    name=i.name,
                    quantity=i.quantity,
                    price=i.price,
                    discount=i.discount,
                    capsule_id=i.capsule_id,
                )
                for i in p.items
            )
            wanted.update(subtotal=subtotal, discount_total=discount, total=total)
        if p.store_id is not None:
            wanted["shipping_store_id"] = p.store_id
    changes = {
        name: [getattr(order, name), value]
        for name, value in wanted.items()
        if getattr(order, name) != value
    }
    if items_changed:
        changes["items"] = ["replaced", len(p.items)]
    if not changes:
        return False
    for name, (_old, value) in changes.items():
        if name != "items":
            setattr(order, name, value)
    order.updated_at = clock.now()  # always dirty, so the version is bumped even for items only
    flush_versioned(session, order, None)
    record_change(session, order, SYSTEM, "order.updated", changes)
    return True


def _reject(
    session: Session, summary: ImportSummary, index: int, rec: Any, errors: dict[str, str]
) -> None:
    ext = rec.get("externalId") if isinstance(rec, dict) else None
    summary.rejected.append({"index": index, "externalId": ext, "errors": errors})
    session.add(
        DeadLetter(
            source=SOURCE,
            reference=str(ext)[:128] if ext is not None else None,
            raw_payload=json.dumps(rec, ensure_ascii=False, default=str),
            errors=errors,
        )
    )


def import_orders(
    session_factory: Callable[[], Session],
    records: Iterable[Any],
    clock: Clock,
    *,
    timezone: str = "Europe/Moscow",
    region: str = "RU",
    run_robot: bool = True,
    chunk: int | None = None,
) -> ImportSummary:
    """Import ``records``; one transaction per ``chunk`` records (default :data:`CHUNK`).

    New orders (an externalId not in the database, first time in the chunk) are created and
    decided set-wise by :mod:`app.orders.bulk_intake`; the others (re-imports, a repeat of an
    externalId within the chunk) take the per-record path, one savepoint per record.

    On PostgreSQL the next chunk is validated in a helper thread while the current one is
    written: validation is pure Python and the writer mostly waits for the server, so the two
    overlap (on SQLite a second connection would only queue behind the write lock)."""
    summary = ImportSummary()
    size = chunk or CHUNK
    tz = ZoneInfo(timezone)
    phones: dict[str, Phone | str] = {}  # used by the one thread that parses

    def parse_chunk(batch: list[tuple[int, Any]]) -> _ParsedChunk:
        # Offers and stores are read in their own short transaction: imports never write them.
        with session_factory() as session:
            catalog = _Catalog(session, [rec for _, rec in batch])
        parsed_chunk = _ParsedChunk()
        for index, rec in batch:
            parsed, errors = parse_record(rec, catalog, tz, region, phones)
            if parsed is None:
                parsed_chunk.rejects.append((index, rec, errors))
            else:
                parsed_chunk.records.append((index, rec, parsed))
        return parsed_chunk

    def write_chunk(parsed_chunk: _ParsedChunk) -> None:
        rejects = parsed_chunk.rejects
        written: list[tuple[int, ParsedOrder]] = []  # for the warnings of what was applied
        with session_factory() as session, session.begin():
            bulk_intake.serialize_imports(session)  # before reading what exists
            settings = RobotSettings.load(session) if run_robot else None
            existing = bulk_intake.existing_orders(
                session, (p.external_id for _, _, p in parsed_chunk.records)
            )
            fresh: list[tuple[int, Any, ParsedOrder]] = []
            per_record: list[tuple[int, Any, ParsedOrder]] = []
            for entry in parsed_chunk.records:
                ext = entry[2].external_id
                (per_record if ext in existing else fresh).append(entry)
                existing.add(ext)  # a repeat within the chunk updates what the first created
            if fresh and bulk_intake.can_create(session, run_robot=settings is not None):
                result = bulk_intake.create_orders(
                    session, [(i, p) for i, _, p in fresh], clock, settings, _totals
                )
                summary.created += result.created
                summary.robot_confirmed += result.robot_confirmed
                summary.robot_to_queue += result.robot_to_queue
                by_index = {i: rec for i, rec, _ in fresh}
                rejects.extend((i, by_index[i], errors) for i, errors in result.rejected)
                refused = {i for i, _ in result.rejected}
                written.extend((i, p) for i, _, p in fresh if i not in refused)
            else:
                per_record = sorted(fresh + per_record, key=lambda entry: entry[0])
            for index, rec, parsed in per_record:
                try:
                    with session.begin_nested():
                        _import_one(session, summary, parsed, clock, settings)
                except _RecordError as exc:
                    rejects.append((index, rec, exc.errors))
                else:
                    written.append((index, parsed))
            for index, rec, errors in sorted(rejects, key=lambda entry: entry[0]):
                _reject(session, summary, index, rec, errors)
        summary.warnings.extend(
            {"index": index, "externalId": p.external_id, "warnings": p.warnings}
            for index, p in sorted(written, key=lambda entry: entry[0])
            if p.warnings
        )

    batches = _batches(records, size)
    with session_factory() as probe:
        read_ahead = probe.get_bind().dialect.name == "postgresql"
    if not read_ahead:
        for batch in batches:
            write_chunk(parse_chunk(batch))
        return summary
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="okno-import-parse") as pool:
        ahead: list[list[tuple[int, Any]]] = list(itertools.islice(batches, 1))
        pending = pool.submit(parse_chunk, ahead[0]) if ahead else None
        while pending is not None:
            parsed_chunk = pending.result()  # re-raises whatever the parser raised
            ahead = list(itertools.islice(batches, 1))
            pending = pool.submit(parse_chunk, ahead[0]) if ahead else None
            write_chunk(parsed_chunk)
    return summary


@dataclass
class _ParsedChunk:
    """One chunk after validation: what can be written and what is refused."""

    records: list[tuple[int, Any, ParsedOrder]] = field(default_factory=list)
    rejects: list[tuple[int, Any, dict[str, str]]] = field(default_factory=list)


def _batches(records: Iterable[Any], size: int) -> Iterator[list[tuple[int, Any]]]:
    batch: list[tuple[int, Any]] = []
    for index, rec in enumerate(records):
        batch.append((index, rec))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _import_one(
    session: Session,
    summary: ImportSummary,
    parsed: ParsedOrder,
    clock: Clock,
    settings: RobotSettings | None,
) -> None:
    """The per-record path: update the order with this externalId, or create and decide it."""
    existing = session.scalar(select(Order).where(Order.external_id == parsed.external_id))
    if existing is None:
        clash = session.scalar(select(Order.id).where(Order.number == parsed.number))
        if clash is not None:
            raise _RecordError({"number": f"order number {parsed.number!r} is taken"})
        order = _create(session, parsed, clock)
        summary.created += 1
        if settings is not None:
            decision = decide(session, order, clock, settings)
            if decision.confirmed:
                summary.robot_confirmed += 1
            else:
                summary.robot_to_queue += 1
    elif _update(session, existing, parsed, clock):
        summary.updated += 1
    else:
        summary.unchanged += 1


class _RecordError(Exception):
    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(str(errors))
        self.errors = errors
