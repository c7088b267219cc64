"""The whole console, started as an operator starts it: the launcher, the log-in dialog (typed
into), the window; and a small call center for it to work on.

World: two Moscow stores, offers with stock, three operators (Ольга and Пётр with the
password "secret", and a supervisor), the customer Анна Петрова (+7 916 123-45-67, 5 %
loyalty) and three orders waiting for confirmation — the most urgent one hers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from app.config import load_config
from app.db import session_scope
from models import Order, Role
from tests import factories as f
from ui.main import ConsoleLauncher
from ui.main_window import MainWindow

PASSWORD = "secret"
NOW = dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class CallCenter:
    url: str
    olga: int
    petr: int
    boss: int
    anna: int  # the customer
    urgent: int  # priority 5, Анна Петрова's: "take next" hands it out first
    second: int  # priority 1, older
    third: int  # priority 1, newer
    shirt: int
    cap: int


def make_call_center(url: str) -> CallCenter:
    with session_scope(url) as s:
        tverskaya = f.store(s, city="Москва", name="Тверская")
        arbat = f.store(s, city="Москва", name="Арбат")
        olga = f.user(s, "olga", Role.OPERATOR, name="Ольга Смирнова")
        petr = f.user(s, "petr", Role.OPERATOR, name="Пётр Иванов")
        boss = f.user(s, "boss", Role.SUPERVISOR, name="Ирина Ковалёва")
        shirt = f.offer(s, "1000", stock={tverskaya.id: 5, arbat.id: 5}, name="Рубашка белая, 128")
        cap = f.offer(s, "700", stock={tverskaya.id: 9}, name="Кепка летняя", external_id="CAP-54")
        anna = f.customer(s, loyalty_discount_pct=Decimal("5"))
        other = f.customer(s, phone="+79031112233", first_name="Иван", last_name="Сидоров")
        urgent = f.order(
            s,
            [(shirt, 1)],
            status="needs_confirmation",
            store_id=tverskaya.id,
            customer_obj=anna,
            created_at=NOW - dt.timedelta(hours=1),
            priority=5,
            number="W-0001",
        )
        second = f.order(
            s,
            [(shirt, 2)],
            status="needs_confirmation",
            store_id=tverskaya.id,
            customer_obj=other,
            created_at=NOW - dt.timedelta(hours=3),
            number="W-0002",
            contact_name="Иван Сидоров",
        )
        third = f.order(
            s,
            [(cap, 1)],
            status="needs_confirmation",
            store_id=arbat.id,
            customer_obj=other,
            created_at=NOW - dt.timedelta(hours=2),
            number="W-0003",
            contact_name="Иван Сидоров",
        )
        return CallCenter(
            url,
            olga.id,
            petr.id,
            boss.id,
            anna.id,
            urgent.id,
            second.id,
            third.id,
            shirt.id,
            cap.id,
        )


def order(url: str, order_id: int) -> Order:
    with session_scope(url) as s:
        row = s.get(Order, order_id)
        assert row is not None
        s.expunge(row)
        return row


class Console:
    """A running console: the launcher, its log-in dialog and window."""

    def __init__(self, qtbot: Any, url: str) -> None:
        self.qtbot = qtbot
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.app = app
        self.launcher = ConsoleLauncher(app, load_config(url), demo=False)

    def start(self) -> None:
        self.launcher.start()
        self.qtbot.waitUntil(
            lambda: (
                getattr(self.launcher, "login", None) is not None
                and self.launcher.login.isVisible()
            ),
            timeout=15_000,
        )

    @property
    def login(self) -> Any:
        return self.launcher.login

    @property
    def window(self) -> MainWindow:
        window = self.launcher.window
        assert window is not None
        return window

    def log_in(self, login: str = "olga", password: str = PASSWORD) -> MainWindow:
        """Type the credentials, press Enter, wait for the window and its first page."""
        dialog = self.login
        dialog.login.clear()
        dialog.password.clear()
        self.qtbot.keyClicks(dialog.login, login)
        self.qtbot.keyClick(dialog.login, Qt.Key.Key_Tab)
        self.qtbot.keyClicks(dialog.password, password)
        self.qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        self.qtbot.waitUntil(
            lambda: self.launcher.window is not None and self.window.isVisible(), timeout=10_000
        )
        window = self.window
        assert window.queue is not None
        self.qtbot.waitUntil(lambda: window.queue.model.count is not None, timeout=10_000)
        self.qtbot.waitUntil(lambda: window.feed is not None and window.feed.connected is True)
        window.activateWindow()
        self.qtbot.waitUntil(window.isActiveWindow)
        return window

    def key(
        self,
        k: Qt.Key,
        mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
        widget: QWidget | None = None,
    ) -> None:
        """A key press where the operator's focus is (window shortcuts included)."""
        window = self.window
        if not window.isActiveWindow():
            window.activateWindow()
            self.qtbot.waitUntil(window.isActiveWindow)
        target = widget or QApplication.focusWidget() or window
        self.qtbot.keyClick(target, k, mod)
        QApplication.processEvents()

    def close(self) -> None:
        self.launcher.close()
        self.app.setQuitOnLastWindowClosed(True)
