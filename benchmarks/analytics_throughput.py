"""Throughput of the analytics event log, next to raw sqlite3 in the same run.

(a) What ``EventLog.log()`` costs the calling (UI) thread: median and p99 over 10,000 calls made
    back to back, in microseconds, with the writer running (it then competes for the GIL: the
    worst case) and not started (building and enqueueing the event alone).
(b) Sustained committed events/s with ``synchronous=FULL`` and ``NORMAL``:
    * backlog: N events are queued before the writer starts; time from start to flush();
    * storm:   one thread logs N events as fast as it can while the writer commits; time from the
               first log() to flush();
    * raw:     sqlite3 ``executemany`` of the same rows into a WAL database with the same schema,
               one transaction per 2000 rows (the writer's batch), no EventLog at all.
Each figure in (b) is the median of ``--repeat`` interleaved runs, each on a fresh database.
Prints a table, then one JSON line.

    .venv/bin/python -m benchmarks.analytics_throughput
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path
from typing import Any

from kiosk.analytics.events import check_payload, new_id, utc_now
from kiosk.analytics.schema import EVENT_COLUMNS, connect
from kiosk.analytics.store import BATCH, EventLog

INSERT = (
    f"INSERT OR IGNORE INTO events ({', '.join(EVENT_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(EVENT_COLUMNS))})"
)
SYNC_MODES = ("FULL", "NORMAL")


def event(log: EventLog, i: int) -> str:
    """One typical event: a tap with its position, in a visitor session."""
    return log.log(
        "tap",
        session_id="01J0000000000000000000SESS",
        entity="hukoomi",
        target="home",
        language="ar",
        payload={"x": i % 1920, "y": i % 1080},
    )


def raw_rows(n: int) -> list[tuple[Any, ...]]:
    """The rows ``event`` makes, built the way the EventLog builds them."""
    rows = []
    for i in range(n):
        rows.append(
            (
                new_id(),
                "bench",
                "",
                "",
                "01J0000000000000000000SESS",
                i + 1,
                utc_now(),
                round(time.monotonic() * 1000, 3),
                "tap",
                "hukoomi",
                "home",
                "ar",
                check_payload({"x": i % 1920, "y": i % 1080}),
            )
        )
    return rows


def log_cost(tmp: Path, calls: int, *, writer: bool) -> list[float]:
    """Microseconds per ``log()`` call on the calling thread."""
    log = EventLog(tmp / f"cost-{writer}.db", "bench")
    if writer:
        log.start()
    costs = []
    clock = time.perf_counter_ns
    for i in range(calls):
        t0 = clock()
        event(log, i)
        costs.append((clock() - t0) / 1000)
    if writer:
        assert log.flush(60), log.status()
        log.close()
    return costs


def backlog(db: Path, n: int, sync: str) -> float:
    log = EventLog(db, "bench", synchronous=sync)
    for i in range(n):
        event(log, i)
    t0 = time.perf_counter()
    log.start()
    assert log.flush(120), log.status()
    seconds = time.perf_counter() - t0
    assert log.close() and log.committed == n
    return n / seconds


def storm(db: Path, n: int, sync: str) -> float:
    log = EventLog(db, "bench", synchronous=sync)
    log.start()
    connected = log.log("warm_up")  # the database exists and the writer is connected
    assert log.flush(30) and connected
    t0 = time.perf_counter()
    for i in range(n):
        event(log, i)
    assert log.flush(120), log.status()
    seconds = time.perf_counter() - t0
    assert log.close() and log.committed == n + 1
    return n / seconds


def raw(db: Path, n: int, sync: str) -> float:
    rows = raw_rows(n)
    with closing(connect(str(db), synchronous=sync)) as conn:
        t0 = time.perf_counter()
        for start in range(0, n, BATCH):
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany(INSERT, rows[start : start + BATCH])
            conn.execute("COMMIT")
        seconds = time.perf_counter() - t0
        (count,) = conn.execute("SELECT COUNT(*) FROM events").fetchone()
    assert count == n
    return n / seconds


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=10_000, help="log() calls timed in (a)")
    parser.add_argument("--events", type=int, default=100_000, help="events per run in (b)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    result: dict[str, Any] = {"calls": args.calls, "events": args.events, "repeat": args.repeat}
    table: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="analytics-throughput-") as tmp_name:
        tmp = Path(tmp_name)
        for writer in (True, False):
            costs = log_cost(tmp, args.calls, writer=writer)
            key = "log_us_writer_running" if writer else "log_us_writer_not_started"
            figures = {
                "median": round(statistics.median(costs), 2),
                "p99": round(percentile(costs, 99), 2),
                "max": round(max(costs), 1),
            }
            result[key] = figures
            label = "writer running" if writer else "writer not started"
            table.append(
                (
                    f"(a) log() back-to-back, {label}",
                    f"median {figures['median']} us, p99 {figures['p99']} us, "
                    f"max {figures['max']} us",
                )
            )
        for sync in SYNC_MODES:
            # Interleaved, so that drift on a shared machine hits the three alike.
            runs: dict[str, list[float]] = {"backlog": [], "storm": [], "raw": []}
            for r in range(args.repeat):
                for name, run in (("backlog", backlog), ("storm", storm), ("raw", raw)):
                    runs[name].append(run(tmp / f"{name}-{sync}-{r}.db", args.events, sync))
            rates = {name: statistics.median(values) for name, values in runs.items()}
            result[f"events_per_s_{sync.lower()}"] = {k: round(v) for k, v in rates.items()}
            for name, label in (
                ("backlog", "EventLog, backlog"),
                ("storm", "EventLog, logging while committing"),
                ("raw", "raw sqlite3 executemany, 2000/txn"),
            ):
                share = f" ({rates[name] / rates['raw']:.0%} of raw)" if name != "raw" else ""
                table.append((f"(b) {sync:<6} {label}", f"{rates[name]:,.0f} events/s{share}"))

    width = max(len(name) for name, _ in table)
    print(f"{'analytics throughput':<{width}}  value")
    print(f"{'-' * width}  {'-' * 40}")
    for name, value in table:
        print(f"{name:<{width}}  {value}")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
