"""Arabic as a visitor reads it: a paragraph runs right to left whatever it starts with, on
every line, elided or not; count words agree with their number."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import tomlkit
from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtQuick import QQuickView

from kiosk.bidi import RLM, for_display
from kiosk.bundle import load
from kiosk.bundle.model import END
from kiosk.clock import ManualClock
from kiosk.paths import SAMPLE_BUNDLE
from kiosk.qt.app import load_fonts
from kiosk.qt.testing import settle, start_kiosk, wait_until

WIDTH = 420
"""A narrow text: the paragraphs below elide in it."""

Render = Callable[[str, int], QImage]


@pytest.fixture
def render(qapp: QGuiApplication, tmp_path: Path) -> Iterator[Render]:
    """Draw ``text`` in the kiosk's Arabic body font, as the kiosk's Arabic texts are drawn
    (plain, wrapping, elided after ``lines`` lines, mirrored: aligned right); the picture."""
    load_fonts(load(SAMPLE_BUNDLE))
    views: list[QQuickView] = []

    def run(text: str, lines: int) -> QImage:
        path = tmp_path / f"text{len(views)}.qml"
        path.write_text(
            "import QtQuick\n"
            f"Rectangle {{ width: {WIDTH}; height: 140; color: 'white'\n"
            f" Text {{ width: {WIDTH}; text: {json.dumps(text)}; textFormat: Text.PlainText\n"
            "  font.family: 'Noto Naskh Arabic'; font.pixelSize: 28; color: 'black'\n"
            f"  wrapMode: Text.Wrap; maximumLineCount: {lines}; elide: Text.ElideRight\n"
            "  horizontalAlignment: Text.AlignLeft\n"
            "  LayoutMirroring.enabled: true } }\n",
            "utf-8",
        )
        view = QQuickView()
        views.append(view)
        view.setSource(QUrl.fromLocalFile(str(path)))
        assert not view.errors(), view.errors()
        view.show()
        assert wait_until(lambda: view.isExposed())
        settle(50)
        return view.grabWindow()

    yield run
    for view in views:
        view.close()
        view.deleteLater()
    settle(20)


def ink(image: QImage, top: int, bottom: int) -> set[int]:
    """The columns with ink between these rows."""
    return {
        x
        for x in range(image.width())
        if any(image.pixelColor(x, y).lightness() < 128 for y in range(top, bottom))
    }


def alike(a: set[int], b: set[int]) -> float:
    return len(a & b) / max(1, len(a | b))


def right_part(image: QImage, words: QImage, top: int, bottom: int) -> float:
    """How much the right end of ``image``'s line (as wide as ``words`` drawn alone) looks
    like ``words``: 1.0 when the same glyphs stand there."""
    alone = ink(words, 0, 50)
    left = min(alone)
    return alike({x for x in ink(image, top, bottom) if x >= left}, alone)


def test_an_elided_arabic_paragraph_that_starts_with_a_latin_word_starts_at_the_right(
    render: Render,
) -> None:
    paragraph = for_display("Cloud الحكومية توفر الخدمات المشتركة لكل الجهات الحكومية", "ar")
    image = render(paragraph, 1)
    # "Cloud" stands at the right edge, where an Arabic line starts ...
    assert right_part(image, render("Cloud", 1), 0, 50) > 0.9
    columns = ink(image, 0, 50)
    assert max(columns) >= WIDTH - 4
    # ... and the ellipsis is at its left end: three dots on the baseline, no letter
    left = min(columns)
    rows = {
        y
        for x in range(left, left + 10)
        for y in range(50)
        if image.pixelColor(x, y).lightness() < 128
    }
    assert max(rows) - min(rows) < 6, "a letter, not the ellipsis, ends the line on the left"


def test_an_elided_last_line_that_starts_with_a_latin_run_still_runs_right_to_left(
    render: Render,
) -> None:
    text = (
        "السحابة الإلكترونية الحكومية (Government Cloud) توفر الخدمات المشتركة"
        " لكل الجهات الحكومية وتخفض كلفة التشغيل"
    )
    image = render(for_display(text, "ar"), 2)
    run = render(RLM + "(Government Cloud) توفر", 1)  # the run as a right-to-left line shows it
    line_2 = (42, 90)
    assert right_part(image, run, *line_2) > 0.9, "the elided line ran left to right"


def bundle_with_a_two_step_demo(where: Path) -> Path:
    """The sample bundle, with the Public Prosecution's demo cut to its first two screens."""
    dest = where / "bundle"
    shutil.copytree(SAMPLE_BUNDLE, dest)
    manifest = dest / "entities" / "pp" / "entity.toml"
    doc = tomlkit.parse(manifest.read_text("utf-8"))
    screens = doc["demos"][0]["screens"]
    del screens[2:]
    for item in screens[1]["items"]:
        if "target" in item:
            item["target"] = END
    manifest.write_text(tomlkit.dumps(doc), "utf-8")
    return dest


@pytest.mark.parametrize(("lang", "words"), [("ar", "خطوتان"), ("en", "2 steps")])
def test_a_two_step_demo_card_says_two_steps(
    qapp: QGuiApplication, tmp_path: Path, lang: str, words: str
) -> None:
    bundle = bundle_with_a_two_step_demo(tmp_path)
    k = start_kiosk(bundle, language=lang, clock=ManualClock())
    try:
        k.controller.touch()
        k.controller.openEntity("pp")
        demo = k.bundle.entity("pp").demos[0]
        assert len(demo.screens) == 2
        label = k.wait_item(f"demoSteps-{demo.id}")
        assert label.property("text") == words
        # and a demo of the sample's own four or five: "4 خطوات" / "4 steps"
        k.controller.home()
        k.controller.openEntity("mict")
        other = k.bundle.entity("mict").demos[0]
        n = len(other.screens)
        label = k.wait_item(f"demoSteps-{other.id}")
        assert label.property("text") == (f"{n} خطوات" if lang == "ar" else f"{n} steps")
    finally:
        k.close()
        settle(20)
