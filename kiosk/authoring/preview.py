"""The bundle the Studio's preview shows: the project's *unsaved* state, loaded as the kiosk
loads a bundle. Pure Python (never imports Qt); :func:`load_snapshot` runs in a worker thread.

The documents' text is taken on the GUI thread (:func:`kiosk.authoring.outline.snapshot`);
the worker writes a shadow copy of the folder with those manifests in it (media hard-linked
where the disk allows, as the background check does) and loads it with
:func:`kiosk.bundle.validate.load`. The shadow must outlive the bundle shown from it: the
kiosk reads its pictures from there.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ..bundle.model import Bundle
from ..bundle.validate import load
from .outline import _shadow

__all__ = ["load_snapshot", "remove_shadow"]


def load_snapshot(root: Path, manifests: dict[str, bytes], shadow: Path) -> Bundle:
    """The bundle at ``root`` as it would be with ``manifests`` saved, from a shadow folder
    made at ``shadow`` (which must not exist). Raises :class:`kiosk.bundle.BundleError`
    (the shadow is removed then) when that state does not load."""
    _shadow(root, shadow, manifests)
    try:
        return load(shadow)
    except BaseException:
        remove_shadow(shadow)
        raise


def remove_shadow(shadow: Path) -> None:
    """Remove a shadow folder no longer shown (never the bundle itself: only links and
    copies live there)."""
    shutil.rmtree(shadow, ignore_errors=True)
