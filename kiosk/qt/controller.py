"""The bridge between the visitor session (pure core) and QML.

QML calls slots; the controller forwards them to :class:`kiosk.session.Session`
and then re-reads the session, emitting a change signal for each group of
properties that really changed.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Property, QEnum, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from ..bundle.model import Bundle
from ..qr import qr_data_uri
from ..session import Page, Session
from . import models

QML_IMPORT_NAME = "KioskBackend"
QML_IMPORT_MAJOR_VERSION = 1

TICK_MS = 250
KEYBOARD_PREBUILD_S = 3.0
"""The on-screen keyboard (slow to build; figures: benchmarks/README.md, "Figures behind the
code's choices") is built this long after start, in the background, or at once when a demo
opens before that."""


@QmlElement
@QmlUncreatable("Pages only names the visitor pages")
class Pages(QObject):  # type: ignore[operator]
    """The visitor pages, for QML: ``controller.page === Pages.Entity`` (no string literals)."""

    @QEnum
    class Page(IntEnum):
        Attract = 0
        Home = 1
        Entity = 2
        Demo = 3
        DemoEnd = 4
        Closed = 5
        Interrupt = 6


PAGE_NUMBERS = {
    Page.ATTRACT: Pages.Page.Attract,
    Page.HOME: Pages.Page.Home,
    Page.ENTITY: Pages.Page.Entity,
    Page.DEMO: Pages.Page.Demo,
    Page.DEMO_END: Pages.Page.DemoEnd,
    Page.CLOSED: Pages.Page.Closed,
    Page.INTERRUPT: Pages.Page.Interrupt,
}
"""The session's pages (kiosk.session.Page) as QML sees them."""


@QmlElement
@QmlUncreatable("The controller is created by the kiosk and handed to Main.qml")
class Controller(QObject):  # type: ignore[operator]
    pageChanged = Signal()
    languageChanged = Signal()
    bundleChanged = Signal()
    entityChanged = Signal()
    slideChanged = Signal()
    screenChanged = Signal()
    idleChanged = Signal()
    videoChanged = Signal()
    attractChanged = Signal()
    hintChanged = Signal()
    keyboardChanged = Signal()
    scheduleChanged = Signal()
    """The schedule's slot changed (closed, an interrupt, a daypart)."""
    endingChanged = Signal()
    """A visit is being ended for an interrupt or the closing (or its countdown moved)."""
    loopChanged = Signal()
    demoMissed = Signal(int)
    """A tap missed every hotspot; the argument is the hotspot to pulse."""
    touched = Signal()
    """The visitor touched the screen (auto-advance waits)."""
    changed = Signal(str)
    """Something a visitor sees changed (page, slide, screen, language): for the trace."""

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._entities = models.ListModel(models.ENTITY_ROLES, self)
        self._slides = models.ListModel(models.SLIDE_ROLES, self)
        self._demos = models.ListModel(models.DEMO_ROLES, self)
        self._snap: dict[str, Any] = {}
        self._view: Bundle | None = None
        """The session's bundle as the schedule's slot shows it, as the models hold it."""
        self._born = session.clock()
        self._keyboard = False
        self._load_bundle()
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    @property
    def session(self) -> Session:
        return self._session

    def _load_bundle(self) -> None:
        self._load_view()
        self._sync()

    def _load_view(self) -> None:
        b = self._view = self._session.bundle
        self._entities.set_rows([models.entity_row(b, e) for e in b.entities])

    # -- change detection --------------------------------------------------------------------

    def _sync(self) -> None:
        s = self._session
        if s.bundle is not self._view:  # a daypart's content, on a quiet page
            self._load_view()
            self.bundleChanged.emit()
        snap = {
            "schedule": s.slot,
            "ending": (s.ending is not None, int(s.ending_left() + 0.999)),
            "loop": s.loop_index,
            "page": s.page,
            "language": s.language,
            "entity": s.entity.id if s.entity else None,
            "slide": (s.entity.id if s.entity else None, s.slide_index),
            "screen": (s.demo.id if s.demo else None, s.screen.id if s.screen else None),
            "idle": (s.warning, int(s.countdown_left() + 0.999)),
            "video": s.video_playing,
            "attract": s.attract_index,
            "hint": s.hint_visible,
            "keyboard": self._keyboard_wanted(),
        }
        old, self._snap = self._snap, snap
        if snap["entity"] != old.get("entity"):
            b = s.bundle
            ent = s.entity
            # Leaving an entity keeps its rows: the page is still fading out, and emptying
            # a model under a ListView that is creating delegates ahead makes Qt warn
            # ("DelegateModel::cancel: index out range", seen in the soak run).
            if ent is not None:
                self._slides.set_rows([models.slide_row(b, x) for x in ent.slides])
                self._demos.set_rows([models.demo_row(d) for d in ent.demos])
            self.entityChanged.emit()
        signals = {
            "page": self.pageChanged,
            "language": self.languageChanged,
            "slide": self.slideChanged,
            "screen": self.screenChanged,
            "idle": self.idleChanged,
            "video": self.videoChanged,
            "attract": self.attractChanged,
            "hint": self.hintChanged,
            "keyboard": self.keyboardChanged,
            "schedule": self.scheduleChanged,
            "ending": self.endingChanged,
            "loop": self.loopChanged,
        }
        for key, signal in signals.items():
            if snap[key] != old.get(key):
                signal.emit()
        for key in ("page", "language", "slide", "screen"):
            if old and snap[key] != old.get(key):
                self.changed.emit(self._describe())
                break

    def _keyboard_wanted(self) -> bool:
        s = self._session
        if not self._keyboard and (
            s.page is Page.DEMO or s.clock() - self._born >= KEYBOARD_PREBUILD_S
        ):
            self._keyboard = True  # once built, it stays
        return self._keyboard

    def _describe(self) -> str:
        s = self._session
        if s.page is Page.ENTITY and s.entity:
            return f"entity:{s.entity.id}:{s.slide_index}"
        if s.page is Page.DEMO and s.screen:
            return f"demo:{s.screen.id}"
        return s.page.value

    def sync(self) -> None:
        """Re-read the session after it was changed outside a slot (staff, tests)."""
        self._sync()

    def _tick(self) -> None:
        self._session.tick()
        self._sync()

    def _do(self, fn: Any, *args: Any) -> None:
        fn(*args)
        self._sync()

    def add_listener(self, listener: Any) -> None:
        self._session.listeners.append(listener)

    def replace_bundle(self, bundle: Bundle, walk: Callable[[Session], None] | None = None) -> None:
        """Show ``bundle`` (the session is on the attract loop). ``walk``, when given, moves
        the session on before QML sees anything (the Studio's preview goes back to the place
        it shows, without building the pages on the way)."""
        self._session.replace_bundle(bundle)
        if walk is not None:
            walk(self._session)
        self._slides.set_rows([])  # the old bundle's media must not be kept alive
        self._demos.set_rows([])
        self._snap.pop("entity", None)  # the entity shown, if any, is re-read from the bundle
        self._load_bundle()
        self.bundleChanged.emit()

    # -- properties --------------------------------------------------------------------------

    @Property(int, notify=pageChanged)
    def page(self) -> int:
        """The page on screen, a :class:`Pages.Page`."""
        return int(PAGE_NUMBERS[self._session.page])

    @Property(str, notify=languageChanged)
    def language(self) -> str:
        return self._session.language

    @Property(str, notify=bundleChanged)
    def defaultLanguage(self) -> str:
        return self._session.bundle.default_language

    @Property(dict, notify=bundleChanged)
    def title(self) -> dict[str, str]:
        return models.text(self._session.bundle.title)

    @Property(dict, notify=bundleChanged)
    def subtitle(self) -> dict[str, str]:
        return models.text(self._session.bundle.subtitle)

    @Property(dict, notify=bundleChanged)
    def theme(self) -> dict[str, str]:
        t = self._session.bundle.theme
        return {
            "primary": t.primary,
            "background": t.background,
            "surface": t.surface,
            "text": t.text,
            "onPrimary": t.on_primary,
        }

    @Property(dict, notify=bundleChanged)
    def fonts(self) -> dict[str, str]:
        f = self._session.bundle.fonts
        return {"arabic": f.arabic, "arabicHeading": f.arabic_heading, "latin": f.latin}

    @Property(float, notify=bundleChanged)
    def attractSeconds(self) -> float:
        return self._session.bundle.attract.slide_seconds

    @Property(QObject, notify=bundleChanged)
    def entities(self) -> QObject:
        return self._entities

    @Property(list, notify=bundleChanged)
    def attractSlides(self) -> list[dict[str, Any]]:
        return models.attract_rows(self._session.bundle)

    @Property(dict, notify=entityChanged)
    def entity(self) -> dict[str, Any]:
        e = self._session.entity
        return models.entity_row(self._session.bundle, e) if e else {}

    @Property(QObject, notify=entityChanged)
    def slides(self) -> QObject:
        return self._slides

    @Property(QObject, notify=entityChanged)
    def demos(self) -> QObject:
        return self._demos

    @Property(int, notify=slideChanged)
    def slideIndex(self) -> int:
        return self._session.slide_index

    @Property(dict, notify=screenChanged)
    def demo(self) -> dict[str, Any]:
        d = self._session.demo
        if d is None:
            return {}
        qr = qr_data_uri(d.service_url) if d.service_url else ""
        return {**models.demo_row(d), "serviceUrl": d.service_url or "", "qr": qr}

    @Property(dict, notify=screenChanged)
    def screen(self) -> dict[str, Any]:
        return models.screen_map(self._session.bundle, self._session.screen)

    @Property(int, notify=screenChanged)
    def step(self) -> int:
        return self._session.step

    @Property(bool, notify=idleChanged)
    def idleWarning(self) -> bool:
        return self._session.warning

    @Property(int, notify=idleChanged)
    def countdown(self) -> int:
        return int(self._session.countdown_left() + 0.999)

    @Property(bool, notify=videoChanged)
    def videoPlaying(self) -> bool:
        return self._session.video_playing

    @Property(int, notify=attractChanged)
    def attractIndex(self) -> int:
        """The attract slide on screen (the session rotates it on its clock)."""
        return self._session.attract_index

    @Property(bool, notify=hintChanged)
    def hintVisible(self) -> bool:
        """A demo screenshot's hint is showing (after a miss, or a while without a tap)."""
        return self._session.hint_visible

    @Property(bool, notify=keyboardChanged)
    def keyboardWanted(self) -> bool:
        """Time to build the on-screen keyboard."""
        return self._keyboard

    @Property(dict, notify=scheduleChanged)
    def closed(self) -> dict[str, Any]:
        """The closed screen: when the kiosk opens next, and whether the display goes dark."""
        return models.closed_map(self._session.slot, self._session.local_now())

    @Property(dict, notify=scheduleChanged)
    def interrupt(self) -> dict[str, Any]:
        """The interrupt on now: its title and its full-screen loop."""
        s = self._session
        return models.interrupt_map(s.full_bundle, s.slot, s.loop())

    @Property(int, notify=loopChanged)
    def loopIndex(self) -> int:
        return self._session.loop_index

    @Property(bool, notify=endingChanged)
    def ending(self) -> bool:
        """The visit is ending (an interrupt or the closing comes): a countdown shows."""
        return self._session.ending is not None

    @Property(int, notify=endingChanged)
    def endingCountdown(self) -> int:
        return int(self._session.ending_left() + 0.999)

    @Property(dict, notify=endingChanged)
    def endingFor(self) -> dict[str, Any]:
        """What the visit ends for: ``kind`` ("interrupt" or "closed") and the interrupt's title."""
        s = self._session
        slot = s.ending
        if slot is None:
            return {}
        return models.interrupt_map(s.full_bundle, slot, ()) | {"kind": slot.state.value}

    # -- visitor actions ---------------------------------------------------------------------

    @Slot()
    def touch(self) -> None:
        self._do(self._session.touch)
        self.touched.emit()

    @Slot(float, float, str)
    def logTap(self, x: float, y: float, target: str) -> None:
        self._session.tap(x, y, target)

    @Slot()
    def home(self) -> None:
        self._do(self._session.home)

    @Slot(str)
    def openEntity(self, entity_id: str) -> None:
        self._do(self._session.open_entity, entity_id)

    @Slot()
    def nextSlide(self) -> None:
        self._do(self._session.next_slide)

    @Slot()
    def prevSlide(self) -> None:
        self._do(self._session.prev_slide)

    @Slot()
    def autoAdvance(self) -> None:
        self._do(lambda: self._session.next_slide(auto=True))

    @Slot(int)
    def showSlide(self, index: int) -> None:
        self._do(self._session.show_slide, index)

    @Slot(bool)
    def setVideoPlaying(self, playing: bool) -> None:
        self._do(self._session.set_video_playing, playing)

    @Slot()
    def videoFinished(self) -> None:
        self._do(self._session.video_finished)

    @Slot()
    def videoAsked(self) -> None:
        """The shown video slide asked the player to play: the session's watchdog starts."""
        self._do(self._session.video_asked)

    @Slot()
    def videoProgress(self) -> None:
        """The shown video showed its first frame: it plays. Nothing a visitor
        sees changes, so nothing is re-read."""
        self._session.video_progress()

    @Slot(str)
    def videoFailed(self, reason: str) -> None:
        """The player reported that the shown video cannot play (kiosk.session.VIDEO_ERRORS):
        the session logs it and moves on."""
        self._do(self._session.video_failed, reason)

    @Slot(str)
    def openDemo(self, demo_id: str) -> None:
        self._do(self._session.open_demo, demo_id)

    @Slot(float, float, result=bool)
    def tapImage(self, x: float, y: float) -> bool:
        """A tap on a demo screenshot; False (and demoMissed) when it hit no hotspot."""
        hit = self._session.tap_image(x, y)  # a miss shows the hint
        self._sync()
        if hit is None:
            screen = self._session.screen
            if screen and screen.hotspots:
                self.demoMissed.emit(0)
            return False
        return True

    @Slot()
    def showHint(self) -> None:
        """A tap beside the screenshot: the hint says where to tap."""
        self._do(self._session.show_hint)

    @Slot(str)
    def follow(self, target: str) -> None:
        self._do(self._session.follow, target)

    @Slot()
    def restartDemo(self) -> None:
        self._do(self._session.restart_demo)

    @Slot()
    def exitDemo(self) -> None:
        self._do(self._session.exit_demo)

    @Slot(int)
    def feedback(self, rating: int) -> None:
        self._session.feedback(rating)

    @Slot(str)
    def setLanguage(self, lang: str) -> None:
        self._do(self._session.set_language, lang)

    @Slot()
    def toggleLanguage(self) -> None:
        langs = self._session.bundle.languages
        i = langs.index(self._session.language)
        self._do(self._session.set_language, langs[(i + 1) % len(langs)])
