"""The timeline: orders, status changes, calls, messages, notes and merges in one newest-first
list, keyset-paged without repeats or gaps; the profile in one call; the CLI."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from app.actors import Actor
from app.cli import main
from app.clock import FixedClock
from app.customers.attributes import add_note
from app.customers.errors import InvalidCustomerValue
from app.customers.merge import merge_customers
from app.customers.profile import customer_profile
from app.customers.timeline import timeline
from app.db import session_scope
from app.orders import workflow
from models import (
    Call,
    Channel,
    Child,
    Conversation,
    DeliveryState,
    Direction,
    Message,
    Role,
)
from tests import factories as f

H = dt.timedelta(hours=1)


@pytest.fixture
def story(db_url: str) -> dict[str, Any]:
    """A customer with one of everything, at known times (T0 + n hours)."""
    with session_scope(db_url) as s:
        boss = f.user(s, login="boss", role=Role.SUPERVISOR, name="Ирина")
        actor = Actor(boss.id, boss.role.value, boss.name)
        store = f.store(s)
        off = f.offer(s, "990", stock={store.id: 10})
        c = f.customer(s, first_name="Анна", consent_sms=True)
        dup = f.customer(s, phone="+79035550000", first_name="Аня")
        o1 = f.order(
            s, [(off, 1)], store_id=store.id, customer_obj=c, created_at=f.T0, number="A-1"
        )
        o2 = f.order(s, [(off, 2)], store_id=store.id, customer_obj=dup,
                     created_at=f.T0 + 2 * H, number="A-2")  # fmt: skip
        workflow.change_status(s, o1, "confirmed", actor, FixedClock(f.T0 + 1 * H))
        s.add(Call(external_id="c1", direction=Direction.INBOUND, customer_id=c.id,
                   started_at=f.T0 + 3 * H, answered_at=f.T0 + 3 * H,
                   ended_at=f.T0 + 3 * H + dt.timedelta(seconds=95), result="answered",
                   operator_id=boss.id))  # fmt: skip
        conv = Conversation(channel=Channel.TELEGRAM, external_chat_id="tg", customer_id=c.id)
        s.add(conv)
        s.flush()
        s.add(Message(conversation_id=conv.id, direction=Direction.INBOUND, body="где заказ?",
                      delivery_state=DeliveryState.RECEIVED, created_at=f.T0 + 4 * H))  # fmt: skip
        s.add(Child(customer_id=c.id, name="Маша", birth_date=dt.date(2019, 3, 1)))
        s.flush()
        add_note(s, c.id, "просила не звонить утром", actor, FixedClock(f.T0 + 5 * H))
        # same instant as the note: the merge ranks first among ties, then the note
        merge_customers(s, c.id, dup.id, actor, FixedClock(f.T0 + 5 * H))
        return {"customer": c.id, "dup": dup.id, "o1": o1.id, "o2": o2.id, "actor": actor}


def test_everything_newest_first(db_url: str, story: dict[str, Any]) -> None:
    with session_scope(db_url) as s:
        page = timeline(s, story["customer"])
    assert [(i.kind, i.at - f.T0) for i in page.items] == [
        ("merge", 5 * H),
        ("note", 5 * H),
        ("message", 4 * H),
        ("call", 3 * H),
        ("order", 2 * H),  # the duplicate's order, moved by the merge
        ("status", 1 * H),
        ("order", 0 * H),
    ]
    assert page.next_cursor is None
    merge, note, message, call, _o2, status, _o1 = page.items
    assert (merge.actor, merge.other_customer_id) == ("Ирина", story["dup"])
    assert (note.detail, note.actor) == ("просила не звонить утром", "Ирина")
    assert (message.channel, message.direction, message.detail) == (
        "telegram",
        "inbound",
        "где заказ?",
    )
    assert (call.detail, call.actor) == ("answered, 1:35", "Ирина")
    assert (status.order_number, status.status_from, status.status_to) == (
        "A-1",
        "new",
        "confirmed",
    )


def test_keyset_pages_cover_everything_once(db_url: str, story: dict[str, Any]) -> None:
    with session_scope(db_url) as s:
        full = [i.cursor for i in timeline(s, story["customer"]).items]
        seen: list[str] = []
        cursor = None
        while True:
            page = timeline(s, story["customer"], cursor=cursor, limit=2)
            seen.extend(i.cursor for i in page.items)
            if page.next_cursor is None:
                break
            cursor = page.next_cursor
    assert seen == full


def test_new_items_do_not_shift_later_pages(db_url: str, story: dict[str, Any]) -> None:
    with session_scope(db_url) as s:
        first = timeline(s, story["customer"], limit=3)
        add_note(s, story["customer"], "новая заметка", story["actor"], FixedClock(f.T0 + 9 * H))
        second = timeline(s, story["customer"], cursor=first.next_cursor, limit=3)
    assert [i.kind for i in second.items] == ["call", "order", "status"]


def test_ties_at_one_instant_are_broken_by_id(db_url: str) -> None:
    with session_scope(db_url) as s:
        c = f.customer(s)
        for n in range(5):
            add_note(
                s, c.id, f"заметка {n}", Actor(None, "robot", "robot", "system"), FixedClock(f.T0)
            )
        pages = [timeline(s, c.id, limit=2)]
        while pages[-1].next_cursor:
            pages.append(timeline(s, c.id, cursor=pages[-1].next_cursor, limit=2))
    texts = [i.detail for p in pages for i in p.items]
    assert texts == [f"заметка {n}" for n in (4, 3, 2, 1, 0)]


def test_bad_cursor_is_named(db_url: str, story: dict[str, Any]) -> None:
    with pytest.raises(InvalidCustomerValue) as err, session_scope(db_url) as s:
        timeline(s, story["customer"], cursor="yesterday")
    assert "'yesterday'" in str(err.value)


def test_profile_in_one_call(db_url: str, story: dict[str, Any]) -> None:
    with session_scope(db_url) as s:
        p = customer_profile(s, story["customer"], FixedClock(f.T0 + 6 * H))
        audit = customer_profile(s, story["dup"], FixedClock(f.T0 + 6 * H))
        followed = customer_profile(s, story["dup"], FixedClock(f.T0), follow_merges=True)
    assert (p.name, p.version, p.merged_from) == ("Петрова Анна", 3, (story["dup"],))
    assert [ph.e164 for ph in p.phones] == ["+79161234567", "+79035550000"]
    assert [(c.name, c.age_years) for c in p.children] == [("Маша", 7)]
    assert p.metrics.order_count == 2 and len(p.timeline.items) == 7
    assert [n.text for n in p.notes] == ["просила не звонить утром"]
    assert (audit.merged_into_id, audit.merged_by) == (story["customer"], "Ирина")
    assert followed.id == story["customer"]
    data = p.as_json()
    json.dumps(data)  # plain JSON all the way down
    assert data["metrics"]["order_count"] == 2 and data["children"][0]["age_years"] == 7


def test_cli_find_show_timeline(
    db_url: str, story: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database-url", db_url, "customers", "find", "анна петрова", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [(h["id"], h["phones"][0], h["metrics"]["order_count"]) for h in found] == [
        (story["customer"], "+79161234567", 2)
    ]
    assert main(["--database-url", db_url, "customers", "find", "8 903 555 00 00"]) == 0
    assert f"#{story['customer']}" in capsys.readouterr().out
    assert (
        main(["--database-url", db_url, "customers", "show", str(story["customer"]), "--json"]) == 0
    )
    assert json.loads(capsys.readouterr().out)["id"] == story["customer"]
    assert main(["--database-url", db_url, "customers", "show", str(story["customer"])]) == 0
    assert "Маша" in capsys.readouterr().out
    args = [
        "--database-url",
        db_url,
        "customers",
        "timeline",
        str(story["customer"]),
        "--limit",
        "4",
        "--json",
    ]
    assert main(args) == 0
    page = json.loads(capsys.readouterr().out)
    assert len(page["items"]) == 4 and page["next_cursor"]
    assert main([*args, "--cursor", page["next_cursor"]]) == 0
    assert len(json.loads(capsys.readouterr().out)["items"]) == 3
    assert main(["--database-url", db_url, "customers", "show", "99999"]) == 1
    assert "not found" in capsys.readouterr().err
