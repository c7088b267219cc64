"""The order card's parts: header, banner, customer line, totals, delivery and payment form,
comments, robot checks and status history. Each shows plain values it is handed and reports
what the operator typed through signals; none of them runs an op."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.orders.card import CustomerSummary, HistoryEntry, RobotCheck
from app.orders.pricing import Totals
from ui.formatting import format_phone, format_rub, format_time
from ui.models.order_edits import parse_money
from ui.panels.order_card import labels as L
from ui.widgets.status_chip import STATUS_COLOURS

ROW_HEIGHT = 24  # the card's stylesheet gives tree rows this height
_PASS = QBrush(QColor("#166534"))
_FAIL = QBrush(QColor("#b91c1c"))


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class StatusChip(QLabel):
    """The order's status as a coloured pill (the same colours as the grid's chips)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CardStatusChip")
        self.code = ""

    def set_status(self, code: str, name: str) -> None:
        self.code = code
        bg, fg = STATUS_COLOURS.get(code, ("#f1f5f9", "#334155"))
        self.setText(name)
        self.setStyleSheet(
            f"background: {bg}; color: {fg}; border-radius: 10px; padding: 2px 10px;"
            "font-weight: 600;"
        )


class EnterButton(QPushButton):
    """A push button that Enter presses too (outside a dialog Qt only takes Space), so the
    banner's "Restore" and "Retry save" answer the key an operator reaches for."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            return
        super().keyPressEvent(event)


class Banner(QFrame):
    """A strip across the card: a message and a few buttons. ``kind``: info | warning |
    error (colours come from the panel's stylesheet)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setProperty("kind", "info")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(12, 6, 8, 6)
        self._layout.setSpacing(8)
        self._layout.addWidget(self.label, 1)
        self.buttons: list[QPushButton] = []
        self.hide()

    def show_message(
        self, kind: str, text: str, buttons: tuple[tuple[str, str, Callable[[], None]], ...] = ()
    ) -> None:
        """``buttons``: (object name, text, callback) each."""
        for button in self.buttons:
            self._layout.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        for name, label, callback in buttons:
            button = EnterButton(label, self)
            button.setObjectName(name)
            button.setAutoDefault(False)
            button.clicked.connect(callback)
            self._layout.addWidget(button)
            self.buttons.append(button)
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)
        self.label.setText(text)
        self.show()

    def button(self, name: str) -> QPushButton | None:
        return next((b for b in self.buttons if b.objectName() == name), None)

    def clear(self) -> None:
        self.hide()
        self.label.clear()


class CustomerLine(QWidget):
    """Name (a button: Enter/Space or a click opens the profile), phones, loyalty, tags."""

    sig_clicked = Signal(int)
    # the operator asked to call this number (the telephony panel dials it)
    sig_call_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.customer_id: int | None = None
        self.phone: str | None = None  # the number "Call" dials
        self.calling_enabled = False
        self.call_button = QPushButton(self)
        self.call_button.setObjectName("CardCallButton")
        self.call_button.setAutoDefault(False)
        self.call_button.setVisible(False)
        self.call_button.clicked.connect(self._call_clicked)
        self.name_button = QPushButton(self)
        self.name_button.setObjectName("CustomerLink")
        self.name_button.setFlat(True)
        self.name_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.name_button.setAutoDefault(False)
        self.details = QLabel(self)
        self.details.setObjectName("CustomerDetails")
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.name_button)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.call_button)
        self.name_button.clicked.connect(self._clicked)

    def _clicked(self) -> None:
        if self.customer_id is not None:
            self.sig_clicked.emit(self.customer_id)

    def _call_clicked(self) -> None:
        if self.phone:
            self.sig_call_requested.emit(self.phone)

    def set_calling_enabled(self, enabled: bool) -> None:
        """Show "Call" when telephony can dial (the telephony glue decides)."""
        self.calling_enabled = enabled
        self._show_call()

    def _show_call(self) -> None:
        self.call_button.setVisible(self.calling_enabled and bool(self.phone))
        self.call_button.setText("☎ " + self.tr("Call"))
        if self.phone:
            self.call_button.setToolTip(self.tr("Call %1").replace("%1", format_phone(self.phone)))

    def show_customer(
        self,
        customer: CustomerSummary | None,
        contact_name: str,
        contact_phone: str | None,
    ) -> None:
        self.customer_id = customer.id if customer else None
        self.phone = (customer.phones[0] if customer and customer.phones else None) or (
            contact_phone or None
        )
        self._show_call()
        if customer is None:
            self.name_button.setText(contact_name or self.tr("Guest"))
            self.name_button.setEnabled(False)
            self.name_button.setToolTip(self.tr("No customer card is linked to this order"))
            parts = [format_phone(contact_phone)] if contact_phone else []
            parts.append(self.tr("guest order"))
            self.details.setText(_html(" · ".join(parts)))
            return
        self.name_button.setText(customer.name or contact_name or self.tr("Customer"))
        self.name_button.setEnabled(True)
        self.name_button.setToolTip(self.tr("Open the customer's profile"))
        parts = [_html(", ".join(format_phone(p) for p in customer.phones[:2]))]
        if customer.loyalty_discount_pct:
            pct = f"{customer.loyalty_discount_pct.normalize():f}"
            parts.append(_html(self.tr("loyalty %1 %").replace("%1", pct)))
        text = " · ".join(p for p in parts if p)
        for tag in customer.tags:
            text += (
                "&nbsp; <span style='background:#eef2ff; color:#3730a3;'>"
                f"&nbsp;{_html(tag)}&nbsp;</span>"
            )
        self.details.setText(text)
        self.details.setToolTip(
            "\n".join(
                [customer.name, *map(format_phone, customer.phones)]
                + ([customer.email] if customer.email else [])
                + ([", ".join(customer.tags)] if customer.tags else [])
            )
        )


class TotalsBox(QWidget):
    """Subtotal, discount, delivery, total (the total in bold), right-aligned."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TotalsBox")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 4, 0)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(2)
        self.captions = [QLabel(self) for _ in range(4)]
        self.values = [QLabel(self) for _ in range(4)]
        for row, (caption, value) in enumerate(zip(self.captions, self.values, strict=True)):
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            caption.setObjectName("TotalCaption")
            value.setObjectName("TotalValue")
            grid.addWidget(caption, row, 1)
            grid.addWidget(value, row, 2)
        self.captions[3].setObjectName("GrandTotalCaption")
        self.values[3].setObjectName("GrandTotal")
        grid.setColumnStretch(0, 1)
        self.retranslate()

    def retranslate(self) -> None:
        for caption, text in zip(
            self.captions,
            (self.tr("Subtotal"), self.tr("Discount"), self.tr("Delivery"), self.tr("Total")),
            strict=True,
        ):
            caption.setText(text)

    def show_totals(self, totals: Totals, language: str) -> None:
        values = (totals.subtotal, totals.discount, totals.delivery, totals.total)
        for label, value in zip(self.values, values, strict=True):
            label.setText(format_rub(value, language))
        if totals.discount:
            # a minus sign before the whole amount, in either language
            self.values[1].setText("−" + format_rub(totals.discount, language))


def _combo(parent: QWidget, name: str, codes: tuple[str, ...]) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    for code in codes:
        combo.addItem("", code)
    return combo


class DeliveryForm(QWidget):
    """Delivery type, address, cost, shipping store; payment status and method."""

    # (field, value) as typed; the delivery cost arrives as text (the panel parses it)
    sig_field_edited = Signal(str, object)
    # the operator wants to pick another store (the panel runs the ranking op)
    sig_store_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DeliveryForm")
        self.delivery_type = _combo(self, "DeliveryType", tuple(L.DELIVERY_TYPES))
        self.address = QLineEdit(self)
        self.address.setObjectName("DeliveryAddress")
        self.address.setMaxLength(500)
        self.cost = QLineEdit(self)
        self.cost.setObjectName("DeliveryCost")
        self.cost.setMaximumWidth(120)
        self.store_label = QLabel(self)
        self.store_label.setObjectName("StoreName")
        self.store_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.store_button = QPushButton(self)
        self.store_button.setObjectName("ChooseStoreButton")
        self.store_button.setAutoDefault(False)
        self.payment_status = _combo(self, "PaymentStatus", tuple(L.PAYMENT_STATUSES))
        self.payment_method = _combo(self, "PaymentMethod", tuple(L.PAYMENT_METHODS))
        store_row = QHBoxLayout()
        store_row.setSpacing(8)
        store_row.addWidget(self.store_label, 1)
        store_row.addWidget(self.store_button)
        payment_row = QHBoxLayout()
        payment_row.setSpacing(8)
        payment_row.addWidget(self.payment_status, 1)
        payment_row.addWidget(self.payment_method, 1)
        delivery_row = QHBoxLayout()
        delivery_row.setSpacing(8)
        delivery_row.addWidget(self.delivery_type, 1)
        self.cost_label = QLabel(self)
        self.cost_label.setBuddy(self.cost)
        delivery_row.addWidget(self.cost_label)
        delivery_row.addWidget(self.cost)
        self.captions = [QLabel(self) for _ in range(4)]
        # a grid rather than a QFormLayout: captions centred on their (taller) fields
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        centre_left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        for row, (caption, field) in enumerate(
            zip(self.captions, (delivery_row, self.address, store_row, payment_row), strict=True)
        ):
            grid.addWidget(caption, row, 0, centre_left)
            if isinstance(field, QWidget):
                grid.addWidget(field, row, 1)
            else:
                grid.addLayout(field, row, 1)
        self.captions[0].setBuddy(self.delivery_type)
        self.captions[1].setBuddy(self.address)
        self.captions[2].setBuddy(self.store_button)
        self.captions[3].setBuddy(self.payment_status)

        self.delivery_type.currentIndexChanged.connect(
            lambda _i: self._edited("delivery_type", self.delivery_type.currentData())
        )
        self.address.textChanged.connect(lambda t: self._edited("delivery_address", t))
        self.cost.textChanged.connect(lambda t: self._edited("delivery_cost", t))
        self.payment_status.currentIndexChanged.connect(
            lambda _i: self._edited("payment_status", self.payment_status.currentData())
        )
        self.payment_method.currentIndexChanged.connect(
            lambda _i: self._edited("payment_method", self.payment_method.currentData() or None)
        )
        self.store_button.clicked.connect(self.sig_store_requested)
        self._filling = False
        self.retranslate()

    def _edited(self, name: str, value: Any) -> None:
        if not self._filling:
            self.sig_field_edited.emit(name, value)

    def retranslate(self) -> None:
        for caption, text in zip(
            self.captions,
            (self.tr("&Delivery"), self.tr("&Address"), self.tr("S&hip from"), self.tr("&Payment")),
            strict=True,
        ):
            caption.setText(text)
        self.cost_label.setText(self.tr("C&ost"))
        for combo, table in (
            (self.delivery_type, L.DELIVERY_TYPES),
            (self.payment_status, L.PAYMENT_STATUSES),
            (self.payment_method, L.PAYMENT_METHODS),
        ):
            for i in range(combo.count()):
                combo.setItemText(i, L.label(table, combo.itemData(i)))
        self.address.setPlaceholderText(self.tr("City, street, house, flat"))
        self.cost.setToolTip(self.tr("Delivery cost in roubles, e.g. 350 or 350,50"))
        self.payment_method.setToolTip(self.tr("Payment method"))
        self.payment_status.setToolTip(self.tr("Payment status"))

    def fill(
        self,
        values: dict[str, Any],
        store_text: str,
        *,
        enabled: bool,
        content_editable: bool,
        language: str,
    ) -> None:
        """Show ``values`` (field → current value) without reporting them as edits."""
        self._filling = True
        try:
            _select(self.delivery_type, values["delivery_type"])
            if self.address.text() != (values["delivery_address"] or ""):
                self.address.setText(values["delivery_address"] or "")
            cost: Decimal = values["delivery_cost"]
            try:
                same = bool(self.cost.text().strip()) and parse_money(self.cost.text()) == cost
            except ValueError:
                same = False
            if not same:
                self.cost.setText(f"{cost:.2f}".replace(".", "," if language == "ru" else "."))
            _select(self.payment_status, values["payment_status"])
            _select(self.payment_method, values["payment_method"] or "")
            self.store_label.setText(store_text)
            self.store_label.setToolTip(store_text)
        finally:
            self._filling = False
        for widget in (self.delivery_type, self.address, self.payment_status, self.payment_method):
            widget.setEnabled(enabled)
        self.cost.setEnabled(enabled and content_editable)
        self.store_button.setEnabled(enabled and content_editable)

    def mark_cost(self, valid: bool, message: str = "") -> None:
        self.cost.setProperty("invalid", not valid)
        self.cost.style().unpolish(self.cost)
        self.cost.style().polish(self.cost)
        if not valid:
            self.cost.setToolTip(message)
        else:
            self.cost.setToolTip(self.tr("Delivery cost in roubles, e.g. 350 or 350,50"))


def _select(combo: QComboBox, code: Any) -> None:
    index = combo.findData(code)
    if index < 0:  # a value this console does not know: show it rather than hide it
        combo.addItem(str(code), code)
        index = combo.count() - 1
    combo.setCurrentIndex(index)


class CommentsBox(QWidget):
    """The customer's comment (read-only) and the manager's (editable)."""

    sig_manager_comment_edited = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.customer_caption = QLabel(self)
        self.customer_caption.setObjectName("FieldCaption")
        self.customer_comment = QLabel(self)
        self.customer_comment.setObjectName("CustomerComment")
        self.customer_comment.setWordWrap(True)
        self.customer_comment.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.manager_caption = QLabel(self)
        self.manager_caption.setObjectName("FieldCaption")
        self.manager_comment = QPlainTextEdit(self)
        self.manager_comment.setObjectName("ManagerComment")
        self.manager_comment.setTabChangesFocus(True)  # Tab leaves the box: keyboard-first
        self.manager_comment.setFixedHeight(58)
        self.manager_caption.setBuddy(self.manager_comment)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.customer_caption)
        layout.addWidget(self.customer_comment)
        layout.addSpacing(4)
        layout.addWidget(self.manager_caption)
        layout.addWidget(self.manager_comment)
        self._filling = False
        self.manager_comment.textChanged.connect(self._edited)
        self.retranslate()

    def _edited(self) -> None:
        if not self._filling:
            self.sig_manager_comment_edited.emit(self.manager_comment.toPlainText())

    def retranslate(self) -> None:
        self.customer_caption.setText(self.tr("Customer's comment"))
        self.manager_caption.setText(self.tr("&Manager's comment"))
        self.manager_comment.setPlaceholderText(self.tr("Notes for colleagues and the warehouse"))

    def fill(
        self, customer_comment: str | None, manager_comment: str | None, enabled: bool
    ) -> None:
        self._filling = True
        try:
            self.customer_comment.setText(customer_comment or "—")
            self.customer_comment.setProperty("empty", not customer_comment)
            if self.manager_comment.toPlainText() != (manager_comment or ""):
                self.manager_comment.setPlainText(manager_comment or "")
        finally:
            self._filling = False
        self.manager_comment.setReadOnly(not enabled)


def fit_height(tree: QTreeWidget, rows: int, max_rows: int) -> None:
    """A fixed height for ``rows`` rows (capped): no inner scrollbar for a short list."""
    shown = max(1, min(rows, max_rows))
    tree.ensurePolished()  # the stylesheet's row height applies from the polish on
    row = tree.sizeHintForRow(0) if tree.topLevelItemCount() else -1
    tree.setFixedHeight(tree.header().sizeHint().height() + shown * max(row, ROW_HEIGHT) + 4)


class ChecksView(QTreeWidget):
    """The robot's rules: ✓/✗, translated rule name, expected, actual."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RobotChecks")
        self.setColumnCount(3)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setWordWrap(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.checks: tuple[RobotCheck, ...] = ()
        self.retranslate()

    def retranslate(self) -> None:
        self.setHeaderLabels([self.tr("Rule"), self.tr("Expected"), self.tr("Actual")])
        self.show_checks(self.checks)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        # the rule name as wide as the longest one (up to half the width); expected and
        # actual share the rest; full texts are in the tooltips
        width = self.viewport().width()
        metrics = self.fontMetrics()
        longest = max(
            (
                metrics.horizontalAdvance(self.topLevelItem(i).text(0))
                for i in range(self.topLevelItemCount())
            ),
            default=0,
        )
        rule = min(longest + 24, width // 2)
        self.setColumnWidth(0, rule)
        self.setColumnWidth(1, max(60, (width - rule) // 2))

    def show_checks(self, checks: tuple[RobotCheck, ...]) -> None:
        self.checks = checks
        self.clear()
        if not checks:
            item = QTreeWidgetItem([self.tr("The robot has not checked this order")])
            item.setFirstColumnSpanned(True)
            self.addTopLevelItem(item)
        for check in checks:
            mark = "✓" if check.passed else "✗"
            item = QTreeWidgetItem(
                [
                    f"{mark}  {L.label(L.RULES, check.rule)}",
                    L.robot_value(check.expected),
                    L.robot_value(check.actual),
                ]
            )
            item.setForeground(0, _PASS if check.passed else _FAIL)
            for column in range(3):
                item.setToolTip(column, item.text(column))
            item.setData(0, Qt.ItemDataRole.UserRole, check.rule)
            self.addTopLevelItem(item)
        fit_height(self, len(checks) or 1, 8)
        self._fit_columns()


class HistoryView(QTreeWidget):
    """Status history, newest first: when, who, from → to, comment."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StatusHistory")
        self.setColumnCount(4)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        metrics = self.fontMetrics()
        self._when_width = metrics.horizontalAdvance("00.00.0000 00:00") + 20
        self._who_width = metrics.horizontalAdvance("Анна Смирнова") + 16
        self._move_width = metrics.horizontalAdvance("Требует согласования → Недозвон") + 16
        self.retranslate()

    def retranslate(self) -> None:
        self.setHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("Status"), self.tr("Comment")]
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # time and who at their width; the status move and the comment share the rest, the
        # move taking no more than it needs
        rest = self.viewport().width() - self._when_width - self._who_width
        self.setColumnWidth(0, self._when_width)
        self.setColumnWidth(1, self._who_width)
        self.setColumnWidth(2, max(120, min(self._move_width, rest * 3 // 5)))

    def show_history(
        self,
        history: tuple[HistoryEntry, ...],
        status_name: Callable[[str], str],
        zone: dt.tzinfo,
        language: str,
    ) -> None:
        self.clear()
        for entry in history:
            move = (
                f"{status_name(entry.from_status)} → {status_name(entry.to_status)}"
                if entry.from_status
                else status_name(entry.to_status)
            )
            who = {"robot": self.tr("robot"), "system": self.tr("system")}.get(entry.by, entry.by)
            item = QTreeWidgetItem(
                [format_time(entry.at, zone, language), who, move, entry.comment or ""]
            )
            for column in range(4):
                item.setToolTip(column, item.text(column))
            self.addTopLevelItem(item)
        fit_height(self, len(history), 8)


def section_title(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("SectionTitle")
    return label
