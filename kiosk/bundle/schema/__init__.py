"""Manifest schema: TOML tables in, model objects and problems out.

The parser never raises on bad content: each problem is added to the report with
its file, field path and fix, and parsing goes on so that staff see *all*
problems at once. A ``None`` result means the part could not be built.

The parts:

- :mod:`.bundle_toml`: bundle.toml (:func:`parse_bundle`, :class:`BundleHead`)
- :mod:`.entity_toml`: entities/<id>/entity.toml and its slides (:func:`parse_entity`)
- :mod:`.demos`: an entity's demos, their screens and the flow between them

They read with :class:`kiosk.bundle.tomlreader.Reader`, within the sizes and patterns of
:mod:`kiosk.bundle.limits`; both are re-exported here under their old names.
"""

from __future__ import annotations

from ..limits import (
    COLOUR,
    LANG,
    LINE_TEXT,
    LIST_CAPS,
    LONG_TEXT,
    MAX_FAMILY,
    MAX_ID,
    MAX_PATH,
    MAX_PROBLEMS,
    MAX_URL,
    SHORT_TEXT,
    SLUG,
    TEXT_CAPS,
    VERSION,
    Cap,
    is_slug,
)
from ..tomlfile import parse_toml
from ..tomlreader import Reader, shown
from .bundle_toml import (
    ATTRACT_KEYS,
    BUNDLE_KEYS,
    FONT_KEYS,
    IDLE_KEYS,
    THEME_KEYS,
    BundleHead,
    parse_bundle,
)
from .demos import DEMO_KEYS, FIELD_INPUTS, HOTSPOT_KEYS, ITEM_KEYS, SCREEN_KEYS
from .entity_toml import ENTITY_KEYS, SLIDE_KEYS, parse_entity

__all__ = [
    "ATTRACT_KEYS",
    "BUNDLE_KEYS",
    "COLOUR",
    "DEMO_KEYS",
    "ENTITY_KEYS",
    "FIELD_INPUTS",
    "FONT_KEYS",
    "HOTSPOT_KEYS",
    "IDLE_KEYS",
    "ITEM_KEYS",
    "LANG",
    "LINE_TEXT",
    "LIST_CAPS",
    "LONG_TEXT",
    "MAX_FAMILY",
    "MAX_ID",
    "MAX_PATH",
    "MAX_PROBLEMS",
    "MAX_URL",
    "SCREEN_KEYS",
    "SHORT_TEXT",
    "SLIDE_KEYS",
    "SLUG",
    "TEXT_CAPS",
    "THEME_KEYS",
    "VERSION",
    "BundleHead",
    "Cap",
    "Reader",
    "is_slug",
    "parse_bundle",
    "parse_entity",
    "parse_toml",
    "shown",
]
