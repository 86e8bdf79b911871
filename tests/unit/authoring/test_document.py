"""Opening, saving and round-tripping a bundle with the authoring model."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from kiosk.authoring import Project, ProjectError, SetText, SetValue, entity_file
from kiosk.bundle import load, pack, validate

ENTITY = entity_file("example")


def test_new_is_the_scaffold_and_validates(project: Project) -> None:
    assert project.entity_ids == ["example"]
    assert project.languages == ("ar", "en")
    assert not project.dirty
    assert validate(project.root).ok


def test_new_refuses_a_folder_with_files(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("x")
    with pytest.raises(FileExistsError):
        Project.new(tmp_path)


def test_a_comment_and_blank_lines_survive_an_edit_byte_for_byte(project: Project) -> None:
    path = project.root / ENTITY
    original = path.read_bytes()
    commented = original.replace(
        b'accent = "#0D6E6E"\n', b'# The colour of the tile\n\n\naccent = "#0D6E6E"   # teal\n'
    )
    path.write_bytes(commented)
    edited = Project.open(project.root)
    edited.history.push(SetValue(ENTITY, ("accent",), "#1D6B44"))
    edited.history.push(SetText(ENTITY, ("slides", 1, "caption"), "en", "The new caption"))
    edited.save()
    expected = commented.replace(b'"#0D6E6E"', b'"#1D6B44"').replace(
        b'"A caption for the picture"', b'"The new caption"'
    )
    assert path.read_bytes() == expected


def test_save_writes_only_the_changed_files(project: Project) -> None:
    bundle = project.root / "bundle.toml"
    before = bundle.stat().st_mtime_ns
    os.utime(bundle, ns=(before - 10**9, before - 10**9))
    project.history.push(SetText(ENTITY, ("name",), "en", "Ministry of Interior"))
    assert project.changed_files() == [ENTITY]
    result = project.save()
    assert result.written == [ENTITY]
    assert bundle.stat().st_mtime_ns == before - 10**9
    assert not project.dirty
    assert project.save().written == []


def test_what_was_edited_is_what_the_kiosk_loads(project: Project) -> None:
    project.history.push(SetText(ENTITY, ("name",), "ar", "وزارة الداخلية"))
    project.history.push(SetValue(ENTITY, ("slides", 1, "duration"), 12))
    project.history.push(SetValue(("bundle.toml"), ("idle", "timeout"), 90))
    project.save()
    assert validate(project.root).ok
    bundle = load(project.root)
    entity = bundle.entities[0]
    assert entity.name.get("ar") == "وزارة الداخلية"
    assert entity.slides[1].duration == 12
    assert bundle.idle.timeout == 90


def test_saving_is_allowed_with_problems(project: Project) -> None:
    project.history.push(SetText(ENTITY, ("name",), "en", ""))
    project.save()
    report = validate(project.root)
    assert [(p.file, p.field, p.code) for p in report.errors] == [(ENTITY, "name.en", "empty-text")]


def test_a_byte_order_mark_is_kept(project: Project) -> None:
    path = project.root / ENTITY
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    edited = Project.open(project.root)
    edited.history.push(SetValue(ENTITY, ("accent",), "#1D6B44"))
    edited.save()
    assert path.read_bytes().startswith(b'\xef\xbb\xbfid = "example"')


def test_an_unreadable_bundle_toml_names_the_file_and_the_fix(tmp_path: Path) -> None:
    (tmp_path / "bundle.toml").write_text('id = "x\n', "utf-8")
    with pytest.raises(ProjectError, match=r"bundle\.toml: the TOML cannot be read.*Fix"):
        Project.open(tmp_path)
    with pytest.raises(ProjectError, match=r"bundle\.toml: cannot be read"):
        Project.open(tmp_path / "nothing")


def test_an_unreadable_entity_is_left_alone(project: Project) -> None:
    path = project.root / ENTITY
    path.write_text("id = = 1\n", "utf-8")
    opened = Project.open(project.root)
    assert ENTITY in opened.unreadable
    assert ENTITY not in opened.docs
    assert not opened.dirty
    opened.save()
    assert path.read_text("utf-8") == "id = = 1\n"


def test_a_zip_is_unpacked_safely_into_the_working_folder(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "packed.zip"
    assert pack(project.root, out).ok
    work = tmp_path / "work"
    opened = Project.open_zip(out, work)
    assert opened.root == work
    assert opened.entity_ids == ["example"]
    assert not (work / "checksums.json").exists()  # the pack writes a new one
    assert opened.notes and "checksums.json" in opened.notes[0]
    opened.history.push(SetText(ENTITY, ("name",), "en", "Edited"))
    opened.save()
    assert validate(work).ok


def test_a_zip_that_escapes_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("../evil.toml", "x = 1")
    with pytest.raises(ProjectError, match=r"\.\./evil\.toml") as info:
        Project.open_zip(bad, tmp_path / "work")
    assert info.value.report is not None
    assert not (tmp_path / "evil.toml").exists()


def test_a_zip_needs_an_empty_working_folder(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "packed.zip"
    pack(project.root, out)
    (tmp_path / "work").mkdir()
    (tmp_path / "work" / "x").write_text("x")
    with pytest.raises(ProjectError, match="not empty"):
        Project.open_zip(out, tmp_path / "work")


def test_a_stale_checksum_list_goes_at_the_first_save(project: Project, tmp_path: Path) -> None:
    (project.root / "checksums.json").write_text("{}")
    project.history.push(SetText(ENTITY, ("name",), "en", "Edited"))
    assert project.save().removed_checksums
    assert not (project.root / "checksums.json").exists()


def test_listeners_hear_which_files_changed(project: Project) -> None:
    heard: list[set[str]] = []
    project.add_listener(heard.append)
    project.history.push(SetText(ENTITY, ("name",), "en", "A"))
    project.history.undo()
    assert heard == [{ENTITY}, {ENTITY}]
    assert project.generation == 2
