"""Older bundle formats upgraded in memory (kiosk/authoring/upgrade.py), with a synthetic
format 0 and -1: format 1 is the only real one so far."""

from __future__ import annotations

from pathlib import Path

from kiosk.authoring import BUNDLE_FILE, Label, Project
from kiosk.authoring.upgrade import STEPS, Step, bundle_format, note_text, upgrade
from kiosk.bundle import init


def rename(project: Project) -> None:
    project.bundle["title"] = project.bundle.pop("name")


def rename_label(project: Project) -> None:
    project.bundle["name"] = project.bundle.pop("label")


STEP_0 = Step(0, Label("name ← title", "'name' is now called 'title'"), rename)
STEP_MINUS_1 = Step(-1, Label("label ← name", "'label' is now called 'name'"), rename_label)


def old_bundle(tmp_path: Path, fmt: int, key: str) -> Path:
    folder = tmp_path / "old"
    init(folder, "old")
    text = (folder / BUNDLE_FILE).read_text("utf-8")
    text = text.replace("format = 1", f"format = {fmt}").replace("\ntitle = ", f"\n{key} = ")
    (folder / BUNDLE_FILE).write_text(text, "utf-8")
    return folder


def test_today_there_is_one_format_and_nothing_to_upgrade(tmp_path: Path) -> None:
    assert STEPS == {}
    init(tmp_path / "b", "b")
    project = Project.open(tmp_path / "b")
    assert bundle_format(project) == 1
    assert upgrade(project) is None and len(project.history) == 0


def test_steps_run_in_order_as_one_undo_step_and_undo_is_byte_exact(tmp_path: Path) -> None:
    folder = old_bundle(tmp_path, -1, "label")
    project = Project.open(folder)
    before = project.text(BUNDLE_FILE)
    command = upgrade(project, {0: STEP_0, -1: STEP_MINUS_1})
    assert command is not None and command.source == -1
    assert command.notes == [STEP_MINUS_1.note, STEP_0.note]
    assert project.bundle["format"] == 1 and "title" in project.bundle
    assert project.dirty and len(project.history) == 1
    note = note_text(command, "en")
    assert note.startswith("bundle.toml: the bundle was written in format -1")
    assert "'label' is now called 'name'" in note and "Fix:" in note
    assert "bundle.toml" in note_text(command, "ar")
    project.history.undo()
    assert project.text(BUNDLE_FILE) == before and project.changed_files() == []
    project.history.redo()
    project.save()
    assert "format = 1" in (folder / BUNDLE_FILE).read_text("utf-8")


def test_a_format_with_no_way_up_is_left_to_the_validator(tmp_path: Path) -> None:
    project = Project.open(old_bundle(tmp_path, -1, "label"))
    assert upgrade(project, {0: STEP_0}) is None  # no step from -1
    assert bundle_format(project) == -1 and not project.dirty
