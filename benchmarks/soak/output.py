"""The table printed while it runs, the summary and its pass/fail verdict (also the JSON)."""

from __future__ import annotations

import argparse
import json
import os
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from .samples import Sample

if TYPE_CHECKING:
    from .driver import Soak


COLUMNS = [
    ("real_s", "real s", 7), ("sim_h", "sim h", 7), ("visitors", "visits", 6),
    ("events", "events", 7), ("swaps", "swaps", 5), ("rss_mb", "RSS MB", 7),
    ("peak_mb", "peak MB", 7), ("fds", "fds", 4), ("threads", "thr", 4), ("items", "items", 6),
    ("qobjects", "QObj", 6), ("py_objects", "pyobj", 7), ("wal_kb", "WAL KB", 7),
    ("db_kb", "DB KB", 7),
]  # fmt: skip


def header() -> str:
    return " ".join(f"{title:>{w}}" for _k, title, w in COLUMNS)


def row(s: Sample) -> str:
    d = asdict(s)
    return " ".join(f"{d[key]:>{w}}" for key, _t, w in COLUMNS)


def summarise(soak: Soak, args: argparse.Namespace, crashed: str | None) -> dict[str, Any]:
    samples = soak.samples
    first, last = samples[0], samples[-1]
    warm_at = args.warmup * soak.duration_s
    warm = next((s for s in samples if s.real_s >= warm_at), last)
    growth = (last.rss_mb - warm.rss_mb) / warm.rss_mb
    failures: list[str] = []
    if crashed:
        failures.append("the driver crashed")
    counted = sorted(soak.rec.problems.values(), key=lambda p: p.real_s)
    for kind in ("qt-warning", "qt-critical", "qt-fatal", "qt-other", "exception", "step"):
        n = sum(p.count for p in counted if p.kind == kind)
        if n:
            failures.append(f"{n} {kind} message(s)")
    if growth > args.rss_budget:
        failures.append(f"RSS grew {growth:+.1%} after warm-up (budget {args.rss_budget:+.0%})")
    if last.fds > warm.fds:
        failures.append(f"file descriptors grew from {warm.fds} to {last.fds}")
    if last.threads > warm.threads:
        failures.append(f"threads grew from {warm.threads} to {last.threads}")
    if len(samples) < 3:
        failures.append("fewer than 3 samples")
    sim_h = last.sim_h
    return {
        "ok": not failures,
        "failures": failures,
        "config": {
            "real_s": soak.duration_s, "speed": args.speed, "sample_s": args.sample_s,
            "seed": args.seed, "size": args.size, "swap_every_h": args.swap_every_h,
            "malloc_trim": args.malloc_trim, "rss_budget": args.rss_budget,
            "warmup": args.warmup, "platform": os.environ.get("QT_QPA_PLATFORM"),
        },
        "summary": {
            "real_s": last.real_s,
            "simulated_hours": sim_h,
            "simulated_days": round(sim_h / 24, 2),
            "visitors": last.visitors,
            "events": last.events,
            "swaps": soak.counts.swaps,
            "swap_seconds_median": (
                round(sorted(soak.swap_seconds)[len(soak.swap_seconds) // 2], 2)
                if soak.swap_seconds else None
            ),
            "rss_mb": {"start": first.rss_mb, "warm": warm.rss_mb, "end": last.rss_mb,
                       "peak": max(last.peak_mb, max(s.rss_mb for s in samples)),
                       "growth_after_warmup": round(growth, 4)},
            "fds": {"start": first.fds, "warm": warm.fds, "end": last.fds,
                    "max": max(s.fds for s in samples)},
            "threads": {"start": first.threads, "warm": warm.threads, "end": last.threads,
                        "max": max(s.threads for s in samples)},
            "items": {"start": first.items, "warm": warm.items, "end": last.items,
                      "max": max(s.items for s in samples)},
            "qobjects": {"start": first.qobjects, "warm": warm.qobjects, "end": last.qobjects,
                         "max": max(s.qobjects for s in samples)},
            "py_objects": {"start": first.py_objects, "warm": warm.py_objects,
                           "end": last.py_objects},
            "wal_kb": {"end": last.wal_kb, "max": max(s.wal_kb for s in samples)},
            "db_kb": last.db_kb,
            "counts": asdict(soak.counts),
            "problems": soak.rec.total(),
            "ignored_messages": soak.rec.ignored,
        },
        "problems": [asdict(p) for p in counted],
        "samples": [asdict(s) for s in samples],
    }  # fmt: skip


def print_summary(r: dict[str, Any]) -> None:
    s = r["summary"]
    print()
    print(
        f"simulated {s['simulated_hours']:.1f} h ({s['simulated_days']} days) in "
        f"{s['real_s'] / 60:.1f} real min: {s['visitors']} visitors, {s['events']} events, "
        f"{s['swaps']} bundle swaps (median {s['swap_seconds_median']} s install to screen)"
    )
    m = s["rss_mb"]
    print(
        f"RSS MB: start {m['start']}, warm {m['warm']}, end {m['end']}, peak {m['peak']}, "
        f"growth after warm-up {m['growth_after_warmup']:+.2%}"
    )
    for key in ("fds", "threads", "items", "qobjects"):
        v = s[key]
        print(f"{key}: start {v['start']}, warm {v['warm']}, end {v['end']}, max {v['max']}")
    print(
        f"python objects: start {s['py_objects']['start']}, warm {s['py_objects']['warm']}, "
        f"end {s['py_objects']['end']}"
    )
    print(f"WAL KB: end {s['wal_kb']['end']}, max {s['wal_kb']['max']}; DB KB {s['db_kb']}")
    print("counts: " + ", ".join(f"{k} {v}" for k, v in s["counts"].items()))
    if s["ignored_messages"]:
        print(
            "ignored (outside our code): " + json.dumps(s["ignored_messages"], ensure_ascii=False)
        )
    for p in r["problems"]:
        print(
            f"PROBLEM x{p['count']} at {p['real_s']} s ({p['sim_h']} sim h): {p['kind']}: "
            f"{p['text']} {p['where']}"
        )
        for trail in p["trails"][:2]:
            print("  after: " + " > ".join(trail))
    print("OK" if r["ok"] else "FAILED: " + "; ".join(r["failures"]))
