"""The "new order" dialog: a customer (the current one, or found by search), items found by
offer search with free stock per store, delivery and the shipping store; creates the order with
:func:`app.orders.creation.create_order` (status "needs confirmation", leased to its creator).

Wiring (main window)::

    dialog = NewOrderDialog(runner, actor, customer_id=profile_panel.customer_id, parent=window)
    dialog.sig_order_created.connect(open_order_card)
    dialog.open()

Keys: type in the item search, Up/Down, Enter adds the item; Delete removes the selected line;
Ctrl+Enter creates the order."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.actors import Actor
from app.clock import SYSTEM_CLOCK, Clock
from app.customers.panel_queries import OrderCustomer
from app.orders.card import OfferHit
from app.orders.pricing import loyalty_discount, totals
from models.orders import DeliveryType, OrderSource
from ui import i18n
from ui.customer_support import CUSTOMER_QSS, readable
from ui.dialogs.order_creation import OrderCreationDialog
from ui.formatting import format_phone, format_rub
from ui.models.order_lines import LINE_COL_NAME, LINE_COL_QTY, OrderLinesModel
from ui.ops import Op, OpRunner
from ui.widgets.pickers import CustomerPicker, OfferPicker, StoreCombo, results_table


def create_order_id(
    session: Any,
    actor: Actor,
    clock: Clock,
    customer_id: int,
    lines: tuple[tuple[int, int], ...],
    source: OrderSource,
    delivery_type: DeliveryType,
    address: str | None,
    store_id: int | None,
    comment: str | None,
) -> int:
    """Create the order (in the op's transaction) and return its id."""
    from app.orders.creation import create_order
    from app.orders.editing import ItemChange

    order = create_order(
        session,
        actor,
        clock,
        customer_id=customer_id,
        items=[ItemChange(offer_id=o, quantity=q) for o, q in lines],
        source=source,
        delivery_type=delivery_type,
        delivery_address=address,
        shipping_store_id=store_id,
        manager_comment=comment,
    )
    return int(order.id)


class NewOrderDialog(OrderCreationDialog):
    """Put an order together for a customer and create it."""

    def __init__(
        self,
        runner: OpRunner,
        actor: Actor,
        *,
        customer_id: int | None = None,
        clock: Clock = SYSTEM_CLOCK,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("NewOrderDialog")
        self.setStyleSheet(CUSTOMER_QSS)
        self._runner = runner
        self._actor = actor
        self._clock = clock
        self.customer_id: int | None = None
        self._loyalty = Decimal("0")  # the chosen customer's loyalty discount, percent
        language = i18n.current_language()

        # customer
        self.customer_label = QLabel(self)
        self.customer_label.setObjectName("ChosenCustomer")
        self.customer_label.setWordWrap(True)
        self.change_customer_button = QPushButton(self)
        self.change_customer_button.setAutoDefault(False)
        self.customer_picker = CustomerPicker(runner, parent=self)
        self.customer_picker.setMaximumHeight(170)
        customer_line = QHBoxLayout()
        customer_line.addWidget(self.customer_label, 1)
        customer_line.addWidget(self.change_customer_button)

        # items
        self.offer_picker = OfferPicker(runner, language=language, parent=self)
        self.offer_picker.setMinimumHeight(200)
        self.offer_picker.setMaximumHeight(240)
        self.lines = OrderLinesModel(language, self)
        self.lines_table = results_table(self, self.lines)
        self.lines_table.setObjectName("OrderLinesTable")
        self.lines_table.setEditTriggers(
            self.lines_table.EditTrigger.DoubleClicked
            | self.lines_table.EditTrigger.EditKeyPressed
            | self.lines_table.EditTrigger.AnyKeyPressed
        )
        header = self.lines_table.horizontalHeader()
        header.setSectionResizeMode(LINE_COL_NAME, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(col, 60 if col == LINE_COL_QTY else 100)
        self.total_label = QLabel(self)
        self.total_label.setObjectName("OrderTotal")
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight)

        # delivery
        self.source = QComboBox(self)
        self.source.setObjectName("OrderSource")
        self.delivery = QComboBox(self)
        self.delivery.setObjectName("DeliveryType")
        self.address = QLineEdit(self)
        self.address.setObjectName("DeliveryAddress")
        self.store = StoreCombo(runner, self)
        self.store.setObjectName("ShippingStore")
        self.comment = QLineEdit(self)
        self.comment.setObjectName("ManagerComment")
        self._form_labels = {
            k: QLabel(self) for k in ("source", "delivery", "address", "store", "comment")
        }
        form = QFormLayout()
        form.addRow(self._form_labels["source"], self.source)
        form.addRow(self._form_labels["delivery"], self.delivery)
        form.addRow(self._form_labels["address"], self.address)
        form.addRow(self._form_labels["store"], self.store)
        form.addRow(self._form_labels["comment"], self.comment)

        self.error = QLabel(self)
        self.error.setObjectName("ErrorLabel")
        self.error.setWordWrap(True)
        self.error.hide()
        self.create_button = QPushButton(self)
        self.create_button.setObjectName("CreateOrderButton")
        self.create_button.setAutoDefault(False)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.total_label, 1)
        buttons.addSpacing(12)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.create_button)

        self._titles = {k: QLabel(self) for k in ("customer", "items", "lines", "delivery")}
        for label in self._titles.values():
            label.setObjectName("SectionTitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(6)
        layout.addWidget(self._titles["customer"])
        layout.addLayout(customer_line)
        layout.addWidget(self.customer_picker)
        layout.addWidget(self._titles["items"])
        layout.addWidget(self.offer_picker)
        layout.addWidget(self._titles["lines"])
        layout.addWidget(self.lines_table, 1)
        layout.addWidget(self._titles["delivery"])
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

        self.change_customer_button.clicked.connect(self._change_customer)
        self.customer_picker.sig_customer_chosen.connect(self._customer_chosen)
        self.offer_picker.sig_offer_chosen.connect(self.add_offer)
        self.lines.sig_lines_changed.connect(self._lines_changed)
        self.delivery.currentIndexChanged.connect(self._delivery_changed)
        self.create_button.clicked.connect(self.create)
        self.cancel_button.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self).activated.connect(self.create)
        remove = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.lines_table)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self.remove_selected_line)

        self.resize(760, 700)
        self.retranslate()
        self._lines_changed()
        if customer_id is not None:
            self.set_customer(customer_id)
        else:
            self.customer_label.setText(self.tr("No customer chosen yet"))
            self.change_customer_button.hide()
            self.customer_picker.setFocus()

    # -- customer ---------------------------------------------------------------------------------
    def set_customer(self, customer_id: int) -> None:
        """Make the order for ``customer_id`` (loads their name and phone)."""
        from app.customers.panel_queries import order_customer

        self.customer_id = customer_id
        self.customer_label.setText(self.tr("Customer #%1").replace("%1", str(customer_id)))
        self.customer_picker.hide()
        self.change_customer_button.show()
        Op(
            self,
            readable(lambda s: order_customer(s, customer_id)),
            key="customer",
            runner=self._runner,
        ).success(self._show_customer).failure(self._failed).run()
        self.offer_picker.setFocus()

    def _show_customer(self, customer: OrderCustomer) -> None:
        ref = customer.ref
        self.customer_id = ref.id  # a merged record answers with its survivor
        self._loyalty = customer.loyalty_discount_pct
        self._lines_changed()
        extra = ", ".join(
            x for x in (format_phone(ref.phone) if ref.phone else None, ref.email) if x
        )
        self.customer_label.setText(f"#{ref.id} {ref.name}" + (f" · {extra}" if extra else ""))

    def _change_customer(self) -> None:
        self.customer_picker.show()
        self.customer_picker.setFocus()

    def _customer_chosen(self, customer_id: int, _name: str) -> None:
        self.set_customer(customer_id)

    # -- lines ------------------------------------------------------------------------------------
    def add_offer(self, hit: OfferHit) -> None:
        """Add the offer as a line (or one more of it)."""
        row = self.lines.add_offer(hit)
        self.lines_table.selectRow(row)
        self.offer_picker.edit.selectAll()
        self.offer_picker.edit.setFocus()

    def remove_selected_line(self) -> None:
        row = self.lines_table.currentIndex().row()
        if row >= 0:
            self.lines.remove_row(row)

    def _lines_changed(self) -> None:
        language = i18n.current_language()
        # the same arithmetic as the order service: the loyalty discount per line, rounded
        money = totals(
            (
                (
                    line.price,
                    line.quantity,
                    loyalty_discount(line.price, line.quantity, self._loyalty),
                )
                for line in self.lines.lines
            ),
            Decimal("0"),
        )
        if money.discount:
            self.total_label.setText(
                self.tr("Total: %1 (loyalty discount %2 %: −%3)")
                .replace("%1", format_rub(money.total, language))
                .replace("%2", f"{self._loyalty.normalize():f}")
                .replace("%3", format_rub(money.discount, language))
            )
        else:
            self.total_label.setText(
                self.tr("Total: %1").replace("%1", format_rub(money.total, language))
            )
        self.store.update_for(tuple((line.offer_id, line.quantity) for line in self.lines.lines))

    def _delivery_changed(self) -> None:
        pickup = self.delivery.currentData() == DeliveryType.PICKUP.value
        self.address.setEnabled(not pickup)

    # -- create -----------------------------------------------------------------------------------
    def create(self) -> None:
        """Create the order (Ctrl+Enter); what is missing is named."""
        if self.customer_id is None:
            self._show_error(self.tr("Choose the customer first."))
            return
        if not self.lines.lines:
            self._show_error(self.tr("Add at least one item."))
            return
        # combo data comes back as plain text (Qt keeps str, not the enum)
        delivery = DeliveryType(self.delivery.currentData())
        store_id = self.store.store_id()
        if delivery == DeliveryType.PICKUP and store_id is None:
            self._show_error(self.tr("Choose the store the customer picks the order up from."))
            return
        actor, clock, cid = self._actor, self._clock, self.customer_id
        lines = tuple((line.offer_id, line.quantity) for line in self.lines.lines)
        source = OrderSource(self.source.currentData())
        address = None if delivery == DeliveryType.PICKUP else (self.address.text().strip() or None)
        comment = self.comment.text().strip() or None
        self.error.hide()
        self.create_button.setEnabled(False)
        Op(
            self,
            lambda s: create_order_id(
                s, actor, clock, cid, lines, source, delivery, address, store_id, comment
            ),
            runner=self._runner,
        ).success(self._created).failure(self._failed).run()

    # -- language -------------------------------------------------------------------------------
    def retranslate(self) -> None:
        from ui.shortcuts import BY_ID

        key = BY_ID["new_order"].native_text()
        self.setWindowTitle(self.tr("New order (%1)").replace("%1", key))
        self._titles["customer"].setText(self.tr("Customer"))
        self._titles["items"].setText(self.tr("Find items"))
        self._titles["lines"].setText(self.tr("Order lines (Delete removes the selected one)"))
        self._titles["delivery"].setText(self.tr("Delivery"))
        self.change_customer_button.setText(self.tr("Change…"))
        self._form_labels["source"].setText(self.tr("Source"))
        self._form_labels["delivery"].setText(self.tr("Delivery"))
        self._form_labels["address"].setText(self.tr("Address"))
        self._form_labels["store"].setText(self.tr("Shipping store"))
        self._form_labels["comment"].setText(self.tr("Comment"))
        self._fill_combo(
            self.source,
            ((self.tr("Phone call"), OrderSource.PHONE), (self.tr("Store"), OrderSource.STORE)),
        )
        self._fill_combo(
            self.delivery,
            (
                (self.tr("Courier"), DeliveryType.COURIER),
                (self.tr("Pickup in store (click & collect)"), DeliveryType.PICKUP),
                (self.tr("Parcel locker"), DeliveryType.PARCEL_LOCKER),
            ),
        )
        self.address.setPlaceholderText(self.tr("City, street, house, flat"))
        self.create_button.setText(self.tr("Create order"))
        self.create_button.setToolTip(self.tr("Create the order (Ctrl+Enter)"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.customer_picker.retranslate()
        self.offer_picker.retranslate()

    @staticmethod
    def _fill_combo(combo: QComboBox, items: tuple[tuple[str, object], ...]) -> None:
        current = combo.currentIndex()
        combo.blockSignals(True)
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, current))
        combo.blockSignals(False)
