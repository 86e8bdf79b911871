"""The composition root as `kiosk run` uses it: its settings reach every part it builds."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication

from kiosk.config import Config
from kiosk.paths import SAMPLE_BUNDLE
from kiosk.qt.root import RunningKiosk, build, prepare
from kiosk.startup import KioskSettings


def test_a_data_dir_flag_reaches_the_staff_panel_and_the_event_log(
    qapp: QGuiApplication, tmp_path: Path
) -> None:
    # kiosk.toml names one folder; `kiosk run --data-dir` another: the flag wins everywhere
    config = Config(path=tmp_path / "kiosk.toml", data_dir=tmp_path / "from-toml")
    other = tmp_path / "from-flag"
    settings = KioskSettings.for_config(
        config,
        data_dir=other,
        db=other / "kiosk.db",
        bundle=SAMPLE_BUNDLE,
        windowed=True,
        size=(800, 600),
    )
    prepared = prepare(settings)
    assert prepared is not None
    k = build(prepared, RunningKiosk)
    try:
        assert k.admin.config.data_dir == other
        assert k.admin.lock.path.parent == other
        assert k.log.path == other / "kiosk.db"
        assert k.store.data_dir == other
        assert k.swapper is None  # a fixed --bundle: no hot swap
        assert not (tmp_path / "from-toml").exists()
    finally:
        k.close()
