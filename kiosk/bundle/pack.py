"""``kiosk bundle pack``: a validated folder into a .zip with per-file SHA-256."""

from __future__ import annotations

import json
import os
import stat
import zipfile
from pathlib import Path, PurePosixPath

from . import media
from .media import MediaInspector
from .problems import Report
from .validate import CHECKSUMS, Progress, check_folder, hash_tree

_STORED = {".png", ".jpg", ".jpeg", ".mp4"}
"""Already compressed: storing them makes packing and unpacking faster."""
_EPOCH = (1980, 1, 1, 0, 0, 0)
"""Fixed timestamps, so packing the same folder twice gives the same bytes."""


def pack(
    folder: Path,
    out: Path,
    inspector: MediaInspector | None = None,
    progress: Progress | None = None,
) -> Report:
    """Validate ``folder`` and, if it has no errors, write ``out`` atomically."""
    report = Report(str(folder))
    if not folder.is_dir():
        report.error(str(folder), "", "not a folder", "pack the bundle's folder", "no-bundle")
        return report
    check_folder(folder, report, inspector, progress=progress)
    # A checksum list left from an earlier pack is replaced, never trusted.
    report.problems = [p for p in report.problems if not p.code.startswith("checksum")]
    if not report.ok:
        return report
    files = sorted(
        PurePosixPath(p.relative_to(folder).as_posix())
        for p in folder.rglob("*")
        if p.is_file() and not p.is_symlink()
    )
    files = [
        f for f in files if not media.is_junk(f) and not media.is_studio(f) and str(f) != CHECKSUMS
    ]
    hashes = hash_tree(folder, files)
    listing = {
        "format": 1,
        "files": {str(f): {"sha256": h, "size": n} for f, (h, n) in hashes.items()},
    }
    tmp = out.with_name(out.name + ".partial")
    try:
        with zipfile.ZipFile(tmp, "w") as zf:
            for i, rel in enumerate(files, 1):
                info = zipfile.ZipInfo(str(rel), _EPOCH)
                info.external_attr = (stat.S_IFREG | 0o644) << 16
                stored = rel.suffix.lower() in _STORED
                info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
                with folder.joinpath(*rel.parts).open("rb") as src, zf.open(info, "w") as dst:
                    while chunk := src.read(1 << 20):
                        dst.write(chunk)
                if progress:
                    progress("packing", i, len(files))
            info = zipfile.ZipInfo(CHECKSUMS, _EPOCH)
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, json.dumps(listing, indent=1, sort_keys=True))
        with tmp.open("rb") as f:
            os.fsync(f.fileno())
        tmp.replace(out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        report.error(
            str(out),
            "",
            f"cannot write the packed bundle ({exc.strerror or exc})",
            "check that the folder exists, is writable and the disk has space",
            "write-failed",
        )
    return report
