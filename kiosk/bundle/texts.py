"""What a visitor-visible text may hold, beyond its length: something visible, no
direction overrides, balanced direction isolates, no control characters.

A bidi embedding or override (U+202A to U+202E) reorders what follows it on screen: "0001"
in the file showed as "1000". Isolates (U+2066 to U+2069) are the safe way to set the
direction of a run, and are allowed where each one is closed, in its own paragraph.
"""

from __future__ import annotations

import re
import unicodedata

EMBEDDINGS = {
    "\u202a": "LEFT-TO-RIGHT EMBEDDING",
    "\u202b": "RIGHT-TO-LEFT EMBEDDING",
    "\u202c": "POP DIRECTIONAL FORMATTING",
    "\u202d": "LEFT-TO-RIGHT OVERRIDE",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE",
}
ISOLATES = "\u2066\u2067\u2068"  # LRI, RLI, FSI
PDI = "\u2069"
_PARAGRAPH = "\n\r\x1c\x1d\x1e\x85\u2029"  # where the bidi algorithm closes open isolates

_EMBEDDING = re.compile("[\u202a-\u202e]")
_ISOLATE = re.compile("[\u2066-\u2069]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURELY_VISIBLE = re.compile("[A-Za-z0-9\u0621-\u064a\u0660-\u0669]")
_HIDDEN_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp", "Mn", "Me"}
"""Controls and formats (ZWSP, ZWJ, ZWNJ, LRM, RLM, ALM, BOM...), unassigned and private
code points, spaces, separators, and combining marks with nothing to combine with."""
_HIDDEN_LETTERS = set("\u115f\u1160\u3164\uffa0\u2800\u17b4\u17b5")
"""Hangul fillers, the Braille blank, Khmer inherent vowels: letters that draw nothing."""


def visible(text: str) -> bool:
    """True if ``text`` draws something: not only spaces and invisible characters."""
    if _SURELY_VISIBLE.search(text):
        return True
    return any(
        unicodedata.category(c) not in _HIDDEN_CATEGORIES and c not in _HIDDEN_LETTERS for c in text
    )


def direction_problem(text: str) -> tuple[str, str] | None:
    """(message, fix) for bidi controls that would reorder the text on screen, else None."""
    found = _EMBEDDING.search(text)
    if found:
        c = found.group()
        return (
            f"it holds an invisible {EMBEDDINGS[c]} (U+{ord(c):04X}), which reorders the text "
            'on screen ("0001" shows as "1000")',
            "delete it (retype the text, or remove it in an editor that shows control "
            "characters); the kiosk orders Arabic and Latin text by itself",
        )
    if not _ISOLATE.search(text):
        return None
    depth = 0
    for c in text:
        if c in ISOLATES:
            depth += 1
        elif c == PDI:
            if depth == 0:
                return (
                    "it holds a POP DIRECTIONAL ISOLATE (U+2069) that closes no isolate",
                    "delete it, or put an isolate (U+2066, U+2067 or U+2068) before it",
                )
            depth -= 1
        elif c in _PARAGRAPH and depth:
            break
    if depth:
        return (
            "a direction isolate (U+2066, U+2067 or U+2068) is not closed by a POP DIRECTIONAL "
            "ISOLATE (U+2069) in the same paragraph",
            "close it with U+2069, or delete it",
        )
    return None


def control_character(text: str) -> str | None:
    """The first control character (other than tab and line breaks) in ``text``, if any."""
    found = _CONTROL.search(text)
    return found.group() if found else None
