"""Where the outline marks things: translation gaps, and validator problems per node.

:func:`translation_gaps` lists every visitor text whose translation is missing or empty,
straight from the documents (as you type, without waiting for the validator).
:func:`problem_counts` maps a validator :class:`~kiosk.bundle.Report` onto the outline's nodes
(bundle → entity → slide / demo → screen → hotspot / form item); both are pure functions.
Field paths are the validator's (``slides[2].caption.en``), so a gap and a problem about one
field name it alike.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from ..bundle import texts
from ..bundle.problems import Problem, Report, Severity
from .fields import BUNDLE_FILE, FieldPath, entity_file, entity_of, format_path, parse_path

if TYPE_CHECKING:
    from .document import Project

__all__ = [
    "Counts",
    "Gap",
    "Node",
    "media_uses",
    "node_of",
    "problem_counts",
    "text_fields",
    "translation_gaps",
]


@dataclass(frozen=True, order=True)
class Gap:
    """A visitor text with no usable translation in ``lang``."""

    file: str
    field: str
    """The missing entry, as the validator names it: ``slides[2].caption.en``."""
    lang: str
    text: str
    """The text's table (``slides[2].caption``), where the pair of fields is shown."""
    missing: bool
    """True when there is no entry at all; False when it is empty (or only invisible)."""

    @property
    def path(self) -> FieldPath:
        """The text's table as a path, for :class:`~kiosk.authoring.commands.SetText`."""
        return parse_path(self.text)


@dataclass(frozen=True, order=True)
class Node:
    """One node of the outline: a manifest and the path of a thing in it.

    ``Node("bundle.toml", "")`` is the bundle; ``Node("entities/moi/entity.toml", "")`` an
    entity; its ``path`` is ``slides[2]``, ``demos[0]``, ``demos[0].screens[1]``,
    ``demos[0].screens[1].hotspots[0]`` or ``demos[0].screens[1].items[3]`` below it. The
    bundle's schedule is ``Node("bundle.toml", "schedule")``, its entries
    ``schedule.daypart[1]`` and the like."""

    file: str
    path: str = ""

    def parent(self) -> Node | None:
        """The node above this one (the bundle has none)."""
        parts = parse_path(self.path)
        if parts:
            cut = parts[:-2] if isinstance(parts[-1], int) else parts[:-1]
            return Node(self.file, format_path(cut))
        return None if self.file == BUNDLE_FILE else Node(BUNDLE_FILE)

    def lineage(self) -> Iterator[Node]:
        """This node, then each node above it up to the bundle."""
        node: Node | None = self
        while node is not None:
            yield node
            node = node.parent()


@dataclass
class Counts:
    """Problems at a node and below it."""

    errors: int = 0
    warnings: int = 0
    problems: list[Problem] = field(default_factory=list, repr=False)

    @property
    def total(self) -> int:
        return self.errors + self.warnings


def node_of(file: str, fld: str) -> Node:
    """The deepest outline node a (file, field) falls in: ``slides[2].caption.en`` → the
    slide, ``demos[0].screens[1].items[2].label.ar`` → the form item. Fields of bundle.toml
    (and files that are not manifests) fall on the bundle, those of its schedule on the
    Schedule node or its entry (``schedule.daypart[1].from`` → ``schedule.daypart[1]``)."""
    parts = parse_path(fld)
    if entity_of(file) is None:
        if file != BUNDLE_FILE or not parts or parts[0] != "schedule":
            return Node(BUNDLE_FILE)
        entry = len(parts) > 2 and parts[1] in ("hours", "daypart", "interrupt")
        return Node(
            BUNDLE_FILE,
            format_path(parts[:3] if entry and isinstance(parts[2], int) else parts[:1]),
        )

    def index_at(i: int, key: str | tuple[str, ...]) -> bool:
        keys = (key,) if isinstance(key, str) else key
        return len(parts) > i + 1 and parts[i] in keys and isinstance(parts[i + 1], int)

    keep: FieldPath = ()
    if index_at(0, "slides"):
        keep = parts[:2]
    elif index_at(0, "demos"):
        keep = parts[:2]
        if index_at(2, "screens"):
            keep = parts[:4]
            if index_at(4, ("hotspots", "items")):
                keep = parts[:6]
    return Node(file, format_path(keep))


def problem_counts(
    report: Report,
    entity_order: Sequence[str] = (),
    uses: Mapping[str, Sequence[tuple[str, str]]] | None = None,
) -> dict[Node, Counts]:
    """Errors and warnings per outline node, each counted at its node and every node above.

    ``entity_order`` (bundle.toml's ``entities``) places problems about ``entities[i]`` on
    that entity; ``uses`` (:func:`media_uses`) places a media file's problems on the slides
    and screens that show it. Other files' problems count on their entity (by folder), else
    on the bundle."""
    out: dict[Node, Counts] = {}
    for problem in report.problems:
        for node in _nodes_for(problem, entity_order, uses or {}):
            for above in node.lineage():
                counts = out.setdefault(above, Counts())
                if problem.severity is Severity.ERROR:
                    counts.errors += 1
                else:
                    counts.warnings += 1
                counts.problems.append(problem)
    return out


def _nodes_for(
    problem: Problem, order: Sequence[str], uses: Mapping[str, Sequence[tuple[str, str]]]
) -> list[Node]:
    file, fld = problem.file, problem.field
    if file == BUNDLE_FILE:
        parts = parse_path(fld)
        listed = len(parts) >= 2 and parts[0] == "entities" and isinstance(parts[1], int)
        if listed and isinstance(parts[1], int) and parts[1] < len(order):
            return [Node(entity_file(order[parts[1]]))]
        return [node_of(file, fld)]
    if entity_of(file) is not None:
        return [node_of(file, fld)]
    if uses.get(file):
        # one count per node even when a slide uses a file twice (image and poster)
        return sorted({node_of(f, p) for f, p in uses[file]})
    rel = PurePosixPath(file)
    if len(rel.parts) >= 3 and rel.parts[0] == "entities":
        return [Node(entity_file(rel.parts[1]))]
    return [Node(BUNDLE_FILE)]


# -- the texts a visitor sees ----------------------------------------------------------------

_ITEM_TEXTS: dict[str, tuple[tuple[str, bool], ...]] = {
    "header": (("text", True),),
    "paragraph": (("text", True),),
    "field": (("label", True), ("placeholder", False)),
    "choice": (("label", True),),
    "button": (("label", True),),
    "list": (("label", False),),
}


def _tables(data: Any, key: str) -> list[tuple[int, dict[str, Any]]]:
    raw = data.get(key) if isinstance(data, dict) else None
    if not isinstance(raw, list):
        return []
    return [(i, t) for i, t in enumerate(raw) if isinstance(t, dict)]


def _entity_texts(data: Any) -> Iterator[tuple[FieldPath, bool]]:
    yield ("name",), True
    yield ("description",), True
    for i, slide in _tables(data, "slides"):
        if slide.get("kind") != "text" or "caption" in slide:
            yield ("slides", i, "caption"), False  # a text slide shows none (its title)
        if slide.get("kind") == "text":
            yield ("slides", i, "title"), True
            yield ("slides", i, "body"), False
            for j, _ in enumerate(slide.get("bullets") or []):
                yield ("slides", i, "bullets", j), True
    for d, demo in _tables(data, "demos"):
        yield ("demos", d, "title"), True
        yield ("demos", d, "summary"), True
        for s, screen in _tables(demo, "screens"):
            base: FieldPath = ("demos", d, "screens", s)
            yield (*base, "title"), True
            for h, _ in _tables(screen, "hotspots"):
                yield (*base, "hotspots", h, "hint"), True
            for k, item in _tables(screen, "items"):
                ip: FieldPath = (*base, "items", k)
                for key, required in _ITEM_TEXTS.get(str(item.get("type")), ()):
                    yield (*ip, key), required
                for m, _ in enumerate(
                    item.get("options") or [] if item.get("type") == "choice" else []
                ):
                    yield (*ip, "options", m), True
                for m, _ in _tables(item, "rows") if item.get("type") == "list" else []:
                    yield (*ip, "rows", m, "label"), True
                    yield (*ip, "rows", m, "value"), True


def text_fields(
    project: Project, files: Collection[str] | None = None
) -> Iterator[tuple[str, FieldPath, bool]]:
    """Every visitor text of the project (of ``files`` only, when given): (file, path of its
    table, required)."""
    if files is None or BUNDLE_FILE in files:
        yield BUNDLE_FILE, ("title",), True
        yield BUNDLE_FILE, ("subtitle",), False
        schedule = (
            project.docs[BUNDLE_FILE].get("schedule") if BUNDLE_FILE in project.docs else None
        )
        for i, _ in _tables(schedule, "interrupt"):  # shown over the loop and in the countdown
            yield BUNDLE_FILE, ("schedule", "interrupt", i, "title"), False
    for eid in project.entity_ids:
        file = entity_file(eid)
        if file in project.docs and (files is None or file in files):
            for path, required in _entity_texts(project.docs[file]):
                yield file, path, required


def translation_gaps(project: Project, files: Collection[str] | None = None) -> list[Gap]:
    """Each visitor text with a language missing or empty (or only invisible characters), in
    the whole project or in ``files``.

    An optional text that is absent is no gap; a required one that is absent is a gap in
    every language. In the order of the outline."""
    from .fields import lookup

    gaps: list[Gap] = []
    for file, path, required in text_fields(project, files):
        value = lookup(project.docs[file], path)
        if value is None and not required:
            continue
        if value is not None and not isinstance(value, dict):
            continue  # not a text table: the validator says so
        table = value or {}
        for lang in project.languages:
            entry = table.get(lang)
            if isinstance(entry, str) and texts.visible(entry):
                continue
            if entry is not None and not isinstance(entry, str):
                continue
            gaps.append(
                Gap(file, format_path((*path, lang)), lang, format_path(path), entry is None)
            )
    return gaps


def media_uses(project: Project) -> dict[str, list[tuple[str, str]]]:
    """Media file (relative to the bundle) → the (file, field) pairs that name it, as the
    validator resolves them, for :func:`problem_counts`."""
    uses: dict[str, list[tuple[str, str]]] = {}
    for eid in project.entity_ids:
        file = entity_file(eid)
        data = project.docs.get(file)
        if data is None:
            continue
        base = PurePosixPath("entities", eid)

        def add(path: FieldPath, value: Any, file: str = file, base: PurePosixPath = base) -> None:
            if isinstance(value, str) and value:
                rel = str(base / value)
                uses.setdefault(rel, []).append((file, format_path(path)))

        add(("logo",), data.get("logo"))
        for i, slide in _tables(data, "slides"):
            for key in ("image", "video", "poster"):
                add(("slides", i, key), slide.get(key))
        for d, demo in _tables(data, "demos"):
            for s, screen in _tables(demo, "screens"):
                add(("demos", d, "screens", s, "image"), screen.get("image"))
    return uses
