"""Log-in against the users table, with a growing delay after failures."""

from __future__ import annotations

import pytest

from app.auth import LoginFailed, LoginThrottle, authenticate
from app.clock import FixedClock
from app.db import session_scope
from models import Role
from tests import factories as f


def test_login_success_failure_and_throttle(db_url: str) -> None:
    with session_scope(db_url) as s:
        f.user(s, "anna", Role.SUPERVISOR, name="Анна", pbx_extension="101")
        f.user(s, "gone", Role.OPERATOR, is_active=False)
    slept: list[float] = []
    throttle = LoginThrottle(sleep=slept.append)
    clock = FixedClock(f.T0)
    for _ in range(3):
        with pytest.raises(LoginFailed), session_scope(db_url) as s:
            authenticate(s, "anna", "wrong", clock, throttle)
    assert slept == [1.0, 2.0]
    with pytest.raises(LoginFailed), session_scope(db_url) as s:
        authenticate(s, "nobody", "secret", clock, throttle)
    with pytest.raises(LoginFailed), session_scope(db_url) as s:
        authenticate(s, "gone", "secret", clock, throttle)
    with session_scope(db_url) as s:
        user = authenticate(s, "anna", "secret", clock, throttle)
    assert (user.login, user.role, user.extension, user.sees_everyone) == (
        "anna",
        "supervisor",
        "101",
        True,
    )
    assert throttle.delay_for("anna") == 0.0
    with session_scope(db_url) as s:
        assert s.get(f.User, user.id).last_login_at == f.T0
