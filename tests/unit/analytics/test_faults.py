"""Faults never reach the UI: full, read-only and locked databases, and a bounded backlog.

Each fault is switched on and off through ``on_connect``, which the writer calls every time it
(re)connects: while a fault's flag is set, every new connection has it. The same hook wakes the
test at every reconnect, so waits are on a condition with a deadline, never a sleep.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest

from kiosk.analytics.schema import connect
from kiosk.analytics.store import BATCH, EventLog, read_status

RETRY = (0.005, 0.05)
"""Short retry delays: a test waits about one delay per step of the writer's retry loop."""
WAIT = 15.0
"""Deadline for anything the writer should do within a few retries."""


class Faults:
    """An ``on_connect`` hook that applies the faults whose flag is set, and wakes waiters."""

    def __init__(self) -> None:
        self.full = False
        self.readonly = False
        self.broken = False
        self.connects = 0
        self._changed = threading.Condition()

    def on_connect(self, conn: sqlite3.Connection) -> None:
        with self._changed:
            self.connects += 1
            self._changed.notify_all()
        if self.full:
            # max_page_count cannot shrink a database: "full" is a few pages above its size now.
            (pages,) = conn.execute("PRAGMA page_count").fetchone()
            conn.execute(f"PRAGMA max_page_count={pages + 4}")
        if self.readonly:
            conn.execute("PRAGMA query_only=ON")
        if self.broken:
            raise sqlite3.OperationalError("disk I/O error (simulated)")

    def wait_for(self, predicate: Callable[[], bool], timeout: float = WAIT) -> bool:
        """Wait until ``predicate()`` holds, re-checking whenever the writer (re)connects.

        While a fault lasts the writer reconnects after every failed attempt, and it records the
        failure in its status before it does, so a state it reached is seen one retry later.
        """
        with self._changed:
            return self._changed.wait_for(predicate, timeout)


@pytest.fixture
def faults() -> Faults:
    return Faults()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "events.db"


@pytest.fixture
def logs() -> Iterator[list[EventLog]]:
    """EventLogs to close at the end of the test, whatever happened."""
    opened: list[EventLog] = []
    yield opened
    for log in opened:
        log.close(0.5)


def make_log(
    db: Path,
    faults: Faults,
    logs: list[EventLog],
    *,
    busy_timeout: float = 2.0,
    max_pending: int = 100_000,
) -> EventLog:
    log = EventLog(
        db,
        "kiosk-faults",
        on_connect=faults.on_connect,
        retry=RETRY,
        busy_timeout=busy_timeout,
        max_pending=max_pending,
    )
    logs.append(log)
    return log


def storm(log: EventLog, n: int) -> list[str]:
    return [
        log.log("tap", session_id="s-1", target="home", payload={"x": i % 1920, "y": i % 1080})
        for i in range(n)
    ]


def ids_in(db: Path) -> list[str]:
    with closing(sqlite3.connect(db)) as conn:
        return [row[0] for row in conn.execute("SELECT id FROM events")]


def failing_with(log: EventLog, word: str) -> Callable[[], bool]:
    def check() -> bool:
        status = log.status()
        return not status.ok and word in status.last_error

    return check


def assert_recovered(log: EventLog, db: Path, logged: list[str]) -> None:
    assert log.flush(WAIT), log.status()
    status = log.status()
    assert status.ok, status
    assert (status.committed, status.dropped, status.pending) == (len(logged), 0, 0)
    assert status.last_error == status.since == ""
    stored = ids_in(db)
    assert len(stored) == len(set(stored))
    assert set(stored) == set(logged), f"{len(set(logged) - set(stored))} events lost"
    assert read_status(db) is None  # the staff CLI sees that all is well again


def test_disk_full_keeps_events_until_there_is_room(
    db: Path, faults: Faults, logs: list[EventLog]
) -> None:
    faults.full = True
    log = make_log(db, faults, logs, busy_timeout=2.0)
    log.start()
    logged = storm(log, 5)
    assert log.flush(WAIT)  # a few events still fit
    assert log.status().ok

    logged += storm(log, 3 * BATCH)  # these do not
    assert faults.wait_for(failing_with(log, "full")), log.status()
    failed = log.status()
    assert 5 <= failed.committed < len(logged)  # the first of these may still have fitted
    assert failed.since

    started = time.perf_counter()
    logged += storm(log, 1000)
    elapsed = time.perf_counter() - started
    assert elapsed < min(0.5, log.busy_timeout), f"1000 log() calls took {elapsed:.3f} s"

    reported = read_status(db)
    assert reported is not None
    assert not reported.ok
    assert "full" in reported.last_error
    assert reported.since == failed.since

    faults.full = False  # room again: the writer reconnects and retries
    assert_recovered(log, db, logged)
    assert log.close()


def test_read_only_database(db: Path, faults: Faults, logs: list[EventLog]) -> None:
    faults.readonly = True
    log = make_log(db, faults, logs)
    log.start()
    logged = storm(log, 200)
    assert faults.wait_for(failing_with(log, "readonly")), log.status()
    logged += storm(log, 200)
    assert log.status().committed == 0
    reported = read_status(db)
    assert reported is not None
    assert "readonly" in reported.last_error

    faults.readonly = False
    assert_recovered(log, db, logged)
    assert log.close()


def test_locked_database(db: Path, faults: Faults, logs: list[EventLog]) -> None:
    connect(str(db)).close()  # the database exists, at the current schema
    with closing(sqlite3.connect(db, isolation_level=None)) as other:
        other.execute("BEGIN EXCLUSIVE")
        log = make_log(db, faults, logs, busy_timeout=0.05)
        log.start()
        logged = storm(log, 300)
        assert faults.wait_for(failing_with(log, "locked")), log.status()
        logged += storm(log, 300)
        assert log.status().committed == 0
        other.execute("COMMIT")
        assert_recovered(log, db, logged)
    assert log.close()


def status_settled(log: EventLog, logged: int) -> Callable[[], bool]:
    """Every logged event is either held by the writer (pending) or dropped."""

    def check() -> bool:
        status = log.status()
        return not status.ok and status.pending + status.dropped == logged

    return check


@pytest.mark.parametrize(
    ("max_pending", "logged"),
    [(100, 1000), (BATCH + 500, 4 * BATCH + 1000)],
    ids=["below-a-batch", "above-a-batch"],
)
def test_backlog_is_bounded_when_the_database_never_recovers(
    db: Path, faults: Faults, logs: list[EventLog], max_pending: int, logged: int
) -> None:
    faults.broken = True
    log = make_log(db, faults, logs, max_pending=max_pending)
    log.start()
    storm(log, logged)  # nothing raises
    assert faults.wait_for(status_settled(log, logged)), log.status()
    status = log.status()
    assert "disk I/O error" in status.last_error
    assert status.committed == 0
    assert 0 < status.pending <= max_pending
    assert status.dropped == logged - status.pending > 0
    assert not log.flush(0.05)  # what is held is not committed
    assert not log.close(0.2)  # closing gives up on the held events and says so
