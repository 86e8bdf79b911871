"""The Studio's undo history on a QUndoStack: the authoring :class:`History`, wrapped.

:class:`UndoHistory` is a :class:`kiosk.authoring.History` (the window, the project's save and
restore, and every caller keep using ``project.history``) whose steps live on a
:class:`QUndoStack`, so the Edit menu's Undo/Redo and the Undo history view (a
:class:`QUndoView` in a dock) are Qt's own. Each step is a :class:`CoreStep`, a QUndoCommand
that calls the core command's ``do``/``undo``; its ``id()`` comes from the command's
``merge_key`` and ``mergeWith()`` asks the command's ``merge``, so typing into one field is one
step, as in History, and, as in History (and QUndoStack itself), never across the saved step.
The core stays Qt-free: commands never see this module.
"""

from __future__ import annotations

import zlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QDockWidget, QUndoView

from ...authoring import Command, History, Label
from .strings import PublishUI as P

if TYPE_CHECKING:
    from ...authoring import Project
    from .window import StudioWindow

__all__ = ["CoreStep", "UndoDock", "UndoHistory", "merge_id"]


def merge_id(command: Command) -> int:
    """QUndoCommand.id() of a core command: -1 (never merges) without a merge key, else a
    stable non-negative int from it (equal keys, equal ids; mergeWith then asks the command)."""
    if command.merge_key is None:
        return -1
    return zlib.crc32(repr(command.merge_key).encode("utf-8")) & 0x7FFFFFFF


class CoreStep(QUndoCommand):
    """One core command on the QUndoStack."""

    def __init__(self, history: UndoHistory, command: Command) -> None:
        super().__init__()
        self.history = history
        self.command = command
        self._done = True  # History.push did it already (so a failing edit records nothing)
        self._id = merge_id(command)
        self.setText(command.label.get(history.lang))

    def id(self) -> int:
        return self._id

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.command.do(self.history.project)

    def undo(self) -> None:
        self.command.undo(self.history.project)

    def mergeWith(self, other: QUndoCommand) -> bool:
        return isinstance(other, CoreStep) and self.command.merge(other.command)


class UndoHistory(History):
    """:class:`History`'s interface on a :class:`QUndoStack` (``stack``)."""

    def __init__(
        self, project: Project, parent: QObject | None = None, limit: int = 1000, lang: str = "en"
    ) -> None:
        super().__init__(project, limit)
        self.lang = lang
        self.stack = QUndoStack(parent)
        self.stack.setObjectName("undoStack")
        self.stack.setUndoLimit(limit)
        self._steps: list[CoreStep] = []
        """Python references to the steps the stack holds (its own are C++ pointers)."""
        self._quiet = False
        self.stack.indexChanged.connect(self._moved)
        self.stack.cleanChanged.connect(self._moved)

    def _moved(self, *_args: object) -> None:
        if not self._quiet:  # the undo view's clicks, and Qt's own undo/redo
            self._changed()

    def _step(self, i: int) -> CoreStep | None:
        cmd = self.stack.command(i)
        return next((s for s in self._steps if s is cmd), None) if cmd is not None else None

    @property
    def index(self) -> int:
        return self.stack.index()

    def __len__(self) -> int:
        return self.stack.count()

    def push(self, command: Command) -> None:
        command.do(self.project)
        step = CoreStep(self, command)
        self._quiet = True
        try:
            self.stack.push(step)
        finally:
            self._quiet = False
        alive = {id(self.stack.command(i)) for i in range(self.stack.count())}
        self._steps = [s for s in [*self._steps, step] if id(s) in alive]
        self._changed()

    @property
    def can_undo(self) -> bool:
        return self.stack.canUndo()

    @property
    def can_redo(self) -> bool:
        return self.stack.canRedo()

    def undo(self) -> bool:
        if not self.can_undo:
            return False
        self._quiet = True
        try:
            self.stack.undo()
        finally:
            self._quiet = False
        self._changed()
        return True

    def redo(self) -> bool:
        if not self.can_redo:
            return False
        self._quiet = True
        try:
            self.stack.redo()
        finally:
            self._quiet = False
        self._changed()
        return True

    def _label(self, i: int) -> Label | None:
        step = self._step(i)
        return step.command.label if step is not None else None

    @property
    def undo_label(self) -> Label | None:
        return self._label(self.index - 1) if self.can_undo else None

    @property
    def redo_label(self) -> Label | None:
        return self._label(self.index) if self.can_redo else None

    @property
    def clean(self) -> bool:
        return self.stack.isClean()

    def set_clean(self) -> None:
        self._quiet = True
        try:
            self.stack.setClean()
        finally:
            self._quiet = False
        self._changed()

    def clear(self) -> None:
        self._quiet = True
        try:
            self.stack.clear()
        finally:
            self._quiet = False
        self._steps.clear()
        self._changed()

    def set_language(self, lang: str) -> None:
        """The undo view's texts in ``lang``."""
        self.lang = lang
        for step in self._steps:
            step.setText(step.command.label.get(lang))


class UndoDock(QObject):
    """View → Undo history: a QUndoView of the open bundle's stack, in a dock (hidden until
    staff open it); clicking a step undoes or redoes up to it."""

    def __init__(self, window: StudioWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dock = QDockWidget(window)
        self.dock.setObjectName("undoDock")
        self.view = QUndoView()
        self.view.setObjectName("undoView")
        self.dock.setWidget(self.view)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.resizeDocks([self.dock], [280], Qt.Orientation.Horizontal)
        self.dock.hide()
        self.toggle = self.dock.toggleViewAction()
        self.toggle.setObjectName("undoHistory")
        window.view_menu.addAction(self.toggle)
        self.retranslate()

    def show_stack(self, history: History) -> None:
        if isinstance(history, UndoHistory):
            self.view.setStack(history.stack)

    def retranslate(self) -> None:
        t = self.window.t
        self.dock.setWindowTitle(t(P.undo_history))
        self.toggle.setText(t(P.undo_history))
        self.view.setEmptyLabel(t(P.undo_empty))
        project = self.window.project
        if project is not None and isinstance(project.history, UndoHistory):
            project.history.set_language(self.window.lang)
