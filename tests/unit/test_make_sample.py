"""``assets/make_sample.py --check``: the sample manifests agree with the drawn screenshots.

The demo hotspot rectangles in ``kiosk/sample_bundle/entities/*/entity.toml`` are written by
hand; ``--check`` draws the mock screenshots in memory, compares each hotspot with the buttons
it drew (and each entity's accent with the art's), writes nothing and exits 1 on a mismatch.
It runs in a fresh interpreter: it loads the bundle's fonts into its own QGuiApplication.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.paths import SAMPLE_BUNDLE

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "assets" / "make_sample.py"
SAMPLE = SAMPLE_BUNDLE


def run_check(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--check", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
        env=env,
    )


def snapshot(root: Path) -> dict[str, tuple[str, int]]:
    """Every file under ``root``: its sha256 and modification time."""
    return {
        str(f.relative_to(root)): (hashlib.sha256(f.read_bytes()).hexdigest(), f.stat().st_mtime_ns)
        for f in sorted(root.rglob("*"))
        if f.is_file()
    }


@pytest.fixture
def bundle_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "sample-bundle"
    shutil.copytree(SAMPLE, copy, ignore=shutil.ignore_patterns("*.mp4"))  # --check reads no video
    return copy


def test_the_sample_manifests_match_the_drawn_buttons() -> None:
    out = run_check()
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    assert "MISMATCH" not in out.stderr
    assert "rect = [" in out.stdout  # the buttons were drawn and printed
    for eid in ("mict", "moi", "mec", "mada", "sec", "pp"):
        assert f"[{eid}] accent" in out.stdout


def test_the_check_writes_nothing(bundle_copy: Path) -> None:
    before = snapshot(bundle_copy)
    out = run_check("--bundle", str(bundle_copy))
    assert out.returncode == 0, out.stderr[-2000:]
    assert snapshot(bundle_copy) == before


@pytest.mark.parametrize(
    ("pattern", "replacement", "expected"),
    [
        # the "Request" button of "Virtual servers", moved 0.01 to the right
        (r"rect = \[0\.0521,", "rect = [0.0621,", "hotspot 0: rect [0.0621, 0.6611"),
        (r'accent = "#1F5FAF"', 'accent = "#1F5FB0"', "mict: accent #1F5FB0 differs"),
    ],
    ids=["moved-hotspot", "other-accent"],
)
def test_a_manifest_that_disagrees_with_the_drawing_fails(
    bundle_copy: Path, pattern: str, replacement: str, expected: str
) -> None:
    mf = bundle_copy / "entities" / "mict" / "entity.toml"
    text, n = re.subn(pattern, replacement, mf.read_text("utf-8"), count=1)
    assert n == 1, f"{pattern} is no longer in {mf.name}"
    mf.write_text(text, "utf-8")
    out = run_check("--bundle", str(bundle_copy), "--only", "mict")
    assert out.returncode == 1, out.stdout[-2000:]
    assert "MISMATCH:" in out.stderr
    assert expected in out.stderr
