"""The Studio's outline and its background check, pure Python (never imports Qt).

:func:`outline` lists the project as a tree of :class:`~.gaps.Node` s (bundle → entities in
the Home order → slides and demos → screens → hotspots and form items), each with a short
title in Arabic and English. :func:`texts_at` lists the visitor texts an editor shows for one
node. :func:`snapshot` and :func:`check_snapshot` validate the *unsaved* state: the documents'
text is taken on the GUI thread, and a worker thread validates a shadow copy of the folder
(media hard-linked where the disk allows, copied otherwise) with those manifests in it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from ..bundle import scaffold
from ..bundle.media import MediaInspector, StructuralInspector, is_studio
from ..bundle.problems import Report
from ..bundle.validate import validate
from .document import LOGO
from .fields import BUNDLE_FILE, FieldPath, entity_file, format_path
from .gaps import Node, node_of, text_fields
from .labels import Label
from .schedule_edit import KINDS, NAMES, SCHEDULE, entries, entry_title

if TYPE_CHECKING:
    from .document import Project

__all__ = ["OutlineItem", "check_snapshot", "outline", "snapshot", "texts_at"]


@dataclass
class OutlineItem:
    """One node of the outline, with its title and the nodes below it."""

    node: Node
    kind: str
    """``bundle``, ``entity``, ``slide``, ``demo``, ``screen``, ``hotspot`` or ``item``;
    ``schedule`` and its ``hours``, ``daypart`` and ``interrupt`` entries."""
    title: Label
    children: list[OutlineItem] = field(default_factory=list)

    def walk(self) -> list[OutlineItem]:
        """This item and every item below it, in outline order."""
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


_KINDS = {
    "slide": Label("شريحة", "Slide"),
    "demo": Label("عرض خدمة", "Demo"),
    "screen": Label("شاشة", "Screen"),
    "hotspot": Label("نقطة لمس", "Hotspot"),
    "item": Label("عنصر", "Item"),
}


def one_line(value: Any, lang: str) -> str:
    """A visitor text's ``lang`` on one line (its runs of spaces and line breaks made one
    space), or "" when it has none."""
    if isinstance(value, dict):
        entry = value.get(lang)
        if isinstance(entry, str) and entry.strip():
            return " ".join(entry.split())
    return ""


def _title(kind: str, number: int, table: Any, keys: tuple[str, ...], ident: str) -> Label:
    """``Slide 2: Welcome``; the text in each language, else the id, else only the number."""
    base = _KINDS[kind]
    parts: list[str] = []
    for lang in ("ar", "en"):
        text = next((t for k in keys if (t := one_line(table.get(k), lang))), "") or ident
        head = f"{base.get(lang)} {number}"
        parts.append(f"{head}: {text}" if text else head)
    return Label(parts[0], parts[1])


def _tables(data: Any, key: str) -> list[tuple[int, Any]]:
    raw = data.get(key) if isinstance(data, dict) else None
    if not isinstance(raw, list):
        return []
    return [(i, t) for i, t in enumerate(raw) if isinstance(t, dict)]


def _ident(table: Any) -> str:
    value = table.get("id") if isinstance(table, dict) else None
    return str(value) if isinstance(value, str) else ""


def outline(project: Project) -> OutlineItem:
    """The whole outline, its root the bundle."""
    doc = project.bundle
    title = Label(one_line(doc.get("title"), "ar") or _ident(doc), one_line(doc.get("title"), "en"))
    root = OutlineItem(Node(BUNDLE_FILE), "bundle", Label(title.ar, title.en or _ident(doc)))
    for eid in project.entity_ids:
        file = entity_file(eid)
        data = project.docs.get(file)
        if data is None:
            bad = Label(f"{eid} (لا يمكن قراءته)", f"{eid} (cannot be read)")
            root.children.append(OutlineItem(Node(file), "entity", bad))
            continue
        name = Label(
            one_line(data.get("name"), "ar") or eid, one_line(data.get("name"), "en") or eid
        )
        entity = OutlineItem(Node(file), "entity", name)
        root.children.append(entity)
        for i, slide in _tables(data, "slides"):
            path = format_path(("slides", i))
            t = _title("slide", i + 1, slide, ("title", "caption"), _ident(slide))
            entity.children.append(OutlineItem(Node(file, path), "slide", t))
        for d, demo in _tables(data, "demos"):
            dpath: FieldPath = ("demos", d)
            t = _title("demo", d + 1, demo, ("title",), _ident(demo))
            demo_item = OutlineItem(Node(file, format_path(dpath)), "demo", t)
            entity.children.append(demo_item)
            for s, screen in _tables(demo, "screens"):
                spath: FieldPath = (*dpath, "screens", s)
                t = _title("screen", s + 1, screen, ("title",), _ident(screen))
                screen_item = OutlineItem(Node(file, format_path(spath)), "screen", t)
                demo_item.children.append(screen_item)
                for h, spot in _tables(screen, "hotspots"):
                    hpath = format_path((*spath, "hotspots", h))
                    t = _title("hotspot", h + 1, spot, ("hint",), "")
                    screen_item.children.append(OutlineItem(Node(file, hpath), "hotspot", t))
                for k, item in _tables(screen, "items"):
                    ipath = format_path((*spath, "items", k))
                    t = _title("item", k + 1, item, ("text", "label"), str(item.get("type", "")))
                    screen_item.children.append(OutlineItem(Node(file, ipath), "item", t))
    root.children.append(_schedule(project))
    return root


def _schedule(project: Project) -> OutlineItem:
    """The Schedule node (always there, so that staff can add the first entry) and one node
    per opening-hours entry, daypart and interrupt, in that order."""
    item = OutlineItem(Node(BUNDLE_FILE, format_path(SCHEDULE)), "schedule", NAMES["schedule"])
    for kind in KINDS:
        for i, table in enumerate(entries(project, kind)):
            node = Node(BUNDLE_FILE, format_path((*SCHEDULE, kind, i)))
            item.children.append(OutlineItem(node, kind, entry_title(kind, i, table)))
    return item


def texts_at(project: Project, node: Node) -> list[tuple[FieldPath, bool]]:
    """The visitor texts an editor shows for ``node`` (path of the text's table, required):
    those that fall on the node itself, not on a node below it."""
    return [
        (path, required)
        for file, path, required in text_fields(project)
        if file == node.file and node_of(file, format_path(path)) == node
    ]


def snapshot(project: Project) -> dict[str, bytes]:
    """The manifests as they would be saved (take this on the thread that edits)."""
    return {file: project.encoded(file) for file in project.docs}


def check_snapshot(
    root: Path, manifests: dict[str, bytes], inspector: MediaInspector | None = None
) -> Report:
    """Validate ``root`` as it would be with ``manifests`` saved (for a worker thread).

    Problems name files relative to the bundle, as :func:`kiosk.bundle.validate` does."""
    inspecting = inspector or StructuralInspector()
    if all(_same(root / f, data) for f, data in manifests.items()):
        return validate(root, inspecting)
    with tempfile.TemporaryDirectory(prefix="kiosk-studio-check-") as tmp:
        shadow = Path(tmp) / "bundle"
        _shadow(root, shadow, manifests)
        return validate(shadow, inspecting)


def _same(path: Path, data: bytes) -> bool:
    try:
        return path.read_bytes() == data
    except OSError:
        return False


def _shadow(root: Path, shadow: Path, manifests: dict[str, bytes]) -> None:
    shadow.mkdir()
    entity_dirs = {str(Path(f).parent) for f in manifests if f != BUNDLE_FILE}
    for dirpath, dirnames, filenames in os.walk(root):
        rel = Path(dirpath).relative_to(root)
        if rel.parts and is_studio(_posix(rel)):
            dirnames.clear()
            continue
        (shadow / rel).mkdir(parents=True, exist_ok=True)
        for name in filenames:
            src = Path(dirpath) / name
            rel_file = (rel / name).as_posix()
            if rel_file in manifests or (not rel.parts and is_studio(_posix(Path(name)))):
                continue
            if src.is_symlink():  # kept a link: the validator refuses it, as in the real folder
                with contextlib.suppress(OSError):
                    (shadow / rel / name).symlink_to(src.readlink())
                continue
            _link(src, shadow / rel / name)
    for f in entity_dirs:
        if not (root / f / "entity.toml").is_file():
            # a new entity: saving writes its folder and a logo (media may be in it already)
            (shadow / f).mkdir(parents=True, exist_ok=True)
            if not (shadow / f / LOGO).exists():
                (shadow / f / LOGO).write_bytes(scaffold.solid_png(256, 256, (13, 110, 110)))
    for f, data in manifests.items():
        (shadow / f).parent.mkdir(parents=True, exist_ok=True)  # a new entity's, say
        (shadow / f).write_bytes(data)


def _posix(rel: Path) -> PurePosixPath:
    return PurePosixPath(rel.as_posix())


def _link(src: Path, dest: Path) -> None:
    try:
        os.link(src, dest)
    except OSError:
        with contextlib.suppress(OSError):
            shutil.copy2(src, dest)
