"""Customers with their phones (typed in many formats), children, tags and notes.

Customer ids grow with registration time, so an order placed at time ``t`` can pick its buyer
among the customers registered before ``t`` with one multiplication (:class:`Registrations`)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from app.demo import data as D
from app.demo import tables as T
from app.demo.catalog import DAY, ean13
from app.demo.phone_formats import PhoneFactory
from app.demo.sinks import Row
from models.customers import customer_name_key, customer_search_text

YEAR = 365 * DAY
_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()

TAG_VIP = "vip"
TAG_PREPAYMENT_ONLY = "prepayment_only"
FLAG_VIP = 1
FLAG_PREPAYMENT_ONLY = 2


class Registrations:
    """When customer ``i`` (0-based) registered: 40 % over the five years before the order
    window, the rest evenly across the window up to ``now``."""

    def __init__(self, n: int, window_start: int, now: int) -> None:
        self.n = n
        self.early = max(1, int(n * 0.4)) if n > 1 else n
        self.t5 = window_start - 5 * YEAR
        self.window_start = window_start
        self.step_a = (window_start - self.t5) / max(1, self.early)
        self.step_b = (now - window_start) / max(1, n - self.early)

    def time(self, i: int, jitter: float) -> int:
        """Registration second of customer ``i``; ``jitter`` in [0, 1) spreads it in its slot."""
        if i < self.early:
            return int(self.t5 + (i + jitter) * self.step_a)
        return int(self.window_start + (i - self.early + jitter) * self.step_b)

    def registered_by(self, t: int) -> int:
        """How many customers had certainly registered by ``t`` (at least one)."""
        if t < self.window_start:
            k = int((t - self.t5) / self.step_a)
        else:
            k = self.early + int((t - self.window_start) / self.step_b)
        return max(1, min(self.n, k))


@dataclass
class PeopleChunk:
    """What orders need to know of customers ``start`` .. ``start + len - 1``."""

    contact_name: list[str] = field(default_factory=list)
    phone_raw: list[str] = field(default_factory=list)
    phone_e164: list[str] = field(default_factory=list)
    email: list[str | None] = field(default_factory=list)
    discount_pct: list[int] = field(default_factory=list)
    city: bytearray = field(default_factory=bytearray)
    flags: bytearray = field(default_factory=bytearray)


@dataclass
class People(PeopleChunk):
    """Per-customer facts orders need (index ``i`` is customer id ``i + 1``)."""

    registrations: Registrations | None = None

    def extend(self, chunk: PeopleChunk) -> None:
        self.contact_name.extend(chunk.contact_name)
        self.phone_raw.extend(chunk.phone_raw)
        self.phone_e164.extend(chunk.phone_e164)
        self.email.extend(chunk.email)
        self.discount_pct.extend(chunk.discount_pct)
        self.city.extend(chunk.city)
        self.flags.extend(chunk.flags)


_FEMALE_SURNAMES = tuple(D.feminine_surname(s) for s in D.SURNAMES)
_TL_SURNAME_M = tuple(D.translit(s) for s in D.SURNAMES)
_TL_SURNAME_F = tuple(D.translit(s) for s in _FEMALE_SURNAMES)
_TL_FEMALE = tuple(D.translit(n) for n in D.FEMALE_NAMES)
_TL_MALE = tuple(D.translit(n) for n in D.MALE_NAMES)
_CITY_CUM = tuple(sum(D.CITY_WEIGHTS[: i + 1]) for i in range(len(D.CITY_WEIGHTS)))
_DOMAIN_CUM = tuple(sum(D.EMAIL_DOMAIN_WEIGHTS[: i + 1]) for i in range(len(D.EMAIL_DOMAINS)))
_DISCOUNTS = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 3, 3, 3, 5, 5, 5, 10)  # 60/20/15/5 %


def _pick_cum(x: float, cum: tuple[int, ...]) -> int:
    i = 0
    while x >= cum[i]:
        i += 1
    return i


PHONES_PER_CUSTOMER = 3  # phone-number counter space reserved per customer (2 are used)


@dataclass(frozen=True, slots=True)
class CustomerJob:
    """Everything a chunk of customers depends on (picklable, small)."""

    seed: int
    n: int
    window_start: int
    now: int
    operator_ids: tuple[int, ...]

    def __call__(
        self, index: int, start: int, stop: int
    ) -> tuple[PeopleChunk, dict[T.TableSpec, list[Row]]]:
        return customer_chunk(self, index, start, stop)


def customer_chunk(
    job: CustomerJob, index: int, start: int, stop: int
) -> tuple[PeopleChunk, dict[T.TableSpec, list[Row]]]:
    """Rows of every customer table for customers ``start`` .. ``stop - 1`` (ids from 1), from
    the chunk's own random stream."""
    rng = random.Random(f"{job.seed}:people:{index}")
    reg = Registrations(job.n, job.window_start, job.now)
    now = job.now
    operator_ids = job.operator_ids
    people = PeopleChunk()
    phones = PhoneFactory(rng, base=start * PHONES_PER_CUSTOMER)
    r = rng.random
    today_ord = dt.date.fromordinal(_EPOCH_ORDINAL + now // DAY).toordinal()
    birth_lo = dt.date(1972, 1, 1).toordinal()
    birth_span = dt.date(2002, 12, 31).toordinal() - birth_lo
    n_f, n_m, n_s = len(D.FEMALE_NAMES), len(D.MALE_NAMES), len(D.SURNAMES)
    n_pat, n_notes = len(D.PATRONYMICS), len(D.CUSTOMER_NOTES)
    n_boys, n_girls = len(D.CHILD_BOY_NAMES), len(D.CHILD_GIRL_NAMES)
    n_ops = len(operator_ids)
    cities = D.CITIES
    customers: list[Row] = []
    phone_rows: list[Row] = []
    children: list[Row] = []
    tags: list[Row] = []
    notes: list[Row] = []
    for i in range(start, stop):
        cid = i + 1
        created = reg.time(i, r())
        female = r() < 0.82
        si = int(r() * n_s)
        if female:
            fi = int(r() * n_f)
            first, last = D.FEMALE_NAMES[fi], _FEMALE_SURNAMES[si]
            tl_first, tl_last = _TL_FEMALE[fi], _TL_SURNAME_F[si]
        else:
            fi = int(r() * n_m)
            first, last = D.MALE_NAMES[fi], D.SURNAMES[si]
            tl_first, tl_last = _TL_MALE[fi], _TL_SURNAME_M[si]
        patronymic = D.PATRONYMICS[int(r() * n_pat)][female] if r() < 0.85 else None
        birth = birth_lo + int(r() * birth_span) if r() < 0.85 else None
        city_i = _pick_cum(r() * 100, _CITY_CUM)
        city = cities[city_i]

        email = email_norm = None
        if r() < 0.75:
            year = str(dt.date.fromordinal(birth).year) if birth else str(1980 + cid % 25)
            style = int(r() * 6)
            if style == 0:
                local = f"{tl_first}.{tl_last}"
            elif style == 1:
                local = f"{tl_last}.{tl_first}"
            elif style == 2:
                local = f"{tl_first}{tl_last[0]}{year[2:]}"
            elif style == 3:
                local = f"{tl_last}{year}"
            elif style == 4:
                local = f"{tl_first}_{tl_last}{cid % 1000}"
            else:
                local = f"{tl_first[0]}{tl_last}"
            domain = D.EMAIL_DOMAINS[_pick_cum(r() * _DOMAIN_CUM[-1], _DOMAIN_CUM)]
            email = f"{local}@{domain}"
            email_norm = email
            if r() < 0.06:  # people type capitals; search compares the normalized form
                email = email[0].upper() + email[1:]
        discount = _DISCOUNTS[int(r() * 20)]
        note = D.CUSTOMER_NOTES[int(r() * n_notes)] if r() < 0.04 else None
        custom = {"loyalty_card": ean13(f"{D.LOYALTY_CARD_PREFIX}{cid:08d}")} if r() < 0.35 else {}
        sms = r() < 0.7
        mail = email is not None and r() < 0.6
        messengers = r() < 0.3
        external = f"1C-{cid:08d}" if r() < 0.6 else None
        gender = "female" if female else "male"
        # the derived search columns the ORM fills on insert (models.customers)
        search = customer_search_text(first, last, patronymic, email_norm)
        name_key = customer_name_key(first, last)
        customers.append((cid, external, first, last, patronymic, birth, gender, email,
                          email_norm, str(discount), note, custom, sms, mail, messengers, 1,
                          search, name_key, created, created))  # fmt: skip

        # phones: the first is primary; a second one for about a third
        x = r()
        if x < 0.97:
            ph = phones.mobile(city)
        elif x < 0.985:
            ph = phones.landline(city)
        else:
            ph = phones.foreign()
        phone_rows.append((cid, ph[0], ph[1], ph[2], ph[3], ph[4], True, created))
        people.phone_raw.append(ph[0])
        people.phone_e164.append(ph[1])
        if r() < 0.35:
            x = r()
            if x < 0.6:
                ph2 = phones.mobile(city)
            elif x < 0.95:
                ph2 = phones.landline(city)
            else:
                ph2 = phones.foreign()
            added = min(now - 3600, created + int(r() * 200 * DAY))
            phone_rows.append((cid, ph2[0], ph2[1], ph2[2], ph2[3], ph2[4], False, added))

        n_children = 0
        if r() < 0.6:
            n_children = (1, 1, 1, 1, 1, 1, 2, 2, 2, 3)[int(r() * 10)]
            lo = today_ord - 14 * 365
            if birth is not None:
                lo = max(lo, birth + 18 * 365)
            hi = today_ord - 90
            for _ in range(n_children):
                if lo >= hi:
                    break
                born = lo + int(r() * (hi - lo))
                boy = r() < 0.5
                child_name = (
                    D.CHILD_BOY_NAMES[int(r() * n_boys)]
                    if boy
                    else D.CHILD_GIRL_NAMES[int(r() * n_girls)]
                )
                born_s = (born - _EPOCH_ORDINAL) * DAY
                child_created = min(now - 3600, max(created, born_s + 30 * DAY))
                children.append((cid, child_name, "male" if boy else "female", born,
                                 child_created))  # fmt: skip

        flags = 0
        x = r()
        if x < 0.02:
            tags.append((cid, TAG_VIP))
            flags |= FLAG_VIP
        if r() < 0.015:
            tags.append((cid, TAG_PREPAYMENT_ONLY))
            flags |= FLAG_PREPAYMENT_ONLY
        if n_children >= 3 or r() < 0.03:
            tags.append((cid, "large_family"))
        if r() < 0.004:
            tags.append((cid, "wholesale"))

        if n_ops and r() < 0.03:
            for _ in range(1 + (r() < 0.3)):
                at = created + int(r() * max(1, now - 3600 - created))
                notes.append((cid, operator_ids[int(r() * n_ops)],
                              D.CUSTOMER_NOTES[int(r() * n_notes)], at))  # fmt: skip

        people.contact_name.append(f"{first} {last}")
        people.email.append(email)
        people.discount_pct.append(discount)
        people.city.append(city_i)
        people.flags.append(flags)

    return people, {
        T.CUSTOMERS: customers,
        T.CUSTOMER_PHONES: phone_rows,
        T.CHILDREN: children,
        T.CUSTOMER_TAGS: tags,
        T.CUSTOMER_NOTES: notes,
    }
