"""Full media checks with the very decoders the kiosk uses (Qt's).

Implements :class:`kiosk.bundle.media.MediaInspector`. Images decode in a
thread pool (QImageReader is reentrant and releases the GIL); fonts load, and
videos are probed, in child processes (:mod:`kiosk.qt.fontprobe`,
:mod:`kiosk.qt.videoprobe`), so a hostile file can neither crash nor block the
caller, candidate fonts never enter a running kiosk's font database, and
FFmpeg's console chatter stays out of the CLI. No method touches a QObject: an
inspector made on the GUI thread may be used from a worker thread.

:func:`media_inspector` is the one way to get one: ``kiosk bundle validate``,
``pack`` and ``install``, the admin panel's install and the drop-folder checks
(auto-apply included) all use it, so they refuse the same bundles.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QLoggingCategory
from PySide6.QtGui import QGuiApplication, QImageReader

from ..bundle.media import MediaInspector
from ..bundle.textfit import Overflow

VIDEO_TIMEOUT_S = 60.0
JPEG_RULE = "qt.gui.imageio.jpeg.warning=false"


def ensure_app() -> QGuiApplication:
    """The running QGuiApplication, or a headless one for command-line use."""
    app = QGuiApplication.instance()
    if app is None:
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([sys.argv[0] if sys.argv else "kiosk"])
    assert isinstance(app, QGuiApplication)
    return app


def _decode(path: Path) -> str | None:
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    image = reader.read()
    if image.isNull():
        return reader.errorString() or "unknown decoder error"
    return None


class QtInspector:
    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or max(1, os.cpu_count() or 1)
        # The application must exist before any decoder thread starts, or Qt
        # takes the first thread that loads a plugin for the main thread.
        command_line = QGuiApplication.instance() is None
        ensure_app()
        if command_line:  # in a running kiosk, kiosk.qt.app's rules (which include it) hold
            # A truncated JPEG makes libjpeg warn and still return an image; the
            # structural check in kiosk.bundle.media reports it with a clear message.
            QLoggingCategory.setFilterRules(JPEG_RULE)

    def decode_images(self, paths: list[Path]) -> dict[Path, str]:
        if not paths:
            return {}
        with ThreadPoolExecutor(self.workers) as pool:
            results = list(pool.map(_decode, paths))
        return {p: msg for p, msg in zip(paths, results, strict=True) if msg}

    def probe_videos(self, paths: list[Path]) -> dict[Path, str]:
        if not paths:
            return {}
        cmd = [sys.executable, "-m", "kiosk.qt.videoprobe", *map(str, paths)]
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES="*=false")
        try:
            out = subprocess.run(
                cmd, capture_output=True, text=True, timeout=VIDEO_TIMEOUT_S * len(paths), env=env
            )
            results: dict[str, str | None] = json.loads(out.stdout.strip().splitlines()[-1])
        except (subprocess.TimeoutExpired, ValueError, IndexError, OSError) as exc:
            return {p: f"the video probe failed ({type(exc).__name__})" for p in paths}
        return {Path(p): msg for p, msg in results.items() if msg}

    def load_fonts(self, paths: list[Path]) -> tuple[dict[Path, str], set[str]]:
        from .glyphs import probe_fonts

        errors: dict[Path, str] = {}
        families: set[str] = set()
        for p, found in probe_fonts([(p, "") for p in paths]).items():
            if found.error:
                errors[p] = found.error
            else:
                families.update(found.families)
        return errors, families

    def check_glyphs(self, samples: list[tuple[Path, str]]) -> dict[Path, str]:
        """Each font file must draw its sample text with ink (kiosk.bundle.media.ChecksGlyphs)."""
        from .glyphs import check_glyphs

        return check_glyphs(samples)


class LayoutInspector(QtInspector):
    """Also lays the texts out as the kiosk shows them (kiosk.bundle.textfit.ChecksFit), in
    a child process: for ``kiosk bundle validate``, not inside a running kiosk, where a
    second kiosk would take the booth's memory for a warning."""

    def check_fit(self, root: Path) -> list[Overflow]:
        from .textfit import check_fit

        return check_fit(root)


BACKGROUND_WORKERS = 2
"""Decoder threads inside a running kiosk: the screen keeps its cores, and at most two
full-size images are in memory at once."""


def media_inspector(*, background: bool = False, layout: bool = False) -> MediaInspector:
    """The full inspector (Qt's decoders), for every path that validates or installs.

    Make it on the GUI thread (or in a command-line process); its methods then run in
    any thread. ``background``: for a running kiosk, which decodes with fewer threads.
    ``layout``: also lay the texts out as the kiosk does (``kiosk bundle validate``; some
    seconds a bundle, so not for installs, and never inside a running kiosk).
    """
    if background:
        return QtInspector(BACKGROUND_WORKERS)
    return LayoutInspector() if layout else QtInspector()
