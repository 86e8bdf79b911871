"""Shared test set-up: headless Qt, and a QGuiApplication (the kiosk uses no widgets)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# As in the kiosk: the on-screen keyboard is the input method (read when the app starts).
os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")

import pytest
from PySide6.QtGui import QGuiApplication


@pytest.fixture(scope="session")
def qapp_cls() -> type[QGuiApplication]:
    return QGuiApplication
