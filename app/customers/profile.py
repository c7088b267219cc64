"""Everything the console's customer panel shows, in one call and plain frozen data: identity,
phones, children with ages, tags, badges, metrics, custom fields, latest notes, live promo
codes and the first page of the timeline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.business_settings import all_settings
from app.clock import Clock
from app.customers.attributes import NoteView, notes_of, tags_of
from app.customers.birthdays import DEFAULT_TIMEZONE, local_today
from app.customers.children import ChildView, age_on, children_of
from app.customers.custom_fields import SETTING as CUSTOM_FIELDS_SETTING
from app.customers.custom_fields import CustomFieldValue, field_values, parse_declarations
from app.customers.metrics import CustomerMetrics, metrics_for
from app.customers.records import display_name, get_customer, survivor_id
from app.customers.segments import Badge, SegmentRules, segments_of, tag_badges
from app.customers.timeline import DEFAULT_PAGE, TimelinePage, timeline
from models import Child, Customer, CustomerPhone, Gender, PromoCode, User


@dataclass(frozen=True, slots=True)
class PhoneView:
    id: int
    raw: str
    e164: str
    extension: str | None
    kind: str
    is_primary: bool


@dataclass(frozen=True, slots=True)
class PromoView:
    id: int
    code: str
    discount_pct: Decimal | None
    discount_amount: Decimal | None
    reason: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    child_name: str | None


@dataclass(frozen=True, slots=True)
class CustomerProfile:
    id: int
    version: int
    name: str
    first_name: str
    last_name: str
    patronymic: str | None
    birth_date: dt.date | None
    age_years: int | None
    gender: Gender | None
    email: str | None
    external_id: str | None
    loyalty_discount_pct: Decimal
    summary: str | None  # the free-form summary field; dated notes are in ``notes``
    consent_sms: bool
    consent_email: bool
    consent_messengers: bool
    created_at: dt.datetime
    merged_into_id: int | None  # set on an audit record of a merged duplicate
    merged_at: dt.datetime | None
    merged_by: str | None
    merged_from: tuple[int, ...]  # customers merged into this one
    phones: tuple[PhoneView, ...]
    children: tuple[ChildView, ...]
    tags: tuple[str, ...]
    badges: tuple[Badge, ...]
    metrics: CustomerMetrics
    custom_fields: tuple[CustomFieldValue, ...]
    notes: tuple[NoteView, ...]
    promo_codes: tuple[PromoView, ...]
    timeline: TimelinePage

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "version": self.version,
            "name": self.name,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "patronymic": self.patronymic,
            "birth_date": _iso(self.birth_date),
            "age_years": self.age_years,
            "gender": self.gender.value if self.gender else None,
            "email": self.email,
            "external_id": self.external_id,
            "loyalty_discount_pct": str(self.loyalty_discount_pct),
            "summary": self.summary,
            "consents": {
                "sms": self.consent_sms,
                "email": self.consent_email,
                "messengers": self.consent_messengers,
            },
            "created_at": self.created_at.isoformat(),
            "merged_into_id": self.merged_into_id,
            "merged_at": _iso(self.merged_at),
            "merged_by": self.merged_by,
            "merged_from": list(self.merged_from),
            "phones": [
                {
                    "id": p.id,
                    "raw": p.raw,
                    "e164": p.e164,
                    "extension": p.extension,
                    "kind": p.kind,
                    "primary": p.is_primary,
                }
                for p in self.phones
            ],
            "children": [
                {
                    "id": c.id,
                    "name": c.name,
                    "gender": c.gender.value if c.gender else None,
                    "birth_date": _iso(c.birth_date),
                    "age_years": c.age_years,
                    "next_birthday": _iso(c.next_birthday),
                    "days_to_birthday": c.days_to_birthday,
                }
                for c in self.children
            ],
            "tags": list(self.tags),
            "badges": [
                {"code": b.code, "title": b.title, "reason": b.reason, "source": b.source}
                for b in self.badges
            ],
            "metrics": self.metrics.as_json(),
            "custom_fields": [
                {
                    "key": f.key,
                    "label": f.label,
                    "type": f.type,
                    "value": f.value,
                    "declared": f.declared,
                }
                for f in self.custom_fields
            ],
            "notes": [
                {"id": n.id, "text": n.text, "author": n.author, "at": n.created_at.isoformat()}
                for n in self.notes
            ],
            "promo_codes": [
                {
                    "code": p.code,
                    "discount_pct": _str(p.discount_pct),
                    "discount_amount": _str(p.discount_amount),
                    "reason": p.reason,
                    "valid_from": _iso(p.valid_from),
                    "valid_to": _iso(p.valid_to),
                    "child": p.child_name,
                }
                for p in self.promo_codes
            ],
            "timeline": {
                "items": [i.as_json() for i in self.timeline.items],
                "next_cursor": self.timeline.next_cursor,
            },
        }


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _str(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def customer_profile(
    session: Session,
    customer_id: int,
    clock: Clock,
    *,
    follow_merges: bool = False,
    timeline_limit: int = DEFAULT_PAGE,
    timezone: str = DEFAULT_TIMEZONE,
) -> CustomerProfile:
    """The profile of ``customer_id``. A merged duplicate answers with its own audit record
    (``merged_into_id`` set) unless ``follow_merges``, which opens the survivor instead."""
    if follow_merges:
        customer_id = survivor_id(session, customer_id)
    c = get_customer(session, customer_id)
    today = local_today(clock, timezone)
    phones = tuple(
        PhoneView(p.id, p.raw, p.e164, p.extension, p.kind, p.is_primary)
        for p in session.scalars(
            select(CustomerPhone)
            .where(CustomerPhone.customer_id == c.id)
            .order_by(CustomerPhone.is_primary.desc(), CustomerPhone.id)
        )
    )
    metrics = metrics_for(session, c.id, clock)
    tags = tags_of(session, c.id)
    settings = all_settings(session)  # one read for the segment rules and the field list
    badges = segments_of(metrics, SegmentRules.from_settings(settings), clock.now())
    badges += tag_badges(tags, badges)
    merged_by = (
        session.scalar(select(User.name).where(User.id == c.merged_by_id))
        if c.merged_by_id
        else None
    )
    merged_from = tuple(
        session.scalars(
            select(Customer.id).where(Customer.merged_into_id == c.id).order_by(Customer.id)
        )
    )
    promos = tuple(
        PromoView(
            p.id,
            p.code,
            p.discount_pct,
            p.discount_amount,
            p.reason,
            p.valid_from,
            p.valid_to,
            child_name,
        )
        for p, child_name in session.execute(
            select(PromoCode, Child.name)
            .outerjoin(Child, Child.id == PromoCode.child_id)
            .where(
                PromoCode.customer_id == c.id,
                PromoCode.used_at.is_(None),
                or_(PromoCode.valid_to.is_(None), PromoCode.valid_to >= today),
            )
            .order_by(PromoCode.id.desc())
            .limit(10)
        )
    )
    return CustomerProfile(
        id=c.id,
        version=c.version,
        name=display_name(c.first_name, c.last_name, c.patronymic),
        first_name=c.first_name,
        last_name=c.last_name,
        patronymic=c.patronymic,
        birth_date=c.birth_date,
        age_years=age_on(c.birth_date, today)[0] if c.birth_date else None,
        gender=c.gender,
        email=c.email,
        external_id=c.external_id,
        loyalty_discount_pct=c.loyalty_discount_pct,
        summary=c.notes,
        consent_sms=c.consent_sms,
        consent_email=c.consent_email,
        consent_messengers=c.consent_messengers,
        created_at=c.created_at,
        merged_into_id=c.merged_into_id,
        merged_at=c.merged_at,
        merged_by=merged_by,
        merged_from=merged_from,
        phones=phones,
        children=children_of(session, c.id, today),
        tags=tags,
        badges=badges,
        metrics=metrics,
        custom_fields=field_values(
            parse_declarations(settings[CUSTOM_FIELDS_SETTING]), c.custom_fields or {}
        ),
        notes=notes_of(session, c.id, limit=5),
        promo_codes=promos,
        timeline=timeline(session, c.id, limit=timeline_limit),
    )
