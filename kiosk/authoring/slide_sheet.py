"""An entity's slides from a spreadsheet: one row per slide (``kiosk bundle import-sheet``).

Columns (the header row names them; case, spaces and order do not matter):

``id``, ``kind`` (image, video or text), ``file`` (the picture or video), ``caption ar`` /
``caption en``, ``title ar`` / ``title en``, ``body ar`` / ``body en``, ``bullets ar`` /
``bullets en`` (one bullet a line), ``duration`` (seconds), ``attract`` (yes / no).

A row whose id is a slide of the entity updates it in place (only the cells that are not
empty); any other row adds a slide at the end (an empty id gets a fresh one). A ``file`` is
looked for in the entity's folder first (``slides/hall.jpg``), then beside the sheet, and
is copied into ``slides/`` (pictures) or ``videos/`` as it is; the validator checks it.

Every problem names the file, the sheet, the row and the column; when there is one,
nothing is changed (no half-imported sheet).
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from ..bundle.limits import is_slug
from .commands import InsertItem, SetText, SetValue, unique_id
from .fields import entity_file, lookup
from .media_in import VIDEO_FOLDER, target
from .sheets import Row, SheetError, Table, read_table, write_table

if TYPE_CHECKING:
    from .document import Project

__all__ = ["SheetImportError", "SheetResult", "import_sheet", "template_headers", "write_template"]

KINDS = ("image", "video", "text")
PICTURES = frozenset({".png", ".jpg", ".jpeg"})
VIDEOS = frozenset({".mp4"})
TEXTS = ("caption", "title", "body", "bullets")
_YES = frozenset({"yes", "y", "true", "1", "x", "نعم"})
_NO = frozenset({"no", "n", "false", "0", "لا"})


class SheetImportError(Exception):
    """The sheet has problems; nothing was changed. ``problems`` are the messages."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class SheetResult:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    copied: list[str] = field(default_factory=list)


def template_headers(languages: tuple[str, ...] = ("ar", "en")) -> list[str]:
    out = ["id", "kind", "file"]
    for text in TEXTS:
        out += [f"{text} {lang}" for lang in languages]
    return [*out, "duration", "attract"]


def write_template(path: Path, languages: tuple[str, ...] = ("ar", "en")) -> None:
    """An empty slide sheet: the header row and one example row."""
    example: dict[str, str | float | None] = {
        "id": "mawared-intro",
        "kind": "text",
        "title ar": "موارد",
        "title en": "Mawared",
        "body ar": "نظام تخطيط الموارد الحكومية",
        "body en": "The government resource planning programme",
        "bullets ar": "الموارد البشرية\nالمالية",
        "bullets en": "Human resources\nFinance",
        "duration": 10,
        "attract": "yes",
    }
    headers = template_headers(languages)
    write_table(path, "Slides", headers, [[example.get(h) for h in headers]], [18] * len(headers))


@dataclass
class _Planned:
    row: int
    sid: str
    index: int | None
    """The slide's index when it exists (an update)."""
    kind: str
    values: dict[str, Any]
    """Non-text fields to set (``image``, ``video``, ``duration``, ``attract``, ``bullets``)."""
    texts: dict[str, dict[str, str]]
    copy: tuple[Path, str] | None = None
    """(source, the entity's folder it goes into) to copy in."""


def _col(key: str, lang: str) -> str:
    return f"{key}_{lang}"


def import_sheet(
    project: Project, sheet: Path, entity_id: str, sheet_name: str | None = None
) -> SheetResult:
    """Build or update ``entity_id``'s slides from ``sheet`` (pushed on ``project.history``;
    the caller saves). Raises :class:`SheetImportError` or :class:`SheetError`."""
    file = entity_file(entity_id)
    if file not in project.docs:
        known = ", ".join(project.entity_ids) or "none"
        raise SheetError(
            f"{sheet.name}: the bundle has no entity '{entity_id}' (entities: {known}). Fix: "
            "give --entity one of them, or add the entity first"
        )
    table = read_table(sheet, sheet_name)
    known_cols = {"id", "kind", "file", "duration", "attract"} | {
        _col(t, lang) for t in TEXTS for lang in project.languages
    }
    problems = [
        f"{table.where(1, h)}: '{h}' is not a column of a slide sheet. Fix: use the headers "
        "of 'kiosk bundle strings template' (id, kind, file, caption ar, caption en, ...)"
        for h in table.headers
        if h not in known_cols
    ]
    slides = lookup(project.document(file), ("slides",))
    existing = {
        str(t["id"]): (i, str(t.get("kind")))
        for i, t in enumerate(slides if isinstance(slides, list) else [])
        if isinstance(t, dict) and isinstance(t.get("id"), str)
    }
    taken = set(existing)
    entity_dir = project.root / "entities" / entity_id
    planned: list[_Planned] = []
    ids_in_sheet: dict[str, int] = {}
    for row in table.rows:
        plan = _plan(project, table, row, existing, taken, ids_in_sheet, entity_dir, problems)
        if plan is not None:
            planned.append(plan)
    if problems:
        raise SheetImportError(problems)
    result = SheetResult()
    for plan in planned:
        if plan.copy is not None:
            source, folder = plan.copy
            ext = source.suffix.lower().replace(".jpeg", ".jpg")
            fallback = "video" if plan.kind == "video" else "slide"
            rel = str(target(entity_dir, folder, source.name, fallback, ext))
            (entity_dir / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, entity_dir / rel)
            plan.values[plan.kind] = rel
            result.copied.append(rel)
        if plan.index is None:
            slide: dict[str, Any] = {"id": plan.sid, "kind": plan.kind}
            slide.update({k: v for k, v in plan.values.items() if k in ("image", "video")})
            for key, texts in plan.texts.items():
                slide[key] = {lang: texts.get(lang, "") for lang in project.languages}
            slide.update({k: v for k, v in plan.values.items() if k not in ("image", "video")})
            project.history.push(InsertItem(file, ("slides",), slide))
            result.added.append(plan.sid)
            continue
        base = ("slides", plan.index)
        for key, value in plan.values.items():
            if lookup(project.document(file), (*base, key)) != value:
                project.history.push(SetValue(file, (*base, key), value))
        for key, texts in plan.texts.items():
            for lang, text in texts.items():
                if lookup(project.document(file), (*base, key, lang)) != text:
                    project.history.push(SetText(file, (*base, key), lang, text))
        result.updated.append(plan.sid)
    return result


def _plan(
    project: Project,
    table: Table,
    row: Row,
    existing: dict[str, tuple[int, str]],
    taken: set[str],
    ids_in_sheet: dict[str, int],
    entity_dir: Path,
    problems: list[str],
) -> _Planned | None:
    n = row.number
    cells = row.cells
    count = len(problems)

    def bad(column: str, message: str, fix: str) -> None:
        problems.append(f"{table.where(n, column)}: {message}. Fix: {fix}")

    sid = (cells.get("id") or "").strip()
    if sid and not is_slug(sid):
        bad("id", f"'{sid}' is not an id", "use lower-case letters, digits and dashes (hall-1)")
    if sid in ids_in_sheet:
        bad("id", f"'{sid}' is also in row {ids_in_sheet[sid]}", "give each slide its own id")
    if sid:
        ids_in_sheet[sid] = n
    index, old_kind = existing.get(sid, (None, None)) if sid else (None, None)
    raw_file = (cells.get("file") or "").strip()
    kind = (cells.get("kind") or "").strip().lower()
    if not kind:
        kind = old_kind or _kind_of(raw_file)
    if kind not in KINDS:
        bad("kind", f"'{kind}' is not a slide kind", "write image, video or text")
        return None
    if old_kind and kind != old_kind:
        bad(
            "kind",
            f"slide '{sid}' is a {old_kind} slide, the row says {kind}",
            f"write {old_kind}, or give the row a new id to add a {kind} slide",
        )
    values: dict[str, Any] = {}
    copy: tuple[Path, str] | None = None
    if kind in ("image", "video"):
        if raw_file:
            found = _media(raw_file, kind, table, entity_dir)
            if isinstance(found, str):
                bad("file", found.split(". Fix: ")[0], found.split(". Fix: ")[-1])
            else:
                rel, source = found
                if source is None:
                    values[kind] = rel
                else:
                    copy = (source, rel)
        elif index is None:
            bad("file", f"an {kind} slide needs its {kind} file", "name the file in this column")
    elif raw_file:
        bad("file", "a text slide shows no file", "leave the cell empty, or set kind to image")
    texts: dict[str, dict[str, str]] = {}
    for key in ("caption", "title", "body"):
        got = {
            lang: v
            for lang in project.languages
            if (v := (cells.get(_col(key, lang)) or "").strip())
        }
        if got and key != "caption" and kind != "text":
            bad(_col(key, next(iter(got))), f"an {kind} slide has no {key}", "use caption")
        elif got:
            texts[key] = got
    bullets = {
        lang: [b.strip() for b in re.split(r"\r\n|\r|\n", lines) if b.strip()]
        for lang in project.languages
        if (lines := cells.get(_col("bullets", lang))) is not None
    }
    if bullets:
        if kind != "text":
            first = _col("bullets", next(iter(bullets)))
            bad(first, f"an {kind} slide has no bullets", "set kind to text, or use caption")
        counts = {lang: len(b) for lang, b in bullets.items()}
        if len(set(counts.values())) > 1 or len(counts) < len(project.languages):
            said = ", ".join(f"{lang} {c}" for lang, c in counts.items())
            lang = min(project.languages, key=lambda x: counts.get(x, 0))
            bad(
                _col("bullets", lang),
                f"each language needs the same number of bullets, one a line ({said})",
                "give every language the same bullets, one a line",
            )
        else:
            langs = project.languages
            values["bullets"] = [
                {lang: bullets[lang][i] for lang in langs} for i in range(counts[langs[0]])
            ]
    if kind == "text" and index is None and "title" not in texts:
        bad(_col("title", project.languages[-1]), "a text slide needs a title", "write one")
    if kind == "text" and index is None and "body" not in texts and "bullets" not in values:
        bad(_col("body", project.languages[-1]), "a text slide needs a body or bullets", "add")
    raw_duration = (cells.get("duration") or "").strip()
    if raw_duration:
        try:
            duration = float(raw_duration.replace(",", "."))
        except ValueError:
            duration = -1.0
        if not 2 <= duration <= 600:
            bad(
                "duration",
                f"'{raw_duration}' is not a number of seconds from 2 to 600",
                "write the seconds the slide shows, such as 8",
            )
        else:
            values["duration"] = int(duration) if duration.is_integer() else duration
    raw_attract = (cells.get("attract") or "").strip().lower()
    if raw_attract:
        if raw_attract in _YES:
            values["attract"] = True
        elif raw_attract in _NO:
            values["attract"] = False
        else:
            bad("attract", f"'{raw_attract}' is not yes or no", "write yes or no (or leave it)")
    if len(problems) > count:
        return None
    if not sid:
        sid = unique_id(kind, taken)
    taken.add(sid)
    return _Planned(n, sid, index, kind, values, texts, copy)


def _kind_of(file: str) -> str:
    ext = PurePosixPath(file).suffix.lower()
    if ext in VIDEOS:
        return "video"
    return "image" if file else "text"


def _media(raw: str, kind: str, table: Table, entity_dir: Path) -> tuple[str, Path | None] | str:
    """(path relative to the entity, None) for a file already there, (folder to copy it
    into, source) for one beside the sheet, or a 'problem. Fix: fix'."""
    ext = PurePosixPath(raw.replace("\\", "/")).suffix.lower()
    allowed = PICTURES if kind == "image" else VIDEOS
    if ext not in allowed:
        want = "a PNG or JPEG picture" if kind == "image" else "an MP4 (H.264) video"
        return (
            f"'{raw}' is not {want}. Fix: convert it (or add it in Kiosk Studio, which "
            "converts pictures and videos), then name the converted file"
        )
    inside = PurePosixPath(raw.replace("\\", "/"))
    if not inside.is_absolute() and ".." not in inside.parts and (entity_dir / inside).is_file():
        return str(inside), None
    source = Path(raw)
    if not source.is_absolute():
        source = table.file.parent / source
    if not source.is_file():
        return (
            f"'{raw}' was not found in the entity's folder nor beside the sheet. Fix: put the "
            "file beside the sheet (or in the entity's folder) and check its name"
        )
    return ("slides" if kind == "image" else VIDEO_FOLDER), source
