"""The new-customer dialog on both databases: bad input named under its field, the duplicate
warning before saving with "Open existing" and "Create anyway" (who may, and that it is
recorded), similar names listed, children saved with the customer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from app.clock import FixedClock
from app.db import session_scope
from models import Child, Customer, CustomerNote, CustomerPhone, Role
from tests.ui.customer_data import NOW, actor, plain_customer
from ui.dialogs.new_customer import NewCustomerDialog
from ui.ops import OpRunner

pytestmark = pytest.mark.ui

MakeRunner = Callable[[str | None], OpRunner]


def _dialog(qtbot: Any, runner: OpRunner, who: Any) -> NewCustomerDialog:
    dialog = NewCustomerDialog(runner, who, clock=FixedClock(NOW))
    qtbot.addWidget(dialog)
    dialog.show()
    # shortcuts reach the active window only; offscreen has no window manager to activate it
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _count(url: str) -> int:
    with session_scope(url) as s:
        return int(s.scalar(select(func.count()).select_from(Customer)) or 0)


def test_a_bad_phone_is_named_and_nothing_is_saved(
    qtbot: Any, db_url: str, make_runner: MakeRunner
) -> None:
    dialog = _dialog(qtbot, make_runner(db_url), actor(db_url, Role.OPERATOR))
    dialog.last_name.setText("Иванова")
    qtbot.keyClicks(dialog.phone_edits[0], "12-34")
    dialog.add_phone_row()
    dialog.phone_edits[1].setText("8 916 123-45-67 доб. 5")
    qtbot.keyClicks(dialog.email, "not-an-email")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.phone_hints[0].text() == "“12-34” is not a phone number"
    assert "12-34" in dialog.phone_hints[0].toolTip()
    assert dialog.phone_hints[1].text() == "+7 916 123-45-67 ext. 5"
    assert dialog.email_hint.text() == "“not-an-email” is not an e-mail address"
    assert dialog.error.text() == "Correct the fields marked in red."
    assert dialog.phone_edits[0].property("invalid") == "true"
    assert _count(db_url) == 0


def test_same_phone_warns_before_saving_and_open_existing_opens_it(
    qtbot: Any, db_url: str, make_runner: MakeRunner
) -> None:
    existing = plain_customer(db_url, phone="+79161234567")
    dialog = _dialog(qtbot, make_runner(db_url), actor(db_url, Role.OPERATOR))
    dialog.first_name.setText("Анна")
    qtbot.keyClicks(dialog.phone_edits[0], "8 (916) 123-45-67")
    qtbot.keyClick(dialog.phone_edits[0], Qt.Key.Key_Return)  # Enter saves (default button)
    qtbot.waitUntil(dialog.duplicates.isVisible, timeout=10_000)
    item = dialog.duplicates_list.item(0)
    assert (
        item.text()
        == f"Phone +7 916 123-45-67 belongs to #{existing} Петрова Анна (+7 916 123-45-67)"
    )
    # an operator may not create a duplicate phone; the button says who may
    assert not dialog.create_anyway_button.isEnabled()
    assert "supervisor" in dialog.create_anyway_button.toolTip()
    with qtbot.waitSignal(dialog.sig_customer_requested) as blocker:
        qtbot.mouseClick(dialog.open_existing_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [existing]
    assert _count(db_url) == 1


def test_a_supervisor_creates_the_duplicate_anyway_and_it_is_recorded(
    qtbot: Any, db_url: str, make_runner: MakeRunner
) -> None:
    existing = plain_customer(db_url, phone="+79161234567")
    supervisor = actor(db_url, Role.SUPERVISOR, "Ирина Ковалёва")
    dialog = _dialog(qtbot, make_runner(db_url), supervisor)
    dialog.first_name.setText("Анна")
    qtbot.keyClicks(dialog.phone_edits[0], "+7 916 1234567")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.duplicates.isVisible, timeout=10_000)
    assert dialog.create_anyway_button.isEnabled()
    with qtbot.waitSignal(dialog.sig_customer_created, timeout=10_000) as blocker:
        qtbot.mouseClick(dialog.create_anyway_button, Qt.MouseButton.LeftButton)
    new_id = blocker.args[0]
    assert new_id != existing
    with session_scope(db_url) as s:
        note = s.scalar(select(CustomerNote.text).where(CustomerNote.customer_id == new_id))
        phones = list(
            s.scalars(select(CustomerPhone.e164).where(CustomerPhone.customer_id == new_id))
        )
    assert note is not None and "Ирина Ковалёва" in note and f"#{existing}" in note
    assert phones == ["+79161234567"]


def test_similar_name_and_birth_date_are_listed_and_anyone_may_go_on(
    qtbot: Any, db_url: str, make_runner: MakeRunner
) -> None:
    twin = plain_customer(
        db_url, phone=None, first_name="Ольга", last_name="Сёмина", birth_date=dt.date(1990, 5, 1)
    )
    dialog = _dialog(qtbot, make_runner(db_url), actor(db_url, Role.OPERATOR))
    dialog.first_name.setText("Ольга")
    dialog.last_name.setText("Семина")
    dialog.birth.setText("01.05.1990")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.duplicates.isVisible, timeout=10_000)
    assert dialog.duplicates_list.count() == 1
    assert (
        dialog.duplicates_list.item(0).text()
        == f"Similar name, same birth date: #{twin} Сёмина Ольга"
    )
    assert dialog.duplicates_title.text().startswith("This may be a customer we already have")
    assert dialog.create_anyway_button.isEnabled()
    # editing the form withdraws the warning: it was about the old input
    dialog.patronymic.setText("Петровна")
    qtbot.keyClicks(dialog.first_name, "x")
    assert not dialog.duplicates.isVisible()
    qtbot.keyClick(dialog.first_name, Qt.Key.Key_Backspace)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.duplicates.isVisible, timeout=10_000)
    with qtbot.waitSignal(dialog.sig_customer_created, timeout=10_000):
        qtbot.mouseClick(dialog.create_anyway_button, Qt.MouseButton.LeftButton)
    assert _count(db_url) == 2


def test_a_clean_customer_is_saved_with_children(
    qtbot: Any, db_url: str, make_runner: MakeRunner
) -> None:
    dialog = _dialog(qtbot, make_runner(db_url), actor(db_url, Role.OPERATOR))
    dialog.last_name.setText("Кузнецова")
    dialog.first_name.setText("Мария")
    qtbot.keyClicks(dialog.phone_edits[0], "9031234567")
    dialog.email.setText("Maria@Example.com")
    dialog.birth.setText("1991-02-03")
    dialog.gender.setCurrentIndex(1)
    dialog.consent_sms.setChecked(True)
    first = dialog.add_child_row()
    first.name.setText("Соня")
    first.gender.setCurrentIndex(1)
    first.birth.setText("15.06.2021")
    bad = dialog.add_child_row()
    bad.birth.setText("вчера")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert bad.hint.text() == "Give the child's name"
    bad.remove.click()
    with qtbot.waitSignal(dialog.sig_customer_created, timeout=10_000) as blocker:
        qtbot.keyClick(dialog.last_name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    cid = blocker.args[0]
    with session_scope(db_url) as s:
        c = s.get(Customer, cid)
        assert c is not None
        assert (c.last_name, c.first_name, c.email, c.birth_date) == (
            "Кузнецова",
            "Мария",
            "Maria@Example.com",
            dt.date(1991, 2, 3),
        )
        assert c.gender is not None and c.gender.value == "female" and c.consent_sms
        assert list(
            s.scalars(select(CustomerPhone.e164).where(CustomerPhone.customer_id == cid))
        ) == ["+79031234567"]
        kids = s.execute(
            select(Child.name, Child.birth_date, Child.gender).where(Child.customer_id == cid)
        ).all()
    assert [(k.name, k.birth_date, k.gender.value) for k in kids] == [
        ("Соня", dt.date(2021, 6, 15), "female")
    ]
