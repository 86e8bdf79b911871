"""A deck imported by ``kiosk bundle import-deck`` is what the kiosk shows: each page a slide,
in its own shape, with its title as the caption."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickItem

from kiosk.authoring import Project
from kiosk.authoring.deck import import_deck
from kiosk.clock import ManualClock
from kiosk.qt.testing import Kiosk, settle, start_kiosk, wait_until
from tests.made_decks import make_pdf

PAGES = [
    ("landscape", "Welcome"),
    ("portrait", "Mawared"),
    ("landscape", "Government Cloud"),
    ("portrait", "Four"),
    ("landscape", "Five"),
]


@pytest.fixture
def deck_kiosk(qapp: QGuiApplication, tmp_path: Path, clock: ManualClock) -> Iterator[Kiosk]:
    pdf = make_pdf(tmp_path / "Pavilion.pdf", PAGES)
    project = Project.new(tmp_path / "bundle")
    import_deck(project, pdf, "example", box=(384, 216))
    project.save()
    k = start_kiosk(project.root, language="en", clock=clock)
    yield k
    k.close()
    settle(20)


def drawn(picture: QQuickItem) -> bool:
    return float(picture.property("paintedHeight") or 0) > 0


def painted_aspect(picture: QQuickItem) -> float:
    return float(picture.property("paintedWidth")) / float(picture.property("paintedHeight"))


def test_the_kiosk_shows_each_page_as_a_slide_with_its_title(deck_kiosk: Kiosk) -> None:
    k = deck_kiosk
    k.controller.touch()
    k.controller.openEntity("example")
    k.wait_page("entity")
    k.wait_still()
    for n, (orientation, title) in enumerate(PAGES, start=1):
        k.controller.showSlide(1 + n)  # after the scaffold's two slides
        slide = k.wait_item(f"slide-deck-pavilion-p0{n}")
        captions = [
            i for i in _descendants(slide) if i.objectName() == "slideCaption" and i.isVisible()
        ]
        assert [c.property("text") for c in captions] == [title]
        pictures = [i for i in _descendants(slide) if i.objectName() == "picture"]
        assert pictures, "no picture on the slide"
        picture = pictures[0]
        assert wait_until(functools.partial(drawn, picture))
        aspect = painted_aspect(picture)
        assert (aspect > 1) == (orientation == "landscape"), f"page {n} is {aspect:.2f} wide"
        box = picture.mapRectToScene(QRectF(0, 0, picture.width(), picture.height()))
        assert box.width() > 0


def _descendants(item: QQuickItem) -> list[QQuickItem]:
    out: list[QQuickItem] = []
    for child in item.childItems():
        out.append(child)
        out.extend(_descendants(child))
    return out
