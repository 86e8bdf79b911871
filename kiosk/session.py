"""The visitor session: a pure state machine with an injectable clock.

attract ──touch──► home ──entity──► entity ──demo──► demo ──end──► demo-end
   ▲                ▲  ◄──back─────   │  ◄──exit────   │                │
   └── idle timeout (after the "are you still there?" countdown) ◄──────┘
   │
   └──► closed / interrupt: the bundle's schedule (kiosk.schedule), nobody using the kiosk

The schedule is asked at quiet moments (the attract loop, the closed screen, an interrupt's
loop, and the moment a visit ends): the kiosk switches content there, never under a visitor.
An interrupt (or the closing time) that comes during a visit ends it politely: a countdown
(:attr:`Session.ending`), then the interrupt's loop or the closed screen.

Every change is reported to listeners as an :class:`Event` (type + payload), which
the analytics writer logs. The Qt layer only calls methods and reads state; it
calls :meth:`Session.tick` periodically so deadlines fire: the idle warning and
timeout, the attract loop's rotation, a slide's auto-advance and a demo's hint. All
of them run on the injected clock, so a test's ManualClock reaches every one.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol

from .bundle.model import END, Bundle, Demo, Entity, Screen, Slide
from .clock import WallClock, wall_of
from .schedule import FULL, Slot, State, loop_slides, view

HINT_IDLE_S = 8.0
"""A demo screenshot's hint shows by itself after this long without a touch."""
HINT_SHOWN_S = 4.0
"""How long the hint stays (after a miss, or by itself)."""
VIDEO_STALL_S = 1.5
"""A video asked to play that shows no progress for this long has failed (a garbled file the
player neither plays nor refuses)."""
VIDEO_SKIP_S = 0.8
"""A failed video's slide moves on this long after the video was asked to play (at once when
that has passed, as after a stall): the poster shows for a moment, never a black slide."""
VIDEO_ERRORS = ("error", "invalid", "stalled")
"""Why a video failed (the ``video_error`` event's ``reason``): the player reported an error;
it found the file is not a video it can play; or it showed nothing for VIDEO_STALL_S."""


class Clock(Protocol):
    def __call__(self) -> float:
        """Seconds, monotonic."""
        ...


class Page(StrEnum):
    ATTRACT = "attract"
    HOME = "home"
    ENTITY = "entity"
    DEMO = "demo"
    DEMO_END = "demo-end"
    CLOSED = "closed"
    INTERRUPT = "interrupt"


QUIET = (Page.ATTRACT, Page.CLOSED, Page.INTERRUPT)
"""Pages where nobody is using the kiosk: content may change there."""
SCHEDULED_PAGE = {
    State.OPEN: Page.ATTRACT,
    State.CLOSED: Page.CLOSED,
    State.INTERRUPT: Page.INTERRUPT,
}


@dataclass(frozen=True)
class Event:
    type: str
    data: dict[str, Any] = field(default_factory=dict)


Listener = Callable[[Event], None]


class Session:
    """One kiosk's visitor state. Not thread-safe: call it from one thread."""

    def __init__(
        self, bundle: Bundle, clock: Clock = time.monotonic, wall: WallClock | None = None
    ) -> None:
        self.clock = clock
        self.wall = wall or wall_of(clock)
        """The date and time (the schedule's); a ManualClock's moves with it."""
        self.listeners: list[Listener] = []
        self._full = bundle
        self._bundle = bundle
        """What the current slot shows of the bundle (kiosk.schedule.view)."""
        self.slot: Slot = FULL
        self.ending: Slot | None = None
        """A visit is being ended for this slot (an interrupt, the closing time)."""
        self._ending_since = 0.0
        self.loop_index = 0
        """Which of the interrupt's slides is on screen."""
        self._loop_since = clock()
        self.language = bundle.default_language
        self.attract_index = 0
        self._attract_since = self.clock()
        self.page = Page.ATTRACT
        self.session_id: str | None = None
        self.entity: Entity | None = None
        self.slide_index = 0
        self.demo: Demo | None = None
        self.screen: Screen | None = None
        self.warning = False
        self.video_playing = False
        self._last_touch = clock()
        self._warning_since = 0.0
        self._page_since = clock()
        self._session_start = 0.0
        self._slide_since = clock()
        self.attract_index = 0
        """Which of the bundle's attract slides is on screen."""
        self._attract_since = clock()
        self._advance_since = clock()
        self.hint_visible = False
        self._hint_since = clock()
        self._video_waiting_since: float | None = None
        """When the shown video was asked to play, until it shows progress."""
        self._video_skip_at: float | None = None
        """When the slide of a video that failed moves on."""
        self._follow_schedule(self.clock())

    # -- reading -----------------------------------------------------------------------------

    @property
    def bundle(self) -> Bundle:
        """The bundle as the current slot shows it (a daypart's choice of content)."""
        return self._bundle

    @property
    def full_bundle(self) -> Bundle:
        """The bundle as installed, whatever the schedule."""
        return self._full

    @property
    def quiet(self) -> bool:
        """Nobody is using the kiosk (attract loop, closed screen, interrupt loop)."""
        return self.page in QUIET

    def ending_left(self) -> float:
        """Seconds left before a visit ends for an interrupt or the closing (0 when none)."""
        if self.ending is None or self._full.schedule is None:
            return 0.0
        return max(0.0, self._full.schedule.countdown - (self.clock() - self._ending_since))

    def local_now(self) -> datetime:
        """The pavilion's date and time (naive), in the schedule's time zone."""
        schedule = self._full.schedule
        now = self.wall()
        return schedule.local(now) if schedule else now.replace(tzinfo=None)

    def loop(self) -> tuple[tuple[Entity, Slide], ...]:
        """The interrupt's full-screen loop (empty when no interrupt is on)."""
        if self.slot.interrupt is None:
            return ()
        return loop_slides(self._full, self.slot.interrupt)

    @property
    def idle_timeout(self) -> float:
        idle = self._bundle.idle
        return idle.video_timeout if self.video_playing else idle.timeout

    def countdown_left(self) -> float:
        """Seconds left on the idle warning's countdown (0 when no warning)."""
        if not self.warning:
            return 0.0
        return max(0.0, self._bundle.idle.countdown - (self.clock() - self._warning_since))

    @property
    def step(self) -> int:
        """1-based step of the current demo screen."""
        if self.demo is None or self.screen is None:
            return 0
        return self.demo.index_of(self.screen.id) + 1

    # -- events ------------------------------------------------------------------------------

    def _emit(self, type_: str, **data: Any) -> None:
        event = Event(type_, data)
        for listener in list(self.listeners):
            listener(event)

    def _goto(self, page: Page) -> None:
        """Leave the current page (logging its view and dwell time) and enter ``page``."""
        now = self.clock()
        self._emit(
            "page_view",
            page=self.page.value,
            dwell_s=round(now - self._page_since, 3),
            **self._where(),
        )
        self._page_since = now
        if self.page is Page.ENTITY:
            self.video_playing = False
            self._forget_video()
        self.page = page

    def _where(self) -> dict[str, Any]:
        where: dict[str, Any] = {}
        if self.entity:
            where["entity"] = self.entity.id
        if self.demo:
            where["demo"] = self.demo.id
        return where

    def _close_slide(self) -> None:
        if self.entity is not None and self.page is Page.ENTITY:
            slide = self.entity.slides[self.slide_index]
            self._emit(
                "slide_shown",
                entity=self.entity.id,
                slide=slide.id,
                shown_s=round(self.clock() - self._slide_since, 3),
            )

    # -- visitor input -----------------------------------------------------------------------

    def touch(self) -> None:
        """Any touch: starts a session from the attract loop, dismisses the idle warning."""
        self._last_touch = self.clock()
        if self.page in (Page.CLOSED, Page.INTERRUPT):
            return  # nobody can start a visit now
        self._advance_since = self._last_touch  # a visitor reading: the slide waits
        if self.warning:
            self.warning = False
            self._emit("idle_dismissed")
        if self.page is Page.ATTRACT:
            self.session_id = uuid.uuid4().hex
            self._session_start = self._last_touch
            self._emit("session_start", language=self.language)
            self._goto(Page.HOME)

    def home(self) -> None:
        if self.page in (Page.HOME, Page.ATTRACT):
            return
        self._close_slide()
        self._abandon_demo()
        self._goto(Page.HOME)
        self.entity = None
        self.demo = self.screen = None

    def open_entity(self, entity_id: str) -> None:
        if self.page is not Page.HOME:
            return
        self._goto(Page.ENTITY)
        self.entity = self._bundle.entity(entity_id)
        self.slide_index = 0
        self._slide_since = self._advance_since = self.clock()
        self._forget_video()

    def show_slide(self, index: int, *, auto: bool = False) -> None:
        """Go to slide ``index`` (wrapping around)."""
        if self.entity is None or self.page is not Page.ENTITY:
            return
        n = len(self.entity.slides)
        index %= n
        if index == self.slide_index:
            return
        self._close_slide()
        self.slide_index = index
        self._slide_since = self._advance_since = self.clock()
        self.video_playing = False
        self._forget_video()
        self._emit("slide_change", entity=self.entity.id, index=index, auto=auto)

    def next_slide(self, *, auto: bool = False) -> None:
        self.show_slide(self.slide_index + 1, auto=auto)

    def prev_slide(self) -> None:
        self.show_slide(self.slide_index - 1)

    def set_video_playing(self, playing: bool) -> None:
        if playing != self.video_playing:
            self.video_playing = playing
            self._advance_since = self.clock()  # a stopped video's slide waits its full time
            if self.entity is not None:
                slide = self.entity.slides[self.slide_index]
                self._emit(
                    "video_play" if playing else "video_stop", entity=self.entity.id, slide=slide.id
                )

    def video_asked(self) -> None:
        """The shown video slide asked the player to play (again): the watchdog starts. A
        video that shows no progress within VIDEO_STALL_S has failed."""
        if self._shows_video() and self._video_skip_at is None:
            self._video_waiting_since = self.clock()

    def video_progress(self) -> None:
        """The shown video showed a frame: it plays."""
        self._video_waiting_since = None

    def video_failed(self, reason: str) -> None:
        """The shown video cannot play (``reason``, one of VIDEO_ERRORS): logged once, and
        its slide moves on after VIDEO_SKIP_S, so a broken file never leaves a black slide
        "playing" with the carousel stopped."""
        if self.entity is None or not self._shows_video() or self._video_skip_at is not None:
            return
        slide = self.entity.slides[self.slide_index]
        asked = self._video_waiting_since
        self._video_waiting_since = None
        self._video_skip_at = (self.clock() if asked is None else asked) + VIDEO_SKIP_S
        self.video_playing = False
        self._advance_since = self.clock()  # the skip moves it on, not its duration
        self._emit(
            "video_error",
            entity=self.entity.id,
            slide=slide.id,
            reason=reason if reason in VIDEO_ERRORS else "error",
        )

    def _shows_video(self) -> bool:
        return (
            self.page is Page.ENTITY
            and self.entity is not None
            and self.entity.slides[self.slide_index].kind == "video"
        )

    def _forget_video(self) -> None:
        self._video_waiting_since = self._video_skip_at = None

    def video_finished(self) -> None:
        if self.entity is not None:
            slide = self.entity.slides[self.slide_index]
            self._emit("video_complete", entity=self.entity.id, slide=slide.id)
        self.video_playing = False
        self.next_slide(auto=True)

    def open_demo(self, demo_id: str) -> None:
        if self.entity is None:
            return
        if self.page is not Page.ENTITY:
            return
        self._close_slide()
        self._goto(Page.DEMO)
        self.demo = next(d for d in self.entity.demos if d.id == demo_id)
        self.screen = self.demo.screens[0]
        self._emit("demo_start", entity=self.entity.id, demo=self.demo.id)
        self._emit_step()

    def _emit_step(self) -> None:
        self._hide_hint()
        assert self.demo and self.screen and self.entity
        self._emit(
            "demo_step",
            entity=self.entity.id,
            demo=self.demo.id,
            screen=self.screen.id,
            step=self.step,
        )

    def follow(self, target: str) -> None:
        """A hotspot or button was hit: go to ``target`` (a screen id or ``end``)."""
        if self.demo is None or self.entity is None or self.page is not Page.DEMO:
            return
        if target == END:
            self._emit(
                "demo_complete",
                entity=self.entity.id,
                demo=self.demo.id,
                steps=len(self.demo.screens),
            )
            self._goto(Page.DEMO_END)
            if self.demo.service_url:
                self._emit("qr_shown", entity=self.entity.id, demo=self.demo.id)
            return
        self.screen = self.demo.screen(target)
        self._emit_step()

    def tap_image(self, x: float, y: float) -> str | None:
        """A tap at normalised (x, y) on an image screen: follows a hotspot, or reports a miss.

        Returns the target followed, or None for a miss.
        """
        if self.screen is None or self.screen.kind != "image" or self.page is not Page.DEMO:
            return None
        assert self.demo and self.entity
        hit = next((h for h in self.screen.hotspots if h.contains(x, y)), None)
        self._emit(
            "demo_tap",
            entity=self.entity.id,
            demo=self.demo.id,
            screen=self.screen.id,
            x=round(x, 4),
            y=round(y, 4),
            hit=hit is not None,
        )
        if hit is not None:
            self.follow(hit.target)
            return hit.target
        self._emit(
            "hotspot_miss",
            entity=self.entity.id,
            demo=self.demo.id,
            screen=self.screen.id,
            x=round(x, 4),
            y=round(y, 4),
        )
        self.show_hint()
        return None

    def show_hint(self) -> None:
        """Show the screen's hint (a tap that found nothing): never a punishment."""
        if self.page is Page.DEMO and self.screen is not None and self.screen.hotspots:
            self.hint_visible = True
            self._hint_since = self.clock()

    def _hide_hint(self) -> None:
        self.hint_visible = False
        self._hint_since = self.clock()

    def restart_demo(self) -> None:
        if self.demo is None or self.entity is None:
            return
        if self.page is Page.DEMO:
            self._emit(
                "demo_abandon",
                entity=self.entity.id,
                demo=self.demo.id,
                step=self.step,
                reason="restart",
            )
        else:
            self._goto(Page.DEMO)
        self.screen = self.demo.screens[0]
        self._emit("demo_start", entity=self.entity.id, demo=self.demo.id)
        self._emit_step()

    def exit_demo(self) -> None:
        """Back to the entity page the demo was opened from."""
        if self.entity is None or self.page not in (Page.DEMO, Page.DEMO_END):
            return
        self._abandon_demo()
        self._goto(Page.ENTITY)
        self.demo = self.screen = None
        self._hide_hint()
        self._slide_since = self._advance_since = self.clock()

    def _abandon_demo(self, reason: str = "exit") -> None:
        if self.demo is not None and self.entity is not None and self.page is Page.DEMO:
            self._emit(
                "demo_abandon",
                entity=self.entity.id,
                demo=self.demo.id,
                step=self.step,
                reason=reason,
            )

    def feedback(self, rating: int) -> None:
        """One-tap rating (1 to 3) at the end of a demo."""
        if rating not in (1, 2, 3):
            raise ValueError(rating)
        self._emit("feedback", rating=rating, **self._where())

    def set_language(self, lang: str) -> None:
        if lang not in self._bundle.languages or lang == self.language:
            return
        old, self.language = self.language, lang
        self._emit("language_change", from_=old, to=lang)

    def tap(self, x: float, y: float, target: str) -> None:
        """A tap anywhere (normalised to the window), for heat maps."""
        self._emit(
            "tap",
            x=round(x, 4),
            y=round(y, 4),
            target=target,
            page=self.page.value,
            **self._where(),
        )

    # -- time --------------------------------------------------------------------------------

    def tick(self) -> None:
        """Run what is due (call it a few times a second): the attract loop's rotation,
        the idle warning and timeout, a slide's auto-advance, a demo hint."""
        now = self.clock()
        self._follow_schedule(now)
        if self.page is Page.ATTRACT:
            self._rotate_attract(now)
            return
        if self.page is Page.INTERRUPT:
            self._rotate_loop(now)
            return
        if self.page is Page.CLOSED:
            return
        if self.ending is not None:  # the countdown covers the page: nothing moves under it
            if self.ending_left() <= 0:
                self.end(self.ending.state.value)
            return
        if not self.warning and now - self._last_touch >= self.idle_timeout:
            self.warning = True
            self._warning_since = now
            self._emit("idle_warning")
        elif self.warning and now - self._warning_since >= self._bundle.idle.countdown:
            self.end("idle")
            return
        if not self.warning:  # "are you still there?" covers the page: nothing moves under it
            self._watch_video(now)
            self._auto_advance(now)
            self._time_hint(now)

    def _rotate_attract(self, now: float) -> None:
        count = len(self._bundle.attract_loop())
        if count < 2:
            self.attract_index = 0
            return
        if now - self._attract_since >= self._bundle.attract.slide_seconds:
            self.attract_index = (self.attract_index + 1) % count
            self._attract_since = now

    def _rotate_loop(self, now: float) -> None:
        count = len(self.loop())
        if count < 2:
            self.loop_index = 0
        elif now - self._loop_since >= self._full.attract.slide_seconds:
            self.loop_index = (self.loop_index + 1) % count
            self._loop_since = now

    # -- the schedule ------------------------------------------------------------------------

    def _follow_schedule(self, now: float) -> None:
        """Ask the schedule what now is: switch on a quiet page; during a visit, end it
        politely for an interrupt or the closing time (a daypart waits for the visit's end)."""
        schedule = self._full.schedule
        if schedule is None:
            return
        slot = schedule.slot_at(self.wall())
        if self.quiet:
            if slot != self.slot:
                self._apply(slot, now)
        elif slot.state is not State.OPEN and self.ending is None:
            self.ending = slot
            self._ending_since = now
            if self.warning:
                self.warning = False
                self._emit("idle_dismissed")
            self._emit("schedule_ending", slot=slot.name, countdown_s=round(schedule.countdown, 3))

    def _apply(self, slot: Slot, now: float) -> None:
        old, self.slot = self.slot, slot
        self._bundle = view(self._full, slot)
        self.attract_index = self.loop_index = 0
        self._attract_since = self._loop_since = now
        page = SCHEDULED_PAGE[slot.state]
        if page is not self.page:
            self._goto(page)
        if slot != old:
            self._emit("schedule_slot", slot=slot.name, previous=old.name)

    def _watch_video(self, now: float) -> None:
        """A video that was asked to play and shows nothing fails; a failed one is skipped."""
        if self.page is not Page.ENTITY:
            return
        waiting = self._video_waiting_since
        if waiting is not None and now - waiting >= VIDEO_STALL_S:
            self.video_failed("stalled")
        if self._video_skip_at is not None and now >= self._video_skip_at:
            self._video_skip_at = None
            self.next_slide(auto=True)

    def _auto_advance(self, now: float) -> None:
        """An entity's slides move on by themselves, each after its ``duration``, unless a
        video is playing (it moves on when it ends) or the visitor touched the screen."""
        if self.page is not Page.ENTITY or self.entity is None or self.video_playing:
            return
        slides = self.entity.slides
        if len(slides) > 1 and now - self._advance_since >= slides[self.slide_index].duration:
            self.next_slide(auto=True)

    def _time_hint(self, now: float) -> None:
        if self.page is not Page.DEMO or self.screen is None or not self.screen.hotspots:
            return
        if self.hint_visible:
            if now - self._hint_since >= HINT_SHOWN_S:
                self._hide_hint()
        elif now - max(self._hint_since, self._last_touch) >= HINT_IDLE_S:
            self.show_hint()

    def end(self, reason: str) -> None:
        """End the visitor session and return to the attract loop in the default language
        (or to what the schedule has now: the closed screen, an interrupt's loop)."""
        if self.quiet:
            return
        self._close_slide()
        self._abandon_demo(reason="timeout" if reason == "idle" else reason)
        self._goto(Page.ATTRACT)
        self.demo = self.screen = None
        if reason == "idle":
            self._emit("idle_timeout")
        self._emit(
            "session_end", reason=reason, duration_s=round(self.clock() - self._session_start, 3)
        )
        self.warning = False
        self.video_playing = False
        self.hint_visible = False
        self.entity = None
        self.session_id = None
        self.language = self._bundle.default_language
        self._attract_since = self.clock()
        self.ending = None
        self._follow_schedule(self.clock())  # a quiet moment: the schedule's switch

    def replace_bundle(self, bundle: Bundle) -> None:
        """Switch content (only on a quiet page, when nobody is using the kiosk)."""
        if not self.quiet:
            raise RuntimeError("the bundle can only change when nobody is using the kiosk")
        self._full = bundle
        self.language = bundle.default_language
        now = self.clock()
        self.slot = FULL  # the old bundle's slot means nothing to the new one
        self._apply(bundle.schedule.slot_at(self.wall()) if bundle.schedule else FULL, now)
