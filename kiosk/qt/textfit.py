"""The kiosk's own layout, asked which texts scroll at 1080p (``kiosk.bundle.textfit``).

``python -m kiosk.qt.textfit BUNDLE`` starts the real kiosk offscreen at 1920x1080 (the
composition root, as ``kiosk run`` builds it, with the bundle's fonts), shows every text
slide and every captioned slide in each of the bundle's languages, and prints one JSON
line: the texts whose Scroller scrolls even one type size down. It runs in a child
process, so the caller needs no display and a running kiosk's fonts and memory are not
touched; :func:`check_fit` runs it and reads the answer.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

from PySide6.QtQuick import QQuickItem

from ..bundle.textfit import FitCheckFailed, Overflow

FIT_TIMEOUT_S = 60.0
"""The child's time for starting Qt and the kiosk, plus ``PER_SLIDE_S`` a slide and language."""
PER_SLIDE_S = 2.0
WIDTH, HEIGHT = 1920, 1080
SCROLLERS = (("textSlideScroll", "text"), ("captionScroll", "caption"))
"""The Scroller in a slide (SlideView.qml) and the part of the slide it holds."""


def check_fit(root: Path) -> list[Overflow]:
    """The texts of the bundle folder ``root`` that scroll at 1080p landscape."""
    from ..bundle import load

    bundle = load(root)
    slides = sum(len(e.slides) for e in bundle.entities) * len(bundle.languages)
    cmd = [sys.executable, "-m", "kiosk.qt.textfit", str(root)]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES="*=false")
    try:
        out = subprocess.run(
            cmd,
            capture_output=True,
            text=True,
            env=env,
            timeout=FIT_TIMEOUT_S + PER_SLIDE_S * slides,
        )
        raw = json.loads(out.stdout.strip().splitlines()[-1])
        return [Overflow(**o) for o in raw]
    except (subprocess.TimeoutExpired, ValueError, IndexError, TypeError, OSError) as exc:
        raise FitCheckFailed(f"the text layout check failed ({type(exc).__name__})") from exc


def overflows(root: Path) -> list[Overflow]:
    """In this process (the child): every text that scrolls, in every language."""
    from ..bundle import load
    from ..clock import ManualClock
    from .testing import start_kiosk
    from .tour import each_entity, instant, still

    found: list[Overflow] = []
    bundle = load(root)
    with tempfile.TemporaryDirectory(prefix="kiosk-textfit-") as tmp:
        k = start_kiosk(
            root,
            width=WIDTH,
            height=HEIGHT,
            language=bundle.languages[0],
            clock=ManualClock(),
            db=Path(tmp) / "textfit.db",
            unscheduled=True,  # all the content, whatever the hour
        )
        try:
            instant(k)
            still(k)
            k.tap_at(k.centre(k.window.contentItem()))  # a visitor wakes the attract loop
            k.wait_page("home")
            for lang in bundle.languages:
                k.controller.setLanguage(lang)
                for entity in each_entity(k):
                    for i, slide in enumerate(entity.slides):
                        if slide.kind == "text" or slide.caption is not None:
                            k.controller.showSlide(i)
                            still(k)
                            found += _scrolling(k.find(f"slide-{slide.id}"), entity.id, i, lang)
        finally:
            k.close()
    return found


def _scrolling(holder: QQuickItem | None, entity: str, index: int, lang: str) -> list[Overflow]:
    found: list[Overflow] = []
    for name, part in SCROLLERS:
        box = _child(holder, name) if holder is not None else None
        if box is not None and bool(box.property("scrolls")):
            needed = float(box.property("contentHeight"))
            room = float(box.property("height"))
            found.append(Overflow(entity, index, part, lang, needed, room))
    return found


def _child(item: QQuickItem, name: str) -> QQuickItem | None:
    for child in item.childItems():
        if child.objectName() == name:
            return child
        found = _child(child, name)
        if found is not None:
            return found
    return None


def main(argv: list[str]) -> int:
    from PySide6.QtGui import QGuiApplication

    from .app import configure_environment

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    configure_environment()
    app = QGuiApplication(["kiosk-textfit"])
    print(json.dumps([asdict(o) for o in overflows(Path(argv[0]))]))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
