"""Kill test of the analytics event log: no acknowledged event is ever lost.

Runs the trial of ``tests/unit/analytics/test_crash_safety.py`` many times: a child process logs a
storm of events and prints each acknowledged (committed) id; after a random, seeded number of
acknowledged ids it is SIGKILLed. Each trial then checks that every printed id is in the database,
that ``PRAGMA integrity_check`` says "ok", and that a later EventLog ends the killed visitor session
with reason "crash". Prints a table, then one JSON line; exits 1 if anything was lost.

    .venv/bin/python -m benchmarks.analytics_kill --trials 200
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--seed", type=int, default=20_260_125)
    parser.add_argument(
        "--most", type=int, default=20_000, help="kill points are log-uniform in [1, MOST] acks"
    )
    parser.add_argument("--quiet", action="store_true", help="no per-trial progress on stderr")
    args = parser.parse_args(argv)

    if str(ROOT) not in sys.path:  # run as a file rather than with -m
        sys.path.insert(0, str(ROOT))
    from benchmarks.trials.killtrial import ChildError, Trial, kill_points, run_trial

    trials: list[Trial] = []
    child_errors: list[str] = []
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="analytics-kill-") as tmp:
        for i, kill_after in enumerate(kill_points(args.seed, args.trials, args.most)):
            db = Path(tmp) / f"trial-{i:04d}.db"
            try:
                trial = run_trial(db, kill_after, kiosk_id=f"kiosk-{i:04d}")
            except ChildError as exc:
                child_errors.append(f"trial {i}: {exc}")
                print(f"trial {i}: {exc}", file=sys.stderr)
                continue
            trials.append(trial)
            if not trial.ok:
                print(f"trial {i} FAILED: {trial}", file=sys.stderr)
            elif not args.quiet:
                print(
                    f"\rtrial {i + 1}/{args.trials}: {trial.acknowledged} acknowledged, ok",
                    end="",
                    file=sys.stderr,
                )
            for leftover in Path(tmp).glob(f"{db.name}*"):
                leftover.unlink()
    seconds = time.monotonic() - started
    if not args.quiet:
        print(file=sys.stderr)

    acknowledged = [t.acknowledged for t in trials]
    lost = sum(len(t.missing) for t in trials)
    integrity_failures = sum(t.integrity != "ok" for t in trials)
    crash_end_failures = sum(
        len(t.crash_ends) != 1 or json.loads(t.crash_ends[0]).get("reason") != "crash"
        for t in trials
    )
    # Rows committed but not yet printed when the signal landed: safe, just not acknowledged.
    unacknowledged = sum(t.rows - t.acknowledged for t in trials)
    first_batch = sum(t.acknowledged < 2000 for t in trials)
    per_trial = [t.seconds for t in trials]

    rows = [
        ("trials run", f"{len(trials)} of {args.trials}"),
        ("seed", str(args.seed)),
        ("killed within the first 2000 acks", str(first_batch)),
        ("acknowledged ids, total", str(sum(acknowledged))),
        (
            "acknowledged per trial min / median / max",
            f"{min(acknowledged, default=0)} / {int(statistics.median(acknowledged or [0]))} / "
            f"{max(acknowledged, default=0)}",
        ),
        ("committed, not yet acknowledged (safe)", str(unacknowledged)),
        ("LOST acknowledged ids", str(lost)),
        ("integrity_check failures", str(integrity_failures)),
        ("crash session_end missing or wrong", str(crash_end_failures)),
        ("child errors", str(len(child_errors))),
        ("seconds, total", f"{seconds:.1f}"),
        (
            "seconds per trial, median / max",
            f"{statistics.median(per_trial or [0]):.3f} / {max(per_trial, default=0):.3f}",
        ),
    ]
    width = max(len(name) for name, _ in rows)
    print(f"{'analytics kill test':<{width}}  value")
    print(f"{'-' * width}  {'-' * 20}")
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    summary = {
        "trials": len(trials),
        "acknowledged_total": sum(acknowledged),
        "lost": lost,
        "integrity_failures": integrity_failures,
        "crash_end_failures": crash_end_failures,
        "child_errors": len(child_errors),
        "seconds": round(seconds, 1),
        "seed": args.seed,
    }
    print(json.dumps(summary))
    failed = lost or integrity_failures or crash_end_failures or child_errors
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
