"""The demo's console accounts: one per role, five operators with PBX extensions 101–105.

They all share the password :data:`DEMO_PASSWORD` so the login dialog can name them."""

from __future__ import annotations

from dataclasses import dataclass

from models import Role

DEMO_PASSWORD = "demo"


@dataclass(frozen=True, slots=True)
class DemoUser:
    login: str
    name: str
    role: Role
    extension: str | None = None


DEMO_USERS: list[DemoUser] = [
    DemoUser("admin", "Администратор", Role.ADMIN),
    DemoUser("supervisor", "Ирина Ковалёва", Role.SUPERVISOR),
    DemoUser("manager", "Олег Мельников", Role.MANAGER),
    DemoUser("operator1", "Анна Смирнова", Role.OPERATOR, "101"),
    DemoUser("operator2", "Ольга Кузнецова", Role.OPERATOR, "102"),
    DemoUser("operator3", "Дмитрий Волков", Role.OPERATOR, "103"),
    DemoUser("operator4", "Екатерина Новикова", Role.OPERATOR, "104"),
    DemoUser("operator5", "Марина Орлова", Role.OPERATOR, "105"),
]
