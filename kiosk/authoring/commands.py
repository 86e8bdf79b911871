"""Edit commands: small objects that change a project's documents and can undo it.

Each command has ``do(project)`` and ``undo(project)`` and a :class:`~.labels.Label` for the
undo menu. Commands address values by file and field path (:mod:`.fields`) and never hold
tomlkit objects from one call to the next, so any undo may replace a whole document.

Undo is byte-exact: a command that changes a value in place puts the old tomlkit item back
(its comment and spacing with it); any other restores the text each touched file had before.
Commands never touch Qt; :mod:`.history` (or a QUndoStack wrapping them) runs them.
"""

from __future__ import annotations

import copy
import re
from abc import ABC, abstractmethod
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import tomlkit
from tomlkit.items import AoT, Item

from . import style
from .fields import FieldPath, container_of, format_path, lookup
from .geometry import rect_from_pixels
from .labels import Label, field_name, language_name, thing_name
from .style import TABLE_LISTS, Plain

if TYPE_CHECKING:
    from .document import Project

__all__ = [
    "TABLE_LISTS",
    "Command",
    "DuplicateItem",
    "InsertItem",
    "MoveItem",
    "RemoveItem",
    "SetHotspotRect",
    "SetText",
    "SetValue",
    "SnapshotCommand",
    "unique_id",
]


_SUFFIX = re.compile(r"-[0-9]+\Z")


class Command(ABC):
    """One undoable edit."""

    label: Label
    """What the undo menu says ("Undo: Edit the English caption")."""

    merge_key: tuple[Any, ...] | None = None
    """Two commands in a row with the same key may become one step (typing in one field)."""

    files: tuple[str, ...] = ()
    """The files the command changes."""

    @abstractmethod
    def do(self, project: Project) -> None:
        """Apply the edit (also used to redo it)."""

    @abstractmethod
    def undo(self, project: Project) -> None:
        """Give back the documents exactly as they were before :meth:`do`."""

    def merge(self, other: Command) -> bool:
        """Absorb ``other``, which was just done after this one; False when it cannot."""
        return False


class SnapshotCommand(Command):
    """A command that undoes by restoring the text of each touched file.

    Subclasses set :attr:`files` and implement :meth:`apply`."""

    def __init__(self) -> None:
        self._before: dict[str, str | None] = {}
        self._state: dict[str, Any] = {}

    @abstractmethod
    def apply(self, project: Project) -> None:
        """Change the documents; raise (before changing anything) when the edit is impossible."""

    def do(self, project: Project) -> None:
        self._before = {f: project.text(f) if f in project.docs else None for f in self.files}
        self._state = project.snapshot()
        self.apply(project)
        project.touched(*self.files)

    def undo(self, project: Project) -> None:
        for file, text in self._before.items():
            project.put_text(file, text)
        project.restore_snapshot(self._state)
        project.touched(*self.files)


class _InPlace(Command):
    """Replace one value; undo puts the old item back (fast, for typing), or restores the
    file's text when the key did not exist before."""

    def __init__(self, file: str, path: FieldPath) -> None:
        self.file = file
        self.path = path
        self.files = (file,)
        self._old: Item | None = None
        self._before: str | None = None

    def _set(self, project: Project, value: Plain | None) -> None:
        doc = project.document(self.file)
        self._old = None
        self._before = None
        try:
            parent, key = container_of(doc, self.path)
        except KeyError:
            parent, key = None, self.path[-1]
        if (
            isinstance(parent, dict)
            and isinstance(key, str)
            and key in parent
            and value is not None
        ):
            self._old = parent[key]
            parent[key] = value
        else:
            self._before = project.text(self.file)
            self._create(project, value)
        project.touched(self.file)

    def _create(self, project: Project, value: Plain | None) -> None:
        """Set a value whose key (or whose table) does not exist yet, or delete it (None)."""
        doc = project.document(self.file)
        parent = lookup(doc, self.path[:-1]) if len(self.path) > 1 else doc
        key = self.path[-1]
        if value is None:
            if isinstance(parent, dict) and isinstance(key, str) and key in parent:
                del parent[key]
            return
        if not isinstance(parent, dict) or not isinstance(key, str):
            raise KeyError(f"{self.file}: no table at {format_path(self.path[:-1])}")
        parent[key] = style.inline(value)

    def _undoes(self, later: _InPlace) -> bool:
        """Whether this step's undo also undoes ``later`` (done just after it, on the same
        field), so that the two may be one step: yes when this one restores the file's text,
        or when ``later`` only replaced the value in place. Not when this one replaced a
        value in place and ``later`` removed the key (or made it): putting the old item back
        would then miss its place, and undo would lose the field."""
        return self._before is not None or later._before is None

    def undo(self, project: Project) -> None:
        if self._before is not None:
            project.put_text(self.file, self._before)
        else:
            parent, key = container_of(project.document(self.file), self.path)
            parent[key] = self._old
        project.touched(self.file)


class SetText(_InPlace):
    """Set one language of a visitor text (``slides[2].caption``, ``en``).

    ``path`` is the text's table; it is created (inline) when missing. An empty value is
    kept as written (the validator and :func:`~.gaps.translation_gaps` report it)."""

    def __init__(self, file: str, path: FieldPath, lang: str, value: str) -> None:
        super().__init__(file, (*path, lang))
        self.text_path = path
        self.lang = lang
        self.value = value
        self.merge_key = ("text", file, self.path)
        name, language = field_name(path), language_name(lang)
        self.label = Label(f"تعديل {name.ar} ({language.ar})", f"Edit the {language.en} {name.en}")

    def do(self, project: Project) -> None:
        self._set(project, self.value)

    def _create(self, project: Project, value: Plain | None) -> None:
        doc = project.document(self.file)
        table = lookup(doc, self.text_path)
        if table is None:
            parent, key = container_of(doc, self.text_path)
            if not isinstance(key, str):
                raise KeyError(f"{self.file}: {format_path(self.text_path)} is not a text")
            texts = {lang: "" for lang in project.languages}
            parent[key] = style.inline({**texts, self.lang: str(value)})
            return
        if not isinstance(table, dict):
            raise TypeError(f"{self.file}: {format_path(self.text_path)} is not a text table")
        table[self.lang] = str(value)

    def merge(self, other: Command) -> bool:
        if isinstance(other, SetText) and other.merge_key == self.merge_key and self._undoes(other):
            self.value = other.value
            return True
        return False


class SetValue(_InPlace):
    """Set a value that is not a visitor text: a colour, a duration, a kind, a path, a
    target, ``attract``… ``None`` removes the key (an optional field back to its default)."""

    def __init__(self, file: str, path: FieldPath, value: Plain | None) -> None:
        super().__init__(file, path)
        self.value = value
        self.merge_key = ("value", file, path)
        name = field_name(path)
        self.label = Label(f"تغيير {name.ar}", f"Change the {name.en}")

    def do(self, project: Project) -> None:
        self._set(project, self.value)

    def merge(self, other: Command) -> bool:
        if (
            isinstance(other, SetValue)
            and other.merge_key == self.merge_key
            and self._undoes(other)
            # a removal then a value: done apart, the value goes to the end of its table; one
            # merged step would put it back where the removed one was, and redo would differ
            and not (self.value is None and other.value is not None)
        ):
            self.value = other.value
            return True
        return False


class SetHotspotRect(SetValue):
    """Set a hotspot's ``rect`` from a drag on the screenshot, in its pixels.

    ``path`` is the hotspot (``demos[0].screens[1].hotspots[0]``); ``size`` is the
    screenshot's upright size in pixels. The fractions are computed
    (:func:`~.geometry.rect_from_pixels`), never typed."""

    def __init__(
        self,
        file: str,
        path: FieldPath,
        corner: tuple[float, float],
        other: tuple[float, float],
        size: tuple[int, int],
    ) -> None:
        super().__init__(file, (*path, "rect"), rect_from_pixels(corner, other, size))
        self.label = Label("رسم نقطة اللمس", "Draw the hotspot")


def _list_key(path: FieldPath) -> str:
    return next((p for p in reversed(path) if isinstance(p, str)), "")


def unique_id(base: str, taken: Iterable[str]) -> str:
    """``base``, or ``base-2``, ``base-3``… whichever is not ``taken`` (at most 40 characters)."""
    used = set(taken)
    stem = _SUFFIX.sub("", base)[:34].rstrip("-") or "item"
    if base not in used and len(base) <= 40:
        return base
    n = 2
    while f"{stem}-{n}" in used:
        n += 1
    return f"{stem}-{n}"


def _ids(items: Any) -> list[str]:
    return [
        str(t["id"]) for t in items or [] if isinstance(t, dict) and isinstance(t.get("id"), str)
    ]


class InsertItem(SnapshotCommand):
    """Insert ``value`` into the list at ``path`` (slides, demos, screens, hotspots, form items,
    bullets, options, rows) at ``index`` (None: at the end), creating the list when missing.

    A table goes into an array of tables as ``[[…]]``, or into an inline list inline, as the
    file already writes that list."""

    def __init__(self, file: str, path: FieldPath, value: Plain, index: int | None = None) -> None:
        super().__init__()
        self.file, self.path, self.value, self.index = file, path, value, index
        self.files = (file,)
        thing = thing_name(_list_key(path))
        self.label = Label(f"إضافة {thing.ar}", f"Add {thing.en}")

    def apply(self, project: Project) -> None:
        doc = project.document(self.file)
        target = lookup(doc, self.path)
        if target is None:
            parent, key = container_of(doc, self.path)
            if not isinstance(key, str) or not isinstance(parent, dict):
                raise KeyError(f"{self.file}: no table at {format_path(self.path[:-1])}")
            if isinstance(self.value, dict) and key in TABLE_LISTS:
                aot = tomlkit.aot()
                aot.append(style.table(self.value))
                parent[key] = aot
            else:
                parent[key] = style.inline([self.value])
            return
        if not isinstance(target, list):
            raise TypeError(f"{self.file}: {format_path(self.path)} is not a list")
        index = len(target) if self.index is None else max(0, min(self.index, len(target)))
        if isinstance(target, AoT):
            if not isinstance(self.value, dict):
                raise TypeError(f"{self.file}: {format_path(self.path)} holds tables")
            if index > 0:
                _end_with_blank_line(target[index - 1])
            target.insert(index, style.table(self.value))
        else:
            target.insert(index, style.inline(self.value))


class RemoveItem(SnapshotCommand):
    """Delete element ``index`` of the list at ``path``; the key goes with its last element."""

    def __init__(self, file: str, path: FieldPath, index: int) -> None:
        super().__init__()
        self.file, self.path, self.index = file, path, index
        self.files = (file,)
        thing = thing_name(_list_key(path))
        self.label = Label(f"حذف {thing.ar}", f"Delete {thing.en}")

    def apply(self, project: Project) -> None:
        target = _list_at(project, self.file, self.path, self.index)
        del target[self.index]
        if not target:
            parent, key = container_of(project.document(self.file), self.path)
            del parent[key]


class MoveItem(SnapshotCommand):
    """Move element ``src`` of the list at ``path`` to position ``dst`` (reorder by drag)."""

    def __init__(self, file: str, path: FieldPath, src: int, dst: int) -> None:
        super().__init__()
        self.file, self.path, self.src, self.dst = file, path, src, dst
        self.files = (file,)
        thing = thing_name(_list_key(path))
        self.label = Label(f"نقل {thing.ar}", f"Move {thing.en}")

    def apply(self, project: Project) -> None:
        target = _list_at(project, self.file, self.path, self.src)
        dst = max(0, min(self.dst, len(target) - 1))
        if dst == self.src:
            return
        if isinstance(target, AoT):
            item = target[self.src]
            del target[self.src]
            target.insert(dst, item)
            return
        # an inline list: the values shift place by place, so that its spacing stays as
        # written (a delete and an insert wrote ["b","a"] for ["a", "b"])
        values = [target[i] for i in range(len(target))]
        values.insert(dst, values.pop(self.src))
        for i in range(min(self.src, dst), max(self.src, dst) + 1):
            target[i] = values[i]


class DuplicateItem(SnapshotCommand):
    """Copy element ``index`` of the list at ``path`` just after it; a copy with an ``id``
    gets a new one (``welcome`` → ``welcome-2``)."""

    def __init__(self, file: str, path: FieldPath, index: int) -> None:
        super().__init__()
        self.file, self.path, self.index = file, path, index
        self.files = (file,)
        thing = thing_name(_list_key(path))
        self.label = Label(f"تكرار {thing.ar}", f"Duplicate {thing.en}")

    def apply(self, project: Project) -> None:
        target = _list_at(project, self.file, self.path, self.index)
        item = copy.deepcopy(target[self.index])
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            item["id"] = unique_id(str(item["id"]), _ids(target))
        target.insert(self.index + 1, item)


def _end_with_blank_line(table: Any) -> None:
    """A table about to get a new neighbour below it ends with a blank line, as the scaffold
    writes them (the scaffold's last table ends the file without one)."""
    body = table.value.body
    if body and isinstance(body[-1][1], AoT) and len(body[-1][1]):
        _end_with_blank_line(body[-1][1][-1])  # its last [[…]] is drawn last
    elif not table.as_string().endswith("\n\n"):
        table.add(tomlkit.nl())


def _list_at(project: Project, file: str, path: FieldPath, index: int) -> list[Any]:
    target = lookup(project.document(file), path)
    if not isinstance(target, list) or not 0 <= index < len(target):
        raise IndexError(f"{file}: no {format_path((*path, index))}")
    return target
