"""Typed reads of the kiosk's Qt properties, for tests: ``props.mode(admin) == "panel"``.

PySide6's stubs type a method under ``@Property(str, ...)`` as the ``Property`` object itself,
so mypy reads ``admin.mode == "panel"`` as a comparison that can never hold and
``controller.entity["id"]`` as indexing a ``Property``. At run time the attribute is the getter's
value. Each helper here reads that same attribute (as the tests did) and checks its type, so
a test that reads a property whose type has changed fails saying so rather than passing on a
cast. A helper is named after the property it reads, as QML spells it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject

from kiosk.qt.admin import Admin
from kiosk.qt.controller import Controller
from kiosk.qt.swap import BundleSwapper

T = TypeVar("T")


def read(obj: QObject, name: str, kind: type[T]) -> T:
    """``obj.<name>``, which must be a ``kind``."""
    value = getattr(obj, name)
    if not isinstance(value, kind):
        raise AssertionError(f"{type(obj).__name__}.{name} is {value!r}, not a {kind.__name__}")
    return value


# -- Controller ------------------------------------------------------------------------------


def page(controller: Controller) -> int:
    """The page on screen, a ``Pages.Page``."""
    return read(controller, "page", int)


def language(controller: Controller) -> str:
    return read(controller, "language", str)


def title(controller: Controller) -> dict[str, str]:
    return read(controller, "title", dict)


def entity(controller: Controller) -> dict[str, Any]:
    return read(controller, "entity", dict)


def screen(controller: Controller) -> dict[str, Any]:
    return read(controller, "screen", dict)


def slideIndex(controller: Controller) -> int:
    return read(controller, "slideIndex", int)


def step(controller: Controller) -> int:
    return read(controller, "step", int)


def idleWarning(controller: Controller) -> bool:
    return read(controller, "idleWarning", bool)


def videoPlaying(controller: Controller) -> bool:
    return read(controller, "videoPlaying", bool)


def closed(controller: Controller) -> dict[str, Any]:
    """The closed screen's next opening (kiosk.qt.models.closed_map)."""
    return read(controller, "closed", dict)


def attractSlides(controller: Controller) -> list[dict[str, Any]]:
    return read(controller, "attractSlides", list)


def entityIds(controller: Controller) -> list[str]:
    """The entities Home shows, in order."""
    from kiosk.qt.models import ListModel

    return [row["entityId"] for row in read(controller, "entities", ListModel).rows()]


def keyboardWanted(controller: Controller) -> bool:
    return read(controller, "keyboardWanted", bool)


# -- Admin -----------------------------------------------------------------------------------


def mode(admin: Admin) -> str:
    """closed, pin or panel."""
    return read(admin, "mode", str)


# -- BundleSwapper ---------------------------------------------------------------------------


def message(swapper: BundleSwapper) -> str:
    """What the last swap did, for the staff (empty when nothing happened)."""
    return read(swapper, "message", str)


# -- Conditions for wait_until ---------------------------------------------------------------
# Each binds its value when called, as a test looping over slides or screens needs (a lambda
# would see the loop's latest value; a lambda with a default argument mypy cannot type).


def onSlide(controller: Controller, index: int) -> Callable[[], bool]:
    """The entity page shows slide ``index``."""
    return lambda: slideIndex(controller) == index


def onScreen(controller: Controller, screen_id: str) -> Callable[[], bool]:
    """The demo shows the screen ``screen_id``."""
    return lambda: screen(controller).get("screenId") == screen_id
