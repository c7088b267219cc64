"""The order card: everything about one order, its edits and the call outcomes, keyboard-first.

Wiring surface (the main window connects these; panels never import each other):

* ``OrderCardPanel(runner, user, *, clock=SYSTEM_CLOCK, timezone="Europe/Moscow",
  drafts=None, parent=None)`` — ``user`` is the ``app.auth.LoggedInUser``; ``drafts`` defaults
  to the user's store for the runner's database (``app.drafts.DraftStore.for_user``).
* Slots: ``show_order(order_id)`` (latest request wins; unsaved edits of the order shown before
  are kept as a draft), ``refresh()``, ``clear()``, ``save()``, ``flush_draft()`` (write pending
  edits now; the panel also does it on application quit).
* Signals: ``sig_order_loaded(int)``, ``sig_order_changed(int)`` (after every saved write),
  ``sig_order_finished(int)`` (confirmed, no answer, call-back scheduled or cancelled: the main
  window may take the next order), ``sig_customer_requested(int)``, ``sig_dirty_changed(bool)``,
  ``sig_status_message(str)`` (for the status bar), ``sig_call_requested(str)`` (the "Call"
  button by the customer's phone, shown after ``set_calling_enabled(True)``).
* ``actions``: the panel's QActions by shortcut id (``confirm``, ``no_answer``, ``call_back``,
  ``cancel_order``, ``set_status``, ``save_order``, ``revert_order``, ``add_item``,
  ``remove_item``, ``choose_store``), for the main window's menus. Workflow actions and Save are
  window-wide shortcuts; item actions work while the focus is in the card.

Unsaved edits are never lost: they are written as a draft (debounced) while the operator types,
kept when the database is unreachable (banner + "Retry save"), offered again when the order is
opened (also after a restart), and shown against the others' version on a conflict."""

from __future__ import annotations

import datetime as dt
import logging
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QWidget,
)

from app.actors import Actor
from app.auth import LoggedInUser
from app.clock import SYSTEM_CLOCK, Clock
from app.drafts import DraftStore, OrderDraft
from app.orders.card import OfferHit, OrderCard, StatusLabel, StoreChoice
from ui import i18n, shortcuts
from ui.dialogs.offer_picker import OfferPickerDialog
from ui.dialogs.store_picker import StorePickerDialog
from ui.formatting import format_rub, format_time, operator_zone
from ui.models.order_edits import EDIT_FIELDS, OrderEdits, parse_money
from ui.models.order_items import (
    COL_DISCOUNT,
    COL_FREE,
    COL_PRICE,
    COL_QTY,
    COL_TOTAL,
    COL_VARIANT,
)
from ui.models.order_table import SOURCE_LABELS
from ui.ops import ErrorKind, Op, OpError, OpRunner
from ui.panels.order_card import labels as L
from ui.panels.order_card import work
from ui.panels.order_card.draft_keeper import DraftKeeper
from ui.panels.order_card.layout import ITEM_ROW_HEIGHT, WORKFLOW, CardLayout
from ui.panels.order_card.style import CARD_STYLE
from ui.panels.order_card.writes import CardWrites

log = logging.getLogger(__name__)

MAX_VISIBLE_ITEMS = 8
# below this the colour / size column folds into the item name
MIN_NAME_WIDTH = 200
# below this width the card is one column; above, delivery/checks/history move to the right
TWO_COLUMNS_FROM = 1100
CALLBACK_STATUSES = frozenset({"new", "needs_confirmation", "no_answer"})


class OrderCardPanel(CardLayout, CardWrites, QWidget):
    """One order, editable; see the module docstring for the wiring surface."""

    # the card now shows this order (after show_order/refresh, a save or an outcome)
    sig_order_loaded = Signal(int)
    # this order was written by the card (saved edits, an outcome): lists should refresh
    sig_order_changed = Signal(int)
    # the operator is done with this order (confirmed, no answer, call back, cancelled)
    sig_order_finished = Signal(int)
    # the operator asked for the customer's profile (customer id)
    sig_customer_requested = Signal(int)
    # the card has (True) or no longer has (False) unsaved edits
    sig_dirty_changed = Signal(bool)
    # a short message for the status bar
    sig_status_message = Signal(str)
    # the operator asked to call this number from the card (the telephony panel dials)
    sig_call_requested = Signal(str)

    def __init__(
        self,
        runner: OpRunner,
        user: LoggedInUser,
        *,
        clock: Clock = SYSTEM_CLOCK,
        timezone: str = "Europe/Moscow",
        drafts: DraftStore | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("OrderCardPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(CARD_STYLE)
        self.runner = runner
        self.user = user
        self.actor = Actor(user.id, user.role, user.name)
        self.clock = clock
        self.zone_name = timezone
        self.zone = operator_zone(timezone)
        if drafts is None and runner.database_url is not None:
            drafts = DraftStore.for_user(runner.database_url, user.id)
        self.drafts = drafts
        self.language = i18n.current_language()

        self.order_id: int | None = None
        self.card: OrderCard | None = None
        self.edits: OrderEdits | None = None
        self.offered_draft: OrderDraft | None = None
        self.busy = False
        self._was_dirty = False
        self._status_names: dict[str, tuple[str, str]] = {}
        self._retry_outcome: work.Outcome | None = None
        self._retry_pending = False
        self.dialog: QWidget | None = None  # the dialog open now (tests drive it)

        self._retranslate_pending = False
        self._build()
        self._build_actions()
        self.items_view.viewport().installEventFilter(self)
        self.customer_line.sig_call_requested.connect(self.sig_call_requested)
        self.keeper = DraftKeeper(runner, drafts, self._snapshot, parent=self)
        self.keeper.sig_failed.connect(self._draft_failed)
        self._age_timer = QTimer(self)
        self._age_timer.setInterval(60_000)  # "2 h ago" stays true while the card is open
        self._age_timer.timeout.connect(self._show_header)
        self._age_timer.start()
        runner.sig_connection_changed.connect(self._connection_changed)
        self.retranslate()
        self._show_card()

    # ------------------------------------------------------------------------------------------
    # language and layout
    # ------------------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and not self._retranslate_pending:
            # Deferred: a language switch sends several LanguageChange events while the
            # translators are swapped, before the new language is recorded; rewording once,
            # after it, also gets the number and time formats right.
            self._retranslate_pending = True
            QTimer.singleShot(0, self, self.retranslate)
        super().changeEvent(event)

    def retranslate(self) -> None:
        self._retranslate_pending = False
        self.language = i18n.current_language()
        for section in (self.delivery, self.totals, self.comments, self.checks, self.history):
            section.retranslate()
        titles = {
            "confirm": self.tr("Confirm"),
            "no_answer": self.tr("No answer"),
            "call_back": self.tr("Call back at…"),
            "cancel_order": self.tr("Cancel…"),
            "set_status": self.tr("Set status…"),
            "save_order": self.tr("Save"),
            "revert_order": self.tr("Discard my changes"),
            "add_item": self.tr("Add item…"),
            "remove_item": self.tr("Remove item"),
            "choose_store": self.tr("Choose store…"),
        }
        for action_id, text in titles.items():
            action = self.actions[action_id]
            action.setText(text)
            action.setToolTip(shortcuts.tooltip(action_id, text))
            key = shortcuts.BY_ID[action_id].native_text()
            # the buttons show their key: an operator learns F3 by seeing it every call
            action.setIconText(f"{text}  {key}" if action_id in WORKFLOW else text)
        key = shortcuts.BY_ID
        self.add_button.setText(self.tr("Add item…"))
        self.add_button.setToolTip(shortcuts.tooltip("add_item", self.tr("Add item…")))
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setToolTip(shortcuts.tooltip("remove_item", self.tr("Remove item")))
        self.save_button.setText(self.tr("Save") + "  " + key["save_order"].native_text())
        self.save_button.setToolTip(shortcuts.tooltip("save_order", self.tr("Save")))
        self.discard_button.setText(self.tr("Discard my changes"))
        self.discard_button.setToolTip(
            shortcuts.tooltip("revert_order", self.tr("Discard my changes"))
        )
        self.delivery.store_button.setText(self.tr("Choose…"))
        self.delivery.store_button.setToolTip(
            shortcuts.tooltip("choose_store", self.tr("Choose store…"))
        )
        self.items_title.setText(self.tr("Items"))
        self.delivery_title.setText(self.tr("Delivery and payment"))
        self.comments_title.setText(self.tr("Comments"))
        self.checks_title.setText(self.tr("Robot checks"))
        self.history_title.setText(self.tr("Status history"))
        self.empty_label.setText(
            self.tr("No order open. Take the next one (F2) or pick one in the queue.")
        )
        self.items_model.set_language(self.language)
        self._fit_item_columns()
        if self.card is not None:
            self._show_card()
        else:
            self._show_dirty()

    def _fit_item_columns(self) -> None:
        """Columns sized from templates (never from the data); in a narrow dock the colour /
        size column folds into the name so the name keeps a readable width."""
        metrics = self.items_view.fontMetrics()
        pad = 22
        money = metrics.horizontalAdvance(format_rub(Decimal("99999.99"), self.language))
        model = self.items_model
        widths = {
            COL_VARIANT: metrics.horizontalAdvance("тёмно-синий / 128") + pad,
            COL_PRICE: money + pad,
            COL_QTY: metrics.horizontalAdvance("999") + 40,
            COL_DISCOUNT: money + pad,
            COL_TOTAL: money + pad,
            COL_FREE: metrics.horizontalAdvance("9999") + pad,
        }
        for column, width in widths.items():
            header = str(model.headerData(column, Qt.Orientation.Horizontal))
            widths[column] = max(width, metrics.horizontalAdvance(header) + pad + 8)
            self.items_view.setColumnWidth(column, widths[column])
        name_room = self.items_view.viewport().width() - sum(widths.values())
        fold = name_room < MIN_NAME_WIDTH
        if fold != self.items_view.isColumnHidden(COL_VARIANT):
            self.items_view.setColumnHidden(COL_VARIANT, fold)
            model.set_variant_in_name(fold)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.items_view.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_item_columns()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(event.size().width() >= TWO_COLUMNS_FROM)
        super().resizeEvent(event)

    # ------------------------------------------------------------------------------------------
    # loading
    # ------------------------------------------------------------------------------------------
    def show_order(self, order_id: int) -> None:
        """Show ``order_id`` (loaded off the UI thread; the latest request wins). Unsaved
        edits of the order shown before are kept as its draft and offered when it reopens;
        asking for the order already shown reloads it and keeps its edits."""
        if self.order_id is not None and order_id != self.order_id:
            self.flush_draft()
            self.edits = None
            self.card = None
            self.offered_draft = None
            self.notice.clear()
            self.alert.clear()
        self.order_id = order_id
        self._load(order_id)

    def set_calling_enabled(self, enabled: bool) -> None:
        """Show the "Call" button by the customer's phone (telephony is set up)."""
        self.customer_line.set_calling_enabled(enabled)

    def refresh(self) -> None:
        """Reload the order shown (edits kept)."""
        if self.order_id is not None:
            self._load(self.order_id)

    def clear(self) -> None:
        """Show no order (pending edits are kept as a draft)."""
        self.flush_draft()
        self.order_id = None
        self.card = None
        self.edits = None
        self.offered_draft = None
        self.notice.clear()
        self.alert.clear()
        self._show_card()

    def _load(self, order_id: int) -> None:
        role, drafts, with_labels = self.user.role, self.drafts, not self._status_names
        Op(
            self,
            lambda s: work.load(s, order_id, role, drafts, with_labels),
            key="card",
            runner=self.runner,
        ).success(self._loaded).failure(self._load_failed).run()

    def _loaded(self, loaded: work.Loaded) -> None:
        card = loaded.card
        if card.id != self.order_id:
            return
        if loaded.labels is not None:
            self._remember_labels(loaded.labels)
        if self.alert.objectName() and self.alert.property("load_failed"):
            self.alert.clear()
            self.alert.setProperty("load_failed", False)
        self.card = card
        if self.edits is not None and self.edits.order_id == card.id and self.edits.is_dirty():
            # the same order again (refresh, someone else's change): keep my edits; the
            # version I edited stays the expected one, so Save shows their change as a conflict
            self.edits.card = card
            if self.edits.stale:
                self.notice.show_message(
                    "warning",
                    self.tr(
                        "Someone else changed this order while you were editing. Your changes "
                        "are kept; Save will show both versions."
                    ),
                )
        else:
            self.edits = OrderEdits(card)
            draft = loaded.draft
            if draft is not None and draft.user_id == self.user.id:
                self._offer_draft(draft)
        self._show_card()
        self.sig_order_loaded.emit(card.id)
        if self.dirty and card.shipping_store_id is not None:
            self._refresh_free_stock()

    def set_item_capsules(self, order_id: int, capsules: object) -> None:
        """The capsules the services guessed for this order's lines (``ItemCapsule``s from the
        cross-sell panel): shown as a dashed chip beside lines with no recorded capsule."""
        if self.card is None or self.card.id != order_id:
            return
        offers = {item.id: item.offer_id for item in self.card.items}
        guesses = {
            offers[c.item_id]: c.capsule_name
            for c in capsules  # type: ignore[attr-defined]
            if c.inferred and c.item_id in offers
        }
        self.capsule_names.set_guesses(guesses)
        self.items_view.viewport().update()

    def _load_failed(self, error: OpError) -> None:
        if error.kind is ErrorKind.DATABASE_UNAVAILABLE:
            text = self.tr("No connection to the database — the order could not be loaded.")
        else:
            text = error.message
        self.alert.show_message(
            "error", text, (("RetryLoadButton", self.tr("Try again"), self.refresh),)
        )
        self.alert.setProperty("load_failed", True)
        self.sig_status_message.emit(error.message)

    def _remember_labels(self, labels: tuple[StatusLabel, ...]) -> None:
        self._status_names = {s.code: (s.name_ru, s.name_en) for s in labels}

    def status_name(self, code: str | None) -> str:
        if not code:
            return ""
        names = self._status_names.get(code)
        if names is None:
            if self.card is not None and code == self.card.status:
                names = (self.card.status_name_ru, self.card.status_name_en)
            else:
                return code
        return names[0] if self.language == "ru" else names[1]

    # ------------------------------------------------------------------------------------------
    # showing
    # ------------------------------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        return self.edits is not None and self.edits.is_dirty()

    @property
    def locked_by(self) -> str | None:
        """The name of another operator who holds the order (None: free or mine)."""
        card = self.card
        if card is None or card.lease_holder_id in (None, self.user.id):
            return None
        if self.user.sees_everyone:
            return None  # supervisors may step in
        return card.lease_holder_name or "?"

    def _show_card(self) -> None:
        has = self.card is not None and self.edits is not None
        self.scroll.setVisible(has)
        self.empty_label.setVisible(not has)
        for widget in (self.number_label, self.status_chip, self.meta_label, self.actions_bar):
            widget.setVisible(has)
        if not has:
            self.items_model.set_edits(None, False)
            self._show_dirty()
            self._update_actions()
            return
        assert self.card is not None and self.edits is not None
        card, edits = self.card, self.edits
        self._show_header()
        self.customer_line.show_customer(card.customer, card.contact_name, card.contact_phone)
        editable = self.locked_by is None and self.offered_draft is None
        self.items_model.set_edits(edits, editable and edits.content_editable)
        self._fit_items_height()
        self.delivery.fill(
            {name: edits.value(name) for name in EDIT_FIELDS},
            self._store_text(),
            enabled=editable,
            content_editable=edits.content_editable,
            language=self.language,
        )
        self.comments.fill(card.customer_comment, edits.value("manager_comment"), editable)
        self.checks.show_checks(card.robot_checks)
        self._show_robot_summary()
        self.history.show_history(card.history, self.status_name, self.zone, self.language)
        self._show_totals()
        self._show_dirty()
        self._update_actions()

    def _show_header(self) -> None:
        card = self.card
        if card is None:
            return
        self.number_label.setText(card.number)
        self.status_chip.set_status(card.status, self.status_name(card.status))
        source = QCoreApplication.translate(
            "OrderSource", SOURCE_LABELS.get(card.source, card.source)
        )
        parts = [source, self._age(card.created_at)]
        if card.lease_holder_id == self.user.id:
            parts.append(self.tr("yours"))
        elif card.lease_holder_id is not None:
            parts.append(self.tr("taken by %1").replace("%1", card.lease_holder_name or "?"))
        if card.no_answer_attempts:
            parts.append(self.tr("no answer: %n attempt(s)", "", card.no_answer_attempts))
        if card.next_attempt_at is not None:
            parts.append(self.tr("next call %1").replace("%1", self._time(card.next_attempt_at)))
        if card.callback_at is not None:
            parts.append(self.tr("call back at %1").replace("%1", self._time(card.callback_at)))
        if card.reserve_until is not None:
            parts.append(self.tr("reserved until %1").replace("%1", self._time(card.reserve_until)))
        if card.cancel_reason:
            parts.append(self.tr("reason: %1").replace("%1", card.cancel_reason))
        text = "  ·  ".join(parts)
        self.meta_label.setText(text)
        self.meta_label.setToolTip(
            self.tr("Created %1").replace("%1", self._time(card.created_at)) + "\n" + text
        )

    def _show_robot_summary(self) -> None:
        """The rules the robot stopped the order on, right under the customer: the reason the
        order is in the queue is the first thing the operator needs."""
        failed = [c for c in self.card.robot_checks if not c.passed] if self.card else []
        self.robot_summary.setVisible(bool(failed))
        if not failed:
            self.robot_summary.clear()
            return
        names = "  ·  ".join("✗ " + L.label(L.RULES, c.rule) for c in failed)
        self.robot_summary.setText(self.tr("Robot stopped it: %1").replace("%1", names))
        self.robot_summary.setToolTip(
            "\n".join(
                f"{L.label(L.RULES, c.rule)}: {L.robot_value(c.actual)} "
                + self.tr("(expected %1)").replace("%1", L.robot_value(c.expected))
                for c in failed
            )
        )

    def _time(self, value: dt.datetime) -> str:
        return format_time(value, self.zone, self.language)

    def _age(self, created: dt.datetime) -> str:
        seconds = max(0, int((self.clock.now() - created).total_seconds()))
        if seconds < 60:
            return self.tr("just now")
        if seconds < 3600:
            return self.tr("%n min ago", "", seconds // 60)
        if seconds < 48 * 3600:
            return self.tr("%n h ago", "", seconds // 3600)
        return self.tr("%n day(s) ago", "", seconds // 86400)

    def _store_text(self) -> str:
        assert self.edits is not None
        name = self.edits.store_name()
        if self.edits.value("shipping_store_id") is None:
            return self.tr("No store chosen")
        lines = self.edits.lines
        full = sum(1 for ln in lines if ln.free_at_store is not None and not ln.short)
        known = all(ln.free_at_store is not None for ln in lines)
        text = name or self.tr("Store #%1").replace(
            "%1", str(self.edits.value("shipping_store_id"))
        )
        if lines and known:
            text += "  ·  " + self.tr("%1 of %2 items").replace("%1", str(full)).replace(
                "%2", str(len(lines))
            )
        return text

    def _fit_items_height(self) -> None:
        rows = max(1, min(self.items_model.rowCount(), MAX_VISIBLE_ITEMS))
        header = self.items_view.horizontalHeader().sizeHint().height()
        self.items_view.setFixedHeight(header + rows * ITEM_ROW_HEIGHT + 4)

    def _show_totals(self) -> None:
        if self.edits is not None:
            self.totals.show_totals(self.edits.totals(), self.language)

    def _show_dirty(self) -> None:
        dirty = self.dirty
        if self.busy:
            self.dirty_label.setText(self.tr("Saving…"))
        elif dirty:
            stale = self.edits is not None and self.edits.stale
            self.dirty_label.setText(
                self.tr("Unsaved changes (made on an older version)")
                if stale
                else self.tr("Unsaved changes")
            )
        else:
            self.dirty_label.setText("")
        if dirty != self._was_dirty:
            self._was_dirty = dirty
            self.sig_dirty_changed.emit(dirty)

    def _update_actions(self) -> None:
        card, edits = self.card, self.edits
        has = card is not None and edits is not None
        idle = not self.busy
        free = self.locked_by is None
        allowed = set(card.allowed_statuses) if card is not None else set()
        can_act = has and idle and free
        enable = {
            "confirm": can_act and "confirmed" in allowed,
            "no_answer": can_act and "no_answer" in allowed,
            "call_back": can_act and card is not None and card.status in CALLBACK_STATUSES,
            "cancel_order": can_act and "cancelled" in allowed,
            "set_status": can_act and bool(allowed),
            "save_order": can_act and self.dirty and self.offered_draft is None,
            "revert_order": has and idle and self.dirty,
            "add_item": can_act
            and edits is not None
            and edits.content_editable
            and self.offered_draft is None,
            "remove_item": can_act
            and edits is not None
            and edits.content_editable
            and self.offered_draft is None
            and self.items_view.currentIndex().isValid(),
            "choose_store": can_act
            and edits is not None
            and edits.content_editable
            and self.offered_draft is None,
        }
        for action_id, on in enable.items():
            self.actions[action_id].setEnabled(bool(on))
        self.add_button.setEnabled(enable["add_item"])
        self.remove_button.setEnabled(enable["remove_item"])
        self.save_button.setEnabled(enable["save_order"])
        self.discard_button.setEnabled(enable["revert_order"])
        holder = self.locked_by
        for action_id in WORKFLOW:
            button = self.action_buttons[action_id]
            button.setToolTip(
                self.tr("Taken by %1: only they can work this order now").replace("%1", holder)
                if holder
                else self.actions[action_id].toolTip()
            )

    # ------------------------------------------------------------------------------------------
    # editing
    # ------------------------------------------------------------------------------------------
    def _field_edited(self, name: str, value: Any) -> None:
        if self.edits is None:
            return
        if name == "delivery_cost":
            try:
                value = parse_money(str(value))
            except ValueError:
                self.delivery.mark_cost(
                    False, self.tr("Type an amount in roubles, e.g. 350 or 350,50")
                )
                return
            self.delivery.mark_cost(True)
        if self.edits.set_field(name, value):
            if name == "delivery_cost":
                self._show_totals()
            self._edits_changed()

    def _lines_changed(self) -> None:
        self._fit_items_height()
        self._show_totals()
        self.delivery.store_label.setText(self._store_text())
        self._edits_changed()

    def _edit_refused(self, message: str) -> None:
        self.sig_status_message.emit(message)
        self.alert.show_message("warning", message)
        QTimer.singleShot(6000, self, lambda: self._clear_alert_if(message))

    def _clear_alert_if(self, message: str) -> None:
        if self.alert.label.text() == message:
            self.alert.clear()

    def _edits_changed(self) -> None:
        self._show_dirty()
        self._update_actions()
        if self.dirty:
            self.keeper.changed()
        else:
            self._remove_draft()

    # ------------------------------------------------------------------------------------------
    # drafts
    # ------------------------------------------------------------------------------------------
    def _snapshot(self) -> OrderDraft | None:
        if self.edits is None or not self.edits.is_dirty():
            return None
        return self.edits.to_draft(self.user.id, self.clock.now())

    def flush_draft(self) -> None:
        """Write the pending edits to their draft now (switching orders, quitting)."""
        self.keeper.flush()

    def _remove_draft(self) -> None:
        self.keeper.remove(self.order_id)

    def _draft_failed(self, message: str) -> None:
        self.sig_status_message.emit(
            self.tr("Could not keep a copy of your changes on disk: %1").replace("%1", message)
        )

    def _offer_draft(self, draft: OrderDraft) -> None:
        assert self.edits is not None
        probe = OrderEdits.from_draft(self.edits.card, draft)
        if not probe.is_dirty() and not probe.stale:
            self._remove_draft()  # nothing in it differs from the order: nothing to offer
            return
        self.offered_draft = draft
        when = draft.saved_at.astimezone(self.zone)
        today = self.clock.now().astimezone(self.zone).date()
        stamp = when.strftime("%H:%M") if when.date() == today else self._time(draft.saved_at)
        text = self.tr("You have unsaved changes from %1.").replace("%1", stamp)
        if draft.expected_version != self.edits.card.version:
            text += " " + self.tr(
                "The order has changed since; saving them will show both versions."
            )
        self.notice.show_message(
            "info",
            text,
            (
                ("RestoreDraftButton", self.tr("Restore"), self.restore_draft),
                ("DiscardDraftButton", self.tr("Discard"), self.discard_draft),
            ),
        )
        button = self.notice.button("RestoreDraftButton")
        if button is not None:
            button.setFocus()  # Enter restores, Tab + Enter discards

    def restore_draft(self) -> None:
        """Put the offered draft's edits back into the form."""
        draft, card = self.offered_draft, self.card
        if draft is None or card is None:
            return
        self.offered_draft = None
        self.notice.clear()
        self.edits = OrderEdits.from_draft(card, draft)
        self._show_card()
        self._refresh_free_stock()
        self._edits_changed()
        self.sig_status_message.emit(self.tr("Your unsaved changes are back"))
        self.items_view.setFocus()

    def discard_draft(self) -> None:
        """Drop the offered draft (the order stays as saved)."""
        if self.offered_draft is None:
            return
        self.offered_draft = None
        self.notice.clear()
        self._remove_draft()
        self._show_card()
        self.items_view.setFocus()

    # ------------------------------------------------------------------------------------------
    # items and store
    # ------------------------------------------------------------------------------------------
    def add_item(self) -> None:
        """Open the offer picker (Ctrl+I); Enter in it adds the selected offer."""
        if not self.actions["add_item"].isEnabled() or self.edits is None:
            return
        dialog = OfferPickerDialog(
            self.runner,
            store_name=self.edits.store_name() if self.edits.value("shipping_store_id") else None,
            language=self.language,
            parent=self,
        )
        dialog.sig_offer_chosen.connect(self._offer_chosen)
        self._open(dialog)

    def _offer_chosen(self, hit: OfferHit, quantity: int, free: int | None) -> None:
        if self.edits is None:
            return
        row = self.items_model.add_offer(hit, quantity, free)
        self.items_view.selectRow(row)
        self.items_view.setFocus()
        self._refresh_free_stock()
        self.sig_status_message.emit(self.tr("Added %1").replace("%1", hit.name))

    def remove_item(self) -> None:
        """Remove the selected line (Ctrl+Delete)."""
        if not self.actions["remove_item"].isEnabled():
            return
        row = self.items_view.currentIndex().row()
        if row < 0:
            return
        self.items_model.remove_row(row)
        if self.items_model.rowCount():
            self.items_view.selectRow(min(row, self.items_model.rowCount() - 1))
        self._update_actions()

    def choose_store(self) -> None:
        """Rank the city's stores for the lines as edited, then let the operator pick one."""
        if not self.actions["choose_store"].isEnabled() or self.edits is None:
            return
        from app.orders.card import stores_for_order

        order_id, wanted = self.edits.order_id, self.edits.wanted()
        self.sig_status_message.emit(self.tr("Looking up stock in the stores…"))
        Op(
            self,
            lambda s: tuple(stores_for_order(s, order_id, wanted=wanted)),
            key="stores",
            runner=self.runner,
        ).success(self._stores_ranked).failure(self._op_failed).run()

    def _stores_ranked(self, choices: tuple[StoreChoice, ...]) -> None:
        if self.edits is None:
            return
        dialog = StorePickerDialog(
            choices,
            current_store_id=self.edits.value("shipping_store_id"),
            item_count=len(self.edits.wanted()),
            parent=self,
        )
        dialog.sig_store_chosen.connect(self._store_chosen)
        self._open(dialog)

    def _store_chosen(self, store_id: int, name: str) -> None:
        if self.edits is None:
            return
        if self.edits.set_field("shipping_store_id", store_id, label=name):
            self.delivery.store_label.setText(self._store_text())
            self._refresh_free_stock()
            self._edits_changed()

    def _refresh_free_stock(self) -> None:
        """Free stock of the lines at the shipping store as edited (after a store change or
        an added line)."""
        edits = self.edits
        if edits is None:
            return
        store_id = edits.value("shipping_store_id")
        if store_id is None:
            edits.set_free_stock(None)
            self.items_model.refresh()
            return
        from app.orders.card import free_stock

        offers = tuple(sorted({ln.offer_id for ln in edits.lines}))
        order_id = edits.order_id

        def apply(free: tuple[tuple[int, int], ...]) -> None:
            if self.edits is None or self.edits.order_id != order_id:
                return
            if self.edits.value("shipping_store_id") != store_id:
                return  # the store changed again meanwhile: a newer answer is coming
            self.edits.set_free_stock(dict(free))
            self.items_model.refresh()
            self.delivery.store_label.setText(self._store_text())

        Op(
            self, lambda s: free_stock(s, store_id, offers), key="free-stock", runner=self.runner
        ).success(apply).failure(lambda e: self.sig_status_message.emit(e.message)).run()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Delete on a selected line removes it too (the tooltip names Ctrl+Delete)
        if event.matches(QKeySequence.StandardKey.Delete) and self.items_view.hasFocus():
            self.remove_item()
            return
        super().keyPressEvent(event)
