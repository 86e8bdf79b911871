"""Shared test set-up: headless Qt, and a QGuiApplication (the kiosk uses no widgets)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# As in the kiosk: the on-screen keyboard is the input method (read when the app starts).
os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QGuiApplication


@pytest.fixture(scope="session")
def qapp_cls() -> type[QGuiApplication]:
    return QGuiApplication


@pytest.fixture(scope="session", autouse=True)
def _close_background_loop() -> Iterator[None]:
    """The kiosk's asyncio loop (kiosk.qt.aio) lives as long as the test process, as it does in
    the kiosk; closing it at the end waits for worker threads that are still running."""
    yield
    from kiosk.qt import aio

    aio.close_loop()
