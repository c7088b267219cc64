"""The panel's lists: the call log (this customer / this order / my calls / an operator's),
the missed calls to return ("Call back", "Done"), and playing a recording — fetched from the
PBX when asked (its link is single-use), saved to a temporary file and played by the system's
player (QtMultimedia is not part of PySide6-Essentials). Part of :class:`TelephonyPanel`."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QUrl
from PySide6.QtGui import QDesktopServices

from app.telephony import console_queries as cq
from ui.formatting import format_phone
from ui.ops import Lane, Op, OpError
from ui.panels.telephony.call_log_model import (
    COL_CUSTOMER,
    COL_DIRECTION,
    COL_NUMBER,
    COL_OPERATOR,
    COL_ORDER,
    COL_RECORDING,
    COL_RESULT,
    COL_TALK,
    COL_WAIT,
    COL_WHEN,
)

SCOPE_CUSTOMER, SCOPE_ORDER, SCOPE_MINE, SCOPE_OPERATOR = range(4)
TAB_LOG, TAB_CALLBACKS, TAB_OPERATORS = range(3)


def readable(fn: Any) -> Any:
    """Wrap a no-argument PBX call so the backend's telephony errors read as themselves."""

    def run() -> Any:
        from app.telephony import TelephonyError

        try:
            return fn()
        except TelephonyError as exc:
            raise Refusal(str(exc)) from exc

    return run


class Refusal(ValueError):
    """A PBX refusal, shown to the operator as the backend words it."""

    user_facing = True


class CallLists:
    """Mixin of :class:`ui.panels.telephony.panel.TelephonyPanel` (its attributes and
    signals are the panel's)."""

    url: str
    user: Any
    actor: Any
    clock: Any
    customer_id: int | None
    order_id: int | None
    scope_operator: tuple[int, str] | None
    _outcome_asked: set[int]
    _outcome_requested: int | None
    _recordings: tempfile.TemporaryDirectory[str] | None

    # ------------------------------------------------------------------------------------------
    # the call log and the callbacks
    # ------------------------------------------------------------------------------------------
    def _load_log(self) -> None:
        from app import telephony as tel

        scope = self.scope.currentIndex()
        if scope == SCOPE_CUSTOMER:
            owner = self.customer_id
            name = "calls_for_customer"
        elif scope == SCOPE_ORDER:
            owner = self.order_id
            name = "calls_for_order"
        elif scope == SCOPE_OPERATOR and self.scope_operator is not None:
            owner = self.scope_operator[0]
            name = "calls_for_operator"
        else:
            owner = self.user.id
            name = "calls_for_operator"
        self.log_view.setColumnHidden(COL_CUSTOMER, scope == SCOPE_CUSTOMER)
        self.log_view.setColumnHidden(
            COL_OPERATOR, scope in (SCOPE_MINE, SCOPE_OPERATOR) and owner is not None
        )
        if owner is None:
            self.log_model.set_fetch(None)
            self._log_loaded(0)
            return

        def fetch(session: Any, before: Any, limit: int) -> cq.CallPage:
            return cq.call_page(session, getattr(tel, name), owner, before, limit)

        self.log_model.set_fetch(fetch)

    def _log_loaded(self, rows: int) -> None:
        scope = self.scope.currentIndex()
        if self.log_model.fetch is None:
            if scope == SCOPE_CUSTOMER:
                text = self.tr("Open a customer to see their calls.")
            else:
                text = self.tr("Open an order to see its calls.")
        elif rows == 0:
            text = self.tr("No calls yet.")
        else:
            count = self.log_model.count_text(rows)
            text = count + ("+" if not self.log_model.complete else "")
        self.log_count.setText(text)

    def _load_callbacks(self) -> None:
        if self.callbacks_model.fetch is not None:
            self.callbacks_model.reload()  # merged in: the selected missed call stays selected
            return
        operator = None  # missed calls are the team's: whoever is free returns them

        def fetch(session: Any, _before: Any, limit: int) -> cq.CallPage:
            from app.telephony import missed_callbacks

            # one page, never fewer than the list's usual hundred
            return cq.callbacks_page(session, missed_callbacks, operator, max(limit, 100))

        self.callbacks_model.set_fetch(fetch)

    def _callbacks_loaded(self, rows: int) -> None:
        title = self.tr("Callbacks")
        self.tabs.setTabText(TAB_CALLBACKS, f"{title} ({rows})" if rows else title)
        self.callbacks_empty.setText("" if rows else self.tr("No missed calls to return."))
        self._update_buttons()

    def _selected_callback(self) -> Any:
        index = self.callbacks_view.currentIndex()
        if not index.isValid():
            return None
        return self.callbacks_model.row_at(index.row())

    def call_back(self) -> None:
        row = self._selected_callback()
        if row is None:
            self.sig_status_message.emit(self.tr("Choose a missed call to return."))
            return
        if row.customer_id is not None:
            self.sig_customer_requested.emit(row.customer_id)
        self.dial(row.number or "", customer_id=row.customer_id, order_id=row.order_id)

    def callback_done(self) -> None:
        row = self._selected_callback()
        if row is None:
            return
        actor, clock, call_id = self.actor, self.clock, row.id

        def write(session: Any) -> None:
            from app.telephony import mark_callback_done

            mark_callback_done(session, call_id, actor, clock)

        def done(_r: None) -> None:
            self.sig_status_message.emit(
                self.tr("%1 marked as called back.").replace("%1", format_phone(row.number or ""))
            )
            self._load_callbacks()

        Op(self, write).success(done).failure(
            lambda e: self.sig_status_message.emit(e.message)
        ).run()

    def _selected_log_row(self) -> Any:
        index = self.log_view.currentIndex()
        if not index.isValid() or index.row() >= self.log_model.rowCount():
            return None
        return self.log_model.row_at(index.row())

    def outcome_of_selected(self) -> None:
        """ "Outcome…" on a call in the log: the after-call form again (it was put off)."""
        row = self._selected_log_row()
        if row is None or row.order_id is None:
            return
        self._outcome_asked.discard(row.id)
        self._outcome_requested = row.id
        self._offer_outcome(row.id, row.order_id)

    def _log_clicked(self, index: QModelIndex) -> None:
        if index.column() == COL_RECORDING:
            row = self.log_model.row_at(index.row())
            if row.has_recording:
                self.play_recording(row.id)

    def _log_activated(self, index: QModelIndex) -> None:
        row = self.log_model.row_at(index.row())
        if index.column() == COL_RECORDING and row.has_recording:
            return  # the click already plays it
        if row.order_id is not None:
            self.sig_order_requested.emit(row.order_id)
        elif row.customer_id is not None:
            self.sig_customer_requested.emit(row.customer_id)

    def play_recording(self, call_id: int) -> None:
        """Fetch the recording now (its link is single-use), save it to a temporary file and
        play it with the system's player."""
        provider = self.provider
        if provider is None:
            self.sig_status_message.emit(self.tr("Telephony is not set up on this console."))
            return
        if self.log_model.busy_call is not None:
            return
        if self._recordings is None:
            self._recordings = tempfile.TemporaryDirectory(prefix="okno-recordings-")
        folder, url = Path(self._recordings.name), self.url

        def run() -> str:
            from app.telephony import fetch_recording

            recording = fetch_recording(url, provider, call_id)
            name = Path(recording.filename or f"call-{call_id}.mp3").name
            path = folder / name
            path.write_bytes(recording.content)
            return str(path)

        def ready(path: str) -> None:
            self.log_model.set_busy(None)
            self.last_recording = path
            if not QDesktopServices.openUrl(QUrl.fromLocalFile(path)):
                self.sig_status_message.emit(
                    self.tr("No player for this recording; it is saved as %1").replace("%1", path)
                )
            else:
                self.sig_status_message.emit(self.tr("Playing the recording…"))

        def failed(error: OpError) -> None:
            self.log_model.set_busy(None)
            self.sig_status_message.emit(
                self.tr("The recording could not be fetched: %1").replace("%1", error.message)
            )

        self.log_model.set_busy(call_id)
        self.sig_status_message.emit(self.tr("Fetching the recording…"))
        Op(self, readable(run), lane=Lane.BACKGROUND).success(ready).failure(failed).run()

    def _fit_columns(self) -> None:
        metrics = self.log_view.fontMetrics()  # type: ignore[attr-defined]

        def text(sample: str) -> int:
            return metrics.horizontalAdvance(sample) + 22  # cell padding and a little air

        widths = {
            COL_WHEN: text("00.00 00:00"),
            COL_DIRECTION: 24,
            COL_RESULT: text("Wrong number"),
            COL_TALK: text("00:00"),
            COL_WAIT: text("00:00"),
            COL_RECORDING: text("Rec."),
            COL_ORDER: text("W-000000"),
            COL_NUMBER: text("+7 000 000-00-00"),
            COL_CUSTOMER: 140,
            COL_OPERATOR: 120,
        }
        model = self.log_model  # type: ignore[attr-defined]
        for column in widths:  # a title longer than the values (Russian) is not cut
            title = model.headerData(column, Qt.Orientation.Horizontal) or ""
            widths[column] = max(widths[column], text(title) + 4 if title else 0)
        for view in (self.log_view, self.callbacks_view):  # type: ignore[attr-defined]
            for column, width in widths.items():
                view.setColumnWidth(column, width)
            view.horizontalHeader().setStretchLastSection(True)
        callbacks = self.callbacks_view  # type: ignore[attr-defined]
        for column in (COL_RESULT, COL_TALK, COL_RECORDING, COL_OPERATOR):
            callbacks.setColumnHidden(column, True)
        # a missed call is returned to a number: it comes right after the time
        header = callbacks.horizontalHeader()
        if header.visualIndex(COL_NUMBER) != 2:
            header.moveSection(header.visualIndex(COL_NUMBER), 2)
            header.moveSection(header.visualIndex(COL_CUSTOMER), 3)
