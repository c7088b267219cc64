"""The customer profile panel driven as an operator would, on both databases: everything of the
customer on screen, the latest request winning when switching fast, the order history and the
timeline opening orders and paging, tags and notes written, the call hook, Russian."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLabel, QToolButton

import app.customers.panel_queries as panel_queries
from app.clock import FixedClock
from app.db import session_scope
from models import Customer, OrderStatusHistory
from tests import factories as f
from tests.ui.customer_data import NOW, plain_customer, rich_customer
from ui import i18n
from ui.customer_texts import metric_tooltip
from ui.models.customer_orders import COL_STATUS, COL_TOTAL, DISPLAY
from ui.models.order_table import ORDER_ID_ROLE, STATUS_CODE_ROLE
from ui.models.timeline import KIND_ROLE
from ui.ops import OpRunner
from ui.panels.customer_profile import CustomerProfilePanel
from ui.panels.customer_profile.panel import TAB_ORDERS, TAB_TIMELINE

pytestmark = pytest.mark.ui

MakeRunner = Callable[[str | None], OpRunner]


def _panel(qtbot: Any, runner: OpRunner, actor: Any) -> CustomerProfilePanel:
    panel = CustomerProfilePanel(runner, actor, clock=FixedClock(NOW), timezone="Europe/Moscow")
    qtbot.addWidget(panel)
    panel.resize(450, 740)
    panel.show()
    return panel


def _show(qtbot: Any, panel: CustomerProfilePanel, customer_id: int) -> None:
    with qtbot.waitSignal(panel.sig_customer_loaded, timeout=10_000) as blocker:
        panel.show_customer(customer_id)
    assert blocker.args == [customer_id]


def test_profile_shows_identity_badges_metrics_children_tags_notes_and_orders(
    qtbot: Any, db_url: str, make_runner: MakeRunner
) -> None:
    rich = rich_customer(db_url)
    panel = _panel(qtbot, make_runner(db_url), rich.operator)
    _show(qtbot, panel, rich.customer_id)

    header = panel.header
    assert header.name.text() == "Петрова Анна Сергеевна"
    assert f"#{rich.customer_id}" in header.subtitle.text()
    assert "born 1988-04-02 (38 years)" in header.subtitle.text()
    assert "loyalty discount 5\u00a0%" in header.subtitle.text()
    assert [p.text() for p in header.phone_labels] == [
        "+7 916 123-45-67",
        "+7 495 555-00-11 ext. 12",
    ]
    assert header.email.text() == "anna.petrova@example.com"
    badges = {b.property("badge"): b for b in header.badges_box.findChildren(QLabel)}
    assert set(badges) == {"vip", "new"}  # LTV 60 000 ≥ 50 000; first order 20 days ago
    assert "Lifetime value ₽60,000.00 ≥ ₽50,000.00" in badges["vip"].toolTip()

    values = panel.metrics.values
    assert values["order_count"].text() == "5 (completed 3)"
    assert values["ltv"].text() == "₽60,000.00"
    assert values["average_check"].text() == "₽20,000.00"
    assert values["click_collect_share"].text() == "20\u00a0% (1 order)"
    assert values["days_since_last_order"].text() == "1 day"
    assert "Категория" in values["top_categories"].text()
    # every figure carries its definition from app.customers.metrics
    for key, label in values.items():
        assert metric_tooltip(key) in label.toolTip()
        assert metric_tooltip(key) in panel.metrics.names[key].toolTip()

    children = [label.text() for label in panel.children_list.lines]
    assert children[0].startswith("Маша, girl, 4 years · birthday Dec 01 (in ")
    assert children[1].startswith("Петя, boy, 8 months · birthday Mar 10 (in ")
    assert panel.tags.tags == ("large_family", "vip client")
    notes = [(text.text(), meta.text()) for text, meta in panel.notes.note_labels]
    assert notes == [("Просит звонить после 18:00", "Ирина Ковалёва · 2026-11-19 15:00")]
    assert [label.text() for label in panel.fields_list.lines] == ["Shoe size: 38"]

    assert panel.tabs.tabText(TAB_ORDERS) == "Orders (5)"
    model = panel.orders_model
    assert [model.index(r, 0).data(ORDER_ID_ROLE) for r in range(model.rowCount())] == list(
        rich.order_ids
    )
    assert model.index(0, COL_STATUS).data(STATUS_CODE_ROLE) == "new"
    assert model.index(0, COL_STATUS).data(DISPLAY) == "New"
    assert model.index(4, COL_TOTAL).data(DISPLAY) == "₽20,000.00"
    # the call hook is there but hidden until telephony turns it on
    assert all(not b.isVisible() for b in header.call_buttons)


def test_switching_customers_fast_shows_only_the_last_one(
    qtbot: Any, db_url: str, make_runner: MakeRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = [plain_customer(db_url, first_name=n, phone=None) for n in ("Первый", "Второй", "Третий")]
    real = panel_queries.panel_data
    started, release = threading.Event(), threading.Event()

    def slow_first(session: Any, customer_id: int, *args: Any, **kwargs: Any) -> Any:
        if customer_id == ids[0]:
            started.set()
            release.wait(10)
        return real(session, customer_id, *args, **kwargs)

    monkeypatch.setattr(panel_queries, "panel_data", slow_first)
    panel = _panel(qtbot, make_runner(db_url), f_actor())
    loaded: list[int] = []
    panel.sig_customer_loaded.connect(loaded.append)
    panel.show_customer(ids[0])
    qtbot.waitUntil(started.is_set)  # the first request is running on the database lane
    panel.show_customer(ids[1])  # queued behind it: skipped when its turn comes
    panel.show_customer(ids[2])
    assert panel.customer_id == ids[2]
    assert "Loading customer #" in panel.message.text()
    release.set()
    qtbot.waitUntil(lambda: loaded == [ids[2]], timeout=10_000)
    assert panel.header.name.text() == "Петрова Третий"
    assert panel.profile is not None and panel.profile.id == ids[2]


def f_actor() -> Any:
    from app.actors import Actor

    return Actor(None, "operator", "test")


def test_orders_and_timeline_open_the_order_on_enter_and_double_click(
    qtbot: Any, db_url: str, make_runner: MakeRunner
) -> None:
    rich = rich_customer(db_url)
    panel = _panel(qtbot, make_runner(db_url), rich.operator)
    _show(qtbot, panel, rich.customer_id)
    panel.tabs.setCurrentIndex(TAB_ORDERS)
    table = panel.orders_table
    table.setFocus()
    table.setCurrentIndex(panel.orders_model.index(1, 0))
    with qtbot.waitSignal(panel.sig_order_requested) as blocker:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert blocker.args == [rich.order_ids[1]]
    rect = table.visualRect(panel.orders_model.index(2, 0))
    # a real double click: press/release, then the double-click event on the same row
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(panel.sig_order_requested) as blocker:
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [rich.order_ids[2]]

    panel.tabs.setCurrentIndex(TAB_TIMELINE)
    timeline = panel.timeline_table
    timeline.setFocus()
    model = panel.timeline_model
    first_order_row = next(
        r for r in range(model.rowCount()) if model.index(r, 0).data(KIND_ROLE) == "order"
    )
    timeline.setCurrentIndex(model.index(first_order_row, 1))
    with qtbot.waitSignal(panel.sig_order_requested) as blocker:
        qtbot.keyClick(timeline, Qt.Key.Key_Return)
    assert blocker.args == [rich.order_ids[0]]
    # worded in the operator's language from the structured item
    assert model.index(first_order_row, 1).data(DISPLAY).startswith("Order T")
    assert "placed — ₽300.00, now New" in model.index(first_order_row, 1).data(DISPLAY)


def test_timeline_pages_as_the_view_scrolls_newest_first(
    qtbot: Any, db_url: str, make_runner: MakeRunner, qtmodeltester: Any
) -> None:
    with session_scope(db_url) as s:
        c = f.customer(s)
        off = f.offer(s)
        order = f.order(s, [(off, 1)], customer_obj=c, created_at=NOW - dt.timedelta(days=30))
        for n in range(129):  # + the order itself: 130 items, pages of 50
            s.add(
                OrderStatusHistory(
                    order_id=order.id,
                    from_status="new" if n % 2 else "needs_confirmation",
                    to_status="needs_confirmation" if n % 2 else "new",
                    created_at=NOW - dt.timedelta(days=29, minutes=-n),
                )
            )
        cid = c.id
    panel = _panel(qtbot, make_runner(db_url), f_actor())
    _show(qtbot, panel, cid)
    model = panel.timeline_model
    assert model.rowCount() == 50
    assert model.canFetchMore(QModelIndex())
    panel.tabs.setCurrentIndex(TAB_TIMELINE)
    for expected in (100, 130):
        panel.timeline_table.scrollToBottom()  # the view asks for more at the end
        qtbot.waitUntil(lambda e=expected: model.rowCount() == e, timeout=10_000)
    qtbot.waitUntil(lambda: not model.loading)
    assert not model.canFetchMore(QModelIndex())
    items = [model.item_at(r) for r in range(model.rowCount())]
    assert len({(i.kind, i.id) for i in items}) == 130
    assert [i.at for i in items] == sorted((i.at for i in items), reverse=True)
    assert items[-1].kind == "order"
    qtmodeltester.check(model)
    qtmodeltester.check(panel.orders_model)


def test_tags_and_notes_are_written_and_shown(
    qtbot: Any, db_url: str, make_runner: MakeRunner
) -> None:
    rich = rich_customer(db_url)
    panel = _panel(qtbot, make_runner(db_url), rich.operator)
    _show(qtbot, panel, rich.customer_id)
    changed: list[int] = []
    panel.sig_customer_changed.connect(changed.append)

    panel.tags.edit.setText("Опт")  # QTest types ASCII only; Cyrillic goes in as text
    with qtbot.waitSignal(panel.sig_customer_loaded, timeout=10_000):
        qtbot.keyClick(panel.tags.edit, Qt.Key.Key_Return)
    assert panel.tags.tags == ("large_family", "vip client", "опт")

    remove = next(
        b
        for b in panel.tags.chips_box.findChildren(QToolButton)
        if b.toolTip() == "Remove the tag “large_family”"
    )
    with qtbot.waitSignal(panel.sig_customer_loaded, timeout=10_000):
        qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert panel.tags.tags == ("vip client", "опт")

    panel.notes.editor.setFocus()
    panel.notes.editor.setPlainText("Перезвонить завтра")
    with qtbot.waitSignal(panel.sig_customer_loaded, timeout=10_000):
        qtbot.keyClick(panel.notes.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    notes = [(text.text(), meta.text()) for text, meta in panel.notes.note_labels]
    assert notes[0] == ("Перезвонить завтра", "Анна Смирнова · 2026-11-20 15:00")
    assert panel.notes.editor.toPlainText() == ""
    assert changed == [rich.customer_id] * 3
    # a refused change is named, and nothing else changes
    qtbot.keyClicks(panel.tags.edit, "!!!")
    with qtbot.waitSignal(panel.sig_load_failed) as blocker:
        qtbot.keyClick(panel.tags.edit, Qt.Key.Key_Return)
    assert "'!!!' must be 1–64 letters" in blocker.args[0]
    assert panel.error.isVisible() and "'!!!'" in panel.error.text()


def test_call_buttons_emit_the_number_once_telephony_enables_them(
    qtbot: Any, db_url: str, make_runner: MakeRunner
) -> None:
    rich = rich_customer(db_url)
    panel = _panel(qtbot, make_runner(db_url), rich.operator)
    _show(qtbot, panel, rich.customer_id)
    panel.set_calling_enabled(True)
    buttons = panel.header.call_buttons
    assert all(b.isVisible() for b in buttons)
    with qtbot.waitSignal(panel.sig_call_requested) as blocker:
        qtbot.mouseClick(buttons[1], Qt.MouseButton.LeftButton)
    assert blocker.args == ["+74955550011"]


def test_new_order_for_the_customer_is_requested(
    qtbot: Any, db_url: str, make_runner: MakeRunner
) -> None:
    rich = rich_customer(db_url)
    panel = _panel(qtbot, make_runner(db_url), rich.operator)
    _show(qtbot, panel, rich.customer_id)
    assert "Ctrl+Shift+N" in panel.new_order_button.toolTip()
    with qtbot.waitSignal(panel.sig_new_order_requested) as blocker:
        qtbot.mouseClick(panel.new_order_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [rich.customer_id]


def test_missing_customer_is_named(qtbot: Any, db_url: str, make_runner: MakeRunner) -> None:
    panel = _panel(qtbot, make_runner(db_url), f_actor())
    with qtbot.waitSignal(panel.sig_load_failed) as blocker:
        panel.show_customer(424242)
    assert blocker.args == ["customer #424242 not found"]
    assert panel.message.text() == "customer #424242 not found"
    assert panel.profile is None


def test_profile_in_russian(qtbot: Any, db_url: str, make_runner: MakeRunner) -> None:
    rich = rich_customer(db_url)
    i18n.install_language("ru")
    panel = _panel(qtbot, make_runner(db_url), rich.operator)
    _show(qtbot, panel, rich.customer_id)
    assert panel.tabs.tabText(0) == "Обзор"
    assert panel.tabs.tabText(TAB_ORDERS) == "Заказы (5)"
    assert panel.metrics.names["ltv"].text() == "Сумма покупок (LTV)"
    assert panel.metrics.values["ltv"].text() == "60\u00a0000,00\u00a0₽"
    assert panel.metrics.values["days_since_last_order"].text() == "1 день"
    assert panel.orders_model.index(0, COL_STATUS).data(DISPLAY) == "Новый"
    assert panel.children_list.lines[0].text().startswith("Маша, девочка, 4 года")
    assert "38 лет" in panel.header.subtitle.text()


def test_change_feed_hint_reloads_only_the_shown_customer_and_language_switch_rewords(
    qtbot: Any, db_url: str, make_runner: MakeRunner
) -> None:
    rich = rich_customer(db_url)
    panel = _panel(qtbot, make_runner(db_url), rich.operator)
    _show(qtbot, panel, rich.customer_id)
    panel.tabs.setCurrentIndex(TAB_ORDERS)
    loaded: list[int] = []
    panel.sig_customer_loaded.connect(loaded.append)
    panel.refresh_if_showing([rich.customer_id + 1000])
    with session_scope(db_url) as s:  # another console adds an order
        f.order(s, [(f.offer(s, "100"), 1)], customer_obj=s.get(Customer, rich.customer_id))
    with qtbot.waitSignal(panel.sig_customer_loaded, timeout=10_000):
        panel.refresh_if_showing([rich.customer_id])
    assert loaded == [rich.customer_id]  # the first hint was for someone else
    assert panel.tabs.currentIndex() == TAB_ORDERS  # a refresh keeps the operator's place
    assert panel.tabs.tabText(TAB_ORDERS) == "Orders (6)"
    assert panel.orders_model.rowCount() == 6

    i18n.install_language("ru")  # LanguageChange: everything is worded again, nothing fetched
    qtbot.waitUntil(lambda: panel.tabs.tabText(TAB_ORDERS) == "Заказы (6)")
    assert panel.metrics.values["ltv"].text() == "60\u00a0000,00\u00a0₽"
    assert panel.orders_model.index(1, COL_STATUS).data(DISPLAY) == "Новый"
    assert panel.merge_button.text() == "Объединить с дублем…"
    assert loaded == [rich.customer_id]
