"""kiosk.metrics: what /metrics says, who may read it, and the staff screenshot's guard."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import struct
import zlib
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from kiosk.analytics import EventLog
from kiosk.bundle import Bundle, load
from kiosk.clock import ManualClock
from kiosk.config import load_config
from kiosk.metrics import (
    KioskMetrics,
    MetricsServer,
    MetricsSettings,
    RateLimiter,
    bind_problem,
    client_allowed,
    count_start,
    fetch,
    one,
    parse_allow,
    parse_listen,
    parse_text,
    png_rgba,
    render,
    sessions_since,
)
from kiosk.paths import SAMPLE_BUNDLE
from kiosk.session import Event
from tests.own_loop import own_loop

TOKEN = "s3cret-token-for-staff-0123"


@pytest.fixture(autouse=True)
def _own_loop() -> Iterator[None]:
    with own_loop():  # after a GUI test, qasync's loop is still this thread's running loop
        yield


@pytest.fixture(scope="module")
def bundle() -> Bundle:
    return load(SAMPLE_BUNDLE)


def make(tmp_path: Path, bundle: Bundle, **kw: object) -> KioskMetrics:
    return KioskMetrics("booth-1", tmp_path, tmp_path / "kiosk.db", lambda: bundle, **kw)  # type: ignore[arg-type]


def scrape(km: KioskMetrics) -> dict[str, list[tuple[dict[str, str], float]]]:
    return parse_text(render(km.registry()).decode())


# --- addresses and the allowlist ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("127.0.0.1:9464", ("127.0.0.1", 9464)),
        ("9464", ("127.0.0.1", 9464)),
        (":9464", ("127.0.0.1", 9464)),
        ("[::1]:9000", ("::1", 9000)),
        ("10.20.0.11:9464", ("10.20.0.11", 9464)),
    ],
)
def test_listen_addresses(text: str, want: tuple[str, int]) -> None:
    assert parse_listen(text) == want


@pytest.mark.parametrize("text", ["", "host", "1.2.3.4:99999", "a:b:c"])
def test_a_bad_listen_address_says_how_to_write_it(text: str) -> None:
    with pytest.raises(ValueError, match=r"HOST:PORT|port .* out of range"):
        parse_listen(text)


def test_loopback_is_always_allowed_a_lan_client_only_when_listed() -> None:
    allow = parse_allow(["10.20.0.5", "192.168.7.0/24"])
    assert client_allowed("127.0.0.1", ())
    assert client_allowed("::1", ())
    assert client_allowed("::ffff:127.0.0.1", ())
    assert client_allowed("10.20.0.5", allow)
    assert client_allowed("192.168.7.200", allow)
    assert client_allowed("::ffff:192.168.7.3", allow)
    assert not client_allowed("10.20.0.6", allow)
    assert not client_allowed("192.168.8.1", allow)
    assert not client_allowed("10.20.0.5", ())
    assert not client_allowed("not-an-address", allow)


def test_a_lan_address_without_an_allowlist_is_refused_with_the_fix() -> None:
    assert bind_problem(MetricsSettings()) is None
    assert bind_problem(MetricsSettings(host="localhost")) is None
    lan = MetricsSettings(host="0.0.0.0")
    problem = bind_problem(lan)
    assert problem is not None
    assert "allow" in problem[0] and "[metrics] allow" in problem[1]
    assert bind_problem(replace(lan, allow=parse_allow(["10.0.0.0/8"]))) is None
    with pytest.raises(ValueError, match=r"10\.20\.0\.0/24"):
        parse_allow(["10.20.0.0/33"])


def test_kiosk_toml_metrics_and_fleet(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(
        '[metrics]\nlisten = "0.0.0.0:9464"\nallow = ["10.20.0.5"]\n'
        f'screenshot_token = "{TOKEN}"\nscreenshot_every = 30\n'
        '[fleet]\nkiosks = ["10.20.0.11:9464", "10.20.0.12:9464"]\n'
    )
    cfg, problems = load_config(path)
    assert problems == []
    assert cfg.metrics == MetricsSettings(
        "0.0.0.0", 9464, (ipaddress.ip_network("10.20.0.5/32"),), TOKEN, 30.0
    )
    assert cfg.fleet == ("10.20.0.11:9464", "10.20.0.12:9464")


def test_kiosk_toml_problems_name_the_field_and_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(
        '[metrics]\nlisten = "0.0.0.0:9464"\nscreenshot_token = "short"\n'
        '[fleet]\nkiosks = ["nowhere"]\n'
    )
    cfg, problems = load_config(path)
    assert cfg.metrics is None  # a LAN address with no allowlist: off
    fields = {p.field: p for p in problems}
    assert "[metrics] allow" in fields["metrics.listen"].fix
    assert "openssl rand" in fields["metrics.screenshot_token"].fix
    assert "fleet.kiosks[0]" in fields
    assert all(p.file == str(path) for p in problems)
    path.write_text("")
    assert load_config(path)[0].metrics is None  # no [metrics]: off


# --- the figures ---------------------------------------------------------------------------


def test_every_name_starts_with_kiosk_and_counts_rise(tmp_path: Path, bundle: Bundle) -> None:
    clock = ManualClock()
    km = make(tmp_path, bundle, clock=clock)
    before = scrape(km)
    assert all(name.startswith("kiosk_") for name in before)
    assert one(before, "kiosk_up") == 1
    assert one(before, "kiosk_visitor_sessions_total") == 0
    assert "kiosk_frame_age_seconds" not in before  # no frame yet
    info = before["kiosk_build_info"][0][0]
    assert info["bundle_id"] == bundle.id and info["bundle_version"] == bundle.version
    assert one(before, "kiosk_schedule_slot_info") == 1
    assert before["kiosk_schedule_slot_info"][0][0] == {"slot": "open"}
    for t in ("session_start", "page_view", "page_view", "session_end", "session_start"):
        km.event(Event(t))
    km.frame()
    clock.advance(2.5)
    km.swapped(True, "pavilion-2")
    km.swapped(False, "fonts did not load")
    after = scrape(km)
    assert one(after, "kiosk_visitor_sessions_total") == 2
    assert one(after, "kiosk_visitor_sessions_today") == 2
    events = {labels["type"]: v for labels, v in after["kiosk_events_total"]}
    assert events == {"page_view": 2, "session_end": 1, "session_start": 2}
    assert one(after, "kiosk_frame_age_seconds") == pytest.approx(2.5)
    assert one(after, "kiosk_uptime_seconds") == pytest.approx(2.5)
    swaps = {labels["result"]: v for labels, v in after["kiosk_bundle_swaps_total"]}
    assert swaps == {"ok": 1, "rolled_back": 1}
    assert one(after, "kiosk_bundle_swap_last_ok") == 0
    assert (one(after, "kiosk_resident_memory_bytes") or 0) > 1e6
    assert {lab["volume"] for lab, _v in after["kiosk_disk_free_bytes"]} == {"data", "database"}


def test_only_counts_never_visitor_data(tmp_path: Path, bundle: Bundle) -> None:
    km = make(tmp_path, bundle)
    km.event(Event("session_start", {"language": "ar", "x": 0.25, "session": "abc123"}))
    text = render(km.registry()).decode()
    assert "abc123" not in text and "0.25" not in text


def test_visitors_today_starts_again_at_midnight(tmp_path: Path, bundle: Bundle) -> None:
    wall = [datetime(2026, 11, 25, 23, 59).timestamp()]
    km = make(tmp_path, bundle, wall=lambda: wall[0])
    km.seed_today(7)
    km.event(Event("session_start"))
    assert km.sessions_today() == 8
    wall[0] += 120
    assert km.sessions_today() == 0
    km.event(Event("session_start"))
    assert km.sessions_today() == 1


def test_the_schedule_hook_names_the_slot(tmp_path: Path, bundle: Bundle) -> None:
    km = make(tmp_path, bundle)
    km.schedule_slot = lambda: "morning"
    assert scrape(km)["kiosk_schedule_slot_info"][0][0] == {"slot": "morning"}

    def broken() -> str:
        raise RuntimeError("bug")

    km.schedule_slot = broken
    assert scrape(km)["kiosk_schedule_slot_info"][0][0] == {"slot": "unknown"}


def test_the_writer_figures(tmp_path: Path, bundle: Bundle) -> None:
    log = EventLog(tmp_path / "kiosk.db", "booth-1")
    log.start()
    try:
        for _ in range(3):
            log.log("session_start")
        assert log.flush()
        km = make(tmp_path, bundle, writer=log)
        s = scrape(km)
        assert one(s, "kiosk_event_writer_queue_length") == 0
        assert one(s, "kiosk_event_writer_ok") == 1
        assert one(s, "kiosk_event_writer_errors_total") == 0
        assert 0 <= (one(s, "kiosk_event_writer_last_commit_age_seconds") or -1) < 60
        assert (one(s, "kiosk_database_size_bytes") or 0) > 0
        assert sessions_since(tmp_path / "kiosk.db", datetime(2000, 1, 1)) == 3
        assert sessions_since(tmp_path / "kiosk.db", datetime(2999, 1, 1)) == 0
    finally:
        log.close()


def test_restarts_are_counted_in_the_data_folder(tmp_path: Path) -> None:
    assert [count_start(tmp_path) for _ in range(3)] == [0, 1, 2]
    assert count_start(tmp_path / "missing" / "deeper") == 0  # unwritable: counts nothing


def test_rate_limiter_on_the_injected_clock() -> None:
    clock = ManualClock()
    limit = RateLimiter(10, clock)
    assert limit.allow() == 0
    assert limit.allow() == pytest.approx(10)
    clock.advance(4)
    assert limit.allow() == pytest.approx(6)
    clock.advance(6)
    assert limit.allow() == 0


def test_png_encoder_writes_what_it_was_given() -> None:
    w, h, stride = 3, 2, 16  # rows padded beyond 3 * 4 bytes
    pixels = bytes(range(stride * h))
    png = png_rgba(w, h, pixels, stride)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert struct.unpack(">II", png[16:24]) == (w, h)
    idat = png.index(b"IDAT")
    (n,) = struct.unpack(">I", png[idat - 4 : idat])
    raw = zlib.decompress(png[idat + 4 : idat + 4 + n])
    assert raw == b"\0" + pixels[0:12] + b"\0" + pixels[16:28]


# --- the server ----------------------------------------------------------------------------


def served(
    tmp_path: Path,
    bundle: Bundle,
    test: Callable[[MetricsServer, int], Awaitable[None]],
    settings: MetricsSettings | None = None,
    shot: Callable[[], Awaitable[bytes]] | None = None,
    clock: ManualClock | None = None,
) -> None:
    async def main() -> None:
        server = MetricsServer(
            make(tmp_path, bundle),
            settings or MetricsSettings(port=0),
            shot,
            clock or ManualClock(),
        )
        port = await server.start()
        try:
            await test(server, port)
        finally:
            server.close()

    asyncio.run(main())


async def get(port: int, path: str, head: str = "", method: str = "GET") -> tuple[int, bytes]:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"{method} {path} HTTP/1.1\r\nHost: x\r\n{head}\r\n".encode())
    data = await reader.read()
    writer.close()
    status, _, body = data.partition(b"\r\n\r\n")
    return (int(status.split(b" ")[1]) if status else 0), body


def test_metrics_over_http_read_only(tmp_path: Path, bundle: Bundle) -> None:
    async def check(server: MetricsServer, port: int) -> None:
        text = (await fetch("127.0.0.1", port)).decode()
        assert "kiosk_up 1.0" in text
        assert (await get(port, "/metrics", method="POST"))[0] == 405
        assert (await get(port, "/nothing"))[0] == 404

    served(tmp_path, bundle, check)


def test_screenshot_needs_the_token_and_is_rate_limited(tmp_path: Path, bundle: Bundle) -> None:
    clock = ManualClock()
    shots: list[int] = []

    async def shot() -> bytes:
        shots.append(1)
        return png_rgba(1, 1, b"\0\0\0\xff", 4)

    async def check(server: MetricsServer, port: int) -> None:
        assert (await get(port, "/screenshot"))[0] == 401
        assert (await get(port, "/screenshot", "Authorization: Bearer wrong\r\n"))[0] == 401
        status, body = await get(port, "/screenshot", f"Authorization: Bearer {TOKEN}\r\n")
        assert status == 200 and body.startswith(b"\x89PNG")
        status, body = await get(port, f"/screenshot?token={TOKEN}")
        assert status == 429 and b"try again in 10 s" in body
        clock.advance(10)
        assert (await get(port, f"/screenshot?token={TOKEN}"))[0] == 200
        assert len(shots) == 2
        counts = {
            lab["result"]: v
            for lab, v in parse_text(render(server.registry).decode())["kiosk_screenshots_total"]
        }
        assert counts == {"ok": 2, "refused": 2, "limited": 1}

    settings = MetricsSettings(port=0, screenshot_token=TOKEN, screenshot_every=10)
    served(tmp_path, bundle, check, settings, shot, clock)


def test_screenshots_are_off_without_a_token(tmp_path: Path, bundle: Bundle) -> None:
    async def check(server: MetricsServer, port: int) -> None:
        status, body = await get(port, "/screenshot?token=anything")
        assert status == 404 and b"screenshot_token" in body

    served(tmp_path, bundle, check)


def lan_address() -> str | None:
    """This machine's own non-loopback IPv4 address, if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("10.255.255.255", 1))  # UDP: nothing is sent
        except OSError:
            return None
        addr = str(s.getsockname()[0])
    return None if ipaddress.ip_address(addr).is_loopback else addr


def test_a_client_not_in_the_allowlist_gets_no_answer(tmp_path: Path, bundle: Bundle) -> None:
    addr = lan_address()
    if addr is None:
        pytest.skip("this machine has no non-loopback address to connect from")
    settings = MetricsSettings(host="0.0.0.0", port=0, allow=parse_allow(["203.0.113.0/24"]))

    async def check(server: MetricsServer, port: int) -> None:
        with pytest.raises((ValueError, ConnectionError)):  # closed, or reset, unanswered
            await fetch(addr, port)
        assert server.refused == 1
        assert b"kiosk_up" in await fetch("127.0.0.1", port)  # loopback still reads it

    served(tmp_path, bundle, check, settings)
