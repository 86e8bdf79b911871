"""kiosk.paths: where the kiosk keeps its data."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk import paths


def test_data_dir_follows_xdg_data_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert paths.data_dir() == tmp_path / "xdg" / "qatar-kiosk"
    assert paths.default_db() == tmp_path / "xdg" / "qatar-kiosk" / "kiosk.db"


@pytest.mark.parametrize("value", [None, "", "  ", "relative/dir"])
def test_data_dir_defaults_to_local_share(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, value: str | None
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    if value is None:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_DATA_HOME", value)
    assert paths.data_dir() == tmp_path / ".local" / "share" / "qatar-kiosk"
