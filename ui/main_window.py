"""Okno's one window.

For now the order list is the central area. Issue 4 turns the window into docks (queue left,
order card centre, customer right): panels are built here and wired here only, through their
``sig_*`` signals, and ``saveState()`` already persists dock and toolbar layout with the window
geometry, so docks slot in without touching the panels."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QEvent, QLocale
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget
from sqlalchemy.engine import make_url

from app.config import Config
from ui import i18n
from ui.formatting import RowFormatter
from ui.models.order_table import make_formatter
from ui.ops import OpRunner
from ui.panels.order_list import OrderListPanel
from ui.settings import KEY_GEOMETRY, KEY_LANGUAGE, KEY_STATE, read_bytes, ui_settings

# version of the saveState() layout; bump when docks change so an old layout is not applied
WINDOW_STATE_VERSION = 1
KEY_ORDER_HEADER = "orders/header"


def describe_database(url: str) -> str:
    """Where the data lives, for the status bar: never a password."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = parsed.database or ":memory:"
        home = str(Path.home())
        if path.startswith(home + os.sep):  # shorter, and the user name is nobody's business
            path = "~" + path[len(home) :]
        return f"SQLite: {path}"
    host = parsed.host or "localhost"
    port = f":{parsed.port}" if parsed.port else ""
    user = f"{parsed.username}@" if parsed.username else ""
    return f"PostgreSQL: {user}{host}{port}/{parsed.database or ''}"


class MainWindow(QMainWindow):
    """The console window: order list, status bar, persisted geometry."""

    def __init__(self, config: Config, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.config = config
        self.runner = runner
        self._rows_loaded = 0
        self._count: tuple[int, bool] | None = None
        self._connection: tuple[bool | None, str] = (None, "")

        self.orders = OrderListPanel(runner, self._formatter(), self)
        self.setCentralWidget(self.orders)

        status = self.statusBar()
        status.setObjectName("StatusBar")
        status.setSizeGripEnabled(False)
        self.database_label = QLabel(describe_database(config.database_url), self)
        self.database_label.setObjectName("DatabaseLabel")
        self.connection_label = QLabel(self)
        self.connection_label.setObjectName("ConnectionLabel")
        self.rows_label = QLabel(self)
        self.rows_label.setObjectName("RowsLabel")
        status.addWidget(self.connection_label)
        status.addWidget(self.database_label, 1)
        status.addPermanentWidget(self.rows_label)

        self._build_menu()

        runner.sig_connection_changed.connect(self._connection_changed)
        self.orders.sig_rows_loaded.connect(self._rows_changed)
        self.orders.sig_count_estimated.connect(self._count_changed)
        self.orders.sig_load_failed.connect(self._load_failed)

        self.resize(1280, 720)
        self._restore()
        self.retranslate()

    # -- start ---------------------------------------------------------------------------------
    def show_first_time(self) -> None:
        """Show with the saved geometry, or maximized on the first start (a console is the
        operator's whole working day)."""
        if read_bytes(ui_settings(), KEY_GEOMETRY) is None:
            # the whole screen even where no window manager maximizes (kiosk, Xvfb)
            self.setGeometry(self.screen().availableGeometry())
            self.showMaximized()
        else:
            self.show()

    def start(self) -> None:
        """Load the first page (call once the database is ready)."""
        self.orders.setFocus()
        self.orders.reload()

    def _formatter(self) -> RowFormatter:
        return make_formatter(i18n.current_language(), self.config.timezone)

    # -- menu ----------------------------------------------------------------------------------
    def _build_menu(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.quit_action = QAction(self)
        self.quit_action.setShortcut("Ctrl+Q")
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)

        self.view_menu = bar.addMenu("")
        self.refresh_action = QAction(self)
        self.refresh_action.setShortcut("F5")
        self.refresh_action.triggered.connect(self.orders.reload)
        self.view_menu.addAction(self.refresh_action)
        self.language_menu = self.view_menu.addMenu("")
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        # Each language is named in itself, so it can be found whatever is shown now.
        for code, name in (("ru", "Русский"), ("en", "English")):
            action = QAction(name, self, checkable=True)
            action.setData(code)
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        self.language_actions[i18n.current_language()].setChecked(True)

    def set_language(self, language: str) -> None:
        """Switch the UI language now and remember it."""
        effective = i18n.install_language(language)  # LanguageChange reaches every widget
        ui_settings().setValue(KEY_LANGUAGE, language)
        self.language_actions[effective].setChecked(True)
        self.orders.set_formatter(self._formatter())

    # -- status bar ----------------------------------------------------------------------------
    def _connection_changed(self, connected: bool, message: str) -> None:
        self._connection = (connected, message)
        self._show_connection()

    def _show_connection(self) -> None:
        connected, message = self._connection
        label = self.connection_label
        if connected is None:
            label.setText(self.tr("Connecting…"))
            label.setProperty("state", "pending")
        elif connected:
            label.setText(self.tr("Connected"))
            label.setProperty("state", "ok")
        else:
            label.setText(self.tr("Offline"))
            label.setProperty("state", "error")
        label.setToolTip(message)
        # re-polish so the [state=...] stylesheet rule applies
        label.style().unpolish(label)
        label.style().polish(label)

    def _rows_changed(self, rows: int) -> None:
        self._rows_loaded = rows
        self._show_rows()

    def _count_changed(self, count: int, exact: bool) -> None:
        self._count = (count, exact)
        self._show_rows()

    def _show_rows(self) -> None:
        loaded = QLocale().toString(self._rows_loaded)
        if self._count is None:
            text = self.tr("Loaded: %1").replace("%1", loaded)
        else:
            count, exact = self._count
            total = QLocale().toString(count)
            if exact:
                text = self.tr("Loaded: %1 of %2").replace("%1", loaded).replace("%2", total)
            else:
                text = self.tr("Loaded: %1 of about %2").replace("%1", loaded).replace("%2", total)
        self.rows_label.setText(text)

    def _load_failed(self, message: str) -> None:
        self.statusBar().showMessage(message, 15_000)

    # -- language --------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Okno"))
        self.file_menu.setTitle(self.tr("&File"))
        self.quit_action.setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.refresh_action.setText(self.tr("&Refresh orders"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.database_label.setToolTip(self.tr("Database this console works with"))
        self._show_connection()
        self._show_rows()

    # -- persistence ---------------------------------------------------------------------------
    def _restore(self) -> None:
        settings = ui_settings()
        geometry = read_bytes(settings, KEY_GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = read_bytes(settings, KEY_STATE)
        if state is not None:
            self.restoreState(state, WINDOW_STATE_VERSION)
        header = read_bytes(settings, KEY_ORDER_HEADER)
        if header is not None:
            self.orders.restore_header_state(header)

    def save_layout(self) -> None:
        """Remember geometry, docks/toolbars and column widths (no secrets, ever)."""
        settings = ui_settings()
        settings.setValue(KEY_GEOMETRY, self.saveGeometry())
        settings.setValue(KEY_STATE, self.saveState(WINDOW_STATE_VERSION))
        settings.setValue(KEY_ORDER_HEADER, self.orders.header_state())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)
