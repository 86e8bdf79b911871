"""Reading untrusted bundle archives safely: entry by entry, never in one blind call.

Every entry is checked before a byte is written: no absolute paths, no ``..``,
no symlinks or devices, no duplicate names (also case-insensitively, for FAT
USB sticks), limits on entry count, total size and compression ratio. Sizes are
enforced while streaming, so a header that lies cannot make a zip bomb.
"""

from __future__ import annotations

import errno
import hashlib
import stat
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .media import name_key
from .problems import Report

CHUNK = 1 << 20


@dataclass(frozen=True)
class ZipLimits:
    max_entries: int = 10_000
    max_total_bytes: int = 4 << 30
    max_ratio: float = 100.0
    ratio_floor_bytes: int = 64 << 10
    """Entries smaller than this are not ratio-checked (tiny files compress oddly)."""


@dataclass(frozen=True)
class Extracted:
    root: Path
    """The bundle root inside the destination (the zip's single top folder, if it had one)."""
    hashes: dict[PurePosixPath, tuple[str, int]]
    """SHA-256 and size of every extracted file, relative to ``root``."""


def _entry_problem(name: str, info: zipfile.ZipInfo, limits: ZipLimits) -> tuple[str, str] | None:
    """(message, code) when an entry must be refused before reading it."""
    if "\x00" in name or "\\" in name:
        return "the entry name contains a backslash or NUL byte", "zip-bad-name"
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return "the entry has an absolute path", "zip-absolute"
    if ".." in PurePosixPath(name).parts:
        return "the entry path contains '..' and would land outside the bundle", "zip-traversal"
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        return "the entry is a symbolic link", "zip-symlink"
    if stat.S_IFMT(mode) not in (0, stat.S_IFREG, stat.S_IFDIR):
        return "the entry is a device, pipe or socket, not a regular file", "zip-special"
    if info.flag_bits & 0x1:
        return "the entry is encrypted", "zip-encrypted"
    if info.file_size >= limits.ratio_floor_bytes and info.file_size > limits.max_ratio * max(
        info.compress_size, 1
    ):
        ratio = info.file_size / max(info.compress_size, 1)
        return (
            f"the entry expands {ratio:.0f} times (limit {limits.max_ratio:.0f}:1): a zip bomb",
            "zip-bomb",
        )
    return None


def _same_name(name: str, seen: dict[str, str]) -> tuple[str, str] | None:
    """(earlier, this) for the first folder or file of ``name`` whose name differs from an
    earlier one only in letter case or Unicode form (:func:`kiosk.bundle.media.name_key`)."""
    parts = name.split("/")
    for i in range(1, len(parts) + 1):
        prefix = "/".join(parts[:i])
        other = seen.setdefault(name_key(prefix), prefix)
        if other != prefix:
            return other, prefix
    return None


def _strip_top(names: list[str]) -> str:
    """The common single top folder to strip (``bundle/...``), or ``""``."""
    files = [n for n in names if not n.endswith("/")]
    if "bundle.toml" in files or not files:
        return ""
    tops = {n.split("/", 1)[0] for n in files}
    if len(tops) == 1 and all("/" in n for n in files):
        return tops.pop() + "/"
    return ""


def extract_zip(
    zip_path: Path,
    dest: Path,
    report: Report,
    limits: ZipLimits | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Extracted | None:
    """Extract ``zip_path`` into the empty folder ``dest``; None if anything was refused.

    All refusals are added to ``report`` (file = the entry's name in the zip).
    """
    limits = limits or ZipLimits()
    label = zip_path.name
    try:
        zf = zipfile.ZipFile(zip_path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        report.error(
            label,
            "",
            f"cannot read the archive ({exc})",
            "pack the bundle again with 'kiosk bundle pack' and copy it again",
            "zip-unreadable",
        )
        return None
    with zf:
        infos = zf.infolist()
        if len(infos) > limits.max_entries:
            report.error(
                label,
                "",
                f"the archive has {len(infos)} entries (limit {limits.max_entries})",
                "remove files the bundle does not use",
                "zip-too-many",
            )
            return None
        declared = sum(i.file_size for i in infos)
        if declared > limits.max_total_bytes:
            report.error(
                label,
                "",
                f"the archive expands to {declared / 1e9:.1f} GB "
                f"(limit {limits.max_total_bytes / 1e9:.1f} GB)",
                "make the media smaller or split the bundle",
                "zip-too-large",
            )
            return None
        seen: dict[str, str] = {}
        entries: set[str] = set()
        reported: set[tuple[str, str]] = set()
        refused = False
        for info in infos:
            problem = _entry_problem(info.filename, info, limits)
            name = info.filename.rstrip("/")
            fix = "pack the bundle again from its folder with 'kiosk bundle pack'"
            if problem is None and name in entries:
                problem = ("the archive has this name twice", "zip-duplicate")
            entries.add(name)
            clash = _same_name(name, seen)
            if problem is None and clash is not None:
                if clash in reported:
                    continue  # the two folders are already reported
                reported.add(clash)
                problem = (
                    f"'{clash[1]}' and '{clash[0]}' differ only in letter case or Unicode form: "
                    "on a USB stick or another computer they are one file",
                    "zip-duplicate",
                )
                fix = (
                    f"rename or delete one of '{clash[0]}' and '{clash[1]}' in the bundle "
                    "folder, then pack it again"
                )
            if problem:
                refused = True
                report.error(info.filename, "", problem[0], fix, problem[1])
        if refused:
            return None

        top = _strip_top([i.filename for i in infos])
        root = dest / top.rstrip("/") if top else dest
        hashes: dict[PurePosixPath, tuple[str, int]] = {}
        total_written = 0
        done = 0
        for info in infos:
            done += 1
            if info.is_dir():
                continue
            rel = PurePosixPath(info.filename[len(top) :])
            target = root.joinpath(*rel.parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha256()
            size = 0
            try:
                with zf.open(info) as src, target.open("xb") as out:
                    while chunk := src.read(CHUNK):
                        size += len(chunk)
                        total_written += len(chunk)
                        if size > info.file_size or total_written > limits.max_total_bytes:
                            report.error(
                                info.filename,
                                "",
                                "the entry is larger than its header says: a zip bomb",
                                "pack the bundle again with 'kiosk bundle pack'",
                                "zip-bomb",
                            )
                            return None
                        digest.update(chunk)
                        out.write(chunk)
            except OSError as exc:
                if exc.errno == errno.ENOSPC:
                    report.error(
                        info.filename,
                        "",
                        "the disk is full while unpacking the bundle",
                        f"free space on the disk holding {dest}",
                        "disk-full",
                    )
                else:
                    report.error(
                        info.filename,
                        "",
                        f"cannot unpack this entry ({exc.strerror or exc})",
                        "check the disk, then try again",
                        "zip-unreadable",
                    )
                return None
            except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError) as exc:
                report.error(
                    info.filename,
                    "",
                    f"the archive is damaged here ({exc})",
                    "copy the bundle again; if it persists, pack it again",
                    "zip-damaged",
                )
                return None
            hashes[rel] = (digest.hexdigest(), size)
            if progress:
                progress(done, len(infos))
        return Extracted(root, hashes)
