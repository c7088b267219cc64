"""Phone identity: whatever a person or a PBX typed → E.164 (``phonenumbers``), raw kept beside.

``tail10`` (the last ten national digits) is what lets a truncated or local caller ID from the PBX
still find the customer."""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers

DEFAULT_REGION = "RU"
_EXTENSION = re.compile(
    r"(?:доб(?:авочный)?|вн(?:утр(?:енний)?)?|ext(?:ension)?|x|#)\.?\s*:?\s*(\d{1,6})\s*$",
    re.IGNORECASE,
)


class PhoneError(ValueError):
    """The input does not parse to a phone number; the message names the input."""

    def __init__(self, raw: str, reason: str) -> None:
        super().__init__(f"phone {raw!r}: {reason}")
        self.raw = raw
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Phone:
    raw: str
    e164: str
    tail10: str
    extension: str | None = None


def digits_tail(value: str, n: int = 10) -> str:
    """The last ``n`` digits of anything (used for truncated caller IDs)."""
    return re.sub(r"\D", "", value)[-n:]


def normalize_phone(raw: str, region: str = DEFAULT_REGION) -> Phone:
    """Parse ``raw`` as typed by a person (``8 (916) 123-45-67``, ``+7 916 1234567``,
    ``9161234567``, ``007 916…``, ``... доб. 123``) into E.164. Raises :class:`PhoneError`."""
    text = (raw or "").strip()
    if not text:
        raise PhoneError(raw, "empty")
    candidate = text
    # "007..." and "0049..." are the international prefix typed as zeros: treat as "+".
    if candidate.startswith("00"):
        candidate = "+" + candidate[2:]
    bare = re.sub(r"[\s()\-.]", "", candidate)
    if region == "RU":
        # "7XXXXXXXXXX" without the plus sign (a bare "9161234567" parses as national already).
        if bare.isdigit() and len(bare) == 11 and bare[0] == "7":
            candidate = "+" + bare
        # "+8 916 …": the trunk prefix 8 typed with a plus; there is no country code 8.
        elif bare.startswith("+8") and bare[1:].isdigit() and len(bare) == 12:
            candidate = bare[1:]
    try:
        number = phonenumbers.parse(candidate, region)
    except phonenumbers.NumberParseException as exc:
        # Words around the number ("+7 916 … (мобильный)", "тел. 8 916 …") or two numbers in
        # one field: look for numbers inside the text, accept exactly one.
        found = _number_in_text(raw, text, region)
        if found is None:
            raise PhoneError(raw, _parse_reason(exc)) from None
        number = found
    if not phonenumbers.is_possible_number(number):
        raise PhoneError(raw, "wrong number of digits for a phone number")
    if not phonenumbers.is_valid_number(number):
        raise PhoneError(raw, "not a valid number in any numbering plan")
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    extension = number.extension or _extension_of(text)
    return Phone(raw=raw, e164=e164, tail10=digits_tail(e164), extension=extension or None)


def try_normalize(raw: str | None, region: str = DEFAULT_REGION) -> Phone | None:
    if not raw:
        return None
    try:
        return normalize_phone(raw, region)
    except PhoneError:
        return None


def _number_in_text(raw: str, text: str, region: str) -> phonenumbers.PhoneNumber | None:
    """The one phone number written inside ``text``; several numbers are refused."""
    matcher = phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.VALID)
    matches = list(matcher)
    if len(matches) > 1:
        raise PhoneError(raw, f"{len(matches)} phone numbers in it; give one")
    return matches[0].number if matches else None


def _extension_of(text: str) -> str | None:
    match = _EXTENSION.search(text)
    return match.group(1) if match else None


def _parse_reason(exc: phonenumbers.NumberParseException) -> str:
    reasons = {
        phonenumbers.NumberParseException.INVALID_COUNTRY_CODE: "unknown country code",
        phonenumbers.NumberParseException.NOT_A_NUMBER: "no phone number in it",
        phonenumbers.NumberParseException.TOO_SHORT_AFTER_IDD: "too short after the prefix",
        phonenumbers.NumberParseException.TOO_SHORT_NSN: "too few digits",
        phonenumbers.NumberParseException.TOO_LONG: "too many digits",
    }
    return reasons.get(exc.error_type, str(exc))
