"""Generate every media file of the sample bundle (kiosk/sample_bundle).

The command line (``python assets/make_sample.py [--only ...] [--no-video] [--check]
[--bundle DIR]``): load the fonts, then per entity draw the logo, slides, video posters,
videos and screenshots, print each button's rectangle, and check the manifests.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtGui import QColor, QFontDatabase, QGuiApplication

from . import settings
from .art import SLIDES, VIDEOS
from .colours import ACCENTS, WHITE, contrast
from .logos import make_logo
from .manifests import check_manifests
from .output import frame, make_video, save, slide
from .screenshots import HOTSPOTS, SHOTS
from .settings import FONTS
from .text import AR_BODY, AR_HEAD, LATIN


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--only", help="comma-separated entity ids (default: all)")
    ap.add_argument("--no-video", action="store_true", help="skip encoding the videos")
    ap.add_argument(
        "--check", action="store_true", help="only check the manifests' hotspots; write nothing"
    )
    ap.add_argument(
        "--bundle",
        type=Path,
        default=settings.BUNDLE,
        metavar="DIR",
        help="the bundle whose manifests are checked and whose media are written "
        "(default: kiosk/sample_bundle; the fonts always come from there)",
    )
    args = ap.parse_args(argv)
    entities = args.only.split(",") if args.only else list(ACCENTS)
    for eid in entities:
        if eid not in ACCENTS:
            ap.error(f"unknown entity {eid!r}")

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for f in sorted(FONTS.glob("*.ttf")):
        if QFontDatabase.addApplicationFont(str(f)) < 0:
            raise SystemExit(f"could not load {f}")
    for fam in (AR_BODY, AR_HEAD, LATIN):
        if fam not in QFontDatabase.families():
            raise SystemExit(f"font family {fam!r} is missing from {FONTS}")

    for eid in entities:
        c = contrast(QColor(ACCENTS[eid]), WHITE)
        if c < 4.5:
            raise SystemExit(f"{eid}: white on {ACCENTS[eid]} has contrast {c:.2f} < 4.5")

    settings.BUNDLE = args.bundle.resolve()
    # --check draws the screenshots in memory only, to learn the buttons
    settings.DRY_RUN = args.check

    for eid in entities:
        accent = QColor(ACCENTS[eid])
        base = settings.BUNDLE / "entities" / eid
        print(
            f"[{eid}] accent {ACCENTS[eid]} (contrast with white {contrast(accent, WHITE):.1f}:1)"
        )
        make_logo(eid, base / "logo.png")
        if not args.check:
            for sid, art in SLIDES[eid].items():
                save(slide(art, accent), base / "slides" / f"{sid}.jpg")
            for sid, (scene, secs) in VIDEOS.get(eid, {}).items():
                save(frame(scene, accent, None), base / "slides" / f"{sid}-poster.jpg")
                if not args.no_video:
                    make_video(scene, accent, secs, base / "videos" / f"{sid}.mp4")
        for shot in SHOTS[eid]:
            shot()
        for rel, buttons in HOTSPOTS.items():
            if rel.startswith(f"entities/{eid}/"):
                for key, r in buttons.items():
                    print(
                        f"    {rel.split('/', 2)[2]:28} {key:18} "
                        f"rect = [{r[0]}, {r[1]}, {r[2]}, {r[3]}]"
                    )
    del app

    problems = check_manifests(entities)
    for msg in problems:
        print("MISMATCH:", msg, file=sys.stderr)
    return 1 if problems else 0
