"""Inbound calls end to end: emulator → webhook receiver → database → outbox."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.db import session_scope
from app.telephony import DemoPbx, calls_for_customer, current_call, missed_callbacks
from models import Call, CallEvent, OutboxEvent
from tests.telephony.conftest import events


@pytest.mark.parametrize(
    "caller",
    [
        "79161234567",
        "+79161234567",
        "89161234567",
        "9161234567",
        "0079161234567",
        "+7 (916) 123-45-67",
        "1234567",  # a truncated caller ID: the last digits still find her
    ],
)
def test_inbound_call_pops_the_customer_before_answer(
    db_url: str, people: dict[str, int], pbx: DemoPbx, caller: str
) -> None:
    pbx.ring(caller, "101", answer=True, talk_seconds=42)
    pops = events(db_url, "telephony.screen_pop")
    assert len(pops) == 1
    pop = pops[0]
    assert pop["operator_id"] == people["op"]
    assert pop["extension"] == "101"
    assert pop["number"] == caller
    assert pop["customer_id"] == people["customer"]
    assert pop["customer_name"] == "Иванова Мария"
    assert pop["open_order_ids"] == [people["order"]]
    assert pop["e164"] == "+79161234567"
    assert pop["match"] == ("suffix" if caller == "1234567" else "exact")
    with session_scope(db_url) as s:
        # the pop was committed before the answer: its outbox id precedes the talking state
        ids = {
            (e.topic, e.payload.get("state")): e.id
            for e in s.scalars(select(OutboxEvent).order_by(OutboxEvent.id))
        }
        assert ids[("telephony.screen_pop", None)] < ids[("telephony.call_state", "talking")]
        log = calls_for_customer(s, people["customer"])
        assert len(log) == 1
        row = log[0]
        assert (row.direction, row.result, row.operator_id) == (
            "inbound",
            "answered",
            people["op"],
        )
        assert row.order_id == people["order"]
        assert row.talk_seconds == 42
        assert row.wait_seconds == 5  # 1 s in the IVR + 4 s ringing
        assert row.has_recording
        assert current_call(s, people["op"]) is None


def test_unknown_caller_pops_a_new_customer_form(
    db_url: str, people: dict[str, int], pbx: DemoPbx
) -> None:
    pbx.ring("8 (903) 555-12-34", "102", answer=False)
    (pop,) = events(db_url, "telephony.screen_pop")
    assert pop["operator_id"] == people["op2"]
    assert pop["customer_id"] is None and pop["candidates"] == []
    assert pop["e164"] == "+79035551234"


def test_missed_call_becomes_a_callback_to_make(
    db_url: str, people: dict[str, int], pbx: DemoPbx
) -> None:
    pbx.ring("+79161234567", "101", answer=False)
    (missed,) = events(db_url, "telephony.missed_call")
    assert missed["customer_id"] == people["customer"]
    with session_scope(db_url) as s:
        todo = missed_callbacks(s)
        assert [r.id for r in todo] == [missed["call_id"]]
        assert todo[0].result == "missed" and todo[0].talk_seconds is None
        assert not todo[0].has_recording
    # calling the customer back (answered) takes it off the list
    pbx.emulator.unanswered_numbers.clear()
    from app.telephony import dial

    dial(db_url, pbx.provider, people["op"], "+7 916 123-45-67")
    assert pbx.emulator.wait_idle()
    with session_scope(db_url) as s:
        assert missed_callbacks(s) == []


@pytest.mark.parametrize("mode", ["shuffled", "duplicated"])
def test_replayed_and_shuffled_events_give_the_same_call_log(
    db_url: str, people: dict[str, int], pbx: DemoPbx, mode: str
) -> None:
    pbx.ring("+79161234567", "101", talk_seconds=30)
    pbx.ring("+79161234567", "101", answer=False)
    with session_scope(db_url) as s:
        ordered = [_key(r) for r in calls_for_customer(s, people["customer"])]
    pbx.emulator.shuffle = True
    pbx.emulator.duplicate = mode == "duplicated"
    pbx.ring("+79161234567", "101", talk_seconds=30)
    pbx.ring("+79161234567", "101", answer=False)
    with session_scope(db_url) as s:
        rows = calls_for_customer(s, people["customer"])
        assert [_key(r) for r in rows[:2]] == ordered
        # replaying every delivery once more changes nothing
        before = s.scalar(select(func.count()).select_from(CallEvent))
    for path, doc, _status in list(pbx.emulator.posted):
        pbx.emulator._post(path, doc)
    with session_scope(db_url) as s:
        assert s.scalar(select(func.count()).select_from(CallEvent)) == before
        assert [_key(r) for r in calls_for_customer(s, people["customer"])][:2] == ordered
        assert s.scalar(select(func.count()).select_from(Call)) == 4
    assert len(events(db_url, "telephony.screen_pop")) <= 4
    assert len(events(db_url, "telephony.missed_call")) == 2


def _key(row: object) -> tuple[object, ...]:
    return tuple(
        getattr(row, n)
        for n in (
            "direction",
            "result",
            "operator_id",
            "order_id",
            "customer_id",
            "wait_seconds",
            "talk_seconds",
            "has_recording",
            "number",
        )
    )
