"""``printable``: nothing that reaches the staff's terminal can drive it."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from kiosk.terminal import printable

ATTACKS = [
    "\x1b[2J\x1b[H",  # clear the screen, cursor home
    "\x1b]52;c;ZWNobyBwd25lZA==\x07",  # OSC 52: write the clipboard
    "\x9b31m",  # C1 CSI: red text
    "\x9d0;title\x9c",  # C1 OSC ... ST
    "ok\rFAKE",  # carriage return: overwrite the line
    "abc\b\b\bxyz",  # backspace
    "bell\x07",
    "del\x7f",
    "nul\x00",
    "new\nline",
    "\u202eevil\u202c",  # right-to-left override
    "\u2066isolate\u2069\u200f\u061c",
    "file-\udcff-name",  # an undecodable byte in a file name (surrogateescape)
]


def _controls(text: str) -> list[str]:
    return [
        c
        for c in text
        if unicodedata.category(c) in ("Cc", "Cs")
        or c in "\u061c\u200e\u200f\u2028\u2029\ufeff"
        or "\u202a" <= c <= "\u202e"
        or "\u2066" <= c <= "\u2069"
    ]


def test_each_attack_is_shown_escaped() -> None:
    for attack in ATTACKS:
        shown = printable(attack)
        assert not _controls(shown), repr(shown)
        shown.encode("utf-8")  # a lone surrogate would raise here, and in print()
    assert printable("\x1b[2J") == "\\x1b[2J"
    assert printable("\u202e1000") == "\\u202e1000"
    assert printable("\x9b") == "\\x9b"


def test_arabic_and_latin_text_is_kept() -> None:
    for text in ("وزارة الداخلية", "Ministry of Interior", "moi/demo-1: 3 → 2", "ﻻ zwj\u200d"):
        assert printable(text) == text


@given(st.text(alphabet=st.characters(codec=None), max_size=60))
def test_no_control_character_survives(text: str) -> None:
    shown = printable(text)
    assert not _controls(shown)
    bad = _controls(text)
    if not bad:
        assert shown == text  # nothing else is touched
    else:
        assert shown.count("\\x") + shown.count("\\u") >= len(bad)
