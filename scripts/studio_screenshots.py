"""Screenshots of Kiosk Studio for docs/studio.md, in English and Arabic (offscreen).

Opens a copy of the sample bundle and shoots the window at each task the guide describes:
the start page, an entity's texts and settings with the live preview, a demo's screenshot
with its hotspots, a form screen's builder, the problems panel with a problem in it, and
the Pack dialog. Nothing in the sample bundle is changed (the copy is thrown away).

  .venv/bin/python scripts/studio_screenshots.py [--out docs/images/studio] [--lang en,ar]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from kiosk.authoring import Node, SetText, entity_file
from kiosk.paths import SAMPLE_BUNDLE
from kiosk.qt import aio
from kiosk.qt.studio.window import Prompts, StudioWindow

SIZE = (1600, 960)


def wait(until: Callable[[], bool], timeout_ms: int = 20000) -> bool:
    """Run the event loop until ``until()`` (or the timeout); no sleeping."""
    loop = QEventLoop()
    poll = QTimer(interval=20)
    poll.timeout.connect(lambda: until() and loop.quit())
    QTimer.singleShot(timeout_ms, loop.quit)
    poll.start()
    if not until():
        loop.exec()
    poll.stop()
    return until()


def settled(window: StudioWindow) -> bool:
    preview = window.preview
    task = window._task
    return (
        window.report is not None
        and not window._check_timer.isActive()
        and (task is None or task.done())
        and (
            preview is None
            or not (
                preview._debounce.isActive()
                or preview._frames.isActive()
                or (preview._task is not None and not preview._task.done())
            )
        )
    )


class Quiet(Prompts):
    def restore(self, parent: object, lang: str) -> bool:
        return False

    def unsaved(self, parent: object, lang: str) -> str:
        return "discard"


def shoot(lang: str, out: Path, work: Path) -> list[Path]:
    settings = QSettings(str(work / f"studio-{lang}.ini"), QSettings.Format.IniFormat)
    bundle = work / f"sample-{lang}"
    shutil.copytree(SAMPLE_BUNDLE, bundle)
    window = StudioWindow(settings, lang, Quiet(), owns_application=True)
    window.resize(*SIZE)
    window.show()
    shots: list[Path] = []

    def grab(name: str) -> None:
        wait(lambda: settled(window))
        wait(lambda: False, 150)  # a few frames: the preview's picture, the outline's marks
        path = out / f"{name}-{lang}.png"
        window.grab().save(str(path))
        shots.append(path)

    window._remember(bundle)  # the start page lists it under Recent
    grab("start")
    assert window.open_path(bundle)
    project = window.project
    assert project is not None
    eid = project.entity_ids[0]
    entity = entity_file(eid)
    window._select(Node(entity))
    grab("entity")
    doc = project.entity(eid)
    demos = doc.get("demos") or []
    for d, demo in enumerate(demos):
        screens = demo.get("screens") or []
        image = next((s for s, sc in enumerate(screens) if sc.get("kind") == "image"), None)
        if image is not None:
            window._select(Node(entity, f"demos[{d}].screens[{image}]"))
            grab("hotspots")
            break
    for d, demo in enumerate(demos):
        screens = demo.get("screens") or []
        form = next((s for s, sc in enumerate(screens) if sc.get("kind") == "form"), None)
        if form is not None:
            window._select(Node(entity, f"demos[{d}].screens[{form}].items[0]"))
            grab("form")
            break
    project.history.push(SetText(entity, ("name",), "en", ""))
    window._select(Node(entity))
    grab("problems")
    project.history.undo()
    wait(lambda: settled(window))
    dialog = window.publisher.start()
    if dialog is not None:
        wait(lambda: dialog.isVisible())
        wait(lambda: False, 150)
        path = out / f"pack-{lang}.png"
        dialog.grab().save(str(path))
        shots.append(path)
        dialog.close()
    project.close()
    window.project = None
    window.close()
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("docs/images/studio"))
    parser.add_argument("--lang", default="en,ar", help="UI languages, comma-separated")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    aio.event_loop()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="studio-shots-") as tmp:
        for lang in args.lang.split(","):
            for path in shoot(lang.strip(), args.out, Path(tmp)):
                print(path)
    aio.close_loop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
