"""Child process for ``kiosk doctor``: what Qt finds on this machine.

``python -m kiosk.qt.probe [--video FILE]`` prints one JSON line: the platform plugin and
screens, an OpenGL context (made current on an offscreen surface), Qt Multimedia's MP4
support and audio outputs, and optionally whether FILE decodes. Without a display it runs
on the offscreen platform and says so. It runs in a child so that a platform plugin that
aborts, or a GPU driver that crashes, is reported by the doctor instead of killing it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from PySide6.QtCore import QLoggingCategory
from PySide6.QtGui import QGuiApplication, QOffscreenSurface, QOpenGLContext

GL_VENDOR, GL_RENDERER, GL_VERSION = 0x1F00, 0x1F01, 0x1F02


def probe_opengl() -> dict[str, Any]:
    ctx = QOpenGLContext()
    if not ctx.create():
        return {"ok": False, "error": "Qt could not create an OpenGL context"}
    surface = QOffscreenSurface()
    surface.setFormat(ctx.format())
    surface.create()
    try:
        if not surface.isValid() or not ctx.makeCurrent(surface):
            return {"ok": False, "error": "the OpenGL context cannot be made current"}
        f = ctx.functions()
        found = {
            "ok": True,
            "gles": ctx.isOpenGLES(),
            "vendor": f.glGetString(GL_VENDOR),
            "renderer": f.glGetString(GL_RENDERER),
            "version": f.glGetString(GL_VERSION),
        }
        ctx.doneCurrent()
        return found
    finally:
        surface.destroy()


def probe_multimedia() -> dict[str, Any]:
    from PySide6.QtMultimedia import QMediaDevices, QMediaFormat

    mp4 = QMediaFormat(QMediaFormat.FileFormat.MPEG4)
    default = QMediaDevices.defaultAudioOutput()
    return {
        "backend": os.environ.get("QT_MEDIA_BACKEND") or "ffmpeg",
        "mp4": mp4.isSupported(QMediaFormat.ConversionMode.Decode),
        "audio_outputs": [d.description() for d in QMediaDevices.audioOutputs()],
        "default_output": None if default.isNull() else default.description(),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m kiosk.qt.probe")
    parser.add_argument("--video", help="a video file to decode one frame of")
    args = parser.parse_args(argv)
    fallback = not (
        os.environ.get("QT_QPA_PLATFORM")
        or os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
    )
    if fallback:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    QLoggingCategory.setFilterRules("qt.multimedia.*=false\nqt.qpa.*.warning=false")
    app = QGuiApplication(["kiosk-doctor"])
    found: dict[str, Any] = {
        "platform": app.platformName(),
        "offscreen_fallback": fallback or app.platformName() == "offscreen",
        "screens": [
            {"name": s.name(), "width": s.size().width(), "height": s.size().height()}
            for s in app.screens()
        ],
        "opengl": probe_opengl(),
        "multimedia": probe_multimedia(),
    }
    if args.video:
        from .videoprobe import probe

        found["video_path"] = args.video
        found["video"] = {"error": probe(args.video)}
    print(json.dumps(found))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
