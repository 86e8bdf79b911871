"""kiosk.settings.resolve: one lookup of kiosk.toml for every command."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from kiosk.settings import resolve

KEY = base64.b64encode(bytes(range(32))).decode()


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("KIOSK_CONFIG", raising=False)
    return tmp_path / "xdg" / "qatar-kiosk"


def test_options_win_over_the_file_and_security_always_comes_from_it(tmp_path: Path) -> None:
    cfg = tmp_path / "kiosk.toml"
    cfg.write_text(f'data_dir = "{tmp_path / "d"}"\ntrusted_keys = ["{KEY}"]\nkeep_bundles = 5\n')
    s = resolve(cfg)
    assert (s.config_path, s.data_dir, s.db_path) == (cfg, tmp_path / "d", tmp_path / "d/kiosk.db")
    assert s.trusted_keys == (KEY,) and s.keep == 5 and s.signatures_required
    s = resolve(cfg, tmp_path / "other", tmp_path / "x.db")
    assert (s.data_dir, s.db_path, s.trusted_keys) == (
        tmp_path / "other",
        tmp_path / "x.db",
        (KEY,),
    )


@pytest.mark.parametrize("lookup", ["env", "default"])
def test_the_same_lookup_as_kiosk_run(lookup: str, tmp_path: Path, home: Path) -> None:
    path = tmp_path / "env.toml" if lookup == "env" else home / "kiosk.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('trusted_keys = "broken"\n')
    env = {"KIOSK_CONFIG": str(path)} if lookup == "env" else {}
    s = resolve(None, None, None, env)
    assert s.config_path == path and s.signature_problem and s.signatures_required
    assert s.problems and all(p.file == str(path) for p in s.problems)


def test_the_database_is_the_flag_then_the_data_dir_flag_then_the_file(tmp_path: Path) -> None:
    cfg = tmp_path / "kiosk.toml"
    cfg.write_text(f'data_dir = "{tmp_path / "d"}"\ndb = "{tmp_path / "fast/k.db"}"\n')
    assert resolve(cfg).db_path == tmp_path / "fast/k.db"  # db in kiosk.toml over data_dir
    # a data folder named on the command line brings its own database ...
    s = resolve(cfg, tmp_path / "other")
    assert (s.data_dir, s.db_path) == (tmp_path / "other", tmp_path / "other/kiosk.db")
    # ... and --db wins over everything
    assert resolve(cfg, tmp_path / "other", tmp_path / "x.db").db_path == tmp_path / "x.db"
    assert resolve(cfg, None, tmp_path / "x.db").db_path == tmp_path / "x.db"
