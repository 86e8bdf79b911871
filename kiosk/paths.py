"""Where the kiosk finds its own files (the QML and the sample bundle) and its data folder.

The QML module ``Kiosk`` (``kiosk/ui/Kiosk``) and the sample bundle (``kiosk/sample_bundle``) are
package data: they ship in the wheel and are found through :mod:`importlib.resources`, so an
installed kiosk runs without its source checkout. pip installs a wheel unzipped, so both are
folders on disk, which is what Qt's QML import path and the bundle loader need; a kiosk imported
from a zip archive is refused with a message that says so.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

from . import PackageDataError


def package_folder(name: str) -> Path:
    """The package-data folder ``kiosk/<name>`` as a path on disk."""
    found = files("kiosk") / name
    if not isinstance(found, Path):  # a zipimport Traversable: no folder Qt could read
        raise PackageDataError(
            f"the kiosk's {name} folder is inside an archive ({found}); "
            "install the kiosk with pip (pip install kiosk-*.whl), which unpacks it"
        )
    return found


SAMPLE_BUNDLE = package_folder("sample_bundle")
UI_DIR = package_folder("ui")  # the QML import path: holds the module folder Kiosk/ (qmldir)


def data_dir() -> Path:
    """The kiosk's data directory: ``$XDG_DATA_HOME/qatar-kiosk``, by default
    ``~/.local/share/qatar-kiosk`` (the XDG base directory rule; the kiosk runs on Linux only).

    Written out rather than taken from platformdirs, whose import costs start-up time
    (figures: benchmarks/README.md, "Figures behind the code's choices").
    """
    base = Path(os.environ.get("XDG_DATA_HOME", "").strip())
    if not base.is_absolute():  # unset, empty or relative: the spec says to ignore it
        base = Path.home() / ".local" / "share"
    return base / "qatar-kiosk"


def default_db() -> Path:
    return data_dir() / "kiosk.db"
