"""Puts the telephony panel into the main window and connects it to the other panels — the one
place that knows both sides (panels never import each other):

* the dock (``TelephonyDock``, under the queue dock), its View-menu entry and a Phone menu
  with the telephony shortcuts (:mod:`ui.shortcuts`);
* the operator's state selector in the status bar;
* the change feed → the panel (screen pop, call states, lists);
* screen pop → the caller's profile (and the call's order in the card when the operator holds
  none), or the new-customer form prefilled with the number;
* phone buttons: the order card's and the profile's "Call", the queue's "Call the customer"
  (context menu) and F7 → click-to-call from this operator's extension;
* the card / profile on screen → the panel's "this order / this customer" call log;
* an after-call outcome → the queue row and the card refresh; the order is let go.

``install_telephony(window)`` is called once by ``MainWindow.sign_in``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu, QWidget

from ui import shortcuts
from ui.panels.telephony import backend
from ui.panels.telephony.panel import ScreenPop, TelephonyPanel

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class TelephonyDock(QDockWidget):
    """The dock around the panel; keeps its title translated."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TelephonyDock")
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Phone"))
        self.toggleViewAction().setText(self.tr("Phone"))


class TelephonyGlue(QWidget):
    """Holds the wiring's state (the Phone menu's actions); invisible."""

    def __init__(self, window: MainWindow, panel: TelephonyPanel, dock: TelephonyDock) -> None:
        super().__init__(window)
        self.hide()
        self.window_ = window
        self.panel = panel
        self.dock = dock
        self.actions_: dict[str, QAction] = {}
        self.queue_action: QAction | None = None
        menu = window.menuBar()
        self.menu = menu.addMenu("")
        self.menu.setObjectName("PhoneMenu")
        # before Help, where a call-center user looks for it
        menu.insertMenu(window.help_menu.menuAction(), self.menu)
        for action_id in ("call_customer", "dial_number", "hang_up", "toggle_pause"):
            action = QAction(window)
            shortcuts.apply(action, action_id)
            self.menu.addAction(action)
            self.actions_[action_id] = action
        focus = QAction(window)
        shortcuts.apply(focus, "focus_telephony")
        window.view_menu.insertAction(_after(window.view_menu, window.focus_customer_action), focus)
        self.actions_["focus_telephony"] = focus
        self.actions_["call_customer"].triggered.connect(self.call_current)
        self.actions_["dial_number"].triggered.connect(self.focus_dial)
        self.actions_["hang_up"].triggered.connect(panel.hang_up)
        self.actions_["toggle_pause"].triggered.connect(panel.toggle_pause)
        focus.triggered.connect(self.focus_dial)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window_ and event.type() == QEvent.Type.Close:
            self.panel.stop()
        return False

    def retranslate(self) -> None:
        if self.queue_action is not None:
            self.queue_action.setText(self.tr("Call the customer"))
        self.menu.setTitle(self.tr("&Phone"))
        for action_id, action in self.actions_.items():
            title = shortcuts.translated(shortcuts.BY_ID[action_id].title)
            action.setText(title)
            action.setToolTip(shortcuts.tooltip(action_id))

    # -- actions ---------------------------------------------------------------------------------
    def focus_dial(self) -> None:
        self.dock.show()
        self.dock.raise_()
        self.panel.focus_dial()

    def call_current(self) -> None:
        """F7: the customer of the order in the card, else of the profile on screen."""
        window = self.window_
        card = window.card.card if window.card is not None else None
        if card is not None:
            customer = card.customer
            number = (customer.phones[0] if customer and customer.phones else None) or (
                card.contact_phone
            )
            if number:
                self.panel.dial(
                    number, order_id=card.id, customer_id=customer.id if customer else None
                )
                return
        profile = window.profile.profile if window.profile is not None else None
        if profile is not None and profile.phones:
            primary = next((p for p in profile.phones if p.is_primary), profile.phones[0])
            self.panel.dial(primary.e164, customer_id=profile.id)
            return
        self.panel.call_current()

    def call_from_card(self, number: str) -> None:
        window = self.window_
        card = window.card.card if window.card is not None else None
        self.panel.dial(
            number,
            order_id=card.id if card is not None else None,
            customer_id=card.customer.id if card is not None and card.customer else None,
        )

    def call_from_profile(self, number: str) -> None:
        window = self.window_
        customer_id = window.profile.customer_id if window.profile is not None else None
        self.panel.dial(number, customer_id=customer_id)

    def call_from_queue(self) -> None:
        queue = self.window_.queue
        if queue is None:
            return
        index = queue.table.currentIndex()
        if not index.isValid():
            return
        row = queue.model.row_at(index.row())
        if not row.phone:
            self.panel.sig_status_message.emit(
                self.tr("Order %1 has no phone.").replace("%1", row.number)
            )
            return
        self.panel.dial(row.phone, order_id=row.id, customer_id=row.customer_id)

    def screen_pop(self, pop: ScreenPop) -> None:
        """A call rings at this operator: the caller on screen before the answer."""
        window = self.window_
        if pop.customer_id is not None:
            window.show_customer(pop.customer_id)
            keeper = window.keeper
            free = keeper is None or keeper.order_id is None
            card = window.card
            if pop.order_id is not None and free and card is not None and not card.dirty:
                window.open_order(pop.order_id)
            return
        self.new_customer(pop.number)

    def new_customer(self, number: str) -> None:
        """The new-customer form with the caller's number (unless a dialog is open already)."""
        window = self.window_
        if window.dialog is not None:
            window.statusBar().showMessage(
                self.tr("Unknown caller: finish the open dialog, then use “New customer…”."),
                10_000,
            )
            return
        window.new_customer()
        dialog: Any = window.dialog
        if dialog is not None and getattr(dialog, "phone_edits", None):
            dialog.phone_edits[0].setText(number)
            dialog.last_name.setFocus()

    def order_finished(self, order_id: int) -> None:
        window = self.window_
        keeper = window.keeper
        if keeper is not None and keeper.order_id == order_id:
            keeper.release()
        window.user_label.set_order(None)

    def order_changed(self, order_id: int) -> None:
        window = self.window_
        if window.queue is not None:
            window.queue.refresh_orders({order_id})
        if window.card is not None and window.card.order_id == order_id:
            window.card.refresh()


def _after(menu: QMenu, action: QAction) -> QAction | None:
    """The action following ``action`` in ``menu`` (None: it is the last)."""
    actions = menu.actions()
    if action not in actions:
        return None
    i = actions.index(action)
    return actions[i + 1] if i + 1 < len(actions) else None


def install_telephony(window: MainWindow) -> TelephonyPanel:
    """Build the telephony dock for the signed-in ``window`` and wire it (once)."""
    assert window.user is not None and window.feed is not None
    assert window.queue is not None and window.card is not None and window.profile is not None
    panel = TelephonyPanel(
        window.runner,
        window.user,
        window.config,
        clock=window.clock,
        timezone=window.config.timezone,
        demo=backend.demo() is not None,
    )
    dock = TelephonyDock(window)
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    # Under the queue, not the customer: during a call the operator reads the caller's profile
    # (right, full height) and the call box (left) while the queue waits; and at 1366 px a
    # third column of docks would leave the order card too narrow to show its items.
    window.splitDockWidget(window.queue_dock, dock, Qt.Orientation.Vertical)
    window.resizeDocks(
        [window.queue_dock, dock],
        [window.height() * 11 // 20, window.height() * 9 // 20],
        Qt.Orientation.Vertical,
    )
    window.view_menu.insertAction(
        _after(window.view_menu, window.customer_dock.toggleViewAction()), dock.toggleViewAction()
    )
    # View → Reset the layout brings the phone dock back too (after the window's own reset)
    window.reset_layout_action.triggered.connect(lambda: (dock.setFloating(False), dock.show()))
    glue = TelephonyGlue(window, panel, dock)
    window.telephony_glue = glue  # type: ignore[attr-defined]

    status = window.statusBar()
    status.insertPermanentWidget(2, panel.state_button)

    card, profile, queue = window.card, window.profile, window.queue
    window.feed.sig_changes.connect(panel.apply_changes)
    panel.sig_customer_requested.connect(window.show_customer)
    panel.sig_order_requested.connect(window.open_order)
    panel.sig_screen_pop.connect(glue.screen_pop)
    panel.sig_new_customer_requested.connect(glue.new_customer)
    panel.sig_order_changed.connect(glue.order_changed)
    panel.sig_order_finished.connect(glue.order_finished)
    panel.sig_status_message.connect(lambda text: status.showMessage(text, 10_000))

    calling = panel.provider is not None
    profile.set_calling_enabled(calling)
    profile.sig_call_requested.connect(glue.call_from_profile)
    profile.sig_customer_loaded.connect(lambda cid: panel.set_context(customer_id=cid))
    if hasattr(card, "sig_call_requested"):
        card.set_calling_enabled(calling)
        card.sig_call_requested.connect(glue.call_from_card)
    card.sig_order_loaded.connect(lambda oid: panel.set_context(order_id=oid))

    # the queue: "Call the customer" on a row's context menu
    call = QAction(queue.table)
    call.setObjectName("action_queue_call")
    queue.table.addAction(call)
    queue.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    call.triggered.connect(glue.call_from_queue)
    glue.queue_action = call
    glue.retranslate()
    window.installEventFilter(glue)  # the window's Close stops the panel's loads
    QTimer.singleShot(0, panel.start)
    return panel
