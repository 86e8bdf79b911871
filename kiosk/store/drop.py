"""Drop folders: bundles that appear where a USB stick mounts (or a synced folder)."""

from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..bundle import Report, validate

if TYPE_CHECKING:
    from ..bundle.media import MediaInspector


@dataclass(frozen=True)
class Candidate:
    path: Path
    fingerprint: tuple[int, float]
    """Size and modification time: a file still being copied changes it."""


@dataclass(frozen=True)
class Checked:
    path: Path
    report: Report
    bundle_id: str
    version: str


MAX_ENTRIES = 5_000
"""Entries looked at in each drop folder, per scan: a folder of 100,000 photos is not read whole."""
MAX_BUNDLES = 20
"""Bundles offered to staff from all drop folders together."""


@dataclass(frozen=True)
class Scan:
    candidates: list[Candidate]
    note: str = ""
    """For the staff, when a folder was too big to look at whole (else empty)."""
    crowded: tuple[Path, ...] = ()
    """Folders with more than ``max_entries`` entries (only the first were looked at)."""
    max_entries: int = MAX_ENTRIES
    more_bundles: bool = False
    """More than ``max_bundles`` bundles were found (only the first are offered)."""
    max_bundles: int = MAX_BUNDLES


def scan(
    folders: list[Path], max_entries: int | None = None, max_bundles: int | None = None
) -> Scan:
    """Bundle zips and bundle folders (with a bundle.toml) directly inside ``folders``.

    Bounded: at most ``max_entries`` entries of each folder are looked at, and at most
    ``max_bundles`` bundles are returned; ``note`` then says what was left out. Runs in
    a worker thread (it touches the file system, which may be a slow USB stick)."""
    max_entries = MAX_ENTRIES if max_entries is None else max_entries
    max_bundles = MAX_BUNDLES if max_bundles is None else max_bundles
    out: list[Candidate] = []
    notes: list[str] = []
    crowded: list[Path] = []
    for folder in folders:
        names: list[str] = []
        try:
            with os.scandir(folder) as it:
                for entry in it:
                    if len(names) >= max_entries:
                        crowded.append(folder)
                        notes.append(
                            f"{folder} has more than {max_entries:,} files; only the first "
                            f"{max_entries:,} were looked at. Keep only bundles in a drop folder."
                        )
                        break
                    names.append(entry.name)
        except OSError:
            continue  # not mounted right now
        for name in sorted(names):
            path = folder / name
            try:
                if path.suffix.lower() == ".zip" and path.is_file():
                    st = path.stat()
                elif path.is_dir() and (path / "bundle.toml").is_file():
                    st = (path / "bundle.toml").stat()
                else:
                    continue
            except OSError:
                continue
            if len(out) >= max_bundles:
                notes.append(
                    f"More than {max_bundles} bundles in the drop folders; only the first "
                    f"{max_bundles} are shown. Remove the ones you do not need."
                )
                return Scan(out, " ".join(notes), tuple(crowded), max_entries, True, max_bundles)
            out.append(Candidate(path, (st.st_size, st.st_mtime)))
    return Scan(out, " ".join(notes), tuple(crowded), max_entries, False, max_bundles)


def check(path: Path, inspector: MediaInspector | None = None) -> Checked:
    """Validate a candidate (structure, hashes, manifests and, with the kiosk's
    ``inspector``, full decoding); runs in a worker thread."""
    report = validate(path, inspector)
    bundle_id, version = _head(path)
    return Checked(path, report, bundle_id, version)


def _head(path: Path) -> tuple[str, str]:
    """The id and version from the candidate's bundle.toml, for showing to staff (the
    manifest's own problems are in the validation report)."""
    from ..bundle.tomlfile import MAX_MANIFEST_BYTES, from_bytes, read_capped

    try:
        if path.is_dir():
            raw = read_capped(path / "bundle.toml")
        else:
            with zipfile.ZipFile(path) as zf:
                name = next(
                    n for n in zf.namelist() if n == "bundle.toml" or n.endswith("/bundle.toml")
                )
                with zf.open(name) as f:
                    raw = f.read(MAX_MANIFEST_BYTES + 1)
    except (
        OSError,
        StopIteration,
        ValueError,
        RuntimeError,
        NotImplementedError,
        zipfile.BadZipFile,
    ):
        return "", ""
    data = from_bytes(raw, "bundle.toml", Report(str(path)))
    if data is None:
        return "", ""
    return str(data.get("id", ""))[:64], str(data.get("version", ""))[:64]
