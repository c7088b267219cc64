"""Ctrl+K global search driven from the keyboard on both databases: a phone typed the domestic
way, a name fragment with ё/е in any word order, an order number; arrows and Enter open the
right thing; the latest text wins."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt

import app.customers.search as search_module
from app.db import session_scope
from tests import factories as f
from tests.ui.customer_data import plain_customer
from ui.dialogs.global_search import GlobalSearchDialog
from ui.models.search_results import (
    COL_DETAIL,
    COL_KIND,
    COL_TITLE,
    CUSTOMER,
    DISPLAY,
    ENTITY_ID_ROLE,
    KIND_ROLE,
    ORDER,
)
from ui.ops import OpRunner

pytestmark = pytest.mark.ui

MakeRunner = Callable[[str | None], OpRunner]


def _dialog(qtbot: Any, runner: OpRunner) -> GlobalSearchDialog:
    dialog = GlobalSearchDialog(runner)
    qtbot.addWidget(dialog)
    dialog.open_search()
    return dialog


def _found(dialog: GlobalSearchDialog) -> list[tuple[str, int]]:
    m = dialog.model
    return [
        (m.index(r, 0).data(KIND_ROLE), m.index(r, 0).data(ENTITY_ID_ROLE))
        for r in range(m.rowCount())
    ]


def _wait_results(qtbot: Any, dialog: GlobalSearchDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.search.busy and dialog.model.rowCount() > 0, timeout=10_000)


def test_phone_typed_the_domestic_way_finds_the_customer_and_enter_opens_it(
    qtbot: Any, db_url: str, make_runner: MakeRunner
) -> None:
    anna = plain_customer(db_url, phone="+79161234567")
    plain_customer(db_url, phone="+79031112233", first_name="Иван")
    dialog = _dialog(qtbot, make_runner(db_url))
    qtbot.keyClicks(dialog.edit, "8 (916) 123-45-67")
    _wait_results(qtbot, dialog)
    assert _found(dialog)[0] == (CUSTOMER, anna)
    row = dialog.model.index(0, COL_TITLE)
    assert row.data(DISPLAY) == f"Петрова Анна  #{anna}"
    assert dialog.model.index(0, COL_DETAIL).data(DISPLAY) == "+7 916 123-45-67"
    assert dialog.model.index(0, COL_KIND).data(DISPLAY) == "Customer"
    with qtbot.waitSignal(dialog.sig_customer_requested) as blocker:
        qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    assert blocker.args == [anna]
    assert not dialog.isVisible()


def test_name_fragment_with_yo_in_any_word_order(
    qtbot: Any, db_url: str, make_runner: MakeRunner
) -> None:
    alyona = plain_customer(db_url, phone=None, first_name="Алёна", last_name="Семёнова")
    plain_customer(db_url, phone=None, first_name="Алла", last_name="Сёмина")
    dialog = _dialog(qtbot, make_runner(db_url))
    dialog.edit.setText("алена семен")  # typed without ё, first name first
    _wait_results(qtbot, dialog)
    assert _found(dialog) == [(CUSTOMER, alyona)]


def test_order_number_comes_first_and_enter_opens_the_order(
    qtbot: Any, db_url: str, make_runner: MakeRunner
) -> None:
    with session_scope(db_url) as s:
        c = f.customer(s)
        off = f.offer(s)
        order = f.order(s, [(off, 2)], customer_obj=c, number="A-100500")
        f.order(s, [(off, 1)], customer_obj=c, number="A-100501")
        order_id, customer_id = order.id, c.id
    dialog = _dialog(qtbot, make_runner(db_url))
    qtbot.keyClicks(dialog.edit, "a-100500")
    _wait_results(qtbot, dialog)
    assert _found(dialog) == [(ORDER, order_id), (CUSTOMER, customer_id)]
    assert dialog.model.index(0, COL_TITLE).data(DISPLAY) == "Order A-100500"
    assert "New · ₽2,000.00 · Анна Петрова" in dialog.model.index(0, COL_DETAIL).data(DISPLAY)
    with qtbot.waitSignal(dialog.sig_order_requested) as blocker:
        qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    assert blocker.args == [order_id]


def test_arrow_keys_move_and_enter_opens_the_selected_row(
    qtbot: Any, db_url: str, make_runner: MakeRunner, qtmodeltester: Any
) -> None:
    ids = [
        plain_customer(db_url, phone=f"+7916123456{n}", first_name=name, last_name="Орлова")
        for n, name in enumerate(("Анна", "Вера", "Галина"))
    ]
    dialog = _dialog(qtbot, make_runner(db_url))
    dialog.edit.setText("Орлова")
    _wait_results(qtbot, dialog)
    assert [cid for _kind, cid in _found(dialog)] == ids  # ties: first name order
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Down)  # clamped at the last row
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Up)
    assert dialog.table.currentIndex().row() == 1
    qtmodeltester.check(dialog.model)
    with qtbot.waitSignal(dialog.sig_customer_requested) as blocker:
        qtbot.keyClick(dialog.edit, Qt.Key.Key_Enter)
    assert blocker.args == [ids[1]]


def test_too_short_text_searches_nothing_and_says_why(
    qtbot: Any, db_url: str, make_runner: MakeRunner
) -> None:
    plain_customer(db_url)
    dialog = _dialog(qtbot, make_runner(db_url))
    qtbot.keyClicks(dialog.edit, "8")
    assert not dialog.search.busy
    assert dialog.model.rowCount() == 0
    assert "at least 2 characters" in dialog.status.text()
    dialog.edit.setText("Никто Никакой")
    qtbot.waitUntil(lambda: not dialog.search.busy, timeout=10_000)
    assert dialog.status.text() == "Nothing found"


def test_the_latest_text_wins_over_a_slow_earlier_search(
    qtbot: Any, db_url: str, make_runner: MakeRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    petrova = plain_customer(db_url, phone=None, last_name="Петрова")
    sidorova = plain_customer(db_url, phone=None, last_name="Сидорова")
    real = search_module.global_search
    started, release = threading.Event(), threading.Event()

    def slow_for_petrova(session: Any, text: str, *args: Any, **kwargs: Any) -> Any:
        if "Петр" in text:
            started.set()
            release.wait(10)
        return real(session, text, *args, **kwargs)

    monkeypatch.setattr(search_module, "global_search", slow_for_petrova)
    dialog = _dialog(qtbot, make_runner(db_url))
    dialog.search.set_delay(0)
    dialog.edit.setText("Петр")
    qtbot.waitUntil(started.is_set)
    dialog.edit.setText("Сидор")
    release.set()
    qtbot.waitUntil(lambda: _found(dialog) == [(CUSTOMER, sidorova)], timeout=10_000)
    qtbot.waitUntil(lambda: not dialog.search.busy)
    assert _found(dialog) == [(CUSTOMER, sidorova)]  # the late answer for "Петр" never shows
    assert petrova not in [cid for _k, cid in _found(dialog)]


def test_enter_before_the_answer_opens_what_the_answer_brings(
    qtbot: Any, db_url: str, make_runner: MakeRunner
) -> None:
    anna = plain_customer(db_url, phone="+79161234567")
    dialog = _dialog(qtbot, make_runner(db_url))
    with qtbot.waitSignal(dialog.sig_customer_requested, timeout=10_000) as blocker:
        qtbot.keyClicks(dialog.edit, "9161234567")
        qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)  # faster than the debounce
    assert blocker.args == [anna]
