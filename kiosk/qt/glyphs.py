"""Fonts checked the way the kiosk draws them, in a child process (:mod:`kiosk.qt.fontprobe`).

:func:`probe_fonts` loads font files and draws sample texts in a bounded child process;
:func:`check_glyphs` is the :class:`kiosk.bundle.media.GlyphCheck` that validation, the
installs and the hot-swap health check use: a font whose glyphs are empty (the English UI
went blank with one) or missing for its role's script is refused, naming the file.
Nothing here touches a QObject, so it runs in any thread.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..bundle import Bundle, BundleError
from ..bundle.validate import check_bundle_glyphs

FONT_TIMEOUT_S = 20.0
"""The child's time for starting Qt, plus ``PER_FONT_S`` for each font."""
PER_FONT_S = 5.0


@dataclass(frozen=True)
class FontProbe:
    error: str | None = None
    families: tuple[str, ...] = ()
    missing: str = ""
    blank: str = ""


def _run(samples: Sequence[tuple[Path, str]]) -> dict[Path, FontProbe]:
    args = [a for path, text in samples for a in (str(path), text)]
    cmd = [sys.executable, "-m", "kiosk.qt.fontprobe", *args]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES="*=false")
    out = subprocess.run(
        cmd,
        capture_output=True,
        text=True,
        env=env,
        timeout=FONT_TIMEOUT_S + PER_FONT_S * len(samples),
    )
    raw = json.loads(out.stdout.strip().splitlines()[-1])
    found: dict[Path, FontProbe] = {}
    for path, _text in samples:
        r = raw[str(path)]
        found[path] = FontProbe(
            r["error"], tuple(map(str, r["families"])), str(r["missing"]), str(r["blank"])
        )
    return found


def probe_fonts(samples: Sequence[tuple[Path, str]]) -> dict[Path, FontProbe]:
    """Load each font and draw its sample text (``""``: only load it), in a child process.

    When the child crashes or hangs, each font is tried alone, so that the one at fault
    is named and the others are still checked.
    """
    merged: dict[Path, str] = {}
    for path, text in samples:
        merged[path] = merged.get(path, "") + text
    pairs = list(merged.items())
    if not pairs:
        return {}
    try:
        return _run(pairs)
    except (subprocess.TimeoutExpired, ValueError, IndexError, KeyError, TypeError, OSError):
        if len(pairs) == 1:
            return {pairs[0][0]: FontProbe("the font check stopped on this file (crash or hang)")}
    found: dict[Path, FontProbe] = {}
    for pair in pairs:
        found.update(probe_fonts([pair]))
    return found


def _chars(text: str) -> str:
    return ", ".join(repr(c) for c in text[:8]) + (" …" if len(text) > 8 else "")


def check_glyphs(samples: list[tuple[Path, str]]) -> dict[Path, str]:
    """A message for each font file that does not draw its sample text visibly."""
    problems: dict[Path, str] = {}
    for path, found in probe_fonts(samples).items():
        if found.error:
            problems[path] = found.error
        elif found.blank:
            problems[path] = (
                f"its glyphs for {_chars(found.blank)} are empty: text in it is invisible"
            )
        elif found.missing:
            problems[path] = f"it has no glyphs for {_chars(found.missing)}"
    return problems


def glyph_checked(loader: Callable[[Path], Bundle]) -> Callable[[Path], Bundle]:
    """``loader``, followed by the glyph check of the bundle's fonts (for the hot swap's worker)."""

    def load(path: Path) -> Bundle:
        bundle = loader(path)
        report = check_bundle_glyphs(bundle, check_glyphs)
        if not report.ok:
            raise BundleError(report)
        return bundle

    return load
