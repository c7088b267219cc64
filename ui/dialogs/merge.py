"""Merge a duplicate into the customer on screen: find the duplicate, read what will move, confirm.

Opened by the profile panel's "Merge a duplicate…" (supervisors and admins); the service
refuses other roles too (:func:`app.customers.panel_queries.merge_as`). The merge uses the
versions the confirmation showed, so a customer changed meanwhile is refused, not merged
blindly."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.actors import Actor
from app.clock import SYSTEM_CLOCK, Clock
from app.customers.panel_queries import MergeDone, MergePreview
from ui.customer_support import CUSTOMER_QSS, readable
from ui.customer_texts import TABLE_NAMES, field_name, table_name
from ui.formatting import format_phone
from ui.ops import Op, OpError, OpRunner
from ui.widgets.pickers import CustomerPicker


def _ref(ref: object) -> str:
    from app.customers.errors import CustomerRef

    assert isinstance(ref, CustomerRef)
    extra = ", ".join(x for x in (format_phone(ref.phone) if ref.phone else None, ref.email) if x)
    return f"#{ref.id} {ref.name}" + (f" ({extra})" if extra else "")


class MergeDialog(QDialog):
    """Choose the duplicate of customer ``keep_id`` and merge it in."""

    # the merge is committed: (kept id, merged id)
    sig_customers_merged = Signal(int, int)

    def __init__(
        self,
        runner: OpRunner,
        actor: Actor,
        keep_id: int,
        keep_name: str,
        *,
        clock: Clock = SYSTEM_CLOCK,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MergeDialog")
        self.setStyleSheet(CUSTOMER_QSS)
        self._runner = runner
        self._actor = actor
        self._clock = clock
        self.keep_id = keep_id
        self.keep_name = keep_name
        self.preview: MergePreview | None = None

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.picker = CustomerPicker(runner, exclude_id=keep_id, parent=self)
        self.summary = QLabel(self)
        self.summary.setObjectName("WarningBox")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.hide()
        self.error = QLabel(self)
        self.error.setObjectName("ErrorLabel")
        self.error.setWordWrap(True)
        self.error.hide()
        self.merge_button = QPushButton(self)
        self.merge_button.setObjectName("ConfirmMergeButton")
        self.merge_button.setEnabled(False)
        self.merge_button.setAutoDefault(False)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.merge_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(8)
        layout.addWidget(self.intro)
        layout.addWidget(self.picker, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

        self.picker.sig_customer_chosen.connect(self._chosen)
        self.merge_button.clicked.connect(self.merge)
        self.cancel_button.clicked.connect(self.reject)
        self.resize(600, 520)
        self.retranslate()
        self.picker.setFocus()

    # -- steps ------------------------------------------------------------------------------------
    def choose(self, duplicate_id: int) -> None:
        """Preview merging ``duplicate_id`` (what picking it in the list does)."""
        self._chosen(duplicate_id, "")

    def _chosen(self, duplicate_id: int, _name: str) -> None:
        from app.customers.panel_queries import merge_preview

        keep = self.keep_id
        self.preview = None
        self.merge_button.setEnabled(False)
        self.error.hide()
        Op(
            self,
            readable(lambda s: merge_preview(s, keep, duplicate_id)),
            key="merge-preview",
            runner=self._runner,
        ).success(self._previewed).failure(self._failed).run()

    def _previewed(self, preview: MergePreview) -> None:
        self.preview = preview
        self.summary.setText(self.describe(preview))
        self.summary.show()
        self.merge_button.setEnabled(True)
        self.merge_button.setFocus()

    def describe(self, p: MergePreview) -> str:
        """The confirmation: who goes into whom, what moves, what is dropped or filled."""
        lines = [
            self.tr("%1 will be merged into %2.")
            .replace("%1", _ref(p.duplicate))
            .replace("%2", _ref(p.keep))
        ]
        if p.moves:
            # the familiar things first (orders, phones, …), anything else after them
            known = list(TABLE_NAMES)
            ordered = sorted(
                p.moves, key=lambda m: (known.index(m[0]) if m[0] in known else 99, m[0])
            )
            moved = ", ".join(f"{table_name(t)}: {n}" for t, n in ordered)
            lines.append(
                self.tr("Moves to #%1: %2.").replace("%1", str(p.keep.id)).replace("%2", moved)
            )
        else:
            lines.append(self.tr("Nothing else points at #%1.").replace("%1", str(p.duplicate.id)))
        if p.dropped_phones:
            lines.append(
                self.tr("Numbers #%1 already has are not copied: %2.")
                .replace("%1", str(p.keep.id))
                .replace("%2", ", ".join(format_phone(x) for x in p.dropped_phones))
            )
        if p.filled:
            lines.append(
                self.tr("Empty fields of #%1 taken from #%2: %3.")
                .replace("%1", str(p.keep.id))
                .replace("%2", str(p.duplicate.id))
                .replace("%3", ", ".join(field_name(f) for f in p.filled))
            )
        lines.append(
            self.tr("#%1 stays as an audit record pointing to #%2; the merge cannot be undone.")
            .replace("%1", str(p.duplicate.id))
            .replace("%2", str(p.keep.id))
        )
        return "\n".join(lines)

    def merge(self) -> None:
        """Merge the previewed duplicate (with the versions the preview showed)."""
        from app.customers.panel_queries import merge_as

        p = self.preview
        if p is None:
            return
        actor, clock = self._actor, self._clock
        self.merge_button.setEnabled(False)
        Op(
            self,
            readable(
                lambda s: merge_as(
                    s,
                    p.keep.id,
                    p.duplicate.id,
                    actor,
                    clock,
                    keep_version=p.keep_version,
                    duplicate_version=p.duplicate_version,
                )
            ),
            runner=self._runner,
        ).success(self._merged).failure(self._failed).run()

    def _merged(self, done: MergeDone) -> None:
        self.sig_customers_merged.emit(done.kept_id, done.merged_id)
        self.accept()

    def _failed(self, error: OpError) -> None:
        self.error.setText(error.message)
        self.error.show()
        self.merge_button.setEnabled(self.preview is not None)

    # -- language -------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        target = f"#{self.keep_id} {self.keep_name}"
        self.setWindowTitle(self.tr("Merge a duplicate into %1").replace("%1", target))
        self.intro.setText(
            self.tr(
                "Find the duplicate: the customer record that will be merged into %1 "
                "(its orders, phones, children, tags, notes, calls and messages move over)."
            ).replace("%1", target)
        )
        self.merge_button.setText(self.tr("Merge"))
        self.merge_button.setToolTip(
            self.tr("Merge the chosen duplicate into %1").replace("%1", target)
        )
        self.cancel_button.setText(self.tr("Cancel"))
        self.picker.retranslate()
        if self.preview is not None:
            self.summary.setText(self.describe(self.preview))
