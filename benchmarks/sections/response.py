"""2. Response: tap -> the first frame showing the change, next to a bare TapHandler floor.

The real kiosk UI runs in this process (:func:`kiosk.qt.testing.start_kiosk`, sample bundle,
analytics writer running, a manual clock so that no idle reset interferes), offscreen at
1920x1080. Each sample: wait until nothing has been drawn for a while (animations and image
loads finished), then a synthesized mouse click (press + release) on the item's centre; the time
runs from just before the click to the first ``frameSwapped`` after the change was marked:

* next slide, hotspot tap, language switch: the controller's ``changed`` signal;
* open entity, open demo: the new page's host becoming visible. The new page is created at
  once, underneath, at full opacity, and the old page fades out over it starting from 80 %
  (``kiosk/ui/Kiosk/PageHost.qml``), so the first frame after the change already shows the new page
  through the old one. "First frame after the change" (the first frame after the controller's
  ``changed`` signal) is reported too: it is the same frame now; until November 2026 the new
  page faded in from opacity 0 and was created on the fade's first animation tick, so that
  frame showed nothing of the answer and the page came one frame (~17 ms) later.

The floor is a bare QML window whose full-window rectangle changes colour in a TapHandler (so
its frame is a full repaint, like a page change), measured the same way; half of its samples
are taken before the kiosk's and half after, so that drift hits both. Each row's note splits the
median into the time until the answering frame began rendering and the rendering itself (the
software renderer offscreen, on the GUI thread), and gives the GUI thread's CPU time, which a
busy machine disturbs less than wall time.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, QUrl
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

from kiosk.clock import ManualClock
from kiosk.paths import SAMPLE_BUNDLE
from kiosk.qt.testing import Kiosk, start_kiosk

from .common import SCREEN_H, SCREEN_W, Row, distribution, median, percentile, qt_app, say
from .qtprobe import FrameProbe, images_ready, spin_until, stable_point

FLOOR_QML = b"""
import QtQuick
Window {
    id: win
    signal changed()
    width: 1920
    height: 1080
    visible: true
    property int taps: 0
    Rectangle {
        anchors.fill: parent
        color: win.taps % 2 ? "#1F5FAF" : "#8A1538"
        TapHandler {
            onTapped: {
                win.taps += 1
                win.changed()
            }
        }
    }
}
"""

TARGETS = {
    "next slide": 2.0,
    "hotspot tap": 2.0,
    "open entity": 4.0,
    "open demo": 4.0,
    "language switch": 4.0,
}


def floor_samples(n: int, cpu: list[float]) -> list[float]:
    """``n`` floor samples (ms); the GUI thread's CPU time of each is added to ``cpu``."""
    engine = QQmlApplicationEngine()
    engine.loadData(FLOOR_QML, QUrl("file:///benchmarks/floors/tap_floor.qml"))
    window = engine.rootObjects()[0]
    assert isinstance(window, QQuickWindow)
    window.resize(SCREEN_W, SCREEN_H)
    window.show()
    QTest.qWaitForWindowExposed(window)
    probe = FrameProbe(window)
    window.changed.connect(probe.marker())  # type: ignore[attr-defined]
    probe.quiet(300)
    out = []
    for _ in range(n):
        probe.quiet()
        out.append(probe.tap(QPoint(SCREEN_W // 2, SCREEN_H // 2))["change"])
        cpu.append(probe.cpu_ms["change"])
    probe.disconnect()
    window.close()
    engine.deleteLater()
    return out


class KioskTaps:
    """The kiosk, with its controller's change signal feeding the probe."""

    def __init__(self, tmp: Path) -> None:
        self.clock = ManualClock()
        self.k: Kiosk = start_kiosk(
            SAMPLE_BUNDLE,
            width=SCREEN_W,
            height=SCREEN_H,
            language="ar",
            clock=self.clock,
            db=tmp / "response.db",
        )
        self.probe = FrameProbe(self.k.window)
        self.samples: dict[str, list[float]] = {}
        self.render: dict[str, list[float]] = {}
        self.cpu: dict[str, list[float]] = {}
        self.k.controller.changed.connect(self.probe.marker("change"))
        # A page is on screen once its host starts to fade in: the host's Loader creates
        # the page then (not when the controller changes), so that frame is the answer.
        for host in ("entityHost", "demoHost"):
            item = find_item(self.k.window.contentItem(), host)
            item.visibleChanged.connect(self.probe.marker(host))
        self.probe.quiet(300)

    def point(self, name: str) -> QPoint:
        """The centre of a visible item, scrolled into view if need be (before the clock runs)."""
        return stable_point(self.k, self.probe, name)

    def settle(self) -> None:
        page = self.k.window.contentItem()
        spin_until(lambda: images_ready(page), 5000, 5)
        self.probe.quiet()

    def sample(
        self, figure: str, name: str, state: Callable[[], object], page: str | None = None
    ) -> None:
        """Tap ``name``, which must change ``state()``; ms to the frame showing its answer (the
        page, if given) is added to ``figure``'s samples, with how much of it that frame's
        rendering took."""
        self.settle()
        p = self.point(name)
        marks = ("change", page) if page else ("change",)
        before = state()
        ms = self.probe.tap(p, marks)
        if state() == before:
            raise RuntimeError(f"tapping {name!r} did not change what it should")
        self._add(figure, ms, page or "change")
        if page:
            self._add(f"{figure} (first frame after the change)", ms, "change")

    def _add(self, figure: str, ms: dict[str, float], mark: str) -> None:
        self.samples.setdefault(figure, []).append(ms[mark])
        self.render.setdefault(figure, []).append(self.probe.render_ms[mark])
        self.cpu.setdefault(figure, []).append(self.probe.cpu_ms[mark])

    def to_home(self) -> None:
        page = self.k.session.page.value
        if page == "attract":
            self.k.controller.touch()
        elif page != "home":
            self.k.controller.home()
        self.k.wait_page("home")


Samples = dict[str, list[float]]


def kiosk_samples(tmp: Path, n: int) -> tuple[Samples, Samples, Samples]:
    """Samples (ms) per figure; the rendering part of each; the GUI thread's CPU time."""
    t = KioskTaps(tmp)
    k, c, s = t.k, t.k.controller, t.k.session
    entities = list(k.bundle.entities)
    # an entity without videos for the slide figure (a playing video draws frames all the time)
    still = next(
        (e for e in entities if all(s.kind != "video" for s in e.slides) and len(e.slides) > 1),
        entities[0],
    )
    with_image_demo = [(e, d) for e in entities for d in e.demos if d.screens[0].kind == "image"]

    def done(figure: str) -> None:
        say(f"{figure}: median {median(t.samples[figure]):.1f} ms")

    t.to_home()
    for i in range(n):  # a tile on Home
        e = entities[i % len(entities)]
        t.sample("open entity", f"tile-{e.id}", lambda: s.entity, "entityHost")
        c.home()
        k.wait_page("home")
    done("open entity")

    c.openEntity(still.id)
    k.wait_page("entity")
    for _ in range(n):
        t.sample("next slide", "nextSlide", lambda: s.slide_index)
    done("next slide")

    for i in range(n):  # open a demo, then its first screen's hotspot
        e, d = with_image_demo[i % len(with_image_demo)]
        t.to_home()
        c.openEntity(e.id)
        k.wait_page("entity")
        t.sample("open demo", f"startDemo-{d.id}", lambda: s.page, "demoHost")
        _first, index, _target = d.route_to_end()[0]
        spin_until(lambda: images_ready(k.window.contentItem()), 5000, 5)
        t.sample("hotspot tap", f"hotspot-{index}", lambda: s.screen)
        c.exitDemo()
    done("open demo")
    done("hotspot tap")

    t.to_home()
    c.openEntity(entities[0].id)
    k.wait_page("entity")
    for _ in range(n):  # on an entity page (the busiest page)
        t.sample("language switch", "languageButton", lambda: s.language)
    done("language switch")
    t.probe.disconnect()
    k.close()
    return t.samples, t.render, t.cpu


def find_item(root: QQuickItem, name: str) -> QQuickItem:
    """An item by objectName, visible or not."""
    stack = [root]
    while stack:
        item = stack.pop()
        if item.objectName() == name:
            return item
        stack.extend(item.childItems())
    raise LookupError(name)


def run(quick: bool, tmp: Path) -> list[Row]:
    n = 10 if quick else 30
    qt_app()
    floor_cpu: list[float] = []
    floor_first = floor_samples((n + 1) // 2, floor_cpu)
    kiosk, render, cpus = kiosk_samples(tmp, n)
    floor_all = floor_first + floor_samples(n // 2, floor_cpu)
    floor_med, floor_p95 = median(floor_all), percentile(floor_all, 95)
    say(f"floor: median {floor_med:.1f} ms, p95 {floor_p95:.1f} ms")
    rows = [
        Row(
            "response",
            f"tap floor: bare TapHandler colour change, median (n={n})",
            floor_med,
            "ms",
            details=distribution(floor_all) | {"samples_ms": floor_all},
        ),
        Row("response", "tap floor, p95", floor_p95, "ms"),
    ]
    order = [*TARGETS, *(x for x in kiosk if x not in TARGETS)]
    for name in order:
        s, r, cpu = kiosk[name], render[name], cpus[name]
        limit = TARGETS.get(name)
        kind = "max_ratio" if limit else "info"
        label = f"{name}, new page on screen" if name in ("open entity", "open demo") else name
        rest = [a - b for a, b in zip(s, r, strict=True)]
        details = distribution(s) | {"samples_ms": s, "render_ms": r, "gui_cpu_ms": cpu}
        rows.append(
            Row(
                "response",
                f"{label}: median (n={len(s)})",
                median(s),
                "ms",
                floor_med,
                kind,
                limit,
                details=details,
                note=f"{median(rest):.1f} ms until that frame began rendering (input, bindings, "
                f"animation tick, page creation, layout) + {median(r):.1f} ms rendering "
                f"(software renderer); GUI-thread CPU {median(cpu):.1f} ms "
                f"(floor {median(floor_cpu):.1f} ms)",
            )
        )
        rows.append(
            Row("response", f"{label}: p95", percentile(s, 95), "ms", floor_p95, kind, limit)
        )
    return rows
