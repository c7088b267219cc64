"""Order import in the RetailCRM v5 shape: per-field errors, dead letters, idempotency, robot."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.cli import main as cli
from app.clock import FixedClock
from app.db import get_sessionmaker, session_scope
from app.orders import bulk_intake
from app.orders.intake import import_orders
from models import Audience, Capsule, Customer, CustomerPhone, DeadLetter, Order, OrderItem
from tests import factories as f


@pytest.fixture
def catalog(db_url: str) -> None:
    with session_scope(db_url) as s:
        st = f.store(s, code="msk-1")
        f.offer(s, "2490", stock={st.id: 10}, external_id="SKU-1001")
        f.offer(s, "990", stock={st.id: 10}, external_id="SKU-1002")


def good(ext: str = "crm-1", **over: Any) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "externalId": ext,
        "number": f"CC-{ext}",
        "orderMethod": "shopping-cart",
        "firstName": "Иван",
        "lastName": "Петров",
        "phone": "8 (916) 123-45-67",
        "email": "Ivan@Example.com",
        "items": [
            {
                "offer": {"externalId": "SKU-1001"},
                "productName": "Чайник",
                "initialPrice": 2490,
                "quantity": 1,
            },
            {
                "offer": {"externalId": "SKU-1002"},
                "initialPrice": "990",
                "quantity": 2,
                "discountManualAmount": 90,
            },
        ],
        "delivery": {
            "code": "courier",
            "cost": 300,
            "address": {"city": "Москва", "street": "ул. Тверская", "building": "1", "flat": "10"},
        },
        "payments": [{"type": "e-money", "status": "paid", "amount": 4590}],
        "shipmentStore": "msk-1",
        "createdAt": "2026-11-20 12:00:00",
    }
    rec.update(over)
    return rec


def run(db_url: str, records: list[Any]):  # type: ignore[no-untyped-def]
    return import_orders(get_sessionmaker(db_url), records, FixedClock(f.T0))


def test_good_order_is_created_matched_to_customer_and_decided_by_robot(
    db_url: str, catalog
) -> None:
    summary = run(db_url, [good()])
    assert summary.as_json()["created"] == 1 and summary.rejected == []
    assert summary.robot_confirmed == 1
    with session_scope(db_url) as s:
        order = s.scalars(select(Order)).one()
        assert order.number == "CC-crm-1" and order.status == "confirmed"
        assert (order.subtotal, order.discount_total, order.total) == (
            Decimal("4470.00"),
            Decimal("180.00"),
            Decimal("4590.00"),
        )
        assert order.delivery_address == "Москва, ул. Тверская, д. 1, кв. 10"
        assert order.contact_phone_e164 == "+79161234567"
        assert order.created_at.isoformat() == "2026-11-20T09:00:00+00:00"  # Moscow → UTC
        customer = s.get(Customer, order.customer_id)
        assert customer is not None and customer.email_normalized == "ivan@example.com"


def test_reimport_is_idempotent_and_updates_what_changed(db_url: str, catalog) -> None:
    run(db_url, [good()])
    again = run(db_url, [good()])
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    changed = run(db_url, [good(managerComment="перезвонить")])
    assert (changed.created, changed.updated) == (0, 1)
    with session_scope(db_url) as s:
        assert s.scalar(select(func.count()).select_from(Order)) == 1
        order = s.scalars(select(Order)).one()
        assert order.manager_comment == "перезвонить" and order.version >= 3


def test_same_phone_in_another_format_finds_the_same_customer(db_url: str, catalog) -> None:
    run(db_url, [good("a", phone="+7 916 123-45-67"), good("b", phone="9161234567", email=None)])
    with session_scope(db_url) as s:
        assert s.scalar(select(func.count()).select_from(Customer)) == 1
        assert s.scalar(select(func.count()).select_from(CustomerPhone)) == 1


@pytest.mark.parametrize(
    ("override", "field", "fragment"),
    [
        ({"externalId": None}, "externalId", "is required"),
        ({"phone": "12345"}, "phone", "'12345'"),
        ({"items": []}, "items", "at least one item"),
        (
            {"items": [{"offer": {"externalId": "NOPE"}, "quantity": 1}]},
            "items[0].offer.externalId",
            "unknown offer 'NOPE'",
        ),
        (
            {"items": [{"offer": {"externalId": "SKU-1001"}, "quantity": 0}]},
            "items[0].quantity",
            "positive whole number",
        ),
        (
            {"items": [{"offer": {"externalId": "SKU-1001"}, "initialPrice": "abc"}]},
            "items[0].initialPrice",
            "must be a number",
        ),
        ({"delivery": {"code": "teleport"}}, "delivery.code", "unknown delivery 'teleport'"),
        ({"shipmentStore": "nowhere"}, "shipmentStore", "unknown store 'nowhere'"),
        ({"payments": [{"status": "maybe"}]}, "payments[0].status", "unknown payment status"),
        ({"createdAt": "20.11.2026"}, "createdAt", "YYYY-MM-DD"),
        ({"orderMethod": "pigeon"}, "orderMethod", "unknown order method"),
    ],
)
def test_bad_record_is_rejected_per_field_and_kept(
    db_url: str, catalog, override, field, fragment
) -> None:
    summary = run(db_url, [good("ok-1"), good("bad", **override), good("ok-2")])
    assert summary.created == 2
    [rejected] = summary.rejected
    assert rejected["index"] == 1
    assert fragment in rejected["errors"][field], rejected["errors"]
    with session_scope(db_url) as s:
        letter = s.scalars(select(DeadLetter)).one()
        assert letter.source == "orders.import"
        assert json.loads(letter.raw_payload) == good("bad", **override)
        assert fragment in letter.errors[field]


def test_non_object_record_is_rejected(db_url: str, catalog) -> None:
    summary = run(db_url, ["not an order", good()])
    assert summary.created == 1 and summary.rejected[0]["index"] == 0


def test_cli_import_prints_summary_and_exits_3_on_rejections(
    db_url: str, catalog, tmp_path: Path, capsys
) -> None:
    path = tmp_path / "orders.json"
    path.write_text(
        json.dumps([good("x1"), good("x2", phone="abc")], ensure_ascii=False), encoding="utf-8"
    )
    code = cli(
        ["--database-url", db_url, "orders", "import", str(path), "--now", "2026-11-20T09:00:00Z"]
    )
    out = json.loads(capsys.readouterr().out)
    assert code == 3
    assert out["created"] == 1 and out["rejected"][0]["externalId"] == "x2"
    assert "phone" in out["rejected"][0]["errors"]
    path.write_text(json.dumps([good("x1")]), encoding="utf-8")
    assert cli(["--database-url", db_url, "orders", "import", str(path)]) == 0
    with session_scope(db_url) as s:
        assert s.scalar(select(func.count()).select_from(OrderItem)) == 2


def _with_capsule(ext: str, ref: Any, **over: Any) -> dict[str, Any]:
    rec = good(ext, **over)
    rec["items"][0]["properties"] = [
        {"code": "size", "name": "Размер", "value": "128"},
        {"code": "capsule", "name": "Капсула", "value": ref},
    ]
    return rec


def _lines(db_url: str, external_id: str) -> list[tuple[str | None, bool]]:
    with session_scope(db_url) as s:
        return [
            (ref, cross)
            for ref, cross in s.execute(
                select(Capsule.external_id, OrderItem.is_cross_sell)
                .select_from(OrderItem)
                .join(Order, Order.id == OrderItem.order_id)
                .outerjoin(Capsule, Capsule.id == OrderItem.capsule_id)
                .where(Order.external_id == external_id)
                .order_by(OrderItem.id)
            ).tuples()
        ]


@pytest.mark.parametrize("per_record", [False, True], ids=["bulk", "per-record"])
def test_item_capsule_from_properties_is_stored_and_unknown_one_only_warned(
    db_url: str, catalog, monkeypatch: pytest.MonkeyPatch, per_record: bool
) -> None:
    if per_record:  # the path re-imports and repeats take
        monkeypatch.setattr(bulk_intake, "can_create", lambda _session, run_robot: False)
    with session_scope(db_url) as s:
        s.add(Capsule(external_id="CAPS-1", name="Школа, мальчик 7–9", audience=Audience.BOY))
    # a comment sends "stray" to the queue: its items may still be replaced by a re-import
    stray = _with_capsule("stray", "CAPS-X", customerComment="позвоните")
    summary = run(db_url, [_with_capsule("known", "CAPS-1"), stray])
    assert summary.created == 2 and summary.rejected == []
    # the capsule the site named, not a cross-sell (nobody offered it during a call)
    assert _lines(db_url, "known") == [("CAPS-1", False), (None, False)]
    assert _lines(db_url, "stray") == [(None, False), (None, False)]
    assert summary.as_json()["warnings"] == [
        {
            "index": 1,
            "externalId": "stray",
            "warnings": {
                "items[0].properties.capsule": "unknown capsule 'CAPS-X'; the item is kept"
                " without it"
            },
        }
    ]
    with session_scope(db_url) as s:
        assert s.scalar(select(func.count()).select_from(DeadLetter)) == 0

    # the capsule reaches the feed later and the site sends the order again: the line learns it
    with session_scope(db_url) as s:
        s.add(Capsule(external_id="CAPS-X", name="Праздник", audience=Audience.GIRL))
    again = run(db_url, [_with_capsule("known", "CAPS-1"), stray])
    assert (again.updated, again.unchanged, again.warnings) == (1, 1, [])
    assert _lines(db_url, "stray")[0] == ("CAPS-X", False)


def test_cli_import_reports_an_unknown_capsule_and_still_exits_0(
    db_url: str, catalog, tmp_path: Path, capsys
) -> None:
    path = tmp_path / "orders.json"
    path.write_text(json.dumps([_with_capsule("c1", "CAPS-?")], ensure_ascii=False), "utf-8")
    assert cli(["--database-url", db_url, "orders", "import", str(path)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["created"] == 1 and out["rejected"] == []
    assert (
        "unknown capsule 'CAPS-?'" in out["warnings"][0]["warnings"]["items[0].properties.capsule"]
    )
