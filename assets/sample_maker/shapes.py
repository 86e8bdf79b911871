"""Shapes and icons: rounded cards with shadows, circles, lines, and the flat icon set.

Each icon draws in a square of side ``s`` centred on (cx, cy), in ``fg`` (details cut out in
``bg``); :func:`icon` draws one by name and :func:`badge` draws one in a filled circle.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF

from .colours import WHITE, colour, tint

# Each icon draws in a square of side ``s`` centred on (cx, cy), in ``fg`` (details cut out in
# ``bg``).


def rounded(
    p: QPainter,
    rect: QRectF,
    radius: float,
    fill: QColor | QBrush | None,
    stroke: QColor | None = None,
    width: float = 2,
) -> None:
    p.setPen(QPen(stroke, width) if stroke is not None else Qt.PenStyle.NoPen)
    p.setBrush(fill if fill is not None else Qt.BrushStyle.NoBrush)
    p.drawRoundedRect(rect, radius, radius)


def shadow(p: QPainter, rect: QRectF, radius: float, strength: int = 14, spread: int = 4) -> None:
    """A soft drop shadow under a card, faked with a few translucent layers."""
    for i in range(spread, 0, -1):
        r = rect.adjusted(-i * 2, -i * 2 + 6, i * 2, i * 2 + 6)
        rounded(p, r, radius + i * 2, colour("#2A1A20", strength // i))


def circle(
    p: QPainter,
    cx: float,
    cy: float,
    r: float,
    fill: QColor | QBrush | None,
    stroke: QColor | None = None,
    width: float = 2,
) -> None:
    p.setPen(QPen(stroke, width) if stroke is not None else Qt.PenStyle.NoPen)
    p.setBrush(fill if fill is not None else Qt.BrushStyle.NoBrush)
    p.drawEllipse(QPointF(cx, cy), r, r)


def line(
    p: QPainter,
    pts: Iterable[tuple[float, float]],
    ink: QColor,
    width: float,
    dash: list[float] | None = None,
) -> None:
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
    p.drawPolygon(
        QPolygonF(
            [
                QPointF(cx, top),
                QPointF(cx + s * 0.5, top + s * 0.24),
                QPointF(cx - s * 0.5, top + s * 0.24),
            ]
        )
    )
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


def check_mark(
    p: QPainter,
    cx: float,
    cy: float,
    s: float,
    ink: QColor,
    width: float | None = None,
    progress: float = 1.0,
) -> None:
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
        pts = [
            QPointF(
                cx + r * math.cos(math.radians(rot + 45 + 90 * i)),
                cy + r * math.sin(math.radians(rot + 45 + 90 * i)),
            )
            for i in range(4)
        ]
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
        path.cubicTo(
            cx + side * s * 0.15,
            cy - s * 0.32,
            cx + side * s * 0.35,
            cy - s * 0.32,
            cx + side * s * 0.48,
            cy - s * 0.26,
        )
        path.lineTo(cx + side * s * 0.48, cy + s * 0.3)
        path.cubicTo(
            cx + side * s * 0.35,
            cy + s * 0.24,
            cx + side * s * 0.15,
            cy + s * 0.24,
            cx + side * s * 0.03,
            cy + s * 0.34,
        )
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
    p.drawPolygon(
        QPolygonF(
            [
                QPointF(cx, cy - s * 0.3),
                QPointF(cx + s * 0.5, cy - s * 0.08),
                QPointF(cx, cy + s * 0.14),
                QPointF(cx - s * 0.5, cy - s * 0.08),
            ]
        )
    )
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
    p.drawPolygon(
        QPolygonF(
            [
                QPointF(cx - s * 0.44, cy + s * 0.22),
                QPointF(cx + s * 0.44, cy + s * 0.22),
                QPointF(cx + s * 0.5, cy + s * 0.3),
                QPointF(cx - s * 0.5, cy + s * 0.3),
            ]
        )
    )


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
    p.drawPolygon(
        QPolygonF(
            [
                QPointF(cx - s * 0.42, cy - s * 0.42),
                QPointF(cx + s * 0.42, cy - s * 0.42),
                QPointF(cx + s * 0.5, cy - s * 0.2),
                QPointF(cx - s * 0.5, cy - s * 0.2),
            ]
        )
    )
    for i in range(5):
        x = cx - s * 0.4 + i * s * 0.2
        p.drawChord(QRectF(x, cy - s * 0.3, s * 0.2, s * 0.2), 180 * 16, 180 * 16)


def icon_bars(p: QPainter, cx: float, cy: float, s: float, fg: QColor, bg: QColor) -> None:
    for i, hh in enumerate((0.3, 0.48, 0.66)):
        x = cx - s * 0.4 + i * s * 0.3
        rounded(p, QRectF(x, cy + s * 0.42 - s * hh, s * 0.2, s * hh), s * 0.03, fg)
    line(
        p,
        [
            (cx - s * 0.42, cy - s * 0.02),
            (cx - s * 0.1, cy - s * 0.2),
            (cx + s * 0.08, cy - s * 0.1),
            (cx + s * 0.4, cy - s * 0.38),
        ],
        fg,
        s * 0.05,
    )
    p.setBrush(fg)
    p.setPen(Qt.PenStyle.NoPen)
    p.drawPolygon(
        QPolygonF(
            [
                QPointF(cx + s * 0.46, cy - s * 0.44),
                QPointF(cx + s * 0.26, cy - s * 0.42),
                QPointF(cx + s * 0.42, cy - s * 0.26),
            ]
        )
    )


def icon_house(p: QPainter, cx: float, cy: float, s: float, fg: QColor, bg: QColor) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(fg)
    p.drawPolygon(
        QPolygonF(
            [
                QPointF(cx, cy - s * 0.42),
                QPointF(cx + s * 0.46, cy - s * 0.04),
                QPointF(cx + s * 0.36, cy - s * 0.04),
                QPointF(cx + s * 0.36, cy + s * 0.42),
                QPointF(cx - s * 0.36, cy + s * 0.42),
                QPointF(cx - s * 0.36, cy - s * 0.04),
                QPointF(cx - s * 0.46, cy - s * 0.04),
            ]
        )
    )
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
            rounded(
                p,
                QRectF(
                    cx - s * 0.27 + i * s * 0.2, cy - s * 0.02 + j * s * 0.18, s * 0.14, s * 0.12
                ),
                s * 0.02,
                fg,
            )


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
    p.drawPolygon(
        QPolygonF(
            [
                QPointF(cx - s * 0.36, cy - s * 0.18),
                QPointF(cx + s * 0.36, cy - s * 0.18),
                QPointF(cx + s * 0.42, cy + s * 0.44),
                QPointF(cx - s * 0.42, cy + s * 0.44),
            ]
        )
    )
    p.setPen(QPen(fg, s * 0.06))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawArc(QRectF(cx - s * 0.18, cy - s * 0.44, s * 0.36, s * 0.5), 0, 180 * 16)
    circle(p, cx - s * 0.18, cy - s * 0.04, s * 0.04, bg)
    circle(p, cx + s * 0.18, cy - s * 0.04, s * 0.04, bg)


def icon_network(p: QPainter, cx: float, cy: float, s: float, fg: QColor, bg: QColor) -> None:
    nodes = [(0, -0.34), (-0.34, 0.24), (0.34, 0.24), (0, 0.04)]
    for a, b in ((0, 3), (1, 3), (2, 3), (0, 1), (1, 2), (2, 0)):
        line(
            p,
            [
                (cx + nodes[a][0] * s, cy + nodes[a][1] * s),
                (cx + nodes[b][0] * s, cy + nodes[b][1] * s),
            ],
            fg,
            s * 0.05,
        )
    for i, (x, y) in enumerate(nodes):
        circle(p, cx + x * s, cy + y * s, s * (0.14 if i == 3 else 0.11), fg)


ICONS: dict[str, Callable[[QPainter, float, float, float, QColor, QColor], None]] = {
    "cloud": icon_cloud,
    "building": icon_building,
    "server": icon_server,
    "document": icon_document,
    "person": icon_person,
    "people": icon_people,
    "id-card": icon_id_card,
    "shield": icon_shield,
    "gear": icon_gear,
    "coins": icon_coins,
    "book": icon_book,
    "cap": icon_cap,
    "scales": icon_scales,
    "phone": icon_phone,
    "laptop": icon_laptop,
    "magnifier": icon_magnifier,
    "store": icon_store,
    "bars": icon_bars,
    "house": icon_house,
    "database": icon_database,
    "calendar": icon_calendar,
    "bell": icon_bell,
    "briefcase": icon_briefcase,
    "bag": icon_bag,
    "network": icon_network,
}


def icon(
    p: QPainter, name: str, cx: float, cy: float, s: float, fg: QColor, bg: QColor = WHITE
) -> None:
    p.save()
    ICONS[name](p, cx, cy, s, fg, bg)
    p.restore()


def badge(
    p: QPainter,
    name: str,
    cx: float,
    cy: float,
    r: float,
    fill: QColor,
    fg: QColor = WHITE,
    ring: QColor | None = None,
) -> None:
    """An icon in a filled circle (optionally with a white ring, as on the slides)."""
    if ring is not None:
        circle(p, cx, cy + r * 0.06, r + r * 0.1, colour("#2A1A20", 18))
        circle(p, cx, cy, r + r * 0.08, ring)
    circle(p, cx, cy, r, fill)
    icon(p, name, cx, cy, r * 1.1, fg, fill)


def card(p: QPainter, rect: QRectF, radius: float = 28, fill: QColor = WHITE) -> None:
    shadow(p, rect, radius)
    rounded(p, rect, radius, fill)
