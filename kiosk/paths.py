"""Where the kiosk finds its own files when run from a checkout."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE_BUNDLE = REPO / "assets" / "sample-bundle"
UI_DIR = REPO / "ui"
