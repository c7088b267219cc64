"""Customers with a full history for the customer panel and dialog tests (both databases)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from app.actors import Actor
from app.business_settings import set_setting
from app.db import session_scope
from models import (
    Child,
    CustomerNote,
    CustomerPhone,
    DeliveryType,
    Gender,
    OrderStatusHistory,
    Role,
)
from tests import factories as f

NOW = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Rich:
    """Ids of a customer with everything the profile shows."""

    customer_id: int
    order_ids: tuple[int, ...]  # newest first
    supervisor: Actor
    operator: Actor
    offer_ids: tuple[int, ...]
    store_ids: tuple[int, ...]


def actor(url: str, role: Role, name: str | None = None) -> Actor:
    with session_scope(url) as s:
        u = f.user(s, role=role, **({"name": name} if name else {}))
        return Actor(u.id, role.value, u.name)


def rich_customer(url: str) -> Rich:
    """Петрова Анна Сергеевна: two phones, e-mail, 5 % discount, VIP and new (three completed
    orders of 20 000 ₽ within the last month), a cancelled and a click & collect order, two
    children, tags, a note, a custom field."""
    supervisor = actor(url, Role.SUPERVISOR, "Ирина Ковалёва")
    operator = actor(url, Role.OPERATOR, "Анна Смирнова")
    with session_scope(url) as s:
        set_setting(
            s,
            "customers.custom_fields",
            [{"key": "shoe_size", "label": "Shoe size", "type": "int"}],
        )
        store = f.store(s, name="Тверская")
        other_store = f.store(s, name="Арбат")
        c = f.customer(
            s,
            phone="+79161234567",
            tags=("large_family", "vip client"),
            first_name="Анна",
            last_name="Петрова",
            patronymic="Сергеевна",
            email="anna.petrova@example.com",
            email_normalized="anna.petrova@example.com",
            loyalty_discount_pct=Decimal("5"),
            birth_date=dt.date(1988, 4, 2),
            custom_fields={"shoe_size": 38},
        )
        s.add(
            CustomerPhone(
                customer_id=c.id,
                raw="8 495 555-00-11 доб. 12",
                e164="+74955550011",
                tail10="4955550011",
                extension="12",
                kind="work",
            )
        )
        s.add_all(
            [
                Child(
                    customer_id=c.id,
                    name="Маша",
                    gender=Gender.FEMALE,
                    birth_date=dt.date(2021, 12, 1),
                ),
                Child(
                    customer_id=c.id,
                    name="Петя",
                    gender=Gender.MALE,
                    birth_date=dt.date(2026, 3, 10),
                ),
                CustomerNote(
                    customer_id=c.id,
                    author_id=supervisor.user_id,
                    text="Просит звонить после 18:00",
                    created_at=NOW - dt.timedelta(days=1),
                ),
            ]
        )
        dress = f.offer(
            s, "20000", stock={store.id: 5, other_store.id: 1}, name="Платье вечернее, 110"
        )
        socks = f.offer(s, "300", stock={store.id: 50}, name="Носки детские, 20", size="20")
        orders = []
        for n in range(3):
            orders.append(
                f.order(
                    s,
                    [(dress, 1)],
                    customer_obj=c,
                    status="completed",
                    created_at=NOW - dt.timedelta(days=20 - n),
                )
            )
        orders.append(
            f.order(
                s,
                [(socks, 2)],
                customer_obj=c,
                status="cancelled",
                created_at=NOW - dt.timedelta(days=5),
            )
        )
        orders.append(
            f.order(
                s,
                [(socks, 1)],
                customer_obj=c,
                status="new",
                delivery=DeliveryType.PICKUP,
                store_id=store.id,
                created_at=NOW - dt.timedelta(days=1),
            )
        )
        for o in orders:
            s.add(
                OrderStatusHistory(
                    order_id=o.id, from_status=None, to_status="new", created_at=o.created_at
                )
            )
        s.flush()
        return Rich(
            customer_id=c.id,
            order_ids=tuple(o.id for o in reversed(orders)),
            supervisor=supervisor,
            operator=operator,
            offer_ids=(dress.id, socks.id),
            store_ids=(store.id, other_store.id),
        )


def plain_customer(url: str, **kw: object) -> int:
    """A customer with one phone and nothing else (factory defaults unless given)."""
    with session_scope(url) as s:
        return f.customer(s, **kw).id  # type: ignore[arg-type]
