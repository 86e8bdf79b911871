"""The layout checker (kiosk/qt/layoutcheck.py) on small scenes: each fault it must find,
each thing it must leave alone, and a clean scene that gives nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickView

from kiosk.qt.layoutcheck import Where, check, contrast
from kiosk.qt.testing import settle, wait_until

WHERE = Where("test", "en", "1080p")

Scene = Callable[[str], list[str]]


@pytest.fixture
def scene(qapp: QGuiApplication, tmp_path: Path) -> Iterator[Scene]:
    """Draw this QML inside a white 1920×1080 window; the checker's lines for it."""
    views: list[QQuickView] = []

    def run(body: str) -> list[str]:
        for old in views:  # one window at a time: the new one must become active
            old.close()
        path = tmp_path / f"scene{len(views)}.qml"
        path.write_text(
            "import QtQuick\nRectangle {\n width: 1920; height: 1080; color: 'white'\n"
            + body
            + "\n}\n",
            "utf-8",
        )
        view = QQuickView()
        views.append(view)
        view.setResizeMode(QQuickView.ResizeMode.SizeRootObjectToView)
        view.resize(1920, 1080)
        view.setSource(QUrl.fromLocalFile(str(path)))
        assert not view.errors(), view.errors()
        view.show()
        view.requestActivate()
        # (the on-screen keyboard plugin may take activation for a focused field of its own)
        wait_until(view.isActive, 1000)
        settle(50)
        return [p.what for p in check(view, WHERE)]

    yield run
    for view in views:
        view.close()
        view.deleteLater()
    settle(20)


TEXT = "font.pixelSize: 30; color: 'black'; textFormat: Text.PlainText"
BUTTON = "width: 120; height: 120; color: 'grey'; TapHandler {}"


def test_a_clean_scene_gives_nothing(scene: Scene) -> None:
    assert scene(f"Text {{ text: 'Hello'; {TEXT} }}\nRectangle {{ x: 300; {BUTTON} }}") == []


def test_elided_text_is_found_unless_it_is_a_teaser(scene: Scene) -> None:
    long = f"width: 80; text: 'a long line of text'; elide: Text.ElideRight; {TEXT}"
    (problem,) = scene(f"Text {{ {long} }}")
    assert problem.startswith("text elided or cut")
    assert scene(f"Text {{ {long}; readonly property bool teaser: true }}") == []


def test_text_cut_by_a_clipping_parent_is_found_but_not_in_a_flickable(scene: Scene) -> None:
    lines = f"text: 'one\\ntwo\\nthree'; {TEXT}"
    (problem,) = scene(f"Item {{ clip: true; width: 300; height: 40; Text {{ {lines} }} }}")
    assert "drawn beyond what clips it" in problem and "px bottom" in problem
    flick = (
        f"Flickable {{ clip: true; width: 300; height: 40; contentHeight: 200;"
        f" Text {{ {lines} }} }}"
    )
    assert scene(flick) == []


def test_overlapping_targets_are_found(scene: Scene) -> None:
    (problem,) = scene(f"Rectangle {{ {BUTTON} }}\nRectangle {{ x: 60; {BUTTON} }}")
    assert problem.startswith("overlaps") and "60×120 px" in problem


def test_a_full_window_catcher_is_not_a_target(scene: Scene) -> None:
    assert scene(f"MouseArea {{ anchors.fill: parent }}\nRectangle {{ {BUTTON} }}") == []


def test_anything_outside_the_window_is_found_unless_it_bleeds(scene: Scene) -> None:
    (problem,) = scene("Rectangle { x: 1900; width: 100; height: 10; color: 'red' }")
    assert problem == "outside the window by 80 px right"
    assert (
        scene(
            "Rectangle { x: 1900; width: 100; height: 10; color: 'red'; "
            "readonly property bool bleed: true }"
        )
        == []
    )


def test_small_targets_and_small_type_are_found(scene: Scene) -> None:
    problems = scene(
        "Rectangle { width: 60; height: 60; color: 'grey'; TapHandler {} }\n"
        "Text { y: 300; text: 'tiny'; font.pixelSize: 18; color: 'black' }"
    )
    assert sorted(problems) == [
        "touch target 60×60 px, under 72 px (72 px at 1080p)",
        "type 18 px, under 24 px (24 px at 1080p)",
    ]


def test_low_contrast_is_found_against_the_rectangle_under_the_text(scene: Scene) -> None:
    (problem,) = scene("Text { text: 'pale'; font.pixelSize: 30; color: '#999999' }")
    assert problem.startswith("contrast 2.85:1 (#999999 on #ffffff)")
    on_maroon = (
        "Rectangle { width: 300; height: 100; color: '#8A1538';"
        " Text { text: 'ok'; font.pixelSize: 30; color: 'white' } }"
    )
    assert scene(on_maroon) == []
    # a picture under the text: its background is not known, so nothing is said
    on_image = (
        "Image { width: 300; height: 100; Text { text: 'x'; font.pixelSize: 30; color: '#999' } }"
    )
    assert scene(on_image) == []


def test_contrast_is_wcag() -> None:
    from PySide6.QtGui import QColor

    assert contrast(QColor("black"), QColor("white")) == pytest.approx(21.0)
    assert contrast(QColor("#777777"), QColor("white")) == pytest.approx(4.48, abs=0.01)


# A focused field calls up the real on-screen keyboard in a window of its own (there is no
# InputPanel in the scene), which loads its audio and popup parts and says so.
@pytest.mark.qt_log_ignore("pipewire", "PopupList", "window masks")
def test_the_field_being_typed_in_must_not_be_under_the_keyboard(scene: Scene) -> None:
    # the scene's rectangle plays the kiosk's keyboard
    field = (
        "TextInput { y: 800; width: 400; height: 80; font.pixelSize: 30; "
        "Component.onCompleted: forceActiveFocus() }"
    )
    keyboard = (
        "Rectangle { objectName: 'keyboard'; y: 700; width: 1920; height: 380; color: '#333' }"
    )
    (problem,) = scene(field + "\n" + keyboard)
    assert problem == "the field being typed in is under the keyboard by 80 px"
    # a button under the keyboard is out of reach while it is up: not an overlap
    button = "Rectangle { y: 900; width: 120; height: 120; color: 'grey'; TapHandler {} }"
    assert scene(button + "\n" + keyboard) == []


def test_a_dialogs_button_under_the_keyboard_is_found(scene: Scene) -> None:
    # a dialog over a modal scrim (a full-window catcher) does not scroll: what the keyboard
    # covers there, the visitor cannot reach
    scrim = "Rectangle { anchors.fill: parent; color: '#CC000000'; TapHandler {} }"
    button = "Rectangle { x: 900; y: 900; width: 120; height: 120; color: 'grey'; TapHandler {} }"
    keyboard = (
        "Rectangle { objectName: 'keyboard'; y: 700; width: 1920; height: 380; color: '#333' }"
    )
    (problem,) = scene("\n".join([scrim, button, keyboard]))
    assert problem == "a dialog's control is under the on-screen keyboard by 120×120 px"
    # above the keyboard, it is in reach
    assert scene("\n".join([scrim, button.replace("y: 900", "y: 400"), keyboard])) == []


def test_a_flickable_that_scrolls_up_and_down_still_cuts_what_runs_past_its_sides(
    scene: Scene,
) -> None:
    wide = "Rectangle { width: 500; height: 120; color: 'grey'; TapHandler {} }"
    flick = "Flickable {{ clip: true; width: 300; height: 400; contentHeight: 800; {} }}"
    (problem,) = scene(flick.format(wide))
    assert problem == "cut by what clips it by 200 px right"
    sideways = "Flickable {{ clip: true; width: 300; height: 400; contentWidth: 600; {} }}"
    assert scene(sideways.format(wide)) == []


def test_text_over_text_and_lines_past_the_window_are_found(scene: Scene) -> None:
    over = f"Text {{ text: 'first'; {TEXT} }}\nText {{ y: 10; text: 'second'; {TEXT} }}"
    (problem,) = scene(over)
    assert problem.startswith("text overlaps Text 'second'")
    wide = f"Text {{ width: 1920; text: '{'word ' * 200}'; {TEXT} }}"
    (problem,) = scene(wide)
    assert problem.startswith("text runs outside the window by") and "px right" in problem
