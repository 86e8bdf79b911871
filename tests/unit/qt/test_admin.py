"""The admin panel's installs (by staff, and auto-apply from a drop folder) check media
as fully as ``kiosk bundle install`` does (issue 11, item 10)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QGuiApplication

from kiosk.admin import hash_pin
from kiosk.analytics import EventLog
from kiosk.bundle import init, load, pack
from kiosk.config import Config
from kiosk.qt.admin import Admin
from kiosk.qt.controller import Controller
from kiosk.qt.testing import wait_until
from kiosk.session import Session
from kiosk.store import BundleStore
from tests import props

from .broken_media import BROKEN_PNGS

PIN = "2468"
WHERE = ("entities/example/logo.png", "entities/example/slides/picture.png")


def broken_bundle(tmp_path: Path, rel: str, data: bytes, out: Path) -> Path:
    """A bundle zip with one image that only a full decode finds broken."""
    root = tmp_path / "src"
    init(root)
    root.joinpath(rel).write_bytes(data)
    assert pack(root, out).ok  # the structural checks alone let it through
    return out


@pytest.fixture
def make_admin(qapp: QGuiApplication, tmp_path: Path) -> Iterator[Callable[..., Admin]]:
    made: list[tuple[Admin, EventLog]] = []
    sample = tmp_path / "sample"
    init(sample)

    def make(**config: Any) -> Admin:  # further Config fields, e.g. drop_folders
        cfg = Config(
            path=tmp_path / "kiosk.toml",
            data_dir=tmp_path / "data",
            pin_hash=hash_pin(PIN),
            **config,
        )
        log = EventLog(tmp_path / "k.db", "test-kiosk")
        log.start()
        admin = Admin(cfg, BundleStore(cfg.data_dir), Controller(Session(load(sample))), log)
        made.append((admin, log))
        return admin

    yield make
    for admin, log in made:
        admin.shutdown()
        log.close()
    # An Admin is in reference cycles (its timers' slots), and must be collected here: a
    # collection that a worker thread happens to start would delete its timers there.
    assert wait_until(
        lambda: not any(t.name.startswith("kiosk-admin") for t in threading.enumerate())
    )
    made.clear()
    gc.collect()


@pytest.mark.parametrize("rel", WHERE)
@pytest.mark.parametrize("kind", sorted(BROKEN_PNGS))
def test_the_panel_refuses_an_image_that_does_not_decode(
    make_admin: Callable[..., Admin], tmp_path: Path, kind: str, rel: str
) -> None:
    zip_path = broken_bundle(tmp_path, rel, BROKEN_PNGS[kind], tmp_path / "pavilion.zip")
    admin = make_admin()
    admin.submitPin(PIN)
    assert props.mode(admin) == "panel"
    admin.install(str(zip_path), False)
    assert wait_until(lambda: not admin.busy, 30_000)
    message = admin.message.en
    assert message.startswith("Not installed"), message
    assert rel in message and "does not decode" in message
    assert admin.store.state().current is None


@pytest.mark.parametrize("kind", sorted(BROKEN_PNGS))
def test_auto_apply_refuses_an_image_that_does_not_decode(
    make_admin: Callable[..., Admin], tmp_path: Path, kind: str
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    broken_bundle(tmp_path, WHERE[1], BROKEN_PNGS[kind], usb / "pavilion.zip")
    admin = make_admin(drop_folders=(usb,), auto_apply=True)
    admin.scan_drop_folders()

    def checked() -> bool:
        found = admin.found
        return bool(found) and not found[0].checking

    assert wait_until(checked, 30_000)
    found = admin.found[0]
    assert not found.valid
    assert any(WHERE[1] in p and "does not decode" in p for p in found.problems)
    assert not admin.busy and admin.store.state().current is None


def test_a_sound_drop_is_still_installed_by_auto_apply(
    make_admin: Callable[..., Admin], tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    init(tmp_path / "good")
    assert pack(tmp_path / "good", usb / "pavilion.zip").ok
    admin = make_admin(drop_folders=(usb,), auto_apply=True)
    admin.scan_drop_folders()
    assert wait_until(lambda: admin.store.state().current is not None, 30_000)


def test_the_panel_refuses_a_font_that_draws_nothing(
    make_admin: Callable[..., Admin], tmp_path: Path
) -> None:
    from .blank_fonts import zero_table

    root = tmp_path / "src"
    init(root)
    font = root / "fonts" / "NotoSans-Bold.ttf"
    font.write_bytes(zero_table(font.read_bytes(), b"glyf"))
    assert pack(root, tmp_path / "pavilion.zip").ok  # packed without the glyph check
    admin = make_admin()
    admin.submitPin(PIN)
    admin.install(str(tmp_path / "pavilion.zip"), False)
    assert wait_until(lambda: not admin.busy, 30_000)
    message = admin.message.en
    assert message.startswith("Not installed") and "fonts/NotoSans-Bold.ttf" in message
    assert "fonts.latin" in message and admin.store.state().current is None
