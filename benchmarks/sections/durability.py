"""7. Durability: the kill -9 runs of the analytics log and of ``kiosk bundle install``.

Runs :mod:`benchmarks.analytics_kill` (200 trials; 20 with --quick) and
:mod:`benchmarks.install_kill` (100; 10) as child processes, as documented in
benchmarks/README.md, and reads the JSON line each prints last.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from .common import ROOT, Row, say


def run_json(module: str, *args: str) -> tuple[dict[str, Any], int]:
    proc = subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=3 * 3600,
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(
            f"{module} printed no JSON (status {proc.returncode}): "
            f"{(proc.stdout + proc.stderr)[-1500:]}"
        )
    return json.loads(lines[-1]), proc.returncode


def run(quick: bool, tmp: Path) -> list[Row]:
    trials = 20 if quick else 200
    a, status_a = run_json("benchmarks.analytics_kill", "--trials", str(trials), "--quiet")
    say(f"analytics kill: {a}")
    n = 10 if quick else 100
    b, status_b = run_json("benchmarks.install_kill", "--trials", str(n))
    say(f"install kill: {b}")
    problems_a = a["integrity_failures"] + a["crash_end_failures"] + a["child_errors"]
    return [
        Row(
            "durability",
            f"analytics kill -9: acknowledged events lost ({a['trials']} trials)",
            a["lost"],
            "events",
            kind="zero",
            details=a | {"exit_status": status_a},
            note=f"{a['acknowledged_total']:,} acknowledged ids checked in {a['seconds']} s; "
            f"integrity failures {a['integrity_failures']}, crash session_end failures "
            f"{a['crash_end_failures']}, child errors {a['child_errors']}",
        ),
        Row(
            "durability",
            "analytics kill -9: integrity/crash-end/child failures",
            problems_a,
            "trials",
            kind="zero",
        ),
        Row(
            "durability",
            f"install kill -9: store broken ({b['trials']} trials)",
            b["broken"],
            "trials",
            kind="zero",
            details=b | {"exit_status": status_b},
            note=f"{b['old_active']} old / {b['new_active']} new bundle active after the kill; "
            f"{b['seconds']} s",
        ),
    ]
