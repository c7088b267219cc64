"""Every keyboard shortcut of the console, declared once.

Actions take their key sequence from here, tooltips show it, and Help → Shortcuts lists this
table, so the sheet can never disagree with the keys. Function keys drive the confirmation loop
(call-center keyboards and softphones use them; they never collide with text editing)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence


@dataclass(frozen=True, slots=True)
class Shortcut:
    action_id: str
    keys: tuple[str, ...]  # portable text, first one shown in tooltips
    group: str  # untranslated source text of the group (translated when shown)
    title: str  # untranslated source text of the action

    def sequences(self) -> list[QKeySequence]:
        return [QKeySequence(k) for k in self.keys]

    def native_text(self) -> str:
        return QKeySequence(self.keys[0]).toString(QKeySequence.SequenceFormat.NativeText)


def _tr(text: str) -> str:
    # marks the string for lupdate; translation happens where it is shown
    return text


_WORKFLOW = _tr("Confirmation workflow")
_ITEMS = _tr("Order card")
_NAV = _tr("Navigation")
_CREATE = _tr("Create")

SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut("take_next", ("F2",), _WORKFLOW, _tr("Take next order")),
    Shortcut("confirm", ("F3", "Ctrl+Return"), _WORKFLOW, _tr("Confirm order")),
    Shortcut("no_answer", ("F4",), _WORKFLOW, _tr("No answer")),
    Shortcut("call_back", ("F6",), _WORKFLOW, _tr("Call back at…")),
    Shortcut("cancel_order", ("F8",), _WORKFLOW, _tr("Cancel order…")),
    Shortcut("set_status", ("F9",), _WORKFLOW, _tr("Set status…")),
    Shortcut("release_order", ("Ctrl+Shift+R",), _WORKFLOW, _tr("Release order to the queue")),
    Shortcut("save_order", ("Ctrl+S",), _ITEMS, _tr("Save changes")),
    Shortcut("revert_order", ("Ctrl+Shift+Z",), _ITEMS, _tr("Discard my changes")),
    Shortcut("add_item", ("Ctrl+I", "Insert"), _ITEMS, _tr("Add item…")),
    Shortcut("remove_item", ("Ctrl+Delete",), _ITEMS, _tr("Remove selected item")),
    Shortcut("choose_store", ("Ctrl+Shift+S",), _ITEMS, _tr("Choose shipping store…")),
    Shortcut("global_search", ("Ctrl+K",), _NAV, _tr("Search orders and customers")),
    Shortcut("focus_queue", ("Ctrl+1",), _NAV, _tr("Go to the queue")),
    Shortcut("focus_card", ("Ctrl+2",), _NAV, _tr("Go to the order card")),
    Shortcut("focus_customer", ("Ctrl+3",), _NAV, _tr("Go to the customer")),
    Shortcut("refresh", ("F5",), _NAV, _tr("Refresh")),
    Shortcut("shortcuts_help", ("F1",), _NAV, _tr("Keyboard shortcuts")),
    Shortcut("new_order", ("Ctrl+Shift+N",), _CREATE, _tr("New order…")),
    Shortcut("one_click_order", ("Ctrl+Shift+O",), _CREATE, _tr("One-click order…")),
    Shortcut("new_customer", ("Ctrl+Shift+C",), _CREATE, _tr("New customer…")),
)

BY_ID: dict[str, Shortcut] = {s.action_id: s for s in SHORTCUTS}


def translated(text: str) -> str:
    return QCoreApplication.translate("shortcuts", text)


def tooltip(action_id: str, description: str | None = None) -> str:
    """``"Confirm order (F3)"``: the translated title (or ``description``) with the key."""
    s = BY_ID[action_id]
    return f"{description or translated(s.title)} ({s.native_text()})"


def apply(action: object, action_id: str) -> None:
    """Give a QAction its keys and a tooltip that names them."""
    from PySide6.QtGui import QAction

    assert isinstance(action, QAction)
    s = BY_ID[action_id]
    action.setShortcuts(s.sequences())
    action.setToolTip(tooltip(action_id))
    action.setObjectName(f"action_{action_id}")
