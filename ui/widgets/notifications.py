"""The status bar's reminders button: how many call-backs and retries are due for me, and a menu
to open one (:mod:`app.notifications`).

It reloads on :meth:`refresh_soon` (the change feed touched tasks or orders; coalesced) and
once a minute (due times pass without any change being written)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolButton, QWidget
from sqlalchemy.orm import Session

from app.clock import Clock
from app.notifications import DueTask, DueTasks, due_tasks, mark_done
from ui.formatting import format_time, operator_zone
from ui.ops import Op, OpError, OpRunner

RELOAD_MS = 60_000
COALESCE_MS = 500


class NotificationsButton(QToolButton):
    """ "2 reminders" with a menu of them; choosing one marks it done and asks to open it."""

    # open this reminder's order (order id) — the task is marked done first
    sig_order_requested = Signal(int)
    # how many reminders are due now
    sig_count_changed = Signal(int)

    def __init__(
        self,
        runner: OpRunner,
        user_id: int,
        clock: Clock,
        *,
        timezone: str = "Europe/Moscow",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("NotificationsButton")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setAutoRaise(True)
        self.runner = runner
        self.user_id = user_id
        self.clock = clock
        self.zone = operator_zone(timezone)
        self.due = DueTasks(0, ())
        self.menu_ = QMenu(self)
        self.menu_.setObjectName("NotificationsMenu")
        self.setMenu(self.menu_)
        self._reload = QTimer(self)
        self._reload.setInterval(RELOAD_MS)
        self._reload.timeout.connect(self.refresh)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(COALESCE_MS)
        self._soon.timeout.connect(self.refresh)
        self._show()

    def start(self) -> None:
        self.refresh()
        self._reload.start()

    def stop(self) -> None:
        self._reload.stop()
        self._soon.stop()

    def refresh_soon(self) -> None:
        """Reload shortly (many changes in a row make one reload)."""
        if not self._soon.isActive():
            self._soon.start()

    def refresh(self) -> None:
        user_id, now = self.user_id, self.clock.now()

        def load(session: Session) -> DueTasks:
            return due_tasks(session, user_id, now)

        Op(self, load, key="due", runner=self.runner).success(self._loaded).failure(
            lambda _e: None  # the connection monitor reports an unreachable database
        ).run()

    def _loaded(self, due: DueTasks) -> None:
        changed = due.count != self.due.count
        self.due = due
        self._show()
        if changed:
            self.sig_count_changed.emit(due.count)

    def choose(self, task: DueTask) -> None:
        """Take up a reminder: mark it done, then ask for its order."""
        user_id, clock = self.user_id, self.clock
        Op(self, lambda s: mark_done(s, task.id, user_id, clock), runner=self.runner).success(
            lambda _done: self._chosen(task)
        ).failure(self._failed).run()

    def _chosen(self, task: DueTask) -> None:
        if task.order_id is not None:
            self.sig_order_requested.emit(task.order_id)
        self.refresh()

    def _failed(self, error: OpError) -> None:
        self.setToolTip(error.message)

    def _show(self) -> None:
        count = self.due.count
        self.setText(self.tr("%n reminder(s)", "", count) if count else self.tr("No reminders"))
        self.setProperty("due", count > 0)
        self.style().unpolish(self)
        self.style().polish(self)
        self.menu_.clear()
        for task in self.due.tasks:
            when = format_time(task.due_at, self.zone, "ru" if self._russian() else "en")
            kind = self.tr("Call back") if task.kind == "callback" else self.tr("Call again")
            what = task.order_number or task.title
            action = QAction(f"{kind}: {what}  ·  {when}", self.menu_)
            action.setToolTip(task.title)
            action.triggered.connect(lambda _c=False, t=task: self.choose(t))
            self.menu_.addAction(action)
        if count > len(self.due.tasks):
            more = QAction(
                self.tr("… and %1 more").replace("%1", str(count - len(self.due.tasks))),
                self.menu_,
            )
            more.setEnabled(False)
            self.menu_.addAction(more)
        if not count:
            empty = QAction(self.tr("Nothing is due"), self.menu_)
            empty.setEnabled(False)
            self.menu_.addAction(empty)
        self.setToolTip(self.tr("Call-backs and retries due for you"))

    @staticmethod
    def _russian() -> bool:
        from ui import i18n

        return i18n.current_language() == "ru"

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._show()
        super().changeEvent(event)
