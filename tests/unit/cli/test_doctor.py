"""``kiosk doctor``, run in-process: a broken config and a damaged font are reported clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.admin import hash_pin
from kiosk.analytics import EventLog
from kiosk.cli import main


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("KIOSK_CONFIG", raising=False)


def lines_of(out: str, level: str, check: str) -> list[str]:
    """The check's own line and its indented details."""
    lines = out.splitlines()
    for i, line in enumerate(lines):
        if line.split()[:2] == [level, check]:
            rest = [ln.strip() for ln in lines[i + 1 :]]
            n = next(
                (j for j, ln in enumerate(lines[i + 1 :]) if not ln.startswith(" ")), len(rest)
            )
            return [line, *rest[:n]]
    raise AssertionError(f"no {level} {check} line in:\n{out}")


@pytest.fixture
def healthy(tmp_path: Path) -> Path:
    """A config with a PIN, its data folder, and a database with a few events."""
    data = tmp_path / "data"
    path = tmp_path / "kiosk.toml"
    path.write_text(f'data_dir = "{data}"\n[admin]\npin_hash = "{hash_pin("1234")}"\n', "utf-8")
    path.chmod(0o600)
    log = EventLog(data / "kiosk.db", "booth-1")
    data.mkdir()
    log.start()
    log.log("tap", payload={"x": 1})
    assert log.close()
    return path


def test_broken_config_and_missing_font_are_reported_clearly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text('kiosk_id = "booth 2"\n[idle]\ntimeout = 2\n', "utf-8")
    bundle = tmp_path / "bundle"
    assert main(["bundle", "init", str(bundle)]) == 0
    (bundle / "fonts" / "NotoSans-Regular.ttf").write_bytes(b"\0not a font\0" * 200)
    (bundle / "fonts" / "NotoNaskhArabic-Bold.ttf").unlink()
    capsys.readouterr()

    status = main(["doctor", "--config", str(config), "--bundle", str(bundle)])
    out = capsys.readouterr().out
    assert status == 1

    config_lines = lines_of(out, "FAIL", "config")
    assert f"{config} has 2 errors" in config_lines[0]
    assert f"fix: correct them (kiosk config check --config {config})" in config_lines[0]
    assert config_lines[1].startswith(
        "kiosk_id: 'booth 2' is not a usable kiosk id -- fix: use letters, digits"
    )
    assert (
        config_lines[2]
        == "idle.timeout: 2 is out of range -- fix: use a number of seconds from 10 to 3600, "
        "or remove the line to use the bundle's"
    )

    font_lines = lines_of(out, "FAIL", "fonts")
    assert f"2 of 5 font files do not load ({bundle})" in font_lines[0]
    assert (
        "fix: copy the font files again from their source (TTF or OTF), "
        f"then kiosk bundle validate {bundle}" in font_lines[0]
    )
    assert "fonts/NotoNaskhArabic-Bold.ttf: the file is missing" in font_lines
    assert "fonts/NotoSans-Regular.ttf: Qt cannot load this font file" in font_lines
    assert out.splitlines()[-1].startswith("2 check(s) failed")
    # every check printed one line
    checks = [
        ln.split()[1] for ln in out.splitlines() if ln.split()[:1] in (["OK"], ["WARN"], ["FAIL"])
    ]
    assert checks == [
        "config",
        "signatures",
        "admin",
        "disk",
        "database",
        "events",
        "errors",
        "bundle",
        "display",
        "opengl",
        "multimedia",
        "fonts",
    ]


def test_a_healthy_kiosk_passes(healthy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The sample bundle, its fonts and a video decoded; warnings (no display here, no
    # bundle installed, no sound card) do not fail.
    assert main(["doctor", "--config", str(healthy)]) == 0
    out = capsys.readouterr().out
    assert "FAIL" not in out
    assert lines_of(out, "OK", "config") and lines_of(out, "OK", "admin")
    assert "passes quick_check (1 events)" in lines_of(out, "OK", "database")[0]
    assert "5 font files of qatar-gcc-egov-2015 load" in lines_of(out, "OK", "fonts")[0]
    assert "decoded a frame of" in lines_of(out, "OK", "video")[0]


def test_quick_skips_qt(healthy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["doctor", "--quick", "--config", str(healthy)]) == 0
    out = capsys.readouterr().out
    assert [
        ln.split()[1] for ln in out.splitlines() if ln[:4].strip() in ("OK", "WARN", "FAIL")
    ] == ["config", "signatures", "admin", "disk", "database", "events", "errors", "bundle"]


def test_a_damaged_database_fails(
    healthy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "other.db"
    db.write_bytes(b"garbage" * 1000)
    assert main(["doctor", "--quick", "--config", str(healthy), "--db", str(db)]) == 1
    line = lines_of(capsys.readouterr().out, "FAIL", "database")[0]
    assert f"{db} is damaged" in line and "move" in line
