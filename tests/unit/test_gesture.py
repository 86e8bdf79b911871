from __future__ import annotations

from kiosk.gesture import StaffGesture


def test_hold_then_opposite_corner_opens() -> None:
    g = StaffGesture()
    g.press(0.02, 0.03, 10.0)
    assert not g.release(0.02, 0.03, 13.2)
    g.press(0.97, 0.98, 14.0)
    assert g.release(0.97, 0.98, 14.1)


def test_short_hold_does_nothing() -> None:
    g = StaffGesture()
    g.press(0.02, 0.03, 10.0)
    g.release(0.02, 0.03, 11.0)
    g.press(0.97, 0.98, 11.5)
    assert not g.release(0.97, 0.98, 11.6)


def test_too_slow_or_wrong_place() -> None:
    g = StaffGesture()
    g.press(0.02, 0.03, 0.0)
    g.release(0.02, 0.03, 3.5)
    g.press(0.97, 0.98, 10.0)
    assert not g.release(0.97, 0.98, 10.1)  # more than 5 s after the hold
    g.press(0.02, 0.03, 20.0)
    g.release(0.02, 0.03, 23.5)
    g.press(0.5, 0.5, 24.0)
    assert not g.release(0.5, 0.5, 24.1)  # a visitor's tap disarms it
    g.press(0.97, 0.98, 24.5)
    assert not g.release(0.97, 0.98, 24.6)


def test_drag_out_of_the_corner_does_not_count() -> None:
    g = StaffGesture()
    g.press(0.02, 0.03, 0.0)
    g.release(0.40, 0.30, 4.0)
    g.press(0.97, 0.98, 5.0)
    assert not g.release(0.97, 0.98, 5.1)
