"""A running demo PBX per test: the Mango emulator and our webhook receiver on loopback ports,
wired to the test database (pace 0: each simulated call has posted all its events when
``ring`` returns)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select

from app.db import session_scope
from app.telephony import DemoPbx, start_demo_pbx
from models import OutboxEvent, Role
from tests import factories as f


@pytest.fixture
def people(db_url: str) -> dict[str, int]:
    with session_scope(db_url) as s:
        op = f.user(s, "olga", Role.OPERATOR, name="Ольга", pbx_extension="101")
        op2 = f.user(s, "ivan", Role.OPERATOR, name="Иван", pbx_extension="102")
        st = f.store(s)
        off = f.offer(s, "900", stock={st.id: 5})
        c = f.customer(s, phone="+79161234567", first_name="Мария", last_name="Иванова")
        o = f.order(s, [(off, 1)], status="needs_confirmation", store_id=st.id, customer_obj=c)
        return {"op": op.id, "op2": op2.id, "customer": c.id, "order": o.id}


@pytest.fixture
def pbx(db_url: str, people: dict[str, int]) -> Iterator[DemoPbx]:
    demo = start_demo_pbx(db_url, pace=0)
    try:
        yield demo
    finally:
        demo.stop()


def events(db_url: str, topic: str) -> list[dict[str, Any]]:
    with session_scope(db_url) as s:
        rows = s.scalars(
            select(OutboxEvent).where(OutboxEvent.topic == topic).order_by(OutboxEvent.id)
        ).all()
        return [dict(r.payload) for r in rows]
