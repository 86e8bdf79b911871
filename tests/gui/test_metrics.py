"""/metrics from the real kiosk (offscreen): what a Prometheus server and staff would read."""

from __future__ import annotations

import asyncio
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QGuiApplication, QImage

from kiosk.clock import ManualClock
from kiosk.config import Config
from kiosk.metrics import MetricsSettings, one, parse_text, render
from kiosk.paths import SAMPLE_BUNDLE
from kiosk.qt import aio
from kiosk.qt.testing import Kiosk, start_kiosk, wait_until
from kiosk.store import BundleStore

TOKEN = "staff-screenshot-token-0123456789"
Samples = dict[str, list[tuple[dict[str, str], float]]]


@pytest.fixture
def kiosk(qapp: QGuiApplication, tmp_path: Path) -> Iterator[Kiosk]:
    config = Config(
        path=tmp_path / "kiosk.toml",
        data_dir=tmp_path,
        kiosk_id="test-kiosk",
        metrics=MetricsSettings(port=0, screenshot_token=TOKEN, screenshot_every=60),
    )
    k = start_kiosk(SAMPLE_BUNDLE, language="en", clock=ManualClock(), config=config)
    assert k.metrics is not None
    assert wait_until(lambda: k.metrics is not None and k.metrics.server.port is not None)
    yield k
    k.close()


def get(k: Kiosk, path: str, headers: str = "") -> tuple[int, bytes]:
    """GET from the kiosk's own server, as a client on the same loop (the test's thread is
    the GUI thread: a blocking client would wait for itself)."""
    assert k.metrics is not None and k.metrics.server.port is not None
    port = k.metrics.server.port

    async def go() -> bytes:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(f"GET {path} HTTP/1.1\r\nHost: kiosk\r\n{headers}\r\n".encode())
        data = await reader.read()
        writer.close()
        return data

    task = aio.spawn(go(), "test client")
    assert wait_until(task.done, 5000)
    head, _, body = task.result().partition(b"\r\n\r\n")
    return int(head.split(b" ")[1]), body


def scrape(k: Kiosk) -> Samples:
    status, body = get(k, "/metrics")
    assert status == 200
    return parse_text(body.decode())


def test_counters_rise_as_a_visitor_taps_and_the_heartbeat_is_fresh(kiosk: Kiosk) -> None:
    before = scrape(kiosk)
    assert one(before, "kiosk_up") == 1
    assert one(before, "kiosk_visitor_sessions_total") == 0
    assert before["kiosk_build_info"][0][0]["kiosk_id"] == "test-kiosk"
    # the session's schedule slot (the sample has no schedule: open, with everything)
    assert before["kiosk_schedule_slot_info"][0][0] == {"slot": kiosk.controller.session.slot.name}
    assert kiosk.controller.session.slot.name == "open"
    kiosk.tap_at(QPoint(960, 540))  # the first touch starts a visitor session
    kiosk.wait_page("home")
    kiosk.tap(f"tile-{kiosk.bundle.entities[0].id}")
    kiosk.wait_page("entity")
    after = scrape(kiosk)
    assert one(after, "kiosk_visitor_sessions_total") == 1
    assert one(after, "kiosk_visitor_sessions_today") == 1
    events = {labels["type"]: v for labels, v in after["kiosk_events_total"]}
    assert events["session_start"] == 1 and events["page_view"] >= 1
    assert (one(after, "kiosk_frame_age_seconds") or 99) < 2.0
    assert one(after, "kiosk_event_writer_ok") == 1


def test_the_heartbeat_grows_while_the_gui_thread_is_blocked(kiosk: Kiosk) -> None:
    assert kiosk.metrics is not None
    metrics = kiosk.metrics.metrics
    registry = kiosk.metrics.server.registry
    assert wait_until(lambda: metrics.last_frame is not None)
    time.sleep(0.3)  # the GUI thread blocked on purpose: no frame can be drawn meanwhile
    during = one(parse_text(render(registry).decode()), "kiosk_frame_age_seconds")
    assert during is not None and during >= 0.3
    # once the thread runs again, frames (at least the heartbeat's, each second) come back
    assert wait_until(lambda: (metrics.frame_age() or 9) < 0.25, 3000)


def test_a_screenshot_needs_the_token_and_is_rate_limited(kiosk: Kiosk) -> None:
    assert get(kiosk, "/screenshot")[0] == 401
    assert get(kiosk, "/screenshot", "Authorization: Bearer nope\r\n")[0] == 401
    status, png = get(kiosk, "/screenshot", f"Authorization: Bearer {TOKEN}\r\n")
    assert status == 200
    image = QImage.fromData(png)
    assert (image.width(), image.height()) == (kiosk.window.width(), kiosk.window.height())
    small = image.scaled(96, 54)
    colours = {small.pixel(x, y) for x in range(96) for y in range(54)}
    if os.environ.get("KIOSK_SAVE_SCREENSHOT"):
        Path(os.environ["KIOSK_SAVE_SCREENSHOT"]).write_bytes(png)
    assert len(colours) > 24, "the screenshot is blank"  # text and pictures: many colours
    status, body = get(kiosk, "/screenshot", f"Authorization: Bearer {TOKEN}\r\n")
    assert status == 429 and b"one screenshot every 60 s" in body


def test_a_hot_swap_shows_in_the_build_info_and_the_swap_counters(
    qapp: QGuiApplication, tmp_path: Path
) -> None:
    from tests.gui.test_hot_swap import _variant

    store = BundleStore(tmp_path / "data")
    store.install(_variant(tmp_path, "1.0.0", "Bundle A"))
    active = store.active_path()
    assert active is not None
    config = Config(
        path=tmp_path / "kiosk.toml",
        data_dir=store.data_dir,
        kiosk_id="test-kiosk",
        metrics=MetricsSettings(port=0),
    )
    k = start_kiosk(active, store=store, config=config, db=tmp_path / "k.db", poll_ms=100)
    try:
        assert k.metrics is not None and k.swapper is not None
        assert wait_until(lambda: k.metrics is not None and k.metrics.server.port is not None)
        first = scrape(k)["kiosk_build_info"][0][0]
        assert first["bundle_version"] == "1.0.0" and first["bundle_hash"] in active.name
        assert re.fullmatch(r"[0-9a-f]{12}", first["bundle_hash"])
        shown: list[str] = []
        k.swapper.swapped.connect(shown.append)
        item = store.install(_variant(tmp_path, "1.1.0", "Bundle B"))
        assert wait_until(lambda: shown == [item.name], 10_000)
        after = scrape(k)
        assert after["kiosk_build_info"][0][0]["bundle_version"] == "1.1.0"
        swaps = {labels["result"]: v for labels, v in after["kiosk_bundle_swaps_total"]}
        assert swaps == {"ok": 1}
        assert one(after, "kiosk_bundle_swap_last_ok") == 1
    finally:
        k.close()
