"""The "new customer" dialog: names, phones, e-mail, birth date, consents and children, with a
duplicate check before anything is saved.

Wiring (main window)::

    dialog = NewCustomerDialog(runner, actor, parent=window)
    dialog.sig_customer_created.connect(profile_panel.show_customer)
    dialog.sig_customer_requested.connect(profile_panel.show_customer)  # "Open existing"
    dialog.open()

Save (Enter or Ctrl+Enter) checks the form on the spot (a bad phone, e-mail or date is named
under its field), then asks the database who this may already be: a customer with the same
phone or e-mail (the service refuses those) or with a similar name and the same birth date. If
anyone turns up the dialog lists them and offers "Open existing" or "Create anyway" — for a
same phone/e-mail only to :data:`app.customers.panel_queries.FORCE_DUPLICATE_ROLES`, and the
service records who forced it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.actors import Actor
from app.clock import SYSTEM_CLOCK, Clock
from app.customers.errors import CustomerRef, InvalidCustomerValue
from app.customers.panel_queries import (
    Clash,
    CreateOutcome,
    DuplicateCheck,
    NewChild,
    can_force_duplicate,
)
from app.customers.service import NewCustomer, clean_email
from app.phones import DEFAULT_REGION, PhoneError, normalize_phone
from models.customers import Gender
from ui import i18n
from ui.customer_support import CUSTOMER_QSS, format_date, parse_date, readable
from ui.formatting import format_phone
from ui.ops import Op, OpError, OpRunner

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _left(widget: QWidget) -> QHBoxLayout:
    """``widget`` at its natural width, on the left of a form row."""
    row = QHBoxLayout()
    row.addWidget(widget)
    row.addStretch(1)
    return row


def _gender(data: object) -> Gender | None:
    # combo data comes back as plain text (Qt keeps str, not the enum)
    return Gender(str(data)) if data else None


def _mark(edit: QLineEdit, invalid: bool) -> None:
    edit.setProperty("invalid", "true" if invalid else "false")
    edit.style().unpolish(edit)
    edit.style().polish(edit)


class FieldHint(QLabel):
    """The line under a field: what the input means, or what is wrong with it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.hide()

    def ok(self, text: str) -> None:
        self.setObjectName("OkLabel")
        self._show(text)

    def bad(self, text: str) -> None:
        self.setObjectName("ErrorLabel")
        self._show(text)

    def _show(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))
        self.style().unpolish(self)
        self.style().polish(self)


class ChildRow(QWidget):
    """One child: name, gender, birth date, and a button that removes the row."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.name = QLineEdit(self)
        self.name.setObjectName("ChildName")
        self.gender = QComboBox(self)
        self.gender.setObjectName("ChildGender")
        self.birth = QLineEdit(self)
        self.birth.setObjectName("ChildBirth")
        self.birth.setMaximumWidth(110)
        self.remove = QToolButton(self)
        self.remove.setText("×")
        self.hint = FieldHint(self)
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(6)
        line.addWidget(self.name, 1)
        line.addWidget(self.gender)
        line.addWidget(self.birth)
        line.addWidget(self.remove)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(line)
        column.addWidget(self.hint)
        self.retranslate()

    def retranslate(self) -> None:
        current = self.gender.currentIndex()
        self.gender.clear()
        self.gender.addItem(self.tr("—"), None)
        self.gender.addItem(self.tr("girl"), Gender.FEMALE)
        self.gender.addItem(self.tr("boy"), Gender.MALE)
        self.gender.setCurrentIndex(max(0, current))
        self.name.setPlaceholderText(self.tr("Child's name"))
        self.birth.setPlaceholderText(self.tr("DD.MM.YYYY"))
        self.remove.setToolTip(self.tr("Remove this child"))

    def filled(self) -> bool:
        return bool(self.name.text().strip() or self.birth.text().strip())

    def value(self) -> NewChild:
        """The child as typed; raises ``ValueError`` with a readable message."""
        name = " ".join(self.name.text().split())
        if not name:
            raise ValueError(self.tr("Give the child's name"))
        try:
            birth = parse_date(self.birth.text())
        except ValueError:
            raise ValueError(
                self.tr("“%1” is not a date (DD.MM.YYYY)").replace("%1", self.birth.text())
            ) from None
        return NewChild(name, _gender(self.gender.currentData()), birth)


class NewCustomerDialog(QDialog):
    """Create a customer; warns about duplicates before saving."""

    # the customer was created
    sig_customer_created = Signal(int)
    # the operator chose to open an existing customer instead ("Open existing")
    sig_customer_requested = Signal(int)

    def __init__(
        self,
        runner: OpRunner,
        actor: Actor,
        *,
        clock: Clock = SYSTEM_CLOCK,
        region: str = DEFAULT_REGION,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("NewCustomerDialog")
        self.setStyleSheet(CUSTOMER_QSS)
        self._runner = runner
        self._actor = actor
        self._clock = clock
        self._region = region
        self.check: DuplicateCheck | None = None
        self.created_id: int | None = None

        form_box = QWidget(self)
        self.form = QFormLayout(form_box)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setVerticalSpacing(6)
        self.last_name = QLineEdit(form_box)
        self.last_name.setObjectName("LastName")
        self.first_name = QLineEdit(form_box)
        self.first_name.setObjectName("FirstName")
        self.patronymic = QLineEdit(form_box)
        self.patronymic.setObjectName("Patronymic")
        self.phones_box = QWidget(form_box)
        self.phones_layout = QVBoxLayout(self.phones_box)
        self.phones_layout.setContentsMargins(0, 0, 0, 0)
        self.phones_layout.setSpacing(2)
        self.phone_edits: list[QLineEdit] = []
        self.phone_hints: list[FieldHint] = []
        self.add_phone_button = QPushButton(form_box)
        self.add_phone_button.setAutoDefault(False)
        self.email = QLineEdit(form_box)
        self.email.setObjectName("Email")
        self.email_hint = FieldHint(form_box)
        self.birth = QLineEdit(form_box)
        self.birth.setObjectName("BirthDate")
        self.birth.setMaximumWidth(130)
        self.birth_hint = FieldHint(form_box)
        self.gender = QComboBox(form_box)
        self.gender.setObjectName("Gender")
        self.gender.setMaximumWidth(160)
        self.consent_sms = QCheckBox(form_box)
        self.consent_email = QCheckBox(form_box)
        self.consent_messengers = QCheckBox(form_box)
        consents = QHBoxLayout()
        for box in (self.consent_sms, self.consent_email, self.consent_messengers):
            consents.addWidget(box)
        consents.addStretch(1)
        self.children_box = QWidget(form_box)
        self.children_layout = QVBoxLayout(self.children_box)
        self.children_layout.setContentsMargins(0, 0, 0, 0)
        self.children_layout.setSpacing(4)
        self.child_rows: list[ChildRow] = []
        self.add_child_button = QPushButton(form_box)
        self.add_child_button.setAutoDefault(False)

        self._labels = {
            key: QLabel(form_box)
            for key in (
                "last",
                "first",
                "patronymic",
                "phones",
                "email",
                "birth",
                "gender",
                "consents",
                "children",
            )
        }
        self.form.addRow(self._labels["last"], self.last_name)
        self.form.addRow(self._labels["first"], self.first_name)
        self.form.addRow(self._labels["patronymic"], self.patronymic)
        self.form.addRow(self._labels["phones"], self.phones_box)
        self.form.addRow("", _left(self.add_phone_button))
        self.form.addRow(self._labels["email"], self.email)
        self.form.addRow("", self.email_hint)
        self.form.addRow(self._labels["birth"], self.birth)
        self.form.addRow("", self.birth_hint)
        self.form.addRow(self._labels["gender"], self.gender)
        self.form.addRow(self._labels["consents"], consents)
        self.form.addRow(self._labels["children"], self.children_box)
        self.form.addRow("", _left(self.add_child_button))
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_box)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        # the duplicate warning
        self.duplicates = QWidget(self)
        self.duplicates.setObjectName("WarningBox")
        self.duplicates.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.duplicates_title = QLabel(self.duplicates)
        self.duplicates_title.setWordWrap(True)
        self.duplicates_list = QListWidget(self.duplicates)
        self.duplicates_list.setObjectName("DuplicatesList")
        self.duplicates_list.setMaximumHeight(84)
        self.duplicates_list.setWordWrap(True)
        self.duplicates_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.open_existing_button = QPushButton(self.duplicates)
        self.open_existing_button.setObjectName("OpenExistingButton")
        self.open_existing_button.setAutoDefault(False)
        self.create_anyway_button = QPushButton(self.duplicates)
        self.create_anyway_button.setObjectName("CreateAnywayButton")
        self.create_anyway_button.setAutoDefault(False)
        dup_buttons = QHBoxLayout()
        dup_buttons.addStretch(1)
        dup_buttons.addWidget(self.open_existing_button)
        dup_buttons.addWidget(self.create_anyway_button)
        dup_layout = QVBoxLayout(self.duplicates)
        dup_layout.setContentsMargins(8, 6, 8, 6)
        dup_layout.addWidget(self.duplicates_title)
        dup_layout.addWidget(self.duplicates_list)
        dup_layout.addLayout(dup_buttons)
        self.duplicates.hide()

        self.error = QLabel(self)
        self.error.setObjectName("ErrorLabel")
        self.error.setWordWrap(True)
        self.error.hide()
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("SaveCustomerButton")
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(8)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.duplicates)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

        self.add_phone_row()
        self.add_phone_button.clicked.connect(lambda: self.add_phone_row().setFocus())
        self.add_child_button.clicked.connect(lambda: self.add_child_row().name.setFocus())
        self.email.editingFinished.connect(self._check_email)
        self.birth.editingFinished.connect(self._check_birth)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.open_existing_button.clicked.connect(self.open_existing)
        self.create_anyway_button.clicked.connect(self.create_anyway)
        self.duplicates_list.itemActivated.connect(lambda _item: self.open_existing())
        for edit in (self.last_name, self.first_name, self.email, self.birth):
            edit.textEdited.connect(self._form_changed)
        save = QShortcut(QKeySequence("Ctrl+Return"), self)
        save.activated.connect(self.save)

        self.resize(560, 640)
        self.retranslate()
        self.last_name.setFocus()

    # -- rows -------------------------------------------------------------------------------------
    def add_phone_row(self) -> QLineEdit:
        edit = QLineEdit(self.phones_box)
        edit.setObjectName(f"Phone{len(self.phone_edits) + 1}")
        hint = FieldHint(self.phones_box)
        self.phones_layout.addWidget(edit)
        self.phones_layout.addWidget(hint)
        self.phone_edits.append(edit)
        self.phone_hints.append(hint)
        edit.setPlaceholderText(self.tr("+7 916 123-45-67, 8 (916) 123-45-67, …"))
        edit.editingFinished.connect(lambda e=edit, h=hint: self._check_phone(e, h))
        edit.textEdited.connect(self._form_changed)
        return edit

    def add_child_row(self) -> ChildRow:
        row = ChildRow(self.children_box)
        self.children_layout.addWidget(row)
        self.child_rows.append(row)
        row.remove.clicked.connect(lambda _c=False, r=row: self._remove_child(r))
        return row

    def _remove_child(self, row: ChildRow) -> None:
        self.child_rows.remove(row)
        row.deleteLater()
        self._form_changed()

    # -- checks on the spot -----------------------------------------------------------------------
    def _check_phone(self, edit: QLineEdit, hint: FieldHint) -> bool:
        text = edit.text().strip()
        if not text:
            hint.ok("")
            _mark(edit, False)
            return True
        try:
            phone = normalize_phone(text, self._region)
        except PhoneError as exc:
            hint.bad(self.tr("“%1” is not a phone number").replace("%1", text))
            hint.setToolTip(str(exc))
            _mark(edit, True)
            return False
        shown = format_phone(phone.e164)
        if phone.extension:
            shown += " " + self.tr("ext. %1").replace("%1", phone.extension)
        hint.ok(shown)
        _mark(edit, False)
        return True

    def _check_email(self) -> bool:
        try:
            clean_email(self.email.text())
        except InvalidCustomerValue:
            self.email_hint.bad(
                self.tr("“%1” is not an e-mail address").replace("%1", self.email.text().strip())
            )
            _mark(self.email, True)
            return False
        self.email_hint.ok("")
        _mark(self.email, False)
        return True

    def _check_birth(self) -> bool:
        try:
            value = parse_date(self.birth.text())
        except ValueError:
            self.birth_hint.bad(
                self.tr("“%1” is not a date (DD.MM.YYYY)").replace("%1", self.birth.text())
            )
            _mark(self.birth, True)
            return False
        self.birth_hint.ok(format_date(value, i18n.current_language()) if value else "")
        _mark(self.birth, False)
        return True

    def _form_changed(self, *_args: object) -> None:
        # what the warning listed was for the old input
        if self.check is not None:
            self.check = None
            self.duplicates.hide()

    def collect(self) -> tuple[NewCustomer, tuple[NewChild, ...]] | None:
        """The form as the service's input, or None after naming what is wrong."""
        # every field is checked (and marked), not just up to the first bad one
        checks = [
            self._check_phone(e, h) for e, h in zip(self.phone_edits, self.phone_hints, strict=True)
        ]
        ok = all(checks)
        ok = self._check_email() and ok
        ok = self._check_birth() and ok
        children: list[NewChild] = []
        for row in self.child_rows:
            if not row.filled():
                continue
            try:
                children.append(row.value())
                row.hint.ok("")
            except ValueError as exc:
                row.hint.bad(str(exc))
                ok = False
        phones = tuple(e.text().strip() for e in self.phone_edits if e.text().strip())
        first = self.first_name.text().strip()
        last = self.last_name.text().strip()
        if ok and not (first or last or phones or self.email.text().strip()):
            self._show_error(self.tr("Give at least a name, a phone or an e-mail."))
            return None
        if not ok:
            self._show_error(self.tr("Correct the fields marked in red."))
            return None
        data = NewCustomer(
            first_name=first,
            last_name=last,
            patronymic=self.patronymic.text().strip() or None,
            phones=phones,
            email=self.email.text().strip() or None,
            birth_date=parse_date(self.birth.text()),
            gender=_gender(self.gender.currentData()),
            consent_sms=self.consent_sms.isChecked(),
            consent_email=self.consent_email.isChecked(),
            consent_messengers=self.consent_messengers.isChecked(),
        )
        return data, tuple(children)

    # -- save -------------------------------------------------------------------------------------
    def save(self) -> None:
        """Check the form, look for duplicates, and create the customer if there are none."""
        if self.duplicates.isVisible():
            return  # the operator must choose: open existing or create anyway
        collected = self.collect()
        if collected is None:
            return
        from app.customers.panel_queries import check_new_customer

        data, _children = collected
        region = self._region
        self.error.hide()
        self.save_button.setEnabled(False)
        Op(
            self,
            readable(lambda s: check_new_customer(s, data, region)),
            key="duplicate-check",
            runner=self._runner,
        ).success(self._checked).failure(self._failed).run()

    def _checked(self, check: DuplicateCheck) -> None:
        if check.clean:
            self._create(force=False)
            return
        self.save_button.setEnabled(True)
        self._show_duplicates(check)

    def _show_duplicates(self, check: DuplicateCheck) -> None:
        self.check = check
        self.duplicates_list.clear()
        for clash in check.clashes:
            for ref in clash.owners:
                self._add_candidate(self._clash_text(clash, ref), ref.id)
        for ref in check.similar:
            text = self.tr("Similar name, same birth date: %1").replace("%1", _ref(ref))
            self._add_candidate(text, ref.id)
        if check.clashes:
            self.duplicates_title.setText(
                self.tr(
                    "This phone or e-mail already belongs to a customer. Open that customer, "
                    "or create a duplicate on purpose (it is recorded who did)."
                )
            )
        else:
            self.duplicates_title.setText(
                self.tr("This may be a customer we already have. Check before creating:")
            )
        allowed = not check.clashes or can_force_duplicate(self._actor.role)
        self.create_anyway_button.setEnabled(allowed)
        self.create_anyway_button.setToolTip(
            ""
            if allowed
            else self.tr("Only a supervisor, a manager or an administrator can create a duplicate")
        )
        self.duplicates_list.setCurrentRow(0)
        self.duplicates.show()
        self.duplicates_list.setFocus()

    def _clash_text(self, clash: Clash, ref: CustomerRef) -> str:
        if clash.field == "phone":
            return (
                self.tr("Phone %1 belongs to %2")
                .replace("%1", format_phone(clash.value))
                .replace("%2", _ref(ref))
            )
        return (
            self.tr("E-mail %1 belongs to %2").replace("%1", clash.value).replace("%2", _ref(ref))
        )

    def _add_candidate(self, text: str, customer_id: int) -> None:
        item = QListWidgetItem(text, self.duplicates_list)
        item.setData(ID_ROLE, customer_id)
        item.setToolTip(text)

    def open_existing(self) -> None:
        """Open the selected candidate instead of creating a new customer."""
        item = self.duplicates_list.currentItem()
        if item is None:
            return
        self.sig_customer_requested.emit(int(item.data(ID_ROLE)))
        self.accept()

    def create_anyway(self) -> None:
        """Create despite the warning (a same phone/e-mail only for roles allowed to)."""
        if self.check is None or not self.create_anyway_button.isEnabled():
            return
        self._create(force=bool(self.check.clashes))

    def _create(self, *, force: bool) -> None:
        from app.customers.panel_queries import create_with_children

        collected = self.collect()
        if collected is None:
            self.save_button.setEnabled(True)
            return
        data, children = collected
        actor, clock, region = self._actor, self._clock, self._region
        self.save_button.setEnabled(False)
        self.create_anyway_button.setEnabled(False)
        Op(
            self,
            readable(
                lambda s: create_with_children(
                    s, data, children, actor, clock, force=force, region=region
                )
            ),
            runner=self._runner,
        ).success(self._created).failure(self._failed).run()

    def _created(self, outcome: CreateOutcome) -> None:
        self.save_button.setEnabled(True)
        if outcome.customer_id is None:
            # someone saved the same phone or e-mail since the check
            self._show_duplicates(DuplicateCheck(outcome.clashes, ()))
            return
        self.created_id = outcome.customer_id
        self.sig_customer_created.emit(outcome.customer_id)
        self.accept()

    def _failed(self, error: OpError) -> None:
        self.save_button.setEnabled(True)
        if self.check is not None:
            self.create_anyway_button.setEnabled(True)
        self._show_error(error.message)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    # -- language -------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New customer"))
        texts = {
            "last": self.tr("Last name"),
            "first": self.tr("First name"),
            "patronymic": self.tr("Patronymic"),
            "phones": self.tr("Phones"),
            "email": self.tr("E-mail"),
            "birth": self.tr("Birth date"),
            "gender": self.tr("Gender"),
            "consents": self.tr("Agrees to"),
            "children": self.tr("Children"),
        }
        for key, text in texts.items():
            self._labels[key].setText(text)
        self.add_phone_button.setText(self.tr("Add another phone"))
        self.add_child_button.setText(self.tr("Add a child"))
        self.birth.setPlaceholderText(self.tr("DD.MM.YYYY"))
        self.email.setPlaceholderText("name@example.com")
        current = self.gender.currentIndex()
        self.gender.clear()
        self.gender.addItem(self.tr("—"), None)
        self.gender.addItem(self.tr("female"), Gender.FEMALE)
        self.gender.addItem(self.tr("male"), Gender.MALE)
        self.gender.setCurrentIndex(max(0, current))
        self.consent_sms.setText(self.tr("SMS"))
        self.consent_email.setText(self.tr("e-mail"))
        self.consent_messengers.setText(self.tr("messengers"))
        self.open_existing_button.setText(self.tr("Open existing"))
        self.create_anyway_button.setText(self.tr("Create anyway"))
        self.save_button.setText(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save the new customer (Ctrl+Enter)"))
        self.cancel_button.setText(self.tr("Cancel"))


def _ref(ref: CustomerRef) -> str:
    extra = ", ".join(x for x in (format_phone(ref.phone) if ref.phone else None, ref.email) if x)
    return f"#{ref.id} {ref.name or '—'}" + (f" ({extra})" if extra else "")
