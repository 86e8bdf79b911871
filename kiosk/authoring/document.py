"""A bundle open for editing: its manifests as tomlkit documents, saved atomically.

:class:`Project` holds ``bundle.toml`` and every listed ``entities/<id>/entity.toml`` as
tomlkit documents, which keep each comment, blank line and spacing of the file. Edits are
:mod:`~kiosk.authoring.commands` pushed on :attr:`Project.history`; :meth:`Project.save`
writes only the files whose text changed, each with :func:`kiosk.atomicfile.write_atomic`.

Entity folders follow the ``entities`` list of bundle.toml when saving: an added entity gets
its folder (a duplicate gets a copy of its original's media), and the folder of a deleted one
is moved into ``.studio-trash/`` (hidden, never validated or packed), so an undo after a save
can bring it back; :meth:`Project.close` empties the trash once everything is saved.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tomlkit
from tomlkit.exceptions import ParseError
from tomlkit.toml_document import TOMLDocument

from ..atomicfile import write_atomic
from ..bundle import scaffold
from ..bundle.media import STUDIO_TRASH
from ..bundle.problems import BundleError, Report
from ..bundle.tomlfile import MAX_MANIFEST_BYTES, read_capped
from ..bundle.validate import CHECKSUMS, ENTITY_MANIFEST
from .fields import BUNDLE_FILE, entity_file, entity_of

if TYPE_CHECKING:
    from .history import History
    from .lock import Lock, LockInfo
    from .recovery import Journal

__all__ = ["Project", "ProjectError", "SaveResult"]

_BOM = b"\xef\xbb\xbf"
LOGO = "logo.png"


class ProjectError(Exception):
    """A bundle that cannot be opened for editing; the message names the file and the fix."""

    def __init__(self, message: str, report: Report | None = None) -> None:
        super().__init__(message)
        self.report = report


@dataclass
class SaveResult:
    """What :meth:`Project.save` did, relative to the bundle folder."""

    written: list[str] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    """Entity folders made (a new entity, or a copy for a duplicate)."""
    trashed: list[str] = field(default_factory=list)
    """Entity folders moved into ``.studio-trash/`` (deleted entities)."""
    removed_checksums: bool = False
    """A ``checksums.json`` left by an earlier pack was removed: it no longer matched."""


def _decode(raw: bytes) -> tuple[str, bool]:
    bom = raw.startswith(_BOM)
    return (raw[len(_BOM) :] if bom else raw).decode("utf-8"), bom


class Project:
    """A bundle folder open for editing.

    Documents are keyed by their file name relative to the folder (``bundle.toml``,
    ``entities/moi/entity.toml``). Address values by file and field path
    (:mod:`kiosk.authoring.fields`), never by holding tomlkit objects: an undo may replace a
    whole document. Listeners added with :meth:`add_listener` hear which files changed.
    """

    def __init__(self, root: Path) -> None:
        from .history import History

        self.root = root
        self.docs: dict[str, TOMLDocument] = {}
        self.unreadable: dict[str, str] = {}
        """Entity manifests that could not be parsed (file → why); they are left as they are."""
        self.notes: list[str] = []
        """What opening did that staff should know (e.g. a stale checksums.json)."""
        self.media_from: dict[str, Path] = {}
        """Entity id → the folder its media come from, for an entity whose folder is not
        written yet (a duplicate: its original's folder)."""
        self.generation = 0
        """Counts every change (do, undo, restore); autosave compares it."""
        self.history: History = History(self)
        self._disk: dict[str, bytes] = {}
        self._bom: dict[str, bool] = {}
        self._on_disk: set[str] = set()
        self._trashed: dict[str, Path] = {}
        self._listeners: list[Callable[[set[str]], None]] = []
        self._texts: dict[str, str] = {}
        """File → its document as text, until a change touches it (tomlkit's as_string walks
        the whole document: the Studio asks "dirty?" after every keystroke)."""
        self._autosaved = 0
        self.lock: Lock | None = None

    # -- opening ---------------------------------------------------------------------------------

    @classmethod
    def new(cls, dest: Path, bundle_id: str = "my-bundle") -> Project:
        """A new bundle in ``dest`` (empty or absent): the scaffold of ``kiosk bundle init``."""
        scaffold.init(dest, bundle_id)
        return cls.open(dest)

    @classmethod
    def open(cls, folder: Path) -> Project:
        """Open a bundle folder; raises :class:`ProjectError` when bundle.toml is unusable."""
        project = cls(folder)
        project._read(BUNDLE_FILE, required=True)
        for eid in project.entity_ids:
            if (folder / "entities" / eid / ENTITY_MANIFEST).is_file():
                project._read(entity_file(eid), required=False)
            if entity_file(eid) in project.docs:
                project._on_disk.add(eid)  # an unreadable one is left as it is
        return project

    @classmethod
    def open_zip(cls, zip_path: Path, work: Path) -> Project:
        """Unpack a bundle .zip into the empty folder ``work`` with the store's safe extraction
        (:func:`kiosk.bundle.archive.extract_zip` and its limits), then open it there."""
        from ..bundle.archive import extract_zip

        work.mkdir(parents=True, exist_ok=True)
        if any(work.iterdir()):
            raise ProjectError(f"{work} is not empty: choose an empty folder to unpack into")
        report = Report(str(zip_path))
        extracted = extract_zip(zip_path, work, report)
        if extracted is None:
            raise ProjectError(str(BundleError(report)), report)
        checksums = extracted.root / CHECKSUMS
        project_notes: list[str] = []
        if checksums.is_file():
            checksums.unlink()
            project_notes.append(
                f"{CHECKSUMS} was removed from the working folder: 'Pack' writes a new one"
            )
        project = cls.open(extracted.root)
        project.notes.extend(project_notes)
        return project

    def _read(self, file: str, *, required: bool) -> None:
        path = self.root / file
        try:
            raw = read_capped(path)
        except OSError as exc:
            if required:
                raise ProjectError(
                    f"{file}: cannot be read ({exc.strerror or exc}). Fix: open the bundle's "
                    "top folder, or start a new bundle"
                ) from exc
            self.unreadable[file] = f"cannot be read ({exc.strerror or exc})"
            return
        why = ""
        if len(raw) > MAX_MANIFEST_BYTES:
            why = f"the file is larger than {MAX_MANIFEST_BYTES // 1024} KB"
        else:
            try:
                text, bom = _decode(raw)
                doc = tomlkit.parse(text)
            except UnicodeDecodeError:
                why = "the file is not UTF-8 text"
            except ParseError as exc:
                why = f"the TOML cannot be read: {exc}"
            except RecursionError:
                why = "the TOML is nested too deeply"
        if why:
            if required:
                raise ProjectError(
                    f"{file}: {why}. Fix: correct it in a text editor (kiosk bundle validate "
                    "names the line), then open the bundle again"
                )
            self.unreadable[file] = why
            return
        self.docs[file] = doc
        self._texts.pop(file, None)
        self._disk[file] = raw
        self._bom[file] = bom

    # -- reading ---------------------------------------------------------------------------------

    @property
    def bundle(self) -> TOMLDocument:
        """The bundle.toml document."""
        return self.docs[BUNDLE_FILE]

    @property
    def entity_ids(self) -> list[str]:
        """The ``entities`` list of bundle.toml (the Home order), texts only."""
        raw = self.docs[BUNDLE_FILE].get("entities")
        return [str(e) for e in raw if isinstance(e, str)] if isinstance(raw, list) else []

    @property
    def languages(self) -> tuple[str, ...]:
        """The bundle's languages (``("ar", "en")`` when bundle.toml does not say)."""
        raw = self.docs[BUNDLE_FILE].get("languages")
        langs = tuple(str(x) for x in raw if isinstance(x, str)) if isinstance(raw, list) else ()
        return langs or ("ar", "en")

    def document(self, file: str) -> TOMLDocument:
        """The document of ``file``; KeyError when the project has none."""
        return self.docs[file]

    def entity(self, entity_id: str) -> TOMLDocument:
        """The entity.toml document of ``entity_id``; KeyError when it has none."""
        return self.docs[entity_file(entity_id)]

    def text(self, file: str) -> str:
        """The current text of ``file``, as :meth:`save` would write it (without a BOM)."""
        text = self._texts.get(file)
        if text is None:
            text = self._texts[file] = self.docs[file].as_string()
        return text

    def encoded(self, file: str) -> bytes:
        data = self.text(file).encode("utf-8")
        return _BOM + data if self._bom.get(file) else data

    def changed_files(self) -> list[str]:
        """Files whose text differs from the disk, new ones included, in a stable order."""
        return [f for f in sorted(self.docs) if self._disk.get(f) != self.encoded(f)]

    @property
    def dirty(self) -> bool:
        """True when saving would change something on disk."""
        return bool(self.changed_files()) or self._on_disk != self._entity_docs()

    def _entity_docs(self) -> set[str]:
        return {eid for f in self.docs if (eid := entity_of(f)) is not None}

    # -- changing (for commands) -----------------------------------------------------------------

    def add_listener(self, listener: Callable[[set[str]], None]) -> None:
        """``listener(files)`` is called after every change, with the files it touched."""
        self._listeners.append(listener)

    def touched(self, *files: str) -> None:
        """Commands call this after changing documents (no files named: any may have)."""
        self.generation += 1
        if files:
            for file in files:
                self._texts.pop(file, None)
        else:
            self._texts.clear()
        for listener in list(self._listeners):
            listener(set(files))

    def put_text(self, file: str, text: str | None) -> None:
        """Replace ``file``'s document by ``text`` parsed (None: drop it from the project)."""
        if text is None:
            self.docs.pop(file, None)
        else:
            self.docs[file] = tomlkit.parse(text)
        self._texts.pop(file, None)
        self.unreadable.pop(file, None)

    def snapshot(self) -> dict[str, Any]:
        """Project state besides documents, for commands that must undo it."""
        return {"media_from": dict(self.media_from)}

    def restore_snapshot(self, state: dict[str, Any]) -> None:
        self.media_from = dict(state["media_from"])

    # -- saving ----------------------------------------------------------------------------------

    def save(self) -> SaveResult:
        """Write every changed file atomically; entity folders follow the entity list.

        Saving is allowed whatever the validator says. A ``checksums.json`` from an earlier
        pack is removed once anything changes (it would no longer match); the autosave
        journal is removed, and the history is marked clean. Raises OSError when the disk
        refuses a file: the files written before it stay written, the rest stay dirty."""
        result = SaveResult()
        present = self._entity_docs()
        for eid in sorted(present - self._on_disk):
            folder = self.root / "entities" / eid
            if not (folder / ENTITY_MANIFEST).exists():  # media may have come in already
                self._make_folder(eid, folder)
                result.created.append(f"entities/{eid}")
        for file in self.changed_files():
            write_atomic(self.root / file, self.encoded(file))
            self._disk[file] = self.encoded(file)
            result.written.append(file)
        for eid in sorted(self._on_disk - present):
            folder = self.root / "entities" / eid
            if folder.is_dir():
                trash = self._trash_path(eid)
                trash.parent.mkdir(parents=True, exist_ok=True)
                folder.replace(trash)
                self._trashed[eid] = trash
                result.trashed.append(f"entities/{eid}")
            self._disk.pop(entity_file(eid), None)
        self._on_disk = present
        checksums = self.root / CHECKSUMS
        if (result.written or result.created or result.trashed) and checksums.is_file():
            checksums.unlink()
            result.removed_checksums = True
        from .recovery import discard

        discard(self.root)
        self._autosaved = self.generation
        self.history.set_clean()
        return result

    def _trash_path(self, eid: str) -> Path:
        base = self.root / STUDIO_TRASH / eid
        n = 1
        path = base
        while path.exists():
            n += 1
            path = base.with_name(f"{eid}-{n}")
        return path

    def _make_folder(self, eid: str, folder: Path) -> None:
        trashed = self._trashed.pop(eid, None)
        if trashed is not None and trashed.is_dir():  # deleted, saved, then undone
            folder.parent.mkdir(parents=True, exist_ok=True)
            if folder.exists():  # pictures brought in since: both are kept
                shutil.copytree(trashed, folder, symlinks=True, dirs_exist_ok=True)
                shutil.rmtree(trashed)
            else:
                trashed.replace(folder)
            return
        source = self.media_from.get(eid)
        if source is not None and not source.is_dir():
            source = next(
                (t for e, t in self._trashed.items() if source.name == e and t.is_dir()), None
            )
        if source is not None:
            shutil.copytree(
                source,
                folder,
                ignore=shutil.ignore_patterns(ENTITY_MANIFEST),
                symlinks=True,
                dirs_exist_ok=True,
            )
            return
        folder.mkdir(parents=True, exist_ok=True)
        if not (folder / LOGO).exists():
            write_atomic(folder / LOGO, scaffold.solid_png(256, 256, (13, 110, 110)))

    # -- autosave, locks, closing ----------------------------------------------------------------

    def autosave(self) -> bool:
        """Journal the unsaved state into ``.studio-recovery/`` if it changed since the last
        autosave (call it every few seconds). True when something was written."""
        from .recovery import discard, write_journal

        if self.generation == self._autosaved:
            return False
        self._autosaved = self.generation
        if not self.dirty:
            discard(self.root)
            return False
        write_journal(self)
        return True

    def restore(self, journal: Journal | None = None) -> bool:
        """Apply the autosaved journal (:func:`~kiosk.authoring.recovery.recoverable`, or
        ``journal``) as one undoable step; False when there is none."""
        from .recovery import RestoreJournal, recoverable

        journal = journal or recoverable(self.root)
        if journal is None:
            return False
        self.history.push(RestoreJournal(journal))
        return True

    def take_lock(self) -> LockInfo | None:
        """Lock the folder for this Studio; returns who else had it open (warn staff), or
        None. The lock is taken either way: staff were told."""
        from .lock import holder, take

        other = holder(self.root)
        self.lock = take(self.root)
        return other

    def disk_bytes(self, file: str) -> bytes | None:
        """``file`` as it was last read from or written to disk (None: not on disk)."""
        return self._disk.get(file)

    def entities_on_disk(self) -> set[str]:
        return set(self._on_disk)

    def close(self) -> None:
        """Release the lock; empty the trash when everything is saved."""
        if not self.dirty:
            with contextlib.suppress(OSError):
                shutil.rmtree(self.root / STUDIO_TRASH)
            self._trashed.clear()
        if self.lock is not None:
            self.lock.release()
            self.lock = None
