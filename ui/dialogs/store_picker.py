"""Choose the shipping store: the city's stores, best first by how much of the order they have
free ("3 of 3 items"). Up/Down choose, Enter takes, Esc closes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.orders.card import StoreChoice

ROW_HEIGHT = 28
COL_NAME, COL_ADDRESS, COL_ITEMS, COL_UNITS = range(4)
_FULL = QBrush(QColor("#166534"))
_PARTIAL = QBrush(QColor("#b91c1c"))
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_ENTER = {Qt.Key.Key_Return, Qt.Key.Key_Enter}


class StorePickerDialog(QDialog):
    """Lists ``choices`` (already sorted, best first); emits ``sig_store_chosen``."""

    # (store id, store name)
    sig_store_chosen = Signal(int, str)

    def __init__(
        self,
        choices: tuple[StoreChoice, ...],
        *,
        current_store_id: int | None,
        item_count: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("StorePickerDialog")
        self.choices = choices
        self.item_count = item_count
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(len(choices), 4, self)
        self.table.setObjectName("StoreChoices")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        rows = self.table.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(ROW_HEIGHT)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_ADDRESS, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.table.setColumnWidth(COL_NAME, 190)
        self.table.setColumnWidth(COL_ITEMS, 110)
        self.table.setColumnWidth(COL_UNITS, 90)
        self.buttons = QDialogButtonBox(self)
        self.choose_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.choose_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 14, 14, 12)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.choose_button.clicked.connect(self.choose)
        self.cancel_button.clicked.connect(self.reject)
        self.table.doubleClicked.connect(lambda _i: self.choose())
        self.resize(720, 380)
        self.retranslate()
        self._fill(current_store_id)
        self.table.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Choose shipping store"))
        self.intro.setText(
            self.tr("Stores sorted by how much of the order they have free right now.")
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Store"), self.tr("Address"), self.tr("Has"), self.tr("Units")]
        )
        self.choose_button.setText(self.tr("Ship from here"))

    def items_text(self, choice: StoreChoice) -> str:
        return (
            self.tr("%1 of %2 items")
            .replace("%1", str(choice.items_fully_available))
            .replace("%2", str(self.item_count))
        )

    def _fill(self, current_store_id: int | None) -> None:
        select = 0
        for row, choice in enumerate(self.choices):
            full = choice.items_fully_available >= self.item_count
            name = choice.name + ("  ✓" if choice.store_id == current_store_id else "")
            cells = (
                name,
                choice.address,
                self.items_text(choice),
                f"{choice.units_available} / {choice.units_wanted}",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (COL_ITEMS, COL_UNITS):
                    item.setTextAlignment(_RIGHT)
                if column == COL_ITEMS:
                    item.setForeground(_FULL if full else _PARTIAL)
                if column == COL_ADDRESS:
                    item.setToolTip(f"{choice.city}: {choice.address}")
                if column == COL_NAME and choice.store_id == current_store_id:
                    item.setToolTip(self.tr("The order ships from here now"))
                self.table.setItem(row, column, item)
            if choice.store_id == current_store_id:
                select = row
        if self.choices:
            self.table.selectRow(select)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _ENTER:
            self.choose()
            return
        super().keyPressEvent(event)

    def choose(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.choices):
            return
        choice = self.choices[row]
        self.sig_store_chosen.emit(choice.store_id, choice.name)
        self.accept()
