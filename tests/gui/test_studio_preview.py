"""Kiosk Studio's live preview (kiosk/qt/studio/preview.py): the selected place drawn by the
kiosk's own QML, updated after an edit, in either language and shape, tappable, with the
layout checker's findings outlined.

One Studio window on one small bundle (the scaffold of ``kiosk bundle init``: one entity, a
text slide, a picture slide, a form demo) serves the module: building the kiosk is the slow
part. Each test selects its own place and sets the language and shape it needs."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, QSettings, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.authoring import BUNDLE_FILE, Node, SetText, SetValue, entity_file
from kiosk.bundle.scaffold import init
from kiosk.qt.studio.preview import PreviewPane
from kiosk.qt.studio.window import Prompts, StudioWindow
from kiosk.qt.testing import visible_items, wait_until
from kiosk.session import Page

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
"""The offscreen platform cannot pass a window's size limits on (a QMainWindow with a dock)."""

ENTITY = entity_file("example")
PICTURE = Node(ENTITY, "slides[1]")
SETTLED_MS = 5000


class Discard(Prompts):
    """Closing discards the edits the tests made."""

    def unsaved(self, parent: object, lang: str) -> str:
        return "discard"


@pytest.fixture(scope="module")
def studio(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory) -> Iterator[StudioWindow]:
    work = tmp_path_factory.mktemp("preview")
    init(work / "bundle")
    settings = QSettings(str(work / "studio.ini"), QSettings.Format.IniFormat)
    window = StudioWindow(settings, "en", Discard(), check_delay_ms=10_000)
    window.show()
    assert window.open_path(work / "bundle")
    assert window.preview is not None
    assert wait_until(lambda: settled(window.preview), 15_000)  # type: ignore[arg-type]
    yield window
    window.close()
    shutil.rmtree(work, ignore_errors=True)


def settled(preview: PreviewPane) -> bool:
    return (
        preview.kiosk is not None
        and not preview._debounce.isActive()
        and not preview._frames.isActive()
        and (preview._task is None or preview._task.done())
    )


def go(qtbot: QtBot, studio: StudioWindow, node: Node) -> PreviewPane:
    """Select ``node`` in the outline, as staff click it, and wait for the preview."""
    preview = studio.preview
    assert preview is not None
    studio.tree.setCurrentItem(studio._items[node])
    qtbot.waitUntil(lambda: settled(preview), timeout=SETTLED_MS)
    return preview


def texts(preview: PreviewPane) -> list[str]:
    """Every text the kiosk draws now, in its window (not a carousel's slide beside it)."""
    k = preview.kiosk
    assert k is not None
    window = QRectF(0, 0, k.window.width(), k.window.height())
    return [
        str(i.property("text"))
        for i in visible_items(k.window.contentItem())
        if i.inherits("QQuickText")
        and window.contains(i.mapToScene(QPointF(i.width() / 2, i.height() / 2)))
    ]


def page(preview: PreviewPane) -> Page:
    """The kiosk's page now (a function: mypy would keep an earlier comparison's answer)."""
    assert preview.kiosk is not None
    return preview.kiosk.session.page


def toggle(qtbot: QtBot, preview: PreviewPane, name: str) -> None:
    button = preview.findChild(QPushButton, name)
    assert button is not None, name
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: settled(preview), timeout=SETTLED_MS)


def test_selecting_a_slide_shows_it_in_the_preview(qtbot: QtBot, studio: StudioWindow) -> None:
    assert studio.findChild(PreviewPane, "preview") is studio.preview
    preview = go(qtbot, studio, PICTURE)
    toggle(qtbot, preview, "previewEnglish")
    k = preview.kiosk
    assert k is not None
    assert page(preview) is Page.ENTITY and k.session.slide_index == 1
    assert "A caption for the picture" in texts(preview)
    # what staff see is that frame, scaled to fit the pane with its aspect kept
    box = preview.stage.picture_rect()
    assert abs(box.width() / box.height() - 1920 / 1080) < 0.01
    assert preview.image.size().width() == 1920

    preview = go(qtbot, studio, Node(ENTITY, "demos[0].screens[0]"))
    assert page(preview) is Page.DEMO
    assert "Fill in the request" in texts(preview)

    preview = go(qtbot, studio, Node(BUNDLE_FILE))
    assert page(preview) is Page.HOME


def test_an_edited_caption_shows_after_the_debounce(qtbot: QtBot, studio: StudioWindow) -> None:
    preview = go(qtbot, studio, PICTURE)
    toggle(qtbot, preview, "previewEnglish")
    field = studio.field("slides[1].caption", "en")
    assert isinstance(field, QLineEdit)
    field.selectAll()
    shown = preview.refreshes
    with qtbot.waitSignal(preview.shown, timeout=SETTLED_MS):
        QTest.keyClicks(field, "Cloud racks")  # typed: one refresh once the keys pause
    qtbot.waitUntil(lambda: settled(preview), timeout=SETTLED_MS)
    assert preview.refreshes == shown + 1
    assert "Cloud racks" in texts(preview)
    k = preview.kiosk
    assert k is not None and page(preview) is Page.ENTITY and k.session.slide_index == 1
    # the project, not the disk, is the truth: nothing was saved for the preview
    assert studio.project is not None and studio.project.dirty


def test_language_and_shape_toggles_change_what_it_draws(
    qtbot: QtBot, studio: StudioWindow
) -> None:
    preview = go(qtbot, studio, Node(ENTITY))
    toggle(qtbot, preview, "previewArabic")
    assert "جهة حكومية" in texts(preview)
    toggle(qtbot, preview, "previewEnglish")
    assert "A government entity" in texts(preview)
    assert "جهة حكومية" not in texts(preview)

    toggle(qtbot, preview, "preview-portrait")
    assert (preview.image.width(), preview.image.height()) == (1080, 1920)
    box = preview.stage.picture_rect()
    assert box.height() > box.width()
    assert box.height() <= preview.stage.height()
    toggle(qtbot, preview, "preview-4k")
    assert (preview.image.width(), preview.image.height()) == (3840, 2160)
    toggle(qtbot, preview, "preview-landscape")
    assert (preview.image.width(), preview.image.height()) == (1920, 1080)
    k = preview.kiosk
    assert k is not None and page(preview) is Page.ENTITY  # the place was kept throughout


def test_a_click_in_the_preview_walks_on_as_a_visitor(qtbot: QtBot, studio: StudioWindow) -> None:
    preview = go(qtbot, studio, Node(BUNDLE_FILE))
    k = preview.kiosk
    assert k is not None and page(preview) is Page.HOME
    tile = next(
        i for i in visible_items(k.window.contentItem()) if i.objectName() == "tile-example"
    )
    centre = tile.mapToScene(QPointF(tile.width() / 2, tile.height() / 2))
    at = preview.stage_point(centre).toPoint()
    QTest.mouseClick(preview.stage, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
    qtbot.waitUntil(lambda: page(preview) is Page.ENTITY, timeout=SETTLED_MS)
    assert k.session.entity is not None and k.session.entity.id == "example"
    qtbot.waitUntil(lambda: settled(preview), timeout=SETTLED_MS)
    # the session's clock stands still in the preview: no idle warning, no attract loop
    k.session.tick()
    assert not k.session.warning and page(preview) is Page.ENTITY
    # and its analytics go to a throwaway database, not the kiosk's
    assert preview._scratch is not None and k.settings.db.is_relative_to(preview._scratch)


def test_a_text_that_does_not_fit_is_outlined_in_red(qtbot: QtBot, studio: StudioWindow) -> None:
    preview = go(qtbot, studio, Node(BUNDLE_FILE))
    toggle(qtbot, preview, "previewArabic")
    assert preview.problems == []
    assert studio.project is not None
    with qtbot.waitSignal(preview.shown, timeout=SETTLED_MS):
        studio.project.history.push(SetText(ENTITY, ("name",), "ar", "ا" * 150))  # no break
    qtbot.waitUntil(lambda: settled(preview) and bool(preview.problems), timeout=SETTLED_MS)
    problem = preview.problems[0]
    assert "tile-example" in problem.name and "beyond" in problem.what
    assert preview.problems[0].what in preview.status.text()
    rect = preview.stage.problem_rect(problem)
    assert not rect.isEmpty()
    shot = preview.stage.grab().toImage()
    edge = shot.pixelColor(QPoint(round(rect.left()), round(rect.center().y())))
    assert edge.red() > 180 and edge.green() < 80 and edge.blue() < 80, QColor(edge).name()
    # put right, the outline goes
    with qtbot.waitSignal(preview.shown, timeout=SETTLED_MS):
        studio.project.history.undo()
    qtbot.waitUntil(lambda: settled(preview), timeout=SETTLED_MS)
    assert preview.problems == []


def test_a_schedule_does_not_hide_what_staff_selected(qtbot: QtBot, studio: StudioWindow) -> None:
    """The preview's clock is frozen at 09:00 on the show's first day: a bundle open only in
    the evening would show its closed screen there. Staff preview the content, not the hour."""
    project = studio.project
    assert project is not None
    evening = {"hours": [{"from": "20:00", "to": "21:00"}]}
    project.history.push(SetValue(BUNDLE_FILE, ("schedule",), evening))
    try:
        preview = go(qtbot, studio, Node(BUNDLE_FILE))
        assert page(preview) is Page.HOME
        assert preview.kiosk is not None and preview.kiosk.session.slot.name == "open"
        preview = go(qtbot, studio, PICTURE)
        assert page(preview) is Page.ENTITY
    finally:
        project.history.undo()
        qtbot.waitUntil(lambda: settled(preview), timeout=SETTLED_MS)
