"""What the dialogs that create an order share: the error line, the Create button's state and
what happens once the order exists (``sig_order_created``; the window opens it in the card).

Subclasses build ``self.error`` (a QLabel, hidden) and ``self.create_button``, run their create
operation with ``.success(self._created).failure(self._failed)``, and provide ``retranslate``."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QWidget

from ui.ops import OpError


class OrderCreationDialog(QDialog):
    # the order was created (open it in the card)
    sig_order_created = Signal(int)

    error: QLabel
    create_button: QPushButton

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.created_id: int | None = None

    def retranslate(self) -> None:
        """Set every visible text in the current language (subclasses)."""

    def _created(self, order_id: int) -> None:
        self.created_id = order_id
        self.sig_order_created.emit(order_id)
        self.accept()

    def _failed(self, error: OpError) -> None:
        self.create_button.setEnabled(True)
        self._show_error(error.message)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
