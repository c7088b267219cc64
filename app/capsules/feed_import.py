"""Importing the capsule feed: an idempotent upsert by the feed's capsule id.

* A bad record (missing name, unknown gender, dates out of order...) is rejected on its own,
  kept in the dead-letter table with an error per field, and never stops the others.
* Items naming products/offers we don't know are left out and reported (dead letter, with the
  capsule still imported from the items we do know); a capsule with no known item is rejected.
* A capsule missing from the feed is retired (``retired_at``), never deleted: order lines and
  offer records keep pointing at it. One that comes back is live again.
* A feed with no valid capsule at all retires nothing: that is a broken feed, not the end of
  every collection.

``pull_feed`` adds the conditional GET: the feed's ``ETag`` / ``Last-Modified`` are kept in
``capsule_feeds`` and a ``304`` costs one round trip and no writes but the check time."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import Clock
from integrations.capsule_feed import CapsuleFeedClient, FeedDocument, read_file
from models import Audience, Capsule, CapsuleFeed, CapsuleItem, DeadLetter, Offer, Product

SOURCE = "capsules.feed"
_MAX_AGE = 18


@dataclass
class ImportReport:
    source: str
    not_modified: bool = False
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    retired: int = 0
    revived: int = 0
    rejected: int = 0
    partial: int = 0  # imported without some unknown items
    problems: list[str] = field(default_factory=list)  # one line per record, for a person

    @property
    def ok(self) -> bool:
        return not self.rejected and not self.partial

    def summary(self) -> str:
        if self.not_modified:
            return f"{self.source}: not modified"
        text = (
            f"{self.source}: {self.created} new, {self.updated} updated, "
            f"{self.unchanged} unchanged, {self.retired} retired"
        )
        if self.revived:
            text += f", {self.revived} back in the feed"
        if self.rejected or self.partial:
            text += f"; {self.rejected} rejected, {self.partial} with unknown items"
        return text


@dataclass(frozen=True, slots=True)
class _Item:
    product_id: int
    offer_id: int | None
    role: str | None


@dataclass
class _Parsed:
    external_id: str
    name: str
    season: str | None
    audience: Audience
    age_from: int | None
    age_to: int | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    items: list[tuple[str, str, str | None]]  # (kind "product"/"offer", external id, role)


def import_records(
    session: Session, records: Sequence[Any], clock: Clock, source: str
) -> ImportReport:
    """Apply one whole feed (see the module docstring). The caller commits."""
    report = ImportReport(source)
    now = clock.now()
    parsed: list[tuple[int, Any, _Parsed]] = []
    seen: set[str] = set()
    for index, rec in enumerate(records):
        p, errors = _parse(rec)
        if p is not None and p.external_id in seen:
            errors = {"id": f"duplicate capsule id {p.external_id!r} in the feed"}
            p = None
        if p is None:
            _reject(session, report, index, rec, errors)
            continue
        seen.add(p.external_id)
        parsed.append((index, rec, p))

    products, offers = _resolve(session, [p for _, _, p in parsed])
    existing = {
        c.external_id: c
        for c in session.scalars(select(Capsule).where(Capsule.external_id.in_(seen)))
    }
    valid_ids: set[str] = set()
    for index, rec, p in parsed:
        items: list[_Item] = []
        unknown: dict[str, str] = {}
        for n, (kind, ext, role) in enumerate(p.items):
            if kind == "offer":
                hit = offers.get(ext)
                if hit is None:
                    unknown[f"items[{n}].offer"] = f"unknown offer {ext!r}"
                    continue
                items.append(_Item(hit[1], hit[0], role))
            else:
                pid = products.get(ext)
                if pid is None:
                    unknown[f"items[{n}].product"] = f"unknown product {ext!r}"
                    continue
                items.append(_Item(pid, None, role))
        valid_ids.add(p.external_id)  # in the feed: never retired for a bad item
        if not items:
            unknown["items"] = "none of the capsule's items is in our catalogue"
            _reject(session, report, index, rec, unknown)
            continue
        if unknown:
            report.partial += 1
            _dead_letter(session, rec, p.external_id, unknown)
            report.problems.append(f"{p.external_id}: {'; '.join(unknown.values())}")
        _upsert(session, report, existing.get(p.external_id), p, items, now)

    if valid_ids:
        # a record rejected for a bad field is still in the feed: keep its capsule live
        named = {str(r["id"]).strip() for r in records if isinstance(r, dict) and r.get("id")}
        _retire_missing(session, report, valid_ids | named, now)
    else:
        report.problems.append("no valid capsule in the feed: nothing retired")
    session.flush()
    return report


def _retire_missing(
    session: Session, report: ImportReport, keep: set[str], now: dt.datetime
) -> None:
    live = session.scalars(select(Capsule).where(Capsule.retired_at.is_(None)))
    for capsule in live:
        if capsule.external_id not in keep:
            capsule.retired_at = now
            report.retired += 1


def _upsert(
    session: Session,
    report: ImportReport,
    capsule: Capsule | None,
    p: _Parsed,
    items: list[_Item],
    now: dt.datetime,
) -> None:
    values = {
        "name": p.name,
        "season": p.season,
        "audience": p.audience,
        "age_from": p.age_from,
        "age_to": p.age_to,
        "valid_from": p.valid_from,
        "valid_to": p.valid_to,
    }
    if capsule is None:
        capsule = Capsule(external_id=p.external_id, created_at=now, updated_at=now, **values)
        session.add(capsule)
        session.flush()
        session.add_all(
            CapsuleItem(capsule_id=capsule.id, product_id=i.product_id, offer_id=i.offer_id,
                        role=i.role)
            for i in items
        )  # fmt: skip
        report.created += 1
        return
    changed = False
    for name, value in values.items():
        if getattr(capsule, name) != value:
            setattr(capsule, name, value)
            changed = True
    if capsule.retired_at is not None:
        capsule.retired_at = None
        report.revived += 1
        changed = True
    current = list(session.scalars(select(CapsuleItem).where(CapsuleItem.capsule_id == capsule.id)))
    have = sorted((c.product_id, c.offer_id or 0, c.role or "") for c in current)
    want = sorted((i.product_id, i.offer_id or 0, i.role or "") for i in items)
    if have != want:
        for row in current:
            session.delete(row)
        session.flush()
        session.add_all(
            CapsuleItem(capsule_id=capsule.id, product_id=i.product_id, offer_id=i.offer_id,
                        role=i.role)
            for i in items
        )  # fmt: skip
        changed = True
    if changed:
        capsule.updated_at = now
        report.updated += 1
    else:
        report.unchanged += 1


def _resolve(
    session: Session, parsed: Sequence[_Parsed]
) -> tuple[dict[str, int], dict[str, tuple[int, int]]]:
    """External ids → product id, and offer external id → (offer id, product id)."""
    product_refs = {ext for p in parsed for kind, ext, _ in p.items if kind == "product"}
    offer_refs = {ext for p in parsed for kind, ext, _ in p.items if kind == "offer"}
    products: dict[str, int] = {}
    offers: dict[str, tuple[int, int]] = {}
    refs = sorted(product_refs)
    for start in range(0, len(refs), 1000):  # bounded IN lists
        for ext, pid in session.execute(
            select(Product.external_id, Product.id).where(
                Product.external_id.in_(refs[start : start + 1000])
            )
        ):
            products[ext] = pid
    refs = sorted(offer_refs)
    for start in range(0, len(refs), 1000):
        for ext, oid, pid in session.execute(
            select(Offer.external_id, Offer.id, Offer.product_id).where(
                Offer.external_id.in_(refs[start : start + 1000])
            )
        ):
            offers[ext] = (oid, pid)
    return products, offers


# -- validation ----------------------------------------------------------------------------


def _parse(rec: Any) -> tuple[_Parsed | None, dict[str, str]]:
    errors: dict[str, str] = {}
    if not isinstance(rec, dict):
        return None, {"record": f"must be an object, got {type(rec).__name__}"}
    ext = _text(rec, "id", 64, errors, required=True)
    name = _text(rec, "name", 200, errors, required=True)
    season = _text(rec, "season", 64, errors)
    audience_doc = rec.get("audience") or {}
    audience = Audience.UNISEX
    age_from = age_to = None
    if not isinstance(audience_doc, dict):
        errors["audience"] = "must be an object with gender, age_from, age_to"
    else:
        gender = audience_doc.get("gender", "unisex")
        try:
            audience = Audience(gender)
        except ValueError:
            errors["audience.gender"] = f"must be boy, girl or unisex, got {gender!r}"
        age_from = _age(audience_doc, "age_from", errors)
        age_to = _age(audience_doc, "age_to", errors)
        if age_from is not None and age_to is not None and age_from > age_to:
            errors["audience.age_to"] = f"{age_to} is below age_from {age_from}"
    valid_from = _date(rec, "valid_from", errors)
    valid_to = _date(rec, "valid_to", errors)
    if valid_from and valid_to and valid_from > valid_to:
        errors["valid_to"] = f"{valid_to} is before valid_from {valid_from}"
    items: list[tuple[str, str, str | None]] = []
    raw_items = rec.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        errors["items"] = "must be a non-empty list"
    else:
        for n, item in enumerate(raw_items):
            path = f"items[{n}]"
            if not isinstance(item, dict):
                errors[path] = "must be an object with 'product' or 'offer'"
                continue
            product, offer = item.get("product"), item.get("offer")
            if (product is None) == (offer is None):
                errors[path] = "needs exactly one of 'product' or 'offer' (an external id)"
                continue
            ref = product if product is not None else offer
            if not isinstance(ref, str | int) or not str(ref).strip():
                errors[path] = f"the external id must be a string, got {ref!r}"
                continue
            role = item.get("role")
            if role is not None and (not isinstance(role, str) or len(role) > 32):
                errors[f"{path}.role"] = "must be a short text (top, bottom, shoes, accessory)"
                continue
            kind = "product" if product is not None else "offer"
            items.append((kind, str(ref).strip(), role.strip() if role else None))
    if errors or ext is None or name is None:
        return None, errors
    return _Parsed(ext, name, season, audience, age_from, age_to, valid_from, valid_to, items), {}


def _text(
    rec: dict[str, Any], key: str, limit: int, errors: dict[str, str], *, required: bool = False
) -> str | None:
    value = rec.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            errors[key] = "is required"
        return None
    if isinstance(value, int) and not isinstance(value, bool) and key == "id":
        value = str(value)
    if not isinstance(value, str):
        errors[key] = f"must be a string, got {type(value).__name__}"
        return None
    value = value.strip()
    if len(value) > limit:
        errors[key] = f"longer than {limit} characters"
        return None
    return value


def _age(doc: dict[str, Any], key: str, errors: dict[str, str]) -> int | None:
    value = doc.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= _MAX_AGE:
        errors[f"audience.{key}"] = f"must be whole years 0–{_MAX_AGE}, got {value!r}"
        return None
    return value


def _date(rec: dict[str, Any], key: str, errors: dict[str, str]) -> dt.date | None:
    value = rec.get(key)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        errors[key] = f"must be a date YYYY-MM-DD, got {value!r}"
        return None


def _reject(
    session: Session, report: ImportReport, index: int, rec: Any, errors: dict[str, str]
) -> None:
    ref = rec.get("id") if isinstance(rec, dict) else None
    report.rejected += 1
    label = str(ref) if ref is not None else f"record #{index}"
    report.problems.append(f"{label}: " + "; ".join(f"{k}: {v}" for k, v in errors.items()))
    _dead_letter(session, rec, str(ref) if ref is not None else f"#{index}", errors)


def _dead_letter(session: Session, rec: Any, reference: str, errors: dict[str, str]) -> None:
    session.add(
        DeadLetter(
            source=SOURCE,
            reference=reference[:128],
            raw_payload=json.dumps(rec, ensure_ascii=False, default=str),
            errors=errors,
        )
    )


# -- pulling ---------------------------------------------------------------------------------


def pull_feed(
    session: Session,
    location: str,
    clock: Clock,
    *,
    client: CapsuleFeedClient | None = None,
    force: bool = False,
) -> ImportReport:
    """Fetch ``location`` (an http(s) URL, conditionally unless ``force``; else a file path)
    and import it. Network/feed errors propagate as ``integrations.capsule_feed.FeedError``
    after the state row records them."""
    now = clock.now()
    state = session.get(CapsuleFeed, location[:500])
    if state is None:
        state = CapsuleFeed(url=location[:500])
        session.add(state)
    state.checked_at = now
    is_http = location.startswith(("http://", "https://"))
    try:
        if is_http:
            own = client is None
            http = client or CapsuleFeedClient()
            try:
                doc: FeedDocument = http.fetch(
                    location,
                    etag=None if force else state.etag,
                    last_modified=None if force else state.last_modified,
                )
            finally:
                if own:
                    http.close()
        else:
            doc = read_file(location)
    except Exception as exc:
        state.last_result = f"error: {exc}"[:500]
        session.flush()
        raise
    if doc.not_modified:
        state.last_result = "not modified"
        session.flush()
        return ImportReport(location, not_modified=True)
    report = import_records(session, doc.records, clock, location)
    state.etag = doc.etag
    state.last_modified = doc.last_modified
    state.changed_at = now
    state.last_result = report.summary()[:500]
    session.flush()
    return report
