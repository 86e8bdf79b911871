"""Fleet health, the Qt part: the frame heartbeat, the staff screenshot, the server's start.

The figures and the server are the core's (:mod:`kiosk.metrics`); this only feeds them:

- each ``frameSwapped`` stamps the heartbeat, through a ``@Slot`` of a GUI-thread QObject
  with Qt's automatic connection (queued from the render thread, as in
  :mod:`kiosk.qt.frames`: no Python ever runs on the render thread). A still screen draws
  nothing, so once a second a window that drew nothing for a second is asked for a frame:
  ``kiosk_frame_age_seconds`` then stays under ~1 s while the GUI and render threads work,
  and grows when either is stuck.
- the screenshot is grabbed on the GUI thread (one frame's rendering) and encoded as PNG in
  a worker thread, from the pixels' bytes (no QObject there).
- the server starts after the first frame (asyncio and qasync are imported then, see
  :mod:`kiosk.qt.aio`; prometheus_client is imported in a worker thread) on qasync's loop:
  no thread of its own.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtGui import QImage
from PySide6.QtQuick import QQuickWindow

from .. import metrics as m
from . import aio
from .frames import NextFrame

if TYPE_CHECKING:
    from ..analytics import EventLog
    from ..startup import KioskSettings
    from .controller import Controller
    from .swap import BundleSwapper

_log = logging.getLogger(__name__)
HEARTBEAT_MS = 1000


class QtMetrics(QObject):
    """The kiosk's /metrics: made by the composition root when ``[metrics]`` is on."""

    def __init__(
        self,
        window: QQuickWindow,
        settings: KioskSettings,
        controller: Controller,
        log: EventLog,
        swapper: BundleSwapper | None,
        metrics_settings: m.MetricsSettings,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.metrics = m.KioskMetrics(
            kiosk_id=settings.kiosk_id,
            data_dir=settings.data_dir,
            db=settings.db,
            bundle=lambda: controller.session.bundle,
            writer=log,
            schedule_slot=lambda: controller.session.slot.name,
            clock=clock,
            restarts=m.count_start(settings.data_dir),
        )
        self.server = m.MetricsServer(self.metrics, metrics_settings, self.screenshot, clock)
        self.error = ""
        """Why the server is not listening (for the journal and tests); empty when it is."""
        controller.session.listeners.append(self.metrics.event)
        if swapper is not None:
            swapper.swapped.connect(self._swapped)
            swapper.rolledBack.connect(self._rolled_back)
        window.frameSwapped.connect(self._on_frame)
        self._beat = QTimer(self)
        self._beat.setInterval(HEARTBEAT_MS)
        self._beat.timeout.connect(self._heartbeat)
        self._beat.start()
        self._db = settings.db
        self._closed = False
        NextFrame(window, self._start)

    @Slot()
    def _on_frame(self) -> None:
        self.metrics.frame()

    @Slot()
    def _heartbeat(self) -> None:
        age = self.metrics.frame_age()
        if age is None or age * 1000 >= HEARTBEAT_MS * 0.9:
            self.window.update()

    @Slot(str)
    def _swapped(self, name: str) -> None:
        self.metrics.swapped(True, name)

    @Slot(str)
    def _rolled_back(self, reason: str) -> None:
        self.metrics.swapped(False, reason)

    def _start(self) -> None:
        if not self._closed:
            aio.spawn(self._serve(), "metrics server")

    async def _serve(self) -> None:
        try:
            await aio.to_thread(m.import_client)  # slow to import: not on the GUI thread
            port = await self.server.start()
        except (OSError, ValueError) as exc:
            self.error = f"/metrics is off: {exc}"
            _log.error("%s", self.error)
            return
        if self._closed:  # closed while it started
            self.server.close()
            return
        _log.info("metrics: serving /metrics on %s:%d", self.server.settings.host, port)
        midnight = datetime.now().replace(hour=0, minute=0, second=0, microsecond=0)
        try:
            self.metrics.seed_today(await aio.to_thread(m.sessions_since, self._db, midnight))
        except Exception as exc:  # the figure starts at 0; the database is the writer's
            _log.warning("metrics: today's visitors could not be read: %s", exc)

    async def screenshot(self) -> bytes:
        """The PNG of what the screen shows now."""
        image = self.window.grabWindow().convertToFormat(QImage.Format.Format_RGBA8888)
        w, h, stride = image.width(), image.height(), image.bytesPerLine()
        pixels = bytes(image.constBits())  # a copy: the worker touches no Qt object
        return await aio.to_thread(m.png_rgba, w, h, pixels, stride)

    def close(self) -> None:
        self._closed = True
        self._beat.stop()
        self.server.close()
