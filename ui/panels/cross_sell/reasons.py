"""The one-line reason of a suggestion in the operator's language.

:mod:`app.capsules.suggestions` words its reasons in English from a few fixed shapes (the
services are Qt-free and have no translator); this module recognizes those shapes and words
them again through Qt's translations. A reason of an unknown shape is shown as it came."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

_CTX = "CrossSellReasons"
# (pattern, source text with %1.. for the groups) — the source texts are marked for lupdate
# where they are translated below
_SHAPES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"^completes '(.+)' with the (.+) you are buying$"),
        "completes “%1” with the %2 you are buying",
    ),
    (
        re.compile(r"^completes '(.+)' with the (.+) bought on (\d\d\.\d\d)$"),
        "completes “%1” with the %2 bought on %3",
    ),
    (re.compile(r"^completes '(.+)' with the (.+) bought$"), "completes “%1” with the %2 bought"),
    (re.compile(r"^'(.+)' for (.+)$"), "“%1” for %2"),
    (re.compile(r"^from '(.+)'$"), "from “%1”"),
)


def _marked() -> None:  # pragma: no cover - never called: lupdate reads these
    QCoreApplication.translate("CrossSellReasons", "completes “%1” with the %2 you are buying")
    QCoreApplication.translate("CrossSellReasons", "completes “%1” with the %2 bought on %3")
    QCoreApplication.translate("CrossSellReasons", "completes “%1” with the %2 bought")
    QCoreApplication.translate("CrossSellReasons", "“%1” for %2")
    QCoreApplication.translate("CrossSellReasons", "from “%1”")


def translate_reason(reason: str) -> str:
    """``"completes 'Школа' with the брюки «Школа» you are buying"`` → the same, translated."""
    for pattern, source in _SHAPES:
        match = pattern.match(reason)
        if match is None:
            continue
        text = QCoreApplication.translate(_CTX, source)
        for number, value in enumerate(match.groups(), start=1):
            text = text.replace(f"%{number}", value)
        return text
    return reason
