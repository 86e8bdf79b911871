"""3. Smoothness: GUI-thread stalls while walking 100 4K slides and every demo of the sample.

A 1 ms PreciseTimer (the heartbeat) ticks on the GUI thread; the gap between two ticks is how
long the GUI thread could not run a timer: a stall. Walks are real taps (synthesized clicks) on
the kiosk, offscreen at 1920x1080:

* a generated bundle with one entity of 100 image slides, each a 3840x2160 JPEG: tap "next"
  100 times, each time waiting until the new slide's image has decoded (images load
  asynchronously) and the slide animation has finished;
* the sample bundle: every demo of every entity along ``Demo.route_to_end()``, from the Home
  page through the demo's end page and back.

The harness's own look-ups (walking the item tree to find the next button) are kept out: a gap
that overlaps one is dropped; the click and everything the kiosk does in answer are kept.

Both walks start once the kiosk has built its on-screen keyboard in the background (3 s after
the first frame, while the attract loop runs, before any visitor); that build is measured on
its own: the attract loop's longest stall during the first seconds of a fresh kiosk.

Offscreen, Qt Quick renders with its software renderer on the GUI thread, so every stall also
contains the frame's rendering. The rendering of each frame (``beforeRendering`` to
``frameSwapped``) is recorded, and the longest stall *outside* rendering is reported as well.

The walks then run again in a child process under Xvfb with ``QSG_RENDER_LOOP=threaded``:
OpenGL through Mesa's llvmpipe, rendered on Qt Quick's render thread as on a booth with a GPU.
There the GUI thread only animates, lays out and syncs the scene graph; the render thread
competes with it for the two cores.

``python -m benchmarks.sections.smooth --xvfb-child OUT.json`` is that child (run under
``xvfb-run``); it writes the gaps as JSON.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtQuick import QQuickItem

from kiosk.bundle.model import END
from kiosk.clock import ManualClock
from kiosk.paths import SAMPLE_BUNDLE
from kiosk.qt.testing import Kiosk, start_kiosk

from .common import ROOT, SCREEN_H, SCREEN_W, Row, distribution, qt_app, say
from .gen import slides_4k_bundle
from .qtprobe import (
    FrameProbe,
    Heartbeat,
    image_ready,
    images_ready,
    spin_until,
    stable_point,
    threaded_render_loop,
)

FRAME_MS = 1000 / 60


@dataclass
class Gaps:
    wall: list[float] = field(default_factory=list)
    """Heartbeat gaps (ms)."""
    outside: list[float] = field(default_factory=list)
    """The same minus the frame rendering that fell inside them."""
    cpu: list[float] = field(default_factory=list)
    """The GUI thread's CPU time in each gap (ms): the rest it spent waiting."""
    worst: list[dict[str, Any]] = field(default_factory=list)
    render: list[float] = field(default_factory=list)
    """Each frame's rendering on the GUI thread (ms); empty under the threaded render loop."""
    frames: int = 0
    seconds: float = 0.0


class Walk:
    """A kiosk under a heartbeat, with the harness's own work and the frames' rendering timed."""

    def __init__(self, k: Kiosk) -> None:
        self.k = k
        self.threaded = threaded_render_loop()
        self.beat = Heartbeat()
        self.probe = FrameProbe(k.window, self.threaded)
        self.harness: list[tuple[float, float]] = []
        self.render: list[tuple[float, float]] = []
        self._render_start = 0.0
        self.labels: list[tuple[float, str]] = []
        self.t0 = time.monotonic()
        if not self.threaded:
            w = k.window
            w.beforeRendering.connect(self._before_render, Qt.ConnectionType.DirectConnection)
            w.frameSwapped.connect(self._after_render, Qt.ConnectionType.DirectConnection)

    def _before_render(self) -> None:
        self._render_start = time.perf_counter()

    def _after_render(self) -> None:
        self.render.append((self._render_start, time.perf_counter()))

    @contextmanager
    def own_work(self) -> Iterator[None]:
        """Harness code: gaps overlapping it are not the kiosk's."""
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.harness.append((t0, time.perf_counter()))

    def label(self, text: str) -> None:
        self.labels.append((time.perf_counter(), text))

    def point(self, name: str) -> QPoint:
        return stable_point(self.k, self.probe, name, self.own_work)

    def tap(self, name: str) -> None:
        self.tap_at(self.point(name), name)

    def tap_at(self, p: QPoint, what: str) -> None:
        self.label(what)
        self.k.tap_at(p)

    def gaps(self) -> Gaps:
        """Every heartbeat gap not overlapping the harness's own work, with its parts."""
        ticks, cpu = self.beat.ticks, self.beat.cpu
        harness = self.harness
        render = self.render
        g = Gaps(
            render=[(e - s) * 1000 for s, e in render],
            frames=self.probe.frames,
            seconds=time.monotonic() - self.t0,
        )
        worst: list[tuple[float, float, float, float]] = []
        hi = ri = 0
        for i, (a, b) in enumerate(itertools.pairwise(ticks)):
            while hi < len(harness) and harness[hi][1] < a:
                hi += 1
            if hi < len(harness) and harness[hi][0] < b:
                continue  # the harness ran in this gap
            while ri < len(render) and render[ri][1] < a:
                ri += 1
            rendering = 0.0
            j = ri
            while j < len(render) and render[j][0] < b:
                s, e = render[j]
                rendering += max(0.0, min(b, e) - max(a, s))
                j += 1
            gap = (b - a) * 1000
            used = (cpu[i + 1] - cpu[i]) * 1000
            g.wall.append(gap)
            g.outside.append(gap - rendering * 1000)
            g.cpu.append(used)
            worst.append((gap, rendering * 1000, used, a))
        worst.sort(reverse=True)
        for gap, rendering, used, a in worst[:5]:
            doing = next((text for t, text in reversed(self.labels) if t <= a), "start")
            g.worst.append(
                {
                    "gap_ms": round(gap, 1),
                    "rendering_ms": round(rendering, 1),
                    "gui_cpu_ms": round(used, 1),
                    "after": doing,
                }
            )
        return g

    def close(self) -> None:
        if not self.threaded:
            w = self.k.window
            w.beforeRendering.disconnect(self._before_render)
            w.frameSwapped.disconnect(self._after_render)
        self.probe.disconnect()
        self.k.close()


def keyboard_built(k: Kiosk, timeout_ms: int = 15_000) -> None:
    """Wait until the kiosk has built its on-screen keyboard in the background."""

    def built() -> bool:  # hidden until a field has focus: k.find() sees visible items only
        stack = [k.window.contentItem()]
        while stack:
            item = stack.pop()
            if item.objectName() == "keyboard":
                return True
            stack.extend(item.childItems())
        return False

    if not spin_until(built, timeout_ms, 5):
        raise RuntimeError(f"the on-screen keyboard was not built within {timeout_ms} ms")


def walk_start() -> Walk:
    """A fresh kiosk on its attract loop, from its first frame until the keyboard is built."""
    k = start_kiosk(
        SAMPLE_BUNDLE, width=SCREEN_W, height=SCREEN_H, language="en", clock=ManualClock()
    )
    w = Walk(k)
    w.beat.start()
    w.label("attract loop; the keyboard is built in the background")
    keyboard_built(k)
    t = time.perf_counter()
    spin_until(lambda: time.perf_counter() - t > 0.5, 1000)  # its last steps and frames
    w.beat.stop()
    return w


def current_slide_ready(slide_list: QQuickItem, index: int) -> bool:
    item = slide_list.property("currentItem")
    if not isinstance(item, QQuickItem) or slide_list.property("currentIndex") != index:
        return False
    images = [c for c in item.childItems()[0].childItems() if c.inherits("QQuickImage")]
    return all(image_ready(i) for i in images)


def on_screen(k: Kiosk, screen_id: str) -> bool:
    return k.session.screen is not None and k.session.screen.id == screen_id


def walk_slides(n: int) -> Walk:
    bundle = slides_4k_bundle(100)
    k = start_kiosk(bundle, width=SCREEN_W, height=SCREEN_H, language="en", clock=ManualClock())
    keyboard_built(k)
    w = Walk(k)
    c = k.controller
    c.touch()
    c.openEntity(k.bundle.entities[0].id)
    k.wait_page("entity")
    slide_list = k.wait_item("slideList")
    spin_until(lambda: current_slide_ready(slide_list, 0), 10_000, 5)
    w.probe.quiet(200)
    nxt = w.point("nextSlide")
    count = len(k.bundle.entities[0].slides)
    w.beat.start()
    for i in range(1, n + 1):
        want = i % count
        w.tap_at(nxt, f"next slide -> {want}")
        if not spin_until(partial(current_slide_ready, slide_list, want), 10_000, 2):
            raise RuntimeError(f"slide {want} did not show its image within 10 s")
        w.probe.quiet(60)
    w.beat.stop()
    return w


def walk_demos() -> Walk:
    k = start_kiosk(
        SAMPLE_BUNDLE, width=SCREEN_W, height=SCREEN_H, language="en", clock=ManualClock()
    )
    keyboard_built(k)
    w = Walk(k)
    c = k.controller
    c.touch()
    k.wait_page("home")
    w.probe.quiet(200)
    w.beat.start()
    for entity in k.bundle.entities:
        if not entity.demos:
            continue
        w.tap(f"tile-{entity.id}")
        k.wait_page("entity")
        w.probe.quiet(60)
        for demo in entity.demos:
            w.tap(f"startDemo-{demo.id}")
            k.wait_page("demo")
            for screen_id, index, target in demo.route_to_end():
                screen = demo.screen(screen_id)
                spin_until(lambda: images_ready(k.window.contentItem()), 5000, 5)
                w.probe.quiet(60)
                w.tap(f"hotspot-{index}" if screen.kind == "image" else f"formButton-{index}")
                if target == END:
                    k.wait_page("demo-end")
                else:
                    spin_until(partial(on_screen, k, target), 5000)
            w.probe.quiet(60)
            w.tap("backToEntity")
            k.wait_page("entity")
            w.probe.quiet(60)
        w.tap("homeButton")
        k.wait_page("home")
        w.probe.quiet(60)
    w.beat.stop()
    return w


WALKS: dict[str, Callable[[], Walk]] = {
    "100 4K slides": partial(walk_slides, 100),
    "all sample demos": walk_demos,
}
START = "attract loop, keyboard built"


def walk_all() -> dict[str, Gaps]:
    """Every walk in this process, each in a fresh kiosk: name -> its gaps."""
    out: dict[str, Gaps] = {}
    for name, walk in [(START, walk_start), *WALKS.items()]:
        w = walk()
        out[name] = w.gaps()
        w.close()
        g = out[name]
        say(
            f"{name}: {len(g.wall)} heartbeat gaps in {g.seconds:.0f} s; max {max(g.wall):.1f} "
            f"ms; {sum(x > FRAME_MS for x in g.wall)} over {FRAME_MS:.1f} ms; "
            f"worst: {g.worst[:3]}"
        )
    return out


def rows_for(name: str, g: Gaps, where: str, target: bool = True) -> list[Row]:
    gaps = g.wall
    over = sum(x > FRAME_MS for x in gaps)
    dist = distribution(gaps)
    details = dist | {
        "over_16_7ms": over,
        "worst": g.worst,
        "frames": g.frames,
        "seconds": round(g.seconds, 1),
        "outside_rendering": distribution(g.outside),
        "gui_cpu": distribution(g.cpu),
    }
    if g.render:
        details["render_ms"] = distribution(g.render)
    label = f"{name}, {where}"
    rows = [
        Row(
            "smoothness",
            f"{label}: longest GUI-thread stall",
            max(gaps),
            "ms",
            None,
            "max" if target else "info",
            round(FRAME_MS, 1) if target else None,
            details=details,
            note=f"p50 {dist['p50']} / p95 {dist['p95']} / p99 {dist['p99']} ms; {over} stalls "
            f"over one frame; the longest: {g.worst[0]}",
        ),
        Row("smoothness", f"{label}: p99 heartbeat gap", dist["p99"], "ms"),
    ]
    if g.render:
        rows.append(
            Row("smoothness", f"{label}: longest stall outside rendering", max(g.outside), "ms")
        )
    rows.append(
        Row(
            "smoothness",
            f"{label}: longest stall in GUI-thread CPU time",
            max(g.cpu),
            "ms",
            note="CPU the GUI thread used within one gap; the rest of a gap is waiting "
            "(for the raster paint engine's helper threads, the render thread, a lock, or the "
            "CPU on a busy machine)",
        )
    )
    return rows


OFFSCREEN = "offscreen"
XVFB = "Xvfb llvmpipe"


def xvfb_walks(tmp: Path) -> dict[str, Gaps]:
    """The walks again in a child process under Xvfb with the threaded render loop."""
    xvfb_run = shutil.which("xvfb-run")
    if xvfb_run is None:
        raise RuntimeError(
            "xvfb-run is not installed: `scripts/setup test` installs it "
            "(Debian packages xvfb xauth libgl1-mesa-dri)"
        )
    out = tmp / "smooth-xvfb.json"
    env = os.environ | {"QT_QPA_PLATFORM": "xcb", "QSG_RENDER_LOOP": "threaded"}
    cmd = [
        xvfb_run,
        "-a",
        "-s",
        f"-screen 0 {SCREEN_W}x{SCREEN_H}x24 -nolisten tcp",
        sys.executable,
        "-m",
        "benchmarks.sections.smooth",
        "--xvfb-child",
        str(out),
    ]
    proc = subprocess.run(cmd, env=env, cwd=ROOT, timeout=900, check=False)
    if proc.returncode != 0:
        raise RuntimeError(
            f"the Xvfb smoothness walks failed (exit {proc.returncode}); run "
            f"`QT_DEBUG_PLUGINS=1 {' '.join(cmd)}` to see why"
        )
    data = json.loads(out.read_text())
    return {name: Gaps(**fields) for name, fields in data.items()}


def run(quick: bool, tmp: Path) -> list[Row]:
    qt_app()
    rows: list[Row] = []
    for where, walks in ((OFFSCREEN, walk_all()), (XVFB, xvfb_walks(tmp))):
        for name, g in walks.items():
            rows += rows_for(name, g, where, target=name != START)
    return rows


def child(out: Path) -> None:
    """The Xvfb half: run every walk, write the gaps as JSON."""
    qt_app()
    if not threaded_render_loop():
        raise SystemExit("--xvfb-child runs under xvfb-run with QT_QPA_PLATFORM=xcb")
    walks = walk_all()
    out.write_text(json.dumps({name: vars(g) for name, g in walks.items()}))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--xvfb-child", type=Path, required=True, metavar="OUT.json")
    child(parser.parse_args().xvfb_child)
