"""The one-click order dialog (Lacoste): name + phone + one offer → an order in the operator
queue, through :func:`app.orders.one_click.create_one_click_order` (the customer is matched by
the normalized phone, or created).

Wiring (main window)::

    dialog = OneClickOrderDialog(runner, actor, parent=window)
    dialog.sig_order_created.connect(open_order_card)
    dialog.open()

Keys: Tab between fields; in the item search Up/Down and Enter pick the item; Ctrl+Enter
creates the order."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.actors import Actor
from app.clock import SYSTEM_CLOCK, Clock
from app.orders.card import OfferHit
from app.phones import DEFAULT_REGION, PhoneError, normalize_phone
from ui import i18n
from ui.customer_support import CUSTOMER_QSS
from ui.dialogs.order_creation import OrderCreationDialog
from ui.formatting import format_phone, format_rub
from ui.models.order_lines import MAX_QUANTITY, offer_label, stock_summary
from ui.ops import Op, OpRunner
from ui.widgets.pickers import OfferPicker, StoreCombo


def create_one_click_id(
    session: Any,
    actor: Actor,
    clock: Clock,
    name: str,
    phone: str,
    offer_id: int,
    quantity: int,
    store_id: int | None,
) -> int:
    """Create the one-click order (in the op's transaction) and return its id."""
    from app.orders.one_click import create_one_click_order

    order = create_one_click_order(
        session,
        clock,
        name=name,
        phone=phone,
        offer_id=offer_id,
        quantity=quantity,
        store_id=store_id,
        actor=actor,
    )
    return int(order.id)


class OneClickOrderDialog(OrderCreationDialog):
    """Name, phone, one item (and optionally the store to pick it up from)."""

    def __init__(
        self,
        runner: OpRunner,
        actor: Actor,
        *,
        clock: Clock = SYSTEM_CLOCK,
        region: str = DEFAULT_REGION,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("OneClickOrderDialog")
        self.setStyleSheet(CUSTOMER_QSS)
        self._runner = runner
        self._actor = actor
        self._clock = clock
        self._region = region
        self.offer: OfferHit | None = None

        self.name = QLineEdit(self)
        self.name.setObjectName("OneClickName")
        self.phone = QLineEdit(self)
        self.phone.setObjectName("OneClickPhone")
        self.phone_hint = QLabel(self)
        self.phone_hint.setWordWrap(True)
        self.offer_picker = OfferPicker(runner, language=i18n.current_language(), parent=self)
        self.offer_picker.setMinimumHeight(180)
        self.chosen = QLabel(self)
        self.chosen.setObjectName("ChosenOffer")
        self.chosen.setWordWrap(True)
        self.quantity = QSpinBox(self)
        self.quantity.setObjectName("OneClickQuantity")
        self.quantity.setRange(1, MAX_QUANTITY)
        self.quantity.setMaximumWidth(100)
        self.store = StoreCombo(runner, self)
        self.store.setObjectName("OneClickStore")
        self._labels = {k: QLabel(self) for k in ("name", "phone", "item", "qty", "store")}
        form = QFormLayout()
        form.addRow(self._labels["name"], self.name)
        form.addRow(self._labels["phone"], self.phone)
        form.addRow("", self.phone_hint)
        form.addRow(self._labels["item"], self.offer_picker)
        form.addRow("", self.chosen)
        form.addRow(self._labels["qty"], self.quantity)
        form.addRow(self._labels["store"], self.store)

        self.error = QLabel(self)
        self.error.setObjectName("ErrorLabel")
        self.error.setWordWrap(True)
        self.error.hide()
        self.create_button = QPushButton(self)
        self.create_button.setObjectName("CreateOneClickButton")
        self.create_button.setAutoDefault(False)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.create_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(8)
        layout.addLayout(form, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

        self.phone.editingFinished.connect(self._check_phone)
        self.offer_picker.sig_offer_chosen.connect(self.choose_offer)
        self.quantity.valueChanged.connect(self._rank_stores)
        self.create_button.clicked.connect(self.create)
        self.cancel_button.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self).activated.connect(self.create)

        self.resize(720, 580)
        self.retranslate()
        self.name.setFocus()

    # -- fields -----------------------------------------------------------------------------------
    def _check_phone(self) -> bool:
        text = self.phone.text().strip()
        if not text:
            self.phone_hint.setObjectName("MutedLabel")
            self.phone_hint.setText("")
            return False
        try:
            parsed = normalize_phone(text, self._region)
        except PhoneError as exc:
            self.phone_hint.setObjectName("ErrorLabel")
            self.phone_hint.setText(self.tr("“%1” is not a phone number").replace("%1", text))
            self.phone_hint.setToolTip(str(exc))
            ok = False
        else:
            self.phone_hint.setObjectName("OkLabel")
            self.phone_hint.setText(format_phone(parsed.e164))
            ok = True
        self.phone_hint.style().unpolish(self.phone_hint)
        self.phone_hint.style().polish(self.phone_hint)
        return ok

    def choose_offer(self, hit: OfferHit) -> None:
        """The item to order (what picking it in the search does)."""
        self.offer = hit
        price = format_rub(hit.price, i18n.current_language())
        self.chosen.setText(
            f"{offer_label(hit)} · {hit.external_id} · {price}\n{stock_summary(hit)}"
        )
        self._rank_stores()
        self.quantity.setFocus()

    def _rank_stores(self) -> None:
        if self.offer is not None:
            self.store.update_for(((self.offer.offer_id, self.quantity.value()),))

    # -- create -----------------------------------------------------------------------------------
    def create(self) -> None:
        """Create the order (Ctrl+Enter); what is missing is named."""
        name = " ".join(self.name.text().split())
        if not name:
            self._show_error(self.tr("Give the customer's name."))
            self.name.setFocus()
            return
        if not self._check_phone():
            self._show_error(self.tr("Give a phone number the customer can be called on."))
            self.phone.setFocus()
            return
        if self.offer is None:
            self._show_error(self.tr("Choose the item."))
            self.offer_picker.setFocus()
            return
        actor, clock, phone = self._actor, self._clock, self.phone.text().strip()
        offer_id, quantity, store_id = (
            self.offer.offer_id,
            self.quantity.value(),
            self.store.store_id(),
        )
        self.error.hide()
        self.create_button.setEnabled(False)
        Op(
            self,
            lambda s: create_one_click_id(
                s, actor, clock, name, phone, offer_id, quantity, store_id
            ),
            runner=self._runner,
        ).success(self._created).failure(self._failed).run()

    # -- language -------------------------------------------------------------------------------
    def retranslate(self) -> None:
        from ui.shortcuts import BY_ID

        key = BY_ID["one_click_order"].native_text()
        self.setWindowTitle(self.tr("One-click order (%1)").replace("%1", key))
        self._labels["name"].setText(self.tr("Name"))
        self._labels["phone"].setText(self.tr("Phone"))
        self._labels["item"].setText(self.tr("Item"))
        self._labels["qty"].setText(self.tr("Quantity"))
        self._labels["store"].setText(self.tr("Pick up at"))
        self.name.setPlaceholderText(self.tr("How the customer introduced themselves"))
        self.phone.setPlaceholderText(self.tr("Any format: 8 (916) 123-45-67, +7 916 …"))
        if self.offer is None:
            self.chosen.setText(self.tr("No item chosen yet"))
        self.store.setToolTip(self.tr("Leave “no store” for courier delivery"))
        self.create_button.setText(self.tr("Create order"))
        self.create_button.setToolTip(self.tr("Create the order (Ctrl+Enter)"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.offer_picker.retranslate()
