"""kiosk.qt.app: a full-screen kiosk keeps the shape of its screen."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickWindow

from kiosk.qt.app import follow_screen
from kiosk.qt.testing import settle, wait_until


def test_a_turned_screen_turns_the_window(qapp: QGuiApplication) -> None:
    window = QQuickWindow()
    try:
        window.setGeometry(QRect(0, 0, 1920, 1080))
        window.show()
        # (offscreen, a full-screen window keeps the fixed size of Qt's pretend screen)
        follow_screen(window, full_screen=False)
        # the compositor turns the screen into a portrait totem
        window.screen().geometryChanged.emit(QRect(0, 0, 1080, 1920))
        assert wait_until(lambda: (window.width(), window.height()) == (1080, 1920), 2000)
    finally:
        window.close()
        window.deleteLater()
        settle(20)


def test_a_closed_kiosk_does_not_follow_the_screen(qapp: QGuiApplication) -> None:
    # an earlier kiosk's window is gone; the screen (which outlives it) changes after
    window = QQuickWindow()
    window.setGeometry(QRect(0, 0, 1920, 1080))
    window.show()
    follow_screen(window, full_screen=False)
    window.close()
    window.deleteLater()
    settle(20)
    screen = QGuiApplication.primaryScreen()
    # (pytest-qt fails the test on an exception raised in a slot: "already deleted")
    screen.geometryChanged.emit(screen.geometry())
    settle(20)
