"""The bundle format's patterns and sizes: ids, colours, versions, and how long each list and
text may be. docs/bundle-format.md lists them for staff."""

from __future__ import annotations

import re
from typing import NamedTuple

# Matched with fullmatch() only: "$" also matches before a final newline, and "\d" matches
# Arabic-Indic and other non-ASCII digits. Every class is spelt out in ASCII, and bounded.
MAX_ID = 40
SLUG = re.compile(rf"(?=[a-z0-9-]{{1,{MAX_ID}}}\Z)[a-z0-9]+(?:-[a-z0-9]+)*", re.ASCII)
COLOUR = re.compile(r"#[0-9A-Fa-f]{6}", re.ASCII)
VERSION = re.compile(r"[0-9]{1,9}(?:\.[0-9]{1,9}){0,3}", re.ASCII)
"""Up to four numbers of at most nine ASCII digits each: "1.2.0"."""
LANG = re.compile(r"[a-z]{2,3}", re.ASCII)
MAX_URL = 300
MAX_PATH = 255
MAX_FAMILY = 100


class Cap(NamedTuple):
    """A size: ``warn`` and above is a warning, above ``most`` an error."""

    warn: int
    most: int


# Sizes: generous for a real pavilion (the sample has 6 entities of 3 to 5 slides), and small
# enough that a bundle cannot stall the kiosk (100,000 slides froze it for 105 s and took 5.9 GB;
# a 10 MB caption froze it for 12 s). docs/bundle-format.md lists them.
LIST_CAPS: dict[str, Cap] = {
    "entities": Cap(50, 200),
    "slides": Cap(125, 500),
    "demos": Cap(12, 50),
    "screens": Cap(25, 100),
    "hotspots": Cap(12, 50),
    "items": Cap(25, 100),
    "bullets": Cap(12, 50),
    "options": Cap(12, 50),
    "rows": Cap(25, 100),
    "languages": Cap(10, 10),
    "files": Cap(20, 40),
    "hours": Cap(50, 200),
    "daypart": Cap(100, 200),
    "interrupt": Cap(50, 200),
}
"""Most entries in each list, by its key (``files`` is ``fonts.files``; ``hours``, ``daypart``
and ``interrupt`` are the ``[schedule]``'s)."""


class Least(NamedTuple):
    """The fewest entries a list may have, and what the validator says when it has fewer."""

    least: int
    message: str
    fix: str


LIST_MINIMUMS: dict[str, Least] = {
    "options": Least(
        2, "a choice needs at least two options", "add options the visitor can pick from"
    ),
    "rows": Least(1, "the list has no rows", "add rows with label and value"),
}
"""The fewest options of a choice and rows of a list (the Studio refuses to remove more)."""
TEXT_SLIDE_NEEDS = Least(
    1, "a text slide needs a body or bullets", "add body = { ... } or a bullets list"
)
"""A text slide with no body needs at least one bullet."""
SHORT_TEXT = Cap(100, 200)
"""Titles, names, labels, placeholders, options, form headers."""
LINE_TEXT = Cap(250, 1000)
"""Captions, bullets, hints, list-row values, the bundle's subtitle."""
LONG_TEXT = Cap(1000, 4000)
"""Descriptions, slide bodies, demo summaries, form paragraphs."""
TEXT_CAPS: dict[str, Cap] = {
    "description": LONG_TEXT,
    "body": LONG_TEXT,
    "summary": LONG_TEXT,
    "caption": LINE_TEXT,
    "hint": LINE_TEXT,
    "value": LINE_TEXT,
    "subtitle": LINE_TEXT,
}
"""Text size by key; SHORT_TEXT for any other."""
NUMBERS: dict[str, tuple[float, float]] = {
    "duration": (2, 600),
    "attract.slide_seconds": (2, 120),
    "idle.timeout": (10, 3600),
    "idle.video_timeout": (10, 7200),
    "idle.countdown": (3, 120),
}
"""The range of each number, by its field (a slide's ``duration``, ``idle.timeout``): a value
outside is an error. The Studio's spin boxes use the same ranges."""
MAX_PROBLEMS = 200
"""Problems listed per file; a file with more gets one last problem saying so."""


def is_slug(value: str) -> bool:
    """A bundle id: lower-case ASCII letters and digits in words joined by single hyphens,
    at most :data:`MAX_ID` characters, with nothing after it (not even a newline)."""
    return SLUG.fullmatch(value) is not None
