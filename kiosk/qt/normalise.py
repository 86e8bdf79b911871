"""Media coming into a bundle, the Qt half: the pixels of a picture, and the one entry point.

:func:`bring_in` carries out a :class:`kiosk.authoring.media_in.Plan`: it copies a file that
is kept, decodes and writes again a picture that is converted (with Qt's own decoders, the
ones the kiosk shows it with), and runs ffmpeg for a video (:mod:`kiosk.authoring.transcode`).
It touches no QObject (QImage, QImageReader and QImageWriter are fine in any thread), so the
studio runs it in a worker thread through ``kiosk.qt.aio.to_thread``. The original is only
read; the copy takes its place in the bundle only when it is complete.

What Qt 6.11 does, and what this module adds:

- ``QImageReader.setAutoTransform(True)`` applies a JPEG's EXIF orientation, not a PNG's eXIf
  chunk (``kiosk.bundle.media.PNG_EXIF_APPLIED``): the plan names that orientation and
  :func:`orientation_transform` applies it.
- A CMYK JPEG decodes to ``Format_CMYK8888``; with an embedded CMYK profile, it is converted
  through that profile (``convertedToColorSpace``), else by the plain formula
  (``convertToFormat``).
- A picture with another colour profile (Display P3, Adobe RGB) is converted to sRGB; 16-bit
  formats become 8-bit; the result is tagged sRGB.
- WebP is read by the imageformats plugin that ships in the PySide6 wheel.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QColorSpace, QImage, QImageReader, QImageWriter, QTransform

from ..authoring import media_in
from ..authoring.media_in import Action, Imported, PictureSteps, Plan, Refused
from ..authoring.transcode import Progress, transcode
from ..bundle.media import MAX_IMAGE_PIXELS, Kind

F = QImage.Format
EIGHT_BIT = frozenset(
    {
        F.Format_RGB32,
        F.Format_ARGB32,
        F.Format_ARGB32_Premultiplied,
        F.Format_RGB888,
        F.Format_RGBX8888,
        F.Format_RGBA8888,
        F.Format_Grayscale8,
        F.Format_Indexed8,
        F.Format_Mono,
        F.Format_MonoLSB,
    }
)
"""Formats the PNG and JPEG writers store with 8 bits a channel (or fewer)."""


def bring_in(
    plan: Plan,
    entity: Path,
    progress: Callable[[Progress], None] | None = None,
    cancel: threading.Event | None = None,
) -> Imported:
    """Carry out ``plan`` into the entity folder ``entity``; returns where the file is now
    (perhaps another free name than the plan's, if one was taken since) and what was done.

    Raises :class:`~kiosk.authoring.media_in.Refused` for a refused or undecodable file, and
    what :func:`~kiosk.authoring.transcode.transcode` raises; nothing is left behind then."""
    if plan.action is Action.REFUSE or plan.target is None:
        raise Refused(plan.source, plan.problem, plan.fix)
    rel = media_in.claim(entity, plan)  # an empty placeholder, made exclusively
    dest = entity / rel
    part = dest.with_name(f".{dest.name}.part")
    done = list(plan.why)
    try:
        if plan.action is Action.KEEP:
            shutil.copyfile(plan.source, part)
            part.replace(dest)
        elif plan.action is Action.CONVERT:
            assert plan.picture is not None
            done += convert_picture(plan.source, part, plan.picture)
            part.replace(dest)
        else:
            transcode(plan.ffmpeg, plan.source, dest, plan.video, progress, cancel)
    except BaseException:
        part.unlink(missing_ok=True)
        dest.unlink(missing_ok=True)
        raise
    return Imported(plan.source, rel, done)


def orientation_transform(orientation: int) -> QTransform:
    """The transform that shows a picture stored with EXIF ``orientation`` upright (as Qt's
    auto-transform does for a JPEG)."""
    mirror = QTransform(-1, 0, 0, 1, 0, 0)
    flip = QTransform(1, 0, 0, -1, 0, 0)
    turn = QTransform().rotate(90)  # clockwise: y points down
    return {
        2: mirror,
        3: QTransform().rotate(180),
        4: flip,
        5: flip * turn,  # flip first, then a quarter turn
        6: turn,
        7: mirror * turn,
        8: QTransform().rotate(270),
    }.get(orientation, QTransform())


SRGB = QColorSpace(QColorSpace.NamedColorSpace.SRgb)


def convert_picture(source: Path, output: Path, steps: PictureSteps) -> list[str]:
    """Decode ``source``, make it upright, 8-bit sRGB and at most ``steps.max_side`` a side,
    and write it to ``output`` as ``steps.output``. Returns what it did that the plan could
    not know from the header (a WebP's size)."""
    done: list[str] = []
    reader = QImageReader(str(source))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.width() * size.height() > MAX_IMAGE_PIXELS:
        # Decoding it whole would pass Qt's allocation limit: let the decoder scale it (the
        # longest side is the same before and after an EXIF turn).
        s = steps.max_side / max(size.width(), size.height())
        reader.setScaledSize(QSize(round(size.width() * s), round(size.height() * s)))
        reader.setQuality(100)  # smooth
    image = reader.read()
    if image.isNull():
        raise Refused(
            source,
            f"the picture cannot be decoded ({reader.errorString() or 'unknown error'})",
            "open it in an image editor and export it again as PNG or JPEG",
        )
    if steps.turn != 1:
        image = image.transformed(orientation_transform(steps.turn))
    image = _to_srgb(image)
    w, h = image.width(), image.height()
    if max(w, h) > steps.max_side:
        image = image.scaled(
            steps.max_side,
            steps.max_side,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    if (w, h) != (image.width(), image.height()) and not steps.sized:
        done.append(f"scaled down from {w}x{h} to {image.width()}x{image.height()}")
    _write(image, output, steps.output)
    return done


def _to_srgb(image: QImage) -> QImage:
    """The image in 8-bit sRGB."""
    space = image.colorSpace()
    alpha = image.hasAlphaChannel()
    if image.format() == F.Format_CMYK8888:
        if space.isValid() and space.colorModel() == QColorSpace.ColorModel.Cmyk:
            image = image.convertedToColorSpace(SRGB, F.Format_RGB32)
        else:
            image = image.convertToFormat(F.Format_RGB32)
    elif space.isValid() and space != SRGB:
        if space.colorModel() == QColorSpace.ColorModel.Rgb:
            image = image.convertedToColorSpace(SRGB)
        else:  # a grey profile: to sRGB colour
            image = image.convertedToColorSpace(SRGB, F.Format_ARGB32 if alpha else F.Format_RGB32)
    if image.format() not in EIGHT_BIT:
        grey = image.format() in (F.Format_Grayscale16,) and not alpha
        target = F.Format_Grayscale8 if grey else F.Format_ARGB32 if alpha else F.Format_RGB32
        image = image.convertToFormat(target)
    image.setColorSpace(SRGB)
    return image


def _write(image: QImage, output: Path, kind: Kind) -> None:
    fmt = b"jpeg" if kind is Kind.JPEG else b"png"
    if kind is Kind.JPEG and image.hasAlphaChannel():
        image = image.convertToFormat(F.Format_RGB32)
    writer = QImageWriter(str(output), QByteArray(fmt))
    if kind is Kind.JPEG:
        writer.setQuality(media_in.JPEG_QUALITY)
        writer.setOptimizedWrite(True)
    if not writer.write(image):
        raise OSError(f"{output.name} could not be written ({writer.errorString()})")
