"""The kiosk's timing policy, on the session's clock: a ManualClock reaches every deadline.

Auto-advance, the attract loop's rotation and a demo's hint used to be QML timers on real
time; they are the session's now (kiosk.session), and QML only animates what it says.
"""

from __future__ import annotations

import pytest

from kiosk.bundle import Bundle, load
from kiosk.clock import ManualClock
from kiosk.paths import SAMPLE_BUNDLE
from kiosk.session import (
    HINT_IDLE_S,
    HINT_SHOWN_S,
    VIDEO_SKIP_S,
    VIDEO_STALL_S,
    Event,
    Page,
    Session,
)


@pytest.fixture(scope="module")
def bundle() -> Bundle:
    return load(SAMPLE_BUNDLE)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def session(bundle: Bundle, clock: ManualClock) -> Session:
    return Session(bundle, clock)


def run_for(session: Session, clock: ManualClock, seconds: float, step: float = 0.25) -> None:
    """As the controller does: a tick every 250 ms."""
    t = 0.0
    while t < seconds - 1e-9:
        clock.advance(step)
        t += step
        session.tick()


def in_entity(session: Session, bundle: Bundle, entity: str = "mict") -> None:
    session.touch()
    session.open_entity(entity)
    assert session.page is Page.ENTITY and session.slide_index == 0


def test_each_slide_moves_on_after_its_own_duration(
    session: Session, clock: ManualClock, bundle: Bundle
) -> None:
    in_entity(session, bundle)
    slides = bundle.entity("mict").slides
    first = slides[0].duration
    run_for(session, clock, first - 0.5)
    assert session.slide_index == 0
    run_for(session, clock, 0.5)
    assert session.slide_index == 1
    assert slides[1].duration != first  # a text slide waits longer: its own duration counts
    session.touch()  # keeps the visitor out of the idle warning, which has its own test
    run_for(session, clock, slides[1].duration - 0.5)
    assert session.slide_index == 1


def test_a_touch_restarts_the_slides_time(
    session: Session, clock: ManualClock, bundle: Bundle
) -> None:
    in_entity(session, bundle)
    duration = bundle.entity("mict").slides[0].duration
    run_for(session, clock, duration - 1)
    session.touch()
    run_for(session, clock, duration - 1)
    assert session.slide_index == 0
    run_for(session, clock, 1.25)
    assert session.slide_index == 1


def test_a_playing_video_holds_its_slide_until_it_ends(
    session: Session, clock: ManualClock, bundle: Bundle
) -> None:
    in_entity(session, bundle)
    slides = bundle.entity("mict").slides
    video = next(i for i, s in enumerate(slides) if s.kind == "video")
    session.show_slide(video)
    session.set_video_playing(True)
    for _ in range(6):
        session.touch()
        run_for(session, clock, 10)
    assert session.slide_index == video
    session.video_finished()
    assert session.slide_index == video + 1


def test_the_attract_loop_rotates_on_the_bundles_seconds_and_wraps(
    session: Session, clock: ManualClock, bundle: Bundle
) -> None:
    count = len(bundle.attract_loop())
    assert count > 2
    seconds = bundle.attract.slide_seconds
    seen = [session.attract_index]
    for _ in range(count):
        run_for(session, clock, seconds)
        seen.append(session.attract_index)
    assert seen == [*range(count), 0]


def test_the_loop_rests_while_a_visitor_is_in_and_restarts_after(
    session: Session, clock: ManualClock, bundle: Bundle
) -> None:
    seconds = bundle.attract.slide_seconds
    run_for(session, clock, seconds)
    assert session.attract_index == 1
    session.touch()
    session.end("home")
    run_for(session, clock, seconds - 0.5)
    assert session.attract_index == 1  # a full slide time after the visitor left
    run_for(session, clock, 0.5)
    assert session.attract_index == 2


def _image_demo(session: Session, bundle: Bundle) -> None:
    in_entity(session, bundle)
    demo = next(d for d in bundle.entity("mict").demos if d.screens[0].hotspots)
    session.open_demo(demo.id)
    assert session.screen is not None and session.screen.hotspots


def test_the_hint_shows_after_a_quiet_while_then_goes(
    session: Session, clock: ManualClock, bundle: Bundle
) -> None:
    _image_demo(session, bundle)
    run_for(session, clock, HINT_IDLE_S - 0.5)
    assert not session.hint_visible
    run_for(session, clock, 0.5)
    assert session.hint_visible
    run_for(session, clock, HINT_SHOWN_S)
    assert not session.hint_visible


def test_a_miss_shows_the_hint_at_once_and_a_touch_delays_the_quiet_one(
    session: Session, clock: ManualClock, bundle: Bundle
) -> None:
    _image_demo(session, bundle)
    run_for(session, clock, HINT_IDLE_S - 1)
    session.touch()
    run_for(session, clock, HINT_IDLE_S - 1)
    assert not session.hint_visible
    assert session.tap_image(0.001, 0.999) is None  # a corner: no hotspot there
    assert session.hint_visible
    hotspot = session.screen.hotspots[0] if session.screen else None
    assert hotspot is not None
    session.tap_image(
        hotspot.x + hotspot.w / 2, hotspot.y + hotspot.h / 2
    )  # a hit: the next screen, hint gone
    assert not session.hint_visible


def test_no_hint_where_there_is_nothing_to_find(
    session: Session, clock: ManualClock, bundle: Bundle
) -> None:
    in_entity(session, bundle)
    run_for(session, clock, HINT_IDLE_S * 2)
    session.show_hint()
    assert not session.hint_visible  # an entity page has no hotspots


def test_nothing_moves_under_the_are_you_still_there_warning(
    session: Session, clock: ManualClock, bundle: Bundle
) -> None:
    in_entity(session, bundle)
    clock.advance(bundle.idle.timeout)
    session.tick()
    assert session.warning
    run_for(session, clock, bundle.idle.countdown - 0.5)
    assert session.slide_index == 0  # however long the slide's time was


# -- a video that does not play is skipped, never left black --------------------------------------


def on_video(session: Session, bundle: Bundle) -> int:
    in_entity(session, bundle)
    slides = bundle.entity("mict").slides
    video = next(i for i, s in enumerate(slides) if s.kind == "video")
    session.show_slide(video)
    session.video_asked()  # the pane asked the player to play
    return video


def logged(session: Session) -> list[Event]:
    events: list[Event] = []
    session.listeners.append(events.append)
    return events


def test_a_video_the_player_refuses_is_logged_and_skipped_within_a_second(
    session: Session, clock: ManualClock, bundle: Bundle
) -> None:
    video = on_video(session, bundle)
    events = logged(session)
    session.set_video_playing(True)  # the player says "playing" before it finds out
    session.video_failed("invalid")
    errors = [e for e in events if e.type == "video_error"]
    assert [e.data for e in errors] == [
        {"entity": "mict", "slide": bundle.entity("mict").slides[video].id, "reason": "invalid"}
    ]
    assert not session.video_playing  # the idle timeout is the normal one again
    run_for(session, clock, VIDEO_SKIP_S - 0.25)
    assert session.slide_index == video  # the poster shows a moment
    run_for(session, clock, 0.25)
    assert session.slide_index == video + 1
    change = next(e for e in events if e.type == "slide_change")
    assert change.data["auto"] is True
    assert VIDEO_SKIP_S <= 1.0


def test_a_video_that_shows_nothing_counts_as_failed_after_the_stall_time(
    session: Session, clock: ManualClock, bundle: Bundle
) -> None:
    video = on_video(session, bundle)
    events = logged(session)
    session.set_video_playing(True)  # "playing", but its position never moves
    run_for(session, clock, VIDEO_STALL_S - 0.25)
    assert not [e for e in events if e.type == "video_error"]
    run_for(session, clock, 0.25)
    assert [e.data["reason"] for e in events if e.type == "video_error"] == ["stalled"]
    assert session.slide_index == video + 1  # its poster has shown long enough already
    assert VIDEO_STALL_S < 2.0


def test_a_video_that_plays_is_never_skipped_and_one_error_is_logged_once(
    session: Session, clock: ManualClock, bundle: Bundle
) -> None:
    video = on_video(session, bundle)
    events = logged(session)
    session.set_video_playing(True)
    session.video_progress()
    for _ in range(6):
        session.touch()
        run_for(session, clock, 10)
    assert session.slide_index == video
    assert not [e for e in events if e.type == "video_error"]
    session.video_failed("error")  # it broke half-way: a moment on its slide, then the next
    session.video_failed("error")  # the player reports an error and then an invalid status
    session.video_failed("invalid")
    assert len([e for e in events if e.type == "video_error"]) == 1
    run_for(session, clock, VIDEO_SKIP_S - 0.25)
    assert session.slide_index == video
    run_for(session, clock, 0.25)
    assert session.slide_index == video + 1


def test_leaving_a_failed_videos_slide_cancels_its_skip(
    session: Session, clock: ManualClock, bundle: Bundle
) -> None:
    video = on_video(session, bundle)
    session.video_failed("error")
    session.prev_slide()  # the visitor went back before it moved on
    run_for(session, clock, VIDEO_SKIP_S + VIDEO_STALL_S)
    assert session.slide_index == video - 1
    session.home()
    session.open_entity("mict")
    session.show_slide(video)
    session.video_asked()
    session.video_progress()  # this time it plays
    run_for(session, clock, 3)
    assert session.slide_index == video


def test_reports_about_other_slides_or_pages_change_nothing(
    session: Session, clock: ManualClock, bundle: Bundle
) -> None:
    in_entity(session, bundle)  # an image slide is shown
    events = logged(session)
    session.video_failed("error")
    session.video_asked()
    run_for(session, clock, 3)
    assert session.slide_index == 0
    assert not [e for e in events if e.type == "video_error"]
