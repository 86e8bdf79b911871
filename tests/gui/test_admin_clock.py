"""The PIN pad's lockout message is what the pad enforces, even after the clock was set back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

from kiosk.admin import FREE_TRIES, hash_pin
from kiosk.clock import ManualClock
from kiosk.config import Config
from kiosk.paths import SAMPLE_BUNDLE
from kiosk.qt.testing import Kiosk, settle, start_kiosk, wait_until
from kiosk.store import BundleStore
from tests import props

PIN = "2468"


class WallClock(ManualClock):
    """The lockout's wall clock: staff (or a lost network time) may set it back."""

    def set_back(self, seconds: float) -> None:
        self.t -= seconds


def shown_seconds(k: Kiosk) -> int:
    message = str(k.item("pinMessage").property("text"))
    m = re.search(r"try again in (\d+) s|بعد (\d+) ثانية", message)
    assert m, message
    return int(m[1] or m[2])


@pytest.mark.parametrize("back", [3600, 86400])
def test_after_a_clock_set_back_the_pin_pad_keeps_its_word(
    qapp: QGuiApplication, tmp_path: Path, back: float
) -> None:
    wall = WallClock(1_700_000_000.0)
    config = Config(
        path=tmp_path / "kiosk.toml", data_dir=tmp_path / "data", pin_hash=hash_pin(PIN)
    )
    k = start_kiosk(
        SAMPLE_BUNDLE,
        clock=ManualClock(),
        db=tmp_path / "k.db",
        store=BundleStore(config.data_dir),
        config=config,
        pin_clock=wall,
    )
    try:
        admin = k.admin
        assert admin is not None
        admin.open_pin()
        for _ in range(FREE_TRIES):
            admin.submitPin("0000")
        assert shown_seconds(k) == 30
        wall.advance(10)
        wall.set_back(back)  # e.g. the kiosk lost its network time
        admin.close()
        admin.open_pin()
        says = shown_seconds(k)
        assert says <= 30
        wall.advance(says - 1)
        admin.submitPin(PIN)
        assert props.mode(admin) == "pin" and 0 < shown_seconds(k) <= 1  # still locked, as it said
        wall.advance(1)
        admin.submitPin(PIN)
        assert wait_until(lambda: props.mode(admin) == "panel"), admin.pin_message
    finally:
        k.close()
        settle(20)
