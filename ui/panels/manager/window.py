"""The manager view: upsell credited to each operator for a period, day by day, down to the
orders. For managers and supervisors (the main window offers it to them only).

A window of its own (Reports → Upsell by operator, Ctrl+Shift+U), so a manager can keep it
beside the console. Every query runs through the Op runner (:mod:`ui.panels.manager.work` over
:mod:`app.capsules.kpi`); a newer period supersedes an older one.

* the table: offers made, accepted, acceptance rate, pending and earned upsell, top capsules;
  selecting an operator draws their days, Enter / double-click lists their orders;
* the chart: earned + pending per day (everyone's when no operator is selected);
* the orders: Enter / double-click opens one in the order card (``sig_order_requested``);
* Export CSV… writes the table (UTF-8, Excel-friendly) on the background lane."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QDate, QEvent, QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.clock import SYSTEM_CLOCK, Clock
from ui import i18n
from ui.formatting import format_rub, operator_zone
from ui.ops import Lane, Op, OpError, OpRunner
from ui.panels.manager import work
from ui.panels.manager.chart import DailyChart
from ui.panels.manager.models import (
    ID_ROLE,
    SORT_ROLE,
    T_ACCEPTED,
    T_CAPSULES,
    T_EARNED,
    T_OFFERS,
    T_OPERATOR,
    T_PENDING,
    T_RATE,
    UpsellOrdersModel,
    UpsellTableModel,
    format_rate,
)
from ui.widgets.dialog_slot import track_dialog

ROW_HEIGHT = 26
PRESETS = ("this_month", "last_month", "last_7", "today", "custom")
WINDOW_STYLE = """
#ManagerWindow { background: #f8fafc; }
#ManagerTitle { font-size: 12pt; font-weight: 600; }
#ManagerSummary, #ManagerCaption { color: #475569; }
#ManagerError { color: #b91c1c; }
#UpsellTable, #UpsellOrders { background: #ffffff; alternate-background-color: #f8fafc;
                              border: 1px solid #e2e8f0; }
#UpsellTable QHeaderView::section, #UpsellOrders QHeaderView::section { padding-right: 16px; }
"""


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def preset_period(preset: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """The dates a period preset means on ``today`` (business-local)."""
    if preset == "last_month":
        end = month_start(today) - dt.timedelta(days=1)
        return month_start(end), end
    if preset == "last_7":
        return today - dt.timedelta(days=6), today
    if preset == "today":
        return today, today
    return month_start(today), today


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class ManagerWindow(QWidget):
    """See the module docstring."""

    # open this order in the console's card (order id)
    sig_order_requested = Signal(int)

    def __init__(
        self,
        runner: OpRunner,
        *,
        clock: Clock = SYSTEM_CLOCK,
        timezone: str = "Europe/Moscow",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("ManagerWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(WINDOW_STYLE)
        self.runner = runner
        self.clock = clock
        self.zone = operator_zone(timezone)
        self.language = i18n.current_language()
        self.report: work.Report | None = None
        self.operator_id: int | None = None  # the operator the chart / orders are about
        self.dialog: QFileDialog | None = None  # the export dialog open now (tests drive it)
        self.exported: str | None = None  # the last file written
        self._build()
        self.retranslate()
        self.resize(1100, 720)

    # ------------------------------------------------------------------------------------------
    # building
    # ------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = QLabel(self)
        self.title.setObjectName("ManagerTitle")
        self.period_label = QLabel(self)
        self.preset = QComboBox(self)
        self.preset.setObjectName("ManagerPreset")
        for code in PRESETS:
            self.preset.addItem("", code)
        self.period_label.setBuddy(self.preset)
        self.date_from = QDateEdit(self)
        self.date_to = QDateEdit(self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.dash = QLabel("–", self)
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("ManagerRefresh")
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("ManagerExport")
        head = QHBoxLayout()
        head.setSpacing(8)
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.period_label)
        head.addWidget(self.preset)
        head.addWidget(self.date_from)
        head.addWidget(self.dash)
        head.addWidget(self.date_to)
        head.addWidget(self.refresh_button)
        head.addWidget(self.export_button)

        self.summary = QLabel(self)
        self.summary.setObjectName("ManagerSummary")
        self.summary.setWordWrap(True)

        self.table_model = UpsellTableModel(self)
        self.table_proxy = QSortFilterProxyModel(self)
        self.table_proxy.setSourceModel(self.table_model)
        self.table_proxy.setSortRole(SORT_ROLE)
        self.table = self._table("UpsellTable", self.table_proxy)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(T_CAPSULES, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(T_OPERATOR, 200)
        self.table.sortByColumn(T_EARNED, Qt.SortOrder.DescendingOrder)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _p: self._operator_chosen(current)
        )
        self.table.doubleClicked.connect(lambda _i: self.drill_down())
        self._enter(self.table, self.drill_down)

        self.chart = DailyChart(self)
        self.orders_model = UpsellOrdersModel(self)
        self.orders_proxy = QSortFilterProxyModel(self)
        self.orders_proxy.setSourceModel(self.orders_model)
        self.orders_proxy.setSortRole(SORT_ROLE)
        self.orders = self._table("UpsellOrders", self.orders_proxy)
        self.orders.horizontalHeader().setStretchLastSection(True)
        self.orders.doubleClicked.connect(lambda _i: self.open_current_order())
        self._enter(self.orders, self.open_current_order)
        self.orders_caption = QLabel(self)
        self.orders_caption.setObjectName("ManagerCaption")
        orders_page = QWidget(self)
        orders_layout = QVBoxLayout(orders_page)
        orders_layout.setContentsMargins(0, 6, 0, 0)
        orders_layout.addWidget(self.orders_caption)
        orders_layout.addWidget(self.orders, 1)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.chart, "")
        self.tabs.addTab(orders_page, "")

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)

        self.status = QLabel(self)
        self.status.setObjectName("ManagerCaption")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(8)
        layout.addLayout(head)
        layout.addWidget(self.summary)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.status)

        self.preset.activated.connect(lambda _i: self._preset_chosen())
        self.date_from.dateChanged.connect(lambda _d: self._dates_edited())
        self.date_to.dateChanged.connect(lambda _d: self._dates_edited())
        self.refresh_button.clicked.connect(self.reload)
        self.export_button.clicked.connect(self.export_csv)
        refresh = QAction(self)
        refresh.setShortcut(QKeySequence("F5"))
        refresh.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        refresh.triggered.connect(self.reload)
        self.addAction(refresh)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(300)
        self._debounce.timeout.connect(self.reload)
        self._set_period(*preset_period("this_month", self._today()))

    def _table(self, name: str, model: QSortFilterProxyModel) -> QTableView:
        view = QTableView(self)
        view.setObjectName(name)
        view.setModel(model)
        view.setSortingEnabled(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setShowGrid(False)
        view.setWordWrap(False)
        view.setTabKeyNavigation(False)
        rows = view.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(ROW_HEIGHT)
        return view

    def _enter(self, view: QTableView, handler: object) -> None:
        action = QAction(view)
        action.setShortcuts([QKeySequence("Return"), QKeySequence("Enter")])
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda _c=False: handler())  # type: ignore[operator]
        view.addAction(action)

    # ------------------------------------------------------------------------------------------
    # language
    # ------------------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            QTimer.singleShot(0, self, self.retranslate)
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.language = i18n.current_language()
        self.setWindowTitle(self.tr("Upsell by operator — Okno"))
        self.title.setText(self.tr("Upsell by operator"))
        self.period_label.setText(self.tr("&Period"))
        names = {
            "this_month": self.tr("This month"),
            "last_month": self.tr("Last month"),
            "last_7": self.tr("Last 7 days"),
            "today": self.tr("Today"),
            "custom": self.tr("Dates…"),
        }
        for i, code in enumerate(PRESETS):
            self.preset.setItemText(i, names[code])
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Load the period again (F5)"))
        self.export_button.setText(self.tr("Export CSV…"))
        self.tabs.setTabText(0, self.tr("By day"))
        self.tabs.setTabText(1, self.tr("Orders"))
        self.table.setToolTip(
            self.tr("Select an operator to see their days; Enter lists their orders")
        )
        self.table_model.set_language(self.language)
        self.orders_model.set_language(self.language)
        self._fit_columns()
        self.chart.language = self.language
        self._show_summary()
        self._show_chart_caption()

    def _fit_columns(self) -> None:
        """Numeric columns as wide as their (translated) header and a big amount, never from
        the data; the sort arrow gets its room too."""
        metrics = self.table.fontMetrics()
        money = metrics.horizontalAdvance(format_rub(Decimal("999999.99"), self.language))
        header = self.table.horizontalHeader()
        for column in (T_OFFERS, T_ACCEPTED, T_RATE, T_PENDING, T_EARNED):
            title = str(self.table_model.headerData(column, Qt.Orientation.Horizontal))
            width = metrics.horizontalAdvance(title) + 40
            if column in (T_PENDING, T_EARNED):
                width = max(width, money + 24)
            header.resizeSection(column, max(width, 70))

    # ------------------------------------------------------------------------------------------
    # the period
    # ------------------------------------------------------------------------------------------
    def _today(self) -> dt.date:
        return self.clock.now().astimezone(self.zone).date()

    def period(self) -> tuple[dt.date, dt.date]:
        return _pydate(self.date_from.date()), _pydate(self.date_to.date())

    def set_period(self, date_from: dt.date, date_to: dt.date) -> None:
        """Show ``date_from .. date_to`` (inclusive) and load it."""
        self.preset.setCurrentIndex(PRESETS.index("custom"))
        self._set_period(date_from, date_to)
        self.reload()

    def _set_period(self, date_from: dt.date, date_to: dt.date) -> None:
        for edit, day in ((self.date_from, date_from), (self.date_to, date_to)):
            edit.blockSignals(True)
            edit.setDate(_qdate(day))
            edit.blockSignals(False)

    def _preset_chosen(self) -> None:
        code = self.preset.currentData()
        if code == "custom":
            self.date_from.setFocus()
            return
        self._set_period(*preset_period(code, self._today()))
        self.reload()

    def _dates_edited(self) -> None:
        self.preset.setCurrentIndex(PRESETS.index("custom"))
        self._debounce.start()

    # ------------------------------------------------------------------------------------------
    # loading
    # ------------------------------------------------------------------------------------------
    def reload(self) -> None:
        """The table and the chart for the period (the latest request wins)."""
        self._debounce.stop()
        date_from, date_to = self.period()
        if date_to < date_from:
            self.status.setText(self.tr("The period ends before it starts."))
            return
        self.status.setText(self.tr("Loading…"))
        Op(
            self, lambda s: work.report(s, date_from, date_to), key="report", runner=self.runner
        ).success(self._reported).failure(self._failed).run()

    def _reported(self, report: work.Report) -> None:
        if (report.date_from, report.date_to) != self.period():
            return
        self.report = report
        keep = self.operator_id
        self.table_model.set_rows(report.rows)
        self.operator_id = None
        self.chart.set_days(report.days, "")
        self.status.setText(
            self.tr("%n operator(s)", "", len(report.rows))
            + "  ·  "
            + self.tr("Enter or double-click an operator: their orders")
        )
        self._show_summary()
        self._show_chart_caption()
        # the table as tall as its rows (up to ten), the chart gets the rest
        header = self.table.horizontalHeader().sizeHint().height()
        wanted = header + max(3, min(len(report.rows), 10)) * ROW_HEIGHT + 6
        total = sum(self.splitter.sizes())
        if total > wanted + 200:
            self.splitter.setSizes([wanted, total - wanted])
        if keep is not None:
            for row in range(self.table_proxy.rowCount()):
                if self.table_proxy.index(row, 0).data(ID_ROLE) == keep:
                    self.table.selectRow(row)
                    break

    def _failed(self, error: OpError) -> None:
        self.status.setText(error.message)

    def _show_summary(self) -> None:
        if self.report is None:
            self.summary.setText("")
            return
        offers, accepted, pending, earned = self.table_model.totals()
        rate = format_rate(accepted / offers if offers else None)
        self.summary.setText(
            self.tr("Everyone: %1 offers, %2 accepted (%3) · pending %4 · earned %5")
            .replace("%1", str(offers))
            .replace("%2", str(accepted))
            .replace("%3", rate)
            .replace("%4", format_rub(pending, self.language))
            .replace("%5", format_rub(earned, self.language))
        )

    def _operator_name(self, operator_id: int | None) -> str | None:
        for row in self.table_model.rows:
            if row.operator_id == operator_id:
                return row.operator_name
        return None

    def _show_chart_caption(self) -> None:
        name = self._operator_name(self.operator_id)
        caption = (
            self.tr("Upsell by day: %1").replace("%1", name)
            if name
            else self.tr("Upsell by day: all operators")
        )
        self.chart.set_days(self.chart.days, caption)

    def _operator_chosen(self, current: QModelIndex) -> None:
        operator_id = current.data(ID_ROLE) if current.isValid() else None
        if operator_id == self.operator_id or self.report is None:
            return
        self.operator_id = operator_id
        date_from, date_to = self.period()
        Op(
            self,
            lambda s: work.series(s, date_from, date_to, operator_id),
            key="series",
            runner=self.runner,
        ).success(self._series).failure(self._failed).run()

    def _series(self, series: work.Series) -> None:
        if series.operator_id != self.operator_id:
            return
        self.chart.set_days(series.days, "")
        self._show_chart_caption()

    # ------------------------------------------------------------------------------------------
    # drill-down
    # ------------------------------------------------------------------------------------------
    def drill_down(self) -> None:
        """The orders behind the selected operator's figures (everyone's without one)."""
        index = self.table.currentIndex()
        operator_id = index.data(ID_ROLE) if index.isValid() else None
        date_from, date_to = self.period()
        name = self._operator_name(operator_id) or self.tr("all operators")
        self.orders_caption.setText(self.tr("Loading the orders of %1…").replace("%1", name))
        self.tabs.setCurrentIndex(1)
        Op(
            self,
            lambda s: work.orders(s, date_from, date_to, operator_id),
            key="orders",
            runner=self.runner,
        ).success(lambda found: self._orders(found, name)).failure(self._failed).run()

    def _orders(self, found: work.Orders, name: str) -> None:
        self.orders_model.set_orders(found.orders)
        self.orders.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        for column, width in ((0, 110), (1, 100), (2, 170), (3, 120), (4, 110), (5, 100)):
            self.orders.setColumnWidth(column, width)
        self.orders_caption.setText(
            self.tr("%n order(s) with cross-sell by %1", "", len(found.orders)).replace("%1", name)
            + "  ·  "
            + self.tr("Enter opens one in the order card")
        )
        if found.orders:
            self.orders.selectRow(0)
            self.orders.setFocus()

    def open_current_order(self) -> None:
        index = self.orders.currentIndex()
        if index.isValid():
            order_id = index.data(ID_ROLE)
            if isinstance(order_id, int):
                self.sig_order_requested.emit(order_id)

    # ------------------------------------------------------------------------------------------
    # export
    # ------------------------------------------------------------------------------------------
    def export_csv(self) -> None:
        """Export CSV…: the table as shown, to a file the manager picks."""
        if self.report is None:
            self.status.setText(self.tr("Nothing to export yet."))
            return
        date_from, date_to = self.period()
        dialog = QFileDialog(self, self.tr("Export the upsell table"))
        dialog.setObjectName("ExportDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("CSV files (*.csv)"))
        dialog.setDefaultSuffix("csv")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.selectFile(f"upsell-{date_from.isoformat()}-{date_to.isoformat()}.csv")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.export_to)
        track_dialog(self, dialog)
        dialog.open()

    def export_to(self, path: str) -> None:
        """Write the table to ``path`` off the UI thread."""
        if self.report is None or not path:
            return
        rows = self.report.rows
        self.status.setText(self.tr("Writing %1…").replace("%1", path))
        Op(
            self, lambda: work.write_csv(path, rows), lane=Lane.BACKGROUND, runner=self.runner
        ).success(self._exported).failure(self._failed).run()

    def _exported(self, path: str) -> None:
        self.exported = path
        self.status.setText(self.tr("Saved %1").replace("%1", path))
