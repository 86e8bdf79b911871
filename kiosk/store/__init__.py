"""The bundle store: installed bundles, the active pointer, install, rollback, verify.

Layout in the kiosk's data directory::

    bundles/<id>-<version>-<hash12>/    one installed bundle, never changed after install
    bundles/<name>.installed.json       its install record, written last: no record, not installed
    bundles/.staging/                   installs in progress (cleared on start)
    active.json                         {"current": ..., "previous": ...}: swapped atomically

A bundle becomes visible only by renaming its finished staging folder into place
(after every file and folder is fsynced) and then writing its record, and becomes
active only by replacing active.json (written new, fsynced, then os.replace). So a
power cut or a killed install leaves the old bundle active and whole, or the new one.
Pure Python; never imports PySide6.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_exports

if TYPE_CHECKING:
    from .keys import SignatureError, load_private_key, new_keypair, sign_file, verify_signature
    from .store import (
        ActiveState,
        BundleStore,
        Cancelled,
        Installed,
        InstallError,
        InstallOptions,
        NoActiveBundle,
        NothingToRollBack,
        NotInstalled,
        StoreBusy,
        StoreError,
    )

_SOURCES = {
    "SignatureError": "keys",
    "load_private_key": "keys",
    "new_keypair": "keys",
    "sign_file": "keys",
    "verify_signature": "keys",
    "ActiveState": "store",
    "BundleStore": "store",
    "Cancelled": "store",
    "Installed": "store",
    "InstallError": "store",
    "InstallOptions": "store",
    "StoreBusy": "store",
    "StoreError": "store",
    "NotInstalled": "store",
    "NothingToRollBack": "store",
    "NoActiveBundle": "store",
}
"""Each public name → the submodule that defines it (imported on first use, PEP 562)."""

__all__ = [
    "ActiveState",
    "BundleStore",
    "Cancelled",
    "InstallError",
    "InstallOptions",
    "Installed",
    "NoActiveBundle",
    "NotInstalled",
    "NothingToRollBack",
    "SignatureError",
    "StoreBusy",
    "StoreError",
    "load_private_key",
    "new_keypair",
    "sign_file",
    "verify_signature",
]

if not TYPE_CHECKING:  # mypy sees the imports above, and flags a name that is not there
    __getattr__, __dir__ = lazy_exports(__name__, _SOURCES)
