"""Order numbers for orders created inside Okno (one-click, phone, operator)."""

from __future__ import annotations

import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Order


def new_order_number(session: Session, prefix: str = "OK") -> str:
    """A short, unique, unguessable-enough number like ``OK-7F3K9Q`` (readable over the phone:
    no 0/O or 1/I confusion). Collisions are checked, not assumed away."""
    alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
    for _ in range(20):
        number = f"{prefix}-" + "".join(secrets.choice(alphabet) for _ in range(6))
        if session.scalar(select(Order.id).where(Order.number == number)) is None:
            return number
    raise RuntimeError("could not find a free order number")
