"""Mango posts webhooks in parallel: the same events delivered concurrently, shuffled and
duplicated, must give the same call log as one orderly delivery."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import requests
from sqlalchemy import func, select

from app.db import session_scope
from app.telephony import DemoPbx, calls_for_customer, missed_callbacks
from integrations.telephony.emulator import MangoEmulator
from integrations.telephony.mango import signed_form
from models import CallLeg


def test_parallel_shuffled_duplicated_delivery(
    db_url: str, people: dict[str, int], pbx: DemoPbx
) -> None:
    key, salt = pbx.provider.api_key, pbx.provider._salt
    # an emulator that only collects what it would post (no webhook URL), never started
    collector = MangoEmulator(key, salt, None, shuffle=True, duplicate=True, seed=3)
    try:
        collector.ring("+79161234567", "101", talk_seconds=25)
        collector.ring("89161234567", "101", answer=False)
        collector.ring("9161234567", "102", talk_seconds=5)
    finally:
        collector._server.stop()
    deliveries = [(path, doc) for path, doc, _ in collector.posted]
    assert len(deliveries) > 30

    def post(item: tuple[str, dict]) -> int:
        path, doc = item
        form = signed_form(key, salt, doc)
        return requests.post(f"{pbx.receiver.url}/{path}", data=form, timeout=30).status_code

    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(post, deliveries))
    assert set(statuses) == {200}
    assert pbx.receiver.app.stats["dead"] == 0
    with session_scope(db_url) as s:
        log = calls_for_customer(s, people["customer"])
        summary = sorted((r.operator_id, r.result, r.talk_seconds, r.has_recording) for r in log)
        assert summary == sorted(
            [
                (people["op"], "answered", 25.0, True),
                (people["op"], "missed", None, False),
                (people["op2"], "answered", 5.0, True),
            ]
        )
        assert all(r.state == "ended" for r in log)
        assert len(missed_callbacks(s)) == 1
        # every leg folded to its last event, whatever order the deliveries committed in
        assert set(s.scalars(select(CallLeg.state))) == {"ended"}
        assert s.scalar(select(func.count()).select_from(CallLeg)) == 6
