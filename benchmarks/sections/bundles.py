"""6. Bundles: validation/hash throughput next to ``sha256sum``, and install -> on screen.

(a) A generated bundle of about 1 GB (100 MB with --quick) of valid random-content PNG and JPEG
slides with its checksums.json (cached between runs). In the same run, interleaved, median of
the repeats, with the files in the page cache (an untimed pass first):
* floor: ``sha256sum`` over every file that checksums.json lists (one process, all files);
* ``kiosk.bundle.validate(folder)``: the full structural validation (manifests, every PNG chunk's
  CRC, JPEG markers, fonts) and the SHA-256 of every file against checksums.json;
* ``hash_tree``: the SHA-256 pass alone.
Throughput is MB of listed files per second.

(b) ``kiosk bundle install ZIP --data-dir STORE`` (the CLI, a child process; it fully decodes
images with Qt and probes videos) of the packed sample bundle (a new version each time), while
a kiosk runs in this process on that store: time from starting the command to the first frame
drawn after the kiosk swapped to the new bundle. The kiosk runs with its production settings: it
watches the store's directory (and polls it every ``kiosk.qt.swap.POLL_MS`` as a fallback), and
as it sits on the attract loop, it swaps as soon as the new bundle is loaded.
"""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path, PurePosixPath

from kiosk.bundle import validate
from kiosk.bundle.validate import CHECKSUMS, hash_tree
from kiosk.clock import ManualClock
from kiosk.paths import SAMPLE_BUNDLE
from kiosk.qt.swap import POLL_MS
from kiosk.qt.testing import start_kiosk
from kiosk.store import BundleStore

from .common import ROOT, SCREEN_H, SCREEN_W, Row, median, qt_app, say
from .gen import media_bundle, sample_variant
from .logs import kiosk_cli
from .qtprobe import FrameProbe, spin_until


def hashing(quick: bool) -> list[Row]:
    root = media_bundle(100 if quick else 1000)
    listed = sorted(json.loads((root / CHECKSUMS).read_text())["files"])
    paths = [str(root / name) for name in listed]
    rels = [PurePosixPath(name) for name in listed]
    mb = sum(Path(p).stat().st_size for p in paths) / 1e6
    sha_cmd = ["sha256sum", "--", *paths]
    subprocess.run(sha_cmd, check=True, stdout=subprocess.DEVNULL)  # page cache
    times: dict[str, list[float]] = {"sha256sum": [], "validate": [], "hash_tree": []}
    for _ in range(2 if quick else 3):
        t0 = time.perf_counter()
        subprocess.run(sha_cmd, check=True, stdout=subprocess.DEVNULL)
        times["sha256sum"].append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        report = validate(root)
        times["validate"].append(time.perf_counter() - t0)
        if not report.ok:
            raise RuntimeError(f"the generated bundle does not validate: {report.errors[:3]}")
        t0 = time.perf_counter()
        hash_tree(root, rels)
        times["hash_tree"].append(time.perf_counter() - t0)
    rate = {k: mb / median(v) for k, v in times.items()}
    say(
        f"{mb:.0f} MB in {len(paths)} files: "
        + ", ".join(f"{k} {v:.0f} MB/s" for k, v in rate.items())
    )
    detail = {"mb": round(mb, 1), "files": len(paths), "seconds": times}
    return [
        Row(
            "bundles",
            f"sha256sum over {mb:,.0f} MB, {len(paths)} files (floor)",
            rate["sha256sum"],
            "MB/s",
            details=detail,
        ),
        Row(
            "bundles",
            "kiosk.bundle.validate (structure + SHA-256)",
            rate["validate"],
            "MB/s",
            rate["sha256sum"],
            "min_ratio",
            0.7,
        ),
        Row("bundles", "hash_tree (SHA-256 only)", rate["hash_tree"], "MB/s", rate["sha256sum"]),
    ]


def install_to_screen(tmp: Path, trials: int) -> list[Row]:
    zips = [sample_variant(tmp, f"1.0.{i + 1}") for i in range(trials)]
    data = tmp / "data"
    store = BundleStore(data)
    k = start_kiosk(
        SAMPLE_BUNDLE,
        width=SCREEN_W,
        height=SCREEN_H,
        clock=ManualClock(),
        store=store,
        poll_ms=POLL_MS,
        db=tmp / "install.db",
    )
    probe = FrameProbe(k.window)
    k.controller.bundleChanged.connect(probe.marker("bundle"))
    probe.quiet(300)
    totals: list[float] = []
    cli_s: list[float] = []
    for i, z in enumerate(zips):
        version = f"1.0.{i + 1}"
        probe.marked.clear()
        probe.shown.clear()
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            [*kiosk_cli(), "bundle", "install", str(z), "--data-dir", str(data)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        ended: list[float] = []

        def done(
            proc: subprocess.Popen[bytes] = proc, ended: list[float] = ended, version: str = version
        ) -> bool:
            if not ended and proc.poll() is not None:
                ended.append(time.perf_counter())
            return bool(ended) and "bundle" in probe.shown and k.session.bundle.version == version

        if not spin_until(done, 60_000, 5):
            out = proc.stdout.read().decode() if proc.stdout and proc.poll() is not None else ""
            raise RuntimeError(
                f"install {i + 1} ({version}) did not reach the screen: {out[-800:]}"
            )
        if proc.returncode != 0:
            raise RuntimeError(f"kiosk bundle install failed with status {proc.returncode}")
        totals.append((probe.shown["bundle"] - t0) * 1000)
        cli_s.append((ended[0] - t0) * 1000)
        say(
            f"install {i + 1}/{trials}: CLI {cli_s[-1]:.0f} ms, on screen after {totals[-1]:.0f} ms"
        )
        probe.quiet(300)
    probe.disconnect()
    k.close()
    return [
        Row(
            "bundles",
            f"kiosk bundle install (CLI, 5 MB sample), median of {trials}",
            median(cli_s),
            "ms",
            details={"runs_ms": cli_s},
        ),
        Row(
            "bundles",
            "install -> new bundle on screen in a running kiosk",
            median(totals),
            "ms",
            details={"runs_ms": totals, "poll_ms": POLL_MS},
            note="the CLI's whole run (unpack, validate, decode, activate, exit) and the swap",
        ),
    ]


def run(quick: bool, tmp: Path) -> list[Row]:
    qt_app()
    rows = hashing(quick)
    rows += install_to_screen(tmp, 2 if quick else 5)
    return rows
