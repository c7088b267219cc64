"""A small children's shop for the capsule tests: a Moscow store, the online warehouse, a
"School, boy 7–9" capsule (trousers, shirt, shoes, backpack), a girls' party capsule, and a
customer with a loyalty card and an 8-year-old son."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy.orm import Session

from models import (
    Audience,
    Capsule,
    CapsuleItem,
    Category,
    Child,
    Gender,
    Offer,
    Product,
    Role,
    Stock,
    StoreKind,
)
from tests import factories as f

TODAY = f.T0.date()  # 2026-11-20


@dataclass
class World:
    store: int = 0
    online: int = 0
    operator: int = 0
    supervisor: int = 0
    customer: int = 0
    school: int = 0
    party: int = 0
    products: dict[str, int] = field(default_factory=dict)
    offers: dict[str, int] = field(default_factory=dict)  # "shirt:128" -> offer id


def product(
    s: Session,
    w: World,
    key: str,
    name: str,
    audience: Audience,
    ages: tuple[int, int],
    price: str,
    sizes: dict[str | None, tuple[int, int]],  # size -> (free at the store, free online)
) -> int:
    cat = Category(name=f"cat-{key}")
    s.add(cat)
    s.flush()
    p = Product(external_id=f"P-{key}", category_id=cat.id, name=name, audience=audience,
                age_from=ages[0], age_to=ages[1])  # fmt: skip
    s.add(p)
    s.flush()
    w.products[key] = p.id
    for size, (at_store, online) in sizes.items():
        o = Offer(external_id=f"O-{key}-{size}", product_id=p.id, name=f"{name}, {size}",
                  size=size, color="синий", price=Decimal(price))  # fmt: skip
        s.add(o)
        s.flush()
        w.offers[f"{key}:{size}"] = o.id
        for store_id, qty in ((w.store, at_store), (w.online, online)):
            if qty >= 0:
                s.add(Stock(offer_id=o.id, store_id=store_id, quantity=qty, reserved=0))
    s.flush()
    return p.id


def capsule(s: Session, ext: str, name: str, audience: Audience, ages: tuple[int, int],
            members: list[tuple[int, str]], **kw: object) -> int:  # fmt: skip
    c = Capsule(external_id=ext, name=name, season="Осень", audience=audience,
                age_from=ages[0], age_to=ages[1],
                valid_from=kw.pop("valid_from", TODAY - dt.timedelta(days=30)),
                valid_to=kw.pop("valid_to", TODAY + dt.timedelta(days=60)), **kw)  # fmt: skip
    s.add(c)
    s.flush()
    for product_id, role in members:
        s.add(CapsuleItem(capsule_id=c.id, product_id=product_id, role=role))
    s.flush()
    return c.id


def build(s: Session) -> World:
    w = World()
    w.store = f.store(s, "MSK1").id
    w.online = f.store(s, "WEB", kind=StoreKind.ONLINE).id
    w.operator = f.user(s, "olga", Role.OPERATOR, name="Ольга").id
    w.supervisor = f.user(s, "sveta", Role.SUPERVISOR, name="Света").id
    B, G = Audience.BOY, Audience.GIRL
    trousers = product(
        s,
        w,
        "trousers",
        "Брюки для мальчика «Школа»",
        B,
        (7, 9),
        "1999",
        {"128": (3, 5), "134": (2, 0)},
    )
    shirt = product(
        s,
        w,
        "shirt",
        "Рубашка для мальчика «Школа»",
        B,
        (7, 9),
        "1499",
        {"116": (4, 4), "128": (0, 6), "134": (2, 2)},
    )
    shoes = product(
        s,
        w,
        "shoes",
        "Туфли для мальчика «Классика»",
        B,
        (7, 10),
        "3499",
        {"31": (1, 1), "33": (1, 0), "37": (5, 5)},
    )
    backpack = product(
        s, w, "backpack", "Рюкзак «Космос»", Audience.UNISEX, (7, 12), "2999", {None: (0, 0)}
    )  # sold out everywhere
    dress = product(
        s, w, "dress", "Платье для девочки «Праздник»", G, (7, 9), "2999", {"128": (2, 2)}
    )
    tights = product(
        s, w, "tights", "Колготки для девочки «Праздник»", G, (7, 9), "499", {"122-128": (5, 5)}
    )
    w.school = capsule(s, "CAPS-SCHOOL", "Школа, мальчик 7–9", B, (7, 9),
                       [(shirt, "top"), (trousers, "bottom"), (shoes, "shoes"),
                        (backpack, "accessory")])  # fmt: skip
    w.party = capsule(s, "CAPS-PARTY", "Праздник, девочка 7–9", G, (7, 9),
                      [(dress, "top"), (tights, "accessory")])  # fmt: skip
    c = f.customer(s, loyalty_discount_pct=Decimal("10"))
    s.add(Child(customer_id=c.id, name="Миша", gender=Gender.MALE,
                birth_date=dt.date(2018, 3, 1)))  # fmt: skip  # 8 on TODAY
    s.flush()
    w.customer = c.id
    return w
