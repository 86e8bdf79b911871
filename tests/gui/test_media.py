"""Media as authors bring them: a phone's picture shows upright, a picture or video of another
shape than the screen is shown whole (not cut to a band), and a video that does not play is
skipped, not left black."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRectF
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickItem

from kiosk.clock import ManualClock
from kiosk.qt.testing import Kiosk, settle, start_kiosk, wait_until
from kiosk.session import VIDEO_ERRORS
from tests import props
from tests.made_qt_media import (
    LANDSCAPE_VIDEO,
    PORTRAIT_VIDEO,
    camera_jpeg,
    colour_at,
    garbled_moov,
    is_blue,
    is_red,
    media_bundle,
    red_over_blue,
)

MakeMediaKiosk = Callable[..., Kiosk]

LANDSCAPE = (1920, 1080)
PORTRAIT = (1080, 1920)


@pytest.fixture
def media_kiosk(
    qapp: QGuiApplication, clock: ManualClock, tmp_path: Path
) -> Iterator[MakeMediaKiosk]:
    """A kiosk on a small bundle made by the test (tests.made_qt_media.media_bundle)."""
    made: list[Kiosk] = []

    def make(
        slides: list[dict[str, object]],
        demos: list[dict[str, object]] | None = None,
        size: tuple[int, int] = LANDSCAPE,
        language: str = "en",
        files: dict[str, bytes | Path] | None = None,
        real_time: bool = False,
    ) -> Kiosk:
        bundle = media_bundle(tmp_path / f"bundle-{len(made)}", slides, demos, files)
        k = start_kiosk(
            bundle,
            width=size[0],
            height=size[1],
            language=language,
            clock=None if real_time else clock,
        )
        made.append(k)
        return k

    yield make
    for k in made:
        k.close()
    settle(20)


def image_slide(slide_id: str, path: str) -> dict[str, object]:
    return {"id": slide_id, "kind": "image", "image": path}


def video_slide(slide_id: str, path: str) -> dict[str, object]:
    return {"id": slide_id, "kind": "video", "video": path}


def open_entity(k: Kiosk) -> None:
    k.controller.touch()
    k.controller.openEntity("example")
    k.wait_page("entity")
    k.wait_still()


def scene_box(item: QQuickItem) -> QRectF:
    return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))


def loaded(image: QQuickItem) -> bool:
    return bool(image.property("progress") == 1.0 and image.property("paintedWidth") > 0)


def shown_picture(k: Kiosk) -> QQuickItem:
    assert wait_until(lambda: k.find("picture") is not None)
    picture = k.item("picture")
    assert wait_until(lambda: loaded(picture)), "the picture did not load"
    settle(50)  # drawn
    return picture


# -- upright: EXIF orientation -------------------------------------------------------------------


def test_a_phone_picture_turned_by_exif_shows_upright_on_a_slide(
    media_kiosk: MakeMediaKiosk,
) -> None:
    # stored on its side (left red, right blue) with orientation 6: upright, red is on top
    k = media_kiosk(
        [image_slide("phone", "slides/phone.jpg")],
        files={"slides/phone.jpg": camera_jpeg(red_over_blue(1600, 900))},
    )
    open_entity(k)
    slide = scene_box(k.item("slide-phone"))
    shown_picture(k)
    shot = k.grab()
    x, top, bottom = slide.center().x(), slide.top(), slide.bottom()
    third = slide.height() / 3
    assert is_red(colour_at(shot, round(x), round(top + third / 2))), "the top is not red"
    assert is_blue(colour_at(shot, round(x), round(bottom - third / 2))), "the bottom is not blue"
    for side in (slide.left() + 40, slide.right() - 40):  # upright, both halves span the width
        assert is_red(colour_at(shot, round(side), round(top + third / 2)))
        assert is_blue(colour_at(shot, round(side), round(bottom - third / 2)))


def test_a_hotspot_on_a_screenshot_turned_by_exif_is_where_the_author_put_it(
    media_kiosk: MakeMediaKiosk,
) -> None:
    # upright 600x900 (portrait); the hotspot is in its lower left, on the upright picture
    spot = (0.05, 0.7, 0.3, 0.2)
    demo = {
        "id": "turned",
        "title": {"ar": "عرض", "en": "A demo"},
        "summary": {"ar": "عرض", "en": "A demo"},
        "screens": [
            {
                "id": "shot",
                "kind": "image",
                "image": "demo/shot.jpg",
                "title": {"ar": "المس الزر", "en": "Tap the button"},
                "hotspots": [
                    {"rect": list(spot), "target": "end", "hint": {"ar": "هنا", "en": "Here"}}
                ],
            }
        ],
    }
    k = media_kiosk(
        [image_slide("picture", "slides/picture.jpg")],
        [demo],
        files={
            "slides/picture.jpg": camera_jpeg(red_over_blue(1600, 900)),
            "demo/shot.jpg": camera_jpeg(red_over_blue(600, 900)),
        },
    )
    open_entity(k)
    k.controller.openDemo("turned")
    k.wait_page("demo")
    k.wait_still()
    image = k.wait_item("screenImage")
    assert wait_until(lambda: loaded(image))
    settle(50)
    # the visitor sees a portrait screenshot, red above blue
    box = scene_box(image)
    h = min(box.height(), box.width() * 900 / 600)
    w = h * 600 / 900
    left, top = box.center().x() - w / 2, box.center().y() - h / 2
    assert abs(image.property("paintedWidth") - w) <= 1
    assert abs(image.property("paintedHeight") - h) <= 1
    shot = k.grab()
    assert is_red(colour_at(shot, round(box.center().x()), round(top + h / 4)))
    assert is_blue(colour_at(shot, round(box.center().x()), round(top + 3 * h / 4)))
    # a tap in the middle of the hotspot, as the author drew it on the upright picture
    x, y, sw, sh = spot
    k.tap_at(QPoint(round(left + (x + sw / 2) * w), round(top + (y + sh / 2) * h)))
    k.wait_page("demo-end")


# -- the fit rule: pictures and videos keep their aspect ----------------------------------------


def painted_box(picture: QQuickItem) -> QRectF:
    """What a Picture's image draws, in the scene: its box, fitted to the painted size."""
    box = scene_box(picture)
    pw, ph = picture.property("paintedWidth"), picture.property("paintedHeight")
    c = box.center()
    return QRectF(c.x() - pw / 2, c.y() - ph / 2, pw, ph)


def assert_whole(drawn: QRectF, area: QRectF, aspect: float, what: str) -> None:
    """The whole of the media is seen: inside the area, in its own shape, touching two sides."""
    slack = 1.5
    assert drawn.left() >= area.left() - slack and drawn.right() <= area.right() + slack, (
        f"{what} runs past the sides: {drawn} in {area}"
    )
    assert drawn.top() >= area.top() - slack and drawn.bottom() <= area.bottom() + slack, (
        f"{what} runs past the top or bottom: {drawn} in {area}"
    )
    assert abs(drawn.width() / drawn.height() - aspect) <= 0.01 * aspect, (
        f"{what} is stretched: {drawn.width()}x{drawn.height()}, not {aspect:.3f}"
    )
    tall = aspect < area.width() / area.height()
    if tall:
        assert abs(drawn.height() - area.height()) <= slack, f"{what} is not full height"
    else:
        assert abs(drawn.width() - area.width()) <= slack, f"{what} is not full width"


@pytest.mark.parametrize(
    ("size", "video", "aspect"),
    [(LANDSCAPE, PORTRAIT_VIDEO, 108 / 192), (PORTRAIT, LANDSCAPE_VIDEO, 192 / 108)],
    ids=["portrait-video-on-landscape", "landscape-video-on-portrait"],
)
def test_a_video_of_another_shape_is_shown_whole(
    media_kiosk: MakeMediaKiosk, size: tuple[int, int], video: Path, aspect: float
) -> None:
    k = media_kiosk(
        [video_slide("clip", "videos/clip.mp4"), image_slide("after", "slides/after.jpg")],
        size=size,
        files={
            "videos/clip.mp4": video,
            "slides/after.jpg": camera_jpeg(red_over_blue(1600, 900)),
        },
    )
    open_entity(k)
    output = k.wait_item("videoOutput")
    assert wait_until(lambda: output.property("sourceRect").width() > 0), "no video size"
    settle(50)
    content: QRectF = output.property("contentRect")
    drawn = output.mapRectToScene(content)
    assert_whole(drawn, scene_box(output), aspect, "the video")


def test_a_video_close_to_the_screens_shape_fills_it(media_kiosk: MakeMediaKiosk) -> None:
    k = media_kiosk(
        [video_slide("clip", "videos/clip.mp4")], files={"videos/clip.mp4": LANDSCAPE_VIDEO}
    )
    open_entity(k)
    output = k.wait_item("videoOutput")
    assert wait_until(lambda: output.property("sourceRect").width() > 0), "no video size"
    area, drawn = scene_box(output), output.mapRectToScene(output.property("contentRect"))
    assert drawn.width() >= area.width() - 1 and drawn.height() >= area.height() - 1


@pytest.mark.parametrize(
    ("size", "picture_size"),
    [(LANDSCAPE, (900, 1600)), (PORTRAIT, (1600, 900))],
    ids=["portrait-photo-on-landscape", "landscape-photo-on-portrait"],
)
@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_picture_of_another_shape_is_shown_whole_over_its_blurred_copy(
    media_kiosk: MakeMediaKiosk,
    size: tuple[int, int],
    picture_size: tuple[int, int],
    language: str,
) -> None:
    w, h = picture_size
    k = media_kiosk(
        [image_slide("photo", "slides/photo.jpg")],
        size=size,
        language=language,
        files={"slides/photo.jpg": camera_jpeg(red_over_blue(w, h))},
    )
    open_entity(k)
    picture = shown_picture(k)
    assert_whole(painted_box(picture), scene_box(picture.parentItem()), w / h, "the picture")


# -- a video that fails at play time is skipped ------------------------------------------------


def test_a_garbled_video_is_skipped_within_two_seconds_and_logged(
    media_kiosk: MakeMediaKiosk, tmp_path: Path
) -> None:
    # on the real clock: what a visitor waits, end to end. The kiosk checks a bundle before
    # it shows it (a garbled index is refused then), so the file goes bad afterwards, on
    # the disk, as on a failing SD card or USB stick
    broken = garbled_moov(LANDSCAPE_VIDEO, tmp_path / "broken.mp4")
    k = media_kiosk(
        [video_slide("clip", "videos/clip.mp4"), image_slide("after", "slides/after.jpg")],
        files={
            "videos/clip.mp4": LANDSCAPE_VIDEO,
            "slides/after.jpg": camera_jpeg(red_over_blue(1600, 900)),
        },
        real_time=True,
    )
    (k.bundle.root / "entities" / "example" / "videos" / "clip.mp4").write_bytes(
        broken.read_bytes()
    )
    open_entity(k)
    assert k.session.slide_index == 0
    start = time.monotonic()
    assert wait_until(lambda: k.session.slide_index == 1, 2000), "the broken video stayed"
    assert time.monotonic() - start < 2.0
    assert not props.videoPlaying(k.controller)
    assert k.log.flush()
    with sqlite3.connect(k.settings.db) as conn:
        rows = conn.execute(
            "SELECT entity, target, payload FROM events WHERE type = 'video_error'"
        ).fetchall()
    assert len(rows) == 1
    entity, target, payload = rows[0]
    assert (entity, target) == ("example", "clip")
    assert json.loads(payload)["reason"] in VIDEO_ERRORS
