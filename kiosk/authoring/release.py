"""Packing a bundle for the kiosks from the Studio (pure Python; the Qt dialog is
:mod:`kiosk.qt.studio.publish`).

:func:`next_version` proposes the version of the next pack (a patch bump); :func:`pack_and_sign`
runs the packer of ``kiosk bundle pack`` (validation, per-file SHA-256 in checksums.json) and,
with a staff key from ``kiosk keys new``, writes the ``.sig`` beside the .zip as ``kiosk bundle
pack --sign`` does. It runs in a worker thread: it touches no QObject.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..bundle.limits import VERSION
from ..bundle.media import MediaInspector
from ..bundle.pack import pack
from ..bundle.problems import Report
from ..bundle.validate import Progress

__all__ = ["Packed", "next_version", "pack_and_sign", "pack_name", "version_problem"]


def next_version(version: str) -> str:
    """The version after ``version``: its last number raised (``1.0.0`` → ``1.0.1``,
    ``2`` → ``3``); ``1.0.0`` when ``version`` is not a version number."""
    if not VERSION.fullmatch(version):
        return "1.0.0"
    parts = version.split(".")
    parts[-1] = str(int(parts[-1]) + 1)
    return ".".join(parts)


def _key(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.split("."))


def version_problem(new: str, old: str) -> str | None:
    """Why ``new`` cannot be the next version after ``old`` (None when it can): a version
    is numbers and dots, and each pack's is higher than the last (kiosks refuse older ones)."""
    if not VERSION.fullmatch(new):
        return f"'{new}' is not a version number: use numbers and dots, e.g. {next_version(old)}"
    if VERSION.fullmatch(old) and _key(new) <= _key(old):
        return f"{new} is not higher than {old}: use {next_version(old)} or higher"
    return None


def pack_name(bundle_id: str, version: str) -> str:
    """The .zip's file name: ``qatar-gcc-egov-2015-1.0.1.zip``."""
    return f"{bundle_id}-{version}.zip"


@dataclass
class Packed:
    report: Report
    out: Path
    signature: Path | None = None
    problem: str = ""
    """Set when the .zip was written and signing it failed (the message names the key)."""
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.report.ok and not self.problem


def pack_and_sign(
    folder: Path,
    out: Path,
    key: Path | None = None,
    inspector: MediaInspector | None = None,
    progress: Progress | None = None,
) -> Packed:
    """Pack ``folder`` into ``out`` (nothing is written when it has errors) and sign it with
    the private key file ``key`` (``kiosk keys new``) when one is given."""
    report = pack(folder, out, inspector, progress)
    result = Packed(report, out, warnings=[str(p) for p in report.warnings])
    if not report.ok or key is None:
        return result
    from ..store.keys import SignatureError, load_private_key, sign_file

    try:
        result.signature = sign_file(out, load_private_key(key))
    except (SignatureError, OSError) as exc:
        result.problem = (
            f"{out.name} was packed but not signed: {exc}. Fix: choose the .key file "
            "'kiosk keys new' made, then pack again"
        )
    return result
