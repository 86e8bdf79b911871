"""Kiosk mode: the window cannot be closed by visitors; the trace shows the first frame."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from kiosk.bundle import load
from kiosk.paths import SAMPLE_BUNDLE
from kiosk.qt.app import configure_environment, create_engine, load_fonts
from kiosk.qt.controller import Controller
from kiosk.qt.testing import settle
from kiosk.session import Session

REPO = Path(__file__).resolve().parents[2]  # the checkout


def test_close_and_escape_are_ignored_in_kiosk_mode(qapp: QGuiApplication) -> None:
    configure_environment()
    bundle = load(SAMPLE_BUNDLE)
    load_fonts(bundle)
    controller = Controller(Session(bundle))
    engine, window = create_engine(controller, windowed=False)
    QTest.qWaitForWindowExposed(window)
    assert window.isVisible()
    assert window.visibility() == window.Visibility.FullScreen
    assert window.flags() & Qt.WindowType.FramelessWindowHint
    # Esc, Alt+F4 and Ctrl+Q need a window manager to mean anything: tests/e2e presses them
    # on a real X server. Here: closing the window is refused.
    assert window.close() is False
    settle(50)
    assert window.isVisible()
    window.setProperty("windowed", True)  # let the test close it
    assert window.close() is True
    engine.deleteLater()
    settle(20)


def test_trace_marks_the_first_frame(tmp_path: Path) -> None:
    trace = tmp_path / "trace.jsonl"
    # never the developer's own kiosk.toml (its data_dir, screen or trusted keys)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KIOSK_CONFIG=str(tmp_path / "kiosk.toml"))
    cmd = [sys.executable, "main.py", "--windowed", "--trace", str(trace)]
    cmd += ["--db", str(tmp_path / "k.db"), "--data-dir", str(tmp_path / "data")]
    proc = subprocess.Popen(
        cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        deadline = time.monotonic() + 30
        marks: list[dict[str, object]] = []
        while time.monotonic() < deadline and not marks:
            if proc.poll() is not None:
                raise AssertionError(proc.stderr.read().decode() if proc.stderr else "exited")
            if trace.exists():
                marks = [json.loads(line) for line in trace.read_text().splitlines() if line]
            time.sleep(0.05)  # polling a file written by another process, within a deadline
        assert marks and marks[0]["mark"] == "first_frame"
        t = marks[0]["t_ms"]
        assert isinstance(t, float) and 0 < t < 30_000
    finally:
        proc.terminate()
        proc.communicate(timeout=10)
