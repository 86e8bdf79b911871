from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.authoring import Project
from kiosk.paths import SAMPLE_BUNDLE


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A new bundle from the scaffold of ``kiosk bundle init``, open for editing."""
    return Project.new(tmp_path / "bundle")


def manifests_of_sample(dest: Path) -> Path:
    """The sample bundle's manifests alone (no media): enough to edit, not to validate."""
    shutil.copyfile(SAMPLE_BUNDLE / "bundle.toml", dest / "bundle.toml")
    for toml in (SAMPLE_BUNDLE / "entities").glob("*/entity.toml"):
        target = dest / "entities" / toml.parent.name
        target.mkdir(parents=True)
        shutil.copyfile(toml, target / "entity.toml")
    return dest


@pytest.fixture
def sample(tmp_path: Path) -> Project:
    """The sample bundle's manifests (hotspots and form items as [[tables]], comments)."""
    folder = tmp_path / "sample"
    folder.mkdir()
    return Project.open(manifests_of_sample(folder))
