"""Qt's own messages in the kiosk's log (:mod:`kiosk.logs`): ``LEVEL qt: category: message``.

A Qt message keeps its logging category (``qt.multimedia.ffmpeg``, ``qml``, ``qt.qpa.wayland``
...), so a reader knows which part of Qt spoke; ``default`` (a plain ``qWarning``) is left out.
QML's warnings come with their file and line, as Qt wrote them.

Installed by ``kiosk run`` only: the GUI tests keep pytest-qt's handler, which fails a test on
any Qt warning. FFmpeg's stream dumps ("Input #0, mov,mp4...") never come through here: the
FFmpeg backend prints them straight to stderr when ``qt.multimedia.ffmpeg.mediadataholder``
has info on, which :data:`kiosk.qt.app.QUIET_CATEGORIES` turns off.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

_log = logging.getLogger("qt")
_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def qt_line(category: str | None, message: str) -> str:
    """``category: message`` (the message alone for Qt's ``default`` category)."""
    if not category or category == "default":
        return message
    return f"{category}: {message}"


def _handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    _log.log(_LEVELS.get(mode, logging.WARNING), "%s", qt_line(context.category, message))


def install() -> None:
    """Route Qt's messages into Python's logging (one line each, with the category).

    Qt's own category rules (``QT_LOGGING_RULES``, :data:`kiosk.qt.app.QUIET_CATEGORIES`)
    decide which of its messages come at all, so none is dropped here for its level: a
    category someone switched on for debugging (``qt.gui.shortcutmap.debug=true``) shows."""
    _log.setLevel(logging.DEBUG)
    qInstallMessageHandler(_handler)


def uninstall() -> None:
    qInstallMessageHandler(None)
