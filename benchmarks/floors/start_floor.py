"""Start floor: a bare QML window showing one full-screen image; its first frame, timed.

Prints one JSON line, ``{"first_frame_ms": T}``: ms from process start (as the kiosk's
``--trace`` measures it, with :func:`kiosk.trace.process_start_monotonic`) to the window's
first ``frameSwapped``, then exits. The image loads synchronously, so that first frame shows it.

    .venv/bin/python -m benchmarks.floors.start_floor IMAGE
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

from kiosk.trace import process_start_monotonic

QML = """
import QtQuick
Window {
    id: win
    required property url image
    width: 1920
    height: 1080
    visible: true
    color: "black"
    Image {
        anchors.fill: parent
        source: win.image
        fillMode: Image.PreserveAspectCrop
        sourceSize.width: width
        sourceSize.height: height
    }
}
"""


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    image = Path(args[0]).resolve()
    t0 = process_start_monotonic()
    app = QGuiApplication(sys.argv[:1])
    engine = QQmlApplicationEngine()
    engine.setInitialProperties({"image": QUrl.fromLocalFile(str(image))})
    engine.loadData(QML.encode(), QUrl.fromLocalFile(str(Path(__file__).with_suffix(".qml"))))
    window = engine.rootObjects()[0]
    assert isinstance(window, QQuickWindow)
    first: list[float] = []

    def on_frame() -> None:
        if not first:
            first.append(time.monotonic())
            app.quit()

    window.frameSwapped.connect(on_frame)
    app.exec()
    print(json.dumps({"first_frame_ms": round((first[0] - t0) * 1000, 1)}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
