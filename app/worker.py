"""``okno worker``: the headless process beside the database.

Each round: the robot decides new orders, the timers fire (retry chain, reserve expiry, birthday
promos once a day) and the outbox is dispatched to the registered handlers. Every job is safe to
run in several workers at once (row locks with SKIP LOCKED on PostgreSQL, one writer at a time on
SQLite), and a round only looks at what is due *now* by the injected clock, so
``--once --now T`` replays a moment exactly."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import signal
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from types import FrameType
from typing import Any

from sqlalchemy.orm import Session

from app import dispatch, robot
from app.capsules import feed_schedule
from app.clock import Clock
from app.customers import birthdays
from app.db import get_sessionmaker
from app.orders.outcomes import release_due_retries
from app.orders.reserves import expire_reserves

log = logging.getLogger(__name__)


@dataclass
class RoundReport:
    robot_confirmed: int = 0
    robot_to_queue: int = 0
    retries_due: int = 0
    reserves_expired: int = 0
    birthday_promos: int = 0
    stale_calls_closed: int = 0
    events_dispatched: dict[str, int] = field(default_factory=dict)
    retries_attempted: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "robot": {"confirmed": self.robot_confirmed, "needs_confirmation": self.robot_to_queue},
            "retries_due": self.retries_due,
            "reserves_expired": self.reserves_expired,
            "birthday_promos": self.birthday_promos,
            "stale_calls_closed": self.stale_calls_closed,
            "events_dispatched": self.events_dispatched,
            "retries_attempted": self.retries_attempted,
            "errors": self.errors,
        }

    @property
    def did_work(self) -> bool:
        return bool(
            self.robot_confirmed
            or self.robot_to_queue
            or self.retries_due
            or self.reserves_expired
            or self.birthday_promos
            or self.stale_calls_closed
            or any(self.events_dispatched.values())
            or any(self.retries_attempted.values())
        )


class Worker:
    def __init__(
        self,
        database_url: str,
        clock: Clock,
        handlers: Sequence[dispatch.Handler] = (),
        interval: float = 2.0,
        capsule_feed: feed_schedule.FeedSchedule | None = None,
    ) -> None:
        self.database_url = database_url
        self.capsule_feed = capsule_feed
        self.clock = clock
        self.handlers = list(handlers)
        self.interval = interval
        self._stop = threading.Event()
        self._sessions: Callable[[], Session] = get_sessionmaker(database_url)
        self._birthdays_done_on: dt.date | None = None

    def run_once(self) -> RoundReport:
        """Do everything that is due at ``clock.now()`` and return what was done. A failing job
        is logged and reported; it does not stop the others."""
        report = RoundReport()
        self._job(report, "robot", self._robot)
        self._job(report, "retries", self._retries)
        self._job(report, "reserves", self._reserves)
        self._job(report, "birthdays", self._birthdays)
        self._job(report, "stale_calls", self._stale_calls)
        if self.capsule_feed is not None:
            self._job(report, "capsule_feed", self._capsule_feed)
        for handler in self.handlers:
            self._job(
                report,
                f"dispatch:{handler.name}",
                functools.partial(self._dispatch, handler=handler),
            )
        return report

    def run_forever(self) -> None:
        log.info("worker started (%d handlers)", len(self.handlers))
        while not self._stop.is_set():
            report = self.run_once()
            if report.did_work:
                log.info("round: %s", report.as_json())
                continue  # there may be more: go again without waiting
            self._stop.wait(self.interval)
        log.info("worker stopped")

    def stop(self) -> None:
        self._stop.set()

    def install_signal_handlers(self) -> None:
        """Graceful stop on SIGTERM/SIGINT: the current round finishes and commits first."""

        def _handler(signum: int, _frame: FrameType | None) -> None:
            log.info("signal %s: stopping after this round", signum)
            self.stop()

        signal.signal(signal.SIGTERM, _handler)
        signal.signal(signal.SIGINT, _handler)

    # jobs ---------------------------------------------------------------------------------------

    def _job(self, report: RoundReport, name: str, fn: Callable[[RoundReport], None]) -> None:
        try:
            fn(report)
        except Exception as exc:
            log.exception("worker job %s failed", name)
            report.errors.append(f"{name}: {type(exc).__name__}: {exc}")

    def _robot(self, report: RoundReport) -> None:
        for decision in robot.process_new_orders(self._sessions, self.clock):
            if decision.confirmed:
                report.robot_confirmed += 1
            else:
                report.robot_to_queue += 1

    def _retries(self, report: RoundReport) -> None:
        with self._sessions() as session, session.begin():
            report.retries_due += len(release_due_retries(session, self.clock))

    def _reserves(self, report: RoundReport) -> None:
        with self._sessions() as session, session.begin():
            report.reserves_expired += len(expire_reserves(session, self.clock))

    def _stale_calls(self, report: RoundReport) -> None:
        # calls whose PBX summary never came get a result from their legs (missed ones become
        # call-backs); see app/telephony/stale_calls.py
        from app.telephony.stale_calls import close_stale_calls

        with self._sessions() as session, session.begin():
            report.stale_calls_closed += len(close_stale_calls(session, self.clock))

    def _birthdays(self, report: RoundReport) -> None:
        # Birthdays are days: look once per local day (and again after a failed look), not
        # every round. The job itself is idempotent, so several workers may all look.
        today = birthdays.local_today(self.clock)
        if self._birthdays_done_on == today:
            return
        report.birthday_promos += len(birthdays.issue_birthday_promos(self._sessions, self.clock))
        self._birthdays_done_on = today

    def _capsule_feed(self, report: RoundReport) -> None:
        # due by the feed's last check time in the database; a 304 costs one round trip
        if self.capsule_feed is not None:
            pulled = feed_schedule.pull_if_due(self._sessions, self.capsule_feed, self.clock)
            if pulled is not None:
                log.info("capsule feed: %s", pulled.summary())

    def _dispatch(self, report: RoundReport, *, handler: dispatch.Handler) -> None:
        with self._sessions() as session, session.begin():
            report.retries_attempted[handler.name] = dispatch.retry_due(
                session, handler, self.clock
            )
        with self._sessions() as session, session.begin():
            report.events_dispatched[handler.name] = dispatch.dispatch_new(
                session, handler, self.clock
            )


def default_handlers(database_url: str) -> list[dispatch.Handler]:
    """Handlers the configured integrations register (none are configured yet by default)."""
    return []
