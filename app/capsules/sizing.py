"""Does a size fit a child of a given age? Children's sizes here are Russian conventions:
height in cm ("122"), a height range for tights ("122-128"), shoe sizes ("31") and hat sizes
("52"). The value ranges don't overlap, so the kind is told by the number itself."""

from __future__ import annotations

#: typical height (cm) at 3..14 years: the size a child of that age wears
_HEIGHTS = (98, 104, 110, 116, 122, 128, 134, 140, 146, 152, 158, 164)
_MIN_AGE = 3


def height_for_age(age: int) -> int:
    return _HEIGHTS[max(0, min(len(_HEIGHTS) - 1, age - _MIN_AGE))]


def shoe_size_for_age(age: int) -> float:
    """~25 at three, about 1.2 sizes a year."""
    return 25 + (age - _MIN_AGE) * 1.2


def hat_size_for_age(age: int) -> int:
    return 48 + 2 * min(4, max(0, (age - 2) // 2))


def size_fits_age(size: str | None, age: int) -> bool:
    """True when ``size`` is worn by a child of ``age`` (a size "to grow into" — one step up —
    fits too; parents buy that). Sizes we cannot read (``None``, "S", "one size") fit anyone."""
    if not size:
        return True
    text = size.strip()
    if "-" in text:
        lo_s, _, hi_s = text.partition("-")
        if lo_s.isdigit() and hi_s.isdigit():
            h = height_for_age(age)
            return int(lo_s) <= h <= int(hi_s) + 6
        return True
    if not text.isdigit():
        return True
    value = int(text)
    if value >= 80:  # height, cm
        return 0 <= value - height_for_age(age) <= 6
    if value >= 46:  # head circumference, cm
        return abs(value - hat_size_for_age(age)) <= 2
    if value >= 16:  # shoes
        return -1.0 <= value - shoe_size_for_age(age) <= 2.0
    return True


def size_distance(size: str | None, reference: str | None) -> int:
    """How far ``size`` is from ``reference`` (the size of a line in the order): 0 for the
    same, a large number when they are not comparable. Picks the size the customer already buys."""
    if size == reference:
        return 0
    if not size or not reference:
        return 1000
    a, b = size.split("-")[0], reference.split("-")[0]
    if a.isdigit() and b.isdigit() and (int(a) >= 80) == (int(b) >= 80):
        return abs(int(a) - int(b))
    return 1000
