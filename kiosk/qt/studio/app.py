"""Start the Studio: a QApplication, the asyncio loop of :mod:`kiosk.qt.aio`, the window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

__all__ = ["run"]


def run(path: Path | None = None, lang: str | None = None) -> int:
    """Open the Studio (on ``path``, a bundle folder or .zip, when given) until it is closed."""
    if path is not None and not path.exists():
        print(
            f"kiosk studio: {path}: no such folder or file. Fix: give a bundle folder (the one "
            "with bundle.toml) or a bundle .zip, or run 'kiosk studio' alone and choose one",
            file=sys.stderr,
        )
        return 2
    from PySide6.QtCore import QLocale, QSettings
    from PySide6.QtWidgets import QApplication

    from .. import aio
    from .window import StudioWindow

    if os.environ.get("QT_IM_MODULE", "").startswith("qtvirtualkeyboard"):
        del os.environ["QT_IM_MODULE"]  # the kiosk's on-screen keyboard: staff have a real one
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Kiosk Studio")
    app.setOrganizationName("Qatar Pavilion")
    aio.event_loop()
    settings = QSettings("Qatar Pavilion", "Kiosk Studio")
    chosen = lang or str(settings.value("language", "") or "")
    if chosen not in ("ar", "en"):
        chosen = "ar" if QLocale.system().language() == QLocale.Language.Arabic else "en"
    window = StudioWindow(settings, chosen, owns_application=True)
    window.show()
    if path is not None and not window.open_path(path):
        window.close()
        return 1
    try:
        status = app.exec()
    finally:
        aio.close_loop()
    return int(status)
