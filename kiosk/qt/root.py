"""The composition root: the one place that builds a running kiosk, and closes it in order.

``kiosk run`` (:func:`kiosk.qt.app.run`), the GUI test harness (:mod:`kiosk.qt.testing`),
the soak, the benchmarks and ``scripts/screenshots.py`` all build their kiosk here, from a
:class:`kiosk.startup.KioskSettings`; they pass only what they vary (a clock, a size).

Two steps, because the first may refuse before any window exists:

1. :func:`prepare` (no Qt yet): kiosk.toml's overrides, the bundle chain, the event log
   (whose lock stops a second kiosk on the same database).
2. :func:`build` (a QGuiApplication exists): fonts, session, QML, staff panel, hot swap,
   input watcher, systemd notifications, the trace.

:meth:`RunningKiosk.close` undoes it in reverse: input first, then the background work,
then the event log (committing what is queued), then the window.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

from ..admin import PinLock
from ..analytics import EventLog, Recorder
from ..bundle import Bundle
from ..session import Session
from ..startup import (
    KioskSettings,
    choose_bundle,
    load_checked,
    load_with_overrides,
    open_event_log,
)
from ..store import BundleStore
from ..trace import Trace
from .admin import Admin
from .app import (
    InputWatcher,
    ResponseTracer,
    blank_cursor,
    create_engine,
    load_fonts,
)
from .collector import GuiThreadCollector
from .controller import Controller
from .metrics import QtMetrics
from .screensaver import keep_screen_on, set_display
from .swap import BundleSwapper, checked
from .systemd import SystemdNotifier


@dataclass
class Prepared:
    """What :func:`prepare` decided: the bundle to show, and the open event log."""

    settings: KioskSettings
    store: BundleStore
    bundle: Bundle
    log: EventLog
    loader: Callable[[Path], Bundle]
    """How this kiosk loads a bundle: at start, and for each hot swap."""


def prepare(settings: KioskSettings, say: Callable[[str], None] = print) -> Prepared | None:
    """Step 1, before Qt: None (after ``say``-ing why) when no bundle loads.

    Raises :class:`kiosk.analytics.store.DatabaseInUse` when another kiosk has the database."""
    store = BundleStore(settings.data_dir)
    loader = partial(load_with_overrides, config=settings.config)
    bundle = choose_bundle(
        settings.bundle,
        None if settings.bundle is not None else store,
        loader
        if settings.bundle is None
        else partial(load_checked, config=settings.config, say=say),
        say,
        settings.sample,
    )
    if bundle is None:
        return None
    log = open_event_log(settings.db, settings.kiosk_id)
    return Prepared(settings, store, bundle, log, loader)


def prepare_loaded(settings: KioskSettings, bundle: Bundle) -> Prepared:
    """Step 1 for a bundle already loaded by the caller (the Studio's preview loads its
    unsaved documents from a snapshot): only the store and the event log are opened."""
    store = BundleStore(settings.data_dir)
    log = open_event_log(settings.db, settings.kiosk_id)
    return Prepared(
        settings, store, bundle, log, partial(load_with_overrides, config=settings.config)
    )


@dataclass
class RunningKiosk:
    """Every part of one running kiosk (tests and tools reach in; the kiosk runs it)."""

    settings: KioskSettings
    store: BundleStore
    engine: QQmlApplicationEngine
    window: QQuickWindow
    controller: Controller
    session: Session
    bundle: Bundle
    log: EventLog
    recorder: Recorder
    admin: Admin
    watcher: InputWatcher
    notifier: SystemdNotifier
    trace: Trace
    collector: GuiThreadCollector
    swapper: BundleSwapper | None = None
    tracer: ResponseTracer | None = None
    metrics: QtMetrics | None = None
    """/metrics, when ``settings.metrics`` turns it on."""
    closed: bool = False

    def close(self, log_timeout: float = 5.0) -> None:
        """Stop in order: input, background work, the event log (commits what is queued),
        the trace, the window. Safe to call twice."""
        if self.closed:
            return
        self.closed = True
        self.notifier.stopping()
        if self.metrics is not None:
            self.metrics.close()
        # Detach Python from the window before it goes: events still reach it until the
        # deferred delete runs, and must not call into a half-gone Python object.
        self.window.removeEventFilter(self.watcher)
        self.admin.shutdown()
        if self.swapper is not None:
            self.swapper.close()
        self.log.close(timeout=log_timeout)
        self.trace.close()
        # A keyboard still being built in the background is finished first (figures:
        # benchmarks/README.md, "Figures behind the code's choices"): torn down half-built,
        # Qt Virtual Keyboard warns about its missing style.
        keyboard = self.window.findChild(QObject, "keyboardLoader")
        if (
            keyboard is not None
            and keyboard.property("active")
            and keyboard.property("item") is None
        ):
            keyboard.setProperty("asynchronous", False)
        self.window.hide()
        self.engine.deleteLater()
        self.window.deleteLater()
        self.collector.stop()


K = TypeVar("K", bound=RunningKiosk)


def _follow_display(controller: Controller, platform: str) -> Callable[[], None]:
    """Closed hours with ``closed = "display-off"``: the display goes off, where the platform
    allows (X), and on again at opening."""
    now_off = [False]

    def follow() -> None:
        off = controller.session.slot.display_off
        if off != now_off[0]:
            now_off[0] = off
            set_display(platform, not off)

    return follow


def build(
    prepared: Prepared,
    kind: type[K],
    *,
    clock: Callable[[], float] | None = None,
    pin_clock: Callable[[], float] | None = None,
    hidden: bool = False,
) -> K:
    """Step 2 (after :func:`kiosk.qt.app.configure_environment` and a QGuiApplication):
    the kiosk on screen.

    ``clock`` drives the session (idle, auto-advance) and the staff gesture; ``pin_clock``
    the PIN lockout's wall clock. Production passes neither. ``hidden`` (the Studio's
    preview): the window is created, sized, and never shown."""
    settings = prepared.settings
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication), "build() needs a QGuiApplication"
    if not settings.windowed:
        QGuiApplication.setOverrideCursor(blank_cursor())
    bundle = prepared.bundle
    load_fonts(bundle)
    session = Session(bundle, clock) if clock is not None else Session(bundle)
    if settings.language:
        session.language = settings.language
    recorder = Recorder(session, prepared.log)
    controller = Controller(session)
    # the panel's PIN lockout and disk check follow --data-dir, as `kiosk admin unlock` does
    config = replace(settings.config, data_dir=settings.data_dir)
    lock = PinLock.in_data_dir(config.data_dir, pin_clock) if pin_clock else None
    admin = Admin(config, prepared.store, controller, prepared.log, lock)
    engine, window = create_engine(
        controller, windowed=settings.windowed, screen=settings.screen, admin=admin, hidden=hidden
    )
    collector = GuiThreadCollector(window)  # from here on, never in a worker thread
    swapper = None
    if settings.follows_store:
        swapper = BundleSwapper(
            prepared.store,
            controller,
            window,
            load_fonts,
            recorder.tag,
            settings.swap_poll_ms,
            loader=checked(prepared.loader),
        )
    notifier = SystemdNotifier(window)  # READY at the first frame, then watchdog pings
    if not settings.windowed:
        keep_screen_on(app.platformName())  # X only: screen saver and DPMS off
        controller.scheduleChanged.connect(_follow_display(controller, app.platformName()))
    trace = Trace(settings.trace)
    watcher = InputWatcher(window, controller, trace, admin, clock or time.monotonic)
    window.installEventFilter(watcher)
    tracer = ResponseTracer(window, controller, watcher, trace) if trace.enabled else None
    metrics = None
    if settings.metrics is not None:
        # frame ages and uptime are real time, even when a test drives the session's clock
        metrics = QtMetrics(window, settings, controller, prepared.log, swapper, settings.metrics)
    if settings.size is not None:
        window.resize(*settings.size)
    if settings.windowed and not hidden:
        window.show()
    return kind(
        settings=settings,
        store=prepared.store,
        engine=engine,
        window=window,
        controller=controller,
        session=session,
        bundle=bundle,
        log=prepared.log,
        recorder=recorder,
        admin=admin,
        watcher=watcher,
        notifier=notifier,
        trace=trace,
        collector=collector,
        swapper=swapper,
        tracer=tracer,
        metrics=metrics,
    )
