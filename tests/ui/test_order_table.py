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
    LEASE_MINE,
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
    assert model.data(model.index(zero, COL_TOTAL), ALIGNMENT) == int(right.value)
    assert model.data(model.index(zero, COL_CUSTOMER), ALIGNMENT) != int(right.value)
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


def _ids(model: OrderTableModel) -> list[int]:
    return [model.row_at(r).id for r in range(model.rowCount())]


def _truth(url: str, filters: OrderFilter) -> list[int]:
    from app.db import session_scope
    from app.order_list import fetch_page

    with session_scope(url) as s:
        return [r.id for r in fetch_page(s, after=None, limit=1000, filters=filters)]


def test_live_refresh_updates_drops_and_inserts_rows_keeping_the_selection(
    qtbot: Any, qtmodeltester: Any, qtlog: Any, db_url: str, make_runner: MakeRunner
) -> None:
    import datetime as dt

    from PySide6.QtWidgets import QTableView

    from app.db import session_scope
    from models import Order, User

    ids = add_orders(db_url, 30)  # newest first
    queue = OrderFilter(statuses=("new", "needs_confirmation", "no_answer"))
    model = _model(make_runner(db_url), page_size=50)
    qtmodeltester.check(model, force_py=True)
    cpp = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    with qtbot.waitSignal(model.sig_rows_loaded):
        model.reload(queue)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, 200)
    view.show()
    loaded = _ids(model)
    assert loaded == _truth(db_url, queue)
    selected = loaded[7]
    view.selectRow(7)
    view.scrollTo(model.index(7, 0))
    top_before = view.rowAt(0)
    assert top_before > 0

    with session_scope(db_url) as s:
        orders = {o.id: o for o in s.query(Order)}
        gone = loaded[2]  # confirmed: leaves the queue
        orders[gone].status = "confirmed"
        lapsed = loaded[5]  # someone takes it: stays, with the lease shown
        holder = s.query(User).one()
        orders[lapsed].lease_operator_id = holder.id
        orders[lapsed].lease_taken_at = orders[lapsed].lease_heartbeat_at = dt.datetime.now(dt.UTC)
        back = next(i for i in ids if orders[i].status == "confirmed")  # re-enters the queue
        orders[back].status = "needs_confirmation"
        newest = Order(
            number="T-NEW",
            source="site",
            status="new",
            created_at=max(o.created_at for o in orders.values()) + dt.timedelta(hours=1),
            contact_name="Новая",
            total=orders[ids[0]].total,
            delivery_type=orders[ids[0]].delivery_type,
        )
        s.add(newest)
        s.flush()
        newest_id = newest.id
    changed = {gone, lapsed, back, newest_id, ids[-1] + 10_000}  # and one that never existed
    with qtbot.waitSignal(model.sig_rows_refreshed, timeout=10_000) as refreshed:
        model.refresh_rows(changed)
    updated, removed, inserted = refreshed.args
    assert (removed, inserted) == (1, 2) and updated >= 1
    assert _ids(model) == _truth(db_url, queue)  # exactly what a reload would show
    assert _ids(model)[0] == newest_id
    assert model.row_at(model.row_of(lapsed)).lease_holder_id is not None
    # the operator's row is still selected, and the view did not jump to the top
    assert view.currentIndex().row() == model.row_of(selected)
    assert model.row_at(view.selectionModel().selectedRows()[0].row()).id == selected
    assert view.rowAt(0) > 0
    qtbot.waitUntil(lambda: model.count is not None and model.count.value == len(_ids(model)))
    failures = [r.message for r in qtlog.records if "FAIL" in r.message]
    assert failures == []
    del cpp


def test_a_refresh_answer_for_rows_replaced_by_a_reload_is_dropped(
    qtbot: Any, db_url: str, make_runner: MakeRunner
) -> None:
    ids = add_orders(db_url, 10)
    model = _model(make_runner(db_url), page_size=50)
    with qtbot.waitSignal(model.sig_rows_loaded):
        model.reload()
    with qtbot.assertNotEmitted(model.sig_rows_refreshed, wait=500):
        model.refresh_rows({ids[0]})
        model.reload(OrderFilter(statuses=("new",)))  # before the refresh answer lands
    assert {model.row_at(r).status_code for r in range(model.rowCount())} == {"new"}


def test_my_own_lease_looks_different(qtbot: Any, db_url: str, make_runner: MakeRunner) -> None:
    from app.db import session_scope
    from models import User

    add_orders(db_url, 5)
    with session_scope(db_url) as s:
        anna = s.query(User).one().id
    model = _model(make_runner(db_url), viewer_id=anna)
    with qtbot.waitSignal(model.sig_rows_loaded):
        model.reload()
    held = next(r for r in range(model.rowCount()) if model.row_at(r).lease_holder_id)
    assert model.data(model.index(held, COL_NUMBER), LEASE_ROLE) == LEASE_MINE
    assert model.data(model.index(held, COL_NUMBER), TOOLTIP) == "You are working on this order"
