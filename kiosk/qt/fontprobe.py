"""Child process: load font files with Qt and check that a sample text draws ink.

``python -m kiosk.qt.fontprobe FILE TEXT [FILE TEXT ...]`` prints one JSON line mapping
each FILE to ``{"error", "families", "missing", "blank"}``: ``error`` is why Qt cannot load
the file (or null), ``families`` the family names Qt registers for it, ``missing`` the
characters of TEXT the font has no glyph for, and ``blank`` those whose glyph draws
nothing. An empty TEXT only loads the file.

It is a child so that candidate fonts never enter the running kiosk's font database (a
hostile file could take over the family the UI uses, or crash the process), and so that
the GUI thread and the admin worker never touch Qt's font machinery for a check.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

PIXEL_SIZE = 48


def probe(path: str, text: str) -> dict[str, Any]:
    from PySide6.QtGui import QFontDatabase, QRawFont

    found: dict[str, Any] = {"error": None, "families": [], "missing": "", "blank": ""}
    font_id = QFontDatabase.addApplicationFont(path)
    if font_id < 0:
        found["error"] = "Qt cannot load this font file"
        return found
    found["families"] = QFontDatabase.applicationFontFamilies(font_id)
    raw = QRawFont(path, PIXEL_SIZE)
    if not raw.isValid():
        found["error"] = "Qt cannot read this font's outlines"
        return found
    missing: list[str] = []
    blank: list[str] = []
    for ch in dict.fromkeys(c for c in text if not c.isspace()):
        glyphs = raw.glyphIndexesForString(ch)
        if not glyphs or glyphs[0] == 0:  # glyph 0 is .notdef: the font lacks it
            missing.append(ch)
            continue
        image = raw.alphaMapForGlyph(glyphs[0], QRawFont.AntialiasingType.PixelAntialiasing)
        if image.isNull() or not any(bytes(image.constBits())):
            blank.append(ch)
    found["missing"] = "".join(missing)
    found["blank"] = "".join(blank)
    return found


def main(argv: list[str]) -> int:
    if len(argv) % 2:
        print("usage: python -m kiosk.qt.fontprobe FILE TEXT [FILE TEXT ...]", file=sys.stderr)
        return 2
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no window is needed, nor a display
    from PySide6.QtGui import QGuiApplication

    QGuiApplication(["fontprobe"])
    pairs = list(zip(argv[::2], argv[1::2], strict=True))
    print(json.dumps({path: probe(path, text) for path, text in pairs}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
