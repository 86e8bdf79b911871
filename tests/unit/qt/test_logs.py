"""Qt's messages in the kiosk's log: one line each, with the category; no FFmpeg stream dumps."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

from kiosk.paths import SAMPLE_BUNDLE
from kiosk.qt.logs import qt_line

REPO = Path(__file__).resolve().parents[3]
LINE = re.compile(r"(DEBUG|INFO|WARNING|ERROR|CRITICAL) [\w.]+: \S.*")


def test_a_qt_message_keeps_its_category() -> None:
    assert qt_line("qt.multimedia.ffmpeg", "No HW decoder") == "qt.multimedia.ffmpeg: No HW decoder"
    assert qt_line("default", "plain qWarning") == "plain qWarning"
    assert qt_line(None, "no category") == "no category"


def test_playing_a_video_logs_readable_lines_and_no_ffmpeg_banner(tmp_path: Path) -> None:
    """The kiosk's set-up (its logging and Qt's rules), then a video opened and decoded as a
    slide does: stderr holds only one-line, levelled records."""
    video = next(SAMPLE_BUNDLE.rglob("*.mp4"))
    code = textwrap.dedent(
        f"""
        import sys
        from kiosk import logs
        from kiosk.qt import logs as qt_logs
        from kiosk.qt.app import configure_environment
        logs.setup(None)
        configure_environment()
        qt_logs.install()
        from PySide6.QtCore import QLoggingCategory, qCWarning
        from PySide6.QtGui import QGuiApplication
        app = QGuiApplication(["kiosk"])
        from kiosk.qt.videoprobe import probe
        assert probe({str(video)!r}) is None
        qCWarning(QLoggingCategory("kiosk.test"), "a warning\\nover two lines")
        """
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("QT_LOGGING_RULES", None)
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=REPO, env=env
    )
    assert out.returncode == 0, out.stderr[-3000:]
    lines = [ln for ln in out.stderr.splitlines() if ln.strip()]
    assert "Input #0" not in out.stderr and "Metadata:" not in out.stderr
    assert all(LINE.fullmatch(ln) for ln in lines), lines
    assert "WARNING qt: kiosk.test: a warning ⏎ over two lines" in lines
