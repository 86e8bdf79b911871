"""The schedule on screen, on a ManualClock: a daypart's content at the boundary, an interrupt
that ends a visit with a countdown and then loops, the closed screen."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QGuiApplication

from kiosk.bundle.validate import load
from kiosk.clock import ManualClock
from kiosk.qt.testing import Kiosk, settle, start_kiosk, wait_until
from tests import props
from tests.scheduled import SCHEDULE, pavilion, scheduled_bundle

MakeKiosk = Callable[..., tuple[Kiosk, ManualClock]]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return scheduled_bundle(tmp_path_factory.mktemp("scheduled") / "bundle")


@pytest.fixture
def kiosk_at(qapp: QGuiApplication, bundle: Path) -> Iterator[MakeKiosk]:
    made: list[Kiosk] = []

    def make(
        wall: datetime, language: str = "ar", path: Path = bundle
    ) -> tuple[Kiosk, ManualClock]:
        clock = ManualClock(wall=wall)
        k = start_kiosk(path, width=1920, height=1080, language=language, clock=clock)
        made.append(k)
        return k, clock

    yield make
    for k in made:
        k.close()
    settle(20)


def tiles(k: Kiosk) -> list[str]:
    return props.entityIds(k.controller)


def test_the_content_switches_at_the_boundary_during_the_attract_loop(
    kiosk_at: MakeKiosk,
) -> None:
    k, clock = kiosk_at(pavilion(12, 59))
    k.wait_item("attractPage")
    assert tiles(k) == ["mict", "moi"]
    assert [s["entityName"]["en"] for s in props.attractSlides(k.controller)] == [
        "Ministry of Information and Communications Technology"
    ]
    clock.advance(60)  # 13:00: the afternoon
    assert wait_until(lambda: tiles(k) == ["mada"])
    k.tap_at(QPoint(960, 540))
    k.wait_page("home")
    k.wait_item("tile-mada")
    assert k.find("tile-mict") is None and k.find("tile-moi") is None


def test_an_interrupt_during_a_visit_counts_down_then_loops(kiosk_at: MakeKiosk) -> None:
    k, clock = kiosk_at(pavilion(9, 59), language="en")
    k.tap_at(QPoint(960, 540))
    k.wait_page("home")
    k.tap("tile-mict")
    k.wait_page("entity")
    clock.advance(60)  # 10:00: the opening ceremony
    k.wait_item("endingOverlay")
    assert k.item("endingHeading").property("text") == "The opening ceremony of Qatar's pavilion"
    assert k.item("endingCountdown").property("text") == "10"
    k.tap_at(QPoint(960, 540))  # the countdown cannot be dismissed
    clock.advance(4)
    assert wait_until(lambda: k.item("endingCountdown").property("text") == "6")
    assert k.session.page.value == "entity"
    clock.advance(6)
    k.wait_page("interrupt")
    k.wait_item("interruptPage")
    assert wait_until(lambda: k.find("endingOverlay") is None)
    title = k.item("interruptTitle")
    assert title.isVisible()
    k.tap_at(QPoint(960, 540))  # nobody can start a visit during the ceremony
    settle(50)
    assert k.session.page.value == "interrupt"
    clock.advance(30 * 60)  # 10:30: back to the morning
    k.wait_page("attract")


def test_outside_the_opening_hours_the_closed_screen_shows(kiosk_at: MakeKiosk) -> None:
    k, clock = kiosk_at(pavilion(22, 0))
    k.wait_item("closedPage")
    assert props.closed(k.controller)["opens"] == "09:00"
    assert props.closed(k.controller)["day"] == "tomorrow"
    k.wait_item("closedOpens")
    k.tap_at(QPoint(960, 540))
    settle(50)
    assert k.session.page.value == "closed"
    clock.advance_to(pavilion(9, 0, day=26))
    k.wait_item("attractPage")


def test_display_off_closes_to_a_dark_screen(
    kiosk_at: MakeKiosk, tmp_path_factory: pytest.TempPathFactory
) -> None:
    dark = SCHEDULE.replace("countdown = 10", 'countdown = 10\nclosed = "display-off"')
    path = scheduled_bundle(tmp_path_factory.mktemp("dark") / "bundle", dark)
    k, _ = kiosk_at(pavilion(6, 0), path=path)
    page = k.wait_item("closedPage")
    assert page.property("color").name() == "#000000"
    assert k.find("closedOpens") is None and k.find("closedHeadingEn") is None
    assert k.session.slot.display_off


def test_the_checkers_and_the_proof_see_all_content_whatever_the_hour(
    qapp: QGuiApplication, bundle: Path
) -> None:
    """The layout checker, the text-fit check and the proof start the kiosk unscheduled: at
    09:00 on the show's first day the morning daypart would hide entities from them."""
    full = [e.id for e in load(bundle).entities]
    assert len(full) > 2
    for unscheduled, expected in ((False, ["mict", "moi"]), (True, full)):
        k = start_kiosk(bundle, clock=ManualClock(), unscheduled=unscheduled)
        try:
            assert [e.id for e in k.session.bundle.entities] == expected
        finally:
            k.close()
            settle(20)
