"""Deterministic demo data: ``seed_demo`` in :mod:`app.demo.seed` (``okno demo seed``).

Only the account list is imported here, so the login dialog can name the demo users without
loading the generator."""

from __future__ import annotations

from app.demo.users import DEMO_PASSWORD, DEMO_USERS, DemoUser

__all__ = ["DEMO_PASSWORD", "DEMO_USERS", "DemoUser"]
