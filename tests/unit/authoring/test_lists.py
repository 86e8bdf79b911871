"""A thing's short lists and the validator's limits on them (kiosk/authoring/lists.py)."""

from __future__ import annotations

import tomllib

from kiosk.authoring import Project, SetValue, add_form_item, entity_file
from kiosk.authoring.lists import (
    add_entry,
    entries,
    list_key,
    move_entry,
    removal_refused,
    remove_entry,
    room_left,
)
from kiosk.bundle.limits import LIST_CAPS

FILE = entity_file("example")
BULLETS = ("slides", 0, "bullets")


def test_which_list_a_thing_has(project: Project) -> None:
    doc = project.document(FILE)
    assert list_key(doc["slides"][0]) == "bullets"
    assert list_key(doc["slides"][1]) is None  # an image slide
    assert list_key({"type": "choice"}) == "options"
    assert list_key({"type": "list"}) == "rows"
    assert list_key({"type": "field"}) is None


def test_add_move_and_remove_a_bullet_each_one_undo_step(project: Project) -> None:
    before = project.text(FILE)
    project.history.push(add_entry(project, FILE, BULLETS))
    assert entries(project, FILE, BULLETS)[2] == {"ar": "", "en": ""}
    project.history.push(move_entry(FILE, BULLETS, 2, -1))
    assert [b["en"] for b in entries(project, FILE, BULLETS)] == [
        "A first point",
        "",
        "A second point",
    ]
    project.history.push(remove_entry(FILE, BULLETS, 0))
    assert len(entries(project, FILE, BULLETS)) == 2
    for _ in range(3):
        project.history.undo()
    assert project.text(FILE) == before


def test_the_fewest_a_choice_a_list_and_a_bodyless_slide_keep(project: Project) -> None:
    project.history.push(add_form_item(project, "example", 0, 0, "choice"))
    project.history.push(add_form_item(project, "example", 0, 0, "list"))
    options = ("demos", 0, "screens", 0, "items", 3, "options")
    rows = ("demos", 0, "screens", 0, "items", 4, "rows")
    refused = removal_refused(project, FILE, options)
    assert refused is not None and refused.field == "demos[0].screens[0].items[3].options"
    assert refused.message == "a choice needs at least two options"
    project.history.push(add_entry(project, FILE, options))
    assert removal_refused(project, FILE, options) is None
    refused = removal_refused(project, FILE, rows)
    assert refused is not None and refused.message == "the list has no rows"
    project.history.push(add_entry(project, FILE, rows))
    row = tomllib.loads(project.encoded(FILE).decode())["demos"][0]["screens"][0]["items"][4]
    assert row["rows"][1] == {"label": {"ar": "", "en": ""}, "value": {"ar": "", "en": ""}}
    assert removal_refused(project, FILE, rows) is None

    assert removal_refused(project, FILE, BULLETS) is None  # the slide has a body
    project.history.push(remove_entry(FILE, BULLETS, 0))
    assert removal_refused(project, FILE, BULLETS) is None
    project.history.push(SetValue(FILE, ("slides", 0, "body"), None))
    refused = removal_refused(project, FILE, BULLETS)
    assert refused is not None and refused.field == "slides[0]"


def test_no_room_at_the_validators_cap(project: Project) -> None:
    assert room_left(project, FILE, BULLETS) == LIST_CAPS["bullets"].most - 2
    many = [{"ar": "نقطة", "en": "A point"}] * LIST_CAPS["bullets"].most
    project.history.push(SetValue(FILE, ("slides", 0, "body"), None))
    project.history.push(SetValue(FILE, BULLETS, many))
    assert room_left(project, FILE, BULLETS) == 0
