"""What visitors see move by itself, driven by the session's clock (a ManualClock here):
slides advance, the attract loop turns, a demo's hint comes and goes, the keyboard is
built in good time. No real time passes in these tests beyond the 250 ms ticks."""

from __future__ import annotations

from collections.abc import Callable

from kiosk.clock import ManualClock
from kiosk.qt.testing import Kiosk, wait_until
from kiosk.session import HINT_IDLE_S, HINT_SHOWN_S
from tests import props

MakeKiosk = Callable[..., Kiosk]


def in_entity(k: Kiosk, entity: str = "mict") -> None:
    k.controller.touch()
    k.controller.openEntity(entity)
    k.wait_page("entity")


def test_a_slide_moves_on_when_its_time_is_up_on_the_sessions_clock(
    make_kiosk: MakeKiosk, clock: ManualClock
) -> None:
    k = make_kiosk(language="en")
    in_entity(k)
    slides = k.item("slideList")
    duration = k.bundle.entity("mict").slides[0].duration
    clock.advance(duration - 1)
    assert not wait_until(lambda: slides.property("currentIndex") == 1, 600)
    clock.advance(1.1)
    assert wait_until(lambda: slides.property("currentIndex") == 1, 3000)
    assert props.slideIndex(k.controller) == 1


def test_the_attract_loop_shows_the_next_highlight_when_the_clock_says(
    make_kiosk: MakeKiosk, clock: ManualClock
) -> None:
    k = make_kiosk(language="ar")
    page = k.item("attractPage")
    first = page.property("shown")["caption"]
    assert not wait_until(lambda: page.property("shown")["caption"] != first, 600)
    clock.advance(k.bundle.attract.slide_seconds + 0.1)
    assert wait_until(lambda: page.property("shown")["caption"] != first, 3000)


def test_a_demo_hint_appears_after_a_quiet_while_and_goes_again(
    make_kiosk: MakeKiosk, clock: ManualClock
) -> None:
    k = make_kiosk(language="en")
    in_entity(k)
    demo = next(d for d in k.bundle.entity("mict").demos if d.screens[0].hotspots)
    k.controller.openDemo(demo.id)
    k.wait_page("demo")
    assert k.find("hint") is None
    clock.advance(HINT_IDLE_S + 0.1)
    assert wait_until(lambda: k.find("hint") is not None, 3000)
    clock.advance(HINT_SHOWN_S + 0.1)
    assert wait_until(lambda: k.find("hint") is None, 3000)


def test_the_keyboard_is_built_a_few_seconds_into_the_sessions_clock(
    make_kiosk: MakeKiosk, clock: ManualClock
) -> None:
    k = make_kiosk(language="en")
    assert not props.keyboardWanted(k.controller)
    clock.advance(3.1)
    assert wait_until(lambda: props.keyboardWanted(k.controller), 3000)
