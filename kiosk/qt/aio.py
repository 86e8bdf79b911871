"""Slow work, off the GUI thread: one asyncio loop per process, run by Qt's own (qasync).

Every slow job (loading a bundle for a hot swap, an install from the admin panel or a drop
folder, a drop-folder scan, today's figures) is a coroutine that awaits
:func:`asyncio.to_thread` and resumes on the GUI thread, where it may touch QObjects again.
The worker function itself is plain Python and touches no QObject. A job is cancelled with
its task; a worker already running finishes, and its result is dropped.

The loop is created ``already_running``: Qt's event loop (``app.exec()`` in the kiosk, the
test harness's waits in tests) is what runs it, so there is no second loop to drive. It is
made on first use, and asyncio and qasync are imported then (slow to import; figures:
benchmarks/README.md, "Figures behind the code's choices"): the kiosk starts them after its
first frame, not before it.
"""

from __future__ import annotations

import logging
import signal
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtGui import QGuiApplication

if TYPE_CHECKING:
    import asyncio

    import qasync

_log = logging.getLogger(__name__)
_T = TypeVar("_T")
_LOOP: qasync.QEventLoop | None = None
_TASKS: set[asyncio.Task[Any]] = set()
"""Strong references: asyncio keeps only weak ones, and a task nobody holds can vanish."""


def event_loop() -> qasync.QEventLoop:
    """The process's loop (made on first use; a QGuiApplication must exist by then)."""
    global _LOOP
    if _LOOP is None or _LOOP.is_closed():
        import asyncio

        import qasync

        app = QGuiApplication.instance()
        if app is None:
            raise RuntimeError("kiosk.qt.aio needs a QGuiApplication first")
        _LOOP = qasync.QEventLoop(app, already_running=True)
        asyncio.set_event_loop(_LOOP)
    return _LOOP


def spawn(job: Coroutine[Any, Any, _T], name: str) -> asyncio.Task[_T]:
    """Run ``job`` on the loop; an exception it does not handle is logged, never lost."""
    task: asyncio.Task[_T] = event_loop().create_task(job, name=name)
    _TASKS.add(task)
    task.add_done_callback(_finished)
    return task


def _finished(task: asyncio.Task[Any]) -> None:
    _TASKS.discard(task)
    if not task.cancelled() and task.exception() is not None:
        _log.error("background job %s failed", task.get_name(), exc_info=task.exception())


async def to_thread(func: Callable[..., _T], /, *args: Any) -> _T:
    """``await to_thread(f, x)``: ``f(x)`` in a worker thread; the caller resumes on the GUI
    thread. ``func`` must not touch a QObject."""
    import asyncio

    return await asyncio.to_thread(func, *args)


def call_soon_threadsafe(callback: Callable[[], object]) -> None:
    """From a worker thread: run ``callback`` on the GUI thread, soon."""
    event_loop().call_soon_threadsafe(callback)


def stop_on_signals(app: QGuiApplication) -> Callable[[], None]:
    """SIGTERM (systemd) and SIGINT leave Qt's event loop, so the event log is flushed.

    asyncio's signal handling only writes to a socket that the loop watches; ``app.exit``
    then runs from an ordinary callback on the GUI thread (calling Qt from inside a Python
    signal handler crashed PySide6 here). ``exit()``, not ``quit()``: quit() asks the
    windows first, and kiosk mode refuses. Returns the function that removes the handlers.
    """
    loop = event_loop()
    sigs = (signal.SIGTERM, signal.SIGINT)
    for sig in sigs:
        loop.add_signal_handler(sig, app.exit, 0)

    def remove() -> None:
        for sig in sigs:
            loop.remove_signal_handler(sig)

    return remove


def close_loop() -> None:
    """At the end of the process: cancel what is left and wait for the worker threads
    (a QThread destroyed while it runs aborts the process)."""
    global _LOOP
    loop, _LOOP = _LOOP, None
    if loop is None or loop.is_closed():
        return
    for task in list(_TASKS):
        task.cancel()
    _TASKS.clear()
    loop.stop()
    loop.close()
