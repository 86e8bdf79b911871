"""Drop folders: bundles that appear where a USB stick mounts (or a synced folder)."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..bundle import Report, validate


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


def scan(folders: list[Path]) -> list[Candidate]:
    """Bundle zips and bundle folders (with a bundle.toml) directly inside ``folders``."""
    out: list[Candidate] = []
    for folder in folders:
        try:
            entries = sorted(folder.iterdir())
        except OSError:
            continue  # not mounted right now
        for path in entries:
            try:
                if path.suffix.lower() == ".zip" and path.is_file():
                    st = path.stat()
                elif path.is_dir() and (path / "bundle.toml").is_file():
                    st = (path / "bundle.toml").stat()
                else:
                    continue
            except OSError:
                continue
            out.append(Candidate(path, (st.st_size, st.st_mtime)))
    return out


def check(path: Path) -> Checked:
    """Validate a candidate (structure, hashes, manifests); runs in a worker thread."""
    report = validate(path)
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
