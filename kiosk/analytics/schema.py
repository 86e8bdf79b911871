"""The analytics database: tables, indexes and migrations (``PRAGMA user_version``).

Every column is listed in docs/analytics.md; a test fails if the database has
one that is not documented. Nothing here can hold personal data: ids are random,
texts are slugs and codes, and the payload is a small JSON object of numbers
and slugs (see :func:`kiosk.analytics.events.check_payload`).
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import tempfile
import weakref
from collections.abc import Callable
from pathlib import Path

SCHEMA_VERSION = 3

EVENT_COLUMNS = (
    "id",
    "kiosk_id",
    "bundle_id",
    "bundle_version",
    "session_id",
    "seq",
    "wall_utc",
    "mono_ms",
    "type",
    "entity",
    "target",
    "language",
    "payload",
)
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


class SchemaError(sqlite3.DatabaseError):
    """A database this kiosk must not use as it is: an unknown schema version, or tables,
    views or triggers that the kiosk never makes. The message names the file and the fix."""


def user_version(conn: sqlite3.Connection, schema: str = "main") -> int:
    (version,) = conn.execute(f"PRAGMA {schema}.user_version").fetchone()
    return int(version)


def _file_of(conn: sqlite3.Connection) -> str:
    for _seq, name, file in conn.execute("PRAGMA database_list"):
        if name == "main":
            return str(file) or "the database"
    return "the database"


def check_version(version: int, db: str) -> None:
    """Refuse a schema version this kiosk does not know: newer, negative or absurd."""
    if version > SCHEMA_VERSION:
        raise SchemaError(
            f"{db}: the database has schema version {version}, newer than this kiosk "
            f"({SCHEMA_VERSION}); update the kiosk software, or move the database aside "
            "(the kiosk then starts a new one) and keep it"
        )
    if version < 0:
        raise SchemaError(
            f"{db}: the database has schema version {version}, which no kiosk writes: it is "
            "damaged or was not made by a kiosk; move it aside (the kiosk then starts a new "
            "one) and keep it for recovery"
        )


def connect(path: str, *, synchronous: str = "FULL", timeout: float = 5.0) -> sqlite3.Connection:
    """Open (and create or migrate) the kiosk's own analytics database.

    Only for a database this kiosk writes. To read someone else's (a USB stick, another
    booth's copy), use :func:`open_source`, which never writes, migrates or runs anything.
    """
    conn = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
    try:
        # the version first: nothing is changed (not even the journal mode) in a refused file
        check_version(user_version(conn), path)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute(f"PRAGMA synchronous={synchronous}")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA trusted_schema=OFF")
        migrate(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def migrate(
    conn: sqlite3.Connection,
    upto: int = SCHEMA_VERSION,
    on_step: Callable[[int], None] | None = None,
) -> None:
    version = user_version(conn)
    check_version(version, _file_of(conn))
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


# --- what a well-formed row is --------------------------------------------------------------

MAX_TEXT = 64
"""Ids, versions, types and other short texts (a kiosk writes at most 64 characters)."""
MAX_ENTITY = 40
"""An entity id is a bundle id: lower-case letters and digits in groups joined by "-"."""
MAX_TARGET = 128
MAX_NAME = 300
MAX_PAYLOAD = 2048
"""A payload is at most 12 keys of slugs and numbers: well under 2 KB."""


def _slug(col: str, most: int) -> str:
    """SQL: ``col`` is a bundle-style slug (``[a-z0-9]+(-[a-z0-9]+)*``) of at most ``most``."""
    return (
        f"(typeof({col}) = 'text' AND length({col}) BETWEEN 1 AND {most} "
        f"AND length(CAST({col} AS BLOB)) = length({col}) "  # ASCII only, and no NUL inside
        f"AND {col} NOT GLOB '*[^a-z0-9-]*' AND {col} NOT GLOB '-*' AND {col} NOT GLOB '*-' "
        f"AND {col} NOT GLOB '*--*')"
    )


def _text(col: str, most: int, *, null: bool = False, least: int = 0) -> str:
    """SQL: ``col`` is a text of ``least`` to ``most`` characters without C0 controls or DEL."""
    ok = (
        f"(typeof({col}) = 'text' AND length({col}) BETWEEN {least} AND {most} "
        f"AND instr(CAST({col} AS BLOB), x'00') = 0 "  # SQLite's text functions stop at a NUL
        f"AND {col} NOT GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*')"
    )
    return f"({col} IS NULL OR {ok})" if null else ok


EVENT_CHECKS: dict[str, str] = {
    "id": _text("id", MAX_TEXT, least=1),
    "kiosk_id": _text("kiosk_id", MAX_TEXT, least=1),
    "bundle_id": _text("bundle_id", MAX_TEXT),
    "bundle_version": _text("bundle_version", MAX_TEXT),
    "session_id": _text("session_id", MAX_TEXT, null=True),
    "seq": "(typeof(seq) = 'integer')",
    "wall_utc": (
        f"({_text('wall_utc', 40, least=10)} AND wall_utc GLOB '[0-9][0-9][0-9][0-9]-*' "
        "AND julianday(wall_utc) IS NOT NULL)"
    ),
    "mono_ms": "(typeof(mono_ms) IN ('integer', 'real') AND mono_ms BETWEEN -1e15 AND 1e15)",
    "type": "(typeof(type) = 'text' AND " + _slug("replace(type, '_', '-')", MAX_TEXT) + ")",
    "entity": f"(entity IS NULL OR {_slug('entity', MAX_ENTITY)})",
    "target": _text("target", MAX_TARGET, null=True),
    "language": _text("language", 16, null=True),
    # a flat JSON object: no nesting, no escapes (a kiosk writes only numbers and slugs)
    "payload": (  # CASE: json_type() raises on text that is not JSON
        f"(CASE WHEN typeof(payload) = 'text' AND length(payload) BETWEEN 2 AND {MAX_PAYLOAD} "
        "AND substr(payload, 2) NOT GLOB '*[[{\\]*' AND json_valid(payload) "
        "THEN json_type(payload) = 'object' ELSE 0 END)"
    ),
}
"""Per column, the SQL that a well-formed event's value satisfies (0 or 1, never NULL)."""

VALID_EVENT = " AND ".join(f"coalesce({c}, 0)" for c in EVENT_CHECKS.values())
"""SQL: the event row is well-formed. Statistics, exports and merges use only such rows;
the others are counted and left out (see docs/analytics.md, "What is refused")."""

VALID_ENTITY = " AND ".join(
    f"coalesce({c}, 0)"
    for c in (
        _text("bundle_id", MAX_TEXT),
        _text("bundle_version", MAX_TEXT),
        _slug("entity", MAX_ENTITY),
        _text("name_ar", MAX_NAME),
        _text("name_en", MAX_NAME),
        "(typeof(position) = 'integer')",
    )
)
"""SQL: the ``entities`` row is well-formed."""


# --- reading a database that is not the kiosk's own -----------------------------------------

MAX_VALUE_BYTES = 1 << 24
"""No text or blob of a source database may be longer (16 MB): a kiosk writes < 3 KB."""

_INTERNAL = {"sqlite_stat1", "sqlite_stat4", "sqlite_sequence"}


def _objects(
    conn: sqlite3.Connection, schema: str = "main"
) -> dict[tuple[str, str], tuple[object, ...]]:
    """(type, name) → its shape: a table's columns, an index's table and columns.

    Views, triggers and virtual tables are listed but never opened: their shape is their SQL.
    """
    found: dict[tuple[str, str], tuple[object, ...]] = {}
    rows = conn.execute(
        f"SELECT type, name, tbl_name, coalesce(sql, '') FROM {schema}.sqlite_master"
    ).fetchall()
    for kind, name, table, sql in rows:
        if kind == "table" and not str(sql).lstrip().upper().startswith("CREATE VIRTUAL"):
            cols = conn.execute(f'PRAGMA {schema}.table_xinfo("{name}")').fetchall()
            found[(kind, name)] = ("columns", *(tuple(c[1:]) for c in cols))
        elif kind == "index" and sql:
            cols = conn.execute(f'PRAGMA {schema}.index_xinfo("{name}")').fetchall()
            found[(kind, name)] = (table, *(tuple(c) for c in cols))
        elif kind == "index":
            found[(kind, name)] = (table, "automatic")
        else:
            found[(kind, name)] = (table, str(sql))
    return found


_REFERENCE: dict[int, dict[tuple[str, str], tuple[object, ...]]] = {}


def reference_objects(version: int) -> dict[tuple[str, str], tuple[object, ...]]:
    """The tables and indexes a kiosk's database has at schema ``version``."""
    if version not in _REFERENCE:
        ref = sqlite3.connect(":memory:", isolation_level=None)
        migrate(ref, upto=version)
        _REFERENCE[version] = _objects(ref)
        ref.close()
    return _REFERENCE[version]


def check_shape(conn: sqlite3.Connection, db: str, schema: str = "main") -> int:
    """Refuse a database that is not shaped as a kiosk's: returns its schema version.

    Accepted: exactly the kiosk's tables with exactly its columns, and its indexes (any may be
    missing). Refused: any view (it could run an endless query), trigger, virtual table, or a
    table or index the kiosk never makes, or one of ours with other columns.
    """
    version = user_version(conn, schema)
    check_version(version, db)
    if version == 0:
        raise SchemaError(
            f"{db}: this is not a kiosk analytics database (it has no schema version); "
            "give the kiosk.db of a kiosk, or a copy made by kiosk-export"
        )
    expected = reference_objects(version)
    move = "; it was not made by a kiosk: merge only databases copied from a kiosk"
    for (kind, name), shape in _objects(conn, schema).items():
        if kind == "table" and name in _INTERNAL:
            continue
        if kind == "index" and name.startswith("sqlite_autoindex_"):
            continue
        if (kind, name) not in expected:
            what = "table" if kind == "table" else kind
            raise SchemaError(f"{db}: the database has a {what} '{name}' that no kiosk makes{move}")
        if shape != expected[(kind, name)]:
            raise SchemaError(f"{db}: the {kind} '{name}' does not have the kiosk's columns{move}")
    for kind, name in expected:
        if (
            kind == "table"
            and not conn.execute(
                f"SELECT 1 FROM {schema}.sqlite_master WHERE type = 'table' AND name = ?", (name,)
            ).fetchone()
        ):
            raise SchemaError(f"{db}: the table '{name}' is missing{move}")
    return version


class _PrivateCopy(sqlite3.Connection):
    """A connection to a private copy in a temporary folder, removed when it is closed."""

    cleanup: Callable[[], None] | None = None

    def close(self) -> None:
        super().close()
        if self.cleanup is not None:
            self.cleanup()
            self.cleanup = None


def _private_copy(
    files: list[tuple[Path, str]], fill: Callable[[sqlite3.Connection], None] | None = None
) -> sqlite3.Connection:
    folder = Path(tempfile.mkdtemp(prefix="kiosk-read-"))
    try:
        for src, suffix in files:
            shutil.copyfile(src, folder / f"copy.db{suffix}")
        conn = sqlite3.connect(
            folder / "copy.db", isolation_level=None, check_same_thread=False, factory=_PrivateCopy
        )
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    assert isinstance(conn, _PrivateCopy)
    conn.cleanup = weakref.finalize(conn, shutil.rmtree, folder, True)
    try:
        if fill is not None:
            fill(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def _harden(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA trusted_schema=OFF")
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)


_READ_ONLY_ERRORS = {sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN}


def _unsafe(db: str, exc: sqlite3.Error) -> sqlite3.Error:
    """A clearer error for a schema SQLite will not read (``trusted_schema=OFF`` refuses one
    that calls functions), else ``exc`` itself (a locked database, a file that is no database)."""
    if "malformed database schema" not in str(exc):
        return exc
    return SchemaError(
        f"{db}: its schema cannot be read safely ({exc}): it is damaged or was not made by a "
        "kiosk; give the kiosk.db of a kiosk, or a copy made by kiosk-export"
    )


def open_source(path: Path, *, timeout: float = 5.0) -> sqlite3.Connection:
    """Open another kiosk's database (or this one's) to read it, changing nothing in it.

    It is opened read-only (``mode=ro``). On read-only media, where SQLite cannot make the
    ``-shm`` file it needs for a WAL database: with no ``-wal`` file it is opened as immutable;
    with one, a private copy of both files is read. Its shape is checked first
    (:func:`check_shape`), so a view or trigger in it is never run. A database of an older
    schema is migrated in a private copy; the file itself is never migrated.
    """
    db = str(path)
    uri = path.resolve().as_uri()
    wal = path.with_name(path.name + "-wal")
    conn: sqlite3.Connection
    try:
        conn = sqlite3.connect(
            f"{uri}?mode=ro",
            uri=True,
            timeout=timeout,
            isolation_level=None,
            check_same_thread=False,
        )
        try:
            _harden(conn)
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()  # reads the schema
        except BaseException:
            conn.close()
            raise
    except sqlite3.DatabaseError as exc:
        read_only = (
            isinstance(exc, sqlite3.OperationalError)
            and (exc.sqlite_errorcode & 0xFF) in _READ_ONLY_ERRORS
            and path.is_file()
        )
        if not read_only:
            err = _unsafe(db, exc)
            if err is exc:
                raise
            raise err from exc
        if not wal.is_file() or wal.stat().st_size == 0:
            conn = sqlite3.connect(
                f"{uri}?immutable=1",
                uri=True,
                timeout=timeout,
                isolation_level=None,
                check_same_thread=False,
            )
        else:  # events committed to the -wal only: read a copy of both files
            conn = _private_copy([(path, ""), (wal, "-wal")])
        _harden(conn)
    try:
        version = check_shape(conn, db)
        conn.execute("PRAGMA query_only=ON")
    except SchemaError:
        conn.close()
        raise
    except sqlite3.DatabaseError as exc:  # e.g. an index that calls a function: unsafe
        conn.close()
        err = _unsafe(db, exc)
        if err is exc:
            raise
        raise err from exc
    except BaseException:
        conn.close()
        raise
    if version == SCHEMA_VERSION:
        return conn

    def upgrade(copy: sqlite3.Connection) -> None:
        conn.backup(copy)
        _harden(copy)
        migrate(copy)
        copy.execute("PRAGMA query_only=ON")

    with contextlib.closing(conn):
        return _private_copy([], upgrade)
