"""Shared pieces of the benchmark sections: result rows, statistics, process memory, Qt set-up."""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CACHE = Path(os.environ.get("KIOSK_BENCH_CACHE", "/tmp/kiosk-bench-cache"))
"""Generated inputs kept between runs (event databases, media bundles)."""

SCREEN_W, SCREEN_H = 1920, 1080


@dataclass
class Row:
    """One figure of the table.

    ``kind`` says how ``passed`` is decided: "max_ratio" (value / floor <= limit),
    "min_ratio" (value / floor >= limit), "max" (value <= limit), "min" (value >= limit),
    "zero" (value == 0) or "info" (no target).
    """

    section: str
    figure: str
    value: float | None
    unit: str
    floor: float | None = None
    kind: str = "info"
    limit: float | None = None
    note: str = ""
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.floor:
            return None
        return self.value / self.floor

    @property
    def target(self) -> str:
        lim = self.limit
        if self.kind == "max_ratio":
            return f"<= {lim:g}x floor"
        if self.kind == "min_ratio":
            return f">= {lim:.0%} of floor" if lim is not None else ""
        if self.kind == "max":
            return f"<= {lim:g} {self.unit}"
        if self.kind == "min":
            return f">= {lim:g} {self.unit}"
        if self.kind == "zero":
            return "0"
        return ""

    @property
    def passed(self) -> bool | None:
        v, lim, r = self.value, self.limit, self.ratio
        if self.kind == "info":
            return None
        if v is None:
            return False
        if self.kind == "zero":
            return v == 0
        assert lim is not None
        if self.kind == "max":
            return v <= lim
        if self.kind == "min":
            return v >= lim
        if r is None:
            return False
        return r <= lim if self.kind == "max_ratio" else r >= lim

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["ratio"] = None if self.ratio is None else round(self.ratio, 3)
        d["target"] = self.target
        d["passed"] = self.passed
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Row:
        keys = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in d.items() if k in keys})


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def distribution(values: Sequence[float], digits: int = 2) -> dict[str, float | int]:
    return {
        "n": len(values),
        "p50": round(percentile(values, 50), digits),
        "p95": round(percentile(values, 95), digits),
        "p99": round(percentile(values, 99), digits),
        "max": round(max(values), digits) if values else float("nan"),
    }


def status_kb(key: str) -> int:
    """A field of /proc/self/status in kB (VmRSS: resident now, VmHWM: peak resident)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    return 0


def rss_mb() -> float:
    return round(status_kb("VmRSS") / 1024, 1)


def peak_rss_mb() -> float:
    return round(status_kb("VmHWM") / 1024, 1)


def say(text: str) -> None:
    """Progress, on stderr (stdout is kept for the table)."""
    print(f"  {text}", file=sys.stderr, flush=True)


@contextmanager
def timed(label: str) -> Iterator[None]:
    t0 = time.monotonic()
    yield
    say(f"{label}: {time.monotonic() - t0:.1f} s")


def offscreen_platform(tmp: Path) -> str:
    """QT_QPA_PLATFORM value for an offscreen screen of the kiosk's size (the default: 800x800)."""
    config = tmp / "offscreen.json"
    if not config.exists():
        screen = {
            "name": "bench",
            "x": 0,
            "y": 0,
            "width": SCREEN_W,
            "height": SCREEN_H,
            "logicalDpiX": 96,
            "logicalDpiY": 96,
            "dpr": 1,
        }
        config.write_text(json.dumps({"screens": [screen]}))
    return f"offscreen:configfile={config}"


def qt_app() -> Any:
    """The QGuiApplication for an in-process section, set up like the kiosk's."""
    from PySide6.QtGui import QGuiApplication

    from kiosk.qt.app import configure_environment

    app = QGuiApplication.instance()
    if app is None:
        configure_environment()
        app = QGuiApplication([sys.argv[0]])
    return app


Section = Callable[[bool, Path], list[Row]]
"""A section: ``run(quick, tmp) -> rows``."""
