"""The bundle store: installed bundles, the active pointer, install, rollback, verify.

Layout in the kiosk's data directory::

    bundles/<id>-<version>-<hash12>/    one installed bundle, never changed after install
    bundles/<name>.installed.json       its install record, written last: no record, not installed
    bundles/.staging/                   installs in progress (cleared on start)
    active.json                         {"current": ..., "previous": ...}: swapped atomically

A bundle becomes visible only by renaming its finished staging folder into place
(after every file and folder is fsynced) and then writing its record, and becomes active only by replacing
active.json (written new, fsynced, then os.replace). So a power cut or a killed
install leaves the old bundle active and whole, or the new one.
Pure Python; never imports PySide6.
"""

from .keys import SignatureError, load_private_key, new_keypair, sign_file, verify_signature
from .store import (
    ActiveState,
    BundleStore,
    Cancelled,
    Installed,
    InstallError,
    InstallOptions,
)

__all__ = [
    "ActiveState",
    "BundleStore",
    "Cancelled",
    "InstallError",
    "InstallOptions",
    "Installed",
    "SignatureError",
    "load_private_key",
    "new_keypair",
    "sign_file",
    "verify_signature",
]
