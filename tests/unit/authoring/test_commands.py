"""Edit commands: each does its edit, undoes it byte for byte, and has a label in both
languages for the undo menu."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest

from kiosk.authoring import (
    Command,
    DuplicateItem,
    InsertItem,
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
    translation_gaps,
    unique_id,
)
from kiosk.bundle import load, validate

ENTITY = entity_file("example")
MOI = entity_file("moi")


def data(project: Project, file: str = ENTITY) -> Any:
    return tomllib.loads(project.text(file))


def round_trip(project: Project, command: Command) -> str:
    """Do, check the text is TOML, undo (same bytes), redo (same bytes as the do)."""
    files = {f: project.text(f) for f in project.docs}
    project.history.push(command)
    done = {f: project.text(f) for f in project.docs}
    for text in done.values():
        tomllib.loads(text)
    project.history.undo()
    assert {f: project.text(f) for f in project.docs} == files
    project.history.redo()
    assert {f: project.text(f) for f in project.docs} == done
    return done.get(ENTITY, "")


def test_set_text_changes_one_language_only(project: Project) -> None:
    round_trip(project, SetText(ENTITY, ("slides", 1, "caption"), "ar", "تعليق جديد"))
    slide = data(project)["slides"][1]
    assert slide["caption"] == {"ar": "تعليق جديد", "en": "A caption for the picture"}


def test_set_text_creates_a_missing_text_with_every_language(project: Project) -> None:
    text = round_trip(project, SetText(ENTITY, ("slides", 0, "caption"), "en", "Hello"))
    assert 'caption = { ar = "", en = "Hello" }' in text


def test_set_text_in_a_bullet_a_hint_and_a_form_label(sample: Project) -> None:
    round_trip(sample, SetText(MOI, ("slides", 2, "bullets", 1), "en", "Paid online"))
    hotspot = ("demos", 0, "screens", 0, "hotspots", 0, "hint")
    round_trip(sample, SetText(MOI, hotspot, "ar", "السطر الأول"))
    round_trip(sample, SetText(MOI, ("demos", 0, "screens", 2, "items", 3, "label"), "en", "Tel"))
    moi = data(sample, MOI)
    assert moi["slides"][2]["bullets"][1]["en"] == "Paid online"
    screens = moi["demos"][0]["screens"]
    assert screens[0]["hotspots"][0]["hint"]["ar"] == "السطر الأول"
    assert screens[2]["items"][3]["label"] == {"ar": "رقم الجوال", "en": "Tel"}
    # the comment after the rect is still there
    assert "# the first row of the list" in sample.text(MOI)


def test_typing_into_one_field_is_one_undo_step(project: Project) -> None:
    before = project.text(ENTITY)
    for word in ("M", "Mi", "Min"):
        project.history.push(SetText(ENTITY, ("name",), "en", word))
    project.history.push(SetText(ENTITY, ("name",), "ar", "و"))
    assert len(project.history) == 2
    project.history.undo()
    assert data(project)["name"] == {"ar": "جهة حكومية", "en": "Min"}
    project.history.undo()
    assert project.text(ENTITY) == before


def test_labels_are_in_arabic_and_english(project: Project) -> None:
    command = SetText(ENTITY, ("slides", 1, "caption"), "en", "x")
    assert command.label.en == "Edit the English caption"
    assert command.label.ar == "تعديل التعليق (الإنجليزية)"
    assert SetValue(ENTITY, ("accent",), "#000000").label.get("ar") == "تغيير اللون"
    assert RemoveItem(ENTITY, ("slides",), 0).label.en == "Delete a slide"
    assert MoveItem(ENTITY, ("demos", 0, "screens"), 0, 1).label.en == "Move a screen"


def test_set_value_keeps_the_comment_after_it(sample: Project) -> None:
    text = round_trip(sample, SetValue(MOI, ("accent",), "#8A1538"))
    del text
    assert 'accent = "#8A1538"              # green' in sample.text(MOI)


def test_set_value_none_removes_an_optional_key(sample: Project) -> None:
    round_trip(sample, SetValue(MOI, ("slides", 2, "duration"), None))
    assert "duration" not in data(sample, MOI)["slides"][2]


def test_set_value_on_a_missing_table_says_where(project: Project) -> None:
    with pytest.raises(KeyError, match="slides"):
        project.history.push(SetValue(ENTITY, ("slides", 9, "duration"), 5))
    assert len(project.history) == 0


def test_hotspot_rect_from_a_drag_in_pixels(sample: Project) -> None:
    hotspot = ("demos", 0, "screens", 1, "hotspots", 0)
    round_trip(sample, SetHotspotRect(MOI, hotspot, (990, 846), (1550, 956), (1920, 1080)))
    rect = data(sample, MOI)["demos"][0]["screens"][1]["hotspots"][0]["rect"]
    assert rect == [0.5156, 0.7833, 0.2917, 0.1019]
    assert '# "Renew"' in sample.text(MOI)


def test_dragging_a_hotspot_is_one_undo_step(sample: Project) -> None:
    hotspot = ("demos", 0, "screens", 1, "hotspots", 0)
    for x in range(100, 140, 10):
        sample.history.push(SetHotspotRect(MOI, hotspot, (x, 100), (x + 50, 150), (1920, 1080)))
    assert len(sample.history) == 1
    assert sample.history.undo_label is not None
    assert sample.history.undo_label.en == "Draw the hotspot"


def test_add_each_kind_of_thing(project: Project) -> None:
    for command in (
        add_slide(project, "example", "text"),
        add_slide(project, "example", "image", index=0, media="slides/picture.png"),
        add_bullet(project, "example", 1),
        add_demo(project, "example"),
        add_screen(project, "example", 0, "image", image="slides/picture.png"),
        add_hotspot(project, "example", 0, 1, rect=[0.1, 0.1, 0.2, 0.2]),
        add_form_item(project, "example", 0, 0, "choice"),
        add_form_item(project, "example", 0, 0, "list"),
    ):
        round_trip(project, command)
    entity = data(project)
    assert [s["id"] for s in entity["slides"]] == ["image", "welcome", "picture", "text"]
    demo = entity["demos"][0]
    assert [s["id"] for s in demo["screens"]] == ["apply", "screen"]
    assert demo["screens"][1]["hotspots"][0]["rect"] == [0.1, 0.1, 0.2, 0.2]
    assert [i["type"] for i in demo["screens"][0]["items"]][-2:] == ["choice", "list"]
    project.save()
    assert {p.code for p in validate(project.root).errors} >= {"empty-text"}
    # what was added is complete but for its texts: once they are written, it validates
    for gap in translation_gaps(project):
        project.history.push(SetText(gap.file, gap.path, gap.lang, "نص / text"))
    assert translation_gaps(project) == []
    # and the new image screen is reached: the form's button leads to it
    project.history.push(
        SetValue(ENTITY, ("demos", 0, "screens", 0, "items", 2, "target"), "screen")
    )
    project.save()
    assert validate(project.root).ok


def test_a_new_demo_is_written_as_tables(project: Project) -> None:
    project.history.push(add_demo(project, "example"))
    text = project.text(ENTITY)
    assert '\n\n[[demos]]\nid = "demo"\n' in text
    assert '\n[[demos.screens]]\nid = "start"\n' in text
    assert '\n[[demos.screens.items]]\ntype = "button"\n' in text


def test_insert_into_tables_keeps_them_apart(sample: Project) -> None:
    sample.history.push(add_hotspot(sample, "moi", 0, 1))
    text = sample.text(MOI)
    tomllib.loads(text)
    assert text.count("[[demos.screens.hotspots]]") == 5
    new = '\n\n[[demos.screens.hotspots]]\nrect = [0.4, 0.4, 0.2, 0.1]\ntarget = "end"\n'
    assert new + 'hint = { ar = "", en = "" }\n\n[[demos.screens]]\nid = "options"' in text


def test_delete_move_duplicate_slides(project: Project) -> None:
    round_trip(project, DuplicateItem(ENTITY, ("slides",), 0))
    assert [s["id"] for s in data(project)["slides"]] == ["welcome", "welcome-2", "picture"]
    round_trip(project, MoveItem(ENTITY, ("slides",), 2, 0))
    assert [s["id"] for s in data(project)["slides"]] == ["picture", "welcome", "welcome-2"]
    round_trip(project, RemoveItem(ENTITY, ("slides",), 1))
    assert [s["id"] for s in data(project)["slides"]] == ["picture", "welcome-2"]
    project.save()
    assert [s.id for s in load(project.root).entities[0].slides] == ["picture", "welcome-2"]


def test_removing_the_last_element_removes_the_list(project: Project) -> None:
    round_trip(project, RemoveItem(ENTITY, ("demos",), 0))
    assert "demos" not in data(project)


def test_move_and_delete_form_items_and_bullets(project: Project) -> None:
    items = ("demos", 0, "screens", 0, "items")
    round_trip(project, MoveItem(ENTITY, items, 0, 2))
    round_trip(project, RemoveItem(ENTITY, ("slides", 0, "bullets"), 0))
    entity = data(project)
    assert entity["slides"][0]["bullets"] == [{"ar": "نقطة ثانية", "en": "A second point"}]
    types = [i["type"] for i in entity["demos"][0]["screens"][0]["items"]]
    assert types == ["field", "button", "header"]


def test_impossible_edits_raise_and_change_nothing(project: Project) -> None:
    before = project.text(ENTITY)
    for command in (
        RemoveItem(ENTITY, ("slides",), 5),
        MoveItem(ENTITY, ("nothing",), 0, 1),
        InsertItem(ENTITY, ("name",), {"x": 1}),
    ):
        with pytest.raises((IndexError, TypeError, KeyError)):
            project.history.push(command)
    assert project.text(ENTITY) == before
    assert len(project.history) == 0


def test_unique_ids() -> None:
    assert unique_id("slide", []) == "slide"
    assert unique_id("slide", ["slide"]) == "slide-2"
    assert unique_id("welcome-2", ["welcome", "welcome-2"]) == "welcome-3"
    assert len(unique_id("x" * 40, ["x" * 40])) <= 40
