"""Child process: decode the first frame of each video with Qt Multimedia.

``python -m kiosk.qt.videoprobe FILE...`` prints one JSON line mapping each file
to ``null`` (a frame decoded) or the reason it did not play.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QEventLoop, QTimer, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtMultimedia import QMediaPlayer, QVideoFrame, QVideoSink

FRAME_TIMEOUT_MS = 15_000


def probe(path: str) -> str | None:
    player = QMediaPlayer()
    sink = QVideoSink()
    player.setVideoSink(sink)
    loop = QEventLoop()
    result: list[str | None] = []

    def on_frame(frame: QVideoFrame) -> None:
        if frame.isValid() and not result:
            result.append(None)
            loop.quit()

    def on_error(_error: QMediaPlayer.Error, message: str) -> None:
        if not result:
            result.append(message or "the video cannot be opened")
            loop.quit()

    sink.videoFrameChanged.connect(on_frame)
    player.errorOccurred.connect(on_error)
    QTimer.singleShot(FRAME_TIMEOUT_MS, loop.quit)
    player.setSource(QUrl.fromLocalFile(path))
    player.play()
    if not result:
        loop.exec()
    player.stop()
    return result[0] if result else "no frame was decoded (unsupported codec?)"


def main(argv: list[str]) -> int:
    QGuiApplication(["videoprobe"])
    print(json.dumps({p: probe(p) for p in argv}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
