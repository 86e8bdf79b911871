"""Kiosk Studio's schedule editor (kiosk/qt/studio/schedule.py), driven as staff would: a
daypart with its hours and one entity, an overlapping second one and the validator's word on
it, undo, and the "what shows at" line."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QDate, QDateTime, QSettings, Qt, QTime
from PySide6.QtWidgets import QDateTimeEdit, QLabel, QLineEdit, QListWidget, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.authoring import BUNDLE_FILE, Node, SetValue
from kiosk.authoring.schedule_edit import slot_at
from kiosk.bundle.validate import load, validate
from kiosk.qt.studio.window import StudioWindow
from tests.gui.studio_kit import checked, type_in
from tests.gui.test_studio import Answers

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

SCHEDULE = Node(BUNDLE_FILE, "schedule")
FIRST = Node(BUNDLE_FILE, "schedule.daypart[0]")
SECOND = Node(BUNDLE_FILE, "schedule.daypart[1]")
W = TypeVar("W", bound=QWidget)


@pytest.fixture
def studio(qtbot: QtBot, tmp_path: Path) -> Iterator[StudioWindow]:
    """The Studio on a new bundle (the scaffold: one entity ``example`` with two slides)."""
    settings = QSettings(str(tmp_path / "studio.ini"), QSettings.Format.IniFormat)
    window = StudioWindow(settings, "en", Answers(), check_delay_ms=20, preview=False)
    qtbot.addWidget(window)
    window.show()
    assert window.create_bundle(tmp_path / "pavilion")
    yield window
    window.close()


def widget(studio: StudioWindow, cls: type[W], name: str) -> W:
    found = [w for w in studio.editor.findChildren(cls, name) if w.isVisibleTo(studio.editor)]
    assert len(found) == 1, f"no {name} in the editor"
    return found[0]


def retype(studio: StudioWindow, name: str, text: str) -> None:
    edit = widget(studio, QLineEdit, name)
    edit.selectAll()
    type_in(edit, text)


def tick(studio: StudioWindow, key: str, value: str) -> None:
    listing = widget(studio, QListWidget, f"scheduleCheck:{key}")
    for row in range(listing.count()):
        item = listing.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == value:
            item.setCheckState(Qt.CheckState.Checked)
            return
    raise AssertionError(f"{value} is not offered in {key}")


def add_daypart(studio: StudioWindow) -> None:
    studio.select_node(SCHEDULE)
    widget(studio, QPushButton, "schedule:add:daypart").click()


def at(studio: StudioWindow, hh: int, mm: int = 0) -> str:
    edit = widget(studio, QDateTimeEdit, "scheduleWhen")
    edit.setDateTime(QDateTime(QDate(2026, 12, 4), QTime(hh, mm)))
    return widget(studio, QLabel, "scheduleNow").text()


def test_a_daypart_with_hours_and_one_entity_is_saved_and_valid(
    qtbot: QtBot, studio: StudioWindow
) -> None:
    assert studio.outline_text(SCHEDULE)[0] == "Schedule"
    add_daypart(studio)
    assert studio.selected() == FIRST
    retype(studio, "schedule:id", "morning")
    retype(studio, "schedule:from", "8:0")
    note = widget(studio, QLabel, "scheduleNote:from").text()
    assert "24-hour clock" in note and "bundle.toml, schedule.daypart[0].from" in note
    type_in(widget(studio, QLineEdit, "schedule:from"), "0")  # 8:00
    assert studio.panel.findChild(QLabel, "scheduleNote:from").isHidden()
    retype(studio, "schedule:to", "24:00")
    tick(studio, "entities", "example")
    assert studio.outline_text(FIRST)[0] == "Daypart 1: morning 08:00–24:00"
    assert studio.save()

    text = (studio.project.root / BUNDLE_FILE).read_text("utf-8")  # type: ignore[union-attr]
    assert '[[schedule.daypart]]\nid = "morning"\nfrom = "08:00"\nto = "24:00"\n' in text
    assert 'entities = ["example"]' in text
    report = validate(studio.project.root)  # type: ignore[union-attr]
    assert report.ok, report.problems

    bundle = load(studio.project.root)  # type: ignore[union-attr]
    assert bundle.schedule is not None
    assert bundle.schedule.slot_at(datetime(2026, 12, 4, 9)).name == "daypart:morning"

    # a time that cannot be, written in the file: double-clicking its problem shows its field
    studio.project.history.push(  # type: ignore[union-attr]
        SetValue(BUNDLE_FILE, ("schedule", "daypart", 0, "to"), "25:00")
    )
    checked(qtbot, studio)
    studio.select_node(Node(BUNDLE_FILE))
    assert studio.report is not None
    problem = next(p for p in studio.report.problems if p.code == "impossible-time")
    assert problem.field == "schedule.daypart[0].to"
    studio.show_problem(problem)
    assert studio.selected() == FIRST
    assert studio.current_field is widget(studio, QLineEdit, "schedule:to")
    assert widget(studio, QLineEdit, "schedule:to").text() == "25:00"


def test_an_overlapping_daypart_is_marked_and_undo_removes_it(
    qtbot: QtBot, studio: StudioWindow
) -> None:
    add_daypart(studio)
    add_daypart(studio)  # the same 09:00-13:00 as the first
    assert studio.selected() == SECOND
    checked(qtbot, studio)
    assert "✖ 1" in studio.outline_text(SECOND)[1]
    assert "✖" not in studio.outline_text(FIRST)[1]
    assert "✖ 1" in studio.outline_text(SCHEDULE)[1]
    shown = widget(studio, QLabel, "scheduleProblems").text()
    assert "overlaps daypart &#x27;daypart&#x27;" in shown or "overlaps daypart 'daypart'" in shown

    # double-click the problem: its entry is selected
    studio.select_node(Node(BUNDLE_FILE))
    rows = [
        studio.problem_list.topLevelItem(i) for i in range(studio.problem_list.topLevelItemCount())
    ]
    row = next(r for r in rows if r is not None and "overlaps" in r.text(3))
    assert row.text(2) == "schedule.daypart[1]"
    studio.problem_list.itemDoubleClicked.emit(row, 0)
    assert studio.selected() == SECOND

    studio.undo()
    assert SECOND not in studio._items
    assert studio.selected() == SCHEDULE
    checked(qtbot, studio)
    assert studio.report is not None and not studio.report.problems
    studio.undo()
    assert "[schedule]" not in studio.project.text(BUNDLE_FILE)  # type: ignore[union-attr]


def test_what_shows_at_follows_the_resolver(qtbot: QtBot, studio: StudioWindow) -> None:
    studio.select_node(SCHEDULE)
    assert at(studio, 10) == "→ The full content: example"
    widget(studio, QPushButton, "schedule:add:hours").click()  # 09:00-21:00
    add_daypart(studio)  # 09:00-13:00
    tick(studio, "entities", "example")
    assert at(studio, 10) == "→ Daypart 'daypart': example"
    assert at(studio, 14) == "→ The full content: example"
    assert at(studio, 22) == "→ Closed (opens at 09:00)"
    for hh in (8, 10, 14, 22):
        when = datetime(2026, 12, 4, hh)
        assert at(studio, hh) == "→ " + slot_at(studio.project, when).line("en")  # type: ignore[arg-type]
    studio.set_language("ar")
    assert at(studio, 22) == "← مغلق (يفتح \u206609:00\u2069)"
