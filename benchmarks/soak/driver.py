"""The run: :class:`Soak` drives the kiosk like a stream of visitors and swaps bundles."""

from __future__ import annotations

import ctypes
import gc
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from kiosk.bundle.model import END
from kiosk.clock import ManualClock
from kiosk.qt.testing import Kiosk, settle, wait_until
from kiosk.store import BundleStore, InstallOptions

from .output import row
from .recorder import Recorder
from .samples import Sample, count_items, status_kb


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
        self.tap_at(
            QPoint(
                rng.randrange(300, k.window.width() - 300),
                rng.randrange(300, k.window.height() - 300),
            )
        )
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
            rss_mb=round(status_kb("VmRSS") / 1024, 1),
            peak_mb=round(status_kb("VmHWM") / 1024, 1),
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
