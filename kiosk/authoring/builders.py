"""Ready-made commands for the outline's "Add" menu: new slides, demos, screens, hotspots and
form items, with fresh ids and empty texts in every language of the bundle (which the
translation gaps then mark, so nothing is forgotten)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from ..bundle.model import END
from .commands import InsertItem, unique_id
from .fields import FieldPath, entity_file, lookup

if TYPE_CHECKING:
    from .document import Project

__all__ = [
    "add_bullet",
    "add_demo",
    "add_form_item",
    "add_hotspot",
    "add_screen",
    "add_slide",
    "item_template",
]

SlideKind = Literal["image", "video", "text"]
ItemType = Literal["header", "paragraph", "field", "choice", "button", "list"]


def _empty(project: Project) -> dict[str, str]:
    return {lang: "" for lang in project.languages}


def _taken(project: Project, file: str, path: FieldPath) -> list[str]:
    items = lookup(project.document(file), path)
    if not isinstance(items, list):
        return []
    return [str(t["id"]) for t in items if isinstance(t, dict) and isinstance(t.get("id"), str)]


def add_slide(
    project: Project,
    entity_id: str,
    kind: SlideKind = "text",
    index: int | None = None,
    media: str = "",
) -> InsertItem:
    """A new slide of ``kind`` in ``entity_id``; ``media`` is its picture or video path
    (relative to the entity folder), as the media normaliser copied it in."""
    file = entity_file(entity_id)
    slide: dict[str, Any] = {"id": unique_id(kind, _taken(project, file, ("slides",)))}
    slide["kind"] = kind
    if kind == "text":
        slide |= {"title": _empty(project), "body": _empty(project)}
    else:
        slide[kind] = media
        slide["caption"] = _empty(project)
    return InsertItem(file, ("slides",), slide, index)


def add_demo(project: Project, entity_id: str, index: int | None = None) -> InsertItem:
    """A new demo with one form screen whose button ends it (a demo needs a screen)."""
    file = entity_file(entity_id)
    demo = {
        "id": unique_id("demo", _taken(project, file, ("demos",))),
        "title": _empty(project),
        "summary": _empty(project),
        "screens": [_screen(project, "form", "start")],
    }
    return InsertItem(file, ("demos",), demo, index)


def _screen(project: Project, kind: Literal["image", "form"], sid: str) -> dict[str, Any]:
    screen: dict[str, Any] = {"id": sid, "kind": kind, "title": _empty(project)}
    if kind == "image":
        screen["image"] = ""
    else:
        screen["items"] = [item_template(project, "button")]
    return screen


def add_screen(
    project: Project,
    entity_id: str,
    demo: int,
    kind: Literal["image", "form"] = "form",
    index: int | None = None,
    image: str = "",
) -> InsertItem:
    """A new screen in demo ``demo``: a form with a button to the end, or an image screen on
    ``image`` (add its hotspots with :func:`add_hotspot`)."""
    file = entity_file(entity_id)
    path: FieldPath = ("demos", demo, "screens")
    screen = _screen(project, kind, unique_id("screen", _taken(project, file, path)))
    if kind == "image":
        screen["image"] = image
    return InsertItem(file, path, screen, index)


def add_hotspot(
    project: Project,
    entity_id: str,
    demo: int,
    screen: int,
    rect: list[float] | None = None,
    target: str = END,
) -> InsertItem:
    """A new hotspot on an image screen (``rect`` from :func:`~.geometry.rect_from_pixels`)."""
    hotspot = {
        "rect": rect or [0.4, 0.4, 0.2, 0.1],
        "target": target,
        "hint": _empty(project),
    }
    path: FieldPath = ("demos", demo, "screens", screen, "hotspots")
    return InsertItem(entity_file(entity_id), path, hotspot)


def item_template(project: Project, kind: ItemType) -> dict[str, Any]:
    """A form item of ``kind`` with empty texts (a choice has two options, a list one row)."""
    empty = _empty(project)
    if kind in ("header", "paragraph"):
        return {"type": kind, "text": empty}
    item: dict[str, Any] = {"type": kind, "label": empty}
    if kind == "field":
        item["input"] = "text"
    elif kind == "choice":
        item["options"] = [empty, empty]
    elif kind == "button":
        item["target"] = END
    elif kind == "list":
        item["rows"] = [{"label": empty, "value": empty}]
    return item


def add_form_item(
    project: Project,
    entity_id: str,
    demo: int,
    screen: int,
    kind: ItemType,
    index: int | None = None,
) -> InsertItem:
    """A new item of a form screen, from the fixed vocabulary."""
    path: FieldPath = ("demos", demo, "screens", screen, "items")
    return InsertItem(entity_file(entity_id), path, item_template(project, kind), index)


def add_bullet(
    project: Project, entity_id: str, slide: int, index: int | None = None
) -> InsertItem:
    """A new, empty bullet of a text slide."""
    path: FieldPath = ("slides", slide, "bullets")
    return InsertItem(entity_file(entity_id), path, _empty(project), index)
