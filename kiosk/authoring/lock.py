"""Which Studio has a bundle folder open: a ``.studio-lock`` file with its pid and host.

A second Studio opening the folder reads the lock and warns (:func:`holder` names who holds
it); a lock left by a process that is gone, on this computer, is stale and no warning. A
lock from another computer (a shared folder) cannot be checked, so it always warns.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import sys
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..atomicfile import write_atomic
from ..bundle.media import STUDIO_LOCK
from .labels import Label

__all__ = ["Lock", "LockInfo", "holder", "pid_alive", "take"]


@dataclass(frozen=True)
class LockInfo:
    """Who holds a lock."""

    pid: int
    host: str
    user: str
    since: str
    """When it was taken, ISO 8601 in UTC."""

    def message(self) -> Label:
        """The warning staff read, in both languages."""
        when = self.since[:16].replace("T", " ")
        return Label(
            f"هذه الحزمة مفتوحة في الاستوديو لدى {self.user} على الجهاز {self.host} منذ {when} "
            "(UTC). إذا حفظ كلاكما فستضيع تعديلات أحدكما: أغلقها هناك أولًا.",
            f"This bundle is open in the Studio of {self.user} on {self.host} since {when} UTC. "
            "If you both save, one of you loses their edits: close it there first.",
        )


def _here() -> str:
    return socket.gethostname()


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "?"


def pid_alive(pid: int) -> bool:
    """True when a process ``pid`` runs on this computer (or cannot be told)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # QUERY_LIMITED_INFO
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def _read(folder: Path) -> LockInfo | None:
    try:
        data = json.loads((folder / STUDIO_LOCK).read_text("utf-8"))
        return LockInfo(int(data["pid"]), str(data["host"]), str(data["user"]), str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None  # absent, or not a lock we can read: nobody to warn about


def holder(folder: Path) -> LockInfo | None:
    """Who else has ``folder`` open; None when nobody does, the lock is stale (its process on
    this computer is gone) or it is this process's own."""
    info = _read(folder)
    if info is None:
        return None
    if info.host == _here() and (info.pid == os.getpid() or not pid_alive(info.pid)):
        return None
    return info


class Lock:
    """This process's lock on a folder; :meth:`release` removes it if it is still ours."""

    def __init__(self, folder: Path, info: LockInfo) -> None:
        self.folder = folder
        self.info = info

    def release(self) -> None:
        if _read(self.folder) == self.info:
            with contextlib.suppress(OSError):
                (self.folder / STUDIO_LOCK).unlink()


def take(folder: Path) -> Lock:
    """Write this process's lock into ``folder`` (after warning about :func:`holder`)."""
    info = LockInfo(os.getpid(), _here(), _user(), datetime.now(UTC).isoformat(timespec="seconds"))
    write_atomic(folder / STUDIO_LOCK, json.dumps(asdict(info)).encode("utf-8"))
    return Lock(folder, info)
