"""QML names pages through the Pages enum (kiosk.qt.controller), never through string literals."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.paths import UI_DIR
from kiosk.qt.controller import PAGE_NUMBERS, Pages
from kiosk.session import Page

PAGE_WORDS = "|".join(re.escape(p.value) for p in Page)
LITERAL = re.compile(rf"""page\s*[!=]==?\s*["']({PAGE_WORDS})["']""")


@pytest.mark.parametrize("qml", sorted(UI_DIR.rglob("*.qml")), ids=lambda p: p.name)
def test_no_qml_file_compares_a_page_with_a_string(qml: Path) -> None:
    text = qml.read_text("utf-8")
    found = [m.group(0) for m in LITERAL.finditer(text)]
    assert not found, f"{qml}: use the Pages enum: {found}"


def test_every_session_page_has_its_own_number_for_qml() -> None:
    assert set(PAGE_NUMBERS) == set(Page)
    assert sorted(PAGE_NUMBERS.values()) == sorted(Pages.Page)
