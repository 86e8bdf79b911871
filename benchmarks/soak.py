"""Soak run: the real kiosk UI, in-process, under a stream of simulated visitors for hours.

    .venv/bin/python -m benchmarks.soak --hours 1 --json artifacts/soak/soak-1h.json

The kiosk runs offscreen (``QT_QPA_PLATFORM=offscreen`` unless set) from a temporary bundle
store, with a :class:`~kiosk.clock.ManualClock` that the visitors move forward: each real
second stands for about ``--speed`` simulated seconds (168 by default: one real hour is a
simulated week). Visitors arrive at the attract loop, tap through entities and slides (videos
play; black frames are fine offscreen), swipe, run demos to the end along
``Demo.route_to_end()`` (tapping the hotspot centres and form buttons), miss a hotspot now and
then, rate the demo, switch language, sometimes abandon, and always leave by idling out
through the real idle path (warning, countdown, attract). Almost every action is a mouse
click on the window, so the input filter, QML and rendering are exercised. Every simulated
hour, a re-packed copy of the sample bundle with another version is installed into the store
(two zips prepared once, alternately), and the running kiosk hot-swaps to it at the attract
loop.

Every ``--sample-s`` real seconds, at the attract loop between visitors: RSS, open file
descriptors, threads, QObjects (the window's item tree plus the engine's QObject children),
Python objects, the analytics WAL size, events committed, sessions, simulated time.

Exit 1 on: a Qt warning/critical/fatal message (other than the documented ones in
``IGNORED``), a Python exception in a slot or thread, a step that did not happen (a page
that did not appear, a swap that did not show), RSS at the end more than ``--rss-budget``
(5%) above RSS after warm-up (the first 10% of the run), or more file descriptors or
threads at the end than after warm-up.
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import json
import os
import random
import shutil
import sys
import tempfile
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QObject,
    QPoint,
    QPointF,
    Qt,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from kiosk.bundle import pack
from kiosk.bundle.model import END
from kiosk.clock import ManualClock
from kiosk.config import Config
from kiosk.paths import SAMPLE_BUNDLE
from kiosk.qt.app import configure_environment
from kiosk.qt.testing import Kiosk, settle, start_kiosk, wait_until
from kiosk.store import BundleStore, InstallOptions

# Messages that come from outside the project's code, each with the reason. Matched on
# (category, start of the message). Keep this list short and explained.
IGNORED: list[tuple[str, str, str]] = []


# -- Qt messages and Python exceptions ---------------------------------------------------------


@dataclass
class Problem:
    kind: str  # "qt-warning", "qt-critical", "qt-fatal", "exception", "step"
    text: str
    where: str = ""
    real_s: float = 0.0
    sim_h: float = 0.0
    count: int = 1
    trails: list[list[str]] = field(default_factory=list)
    """Up to 5 examples of the actions that led to it (the last 12, oldest first)."""


class Recorder:
    """Collects Qt messages and uncaught Python exceptions (deduplicated, with counts)."""

    def __init__(self) -> None:
        self.problems: dict[tuple[str, str, str], Problem] = {}
        self.ignored: dict[str, int] = {}
        self.infos = 0
        self.t0 = time.monotonic()
        self.sim_h: Callable[[], float] = lambda: 0.0
        self.trail: deque[str] = deque(maxlen=12)
        self.doing = "start"

    @property
    def doing(self) -> str:
        """The driver's current action (shown with each problem)."""
        return self.trail[-1] if self.trail else ""

    @doing.setter
    def doing(self, action: str) -> None:
        self.trail.append(f"{self.sim_h():.3f}h {action}")

    def add(self, kind: str, text: str, where: str = "") -> None:
        key = (kind, text, where)
        if key in self.problems:
            self.problems[key].count += 1
            if len(self.problems[key].trails) < 5:
                self.problems[key].trails.append(list(self.trail))
            return
        p = Problem(kind, text, where, round(time.monotonic() - self.t0, 1), round(self.sim_h(), 3))
        p.trails.append(list(self.trail))
        self.problems[key] = p
        print(f"soak: {kind}: {text} {where}".rstrip(), file=sys.stderr, flush=True)

    def qt(self, mode: QtMsgType, ctx: QMessageLogContext, message: str) -> None:
        if mode in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
            self.infos += 1
            return
        category = ctx.category or ""
        for cat, start, _why in IGNORED:
            if category == cat and message.startswith(start):
                self.ignored[f"{cat}: {start}"] = self.ignored.get(f"{cat}: {start}", 0) + 1
                return
        kind = {
            QtMsgType.QtWarningMsg: "qt-warning",
            QtMsgType.QtCriticalMsg: "qt-critical",
            QtMsgType.QtFatalMsg: "qt-fatal",
        }.get(mode, "qt-other")
        where = f"[{category}]" + (f" {ctx.file}:{ctx.line}" if ctx.file else "")
        where += f" (after: {self.doing.split(' ', 1)[-1]})"
        self.add(kind, message, where)

    def excepthook(self, etype: type[BaseException], value: BaseException, tb: Any) -> None:
        text = "".join(traceback.format_exception(etype, value, tb)).strip()
        self.add("exception", text)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        text = "".join(
            traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback)
        ).strip()
        self.add("exception", text, f"thread {args.thread.name if args.thread else '?'}")

    def total(self) -> int:
        return sum(p.count for p in self.problems.values())


# -- samples -----------------------------------------------------------------------------------


def _status_kb(key: str) -> int:
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


# -- bundles -----------------------------------------------------------------------------------


def make_variant(tmp: Path, version: str, tag: str) -> Path:
    """The sample bundle re-packed with another version and a marked title."""
    src = tmp / f"src-{version}"
    shutil.copytree(SAMPLE_BUNDLE, src)
    toml = src / "bundle.toml"
    text = toml.read_text("utf-8")
    new = text.replace('version = "1.0.0"', f'version = "{version}"', 1)
    new = new.replace(
        'en = "Qatar Digital Government"', f'en = "Qatar Digital Government {tag}"', 1
    )
    if new.count(version) < 1 or tag not in new:
        raise SystemExit("soak: the sample bundle's bundle.toml changed; update make_variant")
    toml.write_text(new, "utf-8")
    out = tmp / f"sample-{version}.zip"
    report = pack(src, out)
    if not report.ok:
        raise SystemExit(f"soak: packing {src} failed: {report}")
    shutil.rmtree(src)
    return out


# -- the run -----------------------------------------------------------------------------------


class StepFailed(Exception):
    pass


@dataclass
class Counts:
    visitors: int = 0
    abandoned: int = 0
    language_switches: int = 0
    entities: int = 0
    slides_tap: int = 0
    slides_swipe: int = 0
    swipes_ignored: int = 0
    demos: int = 0
    demos_completed: int = 0
    demos_left: int = 0
    hotspot_taps: int = 0
    hotspot_misses: int = 0
    misses_skipped: int = 0
    form_taps: int = 0
    feedback: int = 0
    idle_dismissed: int = 0
    idle_resets: int = 0
    videos_seen: int = 0
    swaps: int = 0
    taps: int = 0
    recoveries: int = 0


@dataclass
class Soak:
    k: Kiosk
    clock: ManualClock
    rng: random.Random
    rec: Recorder
    db: Path
    store: BundleStore
    zips: list[Path]
    speed: float
    duration_s: float
    sample_s: float
    swap_every_s: float = 3600.0
    malloc_trim: bool = False
    t_start: float = 0.0
    sim_start: float = 0.0
    counts: Counts = field(default_factory=Counts)
    samples: list[Sample] = field(default_factory=list)
    next_sample: float = 0.0
    next_swap: float = 0.0
    swapped: int = 0
    rolled_back: list[str] = field(default_factory=list)
    swap_seconds: list[float] = field(default_factory=list)

    # -- helpers -------------------------------------------------------------------------------

    def real(self) -> float:
        return time.monotonic() - self.t_start

    def sim_h(self) -> float:
        return (self.clock() - self.sim_start) / 3600

    def think(self, lo: float, hi: float) -> None:
        """The visitor looks at the screen for a while (simulated) while frames keep coming."""
        self.clock.advance(self.rng.uniform(lo, hi))
        self.rec.doing = "think"
        QCoreApplication.processEvents()

    def tap(self, name: str) -> None:
        self.rec.doing = f"tap {name} on {self.k.session.page.value}"
        try:
            self.k.tap(name)
        except LookupError as exc:
            raise StepFailed(str(exc)) from exc
        self.counts.taps += 1

    def tap_at(self, p: QPoint) -> None:
        self.k.tap_at(p)
        self.counts.taps += 1

    def expect(self, what: str, pred: Any, ms: int = 5000) -> None:
        if not wait_until(pred, ms):
            raise StepFailed(f"{what} (page {self.k.session.page.value!r})")

    def page(self, page: str, ms: int = 5000) -> None:
        self.expect(f"page {page!r} did not appear", lambda: self.k.session.page.value == page, ms)
        self.rec.doing = f"on {page} (slide {self.k.session.slide_index})"
        settle(350)  # the page fade (Theme.fade, 300 ms): a visitor taps what has arrived

    # -- one visitor ---------------------------------------------------------------------------

    def visitor(self) -> None:
        k, rng, c = self.k, self.rng, self.counts
        s = k.session
        self.rec.doing = "wake the kiosk"
        self.tap_at(QPoint(rng.randrange(300, k.window.width() - 300),
                           rng.randrange(300, k.window.height() - 300)))  # fmt: skip
        self.page("home")
        if rng.random() < 0.3:
            self.switch_language()
        abandon_at = rng.randrange(1, 4) if rng.random() < 0.25 else None
        for n in range(1, rng.randint(1, 3) + 1):
            self.think(2, 8)
            entity = rng.choice(s.bundle.entities)
            self.tap(f"tile-{entity.id}")
            self.page("entity")
            c.entities += 1
            if abandon_at == n and rng.random() < 0.5:
                c.abandoned += 1
                return  # walks away from the entity page
            for _ in range(rng.randint(0, len(entity.slides))):
                self.think(3, 12)
                self.next_slide()
                if rng.random() < 0.05:
                    self.switch_language()
            walked_away = (
                entity.demos
                and rng.random() < 0.6
                and self.demo(rng.choice(entity.demos), abandon=abandon_at == n)
            )
            if walked_away:
                c.abandoned += 1
                return  # walks away in the middle of a demo
            if abandon_at == n:
                c.abandoned += 1
                return
            self.think(1, 4)
            self.tap("homeButton")
            self.page("home")

    def switch_language(self) -> None:
        before = self.k.session.language
        self.tap("languageButton")
        self.expect("the language did not change", lambda: self.k.session.language != before)
        self.counts.language_switches += 1

    def next_slide(self) -> None:
        k, c = self.k, self.counts
        before = k.session.slide_index
        if self.rng.random() < 0.25 and self.swipe():
            c.slides_swipe += 1
        else:
            self.tap("nextSlide")
            self.expect("the slide did not change", lambda: k.session.slide_index != before)
            c.slides_tap += 1
        entity = k.session.entity
        if entity is not None and entity.slides[k.session.slide_index].kind == "video":
            c.videos_seen += 1
            self.rec.doing = "watch a video"
            # let it play for a while (real time), as a visitor watching it would
            settle(self.rng.randrange(300, 1500))

    def swipe(self) -> bool:
        """A horizontal drag across the slide list; True when it changed the slide."""
        k = self.k
        lst = k.find("slideList")
        if lst is None:
            return False
        before = k.session.slide_index
        rtl = lst.property("effectiveLayoutDirection") == Qt.LayoutDirection.RightToLeft
        w, h = lst.width(), lst.height()
        y = h * 0.45
        xs = [w * 0.8 - i * w * 0.1 for i in range(7)]  # leftwards: the next slide in LTR
        if rtl:
            xs = [w - x for x in xs]
        points = [lst.mapToScene(QPointF(x, y)).toPoint() for x in xs]
        win = k.window
        QTest.mousePress(win, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[0])
        for p in points[1:]:
            settle(16)
            QTest.mouseMove(win, p)
        QTest.mouseRelease(
            win, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[-1]
        )
        self.counts.taps += 1
        self.rec.doing = f"swipe on {k.session.page.value} (rtl {rtl})"
        wait_until(lambda: not lst.property("moving"), 3000)
        settle(50)
        if k.session.slide_index != before:
            return True
        self.counts.swipes_ignored += 1
        return False

    def demo(self, demo: Any, *, abandon: bool) -> bool:
        """Run ``demo``; True when the visitor walked away in the middle."""
        k, rng, c = self.k, self.rng, self.counts
        self.think(2, 6)
        self.tap(f"startDemo-{demo.id}")
        self.page("demo")
        c.demos += 1
        route = demo.route_to_end()
        leave_at = rng.randrange(len(route)) if rng.random() < 0.3 else None
        for i, (screen_id, index, target) in enumerate(route):
            if leave_at == i:
                if abandon:
                    return True
                self.think(1, 5)
                self.tap("exitDemo")
                self.page("entity")
                c.demos_left += 1
                return False
            self.expect(
                f"demo screen {screen_id!r} did not appear",
                lambda sid=screen_id: k.session.screen is not None and k.session.screen.id == sid,
            )
            self.think(2, 10)
            screen = demo.screen(screen_id)
            if screen.kind == "image":
                if rng.random() < 0.2:
                    self.miss(screen)
                self.tap(f"hotspot-{index}")
                c.hotspot_taps += 1
            else:
                self.tap(f"formButton-{index}")
                c.form_taps += 1
            if target == END:
                self.page("demo-end")
            else:
                self.expect(
                    f"demo screen {target!r} did not follow",
                    lambda t=target: k.session.screen is not None and k.session.screen.id == t,
                )
        c.demos_completed += 1
        self.think(1, 5)
        if rng.random() < 0.6:
            self.tap(f"rate-{rng.choice((1, 2, 3, 3, 3))}")
            c.feedback += 1
        if abandon:
            return True
        self.think(1, 3)
        self.tap("backToEntity")
        self.page("entity")
        return False

    def miss(self, screen: Any) -> None:
        """Tap the screenshot away from every hotspot (the hint shows; nothing else happens)."""
        k = self.k
        spot = k.find("hotspot-0")
        if spot is None:
            self.counts.misses_skipped += 1
            return
        h0 = screen.hotspots[0]
        top_left = spot.mapToScene(QPointF(0, 0))
        sx, sy = spot.width() / h0.w, spot.height() / h0.h
        ox, oy = top_left.x() - h0.x * sx, top_left.y() - h0.y * sy
        for _ in range(20):
            x, y = self.rng.uniform(0.05, 0.95), self.rng.uniform(0.05, 0.95)
            near = any(
                h.x - 0.03 <= x <= h.x + h.w + 0.03 and h.y - 0.03 <= y <= h.y + h.h + 0.03
                for h in screen.hotspots
            )
            if not near:
                before = k.session.screen
                self.rec.doing = "tap away from the hotspots"
                self.tap_at(QPoint(round(ox + x * sx), round(oy + y * sy)))
                settle(30)
                if k.session.screen is not before:
                    raise StepFailed("a tap away from every hotspot changed the demo screen")
                self.counts.hotspot_misses += 1
                return

    def idle_out(self) -> None:
        """Nobody touches the kiosk: warning, countdown, attract loop (the real idle path)."""
        k, c = self.k, self.counts
        s = k.session
        if s.page.value == "attract":
            return
        self.rec.doing = f"idle out from {s.page.value}"
        self.clock.advance(s.idle_timeout + 0.5)
        self.expect("the idle warning did not show", lambda: k.controller.idleWarning, 3000)
        if self.rng.random() < 0.1:
            # someone comes back just in time, then leaves for good
            settle(100)
            self.clock.advance(self.rng.uniform(1, s.bundle.idle.countdown - 2))
            self.tap_at(QPoint(k.window.width() // 2, k.window.height() // 2))
            self.expect("the idle warning did not go", lambda: not k.controller.idleWarning, 3000)
            c.idle_dismissed += 1
            self.clock.advance(s.idle_timeout + 0.5)
            self.expect("the idle warning did not show", lambda: k.controller.idleWarning, 3000)
        settle(50)
        self.clock.advance(s.bundle.idle.countdown + 0.5)
        self.page("attract", 3000)
        c.idle_resets += 1

    def recover(self, exc: StepFailed) -> None:
        self.rec.add("step", str(exc))
        self.counts.recoveries += 1
        s = self.k.session
        if s.page.value != "attract":
            s.end("staff")
            self.k.controller.sync()
        wait_until(lambda: self.k.session.page.value == "attract", 3000)
        settle(200)

    # -- swaps, pace, samples ------------------------------------------------------------------

    def maybe_swap(self) -> None:
        if self.swap_every_s <= 0 or self.clock() < self.next_swap:
            return
        while self.next_swap <= self.clock():
            self.next_swap += self.swap_every_s
        zip_ = self.zips[self.counts.swaps % 2]
        want = "1.0.2" if self.counts.swaps % 2 == 0 else "1.0.1"
        t = time.monotonic()
        before = self.swapped
        self.rec.doing = f"bundle swap to {want}"
        # force: every other install is an older version than the active one (a downgrade)
        self.store.install(zip_, InstallOptions(force=True))
        if not wait_until(lambda: self.swapped > before, 20000):
            raise StepFailed(f"the swap to {want} did not show within 20 s")
        if self.k.session.bundle.version != want:
            raise StepFailed(f"swapped to {self.k.session.bundle.version}, expected {want}")
        self.swap_seconds.append(time.monotonic() - t)
        self.counts.swaps += 1

    def pace(self) -> None:
        """Between visitors: the attract loop runs; simulated time keeps to about ``speed``×."""
        gap = self.rng.uniform(5, 300)
        target = self.sim_start + self.speed * self.real()
        gap = max(gap, target - self.clock())
        self.clock.advance(gap)
        self.maybe_swap()
        # ahead of the pace: let the attract loop run in real time until it catches up
        while self.clock() > self.sim_start + self.speed * self.real() and not self.done():
            settle(100)
            self.maybe_sample()
        settle(self.rng.randrange(20, 200))

    def done(self) -> bool:
        return self.real() >= self.duration_s

    def maybe_sample(self, force: bool = False) -> None:
        if not force and self.real() < self.next_sample:
            return
        self.next_sample += self.sample_s
        while self.next_sample <= self.real():
            self.next_sample += self.sample_s
        self.samples.append(self.sample())
        print(row(self.samples[-1]), flush=True)

    def sample(self) -> Sample:
        k = self.k
        if self.malloc_trim:
            # diagnostics: give the allocator's free pages back, so RSS shows live memory
            ctypes.CDLL("libc.so.6").malloc_trim(0)
        wal = self.db.with_name(self.db.name + "-wal")
        return Sample(
            real_s=round(self.real(), 1),
            sim_h=round(self.sim_h(), 2),
            visitors=self.counts.visitors,
            events=k.log.committed if k.log else 0,
            swaps=self.counts.swaps,
            rss_mb=round(_status_kb("VmRSS") / 1024, 1),
            peak_mb=round(_status_kb("VmHWM") / 1024, 1),
            fds=sum(1 for _ in Path("/proc/self/fd").iterdir()),
            threads=sum(1 for _ in Path("/proc/self/task").iterdir()),
            items=count_items(k.window.contentItem()),
            qobjects=len(k.engine.findChildren(QObject)),
            py_objects=len(gc.get_objects()),
            wal_kb=round(wal.stat().st_size / 1024, 1) if wal.exists() else 0.0,
            db_kb=round(self.db.stat().st_size / 1024, 1) if self.db.exists() else 0.0,
        )

    def run(self) -> None:
        self.t_start = time.monotonic()
        self.sim_start = self.clock()
        self.next_swap = self.sim_start + self.swap_every_s
        self.rec.sim_h = self.sim_h
        self.k.swapper.swapped.connect(self._on_swapped)  # type: ignore[union-attr]
        self.k.swapper.rolledBack.connect(self._on_rolled_back)  # type: ignore[union-attr]
        settle(500)
        self.maybe_sample(force=True)
        self.next_sample = self.sample_s
        while not self.done():
            try:
                self.visitor()
                self.idle_out()
                self.counts.visitors += 1
                self.pace()
            except StepFailed as exc:
                self.recover(exc)
            self.maybe_sample()
            if self.rec.total() > 200:
                print("soak: too many problems, stopping early", file=sys.stderr)
                break
        settle(500)
        if self.k.log:
            self.k.log.flush()
        self.maybe_sample(force=True)

    def _on_swapped(self, _name: str) -> None:
        self.swapped += 1

    def _on_rolled_back(self, reason: str) -> None:
        self.rolled_back.append(reason)
        self.rec.add("step", f"the swap rolled back: {reason}")


# -- output ------------------------------------------------------------------------------------

COLUMNS = [
    ("real_s", "real s", 7), ("sim_h", "sim h", 7), ("visitors", "visits", 6),
    ("events", "events", 7), ("swaps", "swaps", 5), ("rss_mb", "RSS MB", 7),
    ("peak_mb", "peak MB", 7), ("fds", "fds", 4), ("threads", "thr", 4), ("items", "items", 6),
    ("qobjects", "QObj", 6), ("py_objects", "pyobj", 7), ("wal_kb", "WAL KB", 7),
    ("db_kb", "DB KB", 7),
]  # fmt: skip


def header() -> str:
    return " ".join(f"{title:>{w}}" for _k, title, w in COLUMNS)


def row(s: Sample) -> str:
    d = asdict(s)
    return " ".join(f"{d[key]:>{w}}" for key, _t, w in COLUMNS)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--hours", type=float, default=0.0, help="real hours to run")
    p.add_argument("--minutes", type=float, default=0.0, help="real minutes to run (added)")
    p.add_argument(
        "--speed",
        type=float,
        default=168.0,
        help="simulated seconds per real second (168: an hour is a week)",
    )
    p.add_argument("--sample-s", type=float, default=60.0, help="real seconds between samples")
    p.add_argument(
        "--rss-budget",
        type=float,
        default=0.05,
        help="allowed RSS growth from warm-up to the end (0.05 = 5%%)",
    )
    p.add_argument("--warmup", type=float, default=0.10, help="share of the run that is warm-up")
    p.add_argument(
        "--swap-every-h",
        type=float,
        default=1.0,
        help="simulated hours between bundle swaps (0: none)",
    )
    p.add_argument(
        "--malloc-trim",
        action="store_true",
        help="diagnostics: call glibc malloc_trim(0) before each sample (RSS = live memory)",
    )
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--size", default="1920x1080", help="window size, WxH")
    p.add_argument("--json", type=Path, help="write the samples and the summary here")
    args = p.parse_args(argv)  # fmt: skip
    duration = args.hours * 3600 + args.minutes * 60
    if duration <= 0:
        p.error("give --hours and/or --minutes")
    width, height = (int(x) for x in args.size.split("x"))

    rec = Recorder()
    qInstallMessageHandler(rec.qt)
    sys.excepthook = rec.excepthook
    threading.excepthook = rec.thread_excepthook

    configure_environment()
    os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")
    app = QGuiApplication(sys.argv[:1])
    app.setApplicationName("kiosk-soak")

    tmp = Path(tempfile.mkdtemp(prefix="kiosk-soak-"))
    try:
        t = time.monotonic()
        zips = [make_variant(tmp, "1.0.2", "(B)"), make_variant(tmp, "1.0.1", "(A)")]
        store = BundleStore(tmp / "data")
        store.install(zips[1])  # 1.0.1 first; the swaps go 1.0.2, 1.0.1, 1.0.2, ...
        active = store.active_path()
        assert active is not None
        print(f"soak: bundles packed and installed in {time.monotonic() - t:.1f} s ({tmp})")
        clock = ManualClock()
        db = tmp / "kiosk.db"
        # a Config makes start_kiosk build the staff panel (Admin), as the real kiosk does;
        # without it Main.qml warns "Could not set initial property admin" (admin=None)
        config = Config(tmp / "kiosk.toml", kiosk_id="soak", data_dir=tmp / "data")
        k = start_kiosk(active, width=width, height=height, clock=clock, db=db, store=store,
                        config=config)  # fmt: skip
        soak = Soak(k, clock, random.Random(args.seed), rec, db, store, zips, args.speed,
                    duration, args.sample_s, args.swap_every_h * 3600, args.malloc_trim)  # fmt: skip
        print(f"soak: {duration / 60:.0f} real minutes at {args.speed:g}x "
              f"(about {duration * args.speed / 3600:.0f} simulated hours), a sample every "
              f"{args.sample_s:g} s")  # fmt: skip
        print(header(), flush=True)
        crashed = None
        try:
            soak.run()
        except Exception:
            crashed = traceback.format_exc()
            rec.add("exception", crashed.strip(), "the soak driver")
        result = summarise(soak, args, crashed)
        k.close()
        settle(50)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print()
    print(header())
    for s in soak.samples:
        print(row(s))
    print_summary(result)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", "utf-8")
    return 0 if result["ok"] else 1


def summarise(soak: Soak, args: argparse.Namespace, crashed: str | None) -> dict[str, Any]:
    samples = soak.samples
    first, last = samples[0], samples[-1]
    warm_at = args.warmup * soak.duration_s
    warm = next((s for s in samples if s.real_s >= warm_at), last)
    growth = (last.rss_mb - warm.rss_mb) / warm.rss_mb
    failures: list[str] = []
    if crashed:
        failures.append("the driver crashed")
    counted = sorted(soak.rec.problems.values(), key=lambda p: p.real_s)
    for kind in ("qt-warning", "qt-critical", "qt-fatal", "qt-other", "exception", "step"):
        n = sum(p.count for p in counted if p.kind == kind)
        if n:
            failures.append(f"{n} {kind} message(s)")
    if growth > args.rss_budget:
        failures.append(f"RSS grew {growth:+.1%} after warm-up (budget {args.rss_budget:+.0%})")
    if last.fds > warm.fds:
        failures.append(f"file descriptors grew from {warm.fds} to {last.fds}")
    if last.threads > warm.threads:
        failures.append(f"threads grew from {warm.threads} to {last.threads}")
    if len(samples) < 3:
        failures.append("fewer than 3 samples")
    sim_h = last.sim_h
    return {
        "ok": not failures,
        "failures": failures,
        "config": {
            "real_s": soak.duration_s, "speed": args.speed, "sample_s": args.sample_s,
            "seed": args.seed, "size": args.size, "swap_every_h": args.swap_every_h,
            "malloc_trim": args.malloc_trim, "rss_budget": args.rss_budget,
            "warmup": args.warmup, "platform": os.environ.get("QT_QPA_PLATFORM"),
        },
        "summary": {
            "real_s": last.real_s,
            "simulated_hours": sim_h,
            "simulated_days": round(sim_h / 24, 2),
            "visitors": last.visitors,
            "events": last.events,
            "swaps": soak.counts.swaps,
            "swap_seconds_median": (
                round(sorted(soak.swap_seconds)[len(soak.swap_seconds) // 2], 2)
                if soak.swap_seconds else None
            ),
            "rss_mb": {"start": first.rss_mb, "warm": warm.rss_mb, "end": last.rss_mb,
                       "peak": max(last.peak_mb, max(s.rss_mb for s in samples)),
                       "growth_after_warmup": round(growth, 4)},
            "fds": {"start": first.fds, "warm": warm.fds, "end": last.fds,
                    "max": max(s.fds for s in samples)},
            "threads": {"start": first.threads, "warm": warm.threads, "end": last.threads,
                        "max": max(s.threads for s in samples)},
            "items": {"start": first.items, "warm": warm.items, "end": last.items,
                      "max": max(s.items for s in samples)},
            "qobjects": {"start": first.qobjects, "warm": warm.qobjects, "end": last.qobjects,
                         "max": max(s.qobjects for s in samples)},
            "py_objects": {"start": first.py_objects, "warm": warm.py_objects,
                           "end": last.py_objects},
            "wal_kb": {"end": last.wal_kb, "max": max(s.wal_kb for s in samples)},
            "db_kb": last.db_kb,
            "counts": asdict(soak.counts),
            "problems": soak.rec.total(),
            "ignored_messages": soak.rec.ignored,
        },
        "problems": [asdict(p) for p in counted],
        "samples": [asdict(s) for s in samples],
    }  # fmt: skip


def print_summary(r: dict[str, Any]) -> None:
    s = r["summary"]
    print()
    print(
        f"simulated {s['simulated_hours']:.1f} h ({s['simulated_days']} days) in "
        f"{s['real_s'] / 60:.1f} real min: {s['visitors']} visitors, {s['events']} events, "
        f"{s['swaps']} bundle swaps (median {s['swap_seconds_median']} s install to screen)"
    )
    m = s["rss_mb"]
    print(
        f"RSS MB: start {m['start']}, warm {m['warm']}, end {m['end']}, peak {m['peak']}, "
        f"growth after warm-up {m['growth_after_warmup']:+.2%}"
    )
    for key in ("fds", "threads", "items", "qobjects"):
        v = s[key]
        print(f"{key}: start {v['start']}, warm {v['warm']}, end {v['end']}, max {v['max']}")
    print(
        f"python objects: start {s['py_objects']['start']}, warm {s['py_objects']['warm']}, "
        f"end {s['py_objects']['end']}"
    )
    print(f"WAL KB: end {s['wal_kb']['end']}, max {s['wal_kb']['max']}; DB KB {s['db_kb']}")
    print("counts: " + ", ".join(f"{k} {v}" for k, v in s["counts"].items()))
    if s["ignored_messages"]:
        print(
            "ignored (outside our code): " + json.dumps(s["ignored_messages"], ensure_ascii=False)
        )
    for p in r["problems"]:
        print(
            f"PROBLEM x{p['count']} at {p['real_s']} s ({p['sim_h']} sim h): {p['kind']}: "
            f"{p['text']} {p['where']}"
        )
        for trail in p["trails"][:2]:
            print("  after: " + " > ".join(trail))
    print("OK" if r["ok"] else "FAILED: " + "; ".join(r["failures"]))


if __name__ == "__main__":
    sys.exit(main())
