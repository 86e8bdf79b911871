"""The database schema: documented, migrated from every earlier version, anonymous."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from kiosk.analytics import (
    EVENT_COLUMNS,
    SCHEMA_VERSION,
    PayloadError,
    check_payload,
    connect,
    new_id,
)
from kiosk.analytics.schema import ENTITY_COLUMNS, MIGRATIONS, migrate

REPO = Path(__file__).resolve().parents[3]  # the checkout

DOC = (REPO / "docs" / "analytics.md").read_text("utf-8")


def _documented(table: str) -> set[str]:
    """The names in backticks in the docs section about ``table``."""
    section = DOC.split(f"### `{table}`", 1)[1].split("\n#", 1)[0]
    return set(re.findall(r"`(\w+)`", section))


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}


def test_every_column_is_documented(tmp_path: Path) -> None:
    conn = connect(str(tmp_path / "k.db"))
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {"events", "entities"}
    assert _columns(conn, "events") == set(EVENT_COLUMNS)
    assert _columns(conn, "entities") == set(ENTITY_COLUMNS)
    # a column the docs do not describe fails here
    assert set(EVENT_COLUMNS) <= _documented("events")
    assert set(ENTITY_COLUMNS) <= _documented("entities")


@pytest.mark.parametrize("start", range(SCHEMA_VERSION))
def test_migrates_from_every_earlier_version(tmp_path: Path, start: int) -> None:
    path = tmp_path / "old.db"
    raw = sqlite3.connect(path, isolation_level=None)
    migrate(raw, upto=start)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == start
    if start >= 1:
        raw.execute(
            "INSERT INTO events"
            " (id, kiosk_id, bundle_id, bundle_version, seq, wall_utc, mono_ms, type) "
            "VALUES ('x', 'k', 'b', '1', 1, '2015-11-25T06:00:00.000Z', 1.0, 'session_start')"
        )
    raw.close()
    conn = connect(str(path))
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert _columns(conn, "events") == set(EVENT_COLUMNS)
    if start >= 1:
        assert conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 1  # data kept
    assert set(MIGRATIONS) == set(range(1, SCHEMA_VERSION + 1))


def test_a_newer_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with sqlite3.connect(path) as raw:
        raw.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    with pytest.raises(sqlite3.DatabaseError, match="newer than this kiosk"):
        connect(str(path))


def test_wal_and_full_sync(tmp_path: Path) -> None:
    conn = connect(str(tmp_path / "k.db"))
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_ids_are_unique_and_sort_by_time() -> None:
    ids = [new_id(1_000 + i // 3) for i in range(300)]
    assert len(set(ids)) == 300
    assert [i[:10] for i in ids] == sorted(i[:10] for i in ids)
    assert new_id(2_000) > new_id(1_999)
    assert len(ids[0]) == 26


@pytest.mark.parametrize(
    "payload",
    [{"text": "Fatima Al-Thani"}, {"note": "call me on 5555 1234"}, {"nested": {"a": 1}},
     {"list": [1]}, {"bad key": 1}, {f"k{i}": i for i in range(20)}, {"x": "a" * 65},
     # whole string only: "$" matched before a final newline
     {"demo\n": 1}, {"x": "renew-residence\n"}, {"x": "slug\r\n"}, {"x": "٣"}],
)  # fmt: skip
def test_payloads_cannot_carry_free_text(payload: dict[str, object]) -> None:
    with pytest.raises(PayloadError):
        check_payload(payload)


def test_payload_accepts_numbers_and_slugs() -> None:
    assert check_payload({"x": 0.5, "hit": True, "demo": "renew-residence", "n": None}) == (
        '{"demo":"renew-residence","hit":true,"n":null,"x":0.5}'
    )
