"""Editing the schedule in the core (kiosk/authoring/schedule_edit.py): entries and their
outline nodes, the problems on them, the commands and their undo, what shows when."""

from __future__ import annotations

import tomllib
from datetime import datetime

from kiosk.authoring import BUNDLE_FILE, MoveItem, Node, Project, SetValue, node_of
from kiosk.authoring.gaps import problem_counts, translation_gaps
from kiosk.authoring.outline import check_snapshot, outline, snapshot
from kiosk.authoring.schedule_edit import (
    RemoveEntry,
    add_entry,
    parse_clock,
    parse_dates,
    schedule_keys,
    slot_at,
)

DAYPART_1 = Node(BUNDLE_FILE, "schedule.daypart[1]")


def test_schedule_fields_fall_on_their_entry() -> None:
    assert node_of(BUNDLE_FILE, "schedule.daypart[1].entities[0]") == DAYPART_1
    assert node_of(BUNDLE_FILE, "schedule.hours[0]") == Node(BUNDLE_FILE, "schedule.hours[0]")
    assert node_of(BUNDLE_FILE, "schedule.countdown") == Node(BUNDLE_FILE, "schedule")
    assert node_of(BUNDLE_FILE, "theme.primary") == Node(BUNDLE_FILE)
    assert list(DAYPART_1.lineage()) == [
        DAYPART_1,
        Node(BUNDLE_FILE, "schedule"),
        Node(BUNDLE_FILE),
    ]


def test_a_new_entry_makes_the_schedule_and_undo_gives_the_file_back(project: Project) -> None:
    before = project.text(BUNDLE_FILE)
    project.history.push(add_entry(project, "daypart", entities=["example"]))
    project.history.push(add_entry(project, "interrupt"))
    project.history.push(SetValue(BUNDLE_FILE, ("schedule", "countdown"), 20))
    data = tomllib.loads(project.text(BUNDLE_FILE))["schedule"]
    assert data["countdown"] == 20
    assert data["daypart"] == [
        {"id": "daypart", "from": "09:00", "to": "13:00", "entities": ["example"]}
    ]
    assert data["interrupt"][0]["slides"] == ["example/picture"]  # the slide with a picture
    gaps = [(g.field, g.missing) for g in translation_gaps(project)]
    assert ("schedule.interrupt[0].title.ar", False) in gaps  # marked: write it
    assert node_of(BUNDLE_FILE, "schedule.interrupt[0].title") == Node(
        BUNDLE_FILE, "schedule.interrupt[0]"
    )
    titles = [item.title.en for item in outline(project).children[-1].children]
    assert titles == ["Daypart 1: daypart 09:00–13:00", "Interrupt 1: interrupt 10:00–10:30"]
    for _ in range(3):
        project.history.undo()
    assert project.text(BUNDLE_FILE) == before


def test_removing_the_last_entry_removes_the_schedule(project: Project) -> None:
    project.history.push(add_entry(project, "hours"))
    project.history.push(RemoveEntry("hours", 0))
    assert "schedule" not in tomllib.loads(project.text(BUNDLE_FILE))


def test_an_overlap_counts_on_the_second_daypart_and_follows_a_move(project: Project) -> None:
    project.history.push(add_entry(project, "daypart", id="morning"))
    late = add_entry(project, "daypart", None, id="late", **{"from": "12:00"})
    project.history.push(late)
    report = check_snapshot(project.root, snapshot(project))
    counts = problem_counts(report, project.entity_ids)
    assert counts[DAYPART_1].errors == 1
    assert "overlaps daypart 'morning'" in counts[DAYPART_1].problems[0].message
    assert counts[Node(BUNDLE_FILE, "schedule")].errors == 1
    keys = schedule_keys(project)
    project.history.push(MoveItem(BUNDLE_FILE, ("schedule", "daypart"), 1, 0))
    moved = schedule_keys(project)
    assert moved[Node(BUNDLE_FILE, "schedule.daypart[0]")] == keys[DAYPART_1]


def test_what_shows_is_the_core_resolvers_answer(project: Project) -> None:
    assert slot_at(project, datetime(2026, 12, 4, 10)).line("en") == "The full content: example"
    project.history.push(add_entry(project, "hours", to="18:00"))
    project.history.push(add_entry(project, "daypart", id="morning", entities=["example"]))
    project.history.push(add_entry(project, "interrupt", id="opening", dates=["2026-12-04"]))
    assert slot_at(project, datetime(2026, 12, 4, 9)).line("en") == "Daypart 'morning': example"
    assert slot_at(project, datetime(2026, 12, 4, 10, 15)).slot.name == "interrupt:opening"
    assert slot_at(project, datetime(2026, 12, 5, 10, 15)).slot.name == "daypart:morning"
    closed = slot_at(project, datetime(2026, 12, 4, 19))
    assert closed.line("en") == "Closed (opens at 09:00)"
    assert closed.line("ar") == "مغلق (يفتح \u206609:00\u2069)"  # kept left to right


def test_times_and_dates_as_staff_type_them() -> None:
    assert parse_clock("9:05") == "09:05"
    assert parse_clock("24:00") is None
    assert parse_clock("24:00", end=True) == "24:00"
    assert parse_clock("25:00", end=True) is None
    assert parse_clock("9am") is None
    assert parse_dates("2015-11-25, 2015-11-26 2015-11-25") == ["2015-11-25", "2015-11-26"]
    assert parse_dates("") == []
    assert parse_dates("2015-02-30") is None
