"""``kiosk fleet status`` against kiosks' /metrics (small HTTP servers serving real scrapes)."""

from __future__ import annotations

import functools
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kiosk.bundle import Bundle, load
from kiosk.cli import main
from kiosk.clock import ManualClock
from kiosk.fleet import KioskHealth, assess
from kiosk.metrics import KioskMetrics, render
from kiosk.paths import SAMPLE_BUNDLE
from kiosk.session import Event
from tests.own_loop import own_loop

Serve = Callable[[bytes], str]


@functools.cache
def sample() -> Bundle:
    return load(SAMPLE_BUNDLE)


@pytest.fixture(autouse=True)
def _own_loop() -> Iterator[None]:
    with own_loop():  # after a GUI test, qasync's loop is still this thread's running loop
        yield


@pytest.fixture
def serve() -> Iterator[Serve]:
    """``serve(text)``: a /metrics server answering ``text``; returns its HOST:PORT."""
    servers: list[ThreadingHTTPServer] = []

    def start(text: bytes) -> str:
        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self.send_response(200 if self.path == "/metrics" else 404)
                self.send_header("Content-Type", "text/plain; version=0.0.4")
                self.end_headers()
                self.wfile.write(text)

            def log_message(self, *_args: object) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        servers.append(server)
        threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True).start()
        return f"127.0.0.1:{server.server_address[1]}"

    yield start
    for s in servers:
        s.shutdown()
        s.server_close()


def scrape(
    tmp_path: Path, kiosk_id: str, version: str = "1.0.0", visitors: int = 0, frame_s: float = 0.4
) -> bytes:
    bundle = replace(sample(), version=version)
    clock = ManualClock()
    km = KioskMetrics(kiosk_id, tmp_path, tmp_path / "kiosk.db", lambda: bundle, clock=clock)
    for _ in range(visitors):
        km.event(Event("session_start"))
    km.frame()
    clock.advance(frame_s)
    return render(km.registry())


def closed_port() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"127.0.0.1:{s.getsockname()[1]}"  # nothing listens once it is closed


def test_two_healthy_kiosks(
    tmp_path: Path, serve: Serve, capsys: pytest.CaptureFixture[str]
) -> None:
    a = serve(scrape(tmp_path, "booth-1", visitors=12))
    b = serve(scrape(tmp_path, "booth-2", visitors=3))
    assert main(["fleet", "status", a, b]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == [
        "KIOSK",
        "STATE",
        "ID",
        "BUNDLE",
        "VISITORS",
        "FRAME",
        "DISK",
        "PROBLEMS",
    ]
    one, two = lines[1].split(), lines[2].split()
    assert one[:7] == [a, "up", "booth-1", "qatar-gcc-egov-2015", "1.0.0", "12", "0.4s"]
    assert one[-1] == "ok" and two[2] == "booth-2" and two[5] == "3"
    assert lines[-1] == "All 2 kiosk(s) fine."


def test_a_kiosk_down_stale_or_on_another_bundle_needs_attention(
    tmp_path: Path, serve: Serve, capsys: pytest.CaptureFixture[str]
) -> None:
    good = serve(scrape(tmp_path, "booth-1"))
    good2 = serve(scrape(tmp_path, "booth-2"))
    odd = serve(scrape(tmp_path, "booth-3", version="0.9.0", frame_s=45))
    down = closed_port()
    assert main(["fleet", "status", good, good2, odd, down, "--timeout", "2"]) == 1
    out = capsys.readouterr().out
    rows = {line.split()[0]: line for line in out.splitlines()[1:-1]}
    assert rows[good].endswith("  ok") and rows[good2].endswith("  ok")
    assert "no frame drawn for 30 s (last: 45 s ago)" in rows[odd]
    assert (
        "shows qatar-gcc-egov-2015 0.9.0, most kiosks show qatar-gcc-egov-2015 1.0.0" in rows[odd]
    )
    assert rows[down].split()[1] == "DOWN"
    assert "connection refused" in rows[down] and "[metrics] allow" in rows[down]
    assert out.splitlines()[-1] == "2 of 4 kiosk(s) need attention."


def test_the_kiosks_listed_in_kiosk_toml(
    tmp_path: Path, serve: Serve, capsys: pytest.CaptureFixture[str]
) -> None:
    a = serve(scrape(tmp_path, "booth-1"))
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[fleet]\nkiosks = ["{a}"]\n')
    assert main(["fleet", "status", "--config", str(config)]) == 0
    assert "booth-1" in capsys.readouterr().out
    config.write_text("")
    assert main(["fleet", "status", "--config", str(config)]) == 2
    assert "[fleet] kiosks" in capsys.readouterr().err


def test_low_disk_and_a_failing_writer_are_problems() -> None:
    base = KioskHealth("k:1", True, bundle="b 1", frame_age=0.5, disk_free=5e9)
    low = replace(base, address="k:2", disk_free=4e8)
    failing = replace(base, address="k:3", writer_ok=False)
    found = assess([base, low, failing])
    assert [k.problems for k in found] == [
        [],
        ["disk nearly full (400 MB free)"],
        ["the event writer is failing: run kiosk doctor on it"],
    ]


def test_two_bundles_on_as_many_kiosks_flag_both() -> None:
    a = KioskHealth("k:1", True, bundle="b 1", frame_age=0.5)
    b = replace(a, address="k:2", bundle="b 2")
    assert [k.problems for k in assess([a, b])] == [
        ["the kiosks show 2 different bundles (b 1, b 2)"]
    ] * 2
