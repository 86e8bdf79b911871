"""Shared test set-up: headless Qt, and a QGuiApplication (the kiosk uses no widgets; a
QApplication when Kiosk Studio's tests run)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# As in the kiosk: the on-screen keyboard is the input method (read when the app starts).
os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QGuiApplication

WIDGET_TESTS = ("test_studio",)
"""Test modules that need a QApplication (Kiosk Studio is a Qt Widgets app)."""


@pytest.fixture(scope="session")
def qapp_cls(request: pytest.FixtureRequest) -> type[QGuiApplication]:
    """The kiosk needs only a QGuiApplication; one application serves the whole session, so
    when Studio tests are collected it is a QApplication (a subclass) for every test."""
    items = getattr(request.session, "items", [])
    if any(item.path.stem.startswith(WIDGET_TESTS) for item in items):
        from PySide6.QtWidgets import QApplication

        return QApplication
    return QGuiApplication


@pytest.fixture(scope="session", autouse=True)
def _one_application(qapp: QGuiApplication) -> QGuiApplication:
    """The application is made before any test runs, so that none makes its own of another
    class first (with the tests spread over workers, any test may be a worker's first)."""
    return qapp


@pytest.fixture(scope="session", autouse=True)
def _close_background_loop() -> Iterator[None]:
    """The kiosk's asyncio loop (kiosk.qt.aio) lives as long as the test process, as it does in
    the kiosk; closing it at the end waits for worker threads that are still running."""
    yield
    from kiosk.qt import aio

    aio.close_loop()


@pytest.fixture(autouse=True)
def _collect_garbage_on_the_gui_thread() -> Iterator[None]:
    """Python's cyclic collector runs in whichever thread allocates; a QObject caught in a
    cycle must not be deleted from a worker thread (the event writer, a qasync worker). As
    in the kiosk (kiosk.qt.collector), collection happens on the GUI thread only."""
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.collect()
        if enabled:
            gc.enable()
