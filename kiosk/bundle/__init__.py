"""Asset bundles: parse, validate, hash, pack. Pure Python; never imports PySide6.

Public API::

    validate(path, inspector=None) -> Report      # folder or .zip
    load(folder, inspector=None, deep=False) -> Bundle
    pack(folder, out_zip, inspector=None) -> Report
    init(folder)
"""

from .archive import ZipLimits, extract_zip
from .media import MediaInspector, StructuralInspector
from .model import Bundle, Demo, Entity, FormItem, Hotspot, Screen, Slide, Text
from .pack import pack
from .problems import BundleError, Problem, Report, Severity
from .scaffold import init
from .validate import CHECKSUMS, MANIFEST, load, validate

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
