"""Fixtures for the Qt tests: a fixed language, private settings, op runners, order rows.

The offscreen platform and a disabled system locale are set by tests/conftest.py before Qt is
imported; here every test starts in English with its own settings file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from app.db import session_scope
from models import Customer, DeliveryType, Order, OrderSource, Role, Store, StoreKind, User

pytestmark = pytest.mark.ui

T0 = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)
STATUS_CYCLE = ("new", "needs_confirmation", "no_answer", "confirmed", "cancelled")


@pytest.fixture(scope="session", autouse=True)
def _compiled_translations() -> None:
    # The Makefile builds them before the suite; a bare `pytest tests/ui` must work too.
    from ui.i18n_build import build

    build(quiet=True)


@pytest.fixture(autouse=True)
def _ui_environment(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    from ui import i18n

    monkeypatch.setenv("OKNO_DATA_DIR", str(tmp_path / "data"))  # settings per test
    monkeypatch.delenv("OKNO_LANG", raising=False)
    i18n.install_language("en")
    yield
    i18n.install_language("en")


@pytest.fixture
def make_runner(qapp: object) -> Iterator[Callable[[str | None], object]]:
    """Build ``OpRunner``s that are shut down (workers joined) after the test."""
    from ui.ops import OpRunner

    runners: list[OpRunner] = []

    def make(url: str | None) -> OpRunner:
        runner = OpRunner(url)
        runners.append(runner)
        return runner

    yield make
    for runner in runners:
        runner.shutdown()
        runner.deleteLater()


def add_orders(url: str, count: int, *, start: dt.datetime = T0) -> list[int]:
    """``count`` orders, one a minute from ``start`` (two share each minute: ties on purpose),
    with a customer, an operator, a store and some leases. Returns ids newest first."""
    with session_scope(url) as s:
        anna = User(login="anna", name="Анна Смирнова", role=Role.OPERATOR, password_hash="x")
        store = Store(
            code="msk-1", name="Тверская", kind=StoreKind.RETAIL, city="Москва", address="Тверская"
        )
        customer = Customer(first_name="Ольга", last_name="Петрова")
        s.add_all([anna, store, customer])
        s.flush()
        orders = [
            Order(
                number=f"T-{i:05d}",
                source=OrderSource.SITE if i % 2 else OrderSource.ONE_CLICK,
                status=STATUS_CYCLE[i % len(STATUS_CYCLE)],
                created_at=start + dt.timedelta(minutes=i // 2),
                customer_id=customer.id,
                contact_name="" if i % 3 else f"Гость {i}",
                contact_phone_raw="8 916 123-45-67",
                contact_phone_e164="+79161234567",
                shipping_store_id=store.id if i % 4 == 0 else None,
                operator_id=anna.id if i % 2 == 0 else None,
                lease_operator_id=anna.id if i % 5 == 0 else None,
                delivery_type=DeliveryType.COURIER,
                total=Decimal("1000.50") + i,
                no_answer_attempts=i % 3,
            )
            for i in range(count)
        ]
        s.add_all(orders)
        s.flush()
        keyed = sorted(((o.created_at, o.id) for o in orders), reverse=True)
    return [order_id for _, order_id in keyed]
