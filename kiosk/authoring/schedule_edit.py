"""Editing bundle.toml's ``[schedule]``: its entries, new ones, and what shows when. Pure Python.

The Studio's outline has a *Schedule* node below the bundle (``Node("bundle.toml",
"schedule")``) and one node per opening-hours entry, daypart and interrupt
(``schedule.hours[0]``, ``schedule.daypart[1]``, ``schedule.interrupt[0]``: the validator's
field names, so its problems land on them). :func:`add_entry` makes the command that adds
one (creating ``[schedule]`` when the bundle has none), :class:`RemoveEntry` the one that
removes one (and an emptied ``[schedule]`` with it); values change with
:class:`~.commands.SetValue`. :func:`slot_at` asks the core resolver
(:meth:`kiosk.schedule.Schedule.slot_at`) what the *unsaved* schedule shows at a moment.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, Literal

import tomlkit
from tomlkit.items import AoT

from .. import schedule as sch
from ..bundle import model as m
from ..bundle.problems import Report
from ..bundle.tomlreader import Reader
from . import style
from .commands import InsertItem, RemoveItem, unique_id
from .fields import BUNDLE_FILE, FieldPath, entity_file, format_path, lookup
from .labels import Label

if TYPE_CHECKING:
    from .document import Project

__all__ = [
    "KINDS",
    "SCHEDULE",
    "EntryKind",
    "Preview",
    "RemoveEntry",
    "add_entry",
    "entries",
    "entry_title",
    "ltr",
    "parse_clock",
    "parse_dates",
    "picture_slides",
    "slide_refs",
    "slot_at",
]

EntryKind = Literal["hours", "daypart", "interrupt"]
KINDS: tuple[EntryKind, ...] = ("hours", "daypart", "interrupt")
SCHEDULE: FieldPath = ("schedule",)
"""The path of ``[schedule]`` in bundle.toml (the outline's Schedule node)."""

NAMES: dict[str, Label] = {
    "schedule": Label("الجدول", "Schedule"),
    "hours": Label("ساعات العمل", "Opening hours"),
    "daypart": Label("فترة من اليوم", "Daypart"),
    "interrupt": Label("عرض خاص", "Interrupt"),
}

_CLOCK = re.compile(r"([0-9]{1,2}):([0-9]{2})", re.ASCII)


def ltr(text: str) -> str:
    """``text`` (times, dates, ids) kept left to right inside an Arabic line: a direction
    isolate (LRI … PDI), so that ``09:00–21:00`` does not read ``21:00–09:00``."""
    return f"\u2066{text}\u2069"


def entries(project: Project, kind: EntryKind) -> list[dict[str, Any]]:
    """The tables of ``[[schedule.<kind>]]`` (those that are tables), in file order."""
    raw = lookup(project.docs.get(BUNDLE_FILE), (*SCHEDULE, kind))
    return [t for t in raw if isinstance(t, dict)] if isinstance(raw, list) else []


def _str(table: dict[str, Any], key: str) -> str:
    value = table.get(key)
    return str(value) if isinstance(value, str) else ""


def entry_title(kind: EntryKind, index: int, table: dict[str, Any]) -> Label:
    """``Daypart 2: morning 09:00–13:00``, as the outline shows an entry."""
    base = NAMES[kind]
    ident = _str(table, "id")
    when = f"{_str(table, 'from') or '?'}–{_str(table, 'to') or '?'}"
    dates = table.get("dates")
    if isinstance(dates, list) and dates:
        when += f" ({dates[0]}{'…' if len(dates) > 1 else ''})"
    tail = f"{ident} {when}" if ident else when
    return Label(f"{base.ar} {index + 1}: {ltr(tail)}", f"{base.en} {index + 1}: {tail}")


# -- commands --------------------------------------------------------------------------------


def _template(project: Project, kind: EntryKind) -> dict[str, Any]:
    if kind == "hours":
        return {"from": "09:00", "to": "21:00"}
    ids = [_str(t, "id") for t in entries(project, kind)]
    if kind == "daypart":
        return {"id": unique_id("daypart", ids), "from": "09:00", "to": "13:00"}
    pictures = picture_slides(project)
    return {
        "id": unique_id("interrupt", ids),
        "from": "10:00",
        "to": "10:30",
        "title": {lang: "" for lang in project.languages},
        "slides": pictures[:1],
    }


class AddEntry(InsertItem):
    """Insert a schedule entry; ``[schedule]`` and its ``[[schedule.<kind>]]`` are made when
    missing (at the end of bundle.toml, where the format puts them)."""

    def __init__(self, kind: EntryKind, value: dict[str, Any], index: int | None = None) -> None:
        super().__init__(BUNDLE_FILE, (*SCHEDULE, kind), value, index)
        self.kind = kind
        name = NAMES[kind]
        self.label = Label(f"إضافة {name.ar}", f"Add {name.en.lower()}")

    def apply(self, project: Project) -> None:
        doc = project.document(BUNDLE_FILE)
        table = doc.get("schedule")
        if table is None:
            doc.add(tomlkit.nl())
            table = tomlkit.table()
            doc["schedule"] = table
        if not isinstance(table, dict):
            raise TypeError(f"{BUNDLE_FILE}: schedule is not a table")
        if self.kind not in table:
            assert isinstance(self.value, dict)
            aot = tomlkit.aot()
            aot.append(style.table(self.value))
            table[self.kind] = aot
            return
        if not isinstance(table[self.kind], AoT):
            raise TypeError(f"{BUNDLE_FILE}: schedule.{self.kind} is not a list of tables")
        super().apply(project)


def add_entry(
    project: Project, kind: EntryKind, index: int | None = None, **values: Any
) -> AddEntry:
    """A new opening-hours entry, daypart or interrupt (a fresh id, example times; an
    interrupt loops the bundle's first slide with a picture), ``values`` over those."""
    return AddEntry(kind, {**_template(project, kind), **values}, index)


class RemoveEntry(RemoveItem):
    """Delete a schedule entry; ``[schedule]`` goes when nothing is left in it."""

    def __init__(self, kind: EntryKind, index: int) -> None:
        super().__init__(BUNDLE_FILE, (*SCHEDULE, kind), index)
        name = NAMES[kind]
        self.label = Label(f"حذف {name.ar}", f"Delete {name.en.lower()}")

    def apply(self, project: Project) -> None:
        super().apply(project)
        doc = project.document(BUNDLE_FILE)
        table = doc.get("schedule")
        if isinstance(table, dict) and not table:
            del doc["schedule"]


def entry_node_path(kind: EntryKind, index: int) -> str:
    return format_path((*SCHEDULE, kind, index))


# -- values ----------------------------------------------------------------------------------


def parse_clock(text: str, *, end: bool = False) -> str | None:
    """``"9:05"`` → ``"09:05"``; None when it is not a time of day (``"24:00"`` is one only
    as an ``end``)."""
    match = _CLOCK.fullmatch(text.strip())
    if match is None:
        return None
    hh, mm = int(match.group(1)), int(match.group(2))
    if end and hh == 24 and mm == 0:
        return "24:00"
    if hh > 23 or mm > 59:
        return None
    return f"{hh:02d}:{mm:02d}"


def parse_dates(text: str) -> list[str] | None:
    """``"2015-11-25, 2015-11-26"`` → the dates, in order, each once; ``[]`` for an empty
    field (every day); None when one is not a day of the calendar."""
    out: list[str] = []
    for part in re.split(r"[,\s]+", text.strip()):
        if not part:
            continue
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", part):
            return None
        try:
            date.fromisoformat(part)
        except ValueError:
            return None
        if part not in out:
            out.append(part)
    return out


def slide_refs(project: Project, *, pictures: bool = False) -> list[tuple[str, str]]:
    """Every slide of the bundle as (``entity/slide``, its kind), in the outline's order;
    with ``pictures``, only those with a picture (an image, or a video's poster)."""
    out = []
    for eid in project.entity_ids:
        data = project.docs.get(entity_file(eid))
        for slide in data.get("slides", []) if isinstance(data, dict) else []:
            if not isinstance(slide, dict) or not isinstance(slide.get("id"), str):
                continue
            kind = _str(slide, "kind")
            has_picture = bool(_str(slide, "image") or _str(slide, "poster"))
            if not pictures or has_picture:
                out.append((f"{eid}/{slide['id']}", kind))
    return out


def picture_slides(project: Project) -> list[str]:
    return [ref for ref, _ in slide_refs(project, pictures=True)]


# -- what shows when -------------------------------------------------------------------------


@dataclass(frozen=True)
class Preview:
    """What the unsaved schedule shows at one moment."""

    slot: sch.Slot
    entities: tuple[str, ...]
    """Home's entities then (none when closed or in an interrupt)."""
    problems: int
    """Errors the schedule has now (entries with one are left out, as the kiosk leaves them)."""

    def line(self, lang: str) -> str:
        """One line for staff: ``daypart 'morning': example, mict``."""
        ar = lang == "ar"
        slot = self.slot
        if slot.state is sch.State.CLOSED:
            opens = f"{slot.opens:%H:%M}" if slot.opens is not None else ""
            if ar:
                return "مغلق" + (f" (يفتح {ltr(opens)})" if opens else "")
            return "Closed" + (f" (opens at {opens})" if opens else "")
        if slot.interrupt is not None:
            n = len(slot.interrupt.slides)
            if ar:
                return f"عرض خاص «{ltr(slot.interrupt.id)}»: حلقة من {n} شرائح"
            return f"Interrupt '{slot.interrupt.id}': a loop of {n} slide{'s' * (n != 1)}"
        listed = ltr(", ".join(self.entities)) if ar else ", ".join(self.entities)
        if slot.daypart is not None:
            if ar:
                return f"فترة «{ltr(slot.daypart.id)}»: {listed}"
            return f"Daypart '{slot.daypart.id}': {listed}"
        return f"المحتوى كاملًا: {listed}" if ar else f"The full content: {listed}"


def _entities(project: Project) -> list[m.Entity]:
    """Stand-ins for the bundle's entities: ids and slides are all the schedule checks."""
    out = []
    for eid in project.entity_ids:
        data = project.docs.get(entity_file(eid))
        slides = []
        for s in data.get("slides", []) if isinstance(data, dict) else []:
            if isinstance(s, dict) and isinstance(s.get("id"), str):
                image, poster = _str(s, "image"), _str(s, "poster")
                slides.append(
                    m.Slide(
                        id=str(s["id"]),
                        kind="text",
                        duration=0.0,
                        image=PurePosixPath(image) if image else None,
                        poster=PurePosixPath(poster) if poster else None,
                    )
                )
        empty = m.Text({})
        out.append(m.Entity(eid, empty, empty, "", PurePosixPath(), tuple(slides), ()))
    return out


def slot_at(project: Project, when: datetime) -> Preview:
    """What the schedule as edited (not yet saved) shows at local time ``when``."""
    report = Report(BUNDLE_FILE)
    data: Any = lookup(project.docs.get(BUNDLE_FILE), SCHEDULE)
    plain = data.unwrap() if hasattr(data, "unwrap") else data
    reader = Reader(report, BUNDLE_FILE, tuple(project.languages))
    schedule = sch.parse_schedule(plain, reader, _entities(project)) if plain is not None else None
    slot = schedule.slot_at(when) if schedule is not None else sch.FULL
    everyone = tuple(project.entity_ids)
    shown: tuple[str, ...] = ()
    if slot.state is sch.State.OPEN:
        dp = slot.daypart
        shown = tuple(i for i in dp.entities if i in everyone) if dp is not None else ()
        shown = shown or everyone
    return Preview(slot, shown, len(report.errors))


# -- the outline -----------------------------------------------------------------------------


def schedule_keys(project: Project) -> dict[Any, tuple[Any, ...]]:
    """A key for the Schedule node and each entry's node that a move leaves alone (its id;
    for opening hours, its text), so that problem counts follow a moved entry."""
    from .gaps import Node

    keys: dict[Any, tuple[Any, ...]] = {
        Node(BUNDLE_FILE, format_path(SCHEDULE)): (BUNDLE_FILE, "schedule")
    }
    for kind in KINDS:
        for i, table in enumerate(entries(project, kind)):
            as_string = getattr(table, "as_string", None)
            mark = _str(table, "id") or (as_string() if callable(as_string) else repr(table))
            keys[Node(BUNDLE_FILE, entry_node_path(kind, i))] = (BUNDLE_FILE, kind, mark)
    return keys


ADD_LABELS: dict[str, Label] = {
    "hours": Label("ساعات عمل", "Opening hours"),
    "daypart": Label("فترة من اليوم", "A daypart"),
    "interrupt": Label("عرض خاص (مراسم)", "An interrupt (a ceremony)"),
}


def schedule_choices(
    kind: str, at: int | None
) -> list[tuple[Label, Callable[[Project], InsertItem | None]]]:
    """What the outline's Add offers on the Schedule node (``kind`` empty) or on an entry
    (its own kind first, just after it)."""
    order = [k for k in KINDS if k == kind] + [k for k in KINDS if k != kind]
    return [(ADD_LABELS[k], _maker(k, at if k == kind else None)) for k in order]


def _maker(kind: EntryKind, at: int | None) -> Callable[[Project], InsertItem | None]:
    return lambda p: add_entry(p, kind, at)
