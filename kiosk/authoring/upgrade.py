"""Bundles in an older format, upgraded in memory when they are opened (pure Python).

``format`` in bundle.toml names the version of the bundle format a bundle is written in
(:data:`kiosk.bundle.model.FORMAT_VERSION` is the one this kiosk reads). When the format
changes, the change gets a :class:`Step` in :data:`STEPS`, keyed by the format it upgrades
*from*: it edits the project's documents (tomlkit, so comments survive) into the next format
and says what it changed, in Arabic and English. :func:`upgrade` runs every step from the
bundle's format up to today's, and sets ``format``, as one undoable :class:`Upgrade` command:
the Studio shows the notes, and the next save writes the upgraded files.

Format 1 is the first and only format so far, so :data:`STEPS` is empty; the mechanism is
tested with a synthetic older format (tests/unit/authoring/test_upgrade.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..bundle.model import FORMAT_VERSION
from .commands import SnapshotCommand
from .fields import BUNDLE_FILE
from .labels import Label

if TYPE_CHECKING:
    from .document import Project

__all__ = ["STEPS", "Step", "Upgrade", "bundle_format", "upgrade"]


@dataclass(frozen=True)
class Step:
    """The change from format ``source`` to ``source + 1``."""

    source: int
    note: Label
    """What changed, for staff ("the entity field 'name' is now called 'title'")."""
    apply: Callable[[Project], None]
    """Edits the project's documents; touches nothing else (the command records them)."""


STEPS: dict[int, Step] = {}
"""format N → the step that upgrades a bundle in format N to format N + 1."""


def bundle_format(project: Project) -> int | None:
    """The ``format`` of bundle.toml; None when it is missing or not a whole number (the
    validator reports that: there is nothing to upgrade from)."""
    raw = project.bundle.get("format")
    return int(raw) if isinstance(raw, int) and not isinstance(raw, bool) else None


class Upgrade(SnapshotCommand):
    """Upgrade the bundle from ``source`` to :data:`FORMAT_VERSION` (one undo step)."""

    def __init__(self, project: Project, steps: list[Step], source: int) -> None:
        super().__init__()
        self.steps = steps
        self.source = source
        self.files = tuple(sorted(project.docs))
        self.label = Label(
            f"ترقية تنسيق الحزمة من {source} إلى {FORMAT_VERSION}",
            f"Upgrade the bundle format from {source} to {FORMAT_VERSION}",
        )

    @property
    def notes(self) -> list[Label]:
        return [s.note for s in self.steps]

    def apply(self, project: Project) -> None:
        for step in self.steps:
            step.apply(project)
        project.bundle["format"] = FORMAT_VERSION


def upgrade(project: Project, steps: Mapping[int, Step] | None = None) -> Upgrade | None:
    """Upgrade ``project`` in memory when its format is older than today's and every step
    from it is known; the :class:`Upgrade` command is pushed on its history (the next save
    writes it) and returned, so the Studio can show its notes. None when there is nothing
    to do, or no way from that format (the validator then names the format and the fix)."""
    table = STEPS if steps is None else steps
    source = bundle_format(project)
    if source is None or source >= FORMAT_VERSION:
        return None
    chain = [table.get(n) for n in range(source, FORMAT_VERSION)]
    if any(step is None for step in chain):
        return None
    command = Upgrade(project, [s for s in chain if s is not None], source)
    project.history.push(command)
    return command


def note_text(command: Upgrade, lang: str) -> str:
    """The message staff read: the file, what changed, and what to do."""
    ar = lang == "ar"
    head = (
        f"الملف \u2066{BUNDLE_FILE}\u2069: كُتبت الحزمة بالتنسيق {command.source}، "
        f"ورقّاها الاستوديو إلى التنسيق {FORMAT_VERSION}:"
        if ar
        else f"{BUNDLE_FILE}: the bundle was written in format {command.source}; the Studio "
        f"upgraded it to format {FORMAT_VERSION}:"
    )
    lines = [f"• {n.get(lang)}" for n in command.notes]
    tail = (
        "الحل: راجع التعديلات ثم احفظ الحزمة (\u2066Ctrl+S\u2069) ليُكتب التنسيق الجديد؛ "
        "التراجع يعيدها كما كانت."
        if ar
        else "Fix: check the changes, then save (Ctrl+S) to write the new format; "
        "Undo puts it back as it was."
    )
    rlm = "\u200f" if ar else ""  # each line right to left, whatever its first word
    return "\n".join(rlm + line for line in [head, *lines, tail])
