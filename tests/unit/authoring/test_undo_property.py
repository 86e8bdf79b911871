"""Any sequence of edits, undone, gives back the original bytes; redone, the edited ones."""

from __future__ import annotations

import shutil
import tempfile
import tomllib
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.authoring import (
    AddEntity,
    Command,
    DeleteEntity,
    DuplicateEntity,
    DuplicateItem,
    FieldPath,
    MoveEntity,
    MoveItem,
    Project,
    RemoveItem,
    SetHotspotRect,
    SetText,
    SetValue,
    add_bullet,
    add_demo,
    add_form_item,
    add_hotspot,
    add_screen,
    add_slide,
    entity_file,
    free_entity_id,
    lookup,
)
from kiosk.bundle import scaffold

from .conftest import manifests_of_sample

TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)
LISTS: tuple[FieldPath, ...] = (
    ("slides",),
    ("demos",),
    ("demos", 0, "screens"),
    ("demos", 0, "screens", 0, "items"),
    ("demos", 0, "screens", 0, "hotspots"),
    ("slides", 0, "bullets"),
    ("slides", 2, "bullets"),
)
TEXTS: tuple[FieldPath, ...] = (
    ("name",),
    ("description",),
    ("slides", 0, "caption"),
    ("slides", 0, "title"),
    ("slides", 2, "bullets", 0),
    ("demos", 0, "title"),
    ("demos", 0, "screens", 0, "hotspots", 0, "hint"),
    ("demos", 0, "screens", 0, "items", 0, "text"),
    ("demos", 0, "screens", 2, "items", 1, "label"),
)


def draw_command(data: st.DataObject, project: Project) -> Command | None:
    """A command that makes sense for the project as it is now, or None."""
    eid = data.draw(st.sampled_from(project.entity_ids))
    file = entity_file(eid)
    doc = project.document(file)
    kind = data.draw(
        st.sampled_from(
            [
                "text",
                "value",
                "rect",
                "insert",
                "remove",
                "move",
                "duplicate",
                "add",
                "entity",
            ]
        )
    )
    if kind == "text":
        path = data.draw(st.sampled_from(TEXTS))
        parent = lookup(doc, path[:-1]) if len(path) > 1 else doc
        if not isinstance(parent, dict):
            return None
        return SetText(file, path, data.draw(st.sampled_from(project.languages)), data.draw(TEXT))
    if kind == "value":
        key = data.draw(st.sampled_from(["accent", "logo", "duration", "attract", "kind"]))
        if key in ("accent", "logo"):
            return SetValue(file, (key,), data.draw(st.sampled_from(["#112233", "x.png", None])))
        slides = doc.get("slides")
        if not isinstance(slides, list) or not slides:
            return None
        i = data.draw(st.integers(0, len(slides) - 1))
        value: Any = data.draw(
            st.sampled_from([None, 5, 12.5, True, "image"] if key != "attract" else [True, None])
        )
        return SetValue(file, ("slides", i, key), value)
    if kind == "rect":
        hotspots = lookup(doc, ("demos", 0, "screens", 0, "hotspots"))
        if not isinstance(hotspots, list) or not hotspots:
            return None
        xs = data.draw(st.lists(st.integers(-10, 2000), min_size=4, max_size=4))
        spot: FieldPath = ("demos", 0, "screens", 0, "hotspots", 0)
        return SetHotspotRect(file, spot, (xs[0], xs[1]), (xs[2], xs[3]), (1920, 1080))
    if kind == "add":
        what = data.draw(st.sampled_from(["slide", "demo", "screen", "item", "hotspot", "bullet"]))
        demos = doc.get("demos")
        if what == "slide":
            return add_slide(project, eid, data.draw(st.sampled_from(["text", "image"])))
        if what == "demo":
            return add_demo(project, eid, data.draw(st.none() | st.integers(0, 3)))
        if not isinstance(demos, list) or not demos:
            return None
        screens = lookup(doc, ("demos", 0, "screens"))
        if what == "screen":
            return add_screen(project, eid, 0, data.draw(st.sampled_from(["form", "image"])))
        if not isinstance(screens, list) or not screens:
            return None
        if what == "item":
            return add_form_item(project, eid, 0, 0, data.draw(st.sampled_from(["choice", "list"])))
        if what == "hotspot":
            return add_hotspot(project, eid, 0, 0)
        return add_bullet(project, eid, 0)
    if kind == "entity":
        op = data.draw(st.sampled_from(["add", "duplicate", "delete", "move"]))
        order = project.entity_ids
        if op == "add":
            return AddEntity(free_entity_id(project), data.draw(st.integers(0, len(order))))
        if op == "duplicate":
            return DuplicateEntity(eid, free_entity_id(project, eid))
        if op == "delete":
            return DeleteEntity(eid) if len(order) > 1 else None
        n = len(order)
        return MoveEntity(data.draw(st.integers(0, n - 1)), data.draw(st.integers(0, n - 1)))
    path = data.draw(st.sampled_from(LISTS))
    items = lookup(doc, path)
    if not isinstance(items, list) or not items:
        return None
    i = data.draw(st.integers(0, len(items) - 1))
    if kind == "remove":
        return RemoveItem(file, path, i)
    if kind == "duplicate":
        return DuplicateItem(file, path, i)
    if kind == "move":
        return MoveItem(file, path, i, data.draw(st.integers(0, len(items) - 1)))
    return None


def texts(project: Project) -> dict[str, str]:
    return {f: project.text(f) for f in sorted(project.docs)}


def run(data: st.DataObject, folder: Path) -> None:
    project = Project.open(folder)
    original = texts(project)
    for _ in range(data.draw(st.integers(1, 12))):
        command = draw_command(data, project)
        if command is None:
            continue
        project.history.push(command)
        for text in texts(project).values():
            tomllib.loads(text)  # every step writes valid TOML
    edited = texts(project)
    while project.history.undo():
        pass
    assert texts(project) == original
    assert not project.dirty
    while project.history.redo():
        pass
    assert texts(project) == edited


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_undoing_every_edit_of_the_sample_gives_back_its_bytes(data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        run(data, manifests_of_sample(Path(tmp)))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_undoing_every_edit_of_the_scaffold_gives_back_its_bytes(data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "b"
        folder.mkdir()
        (folder / "bundle.toml").write_text(scaffold.BUNDLE_TOML.format(id="x"), "utf-8")
        (folder / "entities" / "example").mkdir(parents=True)
        (folder / "entities/example/entity.toml").write_text(scaffold.ENTITY_TOML, "utf-8")
        run(data, folder)
        shutil.rmtree(folder)
