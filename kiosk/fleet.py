"""``kiosk fleet status``, Qt-free: ask each kiosk's /metrics, say which need attention.

One :class:`KioskHealth` per kiosk, from its scrape (or the reason there was none); then
:func:`assess` names each problem the way the alert rules in docs/deploy.md do: down, no
frame for :data:`FRAME_STALE_S`, the event writer failing, under :data:`DISK_LOW` free, a
bundle version other than the rest of the fleet's.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from .metrics import fetch, one, parse_listen, parse_text

FRAME_STALE_S = 30.0
DISK_LOW = 1_000_000_000
"""Bytes: the same 1 GB as the KioskDiskLow alert."""


@dataclass
class KioskHealth:
    address: str
    up: bool
    error: str = ""
    kiosk_id: str = ""
    bundle: str = ""
    """``id version``."""
    visitors_today: int | None = None
    frame_age: float | None = None
    disk_free: float | None = None
    writer_ok: bool = True
    problems: list[str] = field(default_factory=list)


def health_from_text(address: str, text: str) -> KioskHealth:
    samples = parse_text(text)
    info = samples.get("kiosk_build_info", [({}, 0.0)])[0][0]
    disks = [v for _labels, v in samples.get("kiosk_disk_free_bytes", [])]
    visitors = one(samples, "kiosk_visitor_sessions_today")
    writer_ok = one(samples, "kiosk_event_writer_ok")
    dead = one(samples, "kiosk_event_writer_dead")
    return KioskHealth(
        address=address,
        up=True,
        kiosk_id=info.get("kiosk_id", ""),
        bundle=f"{info.get('bundle_id', '?')} {info.get('bundle_version', '?')}",
        visitors_today=None if visitors is None else int(visitors),
        frame_age=one(samples, "kiosk_frame_age_seconds"),
        disk_free=min(disks) if disks else None,
        writer_ok=writer_ok != 0 and not dead,
    )


async def probe(address: str, timeout: float) -> KioskHealth:
    try:
        host, port = parse_listen(address)
    except ValueError as exc:
        return KioskHealth(address, False, str(exc))
    try:
        body = await fetch(host, port, timeout=timeout)
    except TimeoutError:
        return KioskHealth(address, False, f"no answer in {timeout:g} s")
    except ConnectionRefusedError:
        return KioskHealth(address, False, "connection refused: nothing listens on that port")
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        return KioskHealth(address, False, reason)
    try:
        return health_from_text(address, body.decode("utf-8", errors="replace"))
    except ValueError as exc:
        return KioskHealth(address, False, f"not Prometheus text ({exc})")


def assess(kiosks: Sequence[KioskHealth]) -> list[KioskHealth]:
    """Fill each kiosk's ``problems``; returns the kiosks."""
    versions = Counter(k.bundle for k in kiosks if k.up)
    ranked = versions.most_common()
    # the fleet's usual bundle; none when two bundles are on as many kiosks
    usual = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]) else ""
    for k in kiosks:
        k.problems = []
        if not k.up:
            k.problems.append(
                f"down: {k.error} (is the kiosk running, and may this machine read it: "
                "[metrics] allow in its kiosk.toml?)"
            )
            continue
        if k.frame_age is None or k.frame_age > FRAME_STALE_S:
            shown = "never" if k.frame_age is None else f"{k.frame_age:.0f} s ago"
            k.problems.append(f"no frame drawn for {FRAME_STALE_S:g} s (last: {shown})")
        if not k.writer_ok:
            k.problems.append("the event writer is failing: run kiosk doctor on it")
        if k.disk_free is not None and k.disk_free < DISK_LOW:
            k.problems.append(f"disk nearly full ({k.disk_free / 1e6:.0f} MB free)")
        if len(versions) > 1 and not usual:
            shown = ", ".join(sorted(versions))
            k.problems.append(f"the kiosks show {len(versions)} different bundles ({shown})")
        elif len(versions) > 1 and k.bundle != usual:
            k.problems.append(f"shows {k.bundle}, most kiosks show {usual}")
    return list(kiosks)


async def gather(addresses: Sequence[str], timeout: float = 3.0) -> list[KioskHealth]:
    found = await asyncio.gather(*(probe(a, timeout) for a in addresses))
    return assess(found)


def table(kiosks: Sequence[KioskHealth]) -> list[str]:
    """One line per kiosk, under a header."""
    rows = [("KIOSK", "STATE", "ID", "BUNDLE", "VISITORS", "FRAME", "DISK", "PROBLEMS")]
    for k in kiosks:
        rows.append(
            (
                k.address,
                "up" if k.up else "DOWN",
                k.kiosk_id or "-",
                k.bundle or "-",
                "-" if k.visitors_today is None else str(k.visitors_today),
                "-" if k.frame_age is None else f"{k.frame_age:.1f}s",
                "-" if k.disk_free is None else f"{k.disk_free / 1e9:.1f}GB",
                "; ".join(k.problems) or "ok",
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    return [
        "  ".join(c.ljust(w) for c, w in zip(r[:-1], widths, strict=True)) + "  " + r[-1]
        for r in rows
    ]
