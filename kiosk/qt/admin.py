"""The staff side: PIN pad and admin panel, behind the hidden corner gesture.

Slow work (scanning and checking drop folders, installing, today's figures) is a
coroutine that awaits a worker thread and resumes on the GUI thread (kiosk.qt.aio).
Worker code touches no QObject. Every admin action is logged as an ``admin_*`` event.
"""

from __future__ import annotations

import shutil
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from ..admin import PIN_MAX_DIGITS, PinLock, log_admin_action, log_attempt
from ..analytics import EventLog, read_status
from ..config import Config
from ..store import (
    BundleStore,
    Cancelled,
    InstallError,
    InstallOptions,
    NothingToRollBack,
    NotInstalled,
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
LOW_DISK_BYTES = 1 << 30


def _figures(db: Path) -> dict[str, Any]:
    """Today's figures (UTC day), from a connection of the worker's own."""
    from ..analytics import Filter, connect, summarize

    if not db.is_file():
        return {"sessions": 0, "events": 0, "top": []}
    conn = connect(str(db))
    try:
        s = summarize(conn, Filter(since=datetime.now(UTC).strftime("%Y-%m-%d")))
    finally:
        conn.close()
    top = [{"ar": e.name_ar, "en": e.name_en, "views": e.views} for e in s.entities[:3]]
    return {"sessions": s.sessions, "events": s.events, "top": top}


@QmlElement
@QmlUncreatable("Created by the kiosk")
class Admin(QObject):  # type: ignore[operator]
    modeChanged = Signal()
    pinChanged = Signal()
    panelChanged = Signal()
    exitRequested = Signal(int)

    def __init__(
        self, config: Config, store: BundleStore, controller: Controller, log: EventLog,
        lock: PinLock | None = None,
    ) -> None:  # fmt: skip
        super().__init__(controller)
        self.config = config
        self.store = store
        self.controller = controller
        self.log = log
        self.lock = lock or PinLock.in_data_dir(config.data_dir)
        self._mode = "closed"
        self._pin_message = ""
        self._inspector: MediaInspector | None = None
        """Made on first use (on this thread): not before the kiosk's first frame."""
        self._checks: dict[Path, tuple[tuple[int, float], Checked | None]] = {}
        """Each drop-folder candidate, by its fingerprint: None while it is being checked."""
        self._scan_note = ""
        self._install: asyncio.Task[None] | None = None
        self._install_name = ""
        self._cancel = threading.Event()
        self._progress = 0.0
        self._shown_percent = -1
        self._message = ""
        self._scanning: asyncio.Task[None] | None = None
        self._figures_task: asyncio.Task[None] | None = None
        self._figures: dict[str, Any] = {}
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

    @Property(int, constant=True)
    def pinMaxLength(self) -> int:
        """The PIN pad takes at most this many digits (kiosk.admin's rule)."""
        return PIN_MAX_DIGITS

    @Property(str, notify=pinChanged)
    def pinMessage(self) -> str:
        return self._pin_message

    @Property(dict, notify=panelChanged)
    def panel(self) -> dict[str, Any]:
        state = self.store.state()
        active: dict[str, Any] = {"name": "", "id": self.controller.session.bundle.id,
                                  "version": self.controller.session.bundle.version, "installed": "",
                                  "signature": "sample bundle (nothing installed)"}  # fmt: skip
        if state.current:
            try:
                item = self.store.get(state.current)
                active = {"name": item.name, "id": item.bundle_id, "version": item.version,
                          "installed": item.installed_utc,
                          "signature": "signed" if item.signed_by else ("forced" if item.forced else "unsigned")}  # fmt: skip
            except NotInstalled:
                pass
        found = []
        for path, (_fp, result) in sorted(self._checks.items()):
            if result is None:
                found.append({"path": str(path), "name": path.name, "id": "", "version": "", "valid": False,
                              "problems": ["checking…"]})  # fmt: skip
            else:
                found.append({
                    "path": str(path), "name": path.name, "id": result.bundle_id, "version": result.version,
                    "valid": result.report.ok,
                    "problems": [str(p) for p in result.report.errors[:8]],
                })  # fmt: skip
        warnings = [self._scan_note] if self._scan_note else []
        if self.config.signature_problem:  # fail closed: nothing installs until it is fixed
            warnings.append(self.config.signature_problem)
        status = read_status(self.log.path)
        if status is not None or not self.log.status().ok:
            st = self.log.status()
            warnings.append(
                f"Events are not being saved: {st.last_error or (status.last_error if status else '')}"
            )
        try:
            free = shutil.disk_usage(self.config.data_dir).free
            if free < LOW_DISK_BYTES:
                warnings.append(
                    f"Disk nearly full: {free / 1e9:.1f} GB free in {self.config.data_dir}"
                )
        except OSError:
            pass
        return {
            "active": active, "previous": state.previous or "", "found": found, "figures": self._figures,
            "warnings": warnings, "busy": self._install is not None, "progress": self._progress,
            "installing": self._install_name, "message": self._message,
            "defaultLanguage": self.controller.session.bundle.default_language,
            "eventsLogged": self.log.committed,
        }  # fmt: skip

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
        left = self.lock.locked_for()
        self._pin_message = "" if left <= 0 else self._locked_text(left)
        self._set_mode("pin")

    @staticmethod
    def _locked_text(seconds: float) -> str:
        return f"Locked after wrong PINs: try again in {int(seconds + 0.999)} s."

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
            self._pin_message = "No staff PIN is set on this kiosk: run 'kiosk admin set-pin'."
            self.pinChanged.emit()
            return
        attempt = self.lock.attempt(pin, self.config.pin_hash)
        log_attempt(self.log, attempt)
        if attempt.ok:
            self._pin_message = ""
            self._refresh_figures()
            self._set_mode("panel")
            self.panelChanged.emit()
            return
        if attempt.locked_for > 0:
            self._pin_message = self._locked_text(attempt.locked_for)
        else:
            self._pin_message = f"Wrong PIN. {attempt.tries_left} tries left before a lockout."
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

    async def _run_install(self, path: Path, force: bool) -> None:
        try:
            item = await aio.to_thread(self._do_install, path, force, self._media())
        except Cancelled:
            self._message = "Cancelled: nothing was installed."
        except InstallError as exc:
            self._message = "Not installed: " + "; ".join(str(p) for p in exc.report.errors[:3])
        except OSError as exc:  # e.g. the stick was pulled out: say so, keep the kiosk going
            self._message = f"Not installed: {path.name} could not be read ({exc.strerror or exc})"
        else:
            log_admin_action(self.log, "install", target=item.name,
                             payload={"version": item.version, "forced": item.forced})  # fmt: skip
            self._message = f"Installed {item.name}; it shows at the next quiet moment."
        finally:
            self._install = None
        self.panelChanged.emit()

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

        options = InstallOptions(trusted_keys=list(self.config.trusted_keys), force=force,
                                 keys_unusable=self.config.signature_problem, config_file=str(self.config.path),
                                 keep=self.config.keep_bundles, progress=progress, cancel=self._cancel,
                                 inspector=inspector)  # fmt: skip
        return self.store.install(path, options)

    def _progressed(self) -> None:
        if self._install is not None:
            self.panelChanged.emit()

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
            self._message = "There is no previous bundle to roll back to."
        except OSError as exc:  # another install holds the store, or the disk refused
            self._message = f"Not rolled back: {exc}"
        else:
            log_admin_action(self.log, "rollback", target=name)
            self._message = f"Rolled back to {name}; it shows at the next quiet moment."
        self.panelChanged.emit()

    @Slot(str)
    def setDefaultLanguage(self, lang: str) -> None:
        from ..config import set_value

        old = self.controller.session.bundle.default_language
        if lang == old or lang not in self.controller.session.bundle.languages:
            return
        try:
            set_value(self.config.path, None, "default_language", lang)
        except (OSError, ValueError) as exc:  # unwritable, or kiosk.toml is not valid TOML
            self._message = f"Could not save the setting: {getattr(exc, 'strerror', None) or exc}"
        else:
            self._message = "Saved: the kiosk uses it after its next restart."
            log_admin_action(self.log, "language", payload={"from": old, "to": lang})
        self.panelChanged.emit()

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
            self._scan_note = found.note
            seen = {c.path: c for c in found.candidates}
            for gone in set(self._checks) - set(seen):
                del self._checks[gone]
            todo = []
            for path, cand in seen.items():
                known = self._checks.get(path)
                if known is None or known[0] != cand.fingerprint:
                    self._checks[path] = (cand.fingerprint, None)
                    todo.append((path, cand.fingerprint))
            self.panelChanged.emit()
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
        try:
            self._figures = await aio.to_thread(_figures, self.log.path)
        except Exception as exc:  # a damaged database: the panel says so, and still opens
            self._figures = {"error": str(exc)}
        finally:
            self._figures_task = None
        self.panelChanged.emit()

    def shutdown(self) -> None:
        self._cancel.set()
        self._drop.stop()
        self._auto_close.stop()
        for task in (self._install, self._scanning, self._figures_task):
            if task is not None:
                task.cancel()


def _unreadable(path: Path, exc: Exception) -> Checked:
    from ..bundle import Report
    from ..store.drop import Checked

    report = Report(str(path))
    report.error(path.name, "", f"cannot be checked: {exc}", "copy it again", "unreadable")
    return Checked(path, report, "", "")
