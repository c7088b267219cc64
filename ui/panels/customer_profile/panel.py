"""The customer profile panel (Customer 360) for the console's right-hand dock.

Everything about one customer at a glance: name, phones, e-mail, loyalty discount, segment
badges, then three tabs — *Overview* (metrics with their definitions as tooltips, tags, notes,
children, custom fields, promo codes), *Orders* (the history with status chips) and *Timeline*
(orders, status changes, calls, messages, notes and merges, newest first, paged as you scroll).

Public surface (the main window wires it; panels never import each other):

* ``CustomerProfilePanel(runner, actor, *, timezone="Europe/Moscow", clock=SYSTEM_CLOCK)``
* slots: :meth:`show_customer` (latest request wins), :meth:`refresh`,
  :meth:`refresh_if_showing` (for the change feed), :meth:`clear`, :meth:`set_actor`,
  :meth:`set_calling_enabled` (the telephony panel turns the "Call" buttons on),
  :meth:`open_merge_dialog`
* signals: ``sig_order_requested(int)``, ``sig_call_requested(str)``,
  ``sig_new_order_requested(int)``, ``sig_customer_loaded(int)``, ``sig_customer_changed(int)``,
  ``sig_customers_merged(int, int)``, ``sig_load_failed(str)``

All database work runs through :class:`ui.ops.Op`; one profile request is one op
(:func:`app.customers.panel_queries.panel_data`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.actors import Actor
from app.clock import SYSTEM_CLOCK, Clock
from app.customers.panel_queries import PanelData, can_merge
from app.customers.profile import CustomerProfile
from ui import i18n
from ui.customer_support import CUSTOMER_QSS, format_date, format_day_month, readable
from ui.formatting import operator_zone
from ui.models.customer_orders import (
    COL_DATE,
    COL_NUMBER,
    COL_STATUS,
    COL_TOTAL,
    CustomerOrdersModel,
)
from ui.models.order_table import ORDER_ID_ROLE
from ui.models.timeline import COL_WHAT, COL_WHEN, Presentation, TimelineModel
from ui.ops import Op, OpError, OpRunner
from ui.panels.customer_profile.sections import (
    LinesSection,
    Look,
    MetricsSection,
    NotesSection,
    ProfileHeader,
    TagsSection,
    section_title,
)
from ui.shortcuts import BY_ID, tooltip
from ui.widgets.status_chip import StatusChipDelegate
from ui.widgets.timeline_delegate import ROW_HEIGHT as TIMELINE_ROW_HEIGHT
from ui.widgets.timeline_delegate import TimelineDelegate

ROW_HEIGHT = 28
TAB_OVERVIEW, TAB_ORDERS, TAB_TIMELINE = range(3)
_PAGE_MESSAGE, _PAGE_PROFILE = range(2)


def _table(parent: QWidget, model: Any) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    rows = table.verticalHeader()
    rows.setVisible(False)
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(ROW_HEIGHT)
    return table


class CustomerProfilePanel(QWidget):
    """One customer, everything about them. Shows nothing until :meth:`show_customer`."""

    # open this order in the order card (double click or Enter in Orders / Timeline)
    sig_order_requested = Signal(int)
    # call this E.164 number (the telephony panel dials it; the buttons are hidden until
    # set_calling_enabled(True))
    sig_call_requested = Signal(str)
    # start a new order for this customer (the main window opens the new-order dialog)
    sig_new_order_requested = Signal(int)
    # the profile of this customer is on screen (after show_customer or refresh)
    sig_customer_loaded = Signal(int)
    # this panel changed the customer (tag, note, merge): other views may want to reload
    sig_customer_changed = Signal(int)
    # a duplicate was merged into the shown customer: (kept id, merged id)
    sig_customers_merged = Signal(int, int)
    # the profile could not be loaded or a change was refused (readable message)
    sig_load_failed = Signal(str)

    def __init__(
        self,
        runner: OpRunner,
        actor: Actor,
        *,
        timezone: str = "Europe/Moscow",
        clock: Clock = SYSTEM_CLOCK,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("CustomerProfilePanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(CUSTOMER_QSS)
        self._runner = runner
        self._actor = actor
        self._clock = clock
        self._timezone = timezone
        self._zone = operator_zone(timezone)
        self._requested: int | None = None
        self._data: PanelData | None = None
        self._message_state: tuple[str, Any] = ("empty", None)

        self.stack = QStackedWidget(self)
        self.message = QLabel(self.stack)
        self.message.setObjectName("PanelMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setMargin(24)
        self.stack.addWidget(self.message)

        body = QWidget(self.stack)
        self.stack.addWidget(body)
        self.header = ProfileHeader(body)
        self.error = QLabel(body)
        self.error.setObjectName("ErrorLabel")
        self.error.setWordWrap(True)
        self.error.hide()
        self.new_order_button = QPushButton(body)
        self.new_order_button.setObjectName("NewOrderButton")
        self.merge_button = QPushButton(body)
        self.merge_button.setObjectName("MergeButton")
        self.refresh_button = QPushButton(body)
        self.refresh_button.setObjectName("RefreshCustomerButton")
        actions = QHBoxLayout()
        actions.setSpacing(6)
        actions.addWidget(self.new_order_button)
        actions.addWidget(self.merge_button)
        actions.addStretch(1)
        actions.addWidget(self.refresh_button)

        self.tabs = QTabWidget(body)
        self.tabs.setObjectName("CustomerTabs")
        self.tabs.setDocumentMode(True)
        # overview
        self.overview = QScrollArea(self.tabs)
        self.overview.setWidgetResizable(True)
        self.overview.setFrameShape(QFrame.Shape.NoFrame)
        self.overview.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget(self.overview)
        inner.setObjectName("OverviewPage")
        self.metrics = MetricsSection(inner)
        self.tags = TagsSection(inner)
        self.notes = NotesSection(inner)
        self.children_list = LinesSection("ChildrenSection", inner)
        self.fields_list = LinesSection("CustomFieldsSection", inner)
        self.promos_list = LinesSection("PromoSection", inner)
        self._titles: dict[str, QLabel] = {}
        column = QVBoxLayout(inner)
        column.setContentsMargins(4, 8, 8, 8)
        column.setSpacing(4)
        for key, widget in (
            ("metrics", self.metrics),
            ("children", self.children_list),
            ("tags", self.tags),
            ("notes", self.notes),
            ("fields", self.fields_list),
            ("promos", self.promos_list),
        ):
            self._titles[key] = section_title("", inner)
            column.addWidget(self._titles[key])
            column.addWidget(widget)
        column.addStretch(1)
        self.overview.setWidget(inner)
        self.tabs.addTab(self.overview, "")
        # orders
        self.orders_model = CustomerOrdersModel(runner, parent=self)
        self.orders_table = _table(self.tabs, self.orders_model)
        self.orders_table.setObjectName("CustomerOrdersTable")
        self.orders_table.setItemDelegateForColumn(COL_STATUS, StatusChipDelegate(self))
        self.tabs.addTab(self.orders_table, "")
        # timeline
        self.timeline_model = TimelineModel(runner, parent=self)
        self.timeline_table = _table(self.tabs, self.timeline_model)
        self.timeline_table.setObjectName("TimelineTable")
        # two lines per event (time and who, then what) in the full width of the dock
        self.timeline_table.setItemDelegateForColumn(COL_WHAT, TimelineDelegate(self))
        self.timeline_table.setColumnHidden(COL_WHEN, True)
        self.timeline_table.horizontalHeader().hide()
        self.timeline_table.verticalHeader().setDefaultSectionSize(TIMELINE_ROW_HEIGHT)
        self.tabs.addTab(self.timeline_table, "")

        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 10, 8, 4)
        layout.setSpacing(6)
        layout.addWidget(self.header)
        layout.addWidget(self.error)
        layout.addLayout(actions)
        layout.addWidget(self.tabs, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self.setFocusProxy(self.tabs)

        self.header.sig_call_requested.connect(self.sig_call_requested)
        self.header.sig_customer_requested.connect(self.show_customer)
        self.orders_table.activated.connect(self._order_activated)
        self.timeline_table.activated.connect(self._timeline_activated)
        self.tags.sig_add_requested.connect(self._add_tag)
        self.tags.sig_remove_requested.connect(self._remove_tag)
        self.notes.sig_add_requested.connect(self._add_note)
        self.new_order_button.clicked.connect(self._new_order)
        self.merge_button.clicked.connect(self.open_merge_dialog)
        self.refresh_button.clicked.connect(self.refresh)
        self.orders_model.sig_load_failed.connect(self._show_error)
        self.timeline_model.sig_load_failed.connect(self._show_error)

        self._size_columns()
        self.retranslate()
        self._show_message("empty")

    # -- public -----------------------------------------------------------------------------------
    @property
    def customer_id(self) -> int | None:
        """The customer asked for last (shown, or being loaded)."""
        return self._requested

    @property
    def profile(self) -> CustomerProfile | None:
        """The profile on screen (None while nothing or another customer is being loaded)."""
        if self._data is None or self._data.requested_id != self._requested:
            return None
        return self._data.profile

    @property
    def actor(self) -> Actor:
        return self._actor

    def set_actor(self, actor: Actor) -> None:
        """Who works with the panel (after a log-in); decides what may be changed."""
        self._actor = actor
        self._update_actions()

    def set_calling_enabled(self, enabled: bool) -> None:
        """Show the "Call" button next to each phone (telephony wires ``sig_call_requested``)."""
        self.header.set_calling_enabled(enabled)

    def show_customer(self, customer_id: int) -> None:
        """Show ``customer_id``. Requests supersede each other: only the latest is shown."""
        if customer_id != self._requested or self.profile is None:
            self._requested = customer_id
            self._data = None
            self.orders_model.reset_with(None, None)
            self.timeline_model.reset_with(None, None)
            self._show_message("loading", customer_id)
        self._load(customer_id)

    def refresh(self) -> None:
        """Load the shown customer again, keeping the tab and the scroll positions."""
        if self._requested is not None:
            self._load(self._requested)

    def refresh_if_showing(self, customer_ids: Iterable[int]) -> None:
        """Reload if the shown customer is among ``customer_ids`` (the change feed's hint)."""
        if self._requested is not None and self._requested in set(customer_ids):
            self.refresh()

    def clear(self) -> None:
        """Show no customer."""
        self._requested = None
        self._data = None
        self.orders_model.reset_with(None, None)
        self.timeline_model.reset_with(None, None)
        self._show_message("empty")

    def open_merge_dialog(self) -> None:
        """Choose a duplicate and merge it into the shown customer (roles that may merge)."""
        profile = self.profile
        if profile is None or profile.merged_into_id is not None:
            return
        if not can_merge(self._actor.role):
            self._show_error(self.tr("Only a supervisor or an administrator can merge customers."))
            return
        from ui.dialogs.merge import MergeDialog

        dialog = MergeDialog(
            self._runner, self._actor, profile.id, profile.name, clock=self._clock, parent=self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_customers_merged.connect(self._merged)
        dialog.open()
        self.merge_dialog = dialog  # reachable for tests and the main window

    # -- loading ----------------------------------------------------------------------------------
    def _load(self, customer_id: int) -> None:
        from app.customers.panel_queries import panel_data

        clock, tz = self._clock, self._timezone
        Op(
            self,
            readable(lambda s: panel_data(s, customer_id, clock, timezone=tz)),
            key="profile",
            runner=self._runner,
        ).success(self._loaded).failure(lambda e: self._load_failed(customer_id, e)).run()

    def _loaded(self, data: PanelData) -> None:
        if data.requested_id != self._requested:
            return  # an answer to an older request (the runner drops most; this is the guard)
        same = self._data is not None and self._data.profile.id == data.profile.id
        self._data = data
        self._render(keep_positions=same)
        self.stack.setCurrentIndex(_PAGE_PROFILE)
        self.sig_customer_loaded.emit(data.requested_id)

    def _load_failed(self, customer_id: int, error: OpError) -> None:
        if customer_id != self._requested:
            return
        if self.profile is None:
            self._show_message("error", error.message)
        else:
            self._show_error(error.message)
        self.sig_load_failed.emit(error.message)

    def _look(self) -> Look:
        return Look(i18n.current_language(), self._zone)

    def _render(self, *, keep_positions: bool) -> None:
        data = self._data
        if data is None:
            return
        p, look = data.profile, self._look()
        live = p.merged_into_id is None
        self.error.hide()
        self.header.show_profile(p, data.rules, data.survivor_id, look)
        self.metrics.show_metrics(p.metrics, look)
        self.tags.show_tags(p.tags, editable=live)
        self.notes.show_notes(p.notes, editable=live, look=look)
        self._show_children(p, look)
        self._show_fields(p)
        self._show_promos(p, look)
        self._apply_presentation(data)

        orders_pos = self.orders_table.verticalScrollBar().value() if keep_positions else 0
        timeline_pos = self.timeline_table.verticalScrollBar().value() if keep_positions else 0
        self.orders_model.reset_with(p.id, data.orders)
        self.timeline_model.reset_with(p.id, p.timeline, data.timeline_facts)
        self.orders_table.verticalScrollBar().setValue(orders_pos)
        self.timeline_table.verticalScrollBar().setValue(timeline_pos)
        if not keep_positions:
            self.tabs.setCurrentIndex(TAB_OVERVIEW)
            self.overview.verticalScrollBar().setValue(0)
        self._update_tab_titles()
        self._update_actions()

    def _apply_presentation(self, data: PanelData) -> None:
        language = i18n.current_language()
        names = {code: (ru if language == "ru" else en) for code, ru, en in data.statuses}
        self.orders_model.set_presentation(language, self._zone)
        self.timeline_model.set_presentation(Presentation(language, self._zone, names))

    def _show_children(self, p: CustomerProfile, look: Look) -> None:
        lines = []
        for c in p.children:
            parts = [c.name]
            if c.gender is not None:
                parts.append(self.tr("boy") if c.gender.value == "male" else self.tr("girl"))
            if c.age_years is not None and c.age_months is not None:
                if c.age_years >= 2:
                    parts.append(self.tr("%n year(s)", "", c.age_years))
                else:
                    parts.append(self.tr("%n month(s)", "", c.age_months))
            text = ", ".join(parts)
            tip = ""
            if c.birth_date is not None and c.next_birthday is not None:
                when = format_day_month(c.next_birthday, look.language)
                if c.days_to_birthday == 0:
                    text += " · " + self.tr("birthday today")
                else:
                    text += " · " + (
                        self.tr("birthday %1 (in %n day(s))", "", c.days_to_birthday or 0).replace(
                            "%1", when
                        )
                    )
                tip = self.tr("Born %1").replace("%1", format_date(c.birth_date, look.language))
            lines.append((text, tip))
        self.children_list.show_lines(lines, self.tr("No children recorded"))

    def _show_fields(self, p: CustomerProfile) -> None:
        lines = []
        for f in p.custom_fields:
            if f.value is None:
                value = "—"
            elif isinstance(f.value, bool):
                value = self.tr("yes") if f.value else self.tr("no")
            else:
                value = str(f.value)
            tip = "" if f.declared else self.tr("No longer declared in the settings; kept")
            lines.append((f"{f.label}: {value}", tip))
        self.fields_list.show_lines(lines, self.tr("No custom fields declared"))

    def _show_promos(self, p: CustomerProfile, look: Look) -> None:
        lines = []
        for promo in p.promo_codes:
            if promo.discount_pct is not None:
                value = f"−{promo.discount_pct.normalize():f}\u00a0%"
            elif promo.discount_amount is not None:
                from ui.formatting import format_rub

                value = "−" + format_rub(promo.discount_amount, look.language)
            else:
                value = ""
            parts = [promo.code, value]
            if promo.valid_to is not None:
                parts.append(
                    self.tr("until %1").replace("%1", format_date(promo.valid_to, look.language))
                )
            if promo.child_name:
                parts.append(self.tr("for %1").replace("%1", promo.child_name))
            lines.append((" ".join(x for x in parts if x), promo.reason))
        self.promos_list.show_lines(lines, self.tr("No active promo codes"))

    # -- messages ---------------------------------------------------------------------------------
    def _show_message(self, state: str, value: Any = None) -> None:
        self._message_state = (state, value)
        if state == "loading":
            text = self.tr("Loading customer #%1…").replace("%1", str(value))
        elif state == "error":
            text = str(value)
        else:
            text = self.tr(
                "No customer selected.\nOpen one from an order, or search with %1."
            ).replace("%1", BY_ID["global_search"].native_text())
        self.message.setText(text)
        self.stack.setCurrentIndex(_PAGE_MESSAGE)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    # -- writes -----------------------------------------------------------------------------------
    def _write(self, fn: Callable[[Any], Any], after: Callable[[], None] | None = None) -> None:
        customer_id = self._requested
        if customer_id is None:
            return

        def done(_result: Any) -> None:
            if after is not None:
                after()
            self.sig_customer_changed.emit(customer_id)
            if customer_id == self._requested:
                self.refresh()

        def failed(error: OpError) -> None:
            if customer_id == self._requested:
                self._show_error(error.message)
            self.sig_load_failed.emit(error.message)

        Op(self, readable(fn), runner=self._runner).success(done).failure(failed).run()

    def _add_tag(self, tag: str) -> None:
        from app.customers.attributes import add_tag

        cid, actor, clock = self._requested, self._actor, self._clock
        if cid is not None:
            self._write(lambda s: add_tag(s, cid, tag, actor, clock))

    def _remove_tag(self, tag: str) -> None:
        from app.customers.attributes import remove_tag

        cid, actor, clock = self._requested, self._actor, self._clock
        if cid is not None:
            self._write(lambda s: remove_tag(s, cid, tag, actor, clock))

    def _add_note(self, text: str) -> None:
        from app.customers.attributes import add_note

        cid, actor, clock = self._requested, self._actor, self._clock
        if cid is not None:
            # the note's id: a frozen dataclass with a datetime is fine, an id is enough
            self._write(
                lambda s: add_note(s, cid, text, actor, clock).id, after=self.notes.note_saved
            )

    def _merged(self, kept_id: int, merged_id: int) -> None:
        self.sig_customers_merged.emit(kept_id, merged_id)
        self.sig_customer_changed.emit(kept_id)
        if kept_id == self._requested:
            self.refresh()

    # -- activation -------------------------------------------------------------------------------
    def _order_activated(self, index: QModelIndex) -> None:
        order_id = index.data(ORDER_ID_ROLE)
        if order_id is not None:
            self.sig_order_requested.emit(int(order_id))

    def _timeline_activated(self, index: QModelIndex) -> None:
        order_id = index.data(ORDER_ID_ROLE)
        if order_id is not None:
            self.sig_order_requested.emit(int(order_id))

    def _new_order(self) -> None:
        profile = self.profile
        if profile is not None and profile.merged_into_id is None:
            self.sig_new_order_requested.emit(profile.id)

    # -- look -------------------------------------------------------------------------------------
    def _size_columns(self) -> None:
        metrics = QFontMetrics(self.orders_table.font())
        header = self.orders_table.horizontalHeader()
        header.setStretchLastSection(False)
        for col, template in (
            (COL_NUMBER, "0000000"),
            (COL_DATE, "00.00.0000 00:00"),
            (COL_TOTAL, "000 000,00 ₽"),
        ):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(col, metrics.horizontalAdvance(template) + 20)
        header.setSectionResizeMode(COL_STATUS, QHeaderView.ResizeMode.Stretch)
        timeline = self.timeline_table.horizontalHeader()
        timeline.setSectionResizeMode(COL_WHAT, QHeaderView.ResizeMode.Stretch)

    def _update_tab_titles(self) -> None:
        self.tabs.setTabText(TAB_OVERVIEW, self.tr("Overview"))
        p = self.profile
        count = p.metrics.order_count if p is not None else 0
        self.tabs.setTabText(TAB_ORDERS, self.tr("Orders (%1)").replace("%1", str(count)))
        self.tabs.setTabText(TAB_TIMELINE, self.tr("Timeline"))

    def _update_actions(self) -> None:
        p = self.profile
        live = p is not None and p.merged_into_id is None
        self.new_order_button.setEnabled(live)
        allowed = can_merge(self._actor.role)
        self.merge_button.setEnabled(live and allowed)
        # a button an operator can never use only narrows the dock (the console's 1366 px)
        self.merge_button.setVisible(allowed)
        if allowed:
            self.merge_button.setToolTip(
                self.tr("Find a duplicate of this customer and merge it into this one")
            )
        else:
            self.merge_button.setToolTip(
                self.tr("Only a supervisor or an administrator can merge customers")
            )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.new_order_button.setText(self.tr("New order"))
        self.new_order_button.setToolTip(
            tooltip("new_order", self.tr("New order for this customer"))
        )
        self.merge_button.setText(self.tr("Merge a duplicate…"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Load this customer again"))
        self._titles["metrics"].setText(self.tr("Figures"))
        self._titles["children"].setText(self.tr("Children"))
        self._titles["tags"].setText(self.tr("Tags"))
        self._titles["notes"].setText(self.tr("Notes"))
        self._titles["fields"].setText(self.tr("Custom fields"))
        self._titles["promos"].setText(self.tr("Promo codes"))
        self.metrics.retranslate()
        self.tags.retranslate()
        self.notes.retranslate()
        self._update_tab_titles()
        self._update_actions()
        state, value = self._message_state
        if self.stack.currentIndex() == _PAGE_MESSAGE:
            self._show_message(state, value)
        elif self._data is not None:
            self._render(keep_positions=True)
