"""Process configuration: where the database is and how this process reaches the outside.

Read once from the environment (12-factor, so the worker and the console are configured the same
way under systemd, in CI and on a workstation). Business rules an admin tunes at run time live in
the database instead (app/business_settings.py)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "Okno"


def data_dir() -> Path:
    """Per-user data directory (``OKNO_DATA_DIR`` overrides it, e.g. for tests and demos)."""
    override = os.environ.get("OKNO_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def embedded_database_url() -> str:
    return f"sqlite:///{data_dir() / 'okno.sqlite3'}"


@dataclass(frozen=True, slots=True)
class Config:
    """What this process was started with."""

    database_url: str
    #: True when no URL was configured: SQLite in the data dir, demo simulators, in-process worker.
    embedded: bool
    #: operator-facing time zone (timestamps are stored in UTC)
    timezone: str = "Europe/Moscow"
    #: default region for phone numbers typed without a country code
    phone_region: str = "RU"
    webhook_host: str = "127.0.0.1"
    webhook_port: int = 8089
    #: Mango Office VPBX (telephony); empty key/salt = telephony off (demo mode uses its own)
    mango_base_url: str = "https://app.mango-office.ru/vpbx/"
    mango_api_key: str = ""
    mango_api_salt: str = ""
    mango_line_number: str = ""

    @property
    def is_postgresql(self) -> bool:
        return self.database_url.startswith("postgresql")


def normalize_url(url: str) -> str:
    """Accept the URLs people paste (``postgres://``, ``postgresql://``) and use psycopg 3."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def load_config(database_url: str | None = None) -> Config:
    url = database_url or os.environ.get("OKNO_DATABASE_URL") or ""
    embedded = not url
    return Config(
        database_url=normalize_url(url) if url else embedded_database_url(),
        embedded=embedded,
        timezone=os.environ.get("OKNO_TIMEZONE", "Europe/Moscow"),
        phone_region=os.environ.get("OKNO_PHONE_REGION", "RU"),
        webhook_host=os.environ.get("OKNO_WEBHOOK_HOST", "127.0.0.1"),
        webhook_port=int(os.environ.get("OKNO_WEBHOOK_PORT", "8089")),
        mango_base_url=os.environ.get("OKNO_MANGO_BASE_URL")
        or os.environ.get("MANGO_BASE_URL")
        or "https://app.mango-office.ru/vpbx/",
        mango_api_key=os.environ.get("OKNO_MANGO_API_KEY", ""),
        mango_api_salt=os.environ.get("OKNO_MANGO_API_SALT", ""),
        mango_line_number=os.environ.get("OKNO_MANGO_LINE_NUMBER", ""),
    )
