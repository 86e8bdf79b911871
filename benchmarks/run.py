"""The benchmark suite: every figure next to its floor measured in the same run.

    .venv/bin/python -m benchmarks [--quick] [--json FILE] [--only start,response,...]

Sections (each runs in a child process of its own, so that one's memory and threads do not
colour the next): start, response, smoothness, memory, logging, bundles, durability, studio. Prints
colour the next): start, response, smoothness, memory, logging, bundles, durability, scrape. Prints
progress on stderr, then one table (figure, value, floor, ratio, target, pass/fail) on stdout,
and writes the rows with their raw samples as JSON. Exit status 0 when every target passed,
1 when one was missed or a section failed.
colour the next): start, response, smoothness, memory, logging, bundles, durability,
importers. Prints progress on stderr, then one table (figure, value, floor, ratio, target,
pass/fail) on stdout, and writes the rows with their raw samples as JSON. Exit status 0 when
every target passed, 1 when one was missed or a section failed.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .sections.common import ROOT, Row, offscreen_platform

SECTIONS = (
    "start",
    "response",
    "smoothness",
    "memory",
    "logging",
    "bundles",
    "durability",
    "studio",
    "preview",
    "scrape",
    "importers",
)
MODULES = {
    "start": "start",
    "response": "response",
    "smoothness": "smooth",
    "memory": "memory",
    "logging": "logs",
    "bundles": "bundles",
    "durability": "durability",
    "studio": "studio",
    "preview": "preview",
    "scrape": "scrape",
    "importers": "importers",
}
TIMEOUT_S = {"quick": 900, "full": 4 * 3600}


def run_child(section: str, quick: bool, out: Path) -> int:
    """In the child: run one section, write its rows to ``out``."""
    module = importlib.import_module(f"benchmarks.sections.{MODULES[section]}")
    rows: list[Row]
    with tempfile.TemporaryDirectory(prefix=f"bench-{section}-") as tmp:
        try:
            rows = module.run(quick, Path(tmp))
        except Exception:
            text = traceback.format_exc()
            print(text, file=sys.stderr)
            rows = [
                Row(
                    section,
                    f"{section}: the section failed",
                    None,
                    "",
                    kind="zero",
                    note=text.strip().splitlines()[-1],
                )
            ]
    out.write_text(json.dumps([r.as_dict() for r in rows]))
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)  # Qt's teardown at exit is slow and sometimes crashes; the rows are written


def run_section(section: str, quick: bool, tmp: Path) -> tuple[list[Row], float]:
    out = tmp / f"{section}.json"
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", offscreen_platform(tmp))
    cmd = [sys.executable, "-m", "benchmarks.run", "--child", section, "--child-out", str(out)]
    if quick:
        cmd.append("--quick")
    t0 = time.monotonic()
    try:
        proc = subprocess.run(
            cmd, cwd=ROOT, env=env, timeout=TIMEOUT_S["quick" if quick else "full"]
        )
        status = proc.returncode
    except subprocess.TimeoutExpired:
        status = -1
    seconds = time.monotonic() - t0
    if out.exists():
        return [Row.from_dict(d) for d in json.loads(out.read_text())], seconds
    why = "timed out" if status == -1 else f"exited with status {status}"
    return [Row(section, f"{section}: the section {why}", None, "", kind="zero")], seconds


def fmt(v: float | None, unit: str = "") -> str:
    if v is None:
        return "-"
    if abs(v) >= 1000:
        text = f"{v:,.0f}"
    elif float(v).is_integer():
        text = f"{int(v)}"
    elif abs(v) >= 100:
        text = f"{v:.0f}"
    elif abs(v) >= 10:
        text = f"{v:.1f}"
    else:
        text = f"{v:.2f}"
    return f"{text} {unit}".rstrip()


def table(rows: list[Row]) -> str:
    head = ("figure", "value", "floor", "ratio", "target", "result")
    body = []
    for r in rows:
        verdict = {True: "pass", False: "FAIL", None: ""}[r.passed]
        ratio = "-" if r.ratio is None else f"{r.ratio:.2f}x"
        body.append(
            (r.figure, fmt(r.value, r.unit), fmt(r.floor, r.unit), ratio, r.target, verdict)
        )
    widths = [max(len(x[i]) for x in [head, *body]) for i in range(len(head))]
    lines = []
    section = None
    for row, cells in zip([None, *rows], [head, *body], strict=True):
        if row is not None and row.section != section:
            section = row.section
            lines.append(
                f"-- {section} " + "-" * (sum(widths) + 2 * len(widths) - len(section) - 4)
            )
        lines.append(
            "  ".join(
                c.ljust(w) if i in (0, 4, 5) else c.rjust(w)
                for i, (c, w) in enumerate(zip(cells, widths, strict=True))
            ).rstrip()
        )
    notes = [f"  {r.figure}: {r.note}" for r in rows if r.note]
    if notes:
        lines += ["", "notes:", *notes]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--quick", action="store_true", help="fewer samples: about 5 minutes")
    p.add_argument("--json", type=Path, metavar="FILE", help="write the results as JSON")
    p.add_argument("--only", default="", metavar="S1,S2", help=f"sections: {','.join(SECTIONS)}")
    p.add_argument("--child", choices=SECTIONS, help=argparse.SUPPRESS)
    p.add_argument("--child-out", type=Path, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        return run_child(args.child, args.quick, args.child_out)
    chosen = [s.strip() for s in args.only.split(",") if s.strip()] or list(SECTIONS)
    unknown = set(chosen) - set(SECTIONS)
    if unknown:
        p.error(f"unknown section(s): {', '.join(sorted(unknown))}")

    started = datetime.now(UTC)
    rows: list[Row] = []
    seconds: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp_name:
        for section in chosen:
            print(f"[{section}]", file=sys.stderr, flush=True)
            got, took = run_section(section, args.quick, Path(tmp_name))
            rows += got
            seconds[section] = round(took, 1)
            print(f"[{section}] {took:.0f} s", file=sys.stderr, flush=True)
    print(table(rows))
    failed = [r.figure for r in rows if r.passed is False]
    total = sum(seconds.values())
    print(
        f"\n{sum(r.passed is True for r in rows)} passed, {len(failed)} failed, "
        f"{sum(r.passed is None for r in rows)} without a target; {total:.0f} s"
        f" ({'quick' if args.quick else 'full'} run)"
    )
    if args.json:
        result: dict[str, Any] = {
            "started_utc": started.isoformat(timespec="seconds"),
            "quick": args.quick,
            "sections": chosen,
            "seconds": seconds,
            "machine": {
                "cpus": os.cpu_count(),
                "platform": platform.platform(),
                "python": platform.python_version(),
                "load_avg": os.getloadavg(),
            },
            "rows": [r.as_dict() for r in rows],
            "failed": failed,
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
