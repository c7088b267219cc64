"""Keeps the card's unsaved edits on disk while the operator types (T11).

A change restarts a short timer; when typing pauses, a snapshot of the edits is written on the
background lane (never queued behind a database that may be unreachable). Each write and
removal carries a fresh revision, so a late write can neither replace a newer draft nor bring
back one that a save removed (``app.drafts.DraftStore``). ``flush()`` writes at once, on the
UI thread: when the operator switches orders, and when the application quits."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from app.drafts import DraftStore, OrderDraft
from ui.ops import Lane, Op, OpError, OpRunner

log = logging.getLogger(__name__)

DELAY_MS = 400


class DraftKeeper(QObject):
    """Writes ``snapshot()`` to ``store`` (debounced) and removes drafts on request."""

    # a draft could not be written or removed: readable message
    sig_failed = Signal(str)

    def __init__(
        self,
        runner: OpRunner,
        store: DraftStore | None,
        snapshot: Callable[[], OrderDraft | None],
        *,
        delay_ms: int = DELAY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.store = store
        self._snapshot = snapshot
        self._revisions = itertools.count(1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._write_now_in_background)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.flush)

    @property
    def pending(self) -> bool:
        """A change is waiting for the pause in typing."""
        return self._timer.isActive()

    def changed(self) -> None:
        """The edits changed: write them once typing pauses."""
        self._timer.start()

    def cancel(self) -> None:
        """Forget a pending write (the edits were saved or dropped)."""
        self._timer.stop()

    def flush(self) -> None:
        """Write the current edits now (synchronously: a few hundred bytes, and the process
        may be about to end)."""
        self._timer.stop()
        draft, store = self._snapshot(), self.store
        if draft is None or store is None:
            return
        try:
            store.write(draft, next(self._revisions))
        except OSError as exc:
            log.error("could not keep the draft of order %s: %s", draft.order_number, exc)
            self.sig_failed.emit(str(exc))

    def remove(self, order_id: int | None) -> None:
        """Remove the order's draft (saved or discarded); a pending write is cancelled."""
        self._timer.stop()
        store = self.store
        if store is None or order_id is None:
            return
        revision = next(self._revisions)
        self._in_background(lambda: store.remove(order_id, revision))

    def _write_now_in_background(self) -> None:
        draft, store = self._snapshot(), self.store
        if draft is None or store is None:
            return
        revision = next(self._revisions)
        self._in_background(lambda: store.write(draft, revision))

    def _in_background(self, fn: Callable[[], bool]) -> None:
        # Once the runner is shut down (the window closing) the file work is done right here
        # instead: a draft must not be lost on the way out.
        try:
            Op(self, fn, lane=Lane.BACKGROUND, runner=self.runner).success(
                lambda _ok: None
            ).failure(self._failed).run()
        except RuntimeError:
            try:
                fn()
            except OSError as exc:
                log.error("draft file: %s", exc)
                self.sig_failed.emit(str(exc))

    def _failed(self, error: OpError) -> None:
        log.error("draft file: %s", error.detail)
        self.sig_failed.emit(error.message)
