"""``kiosk config``, run in-process; and the help of every staff-operations command."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.config import EXAMPLE


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("KIOSK_CONFIG", raising=False)
    return tmp_path / "xdg" / "qatar-kiosk"


@pytest.mark.parametrize(
    "argv",
    [
        ["config"],
        ["config", "check"],
        ["config", "show"],
        ["config", "init"],
        ["admin"],
        ["admin", "set-pin"],
        ["admin", "unlock"],
        ["doctor"],
    ],
)
def test_every_new_command_has_help_with_an_example(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        main([*argv, "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "example:\n  kiosk " in out


# --- kiosk config -----------------------------------------------------------------------------


def test_check_without_a_file_is_fine(data_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config", "check"]) == 0
    out = capsys.readouterr().out
    assert f"{data_home / 'kiosk.toml'} does not exist: every setting has its default" in out
    assert "kiosk config init" in out
    assert "no admin PIN is set" in out


def test_check_a_broken_config_exits_1_with_field_and_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text('default_language = "fr"\n[idle]\ncountdown = 500\n', "utf-8")
    assert main(["config", "check", "--config", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"ERROR   {path}: default_language\n        'fr' is not a kiosk language\n" in out
    assert '        fix: use "ar" or "en"' in out
    assert f"ERROR   {path}: idle.countdown\n        500 is out of range\n" in out
    assert f"{path} has problems: 2 errors, 0 warnings" in out


def test_check_reads_kiosk_config_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "env.toml"
    path.write_text("screen = 1\n", "utf-8")
    monkeypatch.setenv("KIOSK_CONFIG", str(path))
    assert main(["config", "check"]) == 0
    assert f"{path} is valid: 0 errors, 0 warnings" in capsys.readouterr().out


def test_init_then_check_then_show(data_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config", "init"]) == 0
    path = data_home / "kiosk.toml"
    assert path.read_text("utf-8") == EXAMPLE
    assert main(["config", "check"]) == 0
    capsys.readouterr()
    assert main(["config", "show"]) == 0
    out = capsys.readouterr().out
    data = tomllib.loads(out)
    assert data["data_dir"] == str(data_home) and data["keep_bundles"] == 3
    assert main(["config", "init"]) == 2  # never overwrites
    assert "already exists" in capsys.readouterr().err


def test_init_at_a_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "etc" / "kiosk.toml"
    assert main(["config", "init", str(path)]) == 0
    assert f"kiosk config check --config {path}" in capsys.readouterr().out
    assert path.is_file()


def test_show_notes_problems_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text("screen = -3\n", "utf-8")
    assert main(["config", "show", "--config", str(path)]) == 0
    captured = capsys.readouterr()
    assert "screen = 0" in captured.out
    assert "1 error" in captured.err and "kiosk config check" in captured.err
