"""Hotspot rectangles: pixels on the screenshot in, fractions of the picture out.

A hotspot's ``rect = [x, y, width, height]`` is a fraction (0–1) of the screenshot as the
visitor sees it, upright (after its EXIF orientation). Staff draw it; nobody types it.
"""

from __future__ import annotations

__all__ = ["DECIMALS", "rect_from_pixels", "rect_to_pixels"]

DECIMALS = 4
"""Four decimals: a tenth of a pixel on a 4K screenshot, and short enough to read."""

Rect = tuple[float, float, float, float]


def rect_from_pixels(
    corner: tuple[float, float], other: tuple[float, float], size: tuple[int, int]
) -> list[float]:
    """``[x, y, width, height]`` as fractions of a ``size`` (width, height) picture, from two
    opposite corners of a drag in the picture's pixels (any order, even outside the picture).

    The rectangle is clamped to the picture and rounded to :data:`DECIMALS` decimals so that
    ``x + width`` and ``y + height`` stay within 1; it is at least one unit of the last decimal
    wide and high, so a click without a drag still gives a rectangle the validator accepts."""
    width, height = size
    if width <= 0 or height <= 0:
        raise ValueError(f"a picture of {width}x{height} pixels has no area")
    unit = 10.0**-DECIMALS

    def span(a: float, b: float, whole: int) -> tuple[float, float]:
        lo = round(min(max(min(a, b) / whole, 0.0), 1.0), DECIMALS)
        hi = round(min(max(max(a, b) / whole, 0.0), 1.0), DECIMALS)
        if hi - lo < unit:  # too thin: grow it, inside the picture
            lo, hi = (lo, lo + unit) if lo + unit <= 1.0 else (1.0 - unit, 1.0)
        lo = min(lo, round(1.0 - unit, DECIMALS))
        return round(lo, DECIMALS), round(hi - lo, DECIMALS)

    x, w = span(corner[0], other[0], width)
    y, h = span(corner[1], other[1], height)
    return [x, y, w, h]


def rect_to_pixels(rect: Rect, size: tuple[int, int]) -> tuple[float, float, float, float]:
    """A stored ``[x, y, width, height]`` in a ``size`` picture's pixels, for drawing it."""
    x, y, w, h = rect
    return (x * size[0], y * size[1], w * size[0], h * size[1])
