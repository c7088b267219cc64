"""The translatable copies in ui/customer_texts.py match the core's definitions, and Russian has
them, so the tooltips in the profile are the core's definitions in the operator's language."""

from __future__ import annotations

from typing import Any

import pytest

from app.customers.metrics import DEFINITIONS
from app.customers.segments import SEGMENTS
from ui import i18n
from ui.customer_texts import (
    METRIC_TEXTS,
    SEGMENT_TEXTS,
    metric_title,
    metric_tooltip,
    segment_meaning,
    segment_title,
)

pytestmark = pytest.mark.ui


def test_copies_match_the_core_definitions() -> None:
    for key, definition in DEFINITIONS.items():
        assert METRIC_TEXTS[key] == (definition.title, definition.description), key
    assert set(METRIC_TEXTS) == set(DEFINITIONS)
    assert SEGMENT_TEXTS == SEGMENTS


def test_definitions_are_translated(qapp: Any) -> None:
    assert metric_tooltip("ltv") == DEFINITIONS["ltv"].description
    i18n.install_language("ru")
    for key in DEFINITIONS:
        assert metric_title(key) != DEFINITIONS[key].title, key
        assert metric_tooltip(key) != DEFINITIONS[key].description, key
    for code in SEGMENTS:
        assert segment_meaning(code) != SEGMENTS[code][1], code
    assert segment_title("low_buyout") == "Только предоплата"
    assert metric_title("buyout_rate") == "Процент выкупа"
