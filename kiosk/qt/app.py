"""Start the kiosk: Qt application, bundle, fonts, QML engine, input watcher, trace."""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

# The pure-Python core comes before PySide6: PySide6's import hook reads the source of
# every module imported after it (looking for "PySide6"), ~10 ms more at start-up.
from ..allocator import pin_mmap_threshold
from ..analytics import EventLog, Recorder
from ..analytics.store import DatabaseInUse
from ..bundle import Bundle, BundleError, load
from ..config import Config, config_path, load_config
from ..gesture import StaffGesture
from ..paths import SAMPLE_BUNDLE, UI_DIR
from ..session import Page, Session
from ..store import BundleStore
from ..trace import Trace

# isort: split
from PySide6.QtCore import QEvent, QLoggingCategory, QObject, QPointF, Slot
from PySide6.QtGui import (
    QColor,
    QCursor,
    QFontDatabase,
    QGuiApplication,
    QMouseEvent,
    QPixmap,
    QTouchEvent,
)
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

from .admin import Admin
from .controller import Controller
from .doorbell import Doorbell
from .frames import NextFrame
from .glyphs import glyph_checked
from .screensaver import keep_screen_on
from .swap import BundleSwapper, active_bundle_path
from .systemd import SystemdNotifier

_FONT_FAMILIES: dict[str, list[str]] = {}
"""Font file (path + SHA-256 when known) → families, so a hot swap does not register
the same font again: Qt never forgets application fonts (seen growing in the soak)."""


def load_fonts(bundle: Bundle) -> list[str]:
    """Load the bundle's fonts into Qt (once per font file); returns their families."""
    families: list[str] = []
    for rel in bundle.fonts.files:
        path = bundle.path(rel)
        key = bundle.files.get(rel) or str(path)
        if key not in _FONT_FAMILIES:
            font_id = QFontDatabase.addApplicationFont(str(path))
            _FONT_FAMILIES[key] = (
                QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            )
        families.extend(_FONT_FAMILIES[key])
    return families


_FOLLOW_UPS = frozenset({
    QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.MouseMove,
    QEvent.Type.TouchUpdate,
})  # fmt: skip


_PRESS_RELEASE = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.MouseButtonRelease,
    QEvent.Type.TouchEnd,
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

    def __init__(
        self, window: QQuickWindow, controller: Controller, trace: Trace, admin: Admin | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:  # fmt: skip
        super().__init__(window)
        self.clock = clock
        self.window = window
        self.controller = controller
        self.trace = trace
        self.admin = admin
        self.gesture = StaffGesture()
        self.pending_input: float | None = None
        self._swallow_release = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        et = event.type()
        if self.admin is not None and et in _PRESS_RELEASE and self._staff(et, event):
            return False  # the staff overlay is open: not a visitor's touch
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

    def _staff(self, et: QEvent.Type, event: QEvent) -> bool:
        """Feed the corner gesture; True while the admin overlay is open."""
        assert self.admin is not None
        if self.admin.is_open:
            self.admin.touched()
            return True
        pos = self._pos(event)
        if pos is None:
            return False
        w, h = max(1, self.window.width()), max(1, self.window.height())
        x, y, t = pos.x() / w, pos.y() / h, self.clock()
        if et in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            self.gesture.press(x, y, t)
        elif self.gesture.release(x, y, t):
            self.admin.open_pin()
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
        # A GUI-thread slot: never called on the render thread (kiosk.qt.frames).
        window.frameSwapped.connect(self._on_frame)

    def _on_changed(self, to: str) -> None:
        # Only a change that follows an input closely answers it: a tap that changed
        # nothing must not be paired with a later timer-driven change (idle reset).
        pending = self.watcher.pending_input
        if pending is not None and time.monotonic() - pending <= RESPONSE_WINDOW_S:
            self._to = to
        elif pending is not None:
            self.watcher.pending_input = None

    @Slot()
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
    # A video slide left while its file is still opening: FFmpeg reports the cancelled
    # open ("Immediate exit requested"). Videos are probed when a bundle is installed.
    "qt.multimedia.ffmpeg.mediadataholder.warning=false",
    "qt.gui.imageio.jpeg.warning=false",  # the admin's full decode of a truncated JPEG
)


def blank_cursor() -> QCursor:
    """An invisible pointer (a transparent pixel: ``Qt.CursorShape.BlankCursor`` would build
    PySide6's whole ``Qt`` namespace before the first frame, see kiosk.qt.frames)."""
    pixel = QPixmap(1, 1)
    pixel.fill(QColor(0, 0, 0, 0))
    return QCursor(pixel)


def configure_environment() -> None:
    """Settings that must be in place before the QGuiApplication exists."""
    os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")
    pin_mmap_threshold()  # video frame buffers must not fragment the heap (kiosk.allocator)
    QLoggingCategory.setFilterRules("\n".join(QUIET_CATEGORIES))
    os.environ.setdefault("QML_DISK_CACHE_PATH", str(Path.home() / ".cache" / "kiosk-qml"))


def create_engine(
    controller: Controller, *, windowed: bool, screen: int = 0, admin: Admin | None = None
) -> tuple[QQmlApplicationEngine, QQuickWindow]:
    engine = QQmlApplicationEngine()
    # The engine owns the controller, so QML never outlives it.
    controller.setParent(engine)
    engine.addImportPath(str(UI_DIR))
    initial: dict[str, object] = {"controller": controller, "windowed": windowed}
    if admin is not None:
        initial["admin"] = admin
    engine.setInitialProperties(initial)
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


def run(args: argparse.Namespace, on_first_frame: Callable[[], None] | None = None) -> int:
    """The kiosk, until it is told to stop; ``on_first_frame`` runs once it has shown a frame."""
    trace = Trace(args.trace)
    config, problems = load_config(config_path(args.config))
    for problem in problems:
        print(f"kiosk: config: {problem}", file=sys.stderr)
    data = args.data_dir or config.data_dir
    store = BundleStore(data)

    def prepare(path: Path) -> Bundle:
        return with_overrides(load(path), config)

    bundle = start_bundle(args.bundle, store if args.bundle is None else None, prepare)
    if bundle is None:
        return 1
    try:  # before any window: a second kiosk on the same database stops here
        log = open_event_log(args.db or data / "kiosk.db", args.kiosk_id or config.kiosk_id)
    except DatabaseInUse as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return EXIT_ALREADY_RUNNING
    configure_environment()
    app = QGuiApplication(sys.argv[:1])
    app.setApplicationName("kiosk")
    if not args.windowed:
        QGuiApplication.setOverrideCursor(blank_cursor())
    load_fonts(bundle)
    session = Session(bundle)
    if args.lang:
        session.language = args.lang
    recorder = Recorder(session, log)
    controller = Controller(session)
    admin = Admin(config, store, controller, log)
    engine, window = create_engine(
        controller,
        windowed=args.windowed,
        screen=args.screen if args.screen is not None else config.screen,
        admin=admin,
    )
    admin.exitRequested.connect(app.exit)
    swapper = None
    if args.bundle is None:
        swapper = BundleSwapper(
            store, controller, window, load_fonts, recorder.tag, loader=glyph_checked(prepare)
        )
    stop_bell = stop_on_signals(app)
    notifier = SystemdNotifier(window)  # READY at the first frame, then watchdog pings
    if not args.windowed:
        keep_screen_on(app.platformName())  # X only: screen saver and DPMS off
    watcher = InputWatcher(window, controller, trace, admin)
    window.installEventFilter(watcher)
    tracer = ResponseTracer(window, controller, watcher, trace) if trace.enabled else None
    # after READY and the trace's mark, which are about the frame itself
    hook = NextFrame(window, on_first_frame) if on_first_frame is not None else None
    status = app.exec()
    notifier.stopping()
    admin.shutdown()
    if swapper is not None:
        swapper.close()
    log.close(timeout=5)  # commit what is queued
    trace.close()
    signal.set_wakeup_fd(-1)
    stop_bell.close()
    del tracer, watcher, hook, engine
    return status


def with_overrides(bundle: Bundle, config: Config) -> Bundle:
    """The bundle with this kiosk's kiosk.toml settings applied (idle times, default language)."""
    idle = bundle.idle
    o = config.idle
    idle = replace(
        idle,
        timeout=o.timeout if o.timeout is not None else idle.timeout,
        video_timeout=o.video_timeout if o.video_timeout is not None else idle.video_timeout,
        countdown=o.countdown if o.countdown is not None else idle.countdown,
    )
    lang = (
        config.default_language
        if config.default_language in bundle.languages
        else bundle.default_language
    )
    return replace(bundle, idle=idle, default_language=lang or bundle.default_language)


def start_bundle(
    explicit: Path | None, store: BundleStore | None, loader: Callable[[Path], Bundle] = load
) -> Bundle | None:
    """The bundle to start with: ``--bundle``; else the store's active one (rolling back
    if it no longer loads); else the sample. None (after telling why) if nothing loads."""
    candidates: list[Path] = []
    if explicit is not None:
        candidates = [explicit]
    else:
        assert store is not None
        active = active_bundle_path(store, SAMPLE_BUNDLE)
        candidates = [active] if active == SAMPLE_BUNDLE else [active, SAMPLE_BUNDLE]
    for i, path in enumerate(candidates):
        try:
            return loader(path)
        except BundleError as exc:
            print(f"kiosk: cannot show {path}:", file=sys.stderr)
            for p in exc.report.errors[:10]:
                print(f"  {p}", file=sys.stderr)
            if store is not None and i == 0 and explicit is None:
                with contextlib.suppress(KeyError):
                    restored = store.rollback()
                    print(f"kiosk: rolled back to {restored}", file=sys.stderr)
                    restored_path = store.active_path()
                    if restored_path is not None:
                        candidates.insert(1, restored_path)
    print("Check bundles with: kiosk bundle validate PATH", file=sys.stderr)
    return None


def stop_on_signals(app: QGuiApplication) -> Doorbell:
    """SIGTERM (systemd) and SIGINT leave the event loop, so the event log is flushed.

    The signal only rings a doorbell (``signal.set_wakeup_fd``); Qt quits from an ordinary
    slot. Calling Qt from inside a Python signal handler crashed PySide6 here.
    """
    # exit(), not quit(): quit() asks the windows first, and kiosk mode refuses.
    bell = Doorbell(lambda: app.exit(0), app)
    signal.set_wakeup_fd(bell.writer_fd())
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: None)
    return bell


EXIT_ALREADY_RUNNING = 75
"""Another kiosk has the database: the unit's RestartPreventExitStatus=75 keeps systemd
from starting this one again and again."""


def open_event_log(db: Path, kiosk_id: str) -> EventLog:
    """Start the analytics writer; it opens (and if need be creates) the database itself.

    :class:`DatabaseInUse` when another kiosk's writer holds the database's lock."""
    # if this fails, the writer reports the problem through its status, and keeps retrying
    with contextlib.suppress(OSError):
        db.parent.mkdir(parents=True, exist_ok=True)
    log = EventLog(db, kiosk_id)
    log.start()
    return log
