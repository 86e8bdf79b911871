"""``kiosk run`` before Qt: what it does when the kiosk cannot start."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from kiosk.cli import main


def test_a_bundle_that_does_not_load_exits_1_with_garbage_collection_back_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # `kiosk run` turns the garbage collector off for its start-up (kiosk/cli/run.py):
    # a start that fails must not leave it off in the calling process
    monkeypatch.setenv("KIOSK_CONFIG", str(tmp_path / "kiosk.toml"))
    gc.enable()  # as in a plain process (tests/conftest.py turns it off around each test)
    status = main([
        "run", "--bundle", str(tmp_path / "missing"), "--data-dir", str(tmp_path / "data"),
        "--db", str(tmp_path / "k.db"),
    ])  # fmt: skip
    assert status == 1
    assert gc.isenabled()
    assert "cannot show" in capsys.readouterr().err


def test_run_refuses_a_bundle_that_validate_rejects_and_names_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from kiosk.bundle import init

    root = tmp_path / "usb" / "day2"
    init(root, "day2")
    picture = next(p for p in sorted(root.rglob("*.png")) if "slides" in p.parts)
    picture.write_bytes(picture.read_bytes()[:200])  # cut short when it was copied
    monkeypatch.setenv("KIOSK_CONFIG", str(tmp_path / "kiosk.toml"))
    status = main(
        [
            "run",
            "--bundle",
            str(root),
            "--data-dir",
            str(tmp_path / "d"),
            "--db",
            str(tmp_path / "k.db"),
        ]
    )
    err = capsys.readouterr().err
    assert status == 1  # before any window: nothing is shown
    assert f"kiosk: cannot show {root}:" in err
    assert picture.relative_to(root).as_posix() in err and "Fix:" in err
