"""Autosave and crash recovery: the unsaved state, journaled inside the bundle folder.

:meth:`Project.autosave <kiosk.authoring.document.Project.autosave>` writes every changed
document's text into ``.studio-recovery/journal.json`` (one file, written atomically, so a
kill -9 leaves the previous journal or the new one). The folder is hidden and never
validated, packed or installed. A clean save removes it. After a crash,
:func:`recoverable` finds it, and :meth:`Project.restore` applies it as one undoable step.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..atomicfile import write_atomic
from ..bundle.media import STUDIO_RECOVERY
from .commands import SnapshotCommand
from .labels import Label
from .lock import holder

if TYPE_CHECKING:
    from .document import Project

__all__ = ["JOURNAL", "Journal", "RestoreJournal", "discard", "recoverable", "write_journal"]

JOURNAL = f"{STUDIO_RECOVERY}/journal.json"


def _sha(data: bytes | None) -> str | None:
    return hashlib.sha256(data).hexdigest() if data is not None else None


@dataclass(frozen=True)
class Journal:
    """An autosaved state found in a bundle folder."""

    written: str
    """When it was written, ISO 8601 in UTC."""
    files: dict[str, str | None]
    """File → its unsaved text (None: the file was removed, e.g. a deleted entity)."""
    media_from: dict[str, str]
    disk_changed: list[str]
    """Files changed on disk after the journal was written (by hand, or by another program):
    restoring replaces those changes."""


def write_journal(project: Project) -> None:
    """Journal every file that differs from the disk (called by ``Project.autosave``)."""
    changed = project.changed_files()
    files: dict[str, str | None] = {f: project.text(f) for f in changed}
    for eid in project.entities_on_disk():
        file = f"entities/{eid}/entity.toml"
        if file not in project.docs:
            files[file] = None
    base = {f: _sha(project.disk_bytes(f)) for f in files}
    data = {
        "format": 1,
        "written": datetime.now(UTC).isoformat(timespec="seconds"),
        "files": files,
        "base": base,
        "media_from": {
            eid: path.relative_to(project.root).as_posix()
            for eid, path in project.media_from.items()
            if path.is_relative_to(project.root)
        },
    }
    write_atomic(project.root / JOURNAL, json.dumps(data, ensure_ascii=False).encode("utf-8"))


def _read(folder: Path) -> Journal | None:
    try:
        data: Any = json.loads((folder / JOURNAL).read_text("utf-8"))
        files = {str(k): (str(v) if v is not None else None) for k, v in data["files"].items()}
        base = {str(k): v for k, v in data["base"].items()}
        media = {str(k): str(v) for k, v in data["media_from"].items()}
        written = str(data["written"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    changed = []
    for file, sha in base.items():
        try:
            now = _sha((folder / file).read_bytes())
        except OSError:
            now = None
        if now != sha:
            changed.append(file)
    return Journal(written, files, media, sorted(changed))


def recoverable(folder: Path) -> Journal | None:
    """The unsaved state a Studio left in ``folder`` when it stopped without saving (a crash,
    kill -9, a power cut); None when there is none, or that Studio is still running."""
    if not (folder / JOURNAL).is_file() or holder(folder) is not None:
        return None
    return _read(folder)


def discard(folder: Path) -> None:
    """Remove the journal (after a save, or when staff decline to restore)."""
    with contextlib.suppress(OSError):
        shutil.rmtree(folder / STUDIO_RECOVERY)


class RestoreJournal(SnapshotCommand):
    """Apply an autosaved journal to a freshly opened project, as one undoable step."""

    def __init__(self, journal: Journal) -> None:
        super().__init__()
        self.journal = journal
        self.files = tuple(journal.files)
        self.label = Label("استعادة العمل غير المحفوظ", "Restore unsaved work")

    def apply(self, project: Project) -> None:
        for file, text in self.journal.files.items():
            project.put_text(file, text)
        for eid, rel in self.journal.media_from.items():
            project.media_from[eid] = project.root / rel
