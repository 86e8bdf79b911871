"""5. Logging: what an event costs the UI thread, writer throughput next to raw sqlite3, and
``kiosk stats`` / ``kiosk report`` on a database of about a million events.

(a) and (b) reuse :mod:`benchmarks.analytics_throughput` (see its docstring): ``log()`` cost
on the calling thread with the writer running and not started; committed events/s of the writer
(a backlog, and logging while committing) next to raw ``sqlite3`` ``executemany`` of the same rows
in the same run (the floor), interleaved, median of the repeats.

(c) The staff's reading commands, as the staff run them (the ``kiosk`` console script, a fresh
process each time), on a database made by ``python -m kiosk.analytics.simulate --sessions
25000`` (cached between runs). Floor: a fresh Python process that opens the same database and
makes one full pass over the events (``GROUP BY type``): the least any summary must do.
"""

from __future__ import annotations

import sqlite3
import statistics
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

from benchmarks.analytics_throughput import SYNC_MODES, backlog, log_cost, percentile, raw, storm

from .common import ROOT, Row, median, say
from .gen import events_db

FRAME_US = 1_000_000 / 60
FLOOR_SCRIPT = (
    "import sqlite3, sys\n"
    "c = sqlite3.connect(sys.argv[1])\n"
    "c.execute('SELECT type, COUNT(*) FROM events GROUP BY type').fetchall()\n"
)


def kiosk_cli() -> list[str]:
    script = Path(sys.executable).parent / "kiosk"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from kiosk.cli import main; sys.exit(main())"]


def timed_run(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - t0


def ui_cost(tmp: Path, calls: int) -> list[Row]:
    rows = []
    for writer in (True, False):
        costs = log_cost(tmp, calls, writer=writer)
        med, p99 = statistics.median(costs), percentile(costs, 99)
        label = "writer running" if writer else "writer not started"
        say(f"log() with the {label}: median {med:.1f} us, p99 {p99:.1f} us")
        rows.append(
            Row(
                "logging",
                f"log() on the UI thread, {label}: median",
                med,
                "us",
                details={"calls": calls, "p99_us": p99, "max_us": max(costs)},
                note=f"p99 {p99:.1f} us, max {max(costs):.0f} us; the median is "
                f"{med / FRAME_US:.2%} of a 60 Hz frame",
            )
        )
        rows.append(Row("logging", f"log() on the UI thread, {label}: p99", p99, "us"))
    return rows


def throughput(tmp: Path, events: int, repeat: int) -> list[Row]:
    rows = []
    for sync in SYNC_MODES:
        runs: dict[str, list[float]] = {"backlog": [], "storm": [], "raw": []}
        for r in range(repeat):
            for name, fn in (("backlog", backlog), ("storm", storm), ("raw", raw)):
                db = tmp / f"{name}-{sync}-{r}.db"
                runs[name].append(fn(db, events, sync))
                for f in tmp.glob(f"{db.name}*"):
                    f.unlink()
        rates = {name: statistics.median(v) for name, v in runs.items()}
        say(f"synchronous={sync}: " + ", ".join(f"{k} {v:,.0f}/s" for k, v in rates.items()))
        rows.append(
            Row(
                "logging",
                f"raw sqlite3 executemany, synchronous={sync} (floor)",
                rates["raw"],
                "events/s",
                details={"runs": runs["raw"]},
            )
        )
        for name, label in (("backlog", "backlog drained"), ("storm", "logging while committing")):
            rows.append(
                Row(
                    "logging",
                    f"EventLog {label}, synchronous={sync}",
                    rates[name],
                    "events/s",
                    rates["raw"],
                    details={"runs": runs[name]},
                )
            )
    return rows


def reports(tmp: Path, sessions: int, repeat: int) -> list[Row]:
    db = events_db(sessions)
    with closing(sqlite3.connect(db)) as conn:
        (events,) = conn.execute("SELECT COUNT(*) FROM events").fetchone()
    cli = kiosk_cli()
    floor_cmd = [sys.executable, "-c", FLOOR_SCRIPT, str(db)]
    stats_cmd = [*cli, "stats", "--db", str(db)]
    report_cmd = [*cli, "report", "--db", str(db), "-o", str(tmp / "report.html")]
    timed_run(floor_cmd)  # page cache
    times: dict[str, list[float]] = {"floor": [], "stats": [], "report": []}
    for _ in range(repeat):
        for name, cmd in (("floor", floor_cmd), ("stats", stats_cmd), ("report", report_cmd)):
            times[name].append(timed_run(cmd))
    floor = median(times["floor"])
    say(
        f"{events:,} events: floor {floor:.2f} s, stats {median(times['stats']):.2f} s, "
        f"report {median(times['report']):.2f} s"
    )
    size = (tmp / "report.html").stat().st_size // 1024
    return [
        Row(
            "logging",
            f"one pass over {events:,} events, fresh process (floor)",
            floor,
            "s",
            details={"runs_s": times["floor"], "events": events, "sessions": sessions},
        ),
        Row(
            "logging",
            f"kiosk stats, {events:,} events",
            median(times["stats"]),
            "s",
            floor,
            details={"runs_s": times["stats"]},
        ),
        Row(
            "logging",
            f"kiosk report, {events:,} events",
            median(times["report"]),
            "s",
            floor,
            details={"runs_s": times["report"], "html_kb": size},
        ),
    ]


def run(quick: bool, tmp: Path) -> list[Row]:
    rows = ui_cost(tmp, 2_000 if quick else 10_000)
    rows += throughput(tmp, 20_000 if quick else 100_000, 3 if quick else 5)
    rows += reports(tmp, 2_500 if quick else 25_000, 1 if quick else 3)
    return rows
