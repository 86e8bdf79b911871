"""Installing bundles safely and choosing the active one."""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import shutil
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from ..atomicfile import write_atomic
from ..bundle.media import is_junk, is_studio
from ..bundle.problems import Report
from ..bundle.validate import CHECKSUMS, check_folder, hash_tree

if TYPE_CHECKING:  # installing imports these; the kiosk's start-up only reads the pointer
    from ..bundle.archive import ZipLimits
    from ..bundle.media import MediaInspector

POINTER = "active.json"
COPY_CHUNK = 1 << 20
LOCK_NAME = ".store.lock"
"""In ``bundles/``: held (flock) while the store changes: the move into place, the record,
the pointer, pruning and cleaning up. One install, CLI or admin panel, at a time there."""
LOCK_TIMEOUT_S = 60.0
STAGING_MARK = ".kiosk-staging"
"""Inside each staging folder the store makes; held (flock) while its install runs."""
PARTIAL_SUFFIX = ".partial"
"""``bundles/<name>.partial``: the store is moving ``<name>`` in (or out); without a record
the folder is the store's own leftover. A folder with neither is someone else's: kept."""

log = logging.getLogger(__name__)
_reported: set[Path] = set()
Progress = Callable[[str, int, int], None]


class StoreError(Exception):
    """Something the store refuses; ``str()`` is the sentence for staff (never a repr)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else self.__class__.__doc__ or ""


class NotInstalled(StoreError, KeyError):
    """No installed bundle has that name (see ``kiosk bundle list``)."""


class NothingToRollBack(StoreError, KeyError):
    """There is no previous bundle to roll back to."""


class NoActiveBundle(StoreError, KeyError):
    """No bundle is active."""


class InstallError(StoreError):
    """The bundle was refused; ``report`` says why (file, field, fix)."""

    def __init__(self, report: Report) -> None:
        self.report = report
        first = report.errors[0] if report.errors else None
        super().__init__(str(first) if first else "install refused")


class Cancelled(Exception):
    """The install was cancelled; nothing was left behind."""


class StoreBusy(StoreError, OSError):
    """Another install, activation, rollback or clean-up held the store's lock too long."""


@dataclass(frozen=True)
class Installed:
    name: str
    """Folder name: <id>-<version>-<hash12>."""
    path: Path
    bundle_id: str
    version: str
    content_hash: str
    installed_utc: str
    signed_by: str | None = None
    forced: bool = False


@dataclass
class ActiveState:
    current: str | None = None
    previous: str | None = None
    changed_utc: str = ""


@dataclass
class InstallOptions:
    trusted_keys: list[str] = field(default_factory=list)
    """When not empty, bundles must carry a valid signature by one of these keys."""
    force: bool = False
    """Accept unsigned, wrongly signed or older bundles (staff decision in the admin panel)."""
    keys_unusable: str | None = None
    """Set (to the staff message, :attr:`kiosk.config.Config.signature_problem`) when
    kiosk.toml asks for signatures but no trusted key is usable: every install is refused,
    forced or not, until kiosk.toml is fixed (fail closed)."""
    config_file: str = "kiosk.toml"
    """Named in the refusal of ``keys_unusable``."""
    activate: bool = True
    keep: int = 3
    limits: ZipLimits | None = None
    inspector: MediaInspector | None = None
    progress: Progress | None = None
    cancel: threading.Event | None = None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_tree(root: Path) -> None:
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            fd = os.open(Path(dirpath) / name, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        _fsync_dir(Path(dirpath))


def _left_out(rel: PurePosixPath) -> bool:
    """Not copied into an installed bundle: operating-system leftovers and the Studio's files."""
    return is_junk(rel) or is_studio(rel)


def _version_key(version: str) -> tuple[int, ...]:
    # ASCII digits only, and bounded: int() refuses over 4300 digits
    return tuple(int(p[:100]) for p in version.split(".") if p.isascii() and p.isdigit())


MAX_NAME = 200


def _is_name(value: object) -> bool:
    """An installed bundle's folder name (``<id>-<version>-<hash12>``): one path part."""
    return (
        isinstance(value, str)
        and 0 < len(value) <= MAX_NAME
        and value not in (".", "..")
        and not value.startswith(".")
        and not any(c in value for c in "/\\\0\n\r")
    )


def write_json_atomic(path: Path, data: dict[str, Any]) -> None:
    """All or nothing: a reader (or the next start after a power cut) sees old or new."""
    write_atomic(path, json.dumps(data, indent=1).encode("utf-8"))


class BundleStore:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.bundles = data_dir / "bundles"
        self.staging = self.bundles / ".staging"
        self.pointer = data_dir / POINTER
        self._doomed: list[Path] = []

    # -- reading -----------------------------------------------------------------------------

    def state(self) -> ActiveState:
        """The pointer as written; a value that is not an installed bundle's name (a number,
        a list, a path, a huge text) reads as None. See :meth:`pointer_problem`."""
        return self._read_pointer()[0]

    def _read_pointer(self) -> tuple[ActiveState, str | None]:
        """The pointer, and what is wrong with it (None: nothing, or there is none)."""
        try:
            data = json.loads(self.pointer.read_text("utf-8"))
        except FileNotFoundError:
            return ActiveState(), None
        except (OSError, ValueError) as exc:  # UnicodeDecodeError and bad JSON are ValueErrors
            return ActiveState(), f"it cannot be read ({getattr(exc, 'strerror', None) or exc})"
        except RecursionError:
            return ActiveState(), "it is not the store's JSON"
        if not isinstance(data, dict):
            return ActiveState(), "it is not the store's JSON (not an object)"
        current, previous = data.get("current"), data.get("previous")
        changed = data.get("changed_utc", "")
        state = ActiveState(
            current if _is_name(current) else None,
            previous if _is_name(previous) else None,
            changed if isinstance(changed, str) else "",
        )
        if not _is_name(current):
            shown = repr(current)
            shown = shown if len(shown) <= 60 else shown[:57] + "..."
            return state, f"its 'current' is {shown}, not an installed bundle's name"
        return state, None

    def pointer_problem(self) -> str | None:
        """What is wrong with the active pointer while bundles are installed: damaged,
        lost, or naming a bundle that is not installed (None: nothing)."""
        state, problem = self._read_pointer()
        if problem is None and state.current is not None and self._is_installed(state.current):
            return None
        if not self.installed():
            return problem  # nothing to fall back to; a damaged file is still worth saying
        if problem is not None:
            return problem
        if state.current is None:
            return "it is missing" if not self.pointer.exists() else "it names no bundle"
        return f"it names {state.current}, which is not installed"

    def installed(self) -> list[Installed]:
        if not self.bundles.is_dir():
            return []
        out = []
        for path in sorted(self.bundles.iterdir()):
            if path.name.startswith(".") or path.is_symlink() or not path.is_dir():
                continue
            try:
                meta = json.loads(self._meta(path.name).read_text("utf-8"))
                bid, ver, content, when = (
                    meta[k] for k in ("bundle_id", "version", "content_hash", "installed_utc")
                )
                if not all(isinstance(f, str) for f in (bid, ver, content, when)):
                    continue  # a damaged record
                signed = meta.get("signed_by")
                out.append(
                    Installed(
                        path.name,
                        path,
                        bid,
                        ver,
                        content,
                        when,
                        signed if isinstance(signed, str) else None,
                        meta.get("forced", False) is True,
                    )
                )
            except (OSError, ValueError, KeyError, TypeError, RecursionError):
                continue  # not a finished install
        return sorted(out, key=lambda i: i.installed_utc)

    def get(self, name: str) -> Installed:
        for item in self.installed():
            if item.name == name or item.name.startswith(name):
                return item
        raise NotInstalled(f"no installed bundle is called {name!r} (see kiosk bundle list)")

    def _is_installed(self, name: str) -> bool:
        path = self.bundles / name
        return self._meta(name).is_file() and path.is_dir() and not path.is_symlink()

    def active_path(self, repair: bool = False) -> Path | None:
        """The active bundle's folder; None when nothing is installed.

        When the pointer is lost or damaged (or names a bundle that is gone) while bundles
        are installed, it is the newest installed bundle that verifies, with a loud log
        line; ``repair`` also rewrites the pointer to it, so rollback works again."""
        current = self.state().current
        if current is not None and self._is_installed(current):
            return self.bundles / current
        problem = self.pointer_problem()
        if problem is None:
            return None
        chosen = next((i for i in reversed(self.installed()) if self.verify(i.name).ok), None)
        if chosen is None:
            log.error(
                "bundle store: %s is damaged (%s), and no installed bundle verifies; "
                "the kiosk shows the sample bundle. Install the bundle again: "
                "kiosk bundle install FILE.zip",
                self.pointer,
                problem,
            )
            return None
        log.error(
            "bundle store: %s is damaged (%s); showing %s, the newest installed bundle "
            "that verifies. Choose another with: kiosk bundle activate NAME",
            self.pointer,
            problem,
            chosen.name,
        )
        if repair:
            try:
                with self.locked(timeout=1.0):
                    if self.pointer_problem() is not None:
                        write_json_atomic(
                            self.pointer,
                            {"current": chosen.name, "previous": None, "changed_utc": _now()},
                        )
                        log.warning(
                            "bundle store: %s rewritten: current = %s", self.pointer, chosen.name
                        )
            except OSError as exc:
                log.warning("bundle store: %s not rewritten: %s", self.pointer, exc)
        return chosen.path

    def _meta(self, name: str) -> Path:
        """The install record beside the bundle's folder; it is written last, so a folder
        without one is an unfinished install."""
        return self.bundles / f"{name}.installed.json"

    # -- changing ----------------------------------------------------------------------------

    @contextlib.contextmanager
    def locked(self, timeout: float = LOCK_TIMEOUT_S) -> Iterator[None]:
        """Hold the store's lock (``bundles/.store.lock``), waiting at most ``timeout`` s."""
        self.bundles.mkdir(parents=True, exist_ok=True)
        lock = self.bundles / LOCK_NAME
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
        try:
            deadline = time.monotonic() + timeout
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise StoreBusy(
                            f"another install, activation or rollback is running in {self.bundles} "
                            f"(it holds {lock.name}); wait for it to finish and try again"
                        ) from None
                    time.sleep(0.05)
            yield
        finally:
            os.close(fd)  # releases the lock

    def clean_staging(self) -> None:
        """Remove what an interrupted install left behind: only folders the store made and
        marked, never one in use by a running install, never through a symbolic link.
        Anything else in ``bundles/`` (a staff folder, notes) is left alone and logged once."""
        if not self.bundles.is_dir():
            return
        try:
            with self.locked():
                self._clean_staging_folders()
                self._clean_bundle_leftovers()
        except OSError as exc:  # busy or unreadable: the next start tries again
            log.warning("bundle store: not cleaned up now: %s", exc)

    def _clean_staging_folders(self) -> None:
        if self.staging.is_symlink() or not self.staging.is_dir():
            return
        for path in sorted(self.staging.iterdir()):
            mark = path / STAGING_MARK
            if path.is_symlink() or not path.is_dir() or mark.is_symlink() or not mark.is_file():
                self._report_unknown(path)
                continue
            try:
                fd = os.open(mark, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
            except OSError:
                continue
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue  # an install in progress, in this process or another
            finally:
                os.close(fd)
            shutil.rmtree(path, ignore_errors=True)

    def _clean_bundle_leftovers(self) -> None:
        for path in sorted(self.bundles.iterdir()):
            name = path.name
            if name.startswith("."):
                continue
            if name.endswith(PARTIAL_SUFFIX) and not path.is_symlink() and path.is_file():
                folder = self.bundles / name.removesuffix(PARTIAL_SUFFIX)
                if not folder.exists() and not folder.is_symlink():
                    path.unlink(missing_ok=True)  # the folder went; the mark can go too
                continue
            if name.endswith(".installed.json") and path.is_file() and not path.is_symlink():
                folder = self.bundles / name.removesuffix(".installed.json")
                if not folder.exists() and not folder.is_symlink():
                    path.unlink(missing_ok=True)  # its folder was pruned: the record goes too
                continue
            if path.is_symlink() or not path.is_dir() or self._meta(name).is_file():
                if path.is_symlink():
                    self._report_unknown(path)
                continue
            partial = self.bundles / f"{name}{PARTIAL_SUFFIX}"
            if partial.is_file() and not partial.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
                if not path.exists():
                    partial.unlink(missing_ok=True)
            else:
                self._report_unknown(path)

    def _report_unknown(self, path: Path) -> None:
        if path not in _reported:
            _reported.add(path)
            log.warning(
                "bundle store: %s was not made by the store (no install record); left alone. "
                "Keep staff folders outside %s",
                path,
                self.bundles,
            )

    def _new_work(self) -> tuple[Path, int]:
        """A staging folder of this install's own, marked, and its held mark (a file
        descriptor: closing it tells the clean-up the folder is free to go)."""
        with self.locked():
            self.staging.mkdir(parents=True, exist_ok=True)
            work = self.staging / uuid.uuid4().hex
            work.mkdir()
            fd = os.open(
                work / STAGING_MARK, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o644
            )
            fcntl.flock(fd, fcntl.LOCK_EX)
        return work, fd

    def install(self, source: Path, options: InstallOptions | None = None) -> Installed:
        """Verify, validate and install ``source`` (a .zip or a folder); activate it by default.

        Raises :class:`InstallError` (with the full report) or :class:`Cancelled`;
        in both cases nothing is left behind and the active bundle is untouched.
        """
        import hashlib

        from .keys import SignatureError, verify_signature

        opts = options or InstallOptions()
        report = Report(str(source))
        signed_by: str | None = None
        if opts.keys_unusable and not opts.trusted_keys:
            message, _, fix = opts.keys_unusable.partition(" Fix: ")
            report.error(
                opts.config_file,
                "trusted_keys",
                message.split(": ", 1)[-1],
                fix or "correct trusted_keys in kiosk.toml (kiosk config check)",
                "keys-unusable",
            )
            raise InstallError(report)
        if opts.trusted_keys and source.is_dir() and not opts.force:
            report.error(
                source.name,
                "",
                "a folder cannot be signed; install the signed .zip",
                "install a bundle packed with 'kiosk bundle pack --sign', "
                "or force it in the admin panel",
                "signature",
            )
            raise InstallError(report)
        try:
            work, mark = self._new_work()
        except OSError as exc:
            report.error(
                source.name,
                "",
                f"installing failed: {exc.strerror or exc}",
                f"check free space and permissions in {self.data_dir}",
                "store-busy" if isinstance(exc, StoreBusy) else "install-io",
            )
            raise InstallError(report) from exc
        try:
            if source.is_file():
                # one private copy, read once: the signature check, the hashes and the
                # extraction all see the same bytes, whatever the drop folder serves later
                # (named as staff know it: the archive's messages name this file)
                (work / "source").mkdir()
                source_copy = work / "source" / source.name
                sig_copy = source_copy.with_name(source.name + ".sig")
                self._copy_in(source, source_copy, opts)
                sig = source.with_name(source.name + ".sig")
                if sig.is_file():
                    shutil.copyfile(sig, sig_copy)
                if opts.trusted_keys:
                    try:
                        signed_by = verify_signature(source_copy, opts.trusted_keys)
                    except SignatureError as exc:
                        if not opts.force:
                            report.error(
                                source.name,
                                "",
                                str(exc),
                                "install a bundle packed with 'kiosk bundle pack --sign', "
                                "or force it in the admin panel",
                                "signature",
                            )
                            raise InstallError(report) from exc
                unpack_dir = work / "unpacked"
                unpack_dir.mkdir()
                root, hashes = self._unpack(source_copy, unpack_dir, report, opts)
            else:
                root, hashes = self._unpack(source, work, report, opts)
            scan = check_folder(
                root, report, opts.inspector, known_hashes=hashes, progress=self._progress(opts)
            )
            self._check_cancel(opts)
            if not report.ok or scan.head is None:
                raise InstallError(report)
            head = scan.head
            if not (root / CHECKSUMS).is_file():
                files = [
                    PurePosixPath(p.relative_to(root).as_posix())
                    for p in sorted(root.rglob("*"))
                    if p.is_file() and not _left_out(PurePosixPath(p.relative_to(root).as_posix()))
                ]
                hashes = hash_tree(root, files)
                write_json_atomic(
                    root / CHECKSUMS,
                    {
                        "format": 1,
                        "files": {str(f): {"sha256": h, "size": n} for f, (h, n) in hashes.items()},
                    },
                )
            content = hashlib.sha256((root / CHECKSUMS).read_bytes()).hexdigest()
            name = f"{head.id}-{head.version}-{content[:12]}"
            _fsync_tree(root)
            self._check_cancel(opts)
            with self.locked():
                item = self._commit(
                    root, name, head.id, head.version, content, signed_by, report, opts
                )
            self._remove_doomed()  # pruned folders, deleted outside the lock
            return item
        except OSError as exc:
            report.error(
                source.name,
                "",
                f"installing failed: {exc.strerror or exc}",
                f"check free space and permissions in {self.data_dir}",
                "store-busy" if isinstance(exc, StoreBusy) else "install-io",
            )
            raise InstallError(report) from exc
        finally:
            shutil.rmtree(work, ignore_errors=True)
            os.close(mark)

    def _commit(
        self,
        root: Path,
        name: str,
        bundle_id: str,
        version: str,
        content: str,
        signed_by: str | None,
        report: Report,
        opts: InstallOptions,
    ) -> Installed:
        """Move the checked bundle into place, record it, activate it; under the store lock."""
        if not opts.force:
            # against the highest installed version, not only the active one: a lost or
            # damaged pointer must not let an older (signed) bundle in
            same = [i for i in self.installed() if i.bundle_id == bundle_id]
            top = max(same, key=lambda i: _version_key(i.version), default=None)
            if top is not None and _version_key(version) < _version_key(top.version):
                report.error(
                    "bundle.toml",
                    "version",
                    f"version {version} is older than the installed {top.version}",
                    "raise the version in bundle.toml and pack again, "
                    "or force it in the admin panel",
                    "downgrade",
                )
                raise InstallError(report)
        final = self.bundles / name
        partial = self.bundles / f"{name}{PARTIAL_SUFFIX}"
        meta = {
            "bundle_id": bundle_id,
            "version": version,
            "content_hash": content,
            "installed_utc": _now(),
            "signed_by": signed_by,
            "forced": opts.force,
        }
        if not self._meta(name).is_file():
            if final.exists() or final.is_symlink():
                if not partial.is_file() or final.is_symlink():
                    report.error(
                        name,
                        "",
                        f"{final} is in the way: the store did not make it",
                        f"move that folder out of {self.bundles} and install again",
                        "in-the-way",
                    )
                    raise InstallError(report)
                shutil.rmtree(final)  # the store's own unfinished earlier copy
            write_atomic(partial, b"")
            root.rename(final)
            _fsync_dir(self.bundles)
            write_json_atomic(self._meta(name), meta)
            partial.unlink(missing_ok=True)
        if opts.activate:
            self._activate(name)
        self._prune(opts.keep)
        return self.get(name)

    def _progress(self, opts: InstallOptions) -> Progress:
        def progress(stage: str, done: int, total: int) -> None:
            self._check_cancel(opts)
            if opts.progress:
                opts.progress(stage, done, total)

        return progress

    @staticmethod
    def _check_cancel(opts: InstallOptions) -> None:
        if opts.cancel is not None and opts.cancel.is_set():
            raise Cancelled()

    def _copy_in(self, source: Path, dest: Path, opts: InstallOptions) -> None:
        """Copy ``source`` into the private staging folder, reading it exactly once."""
        progress = self._progress(opts)
        total = max(1, source.stat().st_size)
        done = 0
        with source.open("rb") as src, dest.open("xb") as out:
            while chunk := src.read(COPY_CHUNK):
                out.write(chunk)
                done += len(chunk)
                progress("copying", min(done, total), total)

    def _unpack(
        self, source: Path, work: Path, report: Report, opts: InstallOptions
    ) -> tuple[Path, dict[PurePosixPath, tuple[str, int]] | None]:
        progress = self._progress(opts)
        if source.is_dir():
            dest = work / "bundle"
            files = [p for p in sorted(source.rglob("*")) if not p.is_dir() or p.is_symlink()]
            for i, path in enumerate(files, 1):
                rel = path.relative_to(source)
                if path.is_symlink():
                    report.error(
                        rel.as_posix(),
                        "",
                        "symbolic links are not allowed in a bundle",
                        "replace the link with a copy of the file",
                        "symlink",
                    )
                    continue
                if not path.is_file():
                    report.error(rel.as_posix(), "", "not a regular file", "remove it", "special")
                    continue
                if _left_out(PurePosixPath(rel.as_posix())):
                    continue
                target = dest / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
                progress("copying", i, len(files))
            if not report.ok:
                raise InstallError(report)
            return dest, None
        if not source.is_file():
            report.error(str(source), "", "no such file or folder", "check the path", "no-bundle")
            raise InstallError(report)
        from ..bundle.archive import extract_zip

        extracted = extract_zip(
            source, work, report, opts.limits, lambda d, t: progress("unpacking", d, t)
        )
        if extracted is None:
            raise InstallError(report)
        return extracted.root, extracted.hashes

    def activate(self, name: str, timeout: float = LOCK_TIMEOUT_S) -> None:
        """Make ``name`` the active bundle; the one before becomes the rollback target."""
        with self.locked(timeout):
            self._activate(name)

    def _activate(self, name: str) -> None:
        item = self.get(name)
        state = self.state()
        if state.current == item.name:
            return
        write_json_atomic(
            self.pointer, {"current": item.name, "previous": state.current, "changed_utc": _now()}
        )

    def rollback(self, timeout: float = LOCK_TIMEOUT_S) -> str:
        """Swap back to the previous bundle; returns its name."""
        with self.locked(timeout):
            return self._rollback()

    def _rollback(self) -> str:
        state = self.state()
        if not state.previous or not self._meta(state.previous).is_file():
            raise NothingToRollBack("there is no previous bundle to roll back to")
        write_json_atomic(
            self.pointer,
            {"current": state.previous, "previous": state.current, "changed_utc": _now()},
        )
        return state.previous

    def verify(self, name: str | None = None) -> Report:
        """Re-hash an installed bundle (default: the active one) against its checksums."""
        import hashlib

        target = name or self.state().current
        if not target:  # get("") would match any bundle
            raise NoActiveBundle("no bundle is active")
        item = self.get(target)
        report = Report(item.name)
        try:
            listed = json.loads((item.path / CHECKSUMS).read_text("utf-8"))["files"]
        except (OSError, ValueError, KeyError):
            report.error(
                CHECKSUMS,
                "",
                "the checksum list is missing or damaged",
                "install the bundle again",
                "checksums",
            )
            return report
        for rel, entry in sorted(listed.items()):
            path = item.path / rel
            try:
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
            except OSError:
                report.error(
                    rel, "", "the file is missing", "install the bundle again", "checksum-missing"
                )
                continue
            if digest != entry.get("sha256"):
                report.error(
                    rel,
                    "",
                    "the file changed since it was installed (SHA-256 mismatch)",
                    "install the bundle again",
                    "checksum-mismatch",
                )
        return report

    def prune(self, keep: int, timeout: float = LOCK_TIMEOUT_S) -> list[str]:
        """Remove the oldest bundles beyond ``keep``, never the current or previous one."""
        with self.locked(timeout):
            names = self._prune(keep)
        self._remove_doomed()
        return names

    def _remove_doomed(self) -> None:
        """Delete what :meth:`_prune` moved aside (slow for a big bundle: outside the lock)."""
        while True:
            try:
                aside = self._doomed.pop()  # atomic: the admin panel's worker may be here too
            except IndexError:
                return
            shutil.rmtree(aside, ignore_errors=True)

    def _prune(self, keep: int) -> list[str]:
        state = self.state()
        every = self.installed()
        names = {i.name for i in every}
        protected = {n for n in (state.current, state.previous) if n in names}
        if state.current not in names:
            # a lost or damaged pointer: keep what the kiosk falls back to showing
            shown = self.active_path()
            protected |= {shown.name} if shown is not None else set()
        items = [i for i in every if i.name not in protected]
        removable = items[: max(0, len(items) - max(0, keep - len(protected)))]
        for item in removable:
            # marked as the store's, moved aside into staging (quick), then the record goes;
            # the slow delete happens after the lock is released. Killed at any point, the
            # clean-up finds a marked staging folder, or a bundle still installed.
            with contextlib.suppress(OSError):
                (item.path / STAGING_MARK).touch()
                self.staging.mkdir(parents=True, exist_ok=True)
                aside = self.staging / uuid.uuid4().hex
                item.path.rename(aside)
                self._doomed.append(aside)
                self._meta(item.name).unlink()
        return [i.name for i in removable]
