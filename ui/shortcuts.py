"""Every keyboard shortcut of the console, declared once.

Actions take their key sequence from here, tooltips show it, and Help → Shortcuts lists this
table, so the sheet can never disagree with the keys. Function keys drive the confirmation loop
(call-center keyboards and softphones use them; they never collide with text editing)."""

from __future__ import annotations

from dataclasses import dataclass

# QT_TRANSLATE_NOOP marks a string for lupdate; it is translated where it is shown.
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
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


_WORKFLOW = QT_TRANSLATE_NOOP("shortcuts", "Confirmation workflow")
_ITEMS = QT_TRANSLATE_NOOP("shortcuts", "Order card")
_NAV = QT_TRANSLATE_NOOP("shortcuts", "Navigation")
_CREATE = QT_TRANSLATE_NOOP("shortcuts", "Create")

SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut("take_next", ("F2",), _WORKFLOW, QT_TRANSLATE_NOOP("shortcuts", "Take next order")),
    Shortcut(
        "confirm", ("F3", "Ctrl+Return"), _WORKFLOW, QT_TRANSLATE_NOOP("shortcuts", "Confirm order")
    ),
    Shortcut("no_answer", ("F4",), _WORKFLOW, QT_TRANSLATE_NOOP("shortcuts", "No answer")),
    Shortcut("call_back", ("F6",), _WORKFLOW, QT_TRANSLATE_NOOP("shortcuts", "Call back at…")),
    Shortcut("cancel_order", ("F8",), _WORKFLOW, QT_TRANSLATE_NOOP("shortcuts", "Cancel order…")),
    Shortcut("set_status", ("F9",), _WORKFLOW, QT_TRANSLATE_NOOP("shortcuts", "Set status…")),
    Shortcut(
        "release_order",
        ("Ctrl+Shift+R",),
        _WORKFLOW,
        QT_TRANSLATE_NOOP("shortcuts", "Release order to the queue"),
    ),
    Shortcut("save_order", ("Ctrl+S",), _ITEMS, QT_TRANSLATE_NOOP("shortcuts", "Save changes")),
    Shortcut(
        "revert_order",
        ("Ctrl+Shift+Z",),
        _ITEMS,
        QT_TRANSLATE_NOOP("shortcuts", "Discard my changes"),
    ),
    Shortcut("add_item", ("Ctrl+I", "Insert"), _ITEMS, QT_TRANSLATE_NOOP("shortcuts", "Add item…")),
    Shortcut(
        "remove_item",
        ("Ctrl+Delete",),
        _ITEMS,
        QT_TRANSLATE_NOOP("shortcuts", "Remove selected item"),
    ),
    Shortcut(
        "choose_store",
        ("Ctrl+Shift+S",),
        _ITEMS,
        QT_TRANSLATE_NOOP("shortcuts", "Choose shipping store…"),
    ),
    Shortcut(
        "cross_sell_add",
        ("Return", "Enter"),
        _ITEMS,
        QT_TRANSLATE_NOOP("shortcuts", "Cross-sell: add the suggestion to the order"),
    ),
    Shortcut(
        "cross_sell_decline",
        ("Delete",),
        _ITEMS,
        QT_TRANSLATE_NOOP("shortcuts", "Cross-sell: the customer declined…"),
    ),
    Shortcut(
        "cross_sell_next_size",
        ("Right",),
        _ITEMS,
        QT_TRANSLATE_NOOP("shortcuts", "Cross-sell: next size"),
    ),
    Shortcut(
        "cross_sell_previous_size",
        ("Left",),
        _ITEMS,
        QT_TRANSLATE_NOOP("shortcuts", "Cross-sell: previous size"),
    ),
    Shortcut(
        "cross_sell_more",
        ("+", "="),
        _ITEMS,
        QT_TRANSLATE_NOOP("shortcuts", "Cross-sell: one more of the suggestion"),
    ),
    Shortcut(
        "cross_sell_fewer",
        ("-",),
        _ITEMS,
        QT_TRANSLATE_NOOP("shortcuts", "Cross-sell: one fewer of the suggestion"),
    ),
    Shortcut(
        "global_search",
        ("Ctrl+K",),
        _NAV,
        QT_TRANSLATE_NOOP("shortcuts", "Search orders and customers"),
    ),
    Shortcut("focus_queue", ("Ctrl+1",), _NAV, QT_TRANSLATE_NOOP("shortcuts", "Go to the queue")),
    Shortcut(
        "focus_card", ("Ctrl+2",), _NAV, QT_TRANSLATE_NOOP("shortcuts", "Go to the order card")
    ),
    Shortcut(
        "focus_customer", ("Ctrl+3",), _NAV, QT_TRANSLATE_NOOP("shortcuts", "Go to the customer")
    ),
    Shortcut(
        "focus_cross_sell",
        ("Ctrl+4",),
        _NAV,
        QT_TRANSLATE_NOOP("shortcuts", "Go to the cross-sell suggestions"),
    ),
    Shortcut(
        "upsell_report",
        ("Ctrl+Shift+U",),
        _NAV,
        QT_TRANSLATE_NOOP("shortcuts", "Upsell by operator (managers)"),
    ),
    Shortcut("refresh", ("F5",), _NAV, QT_TRANSLATE_NOOP("shortcuts", "Refresh")),
    Shortcut("shortcuts_help", ("F1",), _NAV, QT_TRANSLATE_NOOP("shortcuts", "Keyboard shortcuts")),
    Shortcut("new_order", ("Ctrl+Shift+N",), _CREATE, QT_TRANSLATE_NOOP("shortcuts", "New order…")),
    Shortcut(
        "one_click_order",
        ("Ctrl+Shift+O",),
        _CREATE,
        QT_TRANSLATE_NOOP("shortcuts", "One-click order…"),
    ),
    Shortcut(
        "new_customer", ("Ctrl+Shift+C",), _CREATE, QT_TRANSLATE_NOOP("shortcuts", "New customer…")
    ),
)

# the telephony panel (issue 7): calling is part of the confirmation workflow (F7 sits between
# the call outcomes F6 and F8); dialing any number and the phone dock are navigation
SHORTCUTS += (
    Shortcut(
        "call_customer", ("F7",), _WORKFLOW, QT_TRANSLATE_NOOP("shortcuts", "Call the customer")
    ),
    Shortcut("dial_number", ("Ctrl+D",), _NAV, QT_TRANSLATE_NOOP("shortcuts", "Dial a number")),
    Shortcut("hang_up", ("Ctrl+Shift+H",), _WORKFLOW, QT_TRANSLATE_NOOP("shortcuts", "Hang up")),
    Shortcut(
        "toggle_pause",
        ("Ctrl+Shift+P",),
        _WORKFLOW,
        QT_TRANSLATE_NOOP("shortcuts", "Pause / back to available"),
    ),
    Shortcut(
        "focus_telephony", ("Ctrl+5",), _NAV, QT_TRANSLATE_NOOP("shortcuts", "Go to the phone")
    ),
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
