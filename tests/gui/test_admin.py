"""Staff mode: the hidden gesture, the PIN pad, lockout across restarts, exit only from the
panel."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QSignalSpy, QTest

from kiosk.admin import hash_pin
from kiosk.bundle import pack
from kiosk.clock import ManualClock
from kiosk.config import Config
from kiosk.paths import SAMPLE_BUNDLE
from kiosk.qt.testing import Kiosk, start_kiosk, wait_until
from kiosk.store import BundleStore
from tests import props

PIN = "2468"


class WallClock(ManualClock):
    """The lockout's wall clock, moved by hand."""


@pytest.fixture
def make(qapp: QGuiApplication, tmp_path: Path) -> Iterator[Callable[[], Kiosk]]:
    made: list[Kiosk] = []
    clock = ManualClock()
    wall = WallClock(1_700_000_000.0)
    config = Config(
        path=tmp_path / "kiosk.toml",
        data_dir=tmp_path / "data",
        pin_hash=hash_pin(PIN),
        drop_folders=(tmp_path / "usb",),
    )

    def start() -> Kiosk:
        k = start_kiosk(
            SAMPLE_BUNDLE,
            clock=clock,
            db=tmp_path / "k.db",
            store=BundleStore(config.data_dir),
            config=config,
            pin_clock=wall,
        )
        made.append(k)
        return k

    yield start
    for k in made:
        k.close()


def gesture(k: Kiosk) -> None:
    """Hold the top-left corner for 3 s, then tap the bottom-right corner."""
    w, h = k.window.width(), k.window.height()
    clock = k.session.clock
    assert isinstance(clock, ManualClock)
    QTest.mousePress(
        k.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(10, 10)
    )
    clock.advance(3.2)
    QTest.mouseRelease(
        k.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(10, 10)
    )
    k.tap_at(QPoint(w - 10, h - 10))


def enter(k: Kiosk, pin: str) -> None:
    for digit in pin:
        k.tap(f"pinKey-{digit}")
    k.tap("pinKey-OK")


def test_gesture_opens_the_pin_pad_and_a_short_hold_does_not(make: Callable[[], Kiosk]) -> None:
    k = make()
    assert k.admin is not None
    w, h = k.window.width(), k.window.height()
    k.tap_at(QPoint(10, 10))
    k.tap_at(QPoint(w - 10, h - 10))
    assert props.mode(k.admin) == "closed"
    gesture(k)
    assert wait_until(lambda: k.admin is not None and props.mode(k.admin) == "pin")
    assert k.wait_item("pinPad").isVisible()
    assert k.session.page.value == "attract"  # the corner touch was staff, not a visitor


def test_right_pin_opens_the_panel_and_exit_only_from_there(
    make: Callable[[], Kiosk], tmp_path: Path
) -> None:
    k = make()
    assert k.admin is not None
    spy = QSignalSpy(k.admin.exitRequested)
    QTest.keyClick(k.window, Qt.Key.Key_Escape)
    assert spy.count() == 0
    gesture(k)
    enter(k, PIN)
    assert wait_until(lambda: k.admin is not None and props.mode(k.admin) == "panel")
    assert "qatar-gcc-egov-2015" in k.wait_item("activeBundle").property("text")
    assert wait_until(lambda: k.admin is not None and k.admin.today is not None)
    assert k.item("adminFigures").property("text").startswith("0 ")  # no visitors yet today
    k.tap("adminExit")
    assert spy.count() == 1 and spy.at(0)[0] == 75
    assert k.log is not None and k.log.flush()
    types = [
        t
        for (t,) in sqlite3.connect(tmp_path / "k.db").execute(
            "SELECT type FROM events WHERE session_id IS NULL"
        )
    ]
    assert "admin_open" in types and "admin_exit" in types


def test_wrong_pins_lock_out_and_the_lockout_survives_a_restart(make: Callable[[], Kiosk]) -> None:
    k = make()
    assert k.admin is not None
    gesture(k)
    for _ in range(5):
        enter(k, "0000")
    message = k.item("pinMessage").property("text")
    assert "أُقفل" in message and "30 ثانية" in message  # the kiosk is in Arabic
    k.tap("adminLanguage")  # staff who read English
    assert wait_until(lambda: "Locked" in k.item("pinMessage").property("text"))
    enter(k, PIN)  # even the right PIN is refused while locked
    assert props.mode(k.admin) == "pin"
    k.close()
    again = make()  # a restart: a new kiosk on the same data directory
    assert again.admin is not None
    gesture(again)
    assert wait_until(lambda: again.admin is not None and props.mode(again.admin) == "pin")
    assert "أُقفل" in again.item("pinMessage").property("text")


def test_panel_installs_a_bundle_from_the_drop_folder(
    make: Callable[[], Kiosk], tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    assert pack(SAMPLE_BUNDLE, usb / "pavilion.zip").ok
    k = make()
    assert k.admin is not None
    gesture(k)
    enter(k, PIN)
    assert wait_until(lambda: k.admin is not None and any(f.valid for f in k.admin.found), 10_000)
    k.grab(Path(__file__).resolve().parents[2] / "artifacts" / "gui" / "admin-panel.png")
    k.tap("adminInstall-0")
    assert wait_until(lambda: k.admin is not None and "Installed" in k.admin.message.en, 20_000)
    store = BundleStore(tmp_path / "data")
    assert store.state().current and store.verify().ok


def test_the_panel_closes_itself_after_two_idle_minutes(make: Callable[[], Kiosk]) -> None:
    k = make()
    assert k.admin is not None
    gesture(k)
    enter(k, PIN)
    assert wait_until(lambda: k.admin is not None and props.mode(k.admin) == "panel")
    k.admin._auto_close.setInterval(50)
    k.admin.touched()
    assert wait_until(lambda: k.admin is not None and props.mode(k.admin) == "closed", 2000)


def with_drop_folder(tmp_path: Path, auto_apply: bool = False) -> tuple[Kiosk, Path]:
    """A kiosk watching an empty drop folder (``usb``), with no PIN set."""
    usb = tmp_path / "usb"
    usb.mkdir()
    config = Config(
        path=tmp_path / "kiosk.toml",
        data_dir=tmp_path / "data",
        drop_folders=(usb,),
        auto_apply=auto_apply,
    )
    k = start_kiosk(
        SAMPLE_BUNDLE,
        clock=ManualClock(),
        db=tmp_path / "k.db",
        store=BundleStore(config.data_dir),
        config=config,
    )
    return k, usb


def test_auto_apply_installs_a_valid_drop_without_staff(
    qapp: QGuiApplication, tmp_path: Path
) -> None:
    k, usb = with_drop_folder(tmp_path, auto_apply=True)
    store = k.store
    try:
        assert pack(SAMPLE_BUNDLE, usb / "pavilion.zip").ok
        assert k.admin is not None
        k.admin.scan_drop_folders()
        assert wait_until(lambda: store.state().current is not None, 20_000)
        assert store.verify().ok
        assert props.mode(k.admin) == "closed"  # nobody had to open the panel
    finally:
        k.close()


def test_the_drop_folder_scan_never_holds_up_the_screen(
    qapp: QGuiApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A slow stick (here: a scan that waits until the test lets it go) leaves the GUI
    thread free: timers still fire and the kiosk still answers while the scan runs."""
    import threading

    from PySide6.QtCore import QTimer

    from kiosk.store import drop

    release = threading.Event()
    threads: list[str] = []
    real_scan = drop.scan

    def slow_scan(folders: list[Path]) -> drop.Scan:
        threads.append(threading.current_thread().name)
        release.wait(20)
        return real_scan(folders)

    monkeypatch.setattr(drop, "scan", slow_scan)
    k, usb = with_drop_folder(tmp_path)
    assert pack(SAMPLE_BUNDLE, usb / "pavilion.zip").ok
    try:
        assert k.admin is not None
        k.admin.scan_drop_folders()
        assert wait_until(lambda: bool(threads), 5000)
        ticks: list[int] = []
        timer = QTimer()
        timer.timeout.connect(lambda: ticks.append(1))
        timer.start(10)
        assert wait_until(lambda: len(ticks) >= 5, 2000), "the GUI thread is blocked by the scan"
        timer.stop()
        assert threads[0] != threading.main_thread().name
        release.set()
        assert wait_until(lambda: bool(k.admin and k.admin.found), 20_000)
        found = k.admin.found
        assert [f.name for f in found] == ["pavilion.zip"]
        assert wait_until(lambda: bool(k.admin and k.admin.found[0].bundle_id), 20_000)
    finally:
        release.set()
        k.close()


def test_a_drop_folder_full_of_other_files_is_named_on_the_panel(
    qapp: QGuiApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kiosk.store import drop

    monkeypatch.setattr(drop, "MAX_ENTRIES", 50)
    k, usb = with_drop_folder(tmp_path)
    for i in range(60):
        (usb / f"IMG_{i:04d}.jpg").touch()
    try:
        assert k.admin is not None
        k.admin.scan_drop_folders()
        assert wait_until(
            lambda: any(str(usb) in w.en for w in (k.admin.warnings if k.admin else ())),
            10_000,
        )
    finally:
        k.close()


def test_auto_apply_refuses_when_trusted_keys_are_unusable(
    qapp: QGuiApplication, tmp_path: Path
) -> None:
    """A malformed trusted_keys must not switch signature checking off (issue 11, item 2)."""
    from kiosk.config import load_config
    from kiosk.store import InstallError

    usb = tmp_path / "usb"
    usb.mkdir()
    path = tmp_path / "kiosk.toml"
    path.write_text(
        f'data_dir = "{tmp_path / "data"}"\ndrop_folders = ["{usb}"]\nauto_apply = true\n'
        'trusted_keys = ["c2lnbmF0dXJlcyBvZmY"]\n',
        "utf-8",
    )
    config, _ = load_config(path)
    assert config.auto_apply and config.trusted_keys == ()
    store = BundleStore(config.data_dir)
    k = start_kiosk(
        SAMPLE_BUNDLE, clock=ManualClock(), db=tmp_path / "k.db", store=store, config=config
    )
    try:
        assert pack(SAMPLE_BUNDLE, usb / "pavilion.zip").ok
        assert k.admin is not None
        admin = k.admin
        admin.scan_drop_folders()
        assert wait_until(
            lambda: (
                bool(admin._checks)
                and admin._scanning is None
                and all(r is not None for _fp, r in admin._checks.values())
            ),
            20_000,
        )
        assert admin._install is None and store.state().current is None
        warnings = [w.en for w in admin.warnings]
        assert any(str(path) in w and "trusted_keys" in w and "refused" in w for w in warnings)
        with pytest.raises(InstallError, match="no usable key"):
            admin._do_install(
                usb / "pavilion.zip", True, admin._media()
            )  # staff forcing it: still refused
        assert store.state().current is None
    finally:
        k.close()


def test_the_pin_pad_takes_as_many_digits_as_a_pin_may_have(make: Callable[[], Kiosk]) -> None:
    from kiosk.admin import PIN_MAX_DIGITS

    k = make()
    gesture(k)
    assert k.admin is not None and props.mode(k.admin) == "pin"
    for _ in range(PIN_MAX_DIGITS + 3):
        k.tap("pinKey-1")
    dots = k.item("pinDots")
    assert wait_until(lambda: dots.property("text") == "●" * PIN_MAX_DIGITS)


def test_a_rollback_while_an_install_holds_the_store_never_freezes_the_screen(
    make: Callable[[], Kiosk], tmp_path: Path
) -> None:
    import threading

    from PySide6.QtCore import QTimer

    k = make()
    assert k.admin is not None
    held, release = threading.Event(), threading.Event()
    released_by_us: list[bool] = []

    def hold() -> None:  # as a CLI install in another process would
        with k.store.locked():
            held.set()
            released_by_us.append(release.wait(5))

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert held.wait(10)
        k.admin.rollback()
        ticks: list[int] = []
        timer = QTimer()
        timer.timeout.connect(lambda: ticks.append(1))
        timer.start(10)
        assert wait_until(lambda: len(ticks) >= 5, 2000), "the GUI thread waits for the lock"
        timer.stop()
        release.set()
        assert wait_until(lambda: "roll back" in (k.admin.message.en if k.admin else ""))
    finally:
        release.set()
        holder.join()
    assert released_by_us == [True], "rollback() waited on the GUI thread until the lock timed out"


def test_staff_read_the_panel_in_either_language_and_visitors_never_see_it(
    make: Callable[[], Kiosk], tmp_path: Path
) -> None:
    k = make()
    assert k.admin is not None
    gesture(k)
    enter(k, "1111")  # a wrong PIN: the pad says so in the kiosk's language (Arabic here)
    assert "رمز خاطئ" in k.item("pinMessage").property("text")
    k.tap("adminLanguage")
    assert wait_until(lambda: "Wrong PIN" in k.item("pinMessage").property("text"))
    enter(k, PIN)
    assert wait_until(lambda: k.admin is not None and props.mode(k.admin) == "panel")
    assert k.wait_item("adminTitle").property("text") == "Kiosk administration"
    k.tap("adminLanguage")
    assert wait_until(lambda: k.item("adminTitle").property("text") == "إدارة الجهاز")
    assert wait_until(
        lambda: k.item("activeDetail").property("text") == "حزمة العيّنة (لم تُثبَّت أي حزمة)"
    )
    assert props.language(k.controller) == "ar" and k.session.page.value == "attract"
    assert k.log is not None and k.log.flush()
    db = sqlite3.connect(tmp_path / "k.db")
    types = [t for (t,) in db.execute("SELECT type FROM events ORDER BY seq")]
    assert "language_change" not in types  # switching the panel's language is not a visit
    assert types[-2:] == ["admin_pin_wrong", "admin_open"]
