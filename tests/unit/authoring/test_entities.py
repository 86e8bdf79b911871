"""Entities: the Home order in bundle.toml and the folders under entities/ move together."""

from __future__ import annotations

import pytest

from kiosk.authoring import (
    AddEntity,
    DeleteEntity,
    DuplicateEntity,
    MoveEntity,
    Project,
    SetText,
    entity_file,
    free_entity_id,
    translation_gaps,
)
from kiosk.bundle import load, validate


def fill_texts(project: Project) -> None:
    for gap in translation_gaps(project):
        text = {"ar": "نص للزائر", "en": "A text"}[gap.lang]
        project.history.push(SetText(gap.file, gap.path, gap.lang, text))


def test_add_an_entity_with_its_name(project: Project) -> None:
    eid = free_entity_id(project, "moi")
    assert eid == "moi"
    project.history.push(AddEntity(eid, 0, name={"ar": "وزارة الداخلية", "en": "Interior"}))
    assert project.entity_ids == ["moi", "example"]
    assert project.history.undo_label is not None
    assert project.history.undo_label.ar == "إضافة جهة"
    result = project.save()
    assert result.created == ["entities/moi"]
    assert (project.root / "entities/moi/logo.png").is_file()
    fill_texts(project)
    project.save()
    assert validate(project.root).ok
    bundle = load(project.root)
    assert [e.id for e in bundle.entities] == ["moi", "example"]
    assert bundle.entities[0].name.get("ar") == "وزارة الداخلية"


def test_an_id_in_use_or_not_an_id_is_refused(project: Project) -> None:
    (project.root / "entities" / "unlisted").mkdir()
    for eid in ("example", "unlisted", "Not An Id"):
        with pytest.raises(ValueError, match=eid):
            project.history.push(AddEntity(eid))
    assert project.entity_ids == ["example"]
    assert free_entity_id(project, "unlisted") == "unlisted-2"


def test_duplicate_copies_the_media_when_saving(project: Project) -> None:
    project.history.push(DuplicateEntity("example", "copy"))
    assert project.entity_ids == ["example", "copy"]
    assert project.entity("copy")["id"] == "copy"
    project.save()
    assert (project.root / "entities/copy/slides/picture.png").read_bytes() == (
        project.root / "entities/example/slides/picture.png"
    ).read_bytes()
    assert validate(project.root).ok


def test_delete_moves_the_folder_to_the_trash_and_undo_brings_it_back(project: Project) -> None:
    project.history.push(DuplicateEntity("example", "copy"))
    project.save()
    project.history.push(DeleteEntity("copy"))
    assert project.entity_ids == ["example"]
    result = project.save()
    assert result.trashed == ["entities/copy"]
    assert not (project.root / "entities/copy").exists()
    assert validate(project.root).ok  # the trash is not part of the bundle
    project.history.undo()
    project.save()
    assert (project.root / "entities/copy/slides/picture.png").is_file()
    assert [e.id for e in load(project.root).entities] == ["example", "copy"]
    project.close()
    assert not (project.root / ".studio-trash").exists()


def test_move_changes_the_home_order(project: Project) -> None:
    project.history.push(AddEntity("second"))
    project.history.push(MoveEntity(1, 0))
    assert project.entity_ids == ["second", "example"]
    project.history.undo()
    assert project.entity_ids == ["example", "second"]


def test_delete_then_undo_before_saving_touches_nothing(project: Project) -> None:
    before = (project.root / "bundle.toml").read_bytes()
    project.history.push(DeleteEntity("example"))
    assert entity_file("example") not in project.docs
    project.history.undo()
    assert not project.dirty
    project.save()
    assert (project.root / "bundle.toml").read_bytes() == before
