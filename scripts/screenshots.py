"""Regenerate the README screenshots from demo data: ``python scripts/screenshots.py``.

Seeds a throwaway SQLite database with the deterministic demo data (same seed, same picture),
then does what a newcomer does after ``make demo``: the log-in dialog names the demo accounts,
the demo operator logs in, presses F2 (take next) and the window shows the queue, the claimed
order's card and its customer. The whole window is grabbed on Qt's offscreen platform, once per
language, into ``docs/screenshots/``:

* ``console-ru.png``, ``console-en.png`` at 1366×768 (the smallest screen Okno is made for),
* ``console-en-1920x1080.png`` (``--wide``, on by default),
* ``login-en.png`` — the log-in dialog with the demo accounts.
* ``cross-sell-ru.png``, ``cross-sell-en.png`` — the cross-sell dock of those shots alone,
* ``upsell-ru.png``, ``upsell-en.png`` — Reports → Upsell by operator as the demo manager sees it.
* ``phone-ru.png``, ``phone-en.png`` — the window during a pretend call (the demo PBX): the
  caller's profile popped, the phone dock talking with its timer, the call log and callbacks;
  ``call-outcome-en.png`` — the after-call outcome form.

The clock is fixed at the demo's "now", so ages and due times read the same on every run.
``--database-url`` shoots an existing database instead (the demo operator claims an order
there: use a copy)."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "docs" / "screenshots"
SIZE = (1366, 768)
WIDE = (1920, 1080)
LOGIN, PASSWORD = "operator1", "demo"
# Demo data is generated relative to "now"; a fixed instant keeps the pictures reproducible.
DEMO_NOW = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)
TIMEOUT_MS = 60_000


def _seeded_database(workdir: Path) -> str:
    from app import migrations
    from app.demo.seed import seed_demo
    from ui.startup import DEMO_CUSTOMERS, DEMO_ORDERS

    url = f"sqlite:///{workdir / 'okno.sqlite3'}"
    migrations.upgrade(url)
    seed_demo(
        url,
        customers=DEMO_CUSTOMERS,
        orders=DEMO_ORDERS,
        seed=42,
        now=DEMO_NOW,
        progress=lambda message: print(f"  {message}"),
    )
    return url


def _wait(loop: Any, done: Any) -> None:
    from PySide6.QtCore import QTimer

    QTimer.singleShot(TIMEOUT_MS, loop.quit)  # never hang a build on a broken database
    loop.exec()
    if not done():
        raise SystemExit("screenshots: the console did not get ready in time")


def _written(path: Path) -> Path:
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return path


def shoot(
    url: str,
    language: str,
    out_dir: Path,
    size: tuple[int, int] = SIZE,
    *,
    login_shot: bool = False,
) -> list[Path]:
    """Log in as the demo operator, take the next order, grab the window (and the log-in
    dialog when ``login_shot``)."""
    from PySide6.QtCore import QEventLoop, QTimer

    from app.clock import FixedClock
    from app.config import data_dir, load_config
    from ui import i18n
    from ui.dialogs.login import LoginDialog
    from ui.main import create_application
    from ui.main_window import MainWindow, describe_database
    from ui.ops import OpRunner, install_runner

    app = create_application()
    out_dir.mkdir(parents=True, exist_ok=True)
    # each shot starts from the default layout, not the previous window's saved one
    (data_dir() / "console.ini").unlink(missing_ok=True)
    i18n.install_language(language)
    clock = FixedClock(DEMO_NOW + dt.timedelta(minutes=5))
    runner = OpRunner(url)
    install_runner(runner)
    window = MainWindow(load_config(url), runner, clock=clock)
    written: list[Path] = []
    state: dict[str, Any] = {}
    loop = QEventLoop()

    dialog = LoginDialog(
        runner,
        database=describe_database(url),
        demo_hint=True,
        autologin=None if login_shot else (LOGIN, PASSWORD),
        clock=clock,
    )

    def logged_in(user: Any) -> None:
        window.sign_in(user)
        window.setGeometry(0, 0, *size)
        window.show()
        window.default_dock_widths()
        assert window.queue is not None and window.card is not None
        window.queue.sig_rows_loaded.connect(first_page)
        window.card.sig_order_loaded.connect(lambda _id: part_done("card"))
        assert window.profile is not None
        window.profile.sig_customer_loaded.connect(lambda _id: part_done("customer"))
        # the operators' queue (the view a call center watches), the claimed order in it
        from app.order_list import QueueView

        window.queue.set_view(QueueView.NEEDS_CONFIRMATION)
        window.start()

    def first_page(_rows: int) -> None:
        if "taken" not in state:
            state["taken"] = True
            window.take_next()  # what F2 does

    def part_done(part: str) -> None:
        state[part] = True
        if "card" in state and "customer" in state and "shot" not in state:
            state["shot"] = True
            # a few turns of the event loop: rows laid out, chips and columns painted
            QTimer.singleShot(600, loop.quit)

    dialog.sig_logged_in.connect(logged_in)
    dialog.show()
    if login_shot:
        hint_loop = QEventLoop()
        timer = QTimer()
        timer.timeout.connect(lambda: dialog.hint.isVisible() and hint_loop.quit())
        timer.start(50)
        _wait(hint_loop, dialog.hint.isVisible)
        timer.stop()
        app.processEvents()
        written.append(_written(_grab(dialog, out_dir / f"login-{language}.png")))
        dialog.use_demo_account(LOGIN)
        dialog.submit()
    _wait(loop, lambda: "shot" in state)
    _wait_cross_sell(window)
    suffix = "" if size == SIZE else f"-{size[0]}x{size[1]}"
    written.append(_written(_grab(window, out_dir / f"console-{language}{suffix}.png")))
    if window.cross_sell_dock is not None:  # the cross-sell panel on its own, for the README
        dock = window.cross_sell_dock
        written.append(_written(_grab(dock, out_dir / f"cross-sell-{language}{suffix}.png")))
    window.close()
    runner.shutdown()
    install_runner(None)
    window.deleteLater()
    dialog.deleteLater()
    app.processEvents()
    return written


def _wait_cross_sell(window: Any) -> None:
    """Until the cross-sell panel shows the claimed order's suggestions (or says why not)."""
    from PySide6.QtCore import QEventLoop, QTimer

    panel = window.cross_sell
    if panel is None:
        return
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: (panel.loaded is not None or panel.error) and loop.quit())
    timer.start(50)
    _wait(loop, lambda: panel.loaded is not None or panel.error is not None)
    timer.stop()
    QTimer.singleShot(300, loop.quit)  # rows painted
    loop.exec()


def shoot_upsell(url: str, language: str, out_dir: Path, size: tuple[int, int] = SIZE) -> Path:
    """The manager view (Reports → Upsell by operator) as the demo manager sees it."""
    from PySide6.QtCore import QEventLoop, QTimer

    from app.clock import FixedClock
    from app.config import load_config
    from ui import i18n
    from ui.dialogs.login import LoginDialog
    from ui.main import create_application
    from ui.main_window import MainWindow, describe_database
    from ui.ops import OpRunner, install_runner

    app = create_application()
    i18n.install_language(language)
    clock = FixedClock(DEMO_NOW + dt.timedelta(minutes=5))
    runner = OpRunner(url)
    install_runner(runner)
    window = MainWindow(load_config(url), runner, clock=clock)
    loop = QEventLoop()
    state: dict[str, Any] = {}
    dialog = LoginDialog(
        runner,
        database=describe_database(url),
        demo_hint=True,
        autologin=("manager", PASSWORD),
        clock=clock,
    )

    def logged_in(user: Any) -> None:
        window.sign_in(user)
        window.open_upsell_report()
        view = window.manager_window
        assert view is not None
        view.setGeometry(0, 0, *size)
        timer = QTimer(view)
        timer.timeout.connect(lambda: view.report is not None and ready(view, timer))
        timer.start(50)

    def ready(view: Any, timer: Any) -> None:
        timer.stop()
        if view.table.model().rowCount():
            view.table.selectRow(0)  # the best operator's days on the chart
        state["view"] = view
        QTimer.singleShot(800, loop.quit)

    dialog.sig_logged_in.connect(logged_in)
    dialog.show()
    _wait(loop, lambda: "view" in state)
    path = _written(_grab(state["view"], out_dir / f"upsell-{language}.png"))
    window.close()
    runner.shutdown()
    install_runner(None)
    window.deleteLater()
    dialog.deleteLater()
    app.processEvents()
    return path


def shoot_phone(url: str, language: str, out_dir: Path, size: tuple[int, int] = SIZE) -> list[Path]:
    """A pretend call through the demo PBX (emulator + webhook receiver): an earlier answered
    call and a missed one for the log, then the claimed order's customer calls and talks."""
    from PySide6.QtCore import QEventLoop, QTimer

    from app.clock import FixedClock
    from app.config import load_config
    from app.telephony import start_demo_pbx
    from ui import i18n
    from ui.dialogs.login import LoginDialog
    from ui.main import create_application
    from ui.main_window import MainWindow, describe_database
    from ui.ops import OpRunner, install_runner
    from ui.panels.telephony import backend

    app = create_application()
    out_dir.mkdir(parents=True, exist_ok=True)
    i18n.install_language(language)
    clock = FixedClock(DEMO_NOW + dt.timedelta(minutes=5))
    pbx = start_demo_pbx(url, pace=0)  # gives the demo operators their extensions
    # the pretend calls happen on the screenshot's fixed clock (the timer reads the same)
    pbx.emulator._wall = lambda: clock.now().timestamp() - 75
    backend.set_demo(pbx)
    runner = OpRunner(url)
    install_runner(runner)
    window = MainWindow(load_config(url), runner, clock=clock)
    written: list[Path] = []
    state: dict[str, Any] = {}
    loop = QEventLoop()
    dialog = LoginDialog(
        runner,
        database=describe_database(url),
        demo_hint=True,
        autologin=(LOGIN, PASSWORD),
        clock=clock,
    )

    def logged_in(user: Any) -> None:
        window.sign_in(user)
        window.setGeometry(0, 0, *size)
        window.show()
        window.default_dock_widths()
        assert window.queue is not None and window.card is not None
        window.card.sig_order_loaded.connect(lambda _id: state.setdefault("card", True))
        window.queue.sig_rows_loaded.connect(
            lambda _r: state.get("taken") or state.update(taken=window.take_next() or True)
        )
        window.start()

    def until(done: Any) -> None:
        timer = QTimer()
        timer.timeout.connect(lambda: done() and loop.quit())
        timer.start(30)
        _wait(loop, done)
        timer.stop()

    dialog.sig_logged_in.connect(logged_in)
    dialog.show()
    until(lambda: "card" in state)
    panel = window.telephony  # type: ignore[attr-defined]
    card = window.card.card if window.card is not None else None
    assert card is not None
    phone = (card.customer.phones[0] if card.customer and card.customer.phones else None) or (
        card.contact_phone
    )
    extension = window.user.extension if window.user is not None else None
    pbx.ring(phone, extension, answer=True, talk_seconds=95)  # an earlier call, answered
    until(lambda: panel.dialog is not None and panel.dialog.isVisible())
    app.processEvents()
    if language == "en":
        written.append(_written(_grab(panel.dialog, out_dir / "call-outcome-en.png")))
    panel.dialog.reject()
    pbx.ring(phone, extension, answer=False)  # one the operator missed: a callback
    until(lambda: panel.callbacks_model.rowCount() > 0)
    close = getattr(panel.dialog, "reject", None)
    if close is not None:
        close()
    pbx.emulator.pace = 1.0  # now in real time: the customer calls and they talk
    pbx.ring(phone, extension, ring_seconds=0.2, talk_seconds=600, wait=False)
    until(lambda: panel.call_box.view.state == "talking")
    QTimer.singleShot(600, loop.quit)
    loop.exec()
    written.append(_written(_grab(window, out_dir / f"phone-{language}.png")))
    window.close()
    runner.shutdown()
    install_runner(None)
    backend.set_demo(None)
    pbx.stop()
    window.deleteLater()
    dialog.deleteLater()
    app.processEvents()
    return written


def _grab(widget: Any, path: Path) -> Path:
    if not widget.grab().save(str(path)):
        raise SystemExit(f"screenshots: could not write {path}")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--database-url", help="shoot this database instead of fresh demo data")
    parser.add_argument("--languages", default="ru,en", help="comma-separated (default: ru,en)")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output directory")
    parser.add_argument("--size", default="1366x768", help="window size, WxH (default 1366x768)")
    parser.add_argument("--no-wide", action="store_true", help="skip the 1920x1080 shot (English)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.pop("OKNO_AUTOLOGIN", None)
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory(prefix="okno-screenshots-") as tmp:
        # A home of its own: settings and the database stay in tmp, and the status bar shows
        # the embedded default's usual place (~/.local/share/Okno) instead of a temp path.
        os.environ["HOME"] = tmp
        data = Path(tmp) / ".local" / "share" / "Okno"
        data.mkdir(parents=True)
        os.environ["OKNO_DATA_DIR"] = str(data)
        url = args.database_url or _seeded_database(data)
        width, height = (int(part) for part in args.size.lower().split("x"))
        languages = [lang.strip() for lang in args.languages.split(",") if lang.strip()]
        for language in languages:
            # the operator's claim from the previous shot goes back to the queue on close
            shoot(url, language, args.out, (width, height), login_shot=language == "en")
        if not args.no_wide and "en" in languages:
            shoot(url, "en", args.out, WIDE)
        for language in languages:
            shoot_upsell(url, language, args.out)
        for language in languages:
            shoot_phone(url, language, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
