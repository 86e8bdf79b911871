"""A text slide's bullets, a choice's options and a list's rows, edited one by one in Kiosk
Studio (kiosk/qt/studio/lists.py), as staff would: add, type, move, undo, remove, and the
validator's limits."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kiosk.authoring import Node, SetValue, entity_file
from kiosk.authoring.outline import check_snapshot, snapshot
from kiosk.qt.studio.forms import FormPanel
from kiosk.qt.studio.lists import BulletsPanel
from kiosk.qt.studio.window import StudioWindow
from tests.gui.studio_kit import type_in
from tests.gui.test_studio import Answers

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
"""The offscreen platform cannot pass a window's size limits on (a QMainWindow with a dock)."""

FILE = entity_file("example")
FORM = "demos[0].screens[0]"


@pytest.fixture
def studio(qtbot: QtBot, tmp_path: Path) -> Iterator[StudioWindow]:
    """The Studio on the scaffold: a text slide with two bullets, a form screen of three items."""
    settings = QSettings(str(tmp_path / "studio.ini"), QSettings.Format.IniFormat)
    window = StudioWindow(settings, "en", Answers(), check_delay_ms=60_000, preview=False)
    qtbot.addWidget(window)
    window.show()
    assert window.create_bundle(tmp_path / "pavilion")
    yield window
    window.close()


def manifest(window: StudioWindow) -> dict[str, Any]:
    assert window.project is not None
    return tomllib.loads(window.project.encoded(FILE).decode())


def shown(window: StudioWindow, name: str) -> QWidget:
    """The editor's visible widget ``name`` (one being replaced is hidden)."""
    found = [w for w in window.editor.findChildren(QWidget, name) if w.isVisibleTo(window.editor)]
    assert len(found) == 1, f"{len(found)} {name} in the editor"
    return found[0]


def text(window: StudioWindow, where: str, lang: str) -> str:
    """What the editor's field for one language of a text shows."""
    field = window.field(where, lang)
    return field.text() if isinstance(field, QLineEdit) else field.toPlainText()


def click(window: StudioWindow, name: str) -> None:
    button = shown(window, name)
    assert isinstance(button, QAbstractButton) and button.isEnabled(), name
    button.click()


def refused(window: StudioWindow, where: str) -> str:
    """The refusal shown under the list at ``where``: "Not removed", and the validator's
    problem."""
    box = shown(window, f"refused:{where}")
    labels = [w.text() for w in box.findChildren(QLabel)]
    assert labels[0] == "Not removed"
    return str(labels[1])


def entries(window: StudioWindow, where: str) -> int:
    return sum(
        1
        for w in window.editor.findChildren(QWidget)
        if w.objectName().startswith(f"entry:{where}[") and w.isVisibleTo(window.editor)
    )


def problems_at(window: StudioWindow, prefix: str) -> list[str]:
    """What the validator says about the unsaved state, at ``prefix`` and below."""
    assert window.project is not None
    report = check_snapshot(window.project.root, snapshot(window.project))
    return [str(p) for p in report.problems if p.file == FILE and p.field.startswith(prefix)]


def test_add_type_move_undo_and_remove_a_bullet(qtbot: QtBot, studio: StudioWindow) -> None:
    assert studio.project is not None
    studio.select_node(Node(FILE, "slides[0]"))
    assert isinstance(studio.panel, BulletsPanel)
    assert entries(studio, "slides[0].bullets") == 2
    assert text(studio, "slides[0].title", "en") == "Welcome"  # its other texts too

    click(studio, "add:slides[0].bullets")
    assert manifest(studio)["slides"][0]["bullets"][2] == {"ar": "", "en": ""}
    assert entries(studio, "slides[0].bullets") == 3
    assert studio.undo_action.text() == "Undo: Add a bullet"
    assert studio.gap_shown("slides[0].bullets[2]", "ar")
    assert studio.gap_shown("slides[0].bullets[2]", "en")
    type_in(studio.field("slides[0].bullets[2]", "ar"), "نقطة ثالثة")
    type_in(studio.field("slides[0].bullets[2]", "en"), "A third point")
    assert not studio.gap_shown("slides[0].bullets[2]", "ar")
    assert not studio.gap_shown("slides[0].bullets[2]", "en")
    assert not shown(studio, "down:slides[0].bullets[2]").isEnabled()  # the last goes no lower

    click(studio, "up:slides[0].bullets[2]")
    bullets = manifest(studio)["slides"][0]["bullets"]
    assert [b["en"] for b in bullets] == ["A first point", "A third point", "A second point"]
    assert text(studio, "slides[0].bullets[1]", "en") == "A third point"
    assert text(studio, "slides[0].bullets[1]", "ar") == "نقطة ثالثة"
    assert studio.undo_action.text() == "Undo: Move a bullet"

    studio.undo_action.trigger()
    bullets = manifest(studio)["slides"][0]["bullets"]
    assert [b["en"] for b in bullets] == ["A first point", "A second point", "A third point"]
    assert text(studio, "slides[0].bullets[1]", "en") == "A second point"
    assert text(studio, "slides[0].bullets[2]", "en") == "A third point"
    assert problems_at(studio, "slides[0]") == []  # the validator takes the new bullet

    click(studio, "remove:slides[0].bullets[0]")
    bullets = manifest(studio)["slides"][0]["bullets"]
    assert [b["en"] for b in bullets] == ["A second point", "A third point"]
    assert entries(studio, "slides[0].bullets") == 2
    assert text(studio, "slides[0].bullets[0]", "en") == "A second point"
    studio.undo_action.trigger()  # the removed bullet is back, its fields with it
    assert entries(studio, "slides[0].bullets") == 3
    assert text(studio, "slides[0].bullets[0]", "en") == "A first point"
    studio.redo_action.trigger()
    assert entries(studio, "slides[0].bullets") == 2


def test_the_last_bullet_of_a_slide_without_a_body_stays(
    qtbot: QtBot, studio: StudioWindow
) -> None:
    assert studio.project is not None
    studio.select_node(Node(FILE, "slides[0]"))
    studio.project.history.push(SetValue(FILE, ("slides", 0, "body"), None))
    click(studio, "remove:slides[0].bullets[1]")
    click(studio, "remove:slides[0].bullets[0]")
    assert len(manifest(studio)["slides"][0]["bullets"]) == 1
    assert refused(studio, "slides[0].bullets") == (
        "entities/example/entity.toml: slides[0]: a text slide needs a body or "
        "bullets. Fix: add body = { ... } or a bullets list"
    )
    assert problems_at(studio, "slides[0]") == []


def add_item(studio: StudioWindow, kind: str) -> str:
    """Add a form item of ``kind`` at the end of the form screen; its path."""
    studio.select_node(Node(FILE, FORM))
    assert isinstance(studio.panel, FormPanel)
    studio.panel.add_actions[kind].trigger()
    assert isinstance(studio.panel, FormPanel)  # rebuilt, the new item selected
    return f"{FORM}.items[3]"


def test_add_an_option_to_a_choice_and_keep_two(qtbot: QtBot, studio: StudioWindow) -> None:
    assert studio.project is not None
    item = add_item(studio, "choice")
    options = f"{item}.options"
    assert entries(studio, options) == 2
    click(studio, f"remove:{options}[0]")  # a choice keeps two: refused, with the validator's words
    assert len(manifest(studio)["demos"][0]["screens"][0]["items"][3]["options"]) == 2
    assert refused(studio, options) == (
        f"entities/example/entity.toml: {options}: a choice needs at least two "
        "options. Fix: add options the visitor can pick from"
    )
    refusal = shown(studio, f"refused:{options}")

    click(studio, f"add:{options}")
    assert not refusal.isVisibleTo(studio.editor)  # gone with the next change
    assert entries(studio, options) == 3
    assert studio.undo_action.text() == "Undo: Add an option"
    type_in(studio.field(f"{item}.label", "ar"), "نوع الطلب")
    type_in(studio.field(f"{item}.label", "en"), "Kind of request")
    for i, (ar, en) in enumerate([("جديد", "New"), ("تجديد", "Renewal"), ("بدل فاقد", "Lost")]):
        type_in(studio.field(f"{options}[{i}]", "ar"), ar)
        type_in(studio.field(f"{options}[{i}]", "en"), en)
    choice = manifest(studio)["demos"][0]["screens"][0]["items"][3]
    assert [o["en"] for o in choice["options"]] == ["New", "Renewal", "Lost"]
    assert problems_at(studio, item) == []
    click(studio, f"remove:{options}[1]")  # three: one may go
    assert [o["en"] for o in manifest(studio)["demos"][0]["screens"][0]["items"][3]["options"]] == [
        "New",
        "Lost",
    ]
    studio.undo_action.trigger()
    assert entries(studio, options) == 3
    assert text(studio, f"{options}[1]", "en") == "Renewal"

    # at the most the validator takes, Add is disabled and says why
    many = [{"ar": f"خيار {n}", "en": f"Option {n}"} for n in range(50)]
    studio.project.history.push(
        SetValue(FILE, ("demos", 0, "screens", 0, "items", 3, "options"), many)
    )
    add = shown(studio, f"add:{options}")
    assert entries(studio, options) == 50
    assert not add.isEnabled()
    assert add.toolTip() == (
        f"The kiosk takes at most 50 in {options}: remove one before adding another."
    )
    studio.undo_action.trigger()
    assert shown(studio, f"add:{options}").isEnabled()
    assert entries(studio, options) == 3


def test_add_a_row_to_a_list(qtbot: QtBot, studio: StudioWindow) -> None:
    item = add_item(studio, "list")
    rows = f"{item}.rows"
    assert entries(studio, rows) == 1
    click(studio, f"remove:{rows}[0]")
    assert "the list has no rows. Fix: add rows with label and value" in refused(studio, rows)

    click(studio, f"add:{rows}")
    assert entries(studio, rows) == 2
    assert studio.undo_action.text() == "Undo: Add a row"
    assert studio.gap_shown(f"{rows}[1].label", "ar") and studio.gap_shown(f"{rows}[1].value", "en")
    type_in(studio.field(f"{item}.label", "ar"), "الرسوم")
    type_in(studio.field(f"{item}.label", "en"), "Fees")
    texts = [
        ("الطلب", "Application", "١٠ ريال", "QAR 10"),
        ("التوصيل", "Delivery", "مجانًا", "Free"),
    ]
    for i, (label_ar, label_en, value_ar, value_en) in enumerate(texts):
        type_in(studio.field(f"{rows}[{i}].label", "ar"), label_ar)
        type_in(studio.field(f"{rows}[{i}].label", "en"), label_en)
        type_in(studio.field(f"{rows}[{i}].value", "ar"), value_ar)
        type_in(studio.field(f"{rows}[{i}].value", "en"), value_en)
    click(studio, f"up:{rows}[1]")
    listed = manifest(studio)["demos"][0]["screens"][0]["items"][3]["rows"]
    assert [(r["label"]["en"], r["value"]["en"]) for r in listed] == [
        ("Delivery", "Free"),
        ("Application", "QAR 10"),
    ]
    assert text(studio, f"{rows}[0].value", "ar") == "مجانًا"
    assert problems_at(studio, item) == []
