"""The staff CLI, run in-process: exit codes, messages and files written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.paths import SAMPLE_BUNDLE


def test_validate_sample_bundle_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bundle", "validate", str(SAMPLE_BUNDLE)]) == 0
    out = capsys.readouterr().out
    assert "is valid: 0 errors, 0 warnings" in out


def test_validate_broken_bundle_exits_1_with_file_field_and_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "b"
    assert main(["bundle", "init", str(root)]) == 0
    ent = root / "entities/example/entity.toml"
    ent.write_text(ent.read_text("utf-8").replace('ar = "جهة حكومية", ', ""), "utf-8")
    capsys.readouterr()
    assert main(["bundle", "validate", str(root)]) == 1
    out = capsys.readouterr().out
    assert "ERROR   entities/example/entity.toml: name.ar" in out
    assert "the Arabic text is missing" in out
    assert 'fix: add ar = "..."' in out
    assert "is NOT valid: 1 error, 0 warnings" in out


def test_validate_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "b"
    main(["bundle", "init", str(root)])
    (root / "x.js").write_text("alert(1)")
    capsys.readouterr()
    assert main(["bundle", "validate", "--json", str(root)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["valid"] is False
    assert [(e["file"], e["code"]) for e in data["errors"]] == [("x.js", "code")]
    assert data["warnings"] == []


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["bundle", "validate"])
    assert exc.value.code == 2


def test_init_refuses_a_non_empty_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "keep.txt").write_text("x")
    assert main(["bundle", "init", str(tmp_path)]) == 2
    assert "not empty" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]


def test_pack_then_validate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "b"
    main(["bundle", "init", str(root)])
    out = tmp_path / "b.zip"
    assert main(["bundle", "pack", str(root), "-o", str(out)]) == 0
    assert out.is_file()
    assert main(["bundle", "validate", str(out)]) == 0


def test_pack_invalid_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "b"
    main(["bundle", "init", str(root)])
    (root / "bundle.toml").write_text("format = 1\n", "utf-8")
    out = tmp_path / "b.zip"
    assert main(["bundle", "pack", str(root), "-o", str(out)]) == 1
    assert "Nothing was written" in capsys.readouterr().out
    assert not out.exists()


@pytest.mark.parametrize(
    "cmd", [["bundle", "validate"], ["bundle", "init"], ["bundle", "pack"], ["run"]]
)
def test_every_command_help_has_an_example(
    cmd: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        main([*cmd, "--help"])
    assert exc.value.code == 0
    assert "example:" in capsys.readouterr().out


def test_progress_bar_is_silent_when_piped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["bundle", "validate", str(SAMPLE_BUNDLE)])
    assert "\r" not in capsys.readouterr().err
