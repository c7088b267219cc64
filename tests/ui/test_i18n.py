"""Translations: the language choice, Russian strings, and .ts files that match the code."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from ui import i18n
from ui.i18n_build import I18N_DIR, _tool, sources
from ui.settings import KEY_LANGUAGE, ui_settings

pytestmark = pytest.mark.ui


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(ts)
    return {
        (ctx.findtext("name") or "", msg.findtext("source") or ""): msg
        for ctx in tree.iter("context")
        for msg in ctx.iter("message")
    }


def test_russian_strings_after_switching(qapp: Any) -> None:
    translate = QCoreApplication.translate
    assert translate("OrderTableModel", "Number") == "Number"
    assert i18n.install_language("ru") == "ru"
    assert i18n.current_language() == "ru"
    assert translate("OrderTableModel", "Number") == "Номер"
    assert translate("ConnectionChip", "Connected") == "Подключено"
    assert translate("OrderSource", "One click") == "В один клик"
    # Russian plural forms, with locale digit grouping (%Ln)
    plural = [translate("QueuePanel", "%Ln order(s)", "", n) for n in (1, 3, 5, 21, 1500)]
    assert plural == ["1 заказ", "3 заказа", "5 заказов", "21 заказ", "1\u00a0500 заказов"]
    assert QLocale().language() == QLocale.Language.Russian
    i18n.install_language("en")
    assert translate("OrderTableModel", "Number") == "Number"
    assert translate("QueuePanel", "%Ln order(s)", "", 1) == "1 order"


def test_language_choice_order(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = ui_settings()
    # tests disable the system locale: the fallback is English
    assert i18n.choose_language(settings) == "en"
    settings.setValue(KEY_LANGUAGE, "ru")
    assert i18n.choose_language(settings) == "ru"
    monkeypatch.setenv("OKNO_LANG", "en")
    assert i18n.choose_language(settings) == "en"  # the environment beats the setting
    monkeypatch.setenv("OKNO_LANG", "klingon")
    assert i18n.choose_language(settings) == "ru"  # nonsense is ignored (and logged)
    with pytest.raises(ValueError, match="unknown UI language 'de'"):
        i18n.install_language("de")


def test_russian_translation_is_complete() -> None:
    messages = _messages(I18N_DIR / "okno_ru.ts")
    assert messages
    unfinished = []
    for key, msg in messages.items():
        translation = msg.find("translation")
        assert translation is not None
        forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
        if translation.get("type") in {"unfinished", "vanished", "obsolete"} or not all(forms):
            unfinished.append(key)
    assert unfinished == []


def test_ts_files_hold_every_visible_string_of_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [_tool("pyside6-lupdate"), *map(str, sources()), "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    in_code = set(_messages(fresh))
    assert in_code
    for language in i18n.LANGUAGES:
        shipped = set(_messages(I18N_DIR / f"okno_{language}.ts"))
        missing = in_code - shipped
        assert not missing, (
            f"ui/i18n/okno_{language}.ts lacks {len(missing)} visible string(s) of the code, e.g. "
            f"{sorted(missing)[:5]}. Run `python -m ui.i18n_build --update`, then translate the "
            "new messages in okno_ru.ts (test_russian_translation_is_complete checks it)."
        )
