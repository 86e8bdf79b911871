"""One row of measurements: RSS, file descriptors, threads, QML items, QObjects..."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtQuick import QQuickItem


def status_kb(key: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    return 0


def count_items(root: QQuickItem) -> int:
    n, stack = 0, [root]
    while stack:
        item = stack.pop()
        n += 1
        stack.extend(item.childItems())
    return n


@dataclass
class Sample:
    real_s: float
    sim_h: float
    visitors: int
    events: int
    swaps: int
    rss_mb: float
    peak_mb: float
    fds: int
    threads: int
    items: int
    qobjects: int
    py_objects: int
    wal_kb: float
    db_kb: float
