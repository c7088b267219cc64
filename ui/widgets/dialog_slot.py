"""``owner.dialog``: the one dialog (or pop-up menu) a widget has open right now.

Widgets open their dialogs window-modal with ``open()`` (no nested event loop) and let Qt delete
them on close. Callers and tests reach the open one through ``owner.dialog``; once Qt has deleted
it the attribute must say None, because touching a deleted dialog's wrapper crashes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject


def track_dialog(owner: Any, dialog: QObject) -> None:
    """Set ``owner.dialog`` to ``dialog`` until Qt destroys it."""
    owner.dialog = dialog

    def gone(_obj: object = None, shown: QObject = dialog) -> None:
        if getattr(owner, "dialog", None) is shown:
            owner.dialog = None

    dialog.destroyed.connect(gone)
