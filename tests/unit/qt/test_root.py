"""The composition root's inputs: ``kiosk run``'s flags laid over kiosk.toml."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from kiosk.cli.run import add_run_arguments
from kiosk.qt.app import settings_from_args


def _args(*argv: str) -> argparse.Namespace:
    p = argparse.ArgumentParser()
    add_run_arguments(p)
    return p.parse_args(list(argv))


@pytest.fixture
def toml(tmp_path: Path) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(
        f'kiosk_id = "booth-7"\ndata_dir = "{tmp_path / "booth"}"\nscreen = 1\n', "utf-8"
    )
    return path


def test_kiosk_toml_decides_when_no_flag_is_given(toml: Path, tmp_path: Path) -> None:
    s, problems = settings_from_args(_args("--config", str(toml)))
    assert problems == []
    assert s.data_dir == tmp_path / "booth"
    assert s.db == tmp_path / "booth" / "kiosk.db"
    assert (s.kiosk_id, s.screen, s.bundle, s.windowed) == ("booth-7", 1, None, False)
    assert s.follows_store


def test_flags_win_over_kiosk_toml(toml: Path, tmp_path: Path) -> None:
    s, _ = settings_from_args(_args(
        "--config", str(toml), "--data-dir", str(tmp_path / "d"), "--db", str(tmp_path / "x.db"),
        "--kiosk-id", "booth-9", "--screen", "0", "--windowed", "--bundle", str(tmp_path),
        "--lang", "en",
    ))  # fmt: skip
    flags = (tmp_path / "d", tmp_path / "x.db", "booth-9", 0)
    assert (s.data_dir, s.db, s.kiosk_id, s.screen) == flags
    assert s.windowed and s.language == "en" and s.bundle == tmp_path
    assert not s.follows_store


def test_a_data_dir_flag_moves_the_database_with_it(toml: Path, tmp_path: Path) -> None:
    s, _ = settings_from_args(_args("--config", str(toml), "--data-dir", str(tmp_path / "d")))
    assert s.db == tmp_path / "d" / "kiosk.db"
