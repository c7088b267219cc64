"""``okno customers ...``: find, show, add and merge customers; list likely duplicates."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from app.actors import actor_for_user
from app.cli.common import clock_from, print_json
from app.config import load_config
from app.customers.errors import CustomerError
from app.db import get_engine, get_sessionmaker, session_scope


def register(sub: Any) -> None:
    p = sub.add_parser("customers", help="find, show, add and merge customers")
    csub = p.add_subparsers(dest="customers_command", metavar="ACTION", required=True)

    find = csub.add_parser(
        "find", help="ranked matches by phone, e-mail, name (any word order) or order number"
    )
    find.add_argument("query")
    find.add_argument("--limit", type=int, default=20)
    find.add_argument("--json", action="store_true", help="print JSON (default: a table)")
    find.set_defaults(handler=_find)

    show = csub.add_parser("show", help="a customer's profile: metrics, badges, timeline")
    show.add_argument("customer_id", type=int, metavar="ID")
    show.add_argument("--json", action="store_true")
    show.add_argument("--now", help="ISO-8601 instant to compute ages and metrics at")
    show.set_defaults(handler=_show)

    tl = csub.add_parser("timeline", help="a customer's timeline, newest first, paged")
    tl.add_argument("customer_id", type=int, metavar="ID")
    tl.add_argument("--cursor", help="next_cursor of the previous page")
    tl.add_argument("--limit", type=int, default=50)
    tl.add_argument("--json", action="store_true")
    tl.set_defaults(handler=_timeline)

    dup = csub.add_parser("duplicates", help="likely duplicate groups (phone, e-mail, name+birth)")
    dup.add_argument("--limit", type=int, default=500, help="at most this many groups per kind")
    dup.add_argument("--json", action="store_true")
    dup.set_defaults(handler=_duplicates)

    merge = csub.add_parser("merge", help="merge customer DUP_ID into KEEP_ID (one transaction)")
    merge.add_argument("keep_id", type=int, metavar="KEEP_ID")
    merge.add_argument("duplicate_id", type=int, metavar="DUP_ID")
    merge.add_argument("--user", required=True, metavar="LOGIN", help="who merges (recorded)")
    merge.add_argument("--json", action="store_true")
    merge.add_argument("--now", help="ISO-8601 instant to act at (default: now)")
    merge.set_defaults(handler=_merge)

    add = csub.add_parser("add", help="create a customer (a known phone/e-mail is refused)")
    add.add_argument("--first-name", default="")
    add.add_argument("--last-name", default="")
    add.add_argument("--patronymic")
    add.add_argument("--phone", action="append", default=[], help="repeat for several")
    add.add_argument("--email")
    add.add_argument("--birth-date", help="YYYY-MM-DD")
    add.add_argument("--user", required=True, metavar="LOGIN")
    add.add_argument(
        "--force", action="store_true", help="create even if the phone/e-mail exists (recorded)"
    )
    add.add_argument("--json", action="store_true")
    add.add_argument("--now", help="ISO-8601 instant to act at (default: now)")
    add.set_defaults(handler=_add)

    reindex = csub.add_parser(
        "reindex", help="fill the search columns of customers loaded around the application"
    )
    reindex.add_argument("--all", action="store_true", help="recompute every row, not only empty")
    reindex.set_defaults(handler=_reindex)

    bd = csub.add_parser("birthday-promos", help="issue due children's birthday promos now")
    bd.add_argument("--now", help="ISO-8601 instant to act at (default: now)")
    bd.set_defaults(handler=_birthday_promos)


def _fail(exc: Exception) -> int:
    print(f"okno: {exc}", file=sys.stderr)
    return 1


def _find(args: argparse.Namespace) -> int:
    from app.customers.metrics import metrics_for_many
    from app.customers.search import search

    config = load_config(args.database_url)
    clock = clock_from(None)
    with session_scope(config.database_url) as session:
        hits = search(session, args.query, args.limit, config.phone_region)
        metrics = metrics_for_many(session, [h.id for h in hits], clock)
    if args.json:
        print_json([{**h.as_json(), "metrics": metrics[h.id].as_json()} for h in hits])
        return 0
    if not hits:
        print("no customers found")
    for h in hits:
        m = metrics[h.id]
        phone = h.phones[0] if h.phones else "-"
        print(
            f"#{h.id:<8} {h.name or '(no name)':<36} {phone:<14} {h.email or '-':<28} "
            f"orders {m.order_count:>3}  LTV {m.ltv}  [{h.matched}]"
        )
    return 0


def _show(args: argparse.Namespace) -> int:
    from app.customers.profile import customer_profile

    config = load_config(args.database_url)
    try:
        with session_scope(config.database_url) as session:
            profile = customer_profile(session, args.customer_id, clock_from(args.now))
    except CustomerError as exc:
        return _fail(exc)
    if args.json:
        print_json(profile.as_json())
        return 0
    m = profile.metrics
    print(f"#{profile.id} {profile.name}  v{profile.version}")
    if profile.merged_into_id:
        print(
            f"  merged into #{profile.merged_into_id} at {profile.merged_at} by {profile.merged_by}"
        )
    phones = ", ".join(p.e164 for p in profile.phones) or "-"
    badges = ", ".join(b.title for b in profile.badges) or "-"
    print(f"  phones: {phones}  email: {profile.email or '-'}")
    print(f"  badges: {badges}  tags: {', '.join(profile.tags) or '-'}")
    print(
        f"  orders {m.order_count}, LTV {m.ltv}, average {m.average_check or '-'}, "
        f"buyout {m.buyout_rate if m.buyout_rate is not None else '-'}%, "
        f"favourite: {', '.join(c.name for c in m.top_categories) or '-'}"
    )
    for child in profile.children:
        print(f"  child {child.name}, {child.age_years} y, birthday in {child.days_to_birthday} d")
    for item in profile.timeline.items[:10]:
        print(
            f"  {item.at:%Y-%m-%d %H:%M}  {item.title}{' — ' + item.detail if item.detail else ''}"
        )
    return 0


def _timeline(args: argparse.Namespace) -> int:
    from app.customers.timeline import timeline

    config = load_config(args.database_url)
    try:
        with session_scope(config.database_url) as session:
            page = timeline(session, args.customer_id, cursor=args.cursor, limit=args.limit)
    except CustomerError as exc:
        return _fail(exc)
    if args.json:
        print_json({"items": [i.as_json() for i in page.items], "next_cursor": page.next_cursor})
        return 0
    for item in page.items:
        print(f"{item.at:%Y-%m-%d %H:%M}  {item.kind:<7} {item.title}")
    if page.next_cursor:
        print(f"more: --cursor '{page.next_cursor}'")
    return 0


def _duplicates(args: argparse.Namespace) -> int:
    from app.customers.duplicates import duplicate_groups

    config = load_config(args.database_url)
    with session_scope(config.database_url) as session:
        groups = duplicate_groups(session, args.limit)
    if args.json:
        print_json([g.as_json() for g in groups])
        return 0
    if not groups:
        print("no likely duplicates")
    for g in groups:
        print(f"{g.reason} {g.key}: " + "; ".join(str(c) for c in g.customers))
    return 0


def _merge(args: argparse.Namespace) -> int:
    from app.customers.merge import merge_customers

    config = load_config(args.database_url)
    try:
        with session_scope(config.database_url) as session:
            actor = actor_for_user(session, args.user)
            result = merge_customers(
                session, args.keep_id, args.duplicate_id, actor, clock_from(args.now)
            )
    except (CustomerError, LookupError, PermissionError) as exc:
        return _fail(exc)
    if args.json:
        print_json(result.as_json())
    else:
        moved = ", ".join(f"{k.split('.')[0]} {v}" for k, v in result.moved.items() if v)
        print(
            f"customer #{result.merged_id} merged into #{result.kept_id} by {result.merged_by}"
            f"{': moved ' + moved if moved else ''}"
        )
    return 0


def _add(args: argparse.Namespace) -> int:
    from app.customers.service import NewCustomer, create_customer

    config = load_config(args.database_url)
    try:
        birth = dt.date.fromisoformat(args.birth_date) if args.birth_date else None
    except ValueError:
        return _fail(ValueError(f"birth date {args.birth_date!r} is not YYYY-MM-DD"))
    data = NewCustomer(
        first_name=args.first_name,
        last_name=args.last_name,
        patronymic=args.patronymic,
        phones=tuple(args.phone),
        email=args.email,
        birth_date=birth,
    )
    try:
        with session_scope(config.database_url) as session:
            actor = actor_for_user(session, args.user)
            created = create_customer(
                session,
                data,
                actor,
                clock_from(args.now),
                force=args.force,
                region=config.phone_region,
            )
    except (CustomerError, LookupError, PermissionError) as exc:
        return _fail(exc)
    if args.json:
        print_json(
            {
                "id": created.customer.id,
                "name": created.customer.name,
                "version": created.version,
                "similar": [{"id": c.id, "name": c.name} for c in created.similar],
                "forced_over": [c.id for c in created.forced_over],
            }
        )
    else:
        print(f"created customer {created.customer}")
        for c in created.similar:
            print(f"  similar (same birth date): {c}")
    return 0


def _reindex(args: argparse.Namespace) -> int:
    from app.customers.text import backfill_search_columns

    config = load_config(args.database_url)
    with get_engine(config.database_url).begin() as conn:
        n = backfill_search_columns(conn, only_missing=not args.all)
    print(f"search columns filled for {n} customers")
    return 0


def _birthday_promos(args: argparse.Namespace) -> int:
    from app.customers.birthdays import issue_birthday_promos

    config = load_config(args.database_url)
    issued = issue_birthday_promos(
        get_sessionmaker(config.database_url), clock_from(args.now), timezone=config.timezone
    )
    print_json(
        [
            {
                "code": p.code,
                "customer_id": p.customer_id,
                "child_id": p.child_id,
                "birthday": p.birthday.isoformat(),
                "valid_to": p.valid_to.isoformat(),
                "message_id": p.message_id,
                "no_message_reason": p.no_message_reason,
            }
            for p in issued
        ]
    )
    return 0
