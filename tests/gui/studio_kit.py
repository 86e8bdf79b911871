"""What the Studio's tests do as staff do: type, wait for the check, drop files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.authoring import Node
from kiosk.qt.studio.window import StudioWindow


def type_in(widget: QWidget, text: str) -> None:
    """Type ``text`` key by key into ``widget``, as a keyboard does (QTest's keyClicks knows
    only ASCII, and hangs on Arabic). Focus is not moved: the suite's input method is the
    kiosk's on-screen keyboard, which a focused field would summon."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def checked(qtbot: QtBot, window: StudioWindow, timeout: int = 5000) -> None:
    """Wait for the background check of the current state to be shown."""
    qtbot.waitUntil(
        lambda: (
            window.report is not None
            and not window._check_timer.isActive()
            and (window._task is None or window._task.done())
        ),
        timeout=timeout,
    )


def drop(qtbot: QtBot, window: StudioWindow, node: Node, files: list[Path]) -> None:
    """Files dragged from the file manager and dropped on ``node`` in the outline; waits
    until they are in."""
    item = window._items[node]
    window.tree.scrollToItem(item)
    pos = QPointF(window.tree.visualItemRect(item).center())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    viewport = window.tree.viewport()
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    event = QDropEvent(pos, Qt.DropAction.CopyAction, mime, buttons, keys)
    with qtbot.waitSignal(window.media_drop.finished, timeout=15000):
        QApplication.sendEvent(viewport, event)
    assert event.isAccepted()
