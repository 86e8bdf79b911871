"""Hot swap: a running kiosk follows the store's active bundle, without a restart.

The active pointer is polled (one stat every couple of seconds). A new bundle is
loaded in a worker thread (plain Python: no QObject is touched there), then
applied on the GUI thread at the next moment nobody is using the kiosk (the
attract loop). Its health check: it loads, its fonts load, and a frame renders
with it. If it fails, the store rolls back by itself and the staff are told.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQuick import QQuickWindow

from ..bundle import Bundle, BundleError, load
from ..session import Page
from ..store import BundleStore
from .controller import Controller

POLL_MS = 2000
FRAME_TIMEOUT_S = 5.0


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
        loader: Callable[[Path], Bundle] = load,
    ) -> None:
        super().__init__(controller)
        self.store = store
        self.controller = controller
        self.window = window
        self.load_fonts = load_fonts
        self.on_swap = on_swap
        self.loader = loader
        self._shown = store.state().current
        self._pointer_mtime = self._mtime()
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="kiosk-bundle-load")
        self._loading: Future[Bundle] | None = None
        self._loading_name: str | None = None
        self._ready: tuple[str, Bundle] | None = None
        self._previous_bundle: Bundle | None = None
        self._waiting_frame_since: float | None = None
        self._message = ""
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.poll)
        self._timer.start()
        window.frameSwapped.connect(self._on_frame)

    @Property(str, notify=messageChanged)
    def message(self) -> str:
        """For the staff: what the last swap did (empty when nothing happened)."""
        return self._message

    def _say(self, text: str) -> None:
        self._message = text
        self.messageChanged.emit()

    def _mtime(self) -> float:
        try:
            return self.store.pointer.stat().st_mtime
        except OSError:
            return 0.0

    @Slot()
    def poll(self) -> None:
        """Check the pointer, finish a background load, apply a ready bundle when quiet."""
        if self._waiting_frame_since is not None:
            if time.monotonic() - self._waiting_frame_since > FRAME_TIMEOUT_S:
                self._fail("the new bundle did not render a frame")
            return
        mtime = self._mtime()
        if mtime != self._pointer_mtime:
            self._pointer_mtime = mtime
            current = self.store.state().current
            if current and current != self._shown and current != self._loading_name:
                path = self.store.bundles / current
                self._loading_name = current
                self._loading = self._pool.submit(self.loader, path)  # worker: plain Python only
        if self._loading is not None and self._loading.done():
            name, future = self._loading_name, self._loading
            self._loading = None
            try:
                bundle = future.result()
            except (BundleError, OSError) as exc:
                self._loading_name = None
                self._rollback(f"{name} does not load: {exc}")
                return
            assert name is not None
            self._ready = (name, bundle)
        if self._ready is not None and self.controller.session.page is Page.ATTRACT:
            self._apply(*self._ready)
            self._ready = None

    def _apply(self, name: str, bundle: Bundle) -> None:
        families = self.load_fonts(bundle)
        wanted = {bundle.fonts.arabic, bundle.fonts.latin}
        if not wanted <= set(families):
            self._rollback(
                f"{name}: its fonts did not load ({', '.join(sorted(wanted - set(families)))})"
            )
            return
        self._previous_bundle = self.controller.session.bundle
        self.controller.replace_bundle(bundle)
        self._shown = name
        self._loading_name = None
        self._waiting_frame_since = time.monotonic()
        self.window.update()

    def _on_frame(self) -> None:
        if self._waiting_frame_since is None:
            return
        self._waiting_frame_since = None
        bundle = self.controller.session.bundle
        if self.on_swap:
            self.on_swap(bundle)
        self._say(f"Now showing {bundle.id} {bundle.version}.")
        self.swapped.emit(self._shown or "")

    def _fail(self, reason: str) -> None:
        self._waiting_frame_since = None
        if self._previous_bundle is not None and self.controller.session.page is Page.ATTRACT:
            self.controller.replace_bundle(self._previous_bundle)
        self._rollback(reason)

    def _rollback(self, reason: str) -> None:
        try:
            restored = self.store.rollback()
        except KeyError:
            restored = None
        self._shown = restored or self._shown
        self._pointer_mtime = self._mtime()
        self._say(f"The new bundle was not shown: {reason}. "
                  + (f"Rolled back to {restored}." if restored else "Nothing to roll back to."))  # fmt: skip
        self.rolledBack.emit(reason)

    def close(self) -> None:
        self._timer.stop()
        self._pool.shutdown(wait=False, cancel_futures=True)


def active_bundle_path(store: BundleStore, fallback: Path) -> Path:
    """Where the kiosk starts: the store's active bundle, or ``fallback`` when none is installed."""
    store.clean_staging()
    return store.active_path() or fallback
