"""One-click orders (Lacoste): name + phone + offer → customer matched or created → queue."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.clock import FixedClock
from app.db import session_scope
from app.orders.errors import InvalidValue
from app.orders.one_click import create_one_click_order
from models import Customer, Order, OrderSource
from tests import factories as f


def test_matches_existing_customer_by_normalized_phone(db_url: str) -> None:
    with session_scope(db_url) as s:
        existing = f.customer(s, phone="+7 916 123-45-67")
        off = f.offer(s, "3990", external_id="LAC-1")
        ids = (existing.id, off.id)
    with session_scope(db_url) as s:
        order = create_one_click_order(
            s, FixedClock(f.T0), name="Анна", phone="8 916 1234567", offer_external_id="LAC-1"
        )
        number = order.number
    with session_scope(db_url) as s:
        order = s.scalars(select(Order).where(Order.number == number)).one()
        assert order.customer_id == ids[0]
        assert (order.source, order.status) == (OrderSource.ONE_CLICK, "needs_confirmation")
        assert order.total == 3990 and order.priority > 0
        assert s.scalar(select(func.count()).select_from(Customer)) == 1


def test_creates_customer_when_phone_is_new(db_url: str) -> None:
    with session_scope(db_url) as s:
        off = f.offer(s, "100")
        create_one_click_order(
            s, FixedClock(f.T0), name="Пётр Иванов", phone="+7 903 000-11-22", offer_id=off.id
        )
    with session_scope(db_url) as s:
        c = s.scalars(select(Customer)).one()
        assert (c.first_name, c.last_name) == ("Пётр", "Иванов")


@pytest.mark.parametrize(
    ("kw", "field"),
    [
        ({"phone": "не знаю"}, "phone"),
        ({"name": " "}, "name"),
        ({"offer_external_id": "NOPE"}, "offer"),
    ],
)
def test_bad_input_names_the_field(db_url: str, kw, field) -> None:
    with session_scope(db_url) as s:
        f.offer(s, "100", external_id="OK-1")
    args = {"name": "Анна", "phone": "+79161234567", "offer_external_id": "OK-1", **kw}
    with pytest.raises(InvalidValue) as err, session_scope(db_url) as s:
        create_one_click_order(s, FixedClock(f.T0), **args)
    assert err.value.field == field
