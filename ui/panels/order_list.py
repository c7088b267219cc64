"""The order list panel: a view picker, a refresh button and the lazily paged order grid.

Today it is the window's central widget; issue 4 moves it into the queue dock. It talks to the
rest of the window only through its ``sig_*`` signals and public methods."""

from __future__ import annotations

import math

from PySide6.QtCore import QByteArray, QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.order_list import OrderFilter
from ui.formatting import RowFormatter
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
    OrderTableModel,
)
from ui.ops import OpRunner
from ui.widgets.status_chip import StatusChipDelegate

# one fixed row height: no per-row size hints on a table that can hold millions of rows
ROW_HEIGHT = 30

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

# The views offered until saved views arrive (issue 4); their names are in retranslate().
_VIEWS: tuple[OrderFilter, ...] = (
    OrderFilter(),
    OrderFilter(statuses=("needs_confirmation", "no_answer")),
    OrderFilter(statuses=("new",)),
    OrderFilter(statuses=("no_answer",)),
    OrderFilter(statuses=("confirmed",)),
    OrderFilter(statuses=("cancelled",)),
)


class OrderListPanel(QWidget):
    """Orders newest first with a view picker."""

    # the grid now holds this many rows
    sig_rows_loaded = Signal(int)
    # how many orders the current view matches: (count, exact)
    sig_count_estimated = Signal(int, bool)
    # a page could not be loaded (readable message)
    sig_load_failed = Signal(str)

    def __init__(
        self, runner: OpRunner, formatter: RowFormatter, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("OrderListPanel")
        self.model = OrderTableModel(runner, formatter, parent=self)
        self._base_widths: dict[int, int] = {}

        self.title = QLabel(self)
        self.title.setObjectName("PanelTitle")
        self.view_picker = QComboBox(self)
        self.view_picker.setObjectName("ViewPicker")
        self.view_picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for _ in _VIEWS:
            self.view_picker.addItem("")
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("RefreshButton")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("CountLabel")

        bar = QHBoxLayout()
        bar.setContentsMargins(12, 10, 12, 8)
        bar.setSpacing(10)
        bar.addWidget(self.title)
        bar.addSpacing(8)
        bar.addWidget(self.view_picker)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        bar.addWidget(self.count_label)

        self.table = QTableView(self)
        self.table.setObjectName("OrderTable")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(COL_STATUS, StatusChipDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        rows = self.table.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(ROW_HEIGHT)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.viewport().installEventFilter(self)  # share spare width on resize

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.table)  # keyboard goes to the grid, not the view picker

        self.model.sig_rows_loaded.connect(self.sig_rows_loaded)
        self.model.sig_load_failed.connect(self.sig_load_failed)
        self.model.sig_count_estimated.connect(self._show_count)
        self.model.sig_count_estimated.connect(self.sig_count_estimated)
        self.view_picker.currentIndexChanged.connect(self._view_chosen)
        self.refresh_button.clicked.connect(self.reload)
        self.retranslate()
        self.fit_columns()

    def reload(self) -> None:
        """Fetch the current view again from the first page."""
        self.count_label.clear()
        self.model.reload(_VIEWS[max(self.view_picker.currentIndex(), 0)])

    def set_formatter(self, formatter: RowFormatter) -> None:
        self.model.set_formatter(formatter)
        self.fit_columns()

    def header_state(self) -> QByteArray:
        return self.table.horizontalHeader().saveState()

    def restore_header_state(self, state: QByteArray) -> None:
        self.table.horizontalHeader().restoreState(state)

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
            self._base_widths[column] = (
                max(content, head.horizontalAdvance(header_text)) + _CELL_PADDING
            )
        self._share_width()

    def _share_width(self) -> None:
        """Every column at its base width; the spare width goes to the name columns (customer
        first), so a wide screen shows names in full instead of an empty last column."""
        if not self._base_widths:
            return
        spare = self.table.viewport().width() - sum(self._base_widths.values())
        # a narrow window takes the width back from the same columns, down to a floor
        extra = {c: math.floor(spare * share) for c, share in _SPARE_SHARES.items()}
        extra[COL_CUSTOMER] += spare - sum(extra.values())  # rounding leftovers: exact fill
        for column, width in self._base_widths.items():
            grown = width + extra.get(column, 0)
            self.table.setColumnWidth(column, max(grown, min(width, _MIN_NAME_WIDTH)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._share_width()
        return super().eventFilter(watched, event)

    def _view_chosen(self, _index: int) -> None:
        self.reload()

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
        self.title.setText(self.tr("Orders"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Load the list again from the newest order"))
        view_names = (
            self.tr("All orders"),
            self.tr("Operator queue"),
            self.tr("New"),
            self.tr("No answer"),
            self.tr("Confirmed"),
            self.tr("Cancelled"),
        )
        for i, name in enumerate(view_names):
            self.view_picker.setItemText(i, name)
        if self.model.count is not None:
            self._show_count(self.model.count.value, self.model.count.exact)
