"""Kiosk Studio driven as staff would: new bundle, an entity named in both languages, undo,
save, and the problems panel (kiosk/qt/studio)."""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QTreeWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from kiosk.authoring import BUNDLE_FILE, Node, entity_file
from kiosk.authoring.outline import check_snapshot
from kiosk.bundle.validate import load
from kiosk.paths import SAMPLE_BUNDLE
from kiosk.qt.studio.window import Prompts, StudioWindow
from tests.gui.studio_kit import checked, type_in

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
"""The offscreen platform cannot pass a window's size limits on (a QMainWindow with a dock)."""


class Answers(Prompts):
    """Staff's answers to the window's questions, given in advance; warnings are kept."""

    def __init__(self) -> None:
        self.restore_answer = True
        self.unsaved_answer = "discard"
        self.folder: Path | None = None
        self.warnings: list[str] = []
        self.asked: list[str] = []

    def restore(self, parent: object, lang: str) -> bool:
        self.asked.append("restore")
        return self.restore_answer

    def unsaved(self, parent: object, lang: str) -> str:
        self.asked.append("unsaved")
        return self.unsaved_answer

    def warn(self, parent: object, title: str, text: str) -> None:
        self.warnings.append(f"{title}: {text}")

    def choose_dir(self, parent: object, title: str) -> Path | None:
        return self.folder


@pytest.fixture
def answers() -> Answers:
    return Answers()


@pytest.fixture
def studio(qtbot: QtBot, tmp_path: Path, answers: Answers) -> Iterator[StudioWindow]:
    settings = QSettings(str(tmp_path / "studio.ini"), QSettings.Format.IniFormat)
    window = StudioWindow(settings, "en", answers, check_delay_ms=50, preview=False)
    qtbot.addWidget(window)
    window.show()
    yield window
    answers.unsaved_answer = "discard"
    window.close()


def rows(studio: StudioWindow) -> list[QTreeWidgetItem]:
    """The problems panel's rows."""
    found = [
        studio.problem_list.topLevelItem(i) for i in range(studio.problem_list.topLevelItemCount())
    ]
    return [r for r in found if r is not None]


def new_bundle(qtbot: QtBot, studio: StudioWindow, answers: Answers, tmp_path: Path) -> Path:
    answers.folder = tmp_path / "pavilion"
    QTest.mouseClick(studio.new_button, Qt.MouseButton.LeftButton)
    assert studio.project is not None
    return answers.folder


def test_new_bundle_entity_named_in_both_languages_undo_and_save(
    qtbot: QtBot, studio: StudioWindow, answers: Answers, tmp_path: Path
) -> None:
    assert studio.stack.currentWidget() is studio.start
    assert not studio.problems_dock.isVisible()
    folder = new_bundle(qtbot, studio, answers, tmp_path)
    assert (folder / BUNDLE_FILE).is_file()
    assert studio.stack.currentWidget() is studio.splitter
    assert not studio.isWindowModified()

    studio.add_entity_action.trigger()
    node = Node(entity_file("entity"))
    assert studio.selected() == node
    assert studio.isWindowModified()
    marks = studio.outline_text(node)[1]
    assert "translation missing" in marks
    assert studio.gap_shown("name", "ar") and studio.gap_shown("name", "en")

    arabic = studio.field("name", "ar")
    assert arabic.layoutDirection() == Qt.LayoutDirection.RightToLeft
    type_in(arabic, "وزارة الثقافة")
    assert not studio.gap_shown("name", "ar")
    assert studio.gap_shown("name", "en")
    type_in(studio.field("name", "en"), "Ministry of Culture")
    assert not studio.gap_shown("name", "en")
    assert studio.outline_text(node)[0] == "Ministry of Culture"
    # the description is still empty: the entity keeps its mark, now without the name
    type_in(studio.field("description", "ar"), "وصف")
    type_in(studio.field("description", "en"), "About")
    assert "translation missing" not in studio.outline_text(node)[1]

    # typing in one field is one step: one undo empties the English description
    assert studio.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert studio.redo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Redo)
    assert studio.undo_action.text() == "Undo: Edit the English description"
    studio.undo_action.trigger()
    assert studio.field("description", "en").toPlainText() == ""  # type: ignore[union-attr]
    assert studio.gap_shown("description", "en")
    studio.undo_action.trigger()
    studio.undo_action.trigger()
    assert studio.field("name", "en").text() == ""  # type: ignore[union-attr]
    studio.redo_action.trigger()
    assert studio.field("name", "en").text() == "Ministry of Culture"  # type: ignore[union-attr]
    studio.redo_action.trigger()
    studio.redo_action.trigger()
    assert studio.field("description", "en").toPlainText() == "About"  # type: ignore[union-attr]
    assert studio.field("name", "ar").text() == "وزارة الثقافة"  # type: ignore[union-attr]
    # Ctrl+Z in a field goes to the Studio's history, not to the field's own undo
    override = QKeyEvent(
        QEvent.Type.ShortcutOverride, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
    )
    QApplication.sendEvent(studio.field("name", "en"), override)
    assert not override.isAccepted()

    # the new entity's first slide: its title and body in both languages
    slide = Node(entity_file("entity"), "slides[0]")
    studio.tree.setCurrentItem(studio._items[slide])
    assert studio.selected() == slide
    for key, ar, en in (("title", "مرحبًا", "Welcome"), ("body", "نص", "Text")):
        type_in(studio.field(f"slides[0].{key}", "ar"), ar)
        type_in(studio.field(f"slides[0].{key}", "en"), en)
    assert studio.outline_text(node)[1] == ""
    checked(qtbot, studio)
    assert studio.save_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    studio.save_action.trigger()
    assert not studio.isWindowModified()
    bundle = load(folder)
    entity = next(e for e in bundle.entities if e.id == "entity")
    assert entity.name.get("ar") == "وزارة الثقافة"
    assert entity.name.get("en") == "Ministry of Culture"
    assert str(folder.resolve()) in studio.recent()


def test_problems_dock_lists_an_emptied_text_and_double_click_selects_it(
    qtbot: QtBot, studio: StudioWindow, answers: Answers, tmp_path: Path
) -> None:
    new_bundle(qtbot, studio, answers, tmp_path)
    checked(qtbot, studio)
    before = studio.problem_list.topLevelItemCount()
    studio.add_entity_action.trigger()
    checked(qtbot, studio)
    problems = rows(studio)
    assert len(problems) > before
    empty = next(p for p in problems if p.text(2) == "name.en")
    assert empty.text(1) == entity_file("entity")
    assert "empty" in empty.text(3) and empty.text(4)
    node = Node(entity_file("entity"))
    assert "✖" in studio.outline_text(node)[1]

    studio._select(Node(BUNDLE_FILE))
    assert studio.selected() == Node(BUNDLE_FILE)
    studio.problem_list.scrollToItem(empty)
    rect = studio.problem_list.visualItemRect(empty)
    assert studio.problem_list.itemAt(rect.center()) is empty
    viewport = studio.problem_list.viewport()
    # as a mouse does: a press and release, then the double click (an item view needs both)
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert studio.selected() == node
    assert studio.current_field is studio.field("name", "en")

    type_in(studio.field("name", "en"), "Culture")
    checked(qtbot, studio)
    fields = {row.text(2) for row in rows(studio)}
    assert "name.en" not in fields


def test_the_check_runs_off_the_gui_thread(
    qtbot: QtBot, studio: StudioWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    threads: list[threading.Thread] = []

    def spy(*args: object) -> object:
        threads.append(threading.current_thread())
        return check_snapshot(*args)  # type: ignore[arg-type]

    monkeypatch.setattr("kiosk.qt.studio.window.check_snapshot", spy)
    bundle = tmp_path / "sample"
    shutil.copytree(SAMPLE_BUNDLE, bundle)
    assert studio.open_path(bundle)
    checked(qtbot, studio)
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert studio.problem_list.topLevelItemCount() == 0


def test_opening_the_sample_changes_nothing_until_save(
    qtbot: QtBot, studio: StudioWindow, tmp_path: Path
) -> None:
    bundle = tmp_path / "sample"
    shutil.copytree(SAMPLE_BUNDLE, bundle)
    before = sorted(p.relative_to(bundle) for p in bundle.rglob("*"))
    assert studio.open_path(bundle)
    checked(qtbot, studio)
    studio._autosave_now()
    studio.close()
    assert sorted(p.relative_to(bundle) for p in bundle.rglob("*")) == before


def test_autosaved_work_is_offered_back(
    qtbot: QtBot, studio: StudioWindow, answers: Answers, tmp_path: Path
) -> None:
    bundle = tmp_path / "sample"
    shutil.copytree(SAMPLE_BUNDLE, bundle)
    assert studio.open_path(bundle)
    field = studio.field("title", "en")
    assert isinstance(field, QLineEdit)
    field.selectAll()
    type_in(field, "Pavilion")
    studio._autosave_now()  # what the timer does every few seconds
    studio.project.lock.release()  # type: ignore[union-attr]  # as if Studio had been killed
    studio.project = None  # killed: nothing is saved or cleaned up

    other = StudioWindow(studio.settings, "en", answers, preview=False)
    qtbot.addWidget(other)
    assert other.open_path(bundle)
    assert answers.asked == ["restore"]
    assert other.field("title", "en").text() == "Pavilion"  # type: ignore[union-attr]
    assert other.isWindowModified()
    other.undo_action.trigger()  # the restore is one undoable step
    assert other.field("title", "en").text() == "Qatar Digital Government"  # type: ignore[union-attr]
    other.close()


def test_a_bundle_open_in_another_studio_warns(
    qtbot: QtBot, studio: StudioWindow, answers: Answers, tmp_path: Path
) -> None:
    bundle = tmp_path / "sample"
    shutil.copytree(SAMPLE_BUNDLE, bundle)
    lock = {"pid": 4242, "host": "laptop-7", "user": "mariam", "since": "2026-12-01T09:30:00"}
    (bundle / ".studio-lock").write_text(json.dumps(lock), "utf-8")
    assert studio.open_path(bundle)
    assert len(answers.warnings) == 1
    assert "mariam on laptop-7" in answers.warnings[0]
    assert "close it there first" in answers.warnings[0]


def test_arabic_ui_mirrors_the_window(qtbot: QtBot, studio: StudioWindow) -> None:
    studio.arabic_action.trigger()
    assert studio.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert studio.new_button.text() == "حزمة جديدة…"
    assert studio.settings.value("language") == "ar"
    studio.english_action.trigger()
    assert studio.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert studio.new_button.text() == "New bundle…"


def test_the_editor_shows_only_the_selected_nodes_texts(
    qtbot: QtBot, studio: StudioWindow, tmp_path: Path
) -> None:
    bundle = tmp_path / "sample"
    shutil.copytree(SAMPLE_BUNDLE, bundle)
    assert studio.open_path(bundle)
    slide = Node(entity_file("moi"), "slides[1]")
    studio.tree.setCurrentItem(studio._items[slide])
    studio.tree.setCurrentItem(studio._items[Node(BUNDLE_FILE)])
    shown = [
        w.objectName()
        for w in studio.editor.findChildren(QLineEdit)
        if w.isVisibleTo(studio.editor)
    ]
    texts = [name for name in shown if name.startswith("text:")]
    assert texts == ["text:title:ar", "text:title:en", "text:subtitle:ar", "text:subtitle:en"]
    assert not [name for name in shown if "slides" in name]  # nothing left of the slide


def _ink(widget: QWidget) -> tuple[int, int]:
    """The leftmost and rightmost columns with dark pixels inside the field's frame."""
    image = widget.grab().toImage()
    columns = [
        x
        for x in range(6, image.width() - 6)
        for y in range(6, image.height() - 6, 2)
        if image.pixelColor(x, y).lightness() < 120
    ]
    assert columns, "the field shows no text"
    return min(columns), max(columns)


def test_arabic_starts_at_the_right_of_its_field_and_english_at_the_left(
    qtbot: QtBot, studio: StudioWindow, tmp_path: Path
) -> None:
    bundle = tmp_path / "sample"
    shutil.copytree(SAMPLE_BUNDLE, bundle)
    assert studio.open_path(bundle)
    studio.tree.setCurrentItem(studio._items[Node(entity_file("moi"))])
    fields = {w.objectName(): w for w in studio.editor.findChildren(QLineEdit)}
    arabic, english = fields["text:name:ar"], fields["text:name:en"]
    left, right = _ink(arabic)
    assert right > arabic.width() - 20 and left > arabic.width() / 3  # flush right
    left, right = _ink(english)
    assert left < 20 and right < english.width() * 2 / 3  # flush left


def test_the_arabic_ui_turns_menus_right_to_left(qtbot: QtBot, tmp_path: Path) -> None:
    """Qt draws a menu item's text in the application's direction: the Studio, which is
    the whole application, turns it with its UI language (and back)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    settings = QSettings(str(tmp_path / "studio.ini"), QSettings.Format.IniFormat)
    try:
        window = StudioWindow(settings, "ar", Answers(), preview=False, owns_application=True)
        qtbot.addWidget(window)
        assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert window.file_menu.layoutDirection() == Qt.LayoutDirection.RightToLeft
        window.set_language("en")
        assert app.layoutDirection() == Qt.LayoutDirection.LeftToRight
        assert window.file_menu.layoutDirection() == Qt.LayoutDirection.LeftToRight
    finally:
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
