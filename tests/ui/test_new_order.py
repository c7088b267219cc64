"""The new-order and one-click dialogs create real orders (both databases), from the keyboard:
items found by search with stock per store, stores ranked for the lines, what is missing
named; qtmodeltester on their models."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.clock import FixedClock
from app.db import session_scope
from models import Customer, CustomerPhone, DeliveryType, Order, OrderItem, OrderSource
from tests.ui.customer_data import NOW, rich_customer
from ui.dialogs.new_order import NewOrderDialog
from ui.dialogs.one_click import OneClickOrderDialog
from ui.models.order_lines import DISPLAY, EDIT, LINE_COL_QTY, OFFER_COL_STOCK
from ui.ops import OpRunner

pytestmark = pytest.mark.ui

MakeRunner = Callable[[str | None], OpRunner]


def _show(qtbot: Any, dialog: Any) -> Any:
    qtbot.addWidget(dialog)
    dialog.show()
    # shortcuts reach the active window only; offscreen has no window manager to activate it
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_new_order_for_the_current_customer_is_created_from_the_keyboard(
    qtbot: Any, db_url: str, make_runner: MakeRunner, qtmodeltester: Any
) -> None:
    rich = rich_customer(db_url)
    runner = make_runner(db_url)
    dialog = _show(
        qtbot,
        NewOrderDialog(runner, rich.operator, customer_id=rich.customer_id, clock=FixedClock(NOW)),
    )
    qtbot.waitUntil(
        lambda: "Петрова Анна Сергеевна" in dialog.customer_label.text(), timeout=10_000
    )
    assert "+7 916 123-45-67" in dialog.customer_label.text()

    qtbot.keyClicks(dialog.offer_picker.edit, "dress")
    qtbot.waitUntil(
        lambda: dialog.offer_picker.hint.text() == "No such item on sale", timeout=10_000
    )
    dialog.offer_picker.edit.setText("Платье")
    qtbot.waitUntil(lambda: dialog.offer_picker.model.rowCount() == 1, timeout=10_000)
    stock = dialog.offer_picker.model.index(0, OFFER_COL_STOCK).data(DISPLAY)
    assert stock == "Тверская 5 · Арбат 1"
    qtmodeltester.check(dialog.offer_picker.model)
    qtbot.keyClick(dialog.offer_picker.edit, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.offer_picker.edit, Qt.Key.Key_Return)  # Enter again: one more
    dialog.offer_picker.edit.setText("Носки")
    qtbot.waitUntil(lambda: dialog.offer_picker.model.rowCount() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: not dialog.offer_picker.search.busy)
    qtbot.keyClick(dialog.offer_picker.edit, Qt.Key.Key_Return)
    lines = dialog.lines
    assert [(line.label, line.quantity) for line in lines.lines] == [
        ("Платье вечернее, 110, синий", 2),
        ("Носки детские, 20, синий", 1),
    ]
    assert lines.setData(lines.index(1, LINE_COL_QTY), 3, EDIT)
    assert not lines.setData(lines.index(1, LINE_COL_QTY), 0, EDIT)  # 1–999 only
    qtmodeltester.check(lines)
    # what the order will cost: the customer's 5 % loyalty discount per line, as the service does
    assert dialog.total_label.text() == "Total: ₽38,855.00 (loyalty discount 5 %: −₽2,045.00)"
    # stores ranked for the lines: Тверская has both in full
    qtbot.waitUntil(
        lambda: dialog.store.itemText(1) == "Тверская · lines 2 of 2, pcs 5 of 5", timeout=10_000
    )
    assert dialog.store.itemText(2) == "Арбат · lines 0 of 2, pcs 1 of 5"
    dialog.delivery.setCurrentIndex(1)  # pickup
    assert not dialog.address.isEnabled()
    qtbot.keyClick(dialog.comment, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.error.text() == "Choose the store the customer picks the order up from."
    dialog.store.setCurrentIndex(1)
    with qtbot.waitSignal(dialog.sig_order_created, timeout=10_000) as blocker:
        qtbot.keyClick(dialog.comment, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    order_id = blocker.args[0]
    with session_scope(db_url) as s:
        order = s.get(Order, order_id)
        assert order is not None
        assert order.customer_id == rich.customer_id
        assert order.status == "needs_confirmation"
        assert order.lease_operator_id == rich.operator.user_id
        assert order.source == OrderSource.PHONE
        assert order.delivery_type == DeliveryType.PICKUP
        assert order.shipping_store_id == rich.store_ids[0]
        items = s.execute(
            select(OrderItem.offer_id, OrderItem.quantity).where(OrderItem.order_id == order_id)
        ).all()
    assert sorted(items) == sorted([(rich.offer_ids[0], 2), (rich.offer_ids[1], 3)])


def test_new_order_names_what_is_missing_and_finds_the_customer_by_phone(
    qtbot: Any, db_url: str, make_runner: MakeRunner
) -> None:
    rich = rich_customer(db_url)
    dialog = _show(qtbot, NewOrderDialog(make_runner(db_url), rich.operator, clock=FixedClock(NOW)))
    assert dialog.customer_label.text() == "No customer chosen yet"
    dialog.create()
    assert dialog.error.text() == "Choose the customer first."
    qtbot.keyClicks(dialog.customer_picker.edit, "8 916 123 45 67")
    qtbot.waitUntil(lambda: dialog.customer_picker.model.rowCount() == 1, timeout=10_000)
    qtbot.keyClick(dialog.customer_picker.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.customer_id == rich.customer_id)
    qtbot.waitUntil(lambda: "Петрова" in dialog.customer_label.text(), timeout=10_000)
    dialog.create()
    assert dialog.error.text() == "Add at least one item."
    dialog.offer_picker.edit.setText("Носки")
    qtbot.waitUntil(lambda: dialog.offer_picker.model.rowCount() == 1, timeout=10_000)
    dialog.offer_picker.pick()
    dialog.address.setText("Москва, Ленинский проспект, 1")
    with qtbot.waitSignal(dialog.sig_order_created, timeout=10_000) as blocker:
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    with session_scope(db_url) as s:
        order = s.get(Order, blocker.args[0])
        assert order is not None and order.delivery_address == "Москва, Ленинский проспект, 1"
        assert order.total == Decimal("285.00")  # 300 less the customer's 5 % loyalty discount


def test_one_click_order_matches_the_customer_by_phone_and_queues_the_order(
    qtbot: Any, db_url: str, make_runner: MakeRunner
) -> None:
    rich = rich_customer(db_url)
    dialog = _show(
        qtbot, OneClickOrderDialog(make_runner(db_url), rich.operator, clock=FixedClock(NOW))
    )
    dialog.create()
    assert dialog.error.text() == "Give the customer's name."
    dialog.name.setText("Анна")
    qtbot.keyClicks(dialog.phone, "8 (916) 123-45-6")
    dialog.create()
    assert dialog.error.text() == "Give a phone number the customer can be called on."
    assert dialog.phone_hint.text() == "“8 (916) 123-45-6” is not a phone number"
    qtbot.keyClicks(dialog.phone, "7")
    dialog.create()
    assert dialog.phone_hint.text() == "+7 916 123-45-67"
    assert dialog.error.text() == "Choose the item."
    dialog.offer_picker.edit.setText("Платье")
    qtbot.waitUntil(lambda: dialog.offer_picker.model.rowCount() == 1, timeout=10_000)
    qtbot.keyClick(dialog.offer_picker.edit, Qt.Key.Key_Return)
    assert dialog.offer is not None and dialog.offer.offer_id == rich.offer_ids[0]
    assert "Тверская 5" in dialog.chosen.text()
    dialog.quantity.setValue(2)
    qtbot.waitUntil(
        lambda: dialog.store.itemText(1) == "Тверская · lines 1 of 1, pcs 2 of 2", timeout=10_000
    )
    dialog.store.setCurrentIndex(1)
    with qtbot.waitSignal(dialog.sig_order_created, timeout=10_000) as blocker:
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    with session_scope(db_url) as s:
        order = s.get(Order, blocker.args[0])
        assert order is not None
        assert order.source == OrderSource.ONE_CLICK
        assert order.customer_id == rich.customer_id  # matched by the normalized phone
        assert order.contact_phone_e164 == "+79161234567"
        assert order.shipping_store_id == rich.store_ids[0]
        assert order.total == Decimal("40000")
        assert (
            s.scalar(
                select(Customer.id).join(CustomerPhone).where(CustomerPhone.e164 == "+79161234567")
            )
            == rich.customer_id
        )
