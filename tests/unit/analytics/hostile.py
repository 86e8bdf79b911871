"""Hand-made analytics databases for the hardening tests: good rows, and rows an attacker
(or a damaged disk) could put in a database that staff then read, export or merge."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shlex
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from kiosk.analytics import EVENT_COLUMNS, connect, new_id

REPO = Path(__file__).resolve().parents[3]
COLUMNS = ", ".join(EVENT_COLUMNS)
INSERT = f"INSERT INTO events ({COLUMNS}) VALUES ({', '.join('?' * len(EVENT_COLUMNS))})"


def event(type: str = "tap", seq: Any = 1, **values: Any) -> dict[str, Any]:
    """A well-formed event row; ``values`` replace columns (any value, any type)."""
    row: dict[str, Any] = {
        "id": new_id(),
        "kiosk_id": "booth-1",
        "bundle_id": "qatar-gcc-egov-2015",
        "bundle_version": "1.0.0",
        "session_id": "s-1",
        "seq": seq,
        "wall_utc": "2015-11-25T09:00:00.000Z",
        "mono_ms": 1000.0 + seq if isinstance(seq, int) else 1000.0,
        "type": type,
        "entity": None,
        "target": None,
        "language": "ar",
        "payload": "{}",
    }
    row.update(values)
    return row


def visit() -> list[dict[str, Any]]:
    """One visitor: every event type the statistics read, all well-formed."""
    p = json.dumps
    rows = [
        event("session_start", payload=p({"language": "ar"})),
        event("page_view", entity="moi", payload=p({"page": "entity", "dwell_s": 12.5})),
        event("slide_shown", entity="moi", target="intro",
              payload=p({"slide": "intro", "shown_s": 4})),
        event("demo_start", entity="moi", target="visa", payload=p({"demo": "visa"})),
        event("demo_step", entity="moi", target="s1",
              payload=p({"demo": "visa", "screen": "s1", "step": 1})),
        event("demo_tap", entity="moi", target="s1",
              payload=p({"demo": "visa", "screen": "s1", "x": 0.5, "y": 0.25, "hit": True})),
        event("demo_complete", entity="moi", target="visa",
              payload=p({"demo": "visa", "steps": 1})),
        event("feedback", target="visa", payload=p({"rating": 3, "demo": "visa"})),
        event("idle_timeout"),
        event("session_end", payload=p({"reason": "idle", "duration_s": 40.0})),
    ]  # fmt: skip
    for i, row in enumerate(rows, 1):
        row["seq"] = i
        row["mono_ms"] = 1000.0 + i
        row["wall_utc"] = f"2015-11-25T09:00:{i:02d}.000Z"
    return rows


def make_db(
    path: Path, rows: Sequence[dict[str, Any]] = (), names: Sequence[tuple[Any, ...]] = ()
) -> Path:
    """A kiosk database (the kiosk's schema) holding exactly ``rows`` and entity ``names``."""
    conn = connect(str(path))
    conn.executemany(INSERT, [tuple(r[c] for c in EVENT_COLUMNS) for r in rows])
    conn.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?)", names)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if not p.is_dir()}


def run_kiosk(
    *args: str,
    read_only: Sequence[Path] = (),
    timeout: float = 120,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """``kiosk ARGS`` in a fresh interpreter, with this worktree's package.

    ``read_only``: folders or files the command must find read-only, as on a write-protected
    USB stick. The caller removes their write permissions; as root, which permissions do not
    stop, each is also bind-mounted read-only in a private mount namespace of the command.
    """
    code = "import sys; from kiosk.cli import main; sys.exit(main(sys.argv[1:]))"
    cmd = [sys.executable, "-c", code, *args]
    if read_only and os.geteuid() == 0:
        mounts = [
            f"mount --bind {shlex.quote(str(p))} {shlex.quote(str(p))} && "
            f"mount -o remount,bind,ro {shlex.quote(str(p))} {shlex.quote(str(p))}"
            for p in read_only
        ]
        script = " && ".join([*mounts, 'exec "$@"'])
        cmd = ["unshare", "--mount", "--propagation", "private", "sh", "-c", script, "sh", *cmd]
    full = dict(os.environ, PYTHONPATH=str(REPO), **(env or {}))
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=full, cwd="/")


def can_make_read_only() -> bool:
    """Whether :func:`run_kiosk` can give a command read-only media here."""
    if os.geteuid() != 0:
        return True
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "sh", "-c",
         "mount --bind / / && mount -o remount,bind,ro / /"],
        capture_output=True, timeout=30,
    )  # fmt: skip
    return probe.returncode == 0


HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from kiosk.analytics import EventLog
    log = EventLog(Path(sys.argv[1]), "booth-1")
    log.start()
    log.log("session_start", session_id="live-visit", payload={"language": "ar"})
    for i in range(20):
        log.log("tap", session_id="live-visit", payload={"x": i})
    assert log.flush()
    print("ready", flush=True)
    sys.stdin.read()  # hold the database until the test closes stdin
    log.log("tap", session_id="live-visit", payload={"x": 99})
    assert log.close()
    """
)


@contextlib.contextmanager
def holding(db: Path) -> Iterator[subprocess.Popen[str]]:
    """A kiosk's event writer in another process, holding ``db`` (it logs a live visit of
    21 events), until the block ends or the test closes its stdin."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert proc.stdin is not None and proc.stdout is not None
    try:
        assert proc.stdout.readline().strip() == "ready"  # waits on the pipe, not a clock
        yield proc
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)
        proc.stdout.close()
