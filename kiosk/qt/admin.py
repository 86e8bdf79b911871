"""The staff side: PIN pad and admin panel, behind the hidden corner gesture.

Slow work (scanning and checking drop folders, installing, reading the store's state and
today's figures) is a coroutine that awaits a worker thread and resumes on the GUI thread
(kiosk.qt.aio). Worker code touches no QObject. What the panel shows is typed
(kiosk.adminpanel) and every sentence to staff comes in Arabic and English; QML gets it
as properties. Every admin action is logged as an ``admin_*`` event.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from .. import adminpanel as say
from ..admin import PIN_MAX_DIGITS, PinLock, log_admin_action, log_attempt
from ..adminpanel import (
    NOTHING,
    ActiveBundle,
    FoundBundle,
    Said,
    StoreView,
    TodayFigures,
    config_warnings,
    found_bundles,
    read_store_view,
    read_today,
    scan_note,
)
from ..analytics import EventLog
from ..config import Config
from ..store import (
    BundleStore,
    Cancelled,
    InstallError,
    InstallOptions,
    NothingToRollBack,
)
from . import aio
from .controller import Controller

# asyncio comes with kiosk.qt.aio; the statistics, the drop folders and the media checks are
# imported when staff use them
if TYPE_CHECKING:
    import asyncio

    from ..bundle.media import MediaInspector
    from ..store.drop import Checked, Scan

QML_IMPORT_NAME = "KioskBackend"
QML_IMPORT_MAJOR_VERSION = 1

AUTO_CLOSE_MS = 120_000
DROP_POLL_MS = 5_000
FIRST_DROP_SCAN_MS = 1_000
EXIT_RESTART = 3
"""Exit status for 'restart the kiosk': systemd (Restart=always) starts it again."""
EXIT_STAFF = 75
"""Exit status for 'exit the kiosk': the unit's RestartPreventExitStatus keeps it down."""


def _today() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d")


@QmlElement
@QmlUncreatable("Created by the kiosk")
class Admin(QObject):  # type: ignore[operator]
    modeChanged = Signal()
    languageChanged = Signal()
    pinChanged = Signal()
    panelChanged = Signal()
    """The store's view, the bundles found, the figures, the message or an install's state."""
    progressChanged = Signal()
    exitRequested = Signal(int)

    def __init__(
        self,
        config: Config,
        store: BundleStore,
        controller: Controller,
        log: EventLog,
        lock: PinLock | None = None,
    ) -> None:
        super().__init__(controller)
        self.config = config
        self.store = store
        self.controller = controller
        self.log = log
        self.lock = lock or PinLock.in_data_dir(config.data_dir)
        self._mode = "closed"
        self._language = controller.session.language
        self._pin_message = NOTHING
        self._inspector: MediaInspector | None = None
        """Made on first use (on this thread): not before the kiosk's first frame."""
        self._checks: dict[Path, tuple[tuple[int, float], Checked | None]] = {}
        """Each drop-folder candidate, by its fingerprint: None while it is being checked."""
        self._scan_note = NOTHING
        self._install: asyncio.Task[None] | None = None
        self._install_name = ""
        self._cancel = threading.Event()
        self._progress = 0.0
        self._shown_percent = -1
        self._message = NOTHING
        self._scanning: asyncio.Task[None] | None = None
        self._figures_task: asyncio.Task[None] | None = None
        self._today: TodayFigures | None = None
        self._store_view: StoreView | None = None
        self._reading: asyncio.Task[None] | None = None
        self._reread = False
        self._auto_done: set[tuple[Path, tuple[int, float]]] = set()
        self._auto_close = QTimer(self, singleShot=True, interval=AUTO_CLOSE_MS)
        self._auto_close.timeout.connect(lambda: self._close("timeout"))
        self._drop = QTimer(self, interval=DROP_POLL_MS)
        self._drop.timeout.connect(self.scan_drop_folders)
        if config.drop_folders:
            self._drop.start()
            # soon, but after the first frame: the kiosk shows itself first (kiosk.qt.aio)
            QTimer.singleShot(FIRST_DROP_SCAN_MS, self.scan_drop_folders)

    # -- state for QML -----------------------------------------------------------------------

    @Property(str, notify=modeChanged)
    def mode(self) -> str:
        """closed, pin or panel."""
        return self._mode

    @Property(str, notify=languageChanged)
    def language(self) -> str:
        """The language staff read the overlay in: the kiosk's default when it opens."""
        return self._language

    @Slot()
    def toggleLanguage(self) -> None:
        """Staff switch the overlay's language; the visitors' kiosk is left as it is."""
        self._language = "en" if self._language == "ar" else "ar"
        self.languageChanged.emit()
        self.touched()

    @Property(int, constant=True)
    def pinMaxLength(self) -> int:
        """The PIN pad takes at most this many digits (kiosk.admin's rule)."""
        return PIN_MAX_DIGITS

    @Property(dict, notify=pinChanged)
    def pinMessage(self) -> dict[str, str]:
        """Why the pad did not open, {ar, en} (empty strings: nothing to say)."""
        return self._pin_message.qml()

    # The typed state, for Python (tests, the screenshots) -----------------------------------

    @property
    def store_view(self) -> StoreView | None:
        """The store's side of the panel; None until it has been read once."""
        return self._store_view

    @property
    def found(self) -> tuple[FoundBundle, ...]:
        return found_bundles({p: c for p, (_fp, c) in self._checks.items()})

    @property
    def today(self) -> TodayFigures | None:
        """Today's figures; None while they are being read."""
        return self._today

    @property
    def message(self) -> Said:
        """What the last action came to."""
        return self._message

    @property
    def pin_message(self) -> Said:
        return self._pin_message

    @property
    def busy(self) -> bool:
        """An install is under way."""
        return self._install is not None

    @property
    def warnings(self) -> tuple[Said, ...]:
        view = self._store_view.warnings if self._store_view else ()
        scanned = (self._scan_note,) if self._scan_note else ()
        return scanned + config_warnings(self.config) + view

    # The same, as QML reads it ----------------------------------------------------------------

    def _active(self) -> ActiveBundle:
        if self._store_view is not None:
            return self._store_view.active
        b = self.controller.session.bundle
        return ActiveBundle(b.id, b.version, "")

    @Property(str, notify=panelChanged)
    def activeTitle(self) -> str:
        return self._active().title

    @Property(dict, notify=panelChanged)
    def activeDetail(self) -> dict[str, str]:
        return self._active().detail.qml() if self._store_view else Said("…", "…").qml()

    @Property(bool, notify=panelChanged)
    def canRollBack(self) -> bool:
        return bool(self._store_view and self._store_view.previous) and not self.busy

    @Property(list, notify=panelChanged)
    def foundBundles(self) -> list[dict[str, object]]:
        return [f.qml() for f in self.found]

    @Property(list, notify=panelChanged)
    def warningTexts(self) -> list[dict[str, str]]:
        return [w.qml() for w in self.warnings]

    @Property(dict, notify=panelChanged)
    def figuresText(self) -> dict[str, str]:
        if self._today is None:
            return Said("…", "…").qml()
        return self._today.said(self.log.committed).qml()

    @Property(dict, notify=panelChanged)
    def messageText(self) -> dict[str, str]:
        return self._message.qml()

    @Property(str, notify=panelChanged)
    def defaultLanguage(self) -> str:
        return self.controller.session.bundle.default_language

    @Property(bool, notify=panelChanged)
    def installing(self) -> bool:
        return self.busy

    @Property(str, notify=panelChanged)
    def installingName(self) -> str:
        return self._install_name if self.busy else ""

    @Property(float, notify=progressChanged)
    def progress(self) -> float:
        return self._progress

    def _changed(self, *, reread: bool = False) -> None:
        """Tell QML; with ``reread``, read the store's side again (in a worker) first. A job
        that finishes after its kiosk was torn down (shutdown cancels it, but a worker's
        result may already be on its way) tells nobody."""
        if not shiboken6.isValid(self):
            return
        if reread:
            self._read_store()
        self.panelChanged.emit()

    def _read_store(self) -> None:
        if self._reading is not None:
            self._reread = True  # once more when the read under way is done
            return
        self._reading = aio.spawn(self._read_store_view(), "read the store")

    async def _read_store_view(self) -> None:
        bundle = self.controller.session.bundle
        try:
            while True:
                self._reread = False
                try:
                    view = await aio.to_thread(
                        read_store_view,
                        self.store,
                        self.config,
                        (bundle.id, bundle.version),
                        self.log.path,
                        self.log.status(),
                    )
                except OSError as exc:  # an unreadable data folder: say so, keep the panel
                    why = exc.strerror or str(exc)
                    view = StoreView(
                        self._active(),
                        "",
                        (
                            Said(
                                f"تعذّرت قراءة مجلد البيانات: {why}",
                                f"The data folder cannot be read: {why}",
                            ),
                        ),
                    )
                self._store_view = view
                self.panelChanged.emit()
                if not self._reread:
                    break
        finally:
            self._reading = None

    # -- opening and closing -----------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self._mode != "closed"

    def open_pin(self) -> None:
        """The corner gesture was made: whatever 'visit' the gesture started was staff."""
        if self._mode != "closed":
            return
        self.controller.session.end("staff")
        self.controller.sync()
        if self._language != self.controller.session.language:
            self._language = self.controller.session.language
            self.languageChanged.emit()
        left = self.lock.locked_for()
        self._pin_message = NOTHING if left <= 0 else say.locked(left)
        self._set_mode("pin")

    def _set_mode(self, mode: str) -> None:
        self._mode = mode
        self.modeChanged.emit()
        self.pinChanged.emit()
        if mode == "closed":
            self._auto_close.stop()
        else:
            self._auto_close.start()

    @Slot()
    def touched(self) -> None:
        if self._mode != "closed":
            self._auto_close.start()

    @Slot(str)
    def submitPin(self, pin: str) -> None:
        if not self.config.pin_hash:
            self._pin_message = say.NO_PIN
            self.pinChanged.emit()
            return
        attempt = self.lock.attempt(pin, self.config.pin_hash)
        log_attempt(self.log, attempt)
        if attempt.ok:
            self._pin_message = NOTHING
            self._refresh_figures()
            self._set_mode("panel")
            self._changed(reread=True)
            return
        if attempt.locked_for > 0:
            self._pin_message = say.locked(attempt.locked_for)
        else:
            self._pin_message = say.wrong_pin(attempt.tries_left)
        self.pinChanged.emit()

    @Slot()
    def close(self) -> None:
        self._close("button")

    def _close(self, reason: str) -> None:
        if self._mode == "panel":
            log_admin_action(self.log, "close", payload={"reason": reason})
        self._set_mode("closed")

    # -- panel actions -----------------------------------------------------------------------

    @Slot(str, bool)
    def install(self, path: str, force: bool) -> None:
        if self._install is not None or self._mode != "panel":
            return
        self._cancel.clear()
        self._progress = 0.0
        self._start_install(Path(path), force)

    def _start_install(self, path: Path, force: bool) -> None:
        self._cancel.clear()
        self._progress = 0.0
        self._shown_percent = -1
        self._install_name = path.name
        self._install = aio.spawn(self._run_install(path, force), f"install {path.name}")
        self.panelChanged.emit()
        self.progressChanged.emit()

    async def _run_install(self, path: Path, force: bool) -> None:
        try:
            item = await aio.to_thread(self._do_install, path, force, self._media())
        except Cancelled:
            self._message = say.CANCELLED
        except InstallError as exc:
            self._message = say.not_installed("; ".join(str(p) for p in exc.report.errors[:3]))
        except OSError as exc:  # e.g. the stick was pulled out: say so, keep the kiosk going
            self._message = say.unreadable(path.name, exc.strerror or str(exc))
        else:
            log_admin_action(
                self.log,
                "install",
                target=item.name,
                payload={"version": item.version, "forced": item.forced},
            )
            self._message = say.installed(item.name)
        finally:
            self._install = None
        self._changed(reread=True)

    def _media(self) -> MediaInspector:
        """The full image decode and video probe, as the CLI checks (kiosk.qt.inspector)."""
        if self._inspector is None:
            from .inspector import media_inspector

            self._inspector = media_inspector(background=True)
        return self._inspector

    def _do_install(
        self, path: Path, force: bool, inspector: MediaInspector | None = None
    ) -> Any:  # worker thread: no QObject here
        def progress(stage: str, done: int, total: int) -> None:
            self._progress = done / max(1, total)
            percent = int(self._progress * 100)
            if percent != self._shown_percent:  # at most 101 wake-ups of the GUI thread
                self._shown_percent = percent
                aio.call_soon_threadsafe(self._progressed)

        options = InstallOptions(
            trusted_keys=list(self.config.trusted_keys),
            force=force,
            keys_unusable=self.config.signature_problem,
            config_file=str(self.config.path),
            keep=self.config.keep_bundles,
            progress=progress,
            cancel=self._cancel,
            inspector=inspector,
        )
        return self.store.install(path, options)

    def _progressed(self) -> None:
        if self._install is not None:
            self.progressChanged.emit()

    @Slot()
    def cancelInstall(self) -> None:
        self._cancel.set()

    @Slot()
    def rollback(self) -> None:
        # in a worker: the store's lock may be held by an install for a while
        aio.spawn(self._roll_back(), "roll back")

    async def _roll_back(self) -> None:
        try:
            name = await aio.to_thread(self.store.rollback)
        except NothingToRollBack:
            self._message = say.NO_PREVIOUS
        except OSError as exc:  # another install holds the store, or the disk refused
            self._message = say.not_rolled_back(str(exc))
        else:
            log_admin_action(self.log, "rollback", target=name)
            self._message = say.rolled_back(name)
        self._changed(reread=True)

    @Slot(str)
    def setDefaultLanguage(self, lang: str) -> None:
        from ..config import set_value

        old = self.controller.session.bundle.default_language
        if lang == old or lang not in self.controller.session.bundle.languages:
            return
        try:
            set_value(self.config.path, None, "default_language", lang)
        except (OSError, ValueError) as exc:  # unwritable, or kiosk.toml is not valid TOML
            self._message = say.not_saved(str(getattr(exc, "strerror", None) or exc))
        else:
            self._message = say.SAVED_LANGUAGE
            log_admin_action(self.log, "language", payload={"from": old, "to": lang})
        self._changed()

    @Slot()
    def restartKiosk(self) -> None:
        log_admin_action(self.log, "restart")
        self.exitRequested.emit(EXIT_RESTART)

    @Slot()
    def exitKiosk(self) -> None:
        log_admin_action(self.log, "exit")
        self.exitRequested.emit(EXIT_STAFF)

    # -- background work ---------------------------------------------------------------------

    @Slot()
    def scan_drop_folders(self) -> None:
        """Look at the drop folders again (every few seconds); one scan at a time."""
        if self._scanning is None:
            self._scanning = aio.spawn(self._scan(), "scan drop folders")

    async def _scan(self) -> None:
        from ..store.drop import check, scan

        try:
            found: Scan = await aio.to_thread(scan, list(self.config.drop_folders))
            self._scan_note = scan_note(found)
            seen = {c.path: c for c in found.candidates}
            for gone in set(self._checks) - set(seen):
                del self._checks[gone]
            todo = []
            for path, cand in seen.items():
                known = self._checks.get(path)
                if known is None or known[0] != cand.fingerprint:
                    self._checks[path] = (cand.fingerprint, None)
                    todo.append((path, cand.fingerprint))
            self._changed(reread=self._mode == "panel")  # e.g. the disk's free space
            for path, fp in todo:  # one at a time: a stick full of bundles must not swamp the kiosk
                try:
                    checked = await aio.to_thread(check, path, self._media())
                except Exception as exc:  # a damaged file must not stop the scanning
                    checked = _unreadable(path, exc)
                if path not in self._checks:
                    continue  # gone meanwhile
                self._checks[path] = (fp, checked)
                self.panelChanged.emit()
                self._auto_apply(path, fp, checked)
            for path, (fp, done) in list(self._checks.items()):  # one that waited for an install
                if done is not None:
                    self._auto_apply(path, fp, done)
        finally:
            self._scanning = None

    def _auto_apply(self, path: Path, fp: tuple[int, float], checked: Checked) -> None:
        """Configured to apply by itself: install and activate, no staff needed."""
        if not (self.config.auto_apply and checked.report.ok) or (path, fp) in self._auto_done:
            return
        if self.config.signature_problem:  # broken trusted_keys: staff decide
            return
        if self._install is not None:
            return  # tried again at the next scan, once the install in progress is over
        self._auto_done.add((path, fp))
        self._start_install(path, False)

    def _refresh_figures(self) -> None:
        if self._figures_task is None:
            self._figures_task = aio.spawn(self._load_figures(), "today's figures")

    async def _load_figures(self) -> None:
        self._today = None
        try:
            self._today = await aio.to_thread(read_today, self.log.path, _today())
        except Exception as exc:  # a damaged database: the panel says so, and still opens
            self._today = TodayFigures(error=str(exc))
        finally:
            self._figures_task = None
        self.panelChanged.emit()

    def shutdown(self) -> None:
        self._cancel.set()
        self._drop.stop()
        self._auto_close.stop()
        for task in (self._install, self._scanning, self._figures_task, self._reading):
            if task is not None:
                task.cancel()


def _unreadable(path: Path, exc: Exception) -> Checked:
    from ..bundle import Report
    from ..store.drop import Checked

    report = Report(str(path))
    report.error(path.name, "", f"cannot be checked: {exc}", "copy it again", "unreadable")
    return Checked(path, report, "", "")
