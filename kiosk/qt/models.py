"""List models and plain-data conversions from the bundle model to QML.

Visitor texts go to QML as ``{"ar": ..., "en": ...}`` maps; QML picks the current
language through ``Theme.tr()``, so a language switch re-evaluates bindings
without rebuilding any model. Each text is prepared for the screen in its language
(:func:`kiosk.bidi.for_display`: Arabic paragraphs run right to left), and counts come
with their count words (:mod:`kiosk.plural`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QUrl,
)

from ..bidi import for_display
from ..bundle.model import Bundle, Demo, Entity, FormItem, Screen, Slide, Text
from ..plural import STEP
from ..schedule import Slot

# Qt.ItemDataRole.DisplayRole and UserRole, as numbers: PySide6's Qt namespace is slow
# to build on first use, before the first frame (kiosk.qt.frames; figures:
# benchmarks/README.md, "Figures behind the code's choices").
DISPLAY_ROLE = 0
USER_ROLE = 0x0100


def text(t: Text | None) -> dict[str, str]:
    return {lang: for_display(v, lang) for lang, v in t.values.items()} if t else {}


def url(bundle: Bundle, rel: Any) -> str:
    return QUrl.fromLocalFile(str(bundle.path(rel))).toString() if rel else ""


class ListModel(QAbstractListModel):
    """A read-only list of dicts; each key is a role."""

    def __init__(self, roles: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._roles = roles
        self._rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rows(self) -> list[dict[str, Any]]:
        return self._rows

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY_ROLE) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        key = role - USER_ROLE - 1
        if 0 <= key < len(self._roles):
            return self._rows[index.row()].get(self._roles[key])
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        base = USER_ROLE + 1
        return {base + i: QByteArray(name.encode()) for i, name in enumerate(self._roles)}


ENTITY_ROLES = ["entityId", "name", "description", "accent", "logo", "slideCount", "demoCount"]
SLIDE_ROLES = [
    "slideId",
    "kind",
    "image",
    "video",
    "poster",
    "caption",
    "title",
    "body",
    "bullets",
    "duration",
]
DEMO_ROLES = ["demoId", "title", "summary", "stepCount", "stepWords"]


def entity_row(bundle: Bundle, e: Entity) -> dict[str, Any]:
    return {
        "entityId": e.id,
        "name": text(e.name),
        "description": text(e.description),
        "accent": e.accent,
        "logo": url(bundle, e.logo),
        "slideCount": len(e.slides),
        "demoCount": len(e.demos),
    }


def slide_row(bundle: Bundle, s: Slide) -> dict[str, Any]:
    return {
        "slideId": s.id,
        "kind": s.kind,
        "image": url(bundle, s.image),
        "video": url(bundle, s.video),
        "poster": url(bundle, s.poster),
        "caption": text(s.caption),
        "title": text(s.title),
        "body": text(s.body),
        "bullets": [text(b) for b in s.bullets],
        "duration": s.duration,
    }


def demo_row(d: Demo) -> dict[str, Any]:
    return {
        "demoId": d.id,
        "title": text(d.title),
        "summary": text(d.summary),
        "stepCount": len(d.screens),
        "stepWords": STEP.counts(len(d.screens)),  # "خطوتان", "2 steps"
    }


def attract_rows(bundle: Bundle) -> list[dict[str, Any]]:
    return picture_rows(bundle, bundle.attract_loop())


def picture_rows(bundle: Bundle, slides: tuple[tuple[Entity, Slide], ...]) -> list[dict[str, Any]]:
    """Full-screen pictures (the attract loop, an interrupt's loop)."""
    rows = []
    for e, s in slides:
        image = s.image or s.poster
        assert image is not None
        rows.append(
            {
                "image": url(bundle, image),
                "caption": text(s.caption or s.title),
                "entityName": text(e.name),
                "accent": e.accent,
                "logo": url(bundle, e.logo),
            }
        )
    return rows


def _item(i: FormItem) -> dict[str, Any]:
    return {
        "type": i.type,
        "text": text(i.text),
        "label": text(i.label),
        "placeholder": text(i.placeholder),
        "input": i.input,
        "options": [text(o) for o in i.options],
        "target": i.target or "",
        "rows": [{"label": text(r.label), "value": text(r.value)} for r in i.rows],
    }


def screen_map(bundle: Bundle, s: Screen | None) -> dict[str, Any]:
    if s is None:
        return {}
    return {
        "screenId": s.id,
        "kind": s.kind,
        "title": text(s.title),
        "image": url(bundle, s.image),
        "hotspots": [
            {"x": h.x, "y": h.y, "w": h.w, "h": h.h, "target": h.target, "hint": text(h.hint)}
            for h in s.hotspots
        ],
        "items": [_item(i) for i in s.items],
    }


def closed_map(slot: Slot, local_now: datetime) -> dict[str, Any]:
    """The closed screen's data: the next opening as ``opens`` ("09:00"), ``day`` ("today",
    "tomorrow", or "later" with ``date`` "2015-11-26"; "" when it does not open this week),
    and ``dark`` (the display is to go off). ``local_now``: the pavilion's time, as
    ``slot.opens``."""
    opens = slot.opens
    if opens is None:
        return {"opens": "", "day": "", "date": "", "dark": slot.display_off}
    days = (opens.date() - local_now.date()).days
    day = "today" if days <= 0 else "tomorrow" if days == 1 else "later"
    return {
        "opens": f"{opens:%H:%M}",
        "day": day,
        "date": f"{opens:%Y-%m-%d}" if day == "later" else "",
        "dark": slot.display_off,
    }


def interrupt_map(
    bundle: Bundle, slot: Slot, slides: tuple[tuple[Entity, Slide], ...]
) -> dict[str, Any]:
    i = slot.interrupt
    if i is None:
        return {"title": {}, "slides": []}
    return {"title": text(i.title), "slides": picture_rows(bundle, slides)}
