"""The two re-packed copies of the sample bundle that the run swaps between."""

from __future__ import annotations

import shutil
from pathlib import Path

from kiosk.bundle import pack
from kiosk.paths import SAMPLE_BUNDLE


def make_variant(tmp: Path, version: str, tag: str) -> Path:
    """The sample bundle re-packed with another version and a marked title."""
    src = tmp / f"src-{version}"
    shutil.copytree(SAMPLE_BUNDLE, src)
    toml = src / "bundle.toml"
    text = toml.read_text("utf-8")
    new = text.replace('version = "1.0.0"', f'version = "{version}"', 1)
    new = new.replace(
        'en = "Qatar Digital Government"', f'en = "Qatar Digital Government {tag}"', 1
    )
    if new.count(version) < 1 or tag not in new:
        raise SystemExit("soak: the sample bundle's bundle.toml changed; update make_variant")
    toml.write_text(new, "utf-8")
    out = tmp / f"sample-{version}.zip"
    report = pack(src, out)
    if not report.ok:
        raise SystemExit(f"soak: packing {src} failed: {report}")
    shutil.rmtree(src)
    return out
