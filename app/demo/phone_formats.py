"""Phone numbers the way people type them, made from an E.164 number that is known first.

Generating the normalized number first and deriving a typed variant from it is what makes seeding a
million customers cheap: ``phonenumbers`` is never called per row. Tests parse a large sample of
the variants back with :func:`app.phones.normalize_phone` to prove the two always agree."""

from __future__ import annotations

import random

from app.demo.data import FOREIGN_PLANS, LANDLINE_CODES, MOBILE_CODES

# A multiplier coprime with 10**7: ``counter * _MIX % 10**7`` visits every 7-digit subscriber
# number once, so numbers are unique per operator code without remembering the ones handed out.
_MIX = 4_731_269
_SUBSCRIBERS = 10**7


# Typed forms of a Russian number: {0}-{3} are the 3-3-2-2 groups, {4} all ten national digits.
_RU_FORMATS: tuple[tuple[str, int], ...] = (  # (template, weight)
    ("8 ({0}) {1}-{2}-{3}", 22),
    ("+7 {0} {1}{2}{3}", 14),
    ("{4}", 10),
    ("+7{4}", 10),
    ("8{4}", 8),
    ("7{4}", 4),
    ("+7 ({0}) {1}-{2}-{3}", 10),
    ("8-{0}-{1}-{2}-{3}", 4),
    ("8 {0} {1} {2}{3}", 5),
    ("+7-{0}-{1}-{2}{3}", 3),
    ("8({0}){1}{2}{3}", 4),
    ("007 {0} {1}{2}{3}", 2),
    ("+7 {0} {1} {2} {3}", 3),
    ("({0}) {1}-{2}{3}", 1),
)
RU_TEMPLATES: tuple[str, ...] = tuple(t for t, _ in _RU_FORMATS)
_RU_FORMAT_CUM: tuple[int, ...] = tuple(
    sum(w for _, w in _RU_FORMATS[: i + 1]) for i in range(len(_RU_FORMATS))
)


def ru_variant(template: str, national: str) -> str:
    """``national`` (ten digits) typed following ``template`` (one of :data:`RU_TEMPLATES`)."""
    return template.format(national[:3], national[3:6], national[6:8], national[8:], national)


class PhoneFactory:
    """Hands out unique phone numbers as ``(raw, e164, tail10, extension, kind)``.

    Deterministic for a given ``rng`` and call sequence."""

    def __init__(self, rng: random.Random, base: int = 0) -> None:
        """``base``: where this factory's counters start, so factories working on separate
        chunks (``base`` = chunk start × phones per customer) never hand out the same number."""
        self._rng = rng
        self._base = base
        self._counters: dict[str, int] = {}

    def _subscriber(self, prefix: str, digits: int) -> str:
        n = self._counters.get(prefix, self._base)
        self._counters[prefix] = n + 1
        sub = (n * _MIX + 1_234_567) % _SUBSCRIBERS
        if digits == 7:
            return f"{sub:07d}"
        # longer plans (Germany): pad with a digit that also cycles
        return f"{n % 10}{sub:07d}"[:digits] if digits > 7 else f"{sub:07d}"[-digits:]

    def mobile(self, city: str) -> tuple[str, str, str, str | None, str]:
        """A Russian mobile number of someone from ``city`` typed in one of many ways."""
        rng = self._rng
        codes = MOBILE_CODES[city]
        code = codes[int(rng.random() * len(codes))]
        national = code + self._subscriber(code, 7)
        raw = _pick_ru_variant(rng, national)
        return raw, "+7" + national, national, None, "mobile"

    def landline(self, city: str) -> tuple[str, str, str, str | None, str]:
        """A city (work) number, often with an extension (``доб. 12``)."""
        rng = self._rng
        codes = LANDLINE_CODES[city]
        code = codes[int(rng.random() * len(codes))]
        national = code + self._subscriber(code, 7)
        a, b, c, e = national[:3], national[3:6], national[6:8], national[8:]
        if rng.random() < 0.6:
            ext = str(10 + int(rng.random() * 990))
            word = ("доб.", "доб", "ext.")[int(rng.random() * 3)]
            raw = f"+7({a}){b}-{c}-{e} {word} {ext}"
            return raw, "+7" + national, national, ext, "work"
        return f"8 ({a}) {b}-{c}-{e}", "+7" + national, national, None, "work"

    def foreign(self) -> tuple[str, str, str, str | None, str]:
        """A number from abroad (Belarus, Kazakhstan, Germany, Uzbekistan), typed with its
        country code as anyone calling from there would."""
        rng = self._rng
        country, prefixes, digits = FOREIGN_PLANS[int(rng.random() * len(FOREIGN_PLANS))]
        prefix = prefixes[int(rng.random() * len(prefixes))]
        sub = self._subscriber(country + prefix, digits)
        e164 = f"{country}{prefix}{sub}"
        style = int(rng.random() * 3)
        if style == 0:
            raw = e164
        elif style == 1:
            raw = f"{country} ({prefix}) {sub[:3]}-{sub[3:5]}-{sub[5:]}"
        else:
            raw = f"00{country[1:]} {prefix} {sub}"
        return raw, e164, e164[-10:], None, "mobile"


def _pick_ru_variant(rng: random.Random, national: str) -> str:
    x = rng.random() * _RU_FORMAT_CUM[-1]
    i = 0
    while x >= _RU_FORMAT_CUM[i]:
        i += 1
    return ru_variant(RU_TEMPLATES[i], national)
