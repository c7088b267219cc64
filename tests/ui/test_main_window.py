"""The main window: docks and their persisted layout, menus by role, the queue's views, filters,
sorting and columns, the status bar, the offline banner, reminders, the help sheet, language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QByteArray, QPoint, Qt
from PySide6.QtWidgets import QDockWidget, QHeaderView

import ui.panels.order_card  # noqa: F401  (the card before its dialogs: they import each other)
from app.auth import LoggedInUser
from app.config import load_config
from app.db import session_scope
from app.order_list import OrderSort, QueueView
from models import Order, Role, Task
from tests import factories as f
from tests.ui.conftest import add_orders
from ui import shortcuts
from ui.connection import ConnectionState
from ui.main_window import WINDOW_STATE_VERSION, MainWindow, describe_database
from ui.models.order_table import COL_CREATED, COL_CUSTOMER, COL_NEXT_ATTEMPT, COL_STATUS, DISPLAY
from ui.ops import OpRunner, install_runner
from ui.panels.order_list import ROW_HEIGHT
from ui.settings import KEY_STATE, ui_settings

pytestmark = pytest.mark.ui

MakeRunner = Callable[[str | None], OpRunner]


def _user(url: str, role: Role = Role.OPERATOR, login: str = "olga") -> LoggedInUser:
    with session_scope(url) as s:
        u = f.user(s, login, role, name="Ольга Смирнова")
        return LoggedInUser(u.id, u.login, u.name, u.role.value, None)


@pytest.fixture
def opened(qtbot: Any, make_runner: MakeRunner) -> Iterator[Callable[..., MainWindow]]:
    windows: list[MainWindow] = []

    def open_(url: str, user: LoggedInUser, size: tuple[int, int] = (1366, 768)) -> MainWindow:
        runner = make_runner(url)
        install_runner(runner)
        window = MainWindow(load_config(url), runner)
        qtbot.addWidget(window)
        window.sign_in(user)
        window.resize(*size)
        window.show()
        window.default_dock_widths()
        assert window.queue is not None
        with qtbot.waitSignal(window.queue.sig_rows_loaded, timeout=10_000):
            window.start()
        qtbot.waitUntil(lambda: window.queue.model.count is not None)
        windows.append(window)
        return window

    yield open_
    for window in windows:
        window.close()
    install_runner(None)


def test_the_shell_before_log_in_has_its_docks_and_nothing_to_do(
    qtbot: Any, db_url: str, make_runner: MakeRunner
) -> None:
    window = MainWindow(load_config(db_url), make_runner(db_url))
    qtbot.addWidget(window)
    docks = {d.objectName(): window.dockWidgetArea(d) for d in window.findChildren(QDockWidget)}
    assert docks == {
        "QueueDock": Qt.DockWidgetArea.LeftDockWidgetArea,
        "CustomerDock": Qt.DockWidgetArea.RightDockWidgetArea,
    }  # telephony, messenger, cross-sell: reserved names, no fake panels
    assert not window.take_next_action.isEnabled()
    assert not window.search_action.isEnabled()
    assert window.windowTitle() == "Okno"


def test_signed_in_window_shows_queue_card_profile_and_status(
    qtbot: Any, db_url: str, opened: Callable[..., MainWindow]
) -> None:
    add_orders(db_url, 230)
    window = opened(db_url, _user(db_url))
    queue = window.queue
    assert window.queue_dock.widget() is queue
    assert window.customer_dock.widget() is window.profile
    assert window.centralWidget() is window.card
    assert (
        window.user_label.text() == "Ольга Смирнова (operator)  ·  free — F2 takes the next order"
    )
    assert window.connection_label.text() == "Connected"
    assert window.database_label.text() == describe_database(db_url)
    assert not window.banner.isVisible()
    # operators: no settings, no merging; every operator works the same queue views
    assert not window.settings_action.isVisible() and not window.merge_action.isVisible()
    assert not queue.filters.operator.isVisibleTo(queue.filters)
    assert queue.view is QueueView.MY_WORK
    with qtbot.waitSignal(queue.model.sig_rows_loaded):
        queue.set_view(QueueView.ALL)
    assert queue.model.rowCount() == 200  # the first page only
    qtbot.waitUntil(lambda: window.rows_label.text() == "Loaded: 200 of 230")
    assert queue.count_label.text() == "230 orders"
    rows = queue.table.verticalHeader()
    assert rows.sectionResizeMode(0) == QHeaderView.ResizeMode.Fixed
    assert rows.defaultSectionSize() == ROW_HEIGHT
    header = queue.table.horizontalHeader()
    modes = {header.sectionResizeMode(c) for c in range(queue.model.columnCount())}
    assert QHeaderView.ResizeMode.ResizeToContents not in modes
    # the outcome actions of the card are in the Orders menu with their keys
    titles = [a.text() for a in window.orders_menu.actions() if a.text()]
    assert titles[:3] == ["&Take next order", "Confirm", "No answer"]
    assert window.take_next_action.toolTip() == "Take next order (F2)"


def test_supervisors_get_settings_merging_and_everyones_queues(
    qtbot: Any, db_url: str, opened: Callable[..., MainWindow]
) -> None:
    ids = add_orders(db_url, 20)  # anna (operator) holds and works some
    boss = _user(db_url, Role.SUPERVISOR, "boss")
    window = opened(db_url, boss)
    queue = window.queue
    assert window.settings_action.isVisible() and window.merge_action.isVisible()
    filters = queue.filters
    assert filters.operator.isVisibleTo(filters)
    qtbot.waitUntil(lambda: filters.operator.count() > 1)
    assert queue.model.rowCount() == 0  # "My work" of the supervisor: nothing
    anna = filters.operator.findText("Анна Смирнова")
    with qtbot.waitSignal(queue.model.sig_rows_loaded):
        filters.operator.setCurrentIndex(anna)  # whose work: Анна's
    work = ("new", "needs_confirmation", "no_answer")
    with session_scope(db_url) as s:
        anna_id = s.query(Order.operator_id).filter(Order.operator_id.isnot(None)).first()[0]
        expected = {
            o.id
            for o in s.query(Order)
            if o.lease_operator_id == anna_id or (o.operator_id == anna_id and o.status in work)
        }
    assert {queue.model.row_at(r).id for r in range(queue.model.rowCount())} == expected
    assert expected and set(ids) >= expected


def test_filters_sorting_and_columns_of_the_queue(
    qtbot: Any, db_url: str, opened: Callable[..., MainWindow]
) -> None:
    add_orders(db_url, 40)
    window = opened(db_url, _user(db_url))
    queue = window.queue
    model = queue.model
    with qtbot.waitSignal(model.sig_rows_loaded):
        queue.set_view(QueueView.ALL)
    assert not queue.filters.isVisible()
    queue.filter_button.click()
    assert queue.filters.isVisible()
    filters = queue.filters
    qtbot.waitUntil(lambda: filters.store.count() == 2)  # Any + Тверская
    with qtbot.waitSignal(model.sig_rows_loaded):
        filters.store.setCurrentIndex(1)
    assert model.rowCount() == 10 and {model.row_at(r).store_name for r in range(10)} == {
        "Тверская"
    }
    assert queue.filter_button.text() == "Filters (1)"
    with qtbot.waitSignal(model.sig_rows_loaded):
        filters.status.setCurrentIndex(filters.status.findText("New"))
    assert {model.row_at(r).status_code for r in range(model.rowCount())} == {"new"}
    with qtbot.waitSignal(model.sig_rows_loaded):
        filters.clear()
    assert model.rowCount() == 40 and queue.filter_button.text() == "Filters"
    # a period: the seeded orders were created on 2026-11-20, nothing today
    with qtbot.waitSignal(model.sig_rows_loaded):
        filters.period.setCurrentIndex(1)  # today
    assert model.rowCount() == 0
    with qtbot.waitSignal(model.sig_rows_loaded):
        filters.period.setCurrentIndex(0)

    # sorting: Created toggles newest/oldest, Next attempt sorts by it
    first_newest = model.row_at(0).id
    with qtbot.waitSignal(model.sig_rows_loaded):
        queue.table.horizontalHeader().sectionClicked.emit(COL_CREATED)
    assert model.filters.sort is OrderSort.OLDEST and model.row_at(39).id == first_newest
    with qtbot.waitSignal(model.sig_rows_loaded):
        queue.table.horizontalHeader().sectionClicked.emit(COL_NEXT_ATTEMPT)
    assert model.filters.sort is OrderSort.NEXT_ATTEMPT
    with qtbot.assertNotEmitted(model.sig_rows_loaded, wait=300):
        queue.table.horizontalHeader().sectionClicked.emit(COL_STATUS)  # not sortable
    assert model.filters.sort is OrderSort.NEXT_ATTEMPT


def test_columns_fit_the_dock_and_the_operator_can_choose_them(
    qtbot: Any, db_url: str, opened: Callable[..., MainWindow]
) -> None:
    add_orders(db_url, 10)
    window = opened(db_url, _user(db_url), size=(1920, 1000))
    queue = window.queue
    table = queue.table
    shown: dict[int, set[int]] = {}
    for width in (380, 900):
        window.resizeDocks([window.queue_dock], [width], Qt.Orientation.Horizontal)
        qtbot.waitUntil(
            lambda w=width: (
                table.viewport().width() > w - 20
                and sum(table.columnWidth(c) for c in range(11) if not table.isColumnHidden(c))
                == table.viewport().width()
            )
        )
        assert table.horizontalScrollBar().maximum() == 0
        assert table.columnWidth(COL_CUSTOMER) >= 130
        shown[width] = {c for c in range(11) if not table.isColumnHidden(c)}
    assert {0, COL_CUSTOMER, COL_STATUS} <= shown[380] < shown[900]
    # the header's menu shows a hidden column, and from then on the choice is the operator's
    hidden = next(c for c in range(11) if table.isColumnHidden(c))
    table.horizontalHeader().customContextMenuRequested.emit(QPoint(5, 5))
    menu = queue.column_menu
    menu.actions()[hidden].trigger()
    assert not table.isColumnHidden(hidden) and not queue.auto_columns
    assert not queue.header_state().isEmpty()
    menu.close()


def test_layout_persists_and_an_old_layout_is_not_applied(
    qtbot: Any, db_url: str, opened: Callable[..., MainWindow]
) -> None:
    add_orders(db_url, 3)
    user = _user(db_url)
    window = opened(db_url, user)
    window.customer_dock.close()  # the operator closes the customer dock
    window.queue.set_view(QueueView.ALL)
    window.close()
    assert not ui_settings().value("window/geometry").isEmpty()
    # the next start: the saved layout is applied once the panels are in (and shows: a state
    # restored into empty docks used to crash Qt's layout on show)
    again = opened(db_url, user)
    assert again.customer_dock.isHidden()
    assert again.queue.view is QueueView.ALL
    again.reset_layout()
    assert not again.customer_dock.isHidden()
    # a layout saved by an older window version is ignored, not half-applied
    old = again.saveState(WINDOW_STATE_VERSION - 1)
    again.customer_dock.hide()
    again.close()
    ui_settings().setValue(KEY_STATE, old)
    third = opened(db_url, user)
    assert not third.customer_dock.isHidden()
    assert not third.restoreState(QByteArray(old), WINDOW_STATE_VERSION)


def test_switching_to_russian_retranslates_the_window_and_is_remembered(
    qtbot: Any, db_url: str, opened: Callable[..., MainWindow]
) -> None:
    add_orders(db_url, 5)
    window = opened(db_url, _user(db_url))
    queue = window.queue
    with qtbot.waitSignal(queue.model.sig_rows_loaded):
        queue.set_view(QueueView.ALL)
    qtbot.waitUntil(lambda: queue.model.count is not None)
    window.set_language("ru")
    qtbot.waitUntil(lambda: window.windowTitle() == "Окно")
    assert window.queue_dock.windowTitle() == "Очередь"
    assert window.orders_menu.title() == "&Заказы"
    assert queue.view_picker.itemText(0) == "Моя работа"
    assert window.connection_label.text() == "Подключено"
    assert window.rows_label.text() == "Загружено: 5 из 5"
    assert queue.count_label.text() == "5 заказов"
    assert "оператор" in window.user_label.text()
    model = queue.model
    statuses = {model.data(model.index(r, COL_STATUS), DISPLAY) for r in range(5)}
    assert statuses == {"Новый", "Требует согласования", "Недозвон", "Согласован", "Отменён"}
    assert window.language_actions["ru"].isChecked()
    assert ui_settings().value("ui/language") == "ru"
    window.set_language("")  # back to the system's (English in tests)
    qtbot.waitUntil(lambda: window.windowTitle() == "Okno")
    assert ui_settings().value("ui/language") == ""


def test_the_shortcut_sheet_lists_every_shortcut_by_group(
    qtbot: Any, db_url: str, opened: Callable[..., MainWindow]
) -> None:
    window = opened(db_url, _user(db_url))
    window.show_shortcuts()
    sheet = window.shortcuts_dialog
    assert sheet is not None and sheet.isVisible()
    listed = [(title, keys) for rows in sheet.groups().values() for title, keys in rows]
    assert len(listed) == len(shortcuts.SHORTCUTS)
    assert ("Take next order", "F2") in listed
    assert ("Confirm order", "F3  ·  Ctrl+Return") in listed
    assert list(sheet.groups()) == ["Confirmation workflow", "Order card", "Navigation", "Create"]
    assert sheet.tree.topLevelItemCount() == len(shortcuts.SHORTCUTS) + 4


def test_the_banner_shows_while_the_database_is_away_and_goes_when_it_is_back(
    qtbot: Any, db_url: str, opened: Callable[..., MainWindow]
) -> None:
    window = opened(db_url, _user(db_url))
    monitor = window.monitor
    # an op failed: the runner says so; the monitor probes and finds the database fine
    with qtbot.waitSignal(monitor.sig_reconnected, timeout=10_000):
        window.runner._set_connected(False, "connection refused")
        assert window.banner.isVisible()
        assert window.connection_label.text() == "Reconnecting…"
        assert window.connection_label.toolTip() == "connection refused"
    assert monitor.state is ConnectionState.CONNECTED
    assert not window.banner.isVisible()
    assert window.connection_label.text() == "Connected"
    # the change listener losing its connection counts too
    with qtbot.waitSignal(monitor.sig_reconnected, timeout=10_000):
        monitor.listener_changed(False)
        assert window.banner.isVisible()


def test_take_next_on_an_empty_queue_says_so(
    qtbot: Any, db_url: str, opened: Callable[..., MainWindow]
) -> None:
    window = opened(db_url, _user(db_url))
    window.take_next()
    qtbot.waitUntil(lambda: "queue is empty" in window.statusBar().currentMessage())
    assert window.card.order_id is None and window.keeper.order_id is None


def test_due_reminders_are_counted_and_open_their_order(
    qtbot: Any, db_url: str, opened: Callable[..., MainWindow]
) -> None:
    ids = add_orders(db_url, 5)
    user = _user(db_url)
    with session_scope(db_url) as s:
        waiting = next(o for o in s.query(Order) if o.status == "needs_confirmation")
        s.add(
            Task(
                kind="callback",
                title=f"Call back on order {waiting.number}",
                order_id=waiting.id,
                assignee_id=user.id,
                due_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1),
            )
        )
        waiting_id = waiting.id
    window = opened(db_url, user)
    button = window.notifications
    qtbot.waitUntil(lambda: button.text() == "1 reminder")
    assert button.property("due") is True
    action = button.menu_.actions()[0]
    assert action.text().startswith("Call back: T-")
    with qtbot.waitSignal(window.card.sig_order_loaded, timeout=10_000) as loaded:
        action.trigger()
    assert loaded.args == [waiting_id] and waiting_id in ids
    qtbot.waitUntil(lambda: button.text() == "No reminders")
    with session_scope(db_url) as s:
        assert s.query(Task).one().done_at is not None


def test_database_description_never_shows_a_password() -> None:
    pg = describe_database("postgresql+psycopg://okno:s3cret@db.example:5433/okno")
    assert pg == "PostgreSQL: okno@db.example:5433/okno"
    assert "s3cret" not in pg
    assert describe_database("sqlite:////var/lib/okno.sqlite3") == "SQLite: /var/lib/okno.sqlite3"
    home = Path.home() / ".local/share/Okno/okno.sqlite3"
    assert describe_database(f"sqlite:///{home}") == "SQLite: ~/.local/share/Okno/okno.sqlite3"


def test_the_console_opens_again_with_its_saved_layout(db_url: str, tmp_path: Path) -> None:
    """Two starts of the real console process: the second restores the layout the first saved
    (in a child process: a crash in Qt's layout must fail this test, not end the session)."""
    import os
    import subprocess
    import sys

    add_orders(db_url, 5)
    _user(db_url)  # olga, password "secret"
    env = {
        **os.environ,
        "OKNO_DATA_DIR": str(tmp_path / "console"),
        "OKNO_AUTOLOGIN": "olga:secret",
        "OKNO_QUIT_WHEN_READY": "1",
        "QT_QPA_PLATFORM": "offscreen",
    }
    for start in ("first", "second"):
        done = subprocess.run(
            [sys.executable, "-m", "ui.main", "--database-url", db_url],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, f"{start} start: {done.stderr[-2000:]}"
        assert (tmp_path / "console" / "console.ini").exists()


def test_focus_keys_and_the_creation_dialogs_are_wired(
    qtbot: Any, db_url: str, opened: Callable[..., MainWindow]
) -> None:
    from ui.dialogs.new_customer import NewCustomerDialog
    from ui.dialogs.new_order import NewOrderDialog
    from ui.dialogs.one_click import OneClickOrderDialog

    ids = add_orders(db_url, 3)
    with session_scope(db_url) as s:
        customer = s.query(Order).filter(Order.customer_id.isnot(None)).first().customer_id
    window = opened(db_url, _user(db_url))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    # no customer open: Ctrl+3 says so instead of wandering into another panel
    before = window.focusWidget()
    window.focus_customer_action.trigger()
    assert window.focusWidget() is before
    assert "No customer open" in window.statusBar().currentMessage()
    with qtbot.waitSignal(window.profile.sig_customer_loaded, timeout=10_000):
        window.show_customer(customer)
    window.focus_customer_action.trigger()
    assert window.profile.isAncestorOf(window.focusWidget())
    window.focus_queue_action.trigger()
    assert window.focusWidget() is window.queue.table

    with session_scope(db_url) as s:
        created = f.customer(s, phone="+79035550011", first_name="Новая").id
    window.new_customer_action.trigger()
    assert isinstance(window.dialog, NewCustomerDialog) and window.dialog.isVisible()
    with qtbot.waitSignal(window.profile.sig_customer_loaded, timeout=10_000) as shown:
        window.dialog.sig_customer_created.emit(created)  # what saving it announces
    assert shown.args == [created]
    window.dialog.close()

    window.one_click_action.trigger()
    assert isinstance(window.dialog, OneClickOrderDialog)
    with qtbot.waitSignal(window.card.sig_order_loaded, timeout=10_000) as loaded:
        window.dialog.sig_order_created.emit(ids[0])
    assert loaded.args == [ids[0]]
    window.dialog.close()

    # a new order from the profile is for the customer on screen
    window.profile.sig_new_order_requested.emit(customer)
    assert isinstance(window.dialog, NewOrderDialog)
    window.dialog.close()


def test_release_gives_the_held_order_back(
    qtbot: Any, db_url: str, opened: Callable[..., MainWindow]
) -> None:
    with session_scope(db_url) as s:
        f.order(s, [], status="needs_confirmation")
    window = opened(db_url, _user(db_url))
    with qtbot.waitSignal(window.card.sig_order_loaded, timeout=10_000) as loaded:
        window.take_next_action.trigger()
    order_id = loaded.args[0]
    assert window.keeper.order_id == order_id

    def holder() -> int | None:
        with session_scope(db_url) as s:
            return s.get(Order, order_id).lease_operator_id

    assert holder() == window.user.id
    window.release_action.trigger()
    qtbot.waitUntil(lambda: holder() is None)
    assert window.keeper.order_id is None
    assert "free" in window.user_label.text()


def test_at_1366_by_768_every_dock_fits_and_the_card_keeps_room_for_its_items(
    qtbot: Any, db_url: str, opened: Callable[..., MainWindow]
) -> None:
    # The smallest screen Okno is made for: the queue, phone, card, cross-sell and customer
    # docks must fit without the window growing past the screen, and the card must keep the
    # width its items table needs (names readable beside price, quantity, discount, sum).
    with session_scope(db_url) as s:
        f.order(s, [], status="needs_confirmation")
    window = opened(db_url, _user(db_url))
    with qtbot.waitSignal(window.card.sig_order_loaded, timeout=10_000):
        window.take_next_action.trigger()
    window.default_dock_widths()
    qtbot.wait(50)
    docks = {d.objectName() for d in window.findChildren(QDockWidget) if d.isVisible()}
    assert {"QueueDock", "TelephonyDock", "CrossSellDock", "CustomerDock"} <= docks
    assert window.minimumSizeHint().width() <= 1366
    assert window.width() <= 1366
    assert window.centralWidget().width() >= 560
    assert window.customer_dock.width() >= 300


def test_closing_the_console_gives_the_held_order_back(
    qtbot: Any, db_url: str, opened: Callable[..., MainWindow]
) -> None:
    # Closing the window must not leave the order locked to this operator until the lease
    # lapses: colleagues would see it held for minutes by someone who has gone home.
    with session_scope(db_url) as s:
        f.order(s, [], status="needs_confirmation")
    window = opened(db_url, _user(db_url))
    with qtbot.waitSignal(window.card.sig_order_loaded, timeout=10_000) as loaded:
        window.take_next_action.trigger()
    order_id = loaded.args[0]
    window.close()
    assert window.runner.shutdown()  # what the application does on quit: running ops finish
    with session_scope(db_url) as s:
        assert s.get(Order, order_id).lease_operator_id is None
