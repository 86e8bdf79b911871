from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.bundle import Report, init, validate
from kiosk.bundle.media import MediaInspector


@pytest.fixture
def bundle_dir(tmp_path: Path) -> Path:
    """A fresh minimal valid bundle (the output of ``kiosk bundle init``)."""
    root = tmp_path / "bundle"
    init(root)
    return root


@pytest.fixture(scope="session")
def qt_inspector() -> MediaInspector:
    from kiosk.qt.inspector import QtInspector

    return QtInspector()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), "utf-8")


Check = Callable[[Path], Report]


@pytest.fixture
def check(qt_inspector: MediaInspector) -> Check:
    def run(path: Path) -> Report:
        return validate(path, qt_inspector)

    return run
