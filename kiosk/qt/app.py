"""Start the kiosk: Qt application, bundle, fonts, QML engine, input watcher, trace."""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

# The pure-Python core comes before PySide6: PySide6's import hook reads the source of
# every module imported after it (looking for "PySide6"), which lengthens start-up
# (figures: benchmarks/README.md, "Figures behind the code's choices").
from ..allocator import pin_mmap_threshold
from ..analytics.store import DatabaseInUse
from ..bundle import Bundle
from ..gesture import StaffGesture
from ..metrics import MetricsSettings, bind_problem, parse_listen
from ..paths import UI_DIR
from ..settings import resolve
from ..startup import KioskSettings
from ..trace import Trace

# isort: split
from PySide6.QtCore import QEvent, QLoggingCategory, QObject, QPointF, QRect, Slot
from PySide6.QtGui import (
    QColor,
    QCursor,
    QFontDatabase,
    QGuiApplication,
    QMouseEvent,
    QPixmap,
    QScreen,
    QTouchEvent,
    QWindow,
)
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

from . import aio
from .admin import Admin
from .controller import Controller
from .frames import NextFrame

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


_FOLLOW_UPS = frozenset(
    {
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.TouchEnd,
        QEvent.Type.MouseMove,
        QEvent.Type.TouchUpdate,
    }
)


_PRESS_RELEASE = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.TouchBegin,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.TouchEnd,
    }
)


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
        self,
        window: QQuickWindow,
        controller: Controller,
        trace: Trace,
        admin: Admin | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
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
            wake = session.quiet or session.warning or session.ending is not None
            self.pending_input = time.monotonic()
            w, h = max(1, self.window.width()), max(1, self.window.height())
            self.controller.touch()
            if pos is not None and not session.quiet:
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
            self.trace.mark(
                "response",
                input_ms=self.trace.ms(self.watcher.pending_input),
                frame_ms=self.trace.ms(now),
                to=self._to,
            )
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
    # Each video's open dumps its streams ("Input #0, mov,mp4,...", a dozen lines) straight
    # to stderr while this category's info is on (seen with Qt 6.11's FFmpeg backend), and
    # the backend announces its FFmpeg version and a missing hardware decoder at every start.
    # QT_LOGGING_RULES=qt.multimedia.ffmpeg*=true brings them back (docs/deploy.md).
    "qt.multimedia.ffmpeg.mediadataholder.info=false",
    "qt.multimedia.ffmpeg.info=false",
    "qt.multimedia.playbackengine.codec.info=false",
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
    controller: Controller,
    *,
    windowed: bool,
    screen: int = 0,
    admin: Admin | None = None,
    hidden: bool = False,
) -> tuple[QQmlApplicationEngine, QQuickWindow]:
    """The engine and the kiosk's window. ``hidden``: the window is created but never shown
    (the Studio's preview draws it with ``grabWindow`` into a widget of its own)."""
    engine = QQmlApplicationEngine()
    # The engine owns the controller, so QML never outlives it.
    controller.setParent(engine)
    engine.addImportPath(str(UI_DIR))
    initial: dict[str, object] = {"controller": controller, "windowed": windowed}
    if admin is not None:
        initial["admin"] = admin
    if hidden:  # over Main.qml's own ``visible`` and ``visibility``
        initial["visible"] = False
        initial["visibility"] = QWindow.Visibility.Hidden
    engine.setInitialProperties(initial)
    engine.loadFromModule("Kiosk", "Main")
    roots = engine.rootObjects()
    if not roots or not isinstance(roots[0], QQuickWindow):
        raise RuntimeError("the QML interface failed to load")
    window = roots[0]
    if hidden:
        window.create()  # a platform window to render into, never mapped
        return engine, window
    screens = QGuiApplication.screens()
    if 0 <= screen < len(screens):
        window.setScreen(screens[screen])
        window.setGeometry(screens[screen].geometry())
    if not windowed:
        window.showFullScreen()
        follow_screen(window)
    return engine, window


def follow_screen(window: QQuickWindow, *, full_screen: bool = True) -> None:
    """Keep a full-screen kiosk the shape of its screen: when the screen is turned (the
    compositor rotates it: a landscape wall becomes a portrait totem) or changes resolution,
    the window takes the new geometry and the QML lays itself out for the new shape."""
    _ScreenFollower(window, full_screen=full_screen)


class _ScreenFollower(QObject):
    """Lives as the window's child, so Qt drops its connections to the (longer-lived)
    screen when the window goes: a screen change after a kiosk closed touches nothing."""

    def __init__(self, window: QQuickWindow, *, full_screen: bool) -> None:
        super().__init__(window)
        self._window = window
        self._full_screen = full_screen
        self._screen = window.screen()
        self._screen.geometryChanged.connect(self.fit)
        window.screenChanged.connect(self.moved)  # its screen was unplugged: Qt moved it

    @Slot(QRect)
    def fit(self, geometry: QRect) -> None:
        self._window.setGeometry(geometry)
        if self._full_screen and self._window.visibility() != QWindow.Visibility.FullScreen:
            self._window.showFullScreen()

    @Slot(QScreen)
    def moved(self, screen: QScreen) -> None:
        if self._screen is not None:
            self._screen.geometryChanged.disconnect(self.fit)
        self._screen = screen
        screen.geometryChanged.connect(self.fit)
        self.fit(screen.geometry())


def settings_from_args(args: argparse.Namespace) -> tuple[KioskSettings, list[str]]:
    """``kiosk run``'s flags over kiosk.toml (kiosk.settings, as for every command); also
    the config problems, for the staff."""
    s = resolve(args.config, args.data_dir, args.db)
    settings = KioskSettings(
        config=s.config,
        data_dir=s.data_dir,
        db=s.db_path,
        kiosk_id=args.kiosk_id or s.kiosk_id,
        bundle=args.bundle,
        language=args.lang,
        windowed=args.windowed,
        screen=args.screen if args.screen is not None else s.config.screen,
        trace=args.trace,
        metrics=run_metrics(getattr(args, "metrics", None), s.config.metrics),
    )
    return settings, [str(p) for p in s.problems]


def run_metrics(flag: str | None, configured: MetricsSettings | None) -> MetricsSettings | None:
    """``--metrics HOST:PORT`` over kiosk.toml's ``[metrics] listen`` (its allowlist and
    screenshot token stay)."""
    if flag is None:
        return configured
    host, port = parse_listen(flag)
    return replace(configured or MetricsSettings(), host=host, port=port)


def run(args: argparse.Namespace, on_first_frame: Callable[[], None] | None = None) -> int:
    """The kiosk, until it is told to stop; ``on_first_frame`` runs once it has shown a frame."""
    from .. import logs
    from . import logs as qt_logs
    from .root import RunningKiosk, build, prepare

    settings, problems = settings_from_args(args)
    logs.setup(settings.data_dir)  # one line per event on stderr; errors kept for doctor
    for problem in problems:
        print(f"kiosk: config: {problem}", file=sys.stderr)
    if settings.metrics is not None and (bad := bind_problem(settings.metrics)) is not None:
        print(f"kiosk: metrics: {bad[0]}. Fix: {bad[1]}", file=sys.stderr)

    def say(line: str) -> None:
        print(line, file=sys.stderr)

    try:  # before any window: no bundle that loads, or a second kiosk on the same database
        prepared = prepare(settings, say)
    except DatabaseInUse as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return EXIT_ALREADY_RUNNING
    if prepared is None:
        return 1
    configure_environment()
    qt_logs.install()
    app = QGuiApplication(sys.argv[:1])
    app.setApplicationName("kiosk")
    kiosk = build(prepared, RunningKiosk)
    kiosk.admin.exitRequested.connect(app.exit)
    unhook_signals: list[Callable[[], None]] = []

    def after_first_frame() -> None:
        # Only now: asyncio and qasync are slow to import (figures: benchmarks/README.md,
        # "Figures behind the code's choices"). Until here SIGTERM ends the process at once,
        # with nothing yet to flush: no visitor has touched the screen.
        if on_first_frame is not None:
            on_first_frame()
        unhook_signals.append(aio.stop_on_signals(app))

    # after READY and the trace's mark, which are about the frame itself
    hook = NextFrame(kiosk.window, after_first_frame)
    status = app.exec()
    kiosk.close()
    # The engine and the window go now, while the application lives: left to the end of
    # the interpreter, a QML image-loading thread can outlive the app ("QMutex: destroying
    # locked mutex", an abort seen in CI when the kiosk was stopped at its first frame).
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    for unhook in unhook_signals:
        unhook()
    aio.close_loop()  # waits for a worker still running (a load, an install)
    qt_logs.uninstall()
    del hook, kiosk
    gc.collect()  # what is left of the kiosk goes before the application does
    return status


EXIT_ALREADY_RUNNING = 75
"""Another kiosk has the database: the unit's RestartPreventExitStatus=75 keeps systemd
from starting this one again and again."""
