"""Screenshots of every page and state, in Arabic and English, at each screen shape; or,
with --check, the layout checker over the same walk (kiosk/qt/layoutcheck.py).

Every slide and demo screen is shot under its own name; the staff overlay is shot too: its
PIN pad, and its panel with a drop folder that holds a good bundle and a damaged one.

  .venv/bin/python scripts/screenshots.py [--bundle PATH | --stress] [--out artifacts/screens]
  .venv/bin/python scripts/screenshots.py --check [--stress] [--sizes 1080p portrait ...]
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

from assets.stress_bundle import make_stress_bundle
from kiosk.paths import SAMPLE_BUNDLE
from kiosk.qt import aio
from kiosk.qt.layoutcheck import Problem
from kiosk.qt.testing import settle
from kiosk.qt.tour import PIN, SHAPES, Walk, check_shape, panel_ready, start, tour

SHOT_SHAPES = ["1080p", "portrait", "4k"]
"""Shot by default; the checker looks at every shape in SHAPES."""


def shoot(bundle: Path, out: Path, shapes: list[str], langs: list[str]) -> list[Path]:
    """Every state of the tour, each under its own name: <shape>-<lang>-<state>.png."""
    saved = []
    work = Path(tempfile.mkdtemp(prefix="kiosk-shots-"))
    for shape in shapes:
        for lang in langs:
            k, clock = start(bundle, work, shape, lang)
            try:
                for state in tour(
                    k, clock, Walk(every_slide=True, pin=PIN, panel_ready=panel_ready)
                ):
                    p = out / f"{shape}-{lang}-{state}.png"
                    k.grab(p)
                    saved.append(p)
            finally:
                k.close()
                settle(50)
    return saved


def check(bundle: Path, shapes: list[str], langs: list[str]) -> list[Problem]:
    """The layout checker over every state of the tour, at each shape, in each language."""
    work = Path(tempfile.mkdtemp(prefix="kiosk-check-"))
    return [p for shape in shapes for lang in langs for p in check_shape(bundle, work, shape, lang)]


def main() -> int:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--bundle", type=Path, default=SAMPLE_BUNDLE)
    p.add_argument(
        "--stress",
        action="store_true",
        help="use a generated stress bundle (the longest texts, 12 entities, 20 slides, 8 demos)",
    )
    p.add_argument("--out", type=Path, default=Path("artifacts/screens"))
    p.add_argument(
        "--sizes",
        nargs="+",
        choices=list(SHAPES),
        help=f"screen shapes (default: {' '.join(SHOT_SHAPES)}; with --check, all)",
    )
    p.add_argument("--langs", nargs="+", default=["ar", "en"])
    p.add_argument(
        "--check",
        action="store_true",
        help="run the layout checker instead of shooting: exit 1 with a list of what is wrong",
    )
    args = p.parse_args()
    _app = QGuiApplication(sys.argv[:1])
    bundle = args.bundle
    if args.stress:
        bundle = make_stress_bundle(Path(tempfile.mkdtemp(prefix="kiosk-stress-")) / "stress")
    try:
        if args.check:
            problems = check(bundle, args.sizes or list(SHAPES), args.langs)
            for problem in problems:
                print(problem.line())
            print(f"{len(problems)} problem(s)" if problems else "no layout problems")
            return 1 if problems else 0
        for path in shoot(bundle, args.out, args.sizes or SHOT_SHAPES, args.langs):
            print(path)
    finally:
        aio.close_loop()  # its worker threads end before Qt goes
    return 0


if __name__ == "__main__":
    sys.exit(main())
