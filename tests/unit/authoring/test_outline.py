"""The Studio's outline, the texts of a node and the check of unsaved edits
(kiosk/authoring/outline.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

from kiosk.authoring import BUNDLE_FILE, AddEntity, Node, Project, SetText, entity_file
from kiosk.authoring.outline import check_snapshot, outline, snapshot, texts_at
from kiosk.paths import SAMPLE_BUNDLE


def sample(tmp_path: Path) -> Project:
    shutil.copytree(SAMPLE_BUNDLE, tmp_path / "b")
    return Project.open(tmp_path / "b")


def test_outline_follows_the_home_order_down_to_hotspots_and_form_items(tmp_path: Path) -> None:
    project = sample(tmp_path)
    root = outline(project)
    assert root.node == Node(BUNDLE_FILE) and root.kind == "bundle"
    *entities, schedule = root.children
    assert [c.node.file for c in entities] == [entity_file(e) for e in project.entity_ids]
    assert schedule.node == Node(BUNDLE_FILE, "schedule") and schedule.title.en == "Schedule"
    kinds = {item.kind for item in root.walk()}
    assert kinds == {"bundle", "entity", "slide", "demo", "screen", "hotspot", "item", "schedule"}
    mict = root.children[0]
    assert mict.title.en == "Ministry of Information and Communications Technology"
    slide = mict.children[1]
    assert slide.node.path == "slides[1]"
    assert slide.title.en.startswith("Slide 2: ") and slide.title.ar.startswith("شريحة 2: ")
    hotspot = next(i for i in root.walk() if i.kind == "hotspot")
    assert hotspot.node.path == "demos[0].screens[0].hotspots[0]"


def test_a_node_shows_its_own_texts_not_those_below_it(tmp_path: Path) -> None:
    project = sample(tmp_path)
    entity = Node(entity_file("mict"))
    assert texts_at(project, entity) == [(("name",), True), (("description",), True)]
    assert texts_at(project, Node(BUNDLE_FILE)) == [(("title",), True), (("subtitle",), False)]
    screen = Node(entity_file("mict"), "demos[0].screens[0]")
    assert [p for p, _ in texts_at(project, screen)] == [("demos", 0, "screens", 0, "title")]


def test_the_check_sees_unsaved_edits_and_leaves_the_folder_alone(tmp_path: Path) -> None:
    project = sample(tmp_path)
    assert check_snapshot(project.root, snapshot(project)).problems == []
    project.history.push(SetText(entity_file("moi"), ("name",), "en", ""))
    project.history.push(AddEntity("culture", name={"ar": "الثقافة", "en": "Culture"}))
    before = sorted(project.root.rglob("*"))
    report = check_snapshot(project.root, snapshot(project))
    fields = {(p.file, p.field) for p in report.problems}
    assert (entity_file("moi"), "name.en") in fields
    # the new entity's folder and logo do not exist until saving; the check does not miss them
    assert not any(p.file.startswith("entities/culture/logo") for p in report.problems)
    assert sorted(project.root.rglob("*")) == before
