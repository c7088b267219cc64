"""The cross-sell panel in the real console window: suggestions for the order on screen, adding
one with the keyboard (as this operator's cross-sell from its capsule, the card shows it),
declining with a reason, every shown suggestion recorded as offered once, and the row version
respected when someone else saved the order meanwhile. Both databases."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.actors import Actor
from app.auth import LoggedInUser
from app.clock import SYSTEM_CLOCK
from app.config import load_config
from app.db import session_scope
from app.orders.editing import save_order
from models import (
    Audience,
    Capsule,
    CapsuleItem,
    Category,
    Child,
    CrossSellOffer,
    CrossSellOutcome,
    Gender,
    Offer,
    Order,
    OrderItem,
    Product,
    Role,
    Stock,
    StoreKind,
)
from tests import factories as f
from ui.main_window import MainWindow
from ui.ops import OpRunner, install_runner

pytestmark = pytest.mark.ui

CTRL = Qt.KeyboardModifier.ControlModifier
TODAY = dt.datetime.now(dt.UTC).date()
MakeRunner = Callable[[str | None], OpRunner]


@dataclass
class Shop:
    """A children's shop: the "School, boy 7–9" capsule (trousers, shirt, shoes), a customer
    with a 10 % loyalty card and an 8-year-old son, and his order with the trousers."""

    url: str
    store: int = 0
    olga: LoggedInUser | None = None
    petr: LoggedInUser | None = None
    boss: LoggedInUser | None = None
    customer: int = 0
    order: int = 0
    school: int = 0
    offers: dict[str, int] = field(default_factory=dict)  # "shirt:128" → offer id
    products: dict[str, int] = field(default_factory=dict)


def _product(
    s: Session,
    shop: Shop,
    online: int,
    key: str,
    name: str,
    price: str,
    sizes: dict[str, tuple[int, int]],
) -> int:
    category = Category(name=f"cat-{key}")
    s.add(category)
    s.flush()
    product = Product(
        external_id=f"P-{key}",
        category_id=category.id,
        name=name,
        audience=Audience.BOY,
        age_from=7,
        age_to=9,
    )
    s.add(product)
    s.flush()
    shop.products[key] = product.id
    for size, (at_store, on_line) in sizes.items():
        offer = Offer(
            external_id=f"O-{key}-{size}",
            product_id=product.id,
            name=f"{name}, {size}",
            size=size,
            color="синий",
            price=Decimal(price),
        )
        s.add(offer)
        s.flush()
        shop.offers[f"{key}:{size}"] = offer.id
        s.add(Stock(offer_id=offer.id, store_id=shop.store, quantity=at_store, reserved=0))
        s.add(Stock(offer_id=offer.id, store_id=online, quantity=on_line, reserved=0))
    s.flush()
    return product.id


def _logged_in(u: Any) -> LoggedInUser:
    return LoggedInUser(u.id, u.login, u.name, u.role.value, None)


def make_shop(url: str) -> Shop:
    shop = Shop(url)
    with session_scope(url) as s:
        shop.store = f.store(s, "MSK1", name="Тверская").id
        online = f.store(s, "WEB", kind=StoreKind.ONLINE, name="Интернет-склад").id
        shop.olga = _logged_in(f.user(s, "olga", Role.OPERATOR, name="Ольга Смирнова"))
        shop.petr = _logged_in(f.user(s, "petr", Role.OPERATOR, name="Пётр Иванов"))
        shop.boss = _logged_in(f.user(s, "boss", Role.SUPERVISOR, name="Ирина Ковалёва"))
        trousers = _product(
            s, shop, online, "trousers", "Брюки школьные", "1999", {"128": (3, 5), "134": (2, 0)}
        )
        shirt = _product(
            s,
            shop,
            online,
            "shirt",
            "Рубашка белая",
            "1500",
            {"122": (4, 4), "128": (2, 6), "134": (2, 2)},
        )
        shoes = _product(
            s, shop, online, "shoes", "Туфли классические", "3500", {"31": (1, 1), "32": (1, 0)}
        )
        capsule = Capsule(
            external_id="CAPS-SCHOOL",
            name="Школа, мальчик 7–9",
            season="Осень",
            audience=Audience.BOY,
            age_from=7,
            age_to=9,
            valid_from=TODAY - dt.timedelta(days=30),
            valid_to=TODAY + dt.timedelta(days=60),
        )
        s.add(capsule)
        s.flush()
        shop.school = capsule.id
        for product_id, role in ((shirt, "top"), (trousers, "bottom"), (shoes, "shoes")):
            s.add(CapsuleItem(capsule_id=capsule.id, product_id=product_id, role=role))
        customer = f.customer(s, loyalty_discount_pct=Decimal("10"))
        s.add(
            Child(
                customer_id=customer.id,
                name="Миша",
                gender=Gender.MALE,
                birth_date=TODAY.replace(year=TODAY.year - 8) - dt.timedelta(days=40),
            )
        )
        shop.customer = customer.id
        trousers_128 = s.get(Offer, shop.offers["trousers:128"])
        assert trousers_128 is not None
        order = f.order(
            s,
            [(trousers_128, 1)],
            status="needs_confirmation",
            store_id=shop.store,
            customer_obj=customer,
            created_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=30),
            number="W-0100",
        )
        order.lease_operator_id = shop.olga.id
        shop.order = order.id
    return shop


@pytest.fixture
def shop(db_url: str) -> Shop:
    return make_shop(db_url)


@pytest.fixture
def opened(qtbot: Any, make_runner: MakeRunner) -> Iterator[Callable[..., MainWindow]]:
    windows: list[MainWindow] = []

    def open_(url: str, user: LoggedInUser, size: tuple[int, int] = (1366, 768)) -> MainWindow:
        runner = make_runner(url)
        install_runner(runner)
        window = MainWindow(load_config(url), runner)
        qtbot.addWidget(window)
        window.sign_in(user)
        window.resize(*size)
        window.show()
        window.default_dock_widths()
        assert window.queue is not None
        with qtbot.waitSignal(window.queue.sig_rows_loaded, timeout=10_000):
            window.start()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        windows.append(window)
        return window

    yield open_
    for window in windows:
        window.close()
    install_runner(None)


def key(
    qtbot: Any, window: MainWindow, k: Qt.Key, mod: Any = Qt.KeyboardModifier.NoModifier
) -> None:
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, k, mod)
    QApplication.processEvents()


def open_with_suggestions(qtbot: Any, window: MainWindow, order_id: int) -> Any:
    panel = window.cross_sell
    assert panel is not None and window.card is not None
    with qtbot.waitSignal(window.card.sig_order_loaded, timeout=10_000):
        window.open_order(order_id)
    qtbot.waitUntil(
        lambda: panel.loaded is not None and panel.loaded.target.order_id == order_id,
        timeout=10_000,
    )
    return panel


def offers(url: str) -> list[CrossSellOffer]:
    with session_scope(url) as s:
        rows = list(s.scalars(select(CrossSellOffer).order_by(CrossSellOffer.id)))
        s.expunge_all()
        return rows


def product_names(panel: Any) -> list[str]:
    return [s.product_name for s in panel.model.suggestions()]


def test_the_panel_shows_the_rest_of_the_capsule_and_records_each_shown_suggestion_once(
    qtbot: Any, qtmodeltester: Any, shop: Shop, opened: Callable[..., MainWindow]
) -> None:
    assert shop.olga is not None
    window = opened(shop.url, shop.olga)
    panel = open_with_suggestions(qtbot, window, shop.order)
    assert window.cross_sell_dock is not None and window.cross_sell_dock.widget() is panel
    assert window.cross_sell_dock.windowTitle() == "Cross-sell"
    qtmodeltester.check(panel.model)
    # the shirt and the shoes of the trousers' capsule; nothing already in the order
    assert sorted(product_names(panel)) == ["Рубашка белая", "Туфли классические"]
    shirt = next(s for s in panel.model.suggestions() if s.product_name == "Рубашка белая")
    assert "Школа" in shirt.reason
    assert shirt.price_to_pay == Decimal("1350.00")  # 10 % loyalty on 1500
    assert "10 % loyalty" in panel.title.text()
    # recorded as offered once the rows were in view, and only once
    qtbot.waitUntil(lambda: len(offers(shop.url)) == 2, timeout=10_000)
    assert {o.operator_id for o in offers(shop.url)} == {shop.olga.id}
    assert {o.order_id for o in offers(shop.url)} == {shop.order}
    panel.refresh()
    qtbot.waitUntil(lambda: not panel._recording)
    qtbot.wait(SHOWN_WAIT)
    assert len(offers(shop.url)) == 2
    # the card names the capsule of the trousers (guessed: the site did not say)
    card = window.card
    assert card is not None
    qtbot.waitUntil(lambda: bool(card.capsule_names.guesses), timeout=10_000)
    assert list(card.capsule_names.guesses.values()) == ["Школа, мальчик 7–9"]


SHOWN_WAIT = 600  # ms: longer than the panel's "in view" delay


def test_adding_a_suggestion_with_the_keyboard_puts_it_in_the_order_as_my_cross_sell(
    qtbot: Any, shop: Shop, opened: Callable[..., MainWindow]
) -> None:
    assert shop.olga is not None
    window = opened(shop.url, shop.olga)
    panel = open_with_suggestions(qtbot, window, shop.order)
    card = window.card
    assert card is not None
    key(qtbot, window, Qt.Key.Key_4, CTRL)  # Ctrl+4: the suggestions
    assert panel.list.hasFocus()
    # go to the shirt, pick the next size with →
    while panel.current()[1].suggestion.product_name != "Рубашка белая":
        key(qtbot, window, Qt.Key.Key_Down)
    before = panel.current()[1].size
    key(qtbot, window, Qt.Key.Key_Right)
    size = panel.current()[1].size
    assert size != before
    assert panel.size_box.currentText().startswith(size)
    # two shirts: + − + in the list (the focus stays there); the box follows
    for k in (Qt.Key.Key_Plus, Qt.Key.Key_Minus, Qt.Key.Key_Minus, Qt.Key.Key_Plus):
        key(qtbot, window, k)
    assert panel.list.hasFocus()
    assert panel.current()[1].quantity == 2 and panel.quantity_box.value() == 2
    with qtbot.waitSignal(card.sig_order_loaded, timeout=10_000):
        key(qtbot, window, Qt.Key.Key_Return)
    with session_scope(shop.url) as s:
        items = list(s.scalars(select(OrderItem).where(OrderItem.order_id == shop.order)))
        added = [i for i in items if i.is_cross_sell]
        assert len(added) == 1
        line = added[0]
        assert line.offer_id == shop.offers[f"shirt:{size}"]
        assert line.quantity == 2
        assert line.added_by_id == shop.olga.id
        assert line.capsule_id == shop.school
        assert line.discount == Decimal("300.00")  # 10 % loyalty on 2 × 1500
        accepted = s.scalars(
            select(CrossSellOffer).where(CrossSellOffer.outcome == CrossSellOutcome.ACCEPTED)
        ).all()
        assert [(a.operator_id, a.order_item_id) for a in accepted] == [(shop.olga.id, line.id)]
    # the card shows the new line with its capsule; the panel no longer offers the shirt
    names = [card.items_model.index(r, 0).data() for r in range(card.items_model.rowCount())]
    assert any(n.startswith("Рубашка белая") and "◆ Школа, мальчик 7–9" in n for n in names)
    qtbot.waitUntil(lambda: "Рубашка белая" not in product_names(panel), timeout=10_000)
    assert "cross-sell" in window.statusBar().currentMessage()
    assert "× 2" in window.statusBar().currentMessage()


def test_the_quantity_is_typed_in_its_box_and_bounded_by_the_free_stock(
    qtbot: Any, shop: Shop, opened: Callable[..., MainWindow]
) -> None:
    assert shop.olga is not None
    window = opened(shop.url, shop.olga)
    panel = open_with_suggestions(qtbot, window, shop.order)
    card = window.card
    assert card is not None
    key(qtbot, window, Qt.Key.Key_4, CTRL)
    while panel.current()[1].suggestion.product_name != "Туфли классические":
        key(qtbot, window, Qt.Key.Key_Down)
    # one pair free wherever it is: + does not go past it
    key(qtbot, window, Qt.Key.Key_Plus)
    assert panel.current()[1].quantity == 1 and panel.quantity_box.maximum() == 1
    while panel.current()[1].suggestion.product_name != "Рубашка белая":
        key(qtbot, window, Qt.Key.Key_Up)
    state = panel.current()[1]
    most = max(state.free_at_store, state.free_online)
    assert panel.quantity_box.maximum() == most > 2
    # Tab from the list: the size, then the quantity box; type 3 and Enter adds three
    key(qtbot, window, Qt.Key.Key_Tab)
    key(qtbot, window, Qt.Key.Key_Tab)
    assert panel.quantity_box.hasFocus()
    key(qtbot, window, Qt.Key.Key_A, CTRL)
    key(qtbot, window, Qt.Key.Key_3)
    assert panel.current()[1].quantity == 3
    # the choice survives moving away and back
    panel.list.setFocus()
    key(qtbot, window, Qt.Key.Key_Down)
    key(qtbot, window, Qt.Key.Key_Up)
    assert panel.quantity_box.value() == 3
    key(qtbot, window, Qt.Key.Key_Tab)
    key(qtbot, window, Qt.Key.Key_Tab)
    assert panel.quantity_box.hasFocus()
    with qtbot.waitSignal(card.sig_order_loaded, timeout=10_000):
        key(qtbot, window, Qt.Key.Key_Return)
    with session_scope(shop.url) as s:
        line = s.scalars(select(OrderItem).where(OrderItem.is_cross_sell)).one()
        assert (line.offer_id, line.quantity) == (state.offer_id, 3)


def test_declining_with_the_keyboard_records_the_reason(
    qtbot: Any, shop: Shop, opened: Callable[..., MainWindow]
) -> None:
    assert shop.olga is not None
    window = opened(shop.url, shop.olga)
    panel = open_with_suggestions(qtbot, window, shop.order)
    key(qtbot, window, Qt.Key.Key_4, CTRL)
    declined = panel.current()[1].suggestion
    key(qtbot, window, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: isinstance(panel.dialog, QMenu) and panel.dialog.isVisible())
    menu = panel.dialog
    assert [a.text() for a in menu.actions() if a.text()][:2] == [
        "&1  Not needed",
        "&2  Too expensive",
    ]
    qtbot.keyClick(menu, Qt.Key.Key_2)  # "Too expensive"
    qtbot.waitUntil(
        lambda: any(o.outcome == CrossSellOutcome.DECLINED for o in offers(shop.url)),
        timeout=10_000,
    )
    row = next(o for o in offers(shop.url) if o.outcome == CrossSellOutcome.DECLINED)
    assert row.decline_reason == "too expensive"
    with session_scope(shop.url) as s:
        product = s.scalar(select(Offer.product_id).where(Offer.id == row.offer_id))
    assert product == declined.product_id
    state = panel.model.row_state(product_names(panel).index(declined.product_name))
    assert state is not None and state.outcome == "declined"
    # the next suggestion is current: the operator goes on offering
    assert panel.current()[1].suggestion.product_id != declined.product_id


def test_add_respects_the_row_version_and_unsaved_card_edits(
    qtbot: Any, shop: Shop, opened: Callable[..., MainWindow]
) -> None:
    assert shop.olga is not None and shop.petr is not None
    window = opened(shop.url, shop.olga)
    panel = open_with_suggestions(qtbot, window, shop.order)
    card = window.card
    assert card is not None
    # someone else saves the order meanwhile (before the change feed tells this console: it is
    # stopped here, so the race is decided): Add is refused, the card reloads their version
    assert window.feed is not None
    window.feed.stop()
    with session_scope(shop.url) as s:
        order = s.get(Order, shop.order)
        assert order is not None
        save_order(
            s,
            shop.order,
            Actor(shop.petr.id, "operator", "Пётр Иванов"),
            SYSTEM_CLOCK,
            expected_version=order.version,
            fields={"manager_comment": "перезвонить"},
        )
    key(qtbot, window, Qt.Key.Key_4, CTRL)
    with qtbot.waitSignal(card.sig_order_loaded, timeout=10_000):
        key(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "changed a moment ago" in panel.message.text())
    assert card.card is not None and card.card.manager_comment == "перезвонить"
    with session_scope(shop.url) as s:
        assert not s.scalars(select(OrderItem).where(OrderItem.is_cross_sell)).all()
    # with the fresh version it goes in
    qtbot.waitUntil(lambda: panel.version == card.card.version)
    with qtbot.waitSignal(card.sig_order_loaded, timeout=10_000):
        key(qtbot, window, Qt.Key.Key_Return)
    with session_scope(shop.url) as s:
        assert len(s.scalars(select(OrderItem).where(OrderItem.is_cross_sell)).all()) == 1
    # unsaved edits in the card: Add waits for them to be saved
    card.comments.manager_comment.setPlainText("ещё раз")
    qtbot.waitUntil(lambda: panel.card_dirty)
    assert not panel.add_button.isEnabled()
    assert "Save your changes" in panel.message.text()


def test_a_customer_without_an_open_order_gets_suggestions_but_no_add(
    qtbot: Any, shop: Shop, opened: Callable[..., MainWindow]
) -> None:
    assert shop.olga is not None
    # the trousers were bought (a completed order), nothing is open
    with session_scope(shop.url) as s:
        order = s.get(Order, shop.order)
        assert order is not None
        order.status = "completed"
    window = opened(shop.url, shop.olga)
    panel = window.cross_sell
    assert panel is not None and window.profile is not None
    window.show_customer(shop.customer)
    qtbot.waitUntil(
        lambda: panel.loaded is not None and panel.loaded.target.customer_id == shop.customer,
        timeout=10_000,
    )
    assert "Рубашка белая" in product_names(panel)
    assert "no order open" in panel.title.text()
    panel.focus_list()
    assert not panel.add_button.isEnabled()
    assert "No order open" in panel.message.text()
    assert panel.decline_button.isEnabled()
