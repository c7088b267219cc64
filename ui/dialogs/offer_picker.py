"""Add an item to an order: search offers as you type, see free stock per store, Enter adds.

Keyboard: type a name, SKU or barcode; Up/Down/PageUp/PageDown move through the results without
leaving the search field; Alt+Q (the quantity's mnemonic) or Tab reaches the quantity; Enter
adds the selected offer and closes; Esc closes without adding."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.orders.card import OfferHit, search_offers
from ui.formatting import format_rub
from ui.ops import Op, OpError, OpRunner

SEARCH_DELAY_MS = 200
MIN_CHARS = 2
ROW_HEIGHT = 28
_NAV = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -8, Qt.Key.Key_PageDown: 8}
_ENTER = {Qt.Key.Key_Return, Qt.Key.Key_Enter}
_SHORT = QBrush(QColor("#b91c1c"))
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
COL_NAME, COL_VARIANT, COL_PRICE, COL_HERE, COL_STORES = range(5)


def _search(session: Any, text: str) -> tuple[OfferHit, ...]:
    return tuple(search_offers(session, text))


class OfferPickerDialog(QDialog):
    """Pick an offer and a quantity; emits ``sig_offer_chosen`` and closes."""

    # the offer picked, the quantity, and its free units at the order's store (None: no store)
    sig_offer_chosen = Signal(object, int, object)

    def __init__(
        self,
        runner: OpRunner,
        *,
        store_name: str | None,
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("OfferPickerDialog")
        self.runner = runner
        self.store_name = store_name
        self.language = language
        self.hits: tuple[OfferHit, ...] = ()
        self._asked = ""  # the text whose answer is awaited ("" when none)
        self._add_pending = False

        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("OfferSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("OfferResults")
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
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for column, width in ((COL_VARIANT, 120), (COL_PRICE, 100), (COL_HERE, 70)):
            self.table.setColumnWidth(column, width)
        self.table.setColumnWidth(COL_STORES, 230)
        self.hint = QLabel(self)
        self.hint.setObjectName("SectionHint")
        self.quantity_label = QLabel(self)
        self.quantity = QSpinBox(self)
        self.quantity.setObjectName("OfferQuantity")
        self.quantity.setRange(1, 999)
        self.quantity_label.setBuddy(self.quantity)
        self.buttons = QDialogButtonBox(self)
        self.add_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.add_button.setObjectName("AddOfferButton")
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.add_button.setDefault(True)

        bottom = QHBoxLayout()
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.quantity_label)
        bottom.addWidget(self.quantity)
        bottom.addSpacing(12)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 14, 14, 12)
        layout.setSpacing(8)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._search_now)
        self.search_edit.textChanged.connect(self._typed)
        self.search_edit.installEventFilter(self)
        self.table.doubleClicked.connect(lambda _i: self.add())
        self.add_button.clicked.connect(self.add)
        self.close_button.clicked.connect(self.reject)
        self.resize(860, 460)
        self.retranslate()
        self.search_edit.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Add item"))
        self.search_edit.setPlaceholderText(self.tr("Name, SKU or barcode"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Item"),
                self.tr("Colour / size"),
                self.tr("Price"),
                self.tr("Here"),
                self.tr("Free in stores"),
            ]
        )
        here = self.table.horizontalHeaderItem(COL_HERE)
        if here is not None:
            here.setToolTip(
                self.tr("Free at the order's store (%1)").replace("%1", self.store_name)
                if self.store_name
                else self.tr("The order has no shipping store yet")
            )
        self.quantity_label.setText(self.tr("&Quantity"))
        self.add_button.setText(self.tr("Add"))
        self.add_button.setToolTip(self.tr("Add the selected item (Enter)"))
        if not self._asked and not self.hits:
            self.hint.setText(self.tr("Type at least 2 characters"))

    # -- searching ----------------------------------------------------------------------------
    def _typed(self, text: str) -> None:
        if len(text.strip()) < MIN_CHARS:
            self._timer.stop()
            self._asked = ""
            self._show(())
            self.hint.setText(self.tr("Type at least 2 characters"))
            return
        self._timer.start()

    def _search_now(self) -> None:
        self._timer.stop()
        text = self.search_edit.text().strip()
        if len(text) < MIN_CHARS:
            return
        self._asked = text
        self.hint.setText(self.tr("Searching…"))
        Op(self, lambda s: _search(s, text), key="offer-search", runner=self.runner).success(
            lambda hits: self._answered(text, hits)
        ).failure(self._failed).run()

    def _answered(self, text: str, hits: tuple[OfferHit, ...]) -> None:
        if text != self.search_edit.text().strip():
            return  # typed on since: a newer answer is coming
        self._asked = ""
        self._show(hits)
        if hits:
            self.hint.setText(self.tr("Enter adds the selected item"))
        else:
            self.hint.setText(self.tr("Nothing found for “%1”").replace("%1", text))
        if self._add_pending:
            self._add_pending = False
            self.add()

    def _failed(self, error: OpError) -> None:
        self._asked = ""
        self._add_pending = False
        self.hint.setText(error.message)

    def _show(self, hits: tuple[OfferHit, ...]) -> None:
        self.hits = hits
        table = self.table
        table.setRowCount(len(hits))
        for row, hit in enumerate(hits):
            free_here = self.free_here(hit)
            stores = " · ".join(f"{name} {qty}" for name, qty in hit.free_by_store[:3])
            if len(hit.free_by_store) > 3:
                stores += " · …"
            cells = (
                hit.name,
                " / ".join(x for x in (hit.color, hit.size) if x),
                format_rub(hit.price, self.language),
                "—" if free_here is None else str(free_here),
                stores or self.tr("none free"),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (COL_PRICE, COL_HERE):
                    item.setTextAlignment(_RIGHT)
                if column == COL_HERE and free_here == 0:
                    item.setForeground(_SHORT)
                if column == COL_STORES:
                    item.setToolTip(
                        "\n".join(f"{name}: {qty}" for name, qty in hit.free_by_store)
                        or self.tr("No store has it free")
                    )
                if column == COL_NAME:
                    item.setToolTip(f"{hit.name}\n" + self.tr("SKU") + f": {hit.external_id}")
                table.setItem(row, column, item)
        if hits:
            table.selectRow(0)

    def free_here(self, hit: OfferHit) -> int | None:
        if not self.store_name:
            return None
        return next((qty for name, qty in hit.free_by_store if name == self.store_name), 0)

    # -- keyboard -----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in _NAV:
                self._move(_NAV[Qt.Key(key)])
                return True
            if key in _ENTER:
                self.add()
                return True
        return super().eventFilter(watched, event)

    def _move(self, step: int) -> None:
        count = self.table.rowCount()
        if count == 0:
            return
        current = self.table.currentRow()
        row = 0 if current < 0 else max(0, min(count - 1, current + step))
        self.table.selectRow(row)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter anywhere in the dialog (table, quantity) adds; QDialog would otherwise press
        # the default button, which is the same, but only when one has focus-independent
        # default semantics — be explicit.
        if event.key() in _ENTER:
            self.add()
            return
        super().keyPressEvent(event)

    # -- result -------------------------------------------------------------------------------
    def add(self) -> None:
        """Add the selected offer (the first when none is selected) and close. While the
        answer for the typed text is still coming, add from that answer."""
        if self._timer.isActive():
            self._search_now()
        if self._asked:
            self._add_pending = True
            return
        if not self.hits:
            return
        row = max(0, self.table.currentRow())
        hit = self.hits[row]
        self.sig_offer_chosen.emit(hit, self.quantity.value(), self.free_here(hit))
        self.accept()
