"""Okno's one window: the queue (left dock), the order card (centre), the customer (right dock),
menus, the status bar and the offline banner — and the only place where panels are wired.

Panels never import each other; they expose ``sig_*`` signals and slots, and this module
connects them:

* queue row chosen → card shows the order; card loaded an order → profile shows its customer;
  card ``sig_customer_requested`` → profile; profile / search / reminders ``sig_order_requested``
  → card; dialogs' ``sig_*_created`` → card or profile;
* the change feed (:mod:`ui.change_feed`) → queue rows, card and profile reload what changed;
* F2 "take next" (:func:`app.queue.take_next`) → card + profile; while the card shows an
  order this operator holds, :class:`ui.lease.LeaseKeeper` heartbeats it and releases it when
  the operator moves on;
* :class:`ui.connection.ConnectionMonitor` → banner and status bar; it probes until the
  database is back.

The window is built before log-in (start-up overlaps it with the database check); the panels,
which need the user, are built by :meth:`MainWindow.sign_in`. Dock layout, geometry and the
queue's columns persist (``saveState`` with :data:`WINDOW_STATE_VERSION`)."""

from __future__ import annotations

import gc
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QWidget,
)
from sqlalchemy.engine import make_url

from app.auth import LoggedInUser
from app.clock import SYSTEM_CLOCK, Clock
from app.config import Config
from app.order_list import WORK_STATUSES
from app.queue import ClaimedOrder
from ui import i18n, shortcuts
from ui.connection import ConnectionMonitor, ConnectionState
from ui.formatting import RowFormatter
from ui.models.order_table import make_formatter
from ui.ops import Op, OpError, OpRunner
from ui.settings import KEY_GEOMETRY, KEY_LANGUAGE, KEY_STATE, read_bytes, ui_settings
from ui.status_bar import ConnectionChip, OfflineBanner, RowsLabel, UserLabel
from ui.widgets.dialog_slot import track_dialog

if TYPE_CHECKING:  # imported at run time by sign_in(), after log-in
    from ui.change_feed import ChangeFeed
    from ui.dialogs.global_search import GlobalSearchDialog
    from ui.lease import LeaseKeeper
    from ui.panels.cross_sell.panel import CrossSellPanel
    from ui.panels.customer_profile import CustomerProfilePanel
    from ui.panels.manager.window import ManagerWindow
    from ui.panels.order_card import OrderCardPanel
    from ui.panels.order_list import QueuePanel
    from ui.widgets.notifications import NotificationsButton

# version of the saveState() layout; bump when docks change so an old layout is not applied
# (2: the queue and customer docks around the order card; 3: the phone dock under the queue
# and the cross-sell dock under the card)
WINDOW_STATE_VERSION = 3
KEY_ORDER_HEADER = "queue/header"
KEY_QUEUE_VIEW = "queue/view"

# Where each dock lives. The messenger panel arrives with a later issue: its name and area are
# reserved here so layouts saved now stay valid. No widget exists for it until the panel does
# (an empty "coming soon" dock would only be in the way).
DOCK_AREAS: dict[str, Qt.DockWidgetArea] = {
    "QueueDock": Qt.DockWidgetArea.LeftDockWidgetArea,
    "CustomerDock": Qt.DockWidgetArea.RightDockWidgetArea,
    "TelephonyDock": Qt.DockWidgetArea.LeftDockWidgetArea,  # ui/panels/telephony/glue.py
    "MessengerDock": Qt.DockWidgetArea.RightDockWidgetArea,  # reserved (issue: messengers)
    "CrossSellDock": Qt.DockWidgetArea.BottomDockWidgetArea,  # ui/panels/cross_sell
}
# A first start's widths: the card gets 45 % (at least what its one-column layout needs), the
# customer dock 25 % (at least its own minimum), the queue and phone column the rest.
CARD_SHARE = 0.45
CARD_MIN_WIDTH = 520
CUSTOMER_SHARE = 0.25
QUEUE_MIN_WIDTH = 330
# the cross-sell dock under the card: a share of the height (three suggestions at 768 px)
CROSS_SELL_SHARE = 0.30
# who sees Reports → Upsell by operator
REPORT_ROLES = frozenset({"manager", "supervisor", "admin"})


def describe_database(url: str) -> str:
    """Where the data lives, for the status bar: never a password."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = parsed.database or ":memory:"
        home = str(Path.home())
        if path.startswith(home + os.sep):  # shorter, and the user name is nobody's business
            path = "~" + path[len(home) :]
        return f"SQLite: {path}"
    host = parsed.host or "localhost"
    port = f":{parsed.port}" if parsed.port else ""
    user = f"{parsed.username}@" if parsed.username else ""
    return f"PostgreSQL: {user}{host}{port}/{parsed.database or ''}"


def _focus_first(panel: QWidget) -> bool:
    """Give the keyboard to the first widget of ``panel`` that takes it (False: none)."""
    for child in panel.findChildren(QWidget):
        policy = child.focusPolicy()
        if (
            policy & Qt.FocusPolicy.TabFocus
            and child.isVisible()
            and child.isEnabled()
            and child.focusProxy() is None
        ):
            child.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return True
    return False


class MainWindow(QMainWindow):
    """The console window; see the module docstring."""

    def __init__(
        self,
        config: Config,
        runner: OpRunner,
        parent: QWidget | None = None,
        *,
        clock: Clock = SYSTEM_CLOCK,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.config = config
        self.runner = runner
        self.clock = clock
        self.user: LoggedInUser | None = None
        self.queue: QueuePanel | None = None
        self.card: OrderCardPanel | None = None
        self.profile: CustomerProfilePanel | None = None
        self.search: GlobalSearchDialog | None = None
        self.dialog: QWidget | None = None  # the creation dialog open now (tests drive it)
        self.shortcuts_dialog: QWidget | None = None
        self.feed: ChangeFeed | None = None
        self.keeper: LeaseKeeper | None = None
        self._refresh_released: int | None = None  # Ctrl+Shift+R: refresh the card once released
        self.notifications: NotificationsButton | None = None
        self.cross_sell: CrossSellPanel | None = None  # its dock is built by sign_in
        self.cross_sell_dock: QDockWidget | None = None
        self.manager_window: ManagerWindow | None = None  # built on first use
        self._taking = False
        self._queue_failed = False
        self._default_state = b""
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks
            | QMainWindow.DockOption.AllowTabbedDocks
            | QMainWindow.DockOption.AllowNestedDocks
        )
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)

        self.placeholder = QLabel(self)
        self.placeholder.setObjectName("WindowPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(self.placeholder)
        self.queue_dock = self._dock("QueueDock")
        self.customer_dock = self._dock("CustomerDock")

        self.banner = OfflineBanner(self)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.banner)
        self.monitor = ConnectionMonitor(runner, self)
        self.monitor.sig_state_changed.connect(self._connection_state)
        self.monitor.sig_reconnected.connect(self._reconnected)
        self.banner.sig_retry_requested.connect(self.monitor.probe_now)

        status = self.statusBar()
        status.setObjectName("StatusBar")
        status.setSizeGripEnabled(False)
        self.database_label = QLabel(describe_database(config.database_url), self)
        self.database_label.setObjectName("DatabaseLabel")
        self.rows_label = RowsLabel(self)
        self.user_label = UserLabel(self)
        self.connection_label = ConnectionChip(self)
        status.addWidget(self.database_label, 1)
        status.addPermanentWidget(self.rows_label)
        status.addPermanentWidget(self.user_label)
        status.addPermanentWidget(self.connection_label)
        runner.sig_connection_changed.connect(self._runner_connection)

        self._build_menus()
        self.resize(1366, 768)
        self._restore()
        self.retranslate()

    # ------------------------------------------------------------------------------------------
    # building
    # ------------------------------------------------------------------------------------------
    def _dock(self, name: str) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(name)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(DOCK_AREAS[name], dock)
        return dock

    def _action(self, menu: QMenu, action_id: str | None = None) -> QAction:
        action = QAction(self)
        if action_id is not None:
            shortcuts.apply(action, action_id)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.settings_action = self._action(self.file_menu)
        self.settings_action.setObjectName("action_settings")
        self.settings_action.setVisible(False)  # supervisors and admins (sign_in)
        self.settings_action.triggered.connect(self.open_settings)
        self.file_menu.addSeparator()
        self.quit_action = self._action(self.file_menu)
        self.quit_action.setShortcut("Ctrl+Q")
        self.quit_action.triggered.connect(self.close)

        self.view_menu = bar.addMenu("")
        for dock in (self.queue_dock, self.customer_dock):
            self.view_menu.addAction(dock.toggleViewAction())
        self.view_menu.addSeparator()
        self.refresh_action = self._action(self.view_menu, "refresh")
        self.refresh_action.triggered.connect(self.refresh_all)
        self.focus_queue_action = self._action(self.view_menu, "focus_queue")
        self.focus_queue_action.triggered.connect(self.focus_queue)
        self.focus_card_action = self._action(self.view_menu, "focus_card")
        self.focus_card_action.triggered.connect(self.focus_card)
        self.focus_customer_action = self._action(self.view_menu, "focus_customer")
        self.focus_customer_action.triggered.connect(self.focus_customer)
        self.focus_cross_sell_action = self._action(self.view_menu, "focus_cross_sell")
        self.focus_cross_sell_action.triggered.connect(self.focus_cross_sell)
        self.view_menu.addSeparator()
        self.reset_layout_action = self._action(self.view_menu)
        self.reset_layout_action.triggered.connect(self.reset_layout)
        self.language_menu = self.view_menu.addMenu("")
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        # each language is named in itself, so it can be found whatever is shown now
        for code, name in (("", ""), ("ru", "Русский"), ("en", "English")):
            action = QAction(name, self, checkable=True)
            action.setData(code)
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        chosen = ui_settings().value(KEY_LANGUAGE, "")
        self.language_actions[chosen if chosen in ("ru", "en") else ""].setChecked(True)

        self.orders_menu = bar.addMenu("")
        self.take_next_action = self._action(self.orders_menu, "take_next")
        self.take_next_action.triggered.connect(self.take_next)
        self.orders_menu.addSeparator()
        self.outcome_separator = self.orders_menu.addSeparator()
        self.release_action = self._action(self.orders_menu, "release_order")
        self.release_action.triggered.connect(self.release_order)
        self.orders_menu.addSeparator()
        self.new_order_action = self._action(self.orders_menu, "new_order")
        self.new_order_action.triggered.connect(lambda: self.new_order())
        self.one_click_action = self._action(self.orders_menu, "one_click_order")
        self.one_click_action.triggered.connect(self.one_click_order)

        self.customers_menu = bar.addMenu("")
        self.search_action = self._action(self.customers_menu, "global_search")
        self.search_action.triggered.connect(self.open_search)
        self.new_customer_action = self._action(self.customers_menu, "new_customer")
        self.new_customer_action.triggered.connect(self.new_customer)
        self.merge_action = self._action(self.customers_menu)
        self.merge_action.setObjectName("action_merge")
        self.merge_action.setVisible(False)  # supervisors and admins (sign_in)
        self.merge_action.triggered.connect(self.merge_customers)

        self.reports_menu = bar.addMenu("")
        self.reports_menu.menuAction().setVisible(False)  # managers, supervisors (sign_in)
        self.upsell_action = self._action(self.reports_menu, "upsell_report")
        self.upsell_action.triggered.connect(self.open_upsell_report)

        self.help_menu = bar.addMenu("")
        self.shortcuts_action = self._action(self.help_menu, "shortcuts_help")
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.about_action = self._action(self.help_menu)
        self.about_action.triggered.connect(self.show_about)
        self._user_actions = (
            self.refresh_action,
            self.focus_queue_action,
            self.focus_card_action,
            self.focus_customer_action,
            self.focus_cross_sell_action,
            self.take_next_action,
            self.release_action,
            self.new_order_action,
            self.one_click_action,
            self.search_action,
            self.new_customer_action,
        )
        for action in self._user_actions:
            action.setEnabled(False)  # until someone has logged in

    # ------------------------------------------------------------------------------------------
    # log-in: the panels
    # ------------------------------------------------------------------------------------------
    def sign_in(self, user: LoggedInUser) -> None:
        """Build the panels for ``user`` and wire them (once, after log-in)."""
        if self.user is not None:
            raise RuntimeError("the console window is already signed in")
        # Imported here: the window shell is built during start-up, the panels after log-in.
        from app.actors import Actor
        from ui.change_feed import ChangeFeed
        from ui.lease import LeaseKeeper
        from ui.panels.customer_profile import CustomerProfilePanel
        from ui.panels.order_card import OrderCardPanel
        from ui.panels.order_list import QueuePanel
        from ui.widgets.notifications import NotificationsButton

        self.user = user
        self.actor = Actor(user.id, user.role, user.name)
        timezone = self.config.timezone
        self.queue = QueuePanel(
            self.runner, self._formatter(), user, clock=self.clock, timezone=timezone
        )
        self.card = OrderCardPanel(self.runner, user, clock=self.clock, timezone=timezone)
        self.profile = CustomerProfilePanel(
            self.runner, self.actor, timezone=timezone, clock=self.clock
        )
        self.queue_dock.setWidget(self.queue)
        self.customer_dock.setWidget(self.profile)
        self.setCentralWidget(self.card)
        self.placeholder = None  # type: ignore[assignment]  # deleted by setCentralWidget
        self.keeper = LeaseKeeper(self.runner, user.id, self.clock, parent=self)
        self.notifications = NotificationsButton(
            self.runner, user.id, self.clock, timezone=timezone, parent=self
        )
        self.statusBar().insertPermanentWidget(1, self.notifications)
        self.feed = ChangeFeed(self.runner.database_url or "", self)
        self._build_cross_sell(user)

        # the outcome actions of the card, in the Orders menu too (same QActions, same keys)
        for action_id in ("confirm", "no_answer", "call_back", "cancel_order", "set_status"):
            self.orders_menu.insertAction(self.outcome_separator, self.card.actions[action_id])
        for action in self._user_actions:
            action.setEnabled(True)
        self.settings_action.setVisible(user.sees_everyone)
        self.merge_action.setVisible(user.sees_everyone)
        self.reports_menu.menuAction().setVisible(user.role in REPORT_ROLES)
        self.user_label.set_user(user.name, user.role)

        queue, card, profile = self.queue, self.card, self.profile
        queue.sig_order_selected.connect(self.open_order)
        queue.sig_rows_loaded.connect(self._rows_loaded)
        queue.sig_count_estimated.connect(self.rows_label.set_count)
        queue.sig_load_failed.connect(self._queue_load_failed)
        card.sig_order_loaded.connect(self._order_loaded)
        card.sig_order_changed.connect(lambda order_id: queue.refresh_orders({order_id}))
        card.sig_order_finished.connect(self._order_finished)
        card.sig_customer_requested.connect(self.show_customer)
        card.sig_status_message.connect(self._message)
        profile.sig_order_requested.connect(self.open_order)
        profile.sig_new_order_requested.connect(self.new_order)
        profile.sig_load_failed.connect(self._message)
        self.keeper.sig_lost.connect(self._lease_lost)
        self.keeper.sig_released.connect(self._released)
        self.notifications.sig_order_requested.connect(self.open_order)
        self.feed.sig_changes.connect(self.apply_changes)
        self.feed.sig_connection_changed.connect(self.monitor.listener_changed)
        # the telephony dock, its menu, status-bar state and phone buttons (one glue module)
        from ui.panels.telephony.glue import install_telephony

        self.telephony = install_telephony(self)

        view = ui_settings().value(KEY_QUEUE_VIEW, "")
        from app.order_list import QueueView

        if view in {v.value for v in QueueView}:
            queue.set_view(QueueView(view))
        header = read_bytes(ui_settings(), KEY_ORDER_HEADER)
        if header is not None:
            queue.restore_header_state(header)
        self._restore_state()
        self.retranslate()

    def _build_cross_sell(self, user: LoggedInUser) -> None:
        """The cross-sell panel in its dock under the card, wired to the card and profile."""
        from ui.panels.cross_sell.panel import CrossSellPanel

        assert self.card is not None and self.profile is not None
        panel = CrossSellPanel(
            self.runner, user, clock=self.clock, timezone=self.config.timezone, parent=self
        )
        self.cross_sell = panel
        dock = self._dock("CrossSellDock")
        dock.setWidget(panel)
        self.cross_sell_dock = dock
        self.view_menu.insertAction(self.focus_cross_sell_action, dock.toggleViewAction())
        card = self.card
        card.sig_order_loaded.connect(self._cross_sell_order)
        card.sig_dirty_changed.connect(panel.set_card_dirty)
        self.profile.sig_customer_loaded.connect(self._cross_sell_customer)
        panel.sig_order_changed.connect(self._cross_sell_added)
        panel.sig_item_capsules.connect(card.set_item_capsules)
        panel.sig_status_message.connect(self._message)

    def _cross_sell_order(self, order_id: int) -> None:
        card = self.card.card if self.card is not None else None
        if self.cross_sell is None or card is None or card.id != order_id:
            return
        edits = self.card.edits if self.card is not None else None
        editable = edits is not None and edits.content_editable
        self.cross_sell.show_order(order_id, card.version, editable)
        self.cross_sell.set_card_dirty(self.card is not None and self.card.dirty)

    def _cross_sell_customer(self, customer_id: int) -> None:
        # without an open order the suggestions are for the customer on screen
        if self.cross_sell is not None and self.card is not None and self.card.order_id is None:
            self.cross_sell.show_customer(customer_id)

    def _cross_sell_added(self, order_id: int) -> None:
        if self.card is not None and self.card.order_id == order_id:
            self.card.refresh()
        if self.queue is not None:
            self.queue.refresh_orders({order_id})

    def focus_cross_sell(self) -> None:
        """Ctrl+4: the keyboard into the cross-sell suggestions."""
        if self.cross_sell is None or self.cross_sell_dock is None:
            return
        self.cross_sell_dock.show()
        self.cross_sell_dock.raise_()
        if not self.cross_sell.focus_list():
            self._message(self.tr("No suggestions to offer now."))

    def open_upsell_report(self) -> None:
        """Reports → Upsell by operator (Ctrl+Shift+U; managers and supervisors)."""
        if self.user is None or self.user.role not in REPORT_ROLES:
            return
        if self.manager_window is None:
            from ui.panels.manager.window import ManagerWindow

            self.manager_window = ManagerWindow(
                self.runner, clock=self.clock, timezone=self.config.timezone, parent=self
            )
            self.manager_window.sig_order_requested.connect(self._report_order)
            self.manager_window.reload()
        self.manager_window.show()
        self.manager_window.raise_()
        self.manager_window.activateWindow()

    def _report_order(self, order_id: int) -> None:
        self.open_order(order_id)
        self.raise_()
        self.activateWindow()

    def start(self) -> None:
        """Load the queue, start listening for changes (call once signed in and the
        database is ready)."""
        assert self.queue is not None and self.feed is not None
        assert self.notifications is not None
        # Everything made so far (SQLAlchemy, the models, the panels) lives as long as the
        # window: take it out of the cyclic collector's full sweeps, which otherwise walk it all
        # and stall the UI thread (a 140 ms collection measured while the queue loaded; T13).
        gc.freeze()
        self.feed.start()
        self.queue.start()
        self.notifications.start()
        self.queue.setFocus()

    def show_first_time(self) -> None:
        """Show with the saved geometry, or on the whole screen on the first start (a console
        is the operator's whole working day), docks at their default widths."""
        if read_bytes(ui_settings(), KEY_GEOMETRY) is None:
            # the whole screen even where no window manager maximizes (kiosk, Xvfb)
            self.setGeometry(self.screen().availableGeometry())
            self.showMaximized()
            self.default_dock_widths()
            # and again once the window has its maximized size: docks sized while it was still
            # at its first size keep their minimum widths (the customer dock at 1366 px)
            QTimer.singleShot(0, self, self.default_dock_widths)
        else:
            self.show()
        # the keyboard goes to the window now, also where no window manager hands it over
        # after the log-in dialog closes (kiosks, Xvfb): F2 must work at once
        self.raise_()
        self.activateWindow()

    def default_dock_widths(self) -> None:
        """The queue and customer docks at their default share of the width."""
        width = max(self.width(), 800)
        customer = max(int(width * CUSTOMER_SHARE), self.customer_dock.minimumSizeHint().width())
        card = max(int(width * CARD_SHARE), CARD_MIN_WIDTH)
        # the left column also holds the phone dock: as wide as the wider of the two needs
        left_min = max(
            [QUEUE_MIN_WIDTH]
            + [
                dock.minimumSizeHint().width()
                # direct children only: a recursive search walks every widget (15 ms, T13)
                for dock in self.findChildren(
                    QDockWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
                )
                if self.dockWidgetArea(dock) == Qt.DockWidgetArea.LeftDockWidgetArea
            ]
        )
        queue = max(width - customer - card - 8, left_min)
        self.resizeDocks(
            [self.queue_dock, self.customer_dock], [queue, customer], Qt.Orientation.Horizontal
        )
        if self.cross_sell_dock is not None:
            height = max(int(self.height() * CROSS_SELL_SHARE), 200)
            self.resizeDocks([self.cross_sell_dock], [height], Qt.Orientation.Vertical)

    def _formatter(self) -> RowFormatter:
        return make_formatter(i18n.current_language(), self.config.timezone)

    # ------------------------------------------------------------------------------------------
    # the workflow
    # ------------------------------------------------------------------------------------------
    def take_next(self) -> None:
        """F2: claim the most urgent order (:func:`app.queue.take_next`) and open it."""
        if self.user is None or self._taking:
            return
        from app.queue import take_next

        url, user_id, clock = self.runner.database_url or "", self.user.id, self.clock
        self._taking = True
        self.take_next_action.setEnabled(False)
        self._message(self.tr("Taking the next order…"))
        # the op takes a session only so the runner tracks the connection; take_next commits
        # its claim in its own short transaction
        Op(self, lambda _s: take_next(url, operator_id=user_id, clock=clock), key="take").success(
            self._taken
        ).failure(self._take_failed).run()

    def _taken(self, claimed: ClaimedOrder | None) -> None:
        self._taking = False
        self.take_next_action.setEnabled(True)
        if claimed is None:
            self._message(self.tr("The queue is empty: no order is waiting for a call."))
            return
        assert self.keeper is not None and self.profile is not None
        if claimed.resumed:
            self._message(
                self.tr(
                    "Order %1 is still yours: finish it, or release it (Ctrl+Shift+R)."
                ).replace("%1", claimed.number)
            )
        else:
            self._message(self.tr("Order %1 is yours now.").replace("%1", claimed.number))
        self.open_order(claimed.order_id)
        self.keeper.hold(claimed.order_id)
        self.user_label.set_order(claimed.number)
        if claimed.customer_id is not None:
            self.show_customer(claimed.customer_id, raise_dock=False)
        assert self.queue is not None
        self.queue.refresh_orders({claimed.order_id})

    def _take_failed(self, error: OpError) -> None:
        self._taking = False
        self.take_next_action.setEnabled(True)
        self._message(error.message)

    def open_order(self, order_id: int) -> None:
        """Show ``order_id`` in the card (an order held before is released)."""
        if self.card is None or self.keeper is None or self.queue is None:
            return
        if self.keeper.order_id is not None and self.keeper.order_id != order_id:
            self.keeper.release()
            self.user_label.set_order(None)
        self.card.show_order(order_id)
        self.queue.select_order(order_id)

    def show_customer(self, customer_id: int, raise_dock: bool = True) -> None:
        """Show ``customer_id`` in the profile dock."""
        if self.profile is None:
            return
        if self.profile.customer_id != customer_id:
            self.profile.show_customer(customer_id)
        if raise_dock:
            self.customer_dock.show()
            self.customer_dock.raise_()

    def release_order(self) -> None:
        """Ctrl+Shift+R: give the held order back to the queue."""
        if self.keeper is None or self.keeper.order_id is None:
            self._message(self.tr("You hold no order."))
            return
        self._refresh_released = self.keeper.order_id
        self.keeper.release()
        self.user_label.set_order(None)
        self._message(self.tr("The order is back in the queue."))

    def _released(self, order_id: int) -> None:
        # Only after Ctrl+Shift+R is the released order still on screen: its header must stop
        # saying "yours". Other releases (confirm, opening another order) load a card anyway.
        if self._refresh_released != order_id:
            return
        self._refresh_released = None
        if self.card is not None and self.card.order_id == order_id and self.isVisible():
            self.card.refresh()

    def _order_loaded(self, order_id: int) -> None:
        card = self.card.card if self.card is not None else None
        if card is None or card.id != order_id or self.user is None or self.keeper is None:
            return
        assert self.queue is not None
        self.queue.select_order(order_id)
        if card.customer is not None:
            self.show_customer(card.customer.id, raise_dock=False)
        if card.lease_holder_id == self.user.id and card.status in WORK_STATUSES:
            self.keeper.hold(order_id)
            self.user_label.set_order(card.number)
        elif self.keeper.order_id == order_id:
            self.keeper.forget()
            self.user_label.set_order(None)

    def _order_finished(self, order_id: int) -> None:
        assert self.keeper is not None
        if self.keeper.order_id == order_id:
            self.keeper.release()
        self.user_label.set_order(None)
        QTimer.singleShot(0, self._say_next)

    def _say_next(self) -> None:
        # after the card's own "Order N confirmed" message, the way on
        current = self.statusBar().currentMessage()
        hint = self.tr("Press F2 for the next order.")
        self._message(f"{current}  ·  {hint}" if current else hint)

    def _lease_lost(self, order_id: int, reason: str) -> None:
        self.user_label.set_order(None)
        self._message(
            self.tr("You no longer hold this order: %1").replace("%1", reason), timeout=30_000
        )
        if self.card is not None and self.card.order_id == order_id:
            self.card.refresh()

    # ------------------------------------------------------------------------------------------
    # dialogs
    # ------------------------------------------------------------------------------------------
    def open_search(self) -> None:
        """Ctrl+K: the search box (built on first use: not on the way to the first page)."""
        if self.user is None:
            return
        if self.search is None:
            from ui.dialogs.global_search import GlobalSearchDialog

            self.search = GlobalSearchDialog(
                self.runner, timezone=self.config.timezone, parent=self
            )
            self.search.sig_order_requested.connect(self.open_order)
            self.search.sig_customer_requested.connect(self.show_customer)
        self.search.open_search()

    def _open_dialog(self, dialog: QWidget) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        track_dialog(self, dialog)
        dialog.open()  # type: ignore[attr-defined]  # window-modal, no nested event loop

    def new_order(self, customer_id: int | None = None) -> None:
        """Ctrl+Shift+N (for the customer shown in the profile, if any)."""
        if self.user is None or self.profile is None:
            return
        from ui.dialogs.new_order import NewOrderDialog

        if customer_id is None:
            customer_id = self.profile.customer_id
        dialog = NewOrderDialog(
            self.runner, self.actor, customer_id=customer_id, clock=self.clock, parent=self
        )
        dialog.sig_order_created.connect(self.open_order)
        self._open_dialog(dialog)

    def one_click_order(self) -> None:
        """Ctrl+Shift+O."""
        if self.user is None:
            return
        from ui.dialogs.one_click import OneClickOrderDialog

        dialog = OneClickOrderDialog(self.runner, self.actor, clock=self.clock, parent=self)
        dialog.sig_order_created.connect(self.open_order)
        self._open_dialog(dialog)

    def new_customer(self) -> None:
        """Ctrl+Shift+C."""
        if self.user is None:
            return
        from ui.dialogs.new_customer import NewCustomerDialog

        dialog = NewCustomerDialog(self.runner, self.actor, clock=self.clock, parent=self)
        dialog.sig_customer_created.connect(self.show_customer)
        dialog.sig_customer_requested.connect(self.show_customer)
        self._open_dialog(dialog)

    def merge_customers(self) -> None:
        """Customers → Merge a duplicate into the customer on screen (supervisors, admins)."""
        if self.profile is None:
            return
        if self.profile.profile is None:
            self._message(self.tr("Open the customer to keep first (search: Ctrl+K)."))
            return
        self.show_customer(self.profile.profile.id)
        self.profile.open_merge_dialog()

    def open_settings(self) -> None:
        """File → Settings (supervisors and admins): the business settings."""
        if self.user is None or not self.user.sees_everyone:
            return
        from ui.dialogs.business_settings import BusinessSettingsDialog

        self._open_dialog(BusinessSettingsDialog(self.runner, self.actor, parent=self))

    def show_shortcuts(self) -> None:
        """F1: the shortcut sheet (one, non-modal)."""
        from ui.dialogs.shortcuts_help import ShortcutsDialog

        if self.shortcuts_dialog is None:
            self.shortcuts_dialog = ShortcutsDialog(self)
        self.shortcuts_dialog.show()
        self.shortcuts_dialog.raise_()
        self.shortcuts_dialog.activateWindow()

    def show_about(self) -> None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("okno")
        except PackageNotFoundError:
            number = "dev"
        QMessageBox.about(
            self,
            self.tr("About Okno"),
            self.tr(
                "<b>Okno</b> %1<br>One window for the call center: the order queue, the order "
                "card and the customer, over one shared database."
            ).replace("%1", number),
        )

    # ------------------------------------------------------------------------------------------
    # focus and refresh
    # ------------------------------------------------------------------------------------------
    def focus_queue(self) -> None:
        if self.queue is not None:
            self.queue_dock.show()
            self.queue_dock.raise_()
            self.queue.setFocus()

    def focus_card(self) -> None:
        """Ctrl+2: the keyboard into the order card."""
        if self.card is not None and not _focus_first(self.card):
            self._message(self.tr("No order open: F2 takes the next one."))

    def focus_customer(self) -> None:
        """Ctrl+3: the keyboard into the customer dock."""
        if self.profile is None:
            return
        self.customer_dock.show()
        self.customer_dock.raise_()
        if not _focus_first(self.profile):
            self._message(self.tr("No customer open: Ctrl+K searches."))

    def refresh_all(self) -> None:
        """F5: the queue from its first page, the card and the profile again."""
        if self.queue is not None:
            self.queue.reload()
        if self.card is not None:
            self.card.refresh()
        if self.profile is not None and self.profile.customer_id is not None:
            self.profile.refresh()
        if self.notifications is not None:
            self.notifications.refresh()

    # ------------------------------------------------------------------------------------------
    # live changes and the connection
    # ------------------------------------------------------------------------------------------
    def apply_changes(self, batch: object) -> None:
        """A :class:`ui.change_feed.ChangeBatch` arrived: each panel reloads what it shows."""
        from ui.change_feed import ChangeBatch

        assert isinstance(batch, ChangeBatch)
        if self.user is None or self.queue is None or self.card is None or self.profile is None:
            return
        if batch.order_ids:
            self.queue.refresh_orders(batch.order_ids)
        shown = self.card.order_id
        if shown is not None and shown in batch.orders_changed_by_others(self.user.id):
            self.card.refresh()  # unsaved edits stay; Save then shows both versions
        customers = set(batch.customer_ids)
        customer = self.profile.customer_id
        if customer is not None and batch.order_ids:
            # an order of the customer on screen changed: their history did too
            model = self.queue.model
            for order_id in batch.order_ids:
                row = model.row_of(order_id)
                if row is not None and model.row_at(row).customer_id == customer:
                    customers.add(customer)
                    break
            card = self.card.card
            if card is not None and card.id in batch.order_ids and card.customer is not None:
                customers.add(card.customer.id)
        if customers:
            self.profile.refresh_if_showing(customers)
        if batch.tasks_touched and self.notifications is not None:
            self.notifications.refresh_soon()

    def _runner_connection(self, connected: bool, message: str) -> None:
        if connected and self.connection_label.state is None:
            self.connection_label.set_state(ConnectionState.CONNECTED.value)

    def _connection_state(self, state: str, message: str) -> None:
        self.connection_label.set_state(state, message)
        self.banner.show_state(state, message)

    def _reconnected(self) -> None:
        self._message(self.tr("The database is back."))
        if self.queue is not None and self._queue_failed:
            self._queue_failed = False
            self.queue.reload()
        if self.notifications is not None:
            self.notifications.refresh()

    def _rows_loaded(self, rows: int) -> None:
        self._queue_failed = False
        self.rows_label.set_loaded(rows)

    def _queue_load_failed(self, message: str) -> None:
        self._queue_failed = True
        self._message(message, timeout=15_000)

    def _message(self, text: str, timeout: int = 10_000) -> None:
        self.statusBar().showMessage(text, timeout)

    # ------------------------------------------------------------------------------------------
    # language
    # ------------------------------------------------------------------------------------------
    def set_language(self, language: str) -> None:
        """Switch the UI language now and remember it ("" follows the system)."""
        chosen = language or i18n.choose_language(None)
        ui_settings().setValue(KEY_LANGUAGE, language)
        i18n.install_language(chosen)  # LanguageChange reaches every widget
        self.language_actions[language].setChecked(True)
        if self.queue is not None:
            self.queue.set_formatter(self._formatter())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Okno"))
        if self.placeholder is not None:
            self.placeholder.setText(self.tr("Opening…"))
        self.queue_dock.setWindowTitle(self.tr("Queue"))
        self.customer_dock.setWindowTitle(self.tr("Customer"))
        if self.cross_sell_dock is not None:
            self.cross_sell_dock.setWindowTitle(self.tr("Cross-sell"))
        self.focus_cross_sell_action.setText(self.tr("Go to the c&ross-sell"))
        self.reports_menu.setTitle(self.tr("&Reports"))
        self.upsell_action.setText(self.tr("&Upsell by operator…"))
        self.file_menu.setTitle(self.tr("&File"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.refresh_action.setText(self.tr("&Refresh"))
        self.focus_queue_action.setText(self.tr("Go to the &queue"))
        self.focus_card_action.setText(self.tr("Go to the &order"))
        self.focus_customer_action.setText(self.tr("Go to the &customer"))
        self.reset_layout_action.setText(self.tr("Reset the &layout"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.language_actions[""].setText(self.tr("System language"))
        self.orders_menu.setTitle(self.tr("&Orders"))
        self.take_next_action.setText(self.tr("&Take next order"))
        self.release_action.setText(self.tr("&Release order to the queue"))
        self.new_order_action.setText(self.tr("&New order…"))
        self.one_click_action.setText(self.tr("&One-click order…"))
        self.customers_menu.setTitle(self.tr("&Customers"))
        self.search_action.setText(self.tr("&Search…"))
        self.new_customer_action.setText(self.tr("&New customer…"))
        self.merge_action.setText(self.tr("&Merge a duplicate…"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.shortcuts_action.setText(self.tr("&Keyboard shortcuts"))
        self.about_action.setText(self.tr("&About Okno"))
        for action_id, action in (
            ("take_next", self.take_next_action),
            ("release_order", self.release_action),
            ("new_order", self.new_order_action),
            ("one_click_order", self.one_click_action),
            ("global_search", self.search_action),
            ("new_customer", self.new_customer_action),
            ("refresh", self.refresh_action),
            ("shortcuts_help", self.shortcuts_action),
            ("upsell_report", self.upsell_action),
        ):
            action.setToolTip(shortcuts.tooltip(action_id, action.text().replace("&", "")))
        self.database_label.setToolTip(self.tr("Database this console works with"))

    # ------------------------------------------------------------------------------------------
    # persistence and closing
    # ------------------------------------------------------------------------------------------
    def _restore(self) -> None:
        """The saved geometry (the shell, before log-in). The dock layout waits for the
        panels: Qt's main window layout crashes on show when a state restored into empty docks
        meets the widgets set into them afterwards."""
        geometry = read_bytes(ui_settings(), KEY_GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)

    def _restore_state(self) -> None:
        """The saved dock layout, once the panels are in their docks (end of sign_in)."""
        self._default_state = bytes(self.saveState(WINDOW_STATE_VERSION).data())
        state = read_bytes(ui_settings(), KEY_STATE)
        if state is not None:
            self.restoreState(state, WINDOW_STATE_VERSION)
        self.banner.hide()  # a banner saved visible means nothing now

    def reset_layout(self) -> None:
        """View → Reset the layout: docks back where they start."""
        from PySide6.QtCore import QByteArray

        self.restoreState(QByteArray(self._default_state), WINDOW_STATE_VERSION)
        docks = [self.queue_dock, self.customer_dock]
        if self.cross_sell_dock is not None:
            docks.append(self.cross_sell_dock)
        for dock in docks:
            dock.setFloating(False)
            dock.show()
        self.banner.setVisible(self.monitor.state is not ConnectionState.CONNECTED)
        self.default_dock_widths()

    def save_layout(self) -> None:
        """Remember geometry, docks and queue columns (no secrets, ever)."""
        settings = ui_settings()
        settings.setValue(KEY_GEOMETRY, self.saveGeometry())
        settings.setValue(KEY_STATE, self.saveState(WINDOW_STATE_VERSION))
        if self.queue is not None:
            settings.setValue(KEY_ORDER_HEADER, self.queue.header_state())
            settings.setValue(KEY_QUEUE_VIEW, self.queue.view.value)
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        if self.card is not None:
            self.card.flush_draft()
        if self.keeper is not None:
            self.keeper.release(closing=True)
        if self.feed is not None:
            self.feed.stop()
        if self.notifications is not None:
            self.notifications.stop()
        if self.queue is not None:
            self.queue.stop()
        self.monitor.stop()
        super().closeEvent(event)
