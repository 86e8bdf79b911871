"""Field paths: where a value lives inside a manifest, as the validator names it.

A path is a tuple of keys and list indexes, ``("slides", 2, "caption", "en")``; written out it is
``slides[2].caption.en``, the very string a :class:`kiosk.bundle.Problem` carries in ``field``.
:func:`lookup` and :func:`container_of` walk a tomlkit document along a path without raising on
a missing part, so commands and the outline address values by path, never by object (a document
may be replaced by an undo).
"""

from __future__ import annotations

import re
from typing import Any

from ..bundle.validate import ENTITY_MANIFEST, MANIFEST

__all__ = [
    "BUNDLE_FILE",
    "FieldPath",
    "container_of",
    "entity_file",
    "entity_of",
    "format_path",
    "lookup",
    "parse_path",
]

FieldPath = tuple[str | int, ...]
"""Keys (str) and list indexes (int), from the top of a manifest."""

BUNDLE_FILE = MANIFEST
"""``bundle.toml``: the bundle manifest, relative to the bundle folder."""

_PART = re.compile(r"([^.\[\]]+)|\[([0-9]+)\]")


def entity_file(entity_id: str) -> str:
    """``entities/<id>/entity.toml``: an entity's manifest, relative to the bundle folder."""
    return f"entities/{entity_id}/{ENTITY_MANIFEST}"


def entity_of(file: str) -> str | None:
    """The entity id of an entity manifest's file name, else None."""
    parts = file.split("/")
    if len(parts) == 3 and parts[0] == "entities" and parts[2] == ENTITY_MANIFEST:
        return parts[1]
    return None


def format_path(path: FieldPath) -> str:
    """``("slides", 2, "caption", "en")`` → ``"slides[2].caption.en"``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def parse_path(text: str) -> FieldPath:
    """``"slides[2].caption.en"`` → ``("slides", 2, "caption", "en")``; ``""`` → ``()``."""
    out: list[str | int] = []
    for match in _PART.finditer(text):
        key, index = match.groups()
        out.append(int(index) if index is not None else key)
    return tuple(out)


def lookup(doc: Any, path: FieldPath) -> Any | None:
    """The value at ``path`` in ``doc`` (a tomlkit document or any nested dicts and lists), or
    None when a part of the path is missing or of the wrong kind."""
    node = doc
    for part in path:
        if isinstance(part, int):
            if not isinstance(node, list) or not 0 <= part < len(node):
                return None
            node = node[part]
        else:
            if not isinstance(node, dict) or part not in node:
                return None
            node = node[part]
    return node


def container_of(doc: Any, path: FieldPath) -> tuple[Any, str | int]:
    """The table or list that holds the last part of ``path``, and that part.

    Raises KeyError when the container itself is missing (the last part need not exist)."""
    if not path:
        raise KeyError("the empty path has no container")
    parent = lookup(doc, path[:-1]) if len(path) > 1 else doc
    key = path[-1]
    if isinstance(key, int) and not isinstance(parent, list):
        raise KeyError(format_path(path[:-1]) or "(top)")
    if isinstance(key, str) and not isinstance(parent, dict):
        raise KeyError(format_path(path[:-1]) or "(top)")
    return parent, key
