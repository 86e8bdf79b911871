"""``kiosk studio``: the command that opens Kiosk Studio (kiosk/cli/studio.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.cli import main


def test_help_says_what_it_does_with_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["studio", "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "Arabic" in out and "English" in out
    assert "kiosk studio kiosk/sample_bundle" in out


def test_the_bundle_and_language_reach_the_studio(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[Path | None, str | None]] = []

    def run(path: Path | None, lang: str | None) -> int:
        seen.append((path, lang))
        return 0

    monkeypatch.setattr("kiosk.qt.studio.app.run", run)
    assert main(["studio", "kiosk/sample_bundle", "--language", "ar"]) == 0
    assert main(["studio"]) == 0
    assert seen == [(Path("kiosk/sample_bundle"), "ar"), (None, None)]


def test_a_missing_bundle_is_named_with_the_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["studio", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err
    assert "nowhere: no such folder or file" in err and "Fix:" in err
