"""``okno worker``: run the robots, timers and dispatchers (see app/worker.py)."""

from __future__ import annotations

import argparse
from typing import Any

from app.capsules.feed_schedule import schedule_from_env
from app.cli.common import clock_from, print_json
from app.config import load_config
from app.telephony.receiver import receiver_from_config
from app.worker import Worker, default_handlers


def register(sub: Any) -> None:
    p = sub.add_parser("worker", help="the headless worker: robot, timers, dispatch")
    p.add_argument("--once", action="store_true", help="do what is due now, print it, exit")
    p.add_argument("--now", help="with --once: act as if it were this ISO-8601 instant")
    p.add_argument("--interval", type=float, default=2.0, help="seconds between idle rounds")
    p.add_argument(
        "--capsule-feed",
        metavar="URL",
        help="pull this capsule feed on schedule (default: $OKNO_CAPSULE_FEED_URL; "
        "every $OKNO_CAPSULE_FEED_MINUTES, 60)",
    )
    p.add_argument(
        "--pbx-listen",
        metavar="HOST:PORT",
        help="serve the PBX webhooks here (default: $OKNO_WEBHOOK_HOST:$OKNO_WEBHOOK_PORT, "
        "when $OKNO_MANGO_API_KEY and $OKNO_MANGO_API_SALT are set)",
    )
    p.set_defaults(handler=_worker)


def _worker(args: argparse.Namespace) -> int:
    if args.now and not args.once:
        print("okno: error: --now only makes sense with --once")
        return 2
    config = load_config(args.database_url)
    worker = Worker(
        config.database_url,
        clock_from(args.now),
        default_handlers(config.database_url),
        interval=args.interval,
        capsule_feed=schedule_from_env(args.capsule_feed),
    )
    if args.once:
        report = worker.run_once()
        print_json(report.as_json())
        return 1 if report.errors else 0
    receiver = receiver_from_config(config, args.pbx_listen)
    if receiver is not None:
        receiver.start()
    worker.install_signal_handlers()
    try:
        worker.run_forever()
    finally:
        if receiver is not None:
            receiver.stop()
    return 0
