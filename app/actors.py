"""Who is acting: a logged-in user, the auto-approval robot, or the system (worker timers)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from models import ROBOT_ROLE, User


@dataclass(frozen=True, slots=True)
class Actor:
    user_id: int | None
    role: str  # a models.Role value, or "robot" for the robot and the worker's timers
    name: str
    kind: str = "user"  # user | robot | system

    @property
    def is_robot(self) -> bool:
        return self.kind != "user"


ROBOT = Actor(user_id=None, role=ROBOT_ROLE, name="robot", kind="robot")
SYSTEM = Actor(user_id=None, role=ROBOT_ROLE, name="system", kind="system")


def actor_for_user(session: Session, login: str) -> Actor:
    user = session.query(User).filter_by(login=login).one_or_none()
    if user is None:
        raise LookupError(f"no user with login {login!r}")
    if not user.is_active:
        raise PermissionError(f"user {login!r} is deactivated")
    return Actor(user_id=user.id, role=user.role.value, name=user.name)


def actor_for_user_id(session: Session, user_id: int) -> Actor:
    user = session.get(User, user_id)
    if user is None:
        raise LookupError(f"no user with id {user_id}")
    return Actor(user_id=user.id, role=user.role.value, name=user.name)
