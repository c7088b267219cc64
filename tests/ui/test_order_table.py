"""The order grid model (ui/models/order_table.py): lazy keyset paging through the op runner."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QIcon
from PySide6.QtTest import QAbstractItemModelTester

import ui.models.order_table as order_table
from app.order_list import OrderFilter
from tests.ui.conftest import add_orders
from ui import i18n
from ui.models.order_table import (
    ALIGNMENT,
    COL_ATTEMPTS,
    COL_CUSTOMER,
    COL_NUMBER,
    COL_STATUS,
    COL_STORE,
    COL_TOTAL,
    DECORATION,
    DISPLAY,
    LEASE_OTHER,
    LEASE_ROLE,
    ORDER_ID_ROLE,
    STATUS_CODE_ROLE,
    TOOLTIP,
    OrderTableModel,
    make_formatter,
)
from ui.ops import OpRunner

pytestmark = pytest.mark.ui

MakeRunner = Callable[[str | None], OpRunner]


def _model(runner: OpRunner, page_size: int = 10, **kw: Any) -> OrderTableModel:
    return OrderTableModel(
        runner, make_formatter(i18n.current_language(), "Europe/Moscow"), page_size=page_size, **kw
    )


def _load_all(qtbot: Any, model: OrderTableModel) -> None:
    while model.canFetchMore(QModelIndex()):
        before = model.rowCount()
        model.fetchMore(QModelIndex())
        qtbot.waitUntil(lambda b=before: not model.loading and model.rowCount() >= b)


def test_pages_arrive_lazily_in_order_and_off_the_ui_thread(
    qtbot: Any, db_url: str, make_runner: MakeRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = add_orders(db_url, 45)
    threads: list[threading.Thread] = []
    real_fetch = order_table.fetch_page

    def spy(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread())
        return real_fetch(*args, **kwargs)

    monkeypatch.setattr(order_table, "fetch_page", spy)
    model = _model(make_runner(db_url))
    with qtbot.waitSignal(model.sig_rows_loaded) as first:
        model.reload()
    assert first.args == [10] and model.rowCount() == 10
    assert model.canFetchMore(QModelIndex())

    _load_all(qtbot, model)
    assert model.rowCount() == 45
    assert model.exhausted and not model.canFetchMore(QModelIndex())
    assert [model.data(model.index(r, 0), ORDER_ID_ROLE) for r in range(45)] == expected
    assert len(threads) == 5  # 10+10+10+10+5: the last short page says "no more"
    assert all(t is not threading.main_thread() for t in threads)


def test_rows_are_inserted_with_an_inclusive_last_row(
    qtbot: Any, db_url: str, make_runner: MakeRunner
) -> None:
    add_orders(db_url, 15)
    model = _model(make_runner(db_url))
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    with qtbot.waitSignal(model.sig_rows_loaded):
        model.reload()
    with qtbot.waitSignal(model.sig_rows_loaded):
        model.fetchMore(QModelIndex())
    assert inserted == [(0, 9), (10, 14)]


def test_model_passes_the_model_testers(
    qtbot: Any, qtmodeltester: Any, qtlog: Any, db_url: str, make_runner: MakeRunner
) -> None:
    add_orders(db_url, 25)
    model = _model(make_runner(db_url))
    qtmodeltester.check(model, force_py=True)  # asserts on every signal from here on
    cpp = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    with qtbot.waitSignal(model.sig_rows_loaded):
        model.reload()
    _load_all(qtbot, model)
    assert model.rowCount() == 25
    with qtbot.waitSignal(model.sig_rows_loaded):
        model.reload(OrderFilter(statuses=("new",)))
    assert model.rowCount() == 5
    failures = [r.message for r in qtlog.records if "FAIL" in r.message]
    assert failures == []
    del cpp


def test_display_roles_alignment_and_tooltip(
    qtbot: Any, db_url: str, make_runner: MakeRunner
) -> None:
    add_orders(db_url, 5)
    model = _model(make_runner(db_url))
    with qtbot.waitSignal(model.sig_rows_loaded):
        model.reload()
    rows = {model.data(model.index(r, COL_NUMBER), DISPLAY): r for r in range(5)}
    zero = rows["T-00000"]  # guest contact, leased, status new
    one = rows["T-00001"]
    assert model.data(model.index(zero, COL_CUSTOMER), DISPLAY) == "Гость 0"
    assert model.data(model.index(one, COL_CUSTOMER), DISPLAY) == "Ольга Петрова"
    assert model.data(model.index(zero, COL_TOTAL), DISPLAY) == "₽1,000.50"
    assert model.data(model.index(zero, COL_STATUS), DISPLAY) == "New"
    assert model.data(model.index(zero, COL_STATUS), STATUS_CODE_ROLE) == "new"
    assert model.data(model.index(zero, COL_ATTEMPTS), DISPLAY) == ""
    assert model.data(model.index(one, COL_ATTEMPTS), DISPLAY) == "1"
    created = model.data(model.index(zero, 1), DISPLAY)
    assert created == "2026-11-20 12:00"  # 09:00 UTC shown in Moscow time
    assert model.data(model.index(zero, 3), DISPLAY) == "+7 916 123-45-67"
    assert model.data(model.index(zero, COL_NUMBER), TOOLTIP) == "Being worked on by Анна Смирнова"
    assert model.data(model.index(one, COL_NUMBER), TOOLTIP) is None
    # often-elided columns show their full text, plus the lease when there is one
    assert model.data(model.index(one, COL_CUSTOMER), TOOLTIP) == "Ольга Петрова"
    store_tip = model.data(model.index(zero, COL_STORE), TOOLTIP)
    assert store_tip == "Тверская\nBeing worked on by Анна Смирнова"
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    assert model.data(model.index(zero, COL_TOTAL), ALIGNMENT) == right
    assert model.data(model.index(zero, COL_CUSTOMER), ALIGNMENT) != right
    # a padlock on rows someone holds; none on free ones
    assert isinstance(model.data(model.index(zero, COL_NUMBER), DECORATION), QIcon)
    assert model.data(model.index(zero, COL_NUMBER), LEASE_ROLE) == LEASE_OTHER
    assert model.data(model.index(one, COL_NUMBER), DECORATION) is None
    assert model.data(model.index(one, COL_NUMBER), LEASE_ROLE) is None
    assert model.data(model.index(zero, COL_CUSTOMER), DECORATION) is None
    assert model.data(QModelIndex(), DISPLAY) is None
    assert model.headerData(COL_TOTAL, Qt.Orientation.Horizontal, DISPLAY) == "Total"
    assert model.headerData(0, Qt.Orientation.Vertical, DISPLAY) is None


def test_russian_formatting(qtbot: Any, db_url: str, make_runner: MakeRunner) -> None:
    add_orders(db_url, 3)
    i18n.install_language("ru")
    model = _model(make_runner(db_url))
    with qtbot.waitSignal(model.sig_rows_loaded):
        model.reload()
    last = model.rowCount() - 1  # the oldest: T-00000
    assert model.data(model.index(last, COL_TOTAL), DISPLAY) == "1\u00a0000,50\u00a0₽"
    assert model.data(model.index(last, COL_STATUS), DISPLAY) == "Новый"
    assert model.data(model.index(last, 1), DISPLAY) == "20.11.2026 12:00"
    assert model.headerData(COL_TOTAL, Qt.Orientation.Horizontal, DISPLAY) == "Сумма"
    assert (
        model.data(model.index(last, COL_NUMBER), TOOLTIP) == "В работе у оператора Анна Смирнова"
    )


def test_reload_drops_the_page_of_the_previous_filter(
    qtbot: Any, db_url: str, make_runner: MakeRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_orders(db_url, 20)
    gate, started = threading.Event(), threading.Event()
    real_fetch = order_table.fetch_page

    def slow_unfiltered(*args: Any, **kwargs: Any) -> Any:
        if kwargs["filters"].is_empty:  # hold the first, unfiltered page back
            started.set()
            assert gate.wait(10)
        return real_fetch(*args, **kwargs)

    monkeypatch.setattr(order_table, "fetch_page", slow_unfiltered)
    model = _model(make_runner(db_url), page_size=50)
    model.reload()
    qtbot.waitUntil(started.is_set)
    model.reload(OrderFilter(statuses=("cancelled",)))
    with qtbot.waitSignal(model.sig_rows_loaded) as loaded:
        gate.set()
    assert loaded.args == [4]
    statuses = {model.data(model.index(r, 0), STATUS_CODE_ROLE) for r in range(model.rowCount())}
    assert statuses == {"cancelled"}


def test_count_is_reported(qtbot: Any, db_url: str, make_runner: MakeRunner) -> None:
    add_orders(db_url, 12)
    model = _model(make_runner(db_url))
    with qtbot.waitSignal(model.sig_count_estimated) as counted:
        model.reload()
    assert counted.args == [12, True]


def test_a_failed_page_is_reported_and_retried(
    qtbot: Any, db_url: str, make_runner: MakeRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_orders(db_url, 3)
    real_fetch = order_table.fetch_page
    calls: list[int] = []

    def flaky(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 1:
            raise ValueError("page limit must be between 1 and 1000, got 0")
        return real_fetch(*args, **kwargs)

    monkeypatch.setattr(order_table, "fetch_page", flaky)
    model = _model(make_runner(db_url))
    with qtbot.waitSignal(model.sig_load_failed) as failed:
        model.reload()
    assert "page limit" in failed.args[0]
    assert model.rowCount() == 0 and model.canFetchMore(QModelIndex())
    with qtbot.waitSignal(model.sig_rows_loaded):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 3
