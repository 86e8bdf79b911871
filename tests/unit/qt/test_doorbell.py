"""kiosk.qt.doorbell: a worker thread wakes the GUI thread without touching a QObject."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication

from kiosk.qt.doorbell import Doorbell
from kiosk.qt.testing import wait_until


def test_a_ring_from_a_worker_thread_is_answered_on_the_gui_thread(
    qapp: QGuiApplication,
) -> None:
    answered: list[threading.Thread] = []
    parent = QObject()  # owns the socket notifier, as the swapper or the app does
    bell = Doorbell(lambda: answered.append(threading.current_thread()), parent)
    try:
        worker = threading.Thread(target=bell.ring)
        worker.start()
        worker.join()
        assert wait_until(lambda: bool(answered))
        assert answered == [threading.main_thread()]
    finally:
        bell.close()


def test_rings_before_the_answer_are_answered_once_and_none_after_close(
    qapp: QGuiApplication,
) -> None:
    answered: list[int] = []
    parent = QObject()
    bell = Doorbell(lambda: answered.append(1), parent)
    for _ in range(5):
        bell.ring()
    assert wait_until(lambda: bool(answered))
    assert not wait_until(lambda: len(answered) > 1, 200)
    bell.close()
    bell.ring()  # a Future finishing after shutdown: no error, no answer
    assert not wait_until(lambda: len(answered) > 1, 200)
