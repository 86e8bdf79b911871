"""The event log: the UI thread only enqueues; one writer thread commits.

"Acknowledged" means committed: :attr:`EventLog.committed` counts acknowledged
events and ``on_commit`` receives their ids. With ``synchronous=FULL`` in WAL
mode a commit is on disk before it is acknowledged, so an acknowledged event
survives a killed process *and* a power cut (see docs/analytics.md).

Faults never reach the UI: when SQLite fails (disk full, read-only or locked
database) the batch stays in memory, the writer reconnects and retries with a
growing delay, and :meth:`EventLog.status` (and a small JSON file next to the
database, for the staff CLI) carries the warning. Memory is bounded: beyond
``max_pending`` the oldest waiting events are dropped and counted.

A database the writer must not use (an unknown schema version) or an unexpected fault
stops it for good: its status says ``dead``, with the reason, and later events are
dropped and counted instead of piling up in memory.

One writer per database: :meth:`EventLog.start` takes an exclusive lock on
``<db>.lock`` (``flock``) for the writer's life, and raises :class:`DatabaseInUse` if
another process (or another writer) holds it. Otherwise a second kiosk would close the
first one's live visit as a crash and write the same sequence numbers.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import queue
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .events import Row, check_payload, new_id, utc_now
from .schema import EVENT_COLUMNS, SchemaError, connect

_INSERT = (
    f"INSERT OR IGNORE INTO events ({', '.join(EVENT_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(EVENT_COLUMNS))})"
)
_STOP = object()
BATCH = 2000


@dataclass
class Status:
    ok: bool = True
    committed: int = 0
    pending: int = 0
    dropped: int = 0
    last_error: str = ""
    since: str = ""
    """When the current error state began (UTC), for staff."""
    dead: bool = False
    """The writer has stopped for good (see ``last_error``): no event is saved until the
    problem is fixed and the kiosk restarted."""
    errors: int = 0
    """Failed writes since the writer started (each retried), for /metrics."""


@dataclass(frozen=True)
class _Item:
    id: str
    wall_utc: str
    mono_ms: float
    type: str
    session_id: str | None
    entity: str | None
    target: str | None
    language: str | None
    payload: str
    bundle_id: str
    bundle_version: str


def status_path(db: Path) -> Path:
    return db.with_name(db.name + ".status.json")


def lock_path(db: Path) -> Path:
    return db.with_name(db.name + ".lock")


class DatabaseInUse(RuntimeError):
    """Another kiosk (another event writer) is already writing this database."""

    def __init__(self, db: Path) -> None:
        super().__init__(
            f"another kiosk is already running on {db}; stop it first (sudo systemctl stop "
            "kiosk), or give this one its own database with --db"
        )
        self.db = db


def _lock(db: Path) -> int | None:
    """Hold ``<db>.lock`` exclusively: its descriptor, or None where no lock file can be
    made (a read-only folder: the writer then reports why it cannot write)."""
    try:
        fd = os.open(lock_path(db), os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise DatabaseInUse(db) from None
    except OSError:  # a file system without locks
        os.close(fd)
        return None
    return fd


class EventLog:
    def __init__(
        self,
        path: Path,
        kiosk_id: str,
        *,
        synchronous: str = "FULL",
        max_pending: int = 100_000,
        on_commit: Callable[[list[str]], None] | None = None,
        on_connect: Callable[[sqlite3.Connection], None] | None = None,
        busy_timeout: float = 2.0,
        retry: tuple[float, float] = (0.2, 5.0),
        wall_clock: Callable[[], str] = utc_now,
    ) -> None:
        self.path = path
        self.kiosk_id = kiosk_id
        self.synchronous = synchronous
        self.max_pending = max_pending
        self.on_commit = on_commit
        self.on_connect = on_connect
        self.busy_timeout = busy_timeout
        self.retry = retry
        self.wall_clock = wall_clock
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._status = Status()
        self._lock = threading.Lock()
        self._done = threading.Condition(self._lock)
        self._enqueued = 0
        self._last_commit: float | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="kiosk-event-writer", daemon=True)
        self._bundle = ("", "")
        self._entities: list[tuple[str, str, str, str, str, int]] = []
        self._lock_fd: int | None = None
        self._pending: deque[Any] = deque()
        """Taken from the queue, not yet committed (the writer thread's)."""
        self._conn: sqlite3.Connection | None = None
        """The writer thread's connection."""

    # -- UI thread ---------------------------------------------------------------------------

    def start(self) -> None:
        """Start the writer; :class:`DatabaseInUse` if another writer has the database."""
        self._lock_fd = _lock(self.path)
        try:
            self._thread.start()
        except BaseException:
            self._unlock()
            raise

    def _unlock(self) -> None:
        fd, self._lock_fd = self._lock_fd, None
        if fd is not None:
            os.close(fd)  # closing the descriptor releases the lock

    def set_bundle(
        self, bundle_id: str, version: str, entities: Sequence[tuple[str, str, str]] = ()
    ) -> None:
        """Tag the following events with this bundle, and record its entities' names."""
        self._bundle = (bundle_id, version)
        rows = [(bundle_id, version, e, ar, en, i) for i, (e, ar, en) in enumerate(entities)]
        self._queue.put(("entities", rows))

    def log(
        self,
        type: str,
        *,
        session_id: str | None = None,
        entity: str | None = None,
        target: str | None = None,
        language: str | None = None,
        payload: dict[str, Any] | None = None,
    ) -> str:
        """Enqueue one event (never blocks, never touches the disk); returns its id."""
        item = _Item(
            new_id(),
            self.wall_clock(),
            round(time.monotonic() * 1000, 3),
            type,
            session_id,
            entity,
            target,
            language,
            check_payload(payload or {}),
            *self._bundle,
        )
        with self._lock:
            self._enqueued += 1
        self._queue.put(item)
        return item.id

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until every event logged so far is committed (or dropped)."""
        deadline = time.monotonic() + timeout
        with self._done:
            while self._status.committed + self._status.dropped < self._enqueued:
                left = deadline - time.monotonic()
                if left <= 0 or not self._thread.is_alive():
                    return False
                self._done.wait(left)
        return True

    def close(self, timeout: float = 10.0) -> bool:
        """Commit what is queued, then stop the writer. True if nothing was left behind."""
        if not self._thread.is_alive():
            return True
        flushed = self.flush(timeout)
        self._stop.set()
        self._queue.put(_STOP)
        self._thread.join(timeout)
        return flushed

    def status(self) -> Status:
        with self._lock:
            return Status(**asdict(self._status))

    @property
    def committed(self) -> int:
        return self._status.committed

    def backlog(self) -> tuple[int, float | None]:
        """For /metrics: events logged but not yet committed (nor dropped), and the
        ``time.monotonic()`` of the last commit (None before the first)."""
        with self._lock:
            left = self._enqueued - self._status.committed - self._status.dropped
            return max(0, left), self._last_commit

    # -- writer thread -----------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        conn = connect(str(self.path), synchronous=self.synchronous, timeout=self.busy_timeout)
        if self.on_connect:
            self.on_connect(conn)
        return conn

    def _run(self) -> None:
        try:
            self._write_loop()
        except BaseException as exc:  # a bug or a refused database: say so, never vanish
            self._die(exc)
        finally:
            self._unlock()

    def _die(self, exc: BaseException) -> None:
        """Report the writer dead, then drop (and count) every later event until closed."""
        message = str(exc) if isinstance(exc, SchemaError) else f"the event writer failed: {exc!r}"
        with self._done:
            self._status.ok = False
            self._status.dead = True
            self._status.last_error = message
            self._status.since = self._status.since or utc_now()
            self._status.dropped += sum(isinstance(i, _Item) for i in self._pending)
            self._status.pending = 0
            self._pending.clear()
            snapshot = asdict(self._status)
            self._done.notify_all()
        self._write_status(snapshot)
        while True:
            try:  # once closing, _STOP may already have been taken: only drain what is left
                item = self._queue.get(timeout=0 if self._stop.is_set() else None)
            except queue.Empty:
                return
            if item is _STOP:
                return
            if isinstance(item, _Item):
                with self._done:
                    self._status.dropped += 1
                    self._done.notify_all()

    def _write_loop(self) -> None:
        conn: sqlite3.Connection | None = None
        seq = -1
        recovered = False
        # Open at once (not at the first event), so sessions a crash left open are
        # closed even if nobody touches the kiosk; a failure here is retried below.
        try:
            conn = self._connect()
            seq = self._close_crashed_sessions(conn, self._last_seq(conn))
            recovered = True
            self._clear_old_status()
        except SchemaError:
            raise  # a database this kiosk must not write: retrying cannot help
        except (sqlite3.Error, OSError) as exc:
            self._set_error(exc, 0)
            if conn is not None:
                conn.close()
                conn = None
        try:
            self._loop(conn, seq, recovered)
        finally:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def _loop(self, conn: sqlite3.Connection | None, seq: int, recovered: bool) -> None:
        pending = self._pending
        delay = self.retry[0]
        stopping = False
        self._conn = conn
        while True:
            # gather: block only when there is nothing to write
            try:
                # not once stopping: _STOP may have come in the batch just written
                item = self._queue.get(timeout=None if not pending and not stopping else 0)
                taken = 0  # per round, not len(pending): while retrying, pending stays full
                while True:
                    if item is _STOP:
                        stopping = True
                    else:
                        pending.append(item)
                        taken += 1
                    if taken >= BATCH:
                        break
                    item = self._queue.get_nowait()
            except queue.Empty:
                pass
            self._bound(pending)
            if not pending and stopping:
                break
            try:
                if self._conn is None:
                    self._conn = self._connect()
                    seq = self._last_seq(self._conn)
                    if not recovered:
                        seq = self._close_crashed_sessions(self._conn, seq)
                        recovered = True
                seq = self._write(self._conn, pending, seq)
                delay = self.retry[0]
            except SchemaError:
                raise
            except (sqlite3.Error, OSError) as exc:
                self._set_error(exc, len(pending))
                if self._conn is not None:
                    self._conn.close()
                    self._conn = None
                if self._stop.wait(delay) and stopping:
                    break  # closing while the disk is failing: give up after one more try
                delay = min(self.retry[1], delay * 2)

    def _bound(self, pending: deque[Any]) -> None:
        over = len(pending) - self.max_pending
        if over > 0:
            for _ in range(over):
                pending.popleft()
            with self._done:
                self._status.dropped += over
                self._status.pending = len(pending)
                self._done.notify_all()

    def _last_seq(self, conn: sqlite3.Connection) -> int:
        row = conn.execute(
            "SELECT MAX(seq) FROM events WHERE kiosk_id = ?", (self.kiosk_id,)
        ).fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def _close_crashed_sessions(self, conn: sqlite3.Connection, seq: int) -> int:
        """Sessions left open by an earlier run end with reason 'crash'."""
        open_sessions = conn.execute(
            """SELECT s.session_id, s.bundle_id, s.bundle_version, s.language,
                      (SELECT MAX(julianday(x.wall_utc)) FROM events x
                       WHERE x.session_id = s.session_id)
                       - julianday(s.wall_utc)
               FROM events s
               WHERE s.kiosk_id = ? AND s.type = 'session_start' AND NOT EXISTS (
                   SELECT 1 FROM events e
                   WHERE e.session_id = s.session_id AND e.type = 'session_end')""",
            (self.kiosk_id,),
        ).fetchall()
        if not open_sessions:
            return seq
        rows = []
        for session_id, bundle_id, version, language, days in open_sessions:
            seq += 1
            payload = check_payload(
                {"reason": "crash", "duration_s": round((days or 0) * 86400, 3)}
            )
            rows.append(
                Row(
                    new_id(),
                    self.kiosk_id,
                    bundle_id,
                    version,
                    session_id,
                    seq,
                    utc_now(),
                    round(time.monotonic() * 1000, 3),
                    "session_end",
                    None,
                    None,
                    language,
                    payload,
                ).values()
            )
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(_INSERT, rows)
        conn.execute("COMMIT")
        return seq

    def _write(self, conn: sqlite3.Connection, pending: deque[Any], seq: int) -> int:
        rows = []
        ids = []
        entity_rows: list[Any] = []
        next_seq = seq
        for item in pending:
            if isinstance(item, tuple):
                entity_rows.extend(item[1])
                continue
            next_seq += 1
            ids.append(item.id)
            rows.append(
                (
                    item.id,
                    self.kiosk_id,
                    item.bundle_id,
                    item.bundle_version,
                    item.session_id,
                    next_seq,
                    item.wall_utc,
                    item.mono_ms,
                    item.type,
                    item.entity,
                    item.target,
                    item.language,
                    item.payload,
                )
            )
        conn.execute("BEGIN IMMEDIATE")
        try:
            if entity_rows:
                conn.executemany(
                    "INSERT OR REPLACE INTO entities VALUES (?, ?, ?, ?, ?, ?)", entity_rows
                )
            conn.executemany(_INSERT, rows)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        pending.clear()
        # the problem file is cleared before anyone waiting on flush() is told, so that a
        # staff command run after a flush never reads a problem that is already over
        self._set_ok()
        with self._done:
            self._status.committed += len(ids)
            self._status.pending = 0
            self._last_commit = time.monotonic()
            self._done.notify_all()
        if self.on_commit and ids:
            try:
                self.on_commit(ids)
            except Exception as exc:  # a listener's bug must not stop the logging
                with self._lock:
                    self._status.last_error = f"on_commit failed: {exc!r}"
        return next_seq

    def _set_error(self, exc: BaseException, pending: int) -> None:
        with self._lock:
            first = self._status.ok
            self._status.ok = False
            self._status.errors += 1
            self._status.last_error = str(exc)
            self._status.pending = pending
            if first:
                self._status.since = utc_now()
            snapshot = asdict(self._status)
        if first:
            self._write_status(snapshot)

    def _set_ok(self) -> None:
        with self._lock:
            was_bad = not self._status.ok
            self._status.ok = True
            self._status.last_error = ""
            self._status.since = ""
            snapshot = asdict(self._status)
        if was_bad:
            self._write_status(snapshot)

    def _clear_old_status(self) -> None:
        """A problem file left by an earlier run is out of date once the database opens."""
        if read_status(self.path) is not None:
            with self._lock:
                snapshot = asdict(self._status)
            self._write_status(snapshot)

    def _write_status(self, snapshot: dict[str, Any]) -> None:
        # the disk may be what is failing; the in-memory status still tells
        with contextlib.suppress(OSError):
            status_path(self.path).write_text(json.dumps(snapshot), "utf-8")


def read_status(db: Path) -> Status | None:
    """The writer's last reported problem, for the staff CLI; None when all was well."""
    try:
        data = json.loads(status_path(db).read_text("utf-8"))
        status = Status(**data)
    except (OSError, ValueError, TypeError):
        return None
    return None if status.ok else status
