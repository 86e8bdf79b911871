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
from kiosk.qt.tour import SHAPES, check_shape

CASES = [(shape, lang) for shape in SHAPES for lang in ("ar", "en")]


@pytest.fixture(scope="module")
def stress(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_stress_bundle(tmp_path_factory.mktemp("stress") / "bundle")


@pytest.mark.parametrize(("shape", "lang"), CASES, ids="-".join)
def test_the_sample_bundle_lays_out_cleanly(
    qapp: QGuiApplication, tmp_path: Path, shape: str, lang: str
) -> None:
    problems = check_shape(SAMPLE_BUNDLE, tmp_path, shape, lang)
    assert not problems, "\n" + "\n".join(p.line() for p in problems)


@pytest.mark.parametrize(("shape", "lang"), CASES, ids="-".join)
def test_the_stress_bundle_lays_out_cleanly(
    qapp: QGuiApplication, tmp_path: Path, stress: Path, shape: str, lang: str
) -> None:
    problems = check_shape(stress, tmp_path, shape, lang)
    assert not problems, "\n" + "\n".join(p.line() for p in problems)
