"""Running Python after a window's frame, on the GUI thread.

``frameSwapped`` comes from the render thread under the threaded render loop. Each hook here
is a QObject of the GUI thread with a ``@Slot``, connected with Qt's automatic connection:
when the signal comes from another thread the call is queued to the GUI thread, so no Python
runs on the render thread (a Python slot there needs the GIL, which is how ``QTest.qWait``
deadlocks; see :mod:`kiosk.qt.testing`); when it comes from the GUI thread itself (the basic
and offscreen render loops) it is called at once.

Written without ``Qt.ConnectionType`` on purpose: the first use of PySide6's ``Qt`` namespace
builds all of its enums, time that the kiosk would spend before its first frame (figures:
benchmarks/README.md, "Figures behind the code's choices"). Modules on the start-up path do
not import ``Qt`` (``tests/unit/test_lazy_imports.py`` checks).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Slot
from PySide6.QtQuick import QQuickWindow


class NextFrame(QObject):
    """Calls ``callback`` once, after the window's next frame, then disconnects and goes."""

    def __init__(self, window: QQuickWindow, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self._window: QQuickWindow | None = window
        self._callback = callback
        window.frameSwapped.connect(self._on_frame)

    @Slot()
    def _on_frame(self) -> None:
        window, self._window = self._window, None
        if window is None:  # a second frame queued before the first was handled
            return
        window.frameSwapped.disconnect(self._on_frame)
        self.deleteLater()
        self._callback()
