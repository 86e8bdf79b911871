"""New TOML written in the house style of the scaffold and the sample bundle.

tomlkit keeps what it parsed byte for byte, but writes new values its own way
(``{ar = "x"}``, a new ``[[slides]]`` glued to the next one). Here new values are rendered
as text the way a person writes a manifest (``{ ar = "…", en = "…" }``, a blank line after
each table, lists of tables one per line) and parsed, so an edited file reads as if typed.
"""

from __future__ import annotations

from typing import Any, cast

import tomlkit
from tomlkit.items import Item, Table

__all__ = ["inline", "inline_text", "table"]

Plain = str | int | float | bool | list[Any] | dict[str, Any]
"""A Python value as it goes into a manifest: text, numbers, true/false, lists, tables."""


TABLE_LISTS = frozenset({"slides", "demos", "screens", "hotspots", "items"})
"""Lists written as arrays of tables (``[[slides]]``); other lists (bullets, options, rows)
are written inline."""


def inline_text(value: Plain, *, nested: bool = False) -> str:
    """``value`` as inline TOML text: ``{ ar = "x", en = "y" }``, ``[0.1, 0.2]``, ``"a"``.

    A list of tables is written one table a line, unless ``nested`` (inside an inline table,
    where it stays on the line)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return tomlkit.string(value).as_string()
    if isinstance(value, int | float):
        return tomlkit.item(value).as_string()
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = ", ".join(f"{_key(k)} = {inline_text(v, nested=True)}" for k, v in value.items())
        return "{ " + inner + " }"
    if isinstance(value, list):
        if value and all(isinstance(v, dict) for v in value) and not nested:
            lines = "".join(f"  {inline_text(v, nested=True)},\n" for v in value)
            return "[\n" + lines + "]"
        return "[" + ", ".join(inline_text(v, nested=True) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} in a manifest")


def _key(key: str) -> str:
    bare = key.replace("-", "").replace("_", "")
    if key and bare.isascii() and bare.isalnum():
        return key
    return tomlkit.string(key).as_string()


def inline(value: Plain) -> Item:
    """``value`` as a tomlkit item, written in the house style."""
    return cast(Item, tomlkit.parse("v = " + inline_text(value) + "\n")["v"])


def table(value: dict[str, Any], name: str = "t") -> Table:
    """``value`` as one table of an array of tables (``[[slides]]``), followed by a blank line.

    Lists of tables under :data:`TABLE_LISTS` keys (a demo's screens, a screen's hotspots or
    items) become arrays of tables too; other tables and lists are written inline. Headers are
    named when the document is written, after the array the table is put in."""
    doc = tomlkit.parse(_table_text(value, name))
    return cast(Table, doc[name][0])


def _is_table_list(key: str, value: Any) -> bool:
    return (
        key in TABLE_LISTS
        and isinstance(value, list)
        and bool(value)
        and all(isinstance(v, dict) for v in value)
    )


def _table_text(value: dict[str, Any], name: str) -> str:
    body = "".join(
        f"{_key(k)} = {inline_text(v)}\n" for k, v in value.items() if not _is_table_list(k, v)
    )
    out = f"[[{name}]]\n{body}\n"
    for k, v in value.items():
        if _is_table_list(k, v):
            out += "".join(_table_text(t, f"{name}.{k}") for t in v)
    return out
