"""Soak run: the real kiosk UI, in-process, under a stream of simulated visitors for hours.

    .venv/bin/python -m benchmarks.soak --hours 1 --json artifacts/soak/soak-1h.json

The kiosk runs offscreen (``QT_QPA_PLATFORM=offscreen`` unless set) from a temporary bundle
store, with a :class:`~kiosk.clock.ManualClock` that the visitors move forward: each real
second stands for about ``--speed`` simulated seconds (168 by default: one real hour is a
simulated week). Visitors arrive at the attract loop, tap through entities and slides (videos
play; black frames are fine offscreen), swipe, run demos to the end along
``Demo.route_to_end()`` (tapping the hotspot centres and form buttons), miss a hotspot now and
then, rate the demo, switch language, sometimes abandon, and always leave by idling out
through the real idle path (warning, countdown, attract). Almost every action is a mouse
click on the window, so the input filter, QML and rendering are exercised. Every simulated
hour, a re-packed copy of the sample bundle with another version is installed into the store
(two zips prepared once, alternately), and the running kiosk hot-swaps to it at the attract
loop.

Every ``--sample-s`` real seconds, at the attract loop between visitors: RSS, open file
descriptors, threads, QObjects (the window's item tree plus the engine's QObject children),
Python objects, the analytics WAL size, events committed, sessions, simulated time.

Exit 1 on: a Qt warning/critical/fatal message (other than the documented ones in
``IGNORED``), a Python exception in a slot or thread, a step that did not happen (a page
that did not appear, a swap that did not show), RSS at the end more than ``--rss-budget``
(5%) above RSS after warm-up (the first 10% of the run), or more file descriptors or
threads at the end than after warm-up.
"""

# The modules, in the order the run uses them:
#   recorder  Qt messages and Python exceptions (IGNORED lists the accepted ones)
#   samples   one row of measurements (RSS, fds, threads, items, QObjects, ...)
#   bundles   the two re-packed sample bundles the run swaps between
#   driver    Soak: the visitors, the idle-outs, the swaps, the sampling
#   output    the table, the summary and its pass/fail verdict
#   cli       main(): the options, the store and the kiosk, then the run and the report

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before PySide6 is imported
