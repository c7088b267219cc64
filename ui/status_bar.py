"""The console's status bar and the offline banner.

Status bar, left to right: the last message (or the database in use), then permanent items —
rows loaded in the queue, the reminders button, the operator (name, role, what they are doing)
and the connection chip (connected / reconnecting… / offline).

The banner is a toolbar across the whole window, above the docks: it says the database is away,
that unsaved edits are kept, and offers "Try now"; it hides itself when the connection is back."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolBar, QWidget

from ui.connection import ConnectionState

_ROLES = {
    "operator": "operator",
    "supervisor": "supervisor",
    "manager": "manager",
    "admin": "administrator",
}


def _repolish(widget: QWidget) -> None:
    # re-apply the stylesheet after a dynamic property ([state=...]) changed
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class ConnectionChip(QLabel):
    """ "Connected" / "Reconnecting…" / "Offline" with the last error as the tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ConnectionLabel")
        self.state: str | None = None  # None: not known yet
        self.message = ""
        self.show_state()

    def set_state(self, state: str | None, message: str = "") -> None:
        self.state, self.message = state, message
        self.show_state()

    def show_state(self) -> None:
        if self.state is None:
            self.setText(self.tr("Connecting…"))
            self.setProperty("state", "pending")
        elif self.state == ConnectionState.CONNECTED:
            self.setText(self.tr("Connected"))
            self.setProperty("state", "ok")
        elif self.state == ConnectionState.RECONNECTING:
            self.setText(self.tr("Reconnecting…"))
            self.setProperty("state", "pending")
        else:
            self.setText(self.tr("Offline"))
            self.setProperty("state", "error")
        self.setToolTip(self.message)
        _repolish(self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.show_state()
        super().changeEvent(event)


class UserLabel(QLabel):
    """The operator's name and role, and what they are doing ("free", "on order N")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("UserLabel")
        self.name = ""
        self.role = ""
        self.order_number: str | None = None
        self.show_user()

    def set_user(self, name: str, role: str) -> None:
        self.name, self.role = name, role
        self.show_user()

    def set_order(self, number: str | None) -> None:
        """The order the operator holds now (None: free)."""
        self.order_number = number
        self.show_user()

    def role_name(self) -> str:
        names = {
            "operator": self.tr("operator"),
            "supervisor": self.tr("supervisor"),
            "manager": self.tr("manager"),
            "admin": self.tr("administrator"),
        }
        return names.get(self.role, self.role)

    def show_user(self) -> None:
        if not self.name:
            self.clear()
            return
        if self.order_number:
            state = self.tr("on order %1").replace("%1", self.order_number)
            self.setProperty("state", "busy")
        else:
            state = self.tr("free — F2 takes the next order")
            self.setProperty("state", "free")
        self.setText(f"{self.name} ({self.role_name()})  ·  {state}")
        self.setToolTip(self.tr("Logged in as %1").replace("%1", self.name))
        _repolish(self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.show_user()
        super().changeEvent(event)


class RowsLabel(QLabel):
    """ "Loaded: 200 of 5,000" for the queue grid."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RowsLabel")
        self.loaded = 0
        self.count: tuple[int, bool] | None = None

    def set_loaded(self, rows: int) -> None:
        self.loaded = rows
        self.show_rows()

    def set_count(self, count: int, exact: bool) -> None:
        self.count = (count, exact)
        self.show_rows()

    def reset(self) -> None:
        self.loaded, self.count = 0, None
        self.clear()

    def show_rows(self) -> None:
        loaded = QLocale().toString(self.loaded)
        if self.count is None:
            text = self.tr("Loaded: %1").replace("%1", loaded)
        else:
            count, exact = self.count
            total = QLocale().toString(count)
            if exact:
                text = self.tr("Loaded: %1 of %2").replace("%1", loaded).replace("%2", total)
            else:
                text = self.tr("Loaded: %1 of about %2").replace("%1", loaded).replace("%2", total)
        self.setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and (self.loaded or self.count):
            self.show_rows()
        super().changeEvent(event)


class OfflineBanner(QToolBar):
    """The red band across the window while the database is unreachable."""

    # the operator asked to check the connection now
    sig_retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OfflineBanner")
        self.setMovable(False)
        self.setFloatable(False)
        self.toggleViewAction().setVisible(False)  # not a toolbar the user switches on and off
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        body = QWidget(self)
        body.setObjectName("OfflineBannerBody")
        self.label = QLabel(body)
        self.label.setObjectName("OfflineBannerText")
        self.label.setWordWrap(True)
        self.retry_button = QPushButton(body)
        self.retry_button.setObjectName("OfflineRetryButton")
        self.retry_button.clicked.connect(self.sig_retry_requested)
        layout = QHBoxLayout(body)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.retry_button)
        self.addWidget(body)
        self.state = ConnectionState.CONNECTED.value
        self.message = ""
        self.hide()
        self.retranslate()

    def show_state(self, state: str, message: str) -> None:
        self.state, self.message = state, message
        self.retranslate()
        self.setVisible(state != ConnectionState.CONNECTED)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        if self.state == ConnectionState.OFFLINE:
            text = self.tr(
                "Offline: the database is not reachable. Your unsaved changes are kept; Okno "
                "keeps trying and carries on by itself when the database is back."
            )
        else:
            text = self.tr("The connection to the database was lost. Reconnecting…")
        if self.message:
            text += "\n" + self.message
        self.label.setText(text)
        self.retry_button.setText(self.tr("Try now"))
