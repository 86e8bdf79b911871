"""The analytics database: tables, indexes and migrations (``PRAGMA user_version``).

Every column is listed in docs/analytics.md; a test fails if the database has
one that is not documented. Nothing here can hold personal data: ids are random,
texts are slugs and codes, and the payload is a small JSON object of numbers
and slugs (see :func:`kiosk.analytics.events.check_payload`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

SCHEMA_VERSION = 3

EVENT_COLUMNS = (
    "id", "kiosk_id", "bundle_id", "bundle_version", "session_id", "seq", "wall_utc",
    "mono_ms", "type", "entity", "target", "language", "payload",
)  # fmt: skip
ENTITY_COLUMNS = ("bundle_id", "bundle_version", "entity", "name_ar", "name_en", "position")

_V1 = """
CREATE TABLE events (
    id TEXT PRIMARY KEY,            -- sortable unique id (time + random)
    kiosk_id TEXT NOT NULL,
    bundle_id TEXT NOT NULL,
    bundle_version TEXT NOT NULL,
    session_id TEXT,                -- random per visitor session; NULL outside one
    seq INTEGER NOT NULL,           -- per kiosk, increasing across restarts
    wall_utc TEXT NOT NULL,         -- ISO 8601, UTC, milliseconds
    mono_ms REAL NOT NULL,          -- monotonic clock of the writing process
    type TEXT NOT NULL,
    entity TEXT,
    target TEXT,
    language TEXT,
    payload TEXT NOT NULL DEFAULT '{}'
) WITHOUT ROWID;
CREATE INDEX events_type_time ON events(type, wall_utc);
CREATE INDEX events_session ON events(session_id, seq);
CREATE INDEX events_entity ON events(entity, type);
"""

_V2 = """
CREATE TABLE entities (
    bundle_id TEXT NOT NULL,
    bundle_version TEXT NOT NULL,
    entity TEXT NOT NULL,
    name_ar TEXT NOT NULL,
    name_en TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (bundle_id, bundle_version, entity)
) WITHOUT ROWID;
CREATE INDEX events_kiosk_seq ON events(kiosk_id, seq);
"""

_V3 = """
CREATE INDEX events_entity_session ON events(entity, session_id);
"""
"""Statistics filtered by entity look up the sessions that visited it."""

MIGRATIONS: dict[int, str] = {1: _V1, 2: _V2, 3: _V3}
"""user_version N is reached by running MIGRATIONS[N] on a database at N - 1."""


def connect(path: str, *, synchronous: str = "FULL", timeout: float = 5.0) -> sqlite3.Connection:
    """Open (and create or migrate) an analytics database."""
    conn = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute(f"PRAGMA synchronous={synchronous}")
    conn.execute("PRAGMA foreign_keys=ON")
    migrate(conn)
    return conn


def migrate(
    conn: sqlite3.Connection,
    upto: int = SCHEMA_VERSION,
    on_step: Callable[[int], None] | None = None,
) -> None:
    (version,) = conn.execute("PRAGMA user_version").fetchone()
    if version > SCHEMA_VERSION:
        raise sqlite3.DatabaseError(
            f"the database has schema version {version}, newer than this kiosk ({SCHEMA_VERSION}); "
            "update the kiosk software or use a new --db"
        )
    for target in range(version + 1, upto + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(MIGRATIONS[target]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version={target}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        if on_step:
            on_step(target)


def _statements(script: str) -> list[str]:
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
