"""Visitor texts as rows for translators: stable keys, export records and draft marks.

Every visitor text of a project (:func:`~.gaps.text_fields`) gets a **stable key** that
survives reordering: the entity id, then the validator's field path with each list index
replaced by the element's id where it has one (``moi/slides[welcome].caption``,
``moi/demos[renew].screens[start].items[2].label``; bundle.toml's texts are
``bundle.toml/title``). :func:`resolve` turns a key back into a file and path.

The bundle's ``.studio-strings/`` folder (the Studio's own, never validated or packed)
keeps two small records:

- ``export.json``: each key's texts at the last ``strings export`` (its hash), so the next
  export marks what changed since;
- ``drafts.json``: texts an importer wrote as drafts (a deck page's title copied into every
  language): key → the language it is written in and what was written. A language stays
  "untranslated" until its text is changed.

The spreadsheet itself is :mod:`.sheets` (reading and writing) and :mod:`.translation`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..atomicfile import write_atomic
from ..bundle.media import STUDIO_STRINGS
from .fields import BUNDLE_FILE, FieldPath, entity_file, entity_of, lookup
from .gaps import text_fields

if TYPE_CHECKING:
    from .document import Project

__all__ = [
    "DRAFTS",
    "EXPORTS",
    "Draft",
    "TextRow",
    "draft_marks",
    "mark_drafts",
    "resolve",
    "stable_key",
    "text_hash",
    "text_rows",
]

EXPORTS = "export.json"
DRAFTS = "drafts.json"


@dataclass(frozen=True)
class TextRow:
    """One visitor text: where it is and what it says now."""

    key: str
    file: str
    path: FieldPath
    required: bool
    texts: dict[str, str]
    """Language → text (an absent language is missing)."""


def stable_key(project: Project, file: str, path: FieldPath) -> str:
    """``moi/slides[welcome].caption``: the entity, then the path with ids for indexes."""
    head = entity_of(file) or file
    doc = project.docs[file]
    out = ""
    node: Any = doc
    for part in path:
        if isinstance(part, int):
            item = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
            sid = item.get("id") if isinstance(item, dict) else None
            out += f"[{sid}]" if isinstance(sid, str) and sid else f"[{part}]"
            node = item
        else:
            out += f".{part}" if out else part
            node = node.get(part) if isinstance(node, dict) else None
    return f"{head}/{out}"


def _split(rest: str) -> Iterator[str | tuple[str]]:
    """``slides[welcome].caption`` → "slides", ("welcome",), "caption"."""
    i = 0
    while i < len(rest):
        if rest[i] == ".":
            i += 1
        elif rest[i] == "[":
            end = rest.index("]", i)
            yield (rest[i + 1 : end],)
            i = end + 1
        else:
            end = len(rest)
            for stop in ".[":
                j = rest.find(stop, i)
                if j != -1:
                    end = min(end, j)
            yield rest[i:end]
            i = end


def known_texts(project: Project) -> set[tuple[str, FieldPath]]:
    """Every (file, path) of a visitor text, for :func:`resolve` (compute once per sheet)."""
    return {(f, p) for f, p, _ in text_fields(project)}


def resolve(
    project: Project, key: str, known: set[tuple[str, FieldPath]] | None = None
) -> tuple[str, FieldPath] | None:
    """The file and text path of a stable key, or None when it no longer exists."""
    head, sep, rest = key.partition("/")
    if not sep or not rest:
        return None
    file = BUNDLE_FILE if head == BUNDLE_FILE else entity_file(head)
    if file not in project.docs:
        return None
    node: Any = project.docs[file]
    path: list[str | int] = []
    try:
        parts = list(_split(rest))
    except ValueError:
        return None
    for part in parts:
        if isinstance(part, tuple):
            if not isinstance(node, list):
                return None
            token = part[0]
            index = next(
                (
                    i
                    for i, t in enumerate(node)
                    if isinstance(t, dict) and t.get("id") == token and token
                ),
                None,
            )
            if index is None and token.isdigit() and int(token) < len(node):
                item = node[int(token)]
                if not (isinstance(item, dict) and isinstance(item.get("id"), str)):
                    index = int(token)
            if index is None:
                return None
            path.append(index)
            node = node[index]
        else:
            if not isinstance(node, dict) or part not in node:
                # the text itself may be absent (an optional caption): only at the end
                if part is parts[-1] and isinstance(node, dict):
                    path.append(part)
                    node = None
                    continue
                return None
            path.append(part)
            node = node[part]
    fp = tuple(path)
    if (file, fp) not in (known if known is not None else known_texts(project)):
        return None
    return file, fp


def text_rows(project: Project) -> list[TextRow]:
    """Every visitor text, in the outline's order (an optional one only when present)."""
    rows: list[TextRow] = []
    for file, path, required in text_fields(project):
        value = lookup(project.docs[file], path)
        if value is not None and not isinstance(value, dict):
            continue  # not a text table: the validator says so
        texts = {
            lang: str(v)
            for lang, v in (value or {}).items()
            if isinstance(v, str) and lang in project.languages
        }
        if value is None and not required:
            continue  # an optional text nobody wrote (a slide without a caption)
        rows.append(TextRow(stable_key(project, file, path), file, path, required, texts))
    return rows


def text_hash(texts: dict[str, str], languages: tuple[str, ...]) -> str:
    """A short hash of a text's languages, to tell later whether it changed."""
    blob = json.dumps([texts.get(lang) for lang in languages], ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:12]


# -- the records in .studio-strings/ ----------------------------------------------------------


def _record_path(root: Path, name: str) -> Path:
    return root / STUDIO_STRINGS / name


def read_record(root: Path, name: str) -> dict[str, Any]:
    """A record of ``.studio-strings/`` (empty when absent or unreadable: it is a cache)."""
    try:
        data = json.loads(_record_path(root, name).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_record(root: Path, name: str, data: dict[str, Any]) -> None:
    path = _record_path(root, name)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode())


@dataclass(frozen=True)
class Draft:
    """A text an importer wrote: in ``source``'s language, copied into the others."""

    source: str
    written: dict[str, str]

    def untranslated(self, texts: dict[str, str]) -> list[str]:
        """The languages (not the source) still holding the copy the importer wrote."""
        return [
            lang
            for lang, text in self.written.items()
            if lang != self.source and texts.get(lang) == text
        ]

    def untouched(self, texts: dict[str, str]) -> bool:
        """Whether no language was changed since the importer wrote it."""
        return all(texts.get(lang) == text for lang, text in self.written.items())


def draft_marks(root: Path) -> dict[str, Draft]:
    """key → :class:`Draft`, for texts an importer wrote as untranslated drafts."""
    out: dict[str, Draft] = {}
    for key, value in read_record(root, DRAFTS).items():
        if not isinstance(value, dict):
            continue
        written = value.get("written")
        source = value.get("source")
        if isinstance(source, str) and isinstance(written, dict):
            out[key] = Draft(source, {k: v for k, v in written.items() if isinstance(v, str)})
    return out


def mark_drafts(root: Path, marks: dict[str, Draft | None]) -> None:
    """Add (or, with None, clear) draft marks by key."""
    data = read_record(root, DRAFTS)
    for key, draft in marks.items():
        if draft is None:
            data.pop(key, None)
        else:
            data[key] = {"source": draft.source, "written": draft.written}
    write_record(root, DRAFTS, data)
