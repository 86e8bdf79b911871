"""Drive the real kiosk UI in-process: for GUI tests, screenshots and benchmarks.

Waits use a QEventLoop with a QTimer (never sleeps, and never QTest.qWait,
which deadlocks under Xvfb when a Python slot is connected to frameSwapped).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEventLoop, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from ..config import Config
from ..startup import KioskSettings
from ..store import BundleStore
from .app import configure_environment
from .root import RunningKiosk, build, prepare


def wait_until(predicate: Callable[[], bool], timeout_ms: int = 5000, step_ms: int = 10) -> bool:
    """Spin the event loop until ``predicate()`` holds; False on timeout."""
    if predicate():
        return True
    loop = QEventLoop()
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    poll = QTimer()
    poll.setInterval(step_ms)

    def check() -> None:
        if predicate():
            loop.quit()

    poll.timeout.connect(check)
    deadline.start(timeout_ms)
    poll.start()
    loop.exec()
    poll.stop()
    return predicate()


def settle(ms: int) -> None:
    """Let animations run for ``ms`` (event loop, not sleep)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


@dataclass
class Kiosk(RunningKiosk):
    """A kiosk built by the composition root, with what tests need to drive it."""

    scratch: Path | None = None
    """A temporary data folder made for this kiosk (removed when it closes)."""

    def item(self, name: str) -> QQuickItem:
        """The visible item with this objectName (the first found)."""
        items = [i for i in visible_items(self.window.contentItem()) if i.objectName() == name]
        if not items:
            raise LookupError(f"no visible item named {name!r} on page {self.session.page.value!r}")
        return items[0]

    def find(self, name: str) -> QQuickItem | None:
        try:
            return self.item(name)
        except LookupError:
            return None

    def wait_item(self, name: str, timeout_ms: int = 5000) -> QQuickItem:
        if not wait_until(
            lambda: self.find(name) is not None and self._on_screen(self.item(name)), timeout_ms
        ):
            raise LookupError(f"{name!r} did not appear on page {self.session.page.value!r}")
        return self.item(name)

    def _on_screen(self, item: QQuickItem) -> bool:
        p = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
        return (
            0 <= p.x() < self.window.width()
            and 0 <= p.y() < self.window.height()
            and item.width() > 0
        )

    def centre(self, item: QQuickItem) -> QPoint:
        p = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
        return QPoint(round(p.x()), round(p.y()))

    def tap_at(self, point: QPoint) -> None:
        QTest.mouseClick(
            self.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point
        )

    def tap(self, name: str) -> None:
        """Tap the item's centre, scrolling its Flickable first if it is below the fold."""
        if not wait_until(lambda: self.find(name) is not None, 5000):
            raise LookupError(f"{name!r} did not appear on page {self.session.page.value!r}")
        self.scroll_into_view(self.item(name))
        self.tap_at(self.centre(self.wait_item(name)))

    def scroll_into_view(self, item: QQuickItem) -> None:
        parent: QQuickItem | None = item.parentItem()
        while parent is not None and not parent.inherits("QQuickFlickable"):
            parent = parent.parentItem()
        if parent is None:
            return
        content = parent.property("contentItem")
        top = item.mapToItem(content, QPointF(0, 0)).y()
        view_h = parent.height()
        max_y = max(0.0, parent.property("contentHeight") - view_h)
        y = parent.property("contentY")
        if top < y or top + item.height() > y + view_h:
            parent.setProperty("contentY", min(max_y, max(0.0, top - view_h / 3)))
            settle(50)

    def wait_page(self, page: str, timeout_ms: int = 5000) -> None:
        if not wait_until(lambda: self.session.page.value == page, timeout_ms):
            raise AssertionError(f"page is {self.session.page.value!r}, expected {page!r}")

    def pages_on_screen(self) -> int:
        """How many pages are drawn: more than one while a page change is still fading."""
        return sum(
            1
            for item in visible_items(self.window.contentItem())
            if item.metaObject().className().startswith("PageHost")
        )

    def wait_still(self, timeout_ms: int = 5000) -> None:
        """Wait until page changes have faded out: one page on screen."""
        if not wait_until(lambda: self.pages_on_screen() == 1, timeout_ms):
            raise AssertionError(f"{self.pages_on_screen()} pages still on screen")

    def grab(self, path: Path | None = None) -> QImage:
        image = self.window.grabWindow()
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            image.save(str(path))
        return image

    def close(self, log_timeout: float = 10.0) -> None:
        if self.closed:
            return
        super().close(log_timeout)
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)


def start_kiosk(
    bundle_path: Path,
    *,
    width: int = 1920,
    height: int = 1080,
    language: str | None = None,
    clock: Callable[[], float] | None = None,
    db: Path | None = None,
    store: BundleStore | None = None,
    poll_ms: int = 100,
    config: Config | None = None,
    pin_clock: Callable[[], float] | None = None,
    unscheduled: bool = False,
) -> Kiosk:
    """The real kiosk UI in a window of the given size (call with a QGuiApplication running).

    Built by the composition root (kiosk.qt.root), as ``kiosk run`` builds it, windowed.
    ``bundle_path`` is shown; with a ``store`` the kiosk also follows the store's active
    bundle (hot swap). Without a ``config`` or a ``db``, a temporary data folder holds them.
    ``unscheduled``: the bundle's schedule is set aside, so every entity and slide shows
    whatever the clock says (the layout checker, the text-fit check, the proof: they look at
    all the content, not at what 09:00 on the show's first day would show)."""
    configure_environment()  # the kiosk's logging rules (the test's app already exists)
    assert QGuiApplication.instance() is not None
    scratch = None
    if config is None or db is None:
        scratch = Path(tempfile.mkdtemp(prefix="kiosk-test-"))
    if config is None:
        data = store.data_dir if store is not None else scratch
        assert data is not None
        config = Config(path=data / "kiosk.toml", data_dir=data, kiosk_id="test-kiosk")
    settings = KioskSettings.for_config(
        config,
        bundle=bundle_path,
        db=db or (scratch or config.data_dir) / "kiosk.db",
        kiosk_id="test-kiosk",
        language=language,
        windowed=True,
        size=(width, height),
        swap_poll_ms=poll_ms,
        follow_store=store is not None,
    )
    prepared = prepare(settings)
    assert prepared is not None, f"{bundle_path} does not load"
    if unscheduled:
        prepared.bundle = prepared.bundle.unscheduled()
    k = build(prepared, Kiosk, clock=clock, pin_clock=pin_clock)
    k.scratch = scratch
    QTest.qWaitForWindowExposed(k.window)
    return k


def visible_items(root: QQuickItem) -> list[QQuickItem]:
    """Every visible item under ``root`` in the visual tree (QML items need not be QObject
    children)."""
    out: list[QQuickItem] = []
    stack = [root]
    while stack:
        item = stack.pop()
        if not item.isVisible():
            continue
        out.append(item)
        stack.extend(reversed(item.childItems()))
    return out


def items_named(root: QQuickItem, prefix: str) -> list[QQuickItem]:
    return [i for i in visible_items(root) if i.objectName().startswith(prefix)]
