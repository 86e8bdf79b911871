"""Start the kiosk: Qt application, bundle, fonts, QML engine, input watcher, trace."""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import socket
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QLoggingCategory, QObject, QPointF, QSocketNotifier, Qt
from PySide6.QtGui import QCursor, QFontDatabase, QGuiApplication, QMouseEvent, QTouchEvent
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

from ..analytics import EventLog, Recorder
from ..bundle import Bundle, BundleError, load
from ..paths import UI_DIR, default_db
from ..session import Page, Session
from ..trace import Trace
from .controller import Controller
from .qr import QrImageProvider


def load_fonts(bundle: Bundle) -> list[str]:
    """Load the bundle's fonts into Qt; returns the families that loaded."""
    families: list[str] = []
    for rel in bundle.fonts.files:
        font_id = QFontDatabase.addApplicationFont(str(bundle.path(rel)))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return families


_FOLLOW_UPS = frozenset({
    QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.MouseMove,
    QEvent.Type.TouchUpdate,
})  # fmt: skip


class InputWatcher(QObject):
    """Sees every press before QML does.

    Any press resets the idle timer. On the attract loop and under the idle
    warning the press is consumed: it wakes the kiosk and must not also hit
    whatever appears under the finger. Presses are logged for heat maps, and
    noted for the trace's response marks.

    Keep a Python reference to it: its state lives on the Python wrapper.
    """

    # Class defaults: Qt may deliver an event while __init__ is still running.
    pending_input: float | None = None
    _swallow_release = False

    def __init__(self, window: QQuickWindow, controller: Controller, trace: Trace) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller
        self.trace = trace
        self.pending_input: float | None = None
        self._swallow_release = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        et = event.type()
        if et in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            pos = self._pos(event)
            session = self.controller.session
            wake = session.page is Page.ATTRACT or session.warning
            self.pending_input = time.monotonic()
            w, h = max(1, self.window.width()), max(1, self.window.height())
            self.controller.touch()
            if pos is not None and session.page is not Page.ATTRACT:
                self.controller.logTap(
                    pos.x() / w, pos.y() / h, "wake" if wake else session.page.value
                )
            if wake:
                self._swallow_release = True
                return True
        elif self._swallow_release and et in _FOLLOW_UPS:
            # the rest of a swallowed press
            if et in (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd):
                self._swallow_release = False
            return True
        return False

    @staticmethod
    def _pos(event: QEvent) -> QPointF | None:
        if isinstance(event, QMouseEvent):
            return event.position()
        if isinstance(event, QTouchEvent) and event.points():
            return event.points()[0].position()
        return None


RESPONSE_WINDOW_S = 2.0
"""A tap is press + release; its visible answer comes within this time or never."""


class ResponseTracer(QObject):
    """Marks first_frame, and for each visible change the first frame that shows it."""

    def __init__(
        self, window: QQuickWindow, controller: Controller, watcher: InputWatcher, trace: Trace
    ) -> None:
        super().__init__(window)
        self.trace = trace
        self.watcher = watcher
        self._to: str | None = None
        self._first = True
        controller.changed.connect(self._on_changed)
        window.frameSwapped.connect(self._on_frame, Qt.ConnectionType.DirectConnection)

    def _on_changed(self, to: str) -> None:
        # Only a change that follows an input closely answers it: a tap that changed
        # nothing must not be paired with a later timer-driven change (idle reset).
        pending = self.watcher.pending_input
        if pending is not None and time.monotonic() - pending <= RESPONSE_WINDOW_S:
            self._to = to
        elif pending is not None:
            self.watcher.pending_input = None

    def _on_frame(self) -> None:
        now = time.monotonic()
        if self._first:
            self._first = False
            self.trace.mark("first_frame", t_ms=self.trace.ms(now))
        if self._to is not None and self.watcher.pending_input is not None:
            self.trace.mark("response", input_ms=self.trace.ms(self.watcher.pending_input),
                            frame_ms=self.trace.ms(now), to=self._to)  # fmt: skip
            self._to = None
            self.watcher.pending_input = None


QUIET_CATEGORIES = (
    # Qt Multimedia probes for PipeWire and warns when the machine has none; audio
    # still works through PulseAudio/ALSA.
    "qt.multimedia.symbolsresolver.warning=false",
    # Qt Virtual Keyboard 6.11's own PopupList QML triggers this warning inside Qt.
    "qt.qml.propertyCache.append.warning=false",
)


def configure_environment() -> None:
    """Settings that must be in place before the QGuiApplication exists."""
    os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")
    QLoggingCategory.setFilterRules("\n".join(QUIET_CATEGORIES))
    os.environ.setdefault("QML_DISK_CACHE_PATH", str(Path.home() / ".cache" / "kiosk-qml"))


def create_engine(
    controller: Controller, *, windowed: bool, screen: int = 0
) -> tuple[QQmlApplicationEngine, QQuickWindow]:
    engine = QQmlApplicationEngine()
    # The engine owns the controller, so QML never outlives it.
    controller.setParent(engine)
    engine.addImportPath(str(UI_DIR))
    engine.addImageProvider("qr", QrImageProvider())
    engine.setInitialProperties({"controller": controller, "windowed": windowed})
    engine.loadFromModule("Kiosk", "Main")
    roots = engine.rootObjects()
    if not roots or not isinstance(roots[0], QQuickWindow):
        raise RuntimeError("the QML interface failed to load")
    window = roots[0]
    screens = QGuiApplication.screens()
    if 0 <= screen < len(screens):
        window.setScreen(screens[screen])
        window.setGeometry(screens[screen].geometry())
    if not windowed:
        window.showFullScreen()
    return engine, window


def run(args: argparse.Namespace) -> int:
    trace = Trace(args.trace)
    try:
        bundle = load(args.bundle)
    except BundleError as exc:
        print(f"kiosk: cannot show {args.bundle}:", file=sys.stderr)
        for p in exc.report.errors:
            print(f"  {p}", file=sys.stderr)
        print("Check it with: kiosk bundle validate PATH", file=sys.stderr)
        return 1
    configure_environment()
    app = QGuiApplication(sys.argv[:1])
    app.setApplicationName("kiosk")
    if not args.windowed:
        QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
    load_fonts(bundle)
    session = Session(bundle)
    if args.lang:
        session.language = args.lang
    log = open_event_log(args.db or default_db(), args.kiosk_id or socket.gethostname())
    Recorder(session, log)
    controller = Controller(session)
    engine, window = create_engine(controller, windowed=args.windowed, screen=args.screen)
    stop_on_signals(app)
    watcher = InputWatcher(window, controller, trace)
    window.installEventFilter(watcher)
    tracer = ResponseTracer(window, controller, watcher, trace) if trace.enabled else None
    status = app.exec()
    log.close(timeout=5)  # commit what is queued
    trace.close()
    del tracer, watcher, engine
    return status


def stop_on_signals(app: QGuiApplication) -> QSocketNotifier:
    """SIGTERM (systemd) and SIGINT leave the event loop, so the event log is flushed.

    The signal only writes a byte to a socket (set_wakeup_fd); Qt sees it through a
    socket notifier and quits from an ordinary slot. Calling Qt from inside a Python
    signal handler crashed PySide6 here.
    """
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: None)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def quit_now() -> None:
        with contextlib.suppress(OSError):
            reader.recv(64)
        # exit(), not quit(): quit() asks the windows first, and kiosk mode refuses.
        app.exit(0)

    notifier.activated.connect(quit_now)
    notifier._sockets = (reader, writer)  # type: ignore[attr-defined]  # keep them open
    return notifier


def open_event_log(db: Path, kiosk_id: str) -> EventLog:
    """Start the analytics writer; it opens (and if need be creates) the database itself."""
    # if this fails, the writer reports the problem through its status, and keeps retrying
    with contextlib.suppress(OSError):
        db.parent.mkdir(parents=True, exist_ok=True)
    log = EventLog(db, kiosk_id)
    log.start()
    return log
