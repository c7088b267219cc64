"""The log-in dialog: the demo accounts named only when they work, wrong credentials said
plainly, the check off the UI thread, the last login remembered (never the password),
``OKNO_AUTOLOGIN``."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt

import app.auth
from app.config import data_dir
from app.db import session_scope
from app.demo import DEMO_PASSWORD, DEMO_USERS
from app.login_hints import demo_accounts
from models import Role, User
from tests import factories as f
from ui.dialogs.login import KEY_LAST_LOGIN, LoginDialog, autologin_from_env
from ui.ops import OpRunner
from ui.settings import ui_settings

pytestmark = pytest.mark.ui

MakeRunner = Callable[[str | None], OpRunner]


def _demo_users(url: str, password: str = DEMO_PASSWORD) -> None:
    with session_scope(url) as s:
        for u in DEMO_USERS:
            f.user(s, u.login, u.role, name=u.name, password_hash=f.fast_hash(password))


def _dialog(qtbot: Any, runner: OpRunner, **kw: Any) -> LoginDialog:
    dialog = LoginDialog(runner, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_demo_accounts_are_named_and_a_click_fills_the_form(
    qtbot: Any, db_url: str, make_runner: MakeRunner
) -> None:
    _demo_users(db_url)
    dialog = _dialog(qtbot, make_runner(db_url), demo_hint=True)
    qtbot.waitUntil(dialog.hint.isVisible)
    text = dialog.hint.text()
    assert '<a href="operator1">operator1</a>' in text
    assert "(operators)" in text and ">supervisor<" in text and "(supervisor)" not in text
    assert "<b>demo</b>" in text
    dialog.use_demo_account("operator1")
    assert (dialog.login.text(), dialog.password.text()) == ("operator1", "demo")
    with qtbot.waitSignal(dialog.sig_logged_in, timeout=10_000) as logged:
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    user = logged.args[0]
    assert (user.login, user.role) == ("operator1", "operator")
    assert not dialog.isVisible()


def test_no_hint_when_the_demo_password_no_longer_works(
    qtbot: Any, db_url: str, make_runner: MakeRunner
) -> None:
    _demo_users(db_url, password="changed-by-the-admin")
    with session_scope(db_url) as s:
        assert demo_accounts(s) == ()
    dialog = _dialog(qtbot, make_runner(db_url), demo_hint=True)
    qtbot.wait(300)
    assert not dialog.hint.isVisible()


def test_wrong_credentials_are_said_plainly_and_checked_off_the_ui_thread(
    qtbot: Any, db_url: str, make_runner: MakeRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    with session_scope(db_url) as s:
        f.user(s, "olga", Role.OPERATOR)
    threads: list[threading.Thread] = []
    real = app.auth.authenticate

    def spy(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr("ui.dialogs.login.authenticate", spy)
    monkeypatch.setattr(app.auth.THROTTLE, "_sleep", lambda _s: None)  # no real delay here
    dialog = _dialog(qtbot, make_runner(db_url))
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # no login typed
    assert dialog.error.text() == "Type your login."
    qtbot.keyClicks(dialog.login, "olga")
    qtbot.keyClicks(dialog.password, "nope")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.error.text().startswith("Wrong"))
    assert dialog.isVisible() and dialog.password.selectedText() == "nope"
    assert threads and all(t is not threading.main_thread() for t in threads)
    dialog.password.setText("secret")
    with qtbot.waitSignal(dialog.sig_logged_in, timeout=10_000):
        dialog.submit()
    with session_scope(db_url) as s:
        assert s.query(User).filter_by(login="olga").one().last_login_at is not None
    # the login is remembered for next time; the password is nowhere in the settings file
    assert ui_settings().value(KEY_LAST_LOGIN) == "olga"
    ini = (data_dir() / "console.ini").read_text(encoding="utf-8")
    assert "secret" not in ini
    again = _dialog(qtbot, make_runner(db_url))
    assert again.login.text() == "olga"


def test_an_unreachable_database_is_not_called_a_wrong_password(
    qtbot: Any, make_runner: MakeRunner
) -> None:
    dialog = _dialog(
        qtbot, make_runner("postgresql+psycopg://okno@127.0.0.1:9/okno?connect_timeout=2")
    )
    dialog.login.setText("olga")
    dialog.password.setText("secret")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=15_000)
    assert dialog.error.text().startswith("The database is not reachable")


def test_autologin_submits_once_by_itself(
    qtbot: Any, db_url: str, make_runner: MakeRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    with session_scope(db_url) as s:
        f.user(s, "olga", Role.OPERATOR)
    monkeypatch.setenv("OKNO_AUTOLOGIN", "olga:secret")
    assert autologin_from_env() == ("olga", "secret")
    dialog = LoginDialog(make_runner(db_url), autologin=autologin_from_env())
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.sig_logged_in, timeout=10_000):
        dialog.show()
    for raw in ("", "olga", ":secret"):
        monkeypatch.setenv("OKNO_AUTOLOGIN", raw)
        assert autologin_from_env() is None
    monkeypatch.setenv("OKNO_AUTOLOGIN", "olga:pa:ss")
    assert autologin_from_env() == ("olga", "pa:ss")
