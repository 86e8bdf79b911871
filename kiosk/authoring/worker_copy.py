"""A project's in-memory state copied for a worker thread, and its edits brought back as one
undo step (Kiosk Studio's importers, kiosk/qt/studio/imports.py).

The importers (:mod:`.deck`, :mod:`.slide_sheet`, :mod:`.translation`) push their edits on
``project.history``. Run on the project the Studio shows, from a worker thread, they would
change documents the GUI thread is reading. So the GUI thread takes the documents' texts
(:func:`take`, quick: they are cached), the worker opens a :class:`WorkerCopy` from them (the
unsaved edits included, nothing read from disk) and runs the importer on it, and the GUI thread
then pushes the copy's edits on the real history as one :class:`Batch`: one undo step.

Commands address values by file and field path and hold no tomlkit objects from one call to
the next (:mod:`.commands`), so each one, done again on the real project from the same state,
makes the same change. :func:`same_state` says whether the real project is still in that state.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .commands import Command
from .document import Project
from .history import History
from .labels import Label

__all__ = ["Batch", "Taken", "WorkerCopy", "same_state", "take"]


@dataclass(frozen=True)
class Taken:
    """What a worker needs of a project: its folder, its documents' texts, its state."""

    root: Path
    texts: dict[str, str]
    state: dict[str, Any]
    generation: int


def take(project: Project) -> Taken:
    """On the GUI thread: the project's state as plain data a worker may read."""
    texts = {file: project.text(file) for file in project.docs}
    return Taken(project.root, texts, project.snapshot(), project.generation)


def same_state(project: Project, taken: Taken) -> bool:
    """True while ``project`` has not changed since :func:`take` (no edit, undo or redo)."""
    return project.root == taken.root and project.generation == taken.generation


class _Recorder(History):
    """The copy's history: does and records each command (never merges them)."""

    def push(self, command: Command) -> None:
        command.do(self.project)
        del self._commands[self._index :]
        self._commands.append(command)
        self._index += 1
        self._changed()

    @property
    def done(self) -> list[Command]:
        return self._commands[: self._index]


class WorkerCopy(Project):
    """A project made from :func:`take`'s texts, for a worker thread; never saved."""

    def __init__(self, taken: Taken) -> None:
        super().__init__(taken.root)
        for file, text in taken.texts.items():
            self.put_text(file, text)
        self.restore_snapshot(taken.state)
        self.recorder = _Recorder(self)
        self.history = self.recorder

    def edits(self) -> list[Command]:
        """The commands the importer did (and did not undo), in order."""
        return list(self.recorder.done)


class Batch(Command):
    """Several commands as one undo step ("Import deck.pdf")."""

    def __init__(self, label: Label, commands: Iterable[Command]) -> None:
        self.label = label
        self.commands = list(commands)
        self.files = tuple(dict.fromkeys(f for c in self.commands for f in c.files))

    def do(self, project: Project) -> None:
        done: list[Command] = []

        def run() -> None:
            try:
                for command in self.commands:
                    command.do(project)
                    done.append(command)
            except BaseException:
                for command in reversed(done):
                    command.undo(project)
                raise

        self._quietly(project, run)

    def undo(self, project: Project) -> None:
        def run() -> None:
            for command in reversed(self.commands):
                command.undo(project)

        self._quietly(project, run)

    def _quietly(self, project: Project, run: Callable[[], None]) -> None:
        """``run()`` with the project's listeners told once at the end, not at each command
        (the Studio redraws its outline for each: a 40-page deck is one redraw, not 80)."""
        listeners, project._listeners = project._listeners, []
        try:
            run()
        finally:
            project._listeners = listeners
            project.touched(*self.files)
