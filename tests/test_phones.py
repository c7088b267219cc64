"""Phone identity: whatever people and PBXes type → E.164 (or an error naming the input)."""

from __future__ import annotations

import pytest

from app.phones import PhoneError, digits_tail, normalize_phone, try_normalize

# (input, expected E.164, expected extension)
GOOD = [
    ("+79161234567", "+79161234567", None),
    ("8 916 123-45-67", "+79161234567", None),
    ("+7(916)1234567", "+79161234567", None),
    ("9161234567", "+79161234567", None),
    ("79161234567", "+79161234567", None),
    ("89161234567", "+79161234567", None),
    ("7 916 123 45 67", "+79161234567", None),
    ("8-916-123-45-67", "+79161234567", None),
    ("(916) 123-45-67", "+79161234567", None),
    ("916 123 45 67", "+79161234567", None),
    ("+7-916-123-45-67", "+79161234567", None),
    ("007 916 123 45 67", "+79161234567", None),
    ("00 7 916 1234567", "+79161234567", None),
    ("+8 916 123 45 67", "+79161234567", None),  # trunk 8 typed with a plus
    ("tel:+79161234567", "+79161234567", None),
    ("тел. 8 916 123-45-67", "+79161234567", None),
    ("+7 916 123-45-67 (мобильный)", "+79161234567", None),
    ("+7 ９１６ 1234567", "+79161234567", None),  # full-width digits
    ("  +7 916 123 45 67  ", "+79161234567", None),
    ("+7 916 123-45-67 доб. 123", "+79161234567", "123"),
    ("8 (495) 123-45-67 ext 45", "+74951234567", "45"),
    ("+7 916 123 45 67#12", "+79161234567", "12"),
    ("+7 (916) 123-45-67 x99", "+79161234567", "99"),
    ("8(916)123 45 67 доб 5", "+79161234567", "5"),
    ("8 (916) 123-45-67, доб. 321", "+79161234567", "321"),
    ("+7 916 1234567 внутр. 12", "+79161234567", "12"),
    ("+79161234567;ext=12", "+79161234567", "12"),
    ("4951234567", "+74951234567", None),  # Moscow landline without the trunk prefix
    ("+7 495 123 45 67", "+74951234567", None),
    ("8 800 555-35-35", "+78005553535", None),  # toll-free
    ("+49 30 123456", "+4930123456", None),  # Germany
    ("0049 30 1234567", "+49301234567", None),
    ("8 10 49 30 1234567", "+49301234567", None),  # Russian international prefix 8~10
    ("810 49 30 1234567", "+49301234567", None),
    ("+1 650 253 0000", "+16502530000", None),  # USA
    ("+44 20 7946 0958", "+442079460958", None),  # UK
    ("+380 44 123 4567", "+380441234567", None),  # Ukraine
    ("+375 29 123-45-67", "+375291234567", None),  # Belarus
    ("+86 10 1234 5678", "+861012345678", None),  # China
    ("+7 701 123 4567", "+77011234567", None),  # Kazakhstan shares +7
]

# (input, a fragment the message must contain)
BAD = [
    ("", "empty"),
    ("   ", "empty"),
    ("abc", "no phone number"),
    ("не знаю", "no phone number"),
    ("+7 916 12", "wrong number of digits"),
    ("+7 916 123 45 678 9", "wrong number of digits"),
    ("1234567", "not a valid number"),
    ("+8 916 123", "unknown country code"),
    ("8 916 123 45 67, 8 495 123 45 67", "2 phone numbers"),
]


def test_the_table_is_big_enough() -> None:
    assert len(GOOD) + len(BAD) >= 30


@pytest.mark.parametrize(("raw", "e164", "extension"), GOOD)
def test_resolves_to_e164(raw: str, e164: str, extension: str | None) -> None:
    phone = normalize_phone(raw)
    assert (phone.e164, phone.extension) == (e164, extension)
    assert phone.raw == raw  # the input is kept beside the normalized number
    assert phone.tail10 == e164[-10:]


@pytest.mark.parametrize(("raw", "fragment"), BAD)
def test_unparseable_input_is_named_in_the_error(raw: str, fragment: str) -> None:
    with pytest.raises(PhoneError) as err:
        normalize_phone(raw)
    assert repr(raw) in str(err.value)
    assert fragment in str(err.value)
    assert err.value.raw == raw
    assert try_normalize(raw) is None


def test_region_is_configurable() -> None:
    # a Belarusian number typed the local way, with the region set to Belarus
    assert normalize_phone("8 029 123-45-67", region="BY").e164 == "+375291234567"
    assert normalize_phone("030 1234567", region="DE").e164 == "+49301234567"


def test_digits_tail() -> None:
    assert digits_tail("+7 (916) 123-45-67") == "9161234567"
    assert digits_tail("123-45-67", 7) == "1234567"


@pytest.mark.parametrize(("raw", "e164", "extension"), GOOD)
def test_the_lookup_shortcut_agrees_with_normalize(
    raw: str, e164: str, extension: str | None
) -> None:
    from app.customers.identity import lookup_key

    assert lookup_key(raw) == e164


@pytest.mark.parametrize(("raw", "fragment"), BAD)
def test_the_lookup_shortcut_finds_no_valid_key_for_garbage(raw: str, fragment: str) -> None:
    import phonenumbers

    from app.customers.identity import lookup_key

    # no key, or one no stored (valid) number can equal: the lookup then tries the digits' tail
    def valid(key: str) -> bool:
        try:
            return bool(phonenumbers.is_valid_number(phonenumbers.parse(key)))
        except phonenumbers.NumberParseException:
            return False

    key = lookup_key(raw)
    assert key is None or not valid(key)
