"""A walk through every page and state of a running kiosk, for screenshots and the layout
checker: attract, Home, each entity with its slides, each demo screen kind (and the hint,
the keyboard up on a form, and the idle warning over it), the end screen, the idle warning,
and the staff PIN pad and panel.

:func:`tour` drives a :class:`~kiosk.qt.testing.Kiosk` and yields a name at each state,
once it is drawn and still; the caller grabs or checks the window there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickItem

from ..admin import hash_pin
from ..bundle import media, pack
from ..bundle.model import Bundle, Entity, Slide
from ..clock import ManualClock
from ..config import Config
from ..session import HINT_IDLE_S, HINT_SHOWN_S
from . import layoutcheck
from .admin import Admin
from .layoutcheck import Problem, Where
from .testing import Kiosk, items_named, settle, start_kiosk, visible_items, wait_until

SHAPES: dict[str, tuple[int, int]] = {
    "1280x800": (1280, 800),
    "1366x768": (1366, 768),
    "1080p": (1920, 1080),
    "portrait": (1080, 1920),
    "1440p": (2560, 1440),
    "4k": (3840, 2160),
    "4k-portrait": (2160, 3840),
}
"""Every screen shape a pavilion uses (UI.md, "Screen shapes"), by name."""

STILL_MS = 80
"""How long a state is left once drawn, its pictures loaded: the tour makes every transition
instant (Theme.motion = 0), so this is a few frames."""


@dataclass(frozen=True)
class Walk:
    """What the tour covers."""

    every_slide: bool = True
    """Every slide of every entity and every demo screen; else each entity's first slide,
    the first slide of each kind, the bundle's longest text slide, and each demo screen kind
    once (with the hint and the keyboard)."""
    pin: str | None = None
    """The staff PIN (the kiosk's config must hold its hash): the staff overlay is shot."""
    panel_ready: Callable[[Admin], bool] | None = None
    """The panel has read what it shows (else the panel is caught as it opens)."""


PIN = "2468"
"""The staff PIN of a kiosk started by :func:`start`."""


def drop_folder(bundle: Path, where: Path) -> Path:
    """A drop folder as staff bring one: the bundle packed, and a damaged archive."""
    usb = where / "usb"
    usb.mkdir()
    pack(bundle, usb / "pavilion-update.zip")
    (usb / "damaged.zip").write_bytes(b"PK\x03\x04 not a whole archive")
    return usb


def panel_ready(admin: Admin) -> bool:
    """The panel has read the store and today's figures, and checked both drops."""
    found = admin.found
    return (
        admin.today is not None
        and admin.store_view is not None
        and len(found) == 2
        and not any(f.checking for f in found)
    )


def start(bundle: Path, work: Path, shape: str, lang: str) -> tuple[Kiosk, ManualClock]:
    """A kiosk at this shape and language, with a PIN and a drop folder for the staff panel."""
    usb = work / "usb"
    if not usb.exists():
        drop_folder(bundle, work)
    data = work / f"{shape}-{lang}"
    data.mkdir()
    config = Config(
        path=data / "kiosk.toml",
        data_dir=data,
        pin_hash=hash_pin(PIN),
        drop_folders=(usb,),
        kiosk_id="tour",
    )
    clock = ManualClock()
    w, h = SHAPES[shape]
    k = start_kiosk(
        bundle, width=w, height=h, language=lang, clock=clock, config=config, unscheduled=True
    )
    return k, clock


def still(k: Kiosk) -> None:
    """Wait until one page is on screen and every picture on screen has loaded."""
    wait_until(lambda: k.pages_on_screen() == 1, 5000)
    settle(STILL_MS)
    wait_until(lambda: pictures_loaded(k.window.contentItem()), 5000)


def pictures_loaded(root: QQuickItem) -> bool:
    """Every picture on screen below ``root`` has loaded (none still on its way)."""
    return all(_loaded(i) for i in visible_items(root))


def _loaded(item: QQuickItem) -> bool:
    if not item.inherits("QQuickImage") or not str(item.property("source").toString()):
        return True
    return float(item.property("progress")) >= 1.0


def instant(k: Kiosk) -> None:
    """Make every transition of the kiosk's UI instant (see Theme.motion)."""
    theme = k.engine.singletonInstance("Kiosk", "Theme")
    if not isinstance(theme, QObject):
        raise LookupError("the Kiosk module's Theme singleton is not loaded")
    theme.setProperty("motion", 0)


def each_entity(k: Kiosk) -> Iterator[Entity]:
    """Each entity of the kiosk's bundle in Home order, its page open (from Home, as a
    visitor opens it)."""
    for entity in k.bundle.entities:
        k.controller.home()
        k.wait_page("home")
        k.controller.openEntity(entity.id)
        k.wait_page("entity")
        yield entity


def tour(k: Kiosk, clock: ManualClock, walk: Walk = Walk()) -> Iterator[str]:
    instant(k)
    still(k)
    yield "attract"
    k.tap_at(k.centre(k.window.contentItem()))
    k.wait_page("home")
    still(k)
    yield "home"

    longest = _longest_text_slide(k)
    kinds: set[str] = set()
    for entity in each_entity(k):
        for i, slide in enumerate(entity.slides):
            kind = f"{slide.kind}-{media_shape(k.bundle, slide)}"  # a portrait photo is new
            wanted = walk.every_slide or i == 0 or kind not in kinds or slide is longest
            kinds.add(kind)
            if not wanted:
                continue
            k.controller.showSlide(i)
            still(k)
            yield f"entity-{entity.id}-{i + 1:02d}-{slide.kind}"
        k.controller.showSlide(0)
        # let the carousel finish building the neighbours it started: a model that shrinks
        # under a half-built delegate makes Qt warn ("DelegateModel::cancel: index out range")
        still(k)

    seen: set[str] = set()
    ended = False
    for entity in k.bundle.entities:
        for demo in entity.demos:
            k.controller.home()
            k.wait_page("home")
            k.controller.openEntity(entity.id)
            k.wait_page("entity")
            k.controller.openDemo(demo.id)
            k.wait_page("demo")
            for screen_id, _index, target in demo.route_to_end():
                screen = demo.screen(screen_id)
                key = f"{screen.kind}"
                if walk.every_slide or key not in seen:
                    seen.add(key)
                    still(k)
                    yield f"demo-{demo.id}-{screen_id}-{screen.kind}"
                    if screen.hotspots and "hint" not in seen:
                        seen.add("hint")  # the session shows it after a quiet while
                        clock.advance(HINT_IDLE_S + 0.1)
                        still(k)
                        yield f"demo-{demo.id}-{screen_id}-hint"
                        clock.advance(HINT_SHOWN_S + 0.1)
                    if screen.kind == "form" and "keyboard" not in seen:
                        fields = items_named(k.window.contentItem(), "field-")
                        if fields:
                            seen.add("keyboard")
                            k.tap(fields[0].objectName())  # scrolled into sight first
                            if wait_until(lambda: k.find("keyboard") is not None, 5000):
                                still(k)
                                yield f"demo-{demo.id}-{screen_id}-keyboard"
                                # the visitor stops typing: "are you still there?"
                                clock.advance(k.bundle.idle.timeout + 0.1)
                                wait_until(lambda: k.session.warning, 5000)
                                still(k)
                                yield f"demo-{demo.id}-{screen_id}-keyboard-idle"
                                k.controller.touch()  # they continue: the keyboard is back
                                wait_until(lambda: k.find("keyboard") is not None, 5000)
                            QGuiApplication.inputMethod().hide()
                            wait_until(lambda: k.find("keyboard") is None, 5000)
                k.controller.follow(target)
            if not ended:
                ended = True
                still(k)
                yield f"demo-{demo.id}-end"

    clock.advance(k.bundle.idle.timeout + 1)
    still(k)
    yield "idle"
    k.controller.touch()

    admin = k.admin
    if walk.pin is None or admin is None:
        return
    k.controller.home()
    admin.open_pin()  # in the kiosk's default language
    if admin.language != k.controller.language:
        k.tap("adminLanguage")
    for digit in walk.pin[:3]:
        k.tap(f"pinKey-{digit}")
    still(k)
    yield "admin-pin"
    k.tap("pinKey-OK")  # three digits: the pad says why it did not open
    still(k)
    yield "admin-pin-wrong"
    admin.submitPin(walk.pin)
    ready = walk.panel_ready
    if ready is not None:
        wait_until(lambda: ready(admin), 30_000)
    still(k)
    yield "admin-panel"
    admin.close()


def media_shape(bundle: Bundle, slide: Slide) -> str:
    """``portrait``, ``landscape`` or ``""`` (no media, or not readable): the shape of a
    slide's picture or video as shown, from its header (kiosk.bundle.media)."""
    rel = slide.video or slide.image
    if rel is None:
        return ""
    try:
        data = bundle.path(rel).read_bytes()
        kind = media.sniff(data[:16])
        if kind is media.Kind.MP4:
            video = media.mp4_info(data)
            w, h = video.shown_width, video.shown_height
        elif kind in media.IMAGE_KINDS:
            image = media.image_info(kind, data)
            w, h = image.shown_width, image.shown_height
        else:
            return ""
    except (OSError, media.MediaError):
        return ""
    return "portrait" if h > w else "landscape"


def _longest_text_slide(k: Kiosk) -> Slide | None:
    texts = [s for e in k.bundle.entities for s in e.slides if s.kind == "text"]
    if not texts:
        return None

    def size(slide: Slide) -> int:
        words = [slide.title, slide.body, *slide.bullets]
        lang = k.session.language
        return sum(len(t.get(lang)) for t in words if t is not None)

    return max(texts, key=size)


def check_shape(bundle: Path, work: Path, shape: str, lang: str) -> list[Problem]:
    """The layout checker at every state of the tour, at this shape, in this language."""
    k, clock = start(bundle, work, shape, lang)
    problems: list[Problem] = []
    try:
        walk = Walk(every_slide=False, pin=PIN, panel_ready=panel_ready)
        for state in tour(k, clock, walk):
            problems += layoutcheck.check(k.window, Where(state, lang, shape))
    finally:
        k.close()
        settle(50)
    return problems
