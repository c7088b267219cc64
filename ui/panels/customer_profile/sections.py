"""The pieces of the customer profile panel: header (name, badges, phones), metrics with their
definitions as tooltips, tags, notes, and the simple lists (children, custom fields, promo codes).

Each piece paints from plain data handed to ``show_*`` and asks for writes only through its
signals; the panel runs the ops."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.customers.attributes import NoteView
from app.customers.metrics import CustomerMetrics
from app.customers.profile import CustomerProfile, PhoneView
from app.customers.segments import Badge, SegmentRules
from ui.customer_support import format_date
from ui.customer_texts import metric_title, metric_tooltip, segment_meaning, segment_title
from ui.formatting import format_phone, format_rub, format_time
from ui.widgets.flow_layout import FlowLayout

_SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse

# the kinds of phone numbers the services store, as shown
PHONE_KINDS: dict[str, Any] = {
    "mobile": QT_TRANSLATE_NOOP("ProfileHeader", "mobile"),
    "work": QT_TRANSLATE_NOOP("ProfileHeader", "work"),
    "home": QT_TRANSLATE_NOOP("ProfileHeader", "home"),
}


@dataclass(frozen=True, slots=True)
class Look:
    """How values are shown: the UI language and the operator's time zone."""

    language: str
    zone: dt.tzinfo


def section_title(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("SectionTitle")
    return label


def muted(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("MutedLabel")
    label.setWordWrap(True)
    return label


def _pct(value: Decimal | None) -> str:
    """ "72.7 %", "5 %" (no trailing zeros), "—" when there is no figure."""
    return "—" if value is None else f"{value.normalize():f}\u00a0%"


# -- header ---------------------------------------------------------------------------------------


class ProfileHeader(QWidget):
    """Name, who they are at a glance, segment badges, phones (with the call hook) and e-mail."""

    # the operator asked to call this E.164 number (the telephony panel dials; issue 6)
    sig_call_requested = Signal(str)
    # the operator asked to open another customer (the survivor of a merged record)
    sig_customer_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ProfileHeader")
        self.calling_enabled = False
        self.name = QLabel(self)
        self.name.setObjectName("CustomerName")
        self.name.setWordWrap(True)
        self.name.setTextInteractionFlags(_SELECTABLE)
        self.subtitle = muted("", self)
        self.subtitle.setObjectName("CustomerSubtitle")
        self.badges_box = QWidget(self)
        self.badges = FlowLayout(self.badges_box)
        self.merged_banner = QWidget(self)
        self.merged_banner.setObjectName("MergedBanner")
        banner = QHBoxLayout(self.merged_banner)
        banner.setContentsMargins(8, 4, 8, 4)
        self.merged_text = QLabel(self.merged_banner)
        self.merged_text.setWordWrap(True)
        self.open_survivor = QPushButton(self.merged_banner)
        self.open_survivor.setObjectName("OpenSurvivorButton")
        banner.addWidget(self.merged_text, 1)
        banner.addWidget(self.open_survivor)
        self.merged_banner.hide()
        self.phones_box = QWidget(self)
        self.phones = QVBoxLayout(self.phones_box)
        self.phones.setContentsMargins(0, 0, 0, 0)
        self.phones.setSpacing(2)
        self.email = QLabel(self)
        self.email.setObjectName("EmailLabel")
        self.email.setTextInteractionFlags(_SELECTABLE)
        self.phone_labels: list[QLabel] = []
        self.call_buttons: list[QToolButton] = []
        self._survivor: int | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.name)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.badges_box)
        layout.addWidget(self.merged_banner)
        layout.addWidget(self.phones_box)
        layout.addWidget(self.email)
        self.open_survivor.clicked.connect(self._open_survivor)

    def _open_survivor(self) -> None:
        if self._survivor is not None:
            self.sig_customer_requested.emit(self._survivor)

    def set_calling_enabled(self, enabled: bool) -> None:
        self.calling_enabled = enabled
        for button in self.call_buttons:
            button.setVisible(enabled)

    def show_profile(
        self,
        p: CustomerProfile,
        rules: SegmentRules,
        survivor: int | None,
        look: Look,
    ) -> None:
        self.name.setText(p.name or self.tr("(no name)"))
        bits = [f"#{p.id}"]
        if p.birth_date:
            born = self.tr("born %1").replace("%1", format_date(p.birth_date, look.language))
            if p.age_years is not None:
                born += " " + self.tr("(%n year(s))", "", p.age_years)
            bits.append(born)
        if p.loyalty_discount_pct:
            bits.append(self.tr("loyalty discount %1").replace("%1", _pct(p.loyalty_discount_pct)))
        else:
            bits.append(self.tr("no loyalty discount"))
        self.subtitle.setText(" · ".join(bits))

        self.badges.clear()
        for badge in p.badges:
            label = QLabel(segment_title(badge.code), self.badges_box)
            label.setObjectName(f"Badge_{badge.code}")
            label.setProperty("badge", badge.code)
            label.setToolTip(self._badge_reason(badge, p.metrics, rules, look))
            self.badges.addWidget(label)
        self.badges_box.setVisible(bool(p.badges))

        self._survivor = survivor
        if p.merged_into_id is not None:
            when = format_time(p.merged_at, look.zone, look.language)
            text = (
                self.tr("This is an audit record: merged into #%1 on %2 by %3.")
                .replace("%1", str(p.merged_into_id))
                .replace("%2", when)
                .replace("%3", p.merged_by or "—")
            )
            self.merged_text.setText(text)
            self.open_survivor.setText(self.tr("Open #%1").replace("%1", str(survivor)))
            self.merged_banner.show()
        else:
            self.merged_banner.hide()

        self._show_phones(p.phones)
        self.email.setText(p.email or self.tr("no e-mail"))

    def _show_phones(self, phones: Sequence[PhoneView]) -> None:
        while self.phones.count():
            item = self.phones.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # findChildren() still sees it until the deferred delete
                widget.deleteLater()
        self.phone_labels, self.call_buttons = [], []
        if not phones:
            self.phones.addWidget(muted(self.tr("no phone"), self.phones_box))
            return
        for phone in phones:
            row = QWidget(self.phones_box)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.setSpacing(6)
            text = format_phone(phone.e164)
            if phone.extension:
                text += " " + self.tr("ext. %1").replace("%1", phone.extension)
            label = QLabel(text, row)
            label.setObjectName("PhoneLabel")
            label.setTextInteractionFlags(_SELECTABLE)
            label.setToolTip(self.tr("As given: %1").replace("%1", phone.raw))
            if phone.is_primary:
                kind_text = self.tr("primary")
            elif phone.kind in PHONE_KINDS:
                kind_text = QCoreApplication.translate("ProfileHeader", PHONE_KINDS[phone.kind])
            else:
                kind_text = phone.kind
            kind = muted(kind_text, row)
            call = QToolButton(row)
            call.setObjectName("CallButton")
            call.setText(self.tr("Call"))
            call.setToolTip(self.tr("Call %1").replace("%1", text))
            call.setVisible(self.calling_enabled)
            call.clicked.connect(lambda _c=False, n=phone.e164: self.sig_call_requested.emit(n))
            line.addWidget(label)
            line.addWidget(kind)
            line.addStretch(1)
            line.addWidget(call)
            self.phones.addWidget(row)
            self.phone_labels.append(label)
            self.call_buttons.append(call)

    def _badge_reason(
        self, badge: Badge, m: CustomerMetrics, rules: SegmentRules, look: Look
    ) -> str:
        meaning = segment_meaning(badge.code)
        if badge.source == "tag":
            why = self.tr("Tagged “prepayment_only” by staff.")
        elif badge.code == "vip":
            why = (
                self.tr("Lifetime value %1 ≥ %2.")
                .replace("%1", format_rub(m.ltv, look.language))
                .replace("%2", format_rub(rules.vip_ltv, look.language))
            )
        elif badge.code == "low_buyout":
            why = (
                self.tr("Buyout %1 is below %2 over %3 decided orders.")
                .replace("%1", _pct(m.buyout_rate))
                .replace("%2", _pct(rules.low_buyout_pct))
                .replace("%3", str(m.decided_count))
            )
        elif badge.code == "new":
            why = self.tr("First order within %n day(s).", "", rules.new_days)
        elif badge.code == "dormant":
            why = (
                self.tr("No order for %1 days (%2 or more make a customer dormant).")
                .replace("%1", str(m.days_since_last_order))
                .replace("%2", str(rules.dormant_days))
            )
        else:
            why = badge.reason
        return f"{meaning}\n{why}" if meaning else why


# -- metrics --------------------------------------------------------------------------------------

METRIC_KEYS = (
    "order_count",
    "ltv",
    "average_check",
    "buyout_rate",
    "first_order_at",
    "last_order_at",
    "days_since_last_order",
    "top_categories",
    "click_collect_share",
)


class MetricsSection(QWidget):
    """The customer's figures; hovering a name or a value shows how it is defined."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MetricsSection")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(3)
        grid.setColumnStretch(1, 1)
        self.names: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for row, key in enumerate(METRIC_KEYS):
            name = muted("", self)
            name.setWordWrap(False)
            value = QLabel(self)
            value.setObjectName(f"Metric_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(_SELECTABLE)
            grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row, 1)
            self.names[key], self.values[key] = name, value
        self.retranslate()

    def retranslate(self) -> None:
        for key in METRIC_KEYS:
            tip = metric_tooltip(key)
            if key == "buyout_rate":
                tip += "\n" + metric_title("decided_count") + ": " + metric_tooltip("decided_count")
            self.names[key].setText(metric_title(key))
            self.names[key].setToolTip(tip)
            self.values[key].setToolTip(tip)

    def show_metrics(self, m: CustomerMetrics, look: Look) -> None:
        lang = look.language
        v = self.values
        v["order_count"].setText(
            self.tr("%1 (completed %2)")
            .replace("%1", str(m.order_count))
            .replace("%2", str(m.completed_count))
        )
        v["ltv"].setText(format_rub(m.ltv, lang))
        v["average_check"].setText(
            format_rub(m.average_check, lang) if m.average_check is not None else "—"
        )
        if m.buyout_rate is None:
            v["buyout_rate"].setText(self.tr("— (no decided orders yet)"))
        else:
            v["buyout_rate"].setText(
                self.tr("%1 of %2 decided orders")
                .replace("%1", _pct(m.buyout_rate))
                .replace("%2", str(m.decided_count))
            )
        v["first_order_at"].setText(format_time(m.first_order_at, look.zone, lang) or "—")
        v["last_order_at"].setText(format_time(m.last_order_at, look.zone, lang) or "—")
        if m.days_since_last_order is None:
            v["days_since_last_order"].setText("—")
        else:
            v["days_since_last_order"].setText(self.tr("%n day(s)", "", m.days_since_last_order))
        v["top_categories"].setText(
            ", ".join(f"{c.name} ({c.items})" for c in m.top_categories) or "—"
        )
        if m.click_collect_share is None:
            v["click_collect_share"].setText("—")
        else:
            v["click_collect_share"].setText(
                self.tr("%1 (%n order(s))", "", m.click_collect_count).replace(
                    "%1", _pct(m.click_collect_share)
                )
            )


# -- tags -----------------------------------------------------------------------------------------


class TagsSection(QWidget):
    """Tag chips with a remove button each, and a box to add one (Enter)."""

    # add this tag (as typed; the service normalizes it)
    sig_add_requested = Signal(str)
    # remove this tag
    sig_remove_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TagsSection")
        self.chips_box = QWidget(self)
        self.chips = FlowLayout(self.chips_box)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("AddTagEdit")
        self.edit.setMaxLength(64)
        self.empty = muted("", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.chips_box)
        layout.addWidget(self.empty)
        layout.addWidget(self.edit)
        self.edit.returnPressed.connect(self._add)
        self.tags: tuple[str, ...] = ()
        self.retranslate()

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(self.tr("Add a tag and press Enter"))
        self.empty.setText(self.tr("No tags"))

    def _add(self) -> None:
        text = self.edit.text().strip()
        if text:
            self.sig_add_requested.emit(text)
            self.edit.clear()

    def show_tags(self, tags: Sequence[str], editable: bool) -> None:
        self.tags = tuple(tags)
        self.chips.clear()
        for tag in tags:
            chip = QWidget(self.chips_box)
            chip.setObjectName("TagChip")
            chip.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
            line = QHBoxLayout(chip)
            line.setContentsMargins(0, 0, 0, 0)
            line.setSpacing(0)
            line.addWidget(QLabel(tag, chip))
            remove = QToolButton(chip)
            remove.setObjectName("RemoveTag")
            remove.setText("×")
            remove.setToolTip(self.tr("Remove the tag “%1”").replace("%1", tag))
            remove.setEnabled(editable)
            remove.clicked.connect(lambda _c=False, t=tag: self.sig_remove_requested.emit(t))
            line.addWidget(remove)
            self.chips.addWidget(chip)
        self.chips_box.setVisible(bool(tags))
        self.empty.setVisible(not tags)
        self.edit.setEnabled(editable)


# -- notes ----------------------------------------------------------------------------------------


class NotesSection(QWidget):
    """A box for a new note (Ctrl+Enter adds it) and the latest notes with author and time."""

    # add a note with this text
    sig_add_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NotesSection")
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("NoteEditor")
        self.editor.setTabChangesFocus(True)
        self.editor.setFixedHeight(54)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("AddNoteButton")
        self.add_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.list_box = QWidget(self)
        self.list = QVBoxLayout(self.list_box)
        self.list.setContentsMargins(0, 0, 0, 0)
        self.list.setSpacing(6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.editor)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.list_box)
        self.add_button.clicked.connect(self._add)
        shortcut = QShortcut(QKeySequence("Ctrl+Return"), self.editor)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(self._add)
        self.retranslate()

    def retranslate(self) -> None:
        self.editor.setPlaceholderText(self.tr("A note about this customer…"))
        self.add_button.setText(self.tr("Add note"))
        self.add_button.setToolTip(self.tr("Add note (Ctrl+Enter)"))

    def _add(self) -> None:
        text = self.editor.toPlainText().strip()
        if text:
            self.sig_add_requested.emit(text)

    def note_saved(self) -> None:
        self.editor.clear()

    def show_notes(self, notes: Sequence[NoteView], editable: bool, look: Look) -> None:
        while self.list.count():
            item = self.list.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # findChildren() still sees it until the deferred delete
                widget.deleteLater()
        self.note_labels: list[tuple[QLabel, QLabel]] = []  # (text, author · time)
        if not notes:
            self.list.addWidget(muted(self.tr("No notes yet"), self.list_box))
        for note in notes:
            text = QLabel(note.text, self.list_box)
            text.setWordWrap(True)
            text.setTextInteractionFlags(_SELECTABLE)
            text.setObjectName("NoteText")
            who = note.author or self.tr("system")
            meta = muted(f"{who} · {format_time(note.created_at, look.zone, look.language)}", self)
            self.list.addWidget(text)
            self.list.addWidget(meta)
            self.note_labels.append((text, meta))
        self.editor.setEnabled(editable)
        self.add_button.setEnabled(editable)


# -- simple lists ---------------------------------------------------------------------------------


class LinesSection(QWidget):
    """A titled list of text lines (children, custom fields, promo codes)."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self.lines: list[QLabel] = []

    def show_lines(self, lines: Sequence[tuple[str, str]], empty: str) -> None:
        """``lines``: (text, tooltip); ``empty`` is shown when there are none."""
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # findChildren() still sees it until the deferred delete
                widget.deleteLater()
        self.lines = []
        if not lines:
            self._layout.addWidget(muted(empty, self))
            return
        for text, tip in lines:
            label = QLabel(text, self)
            label.setWordWrap(True)
            label.setTextInteractionFlags(_SELECTABLE)
            if tip:
                label.setToolTip(tip)
            self._layout.addWidget(label)
            self.lines.append(label)
