"""In-process Qt measuring aids: a frame probe, event-loop waits, a GUI-thread heartbeat.

Waits spin a QEventLoop with QTimers (never QTest.qWait, which deadlocks under Xvfb while a
Python slot is connected to ``frameSwapped``). Offscreen, the basic render loop draws on the GUI
thread and frame time stamps are taken in slots connected with ``Qt.DirectConnection``, so they
are exact. Under the threaded render loop (Xvfb), no Python runs on the render thread: a slot
there needs the GIL, and the GUI thread may hold it while it waits for the render thread, a
deadlock. There, frames are seen through :class:`FrameHook` on the GUI thread instead.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext

from PySide6.QtCore import QEventLoop, QObject, QPoint, Qt, QTimer, Slot
from PySide6.QtGui import QWindow
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

from kiosk.qt.testing import Kiosk, wait_until


def spin_until(predicate: Callable[[], bool], timeout_ms: int = 5000, step_ms: int = 1) -> bool:
    """Run the event loop until ``predicate()`` holds (polled every ``step_ms``); False on
    timeout."""
    if predicate():
        return True
    loop = QEventLoop()
    poll = QTimer()
    poll.setTimerType(Qt.TimerType.PreciseTimer)
    poll.setInterval(step_ms)
    deadline = time.perf_counter() + timeout_ms / 1000

    def check() -> None:
        if predicate() or time.perf_counter() > deadline:
            loop.quit()

    poll.timeout.connect(check)
    poll.start()
    loop.exec()
    poll.stop()
    return predicate()


class FrameHook(QObject):
    """Calls ``callback`` on the GUI thread after each frame of ``window``.

    Automatic connection to a GUI-thread slot: queued from the render thread under the
    threaded render loop, called at once under the basic one.
    """

    def __init__(self, window: QQuickWindow, callback: Callable[[], None]) -> None:
        super().__init__()
        self._window = window
        self._callback = callback
        window.frameSwapped.connect(self._on_frame)

    @Slot()
    def _on_frame(self) -> None:
        self._callback()

    def unhook(self) -> None:
        self._window.frameSwapped.disconnect(self._on_frame)


def threaded_render_loop() -> bool:
    """Whether frames are rendered off the GUI thread (any platform but offscreen here: the
    Xvfb runs set ``QSG_RENDER_LOOP=threaded``)."""
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.platformName() != "offscreen"


class FrameProbe:
    """Times taps: from just before the click to the first frame after a state change.

    A state change is *marked* by a signal connected to :meth:`marker` (the kiosk's
    ``Controller.changed``, a page host becoming visible, the floor's QML signal); for each
    mark, the first ``frameSwapped`` after it is the frame that shows it.
    """

    def __init__(self, window: QQuickWindow, threaded: bool = False) -> None:
        self.window = window
        self.threaded = threaded
        """Frames are rendered on another thread: no render times, frames seen on the GUI
        thread a little after their swap (enough to wait for a quiet screen)."""
        self.frames = 0
        self.last_frame = time.perf_counter()
        self.marked: dict[str, float] = {}
        self.shown: dict[str, float] = {}
        self.render_ms: dict[str, float] = {}
        self.cpu_ms: dict[str, float] = {}
        """For each mark: GUI-thread CPU time from the click to its frame (less noisy than
        wall time on a busy machine; the offscreen renderer runs on the GUI thread)."""
        self._cpu0 = 0.0
        """For each mark: how long its frame took from ``beforeRendering`` to ``frameSwapped``."""
        self._render_start = 0.0
        self.click_ms = 0.0
        """How long the last synthesized click took to deliver (press, release, handlers)."""
        self._hook: FrameHook | None = None
        if threaded:
            self._hook = FrameHook(window, self._on_frame)
        else:
            window.beforeRendering.connect(self._before_render, Qt.ConnectionType.DirectConnection)
            window.frameSwapped.connect(self._on_frame, Qt.ConnectionType.DirectConnection)

    def _before_render(self) -> None:
        self._render_start = time.perf_counter()

    def marker(self, name: str = "change") -> Callable[..., None]:
        def mark(*_args: object) -> None:
            self.marked.setdefault(name, time.perf_counter())

        return mark

    def _on_frame(self) -> None:
        now = time.perf_counter()
        self.frames += 1
        self.last_frame = now
        for name in self.marked:
            if name not in self.shown:
                self.shown[name] = now
                if not self.threaded:
                    self.render_ms[name] = (now - self._render_start) * 1000
                self.cpu_ms[name] = (time.thread_time() - self._cpu0) * 1000

    def disconnect(self) -> None:
        if self._hook is not None:
            self._hook.unhook()
            return
        self.window.beforeRendering.disconnect(self._before_render)
        self.window.frameSwapped.disconnect(self._on_frame)

    def quiet(self, ms: float = 120, timeout_ms: int = 4000) -> bool:
        """Wait until no frame has been drawn for ``ms`` (animations and image loads done)."""
        self.window.requestUpdate()
        return spin_until(lambda: (time.perf_counter() - self.last_frame) * 1000 >= ms, timeout_ms)

    def tap(
        self, point: QPoint, wait_for: tuple[str, ...] = ("change",), timeout_ms: int = 5000
    ) -> dict[str, float]:
        """One tap at ``point``: ms from just before the click to the frame showing each mark."""
        self.marked.clear()
        self.shown.clear()
        self.render_ms.clear()
        self.cpu_ms.clear()
        self._cpu0 = time.thread_time()
        t0 = time.perf_counter()
        QTest.mouseClick(
            self.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point
        )
        self.click_ms = (time.perf_counter() - t0) * 1000
        if not spin_until(lambda: all(n in self.shown for n in wait_for), timeout_ms):
            missing = [n for n in wait_for if n not in self.shown]
            raise RuntimeError(
                f"a tap at {point.x()},{point.y()} got no answer: no frame after {missing} "
                f"(marked: {sorted(self.marked)})"
            )
        return {n: (t - t0) * 1000 for n, t in self.shown.items()}


class Heartbeat:
    """A 1 ms PreciseTimer on the GUI thread; the gaps between its ticks are GUI-thread stalls."""

    def __init__(self, interval_ms: int = 1) -> None:
        self.ticks: list[float] = []
        self.cpu: list[float] = []
        """The GUI thread's CPU time at each tick: a gap with little CPU in it was the thread
        waiting (descheduled by a busy machine, or blocked on a lock), not working."""
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        self.ticks.append(time.perf_counter())
        self.cpu.append(time.thread_time())

    def start(self) -> None:
        self.ticks.clear()
        self.cpu.clear()
        self.timer.start()

    def stop(self) -> list[float]:
        """Gaps between ticks, in ms."""
        self.timer.stop()
        t = self.ticks
        return [(b - a) * 1000 for a, b in itertools.pairwise(t)]


def image_ready(image: QQuickItem) -> bool:
    """An Image has loaded its source, or has none (its ``status`` enum does not reach Python)."""
    if not image.property("source").toString():
        return True
    return bool(image.property("progress") >= 1.0 and image.property("implicitWidth") > 0)


def images_ready(item: QQuickItem) -> bool:
    """Every visible Image under ``item`` has loaded (or has nothing to load)."""
    stack = [item]
    while stack:
        it = stack.pop()
        if not it.isVisible():
            continue
        if it.inherits("QQuickImage") and not image_ready(it):
            return False
        stack.extend(it.childItems())
    return True


def stable_point(
    k: Kiosk,
    probe: FrameProbe,
    name: str,
    own_work: Callable[[], AbstractContextManager[object]] = nullcontext,
) -> QPoint:
    """The centre of the visible item ``name``, scrolled into view, once it stays put (a
    Flickable or a layout may still be moving it). ``own_work`` wraps the look-ups."""
    last = None
    for _ in range(20):
        with own_work():
            if not wait_until(lambda: k.find(name) is not None, 5000):
                raise LookupError(f"{name!r} did not appear on page {k.session.page.value!r}")
            k.scroll_into_view(k.item(name))
            p = centre(k.wait_item(name))
        if p == last:
            return p
        last = p
        probe.quiet(40)
    raise RuntimeError(f"{name!r} kept moving")


def centre(item: QQuickItem) -> QPoint:
    p = item.mapToScene(item.boundingRect().center())
    return QPoint(round(p.x()), round(p.y()))


def window_of(item: QQuickItem) -> QWindow:
    w = item.window()
    assert w is not None
    return w
