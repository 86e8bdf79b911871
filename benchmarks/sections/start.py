"""1. Start: process start -> first attract frame, next to a bare QML window showing one image.

Every run is a fresh process, offscreen on a 1920x1080 screen. The kiosk is
``main.py --trace FILE --data-dir TMP --db TMP/k.db`` (the sample bundle: the store is
empty), in kiosk mode (fullscreen, cursor hidden: as visitors see it) and with
``--windowed`` (as developers run it), timed by its own ``first_frame`` trace mark; the floor is
:mod:`benchmarks.floors.start_floor`. Both count from the process's start time in
/proc/self/stat, which the kernel keeps in clock ticks (10 ms here): the same granularity for both.
Warm runs share one QML disk cache (filled by an untimed warm-up run); each cold run gets an
empty one. Python's bytecode cache is warm for both (``PYTHONPYCACHEPREFIX`` in the run's
temporary folder, filled by the warm-up, as on an installed kiosk, whose modules are compiled at
install time), except in the last, informative series: no bytecode cache at all
(``PYTHONDONTWRITEBYTECODE=1`` and no ``__pycache__`` in the repository, as in a fresh checkout
run with that variable set), where every kiosk module is compiled at each start. Runs are
interleaved (floor, warm, cold, no bytecode, floor, ...) so that drift on a shared machine hits
all alike.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from kiosk.paths import SAMPLE_BUNDLE

from .common import ROOT, Row, median, offscreen_platform, say

IMAGE = SAMPLE_BUNDLE / "entities" / "mict" / "slides" / "government-cloud.jpg"
TIMEOUT_S = 60.0


def _env(tmp: Path, cache: Path, bytecode: bool = True) -> dict[str, str]:
    skip = ("QT_", "QML_", "KIOSK_", "PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")
    env = {k: v for k, v in os.environ.items() if not k.startswith(skip)}
    env["QT_QPA_PLATFORM"] = offscreen_platform(tmp)
    env["QML_DISK_CACHE_PATH"] = str(cache)
    if bytecode:
        env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def kiosk_first_frame(
    tmp: Path, cache: Path, run: int, bytecode: bool = True, windowed: bool = True
) -> float:
    """One kiosk start: ms from process start to its first frame (its ``first_frame`` mark)."""
    work = tmp / f"kiosk-{run}"
    work.mkdir()
    trace = work / "trace.jsonl"
    cmd = [
        sys.executable,
        str(ROOT / "main.py"),
        *(["--windowed"] if windowed else []),
        "--trace",
        str(trace),
        "--data-dir",
        str(work / "data"),
        "--db",
        str(work / "k.db"),
    ]
    proc = subprocess.Popen(
        cmd,
        cwd=ROOT,
        env=_env(tmp, cache, bytecode),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + TIMEOUT_S
        while time.monotonic() < deadline:
            if trace.exists():
                for line in trace.read_text().splitlines():
                    mark = json.loads(line)
                    if mark.get("mark") == "first_frame":
                        return float(mark["t_ms"])
            if proc.poll() is not None:
                raise RuntimeError(f"the kiosk exited early: {proc.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
            time.sleep(0.01)
        raise RuntimeError("no first_frame mark")
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        shutil.rmtree(work, ignore_errors=True)


def floor_first_frame(tmp: Path, cache: Path) -> float:
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.floors.start_floor", str(IMAGE)],
        cwd=ROOT,
        env=_env(tmp, cache),
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=True,
    )
    return float(json.loads(out.stdout.strip().splitlines()[-1])["first_frame_ms"])


def run(quick: bool, tmp: Path) -> list[Row]:
    n = 3 if quick else 7
    warm = tmp / "qml-warm"
    floor_cache = tmp / "qml-floor"
    # untimed: fills the warm QML and bytecode caches, and the page cache for every file read
    kiosk_first_frame(tmp, warm, -1)
    floor_first_frame(tmp, floor_cache)
    floors: list[float] = []
    warms: list[float] = []
    fulls: list[float] = []
    colds: list[float] = []
    no_pyc: list[float] = []
    for i in range(n):
        floors.append(floor_first_frame(tmp, floor_cache))
        warms.append(kiosk_first_frame(tmp, warm, i))
        fulls.append(kiosk_first_frame(tmp, warm, 300 + i, windowed=False))
        cold = tmp / f"qml-cold-{i}"
        colds.append(kiosk_first_frame(tmp, cold, 100 + i))
        shutil.rmtree(cold, ignore_errors=True)
        no_pyc.append(kiosk_first_frame(tmp, warm, 200 + i, bytecode=False))
        say(
            f"start {i + 1}/{n}: floor {floors[-1]:.0f} ms, kiosk {fulls[-1]:.0f} ms "
            f"(windowed {warms[-1]:.0f} ms), "
            f"cold QML cache {colds[-1]:.0f} ms, no bytecode cache {no_pyc[-1]:.0f} ms"
        )
    floor = median(floors)
    return [
        Row(
            "start",
            f"start floor: bare QML window + one image (median of {n})",
            floor,
            "ms",
            details={"runs_ms": floors},
        ),
        Row(
            "start",
            f"start -> first attract frame, kiosk mode (median of {n})",
            median(fulls),
            "ms",
            floor,
            "max_ratio",
            1.5,
            details={"runs_ms": fulls},
        ),
        Row(
            "start",
            f"start -> first attract frame, --windowed (median of {n})",
            median(warms),
            "ms",
            floor,
            "max_ratio",
            1.5,
            details={"runs_ms": warms},
        ),
        Row(
            "start",
            f"start, cold QML cache (median of {n})",
            median(colds),
            "ms",
            floor,
            details={"runs_ms": colds},
        ),
        Row(
            "start",
            f"start, no Python bytecode cache (median of {n})",
            median(no_pyc),
            "ms",
            floor,
            details={"runs_ms": no_pyc},
            note="PYTHONDONTWRITEBYTECODE=1 (set in this sandbox) and no __pycache__: every "
            "kiosk module is compiled at each start",
        ),
    ]
