"""The short lists inside a thing: a text slide's bullets, a choice's options, a list item's
rows. Which list a thing has, a new empty entry for it, and the validator's limits on its
size (:mod:`kiosk.bundle.limits`), so that an editor refuses what the kiosk would.

Pure Python (never imports Qt); every change is an authoring command (one undo step)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..bundle.limits import LIST_CAPS, LIST_MINIMUMS, TEXT_SLIDE_NEEDS
from ..bundle.problems import Problem
from .commands import InsertItem, MoveItem, RemoveItem
from .fields import FieldPath, format_path, lookup

if TYPE_CHECKING:
    from .document import Project

__all__ = [
    "LIST_KEYS",
    "add_entry",
    "entries",
    "entry_texts",
    "list_key",
    "move_entry",
    "removal_refused",
    "remove_entry",
    "room_left",
]

LIST_KEYS = ("bullets", "options", "rows")


def list_key(table: Any) -> str | None:
    """The list a slide or form item has: ``bullets`` (a text slide), ``options`` (a choice),
    ``rows`` (a list item); None for anything else."""
    if not isinstance(table, dict):
        return None
    if table.get("kind") == "text":
        return "bullets"
    return {"choice": "options", "list": "rows"}.get(str(table.get("type", "")))


def entries(project: Project, file: str, path: FieldPath) -> list[Any]:
    """The entries of the list at ``path`` (``slides[0].bullets``); [] when it is absent."""
    value = lookup(project.document(file), path)
    return list(value) if isinstance(value, list) else []


def entry_texts(path: FieldPath, index: int) -> list[tuple[FieldPath, bool]]:
    """The visitor texts of entry ``index``: a bullet or option is one text, a row two."""
    entry: FieldPath = (*path, index)
    if path[-1] == "rows":
        return [((*entry, "label"), True), ((*entry, "value"), True)]
    return [(entry, True)]


def room_left(project: Project, file: str, path: FieldPath) -> int:
    """How many more entries the validator accepts (0: Add is refused)."""
    return max(0, LIST_CAPS[str(path[-1])].most - len(entries(project, file, path)))


def add_entry(project: Project, file: str, path: FieldPath) -> InsertItem:
    """A new entry at the end, its texts empty in every language (a translation gap)."""
    empty = {lang: "" for lang in project.languages}
    value: dict[str, Any] = {"label": empty, "value": dict(empty)} if path[-1] == "rows" else empty
    return InsertItem(file, path, value)


def removal_refused(project: Project, file: str, path: FieldPath) -> Problem | None:
    """The validator's problem if one entry fewer would be refused, else None: a choice
    keeps two options, a list one row, a text slide with no body one bullet."""
    left = len(entries(project, file, path)) - 1
    where = format_path(path)
    key = str(path[-1])
    least = LIST_MINIMUMS.get(key)
    if least is not None and left < least.least:
        return Problem(file, where, least.message, least.fix, code="missing")
    if key == "bullets" and left < TEXT_SLIDE_NEEDS.least:
        body = lookup(project.document(file), (*path[:-1], "body"))
        if not (isinstance(body, dict) and any(str(v).strip() for v in body.values())):
            slide = format_path(path[:-1])
            return Problem(
                file, slide, TEXT_SLIDE_NEEDS.message, TEXT_SLIDE_NEEDS.fix, code="missing"
            )
    return None


def remove_entry(file: str, path: FieldPath, index: int) -> RemoveItem:
    """Remove entry ``index`` (ask :func:`removal_refused` first)."""
    return RemoveItem(file, path, index)


def move_entry(file: str, path: FieldPath, index: int, step: int) -> MoveItem:
    """Move entry ``index`` one place up (``step`` -1) or down (+1)."""
    return MoveItem(file, path, index, index + step)
