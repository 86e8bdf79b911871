"""The bundle the Studio's preview shows: the unsaved documents, loaded from a shadow folder
(kiosk/authoring/preview.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.authoring import Project, SetText, entity_file
from kiosk.authoring.outline import snapshot
from kiosk.authoring.preview import load_snapshot, remove_shadow
from kiosk.bundle import BundleError
from kiosk.bundle.scaffold import init


@pytest.fixture
def project(tmp_path: Path) -> Project:
    init(tmp_path / "bundle")
    return Project.open(tmp_path / "bundle")


def test_the_unsaved_text_is_what_the_preview_loads(project: Project, tmp_path: Path) -> None:
    file = entity_file("example")
    project.history.push(SetText(file, ("slides", 1, "caption"), "en", "Not saved yet"))
    bundle = load_snapshot(project.root, snapshot(project), tmp_path / "shadow")
    caption = bundle.entities[0].slides[1].caption
    assert caption is not None and caption.get("en") == "Not saved yet"
    assert bundle.root == (tmp_path / "shadow").resolve()
    assert "Not saved yet" not in (project.root / file).read_text("utf-8")  # nothing saved
    remove_shadow(tmp_path / "shadow")
    assert not (tmp_path / "shadow").exists()
    assert (project.root / "entities" / "example" / "logo.png").is_file()  # links, not media


def test_a_state_that_does_not_load_says_why_and_leaves_no_shadow(
    project: Project, tmp_path: Path
) -> None:
    project.history.push(SetText(entity_file("example"), ("name",), "en", ""))
    with pytest.raises(BundleError) as caught:
        load_snapshot(project.root, snapshot(project), tmp_path / "shadow")
    assert any(p.field == "name.en" for p in caught.value.report.errors)
    assert not (tmp_path / "shadow").exists()
