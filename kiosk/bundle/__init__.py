"""Asset bundles: parse, validate, hash, pack. Pure Python; never imports PySide6.

Public API::

    validate(path, inspector=None) -> Report      # folder or .zip
    load(folder, inspector=None, deep=False) -> Bundle
    pack(folder, out_zip, inspector=None) -> Report
    init(folder)

The names are imported on first use (PEP 562), so that ``import kiosk.bundle`` (or
``kiosk.bundle.model``, which every visitor-side module needs) does not also import
zip handling, hashing, packing and scaffolding: the kiosk's start-up pays only for
what it uses. ``tests/unit/test_lazy_imports.py`` keeps it so.
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

from ..lazy import lazy_exports

if TYPE_CHECKING:
    from .archive import ZipLimits, extract_zip
    from .media import MediaInspector, StructuralInspector
    from .model import Bundle, Demo, Entity, FormItem, Hotspot, Screen, Slide, Text
    from .pack import pack
    from .problems import BundleError, Problem, Report, Severity
    from .scaffold import init
    from .validate import CHECKSUMS, MANIFEST, load, validate

_SOURCES = {
    "ZipLimits": "archive",
    "extract_zip": "archive",
    "MediaInspector": "media",
    "StructuralInspector": "media",
    "Bundle": "model",
    "Demo": "model",
    "Entity": "model",
    "FormItem": "model",
    "Hotspot": "model",
    "Screen": "model",
    "Slide": "model",
    "Text": "model",
    "pack": "pack",
    "BundleError": "problems",
    "Problem": "problems",
    "Report": "problems",
    "Severity": "problems",
    "init": "scaffold",
    "CHECKSUMS": "validate",
    "MANIFEST": "validate",
    "load": "validate",
    "validate": "validate",
}
"""Each public name → the submodule that defines it."""

__all__ = [
    "CHECKSUMS",
    "MANIFEST",
    "Bundle",
    "BundleError",
    "Demo",
    "Entity",
    "FormItem",
    "Hotspot",
    "MediaInspector",
    "Problem",
    "Report",
    "Screen",
    "Severity",
    "Slide",
    "StructuralInspector",
    "Text",
    "ZipLimits",
    "extract_zip",
    "init",
    "load",
    "pack",
    "validate",
]

if not TYPE_CHECKING:  # mypy sees the imports above, and flags a name that is not there
    __getattr__, __dir__ = lazy_exports(__name__, _SOURCES)


class _Package(types.ModuleType):
    """``validate`` and ``pack`` name both a submodule and the function in it.

    Importing a submodule sets it as an attribute of its package, which would hide
    the function once anything imports ``kiosk.bundle.validate``; here the function
    (or the lazy lookup of it) wins, as it did when this package imported everything.
    The submodules stay reachable through ``sys.modules`` and ``from .validate import``.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if name in ("pack", "validate") and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
