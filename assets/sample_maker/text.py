"""Text in one language at a time: Noto fonts, Arabic right to left, shrink-to-fit."""

from __future__ import annotations

import re

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

AR_BODY = "Noto Naskh Arabic"
AR_HEAD = "Noto Kufi Arabic"
LATIN = "Noto Sans"
_ARABIC = re.compile(r"[\u0600-\u06FF]")


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
    parts: list[Qt.AlignmentFlag | Qt.TextFlag] = [horiz, vert, Qt.AlignmentFlag.AlignAbsolute]
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
