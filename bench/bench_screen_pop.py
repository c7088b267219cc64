"""T1 (backend half): PBX webhook → screen-pop event committed → heard by a console's change feed.

For every sample an ``events/call`` ``Appeared`` for a new inbound call to extension 101 is
signed and POSTed to the real webhook receiver (waitress + app/telephony, PostgreSQL), with the
caller's number in one of the usual formats (E.164, 8…, 7…, ten digits, 00…, spaced). Measured:

* ``committed``: POST → HTTP 200. The receiver answers after the transaction that stored the
  event and the ``telephony.screen_pop`` outbox row has committed.
* ``heard``: POST → the event delivered by a ``ChangeListener`` (what the console runs: NOTIFY
  hint, then the outbox read by id). The UI half adds ``painted`` on top (see ``Sink``).

Baseline, same run, interleaved: a minimal WSGI app on the same waitress settings that checks
the signature, does the raw prepared psycopg exact lookup on ``customer_phones.e164`` (the
number pre-normalized to E.164 by the sender, the easiest case) and inserts one outbox row +
``pg_notify`` in one transaction. Targets (PERF.md T1): end to end p95 ≤ 300 ms; the ratio shows
what Okno's processing adds to the least possible work.

    .venv/bin/python bench/bench_screen_pop.py [--customers 20000] [--samples 200] [--gap 0.12]

Writes bench/results/screen_pop.json. Runs on a throwaway database.

Plugging in the console (UI half): pass a ``sink_factory`` to :func:`run` returning an object
with ``expect(entry_id)`` (called just before the POST) and ``wait(entry_id, timeout) ->
float | None`` (the ``perf_counter`` time the card was painted); its column is reported as
``<sink.name>``.

UI half (``--console``): :class:`ConsoleSink` runs the real console window in this process
(Qt offscreen, signed in as the operator at extension 101, its change feed hearing commits
through NOTIFY only, as another process would). Two more rows:

* ``webhook → call box painted``: the telephony panel painted the caller from the pop's
  payload (no database round trip);
* ``webhook → card painted``: the caller's customer profile loaded and painted — T1's "card
  painted"; its ratio is against ``raw_heard`` (the least time after which any console can know).

    .venv/bin/python bench/bench_screen_pop.py --console [--samples 200]"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import parse_qs

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psycopg
import requests

from app.change_feed import ChangeEvent, ChangeListener
from app.db import session_scope
from app.telephony.receiver import WebhookReceiver
from bench.common import (
    environment,
    libpq_url,
    percentiles,
    print_table,
    ratio,
    throwaway_database,
    write_json,
)
from integrations.telephony.http_server import ServerThread
from integrations.telephony.mango import dumps, sign, verify
from models import Role, User

KEY, SALT = "bench-key", "bench-salt-0123456789"
RAW_TOPIC = "bench.raw_pop"


class Sink(Protocol):
    name: str

    def expect(self, entry_id: str) -> None: ...

    def wait(self, entry_id: str, timeout: float) -> float | None: ...

    def close(self) -> None: ...


class FeedSink:
    """Arrival time of each pop at a ChangeListener, keyed by entry id."""

    name = "heard"

    def __init__(self, url: str) -> None:
        self._cond = threading.Condition()
        self._seen: dict[str, float] = {}
        # local_wakeups off: a console is another process and hears commits through NOTIFY
        self._listener = ChangeListener(
            url, self._on_events, name="bench-pop-listener", local_wakeups=False
        )
        self._listener.start()

    def _on_events(self, batch: list[ChangeEvent]) -> None:
        now = time.perf_counter()
        with self._cond:
            for event in batch:
                if event.topic in ("telephony.screen_pop", RAW_TOPIC):
                    self._seen[str(event.payload.get("entry_id"))] = now
            self._cond.notify_all()

    def expect(self, entry_id: str) -> None:
        pass

    def wait(self, entry_id: str, timeout: float) -> float | None:
        deadline = time.monotonic() + timeout
        with self._cond:
            while entry_id not in self._seen:
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self._cond.wait(left)
            return self._seen.pop(entry_id)

    def close(self) -> None:
        self._listener.stop()


class ConsoleSink:
    """The console's half of T1: the real main window in this process (Qt offscreen). For each
    pop it records when the telephony panel's call box and the customer card were painted
    (a synchronous ``repaint()`` right after the change, so "painted" means on the backing
    store, not merely scheduled)."""

    name = "card painted"

    def __init__(self, url: str) -> None:
        import functools
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtCore import QEventLoop
        from PySide6.QtWidgets import QApplication

        from app.auth import LoggedInUser
        from app.config import load_config
        from ui.main_window import MainWindow
        from ui.ops import OpRunner, install_runner

        self._flags = QEventLoop.ProcessEventsFlag.AllEvents
        self.app = QApplication.instance() or QApplication([])
        with session_scope(url) as s:
            user = s.query(User).filter_by(pbx_extension="101").one()
            me = LoggedInUser(user.id, user.login, user.name, str(user.role), "101")
        self.runner = OpRunner(url)
        install_runner(self.runner)
        self.window = MainWindow(load_config(url), self.runner)
        self.window.sign_in(me)
        feed = self.window.feed
        assert feed is not None
        # a console is another process: it hears the receiver's commits through NOTIFY only
        feed._factory = functools.partial(ChangeListener, local_wakeups=False)
        self.window.resize(1366, 768)
        self.window.show()
        self.window.start()
        self.panel = self.window.telephony  # type: ignore[attr-defined]
        self.profile = self.window.profile
        assert self.profile is not None
        self._pending: dict[int, str] = {}  # customer id → entry waiting for its card
        self.box: dict[str, float] = {}
        self.card: dict[str, float] = {}
        feed.sig_changes.connect(self._changes)  # after the panel's own slot
        self.profile.sig_customer_loaded.connect(self._loaded)
        self._spin(lambda: feed.connected is True, 10.0)

    def _spin(self, done: Callable[[], bool], timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while not done() and time.monotonic() < deadline:
            self.app.processEvents(self._flags, 5)
            time.sleep(0.0005)
        return done()

    def _changes(self, batch: Any) -> None:
        for event in batch.events:
            if event.topic != "telephony.screen_pop":
                continue
            entry = str(event.payload.get("entry_id"))
            self.panel.call_box.repaint()
            self.box[entry] = time.perf_counter()
            customer = event.payload.get("customer_id")
            if customer is not None:
                self._pending[int(customer)] = entry

    def _loaded(self, customer_id: int) -> None:
        entry = self._pending.pop(customer_id, None)
        if entry is not None and self.profile is not None:
            self.profile.repaint()
            self.card[entry] = time.perf_counter()

    def expect(self, entry_id: str) -> None:
        pass

    def wait(self, entry_id: str, timeout: float) -> float | None:
        self._spin(lambda: entry_id in self.card, timeout)
        return self.card.get(entry_id)

    def box_time(self, entry_id: str) -> float | None:
        return self.box.get(entry_id)

    def close(self) -> None:
        from ui.ops import install_runner

        self.window.close()
        self.runner.shutdown()
        install_runner(None)
        self.window.deleteLater()
        self.app.processEvents()


def seed(url: str, customers: int) -> None:
    with psycopg.connect(libpq_url(url)) as conn:
        conn.execute(
            """INSERT INTO customers (first_name, last_name, loyalty_discount_pct, custom_fields,
                   consent_sms, consent_email, consent_messengers, version)
               SELECT 'Имя' || g, 'Фамилия' || g, 0, '{}', false, false, false, 1
               FROM generate_series(1, %s) g""",
            (customers,),
        )
        conn.execute(
            """INSERT INTO customer_phones (customer_id, raw, e164, tail10, kind, is_primary)
               SELECT id, '+7916' || lpad(id::text, 7, '0'), '+7916' || lpad(id::text, 7, '0'),
                      '916' || lpad(id::text, 7, '0'), 'mobile', true
               FROM customers"""
        )
        conn.execute("ANALYZE customers")
        conn.execute("ANALYZE customer_phones")
    with session_scope(url) as s:
        s.add(
            User(
                login="op101",
                name="Оператор",
                role=Role.OPERATOR,
                password_hash="x",
                pbx_extension="101",
            )
        )


def formats(n: int) -> list[str]:
    digits = f"916{n:07d}"
    return [
        f"+7{digits}",
        f"7{digits}",
        f"8{digits}",
        digits,
        f"007{digits}",
        f"+7 {digits[:3]} {digits[3:6]}-{digits[6:8]}-{digits[8:]}",
    ]


def raw_app(url: str) -> Callable[..., list[bytes]]:
    """The least work for the same answer: verify, one prepared exact lookup, one outbox row."""
    local = threading.local()

    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        length = int(environ.get("CONTENT_LENGTH") or 0)
        form = {k: v[0] for k, v in parse_qs(environ["wsgi.input"].read(length).decode()).items()}
        if verify(form, KEY, SALT) is not None:
            start_response("403 Forbidden", [("Content-Length", "0")])
            return [b""]
        doc = json.loads(form["json"])
        conn = getattr(local, "conn", None)
        if conn is None:
            conn = local.conn = psycopg.connect(libpq_url(url))
        with conn.transaction():
            row = conn.execute(
                "SELECT customer_id FROM customer_phones WHERE e164 = %s LIMIT 1",
                (doc["from"]["number"],),
                prepare=True,
            ).fetchone()
            conn.execute(
                "INSERT INTO outbox_events (topic, aggregate, aggregate_id, payload) "
                "VALUES (%s, 'call', NULL, %s)",
                (
                    RAW_TOPIC,
                    json.dumps({"entry_id": doc["entry_id"], "customer_id": row and row[0]}),
                ),
                prepare=True,
            )
            conn.execute("SELECT pg_notify('okno_changes', '')", prepare=True)
        body = b'{"result":1000}'
        start_response(
            "200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
        )
        return [body]

    return app


def appeared(entry: str, number: str) -> dict[str, str]:
    doc = {
        "entry_id": entry,
        "call_id": f"{entry}-leg",
        "timestamp": int(time.time()),
        "seq": 1,
        "location": "abonent",
        "call_state": "Appeared",
        "from": {"number": number},
        "to": {"extension": "101", "line_number": "74950000000"},
    }
    text = dumps(doc)
    return {"vpbx_api_key": KEY, "sign": sign(KEY, text, SALT), "json": text}


def run(
    url: str,
    customers: int,
    samples: int,
    gap: float,
    sink_factory: Callable[[str], Sink] | None = None,
) -> dict[str, Any]:
    receiver = WebhookReceiver(url, KEY, SALT).start()
    raw = ServerThread(raw_app(url), threads=4, name="bench-raw-pop").start()
    feed = FeedSink(url)
    extra = sink_factory(url) if sink_factory else None
    http = requests.Session()
    rng = random.Random(1)
    counter = itertools.count()
    times: dict[str, list[float]] = {
        k: [] for k in ("committed", "heard", "raw_committed", "raw_heard")
    }
    extra_times: list[float] = []
    box_times: list[float] = []  # the console's call box (ConsoleSink)
    misses = 0
    try:
        for i in range(samples + 10):
            warm = i < 10
            n = rng.randint(1, customers)
            # ours: any format; the baseline gets the E.164 form (its easiest case)
            number = rng.choice(formats(n))
            entry = f"bench-{next(counter)}"
            if extra:
                extra.expect(entry)
            t0 = time.perf_counter()
            assert http.post(
                f"{receiver.url}/events/call", data=appeared(entry, number), timeout=10
            ).ok
            t1 = time.perf_counter()
            heard = feed.wait(entry, 5.0)
            painted = extra.wait(entry, 5.0) if extra else None
            time.sleep(gap)
            raw_entry = f"raw-{next(counter)}"
            r0 = time.perf_counter()
            assert http.post(raw.url, data=appeared(raw_entry, formats(n)[0]), timeout=10).ok
            r1 = time.perf_counter()
            raw_heard = feed.wait(raw_entry, 5.0)
            time.sleep(gap)
            if warm:
                continue
            if heard is None or raw_heard is None:
                misses += 1
                continue
            times["committed"].append(t1 - t0)
            times["heard"].append(heard - t0)
            times["raw_committed"].append(r1 - r0)
            times["raw_heard"].append(raw_heard - r0)
            if painted is not None:
                extra_times.append(painted - t0)
            box = getattr(extra, "box_time", None)
            boxed = box(entry) if box is not None else None
            if boxed is not None:
                box_times.append(boxed - t0)
    finally:
        feed.close()
        if extra:
            extra.close()
        receiver.stop()
        raw.stop()
    stats = {k: percentiles(v) for k, v in times.items()}
    rows = [
        {
            "what": "webhook → committed (HTTP 200)",
            **stats["committed"],
            "baseline_p95_ms": stats["raw_committed"]["p95_ms"],
            "ratio_p95": ratio(stats["committed"], stats["raw_committed"], "p95_ms"),
        },
        {
            "what": "webhook → console change feed",
            **stats["heard"],
            "baseline_p95_ms": stats["raw_heard"]["p95_ms"],
            "ratio_p95": ratio(stats["heard"], stats["raw_heard"], "p95_ms"),
        },
    ]
    if box_times:
        box_stats = percentiles(box_times)
        rows.append(
            {
                "what": "webhook → call box painted",
                **box_stats,
                "baseline_p95_ms": stats["raw_heard"]["p95_ms"],
                "ratio_p95": ratio(box_stats, stats["raw_heard"], "p95_ms"),
            }
        )
    if extra_times:
        extra_stats = percentiles(extra_times)
        rows.append(
            {
                "what": f"webhook → {extra.name if extra else ''}",
                **extra_stats,
                "baseline_p95_ms": stats["raw_heard"]["p95_ms"],
                "ratio_p95": ratio(extra_stats, stats["raw_heard"], "p95_ms"),
            }
        )
    return {"rows": rows, "stats": stats, "misses": misses, "customers": customers}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=20000)
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--gap", type=float, default=0.12, help="seconds between calls")
    parser.add_argument(
        "--console", action="store_true", help="also the console: call box and card painted"
    )
    args = parser.parse_args()
    with throwaway_database("okno_bench_pop") as url:
        seed(url, args.customers)
        result = run(
            url,
            args.customers,
            args.samples,
            args.gap,
            sink_factory=ConsoleSink if args.console else None,
        )
        env = environment(url)
    print_table(
        f"T1 screen pop, {args.customers} customers, {args.samples} samples"
        " (target: p95 ≤ 300 ms end to end)",
        result["rows"],
        ["what", "n", "p50_ms", "p95_ms", "p99_ms", "max_ms", "baseline_p95_ms", "ratio_p95"],
    )
    if result["misses"]:
        print(f"\n{result['misses']} samples not heard within 5 s")
    write_json("screen_pop", {**result, "environment": env, "args": vars(args)})
    return 0


if __name__ == "__main__":
    sys.exit(main())
