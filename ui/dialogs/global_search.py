"""Ctrl+K: one box that finds orders by number and customers by phone in any format, e-mail or
name (ё = е, any word order), as you type.

Wiring (main window)::

    search = GlobalSearchDialog(runner, timezone=config.timezone, parent=window)
    action = QAction(window); shortcuts.apply(action, "global_search")
    action.triggered.connect(search.open_search)
    search.sig_order_requested.connect(open_order_card)
    search.sig_customer_requested.connect(profile_panel.show_customer)

Keys: type; Up/Down/PageUp/PageDown move; Enter opens the selected row (the first if none);
Esc closes. When the text is an order number, the order comes first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.customers.search import MIN_QUERY, GlobalResults
from ui import i18n
from ui.customer_support import CUSTOMER_QSS
from ui.formatting import operator_zone
from ui.models.search_results import (
    COL_DETAIL,
    COL_KIND,
    COL_TITLE,
    CUSTOMER,
    ORDER,
    ResultRow,
    SearchResultsModel,
    customer_rows,
    order_rows,
)
from ui.ops import OpRunner
from ui.shortcuts import tooltip
from ui.widgets.debounced_search import DebouncedSearch
from ui.widgets.pickers import KeyNavigator, results_table

RESULT_LIMIT = 20


def _global(session: Any, text: str) -> tuple[GlobalResults, tuple[tuple[str, str, str], ...]]:
    from app.customers.panel_queries import status_names
    from app.customers.search import global_search

    return global_search(session, text, limit=RESULT_LIMIT), status_names(session)


class GlobalSearchDialog(QDialog):
    """The Ctrl+K search box. Reusable: hide on open/escape, :meth:`open_search` again."""

    # open this order in the card
    sig_order_requested = Signal(int)
    # show this customer in the profile panel
    sig_customer_requested = Signal(int)

    def __init__(
        self,
        runner: OpRunner,
        *,
        timezone: str = "Europe/Moscow",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("GlobalSearchDialog")
        self.setStyleSheet(CUSTOMER_QSS)
        self._zone = operator_zone(timezone)
        self._open_pending = False

        self.edit = QLineEdit(self)
        self.edit.setObjectName("GlobalSearchEdit")
        self.edit.setClearButtonEnabled(True)
        self.model = SearchResultsModel(self)
        self.table = results_table(self, self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_KIND, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_DETAIL, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(COL_KIND, 80)
        self.table.setColumnWidth(COL_TITLE, 270)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay in the box
        self.status = QLabel(self)
        self.status.setObjectName("SectionHint")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 10)
        layout.setSpacing(6)
        layout.addWidget(self.edit)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

        self.search = DebouncedSearch(
            runner, _global, key="global-search", min_chars=MIN_QUERY, parent=self
        )
        self.search.sig_results.connect(self._show)
        self.search.sig_cleared.connect(self._cleared)
        self.search.sig_failed.connect(self._failed)
        self.edit.textChanged.connect(self.search.set_text)
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self._navigator = KeyNavigator(self.edit, self.table, self.open_current)

        self.resize(680, 440)
        self.retranslate()
        self._cleared()

    # -- public ---------------------------------------------------------------------------------
    def open_search(self, text: str = "") -> None:
        """Show the box (centred at the top of the parent window), focused, text selected."""
        if text:
            self.edit.setText(text)
        parent = self.parentWidget()
        if parent is not None:
            frame = parent.window().geometry()
            self.move(frame.center().x() - self.width() // 2, frame.top() + 80)
        self.show()
        self.raise_()
        self.activateWindow()
        self.edit.setFocus()
        self.edit.selectAll()

    def open_current(self) -> None:
        """Open the selected row (the first when none is selected). While the search for the
        typed text is still running, open from its answer."""
        self.search.search_now()
        if self.search.busy:
            self._open_pending = True
            return
        if self.model.rowCount():
            self._open_row(max(0, self.table.currentIndex().row()))

    # -- results ----------------------------------------------------------------------------------
    def _cleared(self) -> None:
        self._open_pending = False
        self.model.clear()
        self.status.setText(
            self.tr(
                "Order number, phone in any format, e-mail or name (at least %1 characters)"
            ).replace("%1", str(MIN_QUERY))
        )

    def _failed(self, message: str) -> None:
        self._open_pending = False
        self.status.setText(message)

    def _show(
        self, _text: str, answer: tuple[GlobalResults, tuple[tuple[str, str, str], ...]]
    ) -> None:
        results, statuses = answer
        language = i18n.current_language()
        names = {code: (ru if language == "ru" else en) for code, ru, en in statuses}
        customers = customer_rows(results.customers)
        orders = order_rows(results.orders, language, self._zone, names)
        # an order number typed: the order is what is wanted, before its customer
        by_number = any(o.matched == "number" for o in results.orders)
        rows: list[ResultRow] = orders + customers if by_number else customers + orders
        self.model.set_rows(rows)
        if rows:
            self.table.selectRow(0)
            self.status.setText(
                self.tr("%1 customers, %2 orders · Enter opens, Esc closes")
                .replace("%1", str(len(customers)))
                .replace("%2", str(len(orders)))
            )
        else:
            self.status.setText(self.tr("Nothing found"))
        if self._open_pending:
            self._open_pending = False
            self.open_current()

    def _open_row(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        chosen = self.model.row_at(row)
        self.accept()
        if chosen.kind == ORDER:
            self.sig_order_requested.emit(chosen.id)
        elif chosen.kind == CUSTOMER:
            self.sig_customer_requested.emit(chosen.id)

    # -- language -------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(tooltip("global_search"))
        self.edit.setPlaceholderText(self.tr("Search: order number, phone, e-mail or name"))
