"""The order card driven as an operator would: what it shows, editing items with the keyboard,
saving with the row version, and the call outcomes (confirm, no answer, call back, cancel, set
status)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.db import session_scope
from models import Order, OrderItem
from tests.ui.card_world import World, card, key, make_world, open_panel, order_row, wait_dialog
from ui.dialogs.callback import CallbackDialog
from ui.dialogs.cancel import CancelDialog
from ui.dialogs.offer_picker import OfferPickerDialog
from ui.dialogs.set_status import CODE_ROLE, SetStatusDialog
from ui.dialogs.store_picker import StorePickerDialog
from ui.models.order_items import COL_FREE, COL_NAME, COL_QTY, SHORT_ROLE
from ui.ops import OpRunner

pytestmark = pytest.mark.ui

MakeRunner = Callable[[str | None], OpRunner]
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def world(db_url: str) -> World:
    return make_world(db_url)


def test_card_shows_the_order_its_customer_items_checks_and_history(
    qtbot: Any, world: World, make_runner: MakeRunner
) -> None:
    panel = open_panel(qtbot, world, make_runner)
    assert panel.number_label.text() == world.number
    assert panel.status_chip.text() == "Needs confirmation"
    meta = panel.meta_label.text()
    assert "Web shop" in meta and "2 h ago" in meta and "yours" in meta
    assert panel.customer_line.name_button.text() == "Петрова Анна"
    details = panel.customer_line.details.text()
    assert "+7 916 123-45-67" in details and "loyalty 5 %" in details and "VIP" in details
    model = panel.items_model
    assert model.rowCount() == 2
    assert model.index(0, COL_NAME).data() == "Рубашка белая, 128"
    assert model.index(0, 1).data() == "белый / 128"
    # free stock at Tverskaya: the shirt is there, the jeans are not (red)
    assert model.index(0, COL_FREE).data() == "1"
    assert model.index(1, COL_FREE).data() == "0"
    assert model.index(0, COL_FREE).data(SHORT_ROLE) is False
    assert model.index(1, COL_FREE).data(SHORT_ROLE) is True
    assert model.index(1, COL_FREE).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert [label.text() for label in panel.totals.values] == [
        "₽3,500.00",
        "₽0.00",
        "₽0.00",
        "₽3,500.00",
    ]
    assert panel.delivery.store_label.text() == "Тверская  ·  1 of 2 items"
    assert panel.delivery.address.text() == "Москва, ул. Тверская, 1"
    assert panel.delivery.payment_status.currentText() == "Paid"
    assert panel.comments.customer_comment.text() == "Позвонить после 18:00"
    checks = [panel.checks.topLevelItem(i) for i in range(panel.checks.topLevelItemCount())]
    assert [c.text(0) for c in checks] == [
        "✓  Total below the auto-approval limit",
        "✗  No comment from the customer",
        "✗  All items free at the store",
    ]
    assert checks[2].text(2) == "Джинсы синие, 128: 1 wanted, 0 free"
    assert panel.history.topLevelItemCount() == 1
    entry = panel.history.topLevelItem(0)
    assert (entry.text(1), entry.text(2)) == ("robot", "New → Needs confirmation")
    # the workflow offers what the matrix allows an operator from needs_confirmation
    enabled = {a for a, action in panel.actions.items() if action.isEnabled()}
    assert enabled == {
        "confirm",
        "no_answer",
        "call_back",
        "cancel_order",
        "set_status",
        "add_item",
        "choose_store",
    }
    assert panel.actions["confirm"].toolTip() == "Confirm (F3)"
    assert panel.action_buttons["confirm"].text() == "Confirm  F3"
    assert "No comment from the customer" in panel.robot_summary.text()
    assert "All items free at the store" in panel.robot_summary.text()
    assert "Total below" not in panel.robot_summary.text()


def test_narrow_and_wide_layouts(qtbot: Any, world: World, make_runner: MakeRunner) -> None:
    panel = open_panel(qtbot, world, make_runner, width=560)
    # a narrow dock: one column, the colour / size folded into the name
    assert not panel.side_column.isVisible()
    assert panel.items_view.isColumnHidden(1)
    assert panel.items_model.index(0, COL_NAME).data() == "Рубашка белая, 128 · белый / 128"
    panel.resize(1366, 760)
    qtbot.waitUntil(panel.side_column.isVisible)
    assert panel.delivery.parent() is panel.side_column


def test_clicking_the_customer_asks_for_the_profile(
    qtbot: Any, world: World, make_runner: MakeRunner
) -> None:
    panel = open_panel(qtbot, world, make_runner)
    panel.customer_line.name_button.setFocus()
    with qtbot.waitSignal(panel.sig_customer_requested) as blocker:
        key(qtbot, panel.customer_line.name_button, Qt.Key.Key_Space)
    assert blocker.args == [world.customer]


def test_an_order_someone_else_holds_is_read_only(
    qtbot: Any, world: World, make_runner: MakeRunner
) -> None:
    panel = open_panel(qtbot, world, make_runner, user=world.petr)
    assert "taken by Ольга" in panel.meta_label.text()
    assert not any(action.isEnabled() for action in panel.actions.values())
    assert "Taken by Ольга" in panel.action_buttons["confirm"].toolTip()
    assert not panel.items_model.editable
    assert not panel.delivery.address.isEnabled()


def test_edit_quantity_add_an_item_by_keyboard_and_save(
    qtbot: Any, world: World, make_runner: MakeRunner
) -> None:
    panel = open_panel(qtbot, world, make_runner)
    view, model = panel.items_view, panel.items_model
    # quantity: type over the cell, Enter applies
    view.setFocus()
    view.setCurrentIndex(model.index(0, COL_QTY))
    with qtbot.waitSignal(panel.sig_dirty_changed) as dirty:
        key(qtbot, view, Qt.Key.Key_2)
        editor = view.focusWidget()
        key(qtbot, editor, Qt.Key.Key_Return)
    assert dirty.args == [True]
    assert model.index(0, COL_QTY).data() == "2"
    # the shirt is short now (1 free at Tverskaya), and the totals moved with it
    assert model.index(0, COL_FREE).data(SHORT_ROLE) is True
    assert panel.totals.values[3].text() == "₽4,500.00"
    assert panel.dirty_label.text() == "Unsaved changes"

    # add a cap: Ctrl+I, type, Enter
    key(qtbot, view, Qt.Key.Key_I, CTRL)
    picker = wait_dialog(qtbot, panel, OfferPickerDialog)
    qtbot.keyClicks(picker.search_edit, "CAP-54")  # QTest types ASCII only; SKU search
    key(qtbot, picker.search_edit, Qt.Key.Key_Return)  # before or after the answer: both add
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    assert panel.dialog is None  # closed (and deleted)
    assert model.index(2, COL_NAME).data() == "Кепка летняя"
    qtbot.waitUntil(lambda: model.index(2, COL_FREE).data() == "9")
    # loyalty 5 % applies to the added line: 700 - 35
    assert panel.totals.values[3].text() == "₽5,165.00"

    version = card(world).version
    with qtbot.waitSignal(panel.sig_order_changed, timeout=10_000) as changed:
        key(qtbot, view, Qt.Key.Key_S, CTRL)
    assert changed.args == [world.order]
    saved = card(world)
    assert saved.version == version + 1
    assert [(i.name, i.quantity, i.discount) for i in saved.items] == [
        ("Рубашка белая, 128", 2, Decimal("0.00")),
        ("Джинсы синие, 128", 1, Decimal("0.00")),
        ("Кепка летняя", 1, Decimal("35.00")),
    ]
    assert (saved.subtotal, saved.discount_total, saved.total) == (
        Decimal("5200.00"),
        Decimal("35.00"),
        Decimal("5165.00"),
    )
    # the card shows the saved order, clean
    assert not panel.dirty and panel.dirty_label.text() == ""
    assert panel.card is not None and panel.card.version == saved.version
    assert not panel.actions["save_order"].isEnabled()


def test_remove_a_line_and_change_the_discount(
    qtbot: Any, world: World, make_runner: MakeRunner
) -> None:
    panel = open_panel(qtbot, world, make_runner)
    view, model = panel.items_view, panel.items_model
    view.setFocus()
    view.setCurrentIndex(model.index(1, COL_QTY))
    key(qtbot, view, Qt.Key.Key_Delete, CTRL)
    assert model.rowCount() == 1
    assert model.setData(model.index(0, 4), "100")
    assert panel.totals.values[3].text() == "₽900.00"
    # a discount above the line is refused with a message, nothing changes
    with qtbot.waitSignal(model.sig_edit_refused):
        assert not model.setData(model.index(0, 4), "5000")
    assert panel.alert.isVisible() and "between 0 and" in panel.alert.label.text()
    with qtbot.waitSignal(panel.sig_order_changed, timeout=10_000):
        panel.save()
    saved = card(world)
    assert [(i.name, i.discount) for i in saved.items] == [
        ("Рубашка белая, 128", Decimal("100.00"))
    ]
    assert saved.total == Decimal("900.00")


def test_choose_store_ranked_by_what_it_has(
    qtbot: Any, world: World, make_runner: MakeRunner
) -> None:
    panel = open_panel(qtbot, world, make_runner)
    panel.items_view.setFocus()
    key(qtbot, panel.items_view, Qt.Key.Key_S, CTRL | Qt.KeyboardModifier.ShiftModifier)
    picker = wait_dialog(qtbot, panel, StorePickerDialog)
    rows = [
        (picker.table.item(r, 0).text(), picker.table.item(r, 2).text())
        for r in range(picker.table.rowCount())
    ]
    assert rows == [("Арбат", "2 of 2 items"), ("Тверская  ✓", "1 of 2 items")]
    key(qtbot, picker.table, Qt.Key.Key_Up)  # the current store is selected first
    key(qtbot, picker.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.items_model.index(1, COL_FREE).data() == "2")
    assert panel.delivery.store_label.text() == "Арбат  ·  2 of 2 items"
    assert panel.items_model.index(1, COL_FREE).data(SHORT_ROLE) is False
    with qtbot.waitSignal(panel.sig_order_changed, timeout=10_000):
        key(qtbot, panel.items_view, Qt.Key.Key_S, CTRL)
    assert order_row(world).shipping_store_id == world.arbat


def test_confirm_with_f3(qtbot: Any, world: World, make_runner: MakeRunner) -> None:
    # the jeans are short at Tverskaya: ship from Arbat so the reserve succeeds
    with session_scope(world.url) as s:
        s.get(Order, world.order).shipping_store_id = world.arbat
    panel = open_panel(qtbot, world, make_runner)
    with qtbot.waitSignal(panel.sig_order_finished, timeout=10_000) as finished:
        key(qtbot, panel.items_view, Qt.Key.Key_F3)
    assert finished.args == [world.order]
    assert order_row(world).status == "confirmed"
    assert panel.status_chip.text() == "Confirmed"
    assert not panel.actions["confirm"].isEnabled()


def test_confirm_with_unsaved_edits_saves_them_in_the_same_step(
    qtbot: Any, world: World, make_runner: MakeRunner
) -> None:
    panel = open_panel(qtbot, world, make_runner)
    panel.items_view.setCurrentIndex(panel.items_model.index(1, COL_QTY))
    panel.remove_item()  # the jeans (short at Tverskaya) go
    with qtbot.waitSignal(panel.sig_order_finished, timeout=10_000):
        panel.confirm()
    row = order_row(world)
    assert row.status == "confirmed" and row.version == 3  # one save + one status change
    with session_scope(world.url) as s:
        assert s.query(OrderItem).filter_by(order_id=world.order).count() == 1


def test_a_refused_confirmation_keeps_the_edits(
    qtbot: Any, world: World, make_runner: MakeRunner
) -> None:
    panel = open_panel(qtbot, world, make_runner)
    panel.delivery.address.setText("Москва, Арбат, 10")
    panel.confirm()  # the jeans are not free at Tverskaya: the reserve fails
    qtbot.waitUntil(lambda: panel.alert.isVisible())
    assert "not enough stock" in panel.alert.label.text()
    assert panel.dirty and panel.delivery.address.text() == "Москва, Арбат, 10"
    row = order_row(world)
    assert (row.status, row.delivery_address, row.version) == (
        "needs_confirmation",
        "Москва, ул. Тверская, 1",
        1,
    )


def test_no_answer_with_f4_counts_the_attempt(
    qtbot: Any, world: World, make_runner: MakeRunner
) -> None:
    panel = open_panel(qtbot, world, make_runner)
    with qtbot.waitSignal(panel.sig_order_finished, timeout=10_000):
        key(qtbot, panel.items_view, Qt.Key.Key_F4)
    row = order_row(world)
    assert (row.status, row.no_answer_attempts) == ("no_answer", 1)
    assert row.lease_operator_id is None
    assert panel.status_chip.text() == "No answer"
    assert "no answer: 1 attempt" in panel.meta_label.text()
    assert "next call" in panel.meta_label.text()


def test_call_back_defaults_to_an_hour_from_now_in_moscow_time(
    qtbot: Any, world: World, make_runner: MakeRunner
) -> None:
    panel = open_panel(qtbot, world, make_runner)
    before = dt.datetime.now(dt.UTC)
    key(qtbot, panel.items_view, Qt.Key.Key_F6)
    dialog = wait_dialog(qtbot, panel, CallbackDialog)
    assert "Europe/Moscow (UTC+3)" in dialog.intro.text()
    chosen = dialog.when_utc()
    assert dt.timedelta(minutes=58) < chosen - before < dt.timedelta(minutes=61)
    shown = dialog.when.dateTime()
    moscow = chosen.astimezone(dt.timezone(dt.timedelta(hours=3)))
    assert (shown.time().hour(), shown.time().minute()) == (moscow.hour, moscow.minute)
    dialog.comment.setText("после работы")
    with qtbot.waitSignal(panel.sig_order_finished, timeout=10_000):
        key(qtbot, dialog.when, Qt.Key.Key_Return)
    row = order_row(world)
    assert row.callback_at is not None
    assert row.callback_at.tzinfo is not None
    assert abs(row.callback_at - chosen) < dt.timedelta(seconds=1)
    assert row.callback_at.utcoffset() == dt.timedelta(0)


def test_cancel_refuses_without_a_reason(qtbot: Any, world: World, make_runner: MakeRunner) -> None:
    panel = open_panel(qtbot, world, make_runner)
    key(qtbot, panel.items_view, Qt.Key.Key_F8)
    dialog = wait_dialog(qtbot, panel, CancelDialog)
    dialog.ok_button.click()  # no reason chosen
    assert dialog.isVisible()
    assert dialog.error.isVisible() and "never cancelled without one" in dialog.error.text()
    dialog.reason_combo.setCurrentIndex(dialog.reason_combo.count() - 1)  # "Other reason"
    dialog.ok_button.click()  # ...which needs the details written
    assert dialog.isVisible() and "Details" in dialog.error.text()
    assert order_row(world).status == "needs_confirmation"
    dialog.reason_combo.setCurrentIndex(2)
    dialog.details.setText("нашла дешевле на маркетплейсе")
    with qtbot.waitSignal(panel.sig_order_finished, timeout=10_000):
        key(qtbot, dialog.details, Qt.Key.Key_Return)
    row = order_row(world)
    assert (row.status, row.cancel_reason) == ("cancelled", "Found it cheaper elsewhere")
    assert panel.history.topLevelItem(0).text(3) == (
        "Found it cheaper elsewhere — нашла дешевле на маркетплейсе"
    )


def test_escape_closes_a_dialog_and_nothing_happens(
    qtbot: Any, world: World, make_runner: MakeRunner
) -> None:
    panel = open_panel(qtbot, world, make_runner)
    key(qtbot, panel.items_view, Qt.Key.Key_F8)
    dialog = wait_dialog(qtbot, panel, CancelDialog)
    key(qtbot, dialog.reason_combo, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: panel.dialog is None)
    assert order_row(world).status == "needs_confirmation"


def test_set_status_offers_only_the_allowed_ones(
    qtbot: Any, world: World, make_runner: MakeRunner
) -> None:
    panel = open_panel(qtbot, world, make_runner)
    key(qtbot, panel.items_view, Qt.Key.Key_F9)
    dialog = wait_dialog(qtbot, panel, SetStatusDialog)
    offered = [dialog.statuses.item(i).data(CODE_ROLE) for i in range(dialog.statuses.count())]
    assert offered == list(card(world).allowed_statuses) == ["no_answer", "confirmed", "cancelled"]
    assert [dialog.statuses.item(i).text() for i in range(dialog.statuses.count())] == [
        "No answer",
        "Confirmed",
        "Cancelled",
    ]
    # cancelling from here needs a reason too
    dialog.statuses.setCurrentRow(2)
    assert dialog.reason.isVisible()
    dialog.buttons.accepted.emit()
    assert dialog.isVisible() and dialog.error.isVisible()
    dialog.reason.setText("дубль заказа")
    with qtbot.waitSignal(panel.sig_order_changed, timeout=10_000):
        dialog.buttons.accepted.emit()
    row = order_row(world)
    assert (row.status, row.cancel_reason) == ("cancelled", "дубль заказа")


def test_tab_walks_the_card_in_reading_order(
    qtbot: Any, world: World, make_runner: MakeRunner
) -> None:
    panel = open_panel(qtbot, world, make_runner)
    panel.delivery.address.setText("Москва, Арбат, 10")  # dirty: Discard and Save take focus
    panel.customer_line.name_button.setFocus()
    visited = [panel.focusWidget()]
    for _ in range(len(panel.tab_path) - 1):
        key(qtbot, panel.focusWidget(), Qt.Key.Key_Tab)
        visited.append(panel.focusWidget())
    assert visited == panel.tab_path
    # and the manager's comment lets Tab through instead of typing a tab character
    assert panel.comments.manager_comment.tabChangesFocus()


def test_the_card_speaks_russian_after_a_language_switch(
    qtbot: Any, world: World, make_runner: MakeRunner
) -> None:
    from ui import i18n

    panel = open_panel(qtbot, world, make_runner)
    i18n.install_language("ru")  # LanguageChange reaches the panel
    qtbot.waitUntil(lambda: panel.action_buttons["confirm"].text() == "Согласовать  F3")
    assert panel.status_chip.text() == "Требует согласования"  # the database's own name
    assert panel.action_buttons["confirm"].text() == "Согласовать  F3"
    assert "2 часа назад" in panel.meta_label.text() and "ваш" in panel.meta_label.text()
    assert panel.delivery.payment_status.currentText() == "Оплачен"
    assert panel.checks.topLevelItem(1).text(0) == "✗  Нет комментария клиента"
    assert panel.checks.topLevelItem(1).text(1) == "без комментария"
    assert panel.items_model.headerData(3, Qt.Orientation.Horizontal) == "Кол-во"
    assert panel.totals.values[3].text() == "3\u00a0500,00\u00a0₽"
