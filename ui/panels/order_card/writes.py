"""What the order card writes: Save, the call outcomes (confirm, no answer, call back, cancel,
set status), conflicts and discarding edits. A mixin of ``OrderCardPanel``.

Every write is one op: the edits (if any) are saved with the version they were made on, then
the outcome is applied, in one transaction (``work.write``). While it runs the form is
read-only; when it fails the form is left exactly as it was."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from app.orders.card import OrderCard
from ui.dialogs.callback import CallbackDialog
from ui.dialogs.cancel import CancelDialog
from ui.dialogs.conflict import KEEP_MINE, TAKE_THEIRS, ConflictDialog, ConflictRow
from ui.dialogs.set_status import SetStatusDialog
from ui.models.order_edits import OrderEdits
from ui.ops import ErrorKind, Op, OpError
from ui.panels.order_card import work
from ui.panels.order_card.conflict_rows import conflict_rows

# outcomes after which the operator is done with the order
FINISHING = frozenset({"confirm", "no_answer", "callback", "cancel"})


class CardWrites:
    """Save, outcomes, conflicts, discard (mixin of ``OrderCardPanel``)."""

    # ------------------------------------------------------------------------------------------
    # save and outcomes
    # ------------------------------------------------------------------------------------------
    def save(self) -> None:
        """Save the edits (Ctrl+S) against the version they were made on."""
        if not self.actions["save_order"].isEnabled():
            return
        self._write(None)

    def confirm(self) -> None:
        """The customer agreed (F3). Unsaved edits are saved first, in the same transaction."""
        if self.actions["confirm"].isEnabled():
            self._write(work.Outcome("confirm"))

    def record_no_answer(self) -> None:
        """The customer did not pick up (F4)."""
        if self.actions["no_answer"].isEnabled():
            self._write(work.Outcome("no_answer"))

    def call_back(self) -> None:
        """Schedule a call back (F6): a time in the operator's zone, stored in UTC."""
        if not self.actions["call_back"].isEnabled():
            return
        dialog = CallbackDialog(
            now=self.clock.now(), zone=self.zone, zone_name=self.zone_name, parent=self
        )
        dialog.sig_callback_requested.connect(
            lambda when, comment: self._write(
                work.Outcome("callback", comment=comment or None, when=when)
            )
        )
        self._open(dialog)

    def cancel_order(self) -> None:
        """Cancel (F8): the dialog insists on a reason."""
        if not self.actions["cancel_order"].isEnabled() or self.card is None:
            return
        dialog = CancelDialog(self.card.number, parent=self)
        dialog.sig_cancel_requested.connect(
            lambda reason, comment: self._write(
                work.Outcome("cancel", reason=reason, comment=comment or None)
            )
        )
        self._open(dialog)

    def set_status(self) -> None:
        """Set status (F9): only what the transition matrix allows this user now."""
        if not self.actions["set_status"].isEnabled() or self.card is None:
            return
        allowed = tuple((code, self.status_name(code)) for code in self.card.allowed_statuses)
        dialog = SetStatusDialog(
            allowed, current_name=self.status_name(self.card.status), parent=self
        )
        dialog.sig_status_requested.connect(
            lambda code, comment, reason: self._write(
                work.Outcome("status", comment=comment or None, reason=reason or None, status=code)
            )
        )
        self._open(dialog)

    def _open(self, dialog: QWidget) -> None:

        assert isinstance(dialog, QDialog)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.finished.connect(lambda _r, d=dialog: self._dialog_closed(d))
        dialog.open()  # window-modal, no nested event loop

    def _dialog_closed(self, dialog: QWidget) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _set_busy(self, busy: bool) -> None:
        """While a write runs the form is read-only: an edit typed meanwhile could not be told
        apart from the saved ones when the saved order comes back."""
        self.busy = busy
        if busy:
            self._focus_before = self.focusWidget()
            self.body.setEnabled(False)
        else:
            self.body.setEnabled(True)
            focus = getattr(self, "_focus_before", None)
            if focus is not None and focus.isVisible() and focus.isEnabled():
                focus.setFocus()
            self._focus_before = None
        self._show_dirty()
        self._update_actions()

    def _write(self, outcome: work.Outcome | None) -> None:
        edits = self.edits
        if edits is None or self.busy:
            return
        fields, items = edits.save_args() if edits.is_dirty() else ({}, None)
        if outcome is None and not fields and items is None:
            return
        self._retry_outcome = outcome
        self._set_busy(True)
        order_id, actor, clock, role = edits.order_id, self.actor, self.clock, self.user.role
        expected = edits.expected_version
        Op(
            self,
            lambda s: work.write(
                s,
                order_id,
                actor,
                clock,
                role=role,
                expected_version=expected,
                fields=fields,
                items=items,
                outcome=outcome,
            ),
            runner=self.runner,
        ).success(lambda r: self._written(r, outcome, order_id)).failure(
            lambda e: self._write_failed(e, outcome, order_id)
        ).run()

    def _written(
        self, result: work.WriteResult, outcome: work.Outcome | None, order_id: int
    ) -> None:
        self._set_busy(False)
        shown = self.order_id == order_id
        if result.conflict is not None:
            if shown:
                self._conflict(result.conflict, outcome)
            # else: the operator moved on; the edits wait in their draft for the reopen
            return
        card = result.card
        assert card is not None
        self.keeper.remove(card.id)
        if shown:
            self._retry_outcome = None
            self.alert.clear()
            self.notice.clear()
            self.card = card
            self.edits = OrderEdits(card)
            self._show_card()
            if card.shipping_store_id is not None:
                self._refresh_free_stock()
        self.sig_status_message.emit(self._done_message(card, outcome, result))
        self.sig_order_changed.emit(card.id)
        if (outcome is not None and outcome.kind in FINISHING) or (
            outcome is not None
            and outcome.kind == "status"
            and card.status
            in (
                "confirmed",
                "cancelled",
                "no_answer",
            )
        ):
            self.sig_order_finished.emit(card.id)
        if shown:
            self.sig_order_loaded.emit(card.id)

    def _done_message(
        self, card: OrderCard, outcome: work.Outcome | None, result: work.WriteResult
    ) -> str:
        number = card.number
        if outcome is None:
            return self.tr("Order %1 saved").replace("%1", number)
        if outcome.kind == "confirm":
            return self.tr("Order %1 confirmed").replace("%1", number)
        if outcome.kind == "no_answer":
            if result.auto_cancelled:
                return (
                    self.tr("Order %1: no answer %2 times — cancelled, the customer is told")
                    .replace("%1", number)
                    .replace("%2", str(result.attempts))
                )
            return (
                self.tr("Order %1: no answer recorded (attempt %2)")
                .replace("%1", number)
                .replace("%2", str(result.attempts))
            )
        if outcome.kind == "callback" and outcome.when is not None:
            return (
                self.tr("Order %1: call back at %2")
                .replace("%1", number)
                .replace("%2", self._time(outcome.when))
            )
        if outcome.kind == "cancel":
            return self.tr("Order %1 cancelled").replace("%1", number)
        return (
            self.tr("Order %1 is now “%2”")
            .replace("%1", number)
            .replace("%2", self.status_name(card.status))
        )

    def _write_failed(self, error: OpError, outcome: work.Outcome | None, order_id: int) -> None:
        self._set_busy(False)
        if self.order_id != order_id:
            # the operator moved on while it ran; the edits were kept as that order's draft
            self.sig_status_message.emit(error.message)
            return
        if error.kind is ErrorKind.DATABASE_UNAVAILABLE:
            self.flush_draft()  # now, not after the debounce: the console may be closed next
            retry = self.tr("Retry save") if self.dirty or outcome is None else self.tr("Retry")
            self.alert.show_message(
                "error",
                self.tr(
                    "No connection to the database — your changes are kept and will be "
                    "offered again."
                ),
                (("RetrySaveButton", retry, self.retry_save),),
            )
        else:
            self.alert.show_message("error", error.message)
        self.sig_status_message.emit(error.message)

    def retry_save(self) -> None:
        """Try the last write again (after the database came back)."""
        self._write(self._retry_outcome)

    def _connection_changed(self, connected: bool, _message: str) -> None:
        retry = self.alert.button("RetrySaveButton")
        if connected and retry is not None and self.alert.isVisible():
            self.alert.show_message(
                "warning",
                self.tr("The database is back. Your changes are still here — save them now."),
                (("RetrySaveButton", retry.text(), self.retry_save),),
            )

    def _op_failed(self, error: OpError) -> None:
        self.alert.show_message("error", error.message)
        self.sig_status_message.emit(error.message)

    # ------------------------------------------------------------------------------------------
    # conflicts
    # ------------------------------------------------------------------------------------------
    def _conflict(self, conflict: work.Conflict, outcome: work.Outcome | None) -> None:
        edits = self.edits
        who = ", ".join(dict.fromkeys(c.actor for c in conflict.changes)) or self.tr("someone")
        if edits is None or not edits.is_dirty():
            # nothing of mine to lose: show the order as it is now and say why nothing happened
            self.card = conflict.fresh
            self.edits = OrderEdits(conflict.fresh)
            self._show_card()
            self.alert.show_message(
                "warning",
                self.tr(
                    "%1 changed this order a moment ago; nothing was done. Check it and try again."
                ).replace("%1", who),
            )
            self.sig_order_loaded.emit(conflict.fresh.id)
            return
        dialog = ConflictDialog(
            self.conflict_rows(conflict), order_number=conflict.fresh.number, who=who, parent=self
        )
        dialog.sig_resolved.connect(lambda choice: self._resolve(choice, conflict))
        dialog.rejected.connect(
            lambda: self.notice.show_message(
                "warning",
                self.tr("Not saved: the order changed meanwhile. Your changes are kept."),
            )
        )
        self._open(dialog)

    def _resolve(self, choice: str, conflict: work.Conflict) -> None:
        edits = self.edits
        if edits is None:
            return
        if choice == KEEP_MINE:
            self.card = conflict.fresh
            self.edits = edits.rebased(conflict.fresh)
            self._show_card()
            self._write(None)
        elif choice == TAKE_THEIRS:
            self.card = conflict.fresh
            self.edits = OrderEdits(conflict.fresh)
            self._remove_draft()
            self.notice.clear()
            self._show_card()
            self.sig_status_message.emit(
                self.tr("Your changes were dropped; this is their version")
            )
            self.sig_order_loaded.emit(conflict.fresh.id)

    def conflict_rows(self, conflict: work.Conflict) -> tuple[ConflictRow, ...]:
        """Per field: theirs now, who changed it and when, mine (for the conflict dialog)."""
        assert self.edits is not None
        return conflict_rows(
            self.edits,
            conflict,
            status_name=self.status_name,
            when=self._time,
            language=self.language,
        )

    # ------------------------------------------------------------------------------------------
    # discard
    # ------------------------------------------------------------------------------------------
    def discard_changes(self) -> None:
        """Drop my unsaved edits (asks first: they cannot be brought back)."""
        if not self.actions["revert_order"].isEnabled():
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Discard my changes"),
            self.tr("Drop your unsaved changes to this order? They cannot be brought back."),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Discard).clicked.connect(self.discard_now)
        self._open(box)

    def discard_now(self) -> None:
        """Drop the edits without asking (the confirmation box calls this)."""
        if self.card is None:
            return
        self.edits = OrderEdits(self.card)
        self._remove_draft()
        self.alert.clear()
        self.notice.clear()
        self._retry_outcome = None
        self._show_card()
        self.sig_status_message.emit(self.tr("Your changes were discarded"))
