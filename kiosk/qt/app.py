"""Start the kiosk: Qt application, bundle, fonts, QML engine."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QUrl
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine

from ..bundle import Bundle, BundleError, load
from ..paths import UI_DIR


def load_fonts(bundle: Bundle) -> list[str]:
    """Load the bundle's fonts into Qt; returns the families that loaded."""
    families: list[str] = []
    for rel in bundle.fonts.files:
        font_id = QFontDatabase.addApplicationFont(str(bundle.path(rel)))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return families


def run(args: argparse.Namespace) -> int:
    try:
        bundle = load(args.bundle)
    except BundleError as exc:
        print(f"kiosk: cannot show {args.bundle}:", file=sys.stderr)
        for p in exc.report.errors:
            print(f"  {p}", file=sys.stderr)
        return 1
    app = QGuiApplication(sys.argv[:1])
    load_fonts(bundle)
    engine = QQmlApplicationEngine()
    engine.addImportPath(str(UI_DIR))
    engine.setInitialProperties(
        {
            "titleAr": bundle.title.get("ar"),
            "titleEn": bundle.title.get("en"),
            "fontArabic": bundle.fonts.arabic,
            "fontLatin": bundle.fonts.latin,
            "windowed": bool(args.windowed),
        }
    )
    engine.load(QUrl.fromLocalFile(str(UI_DIR / "Kiosk" / "Main.qml")))
    if not engine.rootObjects():
        return 1
    return app.exec()
