"""Set status…: only the statuses the transition matrix allows this user from the current one.
Moving to "cancelled" asks for the reason (required) right here."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

CODE_ROLE = Qt.ItemDataRole.UserRole + 1


class SetStatusDialog(QDialog):
    """``allowed`` is ((code, display name), ...) in display order; emits
    ``sig_status_requested(code, comment, reason)``."""

    # (status code, comment or "", reason or "")
    sig_status_requested = Signal(str, str, str)

    def __init__(
        self,
        allowed: tuple[tuple[str, str], ...],
        *,
        current_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SetStatusDialog")
        self.allowed = allowed
        self.current_name = current_name
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.statuses = QListWidget(self)
        self.statuses.setObjectName("AllowedStatuses")
        for code, name in allowed:
            item = QListWidgetItem(name)
            item.setData(CODE_ROLE, code)
            self.statuses.addItem(item)
        self.statuses.setCurrentRow(0)
        self.comment = QLineEdit(self)
        self.comment.setObjectName("StatusComment")
        self.comment.setMaxLength(300)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("StatusReason")
        self.reason.setMaxLength(180)
        self.comment_label = QLabel(self)
        self.comment_label.setBuddy(self.comment)
        self.reason_label = QLabel(self)
        self.reason_label.setBuddy(self.reason)
        self.error = QLabel(self)
        self.error.setObjectName("FieldError")
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.comment_label, self.comment)
        form.addRow(self.reason_label, self.reason)
        self._form = form
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(self.intro)
        layout.addWidget(self.statuses, 1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.statuses.currentRowChanged.connect(lambda _r: self._status_changed())
        self.statuses.itemDoubleClicked.connect(lambda _i: self.accept())
        self.reason.textChanged.connect(lambda _t: self.error.hide())
        self.retranslate()
        self._status_changed()
        self.resize(420, 320)
        self.statuses.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Set status"))
        self.intro.setText(
            self.tr("Now: %1. You may move the order to:").replace("%1", self.current_name)
        )
        self.comment_label.setText(self.tr("C&omment"))
        self.reason_label.setText(self.tr("&Reason"))
        self.reason.setPlaceholderText(self.tr("Required when cancelling"))

    def chosen(self) -> str | None:
        item = self.statuses.currentItem()
        return None if item is None else str(item.data(CODE_ROLE))

    def _status_changed(self) -> None:
        cancelling = self.chosen() == "cancelled"
        self._form.setRowVisible(self.reason, cancelling)
        self.error.hide()

    def accept(self) -> None:
        code = self.chosen()
        if code is None:
            return
        reason = self.reason.text().strip()
        if code == "cancelled" and not reason:
            self.error.setText(
                self.tr("Write the reason: an order is never cancelled without one.")
            )
            self.error.show()
            self.reason.setFocus()
            return
        self.sig_status_requested.emit(
            code, self.comment.text().strip(), reason if code == "cancelled" else ""
        )
        super().accept()
