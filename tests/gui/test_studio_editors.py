"""Kiosk Studio's value editors and outline actions, driven as staff would
(kiosk/qt/studio/fields.py, kiosk/qt/studio/outline_edit.py): a colour and its contrast, a
number out of range, adding, duplicating and deleting slides, and the Home order by drag."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kiosk.authoring import BUNDLE_FILE, Node, SetValue, entity_file
from kiosk.qt.studio.outline_edit import OutlineTree, item_node
from kiosk.qt.studio.window import StudioWindow
from tests.gui.studio_kit import checked, type_in
from tests.gui.test_studio import Answers

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
"""The offscreen platform cannot pass a window's size limits on (a QMainWindow with a dock)."""

EXAMPLE = entity_file("example")
SCHEDULE_NODE = Node(BUNDLE_FILE, "schedule")
W = TypeVar("W", bound=QWidget)


class MoreAnswers(Answers):
    """Answers to the editors' questions too: a colour, a file, "delete the entity?"."""

    def __init__(self) -> None:
        super().__init__()
        self.colour: str | None = None
        self.confirm_answer = False

    def confirm(self, parent: object, title: str, text: str) -> bool:
        self.asked.append(f"confirm: {text}")
        return self.confirm_answer

    def choose_colour(self, parent: object, current: str, title: str) -> str | None:
        self.asked.append(f"colour: {current}")
        return self.colour


@pytest.fixture
def answers() -> MoreAnswers:
    return MoreAnswers()


@pytest.fixture
def studio(qtbot: QtBot, tmp_path: Path, answers: MoreAnswers) -> Iterator[StudioWindow]:
    """The Studio on a new bundle (the scaffold: one entity ``example`` with two slides)."""
    settings = QSettings(str(tmp_path / "studio.ini"), QSettings.Format.IniFormat)
    window = StudioWindow(settings, "en", answers, check_delay_ms=20)
    qtbot.addWidget(window)
    window.show()
    assert window.create_bundle(tmp_path / "pavilion")
    yield window
    window.close()


def widget(studio: StudioWindow, cls: type[W], name: str) -> W:
    """The editor's widget ``name`` (of the node shown: one being replaced is hidden)."""
    found = [w for w in studio.editor.findChildren(cls, name) if w.isVisibleTo(studio.editor)]
    assert len(found) == 1, f"no {name} in the editor"
    return found[0]


def note(studio: StudioWindow, where: str) -> str:
    label = widget(studio, QWidget, f"row:{where}").findChild(QLabel, f"note:{where}")
    assert label is not None
    return str(label.text()) if label.isVisibleTo(studio.editor) else ""


def text_of(studio: StudioWindow, file: str) -> str:
    assert studio.project is not None
    return studio.project.text(file)


def test_a_colour_typed_or_chosen_shows_its_contrast_and_is_one_undo_step(
    qtbot: QtBot, studio: StudioWindow, answers: MoreAnswers, tmp_path: Path
) -> None:
    studio._select(Node(EXAMPLE))
    assert note(studio, "accent") == (
        "Contrast with the white text on it (#FFFFFF): 6.05:1 (at least 4.5:1)."
    )
    hex_field = widget(studio, QLineEdit, "value:accent")
    hex_field.selectAll()
    type_in(hex_field, "#F0E68C")  # khaki: white text on it cannot be read
    assert 'accent = "#F0E68C"' in text_of(studio, EXAMPLE)
    shown = note(studio, "accent")
    assert "1.28:1, under 4.5:1" in shown and "Fix:" in shown
    assert "#F0E68C" in widget(studio, QToolButton, "swatch:accent").styleSheet()

    answers.colour = "#0b3d91"
    widget(studio, QPushButton, "choose:accent").click()
    assert answers.asked[-1] == "colour: #F0E68C"
    assert 'accent = "#0B3D91"' in text_of(studio, EXAMPLE)
    assert "under" not in note(studio, "accent")
    assert hex_field.text() == "#0B3D91"

    studio.save_action.trigger()
    assert 'accent = "#0B3D91"' in (tmp_path / "pavilion" / EXAMPLE).read_text("utf-8")
    # the edits of one field are one step
    assert studio.undo_action.text() == "Undo: Change the colour"
    studio.undo_action.trigger()
    assert 'accent = "#0D6E6E"' in text_of(studio, EXAMPLE)
    assert hex_field.text() == "#0D6E6E"
    assert "6.05:1" in note(studio, "accent")


def test_a_number_out_of_range_shows_the_validators_message(
    qtbot: QtBot, studio: StudioWindow
) -> None:
    slide = Node(EXAMPLE, "slides[0]")
    studio._select(slide)
    spin = widget(studio, QSpinBox, "value:slides[0].duration")
    assert (spin.minimum(), spin.maximum(), spin.value()) == (2, 600, 8)
    assert note(studio, "slides[0].duration") == ""
    assert studio.project is not None
    # written by hand in a text editor (or an older bundle): out of range
    studio.project.history.push(SetValue(EXAMPLE, ("slides", 0, "duration"), 1000))
    checked(qtbot, studio)
    assert studio.report is not None
    problem = next(p for p in studio.report.problems if p.field == "slides[0].duration")
    shown = note(studio, "slides[0].duration")
    assert shown == str(problem)
    assert "1000 is out of range" in shown and "use a number from 2 to 600" in shown
    assert spin.value() == 1000  # shown as written, not clamped
    spin.setValue(30)
    assert note(studio, "slides[0].duration") == ""
    assert "duration = 30" in text_of(studio, EXAMPLE)


def slides(studio: StudioWindow) -> list[str]:
    assert studio.project is not None
    return [str(s["id"]) for s in studio.project.docs[EXAMPLE]["slides"]]


def test_add_duplicate_and_delete_slides_through_the_outline(
    qtbot: QtBot, studio: StudioWindow
) -> None:
    entity = Node(EXAMPLE)
    studio._select(entity)
    menu = studio.outline_edit.menu(entity)  # the outline's context menu
    assert menu is not None
    add = next(m for a in menu.actions() if isinstance(m := a.menu(), QMenu))
    labels = [a.text() for a in add.actions()]
    assert labels == ["A text slide", "A picture slide", "A video slide", "A demo"]
    add.actions()[1].trigger()
    assert slides(studio) == ["welcome", "picture", "image"]
    assert studio.selected() == Node(EXAMPLE, "slides[2]")
    assert studio.outline_text(studio.selected())[0] == "Slide 3: image"  # type: ignore[arg-type]
    assert widget(studio, QLineEdit, "value:slides[2].image").text() == ""
    kind = widget(studio, QComboBox, "value:slides[2].kind")
    kind.textActivated.emit("video")  # staff pick "video": its video and poster fields come
    assert 'kind = "video"' in text_of(studio, EXAMPLE)
    qtbot.waitUntil(  # the editor is rebuilt once the edit is over
        lambda: bool(studio.editor.findChildren(QLineEdit, "value:slides[2].video"))
    )
    assert widget(studio, QLineEdit, "value:slides[2].video").text() == ""
    with pytest.raises(AssertionError):
        widget(studio, QLineEdit, "value:slides[2].image")
    studio.undo_action.trigger()
    assert 'kind = "image"' in text_of(studio, EXAMPLE)

    outline = studio.outline_edit
    assert outline.duplicate_action.shortcut().toString() == "Ctrl+D"
    studio._select(Node(EXAMPLE, "slides[0]"))
    outline.duplicate_action.trigger()
    assert slides(studio) == ["welcome", "welcome-2", "picture", "image"]
    assert studio.selected() == Node(EXAMPLE, "slides[1]")
    assert outline.delete_action.shortcut().toString() == "Del"
    outline.delete_action.trigger()
    assert slides(studio) == ["welcome", "picture", "image"]
    assert studio.selected() == Node(EXAMPLE, "slides[1]")  # the next one
    studio.undo_action.trigger()
    assert slides(studio) == ["welcome", "welcome-2", "picture", "image"]

    # an entity is deleted only when staff confirm it
    studio._select(entity)
    outline.delete_action.trigger()
    assert studio.project is not None and studio.project.entity_ids == ["example"]
    assert "A government entity" in studio.prompts.asked[-1]  # type: ignore[attr-defined]
    studio.prompts.confirm_answer = True  # type: ignore[attr-defined]
    outline.delete_action.trigger()
    assert studio.project.entity_ids == []
    assert studio.selected() == Node(BUNDLE_FILE)
    studio.undo_action.trigger()
    assert studio.project.entity_ids == ["example"]


def home_order(tree: OutlineTree) -> list[str]:
    """The entities as the outline lists them (the Schedule node follows them)."""
    top = tree.topLevelItem(0)
    assert top is not None
    children = [top.child(i) for i in range(top.childCount())]
    return [c.text(0) for c in children if c is not None and item_node(c) != SCHEDULE_NODE]


def test_dragging_an_entity_changes_the_home_order_and_undo_restores_it(
    qtbot: QtBot, studio: StudioWindow, tmp_path: Path
) -> None:
    studio.add_entity_action.trigger()  # a second entity, "entity", with empty texts
    checked(qtbot, studio)
    new, example = Node(entity_file("entity")), Node(EXAMPLE)
    marks = studio.outline_text(new)[1]
    assert "✖" in marks
    tree = studio.tree
    assert isinstance(tree, OutlineTree)
    assert home_order(tree) == ["A government entity", "entity"]

    # what a drop calls: "entity" above "example"; a slide onto another entity is refused
    assert not tree.mover(Node(EXAMPLE, "slides[0]"), new, "on", False)  # type: ignore[misc]
    assert not tree.mover(Node(EXAMPLE, "slides[0]"), new, "above", True)  # type: ignore[misc]
    assert tree.mover(new, example, "above", True)  # type: ignore[misc]
    assert 'entities = ["entity", "example"]' in text_of(studio, BUNDLE_FILE)
    assert home_order(tree) == ["entity", "A government entity"]
    assert studio.outline_text(new)[1] == marks  # its problems moved with it, before any check
    studio.save_action.trigger()
    on_disk = (tmp_path / "pavilion" / BUNDLE_FILE).read_text("utf-8")
    assert 'entities = ["entity", "example"]' in on_disk
    studio.undo_action.trigger()
    assert 'entities = ["example", "entity"]' in text_of(studio, BUNDLE_FILE)

    # a slide with a problem moved below the next one keeps its mark there
    studio._select(Node(EXAMPLE, "slides[0]"))
    title = widget(studio, QLineEdit, "text:slides[0].title:en")
    title.selectAll()
    QTest.keyClick(title, Qt.Key.Key_Backspace)
    assert title.text() == ""
    checked(qtbot, studio)
    assert "✖" in studio.outline_text(Node(EXAMPLE, "slides[0]"))[1]
    assert "✖" not in studio.outline_text(Node(EXAMPLE, "slides[1]"))[1]
    studio.outline_edit.down_action.trigger()
    assert slides(studio) == ["picture", "welcome"]
    assert studio.selected() == Node(EXAMPLE, "slides[1]")
    assert "✖" in studio.outline_text(Node(EXAMPLE, "slides[1]"))[1]
    assert "✖" not in studio.outline_text(Node(EXAMPLE, "slides[0]"))[1]
