"""Merging a duplicate from the profile panel (both databases): pick the duplicate by search,
read what moves, confirm; only supervisors and admins; a customer changed after the preview is
refused; the merged record opens as an audit record pointing at the survivor."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.clock import FixedClock
from app.customers.attributes import add_tag
from app.db import session_scope
from models import Customer, Role
from tests import factories as f
from tests.ui.customer_data import NOW, actor, rich_customer
from ui.dialogs.merge import MergeDialog
from ui.ops import OpRunner
from ui.panels.customer_profile import CustomerProfilePanel

pytestmark = pytest.mark.ui

MakeRunner = Callable[[str | None], OpRunner]


def _duplicate(url: str) -> int:
    with session_scope(url) as s:
        dup = f.customer(s, phone="+79035550000", first_name="Аня", last_name="Петрова")
        off = f.offer(s, "999")
        for _ in range(2):
            f.order(s, [(off, 1)], customer_obj=dup, created_at=NOW)
        return dup.id


def _panel(qtbot: Any, runner: OpRunner, who: Any, customer_id: int) -> CustomerProfilePanel:
    panel = CustomerProfilePanel(runner, who, clock=FixedClock(NOW))
    qtbot.addWidget(panel)
    panel.resize(450, 740)
    panel.show()
    with qtbot.waitSignal(panel.sig_customer_loaded, timeout=10_000):
        panel.show_customer(customer_id)
    return panel


def _open_dialog(qtbot: Any, panel: CustomerProfilePanel) -> MergeDialog:
    qtbot.mouseClick(panel.merge_button, Qt.MouseButton.LeftButton)
    dialog = panel.merge_dialog
    qtbot.addWidget(dialog)
    return dialog


def test_a_supervisor_merges_a_duplicate_found_by_phone(
    qtbot: Any, db_url: str, make_runner: MakeRunner
) -> None:
    rich = rich_customer(db_url)
    dup = _duplicate(db_url)
    panel = _panel(qtbot, make_runner(db_url), rich.supervisor, rich.customer_id)
    assert panel.merge_button.isEnabled()
    dialog = _open_dialog(qtbot, panel)
    assert (
        dialog.windowTitle() == f"Merge a duplicate into #{rich.customer_id} Петрова Анна Сергеевна"
    )
    qtbot.keyClicks(dialog.picker.edit, "8 903 555 00 00")
    qtbot.waitUntil(lambda: dialog.picker.model.rowCount() == 1, timeout=10_000)
    qtbot.keyClick(dialog.picker.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    summary = dialog.summary.text()
    assert summary.splitlines() == [
        f"#{dup} Петрова Аня (+7 903 555-00-00) will be merged into "
        f"#{rich.customer_id} Петрова Анна Сергеевна (+7 916 123-45-67, anna.petrova@example.com).",
        f"Moves to #{rich.customer_id}: orders: 2, phones: 1.",
        f"#{dup} stays as an audit record pointing to #{rich.customer_id}; "
        "the merge cannot be undone.",
    ]
    merged: list[tuple[int, int]] = []
    panel.sig_customers_merged.connect(lambda a, b: merged.append((a, b)))
    with qtbot.waitSignal(panel.sig_customer_loaded, timeout=10_000):
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert merged == [(rich.customer_id, dup)]
    assert panel.tabs.tabText(1) == "Orders (7)"
    assert [p.text() for p in panel.header.phone_labels][-1] == "+7 903 555-00-00"
    timeline = panel.timeline_model
    lines = [timeline.index(r, 1).data() for r in range(timeline.rowCount())]
    assert f"Customer #{dup} merged into this one" in lines
    with session_scope(db_url) as s:
        gone = s.get(Customer, dup)
        assert gone is not None and gone.merged_into_id == rich.customer_id
        assert gone.merged_by_id == rich.supervisor.user_id

    # the duplicate now opens as an audit record that leads to the survivor
    with qtbot.waitSignal(panel.sig_customer_loaded, timeout=10_000):
        panel.show_customer(dup)
    assert panel.header.merged_banner.isVisibleTo(panel)
    assert f"merged into #{rich.customer_id}" in panel.header.merged_text.text()
    assert "by Ирина Ковалёва" in panel.header.merged_text.text()
    assert not panel.merge_button.isEnabled() and not panel.new_order_button.isEnabled()
    assert not panel.tags.edit.isEnabled()
    with qtbot.waitSignal(panel.sig_customer_loaded, timeout=10_000) as blocker:
        qtbot.mouseClick(panel.header.open_survivor, Qt.MouseButton.LeftButton)
    assert blocker.args == [rich.customer_id]


def test_operators_are_not_offered_the_merge(
    qtbot: Any, db_url: str, make_runner: MakeRunner
) -> None:
    rich = rich_customer(db_url)
    panel = _panel(qtbot, make_runner(db_url), rich.operator, rich.customer_id)
    assert not panel.merge_button.isEnabled()
    assert (
        panel.merge_button.toolTip() == "Only a supervisor or an administrator can merge customers"
    )
    panel.open_merge_dialog()
    assert panel.error.text() == "Only a supervisor or an administrator can merge customers."
    assert not hasattr(panel, "merge_dialog")


def test_a_customer_changed_after_the_preview_is_not_merged(
    qtbot: Any, db_url: str, make_runner: MakeRunner
) -> None:
    rich = rich_customer(db_url)
    dup = _duplicate(db_url)
    admin = actor(db_url, Role.ADMIN)
    dialog = MergeDialog(
        make_runner(db_url), admin, rich.customer_id, "Петрова Анна", clock=FixedClock(NOW)
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose(dup)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    with session_scope(db_url) as s:  # someone tags the duplicate meanwhile
        add_tag(s, dup, "опт", rich.operator, FixedClock(NOW))
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible, timeout=10_000)
    assert dialog.error.text().startswith("Someone else changed this in the meantime: customer #")
    assert "reload and try again" in dialog.error.text()
    with session_scope(db_url) as s:
        assert s.get(Customer, dup).merged_into_id is None  # type: ignore[union-attr]
    dialog.choose(dup)  # a fresh preview carries the new version: now it merges
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    with qtbot.waitSignal(dialog.sig_customers_merged, timeout=10_000) as blocker:
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [rich.customer_id, dup]
