"""Help → Keyboard shortcuts (F1): every shortcut of the console, grouped as declared.

It reads :data:`ui.shortcuts.SHORTCUTS`, the same table the actions take their keys from, so
the sheet can never disagree with the keys. A plain tree widget: no model of its own."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui import shortcuts


def _keys_text(keys: tuple[str, ...]) -> str:
    native = QKeySequence.SequenceFormat.NativeText
    return "  ·  ".join(QKeySequence(k).toString(native) for k in keys)


class ShortcutsDialog(QDialog):
    """The shortcut sheet (non-modal: it can stay open beside the work)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ShortcutsDialog")
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("ShortcutsTree")
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        self.tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setStretchLastSection(False)
        self.tree.setColumnWidth(1, 190)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(520, 640)
        self.retranslate()

    def groups(self) -> dict[str, list[tuple[str, str]]]:
        """What the sheet shows: translated group → [(translated title, keys)], in order."""
        shown: dict[str, list[tuple[str, str]]] = {}
        for s in shortcuts.SHORTCUTS:
            group = shortcuts.translated(s.group)
            shown.setdefault(group, []).append((shortcuts.translated(s.title), _keys_text(s.keys)))
        return shown

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for group, rows in self.groups().items():
            head = QTreeWidgetItem(self.tree, [group, ""])
            head.setFont(0, bold)
            head.setFirstColumnSpanned(True)
            for title, keys in rows:
                QTreeWidgetItem(self.tree, [title, keys])
