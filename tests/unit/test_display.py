"""With no display, `kiosk run` says so and how to run it, instead of Qt's abort."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.display import NO_DISPLAY_EXIT, display_problem

REPO = Path(__file__).resolve().parents[2]  # the checkout


@pytest.mark.parametrize(
    "env",
    [
        {},
        {"DISPLAY": ""},
        {"DISPLAY": "  ", "WAYLAND_DISPLAY": ""},
        {"QT_QPA_PLATFORM": ""},
        {"XDG_SESSION_TYPE": "wayland"},  # a session type alone is no compositor to talk to
    ],
)
def test_no_display_is_explained(env: dict[str, str]) -> None:
    text = display_problem(env)
    assert text is not None
    assert "no display was found" in text
    assert "cage" in text and "docs/deploy.md" in text and "eglfs" in text
    assert "Reinstalling will not help" in text


@pytest.mark.parametrize(
    "env",
    [
        {"DISPLAY": ":0"},
        {"WAYLAND_DISPLAY": "wayland-1"},
        {"QT_QPA_PLATFORM": "eglfs"},
        {"QT_QPA_PLATFORM": "offscreen"},
        {"QT_QPA_PLATFORM": "linuxfb:fb=/dev/fb0"},
    ],
)
def test_a_display_or_a_chosen_platform_passes(env: dict[str, str]) -> None:
    assert display_problem(env) is None


def test_kiosk_run_without_a_display_says_what_to_do(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    env["KIOSK_CONFIG"] = str(tmp_path / "none.toml")
    proc = subprocess.run(
        [sys.executable, "main.py", "--data-dir", str(tmp_path), "--db", str(tmp_path / "k.db")],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == NO_DISPLAY_EXIT
    assert "no display was found" in proc.stderr
    assert "Reinstalling will not help" in proc.stderr
    assert "xcb-cursor0" not in proc.stderr  # Qt was never asked
    assert not (tmp_path / "k.db").exists()  # and nothing was started
