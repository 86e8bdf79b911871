"""A running kiosk follows the store's active bundle without a restart, and rolls back a broken
one."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

from kiosk.bundle import pack
from kiosk.paths import SAMPLE_BUNDLE
from kiosk.qt.testing import Kiosk, start_kiosk, wait_until
from kiosk.session import Page
from kiosk.store import BundleStore, InstallOptions
from tests import props


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


def _start(tmp_path: Path, poll_ms: int) -> Kiosk:
    store = BundleStore(tmp_path / "data")
    store.install(_variant(tmp_path, "1.0.0", "Bundle A"))
    active = store.active_path()
    assert active is not None
    return start_kiosk(active, store=store, db=tmp_path / "k.db", poll_ms=poll_ms)


@pytest.fixture
def kiosk(qapp: QGuiApplication, tmp_path: Path) -> Iterator[Kiosk]:
    k = _start(tmp_path, poll_ms=100)
    yield k
    k.close()


@pytest.fixture
def unpolled(qapp: QGuiApplication, tmp_path: Path) -> Iterator[Kiosk]:
    """A kiosk whose fallback poll never comes during a test: whatever it does, the
    directory watch, the worker's wake-up and the page change made it happen."""
    k = _start(tmp_path, poll_ms=3_600_000)
    yield k
    k.close()


def test_shows_a_new_bundle_as_soon_as_it_is_loaded(unpolled: Kiosk, tmp_path: Path) -> None:
    swapper = unpolled.swapper
    assert swapper is not None
    shown: list[str] = []
    swapper.swapped.connect(shown.append)
    assert unpolled.session.page is Page.ATTRACT
    item = swapper.store.install(_variant(tmp_path, "1.1.0", "Bundle B"))
    assert wait_until(lambda: shown == [item.name], 10_000), props.message(swapper)
    assert props.title(unpolled.controller)["en"] == "Bundle B"
    assert unpolled.session.bundle.version == "1.1.0"


def test_the_poll_finds_a_new_bundle_when_the_directory_is_not_watched(
    kiosk: Kiosk, tmp_path: Path
) -> None:
    swapper = kiosk.swapper
    assert swapper is not None
    watcher = swapper._watcher
    watcher.removePaths(watcher.directories())  # e.g. no inotify watches left
    swapper.store.install(_variant(tmp_path, "1.1.0", "Bundle B"))
    assert wait_until(lambda: props.title(kiosk.controller)["en"] == "Bundle B", 10_000)
    assert watcher.directories()  # and the poll watches the directory again


def test_a_bundle_loaded_during_a_visit_shows_when_the_attract_loop_is_back(
    unpolled: Kiosk, tmp_path: Path
) -> None:
    swapper = unpolled.swapper
    assert swapper is not None
    unpolled.controller.touch()  # a visitor is using the kiosk
    swapper.store.install(_variant(tmp_path, "1.1.0", "Bundle B"))
    assert wait_until(lambda: swapper._ready is not None, 10_000)  # loaded, waiting
    assert props.title(unpolled.controller)["en"] == "Bundle A"  # not during a visit
    unpolled.session.end("idle")
    unpolled.controller.sync()  # back on the attract loop: pageChanged
    assert wait_until(lambda: props.title(unpolled.controller)["en"] == "Bundle B", 10_000)
    assert wait_until(lambda: "Now showing" in props.message(swapper), 5000)


def test_a_rollback_before_the_swap_keeps_the_bundle_on_screen(
    unpolled: Kiosk, tmp_path: Path
) -> None:
    swapper = unpolled.swapper
    assert swapper is not None
    store = swapper.store
    unpolled.controller.touch()
    store.install(_variant(tmp_path, "1.1.0", "Bundle B"))
    assert wait_until(lambda: swapper._ready is not None, 10_000)
    store.rollback()  # staff change their mind before the visit ends
    assert wait_until(lambda: swapper._ready is None, 5000)
    unpolled.session.end("idle")
    unpolled.controller.sync()
    # nothing left to apply, and nothing that could apply one later
    assert swapper._ready is None and swapper._loading is None
    assert not swapper._settle.isActive()
    assert props.title(unpolled.controller)["en"] == "Bundle A"


def test_switches_at_the_next_attract_moment(kiosk: Kiosk, tmp_path: Path) -> None:
    assert kiosk.swapper is not None
    store = kiosk.swapper.store
    kiosk.controller.touch()  # a visitor is using the kiosk
    store.install(_variant(tmp_path, "1.1.0", "Bundle B"))
    # the new bundle is loaded and waiting: only the visit keeps it off the screen
    assert wait_until(
        lambda: kiosk.swapper is not None and kiosk.swapper._ready is not None, 10_000
    )
    kiosk.controller._sync()
    assert props.title(kiosk.controller)["en"] == "Bundle A"  # not during a visit
    kiosk.session.end("staff")
    kiosk.controller._sync()
    assert wait_until(lambda: props.title(kiosk.controller)["en"] == "Bundle B", 5000)
    assert wait_until(
        lambda: kiosk.swapper is not None and "Now showing" in props.message(kiosk.swapper), 5000
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
    assert props.title(kiosk.controller)["en"] == "Bundle A"
    # the rollback runs in a worker: the staff message follows the pointer moments later
    assert wait_until(
        lambda: "Rolled back" in (props.message(kiosk.swapper) if kiosk.swapper else "")
    )
    assert "Rolled back" in props.message(kiosk.swapper)


def test_a_bundle_whose_latin_font_draws_nothing_rolls_back(kiosk: Kiosk, tmp_path: Path) -> None:
    from tests.unit.qt.blank_fonts import zero_table

    assert kiosk.swapper is not None
    store = kiosk.swapper.store
    before = store.state().current
    item = store.install(_variant(tmp_path, "1.3.0", "Bundle D"), InstallOptions(activate=False))
    font = item.path / "fonts" / "NotoSans-Regular.ttf"  # installed without the glyph check
    font.write_bytes(zero_table(font.read_bytes(), b"loca"))
    store.activate(item.name)
    assert wait_until(lambda: store.state().current == before, 15_000)
    assert props.title(kiosk.controller)["en"] == "Bundle A"  # the blank English UI never showed
    assert wait_until(
        lambda: "Rolled back" in (props.message(kiosk.swapper) if kiosk.swapper else "")
    )
    message = props.message(kiosk.swapper)
    assert "Rolled back" in message and "fonts/NotoSans-Regular.ttf" in message
    assert "does not draw text" in message
