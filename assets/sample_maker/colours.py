"""The palette (maroon, white, ink...), each entity's accent colour, and colour arithmetic."""

from __future__ import annotations

from PySide6.QtGui import QColor

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
