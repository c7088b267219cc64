"""The webhook receiver's guards: signatures, body bound, loose types, dead letters."""

from __future__ import annotations

import requests
from sqlalchemy import func, select

from app.db import session_scope
from app.telephony import DemoPbx
from integrations.telephony.mango import dumps, sign
from models import Call, CallEvent, DeadLetter, OutboxEvent

DOC = {
    "entry_id": "232wc3e3w3s222",
    "call_id": "100:500:256",
    "timestamp": "1399906976",
    "seq": "1",
    "location": "abonent",
    "call_state": "Appeared",
    "from": {"number": "79161234567"},
    "to": {"extension": 101},
}


def _post(
    pbx: DemoPbx, path: str, doc: object, *, salt: str | None = None, text: str | None = None
) -> requests.Response:
    key = pbx.provider.api_key
    body = text if text is not None else dumps(doc)  # type: ignore[arg-type]
    form = {"vpbx_api_key": key, "sign": sign(key, body, salt or pbx.provider._salt), "json": body}
    return requests.post(f"{pbx.receiver.url}/{path}", data=form, timeout=5)


def _counts(db_url: str) -> tuple[int, int, int]:
    with session_scope(db_url) as s:
        return (
            s.scalar(select(func.count()).select_from(CallEvent)) or 0,
            s.scalar(select(func.count()).select_from(Call)) or 0,
            s.scalar(select(func.count()).select_from(OutboxEvent)) or 0,
        )


def test_forged_signature_is_refused_and_nothing_is_stored(
    db_url: str, people: dict[str, int], pbx: DemoPbx
) -> None:
    before = _counts(db_url)
    answer = _post(pbx, "events/call", DOC, salt="not-our-salt")
    assert answer.status_code == 403
    missing = requests.post(f"{pbx.receiver.url}/events/call", data={"json": dumps(DOC)}, timeout=5)
    assert missing.status_code == 403
    assert _counts(db_url) == before
    assert pbx.receiver.app.stats["refused"] == 2


def test_body_size_is_bounded(db_url: str, people: dict[str, int], pbx: DemoPbx) -> None:
    big = {**DOC, "junk": "x" * 100_000}
    assert _post(pbx, "events/call", big).status_code == 413
    assert _counts(db_url)[0] == 0


def test_string_and_integer_variants_are_the_same_event(
    db_url: str, people: dict[str, int], pbx: DemoPbx
) -> None:
    assert _post(pbx, "events/call", DOC).status_code == 200
    as_ints = {**DOC, "seq": 1, "timestamp": 1399906976, "to": {"extension": "101"}}
    assert _post(pbx, "mango/events/call", as_ints).status_code == 200  # any prefix before the path
    assert pbx.receiver.app.stats == {"accepted": 1, "duplicate": 1, "refused": 0, "dead": 0}
    with session_scope(db_url) as s:
        call = s.scalars(select(Call)).one()
        assert (call.operator_id, call.customer_id, call.state) == (
            people["op"],
            people["customer"],
            "ringing",
        )


def test_signed_but_unusable_documents_go_to_dead_letters(
    db_url: str, people: dict[str, int], pbx: DemoPbx
) -> None:
    assert _post(pbx, "events/call", None, text="{not json").status_code == 200
    assert _post(pbx, "events/call", {**DOC, "call_state": "Exploded"}).status_code == 200
    with session_scope(db_url) as s:
        letters = s.scalars(select(DeadLetter).order_by(DeadLetter.id)).all()
        assert [d.source for d in letters] == ["mango.webhook"] * 2
        assert "call_state" in letters[1].errors["error"]
        assert letters[0].raw_payload == "{not json"
    assert _counts(db_url)[:2] == (0, 0)


def test_recording_added_before_the_summary_is_kept(
    db_url: str, people: dict[str, int], pbx: DemoPbx
) -> None:
    added = {
        "entry_id": "E1",
        "product_id": 1,
        "user_id": -1,
        "timestamp": 1578664187,
        "recording_id": "R1",
    }
    assert _post(pbx, "events/record/added", added).status_code == 200
    summary = {
        "entry_id": "E1",
        "call_direction": 1,
        "from": {"number": "+79161234567"},
        "to": {"extension": "101"},
        "create_time": 1578664100,
        "forward_time": 1578664105,
        "talk_time": 1578664110,
        "end_time": 1578664180,
        "entry_result": 1,
        "disconnect_reason": 1100,
    }
    assert _post(pbx, "events/summary", summary).status_code == 200
    assert _post(pbx, "events/summary", summary).status_code == 200
    with session_scope(db_url) as s:
        call = s.scalars(select(Call)).one()
        assert (call.recording_id, call.result, call.operator_id, call.customer_id) == (
            "R1",
            "answered",
            people["op"],
            people["customer"],
        )
        assert (call.ended_at - call.answered_at).total_seconds() == 70


def test_late_appeared_still_pops_once_while_the_call_is_live(
    db_url: str, people: dict[str, int], pbx: DemoPbx
) -> None:
    from tests.telephony.conftest import events

    connected = {**DOC, "seq": 2, "call_state": "Connected", "timestamp": 1399906980}
    assert _post(pbx, "events/call", connected).status_code == 200
    assert _post(pbx, "events/call", DOC).status_code == 200  # Appeared arrives late
    (pop,) = events(db_url, "telephony.screen_pop")
    assert pop["customer_id"] == people["customer"] and pop["operator_id"] == people["op"]
    # after the end, a stray Appeared of another leg pops nothing
    ended = {**DOC, "call_id": "other", "seq": 2, "call_state": "Disconnected"}
    assert _post(pbx, "events/call", ended).status_code == 200
    assert _post(pbx, "events/call", {**DOC, "call_id": "other"}).status_code == 200
    assert len(events(db_url, "telephony.screen_pop")) == 1
