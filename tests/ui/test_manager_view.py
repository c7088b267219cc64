"""The manager view in the real console window: a supervisor opens Reports → Upsell by
operator (Ctrl+Shift+U), sees each operator's offers, acceptance and upsell for the period,
the day chart, drills down to the orders (Enter opens one in the card) and exports the table
as CSV through the file dialog. Operators do not get the menu. Both databases."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from app.actors import Actor
from app.capsules.offers import add_to_order, record_declined, record_offered
from app.capsules.suggestions import suggestions_for_order
from app.clock import SYSTEM_CLOCK
from app.db import session_scope
from app.orders import outcomes, workflow
from tests.ui import test_cross_sell
from tests.ui.test_cross_sell import TODAY, Shop, make_shop
from ui.main_window import MainWindow
from ui.panels.manager.models import T_ACCEPTED, T_EARNED, T_OFFERS, T_OPERATOR, T_PENDING, T_RATE

pytestmark = pytest.mark.ui

# the window fixture of the cross-sell tests (same shop, same window)
opened = test_cross_sell.opened
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def sold(url: str) -> Shop:
    """Ольга offers the rest of the capsule, the customer takes the shirt and declines the shoes,
    she confirms the order: the shirt's 1 350 ₽ are her pending upsell today."""
    shop = make_shop(url)
    assert shop.olga is not None
    olga = Actor(shop.olga.id, "operator", shop.olga.name)
    with session_scope(url) as s:
        shown = suggestions_for_order(s, shop.order, TODAY)
        records = record_offered(s, olga, SYSTEM_CLOCK, shown, order_id=shop.order)
        shirt = next(g for g in shown if g.product_id == shop.products["shirt"])
        order = workflow.get_order(s, shop.order)
        added = add_to_order(s, olga, SYSTEM_CLOCK, order_id=shop.order,
                             expected_version=order.version, offer_id=shirt.offer_id,
                             capsule_id=shirt.capsule_id,
                             offer_record_id=records[shirt.product_id])  # fmt: skip
        record_declined(s, olga, SYSTEM_CLOCK, records[shop.products["shoes"]], "too expensive")
        order = workflow.get_order(s, shop.order)
        outcomes.confirm(s, order, olga, SYSTEM_CLOCK, expected_version=added.order_version)
    return shop


def cells(view: Any, row: int, columns: tuple[int, ...]) -> list[str]:
    model = view.model()
    return [model.index(row, c).data() for c in columns]


def test_operators_do_not_get_the_report(
    qtbot: Any, db_url: str, opened: Callable[..., MainWindow]
) -> None:
    shop = make_shop(db_url)
    window = opened(db_url, shop.olga)
    assert not window.reports_menu.menuAction().isVisible()
    window.open_upsell_report()
    assert window.manager_window is None


def test_the_manager_view_shows_the_table_the_days_the_orders_and_exports_csv(
    qtbot: Any, qtmodeltester: Any, db_url: str, tmp_path: Path, opened: Callable[..., MainWindow]
) -> None:
    shop = sold(db_url)
    assert shop.boss is not None
    window = opened(db_url, shop.boss)
    assert window.reports_menu.menuAction().isVisible()
    qtbot.keyClick(window, Qt.Key.Key_U, CTRL_SHIFT)
    view = window.manager_window
    assert view is not None
    qtbot.waitUntil(lambda: view.report is not None and view.isVisible(), timeout=10_000)
    qtmodeltester.check(view.table_model)
    table = view.table
    assert table.model().rowCount() == 1
    assert cells(table, 0, (T_OPERATOR, T_OFFERS, T_ACCEPTED, T_RATE)) == [
        "Ольга Смирнова",
        "2",
        "1",
        "50 %",
    ]
    assert cells(table, 0, (T_PENDING, T_EARNED)) == ["₽1,350.00", "₽0.00"]
    assert "Школа, мальчик 7–9" in table.model().index(0, 6).data()
    assert "2 offers, 1 accepted (50 %)" in view.summary.text()
    # the chart: every day of this month, today's upsell pending
    days = view.chart.days
    assert days[-1].day == TODAY and days[-1].pending > 0
    assert view.chart.caption == "Upsell by day: all operators"
    # choosing Ольга draws her days; Enter lists her orders
    table.setFocus()
    table.selectRow(0)
    qtbot.waitUntil(lambda: view.chart.caption == "Upsell by day: Ольга Смирнова")
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.orders_model.rowCount() == 1, timeout=10_000)
    qtmodeltester.check(view.orders_model)
    assert view.tabs.currentIndex() == 1
    assert cells(view.orders, 0, (0, 4, 5)) == ["W-0100", "₽1,350.00", "pending"]
    # Enter on the order opens it in the card
    assert window.card is not None
    with qtbot.waitSignal(window.card.sig_order_loaded, timeout=10_000):
        qtbot.keyClick(view.orders, Qt.Key.Key_Return)
    assert window.card.order_id == shop.order
    # Export CSV… through the file dialog
    target = tmp_path / "upsell.csv"
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(view.dialog, QFileDialog) and view.dialog.isVisible())
    dialog = view.dialog
    assert dialog.selectedFiles()[0].endswith(".csv")
    dialog.selectFile(str(target))
    dialog.accept()
    QApplication.processEvents()
    qtbot.waitUntil(lambda: view.exported == str(target), timeout=10_000)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:4] == ["operator", "offers made", "accepted", "acceptance rate"]
    assert rows[1][:4] == ["Ольга Смирнова", "2", "1", "0.500"]
    assert "Saved" in view.status.text()
