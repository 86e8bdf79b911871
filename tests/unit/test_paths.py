"""kiosk.paths: where the kiosk keeps its data."""

from __future__ import annotations

import zipfile
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


@pytest.mark.parametrize("name", ["ui", "sample_bundle"])
def test_package_data_is_a_folder_of_the_installed_package(name: str) -> None:
    found = paths.package_folder(name)
    assert found.is_dir()
    assert found.parent == Path(paths.__file__).resolve().parent


@pytest.mark.parametrize("name", ["ui", "sample_bundle"])
def test_a_kiosk_imported_from_a_zip_is_refused_with_the_fix(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str
) -> None:
    # zipimport gives a Traversable that is no folder: Qt's QML import path could not read it
    archive = tmp_path / "kiosk.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("kiosk/__init__.py", "")
        z.writestr(f"kiosk/{name}/placeholder.txt", "x")
    monkeypatch.setattr(paths, "files", lambda _pkg: zipfile.Path(archive, "kiosk/"))
    with pytest.raises(RuntimeError) as err:
        paths.package_folder(name)
    message = str(err.value)
    assert f"the kiosk's {name} folder is inside an archive" in message
    assert "kiosk.zip" in message
    assert "pip install" in message
