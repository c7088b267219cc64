"""Cancel an order: a reason is required (a common one from the list, or written out).

The dialog refuses to close with OK until there is a reason and says so next to the field;
"Other reason" needs the details written. Esc closes without cancelling anything."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.panels.order_card.labels import CANCEL_REASONS, CTX, OTHER_REASON


class CancelDialog(QDialog):
    """Asks for the reason; emits ``sig_cancel_requested(reason, comment)`` on OK."""

    # (reason, comment or "")
    sig_cancel_requested = Signal(str, str)

    def __init__(self, order_number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CancelDialog")
        self.order_number = order_number
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.reason_combo = QComboBox(self)
        self.reason_combo.setObjectName("CancelReason")
        self.details = QLineEdit(self)
        self.details.setObjectName("CancelDetails")
        self.details.setMaxLength(180)
        self.error = QLabel(self)
        self.error.setObjectName("FieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.reason_label = QLabel(self)
        self.reason_label.setBuddy(self.reason_combo)
        self.details_label = QLabel(self)
        self.details_label.setBuddy(self.details)
        form = QFormLayout()
        form.addRow(self.reason_label, self.reason_combo)
        form.addRow(self.details_label, self.details)
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("CancelOrderButton")
        self.back_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason_combo.currentIndexChanged.connect(lambda _i: self.error.hide())
        self.details.textChanged.connect(lambda _t: self.error.hide())
        for _ in range(len(CANCEL_REASONS) + 1):
            self.reason_combo.addItem("")
        self.retranslate()
        self.resize(460, self.sizeHint().height())
        self.reason_combo.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Cancel order %1").replace("%1", self.order_number))
        self.intro.setText(
            self.tr("Why is order %1 cancelled? The reason is kept with the order.").replace(
                "%1", self.order_number
            )
        )
        self.reason_label.setText(self.tr("&Reason"))
        self.details_label.setText(self.tr("&Details"))
        self.details.setPlaceholderText(self.tr("Optional; required for “Other reason”"))
        self.reason_combo.setItemText(0, self.tr("Choose a reason…"))
        for i, reason in enumerate(CANCEL_REASONS, start=1):
            self.reason_combo.setItemText(i, QCoreApplication.translate(CTX, reason))
        self.ok_button.setText(self.tr("Cancel the order"))
        self.back_button.setText(self.tr("Back"))

    def reason_and_comment(self) -> tuple[str, str]:
        """The reason to store and an optional comment ("" when there is none)."""
        index = self.reason_combo.currentIndex()
        details = self.details.text().strip()
        if index <= 0:
            return "", details
        if CANCEL_REASONS[index - 1] == OTHER_REASON:
            return details, ""
        return self.reason_combo.currentText(), details

    def accept(self) -> None:
        reason, comment = self.reason_and_comment()
        if not reason:
            if self.reason_combo.currentIndex() <= 0:
                self.error.setText(
                    self.tr("Choose a reason: an order is never cancelled without one.")
                )
                self.reason_combo.setFocus()
            else:
                self.error.setText(self.tr("Write the reason in Details."))
                self.details.setFocus()
            self.error.show()
            return
        self.sig_cancel_requested.emit(reason, comment)
        super().accept()
