"""Password hashing with scrypt (a memory-hard KDF in the standard library, RFC 7914).

Stored as ``scrypt$<log2 n>$<r>$<p>$<salt b64>$<hash b64>`` so the cost can be raised later and
old hashes still verify."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

_LOG2_N = 14  # 16 MiB per hash with r=8: ~0.2 s here, which is what slows guessing
_R = 8
_P = 1


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_password(password: str, *, log2_n: int = _LOG2_N) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=2**log2_n, r=_R, p=_P, maxmem=2**26, dklen=32
    )
    return f"scrypt${log2_n}${_R}${_P}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, log2_n, r, p, salt_b64, digest_b64 = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    expected = base64.b64decode(digest_b64)
    digest = hashlib.scrypt(
        password.encode("utf-8"),
        salt=base64.b64decode(salt_b64),
        n=2 ** int(log2_n),
        r=int(r),
        p=int(p),
        maxmem=2**26,
        dklen=len(expected),
    )
    return hmac.compare_digest(digest, expected)
