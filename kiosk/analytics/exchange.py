"""Getting events out (CSV, JSON lines, per entity) and several kiosks' logs together."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .schema import ENTITY_COLUMNS, EVENT_COLUMNS, connect
from .stats import EVERYTHING, Filter


def rows(conn: sqlite3.Connection, f: Filter = EVERYTHING) -> Iterator[dict[str, Any]]:
    where, args = f.where()
    if f.entity:
        where += " AND entity = ?"
        args = [*args, f.entity]
    cur = conn.execute(
        f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE {where} ORDER BY id", args
    )
    for values in cur:
        yield dict(zip(EVENT_COLUMNS, values, strict=True))


def export(conn: sqlite3.Connection, out: Path, fmt: str, f: Filter = EVERYTHING) -> int:
    """Write the events to ``out`` as ``csv`` (UTF-8 with BOM, for Excel) or ``jsonl``; returns the count."""
    n = 0
    tmp = out.with_name(out.name + ".partial")
    if fmt == "csv":
        with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(EVENT_COLUMNS)
            for r in rows(conn, f):
                writer.writerow([r[c] for c in EVENT_COLUMNS])
                n += 1
    elif fmt == "jsonl":
        with tmp.open("w", encoding="utf-8") as fh:
            for r in rows(conn, f):
                r["payload"] = json.loads(r["payload"])
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
                n += 1
    else:
        raise ValueError(f"unknown format {fmt!r}")
    tmp.replace(out)
    return n


def export_per_entity(
    conn: sqlite3.Connection, folder: Path, fmt: str, f: Filter = EVERYTHING
) -> dict[str, int]:
    """One file per entity (``<entity>.<fmt>``), so each ministry gets only its own events."""
    folder.mkdir(parents=True, exist_ok=True)
    entities = [
        e
        for (e,) in conn.execute(
            "SELECT DISTINCT entity FROM events WHERE entity IS NOT NULL ORDER BY 1"
        )
    ]
    return {
        e: export(conn, folder / f"{e}.{fmt}", fmt, Filter(f.since, f.until, e))
        for e in entities
        if not f.entity or e == f.entity
    }


def merge(sources: list[Path], out: Path) -> tuple[int, int]:
    """Add every event of ``sources`` to ``out`` (created if needed); ids make it idempotent.

    Returns (events added, events already there).
    """
    target = connect(str(out))
    added = skipped = 0
    try:
        for i, src in enumerate(sources):
            source = connect(str(src))  # also migrates an older schema before reading it
            source.close()
            target.execute(f"ATTACH DATABASE ? AS src{i}", (str(src),))
            target.execute("BEGIN IMMEDIATE")
            before = target.total_changes
            cols = ", ".join(EVENT_COLUMNS)
            target.execute(
                f"INSERT OR IGNORE INTO events ({cols}) SELECT {cols} FROM src{i}.events"
            )
            new = target.total_changes - before
            (total,) = target.execute(f"SELECT COUNT(*) FROM src{i}.events").fetchone()
            ecols = ", ".join(ENTITY_COLUMNS)
            target.execute(
                f"INSERT OR IGNORE INTO entities ({ecols}) SELECT {ecols} FROM src{i}.entities"
            )
            target.execute("COMMIT")
            target.execute(f"DETACH DATABASE src{i}")
            added += new
            skipped += total - new
    finally:
        target.close()
    return added, skipped
