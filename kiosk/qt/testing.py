"""Drive the real kiosk UI in-process: for GUI tests, screenshots and benchmarks.

Waits use a QEventLoop with a QTimer (never sleeps, and never QTest.qWait,
which deadlocks under Xvfb when a Python slot is connected to frameSwapped).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEventLoop, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

from ..admin import PinLock
from ..analytics import EventLog, Recorder
from ..bundle import Bundle, load
from ..config import Config
from ..session import Session
from ..store import BundleStore
from ..trace import Trace
from .admin import Admin
from .app import InputWatcher, configure_environment, create_engine, load_fonts
from .controller import Controller
from .swap import BundleSwapper


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
class Kiosk:
    engine: QQmlApplicationEngine
    window: QQuickWindow
    controller: Controller
    session: Session
    bundle: Bundle
    watcher: InputWatcher
    log: EventLog | None = None
    swapper: BundleSwapper | None = None
    admin: Admin | None = None

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

    closed: bool = False

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        # Detach Python from the window before it goes: events still reach it until
        # the deferred delete runs, and must not call into a half-gone Python object.
        self.window.removeEventFilter(self.watcher)
        if self.swapper is not None:
            self.swapper.close()
        if self.admin is not None:
            self.admin.shutdown()
        if self.log is not None:
            self.log.close()
        self.window.hide()
        self.engine.deleteLater()
        self.window.deleteLater()


def start_kiosk(
    bundle_path: Path, *, width: int = 1920, height: int = 1080, language: str | None = None,
    clock: Callable[[], float] | None = None, db: Path | None = None,
    store: BundleStore | None = None, poll_ms: int = 100,
    config: Config | None = None, pin_clock: Callable[[], float] | None = None,
) -> Kiosk:  # fmt: skip
    """The real kiosk UI in a window of the given size (call with a QGuiApplication running)."""
    configure_environment()
    assert QGuiApplication.instance() is not None
    bundle = load(bundle_path)
    load_fonts(bundle)
    session = Session(bundle, clock) if clock else Session(bundle)
    if language:
        session.language = language
    log = None
    recorder = None
    if db is not None:
        log = EventLog(db, "test-kiosk")
        log.start()
        recorder = Recorder(session, log)
    controller = Controller(session)
    admin = None
    if config is not None:
        assert store is not None and log is not None, "the admin panel needs a store and a log"
        lock = PinLock.in_data_dir(config.data_dir, pin_clock) if pin_clock else None
        admin = Admin(config, store, controller, log, lock)
    engine, window = create_engine(controller, windowed=True, admin=admin)
    swapper = None
    if store is not None:
        swapper = BundleSwapper(
            store, controller, window, load_fonts, recorder.tag if recorder else None, poll_ms
        )
    window.resize(width, height)
    watcher = InputWatcher(window, controller, Trace(None), admin, clock or time.monotonic)
    window.installEventFilter(watcher)
    window.show()
    QTest.qWaitForWindowExposed(window)
    return Kiosk(engine, window, controller, session, bundle, watcher, log, swapper, admin)


def visible_items(root: QQuickItem) -> list[QQuickItem]:
    """Every visible item under ``root`` in the visual tree (QML items need not be QObject children)."""
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
