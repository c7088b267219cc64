"""Search-and-pick widgets shared by the dialogs: a customer picker and an offer picker.

Each is a line edit over a results table. Typing searches (debounced, latest request wins);
Up/Down in the line edit move through the results, Enter (or a double click) picks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.customers.search import CustomerHit
from app.orders.card import OfferHit, StoreChoice
from ui.models.order_lines import OFFER_COL_NAME, OfferHitsModel
from ui.models.search_results import (
    COL_DETAIL,
    COL_KIND,
    COL_TITLE,
    SearchResultsModel,
    customer_rows,
)
from ui.ops import Op, OpRunner
from ui.widgets.debounced_search import DebouncedSearch

ROW_HEIGHT = 26
TOOLTIP_ROLE = Qt.ItemDataRole.ToolTipRole
_NAV_KEYS = {
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_PageUp: -8,
    Qt.Key.Key_PageDown: 8,
}
_ENTER_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter}


def results_table(parent: QWidget, model: Any) -> QTableView:
    """A compact, read-only, row-selecting table with a fixed row height."""
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)
    rows = table.verticalHeader()
    rows.setVisible(False)
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(ROW_HEIGHT)
    return table


class KeyNavigator(QObject):
    """Up/Down/PageUp/PageDown in a line edit move the table's current row; Enter picks."""

    def __init__(self, edit: QLineEdit, table: QTableView, pick: Callable[[], None]) -> None:
        super().__init__(edit)
        self._table = table
        self._pick = pick
        edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in _NAV_KEYS:
                move(self._table, _NAV_KEYS[Qt.Key(key)])
                return True
            if key in _ENTER_KEYS:
                self._pick()
                return True
        return False


def move(table: QTableView, step: int) -> None:
    """Move the current row by ``step``, clamped to the rows there are."""
    model = table.model()
    count = model.rowCount()
    if count == 0:
        return
    current = table.currentIndex().row()
    row = 0 if current < 0 else max(0, min(count - 1, current + step))
    table.selectRow(row)
    table.scrollTo(model.index(row, 0))


class CustomerPicker(QWidget):
    """Find a customer by phone (any format), e-mail or name, and pick one."""

    # the customer picked: (id, display name)
    sig_customer_chosen = Signal(int, str)

    def __init__(
        self, runner: OpRunner, *, exclude_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.exclude_id = exclude_id
        self._pick_pending = False
        self.edit = QLineEdit(self)
        self.edit.setObjectName("CustomerPickerEdit")
        self.edit.setClearButtonEnabled(True)
        self.model = SearchResultsModel(self)
        self.table = results_table(self, self.model)
        self.table.setColumnHidden(COL_KIND, True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_DETAIL, QHeaderView.ResizeMode.Stretch)
        self.hint = QLabel(self)
        self.hint.setObjectName("SectionHint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.edit)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)

        from app.customers.search import search

        def find(session: Any, text: str) -> tuple[CustomerHit, ...]:
            return tuple(search(session, text, limit=30))

        self.search = DebouncedSearch(runner, find, key="customer-picker", parent=self)
        self.search.sig_results.connect(self._show)
        self.search.sig_cleared.connect(self._cleared)
        self.search.sig_failed.connect(self._failed)
        self.edit.textChanged.connect(self.search.set_text)
        self.table.activated.connect(lambda _index: self.pick())  # Enter or double click
        self._navigator = KeyNavigator(self.edit, self.table, self.pick)
        self.setFocusProxy(self.edit)
        self.retranslate()
        self._cleared()

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(self.tr("Phone in any format, e-mail or name"))

    def _failed(self, message: str) -> None:
        self._pick_pending = False
        self.hint.setText(message)

    def _cleared(self) -> None:
        self._pick_pending = False
        self.model.clear()
        self.hint.setText(self.tr("Type at least 2 characters"))

    def _show(self, _text: str, hits: tuple[CustomerHit, ...]) -> None:
        rows = [r for r in customer_rows(hits) if r.id != self.exclude_id]
        self.model.set_rows(rows)
        if rows:
            self.table.selectRow(0)
            self.hint.setText(self.tr("Enter picks the selected customer"))
        else:
            self.hint.setText(self.tr("Nobody found"))
        if self._pick_pending:
            self._pick_pending = False
            self.pick()

    def pick(self) -> None:
        """Pick the current row (the first when none is current); while a search for the
        typed text is still running, pick from its answer."""
        self.search.search_now()
        if self.search.busy:
            self._pick_pending = True
            return
        if self.model.rowCount() == 0:
            return
        row = max(0, self.table.currentIndex().row())
        chosen = self.model.row_at(row)
        self.sig_customer_chosen.emit(chosen.id, chosen.name)


class OfferPicker(QWidget):
    """Find an offer by name, SKU or barcode (with free stock per store) and pick one."""

    # the offer picked
    sig_offer_chosen = Signal(object)  # OfferHit

    def __init__(
        self, runner: OpRunner, *, language: str = "en", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._language = language
        self._pick_pending = False
        self.edit = QLineEdit(self)
        self.edit.setObjectName("OfferPickerEdit")
        self.edit.setClearButtonEnabled(True)
        self.model = OfferHitsModel(language, self)
        self.table = results_table(self, self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(OFFER_COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.hint = QLabel(self)
        self.hint.setObjectName("SectionHint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.edit)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)

        from app.orders.card import search_offers

        def find(session: Any, text: str) -> tuple[OfferHit, ...]:
            return tuple(search_offers(session, text, limit=30))

        self.search = DebouncedSearch(runner, find, key="offer-picker", parent=self)
        self.search.sig_results.connect(self._show)
        self.search.sig_cleared.connect(self._cleared)
        self.search.sig_failed.connect(self._failed)
        self.edit.textChanged.connect(self.search.set_text)
        self.table.activated.connect(lambda _index: self.pick())  # Enter or double click
        self._navigator = KeyNavigator(self.edit, self.table, self.pick)
        self.setFocusProxy(self.edit)
        self.retranslate()
        self._cleared()

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(self.tr("Item name, SKU or barcode"))

    def _failed(self, message: str) -> None:
        self._pick_pending = False
        self.hint.setText(message)

    def _cleared(self) -> None:
        self._pick_pending = False
        self.model.set_hits(())
        self.hint.setText(self.tr("Type at least 2 characters"))

    def _show(self, _text: str, hits: tuple[OfferHit, ...]) -> None:
        self.model.set_hits(hits, self._language)
        widths = {1: 100, 2: 90, 3: 210}
        for col, width in widths.items():
            self.table.setColumnWidth(col, width)
        if hits:
            self.table.selectRow(0)
            self.hint.setText(self.tr("Enter adds the selected item"))
        else:
            self.hint.setText(self.tr("No such item on sale"))
        if self._pick_pending:
            self._pick_pending = False
            self.pick()

    def pick(self) -> None:
        """Pick the current row; while a search is running, pick from its answer."""
        self.search.search_now()
        if self.search.busy:
            self._pick_pending = True
            return
        if self.model.rowCount() == 0:
            return
        row = max(0, self.table.currentIndex().row())
        self.sig_offer_chosen.emit(self.model.hit_at(row))

    def current_index(self) -> QModelIndex:
        return self.table.currentIndex()


class StoreCombo(QComboBox):
    """Shipping store choice for lines being put together: the first entry is "no store", then
    active stores best first (most lines in full, most units), each saying what it has."""

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._wanted: tuple[tuple[int, int], ...] = ()
        self.choices: tuple[StoreChoice, ...] = ()
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(30)
        self._fill(())

    def update_for(self, wanted: tuple[tuple[int, int], ...]) -> None:
        """Rank the stores for ``wanted`` (offer id, quantity) lines (latest request wins)."""
        from app.customers.panel_queries import stores_for_items

        self._wanted = wanted
        Op(self, lambda s: stores_for_items(s, wanted), key="stores", runner=self._runner).success(
            self._fill
        ).run()

    def store_id(self) -> int | None:
        value = self.currentData()
        return int(value) if value is not None else None

    def _fill(self, choices: tuple[StoreChoice, ...]) -> None:
        keep = self.store_id() if self.count() else None
        self.choices = choices
        self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("— no store —"), None)
        for c in choices:
            if c.units_wanted:
                text = (
                    self.tr("%1 · lines %2 of %3, pcs %4 of %5")
                    .replace("%1", c.name)
                    .replace("%2", str(c.items_fully_available))
                    .replace("%3", str(len(self._wanted)))
                    .replace("%4", str(c.units_available))
                    .replace("%5", str(c.units_wanted))
                )
            else:
                text = c.name
            self.addItem(text, c.store_id)
            self.setItemData(self.count() - 1, f"{c.name}\n{c.city}, {c.address}", TOOLTIP_ROLE)
        index = self.findData(keep) if keep is not None else 0
        self.setCurrentIndex(max(0, index))
        self.blockSignals(False)
