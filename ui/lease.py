"""Keeping the operator's claim on the order they work: heartbeat while held, release after.

"Take next" leases an order to the operator (:mod:`app.queue`); a lease without a heartbeat
for ``queue.lease_minutes`` lapses and the order returns to the pool. While the card shows an
order this operator holds, the keeper heartbeats it every ``interval_ms``; switching to another
order, finishing it or closing the window releases it so a colleague can take it at once.
Releasing an order that is no longer held is harmless; losing it (taken over after a lapse) is
reported with ``sig_lost``."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy.orm import Session

from app.clock import Clock
from app.queue import LeaseLost, OrderNotFound, heartbeat, release
from ui.ops import Lane, Op, OpError, OpRunner

#: a heartbeat a minute keeps a 15-minute lease (the default) alive with plenty of margin
HEARTBEAT_MS = 60_000


@dataclass(frozen=True, slots=True)
class Beat:
    """What a heartbeat found: ``lost`` with the reason when the lease is gone."""

    order_id: int
    lost: str | None


class LeaseKeeper(QObject):
    """Heartbeats the one order the operator holds; releases it on request."""

    # the lease on this order is gone (order id, readable reason)
    sig_lost = Signal(int, str)
    # the held order changed (order id, or 0 for none)
    sig_held_changed = Signal(int)
    # the order went back to the pool (order id), once the database has it
    sig_released = Signal(int)

    def __init__(
        self,
        runner: OpRunner,
        user_id: int,
        clock: Clock,
        *,
        interval_ms: int = HEARTBEAT_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.user_id = user_id
        self.clock = clock
        self.order_id: int | None = None
        self.beats = 0
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.beat)

    def hold(self, order_id: int) -> None:
        """The operator holds ``order_id`` now: keep its lease alive."""
        if self.order_id == order_id:
            return
        self.order_id = order_id
        self._timer.start()
        self.sig_held_changed.emit(order_id)

    def forget(self) -> None:
        """Stop heartbeating without releasing (the order left the queue, or was lost)."""
        if self.order_id is None:
            return
        self.order_id = None
        self._timer.stop()
        self.sig_held_changed.emit(0)

    def release(self, *, closing: bool = False) -> None:
        """Give the held order back to the pool (switching away, finishing, closing).

        ``closing``: the window is going away, and the runner drops ops still queued when it
        shuts down: this one is the runner's closing write, started at once and waited for."""
        order_id = self.order_id
        if order_id is None:
            return
        self.forget()
        user_id, clock = self.user_id, self.clock

        def give_back(session: Session) -> bool:
            try:
                return release(session, order_id, user_id, clock)
            except (LeaseLost, OrderNotFound):
                return False  # someone else has it now, or it is gone: nothing to give back

        if closing:
            self.runner.run_last(give_back, "release")
            return
        Op(self, give_back, lane=Lane.DB, runner=self.runner).success(
            lambda _r: self.sig_released.emit(order_id)
        ).failure(
            lambda _e: None  # a lease nobody heartbeats lapses by itself
        ).run()

    def beat(self) -> None:
        """One heartbeat now (the timer calls it)."""
        order_id = self.order_id
        if order_id is None:
            return
        user_id, clock = self.user_id, self.clock

        def keep(session: Session) -> Beat:
            try:
                heartbeat(session, order_id, user_id, clock)
            except (LeaseLost, OrderNotFound) as exc:
                return Beat(order_id, str(exc))
            return Beat(order_id, None)

        Op(self, keep, key="beat", runner=self.runner).success(self._beaten).failure(
            self._beat_failed
        ).run()

    def _beaten(self, beat: Beat) -> None:
        self.beats += 1
        if beat.lost is not None and beat.order_id == self.order_id:
            self.forget()
            self.sig_lost.emit(beat.order_id, beat.lost)

    def _beat_failed(self, _error: OpError) -> None:
        # the database is away: the connection monitor says so; the next beat tries again
        pass
