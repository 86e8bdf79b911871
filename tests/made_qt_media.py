"""Media made at test time: pictures as cameras write them, small bundles that show them, and
videos broken the way a bad copy breaks them.

Needs a QGuiApplication (QImage, QPainter); the fixture videos under assets/media/ are made once by
assets/media/make.sh (CI has no ffmpeg).
"""

from __future__ import annotations

import shutil
import struct
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect
from PySide6.QtGui import QColor, QImage, QImageWriter, QPainter, QTransform

from assets.stress_bundle import dumps
from kiosk.bundle import init
from tests.made_media import with_exif

MEDIA = Path(__file__).resolve().parents[1] / "assets" / "media"
"""The committed fixture videos (assets/media/make.sh)."""
PORTRAIT_VIDEO = MEDIA / "portrait-108x192.mp4"
LANDSCAPE_VIDEO = MEDIA / "landscape-192x108.mp4"

RED = QColor("#E00000")
BLUE = QColor("#0030E0")


def red_over_blue(width: int, height: int) -> QImage:
    """An upright picture that shows which way is up: its top half red, its bottom half blue."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(BLUE)
    painter = QPainter(image)
    painter.fillRect(QRect(0, 0, width, height // 2), RED)
    painter.end()
    return image


def jpeg_bytes(image: QImage, quality: int = 92) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"jpeg"))
    writer.setQuality(quality)
    assert writer.write(image), writer.errorString()
    buffer.close()
    return bytes(data.data())


def camera_jpeg(upright: QImage) -> bytes:
    """``upright`` as a phone held on its side saves it: the pixels turned a quarter turn
    anticlockwise, with EXIF orientation 6 ("turn 90° clockwise to show") after the SOI."""
    stored = upright.transformed(QTransform().rotate(-90))
    jpeg = jpeg_bytes(stored)
    assert jpeg[:2] == b"\xff\xd8"
    return with_exif(jpeg, 6, "MM")


def garbled_moov(video: Path, dest: Path) -> Path:
    """A copy of ``video`` whose 'moov' box (the index of the frames) is overwritten with
    noise inside, its size and type left as they were: the file looks like an MP4 and does
    not play, as a copy broken on a USB stick does not."""
    data = bytearray(video.read_bytes())
    at = data.find(b"moov")
    assert at >= 4, f"{video} has no moov box"
    size = struct.unpack(">I", data[at - 4 : at])[0]
    start, end = at + 4 + 8, at - 4 + size  # keep the box header and the next one's start
    for i in range(start, end):
        data[i] = (i * 73 + 41) & 0xFF
    dest.write_bytes(bytes(data))
    return dest


def media_bundle(
    dest: Path,
    slides: list[dict[str, Any]],
    demos: list[dict[str, Any]] | None = None,
    files: dict[str, bytes | Path] | None = None,
) -> Path:
    """A small valid bundle (``kiosk bundle init``'s) whose one entity shows ``slides`` (and
    ``demos``, else init's form demo); ``files`` are written into the entity's folder under
    their names (``a__b`` is ``a/b``)."""
    init(dest, bundle_id="made-media")
    entity = dest / "entities" / "example"
    for name, content in (files or {}).items():
        path = entity / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Path):
            shutil.copyfile(content, path)
        else:
            path.write_bytes(content)
    text = (entity / "entity.toml").read_text("utf-8")
    head, _, rest = text.partition("[[slides]]")
    tail = rest[rest.index("[[demos]]") :] if demos is None else ""
    table = {"slides": slides} if demos is None else {"slides": slides, "demos": demos}
    (entity / "entity.toml").write_text(head + dumps(table) + "\n" + tail, "utf-8")
    return dest


def colour_at(image: QImage, x: int, y: int) -> QColor:
    return QColor(image.pixel(x, y))


def is_red(c: QColor) -> bool:
    return c.red() > 150 and c.green() < 90 and c.blue() < 90


def is_blue(c: QColor) -> bool:
    return c.blue() > 150 and c.red() < 90 and c.green() < 110
