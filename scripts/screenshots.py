"""Screenshots of every page type, in Arabic and English, at the three target sizes.

The staff overlay is shot too: its PIN pad, and its panel with a drop folder that holds
a good bundle and a damaged one.

.venv/bin/python scripts/screenshots.py [--bundle PATH] [--out artifacts/screens]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtGui import QGuiApplication

from kiosk.admin import hash_pin
from kiosk.bundle import pack
from kiosk.clock import ManualClock
from kiosk.config import Config
from kiosk.paths import SAMPLE_BUNDLE
from kiosk.qt import aio
from kiosk.qt.admin import Admin
from kiosk.qt.testing import Kiosk, settle, start_kiosk, wait_until
from kiosk.session import HINT_IDLE_S, HINT_SHOWN_S

SIZES = {"1080p": (1920, 1080), "portrait": (1080, 1920), "4k": (3840, 2160)}


PIN = "2468"


def drop_folder(bundle: Path, where: Path) -> Path:
    """A drop folder as staff bring one: the bundle packed, and a damaged archive."""
    usb = where / "usb"
    usb.mkdir()
    pack(bundle, usb / "pavilion-update.zip")
    (usb / "damaged.zip").write_bytes(b"PK\x03\x04 not a whole archive")
    return usb


def panel_ready(admin: Admin) -> bool:
    """The panel has read the store and today's figures, and checked both drops."""
    found = admin.found
    return (
        admin.today is not None
        and admin.store_view is not None
        and len(found) == 2
        and not any(f.checking for f in found)
    )


def shoot(bundle: Path, out: Path, sizes: list[str], langs: list[str]) -> list[Path]:
    saved = []
    work = Path(tempfile.mkdtemp(prefix="kiosk-shots-"))
    usb = drop_folder(bundle, work)
    pin_hash = hash_pin(PIN)
    for size in sizes:
        w, h = SIZES[size]
        for lang in langs:
            clock = ManualClock()
            data = work / f"{size}-{lang}"
            data.mkdir()
            config = Config(
                path=data / "kiosk.toml",
                data_dir=data,
                pin_hash=pin_hash,
                drop_folders=(usb,),
                kiosk_id="screenshots",
            )
            k = start_kiosk(bundle, width=w, height=h, language=lang, clock=clock, config=config)
            settle(1500)

            def snap(name: str, k: Kiosk = k, prefix: str = f"{size}-{lang}") -> None:
                settle(700)
                p = out / f"{prefix}-{name}.png"
                k.grab(p)
                saved.append(p)

            snap("attract")
            k.tap_at(k.centre(k.window.contentItem()))
            k.wait_page("home")
            k.controller.setLanguage(lang)
            snap("home")
            first = k.bundle.entities[0]
            k.tap(f"tile-{first.id}")
            k.wait_page("entity")
            snap("entity")
            for i, s in enumerate(first.slides):
                if s.kind in ("text", "video") and i:
                    k.controller.showSlide(i)
                    snap(f"entity-{s.kind}")
            k.controller.showSlide(0)
            demo = next(e for e in k.bundle.entities if e.demos).demos[0]
            ent = next(e for e in k.bundle.entities if demo in e.demos)
            if ent is not first:
                k.controller.home()
                k.controller.openEntity(ent.id)
            k.controller.openDemo(demo.id)
            k.wait_page("demo")
            seen = set()
            for screen_id, _index, target in demo.route_to_end():
                kind = demo.screen(screen_id).kind
                if kind not in seen:
                    seen.add(kind)
                    snap(f"demo-{kind}")
                    if demo.screen(screen_id).hotspots and "hint" not in seen:
                        seen.add("hint")  # the session shows it after a quiet while
                        clock.advance(HINT_IDLE_S + 0.1)
                        snap("demo-hint")
                        clock.advance(HINT_SHOWN_S + 0.1)
                k.controller.follow(target)
            snap("demo-end")
            clock.advance(k.bundle.idle.timeout + 1)
            snap("idle")
            admin = k.admin
            assert admin is not None
            k.controller.home()
            admin.open_pin()  # in the kiosk's default language
            if admin.language != lang:
                k.tap("adminLanguage")
            for digit in PIN[:3]:
                k.tap(f"pinKey-{digit}")
            snap("admin-pin")
            k.tap("pinKey-OK")  # three digits: the pad says why it did not open
            snap("admin-pin-wrong")
            admin.submitPin(PIN)
            wait_until(lambda a=admin: panel_ready(a), 30_000)
            snap("admin-panel")
            admin.close()
            k.close()
            settle(50)
    return saved


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--bundle", type=Path, default=SAMPLE_BUNDLE)
    p.add_argument("--out", type=Path, default=Path("artifacts/screens"))
    p.add_argument("--sizes", nargs="+", default=list(SIZES), choices=list(SIZES))
    p.add_argument("--langs", nargs="+", default=["ar", "en"])
    args = p.parse_args()
    _app = QGuiApplication(sys.argv[:1])
    try:
        for path in shoot(args.bundle, args.out, args.sizes, args.langs):
            print(path)
    finally:
        aio.close_loop()  # its worker threads end before Qt goes
    return 0


if __name__ == "__main__":
    sys.exit(main())
