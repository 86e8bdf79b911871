"""Fleet health, Qt-free: what ``/metrics`` says about one kiosk, and who may ask.

The Prometheus text format, made with prometheus_client from a registry of this kiosk's own
(every name starts with ``kiosk_``; no default process or platform collectors). Every figure
is a count or a state, never a visitor's data: sessions and events are counted by type only.

- :class:`KioskMetrics`: the figures. Counters are fed as things happen (:meth:`event` is a
  session listener; :meth:`frame` and :meth:`swapped` are called by the Qt layer,
  kiosk/qt/metrics.py); the rest is read at scrape time from injected sources (the event
  writer, the data folder's disk, the bundle shown, the schedule slot).
- :func:`client_allowed` and :func:`bind_problem`: loopback always; a LAN address only with
  an allowlist in kiosk.toml (``[metrics] allow``).
- :class:`RateLimiter`: on the injectable clock, for the staff screenshot.
- :class:`MetricsServer`: a small HTTP/1.1 server on the asyncio loop (in the kiosk, qasync's
  loop on the GUI thread: no thread of its own). GET only, one request per connection.

prometheus_client is imported when a registry is first built, not when this module is.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import ipaddress
import json
import os
import re
import shutil
import time
from collections.abc import Awaitable, Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .atomicfile import write_atomic

if TYPE_CHECKING:
    import asyncio

    from prometheus_client.core import Metric
    from prometheus_client.registry import CollectorRegistry

    from .analytics.store import EventLog
    from .bundle import Bundle
    from .session import Event

DEFAULT_PORT = 9464
DEFAULT_LISTEN = f"127.0.0.1:{DEFAULT_PORT}"
SCREENSHOT_EVERY_S = 10.0
"""The staff screenshot's rate limit by default: one per this many seconds."""
STARTS_FILE = "metrics-starts.json"
"""In the data folder: how many times this kiosk has started (``kiosk_restarts_total``)."""
Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


# --- settings ----------------------------------------------------------------------------


@dataclass(frozen=True)
class MetricsSettings:
    """``[metrics]`` in kiosk.toml (or ``kiosk run --metrics HOST:PORT``)."""

    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    allow: tuple[Network, ...] = ()
    """Networks (besides loopback) whose clients may read /metrics."""
    screenshot_token: str | None = None
    """None: no screenshots at all."""
    screenshot_every: float = SCREENSHOT_EVERY_S

    @property
    def listen(self) -> str:
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"


def parse_listen(text: str) -> tuple[str, int]:
    """``HOST:PORT`` (``[::1]:9464`` for IPv6; ``:9464`` or a bare port: loopback).
    Raises ValueError with a message for staff."""
    text = text.strip()
    if text.isdigit():
        host, port_text = "127.0.0.1", text
    else:
        m = re.fullmatch(r"\[([0-9A-Fa-f:.]+)\]:(\d+)|([^:\[\]\s]*):(\d+)", text)
        if m is None:
            raise ValueError(
                f"'{text}' is not HOST:PORT; write it as 127.0.0.1:{DEFAULT_PORT} "
                f"(or [::1]:{DEFAULT_PORT} for IPv6)"
            )
        host = m.group(1) or m.group(3) or "127.0.0.1"
        port_text = m.group(2) or m.group(4)
    port = int(port_text)
    if not 0 <= port <= 65535:
        raise ValueError(f"port {port} is out of range: use a port from 1 to 65535")
    return host, port


def parse_allow(items: Iterable[str]) -> tuple[Network, ...]:
    """Each an address or a network (``10.0.0.0/24``); ValueError names the bad one."""
    out: list[Network] = []
    for item in items:
        try:
            out.append(ipaddress.ip_network(item.strip(), strict=False))
        except ValueError:
            raise ValueError(
                f"'{item}' is not an address or a network; write e.g. \"10.20.0.5\" or "
                '"10.20.0.0/24"'
            ) from None
    return tuple(out)


def _address(text: str) -> Address | None:
    try:
        ip = ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    return ip


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    ip = _address(host)
    return ip is not None and ip.is_loopback


def client_allowed(peer: str, allow: tuple[Network, ...]) -> bool:
    """Whether a client at ``peer`` (an IP address) may read this kiosk's metrics."""
    ip = _address(peer)
    if ip is None:
        return False
    return ip.is_loopback or any(ip.version == net.version and ip in net for net in allow)


def bind_problem(settings: MetricsSettings) -> tuple[str, str] | None:
    """Why the server must not listen where asked (a LAN address with no allowlist): the
    problem and its fix, for staff; None when it may."""
    if is_loopback(settings.host) or settings.allow:
        return None
    return (
        f"/metrics would listen on {settings.listen}, a network address, but [metrics] allow "
        "is empty",
        "list the Prometheus server's address in kiosk.toml: [metrics] allow = "
        f'["10.20.0.5"] (a network such as "10.20.0.0/24" also works), or listen on '
        f"127.0.0.1:{settings.port}",
    )


class RateLimiter:
    """At most one success per ``every`` seconds of ``clock``."""

    def __init__(self, every: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.every = every
        self.clock = clock
        self._last: float | None = None

    def allow(self) -> float:
        """0 when allowed now (and counted); else the seconds to wait."""
        now = self.clock()
        if self._last is not None and now - self._last < self.every:
            return self.every - (now - self._last)
        self._last = now
        return 0.0


# --- the figures -------------------------------------------------------------------------


def bundle_hash(bundle: Bundle) -> str:
    """The short content hash the store names an installed bundle by (``id-version-HASH``);
    for a bundle folder outside the store, the hash of its checksums file, else ``""``."""
    m = re.fullmatch(r".+-([0-9a-f]{12})", bundle.root.name)
    if m:
        return m.group(1)
    with contextlib.suppress(OSError):
        return hashlib.sha256((bundle.root / "checksums.json").read_bytes()).hexdigest()[:12]
    return ""


def count_start(data_dir: Path) -> int:
    """This start, counted in the data folder; returns the restarts before it (0 at the
    first start). A folder that cannot be written counts nothing (returns 0)."""
    path = data_dir / STARTS_FILE
    starts = 0
    with contextlib.suppress(OSError, ValueError, TypeError):
        starts = int(json.loads(path.read_text("utf-8"))["starts"])
    with contextlib.suppress(OSError):
        write_atomic(path, json.dumps({"starts": starts + 1}).encode())
    return starts


def rss_bytes() -> int:
    """This process's resident memory (Linux /proc; elsewhere the peak from getrusage)."""
    try:
        with Path("/proc/self/statm").open() as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def free_bytes(path: Path) -> int | None:
    """Free space for an unprivileged writer on ``path``'s file system."""
    for p in (path, *path.parents):
        with contextlib.suppress(OSError):
            return shutil.disk_usage(p).free
    return None


def sessions_since(db: Path, since: datetime) -> int:
    """Visitor sessions started in ``db`` since ``since`` (a local time): worker thread."""
    import sqlite3
    from datetime import UTC

    at = since.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=1.0)
    try:
        row = conn.execute(
            "SELECT COUNT(*) FROM events WHERE type = 'session_start' AND wall_utc >= ?", (at,)
        ).fetchone()
    finally:
        conn.close()
    return int(row[0])


def png_rgba(width: int, height: int, pixels: bytes, stride: int) -> bytes:
    """A PNG of 8-bit RGBA rows (``stride`` bytes apart): the screenshot, encoded in a
    worker thread with zlib alone."""
    import struct
    import zlib

    row = width * 4
    raw = b"".join(b"\x00" + pixels[y * stride : y * stride + row] for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 6))
        + chunk(b"IEND", b"")
    )


@dataclass(eq=False)
class KioskMetrics:
    """One kiosk's figures. ``clock`` is monotonic (frame ages, uptime), ``wall`` the
    epoch (today's visitors, the last swap's timestamp)."""

    kiosk_id: str
    data_dir: Path
    db: Path
    bundle: Callable[[], Bundle]
    writer: EventLog | None = None
    clock: Callable[[], float] = time.monotonic
    wall: Callable[[], float] = time.time
    schedule_slot: Callable[[], str] = field(default=lambda: "open")
    """The name of the schedule slot showing now (kiosk.schedule.Slot.name: ``open`` when
    nothing is scheduled, ``daypart:ID``, ``interrupt:ID``, ``closed``); the Qt layer reads
    the session's."""
    restarts: int = 0
    sessions: int = 0
    events: dict[str, int] = field(default_factory=dict)
    last_frame: float | None = None
    swaps: dict[str, int] = field(default_factory=dict)
    last_swap: tuple[float, bool, str] | None = None
    """(epoch, succeeded, bundle name or reason) of the last hot swap."""
    screenshots: dict[str, int] = field(default_factory=dict)
    _today: tuple[str, int] = ("", 0)
    _started: float = 0.0
    _started_wall: float = 0.0

    def __post_init__(self) -> None:
        self._started = self.clock()
        self._started_wall = self.wall()

    # fed as things happen (all on one thread: the GUI thread in the kiosk)

    def event(self, event: Event) -> None:
        """A session listener: counts each event by type, and visitor sessions."""
        self.events[event.type] = self.events.get(event.type, 0) + 1
        if event.type == "session_start":
            self.sessions += 1
            day = self._day()
            self._today = (day, (self._today[1] if self._today[0] == day else 0) + 1)

    def seed_today(self, count: int) -> None:
        """Sessions already started today (from the database, at start)."""
        day = self._day()
        self._today = (day, count + (self._today[1] if self._today[0] == day else 0))

    def frame(self) -> None:
        self.last_frame = self.clock()

    def swapped(self, ok: bool, what: str) -> None:
        key = "ok" if ok else "rolled_back"
        self.swaps[key] = self.swaps.get(key, 0) + 1
        self.last_swap = (self.wall(), ok, what)

    def screenshot(self, result: str) -> None:
        self.screenshots[result] = self.screenshots.get(result, 0) + 1

    def _day(self) -> str:
        return datetime.fromtimestamp(self.wall()).date().isoformat()

    def sessions_today(self) -> int:
        return self._today[1] if self._today[0] == self._day() else 0

    def frame_age(self) -> float | None:
        return None if self.last_frame is None else max(0.0, self.clock() - self.last_frame)

    # read at scrape time

    def collect(self) -> Iterator[Metric]:
        """The metric families (prometheus_client's custom collector protocol)."""
        from prometheus_client.core import (
            CounterMetricFamily,
            GaugeMetricFamily,
            InfoMetricFamily,
        )

        def gauge(name: str, doc: str, value: float, unit: str = "") -> GaugeMetricFamily:
            return GaugeMetricFamily(name, doc, value=value, unit=unit)

        def counter(
            name: str, doc: str, values: dict[str, int] | int, label: str = ""
        ) -> CounterMetricFamily:
            if isinstance(values, int):
                return CounterMetricFamily(name, doc, value=values)
            c = CounterMetricFamily(name, doc, labels=[label])
            for k, v in sorted(values.items()):
                c.add_metric([k], v)
            return c

        bundle = self.bundle()
        yield gauge("kiosk_up", "1 while the kiosk answers", 1)
        yield InfoMetricFamily(
            "kiosk_build",
            "the kiosk's version and the bundle it shows",
            value={
                "version": __version__,
                "kiosk_id": self.kiosk_id,
                "bundle_id": bundle.id,
                "bundle_version": bundle.version,
                "bundle_hash": bundle_hash(bundle),
            },
        )
        yield counter(
            "kiosk_visitor_sessions",
            "visitor sessions started since the kiosk started",
            self.sessions,
        )
        yield gauge(
            "kiosk_visitor_sessions_today",
            "visitor sessions started today (local time), this kiosk",
            self.sessions_today(),
        )
        yield counter("kiosk_events", "visitor events since start, by type", self.events, "type")
        if self.writer is not None:
            queued, last = self.writer.backlog()
            status = self.writer.status()
            yield gauge("kiosk_event_writer_queue_length", "events waiting for the writer", queued)
            if last is not None:
                yield gauge(
                    "kiosk_event_writer_last_commit_age",
                    "seconds since the writer last committed",
                    max(0.0, time.monotonic() - last),
                    "seconds",
                )
            yield gauge("kiosk_event_writer_ok", "0 while the writer is failing", int(status.ok))
            yield gauge(
                "kiosk_event_writer_dead", "1 when the writer stopped for good", int(status.dead)
            )
            yield counter("kiosk_event_writer_errors", "failed writes (retried)", status.errors)
            yield counter(
                "kiosk_event_writer_dropped", "events lost (writer dead or full)", status.dropped
            )
        free = GaugeMetricFamily(
            "kiosk_disk_free", "free space for the kiosk", labels=["volume"], unit="bytes"
        )
        for volume, path in (("data", self.data_dir), ("database", self.db.parent)):
            value = free_bytes(path)
            if value is not None:
                free.add_metric([volume], value)
        yield free
        with contextlib.suppress(OSError):
            yield gauge(
                "kiosk_database_size",
                "the analytics database with its WAL",
                sum(
                    p.stat().st_size
                    for p in (self.db, self.db.with_name(self.db.name + "-wal"))
                    if p.exists()
                ),
                "bytes",
            )
        age = self.frame_age()
        if age is not None:
            yield gauge(
                "kiosk_frame_age", "seconds since the screen last drew a frame", age, "seconds"
            )
        yield gauge("kiosk_resident_memory", "resident memory", rss_bytes(), "bytes")
        yield gauge(
            "kiosk_uptime",
            "seconds since the kiosk started",
            self.clock() - self._started,
            "seconds",
        )
        yield gauge(
            "kiosk_start_time", "when the kiosk started (epoch)", self._started_wall, "seconds"
        )
        yield counter(
            "kiosk_restarts", "starts of this kiosk before this one (data folder)", self.restarts
        )
        yield counter("kiosk_bundle_swaps", "hot swaps, by result", self.swaps, "result")
        if self.last_swap is not None:
            at, ok, _what = self.last_swap
            yield gauge(
                "kiosk_bundle_swap_last", "when the last hot swap ended (epoch)", at, "seconds"
            )
            yield gauge("kiosk_bundle_swap_last_ok", "1: the last swap showed", int(ok))
        yield InfoMetricFamily(
            "kiosk_schedule_slot", "the schedule slot showing now", value={"slot": self.slot()}
        )
        yield counter(
            "kiosk_screenshots", "staff screenshot requests, by result", self.screenshots, "result"
        )

    def slot(self) -> str:
        try:
            return str(self.schedule_slot()) or "open"
        except Exception:  # a hook's bug must not take /metrics down
            return "unknown"

    def registry(self) -> CollectorRegistry:
        from prometheus_client.registry import CollectorRegistry

        registry = CollectorRegistry(auto_describe=False)
        registry.register(self)
        return registry


def import_client() -> None:
    """Import prometheus_client (a few hundred ms on a cold start): the kiosk does it in a
    worker thread before it listens, so that no scrape pays for it on the GUI thread."""
    import prometheus_client.core
    import prometheus_client.registry  # noqa: F401


def render(registry: CollectorRegistry) -> bytes:
    from prometheus_client import generate_latest

    return generate_latest(registry)


CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


# --- the server --------------------------------------------------------------------------


Screenshot = Callable[[], Awaitable[bytes]]
"""The PNG of what the screen shows now (the Qt layer grabs it on the GUI thread)."""


@dataclass
class Response:
    status: int
    body: bytes
    content_type: str = "text/plain; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)


_REASONS = {
    200: "OK",
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    429: "Too Many Requests",
    500: "Internal Server Error",
    503: "Service Unavailable",
}
MAX_REQUEST_BYTES = 8192
REQUEST_TIMEOUT_S = 5.0


class MetricsServer:
    """``/metrics`` (and ``/screenshot`` for staff with the token) on the running asyncio
    loop. Each request is answered between two of the loop's callbacks: on the kiosk's GUI
    thread, collecting takes well under a millisecond, and the screenshot's PNG is encoded
    in a worker thread by the Qt layer."""

    def __init__(
        self,
        metrics: KioskMetrics,
        settings: MetricsSettings,
        screenshot: Screenshot | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.metrics = metrics
        self.settings = settings
        self.screenshot = screenshot
        self.limiter = RateLimiter(settings.screenshot_every, clock)
        self._registry: CollectorRegistry | None = None
        self.port: int | None = None
        self._server: asyncio.Server | None = None
        self.refused = 0
        """Connections refused by the allowlist."""
        self.answered = 0
        """Requests answered (any status)."""

    @property
    def registry(self) -> CollectorRegistry:
        """Made on first use: prometheus_client is imported then, not at the kiosk's start."""
        if self._registry is None:
            self._registry = self.metrics.registry()
        return self._registry

    async def start(self) -> int:
        """Listen; returns the port (useful with port 0). Raises ValueError for a LAN
        address without an allowlist, OSError when the port is taken."""
        import asyncio

        problem = bind_problem(self.settings)
        if problem is not None:
            raise ValueError(f"{problem[0]}. Fix: {problem[1]}")
        self._server = await asyncio.start_server(
            self._handle, self.settings.host, self.settings.port
        )
        self.port = self._server.sockets[0].getsockname()[1]
        return self.port

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        import asyncio

        peer = writer.get_extra_info("peername")
        try:
            if not client_allowed(peer[0] if peer else "", self.settings.allow):
                self.refused += 1
                return  # closed without a word: nothing about this kiosk leaks
            try:
                head = await asyncio.wait_for(
                    reader.readuntil(b"\r\n\r\n"), timeout=REQUEST_TIMEOUT_S
                )
            except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, TimeoutError):
                return
            if len(head) > MAX_REQUEST_BYTES:
                response = Response(400, b"request too large\n")
            else:
                response = await self.answer(head)
            writer.write(_encode(response))
            self.answered += 1
            await writer.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            writer.close()
            with contextlib.suppress(ConnectionError, OSError):
                await writer.wait_closed()

    async def answer(self, head: bytes) -> Response:
        from urllib.parse import parse_qs, urlsplit

        lines = head.decode("latin-1").split("\r\n")
        parts = lines[0].split(" ")
        if len(parts) != 3 or not parts[2].startswith("HTTP/"):
            return Response(400, b"bad request\n")
        method, target = parts[0], parts[1]
        headers = {}
        for line in lines[1:]:
            if ":" in line:
                k, v = line.split(":", 1)
                headers[k.strip().lower()] = v.strip()
        if method != "GET":
            return Response(405, b"read-only: GET only\n", headers={"Allow": "GET"})
        url = urlsplit(target)
        if url.path == "/metrics":
            return Response(200, render(self.registry), CONTENT_TYPE)
        if url.path == "/screenshot":
            return await self._screenshot(headers, parse_qs(url.query))
        if url.path == "/":
            return Response(200, b"kiosk: /metrics (Prometheus text format)\n")
        return Response(404, b"not found: try /metrics\n")

    async def _screenshot(self, headers: dict[str, str], query: dict[str, list[str]]) -> Response:
        token = self.settings.screenshot_token
        if token is None or self.screenshot is None:
            self.metrics.screenshot("disabled")
            return Response(
                404, b"screenshots are off: set [metrics] screenshot_token in kiosk.toml\n"
            )
        given = headers.get("authorization", "")
        given = (
            given[7:] if given.lower().startswith("bearer ") else (query.get("token") or [""])[0]
        )
        if not hmac.compare_digest(given.encode(), token.encode()):
            self.metrics.screenshot("refused")
            return Response(
                401,
                b"a screenshot needs the token: Authorization: Bearer <screenshot_token>\n",
                headers={"WWW-Authenticate": "Bearer"},
            )
        wait = self.limiter.allow()
        if wait:
            self.metrics.screenshot("limited")
            return Response(
                429,
                f"one screenshot every {self.settings.screenshot_every:g} s: try again in "
                f"{wait:.0f} s\n".encode(),
                headers={"Retry-After": str(max(1, round(wait)))},
            )
        try:
            png = await self.screenshot()
        except Exception as exc:
            self.metrics.screenshot("failed")
            return Response(503, f"the screen could not be grabbed: {exc}\n".encode())
        self.metrics.screenshot("ok")
        return Response(200, png, "image/png", headers={"Cache-Control": "no-store"})


def _encode(r: Response) -> bytes:
    head = [f"HTTP/1.1 {r.status} {_REASONS.get(r.status, 'Error')}"]
    head.append(f"Content-Type: {r.content_type}")
    head.append(f"Content-Length: {len(r.body)}")
    head.append("Connection: close")
    head.extend(f"{k}: {v}" for k, v in r.headers.items())
    return ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + r.body


# --- reading another kiosk's metrics (kiosk fleet status) ---------------------------------


async def fetch(host: str, port: int, path: str = "/metrics", timeout: float = 3.0) -> bytes:
    """GET ``path`` from a kiosk; the body. Raises OSError/TimeoutError/ValueError."""
    import asyncio

    async def go() -> bytes:
        reader, writer = await asyncio.open_connection(host, port)
        try:
            name = f"[{host}]" if ":" in host else host
            writer.write(
                f"GET {path} HTTP/1.1\r\nHost: {name}:{port}\r\nConnection: close\r\n\r\n".encode()
            )
            await writer.drain()
            data = await reader.read()
        finally:
            writer.close()
            with contextlib.suppress(OSError):
                await writer.wait_closed()
        head, _, body = data.partition(b"\r\n\r\n")
        status = head.split(b"\r\n", 1)[0].split(b" ")
        if len(status) < 2:
            raise ValueError("no HTTP answer (the connection was closed: not allowed?)")
        if status[1] != b"200":
            raise ValueError(f"HTTP {status[1].decode('latin-1')}")
        return body

    return await asyncio.wait_for(go(), timeout)


def parse_text(text: str) -> dict[str, list[tuple[dict[str, str], float]]]:
    """Samples by name from Prometheus text format."""
    from prometheus_client.parser import text_string_to_metric_families

    out: dict[str, list[tuple[dict[str, str], float]]] = {}
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            out.setdefault(s.name, []).append((dict(s.labels), float(s.value)))
    return out


def one(samples: dict[str, list[tuple[dict[str, str], float]]], name: str) -> float | None:
    values = samples.get(name)
    return values[0][1] if values else None
