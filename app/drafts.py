"""Unsaved order edits kept on disk, so neither a lost database nor a restart loses them (T11).

The order card writes the operator's pending edits here whenever they change (debounced) and
removes the file once they are saved or discarded. When the card opens an order that has a
draft, it offers to restore it. One small JSON file per order::

    <data dir>/drafts/<database key>/user-<user id>/order-<order id>.json

The database key is a hash of the database URL without its password: order ids of the embedded
demo database and of the production server must never meet. Drafts are per user: a colleague on
the same workstation is not offered someone else's half-done edit.

Qt-free and thread-safe: the console writes from a background thread. Writes are atomic (a
temporary file, fsync, rename) and carry a revision number per order, so a late write of an
older state can never replace a newer one nor resurrect a draft that was removed. A file that
cannot be read is moved aside (``*.broken-<time>.json``), never deleted: nothing is lost."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import re
import tempfile
import threading
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from app.config import data_dir

log = logging.getLogger(__name__)

#: version of the file layout; a reader refuses (and keeps aside) any other
FORMAT = 1

#: what a draft field may hold: JSON scalars (money travels as a decimal string)
FieldValue = str | int | bool | None

_NAME = re.compile(r"^order-(\d+)\.json$")


class DraftError(ValueError):
    """A draft file that cannot be understood; the message names the file and what is wrong."""


@dataclass(frozen=True, slots=True)
class BaseLine:
    """An order line as it was when the operator started editing (for a three-way merge)."""

    item_id: int
    offer_id: int
    quantity: int
    discount: Decimal


@dataclass(frozen=True, slots=True)
class DraftLine:
    """An order line as the operator wants it. ``item_id`` None: a line the operator added;
    ``discount`` None: the customer's loyalty discount, recomputed from the quantity."""

    item_id: int | None
    offer_id: int
    offer_external_id: str
    name: str
    color: str | None
    size: str | None
    price: Decimal
    quantity: int
    discount: Decimal | None
    capsule_name: str | None = None
    is_cross_sell: bool = False
    free_at_store: int | None = None


@dataclass(frozen=True, slots=True)
class OrderDraft:
    """One order's unsaved edits. Plain immutable data (tuples), safe to pass between threads.

    ``expected_version`` is the order version the edits were made against: saving a restored
    draft with it makes any change saved since show up as a conflict, never overwritten.
    ``fields`` are only the fields the operator changed; ``lines`` None means the items were
    not touched. ``labels`` carry display text for changed values (e.g. the chosen store's
    name) so a restored draft reads right before anything is reloaded."""

    order_id: int
    order_number: str
    user_id: int
    expected_version: int
    saved_at: dt.datetime
    fields: tuple[tuple[str, FieldValue], ...] = ()
    base_lines: tuple[BaseLine, ...] = ()
    lines: tuple[DraftLine, ...] | None = None
    labels: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        if self.saved_at.tzinfo is None:
            raise ValueError("saved_at must be timezone-aware (UTC)")

    def field_map(self) -> dict[str, FieldValue]:
        return dict(self.fields)

    def label_map(self) -> dict[str, str]:
        return dict(self.labels)

    # -- JSON ------------------------------------------------------------------------------------
    def to_json(self) -> str:
        data: dict[str, Any] = {
            "format": FORMAT,
            "order_id": self.order_id,
            "order_number": self.order_number,
            "user_id": self.user_id,
            "expected_version": self.expected_version,
            "saved_at": self.saved_at.astimezone(dt.UTC).isoformat(),
            "fields": dict(self.fields),
            "base_lines": [
                {
                    "item_id": b.item_id,
                    "offer_id": b.offer_id,
                    "quantity": b.quantity,
                    "discount": str(b.discount),
                }
                for b in self.base_lines
            ],
            "lines": None
            if self.lines is None
            else [
                {
                    "item_id": line.item_id,
                    "offer_id": line.offer_id,
                    "offer_external_id": line.offer_external_id,
                    "name": line.name,
                    "color": line.color,
                    "size": line.size,
                    "price": str(line.price),
                    "quantity": line.quantity,
                    "discount": None if line.discount is None else str(line.discount),
                    "capsule_name": line.capsule_name,
                    "is_cross_sell": line.is_cross_sell,
                    "free_at_store": line.free_at_store,
                }
                for line in self.lines
            ],
            "labels": dict(self.labels),
        }
        return json.dumps(data, ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, text: str, source: str = "draft") -> OrderDraft:
        """Parse a draft; :class:`DraftError` names ``source`` and the first thing wrong."""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise DraftError(f"{source}: not JSON ({exc})") from None
        if not isinstance(data, dict):
            raise DraftError(f"{source}: expected an object, got {type(data).__name__}")
        if data.get("format") != FORMAT:
            raise DraftError(
                f"{source}: format {data.get('format')!r}, this console reads {FORMAT}"
            )
        try:
            saved_at = dt.datetime.fromisoformat(_req(data, "saved_at", str, source))
            if saved_at.tzinfo is None:
                raise DraftError(f"{source}: saved_at has no time zone")
            fields = _req(data, "fields", dict, source)
            for name, value in fields.items():
                if not isinstance(value, str | int | bool | type(None)):
                    raise DraftError(f"{source}: field {name!r} holds a {type(value).__name__}")
            raw_lines = data.get("lines")
            if raw_lines is not None and not isinstance(raw_lines, list):
                raise DraftError(f"{source}: lines must be a list or null")
            labels = data.get("labels") or {}
            if not isinstance(labels, dict):
                raise DraftError(f"{source}: labels must be an object")
            return cls(
                order_id=_req(data, "order_id", int, source),
                order_number=_req(data, "order_number", str, source),
                user_id=_req(data, "user_id", int, source),
                expected_version=_req(data, "expected_version", int, source),
                saved_at=saved_at,
                fields=tuple(sorted(fields.items())),
                base_lines=tuple(
                    BaseLine(
                        _req(b, "item_id", int, source),
                        _req(b, "offer_id", int, source),
                        _req(b, "quantity", int, source),
                        _decimal(_req(b, "discount", str, source), source),
                    )
                    for b in _req(data, "base_lines", list, source)
                ),
                lines=None
                if raw_lines is None
                else tuple(_line(line, source) for line in raw_lines),
                labels=tuple(sorted((str(k), str(v)) for k, v in labels.items())),
            )
        except (TypeError, ValueError, AttributeError) as exc:
            if isinstance(exc, DraftError):
                raise
            raise DraftError(f"{source}: {exc}") from None


def _req(data: Any, key: str, kind: type, source: str) -> Any:
    if not isinstance(data, dict) or key not in data:
        raise DraftError(f"{source}: {key!r} is missing")
    value = data[key]
    # bool is an int in Python; a count or an id must not be True
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise DraftError(f"{source}: {key!r} should be {kind.__name__}, got {value!r}")
    return value


def _opt(data: dict[str, Any], key: str, kind: type, source: str) -> Any:
    value = data.get(key)
    if value is None:
        return None
    return _req(data, key, kind, source)


def _decimal(text: str, source: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise DraftError(f"{source}: {text!r} is not an amount") from None
    if not value.is_finite():
        raise DraftError(f"{source}: {text!r} is not an amount")
    return value


def _line(data: Any, source: str) -> DraftLine:
    discount = _opt(data, "discount", str, source)
    return DraftLine(
        item_id=_opt(data, "item_id", int, source),
        offer_id=_req(data, "offer_id", int, source),
        offer_external_id=_req(data, "offer_external_id", str, source),
        name=_req(data, "name", str, source),
        color=_opt(data, "color", str, source),
        size=_opt(data, "size", str, source),
        price=_decimal(_req(data, "price", str, source), source),
        quantity=_req(data, "quantity", int, source),
        discount=None if discount is None else _decimal(discount, source),
        capsule_name=_opt(data, "capsule_name", str, source),
        is_cross_sell=bool(data.get("is_cross_sell", False)),
        free_at_store=_opt(data, "free_at_store", int, source),
    )


def database_key(database_url: str) -> str:
    """A short stable name for a database, from its URL without the password."""
    without_password = re.sub(r"://([^:/@]*):[^@]*@", r"://\1@", database_url)
    return hashlib.sha256(without_password.encode("utf-8")).hexdigest()[:16]


class DraftStore:
    """The drafts of one user on one database (see the module docstring)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._lock = threading.Lock()
        # per order: the newest revision written or removed (only ever grows)
        self._revisions: dict[int, int] = {}

    @classmethod
    def for_user(cls, database_url: str, user_id: int, root: Path | None = None) -> DraftStore:
        """The store under ``root`` (default: the data dir's ``drafts``) for this user and
        database."""
        base = root if root is not None else data_dir() / "drafts"
        return cls(base / database_key(database_url) / f"user-{user_id}")

    def path(self, order_id: int) -> Path:
        return self.directory / f"order-{order_id}.json"

    def _newer(self, order_id: int, revision: int | None) -> bool:
        """Claim ``revision`` for ``order_id`` (under the lock); False if a newer one was seen."""
        if revision is None:
            return True
        if revision <= self._revisions.get(order_id, -1):
            return False
        self._revisions[order_id] = revision
        return True

    def write(self, draft: OrderDraft, revision: int | None = None) -> bool:
        """Store ``draft`` atomically. With a ``revision``, a write older than the newest
        write or removal already done for the order is ignored (returns False)."""
        text = draft.to_json()
        with self._lock:
            if not self._newer(draft.order_id, revision):
                return False
            self.directory.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(
                prefix=f".order-{draft.order_id}-", suffix=".tmp", dir=self.directory
            )
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    handle.write(text)
                    handle.flush()
                    os.fsync(handle.fileno())  # the point of a draft is to survive a crash
                os.replace(tmp, self.path(draft.order_id))
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        return True

    def read(self, order_id: int) -> OrderDraft | None:
        """The order's draft, or None. An unreadable file is moved aside and logged."""
        path = self.path(order_id)
        with self._lock:
            try:
                text = path.read_text(encoding="utf-8")
            except FileNotFoundError:
                return None
            try:
                draft = OrderDraft.from_json(text, str(path))
                if draft.order_id != order_id:
                    raise DraftError(f"{path}: holds order {draft.order_id}, not {order_id}")
            except DraftError as exc:
                stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
                aside = path.with_name(f"order-{order_id}.broken-{stamp}.json")
                os.replace(path, aside)
                log.error("unreadable draft kept as %s: %s", aside, exc)
                return None
        return draft

    def remove(self, order_id: int, revision: int | None = None) -> bool:
        """Delete the order's draft (after a save or a discard). With a ``revision``, any
        older pending write is ignored from now on. Returns whether a file was removed."""
        with self._lock:
            if revision is not None:
                self._revisions[order_id] = max(revision, self._revisions.get(order_id, -1))
            try:
                self.path(order_id).unlink()
            except FileNotFoundError:
                return False
        return True

    def order_ids(self) -> list[int]:
        """Orders that have a draft, ascending."""
        if not self.directory.is_dir():
            return []
        found = []
        for entry in self.directory.iterdir():
            match = _NAME.match(entry.name)
            if match:
                found.append(int(match.group(1)))
        return sorted(found)
