"""systemd supervision without libsystemd: READY at the first frame, watchdog pings from
the GUI thread, STOPPING on the way out. Without ``$NOTIFY_SOCKET`` it does nothing.

The protocol (sd_notify(3)): one datagram of newline-separated ``KEY=VALUE`` lines to the
AF_UNIX socket named by ``$NOTIFY_SOCKET``; a name starting with ``@`` is in the abstract
namespace. ``$WATCHDOG_USEC`` asks for a ``WATCHDOG=1`` at least that often; we ping at
half of it, from a QTimer on the GUI thread, so a frozen UI stops pinging and systemd
restarts the kiosk.

``$WATCHDOG_PID`` names the process the watchdog is meant for: usually the unit's main
process. The kiosk runs as the client of a compositor (``cage -- kiosk run``), so the
compositor is the main process and the kiosk its child: pings are sent when
``$WATCHDOG_PID`` is this process or its parent (the unit then needs ``NotifyAccess=all``;
see deploy/kiosk.service).
"""

from __future__ import annotations

import os
import socket
from collections.abc import Mapping

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtQuick import QQuickWindow

from .frames import NextFrame


def notify_address(env: Mapping[str, str]) -> str | None:
    """The socket address in ``$NOTIFY_SOCKET`` (abstract names with a leading NUL)."""
    addr = env.get("NOTIFY_SOCKET", "")
    if addr.startswith("@") and len(addr) > 1:
        return "\0" + addr[1:]
    if addr.startswith("/"):
        return addr
    return None  # unset, or a kind we do not speak (vsock:...)


def notify(message: str, env: Mapping[str, str] | None = None) -> bool:
    """Send one notification; False (and nothing else) when there is no systemd to tell."""
    addr = notify_address(os.environ if env is None else env)
    if addr is None:
        return False
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            sock.sendto(message.encode(), addr)
    except OSError:
        return False  # systemd gone or socket full: the kiosk goes on regardless
    return True


def watchdog_interval_ms(
    env: Mapping[str, str] | None = None, pid: int | None = None, ppid: int | None = None
) -> int | None:
    """How often to ping: half of ``$WATCHDOG_USEC``, in ms; None when no watchdog is
    asked of this process."""
    env = os.environ if env is None else env
    try:
        usec = int(env.get("WATCHDOG_USEC", ""))
    except ValueError:
        return None
    if usec <= 0:
        return None
    wpid = env.get("WATCHDOG_PID")
    if wpid:
        mine = (os.getpid() if pid is None else pid, os.getppid() if ppid is None else ppid)
        try:
            if int(wpid) not in mine:
                return None
        except ValueError:
            return None
    return max(1, usec // 2 // 1000)


class SystemdNotifier(QObject):
    """Tells systemd the kiosk is up (first frame shown), alive (GUI thread responsive),
    and stopping. Keep a Python reference while the app runs."""

    def __init__(self, window: QQuickWindow, env: Mapping[str, str] | None = None) -> None:
        super().__init__(window)
        self.env = dict(os.environ if env is None else env)
        self.enabled = notify_address(self.env) is not None
        self.ready = False
        self.timer = QTimer(self)
        if not self.enabled:
            return
        interval = watchdog_interval_ms(self.env)
        if interval is not None:
            self.timer.setInterval(interval)
            self.timer.timeout.connect(self.ping)
            self.timer.start()
        NextFrame(window, self._first_frame)

    @Slot()
    def _first_frame(self) -> None:
        self.ready = notify("READY=1\nSTATUS=The kiosk is showing its first screen", self.env)

    @Slot()
    def ping(self) -> None:
        notify("WATCHDOG=1", self.env)

    def stopping(self) -> None:
        self.timer.stop()
        if self.enabled:
            notify("STOPPING=1", self.env)
