"""Texts that do not fit at 1080p: the validator's warning, Qt-free.

A text slide or a caption that is too long for its place steps down one type size, then
scrolls (UI.md, "Screen shapes"): nothing is lost, but a visitor must swipe (or wait for
the glide) to read it. Authors are told, per slide and language, with how much to cut.
The measuring is the kiosk's own layout at 1920x1080 (``kiosk.qt.textfit``), injected
through :class:`ChecksFit`, as the font checks are.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from .problems import Report

SHAPE = "1080p landscape (1920x1080)"
"""The screen the warning is about: the commonest wall screen, and the one authors check."""

PARTS = {"text": "the slide's text (title, body and bullets)", "caption": "the caption"}


@dataclass(frozen=True)
class Overflow:
    """One text that scrolls at 1080p: ``needed`` pixels of text in ``room`` pixels."""

    entity: str
    slide: int
    """The index in the entity's ``slides``, as the manifest counts them."""
    part: str
    """``text`` (a text slide's title, body and bullets) or ``caption``."""
    language: str
    needed: float
    room: float

    def field(self) -> str:
        """Where to cut: a text slide's body (its longest part), or the caption."""
        part = "body" if self.part == "text" else self.part
        return f"slides[{self.slide}].{part}.{self.language}"

    def cut(self) -> int:
        """About how much shorter (per cent) the text must be to fit without scrolling."""
        if self.needed <= 0:
            return 0
        return max(1, round(100 * (1 - self.room / self.needed)))


class FitCheckFailed(RuntimeError):
    """The layout could not be asked (its process crashed, hung or gave no answer)."""


@runtime_checkable
class ChecksFit(Protocol):
    """An inspector that can lay a bundle's texts out as the kiosk does."""

    def check_fit(self, root: Path, /) -> list[Overflow]: ...


LANGUAGES = {"ar": "Arabic", "en": "English"}


def report_overflows(report: Report, overflows: list[Overflow]) -> None:
    """A warning per text that scrolls, naming the slide, the language and the cut."""
    for o in overflows:
        lang = LANGUAGES.get(o.language, o.language)
        report.warning(
            f"entities/{o.entity}/entity.toml",
            o.field(),
            f"in {lang}, {PARTS.get(o.part, o.part)} does not fit on a {SHAPE} screen even "
            f"one type size smaller ({o.needed:.0f} px of text in {o.room:.0f} px): "
            "the kiosk scrolls it, and visitors may not read to the end",
            f"shorten the {lang} text by about {o.cut()}%, or split it over two slides",
            "text-scrolls",
        )
