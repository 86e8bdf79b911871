"""The visitor state machine, with a fake clock: navigation, demos, every idle path."""

from __future__ import annotations

import pytest

from kiosk.bundle import Bundle, init, load
from kiosk.clock import ManualClock
from kiosk.session import Event, Page, Session

from .bundle.test_validate import IMAGE_DEMO


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    root = tmp_path_factory.mktemp("b") / "bundle"
    init(root)
    ent = root / "entities/example/entity.toml"
    ent.write_text(ent.read_text("utf-8") + IMAGE_DEMO, "utf-8")
    return load(root)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def events() -> list[Event]:
    return []


@pytest.fixture
def session(bundle: Bundle, clock: ManualClock, events: list[Event]) -> Session:
    s = Session(bundle, clock)
    s.listeners.append(events.append)
    return s


def types(events: list[Event]) -> list[str]:
    return [e.type for e in events]


def test_starts_on_attract_in_default_language(session: Session) -> None:
    assert session.page is Page.ATTRACT
    assert session.language == "ar"
    assert session.session_id is None


def test_touch_starts_a_session_and_opens_home(session: Session, events: list[Event]) -> None:
    session.touch()
    assert session.page is Page.HOME
    assert session.session_id
    assert types(events) == ["session_start", "page_view"]
    assert events[1].data["page"] == "attract"


def test_entity_slides_wrap_both_ways(session: Session) -> None:
    session.touch()
    session.open_entity("example")
    assert session.page is Page.ENTITY and session.slide_index == 0
    session.next_slide()
    assert session.slide_index == 1
    session.next_slide()
    assert session.slide_index == 0
    session.prev_slide()
    assert session.slide_index == 1


def test_slide_shown_carries_its_duration(
    session: Session, clock: ManualClock, events: list[Event]
) -> None:
    session.touch()
    session.open_entity("example")
    clock.advance(4.5)
    session.next_slide()
    shown = [e for e in events if e.type == "slide_shown"]
    assert shown[-1].data == {"entity": "example", "slide": "welcome", "shown_s": 4.5}


def test_form_demo_runs_to_its_end(session: Session, events: list[Event]) -> None:
    session.touch()
    session.open_entity("example")
    session.open_demo("first-demo")
    assert session.page is Page.DEMO and session.step == 1
    session.follow("end")
    assert session.page is Page.DEMO_END
    assert "demo_complete" in types(events)
    session.feedback(3)
    assert events[-1] == Event("feedback", {"rating": 3, "entity": "example", "demo": "first-demo"})
    session.exit_demo()
    assert session.page is Page.ENTITY and session.demo is None


def test_hotspot_hit_and_miss(session: Session, events: list[Event]) -> None:
    session.touch()
    session.open_entity("example")
    session.open_demo("second")
    assert session.tap_image(0.9, 0.9) is None
    assert events[-1].type == "hotspot_miss"
    assert session.page is Page.DEMO
    assert session.tap_image(0.15, 0.12) == "end"
    assert session.page is Page.DEMO_END


def test_exit_mid_demo_is_an_abandon(session: Session, events: list[Event]) -> None:
    session.touch()
    session.open_entity("example")
    session.open_demo("second")
    session.exit_demo()
    abandon = [e for e in events if e.type == "demo_abandon"]
    assert abandon == [
        Event("demo_abandon", {"entity": "example", "demo": "second", "step": 1, "reason": "exit"})
    ]


def test_restart_goes_back_to_the_first_screen(session: Session) -> None:
    session.touch()
    session.open_entity("example")
    session.open_demo("first-demo")
    session.follow("end")
    session.restart_demo()
    assert session.page is Page.DEMO and session.step == 1


def test_language_switch_keeps_the_place(session: Session, events: list[Event]) -> None:
    session.touch()
    session.open_entity("example")
    session.next_slide()
    session.set_language("en")
    assert (session.page, session.slide_index, session.language) == (Page.ENTITY, 1, "en")
    assert events[-1] == Event("language_change", {"from_": "ar", "to": "en"})
    session.set_language("fr")  # not a bundle language: ignored
    assert session.language == "en"


# -- idle ------------------------------------------------------------------------------------


def test_idle_warning_then_timeout_resets_to_attract_in_default_language(
    session: Session, clock: ManualClock, events: list[Event]
) -> None:
    idle = session.bundle.idle
    session.touch()
    session.open_entity("example")
    session.set_language("en")
    clock.advance(idle.timeout - 0.1)
    session.tick()
    assert not session.warning
    clock.advance(0.2)
    session.tick()
    assert session.warning
    assert session.countdown_left() == pytest.approx(idle.countdown)
    clock.advance(idle.countdown / 2)
    assert session.countdown_left() == pytest.approx(idle.countdown / 2)
    session.tick()
    assert session.page is Page.ENTITY
    clock.advance(idle.countdown / 2)
    session.tick()
    assert session.page is Page.ATTRACT
    assert session.language == "ar"
    assert not session.warning
    assert session.session_id is None
    assert types(events)[-3:] == ["page_view", "idle_timeout", "session_end"]
    assert events[-1].data["reason"] == "idle"


def test_touch_dismisses_the_warning(
    session: Session, clock: ManualClock, events: list[Event]
) -> None:
    session.touch()
    clock.advance(session.bundle.idle.timeout)
    session.tick()
    assert session.warning
    session.touch()
    assert not session.warning and session.page is Page.HOME
    assert events[-1].type == "idle_dismissed"
    clock.advance(session.bundle.idle.timeout - 1)
    session.tick()
    assert not session.warning


def test_a_playing_video_gets_the_longer_timeout(session: Session, clock: ManualClock) -> None:
    idle = session.bundle.idle
    session.touch()
    session.open_entity("example")
    session.set_video_playing(True)
    clock.advance(idle.timeout + 1)
    session.tick()
    assert not session.warning
    clock.advance(idle.video_timeout - idle.timeout)
    session.tick()
    assert session.warning


def test_timeout_during_a_demo_abandons_it(
    session: Session, clock: ManualClock, events: list[Event]
) -> None:
    idle = session.bundle.idle
    session.touch()
    session.open_entity("example")
    session.open_demo("second")
    clock.advance(idle.timeout)
    session.tick()
    clock.advance(idle.countdown)
    session.tick()
    assert session.page is Page.ATTRACT
    abandon = [e for e in events if e.type == "demo_abandon"]
    assert abandon[-1].data["reason"] == "timeout"


def test_attract_never_warns(session: Session, clock: ManualClock, events: list[Event]) -> None:
    clock.advance(10_000)
    session.tick()
    assert not session.warning and events == []


def test_bundle_swap_only_on_attract(session: Session, bundle: Bundle) -> None:
    session.touch()
    with pytest.raises(RuntimeError):
        session.replace_bundle(bundle)
    session.end("staff")
    session.replace_bundle(bundle)
    assert session.page is Page.ATTRACT


def test_route_to_end_is_the_shortest_walk(bundle: Bundle) -> None:
    demo = bundle.entity("example").demos[1]
    assert demo.route_to_end() == [("shot", 0, "end")]
    form = bundle.entity("example").demos[0]
    assert form.route_to_end() == [("apply", 2, "end")]
