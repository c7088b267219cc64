"""The queue panel (left dock): views, filters, sorting and the lazily paged, live order grid.

Views: "My work" (orders I hold or am responsible for while open), "Needs confirmation", "No
answer — due", "Click & collect" and "All" (:class:`app.order_list.QueueView`). Filters under a
"Filters" toggle (:mod:`ui.panels.queue_filters`); clicking the Created or Next attempt header
sorts by it (keyset paging either way). Supervisors and admins get an operator filter, which in
"My work" picks whose work to show.

Wiring surface (the main window connects these; panels never import each other):

* ``QueuePanel(runner, formatter, user, *, clock=SYSTEM_CLOCK, timezone="Europe/Moscow")``
* slots: :meth:`start` (filter lists + first page), :meth:`reload`, :meth:`refresh_orders`
  (the change feed's order ids: rows update in place, selection and scroll stay),
  :meth:`select_order` (show which row the card has, without asking for it again)
* signals: ``sig_order_selected(int)`` (the operator moved to a row or pressed Enter on it),
  ``sig_rows_loaded(int)``, ``sig_count_estimated(int, bool)``, ``sig_load_failed(str)``"""

from __future__ import annotations

import math

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.auth import LoggedInUser
from app.clock import SYSTEM_CLOCK, Clock
from app.order_list import (
    OrderFilter,
    OrderSort,
    QueueChoices,
    QueueView,
    narrowed,
    queue_choices,
    view_filter,
    view_statuses,
)
from ui import shortcuts
from ui.formatting import RowFormatter, operator_zone
from ui.models.order_table import (
    COL_ATTEMPTS,
    COL_CREATED,
    COL_CUSTOMER,
    COL_NEXT_ATTEMPT,
    COL_NUMBER,
    COL_OPERATOR,
    COL_PHONE,
    COL_SOURCE,
    COL_STATUS,
    COL_STORE,
    COL_TOTAL,
    ORDER_ID_ROLE,
    OrderTableModel,
)
from ui.ops import Op, OpError, OpRunner
from ui.panels.queue_filters import QueueFilterBar
from ui.widgets.status_chip import GridChips

# one fixed row height: no per-row size hints on a table that can hold millions of rows
ROW_HEIGHT = 30
# moving through the rows with the arrow keys opens the order once the operator pauses
SELECT_DELAY_MS = 250

# What the widest value of each column looks like: widths are measured from these with the
# table's font (never from the data: no ResizeToContents on a table of millions of rows). The
# customer column takes whatever is left.
_TEMPLATES = {
    COL_NUMBER: "0000000",
    COL_CREATED: "00.00.0000 00:00",
    COL_PHONE: "+7 000 000-00-00",
    COL_TOTAL: "000 000,00 ₽",
    COL_SOURCE: "Mobile app",
    COL_STORE: "Gulliver, ТРЦ «",  # long names elide; the tooltip has them in full
    COL_OPERATOR: "Анна Смирнова",
    COL_ATTEMPTS: "00",
    COL_NEXT_ATTEMPT: "00.00.0000 00:00",
}
# the longest seeded status name per language, in a chip (padding added below)
_STATUS_TEMPLATES = {"ru": "Требует согласования", "en": "Needs confirmation"}
_CUSTOMER_TEMPLATE = "Маргарита Смирнова"
# who gets the width left over, and how much of it
_SPARE_SHARES = {COL_CUSTOMER: 0.5, COL_STORE: 0.3, COL_OPERATOR: 0.2}
_MIN_NAME_WIDTH = 90
_CELL_PADDING = 20  # the style's text margins + the stylesheet's item padding + air
_CHIP_PADDING = 16 + 8
_ICON_ROOM = 20  # the lease padlock beside the number
# Columns every width shows; the others are shown, in this order of importance, while they fit
# beside a readable customer name (until the operator picks columns from the header's menu).
ESSENTIAL = (COL_NUMBER, COL_CUSTOMER, COL_STATUS)
OPTIONAL = (
    COL_TOTAL,
    COL_CREATED,
    COL_NEXT_ATTEMPT,
    COL_OPERATOR,
    COL_PHONE,
    COL_STORE,
    COL_SOURCE,
    COL_ATTEMPTS,
)
_READABLE_NAME = 120
# clicking these headers sorts by them
_SORT_COLUMNS = frozenset({COL_CREATED, COL_NEXT_ATTEMPT})

VIEWS: tuple[QueueView, ...] = tuple(QueueView)


class QueuePanel(QWidget):
    """The order queue; see the module docstring for the wiring surface."""

    # the operator chose this order (moved to its row and paused, clicked it, or Enter)
    sig_order_selected = Signal(int)
    # the grid now holds this many rows
    sig_rows_loaded = Signal(int)
    # how many orders the current view matches: (count, exact)
    sig_count_estimated = Signal(int, bool)
    # a page could not be loaded (readable message)
    sig_load_failed = Signal(str)

    def __init__(
        self,
        runner: OpRunner,
        formatter: RowFormatter,
        user: LoggedInUser,
        *,
        clock: Clock = SYSTEM_CLOCK,
        timezone: str = "Europe/Moscow",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("QueuePanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.runner = runner
        self.user = user
        self.clock = clock
        self.zone = operator_zone(timezone)
        self.model = OrderTableModel(runner, formatter, viewer_id=user.id, parent=self)
        self._base_widths: dict[int, int] = {}
        self._sort: OrderSort | None = None  # None: the view's own order
        self._choices_loaded = False
        self._emitted: int | None = None
        self._quiet = 0  # >0 while rows move or the panel selects a row itself

        self.title = QLabel(self)
        self.title.setObjectName("PanelTitle")
        self.view_picker = QComboBox(self)
        self.view_picker.setObjectName("ViewPicker")
        # as wide as the dock allows, but never what keeps a 1366-px screen's card narrow
        self.view_picker.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.view_picker.setMinimumContentsLength(12)
        for _ in VIEWS:
            self.view_picker.addItem("")
        self.filter_button = QToolButton(self)
        self.filter_button.setObjectName("FilterButton")
        self.filter_button.setCheckable(True)
        self.refresh_button = QToolButton(self)
        self.refresh_button.setObjectName("RefreshButton")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("CountLabel")
        self.filters = QueueFilterBar(with_operator=user.sees_everyone, parent=self)
        self.filters.setVisible(False)

        bar = QHBoxLayout()
        bar.setContentsMargins(12, 8, 8, 6)
        bar.setSpacing(6)
        self.title.hide()  # the dock's title bar says "Queue"
        bar.addWidget(self.view_picker, 1)
        bar.addWidget(self.filter_button)
        bar.addWidget(self.refresh_button)
        counts = QHBoxLayout()
        counts.setContentsMargins(12, 0, 12, 4)
        counts.addWidget(self.count_label)
        counts.addStretch(1)

        self.table = QTableView(self)
        self.table.setObjectName("OrderTable")
        self.table.setModel(self.model)
        self.model.set_status_chips(GridChips(self.table, COL_STATUS, ROW_HEIGHT))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setTabKeyNavigation(False)
        rows = self.table.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(ROW_HEIGHT)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        header.sectionClicked.connect(self._header_clicked)
        header.sectionMoved.connect(self._columns_chosen)
        self.auto_columns = True  # False once the operator arranges columns themselves
        self.table.viewport().installEventFilter(self)  # share spare width on resize

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.filters)
        layout.addLayout(counts)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.table)  # keyboard goes to the grid, not the view picker

        self._select_timer = QTimer(self)
        self._select_timer.setSingleShot(True)
        self._select_timer.setInterval(SELECT_DELAY_MS)
        self._select_timer.timeout.connect(self._emit_current)

        self.model.sig_rows_loaded.connect(self.sig_rows_loaded)
        self.model.sig_rows_refreshed.connect(
            lambda *_counts: self.sig_rows_loaded.emit(self.model.rowCount())
        )
        self.model.sig_load_failed.connect(self.sig_load_failed)
        self.model.sig_count_estimated.connect(self._show_count)
        self.model.sig_count_estimated.connect(self.sig_count_estimated)
        # rows moved by the model (live updates, reload) must not open another order
        self.model.rowsAboutToBeRemoved.connect(self._rows_moving)
        self.model.rowsRemoved.connect(self._rows_moved)
        self.model.rowsAboutToBeInserted.connect(self._rows_moving)
        self.model.rowsInserted.connect(self._rows_moved)
        self.model.modelAboutToBeReset.connect(self._rows_moving)
        self.model.modelReset.connect(self._rows_moved)
        selection = self.table.selectionModel()
        selection.currentRowChanged.connect(self._current_changed)
        self.table.activated.connect(self._activated)  # Enter, double click
        self.table.clicked.connect(self._activated)
        self.view_picker.currentIndexChanged.connect(self._view_chosen)
        self.filters.sig_changed.connect(self._filters_changed)
        self.filter_button.toggled.connect(self.filters.setVisible)
        self.refresh_button.clicked.connect(self.reload)
        self.retranslate()
        self.fit_columns()

    # -- public ---------------------------------------------------------------------------------
    @property
    def view(self) -> QueueView:
        return VIEWS[max(self.view_picker.currentIndex(), 0)]

    def set_view(self, view: QueueView) -> None:
        """Switch to ``view`` (reloads)."""
        self.view_picker.setCurrentIndex(VIEWS.index(view))

    def start(self) -> None:
        """Load the first page, then the filter lists."""
        self.reload()

    def current_filter(self) -> OrderFilter:
        """What the grid shows now: the view, the operator's filters, the sort."""
        view = self.view
        whose = self.filters.chosen_operator() if view is QueueView.MY_WORK else None
        base = view_filter(view, user_id=whose or self.user.id, now=self.clock.now())
        today = self.clock.now().astimezone(self.zone).date()
        extra = self.filters.values(today, self.zone)
        if view is QueueView.MY_WORK:
            extra.pop("operator_ids", None)  # in "My work" the operator box says whose work
        if self._sort is not None:
            extra["sort"] = self._sort
        return narrowed(base, **extra)

    def reload(self) -> None:
        """Fetch the current view again from the first page."""
        self.count_label.setText(self.tr("Loading…"))
        self._emitted = None
        self.model.reload(self.current_filter())
        self._show_sort_indicator()
        if not self._choices_loaded:
            self._load_choices()  # after the page: both queue on the database lane

    def refresh_orders(self, order_ids: frozenset[int] | set[int] | tuple[int, ...]) -> None:
        """These orders changed: update their rows, drop or insert them (selection and scroll
        position stay)."""
        if order_ids:
            self.model.refresh_rows(order_ids)

    def select_order(self, order_id: int) -> None:
        """Select the row of ``order_id`` if it is loaded (the card shows it already: no
        ``sig_order_selected``); otherwise clear the selection."""
        self._emitted = order_id
        self._select_timer.stop()
        row = self.model.row_of(order_id)
        self._quiet += 1
        try:
            selection = self.table.selectionModel()
            if row is None:
                selection.clearSelection()
                selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
            else:
                index = self.model.index(row, COL_NUMBER)
                selection.setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.scrollTo(index)
        finally:
            self._quiet -= 1

    def stop(self) -> None:
        """Nothing more to open (the window is closing)."""
        self._select_timer.stop()

    def set_formatter(self, formatter: RowFormatter) -> None:
        self.model.set_formatter(formatter)
        self.filters.set_language(formatter.language)
        self.fit_columns()

    def header_state(self) -> QByteArray:
        """The columns as the operator arranged them (empty while they are automatic)."""
        if self.auto_columns:
            return QByteArray()
        return self.table.horizontalHeader().saveState()

    def restore_header_state(self, state: QByteArray) -> None:
        header = self.table.horizontalHeader()
        if not header.restoreState(state):
            return
        self.auto_columns = False
        self._show_sort_indicator()  # sorting is the panel's: the restored indicator may lie
        self._share_width()

    def _columns_chosen(self, *_args: object) -> None:
        self.auto_columns = False

    # -- choosing rows ----------------------------------------------------------------------------
    def _rows_moving(self, *_args: object) -> None:
        self._quiet += 1

    def _rows_moved(self, *_args: object) -> None:
        self._quiet = max(0, self._quiet - 1)

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        # No previous row: the grid just got the focus (Qt makes the first row current) or
        # the first arrow key entered it; opening that order would swap the card (and release
        # the order the operator holds) for a mere Ctrl+1. Clicks and Enter open at once.
        if self._quiet or not current.isValid() or not previous.isValid():
            return
        self._select_timer.start()  # arrow keys: open once the operator pauses

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self._select_timer.stop()
            self._emit(index.data(ORDER_ID_ROLE))

    def _emit_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self._emit(index.data(ORDER_ID_ROLE))

    def _emit(self, order_id: int | None) -> None:
        if order_id is None or order_id == self._emitted:
            return
        self._emitted = order_id
        self.sig_order_selected.emit(int(order_id))

    # -- views, filters, sorting ------------------------------------------------------------------
    def _view_chosen(self, _index: int) -> None:
        self._sort = None  # each view has its natural order
        self.filters.set_allowed_statuses(view_statuses(self.view))
        self._share_width()  # the view's key column first
        self.reload()

    def _filters_changed(self) -> None:
        self._show_filter_count()
        self.reload()

    def _load_choices(self) -> None:
        Op(self, queue_choices, key="choices", runner=self.runner).success(
            self._choices_arrived
        ).failure(self._choices_failed).run()

    def _choices_arrived(self, choices: QueueChoices) -> None:
        self._choices_loaded = True
        self.filters.set_choices(choices)
        self.filters.set_allowed_statuses(view_statuses(self.view))

    def _choices_failed(self, error: OpError) -> None:
        self.sig_load_failed.emit(error.message)  # "Any" stays; the next reload tries again

    def _header_clicked(self, column: int) -> None:
        current = self.model.filters.sort
        if column == COL_CREATED:
            sort = OrderSort.OLDEST if current is OrderSort.NEWEST else OrderSort.NEWEST
        elif column == COL_NEXT_ATTEMPT:
            sort = OrderSort.NEXT_ATTEMPT
        else:
            return
        self._sort = sort
        self.reload()

    def _show_sort_indicator(self) -> None:
        header = self.table.horizontalHeader()
        sort = self.model.filters.sort
        if sort is OrderSort.NEXT_ATTEMPT:
            header.setSortIndicator(COL_NEXT_ATTEMPT, Qt.SortOrder.AscendingOrder)
        elif sort is OrderSort.OLDEST:
            header.setSortIndicator(COL_CREATED, Qt.SortOrder.AscendingOrder)
        else:
            header.setSortIndicator(COL_CREATED, Qt.SortOrder.DescendingOrder)
        header.setSortIndicatorShown(True)

    def _show_filter_count(self) -> None:
        count = self.filters.active_count()
        text = self.tr("Filters")
        self.filter_button.setText(f"{text} ({count})" if count else text)

    def _column_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        model = self.model
        for column in range(model.columnCount()):
            action = QAction(str(model.headerData(column, Qt.Orientation.Horizontal)), menu)
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.setEnabled(column not in (COL_NUMBER, COL_CUSTOMER))
            action.toggled.connect(lambda on, c=column: self._show_column(c, on))
            menu.addAction(action)
        self.column_menu = menu  # tests look at it
        menu.popup(self.table.horizontalHeader().mapToGlobal(pos))

    def _show_column(self, column: int, shown: bool) -> None:
        self.auto_columns = False
        self.table.setColumnHidden(column, not shown)
        self._share_width()

    def _choose_columns(self) -> None:
        """Automatic columns: the essential ones, then the optional ones by importance while
        they fit (the view's own key first: next attempt in "No answer — due")."""
        room = self.table.viewport().width() - _READABLE_NAME
        room -= sum(self._base_widths[c] for c in ESSENTIAL if c != COL_CUSTOMER)
        order = list(OPTIONAL)
        if self.view is QueueView.NO_ANSWER_DUE:
            order.remove(COL_NEXT_ATTEMPT)
            order.insert(1, COL_NEXT_ATTEMPT)
        fits = True
        for column in order:
            fits = fits and self._base_widths[column] <= room
            if fits:
                room -= self._base_widths[column]
            if self.table.isColumnHidden(column) == fits:
                self.table.setColumnHidden(column, not fits)

    # -- column widths ----------------------------------------------------------------------------
    def fit_columns(self) -> None:
        """Size columns for their widest plausible value and their (translated) header."""
        # the stylesheet's fonts are applied on polish: measure with what will be painted
        self.table.ensurePolished()
        self.table.horizontalHeader().ensurePolished()
        cell = QFontMetrics(self.table.font())
        bold = QFont(self.table.horizontalHeader().font())
        bold.setBold(True)
        head = QFontMetrics(bold)
        model = self.model
        for column in range(model.columnCount()):
            header_text = str(model.headerData(column, Qt.Orientation.Horizontal))
            if column == COL_STATUS:
                template = _STATUS_TEMPLATES.get(self.model.language, _STATUS_TEMPLATES["ru"])
                content = cell.horizontalAdvance(template) + _CHIP_PADDING
            elif column == COL_SOURCE:
                labels = self.model.source_labels()
                content = max(cell.horizontalAdvance(t) for t in labels)
            elif column == COL_CUSTOMER:
                content = cell.horizontalAdvance(_CUSTOMER_TEMPLATE)
            else:
                content = cell.horizontalAdvance(_TEMPLATES[column])
            if column == COL_NUMBER:
                content += _ICON_ROOM
            # +16: room for the sort arrow on the sortable headers
            header_width = head.horizontalAdvance(header_text) + (
                16 if column in _SORT_COLUMNS else 0
            )
            self._base_widths[column] = max(content, header_width) + _CELL_PADDING
        self._share_width()

    def _share_width(self) -> None:
        """Every shown column at its base width; the spare width goes to the name columns
        (customer first), so a wide dock shows names in full instead of an empty last column,
        and a narrow one takes the width back from them, down to a floor."""
        if not self._base_widths:
            return
        if self.auto_columns:
            self._choose_columns()
        shown = {c: w for c, w in self._base_widths.items() if not self.table.isColumnHidden(c)}
        spare = self.table.viewport().width() - sum(shown.values())
        shares = {c: s for c, s in _SPARE_SHARES.items() if c in shown}
        total_share = sum(shares.values()) or 1.0
        extra = {c: math.floor(spare * s / total_share) for c, s in shares.items()}
        if COL_CUSTOMER in extra:
            extra[COL_CUSTOMER] += spare - sum(extra.values())  # rounding leftovers: exact fill
        for column, width in shown.items():
            grown = width + extra.get(column, 0)
            self.table.setColumnWidth(column, max(grown, min(width, _MIN_NAME_WIDTH)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._share_width()
        return super().eventFilter(watched, event)

    # -- texts ------------------------------------------------------------------------------------
    def _show_count(self, count: int, exact: bool) -> None:
        if exact:
            text = self.tr("%Ln order(s)", "", count)
        else:
            text = self.tr("about %1 orders").replace("%1", QLocale().toString(count))
        self.count_label.setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Queue"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setToolTip(shortcuts.tooltip("refresh"))
        self._show_filter_count()
        self.filter_button.setToolTip(self.tr("Filter by status, source, store, date and operator"))
        names = {
            QueueView.MY_WORK: self.tr("My work"),
            QueueView.NEEDS_CONFIRMATION: self.tr("Needs confirmation"),
            QueueView.NO_ANSWER_DUE: self.tr("No answer — due"),
            QueueView.CLICK_AND_COLLECT: self.tr("Click & collect"),
            QueueView.ALL: self.tr("All orders"),
        }
        for i, view in enumerate(VIEWS):
            self.view_picker.setItemText(i, names[view])
        self.view_picker.setToolTip(self.tr("Which orders the queue shows"))
        self.table.horizontalHeader().setToolTip(
            self.tr("Click Created or Next attempt to sort; right-click to choose columns")
        )
        if self.model.count is not None:
            self._show_count(self.model.count.value, self.model.count.exact)
