"""4. Memory: resident memory (RSS) over thousands of navigations, and over hot bundle swaps.

The real kiosk UI in this process (the sample bundle re-packed and installed into a bundle
store, as on an installed kiosk; analytics writer running; a
:class:`~kiosk.clock.ManualClock`), offscreen at 1920x1080. A seeded random visitor walk: each
*navigation* is one visible change made through the controller's slots, as QML's handlers make
them after the input filter's ``touch()`` and ``logTap()``: open an entity, next/previous slide
(video slides play, as on the kiosk), open a demo and follow its hotspots and buttons, the demo's
end page, back, home, a language switch, and an idle reset through the real idle path (warning,
countdown, attract). After each navigation the harness waits until the new page has been created
and two frames have been drawn.

RSS is read at checkpoints, each at the attract loop after an idle reset, with pages and
videos unloaded (0.8 s of settling) and ``gc.collect()``; growth is from the first checkpoint
(after 500 navigations; warm-up: every page, font and decoder has been used) to the last.

Hot swaps, in the same kiosk after the navigations (so past its warm-up): two re-packed copies
of the sample bundle (other versions) installed alternately (``force``, as staff can), each
swapped in by the running kiosk at the attract loop (the store is polled every 100 ms); after
each swap a short visit (6 navigations). Growth is from swap 5 to the last.
"""

from __future__ import annotations

import gc
import random
import time
from functools import partial
from pathlib import Path

from kiosk.bundle.model import END
from kiosk.clock import ManualClock
from kiosk.qt.testing import Kiosk, start_kiosk
from kiosk.store import BundleStore, InstallOptions

from .common import SCREEN_H, SCREEN_W, Row, peak_rss_mb, qt_app, rss_mb, say
from .gen import sample_variant
from .qtprobe import FrameProbe, spin_until

HOSTS = {
    "home": "homeHost",
    "entity": "entityHost",
    "demo": "demoHost",
    "demo-end": "demoEndHost",
    "attract": "attractHost",
}


class Visitor:
    """Seeded random navigations through the controller, each waited for on screen."""

    def __init__(self, k: Kiosk, clock: ManualClock, seed: int) -> None:
        self.k = k
        self.c = k.controller
        self.clock = clock
        self.rng = random.Random(seed)
        self.probe = FrameProbe(k.window)
        self.navigations = 0
        self.counts: dict[str, int] = {}
        self.route: list[tuple[str, int, str]] = []
        self.late_video_playing = 0

    def _host_item_ready(self) -> bool:
        host = HOSTS[self.k.session.page.value]
        for item in self.k.window.contentItem().childItems()[0].childItems():
            if item.objectName() == host:
                return item.property("item") is not None
        return True

    def _done(self, what: str) -> None:
        """Count one navigation; wait for its page and two frames."""
        self.navigations += 1
        self.counts[what] = self.counts.get(what, 0) + 1
        frames = self.probe.frames
        spin_until(lambda: self._host_item_ready() and self.probe.frames >= frames + 2, 2000, 2)

    def _tap(self) -> None:
        """What the input filter does for a press: touch, and log the tap for heat maps."""
        r = self.rng
        self.c.touch()
        page = self.k.session.page.value
        if page != "attract":
            self.c.logTap(r.random(), r.random(), page)

    def idle_reset(self) -> None:
        s, idle = self.k.session, self.k.bundle.idle
        if s.video_playing and s.page.value != "entity":
            self.late_video_playing += 1  # see the note in run()
        self.clock.advance(s.idle_timeout + 1)
        s.tick()
        self.c.sync()
        self.clock.advance(idle.countdown + 1)
        s.tick()
        self.c.sync()
        assert s.page.value == "attract", (s.page, s.warning, s.video_playing)
        self._done("idle reset")

    def step(self) -> None:
        r, c, page = self.rng, self.c, self.k.session.page.value
        x = r.random()
        if page != "attract" and x < 0.04:
            self.idle_reset()
            return
        if page != "attract" and x < 0.10:
            self._tap()
            c.toggleLanguage()
            self._done("language")
            return
        self._tap()
        session = self.k.session
        if page == "attract":
            self._done("wake")
        elif page == "home":
            c.openEntity(r.choice(self.k.bundle.entities).id)
            self._done("open entity")
        elif page == "entity":
            entity = session.entity
            assert entity is not None
            if entity.demos and x < 0.30:
                demo = r.choice(entity.demos)
                c.openDemo(demo.id)
                self.route = list(demo.route_to_end())
                self._done("open demo")
            elif x < 0.40:
                c.home()
                self._done("home")
            elif x < 0.48:
                c.prevSlide()
                self._done("previous slide")
            else:
                c.nextSlide()
                self._done("next slide")
        elif page == "demo":
            if x < 0.16 or not self.route:
                c.exitDemo()
                self._done("exit demo")
                return
            screen_id, index, target = self.route.pop(0)
            screen = session.screen
            assert screen is not None and screen.id == screen_id
            if screen.kind == "image":
                h = screen.hotspots[index]
                c.tapImage(h.x + h.w / 2, h.y + h.h / 2)
            else:
                c.follow(target)
            self._done("demo end" if target == END else "demo step")
        elif page == "demo-end":
            if x < 0.5:
                c.exitDemo()
                self._done("back to entity")
            elif x < 0.7:
                c.restartDemo()
                again = session.demo
                assert again is not None
                self.route = list(again.route_to_end())
                self._done("restart demo")
            else:
                c.home()
                self._done("home")

    def checkpoint(self) -> float:
        """RSS (MB) at a quiet attract loop."""
        if self.k.session.page.value != "attract":
            self.idle_reset()
        spin_until(lambda: False, 800)
        gc.collect()
        spin_until(lambda: False, 50)
        return rss_mb()


def navigations(v: Visitor, points: list[int]) -> tuple[dict[int, float], float]:
    rss: dict[int, float] = {0: v.checkpoint()}
    t0 = time.monotonic()
    for point in points:
        while v.navigations < point:
            v.step()
        rss[point] = v.checkpoint()
        rate = v.navigations / (time.monotonic() - t0)
        say(f"after {v.navigations} navigations: RSS {rss[point]} MB ({rate:.0f} navigations/s)")
    return rss, time.monotonic() - t0


def last_is(items: list[str], name: str) -> bool:
    return bool(items) and items[-1] == name


def swaps(
    v: Visitor, store: BundleStore, zips: list[Path], n: int, baseline_at: int
) -> dict[int, float]:
    """``n`` hot swaps, alternating between ``zips``, each followed by a short visit."""
    k = v.k
    assert k.swapper is not None
    done: list[str] = []
    k.swapper.swapped.connect(done.append)
    rss: dict[int, float] = {0: v.checkpoint()}
    for i in range(1, n + 1):
        item = store.install(zips[i % 2], InstallOptions(force=True))
        if not spin_until(partial(last_is, done, item.name), 20_000, 5):
            raise RuntimeError(
                f"swap {i} to {item.name} did not show (message: {k.swapper.message})"
            )
        for _ in range(6):  # a short visit on the new bundle
            v.step()
        rss[i] = v.checkpoint()
        if i in (1, baseline_at, n) or i % 10 == 0:
            say(f"after {i} swaps: RSS {rss[i]} MB")
    return rss


def run(quick: bool, tmp: Path) -> list[Row]:
    qt_app()
    # One kiosk for both parts, on a bundle store (as installed kiosks run), so that the swaps
    # start from a kiosk past its warm-up.
    store = BundleStore(tmp / "store")
    zips = [sample_variant(tmp, "1.0.1", "A"), sample_variant(tmp, "1.0.2", "B")]
    store.install(zips[0])
    active = store.active_path()
    assert active is not None
    clock = ManualClock()
    k = start_kiosk(
        active,
        width=SCREEN_W,
        height=SCREEN_H,
        language="ar",
        clock=clock,
        store=store,
        db=tmp / "memory.db",
    )
    v = Visitor(k, clock, seed=7)
    points = [250, 1000] if quick else [500, 1000, 2000, 5000, 10_000]
    rss, seconds = navigations(v, points)
    counts = dict(v.counts)
    first, last = points[0], points[-1]
    growth = (rss[last] - rss[first]) / rss[first] * 100
    n_swaps, base = (12, 4) if quick else (50, 5)
    swap_rss = swaps(v, store, zips, n_swaps, base)
    v.probe.disconnect()
    k.close()
    swap_growth = (swap_rss[n_swaps] - swap_rss[base]) / swap_rss[base] * 100
    peak = peak_rss_mb()
    return [
        Row(
            "memory",
            f"RSS after {first} navigations",
            rss[first],
            "MB",
            details={"rss_mb": rss, "navigations": counts, "seconds": round(seconds)},
        ),
        Row(
            "memory",
            f"RSS after {last:,} navigations",
            rss[last],
            "MB",
            note=f"navigations: {counts}",
        ),
        Row(
            "memory", f"RSS growth, {first} -> {last:,} navigations", growth, "%", None, "max", 5.0
        ),
        Row("memory", "peak RSS (whole section)", peak, "MB"),
        Row(
            "memory",
            f"RSS after {base} hot bundle swaps",
            swap_rss[base],
            "MB",
            details={"rss_mb": swap_rss},
        ),
        Row("memory", f"RSS after {n_swaps} hot bundle swaps", swap_rss[n_swaps], "MB"),
        Row("memory", f"RSS growth, swap {base} -> {n_swaps}", swap_growth, "%", None, "max", 5.0),
    ]
