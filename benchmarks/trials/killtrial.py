"""One kill trial, shared by ``test_crash_safety.py`` and ``benchmarks/analytics_kill.py``.

A child process opens an :class:`~kiosk.analytics.store.EventLog` on a fresh database, logs a
``session_start`` and then a storm of events as fast as it can, printing every acknowledged id
(one per line, flushed after each batch) from ``on_commit``. The parent reads those lines and,
after a chosen number of acknowledged ids, sends SIGKILL. Then it checks that every printed id is
in the database, that ``PRAGMA integrity_check`` says "ok", and that a later EventLog with the same
kiosk id ends the killed run's open visitor session with reason "crash".

Run as a script, this module is the child: ``python killtrial.py DB KIOSK_ID SESSION_ID``.
"""

from __future__ import annotations

import json
import os
import random
import selectors
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ID_LENGTH = 26
SWITCH_INTERVAL = float(os.environ.get("KILLTRIAL_SWITCH_INTERVAL", "1e-5"))
"""The child's ``sys.setswitchinterval`` (see :func:`child`); Python's default is 0.005."""
CHILD_LIFETIME = 60.0
"""A child that is never killed (its parent died) stops storming after this many seconds."""


@dataclass(frozen=True)
class Trial:
    """What one kill left behind."""

    kill_after: int
    acknowledged: int
    rows: int
    missing: frozenset[str]
    integrity: str
    crash_ends: tuple[str, ...]
    """Payloads of the ``session_end`` events of the killed session, after a later EventLog ran."""
    seconds: float

    @property
    def ok(self) -> bool:
        return (
            not self.missing
            and self.integrity == "ok"
            and len(self.crash_ends) == 1
            and json.loads(self.crash_ends[0]).get("reason") == "crash"
        )


class ChildError(RuntimeError):
    """The child exited, or stayed silent, before acknowledging enough events."""


def kill_points(seed: int, trials: int, most: int = 20_000) -> list[int]:
    """Log-uniform kill points in [1, most]: as many kills in the first batches as in the later."""
    rng = random.Random(seed)
    return [max(1, int(most ** rng.random())) for _ in range(trials)]


def run_trial(
    db: Path, kill_after: int, *, kiosk_id: str = "kill-test", timeout: float = 20.0
) -> Trial:
    """Storm ``db`` from a child, SIGKILL it after ``kill_after`` acknowledged ids, then check."""
    started = time.monotonic()
    session_id = f"session-{os.urandom(6).hex()}"
    acknowledged = storm_and_kill(db, kiosk_id, session_id, kill_after, timeout=timeout)
    rows, missing, integrity = check(db, acknowledged)
    crash_ends = recover(db, kiosk_id, session_id)
    return Trial(
        kill_after=kill_after,
        acknowledged=len(acknowledged),
        rows=rows,
        missing=frozenset(missing),
        integrity=integrity,
        crash_ends=crash_ends,
        seconds=time.monotonic() - started,
    )


def storm_and_kill(
    db: Path, kiosk_id: str, session_id: str, kill_after: int, *, timeout: float = 20.0
) -> set[str]:
    """Every id the child printed (acknowledged) before SIGKILL took it, including those still in
    the pipe when the signal arrived. A line cut short by the kill is not counted."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    errors = db.with_name(db.name + ".child-stderr")
    command = [sys.executable, str(Path(__file__).resolve()), str(db), kiosk_id, session_id]
    acknowledged: list[bytes] = []
    rest = b""
    with (
        errors.open("wb") as stderr,
        subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=stderr, cwd=ROOT, env=env
        ) as child,
        selectors.DefaultSelector() as selector,
    ):
        assert child.stdout is not None
        fd = child.stdout.fileno()
        selector.register(fd, selectors.EVENT_READ)
        deadline = time.monotonic() + timeout
        try:
            while len(acknowledged) < kill_after:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise ChildError(f"{len(acknowledged)} ids acknowledged in {timeout} s")
                if not selector.select(left):
                    continue
                chunk = os.read(fd, 1 << 16)
                if not chunk:
                    child.wait()
                    raise ChildError(
                        f"the child exited ({child.returncode}) after {len(acknowledged)} ids:\n"
                        + errors.read_text("utf-8", "replace")
                    )
                rest = _lines(rest + chunk, acknowledged)
            child.send_signal(signal.SIGKILL)
            while chunk := os.read(fd, 1 << 16):  # what it printed before the signal landed
                rest = _lines(rest + chunk, acknowledged)
        finally:
            if child.poll() is None:
                child.send_signal(signal.SIGKILL)
            child.wait()
        if child.returncode != -signal.SIGKILL:
            raise ChildError(f"the child ended with {child.returncode}, not by SIGKILL")
    errors.unlink()
    return {line.decode("ascii") for line in acknowledged}


def _lines(data: bytes, out: list[bytes]) -> bytes:
    *complete, rest = data.split(b"\n")
    for line in complete:
        if len(line) != ID_LENGTH:
            raise ChildError(f"unexpected output from the child: {line!r}")
        out.append(line)
    return rest


def check(db: Path, acknowledged: set[str]) -> tuple[int, set[str], str]:
    """(rows in the database, acknowledged ids missing from it, PRAGMA integrity_check)."""
    with closing(sqlite3.connect(db)) as conn:
        integrity = "\n".join(row[0] for row in conn.execute("PRAGMA integrity_check"))
        present = {row[0] for row in conn.execute("SELECT id FROM events")}
    return len(present), acknowledged - present, integrity


def recover(db: Path, kiosk_id: str, session_id: str) -> tuple[str, ...]:
    """Run a later EventLog (same kiosk id) on ``db``; the payloads of ``session_id``'s ends."""
    from kiosk.analytics.store import EventLog

    log = EventLog(db, kiosk_id)
    log.start()
    try:
        log.log("app_start")  # the writer connects (and recovers) when it has something to write
        if not log.flush(10.0):
            raise RuntimeError(f"the recovering EventLog did not commit: {log.status()}")
    finally:
        log.close()
    with closing(sqlite3.connect(db)) as conn:
        rows = conn.execute(
            "SELECT payload FROM events WHERE session_id = ? AND type = 'session_end'",
            (session_id,),
        ).fetchall()
    return tuple(row[0] for row in rows)


def child(db: Path, kiosk_id: str, session_id: str) -> None:
    """Log as fast as possible; print each acknowledged id. Runs until killed."""
    from kiosk.analytics.store import EventLog

    out = sys.stdout

    def acknowledge(ids: list[str]) -> None:
        out.write("".join(f"{i}\n" for i in ids))
        out.flush()

    # The storm below never waits, and the writer gives up the GIL around every row it inserts:
    # with the default 5 ms switch interval it would get it back only every 5 ms, and a large
    # batch would take seconds (benchmarks/README.md, "Figures behind the thresholds"). Switch
    # often, so the writer commits at disk speed during the storm.
    sys.setswitchinterval(SWITCH_INTERVAL)
    log = EventLog(db, kiosk_id, on_commit=acknowledge)
    log.start()
    log.log("session_start", session_id=session_id, language="ar")
    parent = os.getppid()
    give_up = time.monotonic() + CHILD_LIFETIME
    n = 0
    while True:
        n += 1
        log.log(
            "tap",
            session_id=session_id,
            target="home",
            language="ar",
            payload={"x": n % 1920, "y": n % 1080, "n": n},
        )
        # Never outlive an interrupted parent, never grow without end.
        if n % 4096 == 0 and (os.getppid() != parent or time.monotonic() > give_up):
            log.close(1.0)
            return


if __name__ == "__main__":
    child(Path(sys.argv[1]), sys.argv[2], sys.argv[3])
