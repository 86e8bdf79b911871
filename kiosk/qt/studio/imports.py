"""Bring content in, and get it signed off: the File menu's importers and the proof.

Each action calls the very core function its ``kiosk bundle`` command calls (issue 15, "write
the work once, in the core, and call it from both"; kiosk/cli/importers.py and
kiosk/cli/bundle.py):

* Import a slide deck (:func:`kiosk.authoring.deck.import_deck`) and Import slides from a
  spreadsheet (:func:`kiosk.authoring.slide_sheet.import_sheet`) onto the selected entity;
* Export texts for translators (:func:`kiosk.authoring.translation.export_strings`) and
  Import translated texts (:func:`~kiosk.authoring.translation.import_strings`);
* Make a sign-off proof (:func:`kiosk.qt.proof.make_proof`, the child process).

The importers work on the documents in memory, unsaved edits included, so nothing is saved
first: the GUI thread takes the documents' texts (:func:`kiosk.authoring.worker_copy.take`),
a worker thread (:func:`kiosk.qt.aio.to_thread`) runs the importer on a copy made from them,
and back on the GUI thread the copy's edits are pushed on the project's history as one undo
step. The proof renders the bundle from disk, so it saves first and says so.

A progress bar with Cancel sits in the status bar while a job runs; one job at a time.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QWidget

from ...authoring import entity_of, lookup
from ...authoring.commands import Command
from ...authoring.worker_copy import Batch, Taken, WorkerCopy, same_state, take
from ...bidi import isolated
from .. import aio
from .strings import ImportUI as I
from .strings import Label

if TYPE_CHECKING:
    from ...bundle.problems import Report
    from .window import StudioWindow

__all__ = ["Imports", "ProofOutcome", "write_proof"]

_R = TypeVar("_R")
MAX_LISTED = 30
"""Changes or refusals listed in a message; the rest are counted."""
SHAPE_CHOICES: tuple[tuple[str, ...], ...] = (
    ("landscape", "portrait"),
    ("landscape",),
    ("portrait",),
)
Progress = Callable[[str, int, int], None]


@dataclass
class ProofOutcome:
    """What :func:`write_proof` did: the pages written, or the report that stopped it."""

    pages: int = 0
    report: Report | None = None


def write_proof(
    root: Path,
    out: Path,
    shapes: list[str],
    progress: Progress,
    cancelled: Callable[[], bool],
) -> ProofOutcome:
    """In a worker thread: validate the bundle folder ``root`` (structure), then render its
    proof in every language of the bundle into ``out``, beside it first and renamed when whole
    (as ``kiosk bundle proof`` does). Raises :class:`kiosk.qt.proof.ProofFailed`."""
    from ...bundle import validate
    from ...bundle.media import StructuralInspector
    from ...bundle.validate import load
    from ..proof import write_proof as proof_to

    report = validate(root, StructuralInspector())
    if not report.ok:
        return ProofOutcome(report=report)
    langs = list(load(root).languages)
    pages = proof_to(root, out, langs, shapes, progress, cancelled)
    return ProofOutcome(pages=pages)


def _listed(lines: list[str], lang: str) -> list[str]:
    shown = lines[:MAX_LISTED]
    if len(lines) > MAX_LISTED:
        shown.append(I.more.get(lang).format(n=len(lines) - MAX_LISTED))
    return shown


class Imports(QObject):
    """The importers' and the proof's actions of one window."""

    finished = Signal()
    """A job is over (done, refused, failed or cancelled); :attr:`messages` says what it did."""

    def __init__(self, window: StudioWindow) -> None:
        super().__init__(window)
        self.window = window
        self.task: asyncio.Task[None] | None = None
        self.messages: list[str] = []
        """What the last job told staff (tests read it)."""
        self.last_proof: Path | None = None
        self._cancel = threading.Event()

        self.bar_host = QWidget()
        self.bar_host.setObjectName("importProgress")
        row = QHBoxLayout(self.bar_host)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setObjectName("importProgressLabel")
        self.bar = QProgressBar()
        self.bar.setObjectName("importProgressBar")
        self.bar.setFixedWidth(220)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("importCancel")
        self.cancel_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.cancel_button.clicked.connect(self.cancel)
        row.addWidget(self.label)
        row.addWidget(self.bar)
        row.addWidget(self.cancel_button)
        window.statusBar().addPermanentWidget(self.bar_host)
        self.bar_host.hide()

        self.deck_action = window._action("importDeck", lambda: self.import_deck())
        self.sheet_action = window._action("importSheet", lambda: self.import_sheet())
        self.export_action = window._action("exportTexts", lambda: self.export_texts())
        self.texts_action = window._action("importTexts", lambda: self.import_texts())
        self.proof_action = window._action("proof", lambda: self.make_proof())
        self.actions: list[QAction] = [
            self.deck_action,
            self.sheet_action,
            self.export_action,
            self.texts_action,
            self.proof_action,
        ]
        menu, quit_action = window.file_menu, window.quit_action
        for action in self.actions:
            menu.insertAction(quit_action, action)
        menu.insertSeparator(quit_action)
        self.retranslate()

    # -- the window's calls ----------------------------------------------------------------------

    def retranslate(self) -> None:
        t = self.window.t
        for action, label in zip(
            self.actions,
            (I.import_deck, I.import_sheet, I.export_texts, I.import_texts, I.proof),
            strict=True,
        ):
            action.setText(t(label))
        self.cancel_button.setText(t(I.cancel_label))

    def update(self) -> None:
        """Actions enabled with a bundle open and no job running."""
        usable = self.window.project is not None and not self.busy
        for action in self.actions:
            action.setEnabled(usable)

    @property
    def busy(self) -> bool:
        return self.task is not None and not self.task.done()

    def cancel(self) -> None:
        self._cancel.set()

    def stop(self) -> None:
        """The window closes: the proof's renderer is stopped, and nothing more is applied."""
        self._cancel.set()
        if self.task is not None:
            self.task.cancel()

    # -- helpers ---------------------------------------------------------------------------------

    def _t(self, label: Label, **values: object) -> str:
        return self.window.t(label).format(**values) if values else self.window.t(label)

    def _tell(self, title: Label, text: str, *, warn: bool = False) -> None:
        self.messages.append(text)
        window = self.window
        if warn:
            window.prompts.warn(window, window.t(title), text)
        else:
            window.prompts.inform(window, window.t(title), text)

    def _start(self, job: Any, name: str) -> None:
        self._cancel = threading.Event()
        self.messages = []
        self.bar_host.show()
        self.task = aio.spawn(self._run(job), name)
        self.update()

    async def _run(self, job: Any) -> None:
        try:
            await job
        finally:
            self.bar_host.hide()
            self.task = None  # over: the actions are usable again before ``finished``
            self.update()
            self.finished.emit()

    def _show(self, text: str, done: int, total: int) -> None:
        self.label.setText(text)
        self.bar.setRange(0, max(total, 1) if total else 0)  # 0, 0: busy, no figure yet
        self.bar.setValue(min(done, total))

    def _progress(self, text: Callable[[int, int], str]) -> Progress:
        """A progress callback for a worker: the bar and label follow, on the GUI thread."""

        def report(_what: str, done: int, total: int) -> None:
            aio.call_soon_threadsafe(lambda: self._show(text(done, total), done, total))

        return report

    def _entity(self) -> str | None:
        node = self.window.node
        eid = entity_of(node.file) if node is not None else None
        if eid is None:
            self._tell(I.cannot_import, self._t(I.need_entity), warn=True)
            self.finished.emit()
        return eid

    async def _on_copy(
        self, work: Callable[[WorkerCopy], _R]
    ) -> tuple[_R, list[Command], Taken] | None:
        """Run ``work`` in a worker on a copy of the project as it is now; its result, the
        edits it made and the state they start from (None: the project closed meanwhile)."""
        project = self.window.project
        assert project is not None
        taken = take(project)

        def job() -> tuple[_R, list[Command]]:
            copy = WorkerCopy(taken)
            return work(copy), copy.edits()

        result, edits = await aio.to_thread(job)
        if self.window.project is not project:
            return None
        return result, edits, taken

    def _apply(self, name: str, edits: list[Command], taken: Taken) -> bool:
        """Push ``edits`` as one undo step ("Import deck.pdf"); False (staff told) when the
        project changed while the worker ran."""
        project = self.window.project
        if project is None or not edits:
            return project is not None
        if not same_state(project, taken):
            self._tell(I.cannot_import, self._t(I.edited_meanwhile), warn=True)
            return False
        label = I.import_step
        step = Label(label.ar.format(name=name), label.en.format(name=name))
        project.history.push(Batch(step, edits))
        return True

    # -- a slide deck ----------------------------------------------------------------------------

    def import_deck(self, source: Path | None = None) -> None:
        window = self.window
        if window.project is None or self.busy:
            return
        eid = self._entity()
        if eid is None:
            return
        if source is None:
            source = window.prompts.choose_deck(window, window.t(I.deck_title))
            if source is None:
                return
        replace = False
        if self._imported_before(eid, source):
            text = self._t(I.replace_text, entity=isolated(eid), name=isolated(source.name))
            if not window.prompts.confirm(window, window.t(I.replace_title), text):
                return
            replace = True
        self._start(self._deck(source, eid, replace), "import-deck")

    def _imported_before(self, eid: str, source: Path) -> bool:
        from ...authoring.deck import slide_id
        from ...authoring.fields import entity_file
        from ...authoring.media_in import safe_stem

        project = self.window.project
        assert project is not None
        prefix = slide_id(safe_stem(source.name) or "deck", 1)[:-2]
        slides = lookup(project.document(entity_file(eid)), ("slides",))
        ids = (
            [s.get("id") for s in slides if isinstance(s, dict)] if isinstance(slides, list) else []
        )
        return any(isinstance(i, str) and i.startswith(prefix) for i in ids)

    async def _deck(self, source: Path, eid: str, replace: bool) -> None:
        from ...authoring.deck import Cancelled, DeckError, DeckResult, import_deck

        name = isolated(source.name)
        self._show(self._t(I.importing, name=name, i=0, n="…"), 0, 0)
        progress = self._progress(
            lambda done, total: self._t(I.importing, name=name, i=min(done + 1, total), n=total)
        )

        def work(copy: WorkerCopy) -> DeckResult:
            return import_deck(
                copy,
                source,
                eid,
                replace=replace,
                progress=progress,
                cancelled=self._cancel.is_set,
            )

        try:
            done = await self._on_copy(work)
        except Cancelled:
            self.window.statusBar().showMessage(self._t(I.cancelled), 5000)
            self.messages.append(self._t(I.cancelled))
            return
        except (DeckError, OSError) as exc:
            self._tell(I.cannot_import, str(exc), warn=True)
            return
        if done is None:
            return
        result, edits, taken = done
        if not self._apply(source.name, edits, taken):
            return
        summary = self._t(
            I.deck_done,
            name=name,
            added=len(result.added),
            updated=len(result.updated),
            pages=result.pages,
        )
        if result.drafts:
            summary += " " + self._t(I.deck_drafts, n=result.drafts)
        self.messages.append(summary)
        self.window.statusBar().showMessage(summary, 8000)
        if result.failed:
            pages = ", ".join(str(f.page) for f in result.failed)
            why = [f"{self._t(I.page_label)} {f.page}: {f.why}" for f in result.failed]
            text = "\n".join([self._t(I.pages_failed, pages=pages, name=name), "", *why])
            self._tell(I.pages_failed_title, text, warn=True)

    # -- a slide sheet ---------------------------------------------------------------------------

    def import_sheet(self, sheet: Path | None = None) -> None:
        window = self.window
        if window.project is None or self.busy:
            return
        eid = self._entity()
        if eid is None:
            return
        if sheet is None:
            sheet = window.prompts.choose_sheet(window, window.t(I.sheet_title))
            if sheet is None:
                return
        self._start(self._sheet(sheet, eid), "import-sheet")

    async def _sheet(self, sheet: Path, eid: str) -> None:
        from ...authoring.sheets import SheetError
        from ...authoring.slide_sheet import SheetImportError, SheetResult, import_sheet

        name = isolated(sheet.name)
        self._show(self._t(I.importing, name=name, i=1, n=1), 0, 0)

        def work(copy: WorkerCopy) -> SheetResult:
            return import_sheet(copy, sheet, eid)

        try:
            done = await self._on_copy(work)
        except SheetImportError as exc:
            text = "\n".join(
                [
                    self._t(I.sheet_problems, n=len(exc.problems)),
                    "",
                    *_listed(exc.problems, self.window.lang),
                ]
            )
            self._tell(I.cannot_import, text, warn=True)
            return
        except (SheetError, OSError) as exc:
            self._tell(I.cannot_import, str(exc), warn=True)
            return
        if done is None:
            return
        result, edits, taken = done
        if not self._apply(sheet.name, edits, taken):
            return
        summary = self._t(
            I.sheet_done,
            name=name,
            added=len(result.added),
            updated=len(result.updated),
            copied=len(result.copied),
        )
        self.messages.append(summary)
        self.window.statusBar().showMessage(summary, 8000)

    # -- texts for translators -------------------------------------------------------------------

    def export_texts(self, out: Path | None = None) -> None:
        window = self.window
        project = window.project
        if project is None or self.busy:
            return
        if out is None:
            suggested = project.root.parent / f"{project.root.name}-texts.xlsx"
            out = window.prompts.save_as(
                window, window.t(I.export_title), suggested, "Sheets (*.xlsx *.csv)"
            )
            if out is None:
                return
        if out.suffix.lower() not in (".xlsx", ".csv"):
            self._tell(I.cannot_import, self._t(I.name_sheet, out=isolated(out)), warn=True)
            self.finished.emit()
            return
        self._start(self._export(out), "export-texts")

    async def _export(self, out: Path) -> None:
        from ...authoring.sheets import SheetError
        from ...authoring.translation import export_strings

        self._show(self._t(I.exporting), 0, 0)
        try:
            done = await self._on_copy(lambda copy: export_strings(copy, out))
        except (SheetError, OSError) as exc:
            self._tell(I.cannot_import, f"{out}: {exc}", warn=True)
            return
        if done is not None:
            self._tell(I.exported_title, self._t(I.exported, n=done[0], out=isolated(out)))

    def import_texts(self, sheet: Path | None = None) -> None:
        window = self.window
        if window.project is None or self.busy:
            return
        if sheet is None:
            sheet = window.prompts.choose_sheet(window, window.t(I.import_texts_title))
            if sheet is None:
                return
        self._start(self._import_texts(sheet), "import-texts")

    async def _import_texts(self, sheet: Path) -> None:
        from ...authoring.sheets import SheetError
        from ...authoring.translation import import_strings

        self._show(self._t(I.importing, name=isolated(sheet.name), i=1, n=1), 0, 0)
        try:
            done = await self._on_copy(lambda copy: import_strings(copy, sheet))
        except (SheetError, OSError) as exc:
            self._tell(I.cannot_import, str(exc), warn=True)
            return
        if done is None:
            return
        result, edits, taken = done
        if not self._apply(sheet.name, edits, taken):
            return
        changes = [
            f"{c.key} ({c.lang}): {'—' if c.old is None else repr(c.old)} → {c.new!r}"
            for c in result.changes
        ]
        lines = [
            self._t(
                I.imported,
                changed=len(result.changes),
                rows=result.rows,
                refused=len(result.refused),
            )
        ]
        if changes:
            lines += ["", self._t(I.changed_heading), *_listed(changes, self.window.lang)]
        if result.refused:
            lines += ["", self._t(I.refused_heading), *_listed(result.refused, self.window.lang)]
        self._tell(I.imported_title, "\n".join(lines), warn=bool(result.refused))

    # -- the sign-off proof ----------------------------------------------------------------------

    def make_proof(self, out: Path | None = None, shapes: list[str] | None = None) -> None:
        window = self.window
        project = window.project
        if project is None or self.busy:
            return
        if shapes is None:
            names = [window.t(x) for x in (I.both_shapes, I.landscape, I.portrait)]
            picked = window.prompts.choose_one(window, window.t(I.shapes_title), names)
            if picked is None:
                return
            shapes = list(SHAPE_CHOICES[picked])
        if out is None:
            suggested = project.root.parent / f"{project.root.name}-proof.pdf"
            out = window.prompts.save_as(window, window.t(I.proof_title), suggested, "PDF (*.pdf)")
            if out is None:
                return
        if out.suffix.lower() != ".pdf":
            self._tell(I.no_proof, self._t(I.name_pdf, out=isolated(out)), warn=True)
            self.finished.emit()
            return
        saved = False
        if project.dirty:
            if not window.save():
                return
            saved = True
        self._start(self._proof(project.root, out, shapes, saved), "proof")

    async def _proof(self, root: Path, out: Path, shapes: list[str], saved: bool) -> None:
        from ..proof import ProofCancelled, ProofFailed

        if saved:
            self.messages.append(self._t(I.saved_first))
        self._show(self._t(I.proof_checking), 0, 0)
        progress = self._progress(
            lambda done, total: self._t(I.proofing, i=min(done + 1, total), n=total)
        )
        try:
            outcome = await aio.to_thread(
                write_proof, root, out, shapes, progress, self._cancel.is_set
            )
        except ProofCancelled:
            self.window.statusBar().showMessage(self._t(I.cancelled), 5000)
            self.messages.append(self._t(I.cancelled))
            return
        except (ProofFailed, OSError) as exc:
            self._tell(I.no_proof, self._t(I.proof_failed, why=exc), warn=True)
            return
        if outcome.report is not None:
            errors = len(outcome.report.errors)
            self._tell(I.no_proof, self._t(I.proof_errors, n=errors), warn=True)
            return
        self.last_proof = out
        text = self._t(I.proof_done, out=isolated(out), pages=outcome.pages)
        if saved:
            text = f"{self._t(I.saved_first)}\n\n{text}"
        self._tell(I.proof_done_title, text)
