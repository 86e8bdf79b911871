"""Clocks for the session: the real monotonic one, and a manual one for tests and tools.

The session times its deadlines on a monotonic clock (seconds that never go back); the
schedule (kiosk.schedule) needs the date and the time of day as well: a *wall* clock, an
aware :class:`datetime`. A :class:`ManualClock` is both, moving them together, so a test that
advances it past a schedule boundary sees the kiosk switch.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

WallClock = Callable[[], datetime]
"""The date and time now, timezone-aware."""

MANUAL_WALL_START = datetime(2015, 11, 25, 6, 0, tzinfo=UTC)
"""Where a ManualClock's wall clock starts by default: 09:00 in Bahrain on the show's first day."""


def system_wall() -> datetime:
    return datetime.now(UTC)


class ManualClock:
    """A monotonic clock that moves only when told to (tests, screenshots, soak runs), with a
    wall clock (:meth:`now`) that moves with it."""

    def __init__(self, t: float = 1000.0, wall: datetime = MANUAL_WALL_START) -> None:
        self.t = t
        self._t0 = t
        self._wall0 = wall

    def __call__(self) -> float:
        return self.t

    def now(self) -> datetime:
        """The wall clock: ``wall`` at the start, plus every second advanced since."""
        return self._wall0 + timedelta(seconds=self.t - self._t0)

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a monotonic clock never goes back")
        self.t += seconds

    def advance_to(self, wall: datetime) -> None:
        """Advance until the wall clock reads ``wall`` (aware, not before now)."""
        self.advance((wall - self.now()).total_seconds())


def wall_of(clock: object) -> WallClock:
    """The wall clock that goes with a session's clock: a ManualClock's own, else the system's."""
    now = getattr(clock, "now", None)
    return now if callable(now) else system_wall
