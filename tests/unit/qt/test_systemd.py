"""sd_notify without systemd: the test binds the datagram socket systemd would listen on."""

from __future__ import annotations

import os
import socket
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickWindow

from kiosk.qt.screensaver import display_commands, keep_screen_on, set_display, xset_commands
from kiosk.qt.systemd import SystemdNotifier, notify, notify_address, watchdog_interval_ms


class Listener:
    """A bound AF_UNIX datagram socket, like systemd's notify socket."""

    def __init__(self, address: str) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(address)
        self.sock.setblocking(False)
        self.received: list[str] = []

    def drain(self) -> list[str]:
        while True:
            try:
                self.received.append(self.sock.recv(4096).decode())
            except BlockingIOError:
                return self.received

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def abstract() -> Iterator[tuple[Listener, dict[str, str]]]:
    name = f"kiosk-test-{os.getpid()}-{os.urandom(4).hex()}"
    listener = Listener("\0" + name)
    yield listener, {"NOTIFY_SOCKET": "@" + name}
    listener.close()


@pytest.fixture
def path_socket() -> Iterator[tuple[Listener, dict[str, str]]]:
    with tempfile.TemporaryDirectory(prefix="sd") as tmp:  # short: AF_UNIX paths are short
        address = str(Path(tmp) / "notify")
        listener = Listener(address)
        yield listener, {"NOTIFY_SOCKET": address}
        listener.close()


def test_notify_to_an_abstract_socket(abstract: tuple[Listener, dict[str, str]]) -> None:
    listener, env = abstract
    assert notify_address(env) == "\0" + env["NOTIFY_SOCKET"][1:]
    assert notify("READY=1\nSTATUS=up", env)
    assert listener.drain() == ["READY=1\nSTATUS=up"]


def test_notify_to_a_path_socket(path_socket: tuple[Listener, dict[str, str]]) -> None:
    listener, env = path_socket
    assert notify("WATCHDOG=1", env) and notify("STOPPING=1", env)
    assert listener.drain() == ["WATCHDOG=1", "STOPPING=1"]


def test_notify_does_nothing_without_systemd(tmp_path: Path) -> None:
    assert notify("READY=1", {}) is False
    assert notify("READY=1", {"NOTIFY_SOCKET": ""}) is False
    assert notify("READY=1", {"NOTIFY_SOCKET": "vsock:2:1234"}) is False  # not spoken here
    assert notify("READY=1", {"NOTIFY_SOCKET": "@"}) is False
    # systemd gone (nobody bound): no exception, just False
    assert notify("READY=1", {"NOTIFY_SOCKET": str(tmp_path / "gone")}) is False


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"WATCHDOG_USEC": "30000000"}, 15_000),  # WatchdogSec=30: ping every 15 s
        ({"WATCHDOG_USEC": "5000000"}, 2_500),
        ({"WATCHDOG_USEC": "1000"}, 1),  # never 0 (a 0 ms timer would spin)
        ({}, None),
        ({"WATCHDOG_USEC": "0"}, None),
        ({"WATCHDOG_USEC": "-5"}, None),
        ({"WATCHDOG_USEC": "soon"}, None),
        ({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "100"}, 15_000),  # us
        ({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "99"}, 15_000),  # our parent: cage
        ({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "7"}, None),  # someone else's
        ({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "x"}, None),
    ],
)
def test_watchdog_interval_is_half_of_watchdog_usec(
    env: dict[str, str], expected: int | None
) -> None:
    assert watchdog_interval_ms(env, pid=100, ppid=99) == expected


def spin_until(predicate: Callable[[], bool], timeout_ms: int = 5000) -> bool:
    """Run the Qt event loop until ``predicate()`` holds (no sleeping)."""
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(5)
    poll.timeout.connect(lambda: loop.quit() if predicate() else None)
    QTimer.singleShot(timeout_ms, loop.quit)
    poll.start()
    if not predicate():
        loop.exec()
    poll.stop()
    return predicate()


@pytest.fixture
def window(qapp: QGuiApplication) -> Iterator[QQuickWindow]:
    w = QQuickWindow()
    w.resize(64, 64)
    yield w
    w.close()
    w.deleteLater()


def test_ready_once_at_the_first_frame_then_watchdog_pings_then_stopping(
    qapp: QGuiApplication, window: QQuickWindow, abstract: tuple[Listener, dict[str, str]]
) -> None:
    listener, env = abstract
    notifier = SystemdNotifier(window, {**env, "WATCHDOG_USEC": "40000"})
    assert notifier.enabled and notifier.timer.interval() == 20
    # the pings come from a timer of the GUI thread: a frozen UI stops them
    assert notifier.timer.isActive() and notifier.timer.thread() is qapp.thread()
    assert not notifier.ready
    window.show()
    assert spin_until(
        lambda: "READY=1\nSTATUS=The kiosk is showing its first screen" in listener.drain()
    )
    assert notifier.ready
    window.update()  # more frames: READY is not sent again
    assert spin_until(lambda: listener.drain().count("WATCHDOG=1") >= 2)
    assert sum(m.startswith("READY=1") for m in listener.drain()) == 1
    notifier.stopping()
    assert listener.drain()[-1] == "STOPPING=1"
    assert not notifier.timer.isActive()


def test_without_notify_socket_nothing_happens(
    window: QQuickWindow, abstract: tuple[Listener, dict[str, str]]
) -> None:
    listener, _ = abstract
    notifier = SystemdNotifier(window, {"WATCHDOG_USEC": "40000"})
    assert not notifier.enabled and not notifier.timer.isActive()
    window.show()
    spin_until(lambda: False, 100)
    notifier.stopping()
    assert not notifier.ready and listener.drain() == []


def test_xset_keeps_an_x_screen_on_and_nothing_else() -> None:
    found = {"xset": "/usr/bin/xset"}.get
    assert xset_commands("xcb", found) == [
        ["/usr/bin/xset", "s", "off"],
        ["/usr/bin/xset", "s", "noblank"],
        ["/usr/bin/xset", "-dpms"],
    ]
    assert xset_commands("wayland", found) == []
    assert xset_commands("offscreen", found) == []
    assert xset_commands("xcb", lambda name: None) == []  # xset not installed
    assert keep_screen_on("offscreen") is None


def test_closed_hours_turn_an_x_display_off_and_opening_turns_it_on() -> None:
    found = {"xset": "/usr/bin/xset"}.get
    assert display_commands("xcb", False, found) == [["/usr/bin/xset", "dpms", "force", "off"]]
    assert display_commands("xcb", True, found) == [
        ["/usr/bin/xset", "dpms", "force", "on"],
        ["/usr/bin/xset", "-dpms"],  # kept on, as keep_screen_on left it
        ["/usr/bin/xset", "s", "off"],
    ]
    assert display_commands("wayland", False, found) == []  # a dark closed screen instead
    assert display_commands("xcb", False, lambda name: None) == []
    assert set_display("offscreen", False) is None
