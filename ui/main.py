"""Start the console: ``okno console [--demo]`` or the ``okno-console`` GUI script.

Start-up is kept lean (PERF.md T10): heavy modules are imported when first needed, the window
is built while a worker thread checks (or prepares) the database, and it is shown once the
database is ready; the first page of orders then arrives through the op runner."""

from __future__ import annotations

import argparse
import gc
import importlib
import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

# No cyclic collection while the modules below load: loading them makes only objects that live
# as long as the process, and ~20 young and a full collection walked them meanwhile (~40 ms of
# start-up measured; T10). Restored however the imports end.
_COLLECTING = gc.isenabled()
gc.disable()
try:
    # isort: off
    # The database stack is imported before PySide6 on purpose: PySide6 installs an import hook
    # that reads the source of every module imported after it, which costs about as much again
    # as the imports themselves (SQLAlchemy, the models, psycopg: ~0.3 s of start-up measured).
    import app.change_feed
    import app.db
    import app.order_list  # noqa: F401

    # isort: on
    from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, QTimer, Signal
    from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

    from app.config import Config, load_config
    from ui import i18n
    from ui.ops import ErrorKind, Lane, Op, OpError, OpRunner, install_runner
    from ui.settings import ui_settings
    from ui.startup import StartupReport, prepare_database
finally:
    if _COLLECTING:
        gc.enable()

if TYPE_CHECKING:
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)

STYLE_SHEET = Path(__file__).resolve().parent / "style.qss"
# a start-up step shorter than this shows no progress dialog (no flash on a normal start)
PROGRESS_DELAY_MS = 400

# What MainWindow.sign_in() imports to build the panels (~0.2 s: the panels, the customer and
# card queries). Imported while the log-in dialog waits for the operator and the password check
# (scrypt, which releases the GIL) runs on the worker: the UI thread is idle then, and the panels
# are built at once after log-in (PERF.md T10). One module per event-loop turn, so typing in the
# dialog never waits for more than one of them.
PRELOAD_AFTER_DIALOG = (
    "app.actors",
    "ui.lease",
    "ui.change_feed",
    "ui.widgets.notifications",
    "ui.panels.order_list",
    "ui.panels.order_card",
    "ui.panels.customer_profile",
    "ui.panels.cross_sell.panel",
    "ui.panels.telephony.glue",
    "ui.dialogs.global_search",  # built on the first Ctrl+K: its code need not load then
)


# The start-up steps reported by ui/startup.py, marked for translation.
_STEPS = (
    QT_TRANSLATE_NOOP("ConsoleLauncher", "Creating the database…"),
    QT_TRANSLATE_NOOP("ConsoleLauncher", "Updating the database…"),
    QT_TRANSLATE_NOOP("ConsoleLauncher", "Creating demo data…"),
)


def _without_password(url: str) -> str:
    """The URL for a message: password hidden, or everything before "@" dropped if unparsable."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return url.rsplit("@", 1)[-1]


class _Progress(QObject):
    """Carries progress text from the start-up worker to the dialog (queued across threads)."""

    sig_message = Signal(str)


def create_application() -> QApplication:
    """The QApplication with Okno's names, style, stylesheet and language."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName("Okno")
    app.setOrganizationName("Okno")
    app.setApplicationDisplayName("Okno")
    app.setStyle("Fusion")  # the same look on every OS; the stylesheet refines it
    app.setStyleSheet(STYLE_SHEET.read_text(encoding="utf-8"))
    i18n.install_language(i18n.choose_language(ui_settings()))
    return app


class ConsoleLauncher(QObject):
    """Runs the start-up step off the UI thread, then opens the main window."""

    # the window is shown and its first page of orders has arrived
    sig_ready = Signal()

    def __init__(self, app: QApplication, config: Config, demo: bool) -> None:
        super().__init__(app)
        self.app = app
        self.config = config
        self.demo = demo
        self.exit_code = 0
        self.running = False  # inside run_console's app.exec()
        self.started = time.perf_counter()
        self.runner = OpRunner(config.database_url, self)
        install_runner(self.runner)
        self.window: MainWindow | None = None
        self.progress: QProgressDialog | None = None
        self._progress = _Progress(self)
        self._step: str | None = None
        self._progress_timer = QTimer(self)  # owned: it dies with the launcher
        self._progress_timer.setSingleShot(True)
        self._progress_timer.timeout.connect(self._open_progress)
        self._preload: list[str] = []

    def start(self) -> None:
        config, demo = self.config, self.demo
        emit = self._progress.sig_message.emit

        def prepare() -> StartupReport:
            return prepare_database(config, demo=demo, progress=emit)

        # Everything the window and the database check share (SQLAlchemy, the models) is
        # imported here, before any worker thread exists: CPython can fail a concurrent import
        # of a package with import cycles ("partially initialized module"), SQLAlchemy's included.
        # Building the engine (no connection yet) loads its dialect and hooks here too.
        from app.db import get_engine
        from ui.dialogs.login import LoginDialog  # noqa: F401  (imported before any worker)
        from ui.main_window import MainWindow

        # What is loaded now (Qt, SQLAlchemy, the models, the window's code) lives as long as the
        # process: out of the cyclic collector's full sweeps, which otherwise walk all of it
        # again mid-start-up (a 73 ms collection measured right after log-in; T10, T13).
        gc.freeze()
        try:
            get_engine(self.config.database_url)
        except Exception as exc:  # a URL SQLAlchemy cannot use: say so, not a traceback
            detail = f"{type(exc).__name__}: {exc}"
            message = self.tr("Okno cannot use the database address %1: %2")
            text = message.replace("%1", _without_password(self.config.database_url))
            self._failed(OpError(ErrorKind.REFUSED, text.replace("%2", str(exc)), detail))
            return

        self.app.setQuitOnLastWindowClosed(False)  # until the window exists
        Op(self, prepare, lane=Lane.DB, runner=self.runner).success(self._ready).failure(
            self._failed
        ).run()
        # Built while the worker checks the database: the two overlap.
        self.window = MainWindow(self.config, self.runner)
        self._progress.sig_message.connect(self._show_progress)
        self._progress_timer.start(PROGRESS_DELAY_MS)

    def _leave(self, _result: int = 0) -> None:
        # only a running event loop may be told to exit: outside exec() the request would stay
        # pending and end the next event loop that starts (Qt keeps a "quit now" flag)
        if self.running:
            self.app.exit(self.exit_code)

    def close(self) -> None:
        """Close the window (saving its layout), stop the workers, release everything."""
        self._close_progress()
        login = getattr(self, "login", None)
        if login is not None:
            login.close()
            login.deleteLater()
            self.login = None
        if self.window is not None:
            # closing the last window would post a Quit that outlives the event loop
            self.app.setQuitOnLastWindowClosed(False)
            self.window.close()
            self.window.deleteLater()
            self.window = None
            self.app.setQuitOnLastWindowClosed(True)
        self.runner.shutdown()
        install_runner(None)
        self.deleteLater()

    def _open_progress(self) -> None:
        if self.window is None or self.window.isVisible() or self.exit_code:
            return
        dialog = QProgressDialog(self._step_text(), "", 0, 0)
        dialog.setWindowTitle(self.tr("Okno"))
        dialog.setCancelButton(None)  # migrations and seeding are not safely interruptible
        dialog.setMinimumDuration(0)
        dialog.setFixedWidth(420)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.progress = dialog
        dialog.show()
        # centred on the screen even where no window manager places it
        frame = dialog.frameGeometry()
        frame.moveCenter(dialog.screen().availableGeometry().center())
        dialog.move(frame.topLeft())

    def _step_text(self) -> str:
        if self._step is None:
            return self.tr("Preparing the database…")
        return (
            QCoreApplication.translate("ConsoleLauncher", self._step)
            + "\n"
            + self.tr("This is done once.")
        )

    def _show_progress(self, message: str) -> None:
        log.info("start-up: %s", message)
        # The steps ui/startup.py names are shown; the seeder's statistics only go to the log.
        if message in _STEPS:
            self._step = message
            if self.progress is not None:
                self.progress.setLabelText(self._step_text())

    def _close_progress(self) -> None:
        self._progress_timer.stop()
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _ready(self, report: StartupReport) -> None:
        self._close_progress()
        assert self.window is not None
        log.info(
            "database ready (revision %s%s%s) after %.0f ms",
            report.revision,
            ", migrated" if report.migrated else "",
            ", demo data seeded" if report.seeded else "",
            (time.perf_counter() - self.started) * 1000,
        )
        if self.demo:  # the pretend PBX for demo calls, started before the log-in
            from ui.panels.telephony.backend import start_demo_then

            start_demo_then(self, self.config, self._log_in)
            return
        self._log_in()

    def _log_in(self) -> None:
        """The log-in dialog (``OKNO_AUTOLOGIN=login:password`` submits it by itself)."""
        from ui.dialogs.login import LoginDialog, autologin_from_env
        from ui.main_window import describe_database

        url = self.config.database_url
        dialog = LoginDialog(
            self.runner,
            database=describe_database(url),
            demo_hint=url.startswith("sqlite"),
            autologin=autologin_from_env(),
        )
        dialog.sig_logged_in.connect(self._logged_in)
        dialog.rejected.connect(self._leave)  # Quit
        self.login = dialog
        dialog.open()
        self._preload = list(PRELOAD_AFTER_DIALOG)
        QTimer.singleShot(0, self, self._preload_next)

    def _preload_next(self) -> None:
        # The database stack and the models were imported before any worker existed (see
        # start()); these modules only add the UI's own code and queries on top of them, which
        # the log-in check on the worker does not import, so the two threads never race on one
        # partially initialized module.
        if not self._preload or self.window is None or self.window.user is not None:
            return  # done, or signed in already: sign_in() imports the rest itself
        name = self._preload.pop(0)
        try:
            importlib.import_module(name)
        except ImportError:  # moved or renamed: sign_in() imports what it needs and says so
            log.warning("start-up: could not preload %s", name, exc_info=True)
        if self._preload:
            QTimer.singleShot(0, self, self._preload_next)
        else:
            gc.freeze()  # the panels' code too, as in start()

    def _logged_in(self, user: object) -> None:
        assert self.window is not None
        window = self.window
        window.sign_in(user)  # type: ignore[arg-type]
        self.app.setQuitOnLastWindowClosed(True)
        assert window.queue is not None
        window.queue.sig_rows_loaded.connect(self._first_page)
        # the first page is read on the worker while the UI thread lays the window out and
        # shows it: the two overlap instead of following each other
        window.start()
        window.show_first_time()

    def _first_page(self, _rows: int) -> None:
        assert self.window is not None and self.window.queue is not None
        self.window.queue.sig_rows_loaded.disconnect(self._first_page)
        log.info("console usable %.0f ms after start", (time.perf_counter() - self.started) * 1000)
        self.sig_ready.emit()

    def _failed(self, error: OpError) -> None:
        self._close_progress()
        self.exit_code = 1
        message = error.message
        log.error("cannot start: %s", error.detail)
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            self.tr("Okno cannot start"),
            message,
            QMessageBox.StandardButton.Close,
        )
        box.setDetailedText(error.detail)
        box.finished.connect(self._leave)
        self.failure_box = box
        box.open()


def run_console(database_url: str | None, demo: bool) -> int:
    """Open the console on ``database_url`` (None: ``OKNO_DATABASE_URL`` or the embedded
    SQLite file). With ``demo``, an empty SQLite database is filled with demo data first.
    Returns the process exit code."""
    app = create_application()
    launcher = ConsoleLauncher(app, load_config(database_url), demo)
    if os.environ.get("OKNO_QUIT_WHEN_READY") == "1":
        # for start-up measurements (T10): quit as soon as the first page is on screen
        launcher.sig_ready.connect(launcher._leave)
    launcher.start()
    launcher.running = True
    code = app.exec()
    launcher.running = False
    exit_code = launcher.exit_code or code
    launcher.close()
    return exit_code


def main(argv: list[str] | None = None) -> int:
    """The ``okno-console`` entry point."""
    parser = argparse.ArgumentParser(prog="okno-console", description="Okno operator console")
    parser.add_argument("--database-url", metavar="URL", help="default: $OKNO_DATABASE_URL")
    parser.add_argument("--demo", action="store_true", help="seed an empty SQLite database")
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    return run_console(args.database_url, args.demo)


if __name__ == "__main__":
    sys.exit(main())
