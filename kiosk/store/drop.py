"""Drop folders: bundles that appear where a USB stick mounts (or a synced folder)."""

from __future__ import annotations

import tomllib
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


def check(path: Path, inspector: MediaInspector | None = None) -> Checked:
    """Validate a candidate (structure, hashes, manifests and, with the kiosk's
    ``inspector``, full decoding); runs in a worker thread."""
    report = validate(path, inspector)
    bundle_id, version = _head(path)
    return Checked(path, report, bundle_id, version)


def _head(path: Path) -> tuple[str, str]:
    """The id and version from the candidate's bundle.toml, for showing to staff."""
    try:
        if path.is_dir():
            text = (path / "bundle.toml").read_text("utf-8")
        else:
            with zipfile.ZipFile(path) as zf:
                name = next(
                    n for n in zf.namelist() if n == "bundle.toml" or n.endswith("/bundle.toml")
                )
                text = zf.read(name).decode("utf-8")
        data = tomllib.loads(text)
    except (OSError, StopIteration, UnicodeDecodeError, ValueError, zipfile.BadZipFile):
        return "", ""
    return str(data.get("id", "")), str(data.get("version", ""))
