"""Order statuses, their analytic groups and the per-role transition matrix.

The rows are seeded by the baseline migration; the matrix lives in the database so an admin can
tune it without a release, and app/ enforces it in one place."""

from __future__ import annotations

import enum

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, str_enum
from models.users import Role


class StatusGroup(enum.StrEnum):
    NEW = "new"
    APPROVAL = "approval"
    ASSEMBLING = "assembling"
    DELIVERY = "delivery"
    COMPLETE = "complete"
    CANCEL = "cancel"


class Status(Base):
    __tablename__ = "statuses"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name_ru: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100))
    group: Mapped[StatusGroup] = mapped_column(str_enum(StatusGroup, "status_group"))
    ordering: Mapped[int] = mapped_column(Integer)
    is_final: Mapped[bool] = mapped_column(default=False)
    is_active: Mapped[bool] = mapped_column(default=True)


class StatusTransition(Base):
    """``role`` may move an order from ``from_code`` to ``to_code``. The robot acts as the
    pseudo-role ``robot`` held in the same table."""

    __tablename__ = "status_transitions"

    from_code: Mapped[str] = mapped_column(ForeignKey("statuses.code"), primary_key=True)
    to_code: Mapped[str] = mapped_column(ForeignKey("statuses.code"), primary_key=True)
    role: Mapped[str] = mapped_column(String(16), primary_key=True)


ROBOT_ROLE = "robot"
ALL_ROLES: tuple[str, ...] = (*(r.value for r in Role), ROBOT_ROLE)
