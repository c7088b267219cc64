"""UI language: which one, and installing its translators.

Source strings are English; Russian is the product's primary language and ships complete.
The choice, first match wins: ``OKNO_LANG`` (ru|en), the ``ui/language`` setting, the system
locale (Russian if it is Russian, else English). ``OKNO_DISABLE_SYSTEM_LOCALE=1`` (the test
suite sets it) makes the last step "English", so tests never depend on the machine.

Compiled ``.qm`` files are build outputs (``python -m ui.i18n_build``); without them the UI
falls back to the English source strings and says so in the log."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

log = logging.getLogger(__name__)

LANGUAGES = ("ru", "en")
I18N_DIR = Path(__file__).resolve().parent / "i18n"

_installed: list[QTranslator] = []  # kept referenced: a collected translator stops translating
_current = "en"


def choose_language(settings: QSettings | None = None) -> str:
    """The language to show, from the environment, the settings, then the system."""
    env = os.environ.get("OKNO_LANG", "").strip().lower()
    if env:
        if env in LANGUAGES:
            return env
        log.warning("OKNO_LANG=%r is not one of %s; ignoring it", env, ", ".join(LANGUAGES))
    if settings is not None:
        from ui.settings import language_setting

        chosen = language_setting(settings)
        if chosen in LANGUAGES:
            return chosen
    if os.environ.get("OKNO_DISABLE_SYSTEM_LOCALE") == "1":
        return "en"
    return "ru" if QLocale.system().language() == QLocale.Language.Russian else "en"


def qm_path(language: str) -> Path:
    return I18N_DIR / f"okno_{language}.qm"


def install_language(language: str) -> str:
    """Replace the installed translators with ``language``'s (Okno's and Qt's own dialogs).

    Returns the language actually in effect: "en" when the Russian .qm is missing. Installing
    a translator sends LanguageChange to every widget, which retranslates itself."""
    global _current
    if language not in LANGUAGES:
        raise ValueError(f"unknown UI language {language!r} (known: {', '.join(LANGUAGES)})")
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before installing a language")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    effective = language
    okno = QTranslator()
    if okno.load(str(qm_path(language))):
        _installed.append(okno)
    elif language != "en":
        log.warning(
            "no compiled translation %s (run: python -m ui.i18n_build); showing English",
            qm_path(language),
        )
        effective = "en"
    qt = QTranslator()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if effective != "en" and qt.load(f"qtbase_{effective}", qt_dir):
        _installed.append(qt)  # Qt's own strings: OK/Cancel buttons, context menus
    for translator in _installed:
        app.installTranslator(translator)
    QLocale.setDefault(
        QLocale(QLocale.Language.Russian if effective == "ru" else QLocale.Language.English)
    )
    _current = effective
    return effective


def current_language() -> str:
    """The language whose translators are installed ("en" before any)."""
    return _current
