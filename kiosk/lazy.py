"""Packages whose public names are imported on first use (PEP 562 module ``__getattr__``).

A package lists each name's submodule, imports them under ``TYPE_CHECKING`` (for mypy
and readers), and installs the hooks::

    if not TYPE_CHECKING:
        __getattr__, __dir__ = lazy_exports(__name__, {"Bundle": "model", ...})

``from package import Name`` then imports only ``package.model``, once; the value is
kept in the package, so later look-ups cost nothing. The kiosk's start-up pays only for
the modules it uses (see ``tests/unit/test_lazy_imports.py``).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(
    package: str, sources: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``package``: each name of ``sources`` (name →
    submodule) is imported from its submodule when first asked for."""
    namespace = sys.modules[package].__dict__

    def getattr_(name: str) -> Any:
        source = sources.get(name)
        if source is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{source}"), name)
        namespace[name] = value
        return value

    def dir_() -> list[str]:
        return sorted(set(namespace) | set(sources))

    return getattr_, dir_
