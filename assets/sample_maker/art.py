"""Slide art (1920x1080, no text: the kiosk renders the captions) and the two video scenes.

``SLIDES`` and ``VIDEOS`` at the end list what each entity gets.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QRadialGradient,
)

from .colours import INK, LINE, MAROON, WHITE, colour, mix, shade, tint
from .settings import H, W
from .shapes import (
    badge,
    card,
    check_mark,
    circle,
    cloud_path,
    gear_path,
    icon,
    icon_building,
    icon_server,
    line,
    rounded,
    server_lights,
    shadow,
    shield_path,
    star8_path,
)


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


def smooth(t: float) -> float:
    t = min(max(t, 0.0), 1.0)
    return t * t * (3 - 2 * t)


# The cloud scene serves a still slide, the video and its poster: ``t`` in seconds, None = still.
def scene_cloud(p: QPainter, accent: QColor, t: float | None = None) -> None:
    backdrop(p, accent, 11)
    still = t is None
    tt = 99.0 if t is None else t
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
    tt = 99.0 if t is None else t  # None: the still
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
    for i, (name, f) in enumerate(
        (("id-card", accent), ("document", MAROON), ("calendar", accent), ("shield", MAROON))
    ):
        y = scr.top() + 120 + i * 130
        rounded(p, QRectF(scr.left() + 20, y, scr.width() - 40, 106), 16, tint(accent, 0.08))
        badge(p, name, scr.left() + 72, y + 53, 34, f)
        line(p, [(scr.left() + 124, y + 40), (scr.right() - 40, y + 40)], LINE, 12)
        line(p, [(scr.left() + 124, y + 70), (scr.right() - 90, y + 70)], LINE, 10)
    # floating cards around the phone
    for cx, cy, rot, name, f in (
        (470, 380, -8, "id-card", accent),
        (1450, 330, 7, "document", MAROON),
        (1470, 700, -5, "shield", accent),
        (450, 720, 6, "calendar", MAROON),
    ):
        p.save()
        p.translate(cx, cy)
        p.rotate(rot)
        card(p, QRectF(-150, -110, 300, 220), 26)
        icon(p, name, 0, 0, 170, f)
        p.restore()
    # dotted links from the phone to the cards
    for x1, y1, x2, y2 in (
        (790, 400, 620, 390),
        (1130, 360, 1300, 340),
        (1130, 680, 1320, 690),
        (790, 700, 600, 715),
    ):
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
    for cx, cy, name, f in (
        (470, 420, "store", MAROON),
        (1450, 380, "people", accent),
        (520, 760, "document", accent),
        (1420, 780, "coins", MAROON),
    ):
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
    pts = [
        (
            cx + 470 * math.cos(-math.pi / 2 + i * math.tau / n),
            cy + 330 * math.sin(-math.pi / 2 + i * math.tau / n),
        )
        for i in range(n)
    ]
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
    for cx, cy, name, f in (
        (440, 420, "laptop", MAROON),
        (1480, 420, "people", accent),
        (500, 780, "calendar", accent),
        (1420, 780, "document", MAROON),
    ):
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
    for cx, cy, name, f in (
        (380, 520, "house", MAROON),
        (1540, 520, "house", accent),
        (420, 800, "laptop", accent),
        (1500, 800, "people", MAROON),
    ):
        tx = 700 if cx < 960 else 1220
        line(
            p,
            [(cx + (100 if cx < 960 else -100), cy), (tx, cy if cy < 700 else 760)],
            colour(accent, 120),
            5,
            [1.5, 2.5],
        )
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
    for cx, cy, name, f in (
        (460, 480, "building", MAROON),
        (1460, 480, "document", MAROON),
        (600, 790, "laptop", accent),
        (1320, 790, "phone", accent),
    ):
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


Art = Callable[[QPainter, QColor], None]  # draws one slide in an accent colour
Scene = Callable[
    [QPainter, QColor, "float | None"], None
]  # draws a video frame at t s (None: still)

# entity -> slide id -> art; video scenes are listed separately
SLIDES: dict[str, dict[str, Art]] = {
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

VIDEOS: dict[str, dict[str, tuple[Scene, float]]] = {  # slide id -> (scene, seconds)
    "mict": {"cloud-tour": (scene_cloud, 9.0)},
    "moi": {"renewal-steps": (scene_residence, 8.0)},
}
