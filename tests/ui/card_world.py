"""A small world for the order card tests: two Moscow stores, offers with stock, a customer
with a 5 % loyalty discount, two operators and an order in the queue taken by the first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from app.auth import LoggedInUser
from app.db import session_scope
from app.orders.card import load_card
from models import Order, OrderStatusHistory, Role
from tests import factories as f
from ui.ops import OpRunner
from ui.panels.order_card import OrderCardPanel

NOW = dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class World:
    url: str
    order: int
    number: str
    tverskaya: int
    arbat: int
    shirt: int  # 1000 ₽, 1 free at Tverskaya, 5 at Arbat (on the order, qty 1)
    jeans: int  # 2500 ₽, 0 at Tverskaya, 2 at Arbat (on the order, qty 1: short)
    cap: int  # "Кепка летняя" (SKU CAP-54), 700 ₽, 9 at Tverskaya (not on the order)
    customer: int
    olga: LoggedInUser
    petr: LoggedInUser


def _logged_in(u: Any) -> LoggedInUser:
    return LoggedInUser(u.id, u.login, u.name, u.role.value, None)


def make_world(
    url: str, *, leased_by_olga: bool = True, status: str = "needs_confirmation"
) -> World:
    with session_scope(url) as s:
        tverskaya = f.store(s, city="Москва", name="Тверская")
        arbat = f.store(s, city="Москва", name="Арбат")
        olga = f.user(s, "olga", Role.OPERATOR, name="Ольга")
        petr = f.user(s, "petr", Role.OPERATOR, name="Пётр")
        shirt = f.offer(
            s,
            "1000",
            stock={tverskaya.id: 1, arbat.id: 5},
            name="Рубашка белая, 128",
            color="белый",
            size="128",
        )
        jeans = f.offer(
            s,
            "2500",
            stock={tverskaya.id: 0, arbat.id: 2},
            name="Джинсы синие, 128",
            color="синий",
            size="128",
        )
        cap = f.offer(
            s,
            "700",
            stock={tverskaya.id: 9},
            name="Кепка летняя",
            color="бежевый",
            size="54",
            external_id="CAP-54",
        )
        customer = f.customer(
            s,
            loyalty_discount_pct=Decimal("5"),
            tags=("VIP",),
            first_name="Анна",
            last_name="Петрова",
        )
        order = f.order(
            s,
            [(shirt, 1), (jeans, 1)],
            status=status,
            store_id=tverskaya.id,
            customer_obj=customer,
            comment="Позвонить после 18:00",
            created_at=NOW - dt.timedelta(hours=2, minutes=5),
            robot_checks=[
                {
                    "rule": "total_below_threshold",
                    "passed": True,
                    "expected": "< 10000",
                    "actual": "3500",
                },
                {
                    "rule": "no_customer_comment",
                    "passed": False,
                    "expected": "no comment",
                    "actual": "Позвонить после 18:00",
                },
                {
                    "rule": "items_in_stock",
                    "passed": False,
                    "expected": "all items free",
                    "actual": ["Джинсы синие, 128: 1 wanted, 0 free"],
                },
            ],
        )
        order.subtotal = order.total = Decimal("3500.00")
        if leased_by_olga:
            order.lease_operator_id = olga.id
            order.lease_taken_at = NOW
            order.lease_heartbeat_at = NOW
        s.add(
            OrderStatusHistory(
                order_id=order.id,
                actor_id=None,
                actor_kind="robot",
                from_status="new",
                to_status=status,
                comment="robot: no_customer_comment",
                created_at=NOW,
            )
        )
        s.flush()
        return World(
            url,
            order.id,
            order.number,
            tverskaya.id,
            arbat.id,
            shirt.id,
            jeans.id,
            cap.id,
            customer.id,
            _logged_in(olga),
            _logged_in(petr),
        )


def open_panel(
    qtbot: Any,
    world: World,
    make_runner: Callable[[str | None], OpRunner],
    *,
    user: LoggedInUser | None = None,
    width: int = 900,
) -> OrderCardPanel:
    """A shown, active panel with the world's order loaded."""
    runner = make_runner(world.url)
    panel = OrderCardPanel(runner, user or world.olga)
    qtbot.addWidget(panel)
    panel.resize(width, 760)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    with qtbot.waitSignal(panel.sig_order_loaded, timeout=10_000):
        panel.show_order(world.order)
    return panel


def card(world: World, role: str = "operator") -> Any:
    with session_scope(world.url) as s:
        return load_card(s, world.order, role)


def order_row(world: World) -> Order:
    with session_scope(world.url) as s:
        order = s.get(Order, world.order)
        assert order is not None
        s.expunge(order)
        return order


def key(
    qtbot: Any,
    widget: QWidget,
    k: Qt.Key,
    mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """A key press where the operator's focus is (shortcuts included). The offscreen platform
    has no window manager to give the focus back to the card when a dialog closes: do its
    part."""
    window = widget.window()
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(widget, k, mod)
    QApplication.processEvents()


def wait_dialog(qtbot: Any, panel: OrderCardPanel, cls: type) -> Any:
    qtbot.waitUntil(lambda: isinstance(panel.dialog, cls) and panel.dialog.isVisible())
    return panel.dialog
