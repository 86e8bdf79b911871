"""Replace a small file all at once: write a temporary copy, fsync it, ``os.replace``, fsync
the folder. A reader (or the next start after a power cut) sees the old file or the new
one, never a mix. Pure Python.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):  # some filesystems cannot fsync a folder
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_atomic(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Write ``data`` to ``path`` atomically, creating the folder if needed.

    ``mode`` defaults to the existing file's permissions (else 0o644, or less by umask).
    Raises OSError when the disk refuses; the old file is then untouched.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if mode is None:
        try:
            mode = stat.S_IMODE(path.stat().st_mode)
        except OSError:
            mode = None
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            tmp.chmod(mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            tmp.chmod(0o644 & ~umask)
        tmp.replace(path)  # os.replace: atomic on POSIX
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(path.parent)
