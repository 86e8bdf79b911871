"""A running kiosk follows the store's active bundle without a restart, and rolls back a broken one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

from kiosk.bundle import pack
from kiosk.paths import SAMPLE_BUNDLE
from kiosk.qt.testing import Kiosk, start_kiosk, wait_until
from kiosk.store import BundleStore, InstallOptions


def _variant(tmp: Path, version: str, title_en: str) -> Path:
    src = tmp / f"src-{version}"
    shutil.copytree(SAMPLE_BUNDLE, src)
    toml = src / "bundle.toml"
    text = toml.read_text("utf-8").replace('version = "1.0.0"', f'version = "{version}"')
    text = text.replace('en = "Qatar Digital Government"', f'en = "{title_en}"', 1)
    assert title_en in text
    toml.write_text(text, "utf-8")
    out = tmp / f"b-{version}.zip"
    assert pack(src, out).ok
    return out


@pytest.fixture
def kiosk(qapp: QGuiApplication, tmp_path: Path) -> Kiosk:
    store = BundleStore(tmp_path / "data")
    store.install(_variant(tmp_path, "1.0.0", "Bundle A"))
    active = store.active_path()
    assert active is not None
    k = start_kiosk(active, store=store, db=tmp_path / "k.db")
    yield k  # type: ignore[misc]
    k.close()


def test_switches_at_the_next_attract_moment(kiosk: Kiosk, tmp_path: Path) -> None:
    assert kiosk.swapper is not None
    store = kiosk.swapper.store
    kiosk.controller.touch()  # a visitor is using the kiosk
    store.install(_variant(tmp_path, "1.1.0", "Bundle B"))
    assert not wait_until(
        lambda: kiosk.controller.title["en"] == "Bundle B", 600
    )  # not during a visit
    kiosk.session.end("staff")
    kiosk.controller._sync()
    assert wait_until(lambda: kiosk.controller.title["en"] == "Bundle B", 5000)
    assert wait_until(
        lambda: kiosk.swapper is not None and "Now showing" in kiosk.swapper.message, 5000
    )
    assert kiosk.session.bundle.version == "1.1.0"
    # analytics follow: new events carry the new bundle
    assert kiosk.log is not None
    kiosk.controller.touch()
    assert kiosk.log.flush()
    import sqlite3

    rows = (
        sqlite3.connect(tmp_path / "k.db")
        .execute("SELECT bundle_version FROM events WHERE type = 'session_start' ORDER BY seq")
        .fetchall()
    )
    assert rows[-1] == ("1.1.0",)


def test_a_broken_bundle_rolls_back(kiosk: Kiosk, tmp_path: Path) -> None:
    assert kiosk.swapper is not None
    store = kiosk.swapper.store
    before = store.state().current
    item = store.install(_variant(tmp_path, "1.2.0", "Bundle C"), InstallOptions(activate=False))
    # damaged on disk after install (e.g. a failing card): it no longer loads
    (item.path / "bundle.toml").write_text("format = 1\n", "utf-8")
    store.activate(item.name)
    assert wait_until(lambda: store.state().current == before, 5000)
    assert kiosk.controller.title["en"] == "Bundle A"
    assert "Rolled back" in kiosk.swapper.message
