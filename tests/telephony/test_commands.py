"""Commands to the PBX against the emulator: click-to-call (signed, never retried), hang-up,
recordings (single-use links), and the documented errors (429, 3102 then 401 lockout)."""

from __future__ import annotations

import time

import pytest
import requests
from sqlalchemy import select

from app.db import session_scope
from app.telephony import (
    DemoPbx,
    calls_for_order,
    current_call,
    dial,
    fetch_recording,
    hang_up,
)
from integrations.telephony.base import AuthLocked, CommandRejected, RateLimited
from integrations.telephony.mango import MangoClient, sign, signed_form
from models import Call, TelephonyCommand


def test_click_to_call_sends_a_signed_command_and_logs_the_call(
    db_url: str, people: dict[str, int], pbx: DemoPbx
) -> None:
    result = dial(
        db_url,
        pbx.provider,
        people["op"],
        "8 (916) 123-45-67",
        order_id=people["order"],
        customer_id=people["customer"],
    )
    assert pbx.emulator.wait_idle()
    (sent,) = [e for e in pbx.emulator.journal if e.path == "commands/callback"]
    assert sent.verified and sent.status == 200  # the emulator checked sha256(key+json+salt)
    assert sent.document == {
        "command_id": result.command_id,
        "from": {"extension": "101"},
        "to_number": "79161234567",
        "line_number": pbx.emulator.line_number,
    }
    with session_scope(db_url) as s:
        (row,) = calls_for_order(s, people["order"])
        assert (row.direction, row.result, row.operator_id, row.customer_id) == (
            "outbound",
            "answered",
            people["op"],
            people["customer"],
        )
        assert row.talk_seconds == 15 and row.has_recording
        command = s.scalar(
            select(TelephonyCommand).where(TelephonyCommand.command_id == result.command_id)
        )
        assert command is not None and (command.status, command.result) == ("done", 1000)


def test_a_rate_limited_callback_is_reported_and_not_retried(
    db_url: str, people: dict[str, int], pbx: DemoPbx
) -> None:
    pbx.emulator.force("commands/callback", 429)
    with pytest.raises(RateLimited, match="rate limit"):
        dial(db_url, pbx.provider, people["op"], "+79161234567")
    assert [e.status for e in pbx.emulator.journal if e.path == "commands/callback"] == [429]
    with session_scope(db_url) as s:
        (command,) = s.scalars(select(TelephonyCommand)).all()
        assert command.status == "failed" and "rate limit" in (command.error or "")
        assert s.scalars(select(Call)).all() == []


def test_bad_signature_gets_3102_then_the_key_is_locked_with_401(
    db_url: str, people: dict[str, int], pbx: DemoPbx
) -> None:
    forged = MangoClient(pbx.provider.api_key, "wrong-salt", pbx.emulator.base_url)
    with pytest.raises(CommandRejected, match="signature mismatch"):
        forged.click_to_call("x1", "101", "79161234567")
    with pytest.raises(AuthLocked, match="blocked the API key"):
        forged.click_to_call("x2", "101", "79161234567")
    # while locked, even a correct request is refused
    with pytest.raises(AuthLocked):
        pbx.provider.click_to_call("x3", "101", "79161234567")
    pbx.emulator.clear_lockout()
    assert pbx.provider.click_to_call("x4", "101", "79161234567").result == 1000
    pbx.emulator.wait_idle()


def test_recording_is_fetched_on_demand_through_a_single_use_link(
    db_url: str, people: dict[str, int], pbx: DemoPbx
) -> None:
    pbx.ring("+79161234567", "101", talk_seconds=10)
    with session_scope(db_url) as s:
        call = s.scalars(select(Call)).one()
        call_id, recording_id = call.id, call.recording_id
    assert recording_id
    pbx.provider._sleep = lambda _s: None
    pbx.emulator.force("queries/recording/post", 503)  # one overload: retried, then served
    first = fetch_recording(db_url, pbx.provider, call_id)
    assert first.content[:4] == b"RIFF" and first.content_type == "audio/wav"
    assert fetch_recording(db_url, pbx.provider, call_id).content == first.content
    # the link itself works once
    form = signed_form(
        pbx.provider.api_key,
        pbx.provider._salt,
        {"recording_id": recording_id, "action": "download"},
    )
    answer = requests.post(
        pbx.emulator.base_url + "queries/recording/post",
        data=form,
        allow_redirects=False,
        timeout=5,
    )
    assert answer.status_code == 302
    link = answer.headers["Location"]
    assert requests.get(link, timeout=5).status_code == 200
    assert requests.get(link, timeout=5).status_code == 404


def test_hang_up_ends_the_operators_live_call(
    db_url: str, people: dict[str, int], pbx: DemoPbx
) -> None:
    pbx.emulator.pace = 0.01  # real time ×0.01: the 1000 s talk would take 10 s
    pbx.ring("+79161234567", "101", ring_seconds=1, talk_seconds=1000, wait=False)
    deadline = time.monotonic() + 30
    live = None
    while time.monotonic() < deadline:
        with session_scope(db_url) as s:
            live = current_call(s, people["op"])
        if live is not None and live.state == "talking":
            break
        time.sleep(0.02)
    assert live is not None and live.state == "talking" and live.customer_id == people["customer"]
    assert hang_up(db_url, pbx.provider, people["op"])
    assert pbx.emulator.wait_idle(30)
    with session_scope(db_url) as s:
        call = s.scalars(select(Call)).one()
        assert call.disconnect_reason == 1181 and call.result == "answered"
        assert call.answered_at is not None and call.ended_at is not None
        assert (call.ended_at - call.answered_at).total_seconds() < 1000
        assert current_call(s, people["op"]) is None
        hangups = s.scalars(select(TelephonyCommand).where(TelephonyCommand.kind == "hangup")).all()
        assert [h.status for h in hangups] == ["done"]


def test_sign_is_sha256_of_key_json_salt() -> None:
    import hashlib

    text = '{"command_id":"cc-7f3a","from":{"extension":"101"},"to_number":"79001234567"}'
    assert sign("key", text, "salt") == hashlib.sha256(("key" + text + "salt").encode()).hexdigest()
    form = signed_form("key", "salt", {"a": "ё"})
    assert form["json"] == '{"a":"ё"}' and form["sign"] == sign("key", '{"a":"ё"}', "salt")


def test_a_callback_whose_answer_is_lost_is_uncertain_and_never_resent(
    db_url: str, people: dict[str, int]
) -> None:
    import threading

    from integrations.telephony.base import CommandUncertain
    from integrations.telephony.http_server import ServerThread

    hits: list[str] = []
    release = threading.Event()

    def slow_pbx(environ: dict, start_response: object) -> list[bytes]:
        hits.append(environ["PATH_INFO"])
        release.wait(5)  # the command "runs" but the answer comes too late
        start_response("200 OK", [("Content-Length", "15")])  # type: ignore[operator]
        return [b'{"result":1000}']

    server = ServerThread(slow_pbx, name="slow-pbx").start()
    try:
        client = MangoClient("k", "s", server.url + "/vpbx/", timeout=(1.0, 0.3))
        with pytest.raises(CommandUncertain, match="before dialling again"):
            dial(db_url, client, people["op"], "+79161234567")
    finally:
        release.set()
        server.stop()
    assert hits == ["/vpbx/commands/callback"]
    with session_scope(db_url) as s:
        (command,) = s.scalars(select(TelephonyCommand)).all()
        assert command.status == "uncertain"


def test_unreachable_pbx_is_a_clear_error(db_url: str, people: dict[str, int]) -> None:
    from integrations.telephony.base import TelephonyError

    client = MangoClient("k", "s", "http://127.0.0.1:9/vpbx/")
    with pytest.raises(TelephonyError, match="unreachable"):
        dial(db_url, client, people["op"], "+79161234567")


def test_click_to_call_reports_each_state_to_the_operator(
    db_url: str, people: dict[str, int], pbx: DemoPbx
) -> None:
    from tests.telephony.conftest import events

    dial(db_url, pbx.provider, people["op"], "+79161234567")
    assert pbx.emulator.wait_idle()
    states = events(db_url, "telephony.call_state")
    assert {e["operator_id"] for e in states} == {people["op"]}
    own = [e["state"] for e in states if e["own_phone"]]
    to_customer = [e["state"] for e in states if not e["own_phone"]]
    assert own == to_customer == ["ringing", "talking", "ended"]
    assert {e["number"] for e in states} == {"79161234567"}
    assert events(db_url, "telephony.screen_pop") == []  # outbound: the console already knows
