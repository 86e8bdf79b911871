"""``--trace FILE``: JSON-lines timing marks, in ms since the process started.

{"mark": "first_frame", "t_ms": 231.4}
{"mark": "response", "input_ms": 5012.1, "frame_ms": 5020.7, "to": "home"}
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any, TextIO


def process_start_monotonic() -> float:
    """When this process started, on the time.monotonic() scale (Linux; else: now)."""
    try:
        stat = Path("/proc/self/stat").read_text()
        fields = stat[stat.rindex(")") + 2 :].split()
        start_ticks = int(fields[19])  # field 22 of the full line: starttime
        ticks = os.sysconf("SC_CLK_TCK")
        # starttime counts from boot, and CLOCK_MONOTONIC also runs from boot on Linux
        # (without suspended time; kiosks do not suspend).
        boot_offset = time.clock_gettime(time.CLOCK_BOOTTIME) - time.monotonic()
        return start_ticks / ticks - boot_offset
    except (OSError, ValueError, IndexError):
        return time.monotonic()


class Trace:
    def __init__(self, path: Path | None) -> None:
        self.t0 = process_start_monotonic()
        self._file: TextIO | None = path.open("a", encoding="utf-8", buffering=1) if path else None

    @property
    def enabled(self) -> bool:
        return self._file is not None

    def ms(self, t: float | None = None) -> float:
        return round(((time.monotonic() if t is None else t) - self.t0) * 1000, 1)

    def mark(self, name: str, **data: Any) -> None:
        if self._file is None:
            return
        record = {"mark": name, **data}
        if "t_ms" not in record and "frame_ms" not in record:
            record["t_ms"] = self.ms()
        self._file.write(json.dumps(record) + "\n")

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
