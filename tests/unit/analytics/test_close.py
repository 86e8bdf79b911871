"""Closing the event log: the writer commits what is queued, then stops at once."""

from __future__ import annotations

import sqlite3
import time
from contextlib import closing
from pathlib import Path

from kiosk.analytics.store import EventLog


def test_close_stops_the_writer_when_stop_comes_in_a_batch(tmp_path: Path) -> None:
    # A bundle tag (set_bundle, after a hot swap) queued just before close() is not counted
    # by flush(), so the writer can find it and the stop in one batch; it used to write
    # the tag, then wait for more, and close() gave up only after its whole timeout.
    log: EventLog

    def hold(_conn: sqlite3.Connection) -> None:
        # the writer's first connection waits until the tag and the stop are both queued
        deadline = time.monotonic() + 5
        while log._queue.qsize() < 2 and time.monotonic() < deadline:
            time.sleep(0.001)

    log = EventLog(tmp_path / "k.db", "k", on_connect=hold)
    log.start()
    log.set_bundle("pavilion", "1.1.0", [("mict", "الوزارة", "Ministry")])
    t0 = time.monotonic()
    assert log.close(timeout=5)
    assert time.monotonic() - t0 < 2.5
    assert not log._thread.is_alive()
    with closing(sqlite3.connect(tmp_path / "k.db")) as conn:
        rows = conn.execute("SELECT bundle_version, entity FROM entities").fetchall()
    assert rows == [("1.1.0", "mict")]
