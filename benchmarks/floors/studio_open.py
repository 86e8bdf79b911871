"""Studio start: process start -> an interactive Studio window with the sample open.

Prints one JSON line, ``{"interactive_ms": T, "painted_ms": P}``: ms from process start (as
the kiosk's ``--trace`` measures it, with :func:`kiosk.trace.process_start_monotonic`) to the
moment the window has painted with the bundle's outline filled, its live preview shows the
kiosk's first picture (the kiosk is built on the GUI thread, so until then a click waits), and
the event loop then takes its next queued call (a click would be handled from here); P is the
first paint alone. Then it exits. With ``--floor`` the window is a bare QMainWindow holding one
empty QTreeWidget: the same measure for Qt Widgets alone.

    .venv/bin/python -m benchmarks.floors.studio_open BUNDLE
    .venv/bin/python -m benchmarks.floors.studio_open --floor
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from kiosk.trace import process_start_monotonic


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    t0 = process_start_monotonic()
    from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QTreeWidget

    app = QApplication(sys.argv[:1])
    done: list[float] = []
    painted: list[float] = []
    waiting = {"paint", "preview"}

    def ready(what: str) -> None:
        waiting.discard(what)
        if not waiting and not done:
            done.append(0.0)
            QTimer.singleShot(0, interactive)

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(time.monotonic())
                ready("paint")
            return False

    def interactive() -> None:
        done.append(time.monotonic())
        app.quit()

    first_paint = FirstPaint()
    window: QMainWindow
    if args and args[0] == "--floor":
        window = QMainWindow()
        window.setCentralWidget(QTreeWidget())
        window.resize(1280, 800)
        waiting.discard("preview")
    else:
        from kiosk.qt import aio
        from kiosk.qt.studio.window import StudioWindow

        aio.event_loop()
        settings = QSettings(str(Path(args[1]) / "studio.ini"), QSettings.Format.IniFormat)
        studio = StudioWindow(settings, "en")
        if studio.preview is None:
            waiting.discard("preview")
        else:
            studio.preview.shown.connect(lambda: ready("preview"))
        if not studio.open_path(Path(args[0])):
            print("cannot open the bundle", file=sys.stderr)
            return 1
        window = studio
    window.installEventFilter(first_paint)
    window.show()
    app.exec()
    result = {
        "interactive_ms": round((done[-1] - t0) * 1000, 1),
        "painted_ms": round((painted[0] - t0) * 1000, 1),
    }
    print(json.dumps(result), flush=True)
    sys.stderr.flush()
    os._exit(0)  # the preview's kiosk threads are still up; Qt's teardown at exit aborts


if __name__ == "__main__":
    sys.exit(main())
