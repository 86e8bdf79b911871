"""Text for a terminal: control characters made visible, so that no name can drive it.

A zip entry name, a file name on a USB stick or a string in a merged database can hold
ESC sequences (clear the screen, rewrite a line, OSC 52: write the clipboard), C1
controls, BEL, backspace, a carriage return, or bidi overrides that reorder what staff
read. :func:`printable` shows each as a visible escape (``\\x1b``, ``\\u202e``) and keeps
every other character, Arabic and Latin alike. Pure Python; never imports PySide6.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(
    "["
    "\x00-\x1f\x7f"  # C0 controls (tab, newline, carriage return, ESC, BEL...) and DEL
    "\x80-\x9f"  # C1 controls (CSI, OSC, ...)
    "\u061c\u200e\u200f"  # Arabic letter mark, left-to-right and right-to-left marks
    "\u2028\u2029"  # line and paragraph separators
    "\u202a-\u202e"  # bidi embeddings and overrides
    "\u2066-\u2069"  # bidi isolates
    "\ufeff"  # byte-order mark / zero-width no-break space
    "\ud800-\udfff"  # lone surrogates (undecodable bytes in file names): not printable
    "]"
)


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object) -> str:
    """``text`` (``str()`` of it) with every control character shown as an escape."""
    s = str(text)
    return _CONTROL.sub(_escape, s)
