"""The background-operation runner (ui/ops.py): worker threads, UI-thread callbacks, errors,
latest-request-wins."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy import func, select

from models import Status
from ui.ops import ErrorKind, Op, OpError, OpRunner, check_plain

pytestmark = pytest.mark.ui

MakeRunner = Callable[[str | None], OpRunner]


class Recorder:
    """Collects callback calls and the thread each ran on."""

    def __init__(self) -> None:
        self.results: list[Any] = []
        self.errors: list[OpError] = []
        self.threads: list[threading.Thread] = []

    def ok(self, value: Any) -> None:
        self.threads.append(threading.current_thread())
        self.results.append(value)

    def fail(self, error: OpError) -> None:
        self.threads.append(threading.current_thread())
        self.errors.append(error)


def test_plain_callable_runs_on_a_worker_and_succeeds_on_the_ui_thread(
    qtbot: Any, make_runner: MakeRunner
) -> None:
    runner = make_runner(None)
    owner = QObject()
    ran_on: list[threading.Thread] = []
    rec = Recorder()

    def work() -> tuple[int, str]:
        ran_on.append(threading.current_thread())
        return (42, "answer")

    Op(owner, work, runner=runner).success(rec.ok).failure(rec.fail).run()
    qtbot.waitUntil(lambda: bool(rec.results or rec.errors))
    assert rec.results == [(42, "answer")]
    assert ran_on[0] is not threading.main_thread()
    assert rec.threads == [threading.main_thread()]


def test_session_op_gets_a_session_of_the_runners_database(
    qtbot: Any, db_url: str, make_runner: MakeRunner
) -> None:
    runner = make_runner(db_url)
    owner = QObject()
    rec = Recorder()
    Op(
        owner,
        lambda s: s.execute(select(func.count()).select_from(Status)).scalar_one(),
        runner=runner,
    ).success(rec.ok).failure(rec.fail).run()
    qtbot.waitUntil(lambda: bool(rec.results or rec.errors))
    assert rec.errors == []
    assert rec.results == [10]  # the statuses seeded by the baseline migration
    assert runner.connected is True


def test_failure_is_a_readable_message_on_the_ui_thread(
    qtbot: Any, make_runner: MakeRunner
) -> None:
    runner = make_runner(None)
    owner = QObject()
    rec = Recorder()

    def refuse() -> None:
        raise ValueError("phone '12': too short for a Russian number")

    Op(owner, refuse, runner=runner).success(rec.ok).failure(rec.fail).run()
    qtbot.waitUntil(lambda: bool(rec.errors))
    (error,) = rec.errors
    assert error.kind is ErrorKind.REFUSED
    assert error.message == "phone '12': too short for a Russian number"
    assert error.detail.startswith("ValueError")
    assert rec.threads == [threading.main_thread()] and rec.results == []


def test_unexpected_errors_name_the_exception(qtbot: Any, make_runner: MakeRunner) -> None:
    runner = make_runner(None)
    rec = Recorder()
    owner = QObject()
    Op(owner, lambda: {}["missing"], runner=runner).failure(rec.fail).run()
    qtbot.waitUntil(lambda: bool(rec.errors))
    assert rec.errors[0].kind is ErrorKind.INTERNAL
    assert "KeyError" in rec.errors[0].message
    assert "details are in the log" in rec.errors[0].message


def test_orm_objects_never_cross_threads(qtbot: Any, db_url: str, make_runner: MakeRunner) -> None:
    runner = make_runner(db_url)
    owner = QObject()
    rec = Recorder()
    Op(owner, lambda s: s.get(Status, "new"), runner=runner).success(rec.ok).failure(rec.fail).run()
    qtbot.waitUntil(lambda: bool(rec.errors or rec.results))
    assert rec.results == []
    assert "ORM object (Status)" in rec.errors[0].message


def test_plain_data_check() -> None:
    check_plain((1, "a", None, (2.5, frozenset({3}))))
    with pytest.raises(TypeError, match=r"result\[1\] is a list"):
        check_plain((1, [2]))
    with pytest.raises(TypeError, match="dict"):
        check_plain({"a": 1})


def test_unreachable_database_marks_the_runner_offline(qtbot: Any, make_runner: MakeRunner) -> None:
    runner = make_runner("postgresql+psycopg://okno@127.0.0.1:1/nowhere?connect_timeout=2")
    owner = QObject()
    rec = Recorder()
    with qtbot.waitSignal(runner.sig_connection_changed, timeout=20_000) as signal:
        Op(owner, lambda s: s.execute(select(1)).scalar_one(), runner=runner).failure(
            rec.fail
        ).run()
    assert signal.args[0] is False
    assert rec.errors[0].kind is ErrorKind.DATABASE_UNAVAILABLE
    assert rec.errors[0].message.startswith("The database is not reachable:")
    assert runner.connected is False


def test_latest_request_wins(qtbot: Any, make_runner: MakeRunner) -> None:
    runner = make_runner(None)
    owner = QObject()
    release, started = threading.Event(), threading.Event()
    ran: list[str] = []
    delivered: list[str] = []

    def step(name: str, wait: bool = False) -> Callable[[], str]:
        def work() -> str:
            if wait:
                started.set()
                assert release.wait(10)
            ran.append(name)
            return name

        return work

    # first: already running when superseded, its late result is dropped
    Op(owner, step("first", wait=True), key="search", runner=runner).success(delivered.append).run()
    qtbot.waitUntil(started.is_set)
    # second: superseded before it starts, so it never runs at all
    Op(owner, step("second"), key="search", runner=runner).success(delivered.append).run()
    Op(owner, step("third"), key="search", runner=runner).success(delivered.append).run()
    # another key of the same owner is independent
    Op(owner, step("other"), key="count", runner=runner).success(delivered.append).run()
    release.set()
    qtbot.waitUntil(lambda: runner.pending == 0)
    assert ran == ["first", "third", "other"]  # the serial lane keeps the order
    assert delivered == ["third", "other"]


def test_same_key_on_another_owner_does_not_supersede(qtbot: Any, make_runner: MakeRunner) -> None:
    runner = make_runner(None)
    a, b = QObject(), QObject()
    delivered: list[str] = []
    Op(a, lambda: "a", key="page", runner=runner).success(delivered.append).run()
    Op(b, lambda: "b", key="page", runner=runner).success(delivered.append).run()
    qtbot.waitUntil(lambda: runner.pending == 0)
    assert delivered == ["a", "b"]


def test_no_callback_after_the_owner_is_gone(qtbot: Any, make_runner: MakeRunner) -> None:
    runner = make_runner(None)
    release = threading.Event()
    owner = QWidget()
    delivered: list[str] = []

    def work() -> str:
        assert release.wait(10)
        return "late"

    Op(owner, work, runner=runner).success(delivered.append).run()
    shiboken6.delete(owner)  # the widget is destroyed while its op still runs
    release.set()
    qtbot.waitUntil(lambda: runner.pending == 0)
    assert delivered == []


def test_failure_without_a_handler_shows_a_message(qtbot: Any, make_runner: MakeRunner) -> None:
    runner = make_runner(None)
    window = QWidget()
    qtbot.addWidget(window)

    def refuse() -> None:
        raise ValueError("customer name: must not be empty")

    Op(window, refuse, runner=runner).run()

    def box() -> QMessageBox | None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
        return boxes[0] if boxes else None

    qtbot.waitUntil(lambda: box() is not None and box().isVisible())  # type: ignore[union-attr]
    shown = box()
    assert shown is not None
    assert shown.text() == "customer name: must not be empty"
    shown.close()


def test_an_op_runs_once_and_needs_a_database_for_a_session(make_runner: MakeRunner) -> None:
    runner = make_runner(None)
    owner = QObject()
    with pytest.raises(RuntimeError, match="no database"):
        Op(owner, lambda s: None, runner=runner).run()
    op = Op(owner, lambda: None, runner=runner).run()
    with pytest.raises(RuntimeError, match="runs once"):
        op.run()
    with pytest.raises(TypeError, match="must take a session or nothing"):
        Op(owner, lambda a, b: None, runner=runner)


def test_an_order_refusal_is_shown_in_the_operators_language(
    qtbot: Any, make_runner: MakeRunner
) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    from app.orders.errors import TransitionNotAllowed
    from ui import i18n

    runner = make_runner(None)
    owner = QObject()
    rec = Recorder()

    def refuse() -> None:
        raise TransitionNotAllowed("W-0001", "confirmed", "no_answer", "operator")

    translator = QTranslator()
    assert translator.load(str(i18n.qm_path("ru")))
    QCoreApplication.installTranslator(translator)
    try:
        Op(owner, refuse, runner=runner).success(rec.ok).failure(rec.fail).run()
        qtbot.waitUntil(lambda: bool(rec.errors))
    finally:
        QCoreApplication.removeTranslator(translator)
    (error,) = rec.errors
    assert error.kind is ErrorKind.REFUSED
    assert error.message.startswith("Заказ W-0001")
    assert "«confirmed»" in error.message or "“confirmed”" in error.message
    assert error.detail.startswith("TransitionNotAllowed: order W-0001")  # the log keeps English


def test_a_closing_write_runs_even_when_the_pools_are_busy(
    qtbot: Any, db_url: str, make_runner: MakeRunner
) -> None:
    # Shutdown drops queued ops; the write a closing window owes (give the order back, go
    # offline) must not be one of them, however many loads are queued in the pools.
    from ui.ops import Lane

    runner = make_runner(db_url)
    owner = QObject()
    release = threading.Event()
    for _ in range(12):  # more than the background lane's threads: some stay queued
        Op(owner, lambda: release.wait(5), lane=Lane.BACKGROUND, runner=runner).run()
    written: list[int] = []

    def last_write(session: Any) -> None:
        written.append(session.scalar(select(func.count()).select_from(Status)))

    runner.run_last(last_write, "test")
    release.set()
    assert runner.shutdown()
    assert written and written[0] > 0  # it ran, with a session of the runner's database
