"""Orders over the last 18 months with their items and status history.

An order's status follows from its age (old ones are final, the last hours fill the operator
queue), and its path there follows the rules the real services apply: the robot confirms an order
only when every check passes (``app.robot``), an operator works the rest through the retry chain
(no answer → again after 3 h → the 4th cancels), confirmed orders hold stock at their shipping
store until it ships, a click & collect order waits 3 h in the store. Each step becomes a status
history row, timestamps increasing, the last one equal to ``status_changed_at``.

Per-order work is kept to integer arithmetic and list indexing: at the reference scale this loop
runs two million times."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from app.demo import data as D
from app.demo import tables as T
from app.demo.catalog import DAY, Catalog, StockModel, Stores
from app.demo.people import FLAG_PREPAYMENT_ONLY, FLAG_VIP, People
from app.demo.sinks import Row
from app.orders.outcomes import NOT_REACHED_REASON
from app.robot import OrderFacts, RobotSettings, run_checks
from models import DeliveryType

HOUR = 3600
WINDOW_DAYS = 548  # 18 months
RETRY_DELAY = 3 * HOUR  # retry.delay_minutes default
MAX_ATTEMPTS = 4  # retry.max_attempts default
PICKUP_HOURS = 3  # reserve.pickup_hours default
FIRST_NUMBER = 100_000

STATUSES = (
    "new",
    "needs_confirmation",
    "no_answer",
    "confirmed",
    "assembling",
    "ready_for_pickup",
    "shipped",
    "completed",
    "cancelled",
    "returned",
)
SOURCES = ("site", "mobile_app", "store", "one_click", "phone", "erp")
_SOURCE_CUM = (45, 70, 78, 86, 93, 100)
RESERVING = frozenset({"confirmed", "assembling", "ready_for_pickup"})
FINAL = frozenset({"completed", "cancelled", "returned"})
PREPAID = frozenset({"card_online", "sbp"})

# (age limit in seconds, ((status, cumulative weight), ...)) — younger orders are still moving
_BY_AGE: tuple[tuple[float, tuple[tuple[str, int], ...]], ...] = (
    (10 * 60, (("new", 60), ("needs_confirmation", 85), ("confirmed", 100))),
    (3 * HOUR, (("needs_confirmation", 35), ("no_answer", 47), ("confirmed", 75),
                ("assembling", 93), ("cancelled", 100))),
    (24 * HOUR, (("needs_confirmation", 10), ("no_answer", 22), ("confirmed", 34),
                 ("assembling", 62), ("ready_for_pickup", 72), ("shipped", 87),
                 ("cancelled", 100))),
    (4 * DAY, (("needs_confirmation", 2), ("no_answer", 5), ("assembling", 17),
               ("ready_for_pickup", 27), ("shipped", 65), ("completed", 87), ("cancelled", 100))),
    (14 * DAY, (("ready_for_pickup", 1), ("shipped", 21), ("completed", 85), ("cancelled", 97),
                ("returned", 100))),
    (float("inf"), (("completed", 80), ("cancelled", 94), ("returned", 100))),
)  # fmt: skip

# Showcase orders: every status at a typical age, so even a tiny demo shows all of them.
_SHOWCASE_AGES: dict[str, tuple[int, int]] = {
    "new": (60, 480),
    "needs_confirmation": (15 * 60, 90 * 60),
    "no_answer": (int(3.5 * HOUR), 6 * HOUR),
    "confirmed": (HOUR, 3 * HOUR),
    "assembling": (5 * HOUR, 20 * HOUR),
    "ready_for_pickup": (DAY, 2 * DAY),
    "shipped": (DAY, 3 * DAY),
    "completed": (5 * DAY, 30 * DAY),
    "cancelled": (DAY, 10 * DAY),
    "returned": (20 * DAY, 60 * DAY),
}
SHOWCASE_PER_STATUS = 2
RECENT_EXTRA = 60  # orders placed in the last 36 hours on top of the seasonal flow

# Wall-clock (Moscow) hour weights of when people order.
_HOUR_WEIGHTS = (10, 5, 3, 2, 2, 3, 6, 12, 20, 30, 40, 45, 45, 45, 45, 45, 46, 48, 50, 52, 52,
                 45, 35, 20)  # fmt: skip
_HOUR_CUM = tuple(sum(_HOUR_WEIGHTS[: i + 1]) for i in range(24))
_MSK = 3 * HOUR

_ITEM_COUNT = (1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5)  # mean ≈ 3
_QTY = (1,) * 17 + (2, 2, 3)


def _day_weight(day: dt.date, progress: float) -> float:
    w = 0.6 + 0.6 * progress  # the shop grows
    m, d = day.month, day.day
    if (m == 8 and d >= 10) or (m == 9 and d <= 5):
        w *= 1.8  # back to school
    elif m == 11 and d >= 20:
        w *= 1.6  # black Friday
    elif m == 12 and d <= 28:
        w *= 1.5  # New Year presents
    elif m == 1 and d <= 10:
        w *= 0.7
    elif m in (6, 7):
        w *= 0.85
    if day.weekday() >= 5:
        w *= 1.15
    return w


def order_times(rng: random.Random, n: int, now: int) -> list[tuple[int, str | None, int]]:
    """Creation seconds of ``n`` orders, oldest first, each with the showcase status it must end
    in and its showcase number (None and -1 for ordinary orders)."""
    r = rng.random
    window_start = now - WINDOW_DAYS * DAY
    epoch = dt.date(1970, 1, 1)
    showcase: list[tuple[int, str | None, int]] = []
    for status in STATUSES:
        lo, hi = _SHOWCASE_AGES[status]
        for _ in range(SHOWCASE_PER_STATUS):
            if len(showcase) < n:
                showcase.append((now - lo - int(r() * (hi - lo)), status, len(showcase)))
    recent = min(n - len(showcase), RECENT_EXTRA)
    times: list[tuple[int, str | None, int]] = [
        (now - 1 - int(r() * 36 * HOUR), None, -1) for _ in range(recent)
    ]
    rest = n - len(showcase) - recent
    if rest > 0:
        weights = []
        for d in range(WINDOW_DAYS):
            start = window_start + d * DAY
            weights.append(_day_weight(epoch + dt.timedelta(days=start // DAY), d / WINDOW_DAYS))
        cum = []
        acc = 0.0
        for w in weights:
            acc += w
            cum.append(acc)
        days = rng.choices(range(WINDOW_DAYS), cum_weights=cum, k=rest)
        top = _HOUR_CUM[-1]
        for d in days:
            start = window_start + d * DAY
            x = r() * top
            h = 0
            while x >= _HOUR_CUM[h]:
                h += 1
            start_hour = (start + _MSK) // HOUR % 24
            offset = ((h - start_hour) % 24) * HOUR + int(r() * HOUR)
            times.append((start + offset, None, -1))
    times.extend(showcase)
    times.sort(key=lambda x: x[0])
    return times


def _pick(table: tuple[tuple[str, int], ...], x: float) -> str:
    for status, cum in table:
        if x < cum:
            return status
    return table[-1][0]


def _street_address(rng: random.Random, city: str) -> str:
    r = rng.random
    streets = D.STREETS[city]
    street = streets[int(r() * len(streets))]
    house = 1 + int(r() * 120)
    if r() < 0.15:
        return f"{city}, {street}, д. {house}, к. {1 + int(r() * 4)}, кв. {1 + int(r() * 300)}"
    return f"{city}, {street}, д. {house}, кв. {1 + int(r() * 300)}"


def _locker_address(rng: random.Random, city: str) -> str:
    r = rng.random
    network = D.PARCEL_LOCKER_NETWORKS[int(r() * len(D.PARCEL_LOCKER_NETWORKS))]
    streets = D.STREETS[city]
    street = streets[int(r() * len(streets))]
    number = 1000 + int(r() * 9000)
    return f"Постамат {network} № {number}, {city}, {street}, д. {1 + int(r() * 90)}"


@dataclass
class OrderJob:
    """What every chunk of orders reads (shared by forked workers, never pickled)."""

    seed: int
    now: int
    times: list[tuple[int, str | None, int]]
    people: People
    catalog: Catalog
    stores: Stores
    stock: StockModel
    operator_ids: list[int]
    robot: RobotSettings
    valid_by_day: list[list[int]] = field(default_factory=list)

    def __call__(
        self, index: int, start: int, stop: int
    ) -> tuple[dict[tuple[int, int], int], dict[T.TableSpec, list[Row]]]:
        return order_chunk(self, index, start, stop)


def prepare_orders(
    seed: int,
    n: int,
    *,
    now: int,
    people: People,
    catalog: Catalog,
    stores: Stores,
    stock: StockModel,
    operator_ids: list[int],
    robot: RobotSettings,
) -> OrderJob:
    """Order times (one stream, sorted: ids follow time) and the lookup tables chunks share."""
    times = order_times(random.Random(f"{seed}:order-times"), n, now)
    window_start = now - WINDOW_DAYS * DAY
    valid_by_day: list[list[int]] = [[] for _ in range(WINDOW_DAYS + 1)]
    for cid, (lo, hi) in sorted(catalog.capsule_window.items()):
        first_day = max(0, (lo - window_start) // DAY)
        last_day = min(WINDOW_DAYS, (hi - window_start) // DAY)
        for d in range(first_day, last_day + 1):
            valid_by_day[d].append(cid)
    return OrderJob(seed, now, times, people, catalog, stores, stock, operator_ids, robot,
                    valid_by_day)  # fmt: skip


def order_chunk(
    job: OrderJob, index: int, start: int, stop: int
) -> tuple[dict[tuple[int, int], int], dict[T.TableSpec, list[Row]]]:
    """Orders ``start`` .. ``stop - 1`` (ids from 1) with their items and history, from the
    chunk's own random stream; also the stock they hold in reserve, per (offer, store)."""
    rng = random.Random(f"{job.seed}:orders:{index}")
    r = rng.random
    now, times, people, catalog = job.now, job.times, job.people, job.catalog
    stores, stock, operator_ids, robot = job.stores, job.stock, job.operator_ids, job.robot
    valid_by_day = job.valid_by_day
    reserved: dict[tuple[int, int], int] = {}
    window_start = now - WINDOW_DAYS * DAY

    reg = people.registrations
    assert reg is not None
    cities = D.CITIES
    retail_by_city = [stores.retail_by_city[c] for c in cities]
    warehouse = stores.warehouse_id
    n_ops = len(operator_ids)
    first_offer, offer_count = catalog.product_first_offer, catalog.product_offer_count
    offer_name, offer_price, offer_product = (
        catalog.offer_name,
        catalog.offer_price,
        catalog.offer_product,
    )
    n_products = catalog.n_products
    product_capsules = catalog.product_capsules
    capsule_products, capsule_window = catalog.capsule_products, catalog.capsule_window
    max_total = int(robot.max_total * 100)
    require_paid = robot.require_paid
    n_cc, n_mc = len(D.CUSTOMER_COMMENTS), len(D.MANAGER_COMMENTS)
    n_qc, n_rc = len(D.QUEUE_CANCEL_REASONS), len(D.RETURN_COMMENTS)

    order_rows: list[Row] = []
    item_rows: list[Row] = []
    hist_rows: list[Row] = []
    for k in range(start, stop):
        oid = k + 1
        t0, forced, showcase_no = times[k]
        age = now - t0
        ci = int(reg.registered_by(t0) * r() ** 1.3)
        cust_id = ci + 1
        city_i = people.city[ci]
        city = cities[city_i]
        flags = people.flags[ci]
        pct = people.discount_pct[ci]

        if forced is not None:
            status = forced
            source = SOURCES[showcase_no % len(SOURCES)]  # every source shows up too
        else:
            x = r() * 100
            si = 0
            while x >= _SOURCE_CUM[si]:
                si += 1
            source = SOURCES[si]
            for limit, table in _BY_AGE:
                if age < limit:
                    status = _pick(table, r() * 100)
                    break

        # delivery and payment
        if source == "store":
            delivery = "pickup"
        else:
            x = r()
            delivery = "courier" if x < 0.45 else ("pickup" if x < 0.9 else "parcel_locker")
        if status == "ready_for_pickup":
            delivery = "pickup"
        elif forced == "shipped" and delivery == "pickup":
            delivery = "courier"
        elif status == "shipped" and delivery == "pickup":
            status = "ready_for_pickup" if age < 4 * DAY else "completed"
        x = r()
        if delivery == "parcel_locker":
            method = "card_online" if x < 0.7 else "sbp"
        elif source == "store":
            method = "card_online" if x < 0.5 else ("card_on_delivery" if x < 0.8 else "cash")
        else:
            method = ("card_online" if x < 0.45 else "sbp" if x < 0.6
                      else "card_on_delivery" if x < 0.85 else "cash")  # fmt: skip
        paid_at_start = method in PREPAID and r() < 0.92

        # items
        n_items = _ITEM_COUNT[int(r() * 20)]
        offers: list[int] = []
        qtys: list[int] = []
        for _ in range(n_items):
            p = int(n_products * r() ** 1.6)
            o = first_offer[p] + int(r() * offer_count[p])
            if o in offers:
                continue
            offers.append(o)
            qtys.append(_QTY[int(r() * 20)])
        subtotal = disc = 0
        for o, q in zip(offers, qtys, strict=True):
            line = offer_price[o] * q
            subtotal += line
            disc += line * pct // 100
        goods = subtotal - disc
        if delivery == "courier":
            delivery_cost = 0 if goods >= 300_000 else 29_900
        elif delivery == "parcel_locker":
            delivery_cost = 0 if goods >= 300_000 else 14_900
        else:
            delivery_cost = 0
        total = goods + delivery_cost
        comment = D.CUSTOMER_COMMENTS[int(r() * n_cc)] if r() < 0.1 else None

        # where it ships from
        if delivery == "pickup":
            city_stores = retail_by_city[city_i]
            store_id = city_stores[int(r() * len(city_stores))]
        else:
            store_id = warehouse
        address: str | None = None
        if delivery == "courier":
            address = _street_address(rng, city)
        elif delivery == "parcel_locker":
            address = _locker_address(rng, city)
        no_address_yet = source == "one_click" and delivery == "courier"

        open_order = status not in FINAL and status != "new"
        prepay_only = bool(flags & FLAG_PREPAYMENT_ONLY)
        checks: list[dict[str, Any]] | None = None
        if status == "new":
            robot_ok = False
            failed: list[str] = []
        elif open_order:
            if delivery == "pickup":
                store_id = _best_store(stock, retail_by_city[city_i], offers, qtys, store_id)
            checks, failed = _robot_checks(
                robot, stock, offers, qtys, store_id, total, comment, paid_at_start,
                delivery, None if no_address_yet else address, prepay_only,
            )  # fmt: skip
            if status in ("needs_confirmation", "no_answer") and not failed:
                # in the queue means the robot found something: the customer wrote to us
                comment = D.CUSTOMER_COMMENTS[int(r() * n_cc)]
                checks, failed = _robot_checks(
                    robot, stock, offers, qtys, store_id, total, comment, paid_at_start,
                    delivery, None if no_address_yet else address, prepay_only,
                )  # fmt: skip
            robot_ok = not failed
        else:
            failed = []
            if total >= max_total:
                failed.append("total_below_threshold")
            if comment:
                failed.append("no_customer_comment")
            if require_paid and not paid_at_start:
                failed.append("paid")
            if no_address_yet:
                failed.append("delivery_address_present")
            if prepay_only and not paid_at_start:
                failed.append("not_prepayment_only")
            robot_ok = not failed

        # the path: (to_status, actor_id, actor_kind, comment, seconds after the last step)
        op = operator_ids[int(r() * n_ops)] if n_ops else None
        creator = op if source == "phone" else None
        steps: list[tuple[str, int | None, str, str | None, int]] = [
            ("new", creator, "user" if creator else "system", None, 0)
        ]
        attempts = 0
        cancel_reason: str | None = None
        manager_comment: str | None = None
        worked = creator is not None
        confirm_step = -1
        cross_sell = False
        if status != "new":
            robot_gap = 20 + int(r() * 100)
            if status in ("needs_confirmation", "no_answer"):
                robot_ok = False
            stage = ""
            if status == "cancelled":
                x = r()
                if robot_ok:
                    stage = ("confirmed" if x < 0.25 else "assembling" if x < 0.5
                             else "late")  # fmt: skip
                else:
                    stage = ("queue" if x < 0.45 else "not_reached" if x < 0.65
                             else "confirmed" if x < 0.75 else "assembling" if x < 0.85
                             else "late")  # fmt: skip
            if robot_ok:
                steps.append(("confirmed", None, "robot", "auto-approved", robot_gap))
                confirm_step = len(steps) - 1
            else:
                steps.append(("needs_confirmation", None, "robot",
                              "robot: " + ", ".join(failed), robot_gap))  # fmt: skip
                if status in ("needs_confirmation", "no_answer"):
                    cycles = min(int(r() * 3), age // (4 * HOUR))
                elif stage == "not_reached":
                    cycles = MAX_ATTEMPTS - 1
                else:
                    cycles = (0, 0, 0, 1, 1, 2)[int(r() * 6)]
                for _ in range(cycles):
                    attempts += 1
                    steps.append(("no_answer", op, "user",
                                  f"no answer, attempt {attempts} of {MAX_ATTEMPTS}",
                                  300 + int(r() * 3 * HOUR)))  # fmt: skip
                    steps.append(("needs_confirmation", None, "system",
                                  f"retry due (attempt {attempts + 1})",
                                  RETRY_DELAY + int(r() * 600)))  # fmt: skip
                    worked = True
                if status == "no_answer":
                    attempts += 1
                    steps.append(("no_answer", op, "user",
                                  f"no answer, attempt {attempts} of {MAX_ATTEMPTS}",
                                  300 + int(r() * 3 * HOUR)))  # fmt: skip
                    worked = True
                elif stage == "queue":
                    cancel_reason = D.QUEUE_CANCEL_REASONS[int(r() * n_qc)]
                    steps.append(("cancelled", op, "user", cancel_reason,
                                  300 + int(r() * 6 * HOUR)))  # fmt: skip
                    worked = True
                elif stage == "not_reached":
                    attempts += 1
                    cancel_reason = NOT_REACHED_REASON
                    steps.append(("cancelled", op, "user",
                                  f"{NOT_REACHED_REASON} — no answer {attempts} times",
                                  300 + int(r() * 3 * HOUR)))  # fmt: skip
                    worked = True
                elif status != "needs_confirmation":
                    if r() < 0.1:
                        manager_comment = D.MANAGER_COMMENTS[int(r() * n_mc)]
                    steps.append(("confirmed", op, "user", manager_comment,
                                  300 + int(r() * 3 * HOUR)))  # fmt: skip
                    confirm_step = len(steps) - 1
                    worked = True
                    cross_sell = len(offers) < 5 and r() < 0.25
            # fulfilment (the ERP reports through the robot role)
            if confirm_step >= 0 and status != "confirmed":
                if stage == "confirmed":
                    cancel_reason = D.CANCEL_CLIENT_REFUSED
                    steps.append(("cancelled", op, "user", cancel_reason,
                                  HOUR + int(r() * 20 * HOUR)))  # fmt: skip
                    worked = True
                else:
                    steps.append(("assembling", None, "robot", None,
                                  HOUR + int(r() * 11 * HOUR)))  # fmt: skip
                    if stage == "assembling":
                        cancel_reason = D.CANCEL_OUT_OF_STOCK
                        steps.append(("cancelled", None, "robot", cancel_reason,
                                      2 * HOUR + int(r() * 20 * HOUR)))  # fmt: skip
                    elif status != "assembling":
                        if delivery == "pickup":
                            steps.append(("ready_for_pickup", None, "robot", None,
                                          2 * HOUR + int(r() * 22 * HOUR)))  # fmt: skip
                            if stage == "late":
                                cancel_reason = D.CANCEL_RESERVE_EXPIRED
                                steps.append(("cancelled", None, "system", cancel_reason,
                                              PICKUP_HOURS * HOUR))  # fmt: skip
                            elif status in ("completed", "returned"):
                                steps.append(("completed", None, "robot", None,
                                              600 + int(r() * 2.5 * HOUR)))  # fmt: skip
                        else:
                            steps.append(("shipped", None, "robot", None,
                                          3 * HOUR + int(r() * 27 * HOUR)))  # fmt: skip
                            if stage == "late":
                                cancel_reason = D.CANCEL_REFUSED
                                steps.append(("cancelled", None, "robot", cancel_reason,
                                              DAY + int(r() * 2 * DAY)))  # fmt: skip
                            elif status == "completed" or (status == "returned" and r() < 0.5):
                                steps.append(("completed", None, "robot", None,
                                              DAY + int(r() * 3 * DAY)))  # fmt: skip
                        if status == "returned":
                            manager_comment = D.RETURN_COMMENTS[int(r() * n_rc)]
                            steps.append(("returned", None, "robot", manager_comment,
                                          2 * DAY + int(r() * 12 * DAY)))  # fmt: skip

        # fit the path into the order's age
        natural = 0
        for s in steps:
            natural += s[4]
        end: int | None = None
        if status == "ready_for_pickup" or status == "no_answer":
            if r() < 0.85:
                end = now - 120 - int(r() * 2.8 * HOUR)
            else:
                end = now - 3 * HOUR - 600 - int(r() * 8 * HOUR)
            if end <= t0 + 60 * len(steps):
                end = t0 + int(age * 0.9)
        elif t0 + natural > now - 30:
            end = t0 + int((age - 30) * (0.6 + 0.35 * r()))
        factor = 1.0
        if end is not None and natural:
            factor = (end - t0) / natural
            if factor > 1.0 and len(steps) > 2:
                fixed = steps[1][4]
                factor = (end - t0 - fixed) / max(1, natural - fixed)
        acc = 0
        prev: str | None = None
        step_times: list[int] = []
        for i, (to_status, actor_id, actor_kind, note, gap) in enumerate(steps):
            # a stretched path waits longer between people, never for the robot's first look
            acc += gap if factor > 1.0 and i < 2 else int(gap * factor)
            at = t0 + acc
            if step_times and at <= step_times[-1]:
                at = step_times[-1] + 1
            step_times.append(at)
            hist_rows.append((oid, actor_id, actor_kind, prev, to_status, note, at))
            prev = to_status
        last = step_times[-1]
        # what the final state implies
        if status in RESERVING and confirm_step >= 0:
            reserved_at: int | None = step_times[confirm_step]
            for o, q in zip(offers, qtys, strict=True):
                key = (o + 1, store_id)
                reserved[key] = reserved.get(key, 0) + q
        else:
            reserved_at = None
        reserve_until = last + PICKUP_HOURS * HOUR if status == "ready_for_pickup" else None
        next_attempt = last + RETRY_DELAY if status == "no_answer" else None
        callback = None
        if status == "needs_confirmation" and attempts and r() < 0.15:
            callback = now + HOUR + int(r() * 25 * HOUR)
        robot_at = step_times[1] if checks is not None else None
        if status == "completed":
            payment = "paid"
        elif status == "returned" or (status == "cancelled" and paid_at_start):
            payment = "refunded"
        else:
            payment = "paid" if paid_at_start else "not_paid"
        final_address = address
        if no_address_yet and (confirm_step < 0):
            final_address = None

        # items (a cross-sell line joins when the operator confirmed)
        for o, q in zip(offers, qtys, strict=True):
            price = offer_price[o]
            item_rows.append((oid, o + 1, offer_name[o], q, price, price * q * pct // 100,
                              None, None, False, t0))  # fmt: skip
        if cross_sell:
            at = step_times[confirm_step]
            products = [offer_product[o] for o in offers]
            cands = [
                c
                for p in products
                for c in product_capsules.get(p, ())
                if capsule_window[c][0] <= at < capsule_window[c][1]
            ]
            if not cands:
                cands = valid_by_day[max(0, min(WINDOW_DAYS, (at - window_start) // DAY))]
            if cands:
                cid = cands[int(r() * len(cands))]
                extra = [p for p in capsule_products[cid] if p not in products]
                if extra:
                    p = extra[int(r() * len(extra))]
                    o = first_offer[p] + int(r() * offer_count[p])
                    price = offer_price[o]
                    line_disc = price * pct // 100
                    item_rows.append((oid, o + 1, offer_name[o], 1, price, line_disc, op, cid,
                                      True, at))  # fmt: skip
                    subtotal += price
                    disc += line_disc
                    goods = subtotal - disc
                    if delivery != "pickup" and goods >= 300_000:
                        delivery_cost = 0
                    total = goods + delivery_cost
                    if status in RESERVING:
                        key = (o + 1, store_id)
                        reserved[key] = reserved.get(key, 0) + 1

        number = str(FIRST_NUMBER + oid)
        if source in ("site", "mobile_app"):
            external: str | None = f"GM-{number}"
        elif source == "erp":
            external = f"1C-{number}"
        else:
            external = None
        order_rows.append((
            oid, number, external, source, status, last,
            10 if flags & FLAG_VIP else 0, cust_id, people.contact_name[ci],
            people.phone_raw[ci], people.phone_e164[ci],
            None if source == "one_click" else people.email[ci],
            op if worked else None, store_id, delivery, final_address, delivery_cost,
            payment, method, subtotal, disc, total, comment, manager_comment,
            cancel_reason, attempts, next_attempt, callback, reserve_until, reserved_at,
            checks, robot_at, len(steps), t0, last,
        ))  # fmt: skip
    return reserved, {
        T.ORDERS: order_rows,
        T.ORDER_ITEMS: item_rows,
        T.ORDER_STATUS_HISTORY: hist_rows,
    }


def _shortages(
    stock: StockModel, offers: list[int], qtys: list[int], store_id: int
) -> tuple[str, ...]:
    wanted: dict[int, int] = {}
    for o, q in zip(offers, qtys, strict=True):
        wanted[o + 1] = wanted.get(o + 1, 0) + q
    out = []
    for offer_id, qty in sorted(wanted.items()):
        free = max(0, stock.free(offer_id, store_id))
        if free < qty:
            out.append(f"offer {offer_id}: {qty} wanted, {free} free")
    return tuple(out)


def _best_store(
    stock: StockModel, candidates: list[int], offers: list[int], qtys: list[int], default: int
) -> int:
    """Click & collect: the store of the city that has the most of the order on its shelves."""
    best, best_missing = default, len(_shortages(stock, offers, qtys, default))
    for sid in candidates:
        missing = len(_shortages(stock, offers, qtys, sid))
        if missing < best_missing:
            best, best_missing = sid, missing
    return best


def _robot_checks(
    robot: RobotSettings,
    stock: StockModel,
    offers: list[int],
    qtys: list[int],
    store_id: int,
    total: int,
    comment: str | None,
    paid: bool,
    delivery: str,
    address: str | None,
    prepayment_only: bool,
) -> tuple[list[dict[str, Any]], list[str]]:
    """The robot's verdict exactly as ``app.robot`` records it, from the order as generated."""
    facts = OrderFacts(
        total=Decimal(total).scaleb(-2),
        customer_comment=comment,
        paid=paid,
        delivery_type=DeliveryType(delivery),
        delivery_address=address,
        shipping_store_id=store_id,
        item_count=len(offers),
        shortages=_shortages(stock, offers, qtys, store_id),
        prepayment_only=prepayment_only,
    )
    results = run_checks(facts, robot)
    return [c.as_json() for c in results], [c.rule for c in results if not c.passed]
