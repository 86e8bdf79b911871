"""A visitor's path through the real UI (offscreen): what they would see at each stage."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtQuick import QQuickItem

from kiosk.bundle.model import END, Entity
from kiosk.clock import ManualClock
from kiosk.qt.controller import Pages
from kiosk.qt.testing import Kiosk, settle, wait_until
from tests import props

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "gui"
MakeKiosk = Callable[..., Kiosk]


def non_blank(image: QImage) -> bool:
    """More than a flat fill: text and shapes leave many distinct colours (anti-aliasing)."""
    small = image.scaled(192, 108)
    colours = {small.pixel(x, y) for x in range(small.width()) for y in range(small.height())}
    return len(colours) > 24


def drawn(item: QQuickItem) -> Callable[[], bool]:
    """For wait_until: ``item`` has a size of its own (an image decoded and shown)."""
    return lambda: bool(item.property("implicitWidth") > 0)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_visitor_taps_through_every_entity_slide_and_demo(
    make_kiosk: MakeKiosk, lang: str, tmp_path: Path
) -> None:
    db = tmp_path / "kiosk.db"
    k = make_kiosk(language=lang, db=db)
    expected: list[tuple[str, str | None, str | None]] = [("session_start", None, None)]
    assert props.page(k.controller) == Pages.Page.Attract
    k.tap_at(QPoint(960, 540))
    k.wait_page("home")
    assert props.language(k.controller) == lang
    for entity in k.bundle.entities:
        k.tap(f"tile-{entity.id}")
        k.wait_page("entity")
        expected.append(("page_view", None, "home"))
        assert props.entity(k.controller)["entityId"] == entity.id
        assert props.slideIndex(k.controller) == 0
        n = len(entity.slides)
        for i in range(1, n + 1):
            k.tap("nextSlide")
            want = i % n
            assert wait_until(props.onSlide(k.controller, want))
            k.wait_item(f"slide-{entity.slides[want].id}")
        for demo in entity.demos:
            k.tap(f"startDemo-{demo.id}")
            k.wait_page("demo")
            expected += [
                ("demo_start", entity.id, demo.id),
                ("demo_step", entity.id, demo.screens[0].id),
            ]
            assert props.step(k.controller) == 1
            for screen_id, index, target in demo.route_to_end():
                assert props.screen(k.controller)["screenId"] == screen_id
                step = demo.index_of(screen_id) + 1
                label = k.wait_item("stepLabel").property("text")
                assert str(step) in label and str(len(demo.screens)) in label
                kind = demo.screen(screen_id).kind
                k.tap(f"hotspot-{index}" if kind == "image" else f"formButton-{index}")
                if target == END:
                    k.wait_page("demo-end")
                    expected.append(("demo_complete", entity.id, demo.id))
                else:
                    assert wait_until(props.onScreen(k.controller, target))
                    expected.append(("demo_step", entity.id, target))
            if demo.service_url:
                qr = k.wait_item("qrCode")
                assert wait_until(drawn(qr))  # decoded and shown
            k.tap("backToEntity")
            k.wait_page("entity")
        k.tap("homeButton")
        k.wait_page("home")

    # What the visitor did is in the log, in order.
    assert k.log is not None and k.log.flush()
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT type, entity, target, session_id, language FROM events ORDER BY seq"
        ).fetchall()
    kept = {"session_start", "demo_start", "demo_step", "demo_complete"}
    logged = [
        (t, e, tg) for t, e, tg, _s, _l in rows if t in kept or (t == "page_view" and tg == "home")
    ]
    assert logged == expected
    assert len({s for *_x, s, _l in rows}) == 1  # one visitor session throughout
    assert {lang_ for *_x, lang_ in rows} == {lang}
    slides = sum(len(e.slides) for e in k.bundle.entities)
    assert sum(1 for t, *_ in rows if t == "slide_change") == slides
    assert sum(1 for t, *_ in rows if t == "tap") >= slides


def test_layout_mirrors_in_arabic(make_kiosk: MakeKiosk) -> None:
    positions = {}
    for lang in ("en", "ar"):
        k = make_kiosk(language=lang)
        k.controller.touch()
        k.controller.openEntity(k.bundle.entities[0].id)
        k.wait_page("entity")
        settle(400)
        positions[lang] = {
            n: k.centre(k.wait_item(n)).x() for n in ("homeButton", "nextSlide", "prevSlide")
        }
        k.close()
    assert positions["en"]["homeButton"] < 960 < positions["ar"]["homeButton"]
    assert positions["en"]["nextSlide"] > positions["en"]["prevSlide"]
    assert positions["ar"]["nextSlide"] < positions["ar"]["prevSlide"]


def test_language_switch_keeps_the_visitors_place(make_kiosk: MakeKiosk) -> None:
    k = make_kiosk(language="ar")
    k.controller.touch()
    entity = k.bundle.entities[1]
    k.controller.openEntity(entity.id)
    k.wait_page("entity")
    k.tap("nextSlide")
    assert wait_until(lambda: props.slideIndex(k.controller) == 1)
    assert wait_until(lambda: k.pages_on_screen() == 1)  # Home's button has faded away
    k.tap("languageButton")
    assert wait_until(lambda: props.language(k.controller) == "en")
    assert props.page(k.controller) == Pages.Page.Entity and props.slideIndex(k.controller) == 1
    assert k.item("languageButton").property("label") == "العربية"


def test_hotspot_miss_shows_a_hint_and_stays(make_kiosk: MakeKiosk) -> None:
    k = make_kiosk(language="en")
    k.controller.touch()
    entity, demo = next(
        (e, d) for e in k.bundle.entities for d in e.demos if d.screens[0].kind == "image"
    )
    k.controller.openEntity(entity.id)
    k.controller.openDemo(demo.id)
    k.wait_page("demo")
    spots = [k.wait_item(f"hotspot-{i}") for i in range(len(demo.screens[0].hotspots))]
    image = k.wait_item("screenImage")
    # a point on the screenshot far from every hotspot
    corner = image.mapToScene(image.boundingRect().topLeft())
    miss = QPoint(round(corner.x()) + 5, round(corner.y()) + 5)
    assert all(not s.contains(s.mapFromScene(miss.toPointF())) for s in spots)
    k.tap_at(miss)
    hint = k.wait_item("hint")
    assert hint.property("visible")
    assert props.page(k.controller) == Pages.Page.Demo and props.step(k.controller) == 1


def test_idle_warning_then_reset_to_attract_in_default_language(
    make_kiosk: MakeKiosk, clock: ManualClock
) -> None:
    k = make_kiosk(language="ar")
    k.tap_at(QPoint(960, 540))
    k.wait_page("home")
    k.tap("languageButton")
    assert wait_until(lambda: props.language(k.controller) == "en")
    clock.advance(k.bundle.idle.timeout + 1)
    overlay = k.wait_item("idleOverlay")
    assert wait_until(lambda: overlay.property("opacity") == 1.0)
    assert int(k.item("countdown").property("text")) == int(k.bundle.idle.countdown)
    clock.advance(k.bundle.idle.countdown + 1)
    k.wait_page("attract")
    assert props.language(k.controller) == "ar"
    assert wait_until(lambda: not overlay.isVisible())


def test_a_touch_dismisses_the_idle_warning(make_kiosk: MakeKiosk, clock: ManualClock) -> None:
    k = make_kiosk(language="en")
    k.tap_at(QPoint(960, 540))
    k.wait_page("home")
    clock.advance(k.bundle.idle.timeout + 1)
    k.wait_item("idleOverlay")
    k.tap_at(QPoint(960, 540))  # swallowed: it must not open the tile under the finger
    assert wait_until(lambda: not props.idleWarning(k.controller))
    assert props.page(k.controller) == Pages.Page.Home


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_screenshots_of_every_page_type(make_kiosk: MakeKiosk, lang: str) -> None:
    k = make_kiosk(language=lang)
    shots: dict[str, QImage] = {}

    def shot(name: str) -> None:
        settle(500)
        shots[name] = k.grab(ARTIFACTS / f"{lang}-{name}.png")

    shot("attract")
    k.controller.touch()
    shot("home")
    entity = next(e for e in k.bundle.entities if any(s.kind == "video" for s in e.slides))
    k.controller.openEntity(entity.id)
    for kind in ("image", "text", "video"):
        index = next(i for i, s in enumerate(entity.slides) if s.kind == kind)
        k.controller.showSlide(index)
        shot(f"slide-{kind}")
    demo = next(
        d
        for e in k.bundle.entities
        for d in e.demos
        if {s.kind for s in d.screens} == {"image", "form"}
    )
    owner = next(e for e in k.bundle.entities if demo in e.demos)
    k.controller.home()
    k.controller.openEntity(owner.id)
    k.controller.openDemo(demo.id)
    for screen in demo.screens:
        if f"demo-{screen.kind}" not in shots:
            for sid, _index, target in demo.route_to_end():
                if sid == screen.id:
                    break
                k.controller.follow(target)
            shot(f"demo-{screen.kind}")
            k.controller.restartDemo()
    for _sid, _i, target in demo.route_to_end():
        k.controller.follow(target)
    shot("demo-end")
    assert set(shots) == {
        "attract",
        "home",
        "slide-image",
        "slide-text",
        "slide-video",
        "demo-image",
        "demo-form",
        "demo-end",
    }
    blank = [name for name, image in shots.items() if not non_blank(image)]
    assert blank == []


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_form_field_opens_the_keyboard_in_the_visitors_language(
    make_kiosk: MakeKiosk, lang: str
) -> None:
    k = make_kiosk(language=lang)
    k.controller.touch()
    entity, demo, screen = next(
        (e, d, s)
        for e in k.bundle.entities
        for d in e.demos
        for s in d.screens
        if s.kind == "form" and any(i.type == "field" for i in s.items)
    )
    k.controller.openEntity(entity.id)
    k.controller.openDemo(demo.id)
    for screen_id, _index, target in demo.route_to_end():
        if screen_id == screen.id:
            break
        k.controller.follow(target)
    field_index = next(i for i, item in enumerate(screen.items) if item.type == "field")
    k.tap(f"field-{field_index}")
    assert wait_until(lambda: QGuiApplication.inputMethod().isVisible())
    # the layout's locale: Arabic letters in Arabic, Latin in English
    assert QGuiApplication.inputMethod().locale().name().split("_")[0] == lang
    field = k.item(f"field-{field_index}")
    keyboard = k.item("keyboard")

    def field_above_keyboard() -> bool:
        keyboard_top = keyboard.y()
        bottom = field.mapToScene(field.boundingRect().bottomLeft()).y()
        return keyboard_top < k.window.height() - 100 and bottom <= keyboard_top

    # the keyboard slides in and the form scrolls the focused field into sight
    assert wait_until(field_above_keyboard), "the focused field is hidden under the keyboard"
    k.wait_still()  # the pages passed on the way have faded out
    shot = k.grab(ARTIFACTS / f"{lang}-keyboard.png")
    assert non_blank(shot)


def video_slides(k: Kiosk) -> list[tuple[Entity, int]]:
    """Every video slide of the kiosk's bundle: (its entity, its index)."""
    return [(e, i) for e in k.bundle.entities for i, s in enumerate(e.slides) if s.kind == "video"]


def test_a_video_plays_while_its_slide_is_shown_on_one_reused_player(
    make_kiosk: MakeKiosk,
) -> None:
    k = make_kiosk(language="en")
    k.controller.touch()
    videos = video_slides(k)
    assert len(videos) >= 2, "the sample bundle should have two video slides"
    for entity, index in videos * 2:  # each video twice, coming back through the home page
        k.controller.openEntity(entity.id)
        k.controller.showSlide(index)
        assert wait_until(lambda: props.videoPlaying(k.controller)), (
            f"{entity.id}'s video did not play"
        )
        k.wait_item("unmuteButton")
        k.controller.showSlide((index + 1) % len(entity.slides))
        assert wait_until(lambda: not props.videoPlaying(k.controller)), "the video kept playing"
        assert k.find("unmuteButton") is None
        k.controller.home()
    # one player, held by the Media singleton, served every visit
    media = k.engine.singletonInstance("Kiosk", "Media")
    assert isinstance(media, QObject)  # a QML singleton written in QML: an object, not a value
    players = [o for o in media.findChildren(QObject) if o.inherits("QMediaPlayer")]
    assert len(players) == 1


# Sound on opens an audio output; this machine has no sound server, which Qt reports.
@pytest.mark.qt_log_ignore("PulseAudioService: pa_context_connect")
def test_every_video_starts_muted_even_after_a_visitor_turned_the_sound_on(
    make_kiosk: MakeKiosk,
) -> None:
    k = make_kiosk(language="en")
    k.controller.touch()
    videos = video_slides(k)
    entity, index = videos[0]
    k.controller.openEntity(entity.id)
    k.controller.showSlide(index)
    assert k.wait_item("unmuteButton").property("label") == "Sound on"
    k.tap("unmuteButton")
    assert wait_until(lambda: k.item("unmuteButton").property("label") == "Sound off")
    k.controller.home()
    entity, index = videos[1]
    k.controller.openEntity(entity.id)
    k.controller.showSlide(index)
    assert wait_until(lambda: props.videoPlaying(k.controller))
    assert k.wait_item("unmuteButton").property("label") == "Sound on"
