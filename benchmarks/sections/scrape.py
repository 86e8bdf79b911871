"""Scrape: tap -> frame while Prometheus scrapes /metrics every second, next to no scraping.

The real kiosk runs in this process with /metrics on (:mod:`kiosk.qt.metrics`, served on the
GUI thread's asyncio loop), offscreen at 1920x1080, on a manual session clock. Each sample is
the response section's "next slide" figure: a synthesized click on the next-slide button of an
entity without videos, timed to the first ``frameSwapped`` after the controller's change.

The scraper is another process (as Prometheus is): ``urllib`` GETs /metrics once a second
while a flag file exists. It runs through both kinds of phase (so its own wake-ups weigh on
both), and the phases alternate, unscraped and scraped, five of each, so that drift on a
shared machine hits both. The floor is the unscraped median; the target: scraped within 2 %
of it. Further rows: the GUI thread's CPU time per tap, both ways, and what one scrape costs
the GUI thread (collecting and formatting, timed in-process).
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from kiosk.clock import ManualClock
from kiosk.config import Config
from kiosk.metrics import MetricsSettings, render
from kiosk.paths import SAMPLE_BUNDLE
from kiosk.qt.testing import Kiosk, settle, start_kiosk, wait_until

from .common import SCREEN_H, SCREEN_W, Row, distribution, median, percentile, qt_app, say
from .qtprobe import FrameProbe, images_ready, spin_until, stable_point

PHASES = 5
SCRAPER = """\
import os, sys, time, urllib.request
url, flag = sys.argv[1], sys.argv[2]
while True:
    t = time.monotonic()
    if os.path.exists(flag):
        urllib.request.urlopen(url, timeout=5).read()
    time.sleep(max(0.0, 1.0 - (time.monotonic() - t)))
"""


def next_slide_samples(k: Kiosk, probe: FrameProbe, n: int, cpu: list[float]) -> list[float]:
    """``n`` samples (ms); the GUI thread's CPU time of each is added to ``cpu``."""
    out = []
    s = k.session
    for _ in range(n):
        spin_until(lambda: images_ready(k.window.contentItem()), 5000, 5)
        probe.quiet()
        p = stable_point(k, probe, "nextSlide")
        before = s.slide_index
        out.append(probe.tap(p)["change"])
        cpu.append(probe.cpu_ms["change"])
        if s.slide_index == before:
            raise RuntimeError("tapping nextSlide did not change the slide")
    return out


def run(quick: bool, tmp: Path) -> list[Row]:
    def answered_after(n: int) -> Callable[[], bool]:
        return lambda: metrics.server.answered > n

    per_phase = 12 if quick else 40
    qt_app()
    config = Config(
        path=tmp / "kiosk.toml",
        data_dir=tmp,
        kiosk_id="bench",
        metrics=MetricsSettings(port=0),
    )
    k = start_kiosk(
        SAMPLE_BUNDLE,
        width=SCREEN_W,
        height=SCREEN_H,
        language="ar",
        clock=ManualClock(),
        config=config,
        db=tmp / "scrape.db",
    )
    assert k.metrics is not None
    metrics = k.metrics
    if not wait_until(lambda: metrics.server.port is not None, 10_000):
        raise RuntimeError(f"/metrics did not start: {metrics.error}")
    url = f"http://127.0.0.1:{metrics.server.port}/metrics"
    probe = FrameProbe(k.window)
    k.controller.changed.connect(probe.marker("change"))
    still = next(
        e
        for e in k.bundle.entities
        if all(s.kind != "video" for s in e.slides) and len(e.slides) > 1
    )
    k.controller.touch()
    k.wait_page("home")
    k.controller.openEntity(still.id)
    k.wait_page("entity")
    probe.quiet(300)

    plain: list[float] = []
    scraped: list[float] = []
    cpu: dict[bool, list[float]] = {False: [], True: []}
    scrapes = 0
    flag = tmp / "scrape-now"
    scraper = subprocess.Popen([sys.executable, "-c", SCRAPER, url, str(flag)])
    try:
        for phase in range(2 * PHASES):
            scraping = phase % 2 == 1
            if scraping:
                flag.touch()
                if not wait_until(answered_after(metrics.server.answered), 10_000):
                    raise RuntimeError("the scraper got no answer")
            else:
                flag.unlink(missing_ok=True)
                settle(1100)  # a scrape already under way ends
            start = metrics.server.answered
            got = next_slide_samples(k, probe, per_phase, cpu[scraping])
            if scraping:
                scrapes += metrics.server.answered - start
            (scraped if scraping else plain).extend(got)
            say(
                f"phase {phase + 1}/{2 * PHASES} ({'scraped' if scraping else 'plain'}): "
                f"median {median(got):.2f} ms"
            )
    finally:
        scraper.terminate()
        scraper.wait(10)

    costs = []
    for _ in range(50 if quick else 200):
        t0 = time.perf_counter()
        render(metrics.server.registry)
        costs.append((time.perf_counter() - t0) * 1000)
    probe.disconnect()
    k.close()

    plain_med, scraped_med = median(plain), median(scraped)
    say(f"plain {plain_med:.2f} ms, scraped {scraped_med:.2f} ms ({scrapes} scrapes)")
    return [
        Row(
            "scrape",
            f"next slide, not scraped: median (n={len(plain)})",
            plain_med,
            "ms",
            details=distribution(plain) | {"samples_ms": plain},
        ),
        Row(
            "scrape",
            f"next slide, /metrics scraped every second: median (n={len(scraped)})",
            scraped_med,
            "ms",
            floor=plain_med,
            kind="max_ratio",
            limit=1.02,
            note=f"{scrapes} scrapes during the scraped phases; p95 {percentile(scraped, 95):.1f}"
            f" ms against {percentile(plain, 95):.1f} ms",
            details=distribution(scraped) | {"samples_ms": scraped, "scrapes": scrapes},
        ),
        Row(
            "scrape",
            "next slide, GUI-thread CPU time: scraped / not scraped, medians",
            median(cpu[True]),
            "ms",
            floor=median(cpu[False]),
            note="CPU time moves less than wall time on a busy machine",
        ),
        Row(
            "scrape",
            f"one scrape on the GUI thread (collect + format): median (n={len(costs)})",
            median(costs),
            "ms",
            note=f"p95 {percentile(costs, 95):.2f} ms",
            details=distribution(costs, 3),
        ),
    ]
