"""Each entity's 512x512 logo: a geometric emblem in a disc of its accent colour."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QLinearGradient, QPainter

from .colours import ACCENTS, WHITE, colour, mix, shade
from .output import save
from .shapes import (
    circle,
    gear_path,
    icon_bars,
    icon_book,
    icon_cap,
    icon_cloud,
    icon_person,
    icon_scales,
    line,
    shield_path,
    star8_path,
)


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
