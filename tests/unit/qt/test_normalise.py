"""Media coming into a bundle, the pixels: what the author sees in the copy (upright, the right
colours, the right size and format), and that the original is never touched."""

from __future__ import annotations

import hashlib
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path, PurePosixPath

import pytest
from PySide6.QtCore import QByteArray, QRect
from PySide6.QtGui import (
    QColor,
    QColorSpace,
    QImage,
    QImageReader,
    QImageWriter,
    QPainter,
    QTransform,
)

from kiosk.authoring.media_in import Action, Imported, Refused, Role, plan
from kiosk.authoring.transcode import Cancelled, Progress
from kiosk.bundle import media
from kiosk.qt.normalise import bring_in
from tests.fake_ffmpeg import fake_ffmpeg
from tests.made_media import png_with_exif, with_exif
from tests.made_qt_media import (
    LANDSCAPE_VIDEO,
    camera_jpeg,
    colour_at,
    is_blue,
    is_red,
    jpeg_bytes,
    red_over_blue,
)

SRGB = QColorSpace(QColorSpace.NamedColorSpace.SRgb)


@pytest.fixture
def entity(tmp_path: Path) -> Path:
    folder = tmp_path / "bundle" / "entities" / "mict"
    folder.mkdir(parents=True)
    return folder


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def drop(path: Path, entity: Path, role: Role = Role.SLIDE, ffmpeg: str | None = None) -> Imported:
    """What the studio does with a dropped file: plan, then bring it in, in a worker thread
    (as through kiosk.qt.aio.to_thread); the original's bytes are the same afterwards."""
    before = digest(path)
    p = plan(path, entity, role, ffmpeg)
    with ThreadPoolExecutor(1) as pool:
        done = pool.submit(bring_in, p, entity).result()
    assert digest(path) == before, "the original was changed"
    return done


def shown(entity: Path, done: Imported) -> QImage:
    reader = QImageReader(str(entity / done.target))
    reader.setAutoTransform(True)  # as the kiosk shows it
    image = reader.read()
    assert not image.isNull(), reader.errorString()
    return image


def red_on_top(image: QImage) -> bool:
    w, h = image.width(), image.height()
    return is_red(colour_at(image, w // 2, h // 8)) and is_blue(
        colour_at(image, w // 2, h * 7 // 8)
    )


def png_bit_depth(path: Path) -> int:
    return path.read_bytes()[24]


def test_an_exif_6_jpeg_comes_out_upright(tmp_path: Path, entity: Path) -> None:
    photo = tmp_path / "IMG 0042.JPG"
    photo.write_bytes(camera_jpeg(red_over_blue(120, 160)))  # stored 160x120, shown 120x160
    done = drop(photo, entity)
    assert done.target == PurePosixPath("slides/img-0042.jpg")
    data = (entity / done.target).read_bytes()
    assert media.jpeg_info(data).orientation == 1  # the pixels themselves are upright
    image = shown(entity, done)
    assert (image.width(), image.height()) == (120, 160)
    assert red_on_top(image)


QUADRANTS = (QColor("#E00000"), QColor("#00C000"), QColor("#0030E0"), QColor("#F0F000"))


def quadrants(width: int, height: int) -> QImage:
    """Four colours, one a quarter: any turn or mirror moves them."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    for i, colour in enumerate(QUADRANTS):
        x, y = (i % 2) * width // 2, (i // 2) * height // 2
        painter.fillRect(QRect(x, y, width // 2, height // 2), colour)
    painter.end()
    return image


def corners(image: QImage) -> list[int]:
    """Which of the four colours is at each quarter's centre."""
    w, h = image.width(), image.height()
    found = []
    for fx, fy in ((1, 1), (3, 1), (1, 3), (3, 3)):
        c = colour_at(image, w * fx // 4, h * fy // 4)
        dist = [
            abs(c.red() - q.red()) + abs(c.green() - q.green()) + abs(c.blue() - q.blue())
            for q in QUADRANTS
        ]
        found.append(dist.index(min(dist)))
    return found


@pytest.mark.parametrize("orientation", range(2, 9))
def test_a_png_exif_orientation_is_applied_as_qt_applies_a_jpegs(
    tmp_path: Path, entity: Path, orientation: int
) -> None:
    stored = quadrants(80, 60)
    oracle = tmp_path / "oracle.jpg"  # Qt's own auto-transform, on a JPEG with the same EXIF
    oracle.write_bytes(with_exif(jpeg_bytes(stored), orientation))
    reader = QImageReader(str(oracle))
    reader.setAutoTransform(True)
    upright = reader.read()

    screenshot = tmp_path / f"turned-{orientation}.png"
    stored.save(str(screenshot))
    screenshot.write_bytes(png_with_exif(screenshot.read_bytes(), orientation))
    p = plan(screenshot, entity, Role.SCREEN, None)
    assert p.picture is not None and p.picture.turn == orientation
    image = shown(entity, drop(screenshot, entity, Role.SCREEN))
    assert (image.width(), image.height()) == (upright.width(), upright.height())
    assert corners(image) == corners(upright)


def test_a_cmyk_jpeg_comes_out_8_bit_srgb(tmp_path: Path, entity: Path) -> None:
    # Qt 6.11 writes a CMYK JPEG (four components, an Adobe marker) from Format_CMYK8888.
    print_file = tmp_path / "Brochure cover.jpg"
    cmyk = red_over_blue(80, 60).convertToFormat(QImage.Format.Format_CMYK8888)
    assert cmyk.save(str(print_file))
    assert QImage(str(print_file)).format() == QImage.Format.Format_CMYK8888
    done = drop(print_file, entity)
    assert done.target == PurePosixPath("slides/brochure-cover.jpg")
    assert done.done == ["CMYK (print colours) converted to sRGB"]
    image = shown(entity, done)
    assert image.format() == QImage.Format.Format_RGB32
    assert image.colorSpace() == SRGB
    assert red_on_top(image)


def test_a_16_bit_png_comes_out_8_bit(tmp_path: Path, entity: Path) -> None:
    deep = tmp_path / "chart.png"
    red_over_blue(80, 60).convertToFormat(QImage.Format.Format_RGBX64).save(str(deep))
    assert png_bit_depth(deep) == 16
    done = drop(deep, entity)
    assert done.target == PurePosixPath("slides/chart.png")
    assert png_bit_depth(entity / done.target) == 8
    image = shown(entity, done)
    assert image.depth() == 32 and red_on_top(image)


def test_a_display_p3_picture_is_converted_to_srgb(tmp_path: Path, entity: Path) -> None:
    p3 = QColorSpace(QColorSpace.NamedColorSpace.DisplayP3)
    picture = QImage(40, 40, QImage.Format.Format_RGB32)
    picture.fill(QColor(200, 60, 60))
    picture.setColorSpace(p3)
    path = tmp_path / "phone.png"
    assert picture.save(str(path))
    done = drop(path, entity)
    assert done.done and "converted to sRGB" in done.done[0]
    expected = p3.transformationToColorSpace(SRGB).map(QColor(200, 60, 60))
    got = colour_at(shown(entity, done), 20, 20)
    assert abs(got.red() - expected.red()) <= 2 and abs(got.green() - expected.green()) <= 2
    assert (got.red(), got.green()) != (200, 60)  # the numbers changed, the colour did not


def test_a_5000_pixel_picture_is_scaled_to_3840(tmp_path: Path, entity: Path) -> None:
    wide = tmp_path / "panorama.jpg"
    wide.write_bytes(jpeg_bytes(red_over_blue(5000, 1000)))
    done = drop(wide, entity)
    assert done.done == ["scaled down from 5000x1000 to 3840x768"]
    image = shown(entity, done)
    assert (image.width(), image.height()) == (3840, 768)
    assert red_on_top(image)


def save_webp(image: QImage, path: Path) -> None:
    writer = QImageWriter(str(path), QByteArray(b"webp"))
    writer.setQuality(80)  # lossy (100 would be lossless)
    assert writer.write(image), writer.errorString()


def test_a_webp_becomes_a_jpeg_or_with_transparency_a_png(tmp_path: Path, entity: Path) -> None:
    assert b"webp" in [bytes(f.data()) for f in QImageReader.supportedImageFormats()]
    photo = tmp_path / "Souq.webp"
    save_webp(red_over_blue(80, 60), photo)  # lossy
    done = drop(photo, entity)
    assert done.target == PurePosixPath("slides/souq.jpg")
    assert media.sniff((entity / done.target).read_bytes()[:16]) is media.Kind.JPEG
    assert red_on_top(shown(entity, done))

    icon = QImage(60, 60, QImage.Format.Format_ARGB32)
    icon.fill(QColor(0, 0, 0, 0))
    painter = QPainter(icon)
    painter.fillRect(QRect(10, 10, 40, 40), QColor("#8A1538"))
    painter.end()
    badge = tmp_path / "badge.webp"
    save_webp(icon, badge)
    done = drop(badge, entity)
    assert done.target == PurePosixPath("slides/badge.png")
    image = shown(entity, done)
    assert image.hasAlphaChannel() and image.pixelColor(2, 2).alpha() == 0
    assert image.pixelColor(30, 30).alpha() == 255


def test_a_kept_file_is_copied_byte_for_byte_and_a_second_copy_gets_2(
    tmp_path: Path, entity: Path
) -> None:
    photo = tmp_path / "Government Cloud.jpg"
    photo.write_bytes(jpeg_bytes(red_over_blue(1920, 1080)))
    first, second = drop(photo, entity), drop(photo, entity)
    assert first.target == PurePosixPath("slides/government-cloud.jpg")
    assert second.target == PurePosixPath("slides/government-cloud-2.jpg")
    assert (entity / first.target).read_bytes() == photo.read_bytes()
    assert (entity / second.target).read_bytes() == photo.read_bytes()


def test_an_h264_mp4_is_kept_and_a_refused_file_leaves_nothing(
    entity: Path, tmp_path: Path
) -> None:
    done = drop(LANDSCAPE_VIDEO, entity)
    assert done.target == PurePosixPath("videos/landscape-192x108.mp4")
    assert (entity / done.target).read_bytes() == LANDSCAPE_VIDEO.read_bytes()

    mov = tmp_path / "Booth Tour.mov"
    mov.write_bytes(b"\0\0\0\x14ftypqt  \0\0\0\0qt  " + b"\0" * 64)
    p = plan(mov, entity, Role.SLIDE, None)
    with pytest.raises(Refused, match=r"Booth Tour.mov: .* not installed\. Fix: install ffmpeg"):
        bring_in(p, entity)
    assert sorted(f.name for f in (entity / "videos").iterdir()) == ["landscape-192x108.mp4"]


def test_a_mov_is_transcoded_with_progress_or_cancelled(tmp_path: Path, entity: Path) -> None:
    mov = tmp_path / "Booth Tour.mov"
    mov.write_bytes(b"\0\0\0\x14ftypqt  \0\0\0\0qt  " + b"\0" * 64)
    before = digest(mov)
    fake = fake_ffmpeg(tmp_path / "bin")
    p = plan(mov, entity, Role.SLIDE, str(fake.program))
    assert p.action is Action.TRANSCODE
    seen: list[Progress] = []
    done = bring_in(p, entity, seen.append)
    assert done.target == PurePosixPath("videos/booth-tour.mp4")
    assert seen[-1].fraction == 1.0
    assert media.mp4_info((entity / done.target).read_bytes()).codecs[0] == "avc1"
    assert digest(mov) == before

    hang = fake_ffmpeg(tmp_path / "bin-hang", "hang")
    p = plan(mov, entity, Role.SLIDE, str(hang.program))
    assert p.target == PurePosixPath("videos/booth-tour-2.mp4")
    cancel = threading.Event()
    with pytest.raises(Cancelled):
        bring_in(p, entity, lambda _p: cancel.set(), cancel)
    assert sorted(f.name for f in (entity / "videos").iterdir()) == ["booth-tour.mp4"]


def test_orientation_transform_turns_a_quarter_clockwise_for_6() -> None:
    from kiosk.qt.normalise import orientation_transform

    stored = red_over_blue(60, 40).transformed(QTransform().rotate(-90))
    assert red_on_top(stored.transformed(orientation_transform(6)))
