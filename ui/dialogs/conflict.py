"""Someone saved the order first: theirs vs mine, per field, with who changed it and when.

Three ways out, none of which overwrites anything silently: keep mine (my edits re-applied on
top of their version and saved again), take theirs (my edits dropped), or cancel (nothing
saved, my edits stay in the form)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

KEEP_MINE = "mine"
TAKE_THEIRS = "theirs"
_BOTH = QBrush(QColor("#fef3c7"))


@dataclass(frozen=True, slots=True)
class ConflictRow:
    """One field: its label, their value now, who changed it and when ("" if they did not),
    my value ("" if I did not change it), and whether both sides changed it."""

    field: str
    theirs: str
    changed_by: str
    mine: str
    both: bool


class ConflictDialog(QDialog):
    """Shows ``rows``; emits ``sig_resolved(KEEP_MINE | TAKE_THEIRS)``; Esc/Cancel emits
    nothing (the edits stay)."""

    sig_resolved = Signal(str)

    def __init__(
        self,
        rows: tuple[ConflictRow, ...],
        *,
        order_number: str,
        who: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ConflictDialog")
        self.rows = rows
        self.order_number = order_number
        self.who = who
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTreeWidget(self)
        self.table.setObjectName("ConflictTable")
        self.table.setColumnCount(4)
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(False)
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        self.table.setColumnWidth(
            0, max((metrics.horizontalAdvance(r.field) for r in rows), default=80) + 40
        )
        self.table.setColumnWidth(
            2, max((metrics.horizontalAdvance(r.changed_by) for r in rows), default=80) + 24
        )
        bold = QFont(self.table.font())
        bold.setBold(True)
        for row in rows:
            item = QTreeWidgetItem([row.field, row.theirs, row.changed_by, row.mine])
            for column in range(4):
                item.setToolTip(column, item.text(column))
                if row.both:
                    item.setBackground(column, _BOTH)
            item.setFont(0, bold)
            self.table.addTopLevelItem(item)
        self.buttons = QDialogButtonBox(self)
        self.mine_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.mine_button.setObjectName("KeepMineButton")
        self.theirs_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.DestructiveRole)
        self.theirs_button.setObjectName("TakeTheirsButton")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.mine_button.setDefault(True)
        self.legend = QLabel(self)
        self.legend.setObjectName("SectionHint")
        self.legend.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.buttons)
        self.mine_button.clicked.connect(lambda: self._resolve(KEEP_MINE))
        self.theirs_button.clicked.connect(lambda: self._resolve(TAKE_THEIRS))
        self.cancel_button.clicked.connect(self.reject)
        self.retranslate()
        self.resize(860, 380)
        self.mine_button.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(
            self.tr("Order %1 was changed meanwhile").replace("%1", self.order_number)
        )
        self.intro.setText(
            self.tr(
                "%1 saved order %2 after you opened it. Nothing of yours is saved yet; "
                "choose what to keep."
            )
            .replace("%1", self.who)
            .replace("%2", self.order_number)
        )
        self.table.setHeaderLabels(
            [self.tr("Field"), self.tr("Theirs (now)"), self.tr("Changed by"), self.tr("Mine")]
        )
        self.legend.setText(
            self.tr(
                "Highlighted: changed on both sides. Keep mine puts your values on top of "
                "theirs; fields only they changed keep their values."
            )
        )
        self.mine_button.setText(self.tr("Keep mine and save"))
        self.mine_button.setToolTip(
            self.tr("Re-apply your edits on top of the new version and save again")
        )
        self.theirs_button.setText(self.tr("Take theirs"))
        self.theirs_button.setToolTip(self.tr("Drop your edits and show the order as saved"))

    def _resolve(self, choice: str) -> None:
        self.sig_resolved.emit(choice)
        self.accept()
