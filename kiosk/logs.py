"""Logs a person can read: one line per event, with its level, on stderr (journald keeps it).

``LEVEL source: message``, e.g. ``ERROR kiosk.qt.aio: background job install failed: ...``.
A message or a traceback that spans lines is folded onto its one line (`` ⏎ `` between the
lines), so that ``journalctl -u kiosk`` shows one entry per event. journald stamps the time.

The last errors (level ERROR and above) are also kept in the data folder
(:data:`RECENT_FILE`, the newest :data:`KEEP` of them) for ``kiosk doctor``, which shows
them after a crash or a restart.

Pure Python; Qt's own messages come here through :mod:`kiosk.qt.logs`.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sys
from collections import deque
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from .atomicfile import write_atomic

RECENT_FILE = "recent-errors.jsonl"
KEEP = 20
FOLD = " ⏎ "


def one_line(text: str) -> str:
    return FOLD.join(part.rstrip() for part in text.strip().splitlines() if part.strip())


class LineFormatter(logging.Formatter):
    """``LEVEL source: message``, on one line (a traceback folded onto it)."""

    def format(self, record: logging.LogRecord) -> str:
        text = record.getMessage()
        if record.exc_info:
            text += "\n" + self.formatException(record.exc_info)
        elif record.exc_text:
            text += "\n" + record.exc_text
        return f"{record.levelname} {record.name}: {one_line(text)}"


@dataclass(frozen=True)
class RecentError:
    at: str
    """UTC, ISO 8601."""
    level: str
    source: str
    message: str

    def line(self) -> str:
        return f"{self.at} {self.level} {self.source}: {self.message}"


class RecentErrors(logging.Handler):
    """Keeps the newest :data:`KEEP` errors in memory and in ``path`` (rewritten whole,
    atomically, at each error: errors are rare, and a half-written file is never read)."""

    def __init__(self, path: Path | None, keep: int = KEEP) -> None:
        super().__init__(logging.ERROR)
        self.path = path
        self.recent: deque[RecentError] = deque(read_recent(path) if path else (), maxlen=keep)
        self.setFormatter(LineFormatter())

    def emit(self, record: logging.LogRecord) -> None:
        line = self.format(record)
        message = line.split(": ", 1)[1] if ": " in line else line
        at = datetime.fromtimestamp(record.created, UTC).isoformat(timespec="seconds")
        self.recent.append(RecentError(at, record.levelname, record.name, message))
        if self.path is None:
            return
        text = "".join(json.dumps(e.__dict__, ensure_ascii=False) + "\n" for e in self.recent)
        with contextlib.suppress(OSError):  # the disk may be what fails; stderr still has it
            write_atomic(self.path, text.encode("utf-8"))


def read_recent(path: Path) -> list[RecentError]:
    """The errors kept in ``path``, oldest first; a line that does not parse is skipped."""
    out: list[RecentError] = []
    try:
        lines = path.read_text("utf-8", errors="replace").splitlines()
    except OSError:
        return out
    for line in lines:
        try:
            data = json.loads(line)
            out.append(
                RecentError(
                    str(data["at"]), str(data["level"]), str(data["source"]), str(data["message"])
                )
            )
        except (ValueError, KeyError, TypeError):
            continue
    return out


def setup(
    data_dir: Path | None, stream: TextIO | None = None, level: int = logging.INFO
) -> RecentErrors:
    """The kiosk's logging: one line per record on ``stream`` (stderr), errors also kept in
    ``data_dir``. Replaces handlers an earlier call installed; returns the error keeper."""
    root = logging.getLogger()
    for h in list(root.handlers):
        if h.get_name() in ("kiosk-stderr", "kiosk-recent"):
            root.removeHandler(h)
    out = logging.StreamHandler(stream or sys.stderr)
    out.setFormatter(LineFormatter())
    recent = RecentErrors(data_dir / RECENT_FILE if data_dir is not None else None)
    out.set_name("kiosk-stderr")
    recent.set_name("kiosk-recent")
    root.addHandler(out)
    root.addHandler(recent)
    root.setLevel(level)
    logging.captureWarnings(True)
    return recent
