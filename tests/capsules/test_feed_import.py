"""The capsule feed: import from a real loopback HTTP server and from a file; bad records and
unknown products kept in the dead-letter table; missing capsules retired, not deleted; ETag
→ 304; retries after transient failures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from app.capsules.feed_import import SOURCE, import_records, pull_feed
from app.clock import FixedClock
from app.db import session_scope
from integrations.capsule_feed import CapsuleFeedClient, FeedRejected, FeedUnavailable
from models import Capsule, CapsuleFeed, CapsuleItem, DeadLetter, OrderItem
from tests import factories as f
from tests.capsules import world as W
from tests.capsules.feed_server import FeedState, serve


def _school(**over):  # type: ignore[no-untyped-def]
    rec = {
        "id": "CAPS-SCHOOL",
        "name": "Школа, мальчик 7–9",
        "season": "Осень",
        "audience": {"gender": "boy", "age_from": 7, "age_to": 9},
        "valid_from": "2026-08-01",
        "valid_to": "2026-12-31",
        "items": [
            {"product": "P-trousers", "role": "bottom"},
            {"product": "P-shirt", "role": "top"},
            {"offer": "O-shoes-33", "role": "shoes"},
        ],
    }
    rec.update(over)
    return rec


def _party():  # type: ignore[no-untyped-def]
    return {
        "id": "CAPS-PARTY",
        "name": "Праздник, девочка 7–9",
        "audience": {"gender": "girl", "age_from": 7, "age_to": 9},
        "items": [{"product": "P-dress", "role": "top"}, {"product": "P-tights"}],
    }


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(f.T0)


def _catalogue(db_url: str) -> W.World:
    with session_scope(db_url) as s:
        w = W.build(s)
        # the world's own capsules are not in this feed: start from none
        for c in s.scalars(select(Capsule)):
            s.query(CapsuleItem).filter_by(capsule_id=c.id).delete()
            s.delete(c)
        return w


def test_pull_over_http_imports_then_304_then_changes(db_url, clock) -> None:
    _catalogue(db_url)
    state = FeedState()
    state.publish([_school(), _party()])
    with serve(state) as url:
        with session_scope(db_url) as s:
            report = pull_feed(s, url, clock)
        assert (report.created, report.rejected, report.retired) == (2, 0, 0)
        with session_scope(db_url) as s:
            school = s.scalars(select(Capsule).where(Capsule.external_id == "CAPS-SCHOOL")).one()
            items = s.scalars(select(CapsuleItem).where(CapsuleItem.capsule_id == school.id))
            roles = sorted((i.role, i.offer_id is not None) for i in items)
            assert roles == [("bottom", False), ("shoes", True), ("top", False)]
            assert school.audience.value == "boy" and (school.age_from, school.age_to) == (7, 9)
            feed = s.get(CapsuleFeed, url)
            assert feed.etag == state.etag() and feed.last_modified == state.modified

        with session_scope(db_url) as s:  # nothing changed: the server answers 304
            report = pull_feed(s, url, clock)
        assert report.not_modified
        assert state.requests[-1] == (state.etag(), 304)

        state.publish([_school(name="Школа, мальчик 7–9 (обновлено)")])  # party left the feed
        with session_scope(db_url) as s:
            report = pull_feed(s, url, clock)
        assert (report.updated, report.retired, report.created) == (1, 1, 0)
        with session_scope(db_url) as s:
            party = s.scalars(select(Capsule).where(Capsule.external_id == "CAPS-PARTY")).one()
            assert party.retired_at == f.T0  # retired, not deleted
            assert s.get(CapsuleFeed, url).last_result.startswith(url + ": 0 new, 1 updated")

        state.publish([_school(name="Школа, мальчик 7–9 (обновлено)"), _party()])
        with session_scope(db_url) as s:
            report = pull_feed(s, url, clock)
        assert (report.revived, report.unchanged, report.updated) == (1, 1, 1)


def test_importing_the_same_feed_twice_changes_nothing(db_url, clock) -> None:
    _catalogue(db_url)
    with session_scope(db_url) as s:
        import_records(s, [_school(), _party()], clock, "test")
    with session_scope(db_url) as s:
        report = import_records(s, [_school(), _party()], clock, "test")
        assert (report.created, report.updated, report.unchanged) == (0, 0, 2)
        assert s.query(CapsuleItem).count() == 5


def test_bad_records_and_unknown_products_go_to_the_dead_letter_table(db_url, clock) -> None:
    _catalogue(db_url)
    bad = [
        _school(),
        "not a capsule",
        {"id": "CAPS-X", "name": "", "audience": {"gender": "cat"}, "items": []},
        {**_party(), "valid_from": "2026-12-01", "valid_to": "2026-11-01"},
        {"id": "CAPS-GHOST", "name": "Призрак", "items": [{"product": "NOPE-1"}]},
        _school(),  # the same id twice
        {
            "id": "CAPS-HALF",
            "name": "Полкапсулы",
            "items": [{"product": "P-dress"}, {"offer": "NOPE-OFFER"}],
        },
    ]
    with session_scope(db_url) as s:
        report = import_records(s, bad, clock, "test")
    assert (report.created, report.rejected, report.partial) == (2, 5, 1)
    with session_scope(db_url) as s:
        letters = {d.reference: d for d in s.scalars(select(DeadLetter)).all()}
        assert {d.source for d in letters.values()} == {SOURCE}
        assert letters["#1"].errors == {"record": "must be an object, got str"}
        assert letters["CAPS-X"].errors == {
            "name": "is required",
            "audience.gender": "must be boy, girl or unisex, got 'cat'",
            "items": "must be a non-empty list",
        }
        assert letters["CAPS-PARTY"].errors == {
            "valid_to": "2026-11-01 is before valid_from 2026-12-01"
        }
        assert letters["CAPS-GHOST"].errors == {
            "items[0].product": "unknown product 'NOPE-1'",
            "items": "none of the capsule's items is in our catalogue",
        }
        assert letters["CAPS-HALF"].errors == {"items[1].offer": "unknown offer 'NOPE-OFFER'"}
        assert json.loads(letters["CAPS-HALF"].raw_payload)["name"] == "Полкапсулы"
        half = s.scalars(select(Capsule).where(Capsule.external_id == "CAPS-HALF")).one()
        assert s.query(CapsuleItem).filter_by(capsule_id=half.id).count() == 1
    assert any("duplicate capsule id 'CAPS-SCHOOL'" in p for p in report.problems)


def test_a_bad_record_keeps_its_live_capsule_and_an_empty_feed_retires_nothing(
    db_url, clock
) -> None:
    _catalogue(db_url)
    with session_scope(db_url) as s:
        import_records(s, [_school(), _party()], clock, "test")
    with session_scope(db_url) as s:
        report = import_records(s, [_school(), {**_party(), "valid_from": "soon"}], clock, "t")
        assert report.retired == 0 and report.rejected == 1
        report = import_records(s, [], clock, "t")
        assert report.retired == 0
        assert s.query(Capsule).filter(Capsule.retired_at.is_not(None)).count() == 0


def test_retired_capsule_keeps_the_order_lines_pointing_at_it(db_url, clock) -> None:
    w = _catalogue(db_url)
    with session_scope(db_url) as s:
        import_records(s, [_school(), _party()], clock, "test")
        party = s.scalars(select(Capsule).where(Capsule.external_id == "CAPS-PARTY")).one()
        order = f.order(s, [(s.get(f.Offer, w.offers["dress:128"]), 1)])
        s.query(OrderItem).filter_by(order_id=order.id).update({"capsule_id": party.id})
    with session_scope(db_url) as s:
        import_records(s, [_school()], clock, "test")
    with session_scope(db_url) as s:
        line = s.query(OrderItem).filter_by(order_id=order.id).one()
        assert s.get(Capsule, line.capsule_id).retired_at is not None


def test_file_import_and_transient_failures_are_retried(db_url, clock, tmp_path: Path) -> None:
    _catalogue(db_url)
    path = tmp_path / "feed.json"
    path.write_text(json.dumps({"capsules": [_party()]}, ensure_ascii=False), encoding="utf-8")
    with session_scope(db_url) as s:
        assert pull_feed(s, str(path), clock).created == 1

    waits: list[float] = []
    state = FeedState()
    state.publish([_school(), _party()])
    state.fail_next = 2
    with serve(state) as url:
        client = CapsuleFeedClient(sleep=waits.append, backoff=0.01)
        with session_scope(db_url) as s:
            report = pull_feed(s, url, clock, client=client)
        assert report.created == 1 and [st for _, st in state.requests] == [503, 503, 200]
        assert waits == [0.0, 0.0]  # the server said Retry-After: 0
        state.fail_next = 10
        with pytest.raises(FeedUnavailable, match="HTTP 503 after 4 attempts"):
            CapsuleFeedClient(sleep=waits.append).fetch(url)
    with pytest.raises(FeedUnavailable):  # the server is gone: connection refused
        CapsuleFeedClient(sleep=waits.append, retries=1).fetch(url)
    bad = tmp_path / "bad.json"
    bad.write_text("{oops", encoding="utf-8")
    with session_scope(db_url) as s, pytest.raises(FeedRejected, match="not JSON"):
        pull_feed(s, str(bad), clock)
