"""Operator states for call distribution: the operator's own selector in the status bar and
the supervisors' table of everyone's state and time in it.

States and their rules belong to the backend (``app.telephony.OPERATOR_STATES``; calls move an
operator to "on a call" and "wrap-up" by themselves). Here the operator picks available /
paused (with a reason) / wrap-up; "on a call" is shown, never chosen."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import QInputDialog, QMenu, QToolButton, QWidget

from app.clock import Clock
from ui.panels.telephony import texts
from ui.panels.telephony.row_merge import merge_rows

DISPLAY = Qt.ItemDataRole.DisplayRole
BACKGROUND = Qt.ItemDataRole.BackgroundRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
ALIGN = Qt.ItemDataRole.TextAlignmentRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

CHOOSABLE = ("available", "paused", "wrap_up")


class OperatorStateButton(QToolButton):
    """ "● Available · 0:42" in the status bar; its menu changes the state.

    Emits ``sig_state_requested(state, reason)``; the panel writes it and calls
    :meth:`show_state` with what the database says."""

    # the operator chose a state (code, reason or "")
    sig_state_requested = Signal(str, str)

    def __init__(self, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OperatorStateButton")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setAutoRaise(True)
        self.clock = clock
        self.state: str | None = None
        self.reason: str | None = None
        self.since: dt.datetime | None = None
        self.dialog: QInputDialog | None = None  # the pause reason asked now (tests drive it)
        self.menu_ = QMenu(self)
        self.actions_: dict[str, QAction] = {}
        for code in CHOOSABLE:
            action = self.menu_.addAction("")
            action.setObjectName(f"state_{code}")
            action.triggered.connect(lambda _c=False, s=code: self._chosen(s))
            self.actions_[code] = action
        self.on_call_action = self.menu_.addAction("")
        self.on_call_action.setEnabled(False)  # a call sets it, never the operator
        self.setMenu(self.menu_)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._show)
        self.retranslate()

    def show_state(self, state: str | None, reason: str | None, since: dt.datetime | None) -> None:
        self.state, self.reason, self.since = state, reason, since
        if state is None:
            self._timer.stop()
        elif not self._timer.isActive():
            self._timer.start()
        self._show()

    def toggle_pause(self) -> None:
        """Ctrl+Shift+P: pause (asks the reason) or back to available."""
        self._chosen("available" if self.state == "paused" else "paused")

    def _chosen(self, state: str) -> None:
        if state != "paused":
            self.sig_state_requested.emit(state, "")
            return
        # a pause needs a reason: a common one from the list, or any other written in
        dialog = QInputDialog(self.window())
        dialog.setObjectName("PauseReasonDialog")
        dialog.setWindowTitle(self.tr("Pause"))
        dialog.setLabelText(self.tr("Why are you pausing? New calls will not reach you."))
        dialog.setComboBoxItems([texts.say(r) for r in texts.PAUSE_REASONS])
        dialog.setComboBoxEditable(True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(self._pause_reason)
        self.dialog = dialog
        dialog.open()  # window-modal, no nested event loop

    def _pause_reason(self, reason: str) -> None:
        if reason.strip():
            self.sig_state_requested.emit("paused", reason.strip())

    def _show(self) -> None:
        if self.state is None:
            self.setText(self.tr("Phone: —"))
            self.setToolTip(self.tr("Your state for incoming calls is not known yet"))
            self.setStyleSheet("")
            return
        text = texts.label(texts.OPERATOR_STATES, self.state)
        if self.state == "paused" and self.reason:
            text += f" ({self.reason})"
        elapsed = texts.since(self.since, self.clock.now())
        if elapsed:
            text += f" · {elapsed}"
        self.setText("● " + text)
        bg, fg = texts.STATE_COLOURS.get(self.state, texts.STATE_COLOURS["offline"])
        self.setStyleSheet(
            f"QToolButton#OperatorStateButton {{ background: {bg}; color: {fg}; "
            "border-radius: 9px; padding: 1px 8px; font-weight: 600; }"
        )
        self.setToolTip(self.tr("Your state for incoming calls; click to change it"))
        for code, action in self.actions_.items():
            action.setCheckable(True)
            action.setChecked(code == self.state)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        for code, action in self.actions_.items():
            action.setText(
                texts.label(texts.OPERATOR_STATES, code) + ("…" if code == "paused" else "")
            )
        self.on_call_action.setText(
            self.tr("%1 (set by the calls)").replace(
                "%1", texts.label(texts.OPERATOR_STATES, "on_call")
            )
        )
        self._show()


(COL_NAME, COL_EXTENSION, COL_STATE, COL_SINCE) = range(4)
_OPERATOR_TITLES = (
    QT_TRANSLATE_NOOP("Telephony", "Operator"),
    QT_TRANSLATE_NOOP("Telephony", "Ext."),
    QT_TRANSLATE_NOOP("Telephony", "State"),
    QT_TRANSLATE_NOOP("Telephony", "For"),
)


class OperatorsModel(QAbstractTableModel):
    """Every operator's state and how long they have been in it (supervisors); ``rows`` are the
    backend's ``OperatorStateRow`` values. The "for" column ticks with :meth:`tick`."""

    def __init__(self, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.rows: list[Any] = []

    def set_rows(self, rows: tuple[Any, ...]) -> None:
        """The fresh list, merged in (a supervisor's selected operator stays selected)."""
        merge_rows(self, self.rows, rows, lambda r: r.operator_id, len(_OPERATOR_TITLES))

    def tick(self) -> None:
        if self.rows:
            top, bottom = self.index(0, COL_SINCE), self.index(len(self.rows) - 1, COL_SINCE)
            self.dataChanged.emit(top, bottom, [DISPLAY])

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_OPERATOR_TITLES)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == DISPLAY and 0 <= section < len(_OPERATOR_TITLES):
            return texts.say(_OPERATOR_TITLES[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == DISPLAY:
            if column == COL_NAME:
                return row.name
            if column == COL_EXTENSION:
                return row.extension or ""
            if column == COL_STATE:
                text = texts.label(texts.OPERATOR_STATES, row.state)
                return f"{text}: {row.reason}" if row.reason else text
            if column == COL_SINCE:
                return texts.since(row.since, self.clock.now())
            return None
        if column == COL_STATE and role in (BACKGROUND, FOREGROUND):
            bg, fg = texts.STATE_COLOURS.get(row.state, texts.STATE_COLOURS["offline"])
            return QColor(bg if role == BACKGROUND else fg)
        if role == ALIGN and column == COL_SINCE:
            return _RIGHT
        return None
