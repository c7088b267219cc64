"""``okno calls ...`` (the call log) and ``okno pbx ...`` (the Mango emulator and demo PBX)."""

from __future__ import annotations

import argparse
import dataclasses
import json
import signal
import threading
from typing import Any

import requests
from sqlalchemy import select

from app.cli.common import print_json
from app.config import load_config
from app.db import session_scope
from app.telephony import (
    calls_for_customer,
    calls_for_operator,
    calls_for_order,
    missed_callbacks,
    start_demo_pbx,
)
from app.telephony.call_log import CallLogRow
from app.telephony.receiver import parse_listen
from integrations.telephony.emulator import MangoEmulator
from models import User

DEFAULT_EMULATOR = "http://127.0.0.1:8090"


def register(sub: Any) -> None:
    calls = sub.add_parser("calls", help="the call log")
    csub = calls.add_subparsers(dest="calls_command", metavar="ACTION", required=True)
    log = csub.add_parser("log", help="calls of a customer, an order or an operator")
    who = log.add_mutually_exclusive_group(required=True)
    who.add_argument("--customer", type=int, metavar="ID")
    who.add_argument("--order", type=int, metavar="ID")
    who.add_argument("--operator", metavar="LOGIN")
    log.add_argument("--limit", type=int, default=50)
    log.add_argument("--json", action="store_true")
    log.set_defaults(handler=_log)
    missed = csub.add_parser("missed", help="missed inbound calls still to call back")
    missed.add_argument("--limit", type=int, default=100)
    missed.add_argument("--json", action="store_true")
    missed.set_defaults(handler=_missed)

    pbx = sub.add_parser("pbx", help="the Mango VPBX emulator and the demo PBX")
    psub = pbx.add_subparsers(dest="pbx_command", metavar="ACTION", required=True)
    emu = psub.add_parser("emulator", help="run a Mango VPBX emulator posting to a webhook")
    emu.add_argument("--listen", default="127.0.0.1:8090", metavar="HOST:PORT")
    emu.add_argument("--webhook", metavar="URL", help="our receiver (default: the configured one)")
    emu.add_argument("--pace", type=float, default=1.0, help="real seconds per call second")
    emu.add_argument("--shuffle", action="store_true", help="post each call's events shuffled")
    emu.add_argument("--duplicate", action="store_true", help="post some events twice")
    emu.set_defaults(handler=_emulator)
    demo = psub.add_parser(
        "demo", help="emulator + webhook receiver on this database (pretend calls)"
    )
    demo.add_argument("--listen", default="127.0.0.1:8090", metavar="HOST:PORT")
    demo.add_argument("--pace", type=float, default=1.0)
    demo.set_defaults(handler=_demo)
    ring = psub.add_parser("ring", help="simulate an inbound call on a running emulator")
    ring.add_argument("number", help="the caller's number, any format")
    ring.add_argument("--extension", default="101")
    ring.add_argument("--emulator", default=DEFAULT_EMULATOR, metavar="URL")
    ring.add_argument("--no-answer", action="store_true", help="the operator does not pick up")
    ring.add_argument("--talk", type=float, default=20.0, metavar="SECONDS")
    ring.set_defaults(handler=_ring)


def _print_rows(rows: list[CallLogRow], as_json: bool) -> int:
    if as_json:
        print_json([dataclasses.asdict(r) for r in rows])
        return 0
    for r in rows:
        talk = f"{r.talk_seconds:.0f}s" if r.talk_seconds is not None else "-"
        wait = f"{r.wait_seconds:.0f}s" if r.wait_seconds is not None else "-"
        print(
            f"{r.id:>6}  {r.started_at:%Y-%m-%d %H:%M:%S}  {r.direction:<8}"
            f" {r.result or r.state:<9}"
            f" {r.number or '':<16} wait {wait:>5} talk {talk:>5}"
            f"  {r.customer_name or '-'}  order {r.order_id or '-'}"
            f"  {r.operator_name or '-'}{'  [rec]' if r.has_recording else ''}"
            if r.started_at
            else f"{r.id:>6}  (no time yet) {r.direction} {r.state}"
        )
    if not rows:
        print("no calls")
    return 0


def _log(args: argparse.Namespace) -> int:
    config = load_config(args.database_url)
    with session_scope(config.database_url) as session:
        if args.customer is not None:
            rows = calls_for_customer(session, args.customer, limit=args.limit)
        elif args.order is not None:
            rows = calls_for_order(session, args.order, limit=args.limit)
        else:
            user_id = session.scalar(select(User.id).where(User.login == args.operator))
            if user_id is None:
                print(f"okno: error: no user {args.operator!r}")
                return 1
            rows = calls_for_operator(session, user_id, limit=args.limit)
        return _print_rows(rows, args.json)


def _missed(args: argparse.Namespace) -> int:
    config = load_config(args.database_url)
    with session_scope(config.database_url) as session:
        return _print_rows(missed_callbacks(session, limit=args.limit), args.json)


def _wait_for_signal() -> None:
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    while not stop.wait(0.5):
        pass


def _emulator(args: argparse.Namespace) -> int:
    config = load_config(args.database_url)
    if not (config.mango_api_key and config.mango_api_salt):
        print(
            "okno: error: set OKNO_MANGO_API_KEY and OKNO_MANGO_API_SALT (shared with the worker)"
        )
        return 2
    host, port = parse_listen(args.listen)
    webhook = args.webhook or f"http://{config.webhook_host}:{config.webhook_port}"
    emulator = MangoEmulator(
        config.mango_api_key,
        config.mango_api_salt,
        webhook,
        host=host,
        port=port,
        pace=args.pace,
        shuffle=args.shuffle,
        duplicate=args.duplicate,
    ).start()
    print(f"Mango emulator: API {emulator.base_url} → webhooks {webhook}")
    print(f"  okno pbx ring +79161234567 --emulator {emulator.url}")
    _wait_for_signal()
    emulator.stop()
    return 0


def _demo(args: argparse.Namespace) -> int:
    config = load_config(args.database_url)
    host, port = parse_listen(args.listen)
    demo = start_demo_pbx(config.database_url, pace=args.pace, host=host, emulator_port=port)
    print(f"demo PBX: emulator {demo.emulator.url}, webhook receiver {demo.receiver.url}")
    print(f"  okno pbx ring +79161234567 --emulator {demo.emulator.url}")
    _wait_for_signal()
    demo.stop()
    return 0


def _ring(args: argparse.Namespace) -> int:
    body = {
        "from_number": args.number,
        "extension": args.extension,
        "answer": not args.no_answer,
        "talk_seconds": args.talk,
    }
    try:
        answer = requests.post(
            f"{args.emulator.rstrip('/')}/__emu/ring", data=json.dumps(body), timeout=10
        )
    except requests.RequestException as exc:
        print(
            f"okno: error: no emulator at {args.emulator} ({type(exc).__name__});"
            " start `okno pbx demo`"
        )
        return 1
    if answer.status_code != 200:
        print(f"okno: error: the emulator answered HTTP {answer.status_code}")
        return 1
    print(
        f"ringing extension {args.extension} from {args.number}: entry {answer.json()['entry_id']}"
    )
    return 0
