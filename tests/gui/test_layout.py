"""The layout checker (kiosk/qt/layoutcheck.py) over every page and state (kiosk/qt/tour.py),
at every screen shape, in Arabic and English: on the sample bundle, and on a stress bundle
with the longest texts a ministry brings (assets/stress_bundle.py). Nothing is clipped, cut,
elided, overlapping, outside the window, too small to tap or read, or too faint."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

from assets.stress_bundle import make_stress_bundle
from kiosk.paths import SAMPLE_BUNDLE
from kiosk.qt.layoutcheck import Where, check, scene_rect
from kiosk.qt.testing import wait_until
from kiosk.qt.tour import SHAPES, check_shape, start

CASES = [(shape, lang) for shape in SHAPES for lang in ("ar", "en")]
IDS = [f"{shape}-{lang}" for shape, lang in CASES]


@pytest.fixture(scope="module")
def stress(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_stress_bundle(tmp_path_factory.mktemp("stress") / "bundle")


@pytest.mark.parametrize(("shape", "lang"), CASES, ids=IDS)
def test_the_sample_bundle_lays_out_cleanly(
    qapp: QGuiApplication, tmp_path: Path, shape: str, lang: str
) -> None:
    problems = check_shape(SAMPLE_BUNDLE, tmp_path, shape, lang)
    assert not problems, "\n" + "\n".join(p.line() for p in problems)


@pytest.mark.parametrize(("shape", "lang"), CASES, ids=IDS)
def test_the_stress_bundle_lays_out_cleanly(
    qapp: QGuiApplication, tmp_path: Path, stress: Path, shape: str, lang: str
) -> None:
    problems = check_shape(stress, tmp_path, shape, lang)
    assert not problems, "\n" + "\n".join(p.line() for p in problems)


def test_a_turned_screen_lays_the_page_out_again(qapp: QGuiApplication, tmp_path: Path) -> None:
    k, _clock = start(SAMPLE_BUNDLE, tmp_path, "1080p", "en")
    try:
        k.controller.touch()
        k.controller.openEntity(k.bundle.entities[0].id)
        k.wait_page("entity")
        slides, demos = k.wait_item("slideView"), k.wait_item("demoScroll")
        assert scene_rect(demos).left() > scene_rect(slides).right()  # side by side
        k.window.resize(1080, 1920)  # the screen is turned: a portrait totem
        assert wait_until(lambda: scene_rect(demos).top() > scene_rect(slides).bottom())
        assert scene_rect(slides).width() > 0.85 * 1080  # the slides take the full width
        assert wait_until(lambda: k.pages_on_screen() == 1)
        problems = check(k.window, Where("entity (turned)", "en", "portrait"))
        assert not problems, "\n".join(p.line() for p in problems)
    finally:
        k.close()
