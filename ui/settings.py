"""The console's own per-user settings, declared once (STYLE.md practice 9).

Stored as an INI file in Okno's data directory (``OKNO_DATA_DIR``), not in the registry: one
place to find, back up or delete, and tests get their own for free. Never a secret here:
passwords and tokens do not belong in QSettings."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from app.config import data_dir

# bump when a key changes meaning; ``ui_settings()`` upgrades older files in place
SETTINGS_VERSION = 1

KEY_VERSION = "meta/version"
KEY_GEOMETRY = "window/geometry"
KEY_STATE = "window/state"
# "ru" or "en"; empty means "follow the system locale"
KEY_LANGUAGE = "ui/language"


def ui_settings() -> QSettings:
    """The settings file, upgraded to ``SETTINGS_VERSION``."""
    settings = QSettings(str(data_dir() / "console.ini"), QSettings.Format.IniFormat)
    version = _int(settings.value(KEY_VERSION, 0))
    if version < SETTINGS_VERSION:
        # Version 1 is the first; later upgrades go here, one step per version.
        settings.setValue(KEY_VERSION, SETTINGS_VERSION)
    return settings


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def read_bytes(settings: QSettings, key: str) -> QByteArray | None:
    value = settings.value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def language_setting(settings: QSettings) -> str:
    value = settings.value(KEY_LANGUAGE, "")
    return value if isinstance(value, str) else ""
