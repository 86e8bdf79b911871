"""Every colour and every duration in the QML comes from Theme (kiosk/ui/Kiosk/Theme.qml)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.paths import UI_DIR

COLOUR = re.compile(
    r""""#[0-9A-Fa-f]{3,8}"|:\s*"(white|black|red|green|blue|gray|grey)"|\?\s*"(white|black)\""""
)
DURATION = re.compile(r"\bduration:\s*[0-9]")
FILES = sorted(p for p in UI_DIR.rglob("*.qml") if p.name != "Theme.qml")


@pytest.mark.parametrize("qml", FILES, ids=lambda p: p.name)
def test_no_colour_or_duration_is_written_outside_theme(qml: Path) -> None:
    found = [
        f"{qml.name}:{n}: {line.strip()}"
        for n, line in enumerate(qml.read_text("utf-8").splitlines(), 1)
        if not line.strip().startswith("//") and (COLOUR.search(line) or DURATION.search(line))
    ]
    assert not found, "use a Theme token:\n" + "\n".join(found)
