"""kiosk.bundle.textfit: the warning for texts that scroll at 1080p, and when validation asks."""

from __future__ import annotations

from pathlib import Path

from kiosk.bundle import Report, validate
from kiosk.bundle.media import StructuralInspector
from kiosk.bundle.textfit import FitCheckFailed, Overflow, report_overflows

from .conftest import edit


class Laid(StructuralInspector):
    """The structural checks, and a layout that answers what the test says."""

    def __init__(self, answer: list[Overflow] | Exception) -> None:
        self.answer = answer
        self.asked: list[Path] = []

    def check_fit(self, root: Path) -> list[Overflow]:
        self.asked.append(root)
        if isinstance(self.answer, Exception):
            raise self.answer
        return self.answer


def test_the_warning_names_the_slide_the_language_and_the_cut() -> None:
    report = Report("b")
    report_overflows(report, [Overflow("moi", 2, "text", "ar", 900.0, 600.0)])
    (w,) = report.warnings
    assert (w.file, w.field, w.code) == (
        "entities/moi/entity.toml",
        "slides[2].body.ar",
        "text-scrolls",
    )
    assert "in Arabic" in w.message and "1920x1080" in w.message and "scrolls" in w.message
    assert "900 px of text in 600 px" in w.message
    assert w.fix == "shorten the Arabic text by about 33%, or split it over two slides"


def test_a_caption_is_named_as_the_caption() -> None:
    report = Report("b")
    report_overflows(report, [Overflow("mict", 0, "caption", "en", 300.0, 290.0)])
    (w,) = report.warnings
    assert w.field == "slides[0].caption.en"
    assert "the caption" in w.message and "in English" in w.message
    assert "about 3%" in w.fix


def test_validation_asks_the_layout_and_reports_each_text(bundle_dir: Path) -> None:
    laid = Laid([Overflow("example", 0, "text", "ar", 700.0, 600.0)])
    report = validate(bundle_dir, laid)
    assert laid.asked
    assert [(w.file, w.field) for w in report.warnings if w.code == "text-scrolls"] == [
        ("entities/example/entity.toml", "slides[0].body.ar")
    ]
    assert report.ok  # a warning: the kiosk shows it, scrolling


def test_a_bundle_with_errors_is_not_laid_out(bundle_dir: Path) -> None:
    edit(bundle_dir / "bundle.toml", 'version = "1.0.0"', 'version = "one"')
    laid = Laid([])
    report = validate(bundle_dir, laid)
    assert not report.ok
    assert laid.asked == []  # the kiosk would not load it: there is no layout to ask


def test_a_layout_that_fails_is_a_warning_and_the_rest_stands(bundle_dir: Path) -> None:
    report = validate(bundle_dir, Laid(FitCheckFailed("the text layout check failed (Timeout)")))
    assert report.ok
    (w,) = [w for w in report.warnings if w.code == "text-check-failed"]
    assert "could not be laid out" in w.message and "Timeout" in w.message
