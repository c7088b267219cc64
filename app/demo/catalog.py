"""Stores, the category tree, products with their offers, capsules, and stock.

Products are spread over every catalogue leaf (each leaf gets at least one, so capsules always
find something to hold); offers are a product's colours × sizes. Stock is a pure function of
(offer, store, seed) plus what open orders hold in reserve, so it can be written after the orders
and still agree with them."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from app.demo import data as D
from app.demo.sinks import Row
from models.catalog import Audience

DAY = 86400


def ean13(twelve_digits: str) -> str:
    """``twelve_digits`` with its EAN-13 check digit appended."""
    if len(twelve_digits) != 12 or not twelve_digits.isdigit():
        raise ValueError(f"EAN-13 needs 12 digits before the check digit, got {twelve_digits!r}")
    odd = sum(int(d) for d in twelve_digits[0::2])
    even = sum(int(d) for d in twelve_digits[1::2])
    return twelve_digits + str((10 - (odd + 3 * even) % 10) % 10)


def price_ending_99(roubles: float) -> int:
    """A shelf price in whole roubles ending in 99 (1299, 2499), never below 99."""
    return max(99, int(roubles) // 100 * 100 + 99)


@dataclass
class Stores:
    rows: list[Row]
    ids: list[int]
    retail_by_city: dict[str, list[int]]
    warehouse_id: int


def build_stores(first_id: int = 1) -> Stores:
    rows: list[Row] = []
    ids: list[int] = []
    by_city: dict[str, list[int]] = {c: [] for c in D.CITIES}
    warehouse = 0
    for i, s in enumerate(D.STORES):
        sid = first_id + i
        kind = "online" if s.online else "retail"
        rows.append((sid, s.code, s.name, kind, s.city, s.address, s.latitude, s.longitude,
                     s.phone, True))  # fmt: skip
        ids.append(sid)
        if s.online:
            warehouse = sid
        else:
            by_city[s.city].append(sid)
    return Stores(rows, ids, by_city, warehouse)


@dataclass
class Catalog:
    """The catalogue as rows plus the arrays order generation indexes into (offer ``i`` has
    id ``i + 1``; product ``p`` has id ``p + 1``)."""

    category_rows: list[Row] = field(default_factory=list)
    product_rows: list[Row] = field(default_factory=list)
    offer_rows: list[Row] = field(default_factory=list)
    capsule_rows: list[Row] = field(default_factory=list)
    capsule_item_rows: list[Row] = field(default_factory=list)
    # per product
    product_leaf: list[int] = field(default_factory=list)
    product_first_offer: list[int] = field(default_factory=list)
    product_offer_count: list[int] = field(default_factory=list)
    product_capsules: dict[int, list[int]] = field(default_factory=dict)  # product -> capsule ids
    # per offer
    offer_name: list[str] = field(default_factory=list)
    offer_price: list[int] = field(default_factory=list)  # kopecks
    offer_product: list[int] = field(default_factory=list)
    # per capsule id
    capsule_products: dict[int, list[int]] = field(default_factory=dict)
    capsule_window: dict[int, tuple[int, int]] = field(default_factory=dict)  # valid [from, to)

    @property
    def n_products(self) -> int:
        return len(self.product_leaf)

    @property
    def n_offers(self) -> int:
        return len(self.offer_name)


def product_count(customers: int) -> int:
    """A few hundred products for a small demo; 50k at the reference scale (1M customers)."""
    return max(300, min(50_000, customers // 20))


def capsule_count(products: int) -> int:
    """~20 capsules in a small demo, 500 at the reference scale."""
    return max(20, min(500, products // 100))


def build_categories(cat: Catalog) -> dict[tuple[str, ...], int]:
    """The three-level tree from the leaves' paths; returns path → category id."""
    ids: dict[tuple[str, ...], int] = {}
    siblings: dict[tuple[str, ...], int] = {}
    for leaf in D.LEAVES:
        for depth in range(1, 4):
            path = leaf.path[:depth]
            if path in ids:
                continue
            parent = path[:-1]
            cid = len(ids) + 1
            ids[path] = cid
            order = siblings.get(parent, 0)
            siblings[parent] = order + 1
            cat.category_rows.append(
                (cid, ids[parent] if parent else None, f"CAT-{cid:03d}", path[-1], order * 10)
            )
    return ids


def _sizes(leaf: D.Leaf, age_from: int, age_to: int) -> list[tuple[str | None, str]]:
    """(size value, label for the offer name) for the ages a product is made for."""
    if leaf.sizing == "height":
        heights = sorted({D.height_for_age(a) for a in range(age_from, age_to + 1)})
        return [(str(h), f"рост {h}") for h in heights]
    if leaf.sizing == "shoes":
        return [(str(s), f"р. {s}") for s in D.shoe_sizes_for_ages(age_from, age_to)]
    if leaf.sizing == "hat":
        lo = 48 + 2 * min(4, max(0, (age_from - 2) // 2))
        hi = 48 + 2 * min(4, max(0, (age_to - 2) // 2))
        return [(str(s), f"р. {s}") for s in D.HAT_SIZES if lo <= s <= hi]
    if leaf.sizing == "tights":
        wanted = {D.height_for_age(a) for a in range(age_from, age_to + 1)}
        return [
            (s, f"рост {s}")
            for s in D.TIGHTS_SIZES
            if any(int(s.split("-")[0]) <= h <= int(s.split("-")[1]) for h in wanted)
        ]
    return [(None, "")]


_PALETTES = {
    Audience.BOY: D.BOY_COLORS,
    Audience.GIRL: D.GIRL_COLORS,
    Audience.UNISEX: D.UNISEX_COLORS,
}
_FOR_WHOM = {Audience.BOY: " для мальчика", Audience.GIRL: " для девочки", Audience.UNISEX: ""}
_SERIES = {
    Audience.BOY: D.SERIES_ANY + D.SERIES_BOY,
    Audience.GIRL: D.SERIES_ANY + D.SERIES_GIRL,
    Audience.UNISEX: D.SERIES_ANY,
}


def build_products(cat: Catalog, rng: random.Random, n_products: int, now: int,
                   category_ids: dict[tuple[str, ...], int]) -> None:  # fmt: skip
    """Products and their offers (colours × sizes), deterministic for ``rng``."""
    leaves = D.LEAVES
    cum: list[int] = []
    total = 0
    for leaf in leaves:
        total += leaf.weight
        cum.append(total)
    offer_id = 0
    for p in range(n_products):
        pid = p + 1
        if p < len(leaves):
            li = p  # every leaf holds something, whatever the scale
        else:
            x = rng.random() * total
            li = 0
            while x >= cum[li]:
                li += 1
        leaf = leaves[li]
        lo, hi = leaf.ages
        if leaf.sizing == "none":
            age_from = min(hi, lo + int(rng.random() * 3))
            age_to = hi
        else:
            span = (2, 2, 3, 3, 3, 4, 4, 5)[int(rng.random() * 8)]
            age_from = lo + int(rng.random() * max(1, hi - lo - 1))
            age_to = min(hi, age_from + span)
            age_from = max(lo, min(age_from, age_to - 2))
        noun = leaf.nouns[int(rng.random() * len(leaf.nouns))]
        pool = _SERIES[leaf.audience]
        series = pool[int(rng.random() * len(pool))]
        brand = leaf.brands[int(rng.random() * len(leaf.brands))]
        if brand == "GLVR" and age_from < 9:
            brand = "Gulliver"  # GLVR is the teen line
        sized = leaf.sizing != "none"
        name = f"{noun}{_FOR_WHOM[leaf.audience] if sized else ''} «{series}»"
        if leaf.path[0] == "Игрушки":
            description = f"{noun} серии «{series}» для детей от {age_from} лет."
        else:
            material = D.MATERIALS[int(rng.random() * len(D.MATERIALS))]
            description = f"{noun} из {material}. Коллекция «{series}»."
        created = now - (60 + int(rng.random() * 840)) * DAY - int(rng.random() * DAY)
        ext = f"GL-{pid:06d}"
        cat.product_rows.append((pid, ext, category_ids[leaf.path], name, brand,
                                 leaf.audience.value, age_from, age_to, description, True,
                                 created, created))  # fmt: skip
        cat.product_leaf.append(li)

        plo, phi = leaf.price
        price = price_ending_99(plo + rng.random() * (phi - plo)) * 100
        old_price = None
        if rng.random() < 0.25:
            cut = (0.2, 0.3, 0.4, 0.5)[int(rng.random() * 4)]
            old_price = price_ending_99(price / 100 / (1 - cut)) * 100
        palette = _PALETTES[leaf.audience]
        if leaf.path[0] == "Игрушки" and rng.random() < 0.6:
            colors: list[str | None] = [None]
        else:
            n_colors = 1 + (rng.random() < 0.65) + (rng.random() < 0.3)
            start = int(rng.random() * len(palette))
            colors = [palette[(start + k * 3) % len(palette)] for k in range(n_colors)]
        sizes = _sizes(leaf, age_from, age_to)
        cat.product_first_offer.append(offer_id)
        count = 0
        for color in colors:
            for size, label in sizes:
                oid = offer_id + 1
                parts = [name]
                if color:
                    parts.append(color)
                if label:
                    parts.append(label)
                offer_name = ", ".join(parts)
                cat.offer_rows.append((oid, f"{ext}-{count + 1:02d}", pid, offer_name, color, size,
                                       ean13(f"460{oid:09d}"), price, old_price, True, created,
                                       created))  # fmt: skip
                cat.offer_name.append(offer_name)
                cat.offer_price.append(price)
                cat.offer_product.append(p)
                offer_id = oid
                count += 1
        cat.product_offer_count.append(count)


def _season_window(season: str, year: int) -> tuple[dt.date, dt.date]:
    first_month, months = D.SEASON_MONTHS[season]
    start = dt.date(year, first_month, 1)
    end_month = first_month + months  # exclusive
    end_year = year + (end_month - 1) // 12
    end = dt.date(end_year, (end_month - 1) % 12 + 1, 1) - dt.timedelta(days=1)
    return start, end


def build_capsules(cat: Catalog, rng: random.Random, n_capsules: int, now: int) -> None:
    """Capsules from the themes: the first issue of each theme is live now (in the feed), later
    ones re-issue themes for other age bands, and older collections are retired."""
    today = dt.date.fromordinal(_EPOCH_ORDINAL + now // DAY)
    by_leaf: dict[int, list[int]] = {}
    for p, li in enumerate(cat.product_leaf):
        by_leaf.setdefault(li, []).append(p)
    ages = [(row[6], row[7]) for row in cat.product_rows]

    variants: list[tuple[D.CapsuleTheme, tuple[int, int], int]] = []  # theme, band, cycle
    cycle = 0
    while len(variants) < n_capsules:
        for theme in D.CAPSULE_THEMES:
            bands = [theme.ages] + [b for b in D.AGE_BANDS if b != theme.ages]
            band = bands[cycle % len(bands)]
            variants.append((theme, band, cycle))
            if len(variants) == n_capsules:
                break
        cycle += 1

    item_id = 0
    seen_names: set[str] = set()
    for i, (theme, (a_from, a_to), cyc) in enumerate(variants):
        cid = i + 1
        word = D.AUDIENCE_WORD[theme.audience]
        name = f"{theme.title}, {word} {a_from}–{a_to}"
        if cyc < _LIVE_CYCLES:  # this season's feed
            valid_from = today - dt.timedelta(days=10 + int(rng.random() * 80))
            valid_to = today + dt.timedelta(days=60 + int(rng.random() * 180))
            retired = None
        else:  # an earlier collection, out of the feed now
            year = today.year - 1 - (cyc % 2)
            valid_from, valid_to = _season_window(theme.season, year)
            while valid_to >= today:
                year -= 1
                valid_from, valid_to = _season_window(theme.season, year)
            retired = _day_start(valid_to + dt.timedelta(days=1)) + 3 * 3600
            name = f"{name} · {theme.season.lower()} {year}"
        if name in seen_names:
            name = f"{name} ({cid})"
        seen_names.add(name)
        created = _day_start(valid_from - dt.timedelta(days=14)) + 9 * 3600
        updated = retired if retired is not None else created
        cat.capsule_rows.append((cid, f"CAPS-{cid:04d}", name, theme.season,
                                 theme.audience.value, a_from, a_to, valid_from.toordinal(),
                                 valid_to.toordinal(), retired, created, updated))  # fmt: skip
        cat.capsule_window[cid] = (_day_start(valid_from), _day_start(valid_to) + DAY)
        members: list[int] = []
        for role, path in theme.roles:
            li = D.LEAF_BY_NAME[path]
            pool = by_leaf.get(li, [])
            if not pool:
                continue
            fitting = [p for p in pool if ages[p][0] <= a_to and ages[p][1] >= a_from]
            candidates = fitting or pool
            take = 2 if rng.random() < 0.3 and len(candidates) > 1 else 1
            start = int(rng.random() * len(candidates))
            for k in range(take):
                p = candidates[(start + k * 7) % len(candidates)]
                if p in members:
                    continue
                members.append(p)
                offer_id = None
                if rng.random() < 0.1:  # a capsule sometimes names the exact colour/size
                    first = cat.product_first_offer[p]
                    offer_id = first + 1 + int(rng.random() * cat.product_offer_count[p])
                item_id += 1
                cat.capsule_item_rows.append((item_id, cid, p + 1, offer_id, role))
        cat.capsule_products[cid] = members
        for p in members:
            cat.product_capsules.setdefault(p, []).append(cid)


_LIVE_CYCLES = 3  # themes × their first three age bands are in this season's feed


def _day_start(day: dt.date) -> int:
    return (day.toordinal() - _EPOCH_ORDINAL) * DAY


_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()


class StockModel:
    """Free stock per (offer, store) as a pure function of the seed, so the robot's stock check
    on generated orders and the stock rows written later agree without a table in memory."""

    def __init__(self, seed: int, store_ids: list[int], warehouse_id: int) -> None:
        self._salt = (seed * 0x5851F42D) & 0xFFFFFFFF
        self.store_ids = store_ids
        self.warehouse_id = warehouse_id

    def free(self, offer_id: int, store_id: int) -> int:
        """Units that can be sold; -1 when the store does not carry the offer at all."""
        h = (offer_id * 0x9E3779B1 + store_id * 0x85EBCA77 + self._salt) & 0xFFFFFFFF
        h ^= h >> 15
        h = (h * 0x2C1B3C6D) & 0xFFFFFFFF
        h ^= h >> 12
        if store_id == self.warehouse_id:
            return 0 if h % 100 < 12 else 1 + (h >> 8) % 40
        if h % 100 >= 55:
            return -1
        return 0 if (h >> 8) % 100 < 35 else 1 + (h >> 16) % 6

    def rows(self, start: int, stop: int, reserved: dict[tuple[int, int], int]) -> Iterator[Row]:
        """Stock rows (offer_id, store_id, quantity, reserved) of offers ``start + 1`` ..
        ``stop``. Reserved units are held by open orders and sit on top of the free stock, so
        ``reserved <= quantity`` always."""
        stores = self.store_ids
        free = self.free
        for oid in range(start + 1, stop + 1):
            for sid in stores:
                f = free(oid, sid)
                r = reserved.get((oid, sid), 0)
                if f < 0:
                    if not r:
                        continue
                    f = 0
                yield (oid, sid, f + r, r)


@dataclass(frozen=True, slots=True)
class StockJob:
    """Stock rows of offers ``start + 1`` .. ``stop`` (a chunk job for app.demo.parallel)."""

    model: StockModel
    reserved: dict[tuple[int, int], int]

    def __call__(self, index: int, start: int, stop: int) -> tuple[None, dict[Any, list[Row]]]:
        from app.demo.tables import STOCK

        return None, {STOCK: list(self.model.rows(start, stop, self.reserved))}
