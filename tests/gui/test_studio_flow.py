"""A staff member's whole afternoon in Kiosk Studio, from nothing to a bundle a kiosk shows.

Driven offscreen as staff would: the window's own actions, fields, mouse drags and drops.
1. a new bundle; 2. two entities named in both languages; 3. a phone's EXIF-rotated JPEG and
a printer's CMYK JPEG dropped on one (they come in upright and sRGB); 4. a text slide;
5. a demo with a screenshot screen and a hotspot drawn by a mouse drag; 6. a form screen;
7. every problem the panel lists fixed from the panel; 8. undo and redo; 9. pack. Then
``kiosk bundle validate`` accepts the .zip and the kiosk harness shows it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QColorSpace, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from kiosk.authoring import Node, entity_file, parse_path
from kiosk.bundle.media import StructuralInspector
from kiosk.cli import main
from kiosk.qt.studio.forms import FormPanel
from kiosk.qt.studio.hotspots import HotspotPanel
from kiosk.qt.studio.publish import PackDialog
from kiosk.qt.studio.strings import ED
from kiosk.qt.studio.window import Prompts, StudioWindow
from kiosk.qt.testing import settle, start_kiosk, wait_until
from kiosk.store import BundleStore
from tests.gui.studio_kit import checked, drop, type_in
from tests.made_qt_media import camera_jpeg, colour_at, is_blue, is_red, red_over_blue

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
"""The offscreen platform cannot pass a window's size limits on (a QMainWindow with a dock)."""

W, H = 1920, 1080
"""The pictures' size: big enough that the validator has nothing to say about them."""


class Staff(Prompts):
    """What staff answer in the dialogs, given in advance; what the window says is kept."""

    def __init__(self) -> None:
        self.folder: Path | None = None
        self.file: Path | None = None
        self.said: list[str] = []

    def unsaved(self, parent: object, lang: str) -> str:
        return "discard"

    def restore(self, parent: object, lang: str) -> bool:
        return False

    def warn(self, parent: object, title: str, text: str) -> None:
        self.said.append(f"{title}: {text}")

    def inform(self, parent: object, title: str, text: str) -> None:
        self.said.append(f"{title}: {text}")

    def confirm(self, parent: object, title: str, text: str) -> bool:
        return True

    def choose_dir(self, parent: object, title: str) -> Path | None:
        return self.folder

    def choose_file(self, parent: object, title: str, start: Path) -> Path | None:
        return self.file


@pytest.fixture
def staff() -> Staff:
    return Staff()


@pytest.fixture
def studio(qtbot: QtBot, tmp_path: Path, staff: Staff) -> Iterator[StudioWindow]:
    settings = QSettings(str(tmp_path / "studio.ini"), QSettings.Format.IniFormat)
    window = StudioWindow(settings, "en", staff, check_delay_ms=20)
    window.publisher.inspector_factory = StructuralInspector  # the zip is decoded below
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    yield window
    window.close()


def add(window: StudioWindow, node: Node, label: object) -> None:
    """The outline's right-click Add menu: the choice ``label`` on ``node``."""
    window._select(node)
    maker = next(m for name, m in window.outline_edit.choices(node) if name == label)
    assert window.outline_edit.add(maker)


TEXTS = {"ar": "نص تجريبي للجناح", "en": "Pavilion text"}


def focused(window: StudioWindow) -> QWidget | None:
    """The field a double-clicked problem took staff to."""
    return window.current_field


def fix_every_problem(qtbot: QtBot, window: StudioWindow) -> list[str]:
    """Double-click the problems the panel lists and fix each where the Studio puts the
    cursor, until none is left; returns the fields fixed. A problem that names no field
    (a form with no working button, because its label is empty) goes once its cause is
    fixed; if only such problems are left, the test fails naming them."""
    fixed: list[str] = []
    viewport = window.problem_list.viewport()
    for _ in range(60):
        checked(qtbot, window)
        rows = [
            window.problem_list.topLevelItem(i)
            for i in range(window.problem_list.topLevelItemCount())
        ]
        if not rows:
            return fixed
        for row in rows:
            assert row is not None
            window.current_field = None
            centre = window.problem_list.visualItemRect(row).center()
            QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=centre)
            QTest.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=centre)
            field = focused(window)
            if isinstance(field, QLineEdit | QPlainTextEdit):
                break
        else:
            said = [f"{r.text(1)}: {r.text(2)}: {r.text(3)}" for r in rows if r is not None]
            raise AssertionError(f"the panel takes staff to none of: {said}")
        problem = row.data(0, Qt.ItemDataRole.UserRole)
        lang = str(parse_path(problem.field)[-1])
        field.selectAll()  # what is there (blank, say) is typed over
        type_in(field, TEXTS.get(lang, "Pavilion text"))
        fixed.append(problem.field)
    raise AssertionError("the problems did not run out")


def test_staff_build_a_bundle_from_nothing_and_a_kiosk_shows_it(
    qtbot: QtBot,
    studio: StudioWindow,
    staff: Staff,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # 1. a bundle from nothing
    folder = tmp_path / "pavilion"
    assert studio.create_bundle(folder)
    checked(qtbot, studio)
    project = studio.project
    assert project is not None

    # 2. two entities, named in both languages
    names = (
        {"ar": "وزارة الداخلية", "en": "Ministry of Interior"},
        {
            "ar": "وزارة الصحة العامة",
            "en": "Ministry of Public Health",
        },
    )
    made: list[str] = []
    for name in names:
        before = set(project.entity_ids)
        studio.add_entity_action.trigger()
        (eid,) = set(project.entity_ids) - before
        made.append(eid)
        assert studio.selected() == Node(entity_file(eid))
        for lang, text in name.items():
            type_in(studio.field("name", lang), text)
            assert project.entity(eid)["name"][lang] == text
    moi = made[0]
    moi_file = entity_file(moi)

    # 3. a phone photo (EXIF orientation 6) and a print-shop CMYK JPEG, dropped on the entity
    camera = tmp_path / "camera"
    camera.mkdir()
    phone = camera / "IMG_2291.JPG"
    phone.write_bytes(camera_jpeg(red_over_blue(W, H)))
    brochure = camera / "Brochure (print).jpg"
    assert red_over_blue(W, H).convertToFormat(QImage.Format.Format_CMYK8888).save(str(brochure))
    originals = {p: p.read_bytes() for p in (phone, brochure)}
    drop(qtbot, studio, Node(moi_file), [phone, brochure])
    pictures = [s["image"] for s in project.entity(moi)["slides"] if s.get("kind") == "image"]
    assert len(pictures) == 2, staff.said
    for rel in pictures:
        image = QImage(str(folder / "entities" / moi / rel))
        assert (image.width(), image.height()) == (W, H)  # upright
        assert is_red(colour_at(image, W // 2, 10)) and is_blue(colour_at(image, W // 2, H - 10))
        assert image.colorSpace() == QColorSpace(QColorSpace.NamedColorSpace.SRgb)
        assert image.format() != QImage.Format.Format_CMYK8888
    assert {p: p.read_bytes() for p in originals} == originals  # never modified

    # 4. a text slide
    slides_before = len(project.entity(moi)["slides"])
    add(studio, Node(moi_file), ED.text_slide)
    assert len(project.entity(moi)["slides"]) == slides_before + 1
    text_slide = f"slides[{slides_before}]"
    assert studio.selected() == Node(moi_file, text_slide)
    type_in(studio.field(f"{text_slide}.title", "ar"), "خدمات الهوية")
    type_in(studio.field(f"{text_slide}.title", "en"), "Identity services")

    # 5. a demo, its screenshot screen (the picture chosen from outside the bundle), a hotspot
    add(studio, Node(moi_file), ED.demo)
    demos = project.entity(moi)["demos"]
    demo = len(demos) - 1
    add(studio, Node(moi_file, f"demos[{demo}]"), ED.image_screen)
    screens = demos[demo]["screens"]
    screen = f"demos[{demo}].screens[{len(screens) - 1}]"
    shot = tmp_path / "Screenshot 2026-12-01.png"
    assert red_over_blue(W, H).save(str(shot))
    staff.file = shot
    studio._select(Node(moi_file, screen))
    choose = next(
        b
        for b in studio.editor.findChildren(QWidget, "choose:" + f"{screen}.image")
        if b.isVisibleTo(studio.editor)
    )
    with qtbot.waitSignal(studio.media_drop.finished, timeout=15000):
        QTest.mouseClick(choose, Qt.MouseButton.LeftButton)
    image = project.entity(moi)["demos"][demo]["screens"][len(screens) - 1]["image"]
    assert image.startswith("demo/") and (folder / "entities" / moi / image).is_file()
    qtbot.waitUntil(lambda: isinstance(studio.panel, HotspotPanel))  # the canvas comes
    panel = studio.panel
    assert isinstance(panel, HotspotPanel)
    canvas = panel.canvas
    qtbot.waitUntil(lambda: canvas.ready and canvas.isVisible() and canvas.width() > 200)
    frame = canvas.frame()
    start = QPointF(frame.x() + 0.25 * frame.width(), frame.y() + 0.5 * frame.height()).toPoint()
    end = QPointF(frame.x() + 0.5 * frame.width(), frame.y() + 0.75 * frame.height()).toPoint()
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mousePress(canvas, left, none, start)
    QTest.mouseMove(canvas, (start + end) / 2)
    QTest.mouseMove(canvas, end)
    QTest.mouseRelease(canvas, left, none, end)
    spots = project.entity(moi)["demos"][demo]["screens"][len(screens) - 1]["hotspots"]
    assert len(spots) == 1
    x, y, w, h = (float(v) for v in spots[0]["rect"])
    assert abs(x - 0.25) < 0.01 and abs(y - 0.5) < 0.01
    assert abs(w - 0.25) < 0.01 and abs(h - 0.25) < 0.01

    # the demo's first screen (a form) now goes on to the screenshot: its button's target
    studio._select(Node(moi_file, f"demos[{demo}].screens[0].items[0]"))
    form = studio.panel
    assert isinstance(form, FormPanel)
    shot_id = str(project.entity(moi)["demos"][demo]["screens"][len(screens) - 1]["id"])
    pick = form.target.findData(shot_id)
    assert pick >= 0
    form.target.setCurrentIndex(pick)
    form.target.activated.emit(pick)
    assert project.entity(moi)["demos"][demo]["screens"][0]["items"][0]["target"] == shot_id

    # 6. a form screen
    screens_before = len(project.entity(moi)["demos"][demo]["screens"])
    add(studio, Node(moi_file, f"demos[{demo}]"), ED.form_screen)
    assert len(project.entity(moi)["demos"][demo]["screens"]) == screens_before + 1

    # the screenshot's hotspot (drawn when it was the last screen: to the end) goes on to it
    form_id = str(project.entity(moi)["demos"][demo]["screens"][-1]["id"])
    studio._select(Node(moi_file, f"{screen}.hotspots[0]"))
    qtbot.waitUntil(lambda: isinstance(studio.panel, HotspotPanel))
    spot = studio.panel
    assert isinstance(spot, HotspotPanel)
    pick = spot.target.findData(form_id)
    assert pick >= 0
    spot.target.setCurrentIndex(pick)
    spot.target.activated.emit(pick)
    assert spots[0]["target"] == form_id

    # 7. every problem the panel lists, fixed from the panel
    checked(qtbot, studio)
    assert studio.report is not None and not studio.report.ok  # empty texts, a hint to write
    fixed = fix_every_problem(qtbot, studio)
    assert fixed
    assert studio.problem_list.topLevelItemCount() == 0

    # 8. undo takes the last fix back (a problem again), redo puts it back
    studio.undo_action.trigger()
    checked(qtbot, studio)
    assert studio.problem_list.topLevelItemCount() >= 1
    studio.redo_action.trigger()
    checked(qtbot, studio)
    assert studio.problem_list.topLevelItemCount() == 0

    # 9. pack
    assert studio.save()
    staff.folder = tmp_path / "usb"
    staff.folder.mkdir()
    studio.publisher.action.trigger()
    dialog = studio.findChild(PackDialog, "packDialog")
    assert dialog is not None
    with qtbot.waitSignal(dialog.packed, timeout=20000):
        QTest.mouseClick(dialog.pack_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome is not None and dialog.outcome.ok, dialog.status.text()
    (out,) = staff.folder.glob("*.zip")
    dialog.close()

    # ``kiosk bundle validate`` accepts the .zip (with the kiosk's own decoders)...
    assert main(["bundle", "validate", str(out)]) == 0, capsys.readouterr()

    # ... and a kiosk that installs it shows the two new entities on Home
    installed = BundleStore(tmp_path / "kiosk-data").install(out)
    k = start_kiosk(installed.path, language="en")
    try:
        k.tap_at(QPoint(960, 540))
        k.wait_page("home")
        for eid in made:
            k.wait_item(f"tile-{eid}")
        k.tap(f"tile-{moi}")
        k.wait_page("entity")
        assert wait_until(lambda: k.find(f"startDemo-{demos[demo]['id']}") is not None)
    finally:
        k.close()
        settle(20)
