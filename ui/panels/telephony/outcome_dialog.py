"""After a call on an order: what came of it. One choice, keyboard-first (1–5 pick, Enter
saves), with what each choice will do to the order written under it.

The dialog only asks; the panel records the choice through the backend's
``record_call_outcome`` (the order lifecycle rules: "no answer" runs the retry chain). "Call
back at…" and "Cancel the order" go on to the existing time and reason dialogs."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ui.formatting import format_phone
from ui.panels.telephony import texts

ORDER = ("confirmed", "no_answer", "callback", "wrong_number", "cancelled")


@dataclass(frozen=True, slots=True)
class CallSummary:
    """What the dialog says about the call that ended."""

    call_id: int
    order_id: int
    order_number: str
    order_version: int | None
    customer_name: str
    number: str
    talk_seconds: float | None  # None or 0: no talk happened
    suggested: str  # the backend's suggestion: "no_answer" when nobody talked


class OutcomeDialog(QDialog):
    """Pick an outcome; emits ``sig_outcome_chosen(outcome, comment)``."""

    # (outcome code from ORDER, comment or "")
    sig_outcome_chosen = Signal(str, str)

    def __init__(self, summary: CallSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CallOutcomeDialog")
        self.summary = summary
        self.intro = QLabel(self)
        self.intro.setObjectName("OutcomeIntro")
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.RichText)
        self.group = QButtonGroup(self)
        self.choices: dict[str, QRadioButton] = {}
        self.hints: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(4)
        layout.addWidget(self.intro)
        layout.addSpacing(8)
        for i, code in enumerate(ORDER, start=1):
            button = QRadioButton(self)
            button.setObjectName(f"Outcome_{code}")
            hint = QLabel(self)
            hint.setObjectName("OutcomeHint")
            hint.setWordWrap(True)
            hint.setIndent(24)  # under the text, not under the radio circle
            hint.setStyleSheet("color: #64748b;")
            self.group.addButton(button, i)
            self.choices[code] = button
            self.hints[code] = hint
            # each hint close under its own choice, a gap before the next choice
            pair = QVBoxLayout()
            pair.setSpacing(0)
            pair.addWidget(button)
            pair.addWidget(hint)
            layout.addLayout(pair)
            layout.addSpacing(6)
        self.comment = QLineEdit(self)
        self.comment.setObjectName("OutcomeComment")
        self.comment.setMaxLength(300)
        layout.addSpacing(8)
        layout.addWidget(self.comment)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("OutcomeSave")
        self.later_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setDefault(True)
        layout.addSpacing(6)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        preselected = summary.suggested if summary.suggested in self.choices else "confirmed"
        self.choices[preselected].setChecked(True)
        self.retranslate()
        self.resize(480, self.sizeHint().height())
        self.choices[preselected].setFocus()

    @property
    def chosen(self) -> str:
        for code, button in self.choices.items():
            if button.isChecked():
                return code
        return ""

    def choose(self, code: str) -> None:
        self.choices[code].setChecked(True)
        self.choices[code].setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # 1..5 pick a choice where the focus is not in the comment
        key = event.key()
        if (
            not self.comment.hasFocus()
            and Qt.Key.Key_1 <= key <= Qt.Key.Key_5
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.choose(ORDER[key - Qt.Key.Key_1])
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        s = self.summary
        self.setWindowTitle(self.tr("After the call: order %1").replace("%1", s.order_number))
        who = s.customer_name or format_phone(s.number)
        if s.customer_name and s.number:
            who += " · " + format_phone(s.number)
        if s.talk_seconds:
            how = self.tr("talked %1").replace("%1", texts.duration(s.talk_seconds))
        else:
            how = self.tr("the call ended without talk")
        self.intro.setText(
            "<b>"
            + self.tr("How did the call about order %1 go?").replace("%1", s.order_number)
            + "</b><br>"
            + _html(f"{who} · {how}")
        )
        hints = {
            "confirmed": self.tr("The customer agreed: the order is confirmed and goes on."),
            "no_answer": self.tr(
                "Nobody answered: an SMS goes to the customer and the order comes back for "
                "another attempt later."
            ),
            "callback": self.tr("The customer asked to be called later: choose when next."),
            "wrong_number": self.tr(
                "The number does not reach this customer: the order is cancelled as “wrong number”."
            ),
            "cancelled": self.tr("The customer does not want the order: a reason is asked next."),
        }
        for i, code in enumerate(ORDER, start=1):
            self.choices[code].setText(f"&{i}  {texts.label(texts.OUTCOMES, code)}")
            self.hints[code].setText(hints[code])
        self.comment.setPlaceholderText(self.tr("Comment (optional)"))
        self.save_button.setText(self.tr("Save"))
        self.later_button.setText(self.tr("Later"))
        self.later_button.setToolTip(
            self.tr("Close without recording; the order keeps its state and stays yours")
        )

    def accept(self) -> None:
        self.sig_outcome_chosen.emit(self.chosen, self.comment.text().strip())
        super().accept()


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
