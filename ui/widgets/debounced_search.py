"""Search as you type, done once: wait for a pause in typing, ask the database off the UI thread,
and let only the answer to the latest text through.

Three guards make "latest request wins" hold: the debounce timer restarts on every keystroke
(no query per character); ops share one key, so a query that has not started yet is skipped
and a finished older one is dropped by the runner; and an answer is only delivered if the text
it was asked for is still the text in the box."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ui.ops import Op, OpError, OpRunner

DEFAULT_DELAY_MS = 220


class DebouncedSearch(QObject):
    """Runs ``fn(session, text)`` for the latest text of at least ``min_chars`` characters."""

    # (text, result) of the latest query
    sig_results = Signal(str, object)
    # the latest query failed: readable message
    sig_failed = Signal(str)
    # the text is too short to search: show nothing (or a hint)
    sig_cleared = Signal()

    def __init__(
        self,
        runner: OpRunner,
        fn: Callable[[Any, str], Any],
        *,
        key: str,
        min_chars: int = 2,
        delay_ms: int = DEFAULT_DELAY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._fn = fn
        self._key = key
        self.min_chars = min_chars
        self._text = ""
        self._in_flight = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._fire)

    @property
    def text(self) -> str:
        return self._text

    @property
    def busy(self) -> bool:
        """A query is waiting for the pause in typing or for its answer."""
        return self._timer.isActive() or self._in_flight > 0

    def set_delay(self, ms: int) -> None:
        self._timer.setInterval(ms)

    def set_text(self, text: str) -> None:
        """The box now holds ``text``: search it after the pause (or clear)."""
        self._text = " ".join(text.split())
        if len(self._text.replace(" ", "")) < self.min_chars:
            self._timer.stop()
            self.sig_cleared.emit()
            return
        self._timer.start()

    def search_now(self) -> None:
        """Skip the pause (Enter pressed before it ended)."""
        if self._timer.isActive():
            self._timer.stop()
            self._fire()

    def _fire(self) -> None:
        query, fn = self._text, self._fn
        self._in_flight += 1
        Op(self, lambda session: fn(session, query), key=self._key, runner=self._runner).success(
            lambda result: self._done(query, result)
        ).failure(lambda error: self._fail(query, error)).run()

    def _done(self, query: str, result: Any) -> None:
        self._in_flight = 0  # the runner delivers only the latest op of the key
        if query == self._text:
            self.sig_results.emit(query, result)

    def _fail(self, query: str, error: OpError) -> None:
        self._in_flight = 0
        if query == self._text:
            self.sig_failed.emit(error.message)
