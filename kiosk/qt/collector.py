"""Python's cyclic garbage collector, run on the GUI thread only.

CPython collects in whichever thread happens to allocate. A QObject caught in a reference
cycle (a slot closure that holds its owner, say) is then deleted from that thread: the
event writer, or a qasync worker. Qt forbids that ("Timers cannot be stopped from another
thread"), and a window deleted that way crashed the GUI tests here, in Qt's focus
handling. So the automatic collector is off, and a GUI-thread timer collects instead,
following the collector's own thresholds (a generation is collected once it is due).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

TICK_MS = 250
"""How late a due collection may come; between ticks garbage cycles simply wait."""


def collect_if_due() -> int | None:
    """Collect the oldest generation that is due, as CPython would; the generation, or None."""
    c0, c1, c2 = gc.get_count()
    t0, t1, t2 = gc.get_threshold()
    if t0 <= 0 or c0 < t0:
        return None
    generation = 0
    if c1 + 1 >= t1:
        generation = 2 if c2 + 1 >= t2 else 1
    gc.collect(generation)
    return generation


class GuiThreadCollector(QObject):
    """While it lives (and is not stopped), garbage is collected on this thread only."""

    def __init__(self, parent: QObject, tick_ms: int = TICK_MS) -> None:
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(collect_if_due)
        self._timer.start()

    def stop(self) -> None:
        """Collect once more, here; the timer stops (the automatic collector stays off:
        worker threads may still be running)."""
        self._timer.stop()
        gc.collect()
