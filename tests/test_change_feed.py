"""The change feed: every committed outbox event reaches a listener exactly once, in id order;
nothing from a rolled-back transaction; nothing lost across a dropped connection; NOTIFY hints
coalesced."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable, Iterator

import psycopg
import pytest
from sqlalchemy import select

from app import migrations
from app.change_feed import (
    CHANNEL,
    ChangeEvent,
    ChangeListener,
    _FeedCursor,
    _Snapshot,
    begin_hinted,
    hint_counters,
    read_after,
)
from app.db import get_engine, session_scope
from app.outbox import EMITTED_FLAG, emit, emit_core
from models import OutboxEvent
from tests import pg

TIMEOUT = 15.0  # generous: a shared 2-core machine; the waits poll a condition


def wait_until(condition: Callable[[], bool], what: str, timeout: float = TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.005)


class Collector:
    """The listener's callback: keeps every delivered event, thread-safely."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._events: list[ChangeEvent] = []
        self.batches = 0

    def __call__(self, batch: list[ChangeEvent]) -> None:
        with self._lock:
            self._events.extend(batch)
            self.batches += 1

    @property
    def events(self) -> list[ChangeEvent]:
        with self._lock:
            return list(self._events)

    @property
    def ids(self) -> list[int]:
        return [e.id for e in self.events]

    def wait_for_ids(self, ids: set[int]) -> None:
        wait_until(lambda: ids <= set(self.ids), f"events {sorted(ids - set(self.ids))}")


@pytest.fixture
def listen(db_url: str) -> Iterator[Callable[..., tuple[ChangeListener, Collector]]]:
    started: list[ChangeListener] = []

    def start(url: str = db_url, **kw: object) -> tuple[ChangeListener, Collector]:
        collector = Collector()
        kw.setdefault("poll_interval", 0.05)
        listener = ChangeListener(url, collector, **kw)  # type: ignore[arg-type]
        listener.start()
        started.append(listener)
        assert listener.wait_ready(TIMEOUT)
        return listener, collector

    yield start
    for listener in started:
        listener.stop()


def commit(url: str, *topics: str) -> list[int]:
    """One transaction emitting one event per topic; returns their ids."""
    with session_scope(url) as s:
        events = [emit(s, topic, "order", n, {"n": n}) for n, topic in enumerate(topics)]
        s.flush()
        return [e.id for e in events]


def all_ids(url: str) -> list[int]:
    with session_scope(url) as s:
        return list(s.scalars(select(OutboxEvent.id).order_by(OutboxEvent.id)))


def test_read_after_returns_plain_events_in_id_order(db_url: str) -> None:
    first = commit(db_url, "a.one", "a.two")
    second = commit(db_url, "b.one")
    with session_scope(db_url) as s:
        everything = read_after(s, 0)
        page = read_after(s, first[0], limit=1)
    assert [e.id for e in everything] == first + second
    assert [e.topic for e in everything] == ["a.one", "a.two", "b.one"]
    assert [e.id for e in page] == [first[1]]
    event = everything[0]
    assert event.aggregate == "order" and event.aggregate_id == 0
    assert dict(event.payload) == {"n": 0}
    assert event.created_at.tzinfo is not None
    with pytest.raises(TypeError):
        event.payload["n"] = 1  # type: ignore[index]  # immutable: it crosses threads


def test_committed_events_are_delivered_once_in_id_order(db_url: str, listen) -> None:  # type: ignore[no-untyped-def]
    before = commit(db_url, "old.event")  # before the listener started: not delivered
    listener, got = listen()
    ids: list[int] = []
    for i in range(20):
        ids += commit(db_url, *[f"t{i}.{k}" for k in range(i % 3 + 1)])
    got.wait_for_ids(set(ids))
    ids += commit(db_url, "marker")
    got.wait_for_ids(set(ids))

    assert got.ids == ids
    assert before[0] not in got.ids
    assert all_ids(db_url)[1:] == ids
    assert listener.position == ids[-1]
    assert listener.delivered == len(ids)


def test_events_of_a_rolled_back_transaction_never_appear(db_url: str, listen) -> None:  # type: ignore[no-untyped-def]
    _, got = listen()
    kept = commit(db_url, "kept.1")
    with pytest.raises(RuntimeError), session_scope(db_url) as s:
        emit(s, "lost", "order", 1)
        s.flush()  # it took an id ...
        raise RuntimeError("... and the transaction rolled back")
    kept += commit(db_url, "kept.2")

    got.wait_for_ids(set(kept))
    # one more commit after the listener has moved past the hole: still nothing from it
    kept += commit(db_url, "kept.3")
    got.wait_for_ids(set(kept))
    assert got.ids == kept
    assert "lost" not in {e.topic for e in got.events}


def test_commits_from_concurrent_writers_all_arrive_once(db_url: str, listen) -> None:  # type: ignore[no-untyped-def]
    """Writers commit out of id order on PostgreSQL; the listener must still see them all."""
    _, got = listen()
    written: list[int] = []
    lock = threading.Lock()

    def writer(w: int) -> None:
        for i in range(40):
            ids = commit(db_url, f"w{w}.{i}")
            with lock:
                written.extend(ids)

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    got.wait_for_ids(set(written))
    assert sorted(got.ids) == sorted(written)
    assert len(got.ids) == len(set(got.ids)) == 160


def test_a_restarted_listener_catches_up_from_its_position(db_url: str, listen) -> None:  # type: ignore[no-untyped-def]
    first, got_first = listen()
    seen = commit(db_url, "seen")
    got_first.wait_for_ids(set(seen))
    position = first.position
    first.stop()

    missed = commit(db_url, "while.away.1") + commit(db_url, "while.away.2", "while.away.3")
    _, got_second = listen(last_id=position)
    got_second.wait_for_ids(set(missed))
    assert got_second.ids == missed


def test_a_commit_in_this_process_wakes_the_listener_without_polling(
    db_url: str,
    listen,  # type: ignore[no-untyped-def]
) -> None:
    """NOTIFY on PostgreSQL, an in-process wake-up on SQLite: no 60-second poll is awaited."""
    _, got = listen(poll_interval=60.0, safety_interval=60.0)
    ids = commit(db_url, "prompt")
    got.wait_for_ids(set(ids))


def test_a_core_transaction_commits_its_event_and_wakes_the_listener(
    db_url: str,
    listen,  # type: ignore[no-untyped-def]
) -> None:
    """emit_core inside begin_hinted (the "take next" path): the row on commit, and its hint,
    which must be the NOTIFY on PostgreSQL (in-process wake-ups are off there) and the
    in-process wake-up on SQLite; neither listener polls within the test."""
    on_pg = db_url.startswith("postgresql")
    _, got = listen(poll_interval=60.0, safety_interval=60.0, local_wakeups=not on_pg)
    with begin_hinted(get_engine(db_url)) as conn:
        emit_core(conn, "core.claimed", "order", 7, {"n": 7}, actor_id=None)
    wait_until(lambda: [e.topic for e in got.events] == ["core.claimed"], "the core event")
    event = got.events[0]
    assert (event.aggregate, event.aggregate_id, dict(event.payload)) == ("order", 7, {"n": 7})
    assert event.created_at.tzinfo is not None
    # and a burst of them: the rate limit's trailing hint covers the last one
    ids: list[int] = []
    for i in range(5):
        with begin_hinted(get_engine(db_url)) as conn:
            emit_core(conn, f"core.{i}", "order", i)
        ids.append(read_after_ids(db_url)[-1])
    got.wait_for_ids(set(ids))


def read_after_ids(url: str) -> list[int]:
    with session_scope(url) as s:
        return [e.id for e in read_after(s, 0)]


def test_a_rolled_back_core_transaction_leaves_no_event_and_sends_no_hint(db_url: str) -> None:
    engine = get_engine(db_url)
    wait_until(lambda: not hint_counters(db_url).trailing_pending, "earlier hints")
    before = hint_counters(db_url)
    with pytest.raises(RuntimeError), begin_hinted(engine) as conn:
        emit_core(conn, "core.lost", "order", 1)
        raise RuntimeError("rolled back")
    assert read_after_ids(db_url) == []
    # the flag lives on the pooled connection: it must not make the next transaction hint
    with begin_hinted(engine) as conn:
        assert EMITTED_FLAG not in conn.info
        conn.execute(select(1))
    assert hint_counters(db_url) == before


# --- the gap bookkeeping on its own --------------------------------------------------------------


def _ev(id_: int) -> ChangeEvent:
    return ChangeEvent(id_, "t", "order", None, {}, None, dt.datetime(2026, 1, 1, tzinfo=dt.UTC))


def test_feed_cursor_holds_events_behind_a_young_gap_then_delivers_in_order() -> None:
    cursor = _FeedCursor(10, track_gaps=True, hold=0.25, grace=1.0)
    cursor.absorb_new([_ev(11), _ev(13), _ev(14)], now=100.0)  # 12 not committed yet
    assert [e.id for e in cursor.take_deliverable(now=100.0)] == [11]
    assert cursor.position == 11

    cursor.absorb_filled([_ev(12)])  # its transaction committed
    assert [e.id for e in cursor.take_deliverable(now=100.1)] == [12, 13, 14]
    assert cursor.gaps == [] and cursor.position == 14


def test_feed_cursor_passes_an_old_gap_and_delivers_it_late_if_it_fills() -> None:
    cursor = _FeedCursor(0, track_gaps=True, hold=0.25, grace=1.0)
    cursor.absorb_new([_ev(1), _ev(3)], now=0.0)
    cursor.settle(_Snapshot(100, 105, frozenset({101})), now=0.0)  # 101 may hold id 2
    assert [e.id for e in cursor.take_deliverable(now=0.1)] == [1]
    assert [e.id for e in cursor.take_deliverable(now=0.3)] == [3]  # held long enough
    assert cursor.position == 1  # 2 may still come

    cursor.settle(_Snapshot(100, 106, frozenset({101})), now=5.0)  # 101 still running
    assert len(cursor.gaps) == 1
    cursor.absorb_filled([_ev(2)])  # a long transaction finally committed
    assert [e.id for e in cursor.take_deliverable(now=5.0)] == [2]
    assert cursor.position == 3


def test_feed_cursor_forgets_a_gap_once_its_possible_holders_ended() -> None:
    cursor = _FeedCursor(0, track_gaps=True, hold=0.25, grace=1.0)
    cursor.absorb_new([_ev(1), _ev(4)], now=0.0)  # 2..3 missing
    cursor.settle(_Snapshot(100, 103, frozenset({100, 102})), now=0.0)
    cursor.settle(_Snapshot(102, 110, frozenset({102})), now=2.0)  # 102 still running
    assert [(g.start, g.end) for g in cursor.gaps] == [(2, 3)]
    cursor.settle(_Snapshot(105, 110, frozenset()), now=0.5)  # all ended, but within grace
    assert cursor.gaps != []
    cursor.settle(_Snapshot(105, 110, frozenset()), now=2.0)  # rolled back for sure
    assert cursor.gaps == []
    assert [e.id for e in cursor.take_deliverable(now=2.0)] == [1, 4]
    assert cursor.position == 4


def test_feed_cursor_without_gap_tracking_just_follows_ids() -> None:
    cursor = _FeedCursor(0, track_gaps=False, hold=0.0, grace=0.0)
    cursor.absorb_new([_ev(1), _ev(5)], now=0.0)
    assert [e.id for e in cursor.take_deliverable(now=0.0)] == [1, 5]
    assert cursor.position == 5


# --- PostgreSQL only: a killed connection, NOTIFY coalescing ------------------------------------


@pytest.fixture
def pg_only_url() -> Iterator[str]:
    """A migrated PostgreSQL database of its own: these tests are about PostgreSQL connections
    and NOTIFY, which SQLite does not have (its polling is covered by the tests above)."""
    url = pg.create_database("okno_feed")
    try:
        migrations.upgrade(url)
        yield url
    finally:
        pg.drop_database(url)


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def test_listener_reconnects_after_its_connection_is_killed_and_catches_up(
    pg_only_url: str,
) -> None:
    got = Collector()
    # it stays away 2 s, so every hint for what is committed meanwhile is lost for it; only
    # the catch-up read after reconnecting can deliver those events (no polling, no shortcut)
    listener = ChangeListener(
        pg_only_url, got, safety_interval=600.0, local_wakeups=False, reconnect_delays=(2.0,)
    )
    listener.start()
    try:
        assert listener.wait_ready(TIMEOUT)
        ids = commit(pg_only_url, "before.kill")
        got.wait_for_ids(set(ids))
        old_pid = listener.backend_pid
        assert old_pid is not None

        with psycopg.connect(_libpq(pg_only_url), autocommit=True) as admin:
            killed = admin.execute("SELECT pg_terminate_backend(%s)", (old_pid,)).fetchone()
        assert killed == (True,)
        wait_until(lambda: not listener.connected, "the listener to notice")
        for i in range(5):
            ids += commit(pg_only_url, f"while.down.{i}")
        wait_until(lambda: not hint_counters(pg_only_url).trailing_pending, "hints sent")
        assert (listener.connected, listener.reconnects) == (False, 0), "reconnected too early"

        got.wait_for_ids(set(ids))
        assert got.ids == ids
        assert listener.reconnects == 1
        assert listener.backend_pid not in (None, old_pid)
        ids += commit(pg_only_url, "after.reconnect")  # and it listens again
        got.wait_for_ids(set(ids))
        assert got.ids == ids
    finally:
        listener.stop()


def test_a_burst_of_commits_sends_few_notifies_and_loses_no_event(pg_only_url: str) -> None:
    raw = psycopg.connect(_libpq(pg_only_url), autocommit=True)
    raw.execute(f"LISTEN {CHANNEL}")
    got = Collector()
    # no safety-net polling and no in-process shortcut: every event must arrive by a NOTIFY
    listener = ChangeListener(pg_only_url, got, safety_interval=600.0, local_wakeups=False)
    listener.start()
    try:
        assert listener.wait_ready(TIMEOUT)
        before = hint_counters(pg_only_url)
        started = time.monotonic()
        ids: list[int] = []
        for i in range(200):
            ids += commit(pg_only_url, f"burst.{i}")
        elapsed = time.monotonic() - started

        got.wait_for_ids(set(ids))  # the last commit was followed by a hint
        assert got.ids == ids
        wait_until(lambda: not hint_counters(pg_only_url).trailing_pending, "the trailing hint")
        after = hint_counters(pg_only_url)
        sent = (after.sent_inline - before.sent_inline) + (
            after.sent_trailing - before.sent_trailing
        )
        with psycopg.connect(_libpq(pg_only_url), autocommit=True) as other:
            other.execute("SELECT pg_notify(%s, 'end')", (CHANNEL,))
        received = 0
        deadline = time.monotonic() + TIMEOUT
        done = False
        while not done and time.monotonic() < deadline:
            for note in raw.notifies(timeout=1.0):
                if note.payload == "end":
                    done = True
                    break
                received += 1
        assert done, "the end marker never arrived"
    finally:
        listener.stop()
        raw.close()

    assert received == sent  # each hint the process sent arrived once
    assert 1 <= received < len(ids)  # fewer NOTIFYs than commits ...
    # ... because at most ~10 go out per second, however fast the commits come (the +2: the
    # first one and the trailing one after the last commit)
    assert received <= elapsed * 10 + 2, (received, elapsed)
