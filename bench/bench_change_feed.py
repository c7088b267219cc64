"""T3: a change made on one console visible on another (PostgreSQL).

1. Latency: a writer commits one outbox event at a time (through the app's session, so the
   commit sends the NOTIFY hint); from the start of the commit to the moment the event reaches
   a ``ChangeListener`` callback (it then reads the outbox by id), against a raw psycopg
   ``LISTEN`` connection receiving the same NOTIFY, in the same run: p50/p95/p99 and the ratio
   (target: p95 ≤ 250 ms).
2. Burst: N commits as fast as one writer can; how many NOTIFYs the raw listener received
   (target: coalesced, ≤ 10/s) and how long after the last commit the listener had everything.
3. Catch-up after reconnect: the listener's connection is killed (``pg_terminate_backend``)
   and an event is committed at once; time from the kill to its delivery (target: ≤ 1 s).

    .venv/bin/python bench/bench_change_feed.py [--samples 200] [--burst 500] [--kills 10]

Writes bench/results/change_feed.json. Runs on a throwaway database."""

from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psycopg

from app.change_feed import CHANNEL, ChangeEvent, ChangeListener, hint_counters
from app.db import get_sessionmaker
from app.outbox import emit
from bench.common import (
    environment,
    libpq_url,
    percentiles,
    print_table,
    ratio,
    throwaway_database,
    write_json,
)


class Received:
    """Arrival times (perf_counter) of events by ``payload['seq']``, and of raw NOTIFYs."""

    def __init__(self) -> None:
        self.lock = threading.Condition()
        self.events: dict[int, float] = {}
        self.notifies: list[float] = []

    def on_events(self, batch: list[ChangeEvent]) -> None:
        now = time.perf_counter()
        with self.lock:
            for e in batch:
                seq = e.payload.get("seq")
                if isinstance(seq, int):
                    self.events[seq] = now
            self.lock.notify_all()

    def wait_event(self, seq: int, timeout: float = 30.0) -> float:
        with self.lock:
            if not self.lock.wait_for(lambda: seq in self.events, timeout):
                raise SystemExit(f"event {seq} never arrived")
            return self.events[seq]


def raw_listener(
    url: str, received: Received, stop: threading.Event, ready: threading.Event
) -> None:
    """The baseline: the least work that gets the same wake-up."""
    with psycopg.connect(libpq_url(url), autocommit=True) as conn:
        conn.execute(f"LISTEN {CHANNEL}")
        ready.set()
        while not stop.is_set():
            for _ in conn.notifies(timeout=0.2):
                now = time.perf_counter()
                with received.lock:
                    received.notifies.append(now)
                    received.lock.notify_all()


def commit_event(url: str, seq: int) -> tuple[float, float]:
    """One transaction with one outbox event; (commit started, commit returned)."""
    session = get_sessionmaker(url)()
    try:
        emit(session, "bench.change", "order", seq, {"seq": seq})
        session.flush()
        started = time.perf_counter()
        session.commit()
        return started, time.perf_counter()
    finally:
        session.close()


def measure_latency(url: str, received: Received, samples: int) -> dict[str, Any]:
    app_lat: list[float] = []
    raw_lat: list[float] = []
    for seq in range(samples):
        # spaced beyond the hint rate limit, so every commit carries its own NOTIFY
        time.sleep(0.12)
        with received.lock:
            raw_before = len(received.notifies)
        started, _ = commit_event(url, seq)
        app_lat.append(received.wait_event(seq) - started)
        with received.lock:
            if not received.lock.wait_for(lambda n=raw_before: len(received.notifies) > n, 10):
                raise SystemExit("the raw listener got no NOTIFY")
            raw_lat.append(received.notifies[raw_before] - started)
    app = percentiles(app_lat)
    base = percentiles(raw_lat)
    return {
        "listener": app,
        "raw_listen": base,
        "ratio_p50": ratio(app, base, "p50_ms"),
        "ratio_p95": ratio(app, base, "p95_ms"),
        "ratio_p99": ratio(app, base, "p99_ms"),
    }


def measure_burst(url: str, received: Received, commits: int, first_seq: int) -> dict[str, Any]:
    time.sleep(0.5)  # let the previous phase's hints settle
    with received.lock:
        raw_before = len(received.notifies)
    counters_before = hint_counters(url)
    started = time.perf_counter()
    last_returned = started
    for i in range(commits):
        _, last_returned = commit_event(url, first_seq + i)
    elapsed = time.perf_counter() - started
    got_all = received.wait_event(first_seq + commits - 1)
    missing = [s for s in range(first_seq, first_seq + commits) if s not in received.events]
    time.sleep(0.5)  # the trailing hint, if any, arrives
    counters_after = hint_counters(url)
    with received.lock:
        notifies = len(received.notifies) - raw_before
    return {
        "commits": commits,
        "seconds": elapsed,
        "commits_per_s": commits / elapsed,
        "notifies_received": notifies,
        "notifies_per_s": notifies / elapsed,
        "hints_inline": counters_after.sent_inline - counters_before.sent_inline,
        "hints_trailing": counters_after.sent_trailing - counters_before.sent_trailing,
        "last_event_after_last_commit_ms": (got_all - last_returned) * 1000,
        "events_missing": len(missing),
    }


def measure_catch_up(
    url: str, listener: ChangeListener, received: Received, kills: int, first_seq: int
) -> dict[str, Any]:
    times: list[float] = []
    with psycopg.connect(libpq_url(url), autocommit=True) as admin:
        for k in range(kills):
            deadline = time.monotonic() + 10
            while listener.backend_pid is None and time.monotonic() < deadline:
                time.sleep(0.01)
            pid = listener.backend_pid
            time.sleep(0.3)
            killed_at = time.perf_counter()
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
            commit_event(url, first_seq + k)
            times.append(received.wait_event(first_seq + k) - killed_at)
    return {"kills": kills, "reconnects": listener.reconnects, **percentiles(times)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=200, help="latency samples (200)")
    parser.add_argument("--burst", type=int, default=500, help="commits in the burst (500)")
    parser.add_argument("--kills", type=int, default=10, help="reconnects to time (10)")
    args = parser.parse_args()

    with throwaway_database("okno_bench_feed") as url:
        received = Received()
        stop = threading.Event()
        ready = threading.Event()
        raw = threading.Thread(target=raw_listener, args=(url, received, stop, ready))
        raw.start()
        ready.wait(10)
        # as another console would: no in-process shortcut, no polling inside the run
        listener = ChangeListener(
            url, received.on_events, local_wakeups=False, safety_interval=600.0
        )
        listener.start()
        listener.wait_ready(10)
        try:
            commit_event(url, -1)  # warm up both paths
            received.wait_event(-1)
            latency = measure_latency(url, received, args.samples)
            burst = measure_burst(url, received, args.burst, 100_000)
            catch_up = measure_catch_up(url, listener, received, args.kills, 200_000)
        finally:
            listener.stop()
            stop.set()
            raw.join()
        env = environment(url)

    print_table(
        f"T3 commit → delivered, {args.samples} single commits (ms)",
        [
            {"path": "ChangeListener", **latency["listener"]},
            {"path": "raw LISTEN", **latency["raw_listen"]},
            {
                "path": "ratio",
                "p50_ms": latency["ratio_p50"],
                "p95_ms": latency["ratio_p95"],
                "p99_ms": latency["ratio_p99"],
            },
        ],
        ["path", "p50_ms", "p95_ms", "p99_ms", "mean_ms", "max_ms"],
    )
    print_table("T3 burst of commits", [burst], list(burst))
    print_table(
        "T3 catch-up after the listener's connection is killed (kill → event delivered, ms)",
        [catch_up],
        ["kills", "reconnects", "p50_ms", "p95_ms", "max_ms"],
    )
    targets = {
        "p95_le_250ms": latency["listener"]["p95_ms"] <= 250,
        "notifies_le_10_per_s": burst["notifies_per_s"] <= 10.5,
        "burst_nothing_missing": burst["events_missing"] == 0,
        "catch_up_le_1s": catch_up["max_ms"] <= 1000,
    }
    print(f"\ntargets: {targets}")
    write_json(
        "change_feed",
        {
            "benchmark": "T3 change feed (NOTIFY hint + outbox by id)",
            "environment": env,
            "latency": latency,
            "burst": burst,
            "catch_up": catch_up,
            "targets": targets,
        },
    )


if __name__ == "__main__":
    main()
