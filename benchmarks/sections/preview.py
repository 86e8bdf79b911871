"""8. Preview: a text edit in Kiosk Studio → its live preview showing the new text.

Kiosk Studio (a QApplication, the qasync loop of ``kiosk.qt.aio``) opens a copy of the sample
bundle; the preview (``kiosk/qt/studio/preview.py``) shows a text slide in English at 1920x1080.
Each sample edits that slide's English title as a keystroke does (a ``SetText`` pushed on the
project's history, which is what the field's ``textEdited`` does), once the preview has settled.
The push itself runs the Studio window's own reaction to an edit (outline, translation gaps,
fields) on the GUI thread; it is timed as a row of its own. From the push's return:

* **shows it**: the preview's ``updated`` signal, emitted once the first frame of the reloaded
  state is painted on the pane. It includes the pane's 100 ms debounce (the preview waits for a
  pause in typing), the snapshot of the documents, the load of the shadow folder in a worker
  thread, the bundle swap in the kiosk (models only: the engine and its QML stay), the walk back
  to the slide, and the grab of the kiosk's hidden window, scaled onto the pane;
* **settled**: ``shown``, once two grabs in a row are the same and the layout checker has run
  over the page (its red outlines are drawn).

The floor is the response section's (``benchmarks/sections/response.py``): a bare QML window
whose full-window rectangle changes colour in a TapHandler, tap → first frame; half of its
samples before the Studio's and half after.
"""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

from kiosk.authoring import Node, SetText, entity_file
from kiosk.paths import SAMPLE_BUNDLE

from .common import Row, distribution, median, percentile, say
from .response import floor_samples

TARGET_MS = 300.0
SLIDE = ("slides", 1)
"""mict's second slide: a text slide (title, body, bullets)."""


def studio_samples(tmp: Path, n: int) -> tuple[list[float], list[float], list[float]]:
    from PySide6.QtCore import QSettings

    from kiosk.qt.studio.window import Prompts, StudioWindow
    from kiosk.qt.testing import visible_items, wait_until

    class Discard(Prompts):
        def unsaved(self, parent: object, lang: str) -> str:
            return "discard"

    shutil.copytree(SAMPLE_BUNDLE, tmp / "bundle")
    settings = QSettings(str(tmp / "studio.ini"), QSettings.Format.IniFormat)
    window = StudioWindow(settings, "en", Discard())
    window.show()
    assert window.open_path(tmp / "bundle")
    preview = window.preview
    assert preview is not None and window.project is not None

    def settled() -> bool:
        return (
            preview.kiosk is not None
            and not preview._debounce.isActive()
            and not preview._frames.isActive()
            and (preview._task is None or preview._task.done())
        )

    assert wait_until(settled, 30_000), "the preview did not start"
    file = entity_file(window.project.entity_ids[0])
    window.tree.setCurrentItem(window._items[Node(file, "slides[1]")])
    preview.set_language("en")
    assert wait_until(settled, 5000)
    marks: dict[str, float] = {}
    preview.updated.connect(lambda: marks.setdefault("updated", time.perf_counter()))
    preview.shown.connect(lambda: marks.setdefault("shown", time.perf_counter()))
    shows: list[float] = []
    settles: list[float] = []
    pushes: list[float] = []
    for i in range(n):
        assert wait_until(settled, 5000)
        title = f"Shared services, edit {i + 1}"
        marks.clear()
        t0 = time.perf_counter()
        window.project.history.push(SetText(file, (*SLIDE, "title"), "en", title))
        t1 = time.perf_counter()  # the window has reacted: outline, marks, fields
        assert wait_until(lambda: "shown" in marks, 5000), "the preview did not update"
        assert preview.kiosk is not None
        drawn = [
            i.property("text")
            for i in visible_items(preview.kiosk.window.contentItem())
            if i.inherits("QQuickText")
        ]
        assert title in drawn, f"{title!r} is not in the preview"
        pushes.append((t1 - t0) * 1000)
        shows.append((marks["updated"] - t1) * 1000)
        settles.append((marks["shown"] - t1) * 1000)
    window.close()
    return shows, settles, pushes


def run(quick: bool, tmp: Path) -> list[Row]:
    n = 10 if quick else 20
    from PySide6.QtWidgets import QApplication

    from kiosk.qt import aio
    from kiosk.qt.app import configure_environment

    if QApplication.instance() is None:
        configure_environment()
        _app = QApplication([sys.argv[0]])
    aio.event_loop()
    floor_cpu: list[float] = []
    floor = floor_samples((n + 1) // 2, floor_cpu)
    shows, settles, pushes = studio_samples(tmp, n)
    typed = [a + b for a, b in zip(pushes, shows, strict=True)]
    floor += floor_samples(n // 2, floor_cpu)
    floor_med = median(floor)
    say(f"preview: median {median(shows):.0f} ms (floor {floor_med:.1f} ms)")
    return [
        Row(
            "preview",
            f"tap floor: bare TapHandler colour change, median (n={len(floor)})",
            floor_med,
            "ms",
            details=distribution(floor) | {"samples_ms": floor},
        ),
        Row(
            "preview",
            f"text edit → preview shows it: median (n={n})",
            median(shows),
            "ms",
            floor_med,
            "max",
            TARGET_MS,
            details=distribution(shows) | {"samples_ms": shows},
            note="from the edit applied to the documents (the history push returned); includes "
            "the 100 ms debounce (kiosk/qt/studio/preview.py DEBOUNCE_MS)",
        ),
        Row("preview", "text edit → preview shows it: p95", percentile(shows, 95), "ms", floor_med),
        Row(
            "preview",
            f"the Studio's own handling of the keystroke: median (n={n})",
            median(pushes),
            "ms",
            floor_med,
            details=distribution(pushes) | {"samples_ms": pushes},
            note="the history push, on the GUI thread, before the preview's debounce starts: "
            "the window's outline, translation gaps and fields (kiosk/qt/studio/window.py)",
        ),
        Row(
            "preview",
            f"keystroke → preview shows it, both together: median (n={n})",
            median(typed),
            "ms",
            floor_med,
            details=distribution(typed) | {"samples_ms": typed},
        ),
        Row(
            "preview",
            f"text edit → settled, layout checked: median (n={n})",
            median(settles),
            "ms",
            floor_med,
            details=distribution(settles) | {"samples_ms": settles},
        ),
    ]
