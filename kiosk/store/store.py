"""Installing bundles safely and choosing the active one."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from ..atomicfile import write_atomic
from ..bundle.media import is_junk
from ..bundle.problems import Report
from ..bundle.validate import CHECKSUMS, check_folder, hash_tree

if TYPE_CHECKING:  # installing imports these; the kiosk's start-up only reads the pointer
    from ..bundle.archive import ZipLimits
    from ..bundle.media import MediaInspector

POINTER = "active.json"
COPY_CHUNK = 1 << 20
Progress = Callable[[str, int, int], None]


class InstallError(Exception):
    """The bundle was refused; ``report`` says why (file, field, fix)."""

    def __init__(self, report: Report) -> None:
        self.report = report
        first = report.errors[0] if report.errors else None
        super().__init__(str(first) if first else "install refused")


class Cancelled(Exception):
    """The install was cancelled; nothing was left behind."""


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


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.split(".") if p.isdigit())


def write_json_atomic(path: Path, data: dict[str, Any]) -> None:
    """All or nothing: a reader (or the next start after a power cut) sees old or new."""
    write_atomic(path, json.dumps(data, indent=1).encode("utf-8"))


class BundleStore:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.bundles = data_dir / "bundles"
        self.staging = self.bundles / ".staging"
        self.pointer = data_dir / POINTER

    # -- reading -----------------------------------------------------------------------------

    def state(self) -> ActiveState:
        try:
            data = json.loads(self.pointer.read_text("utf-8"))
            return ActiveState(
                data.get("current"), data.get("previous"), data.get("changed_utc", "")
            )
        except (OSError, ValueError, AttributeError):
            return ActiveState()

    def installed(self) -> list[Installed]:
        if not self.bundles.is_dir():
            return []
        out = []
        for path in sorted(self.bundles.iterdir()):
            if path.name.startswith(".") or not path.is_dir():
                continue
            try:
                meta = json.loads(self._meta(path.name).read_text("utf-8"))
                out.append(Installed(path.name, path, meta["bundle_id"], meta["version"], meta["content_hash"],
                                     meta["installed_utc"], meta.get("signed_by"), meta.get("forced", False)))  # fmt: skip
            except (OSError, ValueError, KeyError):
                continue  # not a finished install
        return sorted(out, key=lambda i: i.installed_utc)

    def get(self, name: str) -> Installed:
        for item in self.installed():
            if item.name == name or item.name.startswith(name):
                return item
        raise KeyError(name)

    def active_path(self) -> Path | None:
        """The active bundle's folder, or None when nothing is installed (or it is missing)."""
        current = self.state().current
        if current is None:
            return None
        path = self.bundles / current
        return path if self._meta(current).is_file() and path.is_dir() else None

    def _meta(self, name: str) -> Path:
        """The install record beside the bundle's folder; it is written last, so a folder
        without one is an unfinished install."""
        return self.bundles / f"{name}.installed.json"

    # -- changing ----------------------------------------------------------------------------

    def clean_staging(self) -> None:
        """Remove what an interrupted install left behind."""
        if self.staging.is_dir():
            shutil.rmtree(self.staging, ignore_errors=True)
        if self.bundles.is_dir():
            for path in self.bundles.iterdir():
                if (
                    path.is_dir()
                    and not path.name.startswith(".")
                    and not self._meta(path.name).is_file()
                ):
                    shutil.rmtree(path, ignore_errors=True)

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
        if opts.trusted_keys and source.is_dir() and not opts.force:
            report.error(source.name, "", "a folder cannot be signed; install the signed .zip",
                         "install a bundle packed with 'kiosk bundle pack --sign', or force it in the admin panel",
                         "signature")  # fmt: skip
            raise InstallError(report)
        self.staging.mkdir(parents=True, exist_ok=True)
        work = self.staging / uuid.uuid4().hex
        work.mkdir()
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
                            report.error(source.name, "", str(exc),
                                         "install a bundle packed with 'kiosk bundle pack --sign', or force it in the admin panel",
                                         "signature")  # fmt: skip
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
            active = self.active_path()
            if active is not None and not opts.force:
                cur = self.get(active.name)
                if cur.bundle_id == head.id and _version_key(head.version) < _version_key(
                    cur.version
                ):
                    report.error("bundle.toml", "version",
                                 f"version {head.version} is older than the active {cur.version}",
                                 "raise the version in bundle.toml and pack again, or force it in the admin panel",
                                 "downgrade")  # fmt: skip
                    raise InstallError(report)
            if not (root / CHECKSUMS).is_file():
                files = [PurePosixPath(p.relative_to(root).as_posix()) for p in sorted(root.rglob("*"))
                         if p.is_file() and not is_junk(PurePosixPath(p.relative_to(root).as_posix()))]  # fmt: skip
                hashes = hash_tree(root, files)
                write_json_atomic(root / CHECKSUMS, {
                    "format": 1, "files": {str(f): {"sha256": h, "size": n} for f, (h, n) in hashes.items()},
                })  # fmt: skip
            content = hashlib.sha256((root / CHECKSUMS).read_bytes()).hexdigest()
            name = f"{head.id}-{head.version}-{content[:12]}"
            final = self.bundles / name
            meta = {"bundle_id": head.id, "version": head.version, "content_hash": content,
                    "installed_utc": _now(), "signed_by": signed_by, "forced": opts.force}  # fmt: skip
            if not self._meta(name).is_file():
                _fsync_tree(root)
                self._check_cancel(opts)
                if final.exists():  # an unfinished earlier copy
                    shutil.rmtree(final)
                root.rename(final)
                _fsync_dir(self.bundles)
                write_json_atomic(self._meta(name), meta)
            if opts.activate:
                self.activate(name)
            self.prune(opts.keep)
            return self.get(name)
        except OSError as exc:
            report.error(source.name, "", f"installing failed: {exc.strerror or exc}",
                         f"check free space and permissions in {self.data_dir}", "install-io")  # fmt: skip
            raise InstallError(report) from exc
        finally:
            shutil.rmtree(work, ignore_errors=True)

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

    def _unpack(self, source: Path, work: Path, report: Report,
                opts: InstallOptions) -> tuple[Path, dict[PurePosixPath, tuple[str, int]] | None]:  # fmt: skip
        progress = self._progress(opts)
        if source.is_dir():
            dest = work / "bundle"
            files = [p for p in sorted(source.rglob("*")) if not p.is_dir() or p.is_symlink()]
            for i, path in enumerate(files, 1):
                rel = path.relative_to(source)
                if path.is_symlink():
                    report.error(rel.as_posix(), "", "symbolic links are not allowed in a bundle",
                                 "replace the link with a copy of the file", "symlink")  # fmt: skip
                    continue
                if not path.is_file():
                    report.error(rel.as_posix(), "", "not a regular file", "remove it", "special")
                    continue
                if is_junk(PurePosixPath(rel.as_posix())):
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

    def activate(self, name: str) -> None:
        """Make ``name`` the active bundle; the one before becomes the rollback target."""
        item = self.get(name)
        state = self.state()
        if state.current == item.name:
            return
        write_json_atomic(
            self.pointer, {"current": item.name, "previous": state.current, "changed_utc": _now()}
        )

    def rollback(self) -> str:
        """Swap back to the previous bundle; returns its name."""
        state = self.state()
        if not state.previous or not self._meta(state.previous).is_file():
            raise KeyError("there is no previous bundle to roll back to")
        write_json_atomic(
            self.pointer,
            {"current": state.previous, "previous": state.current, "changed_utc": _now()},
        )
        return state.previous

    def verify(self, name: str | None = None) -> Report:
        """Re-hash an installed bundle (default: the active one) against its checksums."""
        import hashlib

        item = self.get(name) if name else self.get(self.state().current or "")
        report = Report(item.name)
        try:
            listed = json.loads((item.path / CHECKSUMS).read_text("utf-8"))["files"]
        except (OSError, ValueError, KeyError):
            report.error(CHECKSUMS, "", "the checksum list is missing or damaged",
                         "install the bundle again", "checksums")  # fmt: skip
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
                report.error(rel, "", "the file changed since it was installed (SHA-256 mismatch)",
                             "install the bundle again", "checksum-mismatch")  # fmt: skip
        return report

    def prune(self, keep: int) -> list[str]:
        """Remove the oldest bundles beyond ``keep``, never the current or previous one."""
        state = self.state()
        protected = {state.current, state.previous}
        items = [i for i in self.installed() if i.name not in protected]
        removable = items[: max(0, len(items) - max(0, keep - len(protected - {None})))]
        for item in removable:
            # the record goes first, so a half-removed folder never counts as installed
            with contextlib.suppress(OSError):
                self._meta(item.name).unlink()
            shutil.rmtree(item.path, ignore_errors=True)
        return [i.name for i in removable]
