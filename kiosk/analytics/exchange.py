"""Getting events out (CSV, JSON lines, per entity) and several kiosks' logs together.

Everything here reads databases that may come from anywhere (another booth, a USB stick),
so: only well-formed rows are used (:data:`~kiosk.analytics.schema.VALID_EVENT`; the
others are counted and left out), file names never come raw from the database, CSV cells
cannot be run as spreadsheet formulas, and a merge reads its sources read-only, refuses
any view or trigger in them and copies a bounded amount.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import json
import os
import re
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, NamedTuple

from .schema import (
    ENTITY_COLUMNS,
    EVENT_COLUMNS,
    VALID_ENTITY,
    VALID_EVENT,
    check_shape,
    connect,
    open_source,
)
from .stats import EVERYTHING, Filter

MAX_MERGE_EVENTS = 20_000_000
"""Events one source may hold (a busy kiosk logs well under 100,000 a day)."""
MAX_MERGE_BYTES = 8_000_000_000
"""Bytes of event data one merge may copy."""
MAX_MERGE_ENTITIES = 10_000
"""Entity names one source may hold."""
_BATCH = 5000


class Exported(NamedTuple):
    path: Path
    events: int
    skipped: int
    """Rows left out because they could not be written (see :func:`malformed` for the rest)."""


class MergeResult(NamedTuple):
    added: int
    already: int
    """Events the output had already (the same id)."""
    rejected: int
    """Malformed rows left out (bad types, bad JSON, an entity id that is not a bundle id)."""
    refused: tuple[tuple[Path, str], ...] = ()
    """Sources not merged at all, with the reason."""


def rows(conn: sqlite3.Connection, f: Filter = EVERYTHING) -> Iterator[dict[str, Any]]:
    """The well-formed events that ``f`` selects, in the order they were logged."""
    where, args = f.where()
    if f.entity:
        where += " AND entity = ?"
        args = [*args, f.entity]
    cur = conn.execute(
        f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE ({VALID_EVENT}) AND {where} "
        "ORDER BY id",
        args,
    )
    for values in cur:
        yield dict(zip(EVENT_COLUMNS, values, strict=True))


def malformed(conn: sqlite3.Connection) -> int:
    """Events that statistics and exports leave out because a value is malformed."""
    (n,) = conn.execute(f"SELECT COUNT(*) FROM events WHERE NOT ({VALID_EVENT})").fetchone()
    return int(n)


_FORMULA = frozenset("=+-@\t\r\n\0\uff1d\uff0b\uff0d\uff20")
"""A cell starting with one of these is a formula to Excel, LibreOffice or Google Sheets
(the last four: their full-width forms, which some versions read the same way)."""


def neutralise(value: Any) -> Any:
    """A CSV cell that no spreadsheet runs: text that starts (even after spaces) with a
    formula character gets a leading ``'``, as OWASP advises. Numbers stay numbers."""
    if isinstance(value, str) and value:
        first = value.lstrip(" \u00a0")[:1] or value[0]
        if value[0] in _FORMULA or first in _FORMULA:
            return "'" + value
    return value


def _json_line(r: dict[str, Any]) -> str | None:
    try:
        payload = json.loads(r["payload"])
        if not isinstance(payload, dict):
            return None
        return json.dumps({**r, "payload": payload}, ensure_ascii=False, allow_nan=False)
    except (ValueError, TypeError, RecursionError):
        return None


def _write_private(out: Path, write: Callable[[IO[str]], None], encoding: str) -> None:
    """Write ``out`` through a private temporary file next to it, removed on any failure."""
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".partial", dir=out.parent)
    try:
        umask = os.umask(0o022)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)  # an export is an ordinary file, not a private one
        newline = "" if encoding == "utf-8-sig" else "\n"
        with os.fdopen(fd, "w", encoding=encoding, newline=newline) as fh:
            write(fh)
        Path(tmp).replace(out)
    except BaseException:
        with contextlib.suppress(OSError):
            os.close(fd)
        Path(tmp).unlink(missing_ok=True)
        raise


def export(conn: sqlite3.Connection, out: Path, fmt: str, f: Filter = EVERYTHING) -> Exported:
    """Write the events to ``out`` as ``csv`` (UTF-8 with BOM, for Excel) or ``jsonl``.

    CSV cells are neutralised (:func:`neutralise`); JSON lines keep every value verbatim.
    Nothing is left behind if writing fails, and ``out`` is replaced only when complete.
    """
    if fmt not in ("csv", "jsonl"):
        raise ValueError(f"unknown format {fmt!r}")
    counts = [0, 0]

    def write(fh: IO[str]) -> None:
        if fmt == "csv":
            writer = csv.writer(fh)
            writer.writerow(EVENT_COLUMNS)
            for r in rows(conn, f):
                writer.writerow([neutralise(r[c]) for c in EVENT_COLUMNS])
                counts[0] += 1
            return
        for r in rows(conn, f):
            line = _json_line(r)
            if line is None:
                counts[1] += 1
                continue
            fh.write(line + "\n")
            counts[0] += 1

    _write_private(out, write, "utf-8-sig" if fmt == "csv" else "utf-8")
    return Exported(out, counts[0], counts[1])


_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    "clock$",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}
"""Names Windows will not open as files, whatever the extension."""


def file_stem(entity: str) -> str:
    """A safe file name (without extension) for ``entity``: the id itself when it is a
    plain bundle id, else a slug of it and a short hash (never a path, never empty)."""
    if len(entity) <= 40 and _SLUG.fullmatch(entity) and entity not in _RESERVED:
        return entity
    slug = re.sub(r"[^a-z0-9]+", "-", entity.lower()).strip("-")[:40].strip("-")
    digest = hashlib.sha256(entity.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{slug or 'entity'}-{digest}"


def export_per_entity(
    conn: sqlite3.Connection, folder: Path, fmt: str, f: Filter = EVERYTHING
) -> dict[str, Exported]:
    """One file per entity (``<entity>.<fmt>``), so each ministry gets only its own events.

    The names come from :func:`file_stem`, made unique, and each file is checked to lie in
    ``folder`` before it is written.
    """
    folder.mkdir(parents=True, exist_ok=True)
    home = folder.resolve()
    entities = [
        e
        for (e,) in conn.execute(
            f"SELECT DISTINCT entity FROM events WHERE entity IS NOT NULL AND ({VALID_EVENT}) "
            "ORDER BY 1"
        )
        if not f.entity or e == f.entity
    ]
    used: set[str] = set()
    out: dict[str, Exported] = {}
    for e in entities:
        stem = file_stem(e)
        n = 1
        while stem.lower() in used:
            n += 1
            stem = f"{file_stem(e)}-{n}"
        used.add(stem.lower())
        path = folder / f"{stem}.{fmt}"
        if path.resolve().parent != home:  # cannot happen with a slug; never write outside
            raise ValueError(f"refusing to write {path}: it is outside {folder}")
        out[e] = export(conn, path, fmt, Filter(f.since, f.until, e))
    return out


def merge(
    sources: list[Path],
    out: Path,
    *,
    max_events: int = MAX_MERGE_EVENTS,
    max_bytes: int = MAX_MERGE_BYTES,
    max_entities: int = MAX_MERGE_ENTITIES,
) -> MergeResult:
    """Add every well-formed event of ``sources`` to ``out`` (created if needed); ids make
    it idempotent.

    Each source is opened read-only and never migrated; one with a view, a trigger or a
    table the kiosk does not make is refused before anything is read from it, as is one
    with more than ``max_events`` events or ``max_entities`` entity names. A source whose
    events would take the merge past ``max_bytes`` is rolled back. A refused source is
    skipped (the others are merged) and reported in :attr:`MergeResult.refused`.
    """
    target = connect(str(out))
    added = already = rejected = 0
    budget = [max_bytes]
    refused: list[tuple[Path, str]] = []
    try:
        check_shape(target, str(out))  # a trigger in the output would run on every insert
        for src in sources:
            try:
                n_added, n_already, n_rejected = _merge_one(
                    target, src, max_events, max_entities, budget
                )
            except _TargetFailed as exc:
                raise exc.__cause__ or exc from None
            except _Refused as exc:
                refused.append((src, str(exc)))
                continue
            except sqlite3.DataError:
                refused.append((src, TOO_BIG.format(src=src)))
                continue
            except (sqlite3.DatabaseError, OSError) as exc:  # a schema refusal, a damaged file
                refused.append((src, f"{src}: {exc}" if str(src) not in str(exc) else str(exc)))
                continue
            added += n_added
            already += n_already
            rejected += n_rejected
    finally:
        target.close()
    return MergeResult(added, already, rejected, tuple(refused))


class _Refused(Exception):
    """This source is not merged (the message says why); the others are."""


class _TargetFailed(Exception):
    """Writing the output failed (disk full, locked): the whole merge stops."""


def _target(call: Callable[[], Any]) -> Any:
    try:
        return call()
    except sqlite3.Error as exc:
        raise _TargetFailed(exc) from exc


TOO_BIG = (
    "{src} holds a value larger than 16 MB, which no kiosk writes: it is damaged or not a "
    "kiosk's database; not merged"
)


def _merge_one(
    target: sqlite3.Connection, src: Path, max_events: int, max_entities: int, budget: list[int]
) -> tuple[int, int, int]:
    source = open_source(src)
    try:
        (total,) = source.execute(
            "SELECT COUNT(*) FROM (SELECT 1 FROM events LIMIT ?)", (max_events + 1,)
        ).fetchone()
        if total > max_events:
            raise _Refused(
                f"{src} holds more than {max_events:,} events, more than any kiosk logs: not "
                "merged (check that it is a kiosk's database)"
            )
        (names,) = source.execute(
            "SELECT COUNT(*) FROM (SELECT 1 FROM entities LIMIT ?)", (max_entities + 1,)
        ).fetchone()
        if names > max_entities:
            raise _Refused(f"{src} holds more than {max_entities:,} entity names: not merged")
        cols = ", ".join(EVENT_COLUMNS)
        insert = (
            f"INSERT OR IGNORE INTO events ({cols}) VALUES ({', '.join('?' * len(EVENT_COLUMNS))})"
        )
        ecols = ", ".join(ENTITY_COLUMNS)
        _target(lambda: target.execute("BEGIN IMMEDIATE"))
        try:
            before = target.total_changes
            copied = 0
            batch: list[tuple[Any, ...]] = []
            for row in source.execute(f"SELECT {cols} FROM events WHERE {VALID_EVENT}"):
                budget[0] -= sum(len(v) for v in row if isinstance(v, str)) + 8 * len(row)
                if budget[0] < 0:
                    raise _Refused(
                        f"{src}: the merge would copy more than its limit of data: not merged; "
                        "merge fewer databases at a time"
                    )
                batch.append(row)
                copied += 1
                if len(batch) >= _BATCH:
                    _target(lambda: target.executemany(insert, batch))
                    batch.clear()
            _target(lambda: target.executemany(insert, batch))
            new = target.total_changes - before
            entity_rows = source.execute(
                f"SELECT {ecols} FROM entities WHERE {VALID_ENTITY}"
            ).fetchall()
            values = ", ".join("?" * len(ENTITY_COLUMNS))
            _target(
                lambda: target.executemany(
                    f"INSERT OR IGNORE INTO entities ({ecols}) VALUES ({values})", entity_rows
                )
            )
            _target(lambda: target.execute("COMMIT"))
        except BaseException:
            if target.in_transaction:
                target.execute("ROLLBACK")
            raise
        return new, copied - new, (total - copied) + (names - len(entity_rows))
    finally:
        source.close()
