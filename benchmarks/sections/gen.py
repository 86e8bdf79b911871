"""Generated inputs: bundles with many 4K slides or a gigabyte of media, re-packed samples.

Everything is deterministic (seeded) and cached under :data:`common.CACHE` between runs: a
folder is complete once its ``.complete`` marker exists.
"""

from __future__ import annotations

import json
import random
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path, PurePosixPath

from kiosk.bundle import pack, validate
from kiosk.bundle.validate import CHECKSUMS, hash_tree
from kiosk.paths import SAMPLE_BUNDLE

from .common import CACHE, ROOT, say

GEN_VERSION = 1
"""Raise it when a generator changes, so that cached copies are made again."""

ENTITY_HEAD = """\
id = "example"
accent = "#0D6E6E"
logo = "logo.png"
name = { ar = "جهة حكومية", en = "A government entity" }
description = { ar = "شرائح كثيرة لقياس الأداء.", en = "Many slides, for benchmarks." }
"""

SLIDE = """
[[slides]]
id = "s{i:03d}"
kind = "image"
image = "{path}"
caption = {{ ar = "شريحة {i}", en = "Slide {i}" }}
"""


def _complete(folder: Path) -> bool:
    return (folder / ".complete").exists()


def _fresh(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    folder.parent.mkdir(parents=True, exist_ok=True)


def _init(folder: Path, bundle_id: str) -> None:
    """``kiosk bundle init``, with its example picture removed."""
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from kiosk.cli import main; sys.exit(main())",
            "bundle",
            "init",
            str(folder),
            "--id",
            bundle_id,
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (folder / "entities" / "example" / "slides" / "picture.png").unlink()


def _mark(folder: Path) -> Path:
    """Mark ``folder`` complete; the bundle proper is ``folder / "bundle"`` (the marker is not
    one of its files)."""
    (folder / ".complete").write_text(str(GEN_VERSION))
    return folder / "bundle"


def jpeg_4k(i: int, path: Path) -> None:
    """A 3840x2160 JPEG: a gradient and soft shapes that differ per ``i`` (so it does not
    compress to nothing, like a photo)."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter, QRadialGradient

    rng = random.Random(i)
    w, h = 3840, 2160
    image = QImage(w, h, QImage.Format.Format_RGB32)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    g = QLinearGradient(QPointF(0, 0), QPointF(w * rng.random(), h))
    for stop in (0.0, 0.5, 1.0):
        g.setColorAt(stop, QColor.fromHsv(rng.randrange(360), 120 + rng.randrange(120), 200))
    p.fillRect(QRectF(0, 0, w, h), g)
    p.setPen(Qt.PenStyle.NoPen)
    for _ in range(40):
        x, y, r = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(80, 700)
        rg = QRadialGradient(QPointF(x, y), r)
        rg.setColorAt(0, QColor.fromHsv(rng.randrange(360), 200, 255, 200))
        rg.setColorAt(1, QColor(0, 0, 0, 0))
        p.setBrush(rg)
        p.drawEllipse(QPointF(x, y), r, r)
    p.setPen(QColor(255, 255, 255, 60))
    for _ in range(400):  # fine detail, as in a photograph
        p.drawLine(
            QPointF(rng.uniform(0, w), rng.uniform(0, h)),
            QPointF(rng.uniform(0, w), rng.uniform(0, h)),
        )
    p.end()
    # the stubs say the format is bytes; PySide 6.11 accepts only str
    if not image.save(str(path), "JPEG", 85):  # type: ignore[call-overload]
        raise RuntimeError(f"cannot write {path}")


def slides_4k_bundle(n: int = 100) -> Path:
    """A bundle with one entity of ``n`` image slides, each a 3840x2160 JPEG (needs a Qt app)."""
    folder = CACHE / f"bundle-4k-{n}-v{GEN_VERSION}"
    if _complete(folder):
        return folder / "bundle"
    say(f"generating a bundle of {n} 4K JPEG slides in {folder} (cached for later runs)")
    _fresh(folder)
    root = folder / "bundle"
    _init(root, "bench-4k")
    ent = root / "entities" / "example"
    text = ENTITY_HEAD
    for i in range(n):
        rel = f"slides/s{i:03d}.jpg"
        jpeg_4k(i, ent / rel)
        text += SLIDE.format(i=i, path=rel)
    (ent / "entity.toml").write_text(text, "utf-8")
    report = validate(root)
    if not report.ok:
        raise RuntimeError(f"the generated 4K bundle does not validate: {report.errors[:3]}")
    return _mark(folder)


def noise_png(rng: random.Random, width: int, height: int) -> bytes:
    """A valid PNG of random pixels, stored (zlib level 0): as large as its pixels."""
    row_len = width * 3
    noise = rng.randbytes(row_len * height)
    raw = b"".join(
        b"\x00" + noise[y * row_len : (y + 1) * row_len] for y in range(height)
    )  # filter byte 0 (None) before each row

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(raw, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def noise_jpeg(i: int, path: Path) -> None:
    """A 1920x1080 JPEG of coarse noise (needs a Qt app): large, like a detailed photo."""
    from PySide6.QtGui import QColor, QImage, QPainter

    rng = random.Random(10_000 + i)
    image = QImage(1920, 1080, QImage.Format.Format_RGB32)
    p = QPainter(image)
    for y in range(0, 1080, 4):
        for x in range(0, 1920, 4):
            p.fillRect(
                x, y, 4, 4, QColor(rng.randrange(256), rng.randrange(256), rng.randrange(256))
            )
    p.end()
    if not image.save(str(path), "JPEG", 95):  # type: ignore[call-overload]
        raise RuntimeError(f"cannot write {path}")


def media_bundle(megabytes: int) -> Path:
    """A bundle with about ``megabytes`` MB of valid random-content PNG and JPEG slides, and its
    checksums.json (as ``kiosk bundle pack`` writes it), so that validation hashes every file."""
    folder = CACHE / f"bundle-media-{megabytes}mb-v{GEN_VERSION}"
    if _complete(folder):
        return folder / "bundle"
    say(f"generating a bundle of about {megabytes} MB of media in {folder} (cached for later runs)")
    _fresh(folder)
    root = folder / "bundle"
    _init(root, "bench-media")
    ent = root / "entities" / "example"
    rng = random.Random(megabytes)
    text = ENTITY_HEAD
    total, i = 0, 0
    jpegs = max(2, megabytes // 100)  # a few JPEGs; the bulk is PNG
    while total < megabytes * 1_000_000:
        if i < jpegs:
            rel = f"slides/m{i:04d}.jpg"
            noise_jpeg(i, ent / rel)
        else:
            rel = f"slides/m{i:04d}.png"
            (ent / rel).write_bytes(noise_png(rng, 1920, 1080))
        total += (ent / rel).stat().st_size
        text += SLIDE.format(i=i, path=rel)
        i += 1
    (ent / "entity.toml").write_text(text, "utf-8")
    files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    hashes = hash_tree(root, [PurePosixPath(f) for f in files])
    listing = {
        "format": 1,
        "files": {str(f): {"sha256": h, "size": n} for f, (h, n) in hashes.items()},
    }
    (root / CHECKSUMS).write_text(json.dumps(listing, indent=1, sort_keys=True))
    report = validate(root)
    if not report.ok:
        raise RuntimeError(f"the generated media bundle does not validate: {report.errors[:3]}")
    return _mark(folder)


def sample_variant(tmp: Path, version: str, tag: str = "") -> Path:
    """The sample bundle packed with another version (and a marked English title)."""
    src = tmp / f"src-{version}"
    shutil.copytree(SAMPLE_BUNDLE, src)
    toml = src / "bundle.toml"
    text = toml.read_text("utf-8")
    new = text.replace('version = "1.0.0"', f'version = "{version}"', 1)
    if tag:
        new = new.replace(
            'en = "Qatar Digital Government"', f'en = "Qatar Digital Government {tag}"', 1
        )
    if f'version = "{version}"' not in new:
        raise RuntimeError("the sample bundle's bundle.toml changed; update gen.sample_variant")
    toml.write_text(new, "utf-8")
    out = tmp / f"sample-{version}.zip"
    report = pack(src, out)
    if not report.ok:
        raise RuntimeError(f"packing {src} failed: {report.errors[:3]}")
    shutil.rmtree(src)
    return out


def events_db(sessions: int) -> Path:
    """An analytics database of ``sessions`` simulated visits (about 43 events each)."""
    db = CACHE / f"events-{sessions}-v{GEN_VERSION}.db"
    if db.exists():
        return db
    say(f"simulating {sessions:,} visitor sessions into {db} (cached for later runs)")
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = db.with_name(db.name + ".partial")
    for leftover in CACHE.glob(partial.name + "*"):
        leftover.unlink()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "kiosk.analytics.simulate",
            "--sessions",
            str(sessions),
            "-o",
            str(partial),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    for suffix in ("-wal", "-shm"):
        if partial.with_name(partial.name + suffix).exists():
            raise RuntimeError(f"the simulator left {partial.name}{suffix} behind")
    partial.rename(db)
    return db
