"""Arabic paragraphs run right to left, whatever they start with.

Qt (like the Unicode bidi algorithm) gives a paragraph the direction of its first strong
letter, so an Arabic paragraph that opens with a Latin word ("Cloud ...") or an acronym ran
left to right. Qt also lays out an elided last line as a text of its own: a line of an Arabic
paragraph that happens to start with a Latin word ("Cloud) توفر…") ran left to right too.

:func:`for_display` prepares a visitor text for the screen, in its language. In a right-to-left
language, each paragraph that holds right-to-left letters gets:

* a RIGHT-TO-LEFT MARK (U+200F) at its start when its first strong letter is not Arabic;
* a RIGHT-TO-LEFT MARK before each run of words without Arabic letters that holds a Latin
  letter ("Government Cloud", "www.hukoomi.gov.qa"), so a line that starts there still runs
  right to left; the mark is strong Arabic-side on both sides of the run, so the run keeps its
  place and its own order;
* the spaces inside such a run, when it is short (:data:`JOIN_MOST`), made no-break spaces, so
  a line never starts in the middle of "Government Cloud".

Nothing is inserted inside a run, a number, an address or a direction isolate the author
wrote (U+2066 to U+2069); text without right-to-left letters, and every English text, is left
exactly as written. The marks are invisible. Qt shapes the Arabic itself: this never reshapes
or reorders letters (arabic-reshaper output must never reach Qt).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

RLM = "\u200f"
"""RIGHT-TO-LEFT MARK: an invisible strong right-to-left character."""
NBSP = "\u00a0"
RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur"})
JOIN_MOST = 40
"""A Latin run up to this many characters is kept on one line (a longer one may wrap)."""

_PARAGRAPH = "\n\u2029"
_OPEN = "\u2066\u2067\u2068"  # LRI, RLI, FSI
_CLOSE = "\u2069"  # PDI
_RTL = ("R", "AL")


@lru_cache(maxsize=8192)
def isolated(text: object) -> str:
    """``text`` set apart in a sentence of either direction (FIRST STRONG ISOLATE … POP
    DIRECTIONAL ISOLATE): a file name, a path or a number keeps its own order and place."""
    return f"\u2068{text}\u2069"


def for_display(text: str, language: str) -> str:
    """``text`` as the kiosk shows it in ``language``: see the module's docstring. Kept for
    the bundle's texts (a bundle has a few thousand): QML reads a model's texts each time a
    page is laid out, on the GUI thread, and working each out again cost ~0.4 ms a text."""
    return rtl_paragraphs(text) if language in RTL_LANGUAGES else text


def rtl_paragraphs(text: str) -> str:
    """Every paragraph of ``text`` that holds right-to-left letters runs right to left."""
    out: list[str] = []
    start = 0
    for i, c in enumerate(text):
        if c in _PARAGRAPH:
            out.append(_paragraph(text[start:i]) + c)
            start = i + 1
    out.append(_paragraph(text[start:]))
    return "".join(out)


def _kind(c: str) -> str:
    return unicodedata.bidirectional(c)


def _has_rtl(s: str) -> bool:
    return any(_kind(c) in _RTL for c in s)


def _words(paragraph: str) -> list[str]:
    """The paragraph cut at its spaces, spaces kept as their own items; a space inside a
    direction isolate does not cut."""
    parts: list[str] = []
    word: list[str] = []
    depth = 0
    for c in paragraph:
        if c in _OPEN:
            depth += 1
        elif c == _CLOSE and depth:
            depth -= 1
        if c == " " and depth == 0:
            if word:
                parts.append("".join(word))
                word = []
            parts.append(c)
        else:
            word.append(c)
    if word:
        parts.append("".join(word))
    return parts


def _first_strong(s: str) -> str | None:
    """The bidi class of the first strong letter, skipping direction isolates."""
    depth = 0
    for c in s:
        if c in _OPEN:
            depth += 1
        elif c == _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and _kind(c) in ("L", "R", "AL"):
            return _kind(c)
    return None


def _paragraph(p: str) -> str:
    if not _has_rtl(p):
        return p
    parts = _words(p)
    out: list[str] = []
    i = 0
    while i < len(parts):
        if parts[i] == " " or _has_rtl(parts[i]):
            out.append(parts[i])
            i += 1
            continue
        # a run of words without right-to-left letters (and the spaces between them)
        j = i
        while j < len(parts) and (parts[j] == " " or not _has_rtl(parts[j])):
            j += 1
        while j > i and parts[j - 1] == " ":
            j -= 1  # the spaces after the run are not part of it
        run = parts[i:j]
        words = "".join(run)
        if any(_kind(c) == "L" for c in words):
            join = NBSP if len(words) <= JOIN_MOST else " "
            out.append(RLM + "".join(join if w == " " else w for w in run))
        else:
            out.append(words)  # a number: digits order themselves
        i = j
    result = "".join(out)
    return result if _first_strong(result) in _RTL else RLM + result
