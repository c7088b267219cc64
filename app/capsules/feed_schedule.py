"""The worker's scheduled pull of the capsule feed.

Configured by the environment like the rest of the process (``OKNO_CAPSULE_FEED_URL``, and
``OKNO_CAPSULE_FEED_MINUTES``, default 60) or ``okno worker --capsule-feed URL``. The schedule
lives in the database (``capsule_feeds.checked_at``), so several workers don't each pull on
their own clock and a restart doesn't pull again at once; a conditional GET makes an unchanged
feed one cheap round trip anyway."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.capsules.feed_import import ImportReport, pull_feed
from app.clock import Clock
from integrations.capsule_feed import CapsuleFeedClient, FeedError
from models import CapsuleFeed

DEFAULT_MINUTES = 60


@dataclass(frozen=True, slots=True)
class FeedSchedule:
    url: str
    every: dt.timedelta = dt.timedelta(minutes=DEFAULT_MINUTES)


def schedule_from_env(url: str | None = None) -> FeedSchedule | None:
    """The configured feed, or None when no feed is configured (the job is then off)."""
    url = url or os.environ.get("OKNO_CAPSULE_FEED_URL", "").strip()
    if not url:
        return None
    minutes = float(os.environ.get("OKNO_CAPSULE_FEED_MINUTES", DEFAULT_MINUTES))
    return FeedSchedule(url, dt.timedelta(minutes=max(1.0, minutes)))


def pull_if_due(
    sessions: Callable[[], Session],
    schedule: FeedSchedule,
    clock: Clock,
    *,
    client: CapsuleFeedClient | None = None,
) -> ImportReport | None:
    """Pull and import when the last check is older than the schedule; None when not due.
    A failed pull is recorded (so the next try waits a full interval, not one worker round)
    and re-raised for the worker's report."""
    now = clock.now()
    with sessions() as session, session.begin():
        checked = session.scalar(
            select(CapsuleFeed.checked_at).where(CapsuleFeed.url == schedule.url[:500])
        )
    if checked is not None and now - checked < schedule.every:
        return None
    # few retries: a worker round must not hang on a feed that is down
    http = client or CapsuleFeedClient(retries=1, timeout=(5.0, 20.0))
    try:
        with sessions() as session, session.begin():
            return pull_feed(session, schedule.url, clock, client=http)
    except FeedError as exc:
        with sessions() as session, session.begin():
            state = session.get(CapsuleFeed, schedule.url[:500]) or CapsuleFeed(
                url=schedule.url[:500]
            )
            state.checked_at = now
            state.last_result = f"error: {exc}"[:500]
            session.add(state)
        raise
    finally:
        if client is None:
            http.close()
