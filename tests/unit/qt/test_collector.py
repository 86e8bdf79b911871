"""Garbage cycles holding QObjects are collected on the GUI thread, never in a worker."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication

from kiosk.qt.collector import GuiThreadCollector, collect_if_due
from kiosk.qt.testing import wait_until


class Owner(QObject):
    """A QObject in a cycle with a plain Python object (as a closure would make)."""


def _cycle() -> weakref.ref[Owner]:
    owner = Owner()
    timer = QTimer(owner)
    holder: dict[str, object] = {"owner": owner, "timer": timer}
    owner.holder = holder  # type: ignore[attr-defined]
    return weakref.ref(owner)


def test_worker_threads_allocating_do_not_collect_and_the_gui_thread_does(
    qapp: QGuiApplication,
) -> None:
    parent = QObject()
    collector = GuiThreadCollector(parent, tick_ms=10)
    try:
        assert not gc.isenabled()
        gc.collect()
        freed_in: list[str] = []
        ref = _cycle()
        owner = ref()
        assert owner is not None
        owner.destroyed.connect(lambda: freed_in.append(threading.current_thread().name))
        del owner

        kept: list[object] = []

        def churn() -> None:  # far past every threshold: CPython would collect here
            kept.extend([] for _ in range(gc.get_threshold()[0] * 20))

        worker = threading.Thread(target=churn, name="worker")
        worker.start()
        worker.join()
        assert ref() is not None, "collected in the worker thread"
        assert wait_until(lambda: ref() is None, 5000)
        assert freed_in in ([], [threading.main_thread().name])
        assert "worker" not in freed_in
    finally:
        collector.stop()
        parent.deleteLater()


def test_nothing_is_collected_before_it_is_due() -> None:
    gc.collect()
    assert collect_if_due() is None


def test_a_due_collection_runs_at_the_generation_cpython_would_pick() -> None:
    gc.collect()
    t0 = gc.get_threshold()[0]
    junk: list[list[object]] = [[] for _ in range(t0 + 10)]
    assert collect_if_due() in (0, 1, 2)
    del junk
