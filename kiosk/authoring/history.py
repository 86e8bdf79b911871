"""The undo history: a stack of commands with a clean mark, shaped like Qt's QUndoStack.

:meth:`History.push` runs a command and records it; :meth:`undo` and :meth:`redo` walk the
stack; a push after undoing drops the commands that were undone. A command that
:meth:`~kiosk.authoring.commands.Command.merge` accepts the next one (typing into one field)
becomes one step. :attr:`clean` is True at the step last saved.

The Studio may wrap this in a QUndoStack instead: a QUndoCommand whose ``redo()`` calls
``command.do(project)``, ``undo()`` calls ``command.undo(project)``, ``id()`` returns
``command.merge_key`` hashed and ``mergeWith()`` calls ``command.merge``. The commands
themselves never touch Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .commands import Command
from .labels import Label

if TYPE_CHECKING:
    from .document import Project

__all__ = ["History"]


class History:
    """Undo and redo for one :class:`~kiosk.authoring.document.Project`."""

    def __init__(self, project: Project, limit: int = 1000) -> None:
        self.project = project
        self.limit = limit
        """The oldest steps are forgotten past this many."""
        self._commands: list[Command] = []
        self._index = 0
        self._clean: int | None = 0
        self._listeners: list[Callable[[], None]] = []

    def add_listener(self, listener: Callable[[], None]) -> None:
        """``listener()`` is called after each push, undo, redo and clean mark."""
        self._listeners.append(listener)

    def _changed(self) -> None:
        for listener in list(self._listeners):
            listener()

    @property
    def index(self) -> int:
        """How many commands are done (the position in the stack)."""
        return self._index

    def __len__(self) -> int:
        return len(self._commands)

    def push(self, command: Command) -> None:
        """Do ``command`` and record it (merged into the last step when that accepts it)."""
        command.do(self.project)
        del self._commands[self._index :]
        if self._clean is not None and self._clean > self._index:
            self._clean = None  # the saved state was undone and is now out of reach
        top = self._commands[-1] if self._commands else None
        if top is not None and self._clean != self._index and top.merge(command):
            self._changed()
            return
        self._commands.append(command)
        self._index += 1
        if len(self._commands) > self.limit:
            drop = len(self._commands) - self.limit
            del self._commands[:drop]
            self._index -= drop
            if self._clean is not None:
                self._clean = self._clean - drop if self._clean >= drop else None
        self._changed()

    @property
    def can_undo(self) -> bool:
        return self._index > 0

    @property
    def can_redo(self) -> bool:
        return self._index < len(self._commands)

    def undo(self) -> bool:
        """Undo the last step; False when there is none."""
        if not self.can_undo:
            return False
        self._index -= 1
        self._commands[self._index].undo(self.project)
        self._changed()
        return True

    def redo(self) -> bool:
        """Redo the step last undone; False when there is none."""
        if not self.can_redo:
            return False
        self._commands[self._index].do(self.project)
        self._index += 1
        self._changed()
        return True

    @property
    def undo_label(self) -> Label | None:
        """What :meth:`undo` would undo, for the Edit menu ("Undo: …")."""
        return self._commands[self._index - 1].label if self.can_undo else None

    @property
    def redo_label(self) -> Label | None:
        return self._commands[self._index].label if self.can_redo else None

    @property
    def clean(self) -> bool:
        """True at the step last saved (the history's view; the disk's is ``project.dirty``)."""
        return self._clean == self._index

    def set_clean(self) -> None:
        """Mark the current step as saved; the next edit starts a new step."""
        self._clean = self._index
        self._changed()

    def clear(self) -> None:
        """Forget every step (after opening another bundle or restoring a journal)."""
        self._commands.clear()
        self._index = 0
        self._clean = 0
        self._changed()
