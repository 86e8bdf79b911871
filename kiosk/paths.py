"""Where the kiosk finds its own files when run from a checkout."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE_BUNDLE = REPO / "assets" / "sample-bundle"
UI_DIR = REPO / "kiosk" / "ui"


def data_dir() -> Path:
    """The kiosk's data directory: ``$XDG_DATA_HOME/qatar-kiosk``, by default
    ``~/.local/share/qatar-kiosk`` (the XDG base directory rule; the kiosk runs on Linux only).

    Written out rather than taken from platformdirs, whose import cost 8-10 ms of start-up.
    """
    base = Path(os.environ.get("XDG_DATA_HOME", "").strip())
    if not base.is_absolute():  # unset, empty or relative: the spec says to ignore it
        base = Path.home() / ".local" / "share"
    return base / "qatar-kiosk"


def default_db() -> Path:
    return data_dir() / "kiosk.db"
