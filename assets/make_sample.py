"""Generate every media file of the sample bundle (assets/sample-bundle).

    QT_QPA_PLATFORM=offscreen .venv/bin/python assets/make_sample.py

What it writes, per entity under ``sample-bundle/entities/<id>/``:

* ``logo.png``             512x512 emblem in the entity's accent colour (drawn here, never a real logo)
* ``slides/<id>.jpg``      1920x1080 illustrations, with no text (the kiosk renders captions)
* ``slides/<id>-poster.jpg`` and ``videos/<id>.mp4``  short calm animations (mict, moi)
* ``demo/<name>.png``      1920x1080 mock screenshots of e-services for the service demos

The manifests (``bundle.toml``, ``entities/*/entity.toml``) are written by hand. The
hotspot rectangles in them must match the buttons drawn here: every button is drawn from
one layout table, its normalised rectangle is printed, and at the end the script checks
each image screen's hotspots in the manifests against what it drew (and each entity's
accent colour against the colour the art uses). It exits with status 1 on a mismatch.

Options: ``--only mict,moi`` limits the work to some entities; ``--no-video`` skips the
(slower) video encoding; ``--check`` only compares manifests with the layout, writing nothing.

Pure drawing with Qt (QPainter on QImage); videos are raw frames piped into ffmpeg. No
network, fixed random seeds, so re-running gives the same pictures. Arabic is shaped by
Qt itself (HarfBuzz): do not feed arabic_reshaper / python-bidi output in here.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QRadialGradient,
)

HERE = Path(__file__).resolve().parent
BUNDLE = HERE / "sample-bundle"
FONTS = BUNDLE / "fonts"

W, H = 1920, 1080  # every slide and screenshot is drawn in this logical space
VIDEO_SIZE = (1280, 720)
FPS = 25
JPEG_QUALITY = 85

MAROON = QColor("#8A1538")
WHITE = QColor("#FFFFFF")
INK = QColor("#1F1A1C")
MUTED = QColor("#5B5358")  # secondary text: 7:1 on white
PAGE = QColor("#F4F2F3")
LINE = QColor("#DAD4D7")

# Entity id -> accent colour. The same values are written in each entity.toml (checked below).
ACCENTS: dict[str, str] = {
    "mict": "#1F5FAF",  # blue
    "moi": "#1D6B44",  # green
    "mec": "#8C5200",  # bronze
    "mada": "#5B3E96",  # purple
    "sec": "#0F6E7A",  # teal
    "pp": "#34495E",  # slate
}
ENTITY_NAMES: dict[str, tuple[str, str]] = {  # (English, Arabic), for the screenshot header band
    "mict": ("Ministry of Information and Communications Technology",
             "وزارة الاتصالات وتكنولوجيا المعلومات"),
    "moi": ("Ministry of Interior", "وزارة الداخلية"),
    "mec": ("Ministry of Economy and Commerce", "وزارة الاقتصاد والتجارة"),
    "mada": ("Ministry of Administrative Development", "وزارة التنمية الإدارية"),
    "sec": ("Supreme Education Council", "المجلس الأعلى للتعليم"),
    "pp": ("Public Prosecution", "النيابة العامة"),
}  # fmt: skip

AR_BODY = "Noto Naskh Arabic"
AR_HEAD = "Noto Kufi Arabic"
LATIN = "Noto Sans"
_ARABIC = re.compile(r"[\u0600-\u06FF]")


# --- colours -------------------------------------------------------------------------------------


def colour(value: str | QColor, alpha: int | None = None) -> QColor:
    c = QColor(value)
    if alpha is not None:
        c.setAlpha(alpha)
    return c


def mix(a: QColor | str, b: QColor | str, t: float) -> QColor:
    """``a`` moved ``t`` of the way to ``b``."""
    a, b = QColor(a), QColor(b)
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
        round(a.alpha() + (b.alpha() - a.alpha()) * t),
    )


def tint(c: QColor | str, t: float) -> QColor:
    return mix(c, WHITE, 1 - t)


def shade(c: QColor | str, t: float) -> QColor:
    return mix(c, QColor("#000000"), t)


def luminance(c: QColor) -> float:
    def lin(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


# --- text ----------------------------------------------------------------------------------------


def _flags(*parts: Qt.AlignmentFlag | Qt.TextFlag) -> int:
    out = 0
    for part in parts:
        out |= part.value
    return out


def make_font(family: str, px: float, bold: bool = False) -> QFont:
    f = QFont(family)
    f.setPixelSize(max(1, round(px)))
    f.setWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return f


def is_arabic(text: str) -> bool:
    return bool(_ARABIC.search(text))


def draw_text(
    p: QPainter,
    rect: QRectF,
    text: str,
    px: float,
    ink: QColor,
    *,
    align: str = "start",
    valign: str = "center",
    bold: bool = False,
    heading: bool = False,
    wrap: bool = False,
    min_px: float | None = None,
) -> QRectF:
    """Draw one-language text in ``rect``; shrink it to fit; never cut it off silently.

    Arabic uses Naskh (or Kufi for headings) about 12 % larger than Latin and is laid out
    right to left, so ``align="start"`` means right-aligned for Arabic and left for English.
    """
    arabic = is_arabic(text)
    family = (AR_HEAD if heading else AR_BODY) if arabic else LATIN
    size = px * 1.12 if arabic else px
    floor = (min_px or px * 0.7) * (1.12 if arabic else 1.0)
    horiz = {
        "start": Qt.AlignmentFlag.AlignRight if arabic else Qt.AlignmentFlag.AlignLeft,
        "end": Qt.AlignmentFlag.AlignLeft if arabic else Qt.AlignmentFlag.AlignRight,
        "left": Qt.AlignmentFlag.AlignLeft,
        "right": Qt.AlignmentFlag.AlignRight,
        "center": Qt.AlignmentFlag.AlignHCenter,
    }[align]
    vert = {
        "top": Qt.AlignmentFlag.AlignTop,
        "center": Qt.AlignmentFlag.AlignVCenter,
        "bottom": Qt.AlignmentFlag.AlignBottom,
    }[valign]
    parts = [horiz, vert, Qt.AlignmentFlag.AlignAbsolute]
    if wrap:
        parts.append(Qt.TextFlag.TextWordWrap)
    flags = _flags(*parts)
    p.save()
    p.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if arabic else Qt.LayoutDirection.LeftToRight
    )
    while True:
        p.setFont(make_font(family, size, bold))
        box = p.boundingRect(rect, flags, text)
        if box.width() <= rect.width() + 0.5 and box.height() <= rect.height() + 0.5:
            break
        if size <= floor:
            raise SystemExit(
                f"text does not fit in {rect.width():.0f}x{rect.height():.0f}: {text!r}"
            )
        size -= 1
    p.setPen(ink)
    p.drawText(rect, flags, text)
    p.restore()
    return box


def text_width(text: str, px: float, bold: bool = False, heading: bool = False) -> float:
    arabic = is_arabic(text)
    family = (AR_HEAD if heading else AR_BODY) if arabic else LATIN
    img = QImage(8, 8, QImage.Format.Format_ARGB32)
    p = QPainter(img)
    p.setFont(make_font(family, px * 1.12 if arabic else px, bold))
    w = p.fontMetrics().horizontalAdvance(text)
    p.end()
    return w


# --- shapes and icons ----------------------------------------------------------------------------
# Each icon draws in a square of side ``s`` centred on (cx, cy), in ``fg`` (details cut out in ``bg``).


def rounded(p: QPainter, rect: QRectF, radius: float, fill: QColor | QBrush | None,
            stroke: QColor | None = None, width: float = 2) -> None:  # fmt: skip
    p.setPen(QPen(stroke, width) if stroke is not None else Qt.PenStyle.NoPen)
    p.setBrush(fill if fill is not None else Qt.BrushStyle.NoBrush)
    p.drawRoundedRect(rect, radius, radius)


def shadow(p: QPainter, rect: QRectF, radius: float, strength: int = 14, spread: int = 4) -> None:
    """A soft drop shadow under a card, faked with a few translucent layers."""
    for i in range(spread, 0, -1):
        r = rect.adjusted(-i * 2, -i * 2 + 6, i * 2, i * 2 + 6)
        rounded(p, r, radius + i * 2, colour("#2A1A20", strength // i))


def circle(p: QPainter, cx: float, cy: float, r: float, fill: QColor | QBrush | None,
           stroke: QColor | None = None, width: float = 2) -> None:  # fmt: skip
    p.setPen(QPen(stroke, width) if stroke is not None else Qt.PenStyle.NoPen)
    p.setBrush(fill if fill is not None else Qt.BrushStyle.NoBrush)
    p.drawEllipse(QPointF(cx, cy), r, r)


def line(p: QPainter, pts: Iterable[tuple[float, float]], ink: QColor, width: float,
         dash: list[float] | None = None) -> None:  # fmt: skip
    pen = QPen(
        ink, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin
    )
    if dash:
        pen.setDashPattern(dash)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    path = QPainterPath()
    pts = list(pts)
    path.moveTo(*pts[0])
    for pt in pts[1:]:
        path.lineTo(*pt)
    p.drawPath(path)


def cloud_path(x: float, y: float, w: float, h: float) -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    path.addRoundedRect(QRectF(x, y + h * 0.48, w, h * 0.52), h * 0.26, h * 0.26)
    path.addEllipse(QRectF(x + w * 0.10, y + h * 0.26, w * 0.36, h * 0.62))
    path.addEllipse(QRectF(x + w * 0.30, y, w * 0.42, h * 0.80))
    path.addEllipse(QRectF(x + w * 0.58, y + h * 0.22, w * 0.32, h * 0.60))
    return path.simplified()


def icon_cloud(p: QPainter, cx: float, cy: float, s: float, fg: QColor, bg: QColor) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(fg)
    p.drawPath(cloud_path(cx - s * 0.5, cy - s * 0.3, s, s * 0.6))


def icon_building(p: QPainter, cx: float, cy: float, s: float, fg: QColor, bg: QColor) -> None:
    """A government building: pediment, columns, steps."""
    top = cy - s * 0.45
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(fg)
    p.drawPolygon(QPolygonF([QPointF(cx, top), QPointF(cx + s * 0.5, top + s * 0.24),
                             QPointF(cx - s * 0.5, top + s * 0.24)]))  # fmt: skip
    p.drawRect(QRectF(cx - s * 0.46, top + s * 0.27, s * 0.92, s * 0.07))
    for i in range(4):
        x = cx - s * 0.36 + i * s * 0.24
        p.drawRect(QRectF(x - s * 0.05, top + s * 0.37, s * 0.10, s * 0.38))
    p.drawRect(QRectF(cx - s * 0.46, top + s * 0.78, s * 0.92, s * 0.07))
    p.drawRect(QRectF(cx - s * 0.5, top + s * 0.88, s, s * 0.07))
    circle(p, cx, top + s * 0.155, s * 0.045, bg)


def _server_slots(cx: float, cy: float, s: float) -> list[QRectF]:
    w, h = s * 0.62, s * 0.9
    return [QRectF(cx - w / 2, cy - h / 2 + i * h / 3 + 2, w, h / 3 - 8) for i in range(3)]


def server_lights(cx: float, cy: float, s: float) -> list[tuple[float, float]]:
    """Where icon_server draws its status lights (animated in the video)."""
    return [(r.right() - s * 0.1, r.center().y()) for r in _server_slots(cx, cy, s)]


def icon_server(p: QPainter, cx: float, cy: float, s: float, fg: QColor, bg: QColor) -> None:
    for r, (lx, ly) in zip(_server_slots(cx, cy, s), server_lights(cx, cy, s), strict=True):
        rounded(p, r, s * 0.05, fg)
        circle(p, lx, ly, s * 0.035, bg)
        line(p, [(r.left() + s * 0.09, ly), (r.left() + s * 0.31, ly)], bg, s * 0.04)


def icon_document(p: QPainter, cx: float, cy: float, s: float, fg: QColor, bg: QColor) -> None:
    w, h = s * 0.64, s * 0.84
    x, y = cx - w / 2, cy - h / 2
    fold = w * 0.3
    path = QPainterPath()
    path.moveTo(x + s * 0.04, y)
    path.lineTo(x + w - fold, y)
    path.lineTo(x + w, y + fold)
    path.lineTo(x + w, y + h - s * 0.04)
    path.quadTo(x + w, y + h, x + w - s * 0.04, y + h)
    path.lineTo(x + s * 0.04, y + h)
    path.quadTo(x, y + h, x, y + h - s * 0.04)
    path.lineTo(x, y + s * 0.04)
    path.quadTo(x, y, x + s * 0.04, y)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(fg)
    p.drawPath(path)
    p.setBrush(bg)
    p.drawPolygon(
        QPolygonF(
            [QPointF(x + w - fold, y), QPointF(x + w - fold, y + fold), QPointF(x + w, y + fold)]
        )
    )
    for i, frac in enumerate((0.55, 0.75, 0.75, 0.5)):
        yy = y + h * 0.38 + i * h * 0.14
        line(p, [(x + w * 0.16, yy), (x + w * 0.16 + w * 0.68 * frac, yy)], bg, s * 0.045)


def icon_person(p: QPainter, cx: float, cy: float, s: float, fg: QColor, bg: QColor) -> None:
    circle(p, cx, cy - s * 0.2, s * 0.19, fg)
    path = QPainterPath()
    path.moveTo(cx - s * 0.36, cy + s * 0.45)
    path.cubicTo(
        cx - s * 0.36, cy + s * 0.02, cx + s * 0.36, cy + s * 0.02, cx + s * 0.36, cy + s * 0.45
    )
    path.closeSubpath()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(fg)
    p.drawPath(path)


def icon_people(p: QPainter, cx: float, cy: float, s: float, fg: QColor, bg: QColor) -> None:
    for dx in (-0.28, 0.28):
        icon_person(
            p, cx + dx * s, cy + s * 0.04, s * 0.62, tint(fg, 0.6) if bg == WHITE else fg, bg
        )
    circle(p, cx, cy - s * 0.12, s * 0.2, bg)
    path = QPainterPath()
    path.moveTo(cx - s * 0.4, cy + s * 0.47)
    path.cubicTo(
        cx - s * 0.4, cy + s * 0.0, cx + s * 0.4, cy + s * 0.0, cx + s * 0.4, cy + s * 0.47
    )
    path.closeSubpath()
    p.setPen(QPen(bg, s * 0.05))
    p.setBrush(fg)
    p.drawPath(path)
    circle(p, cx, cy - s * 0.12, s * 0.17, fg)


def icon_id_card(p: QPainter, cx: float, cy: float, s: float, fg: QColor, bg: QColor) -> None:
    r = QRectF(cx - s * 0.5, cy - s * 0.32, s, s * 0.64)
    rounded(p, r, s * 0.07, fg)
    photo = QRectF(r.left() + s * 0.08, r.top() + s * 0.12, s * 0.28, s * 0.36)
    rounded(p, photo, s * 0.03, bg)
    icon_person(p, photo.center().x(), photo.center().y() + s * 0.03, s * 0.26, fg, bg)
    for i, frac in enumerate((1.0, 0.8, 0.6)):
        yy = r.top() + s * 0.2 + i * s * 0.12
        line(
            p,
            [(r.left() + s * 0.46, yy), (r.left() + s * 0.46 + s * 0.42 * frac, yy)],
            bg,
            s * 0.05,
        )


def shield_path(cx: float, cy: float, w: float, h: float) -> QPainterPath:
    top = cy - h / 2
    path = QPainterPath()
    path.moveTo(cx, top)
    path.quadTo(cx + w * 0.28, top + h * 0.11, cx + w / 2, top + h * 0.11)
    path.lineTo(cx + w / 2, top + h * 0.46)
    path.cubicTo(cx + w / 2, top + h * 0.76, cx + w * 0.24, top + h * 0.92, cx, top + h)
    path.cubicTo(
        cx - w * 0.24, top + h * 0.92, cx - w / 2, top + h * 0.76, cx - w / 2, top + h * 0.46
    )
    path.lineTo(cx - w / 2, top + h * 0.11)
    path.quadTo(cx - w * 0.28, top + h * 0.11, cx, top)
    path.closeSubpath()
    return path


def check_mark(p: QPainter, cx: float, cy: float, s: float, ink: QColor, width: float | None = None,
               progress: float = 1.0) -> None:  # fmt: skip
    pts = [
        (cx - s * 0.3, cy + s * 0.02),
        (cx - s * 0.08, cy + s * 0.24),
        (cx + s * 0.32, cy - s * 0.2),
    ]
    if progress < 1.0:  # draw the stroke partly, for animations
        l1 = math.dist(pts[0], pts[1])
        l2 = math.dist(pts[1], pts[2])
        d = (l1 + l2) * max(progress, 0.0)
        if d <= 0:
            return
        if d <= l1:
            t = d / l1
            pts = [
                pts[0],
                (pts[0][0] + (pts[1][0] - pts[0][0]) * t, pts[0][1] + (pts[1][1] - pts[0][1]) * t),
            ]
        else:
            t = (d - l1) / l2
            pts = [
                pts[0],
                pts[1],
                (pts[1][0] + (pts[2][0] - pts[1][0]) * t, pts[1][1] + (pts[2][1] - pts[1][1]) * t),
            ]
    line(p, pts, ink, width or s * 0.11)


def icon_shield(p: QPainter, cx: float, cy: float, s: float, fg: QColor, bg: QColor) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(fg)
    p.drawPath(shield_path(cx, cy, s * 0.78, s * 0.92))
    check_mark(p, cx, cy + s * 0.02, s * 0.5, bg)


def star8_path(cx: float, cy: float, r: float) -> QPainterPath:
    """An eight-pointed star (two overlapping squares), a classic geometric motif."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for rot in (0, 45):
        pts = [QPointF(cx + r * math.cos(math.radians(rot + 45 + 90 * i)),
                       cy + r * math.sin(math.radians(rot + 45 + 90 * i))) for i in range(4)]  # fmt: skip
        path.addPolygon(QPolygonF(pts))
        path.closeSubpath()
    return path.simplified()


def gear_path(
    cx: float, cy: float, r_out: float, r_in: float, teeth: int, hole: float
) -> QPainterPath:
    pts = []
    step = 2 * math.pi / teeth
    for i in range(teeth):
        a = i * step
        for da, r in ((-0.26, r_in), (-0.15, r_out), (0.15, r_out), (0.26, r_in)):
            pts.append(
                QPointF(
                    cx + r * math.cos(a + da * step * 1.0), cy + r * math.sin(a + da * step * 1.0)
                )
            )
    path = QPainterPath()
    path.addPolygon(QPolygonF(pts))
    path.closeSubpath()
    path.addEllipse(QPointF(cx, cy), hole, hole)
    path.setFillRule(Qt.FillRule.OddEvenFill)
    return path


def icon_gear(p: QPainter, cx: float, cy: float, s: float, fg: QColor, bg: QColor) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(fg)
    p.drawPath(gear_path(cx, cy, s * 0.48, s * 0.37, 10, s * 0.15))


def icon_coins(p: QPainter, cx: float, cy: float, s: float, fg: QColor, bg: QColor) -> None:
    w, h = s * 0.62, s * 0.2
    for i in range(4):
        y = cy + s * 0.3 - i * s * 0.17
        r = QRectF(cx - w / 2 - s * 0.08, y - h / 2, w, h)
        p.setPen(QPen(bg, s * 0.03))
        p.setBrush(fg)
        p.drawRect(QRectF(r.left(), r.center().y(), r.width(), s * 0.1))
        p.drawEllipse(r.translated(0, s * 0.1))
        p.drawEllipse(r)
    circle(p, cx + s * 0.26, cy + s * 0.12, s * 0.22, fg, bg, s * 0.03)
    circle(p, cx + s * 0.26, cy + s * 0.12, s * 0.13, None, bg, s * 0.035)


def icon_book(p: QPainter, cx: float, cy: float, s: float, fg: QColor, bg: QColor) -> None:
    for side in (-1, 1):
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(fg)
        path = QPainterPath()
        path.moveTo(cx + side * s * 0.03, cy - s * 0.22)
        path.cubicTo(cx + side * s * 0.15, cy - s * 0.32, cx + side * s * 0.35, cy - s * 0.32,
                     cx + side * s * 0.48, cy - s * 0.26)  # fmt: skip
        path.lineTo(cx + side * s * 0.48, cy + s * 0.3)
        path.cubicTo(cx + side * s * 0.35, cy + s * 0.24, cx + side * s * 0.15, cy + s * 0.24,
                     cx + side * s * 0.03, cy + s * 0.34)  # fmt: skip
        path.closeSubpath()
        p.drawPath(path)
        for i in range(3):
            y = cy - s * 0.12 + i * s * 0.12
            line(
                p, [(cx + side * s * 0.12, y), (cx + side * s * 0.38, y - s * 0.02)], bg, s * 0.035
            )


def icon_cap(p: QPainter, cx: float, cy: float, s: float, fg: QColor, bg: QColor) -> None:
    """A graduation cap (mortarboard)."""
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(fg)
    p.drawPolygon(QPolygonF([QPointF(cx, cy - s * 0.3), QPointF(cx + s * 0.5, cy - s * 0.08),
                             QPointF(cx, cy + s * 0.14), QPointF(cx - s * 0.5, cy - s * 0.08)]))  # fmt: skip
    path = QPainterPath()
    path.moveTo(cx - s * 0.28, cy + s * 0.02)
    path.lineTo(cx - s * 0.28, cy + s * 0.22)
    path.quadTo(cx, cy + s * 0.38, cx + s * 0.28, cy + s * 0.22)
    path.lineTo(cx + s * 0.28, cy + s * 0.02)
    path.lineTo(cx, cy + s * 0.16)
    path.closeSubpath()
    p.drawPath(path)
    line(p, [(cx + s * 0.42, cy - s * 0.06), (cx + s * 0.42, cy + s * 0.24)], fg, s * 0.035)
    circle(p, cx + s * 0.42, cy + s * 0.27, s * 0.045, fg)


def icon_scales(p: QPainter, cx: float, cy: float, s: float, fg: QColor, bg: QColor) -> None:
    """Scales of justice."""
    line(p, [(cx, cy - s * 0.36), (cx, cy + s * 0.36)], fg, s * 0.06)
    line(p, [(cx - s * 0.4, cy - s * 0.28), (cx + s * 0.4, cy - s * 0.28)], fg, s * 0.05)
    circle(p, cx, cy - s * 0.38, s * 0.06, fg)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(fg)
    p.drawRoundedRect(QRectF(cx - s * 0.24, cy + s * 0.36, s * 0.48, s * 0.08), s * 0.03, s * 0.03)
    for side in (-1, 1):
        ax = cx + side * s * 0.36
        line(p, [(ax, cy - s * 0.28), (ax - s * 0.13, cy + s * 0.08)], fg, s * 0.025)
        line(p, [(ax, cy - s * 0.28), (ax + s * 0.13, cy + s * 0.08)], fg, s * 0.025)
        pan = QPainterPath()
        pan.moveTo(ax - s * 0.17, cy + s * 0.08)
        pan.quadTo(ax, cy + s * 0.3, ax + s * 0.17, cy + s * 0.08)
        pan.closeSubpath()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(fg)
        p.drawPath(pan)


def icon_phone(p: QPainter, cx: float, cy: float, s: float, fg: QColor, bg: QColor) -> None:
    r = QRectF(cx - s * 0.28, cy - s * 0.48, s * 0.56, s * 0.96)
    rounded(p, r, s * 0.08, fg)
    rounded(p, r.adjusted(s * 0.05, s * 0.1, -s * 0.05, -s * 0.14), s * 0.02, bg)
    circle(p, cx, r.bottom() - s * 0.07, s * 0.035, bg)


def icon_laptop(p: QPainter, cx: float, cy: float, s: float, fg: QColor, bg: QColor) -> None:
    r = QRectF(cx - s * 0.38, cy - s * 0.32, s * 0.76, s * 0.5)
    rounded(p, r, s * 0.04, fg)
    rounded(p, r.adjusted(s * 0.04, s * 0.04, -s * 0.04, -s * 0.04), s * 0.01, bg)
    p.setBrush(fg)
    p.drawPolygon(QPolygonF([QPointF(cx - s * 0.44, cy + s * 0.22), QPointF(cx + s * 0.44, cy + s * 0.22),
                             QPointF(cx + s * 0.5, cy + s * 0.3), QPointF(cx - s * 0.5, cy + s * 0.3)]))  # fmt: skip


def icon_magnifier(p: QPainter, cx: float, cy: float, s: float, fg: QColor, bg: QColor) -> None:
    circle(p, cx - s * 0.08, cy - s * 0.08, s * 0.26, None, fg, s * 0.09)
    line(p, [(cx + s * 0.12, cy + s * 0.12), (cx + s * 0.36, cy + s * 0.36)], fg, s * 0.13)


def icon_store(p: QPainter, cx: float, cy: float, s: float, fg: QColor, bg: QColor) -> None:
    body = QRectF(cx - s * 0.42, cy - s * 0.06, s * 0.84, s * 0.5)
    rounded(p, body, s * 0.03, fg)
    rounded(p, QRectF(cx - s * 0.3, cy + s * 0.06, s * 0.26, s * 0.38), s * 0.02, bg)
    rounded(p, QRectF(cx + s * 0.04, cy + s * 0.06, s * 0.26, s * 0.2), s * 0.02, bg)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(fg)
    p.drawPolygon(QPolygonF([QPointF(cx - s * 0.42, cy - s * 0.42), QPointF(cx + s * 0.42, cy - s * 0.42),
                             QPointF(cx + s * 0.5, cy - s * 0.2), QPointF(cx - s * 0.5, cy - s * 0.2)]))  # fmt: skip
    for i in range(5):
        x = cx - s * 0.4 + i * s * 0.2
        p.drawChord(QRectF(x, cy - s * 0.3, s * 0.2, s * 0.2), 180 * 16, 180 * 16)


def icon_bars(p: QPainter, cx: float, cy: float, s: float, fg: QColor, bg: QColor) -> None:
    for i, hh in enumerate((0.3, 0.48, 0.66)):
        x = cx - s * 0.4 + i * s * 0.3
        rounded(p, QRectF(x, cy + s * 0.42 - s * hh, s * 0.2, s * hh), s * 0.03, fg)
    line(p, [(cx - s * 0.42, cy - s * 0.02), (cx - s * 0.1, cy - s * 0.2), (cx + s * 0.08, cy - s * 0.1),
             (cx + s * 0.4, cy - s * 0.38)], fg, s * 0.05)  # fmt: skip
    p.setBrush(fg)
    p.setPen(Qt.PenStyle.NoPen)
    p.drawPolygon(QPolygonF([QPointF(cx + s * 0.46, cy - s * 0.44), QPointF(cx + s * 0.26, cy - s * 0.42),
                             QPointF(cx + s * 0.42, cy - s * 0.26)]))  # fmt: skip


def icon_house(p: QPainter, cx: float, cy: float, s: float, fg: QColor, bg: QColor) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(fg)
    p.drawPolygon(QPolygonF([QPointF(cx, cy - s * 0.42), QPointF(cx + s * 0.46, cy - s * 0.04),
                             QPointF(cx + s * 0.36, cy - s * 0.04), QPointF(cx + s * 0.36, cy + s * 0.42),
                             QPointF(cx - s * 0.36, cy + s * 0.42), QPointF(cx - s * 0.36, cy - s * 0.04),
                             QPointF(cx - s * 0.46, cy - s * 0.04)]))  # fmt: skip
    rounded(p, QRectF(cx - s * 0.1, cy + s * 0.1, s * 0.2, s * 0.32), s * 0.02, bg)


def icon_database(p: QPainter, cx: float, cy: float, s: float, fg: QColor, bg: QColor) -> None:
    w, eh = s * 0.7, s * 0.2
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(fg)
    p.drawRect(QRectF(cx - w / 2, cy - s * 0.34, w, s * 0.68))
    p.drawEllipse(QRectF(cx - w / 2, cy + s * 0.34 - eh / 2, w, eh))
    for y in (-0.1, 0.12):
        p.setPen(QPen(bg, s * 0.035))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawArc(QRectF(cx - w / 2, cy + s * y - eh / 2, w, eh), 180 * 16, 180 * 16)
    p.setPen(QPen(bg, s * 0.035))
    p.setBrush(fg)
    p.drawEllipse(QRectF(cx - w / 2, cy - s * 0.34 - eh / 2, w, eh))


def icon_calendar(p: QPainter, cx: float, cy: float, s: float, fg: QColor, bg: QColor) -> None:
    r = QRectF(cx - s * 0.42, cy - s * 0.34, s * 0.84, s * 0.76)
    rounded(p, r, s * 0.07, fg)
    rounded(p, r.adjusted(s * 0.06, s * 0.2, -s * 0.06, -s * 0.06), s * 0.03, bg)
    for dx in (-0.22, 0.22):
        line(p, [(cx + s * dx, cy - s * 0.44), (cx + s * dx, cy - s * 0.26)], fg, s * 0.07)
    for i in range(3):
        for j in range(2):
            rounded(p, QRectF(cx - s * 0.27 + i * s * 0.2, cy - s * 0.02 + j * s * 0.18, s * 0.14, s * 0.12),
                    s * 0.02, fg)  # fmt: skip


def icon_bell(p: QPainter, cx: float, cy: float, s: float, fg: QColor, bg: QColor) -> None:
    path = QPainterPath()
    path.moveTo(cx - s * 0.36, cy + s * 0.22)
    path.cubicTo(cx - s * 0.26, cy + s * 0.1, cx - s * 0.28, cy - s * 0.38, cx, cy - s * 0.38)
    path.cubicTo(
        cx + s * 0.28, cy - s * 0.38, cx + s * 0.26, cy + s * 0.1, cx + s * 0.36, cy + s * 0.22
    )
    path.closeSubpath()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(fg)
    p.drawPath(path)
    circle(p, cx, cy + s * 0.33, s * 0.09, fg)
    circle(p, cx, cy - s * 0.42, s * 0.05, fg)


def icon_briefcase(p: QPainter, cx: float, cy: float, s: float, fg: QColor, bg: QColor) -> None:
    rounded(
        p, QRectF(cx - s * 0.16, cy - s * 0.36, s * 0.32, s * 0.18), s * 0.05, None, fg, s * 0.06
    )
    rounded(p, QRectF(cx - s * 0.46, cy - s * 0.22, s * 0.92, s * 0.6), s * 0.07, fg)
    line(p, [(cx - s * 0.46, cy + s * 0.02), (cx + s * 0.46, cy + s * 0.02)], bg, s * 0.04)
    rounded(p, QRectF(cx - s * 0.07, cy - s * 0.04, s * 0.14, s * 0.12), s * 0.02, bg)


def icon_bag(p: QPainter, cx: float, cy: float, s: float, fg: QColor, bg: QColor) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(fg)
    p.drawPolygon(QPolygonF([QPointF(cx - s * 0.36, cy - s * 0.18), QPointF(cx + s * 0.36, cy - s * 0.18),
                             QPointF(cx + s * 0.42, cy + s * 0.44), QPointF(cx - s * 0.42, cy + s * 0.44)]))  # fmt: skip
    p.setPen(QPen(fg, s * 0.06))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawArc(QRectF(cx - s * 0.18, cy - s * 0.44, s * 0.36, s * 0.5), 0, 180 * 16)
    circle(p, cx - s * 0.18, cy - s * 0.04, s * 0.04, bg)
    circle(p, cx + s * 0.18, cy - s * 0.04, s * 0.04, bg)


def icon_network(p: QPainter, cx: float, cy: float, s: float, fg: QColor, bg: QColor) -> None:
    nodes = [(0, -0.34), (-0.34, 0.24), (0.34, 0.24), (0, 0.04)]
    for a, b in ((0, 3), (1, 3), (2, 3), (0, 1), (1, 2), (2, 0)):
        line(p, [(cx + nodes[a][0] * s, cy + nodes[a][1] * s), (cx + nodes[b][0] * s, cy + nodes[b][1] * s)],
             fg, s * 0.05)  # fmt: skip
    for i, (x, y) in enumerate(nodes):
        circle(p, cx + x * s, cy + y * s, s * (0.14 if i == 3 else 0.11), fg)


ICONS: dict[str, Callable[[QPainter, float, float, float, QColor, QColor], None]] = {
    "cloud": icon_cloud, "building": icon_building, "server": icon_server, "document": icon_document,
    "person": icon_person, "people": icon_people, "id-card": icon_id_card, "shield": icon_shield,
    "gear": icon_gear, "coins": icon_coins, "book": icon_book, "cap": icon_cap, "scales": icon_scales,
    "phone": icon_phone, "laptop": icon_laptop, "magnifier": icon_magnifier, "store": icon_store,
    "bars": icon_bars, "house": icon_house, "database": icon_database, "calendar": icon_calendar,
    "bell": icon_bell, "briefcase": icon_briefcase, "bag": icon_bag, "network": icon_network,
}  # fmt: skip


def icon(
    p: QPainter, name: str, cx: float, cy: float, s: float, fg: QColor, bg: QColor = WHITE
) -> None:
    p.save()
    ICONS[name](p, cx, cy, s, fg, bg)
    p.restore()


def badge(p: QPainter, name: str, cx: float, cy: float, r: float, fill: QColor, fg: QColor = WHITE,
          ring: QColor | None = None) -> None:  # fmt: skip
    """An icon in a filled circle (optionally with a white ring, as on the slides)."""
    if ring is not None:
        circle(p, cx, cy + r * 0.06, r + r * 0.1, colour("#2A1A20", 18))
        circle(p, cx, cy, r + r * 0.08, ring)
    circle(p, cx, cy, r, fill)
    icon(p, name, cx, cy, r * 1.1, fg, fill)


# --- logos ---------------------------------------------------------------------------------------


def emblem(p: QPainter, eid: str, cx: float, cy: float, s: float, fg: QColor, bg: QColor) -> None:
    """Each entity's mark: a simple geometric emblem, deliberately unlike any real logo."""
    p.save()
    if eid == "mict":  # a cloud over a small network
        icon_cloud(p, cx, cy - s * 0.12, s * 0.86, fg, bg)
        for dx in (-0.28, 0.0, 0.28):
            line(p, [(cx + dx * s, cy + s * 0.1), (cx + dx * s, cy + s * 0.3)], fg, s * 0.05)
            circle(p, cx + dx * s, cy + s * 0.36, s * 0.075, fg)
        line(p, [(cx - s * 0.28, cy + s * 0.2), (cx + s * 0.28, cy + s * 0.2)], fg, s * 0.05)
    elif eid == "moi":  # a shield with an eight-pointed star
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(fg)
        p.drawPath(shield_path(cx, cy, s * 0.8, s * 0.96))
        p.setBrush(bg)
        p.drawPath(star8_path(cx, cy - s * 0.04, s * 0.22))
        circle(p, cx, cy - s * 0.04, s * 0.08, fg)
    elif eid == "mec":  # rising bars over a base, for trade and growth
        icon_bars(p, cx, cy, s * 0.9, fg, bg)
        line(p, [(cx - s * 0.44, cy + s * 0.46), (cx + s * 0.44, cy + s * 0.46)], fg, s * 0.05)
    elif eid == "mada":  # a gear holding a person: people and administration
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(fg)
        p.drawPath(gear_path(cx, cy, s * 0.5, s * 0.4, 12, s * 0.29))
        icon_person(p, cx, cy + s * 0.02, s * 0.42, fg, bg)
    elif eid == "sec":  # a cap over an open book
        icon_cap(p, cx, cy - s * 0.2, s * 0.8, fg, bg)
        icon_book(p, cx, cy + s * 0.26, s * 0.72, fg, bg)
    elif eid == "pp":  # scales of justice
        icon_scales(p, cx, cy, s * 0.96, fg, bg)
    else:
        raise KeyError(eid)
    p.restore()


def make_logo(eid: str, path: Path) -> None:
    size = 512
    img = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    accent = QColor(ACCENTS[eid])
    c = size / 2
    grad = QLinearGradient(QPointF(0, 0), QPointF(0, size))
    grad.setColorAt(0, mix(accent, WHITE, 0.1))
    grad.setColorAt(1, shade(accent, 0.12))
    circle(p, c, c, 244, QBrush(grad))
    circle(p, c, c, 214, None, colour(WHITE, 230), 6)
    emblem(p, eid, c, c + 4, 270, WHITE, accent)
    p.end()
    save(img, path)


# --- slide art (1920x1080, no text) --------------------------------------------------------------


def backdrop(p: QPainter, accent: QColor, seed: int) -> None:
    """Calm ground: white into a light tint of the accent, soft circles, a thin maroon base line."""
    rng = random.Random(seed)
    grad = QLinearGradient(QPointF(0, 0), QPointF(W, H))
    grad.setColorAt(0, WHITE)
    grad.setColorAt(0.55, tint(accent, 0.06))
    grad.setColorAt(1, tint(accent, 0.16))
    p.fillRect(QRectF(0, 0, W, H), QBrush(grad))
    for _ in range(4):
        cx, cy = rng.uniform(0, W), rng.uniform(0, H)
        r = rng.uniform(260, 520)
        rg = QRadialGradient(QPointF(cx, cy), r)
        rg.setColorAt(0, colour(tint(accent, 0.5), 46))
        rg.setColorAt(1, colour(tint(accent, 0.5), 0))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(rg))
        p.drawEllipse(QPointF(cx, cy), r, r)
    # faint dotted grid in the upper corners, away from the art
    for gx in range(7):
        for gy in range(4):
            for ox in (120, W - 120 - 6 * 36):
                circle(p, ox + gx * 36, 120 + gy * 36, 3, colour(accent, 40))
    # serration motif along the bottom, kept inside the 64 px margin
    path = QPainterPath()
    y0 = H - 72
    path.moveTo(64, y0 + 8)
    for i in range(9):
        x = 64 + (W - 128) * (i + 0.5) / 9
        path.lineTo(x, y0)
        path.lineTo(64 + (W - 128) * (i + 1) / 9, y0 + 8)
    p.setPen(QPen(colour(MAROON, 90), 2))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(path)


def ground(p: QPainter, cx: float, cy: float, w: float, accent: QColor) -> None:
    """A soft ellipse the illustration stands on."""
    rg = QRadialGradient(QPointF(cx, cy), w / 2)
    rg.setColorAt(0, colour(shade(accent, 0.3), 40))
    rg.setColorAt(1, colour(shade(accent, 0.3), 0))
    p.save()
    p.translate(cx, cy)
    p.scale(1, 0.16)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(rg))
    p.drawEllipse(QPointF(0, 0), w / 2, w / 2)
    p.restore()


def card(p: QPainter, rect: QRectF, radius: float = 28, fill: QColor = WHITE) -> None:
    shadow(p, rect, radius)
    rounded(p, rect, radius, fill)


def smooth(t: float) -> float:
    t = min(max(t, 0.0), 1.0)
    return t * t * (3 - 2 * t)


# The cloud scene serves a still slide, the video and its poster: ``t`` in seconds, None = still.
def scene_cloud(p: QPainter, accent: QColor, t: float | None = None) -> None:
    backdrop(p, accent, 11)
    still = t is None
    tt = 99.0 if still else t
    cloud = QRectF(560, 150, 800, 400)
    bases = [(420, 880), (690, 930), (960, 950), (1230, 930), (1500, 880)]
    ground(p, 960, 960, 1400, accent)
    # links from each building to the cloud
    anchors = [(700, 520), (830, 540), (960, 548), (1090, 540), (1220, 520)]
    for i, ((bx, by), (ax, ay)) in enumerate(zip(bases, anchors, strict=True)):
        grow = smooth((tt - 1.0 - i * 0.35) / 1.2)
        if grow <= 0:
            continue
        sx, sy = bx, by - 170
        ex, ey = sx + (ax - sx) * grow, sy + (ay - sy) * grow
        line(p, [(sx, sy), (ex, ey)], colour(accent, 150), 6, [2, 2.2])
    # buildings rise in one after another
    fills = [MAROON, shade(accent, 0.1), accent, shade(accent, 0.1), MAROON]
    for i, (bx, by) in enumerate(bases):
        a = smooth((tt - 0.2 - i * 0.3) / 0.8)
        if a <= 0:
            continue
        p.save()
        p.setOpacity(a)
        p.translate(0, (1 - a) * 30)
        circle(p, bx, by - 88, 96, WHITE)
        circle(p, bx, by - 88, 96, None, colour(fills[i], 60), 3)
        icon_building(p, bx, by - 92, 110, fills[i], WHITE)
        p.restore()
    # data moving along the links: slow pulses, one every 2.4 s per link
    if not still:
        for i, ((bx, by), (ax, ay)) in enumerate(zip(bases, anchors, strict=True)):
            if tt < 2.6 + i * 0.35:
                continue
            phase = ((tt - 2.6 - i * 0.35) / 2.4) % 1.0
            up = (i % 2) == 0
            f = phase if up else 1 - phase
            sx, sy = bx, by - 170
            px_, py_ = sx + (ax - sx) * f, sy + (ay - sy) * f
            fade = math.sin(math.pi * phase)
            circle(p, px_, py_, 11, colour(MAROON, round(220 * fade)))
    # the cloud, with the shared servers inside
    grad = QLinearGradient(cloud.topLeft(), cloud.bottomLeft())
    grad.setColorAt(0, tint(accent, 0.75))
    grad.setColorAt(1, accent)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour("#2A1A20", 22))
    p.drawPath(cloud_path(cloud.x(), cloud.y() + 14, cloud.width(), cloud.height()))
    p.setBrush(QBrush(grad))
    p.drawPath(cloud_path(cloud.x(), cloud.y(), cloud.width(), cloud.height()))
    for i, x in enumerate((840, 960, 1080)):
        icon_server(p, x, 420, 120, WHITE, accent)
        if not still:  # status lights breathe slowly (period 2 s)
            glow = 0.5 + 0.5 * math.sin(tt * math.pi + i * 1.3)
            for lx, ly in server_lights(x, 420, 120):
                circle(p, lx, ly, 6, colour(tint(MAROON, 0.9), round(255 * glow)))


def art_government_cloud(p: QPainter, accent: QColor) -> None:
    """The shared cloud (hosting, storage, security) serving many government bodies."""
    backdrop(p, accent, 13)
    ground(p, 960, 930, 1600, accent)
    cloud = QRectF(500, 120, 920, 460)
    n = 7
    bases = [
        (300 + i * (1320 / (n - 1)), 860 - 70 * math.sin(math.pi * i / (n - 1))) for i in range(n)
    ]
    for i, (bx, by) in enumerate(bases):
        ax = 760 + i * 400 / (n - 1)
        line(p, [(bx, by - 80), (ax, 540)], colour(accent, 140), 5, [2, 2.2])
    for i, (bx, by) in enumerate(bases):
        f = MAROON if i % 3 == 0 else accent
        circle(p, bx, by, 78, WHITE)
        circle(p, bx, by, 78, None, colour(f, 60), 3)
        icon_building(p, bx, by - 4, 90, f, WHITE)
    grad = QLinearGradient(cloud.topLeft(), cloud.bottomLeft())
    grad.setColorAt(0, tint(accent, 0.7))
    grad.setColorAt(1, accent)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour("#2A1A20", 22))
    p.drawPath(cloud_path(cloud.x(), cloud.y() + 16, cloud.width(), cloud.height()))
    p.setBrush(QBrush(grad))
    p.drawPath(cloud_path(cloud.x(), cloud.y(), cloud.width(), cloud.height()))
    for x, name, f in (
        (800, "server", accent),
        (960, "database", MAROON),
        (1120, "shield", accent),
    ):
        circle(p, x, 440, 66, WHITE)
        icon(p, name, x, 440, 80, f)


def art_digital_government(p: QPainter, accent: QColor) -> None:
    backdrop(p, accent, 12)
    ground(p, 960, 905, 1300, accent)
    # a large screen with a grid of service tiles
    screen = QRectF(480, 170, 960, 600)
    card(p, screen, 34, shade(INK, 0.0))
    inner = screen.adjusted(26, 26, -26, -26)
    rounded(p, inner, 14, tint(accent, 0.08))
    rounded(p, QRectF(inner.left(), inner.top(), inner.width(), 70), 14, accent)
    p.fillRect(QRectF(inner.left(), inner.top() + 40, inner.width(), 30), accent)
    names = ["document", "id-card", "building", "people", "coins", "cloud"]
    fills = [accent, MAROON, accent, MAROON, accent, MAROON]
    for i, name in enumerate(names):
        col, row = i % 3, i // 3
        r = QRectF(inner.left() + 40 + col * 290, inner.top() + 110 + row * 200, 250, 170)
        rounded(p, r, 18, WHITE)
        badge(p, name, r.center().x(), r.top() + 70, 46, fills[i])
        line(
            p,
            [(r.center().x() - 70, r.top() + 140), (r.center().x() + 70, r.top() + 140)],
            LINE,
            10,
        )
    # stand
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(INK)
    p.drawPolygon(
        QPolygonF([QPointF(900, 770), QPointF(1020, 770), QPointF(1050, 880), QPointF(870, 880)])
    )
    rounded(p, QRectF(800, 872, 320, 22), 11, INK)
    # people around it
    for x, y, f in ((300, 760, MAROON), (1620, 760, accent)):
        circle(p, x, y, 120, WHITE)
        icon(p, "people", x, y + 4, 150, f)


def scene_residence(p: QPainter, accent: QColor, t: float | None = None) -> None:
    """A phone completing a residence renewal: steps tick one by one, then a large check."""
    backdrop(p, accent, 21)
    still = t is None
    tt = 99.0 if still else t
    ground(p, 960, 960, 1200, accent)
    phone = QRectF(770, 110, 380, 800)
    shadow(p, phone, 56, 20, 5)
    rounded(p, phone, 56, INK)
    scr = phone.adjusted(20, 64, -20, -64)
    rounded(p, scr, 18, WHITE)
    rounded(p, QRectF(scr.left(), scr.top(), scr.width(), 90), 18, accent)
    p.fillRect(QRectF(scr.left(), scr.top() + 60, scr.width(), 30), accent)
    circle(p, phone.center().x(), phone.bottom() - 32, 14, colour(WHITE, 60))
    icon(p, "id-card", scr.center().x(), scr.top() + 45, 64, WHITE, accent)
    # three steps that complete one after another
    for i in range(3):
        y = scr.top() + 150 + i * 130
        done = smooth((tt - 1.2 - i * 1.3) / 0.5)
        r = QRectF(scr.left() + 24, y, scr.width() - 48, 100)
        rounded(p, r, 16, tint(accent, 0.08 + 0.06 * done))
        circle(p, r.left() + 52, r.center().y(), 28, mix(LINE, accent, done))
        if done > 0:
            check_mark(p, r.left() + 52, r.center().y(), 40, WHITE, 7, done)
        line(
            p,
            [(r.left() + 100, r.center().y() - 14), (r.right() - 30, r.center().y() - 14)],
            LINE,
            12,
        )
        line(
            p,
            [(r.left() + 100, r.center().y() + 16), (r.right() - 90, r.center().y() + 16)],
            LINE,
            10,
        )
    # the card and the calendar float beside the phone
    a = smooth((tt - 0.3) / 1.0)
    p.save()
    p.setOpacity(a)
    p.translate(1350 + (1 - a) * 60, 420)
    p.rotate(-6)
    card(p, QRectF(-200, -130, 400, 260), 26)
    icon(p, "id-card", 0, 0, 330, accent)
    p.restore()
    b = smooth((tt - 0.8) / 1.0)
    p.save()
    p.setOpacity(b)
    p.translate(560 - (1 - b) * 60, 470)
    circle(p, 0, 0, 130, WHITE)
    icon(p, "calendar", 0, 0, 150, MAROON)
    p.restore()
    # the final confirmation
    c = smooth((tt - 5.2) / 0.8)
    if c > 0:
        cx, cy = phone.center().x(), scr.bottom() - 120
        circle(p, cx, cy, 64 * (0.7 + 0.3 * c) + 10, colour(WHITE, round(255 * c)))
        circle(p, cx, cy, 64 * (0.7 + 0.3 * c), colour(accent, round(255 * c)))
        check_mark(p, cx, cy, 80, colour(WHITE, round(255 * c)), 12, smooth((tt - 5.5) / 0.7))


def art_moi_eservices(p: QPainter, accent: QColor) -> None:
    backdrop(p, accent, 22)
    ground(p, 960, 950, 1400, accent)
    phone = QRectF(790, 130, 340, 760)
    shadow(p, phone, 52, 20, 5)
    rounded(p, phone, 52, INK)
    scr = phone.adjusted(18, 58, -18, -58)
    rounded(p, scr, 16, WHITE)
    rounded(p, QRectF(scr.left(), scr.top(), scr.width(), 80), 16, accent)
    p.fillRect(QRectF(scr.left(), scr.top() + 50, scr.width(), 30), accent)
    for i, (name, f) in enumerate((("id-card", accent), ("document", MAROON), ("calendar", accent),
                                   ("shield", MAROON))):  # fmt: skip
        y = scr.top() + 120 + i * 130
        rounded(p, QRectF(scr.left() + 20, y, scr.width() - 40, 106), 16, tint(accent, 0.08))
        badge(p, name, scr.left() + 72, y + 53, 34, f)
        line(p, [(scr.left() + 124, y + 40), (scr.right() - 40, y + 40)], LINE, 12)
        line(p, [(scr.left() + 124, y + 70), (scr.right() - 90, y + 70)], LINE, 10)
    # floating cards around the phone
    for cx, cy, rot, name, f in ((470, 380, -8, "id-card", accent), (1450, 330, 7, "document", MAROON),
                                 (1470, 700, -5, "shield", accent), (450, 720, 6, "calendar", MAROON)):  # fmt: skip
        p.save()
        p.translate(cx, cy)
        p.rotate(rot)
        card(p, QRectF(-150, -110, 300, 220), 26)
        icon(p, name, 0, 0, 170, f)
        p.restore()
    # dotted links from the phone to the cards
    for x1, y1, x2, y2 in ((790, 400, 620, 390), (1130, 360, 1300, 340), (1130, 680, 1320, 690),
                           (790, 700, 600, 715)):  # fmt: skip
        line(p, [(x1, y1), (x2, y2)], colour(accent, 140), 5, [1.5, 2.5])


def art_moi_security(p: QPainter, accent: QColor) -> None:
    backdrop(p, accent, 23)
    cx, cy = 960, 500
    for r, a in ((400, 30), (310, 50), (220, 80)):
        circle(p, cx, cy, r, None, colour(accent, a), 4)
    rng = random.Random(7)
    for i in range(12):
        ang = i * math.tau / 12 + rng.uniform(-0.1, 0.1)
        r = (400, 310)[i % 2]
        x, y = cx + r * math.cos(ang), cy + r * math.sin(ang)
        line(
            p, [(cx + 150 * math.cos(ang), cy + 150 * math.sin(ang)), (x, y)], colour(accent, 70), 3
        )
        circle(p, x, y, 22 if i % 3 else 30, WHITE, colour(accent, 160), 4)
        if i % 3 == 0:
            icon(p, ("person", "house", "building", "laptop")[i // 3], x, y, 34, MAROON)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour("#2A1A20", 26))
    p.drawPath(shield_path(cx, cy + 14, 300, 360))
    grad = QLinearGradient(QPointF(cx, cy - 180), QPointF(cx, cy + 180))
    grad.setColorAt(0, tint(accent, 0.8))
    grad.setColorAt(1, shade(accent, 0.1))
    p.setBrush(QBrush(grad))
    p.drawPath(shield_path(cx, cy, 300, 360))
    check_mark(p, cx, cy + 4, 190, WHITE, 26)


def art_start_business(p: QPainter, accent: QColor) -> None:
    backdrop(p, accent, 31)
    ground(p, 960, 900, 1500, accent)
    # the shop front in the middle
    body = QRectF(700, 420, 520, 430)
    card(p, body, 20)
    p.setPen(Qt.PenStyle.NoPen)
    for i in range(6):  # awning stripes
        x = 670 + i * 580 / 6
        p.setBrush(accent if i % 2 == 0 else tint(accent, 0.2))
        p.drawRect(QRectF(x, 330, 580 / 6, 110))
        p.drawChord(QRectF(x, 390, 580 / 6, 100), 180 * 16, 180 * 16)
    rounded(p, QRectF(660, 300, 600, 40), 12, shade(accent, 0.15))
    rounded(p, QRectF(750, 560, 180, 290), 10, tint(accent, 0.15))
    circle(p, 905, 710, 9, accent)
    rounded(p, QRectF(970, 560, 200, 150), 10, tint(accent, 0.15))
    line(p, [(970, 635), (1170, 635)], WHITE, 6)
    # a document with a seal on the right, a briefcase on the left
    p.save()
    p.translate(1470, 560)
    p.rotate(6)
    card(p, QRectF(-140, -180, 280, 360), 22)
    for i, frac in enumerate((0.9, 0.7, 0.9, 0.6)):
        line(p, [(-90, -110 + i * 50), (-90 + 180 * frac, -110 + i * 50)], LINE, 12)
    star = star8_path(50, 110, 52)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(MAROON)
    p.drawPath(star)
    circle(p, 50, 110, 26, WHITE)
    circle(p, 50, 110, 16, MAROON)
    p.restore()
    circle(p, 440, 600, 150, WHITE)
    icon(p, "briefcase", 440, 600, 190, MAROON)
    circle(p, 560, 330, 70, WHITE)
    icon(p, "bars", 560, 330, 80, accent)


def art_consumers(p: QPainter, accent: QColor) -> None:
    backdrop(p, accent, 32)
    ground(p, 960, 900, 1300, accent)
    circle(p, 960, 520, 300, WHITE)
    circle(p, 960, 520, 300, None, colour(accent, 60), 4)
    icon(p, "bag", 930, 540, 330, accent)
    p.setPen(QPen(WHITE, 14))
    p.setBrush(MAROON)
    p.drawPath(shield_path(1100, 650, 170, 200))
    check_mark(p, 1100, 652, 100, WHITE, 14)
    for cx, cy, name, f in ((470, 420, "store", MAROON), (1450, 380, "people", accent),
                            (520, 760, "document", accent), (1420, 780, "coins", MAROON)):  # fmt: skip
        circle(p, cx, cy, 110, WHITE)
        circle(p, cx, cy, 110, None, colour(f, 60), 3)
        icon(p, name, cx, cy, 130, f)


def art_mawared(p: QPainter, accent: QColor) -> None:
    backdrop(p, accent, 41)
    ground(p, 960, 900, 1500, accent)
    # HR (people) and finance (coins), joined by the gear of one shared system
    for cx, f, name in ((620, accent, "people"), (1300, MAROON, "coins")):
        circle(p, cx, 500, 250, colour(f, 26))
        circle(p, cx, 500, 200, WHITE)
        circle(p, cx, 500, 200, None, colour(f, 90), 4)
        icon(p, name, cx, 500, 230, f)
    circle(p, 960, 500, 150, WHITE)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(shade(accent, 0.1))
    p.drawPath(gear_path(960, 500, 130, 104, 12, 52))
    circle(p, 960, 500, 36, MAROON)
    # government bodies below, all linked to the one system
    for i in range(5):
        x = 560 + i * 200
        line(p, [(960, 650), (x, 800)], colour(accent, 110), 4, [2, 2.5])
        circle(p, x, 830, 56, WHITE)
        icon(p, "building", x, 826, 64, accent if i % 2 else MAROON)


def art_connected_bodies(p: QPainter, accent: QColor) -> None:
    backdrop(p, accent, 42)
    cx, cy = 960, 500
    n = 10
    pts = [(cx + 470 * math.cos(-math.pi / 2 + i * math.tau / n),
            cy + 330 * math.sin(-math.pi / 2 + i * math.tau / n)) for i in range(n)]  # fmt: skip
    for i, (x, y) in enumerate(pts):
        line(p, [(cx, cy), (x, y)], colour(accent, 90), 4)
        nx, ny = pts[(i + 1) % n]
        line(p, [(x, y), (nx, ny)], colour(accent, 40), 3, [2, 3])
    for i, (x, y) in enumerate(pts):
        circle(p, x, y, 64, WHITE)
        circle(p, x, y, 64, None, colour(accent, 70), 3)
        icon(p, "building", x, y - 4, 76, accent if i % 2 else MAROON)
    circle(p, cx, cy, 190, colour(accent, 30))
    circle(p, cx, cy, 150, accent)
    icon(p, "database", cx - 34, cy, 150, WHITE, accent)
    icon(p, "gear", cx + 58, cy + 40, 90, WHITE, accent)
    circle(p, cx + 58, cy + 40, 14, accent)


def art_learning(p: QPainter, accent: QColor) -> None:
    backdrop(p, accent, 51)
    ground(p, 960, 880, 1300, accent)
    circle(p, 960, 500, 320, WHITE)
    circle(p, 960, 500, 320, None, colour(accent, 60), 4)
    icon(p, "book", 960, 580, 440, accent)
    icon(p, "cap", 960, 320, 300, MAROON)
    for cx, cy, name, f in ((440, 420, "laptop", MAROON), (1480, 420, "people", accent),
                            (500, 780, "calendar", accent), (1420, 780, "document", MAROON)):  # fmt: skip
        circle(p, cx, cy, 105, WHITE)
        circle(p, cx, cy, 105, None, colour(f, 60), 3)
        icon(p, name, cx, cy, 130, f)
    rng = random.Random(5)
    for _ in range(9):
        x, y = rng.uniform(300, 1620), rng.uniform(150, 300)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour(accent, 90))
        p.drawPath(star8_path(x, y, rng.uniform(8, 16)))


def art_school_family(p: QPainter, accent: QColor) -> None:
    backdrop(p, accent, 52)
    ground(p, 960, 900, 1500, accent)
    # the school: a wide building with a central arch
    body = QRectF(700, 430, 520, 380)
    card(p, body, 18)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(accent)
    p.drawPolygon(QPolygonF([QPointF(680, 440), QPointF(960, 300), QPointF(1240, 440)]))
    circle(p, 960, 390, 30, WHITE)
    icon(p, "book", 960, 392, 40, accent)
    arch = QPainterPath()
    arch.moveTo(900, 810)
    arch.lineTo(900, 680)
    arch.arcTo(QRectF(900, 620, 120, 120), 180, -180)
    arch.lineTo(1020, 810)
    arch.closeSubpath()
    p.setBrush(MAROON)
    p.drawPath(arch)
    for x in (750, 1100):
        for y in (500, 640):
            rounded(p, QRectF(x, y, 70, 90), 8, tint(accent, 0.2))
    # homes and a laptop, connected to the school
    for cx, cy, name, f in ((380, 520, "house", MAROON), (1540, 520, "house", accent),
                            (420, 800, "laptop", accent), (1500, 800, "people", MAROON)):  # fmt: skip
        tx = 700 if cx < 960 else 1220
        line(p, [(cx + (100 if cx < 960 else -100), cy), (tx, cy if cy < 700 else 760)], colour(accent, 120), 5,
             [1.5, 2.5])  # fmt: skip
        circle(p, cx, cy, 100, WHITE)
        circle(p, cx, cy, 100, None, colour(f, 60), 3)
        icon(p, name, cx, cy, 120, f)


def art_justice(p: QPainter, accent: QColor) -> None:
    backdrop(p, accent, 61)
    ground(p, 960, 900, 1400, accent)
    circle(p, 960, 480, 310, colour(accent, 24))
    circle(p, 960, 480, 260, WHITE)
    circle(p, 960, 480, 260, None, colour(accent, 90), 4)
    icon(p, "scales", 960, 490, 340, accent)
    for cx, cy, name, f in ((460, 480, "building", MAROON), (1460, 480, "document", MAROON),
                            (600, 790, "laptop", accent), (1320, 790, "phone", accent)):  # fmt: skip
        circle(p, cx, cy, 105, WHITE)
        circle(p, cx, cy, 105, None, colour(f, 60), 3)
        icon(p, name, cx, cy, 125, f)
    for x1, x2 in ((565, 700), (1355, 1220)):
        line(p, [(x1, 480), (x2, 480)], colour(accent, 120), 5, [1.5, 2.5])


def art_clear_steps(p: QPainter, accent: QColor) -> None:
    backdrop(p, accent, 62)
    ground(p, 960, 880, 1500, accent)
    xs = [420, 960, 1500]
    names = ["document", "magnifier", "scales"]
    path = QPainterPath()
    path.moveTo(xs[0], 520)
    path.cubicTo(640, 380, 740, 660, xs[1], 520)
    path.cubicTo(1180, 380, 1280, 660, xs[2], 520)
    p.setPen(QPen(colour(accent, 110), 8, Qt.PenStyle.DashLine, Qt.PenCapStyle.RoundCap))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(path)
    for i, (x, name) in enumerate(zip(xs, names, strict=True)):
        done = i < 2
        circle(p, x, 520, 175, colour(accent, 26))
        circle(p, x, 520, 145, WHITE)
        circle(p, x, 520, 145, None, accent if done else LINE, 8)
        icon(p, name, x, 520, 150, accent if i != 1 else MAROON)
        if done:
            circle(p, x + 110, 410, 44, MAROON)
            circle(p, x + 110, 410, 44, None, WHITE, 6)
            check_mark(p, x + 110, 412, 56, WHITE, 9)


# --- mock e-service screenshots (1920x1080 PNG) ------------------------------------------------

HOTSPOTS: dict[str, dict[str, tuple[float, float, float, float]]] = {}
"""Bundle-relative image path -> button key -> normalised [x, y, w, h] as drawn."""


def norm(r: QRectF) -> tuple[float, float, float, float]:
    return (
        round(r.x() / W, 4),
        round(r.y() / H, 4),
        round(r.width() / W, 4),
        round(r.height() / H, 4),
    )


@dataclass
class Shot:
    """One mock screenshot: page chrome + helpers that record where each button is drawn."""

    eid: str
    name: str
    en_title: str
    ar_title: str

    def __post_init__(self) -> None:
        self.accent = QColor(ACCENTS[self.eid])
        self.img = QImage(W, H, QImage.Format.Format_RGB32)
        self.img.fill(PAGE)
        self.p = QPainter(self.img)
        self.p.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.rel = f"entities/{self.eid}/demo/{self.name}.png"
        self.buttons: dict[str, QRectF] = {}
        self.chrome()

    # chrome: portal bar, entity band, page title -------------------------------------------------
    def chrome(self) -> None:
        p = self.p
        p.fillRect(QRectF(0, 0, W, 104), WHITE)
        p.fillRect(QRectF(0, 104, W, 8), MAROON)
        # a neutral portal mark (not a real logo): a white eight-pointed star on maroon
        mark = QRectF(64, 22, 60, 60)
        rounded(p, mark, 12, MAROON)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(WHITE)
        p.drawPath(star8_path(mark.center().x(), mark.center().y(), 21))
        circle(p, mark.center().x(), mark.center().y(), 7, MAROON)
        draw_text(p, QRectF(144, 22, 560, 60), "Government e-services", 30, INK, bold=True)
        draw_text(p, QRectF(W - 64 - 560, 18, 560, 66), "الخدمات الحكومية الإلكترونية", 28, INK,
                  bold=True, heading=True)  # fmt: skip
        # the "demo" chip: this is a mock, with sample data
        chip = QRectF(W / 2 - 170, 30, 340, 46)
        rounded(p, chip, 23, tint(MAROON, 0.08), MAROON, 2)
        draw_text(p, QRectF(chip.left() + 24, chip.top(), 120, chip.height()), "DEMO", 22, MAROON,
                  bold=True, align="left")  # fmt: skip
        circle(p, chip.center().x() - 16, chip.center().y(), 4, MAROON)
        draw_text(p, QRectF(chip.center().x() - 4, chip.top() - 2, 150, chip.height()), "عرض توضيحي", 21,
                  MAROON, bold=True, align="right")  # fmt: skip
        # entity band
        band = QRectF(0, 112, W, 88)
        p.fillRect(band, self.accent)
        circle(p, 64 + 30, band.center().y(), 30, WHITE)
        emblem(p, self.eid, 64 + 30, band.center().y() + 1, 38, self.accent, WHITE)
        en, ar = ENTITY_NAMES[self.eid]
        draw_text(p, QRectF(144, band.top(), 840, band.height()), en, 28, WHITE, bold=True)
        draw_text(p, QRectF(W - 64 - 800, band.top(), 800, band.height()), ar, 27, WHITE, bold=True,
                  heading=True)  # fmt: skip
        # page title, English left and Arabic right
        self.pair(
            QRectF(64, 226, W - 128, 80),
            self.en_title,
            self.ar_title,
            44,
            INK,
            bold=True,
            heading=True,
        )
        p.fillRect(QRectF(64, 318, W - 128, 2), LINE)

    # building blocks -------------------------------------------------------------------------------
    def pair(self, rect: QRectF, en: str, ar: str, px: float, ink: QColor, *, bold: bool = False,
             heading: bool = False, gap: float = 40) -> None:  # fmt: skip
        """English at the left, Arabic at the right of one row."""
        half = (rect.width() - gap) / 2
        draw_text(
            self.p, QRectF(rect.left(), rect.top(), half, rect.height()), en, px, ink, bold=bold
        )
        draw_text(self.p, QRectF(rect.right() - half, rect.top(), half, rect.height()), ar, px, ink,
                  bold=bold, heading=heading)  # fmt: skip

    def stacked(
        self, rect: QRectF, en: str, ar: str, px: float, ink: QColor, *, bold: bool = True
    ) -> None:
        """Arabic above English, both centred."""
        h = rect.height() / 2
        draw_text(self.p, QRectF(rect.left(), rect.top(), rect.width(), h), ar, px, ink, bold=bold,
                  heading=bold, align="center")  # fmt: skip
        draw_text(self.p, QRectF(rect.left(), rect.top() + h, rect.width(), h), en, px * 0.92, ink, bold=bold,
                  align="center")  # fmt: skip

    def button(self, key: str, rect: QRectF, en: str, ar: str, style: str = "primary") -> QRectF:
        """A bilingual button; its rectangle is recorded for the hotspot check."""
        p = self.p
        if style == "primary":
            shadow(p, rect, 16, 12, 2)
            rounded(p, rect, 16, self.accent)
            ink = WHITE
        else:
            rounded(p, rect, 16, WHITE, self.accent, 3)
            ink = self.accent
        px = 31
        w_en, w_ar = text_width(en, px, True), text_width(ar, px, True, True)
        sep = 44
        total = w_en + w_ar + sep
        if total <= rect.width() - 48:  # side by side: English | Arabic
            x0 = rect.center().x() - total / 2
            draw_text(
                p,
                QRectF(x0, rect.top(), w_en + 2, rect.height()),
                en,
                px,
                ink,
                bold=True,
                align="left",
            )
            line(p, [(x0 + w_en + sep / 2, rect.top() + rect.height() * 0.28),
                     (x0 + w_en + sep / 2, rect.bottom() - rect.height() * 0.28)], colour(ink, 150), 2)  # fmt: skip
            draw_text(p, QRectF(x0 + w_en + sep - 2, rect.top() - 3, w_ar + 4, rect.height()), ar, px, ink,
                      bold=True, heading=True, align="right")  # fmt: skip
        else:  # keep buttons readable: widen the layout instead of shrinking the label
            raise SystemExit(
                f"{self.rel}: the label '{en} | {ar}' needs a button wider than {rect.width():.0f}"
            )
        if key in self.buttons:
            raise SystemExit(f"{self.rel}: button key {key!r} used twice")
        self.buttons[key] = QRectF(rect)
        return rect

    def tile(self, rect: QRectF, icon_name: str, en: str, ar: str, *, key: str | None = None,
             button: tuple[str, str] | None = None, bkey: str | None = None) -> None:  # fmt: skip
        """A service card: icon, Arabic and English names, and an optional button."""
        p = self.p
        card(p, rect, 24)
        badge(p, icon_name, rect.center().x(), rect.top() + 110, 66, self.accent)
        self.stacked(
            QRectF(rect.left() + 24, rect.top() + 196, rect.width() - 48, 130), en, ar, 32, INK
        )
        if button:
            self.button(bkey or f"{icon_name}-button",
                        QRectF(rect.left() + 36, rect.bottom() - 36 - BUTTON_H, rect.width() - 72, BUTTON_H),
                        button[0], button[1], "primary" if bkey else "secondary")  # fmt: skip
        if key:
            self.buttons[key] = QRectF(rect)

    def table(self, rect: QRectF, rows: list[tuple[str, str, str, str]], row_h: float = 84) -> None:
        """A bilingual summary: English label and value on the left half, Arabic on the right.

        Each row is (en_label, en_value, ar_value, ar_label).
        """
        p = self.p
        card(p, rect, 22)
        mid = rect.center().x()
        line(p, [(mid, rect.top() + 28), (mid, rect.bottom() - 28)], LINE, 2)
        pad = 40
        half = rect.width() / 2 - pad * 1.5
        top = rect.top() + (rect.height() - row_h * len(rows)) / 2
        for i, (enl, env, arv, arl) in enumerate(rows):
            y = top + i * row_h
            if i:
                line(p, [(rect.left() + pad, y), (mid - pad / 2, y)], colour(LINE, 160), 1.5)
                line(p, [(mid + pad / 2, y), (rect.right() - pad, y)], colour(LINE, 160), 1.5)
            lw = half * 0.46
            draw_text(p, QRectF(rect.left() + pad, y, lw, row_h), enl, 28, MUTED)
            draw_text(p, QRectF(rect.left() + pad + lw, y, half - lw, row_h), env, 29, INK, bold=True,
                      align="left")  # fmt: skip
            draw_text(p, QRectF(rect.right() - pad - lw, y, lw, row_h), arl, 28, MUTED)
            draw_text(
                p,
                QRectF(mid + pad / 2, y, half - lw, row_h),
                arv,
                29,
                INK,
                bold=True,
                align="right",
            )

    def field(
        self, rect: QRectF, en: str, ar: str, value_en: str, value_ar: str | None = None
    ) -> None:
        """A form field: a bilingual label above a filled box."""
        p = self.p
        self.pair(QRectF(rect.left(), rect.top(), rect.width(), 50), en, ar, 27, MUTED, gap=20)
        box = QRectF(rect.left(), rect.top() + 56, rect.width(), rect.height() - 56)
        rounded(p, box, 12, WHITE, LINE, 2)
        if value_ar is None:
            draw_text(p, box.adjusted(24, 0, -24, 0), value_en, 29, INK, align="center")
        else:
            self.pair(box.adjusted(24, 0, -24, 0), value_en, value_ar, 29, INK, gap=20)

    def steps(self, x: float, top: float, width: float, items: list[tuple[str, str, str]],
              step_h: float = 120) -> None:  # fmt: skip
        """A vertical progress list: a dot in the middle, English on the left, Arabic on the right.

        Each item is (state, en, ar) with state "done", "now" or "todo".
        """
        p = self.p
        cx = x + width / 2
        line(p, [(cx, top + step_h / 2), (cx, top + step_h * (len(items) - 0.5))], LINE, 6)
        for i, (state, _en, _ar) in enumerate(items):  # connectors first, under the dots
            cy = top + step_h / 2 + i * step_h
            if i and state != "todo":
                line(p, [(cx, cy - step_h), (cx, cy)], self.accent, 6)
        for i, (state, en, ar) in enumerate(items):
            cy = top + step_h / 2 + i * step_h
            if state == "done":
                circle(p, cx, cy, 30, self.accent)
                check_mark(p, cx, cy, 40, WHITE, 7)
            elif state == "now":
                circle(p, cx, cy, 30, WHITE, self.accent, 7)
                circle(p, cx, cy, 11, self.accent)
            else:
                circle(p, cx, cy, 30, WHITE, LINE, 5)
            ink = INK if state != "todo" else MUTED
            draw_text(
                p,
                QRectF(x, cy - 40, width / 2 - 64, 80),
                en,
                30,
                ink,
                bold=state == "now",
                align="right",
            )
            draw_text(p, QRectF(cx + 64, cy - 40, width / 2 - 64, 80), ar, 30, ink, bold=state == "now",
                      align="left")  # fmt: skip

    def save(self) -> None:
        self.p.end()
        path = BUNDLE / self.rel
        save(self.img, path)
        HOTSPOTS[self.rel] = {k: norm(r) for k, r in self.buttons.items()}


CONTENT_TOP = 350  # below the page title
MARGIN = 64
BUTTON_H = 110  # shown at about 70 % in the kiosk, buttons stay near the 72 px touch target
BOTTOM_Y = 866  # top of the action buttons at the bottom of a screen


def tiles_row(
    s: Shot, specs: list[tuple], top: float = CONTENT_TOP + 10, height: float = 500
) -> None:
    n = len(specs)
    gap = 40
    w = (W - 2 * MARGIN - gap * (n - 1)) / n
    for i, spec in enumerate(specs):
        name, en, ar, btn, bkey = spec
        s.tile(QRectF(MARGIN + i * (w + gap), top, w, height), name, en, ar, button=btn, bkey=bkey)


def footnote(s: Shot, en: str, ar: str, y: float = 960) -> None:
    s.pair(QRectF(MARGIN, y, W - 2 * MARGIN, 56), en, ar, 26, MUTED)


# mict: requesting a Government Cloud service


def shot_cloud_catalogue() -> None:
    s = Shot(
        "mict",
        "cloud-catalogue",
        "Government Cloud service catalogue",
        "دليل خدمات السحابة الحكومية",
    )
    tiles_row(s, [
        ("server", "Virtual servers", "الخوادم الافتراضية", ("Request", "اطلب"), "request-servers"),
        ("database", "Storage", "التخزين", ("Request", "اطلب"), None),
        ("document", "Backup", "النسخ الاحتياطي", ("Request", "اطلب"), None),
        ("laptop", "Website hosting", "استضافة المواقع", ("Request", "اطلب"), None),
    ])  # fmt: skip
    footnote(
        s,
        "Shared by government bodies, managed centrally.",
        "خدمات تتشاركها الجهات الحكومية وتُدار مركزيًا.",
    )
    s.save()


def shot_cloud_review() -> None:
    s = Shot("mict", "cloud-review", "Review your request", "مراجعة الطلب")
    s.table(QRectF(MARGIN, CONTENT_TOP + 10, W - 2 * MARGIN, 480), [
        ("Service", "Virtual server", "خادم افتراضي", "الخدمة"),
        ("Server size", "Medium", "متوسط", "حجم الخادم"),
        ("Environment", "Production", "إنتاجية", "بيئة التشغيل"),
        ("Backup", "Included", "مشمول", "النسخ الاحتياطي"),
        ("Requested by", "Sample ministry", "جهة تجريبية", "الجهة الطالبة"),
    ])  # fmt: skip
    y = BOTTOM_Y
    s.button("edit", QRectF(420, y, 400, BUTTON_H), "Edit", "تعديل", "secondary")
    s.button("submit", QRectF(860, y, 640, BUTTON_H), "Submit request", "إرسال الطلب")
    s.save()


# moi: renewing a residence permit


def shot_moi_services() -> None:
    s = Shot("moi", "moi-services", "Residency e-services", "خدمات الإقامة الإلكترونية")
    rows = [
        ("id-card", "Renew residence permit", "تجديد الإقامة", "renew"),
        ("magnifier", "Residence permit enquiry", "الاستعلام عن الإقامة", None),
        ("house", "Update address", "تحديث العنوان", None),
        ("calendar", "Service centre appointments", "مواعيد مراكز الخدمة", None),
    ]
    for i, (name, en, ar, key) in enumerate(rows):
        r = QRectF(MARGIN + 180, CONTENT_TOP + 16 + i * 150, W - 2 * MARGIN - 360, 124)
        card(s.p, r, 20)
        rounded(s.p, QRectF(r.left(), r.top(), 14, r.height()), 7, s.accent)
        rounded(s.p, QRectF(r.right() - 14, r.top(), 14, r.height()), 7, s.accent)
        badge(s.p, name, r.center().x(), r.center().y(), 44, s.accent)
        s.pair(r.adjusted(48, 0, -48, 0), en, ar, 34, INK, bold=True, heading=True, gap=160)
        if key:
            s.buttons[key] = QRectF(r)
    s.save()


def shot_moi_permit() -> None:
    s = Shot("moi", "moi-permit", "Residence permit details", "بيانات الإقامة")
    # a mock card (sample data, no real design)
    cr = QRectF(MARGIN, CONTENT_TOP + 40, 560, 360)
    card(s.p, cr, 26, tint(s.accent, 0.1))
    rounded(s.p, QRectF(cr.left(), cr.top(), cr.width(), 70), 26, s.accent)
    s.p.fillRect(QRectF(cr.left(), cr.top() + 40, cr.width(), 30), s.accent)
    rounded(s.p, QRectF(cr.left() + 36, cr.top() + 110, 160, 200), 12, WHITE)
    icon(s.p, "person", cr.left() + 116, cr.top() + 220, 150, tint(s.accent, 0.5))
    for i, frac in enumerate((1.0, 0.8, 0.9, 0.6)):
        y = cr.top() + 140 + i * 46
        line(
            s.p, [(cr.left() + 236, y), (cr.left() + 236 + 280 * frac, y)], tint(s.accent, 0.35), 14
        )
    circle(s.p, cr.right() - 60, cr.top() + 35, 18, WHITE)
    s.table(QRectF(MARGIN + 620, CONTENT_TOP + 10, W - 2 * MARGIN - 620, 440), [
        ("Name", "Sample Resident", "مقيم تجريبي", "الاسم"),
        ("Permit no.", "DEMO-0001", "DEMO-0001", "رقم الإقامة"),
        ("Expiry date", "31/12/2015", "31/12/2015", "تاريخ الانتهاء"),
        ("Status", "Due for renewal", "مستحقة التجديد", "الحالة"),
    ], row_h=92)  # fmt: skip
    x = MARGIN + 620 + (W - 2 * MARGIN - 620 - 560) / 2
    s.button("renew", QRectF(x, BOTTOM_Y - 20, 560, BUTTON_H), "Renew", "تجديد")
    s.save()


def shot_moi_payment() -> None:
    s = Shot("moi", "moi-payment", "Payment", "الدفع")
    s.table(QRectF(MARGIN, CONTENT_TOP + 10, W - 2 * MARGIN, 270), [
        ("Service", "Residence permit renewal", "تجديد الإقامة", "الخدمة"),
        ("Permit holder", "Sample Resident", "مقيم تجريبي", "صاحب الإقامة"),
    ], row_h=92)  # fmt: skip
    s.pair(QRectF(MARGIN, 650, W - 2 * MARGIN, 50), "Payment method", "طريقة الدفع", 30, INK, bold=True,
           heading=True)  # fmt: skip
    for i, (en, ar) in enumerate(
        (("Debit card", "بطاقة خصم مباشر"), ("Credit card", "بطاقة ائتمان"))
    ):
        r = QRectF(MARGIN + i * ((W - 2 * MARGIN) / 2 + 20), 712, (W - 2 * MARGIN) / 2 - 20, 110)
        rounded(
            s.p,
            r,
            16,
            WHITE if i else tint(s.accent, 0.1),
            s.accent if i == 0 else LINE,
            3 if i == 0 else 2,
        )
        circle(s.p, r.left() + 56, r.center().y(), 20, WHITE, s.accent if i == 0 else MUTED, 4)
        if i == 0:
            circle(s.p, r.left() + 56, r.center().y(), 10, s.accent)
        s.pair(r.adjusted(100, 0, -40, 0), en, ar, 30, INK, bold=i == 0, heading=i == 0)
    s.button("back", QRectF(420, BOTTOM_Y, 400, BUTTON_H), "Back", "رجوع", "secondary")
    s.button("pay", QRectF(860, BOTTOM_Y, 640, BUTTON_H), "Pay now", "ادفع الآن")
    s.save()


# mec: registering a commercial name


def shot_mec_services() -> None:
    s = Shot("mec", "mec-services", "Business e-services", "خدمات الأعمال الإلكترونية")
    tiles_row(s, [
        ("store", "Commercial names", "الأسماء التجارية", ("Register", "تسجيل"), "register-name"),
        ("document", "Commercial registration", "السجل التجاري", ("Open", "فتح"), None),
        ("magnifier", "Transaction enquiry", "الاستعلام عن معاملة", ("Open", "فتح"), None),
    ])  # fmt: skip
    footnote(s, "Choose a service to start.", "اختر خدمة للبدء.")
    s.save()


def shot_mec_result() -> None:
    s = Shot("mec", "mec-result", "Name availability", "توفر الاسم")
    r = QRectF(360, CONTENT_TOP + 10, W - 720, 470)
    card(s.p, r, 26)
    circle(s.p, r.center().x(), r.top() + 100, 62, s.accent)
    check_mark(s.p, r.center().x(), r.top() + 102, 80, WHITE, 12)
    s.pair(QRectF(r.left() + 60, r.top() + 180, r.width() - 120, 70), "The name is available", "الاسم متاح", 38,
           s.accent, bold=True, heading=True)  # fmt: skip
    box = QRectF(r.left() + 60, r.top() + 280, r.width() - 120, 140)
    rounded(s.p, box, 16, tint(s.accent, 0.08), LINE, 2)
    s.stacked(
        box.adjusted(20, 10, -20, -10), "Demo Trading Co.", "شركة العرض التجريبي للتجارة", 34, INK
    )
    s.button(
        "another",
        QRectF(240, BOTTOM_Y, 680, BUTTON_H),
        "Try another name",
        "تجربة اسم آخر",
        "secondary",
    )
    s.button("register", QRectF(960, BOTTOM_Y, 720, BUTTON_H), "Register the name", "تسجيل الاسم")
    s.save()


# mada: a Mawared leave request


def shot_mawared_home() -> None:
    s = Shot(
        "mada", "mawared-home", "Mawared · Employee self-service", "موارد · الخدمة الذاتية للموظف"
    )
    s.pair(QRectF(MARGIN, CONTENT_TOP + 4, W - 2 * MARGIN, 60), "Welcome, Sample Employee",
           "مرحبًا، موظف تجريبي", 32, MUTED)  # fmt: skip
    specs = [("calendar", "My leave", "إجازاتي", "my-leave"), ("coins", "My payslip", "كشف راتبي", None),
             ("person", "My details", "بياناتي", None), ("document", "My requests", "طلباتي", None)]  # fmt: skip
    gap = 40
    w = (W - 2 * MARGIN - 3 * gap) / 4
    for i, (name, en, ar, key) in enumerate(specs):
        r = QRectF(MARGIN + i * (w + gap), CONTENT_TOP + 100, w, 400)
        s.tile(r, name, en, ar, key=key)
    footnote(
        s,
        "Your HR and finance services in one place.",
        "خدمات الموارد البشرية والمالية في مكان واحد.",
        930,
    )
    s.save()


def shot_mawared_leave() -> None:
    s = Shot("mada", "mawared-leave", "My leave", "إجازاتي")
    # balance cards
    for i, (en, ar, val_en, val_ar, f) in enumerate((
        ("Annual leave balance", "رصيد الإجازة السنوية", "18 days", "18 يومًا", s.accent),
        ("Requests in progress", "طلبات قيد المعالجة", "None", "لا يوجد", MAROON),
    )):  # fmt: skip
        r = QRectF(MARGIN + i * 920, CONTENT_TOP + 10, 872, 190)
        card(s.p, r, 22)
        rounded(s.p, QRectF(r.left(), r.top(), 14, r.height()), 7, f)
        s.pair(QRectF(r.left() + 48, r.top() + 20, r.width() - 96, 60), en, ar, 28, MUTED)
        s.pair(QRectF(r.left() + 48, r.top() + 90, r.width() - 96, 80), val_en, val_ar, 44, f, bold=True,
               heading=True)  # fmt: skip
    s.table(QRectF(MARGIN, CONTENT_TOP + 240, W - 2 * MARGIN, 260), [
        ("Last leave", "Annual", "سنوية", "آخر إجازة"),
        ("Status", "Approved", "موافق عليها", "الحالة"),
    ], row_h=86)  # fmt: skip
    s.button(
        "new-request",
        QRectF((W - 760) / 2, BOTTOM_Y, 760, BUTTON_H),
        "New leave request",
        "طلب إجازة جديد",
    )
    s.save()


def shot_mawared_workflow() -> None:
    s = Shot("mada", "mawared-workflow", "Request status", "حالة الطلب")
    r = QRectF(MARGIN, CONTENT_TOP + 10, W - 2 * MARGIN, 490)
    card(s.p, r, 24)
    s.steps(r.left(), r.top() + 5, r.width(), [
        ("done", "Request sent", "أُرسل الطلب"),
        ("done", "Approved by the manager", "وافق المدير"),
        ("done", "Leave balance updated", "حُدِّث رصيد الإجازات"),
        ("done", "Payroll updated automatically", "حُدِّثت الرواتب تلقائيًا"),
    ])  # fmt: skip
    s.button("done", QRectF((W - 560) / 2, BOTTOM_Y, 560, BUTTON_H), "Done", "تم")
    s.save()


# sec: school enrolment


def shot_sec_portal() -> None:
    s = Shot("sec", "sec-portal", "Education e-services", "خدمات التعليم الإلكترونية")
    tiles_row(s, [
        ("cap", "Student enrolment", "تسجيل الطلاب", ("Start", "ابدأ"), "start-enrolment"),
        ("house", "School transfer", "النقل بين المدارس", ("Open", "فتح"), None),
        ("document", "Results", "النتائج", ("Open", "فتح"), None),
    ])  # fmt: skip
    footnote(s, "For parents and guardians.", "لأولياء الأمور.")
    s.save()


def shot_sec_schools() -> None:
    s = Shot("sec", "sec-schools", "Schools near you", "مدارس قريبة منك")
    # a stylised map: streets and pins, no place names
    m = QRectF(MARGIN, CONTENT_TOP + 10, 680, 640)
    card(s.p, m, 24, tint(s.accent, 0.06))
    s.p.save()
    s.p.setClipRect(m.adjusted(4, 4, -4, -4))
    for x in (180, 380, 560):
        line(s.p, [(m.left() + x, m.top()), (m.left() + x - 60, m.bottom())], WHITE, 22)
    for y in (140, 330, 500):
        line(s.p, [(m.left(), m.top() + y), (m.right(), m.top() + y + 40)], WHITE, 22)
    rounded(s.p, QRectF(m.left() + 420, m.top() + 380, 200, 90), 20, tint(s.accent, 0.18))
    s.p.restore()
    pins = [
        (m.left() + 250, m.top() + 230),
        (m.left() + 470, m.top() + 170),
        (m.left() + 330, m.top() + 430),
    ]
    for i, (x, y) in enumerate(pins):
        path = QPainterPath()
        path.moveTo(x, y + 40)
        path.cubicTo(x - 30, y + 10, x - 32, y - 32, x, y - 32)
        path.cubicTo(x + 32, y - 32, x + 30, y + 10, x, y + 40)
        s.p.setPen(QPen(WHITE, 4))
        s.p.setBrush(s.accent if i == 0 else MAROON)
        s.p.drawPath(path)
        circle(s.p, x, y - 4, 10, WHITE)
    circle(s.p, m.left() + 360, m.top() + 300, 16, WHITE, colour("#1F5FAF"), 6)  # "you are here"
    schools = [("School A", "المدرسة (أ)", "1.2 km", "1.2 كم"), ("School B", "المدرسة (ب)", "2.0 km", "2.0 كم"),
               ("School C", "المدرسة (ج)", "2.8 km", "2.8 كم")]  # fmt: skip
    x0 = MARGIN + 720
    for i, (en, ar, d_en, d_ar) in enumerate(schools):
        r = QRectF(x0, CONTENT_TOP + 10 + i * 223, W - MARGIN - x0, 210)
        card(s.p, r, 22)
        s.pair(
            QRectF(r.left() + 40, r.top() + 10, r.width() - 80, 60),
            en,
            ar,
            34,
            INK,
            bold=True,
            heading=True,
        )
        s.pair(QRectF(r.left() + 40, r.top() + 64, r.width() - 80, 40), d_en, d_ar, 26, MUTED)
        s.button(
            f"choose-{i}",
            QRectF(r.center().x() - 210, r.bottom() - 102, 420, 92),
            "Choose",
            "اختيار",
        )
    s.save()


def shot_sec_sent() -> None:
    s = Shot("sec", "sec-sent", "Application sent", "تم إرسال الطلب")
    r = QRectF(360, CONTENT_TOP + 10, W - 720, 480)
    card(s.p, r, 26)
    circle(s.p, r.center().x(), r.top() + 100, 62, s.accent)
    check_mark(s.p, r.center().x(), r.top() + 102, 80, WHITE, 12)
    s.stacked(QRectF(r.left() + 40, r.top() + 180, r.width() - 80, 130), "Your application has been sent",
              "تم إرسال طلب التسجيل", 36, INK)  # fmt: skip
    s.pair(QRectF(r.left() + 60, r.top() + 330, r.width() - 120, 56), "Application no. DEMO-5521",
           "رقم الطلب DEMO-5521", 28, MUTED)  # fmt: skip
    s.pair(QRectF(r.left() + 60, r.top() + 390, r.width() - 120, 56), "You will be told the outcome.",
           "سيصلك إشعار بنتيجة الطلب.", 28, MUTED)  # fmt: skip
    s.button("finish", QRectF((W - 560) / 2, BOTTOM_Y, 560, BUTTON_H), "Finish", "إنهاء")
    s.save()


# pp: tracking a case


def shot_pp_services() -> None:
    s = Shot(
        "pp", "pp-services", "Public Prosecution e-services", "خدمات النيابة العامة الإلكترونية"
    )
    tiles_row(s, [
        ("magnifier", "Track a case", "متابعة قضية", ("Start", "ابدأ"), "track-case"),
        ("document", "Certificates", "الشهادات", ("Open", "فتح"), None),
        ("phone", "Contact us", "تواصل معنا", ("Open", "فتح"), None),
    ])  # fmt: skip
    footnote(s, "Choose a service to start.", "اختر خدمة للبدء.")
    s.save()


def shot_pp_status() -> None:
    s = Shot("pp", "pp-status", "Case status", "حالة القضية")
    s.table(QRectF(MARGIN, CONTENT_TOP + 10, 880, 440), [
        ("Case no.", "DEMO-7781", "DEMO-7781", "رقم القضية"),
        ("Registered", "15/11/2015", "15/11/2015", "تاريخ القيد"),
        ("Stage", "Under review", "قيد الدراسة", "المرحلة"),
    ], row_h=110)  # fmt: skip
    r = QRectF(MARGIN + 920, CONTENT_TOP + 10, W - 2 * MARGIN - 920, 440)
    card(s.p, r, 24)
    s.steps(r.left(), r.top() + 40, r.width(), [
        ("done", "Registered", "قُيّدت القضية"),
        ("now", "Under review", "قيد الدراسة"),
        ("todo", "Decision", "القرار"),
    ])  # fmt: skip
    s.button("finish", QRectF(380, BOTTOM_Y, 400, BUTTON_H), "Finish", "إنهاء", "secondary")
    s.button("notify", QRectF(820, BOTTOM_Y, 720, BUTTON_H), "Get notifications", "تفعيل الإشعارات")
    s.save()


SHOTS: dict[str, list[Callable[[], None]]] = {
    "mict": [shot_cloud_catalogue, shot_cloud_review],
    "moi": [shot_moi_services, shot_moi_permit, shot_moi_payment],
    "mec": [shot_mec_services, shot_mec_result],
    "mada": [shot_mawared_home, shot_mawared_leave, shot_mawared_workflow],
    "sec": [shot_sec_portal, shot_sec_schools, shot_sec_sent],
    "pp": [shot_pp_services, shot_pp_status],
}

# entity -> slide id -> art; video scenes are listed separately
SLIDES: dict[str, dict[str, Callable[[QPainter, QColor], None]]] = {
    "mict": {
        "government-cloud": art_government_cloud,
        "digital-government": art_digital_government,
    },
    "moi": {"eservices": art_moi_eservices, "secure-data": art_moi_security},
    "mec": {"start-business": art_start_business, "consumers": art_consumers},
    "mada": {"mawared": art_mawared, "connected-bodies": art_connected_bodies},
    "sec": {"learning": art_learning, "school-and-family": art_school_family},
    "pp": {"justice": art_justice, "clear-stages": art_clear_steps},
}

Scene = Callable[[QPainter, QColor, "float | None"], None]
VIDEOS: dict[str, dict[str, tuple[Scene, float]]] = {  # slide id -> (scene, seconds)
    "mict": {"cloud-tour": (scene_cloud, 9.0)},
    "moi": {"renewal-steps": (scene_residence, 8.0)},
}


# --- output --------------------------------------------------------------------------------------


DRY_RUN = False


def save(img: QImage, path: Path) -> None:
    if DRY_RUN:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".jpg":
        ok = img.convertToFormat(QImage.Format.Format_RGB32).save(str(path), "JPEG", JPEG_QUALITY)
    else:
        ok = img.save(str(path), "PNG")
    if not ok:
        raise SystemExit(f"could not write {path}")


def render(draw: Callable[[QPainter], None], size: tuple[int, int] = (W, H)) -> QImage:
    img = QImage(size[0], size[1], QImage.Format.Format_RGB32)
    img.fill(WHITE)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    p.scale(size[0] / W, size[1] / H)
    draw(p)
    p.end()
    return img


def make_video(scene: Scene, accent: QColor, seconds: float, path: Path) -> None:
    ffmpeg = shutil.which("ffmpeg")
    if not ffmpeg:
        raise SystemExit("ffmpeg is needed to encode the videos (apt-get install ffmpeg)")
    path.parent.mkdir(parents=True, exist_ok=True)
    w, h = VIDEO_SIZE
    cmd = [
        ffmpeg, "-y", "-loglevel", "error", "-f", "rawvideo", "-pix_fmt", "rgb24",
        "-s", f"{w}x{h}", "-r", str(FPS), "-i", "-", "-an",
        "-c:v", "libx264", "-preset", "slow", "-crf", "20", "-pix_fmt", "yuv420p",
        "-profile:v", "main", "-movflags", "+faststart", "-map_metadata", "-1",
        "-fflags", "+bitexact", "-flags:v", "+bitexact", "-threads", "1", str(path),
    ]  # fmt: skip
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE)
    assert proc.stdin is not None
    frames = round(seconds * FPS)
    for i in range(frames):
        t = i / FPS
        img = render(lambda p, t=t: scene(p, accent, t), VIDEO_SIZE).convertToFormat(
            QImage.Format.Format_RGB888
        )
        assert img.bytesPerLine() == w * 3
        proc.stdin.write(bytes(img.constBits()))
    proc.stdin.close()
    if proc.wait() != 0:
        raise SystemExit(f"ffmpeg failed for {path}")


def check_manifests(entities: list[str]) -> list[str]:
    """Compare the hand-written manifests with what was drawn; returns the problems."""
    problems: list[str] = []
    for eid in entities:
        mf = BUNDLE / "entities" / eid / "entity.toml"
        if not mf.is_file():
            problems.append(f"{mf.relative_to(HERE)} is missing")
            continue
        data = tomllib.loads(mf.read_text("utf-8"))
        if str(data.get("accent", "")).upper() != ACCENTS[eid].upper():
            problems.append(
                f"{eid}: accent {data.get('accent')} differs from the art ({ACCENTS[eid]})"
            )
        for d in data.get("demos", []):
            for sc in d.get("screens", []):
                if sc.get("kind") != "image":
                    continue
                rel = f"entities/{eid}/{sc['image']}"
                drawn = HOTSPOTS.get(rel)
                if drawn is None:
                    problems.append(
                        f"{rel}: not drawn by this script (screen {d['id']}/{sc['id']})"
                    )
                    continue
                for i, hs in enumerate(sc.get("hotspots", [])):
                    rect = tuple(float(v) for v in hs["rect"])
                    if not any(
                        all(abs(a - b) < 6e-5 for a, b in zip(rect, r, strict=True))
                        for r in drawn.values()
                    ):
                        options = ", ".join(f"{k} = {list(r)}" for k, r in drawn.items())
                        problems.append(f"{eid} {d['id']}/{sc['id']} hotspot {i}: rect {list(rect)} matches no "
                                        f"drawn button ({options})")  # fmt: skip
    return problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", help="comma-separated entity ids (default: all)")
    ap.add_argument("--no-video", action="store_true", help="skip encoding the videos")
    ap.add_argument(
        "--check", action="store_true", help="only check the manifests' hotspots; write nothing"
    )
    args = ap.parse_args()
    entities = args.only.split(",") if args.only else list(ACCENTS)
    for eid in entities:
        if eid not in ACCENTS:
            ap.error(f"unknown entity {eid!r}")

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for f in sorted(FONTS.glob("*.ttf")):
        if QFontDatabase.addApplicationFont(str(f)) < 0:
            raise SystemExit(f"could not load {f}")
    for fam in (AR_BODY, AR_HEAD, LATIN):
        if fam not in QFontDatabase.families():
            raise SystemExit(f"font family {fam!r} is missing from {FONTS}")

    for eid in entities:
        c = contrast(QColor(ACCENTS[eid]), WHITE)
        if c < 4.5:
            raise SystemExit(f"{eid}: white on {ACCENTS[eid]} has contrast {c:.2f} < 4.5")

    global DRY_RUN
    DRY_RUN = args.check  # --check draws the screenshots in memory only, to learn the buttons

    for eid in entities:
        accent = QColor(ACCENTS[eid])
        base = BUNDLE / "entities" / eid
        print(
            f"[{eid}] accent {ACCENTS[eid]} (contrast with white {contrast(accent, WHITE):.1f}:1)"
        )
        make_logo(eid, base / "logo.png")
        if not args.check:
            for sid, art in SLIDES[eid].items():
                save(
                    render(lambda p, art=art, accent=accent: art(p, accent)),
                    base / "slides" / f"{sid}.jpg",
                )
            for sid, (scene, secs) in VIDEOS.get(eid, {}).items():
                poster = render(lambda p, scene=scene, accent=accent: scene(p, accent, None))
                save(poster, base / "slides" / f"{sid}-poster.jpg")
                if not args.no_video:
                    make_video(scene, accent, secs, base / "videos" / f"{sid}.mp4")
        for shot in SHOTS[eid]:
            shot()
        for rel, buttons in HOTSPOTS.items():
            if rel.startswith(f"entities/{eid}/"):
                for key, r in buttons.items():
                    print(
                        f"    {rel.split('/', 2)[2]:28} {key:18} rect = [{r[0]}, {r[1]}, {r[2]}, {r[3]}]"
                    )
    del app

    problems = check_manifests(entities)
    for msg in problems:
        print("MISMATCH:", msg, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
