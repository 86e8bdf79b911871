"""Kiosk Studio's Pack, old-format upgrade, media drop and QUndoStack, driven as staff would
(kiosk/qt/studio/publish.py, upgrading.py, media_drop.py, undo.py)."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColorSpace, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from kiosk.authoring import BUNDLE_FILE, Label, Node, SetText, entity_file
from kiosk.authoring import upgrade as upgrade_mod
from kiosk.authoring.upgrade import Step
from kiosk.bundle.media import StructuralInspector
from kiosk.bundle.validate import validate
from kiosk.qt.inspector import media_inspector
from kiosk.qt.studio.publish import KEY_SETTING, PackDialog
from kiosk.qt.studio.undo import UndoHistory
from kiosk.qt.studio.window import Prompts, StudioWindow
from kiosk.store import BundleStore, new_keypair
from kiosk.store.store import InstallOptions
from tests.fake_ffmpeg import fake_ffmpeg
from tests.gui.studio_kit import checked, drop
from tests.made_qt_media import camera_jpeg, colour_at, is_blue, is_red, red_over_blue

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
"""The offscreen platform cannot pass a window's size limits on (a QMainWindow with a dock)."""

ENTITY = entity_file("example")


class Answers(Prompts):
    """Staff's answers, given in advance; what the window says is kept."""

    def __init__(self) -> None:
        self.folder: Path | None = None
        self.key: Path | None = None
        self.media: list[Path] = []
        self.warnings: list[str] = []
        self.notes: list[str] = []

    def unsaved(self, parent: object, lang: str) -> str:
        return "discard"

    def restore(self, parent: object, lang: str) -> bool:
        return False

    def warn(self, parent: object, title: str, text: str) -> None:
        self.warnings.append(f"{title}: {text}")

    def inform(self, parent: object, title: str, text: str) -> None:
        self.notes.append(f"{title}: {text}")

    def choose_dir(self, parent: object, title: str) -> Path | None:
        return self.folder

    def choose_key(self, parent: object, title: str) -> Path | None:
        return self.key

    def choose_media(self, parent: object, title: str) -> list[Path]:
        return self.media


@pytest.fixture
def answers() -> Answers:
    return Answers()


@pytest.fixture
def studio(qtbot: QtBot, tmp_path: Path, answers: Answers) -> Iterator[StudioWindow]:
    settings = QSettings(str(tmp_path / "studio.ini"), QSettings.Format.IniFormat)
    window = StudioWindow(settings, "en", answers, check_delay_ms=20)
    window.publisher.inspector_factory = StructuralInspector  # decoding: tests/unit/qt
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()


def new_bundle(qtbot: QtBot, studio: StudioWindow, tmp_path: Path) -> Path:
    folder = tmp_path / "pavilion"
    assert studio.create_bundle(folder)
    checked(qtbot, studio)
    return folder


def pack(qtbot: QtBot, dialog: PackDialog) -> None:
    with qtbot.waitSignal(dialog.packed, timeout=10000):
        QTest.mouseClick(dialog.pack_button, Qt.MouseButton.LeftButton)


def test_pack_is_refused_with_errors_then_writes_a_zip_that_validates_and_installs(
    qtbot: QtBot, studio: StudioWindow, answers: Answers, tmp_path: Path
) -> None:
    folder = new_bundle(qtbot, studio, tmp_path)
    project = studio.project
    assert project is not None
    project.history.push(SetText(BUNDLE_FILE, ("title",), "en", ""))
    checked(qtbot, studio)
    assert studio.report is not None and not studio.report.ok
    studio.publisher.action.trigger()
    assert studio.findChild(PackDialog, "packDialog") is None
    assert answers.warnings and "lists 1 error(s)" in answers.warnings[-1]
    assert "Fix:" in answers.warnings[-1]

    studio.undo_action.trigger()  # the title is back: no errors
    checked(qtbot, studio)
    studio.publisher.action.trigger()
    dialog = studio.findChild(PackDialog, "packDialog")
    assert dialog is not None and dialog.isVisible()
    version = dialog.findChild(QLineEdit, "packVersion")
    assert version is not None and version.text() == "1.0.1"  # the scaffold is 1.0.0
    answers.folder = tmp_path / "out"
    answers.folder.mkdir()
    assert "Not signed" in dialog.key_label.text()
    pack(qtbot, dialog)

    out = answers.folder / "pavilion-1.0.1.zip"
    assert dialog.outcome is not None and dialog.outcome.ok, dialog.status.text()
    assert out.is_file() and not out.with_name(out.name + ".sig").exists()
    assert str(out) in dialog.status.text()
    assert not dialog.pack_button.isEnabled()
    # the version bump is an edit: saved into bundle.toml, one undo step
    assert tomllib.loads((folder / BUNDLE_FILE).read_text("utf-8"))["version"] == "1.0.1"
    assert not studio.isWindowModified()
    assert "version" in studio.undo_action.text()
    report = validate(out, media_inspector())  # Qt's decoders, as kiosk bundle validate
    assert report.ok, report.problems
    installed = BundleStore(tmp_path / "data").install(out)
    assert (installed.bundle_id, installed.version) == ("pavilion", "1.0.1")

    dialog.close()
    studio.publisher.action.trigger()  # the next pack proposes the next version
    assert studio.publisher.dialog is not None
    assert studio.publisher.dialog.version.text() == "1.0.2"


def test_pack_signs_with_the_staff_key_and_a_kiosk_that_requires_it_installs_it(
    qtbot: QtBot, studio: StudioWindow, answers: Answers, tmp_path: Path
) -> None:
    new_bundle(qtbot, studio, tmp_path)
    key, public = new_keypair(tmp_path / "keys")
    dialog = studio.publisher.start()
    assert dialog is not None
    answers.key = key
    QTest.mouseClick(dialog.key_button, Qt.MouseButton.LeftButton)
    assert "kiosk-signing.key" in dialog.key_label.text()
    assert studio.settings.value(KEY_SETTING) == str(key)  # remembered for the next pack
    dialog.version.setText("1.0.0")
    answers.folder = tmp_path
    QTest.mouseClick(dialog.pack_button, Qt.MouseButton.LeftButton)
    assert "not higher than 1.0.0" in dialog.status.text()  # kiosks refuse an older one
    dialog.version.setText("2.0")
    pack(qtbot, dialog)
    out = tmp_path / "pavilion-2.0.zip"
    assert dialog.outcome is not None and dialog.outcome.signature == out.with_name(
        out.name + ".sig"
    )
    assert "signed" in dialog.status.text()
    installed = BundleStore(tmp_path / "data").install(out, InstallOptions(trusted_keys=[public]))
    assert installed.signed_by == public and installed.version == "2.0"


def test_an_old_format_bundle_opens_upgraded_with_a_note_and_saves_upgraded(
    qtbot: QtBot,
    studio: StudioWindow,
    answers: Answers,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A synthetic format 0, in which the pavilion title was called "name".
    def rename(project: object) -> None:
        doc = project.bundle  # type: ignore[attr-defined]
        doc["title"] = doc.pop("name")

    note = Label("صار الحقل name اسمه title", "bundle.toml's 'name' is now called 'title'")
    monkeypatch.setattr(upgrade_mod, "STEPS", {0: Step(0, note, rename)})
    folder = tmp_path / "old"
    from kiosk.bundle import init

    init(folder, "old-pavilion")
    text = (folder / BUNDLE_FILE).read_text("utf-8")
    old = text.replace("format = 1", "format = 0").replace("\ntitle = ", "\nname = ")
    (folder / BUNDLE_FILE).write_text(old, "utf-8")
    assert not validate(folder).ok

    assert studio.open_path(folder)
    assert len(answers.notes) == 1
    assert "format 0" in answers.notes[0] and "'name' is now called 'title'" in answers.notes[0]
    assert "Fix:" in answers.notes[0]
    assert "upgraded from 0 to 1" in studio.statusBar().currentMessage()
    assert studio.isWindowModified()
    assert (folder / BUNDLE_FILE).read_text("utf-8") == old  # nothing written yet
    checked(qtbot, studio)
    assert studio.report is not None and studio.report.ok

    assert studio.save()
    saved = (folder / BUNDLE_FILE).read_text("utf-8")
    assert "format = 1" in saved and "\ntitle = " in saved and "name = " not in saved
    assert "# A kiosk bundle" in saved  # the comments survive
    assert validate(folder).ok


def slides(studio: StudioWindow) -> list[dict[str, object]]:
    assert studio.project is not None
    return [dict(s) for s in studio.project.document(ENTITY)["slides"]]


def test_dropped_camera_and_print_jpegs_come_in_upright_srgb_as_two_slides(
    qtbot: QtBot, studio: StudioWindow, tmp_path: Path
) -> None:
    folder = new_bundle(qtbot, studio, tmp_path)
    src = tmp_path / "camera"
    src.mkdir()
    phone = src / "IMG 0042.JPG"
    phone.write_bytes(camera_jpeg(red_over_blue(40, 30)))
    brochure = src / "Brochure cover.jpg"
    assert red_over_blue(40, 30).convertToFormat(QImage.Format.Format_CMYK8888).save(str(brochure))
    originals = {p: p.read_bytes() for p in (phone, brochure)}
    before = len(slides(studio))

    drop(qtbot, studio, Node(ENTITY), [phone, brochure])

    new = slides(studio)[before:]
    assert [(s["kind"], s["image"]) for s in new] == [
        ("image", "slides/img-0042.jpg"),
        ("image", "slides/brochure-cover.jpg"),
    ]
    for rel in ("slides/img-0042.jpg", "slides/brochure-cover.jpg"):
        image = QImage(str(folder / "entities" / "example" / rel))
        assert image.width() == 40 and image.height() == 30  # upright
        assert is_red(colour_at(image, 20, 3)) and is_blue(colour_at(image, 20, 26))
        assert image.colorSpace() == QColorSpace(QColorSpace.NamedColorSpace.SRgb)
        assert image.format() != QImage.Format.Format_CMYK8888
    assert any("turned upright" in m for m in studio.media_drop.messages)
    assert any("CMYK" in m for m in studio.media_drop.messages)
    assert {p: p.read_bytes() for p in originals} == originals  # never modified
    assert "Added 2 slide(s)" in studio.statusBar().currentMessage()
    assert studio.selected() is not None
    nodes = [Node(ENTITY, f"slides[{before + i}]") for i in range(2)]
    assert all(n in studio._items for n in nodes)  # in the outline
    studio.undo_action.trigger()
    assert len(slides(studio)) == before + 1


def test_a_video_is_refused_with_the_fix_without_ffmpeg_and_transcoded_with_it(
    qtbot: QtBot, studio: StudioWindow, answers: Answers, tmp_path: Path
) -> None:
    new_bundle(qtbot, studio, tmp_path)
    mov = tmp_path / "Booth Tour.mov"
    mov.write_bytes(b"\0\0\0\x14ftypqt  \0\0\0\0qt  " + b"\0" * 64)
    before = len(slides(studio))
    studio.media_drop.ffmpeg = None
    studio._select(Node(ENTITY, "slides[0]"))
    answers.media = [mov]
    with qtbot.waitSignal(studio.media_drop.finished, timeout=10000):
        studio.media_drop.action.trigger()
    assert len(slides(studio)) == before
    assert "ffmpeg, which would re-encode it, is not installed" in answers.warnings[-1]
    assert "Fix: install ffmpeg" in answers.warnings[-1]

    studio.media_drop.ffmpeg = str(fake_ffmpeg(tmp_path / "bin").program)
    seen: list[int] = []
    studio.media_drop.bar.valueChanged.connect(seen.append)
    with qtbot.waitSignal(studio.media_drop.finished, timeout=10000):
        studio.media_drop.action.trigger()
    new = slides(studio)
    assert len(new) == before + 1
    assert (new[1]["kind"], new[1]["video"]) == ("video", "videos/booth-tour.mp4")  # after [0]
    assert any(0 < v < 1000 for v in seen)  # the bar moved with ffmpeg's progress
    assert studio.media_drop.bar_host.isHidden()


def test_undo_and_redo_go_through_a_qundostack_that_merges_typing_as_history_does(
    qtbot: QtBot, studio: StudioWindow, tmp_path: Path
) -> None:
    folder = new_bundle(qtbot, studio, tmp_path)
    project = studio.project
    assert project is not None and isinstance(project.history, UndoHistory)
    stack = project.history.stack
    for text in ("E", "Ex", "Exh"):
        project.history.push(SetText(BUNDLE_FILE, ("title",), "en", text))
    assert stack.count() == 1 and stack.undoText() == "Edit the English title"
    assert studio.save()
    project.history.push(SetText(BUNDLE_FILE, ("title",), "en", "Exhi"))
    assert stack.count() == 2  # never merged across the saved step (History's rule too)
    assert studio.isWindowModified()

    studio.undo_action.trigger()
    assert project.bundle["title"]["en"] == "Exh" and not studio.isWindowModified()
    studio.redo_action.trigger()
    assert project.bundle["title"]["en"] == "Exhi"

    dock = studio.undo_dock
    dock.toggle.trigger()
    assert dock.dock.isVisible() and dock.view.stack() is stack
    stack.setIndex(0)  # a click on the view's first row: back to the bundle as opened
    assert project.bundle["title"]["en"] == "Exhibition pavilion"
    assert studio.undo_action.text() == "Undo" and not studio.undo_action.isEnabled()
    studio.set_language("ar")
    assert stack.text(0).startswith("تعديل")  # the undo view in the Studio's language
    assert (folder / BUNDLE_FILE).is_file()


def test_the_qundostack_history_takes_the_same_steps_as_history(tmp_path: Path) -> None:
    """One script of typing, value edits, saves, undos and redos, played on the core History
    and on the QUndoStack one: the same steps, labels, clean marks and texts after each."""
    import random

    from kiosk.authoring import History, Project, SetValue
    from kiosk.bundle import init

    projects = []
    for name in ("core", "qt"):
        init(tmp_path / name, "b")
        project = Project.open(tmp_path / name)
        if name == "qt":
            project.history = UndoHistory(project)
        projects.append(project)
    assert type(projects[0].history) is History
    rng = random.Random(14)
    for _ in range(120):
        roll = rng.random()
        for project in projects:
            h = project.history
            if roll < 0.35:
                h.push(SetText(ENTITY, ("name",), "en", f"v{int(roll * 100)}"))
            elif roll < 0.5:
                h.push(SetValue(ENTITY, ("accent",), f"#{int(roll * 1e6):06X}"[:7]))
            elif roll < 0.6:
                h.push(SetText(BUNDLE_FILE, ("title",), "ar", "عنوان"))
            elif roll < 0.7:
                project.save()
            elif roll < 0.88:
                h.undo()
            else:
                h.redo()
        core, qt = (p.history for p in projects)
        assert (len(qt), qt.index, qt.clean) == (len(core), core.index, core.clean)
        assert (qt.undo_label, qt.redo_label) == (core.undo_label, core.redo_label)
        assert projects[0].text(ENTITY) == projects[1].text(ENTITY)
        assert projects[0].dirty == projects[1].dirty
