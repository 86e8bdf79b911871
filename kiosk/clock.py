"""Clocks for the session: the real monotonic one, and a manual one for tests and tools."""

from __future__ import annotations


class ManualClock:
    """A monotonic clock that moves only when told to (tests, screenshots, soak runs)."""

    def __init__(self, t: float = 1000.0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a monotonic clock never goes back")
        self.t += seconds
