"""The staff report: one self-contained HTML file with charts drawn as inline SVG.

Pure Python; never imports PySide6. ``render_report(conn, bundle, "ar" | "en", Filter(...))``
returns the whole page as a string. The page needs nothing outside itself: no network, no
scripts; the demo screenshots and the bundle's OFL fonts are embedded as ``data:`` URIs.

Arabic is written as plain logical text: the browser shapes it and applies the bidi
algorithm (never use arabic_reshaper/python-bidi here). In Arabic the page is
``dir="rtl"`` and every chart is mirrored: bars grow from the right and time runs
right to left. Numbers and Latin ids inside Arabic text are isolated (``<bdi>`` in
HTML, U+2068/U+2069 in SVG text).

The parts, in reading order:

- :mod:`.words`: the colours, every word in both languages, and ``Ctx`` (the page's language)
- :mod:`.svg`: text width and wrapping, the bar chart and the sessions-per-hour chart
- :mod:`.embed`: screenshots and fonts as ``data:`` URIs
- :mod:`.sections`: key figures, entities, demos, visitors
- :mod:`.heatmap`: tap heat maps over the demo screenshots
- :mod:`.page`: the style sheet and :func:`render_report`, which puts the page together
"""

from __future__ import annotations

from .embed import data_uri, font_faces, font_info
from .heatmap import MAX_DOTS, heat_map_svg
from .page import render_report
from .svg import hbar_chart, hours_chart, text_width, wrap
from .words import (
    GREEN,
    GREY,
    GRID,
    HIT,
    MAROON,
    MISS,
    MUTED,
    RED,
    SURFACE,
    TEAL,
    TEXT,
    Lang,
    esc,
)

__all__ = [
    "GREEN",
    "GREY",
    "GRID",
    "HIT",
    "MAROON",
    "MAX_DOTS",
    "MISS",
    "MUTED",
    "RED",
    "SURFACE",
    "TEAL",
    "TEXT",
    "Lang",
    "data_uri",
    "esc",
    "font_faces",
    "font_info",
    "hbar_chart",
    "heat_map_svg",
    "hours_chart",
    "render_report",
    "text_width",
    "wrap",
]
