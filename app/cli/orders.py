"""``okno orders ...``: import, inspect and move orders from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from app.actors import actor_for_user
from app.cli.common import clock_from, print_json
from app.config import load_config
from app.db import get_sessionmaker, session_scope
from app.orders import outcomes, workflow
from app.orders.details import order_details
from app.orders.errors import OrderError

EXIT_PARTIAL = 3


def register(sub: Any) -> None:
    p = sub.add_parser("orders", help="import, inspect and move orders")
    osub = p.add_subparsers(dest="orders_command", metavar="ACTION", required=True)

    imp = osub.add_parser(
        "import", help="import a JSON array of orders in the RetailCRM v5 shape (FILE or -)"
    )
    imp.add_argument("file", help="path, or - for standard input")
    imp.add_argument("--no-robot", action="store_true", help="leave new orders for the worker")
    imp.add_argument("--now", help="ISO-8601 instant to act at (default: now)")
    imp.set_defaults(handler=_import)

    show = osub.add_parser("show", help="everything about one order")
    show.add_argument("number")
    show.add_argument("--json", action="store_true", help="print JSON (default: a summary)")
    show.set_defaults(handler=_show)

    take = osub.add_parser("take", help="claim the most urgent order from the queue for a user")
    take.add_argument("--user", required=True, metavar="LOGIN")
    take.add_argument("--json", action="store_true")
    take.add_argument("--now", help="ISO-8601 instant to act at (default: now)")
    take.set_defaults(handler=_take)

    st = osub.add_parser("set-status", help="move an order to STATUS through the transition matrix")
    st.add_argument("number")
    st.add_argument("status")
    st.add_argument("--user", required=True, metavar="LOGIN")
    st.add_argument("--comment")
    st.add_argument("--reason", help="why (required to cancel)")
    st.add_argument("--now", help="ISO-8601 instant to act at (default: now)")
    st.set_defaults(handler=_set_status)


def _import(args: argparse.Namespace) -> int:
    from app.orders.intake import import_orders

    text = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8")
    try:
        records = json.loads(text)
    except json.JSONDecodeError as exc:
        print(f"okno: error: {args.file}: not valid JSON: {exc}", file=sys.stderr)
        return 1
    if isinstance(records, dict) and isinstance(records.get("orders"), list):
        records = records["orders"]  # accept the API's {"orders": [...]} envelope too
    if not isinstance(records, list):
        print(f"okno: error: {args.file}: expected a JSON array of orders", file=sys.stderr)
        return 1
    config = load_config(args.database_url)
    summary = import_orders(
        get_sessionmaker(config.database_url),
        records,
        clock_from(args.now),
        timezone=config.timezone,
        region=config.phone_region,
        run_robot=not args.no_robot,
    )
    print_json(summary.as_json())
    return EXIT_PARTIAL if summary.rejected else 0


def _show(args: argparse.Namespace) -> int:
    config = load_config(args.database_url)
    with session_scope(config.database_url) as session:
        details = order_details(session, workflow.get_order_by_number(session, args.number))
    if args.json:
        print_json(details)
    else:
        print(
            f"{details['number']}  {details['status']}  total {details['totals']['total']}  "
            f"items {len(details['items'])}  attempts {details['retry']['no_answer_attempts']}"
        )
        for check in details["robot"]["checks"]:
            mark = "ok " if check["passed"] else "NO "
            print(f"  {mark}{check['rule']}: {check['actual']} (wanted {check['expected']})")
    return 0


def _take(args: argparse.Namespace) -> int:
    from app.queue import take_next

    config = load_config(args.database_url)
    with session_scope(config.database_url) as session:
        actor = actor_for_user(session, args.user)
    assert actor.user_id is not None  # a user actor always has an id
    claimed = take_next(config.database_url, operator_id=actor.user_id, clock=clock_from(args.now))
    if claimed is None:
        if args.json:
            print_json(None)
        else:
            print("the queue is empty")
        return 0
    with session_scope(config.database_url) as session:
        details = order_details(session, workflow.get_order(session, claimed.order_id), actor.role)
    if args.json:
        print_json(details)
    else:
        print(f"{details['number']} ({details['status']}) is yours: {details['contact']}")
    return 0


def _set_status(args: argparse.Namespace) -> int:
    config = load_config(args.database_url)
    clock = clock_from(args.now)
    try:
        with session_scope(config.database_url) as session:
            actor = actor_for_user(session, args.user)
            order = workflow.get_order_by_number(session, args.number)
            if args.status == "no_answer":
                result = outcomes.record_no_answer(
                    session, order, actor, clock, comment=args.comment
                )
                note = (
                    f"cancelled after {result.attempts} attempts"
                    if result.cancelled
                    else f"attempt {result.attempts}, next at {result.next_attempt_at}"
                )
            else:
                workflow.change_status(
                    session,
                    order,
                    args.status,
                    actor,
                    clock,
                    comment=args.comment,
                    reason=args.reason,
                )
                note = ""
            final = order.status
    except OrderError as exc:
        print(f"okno: {exc}", file=sys.stderr)
        return 1
    print(f"order {args.number}: {final}{' (' + note + ')' if note else ''}")
    return 0
