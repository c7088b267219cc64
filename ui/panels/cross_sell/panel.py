"""The cross-sell panel, docked under the order card: what to offer during the call.

The capsules of the order's items (or, without an open order, of the customer on screen) give
ranked suggestions (:mod:`app.capsules.suggestions`); each row shows a picture placeholder, the
name, a one-line reason, the size picked, stock and the price with the customer's discount.
Keyboard first: Ctrl+4 comes here, ↑/↓ move, ←/→ change the size, +/− the quantity (or Tab to
the quantity box, Alt+Q, and type it), Enter adds, Delete records that the customer declined
(with a reason).

Wiring surface (the main window connects it; panels never import each other):

* ``CrossSellPanel(runner, user, *, clock=SYSTEM_CLOCK, timezone="Europe/Moscow")``
* slots: ``show_order(order_id, version, editable)`` (the card loaded that version),
  ``show_customer(customer_id)`` (no order open), ``set_card_dirty(bool)``, ``clear()``,
  ``refresh()``, ``focus_list()``
* signals: ``sig_order_changed(int)``, ``sig_item_capsules(int, object)``,
  ``sig_status_message(str)``

Every suggestion that scrolls into view is recorded as offered once per target (the service
is idempotent per day as well); Add goes through :func:`app.capsules.offers.add_to_order`
with the version the card shows, so it never overwrites a change the card has not seen."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.actors import Actor
from app.auth import LoggedInUser
from app.capsules.offers import AddedCrossSell
from app.capsules.suggestions import Suggestion
from app.clock import SYSTEM_CLOCK, Clock
from ui import i18n, shortcuts
from ui.formatting import operator_zone
from ui.ops import ErrorKind, Op, OpError, OpRunner
from ui.panels.cross_sell import work
from ui.panels.cross_sell.delegate import ROW_HEIGHT, SuggestionDelegate
from ui.panels.cross_sell.model import ADDED, DECLINED, RowState, SuggestionsModel
from ui.widgets.dialog_slot import track_dialog

PANEL_STYLE = """
#CrossSellPanel { background: #ffffff; }
#CrossSellTitle { font-weight: 600; color: #0f172a; }
#CrossSellHint, #CrossSellEmpty { color: #64748b; }
#CrossSellEmpty { font-size: 10pt; }
#CrossSellError { color: #b91c1c; }
#CrossSellList { border: 1px solid #e2e8f0; border-radius: 4px; background: #ffffff; }
#CrossSellList:focus { border-color: #2563eb; }
QPushButton#CrossSellAdd:enabled { background: #16a34a; border-color: #16a34a; color: #ffffff;
                                   font-weight: 600; }
"""

# the services' usual decline reasons (stored as these codes), as the operator reads them
_REASONS = (
    QT_TRANSLATE_NOOP("CrossSellPanel", "not needed"),
    QT_TRANSLATE_NOOP("CrossSellPanel", "too expensive"),
    QT_TRANSLATE_NOOP("CrossSellPanel", "size not available"),
    QT_TRANSLATE_NOOP("CrossSellPanel", "already has one"),
    QT_TRANSLATE_NOOP("CrossSellPanel", "will think about it"),
)

# how long a row must stay in view before it counts as shown (scrolling past is not offering)
SHOWN_AFTER_MS = 400
# keys that change the quantity while the list has the focus: "+" with or without Shift ("="
# is the same key unshifted), the keypad's too. They are typed characters, not key chords, so
# they are matched here rather than as actions in ui/shortcuts.py (a QAction for "+" misses
# Shift+= on most layouts).
_MORE_KEYS = {Qt.Key.Key_Plus, Qt.Key.Key_Equal}
_LESS_KEYS = {Qt.Key.Key_Minus, Qt.Key.Key_Underscore}
EMPTY, LOADING, LIST = range(3)


class CrossSellPanel(QWidget):
    """Suggestions for the order (or customer) on screen; see the module docstring."""

    # a cross-sell line was added to this order: the card and the queue should reload it
    sig_order_changed = Signal(int)
    # the capsule of each item of this order (tuple of app.capsules.origin.ItemCapsule)
    sig_item_capsules = Signal(int, object)
    # a short message for the status bar
    sig_status_message = Signal(str)

    def __init__(
        self,
        runner: OpRunner,
        user: LoggedInUser,
        *,
        clock: Clock = SYSTEM_CLOCK,
        timezone: str = "Europe/Moscow",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("CrossSellPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(PANEL_STYLE)
        self.runner = runner
        self.user = user
        self.actor = Actor(user.id, user.role, user.name)
        self.clock = clock
        self.zone = operator_zone(timezone)
        self.target: work.Target | None = None
        self.version: int | None = None
        self.editable = False
        self.card_dirty = False
        self.busy = False
        self.loaded: work.Loaded | None = None
        self.error: str | None = None
        self.decline_reasons: tuple[str, ...] = ()
        self.dialog: QWidget | None = None  # the reason box or menu open now (tests drive it)
        self._pending = False
        # the outcome of the last add / decline, kept on screen over reloads until the next one
        self.notice = ""
        self._records: dict[int, int] = {}  # product id → offer record id (this target)
        self._recording: set[int] = set()
        self._build()
        self._build_actions()
        self.retranslate()
        self._show_state()

    # ------------------------------------------------------------------------------------------
    # building
    # ------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = QLabel(self)
        self.title.setObjectName("CrossSellTitle")
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.hint = QLabel(self)
        self.hint.setObjectName("CrossSellHint")
        head = QHBoxLayout()
        head.setSpacing(8)
        head.addWidget(self.title, 1)
        head.addWidget(self.hint)

        self.model = SuggestionsModel(self)
        self.delegate = SuggestionDelegate(self)
        self.delegate.reason_label = self.reason_label
        self.list = QListView(self)
        self.list.setObjectName("CrossSellList")
        self.list.setModel(self.model)
        self.list.setItemDelegate(self.delegate)
        self.list.setUniformItemSizes(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setMinimumHeight(ROW_HEIGHT + 4)
        self.list.selectionModel().currentRowChanged.connect(lambda _c, _p: self._current_moved())
        self.list.doubleClicked.connect(lambda _i: self.add_current())
        self.list.verticalScrollBar().valueChanged.connect(lambda _v: self._shown_soon())

        self.empty = QLabel(self)
        self.empty.setObjectName("CrossSellEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)  # EMPTY (also errors and "loading" text)
        self.loading = QLabel(self)
        self.loading.setObjectName("CrossSellEmpty")
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.loading)  # LOADING
        self.stack.addWidget(self.list)  # LIST

        self.size_label = QLabel(self)
        self.size_box = QComboBox(self)
        self.size_box.setObjectName("CrossSellSize")
        self.size_box.setMinimumContentsLength(6)
        self.size_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.size_box.activated.connect(self._size_picked)
        self.size_label.setBuddy(self.size_box)
        self.quantity_label = QLabel(self)
        self.quantity_box = QSpinBox(self)
        self.quantity_box.setObjectName("CrossSellQuantity")
        self.quantity_box.setRange(1, 1)
        self.quantity_box.setAccelerated(True)
        self.quantity_box.valueChanged.connect(self._quantity_picked)
        self.quantity_label.setBuddy(self.quantity_box)
        self.message = QLabel(self)
        self.message.setObjectName("CrossSellHint")
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.decline_button = QPushButton(self)
        self.decline_button.setObjectName("CrossSellDecline")
        self.decline_button.setAutoDefault(False)
        self.decline_button.clicked.connect(self.decline_current)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("CrossSellAdd")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_current)
        bar = QHBoxLayout()
        bar.setSpacing(6)
        bar.addWidget(self.size_label)
        bar.addWidget(self.size_box)
        bar.addWidget(self.quantity_label)
        bar.addWidget(self.quantity_box)
        bar.addWidget(self.message, 1)
        bar.addWidget(self.decline_button)
        bar.addWidget(self.add_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.setSpacing(6)
        layout.addLayout(head)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bar)
        self.setFocusProxy(self.list)
        QWidget.setTabOrder(self.list, self.size_box)
        QWidget.setTabOrder(self.size_box, self.quantity_box)
        QWidget.setTabOrder(self.quantity_box, self.decline_button)
        # +/− for the quantity: the actions take the plain keys, this the keypad's and Shift's
        self.list.installEventFilter(self)
        QWidget.setTabOrder(self.decline_button, self.add_button)

        self._shown_timer = QTimer(self)
        self._shown_timer.setSingleShot(True)
        self._shown_timer.setInterval(SHOWN_AFTER_MS)
        self._shown_timer.timeout.connect(self._record_visible)

    def _build_actions(self) -> None:
        self.actions: dict[str, QAction] = {}
        handlers = {
            "cross_sell_add": self.add_current,
            "cross_sell_decline": self.decline_current,
            "cross_sell_next_size": lambda: self.step_size(1),
            "cross_sell_previous_size": lambda: self.step_size(-1),
            "cross_sell_more": lambda: self.step_quantity(1),
            "cross_sell_fewer": lambda: self.step_quantity(-1),
        }
        for action_id, handler in handlers.items():
            action = QAction(self)
            shortcuts.apply(action, action_id)
            # Enter and Delete act on the suggestions only while they have the focus; the
            # arrows and +/− only in the list (the size and quantity boxes keep their own)
            if action_id in ("cross_sell_add", "cross_sell_decline"):
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                self.addAction(action)
            else:
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                self.list.addAction(action)
            action.triggered.connect(lambda _checked=False, h=handler: h())
            self.actions[action_id] = action

    # ------------------------------------------------------------------------------------------
    # language
    # ------------------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            QTimer.singleShot(0, self, self.retranslate)
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.delegate.language = i18n.current_language()
        self.size_label.setText(self.tr("&Size"))
        self.quantity_label.setText(self.tr("&Qty"))
        self.quantity_box.setToolTip(
            self.tr("How many to add (+ and − in the list); at most what one place has free")
        )
        add = self.tr("Enter")  # the key on the keyboard, not Qt's "Return"
        decline = shortcuts.BY_ID["cross_sell_decline"].native_text()
        self.add_button.setText(self.tr("Add to order") + "  " + add)
        self.add_button.setToolTip(
            shortcuts.tooltip("cross_sell_add", self.tr("Add to the order as your cross-sell"))
        )
        self.decline_button.setText(self.tr("Declined…") + "  " + decline)
        self.decline_button.setToolTip(
            shortcuts.tooltip("cross_sell_decline", self.tr("The customer said no"))
        )
        self.hint.setText(self.tr("↑↓ choose · ←→ size · +− quantity"))
        self.loading.setText(self.tr("Looking for suggestions…"))
        for action_id, action in self.actions.items():
            action.setText(shortcuts.translated(shortcuts.BY_ID[action_id].title))
        self._show_state()
        self.list.viewport().update()

    # ------------------------------------------------------------------------------------------
    # what to show
    # ------------------------------------------------------------------------------------------
    def show_order(self, order_id: int, version: int, editable: bool) -> None:
        """The card shows ``version`` of ``order_id``: suggest for it (reloads)."""
        self.version, self.editable = version, editable
        self._set_target(work.Target(order_id=order_id))

    def show_customer(self, customer_id: int) -> None:
        """No order open, ``customer_id`` on screen: suggest from what they bought."""
        self.version, self.editable = None, False
        self._set_target(work.Target(customer_id=customer_id))

    def set_card_dirty(self, dirty: bool) -> None:
        """The card has unsaved edits: adding would save over them, so it waits."""
        self.card_dirty = dirty
        self._update_actions()

    def clear(self) -> None:
        self.target = None
        self.version = None
        self.loaded = None
        self.error = None
        self._records.clear()
        self.model.clear()
        self._show_state()

    def refresh(self) -> None:
        if self.target is not None:
            self._load()

    def focus_list(self) -> bool:
        """Ctrl+4: the keyboard into the suggestions (False: nothing to choose from)."""
        if self.model.rowCount() == 0:
            self.setFocus()
            return False
        if not self.list.currentIndex().isValid():
            self.list.setCurrentIndex(self.model.index(self._first_open_row(), 0))
        self.list.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True

    def _set_target(self, target: work.Target) -> None:
        if target != self.target:
            self.target = target
            self.notice = ""
            self.loaded = None
            self._records.clear()
            self._recording.clear()
            self.model.clear()
        self._load()

    def _load(self) -> None:
        if not self.isVisible():
            self._pending = True  # loaded when the dock is shown: nothing is offered unseen
            self._show_state()
            return
        self._pending = False
        target = self.target
        if target is None:
            return
        self.error = None
        if self.loaded is None:
            self.stack.setCurrentIndex(LOADING)
        today = self._today()
        Op(
            self, lambda s: work.load(s, target, today), key="suggestions", runner=self.runner
        ).success(self._loaded).failure(self._load_failed).run()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending:
            QTimer.singleShot(0, self, self._load)
        else:
            self._shown_soon()

    def _today(self) -> dt.date:
        return self.clock.now().astimezone(self.zone).date()

    def _loaded(self, loaded: work.Loaded) -> None:
        if loaded.target != self.target:
            return
        current = self.list.currentIndex().row()
        self.loaded = loaded
        self.decline_reasons = loaded.decline_reasons
        self.model.set_suggestions(loaded.suggestions)
        if self.model.rowCount():
            row = min(max(current, 0), self.model.rowCount() - 1)
            self.list.setCurrentIndex(self.model.index(row, 0))
        self._show_state()
        if loaded.target.order_id is not None:
            self.sig_item_capsules.emit(loaded.target.order_id, loaded.capsules)
        self._shown_soon()

    def _load_failed(self, error: OpError) -> None:
        self.error = error.message
        self._show_state()
        self.sig_status_message.emit(error.message)

    def _show_state(self) -> None:
        count = self.model.rowCount()
        target = self.target
        if target is None:
            self.title.setText(self.tr("Cross-sell"))
            self.empty.setText(
                self.tr(
                    "Open an order (F2) or a customer: what to offer them from the capsules "
                    "shows here."
                )
            )
            self.stack.setCurrentIndex(EMPTY)
        elif self.error is not None:
            self.title.setText(self.tr("Cross-sell"))
            self.empty.setText(
                self.tr("Suggestions could not be loaded: %1").replace("%1", self.error)
            )
            self.stack.setCurrentIndex(EMPTY)
        elif self.loaded is None:
            self.title.setText(self.tr("Cross-sell"))
            self.stack.setCurrentIndex(LOADING)
        else:
            if target.order_id is not None:
                title = self.tr("%n suggestion(s) for this order", "", count)
            else:
                title = self.tr("%n suggestion(s) for this customer (no order open)", "", count)
            pct = self._loyalty()
            if pct:
                title += "  ·  " + self.tr("prices with the %1 % loyalty discount").replace(
                    "%1", pct
                )
            self.title.setText(title)
            if count:
                self.stack.setCurrentIndex(LIST)
            else:
                self.empty.setText(
                    self.tr(
                        "Nothing to offer: no active capsule matches these items, or the rest "
                        "of it is out of stock or already bought."
                    )
                    if target.order_id is not None
                    else self.tr("Nothing to offer this customer from the capsules now.")
                )
                self.stack.setCurrentIndex(EMPTY)
        self._current_moved()

    def _loyalty(self) -> str:
        for s in self.model.suggestions():
            if s.loyalty_pct > 0:
                return f"{s.loyalty_pct.normalize():f}"
        return ""

    def _first_open_row(self) -> int:
        for row in range(self.model.rowCount()):
            state = self.model.row_state(row)
            if state is not None and state.outcome is None:
                return row
        return 0

    # ------------------------------------------------------------------------------------------
    # the current row: size picker and actions
    # ------------------------------------------------------------------------------------------
    def current(self) -> tuple[int, RowState] | None:
        row = self.list.currentIndex().row()
        state = self.model.row_state(row)
        return (row, state) if state is not None else None

    def _current_moved(self) -> None:
        current = self.current()
        self.size_box.blockSignals(True)
        self.size_box.clear()
        if current is not None:
            _row, state = current
            sizes = state.suggestion.sizes
            # when the children's sizes are known, say which sizes fit them
            marked = any(c.fits for c in sizes) and not all(c.fits for c in sizes)
            for choice in sizes:
                text = choice.size or "—"
                if marked and choice.fits:
                    text += "  ✓ " + self.tr("fits")
                self.size_box.addItem(text, choice.offer_id)
            self.size_box.setCurrentIndex(state.size_index)
        self.size_box.blockSignals(False)
        self._show_quantity()
        self._update_actions()
        self.list.viewport().update()

    def _show_quantity(self) -> None:
        """The quantity box shows the current row's pick, bounded by what is free."""
        current = self.current()
        state = current[1] if current is not None else None
        self.quantity_box.blockSignals(True)
        self.quantity_box.setRange(1, state.most if state is not None else 1)
        self.quantity_box.setValue(state.quantity if state is not None else 1)
        self.quantity_box.blockSignals(False)

    def _size_picked(self, index: int) -> None:
        current = self.current()
        if current is not None:
            self.model.set_size(current[0], index)
            self._show_quantity()
            self._update_actions()

    def step_size(self, step: int) -> None:
        """←/→ in the list: the previous / next size of the current suggestion."""
        current = self.current()
        if current is None or current[1].outcome is not None:
            return
        if self.model.step_size(current[0], step):
            self.size_box.setCurrentIndex(current[1].size_index)
            self._show_quantity()
            self._update_actions()

    def _quantity_picked(self, quantity: int) -> None:
        current = self.current()
        if current is not None and current[1].outcome is None:
            self.model.set_quantity(current[0], quantity)

    def step_quantity(self, step: int) -> None:
        """+/− in the list: one more / one fewer of the current suggestion."""
        current = self.current()
        if self.busy or current is None or current[1].outcome is not None:
            return
        if self.model.step_quantity(current[0], step):
            self._show_quantity()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            chord = event.modifiers() & ~(
                Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
            )
            if chord == Qt.KeyboardModifier.NoModifier:
                if event.key() in _MORE_KEYS:
                    self.step_quantity(1)
                    return True
                if event.key() in _LESS_KEYS:
                    self.step_quantity(-1)
                    return True
        return super().eventFilter(watched, event)

    def _why_not_add(self, state: RowState | None) -> str | None:
        """Why Add is off for this row now (None: it is on)."""
        if state is None:
            return self.tr("Choose a suggestion first.")
        if self.target is None or self.target.order_id is None:
            return self.tr("No order open: create one (Ctrl+Shift+N) to add it.")
        if state.outcome == ADDED:
            return self.tr("Already added to the order.")
        if not self.editable:
            return self.tr("This order can no longer change.")
        if self.card_dirty:
            return self.tr("Save your changes to the order first (Ctrl+S).")
        if state.free_at_store <= 0 and state.free_online <= 0:
            return self.tr("This size is out of stock.")
        return None

    def _update_actions(self) -> None:
        current = self.current()
        state = current[1] if current is not None else None
        idle = not self.busy and self.loaded is not None
        why = self._why_not_add(state)
        can_add = idle and why is None
        can_decline = idle and state is not None and state.outcome is None
        self.actions["cross_sell_add"].setEnabled(True)  # says why not when pressed
        self.add_button.setEnabled(can_add)
        self.decline_button.setEnabled(can_decline)
        self.size_box.setEnabled(idle and state is not None and len(state.suggestion.sizes) > 1)
        self.size_label.setEnabled(self.size_box.isEnabled())
        self.quantity_box.setEnabled(idle and state is not None and state.outcome is None)
        self.quantity_label.setEnabled(self.quantity_box.isEnabled())
        if self.busy:
            self.message.setText(self.tr("Saving…"))
        elif state is not None and why is not None and state.outcome is None:
            self.message.setText(why)
        else:
            self.message.setText(self.notice)

    # ------------------------------------------------------------------------------------------
    # add
    # ------------------------------------------------------------------------------------------
    def add_current(self) -> None:
        """Enter: put the current suggestion, in the size picked, into the order."""
        current = self.current()
        if self.busy or self.loaded is None or current is None:
            return
        row, state = current
        why = self._why_not_add(state)
        if why is not None:
            self.sig_status_message.emit(why)
            self.message.setText(why)
            return
        target, version = self.target, self.version
        assert target is not None and target.order_id is not None and version is not None
        order_id, suggestion, offer_id = target.order_id, state.suggestion, state.offer_id
        quantity = state.quantity
        record = self._records.get(suggestion.product_id)
        actor, clock = self.actor, self.clock
        self.notice = ""
        self._set_busy(True)
        Op(
            self,
            lambda s: work.add(
                s,
                actor,
                clock,
                order_id=order_id,
                expected_version=version,
                suggestion=suggestion,
                offer_id=offer_id,
                record_id=record,
                quantity=quantity,
            ),
            runner=self.runner,
        ).success(lambda r: self._added(r, row, state)).failure(
            lambda e: self._add_failed(e, order_id)
        ).run()

    def _added(self, added: AddedCrossSell, row: int, state: RowState) -> None:
        self._set_busy(False)
        if self.target is not None and self.target.order_id == added.order_id:
            self.version = added.order_version
            self._records[state.suggestion.product_id] = added.offer_record_id
            if self.model.row_state(row) is state:
                self.model.mark(row, ADDED)
                self._move_to_next_open(row)
        size = f" ({state.size})" if state.size else ""
        times = f" × {state.quantity}" if state.quantity > 1 else ""
        self.notice = self.tr("Added %1 to the order as your cross-sell").replace(
            "%1", state.suggestion.product_name + size + times
        )
        self.message.setText(self.notice)
        self.sig_status_message.emit(self.notice)
        self.sig_order_changed.emit(added.order_id)

    def _add_failed(self, error: OpError, order_id: int) -> None:
        self._set_busy(False)
        if error.kind is ErrorKind.CONFLICT:
            text = self.tr(
                "The order changed a moment ago: the card shows it now. Check it and add again."
            )
            self.sig_order_changed.emit(order_id)  # the card reloads, we get the new version
        else:
            text = error.message
        self.notice = text
        self.message.setText(text)
        self.sig_status_message.emit(text)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update_actions()

    def _move_to_next_open(self, row: int) -> None:
        for candidate in list(range(row + 1, self.model.rowCount())) + list(range(row)):
            state = self.model.row_state(candidate)
            if state is not None and state.outcome is None:
                self.list.setCurrentIndex(self.model.index(candidate, 0))
                return

    # ------------------------------------------------------------------------------------------
    # decline
    # ------------------------------------------------------------------------------------------
    def decline_current(self) -> None:
        """Delete: the customer said no — pick the reason from a short menu."""
        current = self.current()
        if self.busy or current is None or current[1].outcome is not None:
            return
        row, state = current
        menu = QMenu(self)
        menu.setObjectName("DeclineReasons")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for number, reason in enumerate(self.decline_reasons, start=1):
            label = self.reason_label(reason)
            label = f"&{number}  {label}" if number < 10 else label
            action = menu.addAction(label)
            action.triggered.connect(lambda _c=False, r=reason: self._decline(row, state, r))
        menu.addSeparator()
        other = menu.addAction(self.tr("&Other reason…"))
        other.triggered.connect(lambda: self._ask_reason(row, state))
        rect = self.list.visualRect(self.model.index(row, 0))
        at = self.list.viewport().mapToGlobal(QPoint(rect.left() + 60, rect.bottom()))
        track_dialog(self, menu)
        menu.popup(at)
        if menu.actions():
            menu.setActiveAction(menu.actions()[0])

    def reason_label(self, reason: str) -> str:
        """A stored decline reason as the operator reads it (known codes translated)."""
        label = self.tr(reason) if reason in _REASONS else reason
        return label[:1].upper() + label[1:]

    def _ask_reason(self, row: int, state: RowState) -> None:
        box = QInputDialog(self)
        box.setObjectName("DeclineReasonBox")
        box.setWindowTitle(self.tr("Declined"))
        box.setLabelText(self.tr("Why did the customer say no?"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.textValueSelected.connect(
            lambda text: self._decline(row, state, text.strip()) if text.strip() else None
        )
        track_dialog(self, box)
        box.open()

    def _decline(self, row: int, state: RowState, reason: str) -> None:
        target = self.target
        if target is None or self.model.row_state(row) is not state:
            return
        suggestion = state.suggestion
        record = self._records.get(suggestion.product_id)
        actor, clock = self.actor, self.clock
        self.model.mark(row, DECLINED, reason)  # at once: the operator moves on meanwhile
        self._move_to_next_open(row)
        self.list.setFocus()
        Op(
            self,
            lambda s: work.decline(s, actor, clock, target, suggestion, record, reason),
            runner=self.runner,
        ).success(lambda rid: self._records.__setitem__(suggestion.product_id, rid)).failure(
            lambda e: self._decline_failed(e, row, state)
        ).run()

    def _decline_failed(self, error: OpError, row: int, state: RowState) -> None:
        if self.model.row_state(row) is state:
            self.model.mark(row, None)
        self.notice = error.message
        self.message.setText(error.message)
        self.sig_status_message.emit(error.message)

    # ------------------------------------------------------------------------------------------
    # recording what was shown
    # ------------------------------------------------------------------------------------------
    def _shown_soon(self) -> None:
        if self.loaded is not None and self.isVisible():
            self._shown_timer.start()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._shown_soon()

    def visible_rows(self) -> list[int]:
        """Rows the operator can see now (wholly or partly)."""
        if not self.list.isVisible() or self.stack.currentIndex() != LIST:
            return []
        viewport = self.list.viewport().rect()
        rows = []
        for row in range(self.model.rowCount()):
            if self.list.visualRect(self.model.index(row, 0)).intersects(viewport):
                rows.append(row)
        return rows

    def _record_visible(self) -> None:
        target = self.target
        if target is None or self.loaded is None or not self.isVisible():
            return
        fresh: list[Suggestion] = []
        for row in self.visible_rows():
            state = self.model.row_state(row)
            if state is None:
                continue
            product = state.suggestion.product_id
            if product not in self._records and product not in self._recording:
                fresh.append(state.suggestion)
                self._recording.add(product)
        if not fresh:
            return
        shown = tuple(fresh)
        actor, clock = self.actor, self.clock
        Op(
            self, lambda s: work.record_shown(s, actor, clock, target, shown), runner=self.runner
        ).success(lambda pairs: self._recorded(target, pairs)).failure(
            lambda e: self._record_failed(shown, e)
        ).run()

    def _recorded(self, target: work.Target, pairs: tuple[tuple[int, int], ...]) -> None:
        if target != self.target:
            return
        for product, record in pairs:
            self._records[product] = record
            self._recording.discard(product)

    def _record_failed(self, shown: tuple[Suggestion, ...], error: OpError) -> None:
        for s in shown:
            self._recording.discard(s.product_id)  # tried again the next time it is in view
        self.sig_status_message.emit(error.message)
