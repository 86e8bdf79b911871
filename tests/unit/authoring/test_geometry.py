"""Hotspot rectangles are computed from pixels, clamped to the picture and rounded."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.authoring import rect_from_pixels, rect_to_pixels


def test_a_drag_becomes_fractions_of_the_picture() -> None:
    assert rect_from_pixels((100, 730), (446, 840), (1920, 1080)) == [
        0.0521,
        0.6759,
        0.1802,
        0.1019,
    ]


def test_corners_in_any_order_and_outside_the_picture() -> None:
    assert rect_from_pixels((2000, 1200), (960, 540), (1920, 1080)) == [0.5, 0.5, 0.5, 0.5]
    assert rect_from_pixels((-50, -50), (192, 108), (1920, 1080)) == [0.0, 0.0, 0.1, 0.1]


def test_a_click_still_gives_a_rectangle() -> None:
    x, y, w, h = rect_from_pixels((1920, 1080), (1920, 1080), (1920, 1080))
    assert w > 0 and h > 0 and x < 1 and y < 1


def test_a_picture_without_area_is_refused() -> None:
    with pytest.raises(ValueError, match="0x1080"):
        rect_from_pixels((0, 0), (1, 1), (0, 1080))


def test_back_to_pixels() -> None:
    assert rect_to_pixels((0.5, 0.25, 0.25, 0.5), (1920, 1080)) == (960, 270, 480, 540)


coord = st.floats(-500, 5000, allow_nan=False)


@given(coord, coord, coord, coord, st.integers(1, 8000), st.integers(1, 8000))
def test_every_drag_gives_what_the_validator_accepts(
    x0: float, y0: float, x1: float, y1: float, width: int, height: int
) -> None:
    x, y, w, h = rect_from_pixels((x0, y0), (x1, y1), (width, height))
    assert 0 <= x < 1 and 0 <= y < 1 and 0 < w <= 1 and 0 < h <= 1
    assert x + w <= 1.0001 and y + h <= 1.0001
    assert all(round(v, 4) == v for v in (x, y, w, h))
