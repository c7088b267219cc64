"""``okno capsules ...``: import the mailing service's capsule feed, list the capsules."""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy import func, select

from app.capsules.feed_import import pull_feed
from app.cli.common import clock_from, print_json
from app.config import load_config
from app.db import session_scope
from integrations.capsule_feed import FeedError
from models import Capsule, CapsuleItem

EXIT_PARTIAL = 3


def register(sub: Any) -> None:
    p = sub.add_parser("capsules", help="capsules: curated sets offered as cross-sell")
    csub = p.add_subparsers(dest="capsules_command", metavar="ACTION", required=True)
    imp = csub.add_parser(
        "import", help="import the capsule feed from a URL (conditional GET) or a JSON file"
    )
    imp.add_argument("source", metavar="URL|FILE")
    imp.add_argument(
        "--force", action="store_true", help="fetch even if the feed says it has not changed"
    )
    imp.add_argument("--now", help="act as if it were this ISO-8601 instant")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=_import)
    ls = csub.add_parser("list", help="the capsules, live first")
    ls.add_argument("--all", action="store_true", help="retired ones too")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=_list)


def _import(args: argparse.Namespace) -> int:
    config = load_config(args.database_url)
    try:
        with session_scope(config.database_url) as session:
            report = pull_feed(session, args.source, clock_from(args.now), force=args.force)
    except FeedError as exc:
        print(f"okno: error: {exc}")
        return 1
    if args.json:
        print_json(
            {
                "source": report.source,
                "not_modified": report.not_modified,
                "created": report.created,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "retired": report.retired,
                "revived": report.revived,
                "rejected": report.rejected,
                "partial": report.partial,
                "problems": report.problems,
            }
        )
    else:
        print(report.summary())
        for line in report.problems:
            print(f"  ! {line}")
        if report.rejected or report.partial:
            print("  (kept in the dead-letter table, source 'capsules.feed')")
    return EXIT_PARTIAL if not report.ok else 0


def _list(args: argparse.Namespace) -> int:
    config = load_config(args.database_url)
    with session_scope(config.database_url) as session:
        count = (
            select(func.count())
            .where(CapsuleItem.capsule_id == Capsule.id)
            .correlate(Capsule)
            .scalar_subquery()
        )
        query = select(Capsule, count).order_by(Capsule.retired_at.is_not(None), Capsule.name)
        if not args.all:
            query = query.where(Capsule.retired_at.is_(None))
        rows = [
            {
                "id": c.external_id,
                "name": c.name,
                "season": c.season,
                "audience": c.audience.value,
                "ages": [c.age_from, c.age_to],
                "valid": [c.valid_from, c.valid_to],
                "items": n,
                "retired_at": c.retired_at,
            }
            for c, n in session.execute(query)
        ]
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        ages = "–".join(str(a) for a in r["ages"] if a is not None) or "any age"
        valid = " .. ".join(str(v) if v else "" for v in r["valid"]).strip(" .")
        retired = f"  [retired {r['retired_at']:%Y-%m-%d}]" if r["retired_at"] else ""
        print(f"{r['id']:<14} {r['name']:<44} {r['audience']:<7} {ages:<8} "
              f"{r['items']:>2} items  {valid}{retired}")  # fmt: skip
    print(f"{len(rows)} capsule(s)")
    return 0
