"""``kiosk stats``, ``export``, ``merge``, ``run`` and ``bundle validate`` against hostile input
(issue 11): clear messages instead of tracebacks, nothing raw on the terminal, read-only media
read, bad ``--kiosk-id`` refused, and a second kiosk on one database stopped."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import stat
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.analytics import EventLog, connect
from kiosk.analytics.schema import SCHEMA_VERSION, migrate
from kiosk.analytics.simulate import main as simulate_main
from kiosk.cli import main
from kiosk.paths import SAMPLE_BUNDLE

from ..analytics.hostile import (
    can_make_read_only,
    digest,
    files_under,
    holding,
    make_db,
    run_kiosk,
    visit,
)

RAW = ["\x1b", "\x07", "\x08", "\r", "\x9b", "\x9d", "\u202e", "\x00"]
"""What must never reach the terminal raw."""


def assert_escaped(text: str) -> None:
    found = [c for c in RAW if c in text]
    assert not found, (found, text)


# --- item 9: --kiosk-id ------------------------------------------------------------------------

BAD_IDS = ["booth-1\n", "booth 1", "", "-x", ".hidden", "../x", "a" * 65, "\x1b[2J", "ب", "a/b"]


@pytest.mark.parametrize("bad", BAD_IDS)
def test_run_refuses_a_bad_kiosk_id(
    tmp_path: Path, bad: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIOSK_CONFIG", str(tmp_path / "kiosk.toml"))
    with pytest.raises(SystemExit) as exit_:
        main([
            "run", f"--kiosk-id={bad}", "--bundle", str(tmp_path / "none"),
            "--db", str(tmp_path / "k.db"),
        ])  # fmt: skip
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "not a usable kiosk id" in err and "booth-1" in err
    assert_escaped(err)


@pytest.mark.parametrize("bad", BAD_IDS[:4])
def test_the_simulator_refuses_a_bad_kiosk_id(tmp_path: Path, bad: str) -> None:
    with pytest.raises(SystemExit) as exit_:
        simulate_main([f"--kiosk-id={bad}", "--sessions", "1", "-o", str(tmp_path / "k.db")])
    assert exit_.value.code == 2
    assert not (tmp_path / "k.db").exists()


@pytest.mark.parametrize("good", ["booth-1", "B.2", "k_9", "a" * 64])
def test_a_good_kiosk_id_is_accepted(tmp_path: Path, good: str) -> None:
    assert simulate_main(["--kiosk-id", good, "--sessions", "1", "-o", str(tmp_path / "k.db")]) == 0


# --- item 14: an unknown schema version -------------------------------------------------------


@pytest.mark.parametrize("version", [-1, -(2**31), SCHEMA_VERSION + 1])
def test_stats_and_merge_explain_an_unknown_schema_version(
    tmp_path: Path, version: int, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.db"
    raw = sqlite3.connect(bad, isolation_level=None)
    migrate(raw)
    raw.execute(f"PRAGMA user_version={version}")
    raw.close()
    good = make_db(tmp_path / "good.db", visit())
    for argv in (
        ["stats", "--db", str(bad)],
        ["stats", "--db", str(bad), "export", "-o", str(tmp_path / "x.csv")],
        ["report", "--db", str(bad), "-o", str(tmp_path / "r.html")],
        ["stats", "merge", str(good), "-o", str(bad)],
    ):
        assert main(argv) == 1, argv
        err = capsys.readouterr().err
        assert str(bad) in err and f"schema version {version}" in err, err
        assert "Traceback" not in err
    assert main(["stats", "merge", str(bad), str(good), "-o", str(tmp_path / "all.db")]) == 1
    out, err = capsys.readouterr()
    assert f"not merged: {bad}" in err and "10 events added" in out


def test_doctor_fails_on_a_dead_writer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    data.mkdir()
    db = data / "kiosk.db"
    raw = sqlite3.connect(db, isolation_level=None)
    raw.execute("PRAGMA user_version=-1")
    raw.close()
    log = EventLog(db, "booth-1")  # what the kiosk does at start: its writer gives up
    log.start()
    log.log("tap")
    assert log.flush()
    assert log.status().dead
    log.close()
    config = tmp_path / "kiosk.toml"
    config.write_text(f'data_dir = "{data}"\n', "utf-8")
    assert main(["doctor", "--quick", "--config", str(config)]) == 1
    out = capsys.readouterr().out
    lines = {ln.split()[1]: ln for ln in out.splitlines() if ln[:4] in ("OK  ", "WARN", "FAIL")}
    assert lines["database"].startswith("FAIL") and "schema version -1" in lines["database"]
    assert lines["events"].startswith("FAIL") and "stopped" in lines["events"]


# --- item 16: a second kiosk on one database ----------------------------------------------------


def test_a_second_kiosk_exits_75_with_a_clear_message(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    with holding(db):
        # before the fix the second kiosk started (and ran until the timeout)
        out = run_kiosk(
            "run", "--windowed", "--bundle", str(SAMPLE_BUNDLE), "--db", str(db),
            "--data-dir", str(tmp_path / "data"), timeout=90,
            env={"QT_QPA_PLATFORM": "offscreen", "KIOSK_CONFIG": str(tmp_path / "kiosk.toml")},
        )  # fmt: skip
    assert out.returncode == 75, out.stderr[-2000:]
    assert f"another kiosk is already running on {db}" in out.stderr
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM events WHERE type = 'session_end'").fetchone() == (0,)
    conn.close()


# --- item 22: control characters never reach the terminal ------------------------------------

NASTY = "\x1b[2J\x1b]52;c;ZWNobyBvd25lZA==\x07\x9b31m\u202eevil\x08\rX"


def test_stats_escapes_database_strings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # C0 controls (ESC, BEL, CR...) make a row malformed: it is left out. C1 controls and
    # bidi overrides are legal text, and are shown escaped.
    c1 = "\x9b2J\x9d52;c;ZWNobyBvd25lZA==\x9c\u202e\u2066"
    rows = visit()
    for r in rows:
        if r["target"]:
            r["target"] = c1 + r["target"]
    rows.append({**visit()[1], "target": "x" + NASTY})
    names = [
        ("b", "1", "moi", "وزارة" + c1, "Interior" + c1, 0),
        ("b", "2", "mec", NASTY, NASTY, 1),
    ]
    db = make_db(tmp_path / "k.db", rows, names)
    assert main(["stats", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert_escaped(out)
    assert "\\x9b2J\\x9d52;c;" in out and "\\u202e\\u2066intro" in out and "وزارة" in out
    assert "Interior\\x9b2J" in out
    assert "Malformed events left out: 1" in out


def test_merge_and_export_messages_escape_file_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = make_db(tmp_path / f"booth{NASTY}.db", visit())
    raw = sqlite3.connect(src, isolation_level=None)
    raw.execute("CREATE VIEW spy AS SELECT 1")
    raw.close()
    good = make_db(tmp_path / "good.db", visit())
    out_db = tmp_path / f"all{NASTY}.db"
    assert main(["stats", "merge", str(src), str(good), "-o", str(out_db)]) == 1
    out, err = capsys.readouterr()
    assert_escaped(out + err)
    assert "not merged" in err and "view 'spy'" in err and "10 events added" in out
    folder = tmp_path / f"per{NASTY}"
    assert main(["stats", "--db", str(good), "export", "--per-entity", str(folder)]) == 0
    out = capsys.readouterr().out
    assert_escaped(out)
    assert "moi.csv: 6 events" in out
    assert main(["stats", "--db", str(tmp_path / f"none{NASTY}.db")]) == 1
    assert_escaped(capsys.readouterr().err)


def test_validate_escapes_zip_entry_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "b"
    assert main(["bundle", "init", str(folder)]) == 0
    archive = tmp_path / f"b{NASTY}.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for p in sorted(folder.rglob("*")):
            if p.is_file():
                z.write(p, p.relative_to(folder).as_posix())
        for name in (f"media/{NASTY}.png", "media/\x1b]0;title\x07.png", "notes/\x9d8;;x\x9c.toml"):
            z.writestr(name, b"not an image")
    capsys.readouterr()
    assert main(["bundle", "validate", "--no-decode", str(archive)]) == 1
    out = capsys.readouterr().out
    assert_escaped(out)
    assert "\\x1b[2J" in out and "\\x9d8;;x" in out and "is NOT valid" in out


# --- item 24: read-only media -------------------------------------------------------------------

READ_ONLY = can_make_read_only()


@pytest.fixture
def media() -> Iterator[Path]:
    """A folder (world-readable, so that ``READER`` can reach it) made read-only by the test."""
    folder = Path(tempfile.mkdtemp(prefix="kiosk-media-"))
    folder.chmod(0o755)
    yield folder
    for p in [folder, *folder.rglob("*")]:
        p.chmod(0o755)
    shutil.rmtree(folder)


@pytest.fixture
def writable() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="kiosk-out-"))
    folder.chmod(0o777)
    yield folder
    shutil.rmtree(folder)


def _on_media(media: Path, layout: str) -> int:
    """A database on ``media``, as a USB stick can hold it; returns its event count."""
    db = media / "k.db"
    if layout == "old schema":
        raw = sqlite3.connect(db, isolation_level=None)
        migrate(raw, upto=1)
        raw.execute("PRAGMA journal_mode=WAL")
        raw.execute(
            "INSERT INTO events (id, kiosk_id, bundle_id, bundle_version, seq, wall_utc, mono_ms, "
            "type) VALUES "
            "('01', 'k', 'b', '1', 1, '2015-11-25T06:00:00.000Z', 1.0, 'session_start')"
        )
        raw.close()
        return 1
    if layout == "rollback journal":
        make_db(db, visit())
        raw = sqlite3.connect(db, isolation_level=None)
        raw.execute("PRAGMA journal_mode=DELETE")
        raw.close()
        return 10
    if layout == "wal mode, no -wal":
        make_db(db, visit())
        return 10
    # events committed only to the -wal file: copied while the writer was running
    with tempfile.TemporaryDirectory() as tmp:
        live = Path(tmp) / "k.db"
        make_db(live, visit()[:4])
        conn = connect(str(live))
        conn.execute("PRAGMA wal_autocheckpoint=0")
        conn.executemany(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [tuple(r.values()) for r in visit()[4:]],
        )
        suffixes = ["", "-wal"] + (["-shm"] if layout == "-wal and -shm" else [])
        for suffix in suffixes:
            shutil.copyfile(f"{live}{suffix}", f"{db}{suffix}")
        conn.close()
    assert (media / "k.db-wal").stat().st_size > 0
    return 10


LAYOUTS = ["wal mode, no -wal", "-wal and -shm", "-wal, no -shm", "rollback journal", "old schema"]


@pytest.mark.parametrize("file_only", [False, True], ids=["read-only folder", "read-only file"])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_stats_and_merge_read_a_database_on_read_only_media(
    media: Path, writable: Path, layout: str, file_only: bool
) -> None:
    if not READ_ONLY:  # root without mount namespaces: neither permissions nor mounts apply
        pytest.skip("cannot make read-only media here (root, and unshare --mount fails)")
    n = _on_media(media, layout)
    before = {p.name: digest(p) for p in files_under(media)}
    for p in files_under(media):
        p.chmod(0o444)
    if file_only:  # the folder stays writable: SQLite may add its -shm there, nothing else
        media.chmod(0o777)
    else:
        media.chmod(0o555)
    db = media / "k.db"
    ro = sorted(files_under(media)) if file_only else [media]
    stats = run_kiosk("stats", "--db", str(db), read_only=ro)
    assert stats.returncode == 0, stats.stderr
    assert f"Events: {n} " in stats.stdout
    merged = run_kiosk("stats", "merge", str(db), "-o", str(writable / "all.db"), read_only=ro)
    assert merged.returncode == 0, merged.stderr
    assert f"{n} events added" in merged.stdout
    # in a writable folder SQLite may add its (empty) -wal and -shm beside a read-only file
    after = {p.name: digest(p) for p in files_under(media) if not p.name.endswith("-shm")}
    added = {k for k in set(after) - set(before) if (media / k).stat().st_size == 0}
    assert added <= ({"k.db-wal"} if file_only else set())
    assert {k: v for k, v in after.items() if k not in added} == {
        k: v for k, v in before.items() if not k.endswith("-shm")
    }
    with contextlib.closing(sqlite3.connect(db)) as conn:  # never migrated
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    assert version == (1 if layout == "old schema" else SCHEMA_VERSION)
    assert not stat.S_IMODE(db.stat().st_mode) & 0o222
