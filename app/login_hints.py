"""What the log-in dialog may tell a newcomer: the demo accounts, when they really work.

On the embedded demo database (``okno console --demo``) the dialog names the demo users and
their shared password so anyone gets in at once. It says so only when it is true: the accounts
exist, are active and still accept :data:`app.demo.DEMO_PASSWORD` (an administrator who changed
the password has made it a real installation, whose passwords are nobody's business)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.demo import DEMO_PASSWORD, DEMO_USERS
from app.security import verify_password
from models import User


@dataclass(frozen=True, slots=True)
class DemoAccount:
    login: str
    name: str
    role: str


def demo_accounts(session: Session) -> tuple[DemoAccount, ...]:
    """The demo accounts that log in with the demo password, in :data:`DEMO_USERS` order
    (empty when there are none, or the password no longer works)."""
    logins = [u.login for u in DEMO_USERS]
    rows = {
        login: (name, role.value, password_hash)
        for login, name, role, password_hash in session.execute(
            select(User.login, User.name, User.role, User.password_hash).where(
                User.login.in_(logins), User.is_active.is_(True)
            )
        )
    }
    if not rows:
        return ()
    # one scrypt check (~0.2 s) speaks for all: the seeder gives every demo user one password
    probe = next(login for login in logins if login in rows)
    if not verify_password(DEMO_PASSWORD, rows[probe][2]):
        return ()
    return tuple(
        DemoAccount(login, rows[login][0], rows[login][1]) for login in logins if login in rows
    )
