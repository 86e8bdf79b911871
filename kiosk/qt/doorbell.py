"""Waking the GUI thread from a worker thread or a signal handler, without touching a QObject.

The ringer writes a byte to one end of a socket pair (plain Python, any thread; or the
interpreter itself, through ``signal.set_wakeup_fd``); a QSocketNotifier on the GUI thread
watches the other end and calls ``on_ring`` there, from an ordinary slot. Worker code never
touches a QObject, and a Python signal handler never calls Qt (that crashed PySide6 here).
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier


class Doorbell:
    """``ring()`` from anywhere; ``on_ring()`` then runs on the GUI thread (rings that come
    before it runs are answered once)."""

    def __init__(self, on_ring: Callable[[], None], parent: QObject) -> None:
        self._on_ring = on_ring
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._lock = threading.Lock()
        self._closed = False
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, parent)
        self._notifier.activated.connect(self._answer)

    def writer_fd(self) -> int:
        """The end that rings, for ``signal.set_wakeup_fd``."""
        return self._writer.fileno()

    def ring(self, *_args: object) -> None:
        """Any thread (e.g. a Future's done-callback); nothing once closed."""
        with self._lock:
            if self._closed:
                return
            with contextlib.suppress(OSError):  # full: a ring is already pending
                self._writer.send(b"\0")

    def _answer(self) -> None:
        with contextlib.suppress(OSError):
            self._reader.recv(4096)
        self._on_ring()

    def close(self) -> None:
        self._notifier.setEnabled(False)
        with self._lock:
            self._closed = True
            self._writer.close()
        self._reader.close()
