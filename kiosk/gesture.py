"""The hidden staff gesture: hold the top-left corner for 3 s, then tap the bottom-right corner.

A visitor never holds a corner still for three seconds and then goes to the
opposite corner, so the gesture opens nothing by accident. Positions are
fractions of the screen, so it works at any resolution and rotation. Pure
Python with explicit times, so it is tested without Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

CORNER = 0.08
"""A corner zone: this fraction of the width and of the height."""
HOLD_S = 3.0
FOLLOW_S = 5.0
"""How long the second tap may take after the hold."""


@dataclass
class StaffGesture:
    hold_s: float = HOLD_S
    follow_s: float = FOLLOW_S
    _pressed_at: float | None = None
    _armed_at: float | None = None

    @staticmethod
    def _top_left(x: float, y: float) -> bool:
        return x <= CORNER and y <= CORNER

    @staticmethod
    def _bottom_right(x: float, y: float) -> bool:
        return x >= 1 - CORNER and y >= 1 - CORNER

    def press(self, x: float, y: float, t: float) -> None:
        self._pressed_at = t if self._top_left(x, y) else None

    def release(self, x: float, y: float, t: float) -> bool:
        """True when this release completes the gesture."""
        if self._pressed_at is not None:
            held = t - self._pressed_at
            self._pressed_at = None
            if self._top_left(x, y) and held >= self.hold_s:
                self._armed_at = t
                return False
        if self._armed_at is not None:
            armed, self._armed_at = self._armed_at, None
            return self._bottom_right(x, y) and t - armed <= self.follow_s
        return False
