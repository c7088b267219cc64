"""The import's parsing shortcuts agree with the general code on everything they accept."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from app.orders.fast_parse import local_timestamp, ru_mobile
from app.phones import PhoneError, normalize_phone

FORMATS = (
    "+7 {a} {b}-{c}-{d}",
    "8 ({a}) {b}-{c}-{d}",
    "8{a}{b}{c}{d}",
    "7{a}{b}{c}{d}",
    "{a}{b}{c}{d}",
    "+7{a}{b}{c}{d}",
    " 8 {a} {b} {c} {d} ",
    "{a}.{b}.{c}.{d}",
    "+7 ({a}) {b}{c}{d}",
    "8-{a}-{b}-{c}-{d}",
)


def _inputs(n: int) -> list[str]:
    rng = random.Random(20261120)
    prefixes = ["9", "93000", "9300", "930", "8", "4", "3", "7", "1", "0"]
    found = []
    for _ in range(n):
        national = rng.choice(prefixes)
        national += "".join(rng.choice("0123456789") for _ in range(10 - len(national)))
        a, b, c, d = national[:3], national[3:6], national[6:8], national[8:]
        found.append(rng.choice(FORMATS).format(a=a, b=b, c=c, d=d))
    return [
        *found,
        "+8 916 123-45-67",
        "8 916 123-45-67 доб. 12",
        "89161234567#5",
        "+7 916 123-45-6",
        "+7 916 123-45-678",
        "007 916 123 45 67",
        "тел. 8 916 123 45 67",
        "+1 916 123 45 67",
        "916-123-45-67 ",
        "",
        "   ",
    ]


@pytest.mark.parametrize("region", ["RU", "KZ"])
def test_ru_mobile_shortcut_matches_normalize_phone_whenever_it_answers(region: str) -> None:
    answered = 0
    for raw in _inputs(5000):
        fast = ru_mobile(raw, region)
        if fast is None:
            continue
        answered += 1
        try:
            assert normalize_phone(raw, region) == fast, raw
        except PhoneError as exc:  # never accept what the general code refuses
            raise AssertionError(
                f"{raw!r}: shortcut accepted, normalize_phone said {exc}"
            ) from None
    if region == "RU":
        assert answered > 1000  # it does take the common case
    else:
        assert answered == 0  # other regions always take the general path


def test_ru_mobile_shortcut_leaves_unusual_input_to_the_general_code() -> None:
    for raw in (
        "8 916 123-45-67 доб. 12",
        "+8 916 123-45-67",
        "8 (495) 123-45-67",
        "930 001 23 45",
    ):
        assert ru_mobile(raw, "RU") is None, raw


@pytest.mark.parametrize(
    "text",
    [
        "2026-11-20 12:00:00",
        "2026-1-5 1:02:03",
        "2026-02-30 10:00:00",
        "2026-11-20 24:00:00",
        "2026-11-20T12:00:00",
        "20.11.2026",
        "2026-11-20",
        "2026-11-20 12:00:00.5",
    ],
)
def test_local_timestamp_is_strptime(text: str) -> None:
    try:
        expected: dt.datetime | None = dt.datetime.strptime(text, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        expected = None
    if expected is None:
        with pytest.raises(ValueError):
            local_timestamp(text)
    else:
        assert local_timestamp(text) == expected
