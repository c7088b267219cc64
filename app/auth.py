"""Console log-in: user + password against the users table, slowed down against guessing.

Failures are counted per login in this process; each one adds a growing delay before the answer
(1 s, 2 s, 4 s … capped), so a script cannot try thousands of passwords, while a person who
mistyped once barely notices. The delay runs on the caller's (background) thread."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.security import verify_password
from models import User

MAX_DELAY_SECONDS = 16.0


class LoginFailed(Exception):
    """Wrong login or password (deliberately not saying which)."""


@dataclass(frozen=True, slots=True)
class LoggedInUser:
    id: int
    login: str
    name: str
    role: str
    extension: str | None

    @property
    def sees_everyone(self) -> bool:
        """Supervisors and admins see every operator's queue and the settings."""
        return self.role in {"supervisor", "admin"}


class LoginThrottle:
    def __init__(self, sleep: Callable[[float], None] = time.sleep) -> None:
        self._failures: dict[str, int] = {}
        self._lock = threading.Lock()
        self._sleep = sleep

    def delay_for(self, login: str) -> float:
        with self._lock:
            n = self._failures.get(login.lower(), 0)
        return 0.0 if n == 0 else min(2.0 ** (n - 1), MAX_DELAY_SECONDS)

    def failed(self, login: str) -> None:
        with self._lock:
            self._failures[login.lower()] = self._failures.get(login.lower(), 0) + 1

    def succeeded(self, login: str) -> None:
        with self._lock:
            self._failures.pop(login.lower(), None)

    def wait(self, login: str) -> None:
        delay = self.delay_for(login)
        if delay:
            self._sleep(delay)


THROTTLE = LoginThrottle()


def authenticate(
    session: Session,
    login: str,
    password: str,
    clock: Clock,
    throttle: LoginThrottle = THROTTLE,
) -> LoggedInUser:
    throttle.wait(login)
    user = session.scalar(select(User).where(User.login == login.strip()))
    # verify even for unknown users, so the answer takes as long either way
    stored = user.password_hash if user else "scrypt$4$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA"
    ok = verify_password(password, stored) and user is not None and user.is_active
    if not ok or user is None:
        throttle.failed(login)
        raise LoginFailed("wrong login or password")
    throttle.succeeded(login)
    user.last_login_at = clock.now()
    return LoggedInUser(user.id, user.login, user.name, user.role.value, user.pbx_extension)
