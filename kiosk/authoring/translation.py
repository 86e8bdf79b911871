"""The translation round-trip: every visitor text out to a spreadsheet, and back.

:func:`export_strings` writes one row per visitor text (:func:`~.strings.text_rows`):
its stable key, where it shows, about how many characters fit without scrolling at 1080p,
one column per language, a status, and a hash of the texts as exported. It records the
export in ``.studio-strings/export.json``, so the next export marks what changed since.

:func:`import_strings` reads the sheet back and applies each changed cell with
:class:`~.commands.SetText` (tomlkit keeps every comment and the layout). It never drops
a text silently:

- an empty cell changes nothing (a translator who has not got to it yet); to empty a text
  on purpose, write :data:`EMPTY` (``[empty]``) in the cell;
- a row whose key no longer exists (the slide was deleted or renamed) is refused, by key;
- a cell whose text was also changed in the bundle since the export (the row's hash no
  longer matches) is refused: export again and redo that cell.

"Fits" is a cheap estimate, not a layout: the number of characters a visitor is expected
to read at that place, the validator's own figure for the field (``kiosk/bundle/limits.py``:
a caption 250, a title or label 100, a body 1000), the same in Arabic. The real 1080p
layout is ``kiosk bundle validate``'s "does not fit" warning (``text-scrolls``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..bundle.limits import LINE_TEXT, SHORT_TEXT, TEXT_CAPS
from .commands import SetText
from .fields import FieldPath, entity_of, format_path, lookup
from .labels import field_name
from .sheets import SheetError, Table, read_table, write_table
from .strings import (
    EXPORTS,
    TextRow,
    draft_marks,
    known_texts,
    read_record,
    resolve,
    text_hash,
    text_rows,
    write_record,
)

if TYPE_CHECKING:
    from .document import Project

__all__ = [
    "EMPTY",
    "Change",
    "StringsResult",
    "export_strings",
    "fits",
    "import_strings",
    "where",
]

EMPTY = "[empty]"
"""A cell holding this empties the text on purpose (an empty cell changes nothing)."""
SHEET = "Texts"
_BULLET_KEYS = frozenset({"bullets", "hint", "value"})


@dataclass(frozen=True)
class Change:
    key: str
    lang: str
    old: str | None
    new: str


@dataclass
class StringsResult:
    changes: list[Change] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    """Keys of rows refused because the text no longer exists."""
    refused: list[str] = field(default_factory=list)
    """Messages for rows and cells that were refused (file, row, column, fix)."""
    rows: int = 0


def fits(path: FieldPath) -> int:
    """About how many characters fit at that place without scrolling (see the module)."""
    key = next((p for p in reversed(path) if isinstance(p, str)), "")
    if key in _BULLET_KEYS:
        return LINE_TEXT.warn
    return TEXT_CAPS.get(key, SHORT_TEXT).warn


_PLACES = {
    "slides": "slide",
    "demos": "demo",
    "screens": "screen",
    "items": "form item",
    "hotspots": "hotspot",
    "bullets": "bullet",
    "options": "option",
    "rows": "row",
}


def where(project: Project, row: TextRow) -> str:
    """``Ministry of Interior › slide 3 (image) › caption``: where the text shows."""
    eid = entity_of(row.file)
    parts: list[str] = []
    if eid is None:
        parts.append("Home screen (bundle.toml)")
    else:
        name = lookup(project.docs[row.file], ("name", "en"))
        parts.append(str(name) if isinstance(name, str) and name else eid)
    node: Any = project.docs[row.file]
    last = ""
    step: list[str] = []
    for part in row.path:
        if isinstance(part, int):
            item = node[part] if isinstance(node, list) and part < len(node) else None
            kind = item.get("kind") if isinstance(item, dict) else None
            thing = _PLACES.get(last, last)
            step.append(f"{thing} {part + 1}" + (f" ({kind})" if isinstance(kind, str) else ""))
            node = item
        else:
            last = part
            node = node.get(part) if isinstance(node, dict) else None
    parts.extend(step)
    last_key = row.path[-1]
    if isinstance(last_key, str):
        parts.append(field_name(row.path).en)
    return " › ".join(parts)


def _status(
    row: TextRow, langs: tuple[str, ...], exported: dict[str, object], untranslated: list[str]
) -> str:
    out: list[str] = []
    missing = [lang for lang in langs if not (row.texts.get(lang) or "").strip()]
    if missing and (row.required or row.texts):
        out.append("missing " + ", ".join(missing))
    if untranslated:
        out.append("untranslated " + ", ".join(untranslated))
    old = exported.get(row.key)
    if isinstance(old, str) and old != text_hash(row.texts, langs):
        out.append("changed since last export")
    elif exported and old is None:
        out.append("new since last export")
    return "; ".join(out)


def export_strings(project: Project, out: Path) -> int:
    """Write every visitor text to ``out`` (.xlsx or .csv); returns the number of rows."""
    langs = project.languages
    exported = read_record(project.root, EXPORTS)
    drafts = draft_marks(project.root)
    headers = ["key", "where", "fits", *langs, "status", "hash"]
    rows: list[list[str | float | None]] = []
    record: dict[str, str] = {}
    for row in text_rows(project):
        draft = drafts.get(row.key)
        untranslated = draft.untranslated(row.texts) if draft else []
        digest = text_hash(row.texts, langs)
        record[row.key] = digest
        rows.append(
            [
                row.key,
                where(project, row),
                fits(row.path),
                *[row.texts.get(lang, "") for lang in langs],
                _status(row, langs, exported, untranslated),
                digest,
            ]
        )
    write_table(out, SHEET, headers, rows, widths=[34, 40, 6, *[60] * len(langs), 24, 14])
    write_record(project.root, EXPORTS, record)
    return len(rows)


def import_strings(project: Project, sheet: Path) -> StringsResult:
    """Apply a sheet's changed cells (pushed on ``project.history``; the caller saves).

    Raises :class:`~.sheets.SheetError` when the sheet cannot be used at all (nothing is
    changed then)."""
    table = read_table(sheet)
    langs = project.languages
    if "key" not in table.headers:
        raise SheetError(
            f"{table.where(1)}: no 'key' column. Fix: import the sheet that "
            "'kiosk bundle strings export' wrote, keeping its first row"
        )
    present = [lang for lang in langs if lang in table.headers]
    if not present:
        raise SheetError(
            f"{table.where(1)}: no language column ({', '.join(langs)}). Fix: keep the "
            "columns 'kiosk bundle strings export' wrote"
        )
    result = StringsResult(rows=len(table.rows))
    seen: dict[str, int] = {}
    known = known_texts(project)  # the keys' places before any change (none adds a text)
    for row in table.rows:
        _import_row(project, table, row.number, row.cells, present, seen, known, result)
    return result


def _import_row(
    project: Project,
    table: Table,
    number: int,
    cells: dict[str, str | None],
    langs: list[str],
    seen: dict[str, int],
    known: set[tuple[str, FieldPath]],
    result: StringsResult,
) -> None:
    key = (cells.get("key") or "").strip()
    if not key:
        result.refused.append(
            f"{table.where(number, 'key')}: the key is empty, so the row's texts have no "
            "place. Fix: copy the key back from the exported sheet"
        )
        return
    if key in seen:
        result.refused.append(
            f"{table.where(number, 'key')}: '{key}' is also in row {seen[key]}; this row was "
            "not applied. Fix: keep one row per key"
        )
        return
    seen[key] = number
    found = resolve(project, key, known)
    if found is None:
        result.stale.append(key)
        result.refused.append(
            f"{table.where(number, 'key')}: '{key}' no longer exists in the bundle (deleted "
            "or renamed since the export); its texts were not applied. Fix: export again and "
            "copy the translations into the new sheet"
        )
        return
    file, path = found
    value = lookup(project.docs[file], path)
    current = {
        lang: str(v)
        for lang, v in (value.items() if isinstance(value, dict) else [])
        if isinstance(v, str)
    }
    digest = (cells.get("hash") or "").strip()
    moved = bool(digest) and digest != text_hash(current, project.languages)
    for lang in langs:
        cell = cells.get(lang)
        if cell is None:
            continue  # an empty cell changes nothing
        new = "" if cell.strip() == EMPTY else cell.replace("\r\n", "\n").replace("\r", "\n")
        old = current.get(lang)
        if new == (old or "") and old is not None:
            continue
        if moved:
            result.refused.append(
                f"{table.where(number, lang)}: {file} {format_path((*path, lang))} was changed "
                "in the bundle since this sheet was exported, so this cell was not applied "
                "(it would overwrite that change). Fix: export again and redo this cell"
            )
            continue
        project.history.push(SetText(file, path, lang, new))
        result.changes.append(Change(key, lang, old, new))
