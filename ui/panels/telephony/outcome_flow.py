"""After a call on an order: the outcome form, its follow-ups (the time of a call-back, the
reason of a cancellation) and the write through the backend's ``record_call_outcome`` (the
order lifecycle rules: "no answer" runs the retry chain). Part of :class:`TelephonyPanel`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QWidget

from app.telephony import console_queries as cq
from ui.ops import Op
from ui.panels.telephony import texts
from ui.widgets.dialog_slot import track_dialog

# outcomes that end the operator's work on the order (it is let go; F2 takes the next)
FINISHING_OUTCOMES = frozenset({"confirmed", "no_answer", "callback", "wrong_number", "cancelled"})


class OutcomeFlow:
    """Mixin of :class:`ui.panels.telephony.panel.TelephonyPanel` (its attributes and
    signals are the panel's)."""

    actor: Any
    user: Any
    clock: Any
    zone: Any
    zone_name: str
    order_id: int | None
    dialog: QWidget | None
    _outcome_asked: set[int]
    _pending_outcomes: list[tuple[int, int | None]]
    _outcome_requested: int | None

    # ------------------------------------------------------------------------------------------
    # after the call: the outcome
    # ------------------------------------------------------------------------------------------
    def _offer_pending_outcomes(self) -> None:
        """The console opens: calls of the last hours that ended without an outcome (the
        console closed before it was picked) are offered again, newest first, one after the
        other as each is saved."""
        user_id, clock = self.user.id, self.clock

        def fetch(session: Any) -> tuple[tuple[int, int | None], ...]:
            from app.telephony import calls_awaiting_outcome

            rows = calls_awaiting_outcome(session, user_id, clock)
            return tuple((r.id, r.order_id) for r in rows)

        def offer(pending: tuple[tuple[int, int | None], ...]) -> None:
            self._pending_outcomes = list(pending)
            if pending:
                self.sig_status_message.emit(
                    self.tr("A call ended without an outcome: pick it now.")
                )
            self._offer_next_pending()

        Op(self, fetch, key="pending-outcomes").success(offer).failure(
            lambda e: self.sig_status_message.emit(e.message)
        ).run()

    def _offer_next_pending(self) -> None:
        if self.dialog is not None:
            return
        while self._pending_outcomes:
            call_id, order_id = self._pending_outcomes.pop(0)
            if call_id not in self._outcome_asked:
                self._offer_outcome(call_id, order_id)
                return

    def _offer_outcome(self, call_id: int, order_id: int | None) -> None:
        if call_id in self._outcome_asked:
            return
        self._outcome_asked.add(call_id)
        order_id = order_id or self.order_id

        def fetch(session: Any) -> cq.AfterCall:
            from app.telephony import suggested_outcome

            return cq.after_call(session, call_id, order_id, suggested_outcome)

        Op(self, fetch, key=f"after-{call_id}").success(self._ask_outcome).failure(
            lambda e: self.sig_status_message.emit(e.message)
        ).run()

    def _ask_outcome(self, after: cq.AfterCall) -> None:
        from ui.panels.telephony.outcome_dialog import CallSummary, OutcomeDialog

        if after.order is None:  # no order waiting on this call: nothing to record
            if after.call_id == self._outcome_requested:  # asked for with "Outcome…"
                self.sig_status_message.emit(
                    self.tr("This call's order is no longer waiting for an outcome.")
                )
            self._offer_next_pending()
            return
        summary = CallSummary(
            call_id=after.call_id,
            order_id=after.order.id,
            order_number=after.order.number,
            order_version=after.order.version,
            customer_name=after.customer_name,
            number=after.number,
            talk_seconds=after.talk_seconds,
            suggested=after.suggested,
        )
        dialog = OutcomeDialog(summary, self.window())
        dialog.sig_outcome_chosen.connect(
            lambda outcome, comment: self._outcome_chosen(summary, outcome, comment)
        )
        self._open(dialog)

    def _open(self, dialog: QWidget) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        track_dialog(self, dialog)
        dialog.open()  # type: ignore[attr-defined]  # window-modal, no nested event loop

    def _outcome_chosen(self, summary: Any, outcome: str, comment: str) -> None:
        if outcome == "callback":
            from ui.dialogs.callback import CallbackDialog

            dialog = CallbackDialog(
                now=self.clock.now(), zone=self.zone, zone_name=self.zone_name, parent=self.window()
            )
            dialog.sig_callback_requested.connect(
                lambda when, more: self._record(
                    summary,
                    "callback",
                    comment=" ".join(p for p in (comment, more) if p),
                    callback_at=when,
                )
            )
            QTimer.singleShot(0, lambda: self._open(dialog))
        elif outcome == "cancelled":
            from ui.dialogs.cancel import CancelDialog

            cancel = CancelDialog(summary.order_number, self.window())
            cancel.sig_cancel_requested.connect(
                lambda reason, more: self._record(
                    summary,
                    "cancelled",
                    comment=" ".join(p for p in (comment, more) if p),
                    reason=reason,
                )
            )
            QTimer.singleShot(0, lambda: self._open(cancel))
        else:
            self._record(summary, outcome, comment=comment)

    def _record(
        self,
        summary: Any,
        outcome: str,
        *,
        comment: str = "",
        callback_at: dt.datetime | None = None,
        reason: str | None = None,
    ) -> None:
        actor, clock = self.actor, self.clock

        def write(session: Any) -> Any:
            from app.telephony import record_call_outcome

            return record_call_outcome(
                session,
                summary.call_id,
                summary.order_id,
                outcome,
                actor,
                clock,
                callback_at=callback_at,
                reason=reason,
                comment=comment or None,
                expected_version=summary.order_version,
            )

        def done(_result: Any) -> None:
            self.sig_status_message.emit(
                self.tr("Order %1: %2")
                .replace("%1", summary.order_number)
                .replace("%2", texts.label(texts.OUTCOMES, outcome).rstrip("…"))
            )
            self.sig_order_changed.emit(summary.order_id)
            if outcome in FINISHING_OUTCOMES:
                self.sig_order_finished.emit(summary.order_id)
            self.log_model.reload()
            self._offer_next_pending()

        Op(self, write).success(done).failure(
            lambda e: self.sig_status_message.emit(
                self.tr("The outcome was not saved: %1").replace("%1", e.message)
            )
        ).run()
