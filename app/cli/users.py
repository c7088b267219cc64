"""``okno user ...``: console accounts."""

from __future__ import annotations

import argparse
import getpass
import os
from typing import Any

from sqlalchemy import select

from app.config import load_config
from app.db import session_scope
from app.security import hash_password
from models import Role, User


def register(sub: Any) -> None:
    p = sub.add_parser("user", help="console users")
    usub = p.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = usub.add_parser("add", help="create a user (password from $OKNO_PASSWORD or a prompt)")
    add.add_argument("login")
    add.add_argument("--role", choices=[r.value for r in Role], default=Role.OPERATOR.value)
    add.add_argument("--name", help="display name (default: the login)")
    add.add_argument("--extension", help="PBX extension for screen pops and click-to-call")
    add.set_defaults(handler=_add)
    ls = usub.add_parser("list", help="list users")
    ls.set_defaults(handler=_list)


def _add(args: argparse.Namespace) -> int:
    password = os.environ.get("OKNO_PASSWORD") or getpass.getpass(f"Password for {args.login}: ")
    if not password:
        print("okno: error: an empty password is not allowed")
        return 2
    config = load_config(args.database_url)
    with session_scope(config.database_url) as session:
        if session.scalar(select(User.id).where(User.login == args.login)) is not None:
            print(f"okno: error: user {args.login!r} already exists")
            return 1
        session.add(
            User(
                login=args.login,
                name=args.name or args.login,
                role=Role(args.role),
                password_hash=hash_password(password),
                pbx_extension=args.extension,
            )
        )
    print(f"user {args.login} ({args.role}) created")
    return 0


def _list(args: argparse.Namespace) -> int:
    config = load_config(args.database_url)
    with session_scope(config.database_url) as session:
        for user in session.scalars(select(User).order_by(User.login)):
            ext = user.pbx_extension or "-"
            print(f"{user.login:<16} {user.role.value:<11} ext {ext:<6} {user.name}")
    return 0
