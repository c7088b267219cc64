"""The change feed on the UI thread: :class:`app.change_feed.ChangeListener` wrapped in a QObject.

The listener runs in its own thread (NOTIFY on PostgreSQL, polling on SQLite) and calls back
there; this wrapper re-emits each batch as a queued signal, so slots run on the UI thread with
plain frozen data (:class:`ChangeBatch`). Panels decide for themselves what to reload.

    feed = ChangeFeed(database_url, parent=window)
    feed.sig_changes.connect(window.apply_changes)
    feed.sig_connection_changed.connect(monitor.listener_state)
    feed.start()          # ... feed.stop() on close
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.change_feed import ChangeEvent, ChangeListener

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ChangeBatch:
    """Committed changes, in id order, with what they touched."""

    events: tuple[ChangeEvent, ...]
    # orders and customers named by the events (their aggregate ids)
    order_ids: frozenset[int]
    customer_ids: frozenset[int]
    # any reminder (task) may have appeared or been done
    tasks_touched: bool

    @classmethod
    def of(cls, events: Iterable[ChangeEvent]) -> ChangeBatch:
        events = tuple(events)
        orders = {e.aggregate_id for e in events if e.aggregate == "order" and e.aggregate_id}
        customers = {e.aggregate_id for e in events if e.aggregate == "customer" and e.aggregate_id}
        # call-backs and retries create tasks together with an order event; done marks a task
        tasks = any(e.aggregate in ("task", "order") for e in events)
        return cls(events, frozenset(orders), frozenset(customers), tasks)

    def orders_changed_by_others(self, user_id: int) -> frozenset[int]:
        """Orders changed by anyone but ``user_id`` (the robot and the worker included)."""
        return frozenset(
            e.aggregate_id
            for e in self.events
            if e.aggregate == "order" and e.aggregate_id and e.actor_id != user_id
        )


ListenerFactory = Callable[..., Any]


class ChangeFeed(QObject):
    """Delivers :class:`ChangeBatch` values on the UI thread (``sig_changes``)."""

    # committed changes arrived (a ChangeBatch)
    sig_changes = Signal(object)
    # the listener's connection to the database came up (True) or went down (False)
    sig_connection_changed = Signal(bool)
    # emitted from the listener's thread; Qt queues it to this object's (the UI) thread
    _sig_from_listener = Signal(object)
    _sig_connection_from_listener = Signal(bool)

    def __init__(
        self,
        database_url: str,
        parent: QObject | None = None,
        *,
        poll_interval: float = 0.5,
        listener_factory: ListenerFactory = ChangeListener,
    ) -> None:
        super().__init__(parent)
        self.database_url = database_url
        self._poll_interval = poll_interval
        self._factory = listener_factory
        self._listener: Any = None
        self.connected: bool | None = None
        self._sig_from_listener.connect(self._deliver)
        self._sig_connection_from_listener.connect(self._connection)

    @property
    def running(self) -> bool:
        return self._listener is not None

    @property
    def listener(self) -> Any:
        """The wrapped :class:`ChangeListener` (None when stopped)."""
        return self._listener

    def start(self) -> None:
        """Listen from the current end of the outbox on (only changes from now on)."""
        if self._listener is not None:
            return
        self._listener = self._factory(
            self.database_url,
            self._from_listener,
            poll_interval=self._poll_interval,
            on_connection=self._connection_from_listener,
            name="okno-console-changes",
        )
        self._listener.start()

    def stop(self) -> None:
        """Stop the listener thread (idempotent; call before the window goes)."""
        listener, self._listener = self._listener, None
        if listener is not None:
            listener.stop()

    # -- listener thread --------------------------------------------------------------------------
    def _from_listener(self, events: list[ChangeEvent]) -> None:
        try:
            self._sig_from_listener.emit(ChangeBatch.of(events))
        except RuntimeError:  # the QObject is gone (window closed while a batch arrived)
            log.debug("change feed: batch after the window closed, dropped")

    def _connection_from_listener(self, connected: bool) -> None:
        with contextlib.suppress(RuntimeError):  # the QObject is gone
            self._sig_connection_from_listener.emit(connected)

    # -- UI thread --------------------------------------------------------------------------------
    def _deliver(self, batch: ChangeBatch) -> None:
        if self._listener is not None:
            self.sig_changes.emit(batch)

    def _connection(self, connected: bool) -> None:
        if self._listener is None or connected == self.connected:
            return
        self.connected = connected
        self.sig_connection_changed.emit(connected)
