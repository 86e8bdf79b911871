"""Where the kiosk finds its own files when run from a checkout."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE_BUNDLE = REPO / "assets" / "sample-bundle"
UI_DIR = REPO / "ui"


def data_dir() -> Path:
    """The kiosk's data directory (platform default, e.g. ~/.local/share/qatar-kiosk)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("qatar-kiosk", appauthor=False))


def default_db() -> Path:
    return data_dir() / "kiosk.db"
