"""Small builders of consistent domain rows for tests (ORM, committed by the caller)."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from app.phones import normalize_phone
from models import (
    Audience,
    Category,
    Customer,
    CustomerPhone,
    CustomerTag,
    DeliveryType,
    Offer,
    Order,
    OrderItem,
    OrderSource,
    PaymentStatus,
    Product,
    Role,
    Stock,
    Store,
    StoreKind,
    User,
)

_seq = itertools.count(1)
T0 = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)
# a valid scrypt hash of "secret" with a tiny cost: tests must not spend 0.2 s per user
_FAST_HASH: str | None = None


def fast_hash(password: str = "secret") -> str:
    from app.security import hash_password

    global _FAST_HASH
    if password != "secret":
        return hash_password(password, log2_n=4)
    if _FAST_HASH is None:
        _FAST_HASH = hash_password("secret", log2_n=4)
    return _FAST_HASH


def user(session: Session, login: str | None = None, role: Role = Role.OPERATOR, **kw: Any) -> User:
    n = next(_seq)
    u = User(
        login=login or f"user{n}",
        name=kw.pop("name", f"Оператор {n}"),
        role=role,
        password_hash=kw.pop("password_hash", fast_hash()),
        **kw,
    )
    session.add(u)
    session.flush()
    return u


def store(session: Session, code: str | None = None, city: str = "Москва", **kw: Any) -> Store:
    n = next(_seq)
    s = Store(
        code=code or f"S{n}",
        name=kw.pop("name", f"Магазин {n}"),
        kind=kw.pop("kind", StoreKind.RETAIL),
        city=city,
        address=kw.pop("address", f"ул. Тестовая, {n}"),
        **kw,
    )
    session.add(s)
    session.flush()
    return s


def offer(
    session: Session,
    price: str = "1000",
    stock: dict[int, int] | None = None,
    **kw: Any,
) -> Offer:
    """An offer (with its product and category); ``stock`` maps store id → quantity."""
    n = next(_seq)
    category = Category(name=f"Категория {n}")
    session.add(category)
    session.flush()
    product = Product(
        external_id=f"P{n}",
        category_id=category.id,
        name=kw.pop("product_name", f"Товар {n}"),
        audience=kw.pop("audience", Audience.UNISEX),
        age_from=kw.pop("age_from", None),
        age_to=kw.pop("age_to", None),
    )
    session.add(product)
    session.flush()
    o = Offer(
        external_id=kw.pop("external_id", f"SKU-{n}"),
        product_id=product.id,
        name=kw.pop("name", f"Товар {n}, 110"),
        size=kw.pop("size", "110"),
        color=kw.pop("color", "синий"),
        price=Decimal(price),
        **kw,
    )
    session.add(o)
    session.flush()
    for store_id, qty in (stock or {}).items():
        session.add(Stock(offer_id=o.id, store_id=store_id, quantity=qty, reserved=0))
    session.flush()
    return o


def customer(
    session: Session, phone: str | None = "+79161234567", tags: tuple[str, ...] = (), **kw: Any
) -> Customer:
    c = Customer(
        first_name=kw.pop("first_name", "Анна"), last_name=kw.pop("last_name", "Петрова"), **kw
    )
    session.add(c)
    session.flush()
    if phone:
        p = normalize_phone(phone)
        session.add(
            CustomerPhone(
                customer_id=c.id, raw=phone, e164=p.e164, tail10=p.tail10, is_primary=True
            )
        )
    for tag in tags:
        session.add(CustomerTag(customer_id=c.id, tag=tag))
    session.flush()
    return c


def order(
    session: Session,
    items: list[tuple[Offer, int]],
    *,
    status: str = "new",
    store_id: int | None = None,
    customer_obj: Customer | None = None,
    paid: bool = True,
    comment: str | None = None,
    delivery: DeliveryType = DeliveryType.COURIER,
    address: str | None = "Москва, ул. Тверская, 1",
    created_at: dt.datetime = T0,
    **kw: Any,
) -> Order:
    n = next(_seq)
    subtotal = sum((o.price * q for o, q in items), Decimal("0"))
    phone = None
    if customer_obj is not None:
        phone = "+79161234567"
    o = Order(
        number=kw.pop("number", f"T{n:06d}"),
        source=kw.pop("source", OrderSource.SITE),
        status=status,
        customer_id=customer_obj.id if customer_obj else None,
        contact_name=kw.pop("contact_name", "Анна Петрова"),
        contact_phone_e164=kw.pop("contact_phone_e164", phone or "+79161234567"),
        shipping_store_id=store_id,
        delivery_type=delivery,
        delivery_address=address,
        payment_status=PaymentStatus.PAID if paid else PaymentStatus.NOT_PAID,
        subtotal=subtotal,
        total=subtotal,
        customer_comment=comment,
        created_at=created_at,
        **kw,
    )
    session.add(o)
    session.flush()
    for off, qty in items:
        session.add(
            OrderItem(order_id=o.id, offer_id=off.id, name=off.name, quantity=qty, price=off.price)
        )
    session.flush()
    return o
