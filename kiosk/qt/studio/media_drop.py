"""Pictures and videos dropped onto the outline (or chosen with "Add pictures and videos…")
become slides.

Each file goes through the one normaliser: :func:`kiosk.authoring.media_in.plan` says what
happens to it (kept, converted upright to 8-bit sRGB, re-encoded by ffmpeg, or refused with the
fix), :func:`kiosk.qt.normalise.bring_in` copies it into the entity's folder under a safe,
unique name (the original is only read), and :func:`kiosk.authoring.add_slide` adds an image or
video slide for it, one undo step each. The work runs in a worker thread
(:func:`kiosk.qt.aio.to_thread`); a progress bar with Cancel sits in the status bar.
"""

from __future__ import annotations

import asyncio
import shutil
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from ...authoring import Node, add_slide, entity_of, parse_path
from ...authoring.builders import SlideKind
from ...authoring.media_in import Action, Refused, Role, plan
from ...authoring.transcode import Cancelled, Progress, TranscodeFailed
from ...bidi import isolated
from .. import aio
from ..normalise import bring_in
from .strings import PublishUI as P

if TYPE_CHECKING:
    from .window import StudioWindow

__all__ = ["MediaDrop"]


class MediaDrop(QObject):
    """The outline's drop target and the "Add pictures and videos…" action of one window."""

    finished = Signal()
    """A batch of files is done (added, refused or cancelled)."""

    def __init__(self, window: StudioWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ffmpeg: str | None = shutil.which("ffmpeg")
        """The ffmpeg a video is re-encoded with; None: such videos are refused with the fix."""
        self.task: asyncio.Task[None] | None = None
        self.messages: list[str] = []
        """What the last batch did to each file (shown in the status bar and to tests)."""
        self._cancel = threading.Event()
        tree = window.tree
        tree.setAcceptDrops(True)
        tree.viewport().setAcceptDrops(True)
        tree.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        tree.viewport().installEventFilter(self)

        self.bar_host = QWidget()
        self.bar_host.setObjectName("mediaProgress")
        row = QHBoxLayout(self.bar_host)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setObjectName("mediaProgressBar")
        self.bar.setFixedWidth(220)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("mediaCancel")
        self.cancel_button.clicked.connect(self.cancel)
        row.addWidget(self.label)
        row.addWidget(self.bar)
        row.addWidget(self.cancel_button)
        self.cancel_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        window.statusBar().addPermanentWidget(self.bar_host)
        self.bar_host.hide()

        self.action = window._action("addMedia", self.choose, "Ctrl+Shift+M")
        window.edit_menu.addAction(self.action)
        self.retranslate()

    def retranslate(self) -> None:
        t = self.window.t
        self.action.setText(t(P.add_media))
        self.cancel_button.setText(t(P.cancel))

    @property
    def busy(self) -> bool:
        return self.task is not None and not self.task.done()

    # -- where the slides go ---------------------------------------------------------------------

    def target(self, node: Node | None) -> tuple[str, int | None] | None:
        """The entity and the slide index new slides go to for a drop on ``node``: the end of
        an entity's slides, or just after a slide; None for anything else."""
        if node is None:
            return None
        eid = entity_of(node.file)
        if eid is None:
            return None
        parts = parse_path(node.path)
        if not parts:
            return eid, None
        if parts[0] == "slides" and len(parts) >= 2 and isinstance(parts[1], int):
            return eid, parts[1] + 1
        return None

    def _node_at(self, event: QDropEvent | QDragMoveEvent) -> Node | None:
        item = self.window.tree.itemAt(event.position().toPoint())
        node = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        return node if isinstance(node, Node) else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            assert isinstance(event, QDropEvent)
            files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
            where = self.target(self._node_at(event)) if kind != QEvent.Type.DragEnter else None
            usable = bool(files) and not self.busy and self.window.project is not None
            if kind == QEvent.Type.DragEnter and usable:
                assert isinstance(event, QDragEnterEvent)
                event.acceptProposedAction()
            elif usable and where is not None:
                event.acceptProposedAction()
                if kind == QEvent.Type.Drop:
                    self.add_files(files, *where)
            else:
                event.ignore()
            return True
        return False

    # -- adding ----------------------------------------------------------------------------------

    def choose(self) -> None:
        window = self.window
        where = self.target(window.node)
        if window.project is None or self.busy:
            return
        if where is None:
            window.prompts.warn(window, window.t(P.media_refused), window.t(P.media_target))
            return
        files = window.prompts.choose_media(window, window.t(P.add_media_title))
        if files:
            self.add_files(files, *where)

    def add_files(self, files: list[Path], entity_id: str, index: int | None) -> None:
        """Bring ``files`` into ``entity_id`` as slides at ``index`` (None: at the end)."""
        self._cancel = threading.Event()
        self.task = aio.spawn(self._add(files, entity_id, index), "add-media")

    def bring_one(
        self, source: Path, entity_id: str, role: Role, done: Callable[[str], None]
    ) -> None:
        """Bring ``source`` into ``entity_id``'s folder as ``role`` (normalised, under a safe
        unique name; the original is left alone), then call ``done`` with its path there."""
        if self.busy:
            return
        self._cancel = threading.Event()
        self.task = aio.spawn(self._bring_one(source, entity_id, role, done), "bring-media")

    async def _bring_one(
        self, source: Path, entity_id: str, role: Role, done: Callable[[str], None]
    ) -> None:
        window = self.window
        project = window.project
        assert project is not None
        folder = project.root / "entities" / entity_id
        refused = ""
        self.messages = []
        self.bar_host.show()
        self._show(source.name, 1, 1, None)

        def report(p: Progress) -> None:
            aio.call_soon_threadsafe(lambda: self._show(source.name, 1, 1, p.fraction))

        try:
            what = await aio.to_thread(plan, source, folder, role, self.ffmpeg)
            if what.action is Action.REFUSE:
                refused = what.message
            else:
                result = await aio.to_thread(bring_in, what, folder, report, self._cancel)
                if project is window.project:
                    self.messages.append(
                        f"{source.name} → {result.target}: "
                        + ("; ".join(result.done) or "copied as it is")
                    )
                    done(str(result.target))
        except Cancelled:
            pass
        except (Refused, TranscodeFailed, OSError) as exc:
            refused = str(exc)
        finally:
            self.bar_host.hide()
        if refused:
            window.prompts.warn(window, window.t(P.media_refused), refused)
            self.messages.append(refused)
        self.finished.emit()

    def cancel(self) -> None:
        self._cancel.set()

    def stop(self) -> None:
        """The window closes: ffmpeg is stopped, and nothing more is added."""
        self._cancel.set()
        if self.task is not None:
            self.task.cancel()

    def _show(self, name: str, i: int, n: int, fraction: float | None) -> None:
        self.label.setText(self.window.t(P.adding).format(name=isolated(name), i=i, n=n))
        self.bar.setRange(0, 1000)
        self.bar.setValue(int(1000 * ((i - 1 + (fraction or 0.0)) / n)))

    async def _add(self, files: list[Path], entity_id: str, index: int | None) -> None:
        window = self.window
        project = window.project
        assert project is not None
        folder = project.root / "entities" / entity_id
        refused: list[str] = []
        self.messages = []
        added = 0
        self.bar_host.show()
        try:
            for i, source in enumerate(files, 1):
                if self._cancel.is_set() or project is not window.project:
                    break
                self._show(source.name, i, len(files), None)
                what = await aio.to_thread(plan, source, folder, Role.SLIDE, self.ffmpeg)
                if what.action is Action.REFUSE:
                    refused.append(what.message)
                    continue

                def report(p: Progress, name: str = source.name, i: int = i) -> None:
                    aio.call_soon_threadsafe(lambda: self._show(name, i, len(files), p.fraction))

                try:
                    done = await aio.to_thread(bring_in, what, folder, report, self._cancel)
                except Cancelled:
                    break
                except (Refused, TranscodeFailed, OSError) as exc:
                    refused.append(str(exc))
                    continue
                if project is not window.project:
                    break
                kind: SlideKind = "video" if done.target.suffix == ".mp4" else "image"
                project.history.push(add_slide(project, entity_id, kind, index, str(done.target)))
                if index is not None:
                    index += 1
                added += 1
                what_done = "; ".join(done.done) or "copied as it is"
                self.messages.append(f"{source.name} → {done.target}: {what_done}")
        finally:
            self.bar_host.hide()
        if added:
            window.statusBar().showMessage(window.t(P.added).format(n=added), 5000)
        if refused:
            window.prompts.warn(window, window.t(P.media_refused), "\n\n".join(refused))
        self.messages += refused
        self.finished.emit()
