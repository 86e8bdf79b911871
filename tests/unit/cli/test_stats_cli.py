"""``kiosk stats``, run in-process."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from kiosk.analytics.simulate import simulate
from kiosk.analytics.store import status_path
from kiosk.bundle import load
from kiosk.cli import main
from kiosk.cli.stats import visual
from kiosk.paths import SAMPLE_BUNDLE

MOI_AR = "وزارة الداخلية"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("db") / "k.db"
    simulate(load(SAMPLE_BUNDLE), path, 40)
    return path


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_summary_in_a_pipe_keeps_arabic_logical(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stats", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "Sessions: 40" in out
    assert MOI_AR in out  # logical order: what a file or a pipe should get
    assert "Demo funnels" in out and "Languages" in out


def test_terminal_gets_shaped_visual_arabic_unless_raw() -> None:
    shaped = visual(MOI_AR, Tty(), raw=False)
    assert shaped != MOI_AR
    assert any("\ufe70" <= c <= "\ufeff" for c in shaped)  # presentation forms: joined letters
    assert visual(MOI_AR, Tty(), raw=True) == MOI_AR
    assert visual(MOI_AR, io.StringIO(), raw=False) == MOI_AR
    assert visual("Ministry of Interior", Tty(), raw=False) == "Ministry of Interior"


def test_entity_filter(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--db", str(db), "--entity", "moi"]) == 0
    out = capsys.readouterr().out
    assert "Ministry of Interior" in out and "Ministry of Economy" not in out


def test_missing_database_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stats", "--db", str(tmp_path / "none.db")]) == 1
    assert "no analytics database" in capsys.readouterr().err


def test_writer_trouble_is_shown_as_a_warning(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "k.db"
    copy.write_bytes(db.read_bytes())
    status_path(copy).write_text(
        json.dumps(
            {
                "ok": False,
                "committed": 5,
                "pending": 12,
                "dropped": 0,
                "last_error": "database or disk is full",
                "since": "2015-11-25T10:00:00.000Z",
            }
        )
    )
    assert main(["stats", "--db", str(copy)]) == 0
    err = capsys.readouterr().err
    assert "WARNING" in err and "disk is full" in err and "12 waiting" in err


def test_export_and_merge(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.jsonl"
    assert main(["stats", "--db", str(db), "export", "--format", "jsonl", "-o", str(out)]) == 0
    lines = out.read_text("utf-8").splitlines()
    assert json.loads(lines[0])["type"] == "session_start"
    folder = tmp_path / "per"
    assert (
        main(["stats", "export", "--db", str(db), "--format", "csv", "--per-entity", str(folder)])
        == 0
    )
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        f"{e}.csv" for e in ("mada", "mec", "mict", "moi", "pp", "sec")
    )
    merged = tmp_path / "all.db"
    capsys.readouterr()
    assert main(["stats", "merge", str(db), str(db), "-o", str(merged)]) == 0
    assert f"{len(lines)} events added, {len(lines)} already there" in capsys.readouterr().out
    assert main(["stats", "merge", str(tmp_path / "nope.db"), "-o", str(merged)]) == 1


@pytest.mark.parametrize("cmd", [["stats"], ["stats", "export"], ["stats", "merge"]])
def test_help_has_an_example(cmd: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main([*cmd, "--help"])
    assert "example:" in capsys.readouterr().out


def test_a_video_that_did_not_play_is_named_with_its_file_field_and_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kiosk.analytics import EventLog, Recorder
    from kiosk.clock import ManualClock
    from kiosk.session import Session

    bundle = load(SAMPLE_BUNDLE)
    session = Session(bundle, ManualClock())
    log = EventLog(tmp_path / "k.db", "test-kiosk")
    log.start()
    Recorder(session, log)
    session.touch()
    session.open_entity("mict")
    video = next(i for i, s in enumerate(bundle.entity("mict").slides) if s.kind == "video")
    for _ in range(2):  # two visitors saw it fail
        session.show_slide(video)
        session.video_asked()
        session.video_failed("stalled")
        session.show_slide(0)
    assert log.close()
    assert main(["stats", "--db", str(tmp_path / "k.db")]) == 0
    out = capsys.readouterr().out
    assert (
        "A video did not play and was skipped (2x): entities/mict/entity.toml, "
        "slide 'cloud-tour', field 'video'. Fix:"
    ) in out
