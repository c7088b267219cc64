"""Log-in: login + password against the users table, before the console window opens.

* The check (:func:`app.auth.authenticate`) runs through the op runner: it deliberately sleeps
  after failures (a growing delay against guessing), which must never freeze the window.
* Wrong credentials say so plainly (never which of the two was wrong); an unreachable database
  says that instead.
* On the embedded demo database the dialog names the demo accounts and their password
  (:mod:`app.login_hints`); clicking a name fills the form.
* The last login is remembered (QSettings ``login/last``); the password never is.
* ``autologin=(login, password)`` — or ``OKNO_AUTOLOGIN=login:password`` read by
  :func:`autologin_from_env` — submits by itself once shown: for screenshots, benchmarks and
  tests. A wrong autologin stays on screen with its message like a typed one.

Wiring (``ui/main.py``)::

    dialog = LoginDialog(runner, database=describe_database(url), demo_hint=url is SQLite)
    dialog.sig_logged_in.connect(window.sign_in)
    dialog.open()
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.auth import LoggedInUser, LoginFailed, authenticate
from app.clock import SYSTEM_CLOCK, Clock
from app.login_hints import DemoAccount, demo_accounts
from ui.ops import ErrorKind, Op, OpError, OpRunner
from ui.settings import ui_settings

KEY_LAST_LOGIN = "login/last"
ENV_AUTOLOGIN = "OKNO_AUTOLOGIN"

_ROLE_ORDER = ("operator", "supervisor", "manager", "admin")


def autologin_from_env() -> tuple[str, str] | None:
    """``OKNO_AUTOLOGIN=login:password`` as a pair (None when unset or without a colon)."""
    raw = os.environ.get(ENV_AUTOLOGIN, "")
    login, colon, password = raw.partition(":")
    if not colon or not login.strip():
        return None
    return login.strip(), password


@dataclass(frozen=True, slots=True)
class LoginAnswer:
    """The user, or None for wrong credentials."""

    user: LoggedInUser | None


def _check(session: Session, login: str, password: str, clock: Clock) -> LoginAnswer:
    try:
        return LoginAnswer(authenticate(session, login, password, clock))
    except LoginFailed:
        return LoginAnswer(None)


class LoginDialog(QDialog):
    """The log-in form; ``sig_logged_in`` carries the :class:`LoggedInUser`."""

    # the credentials were right: the user to open the console for
    sig_logged_in = Signal(object)

    def __init__(
        self,
        runner: OpRunner,
        *,
        database: str = "",
        demo_hint: bool = False,
        autologin: tuple[str, str] | None = None,
        clock: Clock = SYSTEM_CLOCK,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("LoginDialog")
        self.runner = runner
        self.clock = clock
        self.busy = False
        self.user: LoggedInUser | None = None
        self._autologin = autologin
        self._demo: tuple[DemoAccount, ...] = ()

        self.heading = QLabel(self)
        self.heading.setObjectName("LoginHeading")
        self.login = QLineEdit(self)
        self.login.setObjectName("LoginEdit")
        self.password = QLineEdit(self)
        self.password.setObjectName("PasswordEdit")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.login_label = QLabel(self)
        self.login_label.setBuddy(self.login)
        self.password_label = QLabel(self)
        self.password_label.setBuddy(self.password)
        self.error = QLabel(self)
        self.error.setObjectName("LoginError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.hint = QLabel(self)
        self.hint.setObjectName("DemoHint")
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.RichText)
        self.hint.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.hint.linkActivated.connect(self.use_demo_account)
        self.hint.hide()
        self.database = QLabel(database, self)
        self.database.setObjectName("LoginDatabase")

        self.buttons = QDialogButtonBox(self)
        self.ok_button = QPushButton(self)
        self.ok_button.setObjectName("LoginButton")
        self.ok_button.setDefault(True)
        self.quit_button = QPushButton(self)
        self.quit_button.setObjectName("QuitButton")
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.clicked.connect(self.submit)
        self.quit_button.clicked.connect(self.reject)

        form = QFormLayout()
        form.setSpacing(8)
        form.addRow(self.login_label, self.login)
        form.addRow(self.password_label, self.password)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.hint)
        layout.addWidget(self.database)
        layout.addWidget(self.buttons)
        self.setFixedWidth(440)

        last = ui_settings().value(KEY_LAST_LOGIN, "")
        if isinstance(last, str) and last:
            self.login.setText(last)
        self.retranslate()
        if demo_hint:
            Op(self, demo_accounts, key="demo", runner=runner).success(self._demo_found).failure(
                lambda _e: None  # no hint: the operator types what they know
            ).run()

    # -- showing ----------------------------------------------------------------------------------
    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        (self.password if self.login.text() else self.login).setFocus()
        if self._autologin is not None:
            login, password = self._autologin
            self._autologin = None  # once: a wrong one waits for the operator
            self.login.setText(login)
            self.password.setText(password)
            QTimer.singleShot(0, self, self.submit)

    def _demo_found(self, accounts: tuple[DemoAccount, ...]) -> None:
        self._demo = accounts
        self._show_hint()

    def _show_hint(self) -> None:
        if not self._demo:
            self.hint.hide()
            return
        from app.demo import DEMO_PASSWORD

        by_role: dict[str, list[str]] = {}
        for account in self._demo:
            by_role.setdefault(account.role, []).append(
                f'<a href="{account.login}">{account.login}</a>'
            )
        names = {
            "operator": self.tr("operators"),
            "supervisor": self.tr("supervisor"),
            "manager": self.tr("manager"),
            "admin": self.tr("administrator"),
        }
        parts = []
        for role in _ROLE_ORDER:
            logins = by_role.get(role)
            if not logins:
                continue
            # "supervisor" needs no "(supervisor)" after it; "operator1…5" need "(operators)"
            alone = len(logins) == 1 and f">{role}<" in logins[0]
            parts.append(", ".join(logins) + ("" if alone else f" ({names[role]})"))
        text = (
            self.tr("Demo database. Log in as %1; the password is %2.")
            .replace("%1", "; ".join(parts))
            .replace("%2", f"<b>{DEMO_PASSWORD}</b>")
        )
        self.hint.setText(text)
        self.hint.setToolTip(self.tr("Click a login to fill the form"))
        self.hint.show()
        self._fit_height()

    def _fit_height(self) -> None:
        # a word-wrapped label grows downwards: give the dialog the height its width needs
        layout = self.layout()
        layout.activate()
        self.setFixedHeight(layout.totalHeightForWidth(self.width()))

    def use_demo_account(self, login: str) -> None:
        """Fill the form with a demo account (a click on its name in the hint)."""
        from app.demo import DEMO_PASSWORD

        self.login.setText(login)
        self.password.setText(DEMO_PASSWORD)
        self.ok_button.setFocus()

    # -- logging in -------------------------------------------------------------------------------
    def submit(self) -> None:
        """Check the credentials (Enter, or the Log in button)."""
        if self.busy:
            return
        login, password = self.login.text().strip(), self.password.text()
        if not login:
            self._fail(self.tr("Type your login."))
            self.login.setFocus()
            return
        self._set_busy(True)
        clock = self.clock
        Op(
            self, lambda s: _check(s, login, password, clock), key="login", runner=self.runner
        ).success(self._answered).failure(self._failed).run()

    def _answered(self, answer: LoginAnswer) -> None:
        self._set_busy(False)
        if answer.user is None:
            self._fail(self.tr("Wrong login or password. Check the keyboard layout and Caps Lock."))
            self.password.selectAll()
            self.password.setFocus()
            return
        self.user = answer.user
        settings = ui_settings()
        settings.setValue(KEY_LAST_LOGIN, answer.user.login)  # never the password
        settings.sync()
        self.error.hide()
        self.sig_logged_in.emit(answer.user)
        self.accept()

    def _failed(self, error: OpError) -> None:
        self._set_busy(False)
        if error.kind is ErrorKind.DATABASE_UNAVAILABLE:
            self._fail(
                self.tr("The database is not reachable, so nobody can log in now: %1").replace(
                    "%1", error.message
                )
            )
        else:
            self._fail(error.message)

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self._fit_height()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.login, self.password, self.ok_button):
            widget.setEnabled(not busy)
        self.ok_button.setText(self.tr("Checking…") if busy else self.tr("Log in"))

    # -- language ---------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Okno — log in"))
        self.heading.setText(self.tr("Log in to Okno"))
        self.login_label.setText(self.tr("&Login"))
        self.password_label.setText(self.tr("&Password"))
        self.ok_button.setText(self.tr("Checking…") if self.busy else self.tr("Log in"))
        self.quit_button.setText(self.tr("Quit"))
        self.database.setToolTip(self.tr("Database this console works with"))
        self._show_hint()
