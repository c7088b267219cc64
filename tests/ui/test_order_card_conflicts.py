"""Two operators on one order (T12) and a database that goes away under an edit (T11): the card
shows theirs vs mine and never overwrites silently; unsaved edits survive as drafts, a lost
connection and a restart of the console."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.actors import Actor
from app.clock import SYSTEM_CLOCK
from app.db import session_scope
from app.orders.editing import save_order
from tests.ui.card_world import World, card, key, make_world, open_panel, order_row, wait_dialog
from ui.dialogs.conflict import ConflictDialog
from ui.models.order_items import COL_QTY
from ui.ops import OpRunner
from ui.panels.order_card import OrderCardPanel

pytestmark = pytest.mark.ui

MakeRunner = Callable[[str | None], OpRunner]
CTRL = Qt.KeyboardModifier.ControlModifier
# nothing listens there: connecting fails at once with "connection refused"
UNREACHABLE = "postgresql+psycopg://okno@127.0.0.1:9/okno?connect_timeout=2"


@pytest.fixture
def world(db_url: str) -> World:
    return make_world(db_url)


def petr_saves(world: World, **fields: Any) -> None:
    """The other operator saves first, in his own session."""
    with session_scope(world.url) as s:
        current = card(world)
        save_order(
            s,
            world.order,
            Actor(world.petr.id, world.petr.role, world.petr.name),
            SYSTEM_CLOCK,
            expected_version=current.version,
            fields=fields,
        )


def conflict_table(dialog: ConflictDialog) -> dict[str, tuple[str, str, str, bool]]:
    rows = {}
    for row in dialog.rows:
        rows[row.field] = (row.theirs, row.changed_by, row.mine, row.both)
    return rows


def test_conflict_shows_theirs_vs_mine_and_keep_mine_saves_on_top(
    qtbot: Any, world: World, make_runner: MakeRunner
) -> None:
    panel = open_panel(qtbot, world, make_runner)
    panel.delivery.address.setText("Москва, Арбат, 10")  # mine
    panel.items_model.setData(panel.items_model.index(0, COL_QTY), 3)  # mine
    petr_saves(world, delivery_address="Москва, Тверская, 5", manager_comment="упаковать")
    key(qtbot, panel.items_view, Qt.Key.Key_S, CTRL)
    dialog = wait_dialog(qtbot, panel, ConflictDialog)
    assert "Пётр saved order" in dialog.intro.text()
    rows = conflict_table(dialog)
    theirs, who, mine, both = rows["Address"]
    assert (theirs, mine, both) == ("Москва, Тверская, 5", "Москва, Арбат, 10", True)
    assert who.startswith("Пётр, ")
    assert rows["Manager comment"][0] == "упаковать"
    assert rows["Manager comment"][2] == "(not changed)"
    assert rows["Items"][2] == "Рубашка белая, 128 × 3; Джинсы синие, 128 × 1"
    assert rows["Items"][1] == ""  # they did not touch the items
    # nothing was written by the refused save
    assert order_row(world).delivery_address == "Москва, Тверская, 5"
    assert order_row(world).version == 2

    with qtbot.waitSignal(panel.sig_order_changed, timeout=10_000):
        dialog.mine_button.click()
    row = order_row(world)
    assert row.version == 3
    assert row.delivery_address == "Москва, Арбат, 10"  # mine on top
    assert row.manager_comment == "упаковать"  # theirs kept where I did not edit
    assert (card(world).items[0].name, card(world).items[0].quantity) == ("Рубашка белая, 128", 3)
    assert not panel.dirty
    assert panel.comments.manager_comment.toPlainText() == "упаковать"


def test_take_theirs_drops_mine(qtbot: Any, world: World, make_runner: MakeRunner) -> None:
    panel = open_panel(qtbot, world, make_runner)
    panel.delivery.address.setText("Москва, Арбат, 10")
    qtbot.waitUntil(lambda: panel.drafts is not None and panel.drafts.path(world.order).exists())
    petr_saves(world, delivery_address="Москва, Тверская, 5")
    panel.save()
    dialog = wait_dialog(qtbot, panel, ConflictDialog)
    with qtbot.waitSignal(panel.sig_order_loaded):
        dialog.theirs_button.click()
    assert not panel.dirty
    assert panel.delivery.address.text() == "Москва, Тверская, 5"
    assert panel.edits is not None and panel.edits.expected_version == 2
    qtbot.waitUntil(lambda: not panel.drafts.path(world.order).exists())
    assert order_row(world).version == 2  # nothing of mine was written


def test_cancelling_the_conflict_keeps_my_edits(
    qtbot: Any, world: World, make_runner: MakeRunner
) -> None:
    panel = open_panel(qtbot, world, make_runner)
    panel.delivery.address.setText("Москва, Арбат, 10")
    petr_saves(world, manager_comment="упаковать")
    panel.save()
    dialog = wait_dialog(qtbot, panel, ConflictDialog)
    key(qtbot, dialog.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: panel.dialog is None)
    assert panel.dirty and panel.delivery.address.text() == "Москва, Арбат, 10"
    assert "Not saved" in panel.notice.label.text()
    # the next save meets the same conflict again: still nothing silently overwritten
    panel.save()
    wait_dialog(qtbot, panel, ConflictDialog)
    assert order_row(world).delivery_address == "Москва, ул. Тверская, 1"


def test_an_outcome_meeting_a_change_does_nothing_and_says_so(
    qtbot: Any, world: World, make_runner: MakeRunner
) -> None:
    panel = open_panel(qtbot, world, make_runner)
    petr_saves(world, manager_comment="клиент перезвонит сам")
    with qtbot.waitSignal(panel.sig_order_loaded):
        key(qtbot, panel.items_view, Qt.Key.Key_F4)
    assert "Пётр changed this order" in panel.alert.label.text()
    assert order_row(world).status == "needs_confirmation"
    assert panel.comments.manager_comment.toPlainText() == "клиент перезвонит сам"


def test_lost_database_keeps_the_edit_as_a_draft_and_retry_saves_it(
    qtbot: Any, world: World, make_runner: MakeRunner
) -> None:
    panel = open_panel(qtbot, world, make_runner)
    runner = panel.runner
    panel.delivery.address.setText("Москва, Арбат, 10")
    real_url = runner.database_url
    runner.database_url = UNREACHABLE  # the server went away
    key(qtbot, panel.items_view, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: panel.alert.isVisible(), timeout=15_000)
    assert panel.alert.label.text() == (
        "No connection to the database — your changes are kept and will be offered again."
    )
    retry = panel.alert.button("RetrySaveButton")
    assert retry is not None and retry.text() == "Retry save"
    # the form is as the operator left it, and the edit is on disk
    assert panel.dirty and panel.delivery.address.text() == "Москва, Арбат, 10"
    assert panel.drafts is not None
    path = panel.drafts.path(world.order)
    assert path.exists()
    assert json.loads(path.read_text(encoding="utf-8"))["fields"] == {
        "delivery_address": "Москва, Арбат, 10"
    }
    assert runner.connected is False

    runner.database_url = real_url  # the database is back
    with qtbot.waitSignal(panel.sig_order_changed, timeout=10_000):
        retry.click()
    assert order_row(world).delivery_address == "Москва, Арбат, 10"
    assert not panel.alert.isVisible() and not panel.dirty
    qtbot.waitUntil(lambda: not path.exists())


def test_draft_is_offered_again_after_a_restart(
    qtbot: Any, world: World, make_runner: MakeRunner
) -> None:
    first = open_panel(qtbot, world, make_runner)
    first.delivery.address.setText("Москва, Арбат, 10")
    first.items_model.setData(first.items_model.index(1, COL_QTY), 2)
    assert first.drafts is not None
    qtbot.waitUntil(lambda: first.drafts.path(world.order).exists())
    first.flush_draft()  # what quitting does
    first.close()

    # "restart": a new panel (new runner), the order opened again
    second = open_panel(qtbot, world, make_runner)
    assert second.notice.isVisible()
    assert second.notice.label.text().startswith("You have unsaved changes from ")
    assert not second.dirty
    assert second.delivery.address.text() == "Москва, ул. Тверская, 1"  # not applied yet
    assert not second.actions["save_order"].isEnabled()
    assert not second.delivery.address.isEnabled()  # decide first: restore or discard
    restore = second.notice.button("RestoreDraftButton")
    assert restore is not None and restore.hasFocus()  # Enter restores
    key(qtbot, restore, Qt.Key.Key_Return)
    assert not second.notice.isVisible()
    assert second.dirty
    assert second.delivery.address.text() == "Москва, Арбат, 10"
    assert second.items_model.index(1, COL_QTY).data() == "2"
    with qtbot.waitSignal(second.sig_order_changed, timeout=10_000):
        key(qtbot, second.items_view, Qt.Key.Key_S, CTRL)
    assert order_row(world).delivery_address == "Москва, Арбат, 10"
    assert [i.quantity for i in card(world).items] == [1, 2]
    qtbot.waitUntil(lambda: not second.drafts.path(world.order).exists())


def test_discarding_an_offered_draft_removes_it(
    qtbot: Any, world: World, make_runner: MakeRunner
) -> None:
    first = open_panel(qtbot, world, make_runner)
    first.delivery.address.setText("Москва, Арбат, 10")
    first.flush_draft()
    first.close()
    second = open_panel(qtbot, world, make_runner)
    button = second.notice.button("DiscardDraftButton")
    assert button is not None
    button.click()
    assert not second.notice.isVisible() and not second.dirty
    assert second.delivery.address.isEnabled()
    qtbot.waitUntil(lambda: not second.drafts.path(world.order).exists())


def test_a_draft_made_on_an_older_version_saves_through_the_conflict_dialog(
    qtbot: Any, world: World, make_runner: MakeRunner
) -> None:
    first = open_panel(qtbot, world, make_runner)
    first.delivery.address.setText("Москва, Арбат, 10")
    first.flush_draft()
    first.close()
    petr_saves(world, delivery_address="Москва, Тверская, 5")
    second = open_panel(qtbot, world, make_runner)
    assert "The order has changed since" in second.notice.label.text()
    second.restore_draft()
    assert second.dirty_label.text() == "Unsaved changes (made on an older version)"
    second.save()
    dialog = wait_dialog(qtbot, second, ConflictDialog)
    assert conflict_table(dialog)["Address"][:1] == ("Москва, Тверская, 5",)
    with qtbot.waitSignal(second.sig_order_changed, timeout=10_000):
        dialog.mine_button.click()
    assert order_row(world).delivery_address == "Москва, Арбат, 10"


def test_switching_orders_keeps_the_edit_of_the_first(
    qtbot: Any, world: World, make_runner: MakeRunner
) -> None:
    other = make_world_second_order(world)
    panel = open_panel(qtbot, world, make_runner)
    panel.delivery.address.setText("Москва, Арбат, 10")
    with qtbot.waitSignal(panel.sig_order_loaded):
        panel.show_order(other)
    assert not panel.dirty
    assert panel.drafts is not None and panel.drafts.path(world.order).exists()
    with qtbot.waitSignal(panel.sig_order_loaded):
        panel.show_order(world.order)
    assert panel.notice.button("RestoreDraftButton") is not None


def make_world_second_order(world: World) -> int:
    from tests import factories as f

    with session_scope(world.url) as s:
        shirt = s.get(f.Offer, world.shirt)
        assert shirt is not None
        return f.order(s, [(shirt, 1)], status="needs_confirmation").id


def test_the_panel_without_an_order(qtbot: Any, make_runner: MakeRunner, db_url: str) -> None:
    world = make_world(db_url)
    panel = OrderCardPanel(make_runner(db_url), world.olga)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.empty_label.isVisible()
    assert "Take the next one (F2)" in panel.empty_label.text()
    assert not any(a.isEnabled() for a in panel.actions.values())
    assert not panel.scroll.isVisible()
    panel.save()  # nothing to save, nothing happens (no op, no error)
    assert panel.runner.pending == 0 and not panel.alert.isVisible()


def test_switching_orders_while_a_save_runs(
    qtbot: Any, world: World, make_runner: MakeRunner
) -> None:
    other = make_world_second_order(world)
    panel = open_panel(qtbot, world, make_runner)
    panel.delivery.address.setText("Москва, Арбат, 10")
    with qtbot.waitSignal(panel.sig_order_changed, timeout=10_000):
        panel.save()
        panel.show_order(other)  # before the save's answer is back
    qtbot.waitUntil(lambda: panel.card is not None and panel.card.id == other)
    assert order_row(world).delivery_address == "Москва, Арбат, 10"
    assert not panel.dirty and not panel.alert.isVisible()
    assert panel.drafts is not None
    qtbot.waitUntil(lambda: not panel.drafts.path(world.order).exists())  # saved: no draft
