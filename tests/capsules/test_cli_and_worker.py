"""``okno capsules import|list``, ``okno kpi upsell`` and the worker's scheduled feed pull."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from app.capsules.feed_schedule import FeedSchedule
from app.cli import main as cli
from app.clock import FixedClock
from app.db import session_scope
from app.worker import Worker
from models import Capsule, CapsuleFeed
from tests import factories as f
from tests.capsules import world as W
from tests.capsules.feed_server import FeedState, serve
from tests.capsules.test_feed_import import _catalogue, _party, _school
from tests.capsules.test_upsell import _move, _sell


def test_capsules_import_file_and_list(db_url: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    _catalogue(db_url)
    feed = tmp_path / "feed.json"
    bad = {"id": "CAPS-BAD", "name": "Плохая", "items": [{"product": "NOPE"}]}
    feed.write_text(json.dumps({"capsules": [_school(), _party(), bad]}), encoding="utf-8")
    code = cli(["--database-url", db_url, "capsules", "import", str(feed)])
    out = capsys.readouterr().out
    assert code == 3  # partial success: one record rejected
    assert "2 new, 0 updated, 0 unchanged, 0 retired; 1 rejected" in out
    assert "CAPS-BAD: items[0].product: unknown product 'NOPE'" in out
    assert cli(["--database-url", db_url, "capsules", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(c["id"], c["items"]) for c in listed] == [("CAPS-PARTY", 2), ("CAPS-SCHOOL", 3)]
    assert cli(["--database-url", db_url, "capsules", "import", str(tmp_path / "nope")]) == 1
    assert "No such file" in capsys.readouterr().out


def test_kpi_upsell_cli(db_url: str, capsys) -> None:  # type: ignore[no-untyped-def]
    clock = FixedClock(f.T0)
    w, order_id = _sell(db_url, clock)
    _move(db_url, order_id, w, clock, "shipped", "completed")
    day = W.TODAY.isoformat()
    assert cli(["--database-url", db_url, "kpi", "upsell", "--from", day, "--to", day]) == 0
    out = capsys.readouterr().out
    assert "Ольга" in out and "1349.10" in out and "50%" in out
    assert "Школа, мальчик 7–9" in out
    args = ["--database-url", db_url, "kpi", "upsell", "--from", day, "--to", day, "--json"]
    assert cli(args) == 0
    doc = json.loads(capsys.readouterr().out)
    (row,) = doc["operators"]
    assert row == {
        "operator_id": w.operator,
        "operator": "Ольга",
        "offers_made": 2,
        "accepted": 1,
        "acceptance_rate": 0.5,
        "pending": "0.00",
        "earned": "1349.10",
        "reversed": "0.00",
        "top_capsules": [{"capsule": "Школа, мальчик 7–9", "amount": "1349.10"}],
    }
    assert (
        cli(["--database-url", db_url, "kpi", "upsell", "--from", day, "--to", "2026-01-01"]) == 2
    )


def test_worker_pulls_the_feed_on_schedule(db_url: str) -> None:
    _catalogue(db_url)
    state = FeedState()
    state.publish([_school()])
    clock = FixedClock(f.T0)
    with serve(state) as url:
        worker = Worker(db_url, clock, capsule_feed=FeedSchedule(url))
        assert worker.run_once().errors == []
        assert [st for _, st in state.requests] == [200]
        worker.run_once()  # not due yet: no request at all
        assert len(state.requests) == 1
        clock.advance(minutes=61)
        worker.run_once()
        assert [st for _, st in state.requests] == [200, 304]
        with session_scope(db_url) as s:
            assert s.scalars(select(Capsule.external_id)).all() == ["CAPS-SCHOOL"]
            assert s.get(CapsuleFeed, url).last_result == "not modified"
        state.fail_next = 5
        clock.advance(minutes=61)
        report = worker.run_once()
        assert report.errors and "capsule_feed: FeedUnavailable" in report.errors[0]
        with session_scope(db_url) as s:
            assert s.get(CapsuleFeed, url).last_result.startswith("error: ")
        worker.run_once()  # the failure waits a full interval too
        assert len(state.requests) == 4
