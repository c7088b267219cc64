"""Shortcuts for the two slowest steps of validating an imported order, each answering only the
cases it is sure of and handing everything else to the general code.

* Russian mobile numbers typed in the usual ways (``8 (916) 123-45-67``, ``+7 916 1234567``,
  ``9161234567``...) are the bulk of any RU file; ``phonenumbers.parse`` spends ~50-100 µs on
  each. :func:`ru_mobile` recognises them with one regex and validates the national number
  against ``phonenumbers``' own metadata pattern for RU mobiles (so no numbering rule is
  copied here). Anything else — landlines, extensions, text, invalid ranges — returns None
  and goes through :func:`app.phones.normalize_phone`. tests/test_fast_parse.py checks both
  agree on every input the shortcut accepts.
* ``YYYY-MM-DD HH:MM:SS`` timestamps: ``datetime.fromisoformat`` for the strict form is ~20×
  cheaper than ``strptime``; other spellings go to ``strptime`` as before."""

from __future__ import annotations

import datetime as dt
import re

import phonenumbers

from app.phones import Phone

_RU = phonenumbers.PhoneMetadata.metadata_for_region("RU")
_RU_MOBILE = (
    re.compile(f"(?:{_RU.mobile.national_number_pattern})")
    if _RU is not None and _RU.mobile is not None and _RU.mobile.national_number_pattern
    else None
)
_RU_GENERAL = (
    re.compile(f"(?:{_RU.general_desc.national_number_pattern})")
    if _RU is not None and _RU.general_desc is not None and _RU.general_desc.national_number_pattern
    else None
)
# digits with the usual separators, an optional leading plus, nothing else (no extension, text)
_PLAIN = re.compile(r"\s*(\+?)[\d\s()\-.]+")
_NOT_DIGIT = re.compile(r"\D")
_STRICT_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}")


def ru_mobile(raw: str, region: str) -> Phone | None:
    """The :class:`Phone` ``normalize_phone(raw, region)`` returns, for a valid Russian mobile
    number written plainly; None when unsure (the caller then uses ``normalize_phone``)."""
    if region != "RU" or _RU_MOBILE is None or _RU_GENERAL is None:
        return None
    plain = _PLAIN.fullmatch(raw)
    if plain is None:
        return None
    digits = _NOT_DIGIT.sub("", raw)
    if plain.group(1):  # "+7 ..."
        national = digits[1:] if len(digits) == 11 and digits[0] == "7" else ""
    elif len(digits) == 11 and digits[0] in "78":  # "8 916 ..." (trunk prefix), "7916..."
        national = digits[1:]
    elif len(digits) == 10:  # "916 ..."
        national = digits
    else:
        return None
    if (
        not national.startswith("9")  # landlines: their prefixes need phonenumbers' judgement
        or _RU_MOBILE.fullmatch(national) is None
        or _RU_GENERAL.fullmatch(national) is None
    ):
        return None
    return Phone(raw=raw, e164="+7" + national, tail10=national, extension=None)


def local_timestamp(text: str) -> dt.datetime:
    """``datetime.strptime(text, "%Y-%m-%d %H:%M:%S")``, faster for the strict spelling.
    Raises ValueError as strptime does."""
    if _STRICT_TIMESTAMP.fullmatch(text):
        return dt.datetime.fromisoformat(text)
    return dt.datetime.strptime(text, "%Y-%m-%d %H:%M:%S")
