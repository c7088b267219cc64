"""Merging a duplicate into the customer kept: every kind of related row moves, in one
transaction; the duplicate stays as an audit record saying who merged and when."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

import models
from app.actors import Actor
from app.cli import main
from app.clock import FixedClock
from app.customers import merge as merge_module
from app.customers.errors import CustomerVersionConflict, MergeRefused
from app.customers.identity import lookup_phone
from app.customers.merge import merge_customers
from app.customers.search import search
from app.customers.timeline import timeline
from app.db import session_scope
from models import (
    Call,
    Channel,
    Child,
    Conversation,
    Customer,
    CustomerNote,
    CustomerPhone,
    CustomerTag,
    DeliveryState,
    Direction,
    Message,
    Order,
    OutboxEvent,
    PromoCode,
    Task,
)
from tests import factories as f

WHEN = f.T0 + dt.timedelta(days=3)


def _related(s: Any, keep: models.Customer, dup: models.Customer) -> None:
    """One of every kind of row that belongs to a customer, on both (some of them alike)."""
    off = f.offer(s, "700")
    for c, n in ((keep, 1), (dup, 2)):
        for k in range(n):
            f.order(s, [(off, 1)], customer_obj=c, created_at=f.T0 + dt.timedelta(hours=k))
    s.add_all(
        [
            CustomerPhone(customer_id=dup.id, raw="8 916 000-00-01", e164="+79160000001",
                          tail10="9160000001", is_primary=True),
            CustomerTag(customer_id=keep.id, tag="vip"),
            CustomerTag(customer_id=dup.id, tag="vip"),
            CustomerTag(customer_id=dup.id, tag="опт"),
            CustomerNote(customer_id=dup.id, text="звонить после 18"),
            Call(external_id="call-1", direction=Direction.INBOUND, customer_id=dup.id,
                 started_at=f.T0),
            Task(kind="callback", title="перезвонить", customer_id=dup.id),
        ]
    )  # fmt: skip
    twin_keep = Child(customer_id=keep.id, name="Маша", birth_date=dt.date(2019, 3, 1))
    twin_dup = Child(customer_id=dup.id, name="маша ", birth_date=dt.date(2019, 3, 1))
    other = Child(customer_id=dup.id, name="Петя", birth_date=dt.date(2021, 7, 9))
    s.add_all([twin_keep, twin_dup, other])
    s.flush()
    s.add(PromoCode(code="BD-TWIN", discount_pct=Decimal("10"), customer_id=dup.id,
                    child_id=twin_dup.id, reason="birthday"))  # fmt: skip
    conv = Conversation(channel=Channel.TELEGRAM, external_chat_id="tg-1", customer_id=dup.id)
    s.add(conv)
    s.flush()
    s.add(Message(conversation_id=conv.id, direction=Direction.INBOUND, body="привет",
                  delivery_state=DeliveryState.RECEIVED))  # fmt: skip
    s.flush()


@pytest.fixture
def pair(db_url: str) -> dict[str, Any]:
    with session_scope(db_url) as s:
        user = f.user(s, login="lead", name="Старший смены")
        keep = f.customer(s, phone="+79161234567", first_name="Анна", last_name="Петрова")
        dup = f.customer(
            s,
            phone="8 916 123-45-67",  # the same number as the kept customer's
            first_name="Аня",
            last_name="Петрова",
            email="anya@example.com",
            email_normalized="anya@example.com",
        )
        _related(s, keep, dup)
        return {
            "keep": keep.id,
            "dup": dup.id,
            "actor": Actor(user.id, user.role.value, user.name),
        }


def _references(s: Any, customer_id: int) -> dict[str, int]:
    """Rows in every table with a foreign key to customers that point at ``customer_id``."""
    found = {}
    for table in models.Base.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table.name == "customers":
                n = s.scalar(
                    select(func.count()).select_from(table).where(fk.parent == customer_id)
                )
                if n:
                    found[f"{table.name}.{fk.parent.name}"] = n
    return found


def test_merge_moves_every_kind_of_related_row(db_url: str, pair: dict[str, Any]) -> None:
    keep, dup, actor = pair["keep"], pair["dup"], pair["actor"]
    with session_scope(db_url) as s:
        before = _references(s, dup)
        versions = dict(
            s.execute(select(Order.id, Order.version).where(Order.customer_id == dup))
            .tuples()
            .all()
        )
    # the fixture really gives the duplicate one of everything
    assert set(before) == {
        "orders.customer_id", "customer_phones.customer_id", "children.customer_id",
        "customer_tags.customer_id", "customer_notes.customer_id", "calls.customer_id",
        "conversations.customer_id", "promo_codes.customer_id", "tasks.customer_id",
    }  # fmt: skip

    with session_scope(db_url) as s:
        result = merge_customers(s, keep, dup, actor, FixedClock(WHEN))

    assert result.moved["orders.customer_id"] == 2
    assert result.dropped_phones == ("+79161234567",)
    assert result.merged_children == 1 and "email" in result.filled
    with session_scope(db_url) as s:
        assert _references(s, dup) == {}  # nothing points at the duplicate any more
        b = s.get(Customer, dup)
        a = s.get(Customer, keep)
        assert b is not None and a is not None
        assert (b.merged_into_id, b.merged_at, b.merged_by_id) == (keep, WHEN, actor.user_id)
        assert a.email_normalized == "anya@example.com" and a.first_name == "Анна"
        assert a.version == 2 and b.version == 2
        assert sorted(
            s.scalars(select(CustomerPhone.e164).where(CustomerPhone.customer_id == keep))
        ) == [
            "+79160000001",
            "+79161234567",
        ]
        assert sorted(
            s.scalars(select(CustomerTag.tag).where(CustomerTag.customer_id == keep))
        ) == [
            "vip",
            "опт",
        ]
        kids = s.execute(select(Child.id, Child.name).where(Child.customer_id == keep)).all()
        assert sorted(n for _, n in kids) == ["Маша", "Петя"]
        masha = next(i for i, n in kids if n == "Маша")
        assert s.scalar(select(PromoCode.child_id).where(PromoCode.code == "BD-TWIN")) == masha
        assert (
            s.scalar(
                select(func.count())
                .select_from(Message)
                .join(Conversation)
                .where(Conversation.customer_id == keep)
            )
            == 1
        )
        for oid, version in versions.items():
            assert s.scalar(select(Order.version).where(Order.id == oid)) == version + 1
        events = s.scalars(select(OutboxEvent).where(OutboxEvent.topic == "customer.merged")).all()
        assert sorted(e.aggregate_id for e in events) == sorted([keep, dup])
        assert all(
            e.actor_id == actor.user_id and e.payload["merged_by"] == "Старший смены"
            for e in events
        )
        assert all(e.payload["merged_at"] == WHEN.isoformat() for e in events)
        assert (
            s.scalar(
                select(func.count())
                .select_from(OutboxEvent)
                .where(OutboxEvent.topic == "order.customer_changed")
            )
            == 2
        )


def test_after_a_merge_the_duplicate_is_found_as_the_survivor(
    db_url: str, pair: dict[str, Any]
) -> None:
    keep, dup, actor = pair["keep"], pair["dup"], pair["actor"]
    with session_scope(db_url) as s:
        merge_customers(s, keep, dup, actor, FixedClock(WHEN))
    with session_scope(db_url) as s:
        assert [m.customer_id for m in lookup_phone(s, "8 916 000 00 01")] == [keep]
        assert [h.id for h in search(s, "петрова")] == [keep]
        page = timeline(s, keep)
        merge_items = [i for i in page.items if i.kind == "merge"]
        assert [(i.id, i.at, i.actor) for i in merge_items] == [(dup, WHEN, "Старший смены")]
        assert sum(1 for i in page.items if i.kind == "order") == 3
        audit = timeline(s, dup).items
        assert [(i.kind, i.other_customer_id) for i in audit] == [("merge", keep)]


def test_merge_is_one_transaction(
    db_url: str, pair: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    keep, dup, actor = pair["keep"], pair["dup"], pair["actor"]
    with session_scope(db_url) as s:
        before = _references(s, dup)

    def boom(*_a: object) -> int:
        raise RuntimeError("disk full")

    monkeypatch.setattr(merge_module, "_move_tags", boom)  # after orders, phones, children moved
    with pytest.raises(RuntimeError), session_scope(db_url) as s:
        merge_customers(s, keep, dup, actor, FixedClock(WHEN))
    with session_scope(db_url) as s:
        assert _references(s, dup) == before
        b = s.get(Customer, dup)
        assert b is not None and b.merged_into_id is None and b.version == 1
        assert (
            s.scalar(
                select(func.count())
                .select_from(OutboxEvent)
                .where(OutboxEvent.topic.like("%merged%"))
            )
            == 0
        )


def test_refusals(db_url: str, pair: dict[str, Any]) -> None:
    keep, dup, actor = pair["keep"], pair["dup"], pair["actor"]
    with pytest.raises(MergeRefused), session_scope(db_url) as s:
        merge_customers(s, keep, keep, actor, FixedClock(WHEN))
    with pytest.raises(CustomerVersionConflict), session_scope(db_url) as s:
        merge_customers(s, keep, dup, actor, FixedClock(WHEN), duplicate_version=7)
    with session_scope(db_url) as s:
        merge_customers(s, keep, dup, actor, FixedClock(WHEN), keep_version=1, duplicate_version=1)
    with pytest.raises(MergeRefused) as err, session_scope(db_url) as s:
        merge_customers(s, keep, dup, actor, FixedClock(WHEN))
    assert f"#{dup} was already merged into #{keep}" in str(err.value)
    with pytest.raises(MergeRefused), session_scope(db_url) as s:
        merge_customers(s, dup, keep, actor, FixedClock(WHEN))


def test_merge_chain_resolves_to_the_last_survivor(db_url: str, pair: dict[str, Any]) -> None:
    keep, dup, actor = pair["keep"], pair["dup"], pair["actor"]
    with session_scope(db_url) as s:
        third = f.customer(s, phone="+79035550000", first_name="Анна").id
        merge_customers(s, keep, dup, actor, FixedClock(WHEN))
    with session_scope(db_url) as s:
        merge_customers(s, third, keep, actor, FixedClock(WHEN + dt.timedelta(hours=1)))
    with session_scope(db_url) as s:
        from app.customers.records import survivor_id

        assert survivor_id(s, dup) == third
        assert _references(s, dup) == {} and _references(s, keep) == {"customers.merged_into_id": 1}


def test_cli_merge(db_url: str, pair: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    keep, dup = pair["keep"], pair["dup"]
    code = main(
        ["--database-url", db_url, "customers", "merge", str(keep), str(dup), "--user", "lead",
         "--json", "--now", WHEN.isoformat()]
    )  # fmt: skip
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["kept_id"], out["merged_id"], out["merged_by"]) == (keep, dup, "Старший смены")
    assert out["moved"]["orders.customer_id"] == 2
    code = main(
        ["--database-url", db_url, "customers", "merge", str(keep), str(dup), "--user", "lead"]
    )
    assert code == 1
    assert "already merged" in capsys.readouterr().err
    code = main(
        ["--database-url", db_url, "customers", "merge", str(keep), "999", "--user", "nobody"]
    )
    assert code == 1
