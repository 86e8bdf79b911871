"""Entity commands: add, duplicate, delete and reorder entities.

The ``entities`` list of bundle.toml is the Home order, and each id in it is a folder
``entities/<id>`` with an ``entity.toml``: these commands change the list and the entity's
document together, and :meth:`~kiosk.authoring.document.Project.save` makes the folders
follow (a new folder, a copy of the original's media for a duplicate, a deleted one moved to
the trash).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..bundle.limits import is_slug
from . import style
from .commands import MoveItem, SnapshotCommand, unique_id
from .document import LOGO
from .fields import BUNDLE_FILE, entity_file
from .labels import Label

if TYPE_CHECKING:
    from .document import Project

__all__ = [
    "AddEntity",
    "DeleteEntity",
    "DuplicateEntity",
    "MoveEntity",
    "entity_template",
    "free_entity_id",
]

ACCENT = "#0D6E6E"
"""The scaffold's accent: white text on it has a contrast of 6.3:1."""


def _empty(languages: tuple[str, ...]) -> dict[str, Any]:
    return {lang: "" for lang in languages}


def entity_template(
    entity_id: str, languages: tuple[str, ...], name: dict[str, str] | None = None
) -> str:
    """The entity.toml of a new entity: empty texts to fill in, one text slide (an entity needs
    one), the scaffold's accent and a placeholder logo (written by the save)."""
    texts = _empty(languages)
    head: dict[str, Any] = {
        "id": entity_id,
        "accent": ACCENT,
        "logo": LOGO,
        "name": {**texts, **(name or {})},
        "description": texts,
    }
    slide: dict[str, Any] = {"id": "welcome", "kind": "text", "title": texts, "body": texts}
    lines = "".join(f"{k} = {style.inline_text(v)}\n" for k, v in head.items())
    body = "".join(f"{k} = {style.inline_text(v)}\n" for k, v in slide.items())
    return f"{lines}\n[[slides]]\n{body}"


def free_entity_id(project: Project, base: str = "entity") -> str:
    """An id no entity of the project uses and no folder under ``entities/`` has."""
    folders = project.root / "entities"
    taken = set(project.entity_ids)
    if folders.is_dir():
        taken |= {p.name for p in folders.iterdir()}
    return unique_id(base, taken)


def _check_new(project: Project, entity_id: str) -> None:
    if not is_slug(entity_id):
        raise ValueError(
            f"'{entity_id}' is not a valid id: use lower-case letters, digits and single hyphens"
        )
    if entity_id in project.entity_ids or entity_file(entity_id) in project.docs:
        raise ValueError(f"an entity '{entity_id}' exists already: choose another id")
    folder = project.root / "entities" / entity_id
    if folder.exists() and entity_id not in project.entities_on_disk():
        raise ValueError(
            f"entities/{entity_id} exists already (an entity not listed in bundle.toml): "
            "choose another id, or add that folder's id to the list"
        )


def _insert_id(project: Project, entity_id: str, index: int | None) -> None:
    doc = project.document(BUNDLE_FILE)
    listed = doc.get("entities")
    if not isinstance(listed, list):
        doc["entities"] = style.inline([entity_id])
        return
    at = len(listed) if index is None else max(0, min(index, len(listed)))
    listed.insert(at, entity_id)


class AddEntity(SnapshotCommand):
    """A new entity ``entity_id`` at position ``index`` of the Home order (None: last)."""

    def __init__(
        self, entity_id: str, index: int | None = None, name: dict[str, str] | None = None
    ) -> None:
        super().__init__()
        self.entity_id, self.index, self.name = entity_id, index, name
        self.files = (BUNDLE_FILE, entity_file(entity_id))
        self.label = Label("إضافة جهة", "Add an entity")

    def apply(self, project: Project) -> None:
        _check_new(project, self.entity_id)
        text = entity_template(self.entity_id, project.languages, self.name)
        _insert_id(project, self.entity_id, self.index)
        project.put_text(entity_file(self.entity_id), text)


class DuplicateEntity(SnapshotCommand):
    """A copy of entity ``source`` as ``entity_id``, just after it; its folder is copied
    (media included) when saving."""

    def __init__(self, source: str, entity_id: str) -> None:
        super().__init__()
        self.source, self.entity_id = source, entity_id
        self.files = (BUNDLE_FILE, entity_file(entity_id))
        self.label = Label("تكرار جهة", "Duplicate an entity")

    def apply(self, project: Project) -> None:
        _check_new(project, self.entity_id)
        text = project.text(entity_file(self.source))
        order = project.entity_ids
        _insert_id(project, self.entity_id, order.index(self.source) + 1)
        project.put_text(entity_file(self.entity_id), text)
        project.document(entity_file(self.entity_id))["id"] = self.entity_id
        if self.source in project.entities_on_disk():
            project.media_from[self.entity_id] = project.root / "entities" / self.source
        elif self.source in project.media_from:
            project.media_from[self.entity_id] = project.media_from[self.source]


class DeleteEntity(SnapshotCommand):
    """Remove entity ``entity_id`` from the Home order and the project; saving moves its
    folder into ``.studio-trash/``."""

    def __init__(self, entity_id: str) -> None:
        super().__init__()
        self.entity_id = entity_id
        self.files = (BUNDLE_FILE, entity_file(entity_id))
        self.label = Label("حذف جهة", "Delete an entity")

    def apply(self, project: Project) -> None:
        listed = project.document(BUNDLE_FILE).get("entities")
        if not isinstance(listed, list) or self.entity_id not in listed:
            raise KeyError(f"bundle.toml: no entity '{self.entity_id}' in entities")
        del listed[[str(e) for e in listed].index(self.entity_id)]
        project.put_text(entity_file(self.entity_id), None)
        project.media_from.pop(self.entity_id, None)


class MoveEntity(MoveItem):
    """Move the entity at ``src`` of the Home order to ``dst``."""

    def __init__(self, src: int, dst: int) -> None:
        super().__init__(BUNDLE_FILE, ("entities",), src, dst)
        self.label = Label("نقل جهة", "Move an entity")
