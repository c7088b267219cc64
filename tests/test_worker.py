"""The worker: rounds, outbox dispatch with retries, several workers at once, CLI, SIGTERM."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from collections import Counter

from sqlalchemy import func, select

from app import dispatch
from app.cli import main as cli
from app.clock import FixedClock
from app.db import session_scope
from app.outbox import emit
from app.worker import Worker
from models import OrderStatusHistory, OutboxRetry
from tests import factories as f


def _events(db_url: str, n: int, topic: str = "order.confirmed") -> None:
    with session_scope(db_url) as s:
        for i in range(n):
            emit(s, topic, "order", i + 1, {"n": i})


def test_dispatch_delivers_in_order_once_and_retries_failures_with_backoff(db_url: str) -> None:
    _events(db_url, 3)
    _events(db_url, 1, topic="order.something_else")
    seen: list[int] = []
    failures = {2: 2}  # event payload n=1 fails twice, then succeeds

    def fn(event: dispatch.Event) -> None:
        n = event.payload["n"]
        if failures.get(n + 1):
            failures[n + 1] -= 1
            raise ConnectionError("ERP down")
        seen.append(n)

    clock = FixedClock(f.T0)
    clock.advance(minutes=1)  # the events are older than the gap grace
    worker = Worker(db_url, clock, [dispatch.Handler("erp", frozenset({"order.confirmed"}), fn)])
    report = worker.run_once()
    assert report.events_dispatched == {"erp": 3}
    assert seen == [0, 2]
    assert worker.run_once().events_dispatched == {"erp": 0}  # nothing twice
    clock.advance(seconds=30)
    worker.run_once()  # first retry fails again
    with session_scope(db_url) as s:
        retry = s.scalars(select(OutboxRetry)).one()
        assert retry.attempts == 2 and "ERP down" in (retry.last_error or "")
    clock.advance(seconds=59)
    worker.run_once()
    assert seen == [0, 2]  # backoff doubled: not yet
    clock.advance(seconds=1)
    worker.run_once()
    assert seen == [0, 2, 1]
    with session_scope(db_url) as s:
        assert s.scalars(select(OutboxRetry)).one().done_at is not None


def test_two_workers_never_do_a_job_twice(db_url: str) -> None:
    with session_scope(db_url) as s:
        st = f.store(s)
        off = f.offer(s, "500", stock={st.id: 1000})
        for _ in range(60):
            f.order(s, [(off, 1)], store_id=st.id)
    handled: Counter[int] = Counter()
    lock = threading.Lock()

    def count(event: dispatch.Event) -> None:
        with lock:
            handled[event.id] += 1

    clock = FixedClock(f.T0)
    handler = dispatch.Handler("counter", frozenset({"order.confirmed"}), count)
    workers = [Worker(db_url, clock, [handler]) for _ in range(2)]
    barrier = threading.Barrier(2)

    def run(w: Worker) -> None:
        barrier.wait()
        for _ in range(3):
            w.run_once()

    threads = [threading.Thread(target=run, args=(w,)) for w in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    clock.advance(minutes=1)
    workers[0].run_once()  # sweep up anything left behind a gap
    with session_scope(db_url) as s:
        per_order = s.execute(
            select(OrderStatusHistory.order_id, func.count()).group_by(OrderStatusHistory.order_id)
        ).all()
    assert len(per_order) == 60
    assert all(n == 1 for _, n in per_order), "an order was decided twice"
    assert len(handled) == 60 and set(handled.values()) == {1}, "an event was handled twice"


def test_worker_once_now_cli_replays_a_moment(db_url: str, capsys) -> None:
    with session_scope(db_url) as s:
        st = f.store(s)
        off = f.offer(s, "500", stock={st.id: 5})
        f.order(s, [(off, 1)], store_id=st.id)
    code = cli(["--database-url", db_url, "worker", "--once", "--now", "2026-11-20T12:00:00+03:00"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert out["robot"] == {"confirmed": 1, "needs_confirmation": 0}
    assert out["errors"] == []


def test_worker_stops_gracefully_on_sigterm(db_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    env = {**os.environ, "OKNO_DATABASE_URL": db_url}
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "worker", "--interval", "0.2"],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stderr is not None
        for line in proc.stderr:
            if "worker started" in line:
                break
        proc.send_signal(signal.SIGTERM)
        rest = proc.communicate(timeout=30)[1]
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0
    assert "worker stopped" in rest
