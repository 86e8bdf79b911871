"""Hot swap: a running kiosk follows the store's active bundle, without a restart.

The store's directory is watched (QFileSystemWatcher: the active pointer is replaced by a
rename, which changes the directory), and the pointer is also polled every couple of
seconds, in case the watch is not possible (no inotify watches left, a network file
system). A new bundle is loaded in a worker thread (a coroutine awaiting
``asyncio.to_thread``, kiosk.qt.aio: no QObject is touched there), then applied on the GUI
thread at once if nobody is using the kiosk (the attract loop, settled), else as soon as the
kiosk is back on the attract loop. Its health check: it loads, its fonts draw text (checked
in the worker, by a child process: kiosk.qt.glyphs), its fonts load, and a frame renders
with it. If it fails, the store rolls back by itself and the staff are told.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    Property,
    QFileSystemWatcher,
    QObject,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtQuick import QQuickWindow

from ..bundle import Bundle, BundleError, load
from ..store import BundleStore, NothingToRollBack
from . import aio
from .controller import Controller
from .frames import NextFrame

if TYPE_CHECKING:
    import asyncio


def checked(loader: Callable[[Path], Bundle]) -> Callable[[Path], Bundle]:
    """``loader``, then the check that the bundle's fonts draw text (kiosk.qt.glyphs, a child
    process); for the worker thread, which imports the check on the first swap."""

    def load_checked(path: Path) -> Bundle:
        from .glyphs import glyph_checked

        return glyph_checked(loader)(path)

    return load_checked


CHECKED_LOAD = checked(load)
"""The default loader: the bundle loads, and its fonts draw text."""
POLL_MS = 2000
"""The fallback check of the active pointer; the directory watch sees a change at once."""
FRAME_TIMEOUT_S = 5.0
ATTRACT_SETTLE_MS = 600
"""A swap waits until the attract loop has been on screen this long (twice Theme.fade):
the page a visitor left fades out meanwhile, and must keep its rows until it is gone."""


class BundleSwapper(QObject):
    """Watches ``store`` and swaps the controller's bundle; ``on_swap`` runs after each swap."""

    messageChanged = Signal()
    swapped = Signal(str)
    """The new active bundle's name, after a swap that passed its health check."""
    rolledBack = Signal(str)
    """The reason, after a new bundle failed and the previous one was restored."""

    def __init__(
        self,
        store: BundleStore,
        controller: Controller,
        window: QQuickWindow,
        load_fonts: Callable[[Bundle], list[str]],
        on_swap: Callable[[Bundle], None] | None = None,
        poll_ms: int = POLL_MS,
        loader: Callable[[Path], Bundle] = CHECKED_LOAD,
    ) -> None:
        super().__init__(controller)
        self.store = store
        self.controller = controller
        self.window = window
        self.load_fonts = load_fonts
        self.on_swap = on_swap
        self.loader = loader
        self._shown = store.state().current
        self._pointer = self._signature()
        self._loading: asyncio.Task[None] | None = None
        self._rolling: asyncio.Task[None] | None = None
        """A rollback in a worker (the store's lock may be busy): the pointer is not read
        meanwhile."""
        self._loading_name: str | None = None
        self._ready: tuple[str, Bundle] | None = None
        self._previous_bundle: Bundle | None = None
        self._waiting_frame_since: float | None = None
        self._message = ""
        # on the attract loop from the start: already settled
        self._attract_since: float | None = (
            time.monotonic() - ATTRACT_SETTLE_MS / 1000 if self._on_attract() else None
        )
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.timeout.connect(self._apply_when_quiet)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._on_directory_changed)
        self._watch()
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.poll)
        self._timer.start()
        controller.pageChanged.connect(self._on_page)

    @Property(str, notify=messageChanged)
    def message(self) -> str:
        """For the staff: what the last swap did (empty when nothing happened)."""
        return self._message

    def _say(self, text: str) -> None:
        self._message = text
        self.messageChanged.emit()

    def _signature(self) -> tuple[int, int, int] | None:
        """Changes whenever the pointer is replaced (a new file: a new inode)."""
        try:
            st = self.store.pointer.stat()
        except OSError:
            return None
        return st.st_ino, st.st_mtime_ns, st.st_size

    def _watch(self) -> None:
        """Watch the pointer's directory (made if need be, so that the first install is
        seen at once too); without a watch, the poll still finds every change."""
        if self._watcher.directories():
            return
        folder = self.store.pointer.parent
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True)
        if folder.is_dir():
            self._watcher.addPath(str(folder))

    def _on_attract(self) -> bool:
        return self.controller.session.quiet  # the attract loop, closed, an interrupt's loop

    # -- what sets a swap going ------------------------------------------------------------------

    @Slot()
    def poll(self) -> None:
        """The fallback: check the pointer (and the watch), and the new bundle's first frame."""
        if self._waiting_frame_since is not None:
            if time.monotonic() - self._waiting_frame_since > FRAME_TIMEOUT_S:
                self._fail("the new bundle did not render a frame")
            return
        self._watch()
        self._check_pointer()
        self._apply_when_quiet()

    @Slot(str)
    def _on_directory_changed(self, _path: str) -> None:
        self._check_pointer()

    def _check_pointer(self) -> None:
        """Start loading the active bundle when the pointer changed to one not on screen."""
        if self._waiting_frame_since is not None or self._rolling is not None:
            return  # checked again once the swap in progress has its frame, or is undone
        signature = self._signature()
        if signature == self._pointer:
            return
        self._pointer = signature
        current = self.store.state().current
        if current == self._shown:  # e.g. rolled back before the newer one was shown
            self._cancel_load()
            self._ready = None
            self._settle.stop()
        elif current and current != self._loading_name:
            self._cancel_load()
            self._loading_name = current
            self._ready = None
            self._loading = aio.spawn(self._load(current), f"load bundle {current}")

    def _cancel_load(self) -> None:
        """Forget a load in progress (its worker finishes; its result is dropped)."""
        if self._loading is not None:
            self._loading.cancel()
        self._loading = None
        self._loading_name = None

    async def _load(self, name: str) -> None:
        """Load ``name`` in a worker thread, then, back on the GUI thread, apply it when
        the kiosk is quiet (or roll back if it does not load)."""
        try:
            bundle = await aio.to_thread(self.loader, self.store.bundles / name)
        except (BundleError, OSError) as exc:
            self._loading = None
            self._loading_name = None
            self._rollback(f"{name} does not load: {exc}")
            return
        self._loading = None
        self._ready = (name, bundle)
        self._apply_when_quiet()

    @Slot()
    def _on_page(self) -> None:
        if not self._on_attract():
            self._attract_since = None
            self._settle.stop()
            return
        if self._attract_since is None:
            self._attract_since = time.monotonic()
        self._apply_when_quiet()

    @Slot()
    def _apply_when_quiet(self) -> None:
        """Apply a ready bundle now if the attract loop has settled, else when it has."""
        if self._ready is None or self._waiting_frame_since is not None:
            return
        if not self._on_attract():
            return  # _on_page calls again when the kiosk is back on the attract loop
        if self._attract_since is None:  # the session changed without a pageChanged yet
            self._attract_since = time.monotonic()
        left_ms = ATTRACT_SETTLE_MS - (time.monotonic() - self._attract_since) * 1000
        if left_ms > 0:
            self._settle.start(max(1, int(left_ms + 0.999)))
            return
        ready, self._ready = self._ready, None
        self._apply(*ready)

    # -- the swap and its health check -----------------------------------------------------------

    def _apply(self, name: str, bundle: Bundle) -> None:
        families = self.load_fonts(bundle)
        wanted = {bundle.fonts.arabic, bundle.fonts.latin}
        if not wanted <= set(families):
            self._rollback(
                f"{name}: its fonts did not load ({', '.join(sorted(wanted - set(families)))})"
            )
            return
        self._previous_bundle = self.controller.session.full_bundle
        self.controller.replace_bundle(bundle)
        self._shown = name
        self._loading_name = None
        self._waiting_frame_since = time.monotonic()
        # connected only while a swap waits for its first frame (kiosk.qt.frames)
        NextFrame(self.window, self._on_frame)
        self.window.update()

    @Slot()
    def _on_frame(self) -> None:
        if self._waiting_frame_since is None:
            return
        self._waiting_frame_since = None
        bundle = self.controller.session.full_bundle  # not one daypart's part of it
        if self.on_swap:
            self.on_swap(bundle)
        self._say(f"Now showing {bundle.id} {bundle.version}.")
        self.swapped.emit(self._shown or "")
        self._check_pointer()  # changed again while this swap waited for its frame?

    def _fail(self, reason: str) -> None:
        self._waiting_frame_since = None
        if self._previous_bundle is not None and self._on_attract():
            self.controller.replace_bundle(self._previous_bundle)
        self._rollback(reason)

    def _rollback(self, reason: str) -> None:
        if self._rolling is None:
            self._rolling = aio.spawn(self._roll_back(reason), "roll back a failed swap")

    def _restore(self) -> str | None:  # worker thread: no QObject here
        try:
            return self.store.rollback()
        except (NothingToRollBack, OSError):  # nothing to roll back to, or the store is busy
            return None

    async def _roll_back(self, reason: str) -> None:
        try:
            restored = await aio.to_thread(self._restore)
        finally:
            self._rolling = None
        self._shown = restored or self._shown
        self._pointer = self._signature()
        self._say(
            f"The new bundle was not shown: {reason}. "
            + (f"Rolled back to {restored}." if restored else "Nothing to roll back to.")
        )
        self.rolledBack.emit(reason)

    def close(self) -> None:
        self._timer.stop()
        self._settle.stop()
        if self._watcher.directories():
            self._watcher.removePaths(self._watcher.directories())
        self._cancel_load()
        if self._rolling is not None:
            self._rolling.cancel()
