"""Kiosk Studio's hotspot canvas and form builder, driven with the mouse and the keyboard as
staff would (kiosk/qt/studio/hotspots.py, forms.py)."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from kiosk.authoring import Node, Project, SetValue, add_screen, entity_file
from kiosk.authoring.outline import check_snapshot, snapshot
from kiosk.bundle.scaffold import solid_png
from kiosk.bundle.schema.demos import FIELD_INPUTS, ITEM_KEYS
from kiosk.qt.studio.forms import FormPanel
from kiosk.qt.studio.hotspots import HotspotCanvas, HotspotPanel
from kiosk.qt.studio.window import Prompts, StudioWindow
from tests.gui.studio_kit import type_in

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
"""The offscreen platform cannot pass a window's size limits on (a QMainWindow with a dock)."""

FILE = entity_file("example")
SHOT = (400, 200)
"""The screenshot's size in pixels (small: the test draws on it, it need not be sharp)."""
IMAGE_SCREEN = "demos[0].screens[1]"
HOTSPOTS = ("demos", 0, "screens", 1, "hotspots")


class Discard(Prompts):
    """Closing with unsaved edits discards them; a warning fails the test."""

    def unsaved(self, parent: object, lang: str) -> str:
        return "discard"

    def warn(self, parent: object, title: str, text: str) -> None:
        raise AssertionError(f"{title}: {text}")


@pytest.fixture
def studio(qtbot: QtBot, tmp_path: Path) -> Iterator[StudioWindow]:
    """The Studio on a new bundle whose demo has a form screen and then a screenshot screen."""
    settings = QSettings(str(tmp_path / "studio.ini"), QSettings.Format.IniFormat)
    window = StudioWindow(settings, "en", Discard(), check_delay_ms=60_000)
    qtbot.addWidget(window)
    window.show()
    assert window.create_bundle(tmp_path / "pavilion")
    project = window.project
    assert project is not None
    shot = project.root / "entities" / "example" / "demo" / "shot.png"
    shot.parent.mkdir()
    shot.write_bytes(solid_png(*SHOT, (240, 240, 250)))
    project.history.push(add_screen(project, "example", 0, "image", image="demo/shot.png"))
    yield window
    window.close()


def manifest(window: StudioWindow) -> dict[str, Any]:
    """The entity's TOML as it would be saved."""
    assert window.project is not None
    return tomllib.loads(window.project.encoded(FILE).decode())


def spots(window: StudioWindow) -> list[dict[str, Any]]:
    screen = manifest(window)["demos"][0]["screens"][1]
    return list(screen.get("hotspots", []))


def canvas_of(qtbot: QtBot, window: StudioWindow) -> HotspotCanvas:
    """The canvas the editor shows now, laid out (adding or removing a hotspot rebuilds it)."""
    if not isinstance(window.panel, HotspotPanel):
        window.select_node(Node(FILE, IMAGE_SCREEN))
    assert isinstance(window.panel, HotspotPanel)
    canvas = window.panel.canvas
    qtbot.waitUntil(lambda: canvas.ready and canvas.isVisible() and canvas.width() > 300)
    return canvas


def at(canvas: HotspotCanvas, x: float, y: float) -> QPoint:
    """The widget point over pixel (x, y) of the screenshot."""
    f = canvas.frame()
    scale = f.width() / SHOT[0]
    return QPointF(f.x() + x * scale, f.y() + y * scale).toPoint()


def drag(canvas: HotspotCanvas, start: QPoint, end: QPoint) -> None:
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mousePress(canvas, left, none, start)
    middle = (start + end) / 2
    QTest.mouseMove(canvas, middle)
    assert canvas.live is not None  # the rectangle follows the mouse while dragging
    QTest.mouseMove(canvas, end)
    QTest.mouseRelease(canvas, left, none, end)


def close(rect: list[float], expected: tuple[float, ...], canvas: HotspotCanvas) -> None:
    """Equal within one screen pixel of the canvas, as a fraction of the picture."""
    f = canvas.frame()
    tolerance = (1.0 / f.width(), 1.0 / f.height())
    for i, (got, want) in enumerate(zip(rect, expected, strict=True)):
        assert abs(got - want) <= tolerance[i % 2] + 1e-4, (rect, expected)


def test_draw_resize_move_undo_and_delete_a_hotspot(qtbot: QtBot, studio: StudioWindow) -> None:
    canvas = canvas_of(qtbot, studio)
    assert studio.project is not None
    history = studio.project.history
    steps = history.index

    drag(canvas, at(canvas, 100, 50), at(canvas, 300, 150))
    assert len(spots(studio)) == 1
    drawn = spots(studio)[0]["rect"]
    close(drawn, (0.25, 0.25, 0.5, 0.5), canvas)
    assert history.index == steps + 1  # one step
    canvas = canvas_of(qtbot, studio)
    assert canvas.selected == 0  # the new one is selected, with its handles
    assert studio.selected() == Node(FILE, f"{IMAGE_SCREEN}.hotspots[0]")
    assert spots(studio)[0]["target"] == "end"  # the last screen: it ends the demo
    assert canvas.labels == ["1 → end"]

    # the bottom right handle, dragged out to (360, 190): a resize, one step on release
    handle = canvas.handles(0)["br"].toPoint()
    drag(canvas, handle, at(canvas, 360, 190))
    close(spots(studio)[0]["rect"], (0.25, 0.25, 0.65, 0.7), canvas)
    assert history.index == steps + 2
    history.undo()
    assert spots(studio)[0]["rect"] == drawn
    history.redo()

    # a drag inside moves it; it stays on the picture
    drag(canvas, at(canvas, 200, 100), at(canvas, 20, 0))
    close(spots(studio)[0]["rect"], (0.0, 0.0, 0.65, 0.7), canvas)
    assert history.index == steps + 3  # not merged with the resize
    history.undo()
    close(spots(studio)[0]["rect"], (0.25, 0.25, 0.65, 0.7), canvas)

    # a slip of the mouse draws nothing
    drag(canvas, at(canvas, 10, 190), at(canvas, 11, 191))
    assert len(spots(studio)) == 1

    canvas.select(0)
    QTest.keyClick(canvas, Qt.Key.Key_Delete)
    assert spots(studio) == []
    assert canvas_of(qtbot, studio).rects == []
    assert studio.selected() == Node(FILE, IMAGE_SCREEN)
    history.undo()
    assert len(spots(studio)) == 1
    assert len(canvas_of(qtbot, studio).rects) == 1


def test_the_target_picker_writes_the_target(qtbot: QtBot, studio: StudioWindow) -> None:
    canvas = canvas_of(qtbot, studio)
    drag(canvas, at(canvas, 40, 40), at(canvas, 120, 90))
    canvas = canvas_of(qtbot, studio)
    assert isinstance(studio.panel, HotspotPanel)
    picker = studio.panel.target
    assert picker.objectName() == "hotspotTarget"
    choices = [picker.itemText(i) for i in range(picker.count())]
    assert choices == ["Fill in the request (apply)", "End of the demo"]
    picker.setCurrentIndex(0)
    picker.activated.emit(0)
    assert spots(studio)[0]["target"] == "apply"
    canvas.update()
    assert canvas.labels == ["1 → Fill in the request (apply)"]
    # the hint in both languages, beside the picture
    hint = studio.field(f"{IMAGE_SCREEN}.hotspots[0].hint", "en")
    type_in(hint, "The blue button")
    assert spots(studio)[0]["hint"]["en"] == "The blue button"

    studio.set_language("ar")
    assert isinstance(studio.panel, HotspotPanel)
    picker = studio.panel.target
    # isolated right to left, the Latin id inside left to right: it reads in order
    assert picker.currentText() == "\u2067املأ الطلب (\u2066apply\u2069)\u2069"


def test_the_form_builder_adds_a_field_with_a_keyboard(qtbot: QtBot, studio: StudioWindow) -> None:
    project = studio.project
    assert isinstance(project, Project)
    studio.select_node(Node(FILE, "demos[0].screens[0]"))
    panel = studio.panel
    assert isinstance(panel, FormPanel)
    assert list(panel.add_actions) == list(ITEM_KEYS)  # the validator's vocabulary, no more
    assert [panel.keyboard.itemData(i) for i in range(panel.keyboard.count())] == list(FIELD_INPUTS)
    assert panel.list.count() == 3

    panel.add_actions["field"].trigger()
    panel = studio.panel  # the outline changed: the editor was rebuilt, the new item selected
    assert isinstance(panel, FormPanel)
    assert panel.list.count() == 4
    assert panel.list.currentRow() == 3
    assert studio.selected() == Node(FILE, "demos[0].screens[0].items[3]")
    assert panel.keyboard.isVisibleTo(panel)
    number = panel.keyboard.findData("number")
    panel.keyboard.setCurrentIndex(number)
    panel.keyboard.activated.emit(number)
    type_in(studio.field("demos[0].screens[0].items[3].label", "ar"), "رقم الهاتف")
    type_in(studio.field("demos[0].screens[0].items[3].label", "en"), "Phone number")
    item = manifest(studio)["demos"][0]["screens"][0]["items"][3]
    assert item == {
        "type": "field",
        "label": {"ar": "رقم الهاتف", "en": "Phone number"},
        "input": "number",
    }
    report = check_snapshot(project.root, snapshot(project))
    on_form = [p for p in report.problems if p.field.startswith("demos[0].screens[0]")]
    assert on_form == []  # (the fixture's screenshot screen, with no hotspot yet, has errors)

    # the button stays last: move the field up, above it... and back with undo
    panel.up.click()
    types = [i["type"] for i in manifest(studio)["demos"][0]["screens"][0]["items"]]
    assert types == ["header", "field", "field", "button"]
    assert panel.list.currentRow() == 2
    project.history.undo()
    panel.remove.click()
    assert len(manifest(studio)["demos"][0]["screens"][0]["items"]) == 3
    project.history.undo()
    panel = studio.panel
    assert isinstance(panel, FormPanel)
    assert panel.list.count() == 4


def test_add_a_form_screen_to_a_demo(qtbot: QtBot, studio: StudioWindow) -> None:
    assert studio.project is not None
    studio.select_node(Node(FILE, "demos[0]"))
    button = studio.findChild(QPushButton, "addFormScreen")
    assert isinstance(button, QPushButton)
    button.click()
    screens = manifest(studio)["demos"][0]["screens"]
    assert [s["kind"] for s in screens] == ["form", "image", "form"]
    assert studio.selected() == Node(FILE, "demos[0].screens[2]")
    assert isinstance(studio.panel, FormPanel)
    studio.project.history.undo()
    assert len(manifest(studio)["demos"][0]["screens"]) == 2


def test_a_screenshot_that_cannot_be_read_is_named(qtbot: QtBot, studio: StudioWindow) -> None:
    assert studio.project is not None
    bad = studio.project.root / "entities" / "example" / "demo" / "cut-short.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n")  # a copy that stopped after the signature
    path = ("demos", 0, "screens", 1, "image")
    studio.project.history.push(SetValue(FILE, path, "demo/cut-short.png"))
    studio.select_node(Node(FILE, IMAGE_SCREEN))
    panel = studio.panel
    assert isinstance(panel, HotspotPanel)
    assert panel.loading is not None  # read in a worker thread: the window never waits
    qtbot.waitUntil(panel.loading.done)
    assert not panel.canvas.ready
    assert "(demo/cut-short.png)" in panel.canvas.waiting
    assert "Fix: set its image field" in panel.canvas.waiting
    QTest.mouseClick(panel.canvas, Qt.MouseButton.LeftButton)
    assert spots(studio) == []
