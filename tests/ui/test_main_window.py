"""The main window: first page, scrolling fetches more, status bar, persisted layout, language."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QHeaderView

import ui.models.order_table as order_table
from app.config import load_config
from tests.ui.conftest import add_orders
from ui.main_window import MainWindow, describe_database
from ui.models.order_table import COL_CUSTOMER, COL_STATUS, DISPLAY
from ui.ops import OpRunner
from ui.panels.order_list import ROW_HEIGHT

pytestmark = pytest.mark.ui

MakeRunner = Callable[[str | None], OpRunner]


def _open(qtbot: Any, url: str, runner: OpRunner) -> MainWindow:
    window = MainWindow(load_config(url), runner)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    with qtbot.waitSignal(window.orders.sig_rows_loaded):
        window.start()
    return window


def test_window_opens_with_the_first_page_and_a_status_bar(
    qtbot: Any, db_url: str, make_runner: MakeRunner
) -> None:
    add_orders(db_url, 230)
    window = _open(qtbot, db_url, make_runner(db_url))
    model = window.orders.model
    assert window.windowTitle() == "Okno"
    assert model.rowCount() == 200  # the first page only
    qtbot.waitUntil(lambda: model.count is not None)
    assert window.rows_label.text() == "Loaded: 200 of 230"
    assert window.connection_label.text() == "Connected"
    assert window.database_label.text() == describe_database(db_url)
    assert window.orders.count_label.text() == "230 orders"
    # fixed row height, no content-based sizing on a table that may hold millions of rows
    rows = window.orders.table.verticalHeader()
    assert rows.sectionResizeMode(0) == QHeaderView.ResizeMode.Fixed
    assert rows.defaultSectionSize() == ROW_HEIGHT
    header = window.orders.table.horizontalHeader()
    modes = {header.sectionResizeMode(c) for c in range(model.columnCount())}
    assert QHeaderView.ResizeMode.ResizeToContents not in modes


def test_scrolling_to_the_bottom_fetches_more_off_the_ui_thread(
    qtbot: Any, db_url: str, make_runner: MakeRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = add_orders(db_url, 450)
    threads: list[threading.Thread] = []
    real_fetch = order_table.fetch_page

    def spy(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread())
        return real_fetch(*args, **kwargs)

    monkeypatch.setattr(order_table, "fetch_page", spy)
    window = _open(qtbot, db_url, make_runner(db_url))
    model, table = window.orders.model, window.orders.table
    assert model.rowCount() == 200
    for expected in (400, 450):
        table.scrollToBottom()  # what the operator's scroll wheel does at the end of the list
        qtbot.waitUntil(lambda e=expected: model.rowCount() == e)
    qtbot.waitUntil(lambda: not model.canFetchMore(QModelIndex()))
    assert [model.row_at(r).id for r in range(450)] == ids
    assert len(threads) == 3
    assert all(t is not threading.main_thread() for t in threads)
    qtbot.waitUntil(lambda: window.rows_label.text() == "Loaded: 450 of 450")


def test_geometry_and_columns_persist(qtbot: Any, db_url: str, make_runner: MakeRunner) -> None:
    add_orders(db_url, 3)
    runner = make_runner(db_url)
    window = _open(qtbot, db_url, runner)
    window.resize(720, 520)  # inside the offscreen platform's 800x600 screen
    window.orders.table.setColumnWidth(0, 155)
    window.close()

    again = MainWindow(load_config(db_url), runner)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (720, 520)
    assert again.orders.table.columnWidth(0) == 155


def test_switching_to_russian_retranslates_the_window(
    qtbot: Any, db_url: str, make_runner: MakeRunner
) -> None:
    add_orders(db_url, 5)
    window = _open(qtbot, db_url, make_runner(db_url))
    qtbot.waitUntil(lambda: window.orders.model.count is not None)
    window.set_language("ru")
    model = window.orders.model
    # LanguageChange is a posted event: widgets retranslate on the next turn of the loop
    qtbot.waitUntil(lambda: window.windowTitle() == "Окно")
    assert window.orders.title.text() == "Заказы"
    assert window.orders.refresh_button.text() == "Обновить"
    assert window.orders.view_picker.itemText(1) == "Очередь операторов"
    assert window.connection_label.text() == "Подключено"
    assert window.rows_label.text() == "Загружено: 5 из 5"
    assert window.orders.count_label.text() == "5 заказов"
    assert model.headerData(0, window.orders.table.horizontalHeader().orientation()) == "Номер"
    statuses = {model.data(model.index(r, COL_STATUS), DISPLAY) for r in range(5)}
    assert statuses == {"Новый", "Требует согласования", "Недозвон", "Согласован", "Отменён"}
    assert window.language_actions["ru"].isChecked()

    window.set_language("en")
    qtbot.waitUntil(lambda: window.orders.title.text() == "Orders")
    assert model.data(model.index(0, COL_STATUS), DISPLAY) in {
        "New",
        "Needs confirmation",
        "No answer",
        "Confirmed",
        "Cancelled",
    }


def test_view_picker_filters_the_grid(qtbot: Any, db_url: str, make_runner: MakeRunner) -> None:
    add_orders(db_url, 20)
    window = _open(qtbot, db_url, make_runner(db_url))
    model = window.orders.model
    with qtbot.waitSignal(model.sig_rows_loaded):
        window.orders.view_picker.setCurrentIndex(1)  # operator queue
    codes = {model.row_at(r).status_code for r in range(model.rowCount())}
    assert codes == {"needs_confirmation", "no_answer"}
    assert model.rowCount() == 8


def test_database_description_never_shows_a_password() -> None:
    pg = describe_database("postgresql+psycopg://okno:s3cret@db.example:5433/okno")
    assert pg == "PostgreSQL: okno@db.example:5433/okno"
    assert "s3cret" not in pg
    assert describe_database("sqlite:////var/lib/okno.sqlite3") == "SQLite: /var/lib/okno.sqlite3"
    home = Path.home() / ".local/share/Okno/okno.sqlite3"
    assert describe_database(f"sqlite:///{home}") == "SQLite: ~/.local/share/Okno/okno.sqlite3"


def test_columns_fill_the_width_without_a_horizontal_scrollbar(
    qtbot: Any, db_url: str, make_runner: MakeRunner
) -> None:
    add_orders(db_url, 40)
    window = _open(qtbot, db_url, make_runner(db_url))
    table = window.orders.table
    widths = {}
    for width in (1366, 1920):
        window.resize(width, 768)
        qtbot.waitUntil(
            lambda: sum(table.columnWidth(c) for c in range(11)) == table.viewport().width()
        )
        assert table.horizontalScrollBar().maximum() == 0
        widths[width] = table.columnWidth(COL_CUSTOMER)
    assert widths[1920] > widths[1366] >= 150  # the spare width goes to names first
