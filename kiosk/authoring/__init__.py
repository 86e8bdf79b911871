"""The authoring model: a bundle open for editing, pure Python (never imports Qt).

A :class:`Project` holds a bundle's manifests as tomlkit documents, so every comment, blank
line and spacing survives an edit. Every change is a small command object with ``do`` and
``undo`` and a label in Arabic and English; :class:`History` keeps them for undo and redo
(a Qt QUndoStack can wrap the same commands). The Studio and the CLI importers share this one
code path. docs/authoring.md tells the story; the modules:

- :mod:`.document`: :class:`Project` (new, open, open_zip, save, autosave, restore, locks)
- :mod:`.commands`: :class:`SetText`, :class:`SetValue`, :class:`SetHotspotRect`, and
  :class:`InsertItem` / :class:`RemoveItem` / :class:`MoveItem` / :class:`DuplicateItem` for
  slides, demos, screens, hotspots, form items, bullets, options and rows
- :mod:`.entities`: :class:`AddEntity`, :class:`DuplicateEntity`, :class:`DeleteEntity`,
  :class:`MoveEntity` (the Home order)
- :mod:`.builders`: ready-made "Add" commands with fresh ids and empty texts
- :mod:`.history`: :class:`History`
- :mod:`.gaps`: :func:`translation_gaps`, :func:`problem_counts` over a validator Report
- :mod:`.recovery`, :mod:`.lock`: the autosave journal and the ``.studio-lock``
- :mod:`.media_in` (with :mod:`.transcode`): how a picture or video comes in (the normaliser's
  policy; the pixels are :mod:`kiosk.qt.normalise`'s)
- :mod:`.fields`, :mod:`.geometry`, :mod:`.labels`, :mod:`.style`: paths, hotspot
  fractions, bilingual labels, the house style of new TOML

Example::

    project = Project.open(folder)
    project.history.push(SetText(entity_file("moi"), ("slides", 2, "caption"), "en", "Hello"))
    project.history.undo()
    project.save()
"""

from __future__ import annotations

from .builders import (
    add_bullet,
    add_demo,
    add_form_item,
    add_hotspot,
    add_screen,
    add_slide,
    item_template,
)
from .commands import (
    Command,
    DuplicateItem,
    InsertItem,
    MoveItem,
    RemoveItem,
    SetHotspotRect,
    SetText,
    SetValue,
    SnapshotCommand,
    unique_id,
)
from .document import Project, ProjectError, SaveResult
from .entities import AddEntity, DeleteEntity, DuplicateEntity, MoveEntity, free_entity_id
from .fields import (
    BUNDLE_FILE,
    FieldPath,
    entity_file,
    entity_of,
    format_path,
    lookup,
    parse_path,
)
from .gaps import Counts, Gap, Node, media_uses, node_of, problem_counts, translation_gaps
from .geometry import rect_from_pixels, rect_to_pixels
from .history import History
from .labels import Label
from .lock import LockInfo, holder
from .recovery import Journal, RestoreJournal, discard, recoverable

__all__ = [
    "BUNDLE_FILE",
    "AddEntity",
    "Command",
    "Counts",
    "DeleteEntity",
    "DuplicateEntity",
    "DuplicateItem",
    "FieldPath",
    "Gap",
    "History",
    "InsertItem",
    "Journal",
    "Label",
    "LockInfo",
    "MoveEntity",
    "MoveItem",
    "Node",
    "Project",
    "ProjectError",
    "RemoveItem",
    "RestoreJournal",
    "SaveResult",
    "SetHotspotRect",
    "SetText",
    "SetValue",
    "SnapshotCommand",
    "add_bullet",
    "add_demo",
    "add_form_item",
    "add_hotspot",
    "add_screen",
    "add_slide",
    "discard",
    "entity_file",
    "entity_of",
    "format_path",
    "free_entity_id",
    "holder",
    "item_template",
    "lookup",
    "media_uses",
    "node_of",
    "parse_path",
    "problem_counts",
    "recoverable",
    "rect_from_pixels",
    "rect_to_pixels",
    "translation_gaps",
    "unique_id",
]
