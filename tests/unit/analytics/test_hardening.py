"""A hostile database: what staff read, export and merge cannot hurt them (issue 11).

Each test builds the database an attacker (another booth, a USB stick, a damaged disk)
could hand to staff, and checks the outcome: nothing is written outside the export folder,
no spreadsheet formula survives in a CSV, no code of the source database runs, bad rows are
left out and counted, an unknown schema is refused loudly, and one writer owns a database.
"""

from __future__ import annotations

import contextlib
import csv
import json
import re
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kiosk.analytics import EventLog, connect, export, export_per_entity, merge, summarize
from kiosk.analytics.exchange import file_stem, malformed, neutralise
from kiosk.analytics.schema import SCHEMA_VERSION, SchemaError, migrate, open_source
from kiosk.analytics.stats import heat_points
from kiosk.analytics.store import DatabaseInUse, read_status

from .hostile import REPO, digest, event, files_under, holding, make_db, visit

# --- item 4: per-entity export file names -----------------------------------------------------

TRAVERSALS = [
    "../../escaped", "../..", "..", ".", "/tmp/absolute", "/etc/passwd", "a/../../b",
    "..\\..\\windows", "C:\\temp\\x", "a\x00/../../nul-inside", "x" * 5000, "line\nbreak",
    "CON", "con", "nul", "aux", "com1", "lpt9", "", " ", "~", "moi/", "Moi", "-moi", "moi-",
]  # fmt: skip


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except (OSError, ValueError):  # a name too long, or with a NUL: no such file either
        return False


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entity=st.text(max_size=300) | st.sampled_from(TRAVERSALS))
@example(entity="../../escaped")
@example(entity="/tmp/absolute-kiosk-export")
@example(entity="con")
def test_per_entity_export_writes_only_inside_its_folder(entity: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        db = make_db(
            root / "k.db",
            [event("page_view", entity=entity), event("page_view", seq=2, entity="moi")],
        )
        folder = root / "a" / "b" / "out"
        before = files_under(root)
        # an absolute id would name a file outside the temporary folder: watch that too
        outside = [Path(f"{entity}.{x}") for x in ("csv", "jsonl") if entity.startswith("/")]
        outside = [p for p in outside if not _exists(p)]
        conn = connect(str(db))
        try:
            for fmt in ("csv", "jsonl"):
                written = export_per_entity(conn, folder, fmt)
                assert all(r.path.parent == folder for r in written.values())
        finally:
            conn.close()
        new = files_under(root) - before
        assert new, "the well-formed entity was exported"
        for path in new:
            # (the database's own -wal/-shm files may come and go next to it)
            if path.parent == root and path.name.startswith("k.db"):
                continue
            assert path.parent == folder, path
            assert re.fullmatch(r"[a-z0-9-]+\.(csv|jsonl)", path.name), path.name
            assert path.stem not in {"con", "nul", "aux", "com1", "lpt9"}
        assert not [p for p in outside if _exists(p)]


@given(st.text(max_size=200))
@example("../..")
@example("CON")
@example("a\x00b")
def test_file_stem_is_always_a_plain_slug(entity: str) -> None:
    stem = file_stem(entity)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", stem)
    assert len(stem) <= 51
    assert stem.lower() not in {"con", "prn", "aux", "nul", "com1", "lpt1"}
    if stem == entity:
        assert len(entity) <= 40
    else:
        assert stem != file_stem(entity + "x") or entity + "x" == stem


def test_merge_leaves_out_entity_ids_that_are_not_bundle_ids(tmp_path: Path) -> None:
    bad = ["../../x", "/abs", "..", "MOI", "moi\n", "a\x00b", "x" * 41, "mo i", "-a", "a--b"]
    rows = [event("page_view", seq=i, entity=e) for i, e in enumerate(bad, 1)]
    rows.append(event("page_view", seq=99, entity="moi"))
    names = [("b", "1", e, "ع", "E", 0) for e in [*bad, "moi"]]
    src = make_db(tmp_path / "src.db", rows, names)
    result = merge([src], tmp_path / "all.db")
    assert (result.added, result.rejected, result.refused) == (1, 2 * len(bad), ())
    out = sqlite3.connect(tmp_path / "all.db")
    assert out.execute("SELECT DISTINCT entity FROM events").fetchall() == [("moi",)]
    assert out.execute("SELECT entity FROM entities").fetchall() == [("moi",)]
    out.close()


# --- item 9: CSV cells are never formulas -----------------------------------------------------

FORMULAS = [
    "=1+1", "+1+1", "-1+1", "@SUM(A1:A2)", "=HYPERLINK(\"http://x\",\"y\")",
    "=cmd|' /C calc'!A0", " =1+1", "  @x", "\u00a0=1", "\uff1d1+1", "-", "=",
]  # fmt: skip


@pytest.mark.parametrize("payload", FORMULAS)
@pytest.mark.parametrize("column", ["target", "bundle_version", "bundle_id", "session_id", "id"])
def test_csv_export_neutralises_formula_cells(tmp_path: Path, column: str, payload: str) -> None:
    db = make_db(tmp_path / "k.db", [event("tap", **{column: payload})])
    conn = connect(str(db))
    assert export(conn, tmp_path / "x.csv", "csv").events == 1
    assert export(conn, tmp_path / "x.jsonl", "jsonl").events == 1
    conn.close()
    with (tmp_path / "x.csv").open(encoding="utf-8-sig", newline="") as fh:
        (row,) = list(csv.DictReader(fh))
    for cell in row.values():
        assert cell.lstrip(" \u00a0")[:1] not in set("=+-@\t\r\uff1d"), row
    assert row[column] == "'" + payload
    # JSON lines are not opened by spreadsheets: the value stays exactly as logged
    assert json.loads((tmp_path / "x.jsonl").read_text("utf-8"))[column] == payload


@pytest.mark.parametrize("cell", ["\t=1", "\r=1", "\n=1", "\0=1", "=1", "+", "@", " -1"])
def test_neutralise_prefixes_a_quote(cell: str) -> None:
    assert neutralise(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["moi", "", "1.0.0", "وزارة", "a=b", "'=1", 5, -3, -2.5, None])
def test_neutralise_keeps_plain_cells_and_numbers(cell: Any) -> None:
    assert neutralise(cell) == cell


# --- item 14: unknown schema versions ---------------------------------------------------------

BAD_VERSIONS = [-1, -2, -(2**31), SCHEMA_VERSION + 1, 2**31 - 1]


def _with_version(path: Path, version: int) -> Path:
    raw = sqlite3.connect(path, isolation_level=None)
    migrate(raw)
    raw.execute(f"PRAGMA user_version={version}")
    raw.close()
    return path


@pytest.mark.parametrize("version", BAD_VERSIONS)
def test_an_unknown_schema_version_is_refused_naming_the_file(tmp_path: Path, version: int) -> None:
    db = _with_version(tmp_path / "k.db", version)
    before = digest(db)
    with pytest.raises(SchemaError) as caught:
        connect(str(db))
    message = str(caught.value)
    assert str(db) in message and f"schema version {version}" in message
    assert "move" in message or "update" in message  # the fix
    assert digest(db) == before  # not even switched to WAL
    with pytest.raises(SchemaError):
        open_source(db)


@pytest.mark.parametrize("version", BAD_VERSIONS)
def test_the_writer_reports_itself_dead_and_drops_what_it_cannot_save(
    tmp_path: Path, version: int
) -> None:
    db = _with_version(tmp_path / "k.db", version)
    log = EventLog(db, "booth-1", retry=(0.001, 0.01))
    log.start()
    try:
        for i in range(500):
            log.log("tap", payload={"x": i})
        assert log.flush(timeout=10)  # every event is accounted for: dropped, and counted
        st_ = log.status()
        assert (st_.ok, st_.dead, st_.committed, st_.dropped, st_.pending) == (
            False,
            True,
            0,
            500,
            0,
        )
        assert str(db) in st_.last_error
        on_disk = read_status(db)
        assert on_disk is not None and on_disk.dead and str(db) in on_disk.last_error
    finally:
        assert log.close(timeout=5)
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM events").fetchone() == (0,)


def test_a_writer_that_fails_unexpectedly_reports_itself_dead(tmp_path: Path) -> None:
    def broken(conn: sqlite3.Connection) -> None:
        raise KeyError("a bug")

    log = EventLog(tmp_path / "k.db", "booth-1", on_connect=broken)
    log.start()
    log.log("tap")
    assert log.flush(timeout=10)
    status = log.status()
    assert status.dead and "KeyError" in status.last_error and status.dropped == 1
    log.close()


def test_a_stale_problem_file_is_cleared_when_the_database_opens(tmp_path: Path) -> None:
    db = _with_version(tmp_path / "k.db", -1)
    log = EventLog(db, "booth-1")
    log.start()
    log.close()
    assert read_status(db) is not None
    with contextlib.closing(sqlite3.connect(db)) as raw:  # staff repaired it
        raw.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
    log = EventLog(db, "booth-1")
    log.start()
    log.log("tap")
    assert log.flush()
    log.close()
    assert read_status(db) is None


# --- item 15: a merge runs no code of its sources and copies a bounded amount -----------------

ENDLESS = (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
    "SELECT printf('%026d', i) AS id, 'k' AS kiosk_id, 'b' AS bundle_id, '1' AS bundle_version, "
    "NULL AS session_id, i AS seq, '2015-11-25T09:00:00.000Z' AS wall_utc, 0.0 AS mono_ms, "
    "'tap' AS type, NULL AS entity, NULL AS target, NULL AS language, "
    'printf(\'{"pad":"%s"}\', hex(zeroblob(500))) AS payload FROM n'
)


def _hostile(kind: str) -> Callable[[sqlite3.Connection], None]:
    def build(c: sqlite3.Connection) -> None:
        if kind == "endless view as events":
            c.execute("DROP TABLE events")
            c.execute(f"CREATE VIEW events AS {ENDLESS}")
        elif kind == "view shadowing events":
            c.execute("ALTER TABLE events RENAME TO hidden")
            c.execute("CREATE VIEW events AS SELECT * FROM hidden")
        elif kind == "endless view beside events":
            c.execute(f"CREATE VIEW report AS {ENDLESS}")
        elif kind == "trigger":
            c.execute(
                "CREATE TRIGGER spy AFTER INSERT ON events BEGIN "
                "INSERT INTO entities VALUES ('b', '1', 'x', 'x', 'x', 0); END"
            )
        elif kind == "extra column":
            c.execute("ALTER TABLE events ADD COLUMN extra TEXT")
        elif kind == "generated column":
            c.execute(
                "ALTER TABLE events ADD COLUMN g TEXT GENERATED ALWAYS AS (hex(zeroblob(1000)))"
            )
        elif kind == "table of another shape":
            c.execute("DROP TABLE entities")
            c.execute(
                "CREATE TABLE entities"
                " (bundle_id, bundle_version, entity, name_ar, name_en, position)"
            )
        elif kind == "missing table":
            c.execute("DROP TABLE entities")
        elif kind == "extra table":
            c.execute("CREATE TABLE notes (x)")
        elif kind == "virtual table":
            c.execute("DROP TABLE events")
            c.execute(
                "CREATE VIRTUAL TABLE events USING fts5(id, kiosk_id, bundle_id, bundle_version, "
                "session_id, seq, wall_utc, mono_ms, type, entity, target, language, payload)"
            )
        elif kind == "index of another shape":
            c.execute("DROP INDEX events_entity")
            c.execute("CREATE INDEX events_entity ON events(json_extract(payload, '$.x'))")
        else:
            raise AssertionError(kind)

    return build


HOSTILE = [
    "endless view as events", "view shadowing events", "endless view beside events", "trigger",
    "extra column", "generated column", "table of another shape", "missing table",
    "extra table", "virtual table", "index of another shape",
]  # fmt: skip


def _source(path: Path, kind: str) -> Path:
    make_db(path, visit(), [("b", "1", "moi", "ع", "E", 0)])
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA journal_mode=DELETE")
    _hostile(kind)(raw)
    raw.close()
    return path


@pytest.mark.parametrize("kind", [k for k in HOSTILE if not k.startswith("endless")])
def test_merge_refuses_a_source_that_is_not_shaped_like_a_kiosk_database(
    tmp_path: Path, kind: str
) -> None:
    src = _source(tmp_path / "src.db", kind)
    good = make_db(tmp_path / "good.db", visit())
    before = digest(src)
    result = merge([src, good], tmp_path / "all.db")
    assert [p for p, _ in result.refused] == [src]
    reason = result.refused[0][1]
    assert str(src) in reason and "kiosk" in reason
    assert result.added == len(visit())  # the good source is merged all the same
    assert digest(src) == before
    out = sqlite3.connect(tmp_path / "all.db")
    assert out.execute("SELECT COUNT(*) FROM entities WHERE entity = 'x'").fetchone() == (0,)
    out.close()


@pytest.mark.parametrize("kind", [k for k in HOSTILE if k.startswith("endless")])
def test_an_endless_view_is_refused_at_once(tmp_path: Path, kind: str) -> None:
    # in a child process: before the fix the merge never ended (and filled the disk)
    src = _source(tmp_path / "src.db", kind)
    code = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from kiosk.analytics import merge
        r = merge([Path({str(src)!r})], Path({str(tmp_path / "all.db")!r}))
        print(r.added, len(r.refused))
        """
    )
    try:
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
            env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        pytest.fail("the merge ran the endless view")
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["0", "1"]
    assert (tmp_path / "all.db").stat().st_size < 1_000_000


def test_merge_bounds_the_events_and_the_bytes_it_copies(tmp_path: Path) -> None:
    rows = [event("tap", seq=i, payload=json.dumps({"x": i})) for i in range(1, 51)]
    src = make_db(tmp_path / "src.db", rows)
    out = tmp_path / "all.db"
    result = merge([src], out, max_events=49)
    assert result.added == 0 and "more than 49 events" in result.refused[0][1]
    result = merge([src], out, max_bytes=2000)  # about 15 events' worth
    assert result.added == 0 and "limit" in result.refused[0][1]
    with contextlib.closing(sqlite3.connect(out)) as conn:
        assert conn.execute("SELECT COUNT(*) FROM events").fetchone() == (0,)  # rolled back
    names = [("b", "1", f"e{i}", "ع", "E", i) for i in range(20)]
    src2 = make_db(tmp_path / "names.db", rows[:1], names)
    assert "entity names" in merge([src2], out, max_entities=19).refused[0][1]
    result = merge([src], out, max_events=50, max_bytes=100_000)
    assert (result.added, result.refused) == (50, ())


def test_merge_never_changes_nor_migrates_its_sources(tmp_path: Path) -> None:
    old = tmp_path / "v1.db"
    raw = sqlite3.connect(old, isolation_level=None)
    migrate(raw, upto=1)
    raw.execute(
        "INSERT INTO events (id, kiosk_id, bundle_id, bundle_version, seq, wall_utc, mono_ms, "
        "type) VALUES ('01', 'k', 'b', '1', 1, '2015-11-25T06:00:00.000Z', 1.0, 'session_start')"
    )
    raw.close()
    before = digest(old)
    result = merge([old], tmp_path / "all.db")
    assert (result.added, result.refused) == (1, ())
    assert digest(old) == before
    assert sqlite3.connect(old).execute("PRAGMA user_version").fetchone() == (1,)
    conn = open_source(old)  # read, through a migrated private copy
    assert summarize(conn).sessions == 1
    conn.close()
    assert sqlite3.connect(old).execute("PRAGMA user_version").fetchone() == (1,)


def test_a_trigger_in_the_output_is_refused_before_anything_is_inserted(tmp_path: Path) -> None:
    out = make_db(tmp_path / "all.db")
    raw = sqlite3.connect(out, isolation_level=None)
    raw.execute(
        "CREATE TRIGGER t AFTER INSERT ON events BEGIN "
        "INSERT INTO entities VALUES ('b', '1', 'spy', 'x', 'x', 0); END"
    )
    raw.close()
    with pytest.raises(SchemaError, match="trigger 't'"):
        merge([make_db(tmp_path / "src.db", visit())], out)
    with contextlib.closing(sqlite3.connect(out)) as conn:
        assert conn.execute("SELECT COUNT(*) FROM events").fetchone() == (0,)
        assert conn.execute("SELECT COUNT(*) FROM entities").fetchone() == (0,)


# --- item 19: malformed rows are left out and counted, never a crash --------------------------

TYPES = [
    "session_start", "session_end", "page_view", "slide_shown", "demo_start", "demo_step",
    "demo_complete", "demo_abandon", "demo_tap", "feedback", "idle_timeout", "hotspot_miss",
]  # fmt: skip

MALFORMED: dict[str, list[Any]] = {
    "id": [b"\x01\x02", "", "x" * 100, "a\x00b"],
    "kiosk_id": [b"booth", "", "k" * 65, "a\x1bb"],
    "bundle_id": [b"x", "b" * 65],
    "session_id": [b"s", "s" * 1000, "s\x00../x"],
    "seq": ["abc", 1.5, b"1"],
    "wall_utc": ["garbage", "", b"2015", "2015-13-45T99:99:99Z", "9" * 100],
    "mono_ms": ["x", b"1", 1e300],
    "type": [b"tap", "", "Tap!", "t" * 65, "a\nb"],
    "entity": ["../x", b"moi", "MOI", "x" * 41],
    "target": ["t" * 1000, b"t", "a\x1b[2Jb"],
    "language": [b"ar", "x" * 100],
    "payload": [
        "not json",
        "[1, 2]",
        '{"a": {"b": 1}}',
        '{"a": [1]}',
        b"{}",
        "",
        "{",
        "x" * 5000,
        '{"a": "\\u0000"}',
        "null",
        '"text"',
        "42",
    ],
}
"""Per column, values a kiosk never writes: each makes its row malformed."""

ODD_PAYLOADS = [
    '{"duration_s": "abc", "reason": 5}', '{"duration_s": 1e999, "reason": "idle"}',
    '{"duration_s": 9223372036854775807}', '{"dwell_s": 1e308, "page": "entity"}',
    '{"dwell_s": "x", "page": "entity"}', '{"shown_s": 1e308}', '{"step": "abc", "demo": "d"}',
    '{"step": 1.5, "demo": 7}', '{"step": null}', '{"rating": "x"}', '{"rating": 1e999}',
    '{"rating": true}', '{"x": "a", "y": null, "hit": "maybe"}', '{"x": 1e999, "y": 0.5}',
    '{"reason": "staff"}', '{}',
]  # fmt: skip
"""Well-formed (flat JSON of numbers and slugs) but nonsensical: counted, and no crash."""

malformed_value = st.sampled_from(sorted(MALFORMED)).flatmap(
    lambda col: st.tuples(st.just(col), st.sampled_from(MALFORMED[col]))
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    bad=st.lists(
        st.tuples(st.sampled_from(TYPES), malformed_value),
        min_size=1,
        max_size=4,
        unique_by=lambda t: repr(t[1]),  # ids stay unique
    ),
    odd=st.lists(st.tuples(st.sampled_from(TYPES), st.sampled_from(ODD_PAYLOADS)), max_size=4),
)
@example(bad=[("session_end", ("payload", "not json"))], odd=[])
@example(bad=[("demo_step", ("seq", "abc"))], odd=[("demo_step", '{"step": "abc", "demo": "d"}')])
@example(
    bad=[("page_view", ("entity", "../x"))],
    odd=[("page_view", '{"dwell_s": 1e308, "page": "entity"}')] * 2,
)
def test_malformed_rows_never_break_stats_or_exports(
    bad: list[tuple[str, tuple[str, Any]]], odd: list[tuple[str, str]]
) -> None:
    rows = visit()
    seq = len(rows)
    for kind, (column, value) in bad:
        seq += 1
        values: dict[str, Any] = {"type": kind, "seq": seq, "session_id": "s-1", "entity": "moi"}
        rows.append(event(**{**values, column: value}))
    for kind, payload in odd:
        seq += 1
        rows.append(event(kind, seq=seq, session_id="s-1", entity="moi", payload=payload))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        db = make_db(root / "k.db", rows)
        conn = open_source(db)
        try:
            assert malformed(conn) == len(bad)
            s = summarize(conn)
            assert s.malformed == len(bad)
            assert s.events == len(rows) - len(bad)
            heat_points(conn)
            out = root / "out"
            out.mkdir()
            jsonl = export(conn, out / "x.jsonl", "jsonl")
            lines = (out / "x.jsonl").read_text("utf-8").splitlines()
            assert len(lines) == jsonl.events == s.events - jsonl.skipped
            for line in lines:
                assert isinstance(json.loads(line)["payload"], dict)
            assert export(conn, out / "x.csv", "csv").events == s.events
            export_per_entity(conn, out / "per", "jsonl")
            assert not [p for p in files_under(root) if ".partial" in p.name]
        finally:
            conn.close()


def test_a_failing_export_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = make_db(tmp_path / "k.db", visit())
    out = tmp_path / "out"
    out.mkdir()
    (out / "x.jsonl").write_text("the previous export\n", "utf-8")
    real = json.dumps
    calls = [0]

    def failing(*args: Any, **kwargs: Any) -> str:  # the disk fills up after three lines
        calls[0] += 1
        if calls[0] > 3:
            raise OSError(28, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(json, "dumps", failing)
    conn = connect(str(db))
    try:
        with pytest.raises(OSError):
            export(conn, out / "x.jsonl", "jsonl")
    finally:
        conn.close()
    assert sorted(p.name for p in out.iterdir()) == ["x.jsonl"]
    assert (out / "x.jsonl").read_text("utf-8") == "the previous export\n"


# --- item 16: one writer per database ---------------------------------------------------------


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    """A first kiosk's writer, in another process, holding ``tmp_path / 'k.db'``."""
    with holding(tmp_path / "k.db") as proc:
        yield proc


def test_a_second_writer_is_refused_and_the_live_visit_is_left_alone(
    tmp_path: Path, holder: subprocess.Popen[str]
) -> None:
    db = tmp_path / "k.db"
    second = EventLog(db, "booth-1")
    with pytest.raises(
        DatabaseInUse, match=f"another kiosk is already running on {re.escape(str(db))}"
    ):
        second.start()
    assert second.close()
    assert holder.stdin is not None
    holder.stdin.close()
    assert holder.wait(timeout=30) == 0
    conn = sqlite3.connect(db)
    ends = conn.execute("SELECT COUNT(*) FROM events WHERE type = 'session_end'").fetchone()
    seqs = [s for (s,) in conn.execute("SELECT seq FROM events ORDER BY seq")]
    conn.close()
    assert ends == (0,)  # the first kiosk's visit was not closed as a crash
    assert seqs == list(range(1, 23))  # and no sequence number was written twice
    third = EventLog(db, "booth-1")  # the first has stopped: the lock is free again
    third.start()
    assert third.close()


def test_two_writers_in_one_process_are_refused_too(tmp_path: Path) -> None:
    first = EventLog(tmp_path / "k.db", "booth-1")
    first.start()
    try:
        with pytest.raises(DatabaseInUse):
            EventLog(tmp_path / "k.db", "booth-2").start()
    finally:
        assert first.close()
    again = EventLog(tmp_path / "k.db", "booth-2")
    again.start()
    assert again.close()
