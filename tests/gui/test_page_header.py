"""The shared page header (kiosk/ui/Kiosk/PageHeader.qml): on a landscape screen and on a
portrait totem, in Arabic and English, the title is never cut and nothing overlaps."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtQuick import QQuickItem

from kiosk.qt.testing import Kiosk, wait_until
from tests import props

MakeKiosk = Callable[..., Kiosk]
SIZES = {"landscape": (1920, 1080), "portrait": (1080, 1920)}


def rect(item: QQuickItem) -> QRectF:
    return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))


def assert_apart(k: Kiosk, *names: str) -> None:
    rects = {n: rect(k.item(n)) for n in names}
    for a in names:
        for b in names:
            if a < b:
                assert not rects[a].intersects(rects[b]), f"{a} {rects[a]} overlaps {b} {rects[b]}"


@pytest.fixture(params=[(s, lang) for s in SIZES for lang in ("ar", "en")], ids="-".join)
def kiosk(request: pytest.FixtureRequest, make_kiosk: MakeKiosk) -> Kiosk:
    size, lang = request.param
    width, height = SIZES[size]
    k = make_kiosk(language=lang, width=width, height=height)
    k.controller.touch()
    return k


def test_the_demo_header_keeps_its_title_whole_and_its_buttons_apart(kiosk: Kiosk) -> None:
    k = kiosk
    demo = next(e for e in k.bundle.entities if e.demos).demos[0]
    entity = next(e for e in k.bundle.entities if demo in e.demos)
    k.controller.openEntity(entity.id)
    k.controller.openDemo(demo.id)
    k.wait_page("demo")
    assert wait_until(lambda: k.pages_on_screen() == 1)
    title = k.wait_item("demoTitle")
    assert wait_until(lambda: not title.property("truncated"))
    assert title.property("text") == demo.title.get(props.language(k.controller))
    assert_apart(k, "exitDemo", "demoTitle", "stepLabel", "restartDemo", "languageButton")
    header_bottom = rect(title).bottom()
    assert rect(k.item("instruction")).top() >= header_bottom


def test_the_entity_header_keeps_its_name_whole(kiosk: Kiosk) -> None:
    k = kiosk
    longest = max(k.bundle.entities, key=lambda e: len(e.name.get(props.language(k.controller))))
    k.controller.openEntity(longest.id)
    k.wait_page("entity")
    assert wait_until(lambda: k.pages_on_screen() == 1)
    title = k.wait_item("entityTitle")
    assert wait_until(lambda: not title.property("truncated"))
    assert_apart(k, "homeButton", "entityTitle", "languageButton")
