"""The command line: set up Qt, the store and the kiosk, run the soak, report."""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

from PySide6.QtCore import qInstallMessageHandler
from PySide6.QtGui import QGuiApplication

from kiosk.clock import ManualClock
from kiosk.config import Config
from kiosk.qt.app import configure_environment
from kiosk.qt.testing import settle, start_kiosk
from kiosk.store import BundleStore

from . import __doc__ as usage
from .bundles import make_variant
from .driver import Soak
from .output import header, print_summary, row, summarise
from .recorder import Recorder


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m benchmarks.soak",
        description=usage,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--hours", type=float, default=0.0, help="real hours to run")
    p.add_argument("--minutes", type=float, default=0.0, help="real minutes to run (added)")
    p.add_argument(
        "--speed",
        type=float,
        default=168.0,
        help="simulated seconds per real second (168: an hour is a week)",
    )
    p.add_argument("--sample-s", type=float, default=60.0, help="real seconds between samples")
    p.add_argument(
        "--rss-budget",
        type=float,
        default=0.05,
        help="allowed RSS growth from warm-up to the end (0.05 = 5%%)",
    )
    p.add_argument("--warmup", type=float, default=0.10, help="share of the run that is warm-up")
    p.add_argument(
        "--swap-every-h",
        type=float,
        default=1.0,
        help="simulated hours between bundle swaps (0: none)",
    )
    p.add_argument(
        "--malloc-trim",
        action="store_true",
        help="diagnostics: call glibc malloc_trim(0) before each sample (RSS = live memory)",
    )
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--size", default="1920x1080", help="window size, WxH")
    p.add_argument("--json", type=Path, help="write the samples and the summary here")
    args = p.parse_args(argv)
    duration = args.hours * 3600 + args.minutes * 60
    if duration <= 0:
        p.error("give --hours and/or --minutes")
    width, height = (int(x) for x in args.size.split("x"))

    rec = Recorder()
    qInstallMessageHandler(rec.qt)
    sys.excepthook = rec.excepthook
    threading.excepthook = rec.thread_excepthook

    configure_environment()
    os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")
    app = QGuiApplication(sys.argv[:1])
    app.setApplicationName("kiosk-soak")

    tmp = Path(tempfile.mkdtemp(prefix="kiosk-soak-"))
    try:
        t = time.monotonic()
        zips = [make_variant(tmp, "1.0.2", "(B)"), make_variant(tmp, "1.0.1", "(A)")]
        store = BundleStore(tmp / "data")
        store.install(zips[1])  # 1.0.1 first; the swaps go 1.0.2, 1.0.1, 1.0.2, ...
        active = store.active_path()
        assert active is not None
        print(f"soak: bundles packed and installed in {time.monotonic() - t:.1f} s ({tmp})")
        clock = ManualClock()
        db = tmp / "kiosk.db"
        # a Config makes start_kiosk build the staff panel (Admin), as the real kiosk does;
        # without it Main.qml warns "Could not set initial property admin" (admin=None)
        config = Config(tmp / "kiosk.toml", kiosk_id="soak", data_dir=tmp / "data")
        k = start_kiosk(
            active, width=width, height=height, clock=clock, db=db, store=store, config=config
        )
        soak = Soak(
            k,
            clock,
            random.Random(args.seed),
            rec,
            db,
            store,
            zips,
            args.speed,
            duration,
            args.sample_s,
            args.swap_every_h * 3600,
            args.malloc_trim,
        )
        print(
            f"soak: {duration / 60:.0f} real minutes at {args.speed:g}x "
            f"(about {duration * args.speed / 3600:.0f} simulated hours), a sample every "
            f"{args.sample_s:g} s"
        )
        print(header(), flush=True)
        crashed = None
        try:
            soak.run()
        except Exception:
            crashed = traceback.format_exc()
            rec.add("exception", crashed.strip(), "the soak driver")
        result = summarise(soak, args, crashed)
        k.close()
        settle(50)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print()
    print(header())
    for s in soak.samples:
        print(row(s))
    print_summary(result)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", "utf-8")
    return 0 if result["ok"] else 1
