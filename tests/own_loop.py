"""Plain asyncio in a test that may run after a GUI test in the same process.

kiosk.qt.aio makes qasync's loop ``already_running`` on the test thread, and it stays marked
as this thread's running loop, so ``asyncio.run`` (the server's unit tests, ``kiosk fleet
status`` in-process) would refuse to start. Inside :func:`own_loop` the thread has no running
loop; the qasync one is put back after.
"""

from __future__ import annotations

import asyncio
import asyncio.events
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def own_loop() -> Iterator[None]:
    running = asyncio.events._get_running_loop()
    policy = asyncio.get_event_loop_policy()
    current = getattr(getattr(policy, "_local", None), "_loop", None)
    asyncio.events._set_running_loop(None)
    try:
        yield
    finally:
        asyncio.events._set_running_loop(running)
        policy.set_event_loop(current)
