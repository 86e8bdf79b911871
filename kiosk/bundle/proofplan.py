"""What a sign-off proof holds, page by page (``kiosk bundle proof``): pure, no Qt.

A proof is one PDF a ministry approves. Its pages, in order:

1. the cover (bundle id, version, date, counts);
2. the index: one row per *view* (Home, each slide, each demo screen) with the page number
   of its picture in each language and screen shape, :data:`INDEX_ROWS` rows a page;
3. one page per view, language and shape: for each shape, for each language, every view
   in the kiosk's order (Home, then each entity's slides, then its demos' screens).

So a bundle with ``V`` views proofed in ``L`` languages and ``S`` shapes has
``1 + ceil(V / INDEX_ROWS) + V * L * S`` pages (:func:`page_count`).

Beside each picture the page lists the texts a visitor reads on it, each in every language
of the bundle (:class:`Listed`). The texts of an entity's page around its slides (the
entity's name, its demo cards) are listed with the entity's first slide; the entity's name
heads every one of its pages.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from .model import END, Bundle, Entity, FormItem, Hotspot, Screen, Slide, Text

INDEX_ROWS = 32
"""Rows of the index on one page."""

SHAPES: dict[str, tuple[int, int]] = {"landscape": (1920, 1080), "portrait": (1080, 1920)}
"""The screen shapes a proof shows (UI.md, "Screen shapes"): a wall screen and a totem."""

ViewKind = Literal["home", "entity", "slide", "screen"]


@dataclass(frozen=True)
class Listed:
    """One text beside a picture: what it is (``title``, ``bullet 2``...) and its values."""

    label: str
    text: Text


@dataclass(frozen=True)
class Spot:
    """A numbered hotspot of a demo screen: where it leads and its hint."""

    number: int
    hotspot: Hotspot
    leads_to: str
    """The screen id it opens, or "the end of the demo"."""


@dataclass(frozen=True)
class View:
    """One state of the kiosk that the proof shows: Home, a slide or a demo screen."""

    kind: ViewKind
    key: str
    """Its name in the index: ``home``, ``mict / slide 2 · shared-services``..."""
    entity: Entity | None = None
    slide_index: int | None = None
    demo_id: str | None = None
    screen_id: str | None = None
    texts: tuple[Listed, ...] = ()
    spots: tuple[Spot, ...] = ()

    @property
    def ident(self) -> str:
        """The slide or screen id (``home`` for Home)."""
        if self.kind == "slide" and self.entity is not None and self.slide_index is not None:
            return self.entity.slides[self.slide_index].id
        if self.kind == "screen":
            return f"{self.demo_id} / {self.screen_id}"
        return self.kind if self.entity is None else self.entity.id


@dataclass(frozen=True)
class Variant:
    """One language and shape the views are shown in."""

    lang: str
    shape: str


@dataclass(frozen=True)
class Plan:
    bundle: Bundle
    views: tuple[View, ...]
    variants: tuple[Variant, ...]
    """In page order: each shape, and within it each language."""

    @property
    def index_pages(self) -> int:
        return max(1, math.ceil(len(self.views) / INDEX_ROWS))

    @property
    def first_view_page(self) -> int:
        """The 1-based page number of the first view's picture."""
        return 2 + self.index_pages

    def page_of(self, view: int, variant: int) -> int:
        """The 1-based page of ``views[view]`` shown in ``variants[variant]``."""
        return self.first_view_page + variant * len(self.views) + view

    @property
    def pages(self) -> int:
        return page_count(len(self.views), len(self.variants))

    def counts(self) -> dict[str, int]:
        """What the cover counts."""
        entities = self.bundle.entities
        return {
            "entities": len(entities),
            "slides": sum(len(e.slides) for e in entities),
            "demos": sum(len(e.demos) for e in entities),
            "demo screens": sum(len(d.screens) for e in entities for d in e.demos),
            "languages": len(self.bundle.languages),
            "pages": self.pages,
        }


def page_count(views: int, variants: int) -> int:
    """Cover, index and one page per view and variant (see the module's docstring)."""
    return 1 + max(1, math.ceil(views / INDEX_ROWS)) + views * variants


def plan(bundle: Bundle, langs: list[str], shapes: list[str]) -> Plan:
    """The proof of ``bundle`` in these languages and shapes (names checked by the caller)."""
    variants = tuple(Variant(lang, shape) for shape in shapes for lang in langs)
    return Plan(bundle, tuple(views(bundle)), variants)


def views(bundle: Bundle) -> Iterator[View]:
    """Every view of the kiosk, in the order a visitor meets them."""
    home: list[Listed] = [Listed("bundle title", bundle.title)]
    if bundle.subtitle is not None:
        home.append(Listed("subtitle", bundle.subtitle))
    for e in bundle.entities:
        home.append(Listed(f"{e.id} · name", e.name))
        home.append(Listed(f"{e.id} · description", e.description))
    yield View("home", "Home", texts=tuple(home))
    for e in bundle.entities:
        page = _entity_page_texts(e)
        if not e.slides:
            yield View("entity", f"{e.id} · entity page", e, texts=(Listed("name", e.name), *page))
        for i, slide in enumerate(e.slides):
            listed = [Listed("entity", e.name), *_slide_texts(slide)]
            if i == 0:
                listed += page
            yield View(
                "slide",
                f"{e.id} · slide {i + 1} · {slide.id}",
                e,
                slide_index=i,
                texts=tuple(listed),
            )
        for demo in e.demos:
            for n, screen in enumerate(demo.screens):
                spots = tuple(
                    Spot(k + 1, h, "the end of the demo" if h.target == END else h.target)
                    for k, h in enumerate(screen.hotspots)
                )
                listed = [Listed("entity", e.name), Listed("demo title", demo.title)]
                listed += _screen_texts(screen)
                yield View(
                    "screen",
                    f"{e.id} · {demo.id} · screen {n + 1} · {screen.id}",
                    e,
                    demo_id=demo.id,
                    screen_id=screen.id,
                    texts=tuple(listed),
                    spots=spots,
                )


def _entity_page_texts(e: Entity) -> list[Listed]:
    out: list[Listed] = []
    for demo in e.demos:
        out.append(Listed(f"demo card {demo.id} · title", demo.title))
        out.append(Listed(f"demo card {demo.id} · summary", demo.summary))
    return out


def _slide_texts(slide: Slide) -> list[Listed]:
    out: list[Listed] = []
    if slide.title is not None:
        out.append(Listed("title", slide.title))
    if slide.body is not None:
        out.append(Listed("body", slide.body))
    out += [Listed(f"bullet {i + 1}", b) for i, b in enumerate(slide.bullets)]
    if slide.caption is not None:
        out.append(Listed("caption", slide.caption))
    return out


def _screen_texts(screen: Screen) -> list[Listed]:
    out = [Listed("instruction (screen title)", screen.title)]
    for k, h in enumerate(screen.hotspots):
        where = "the end of the demo" if h.target == END else f"screen {h.target}"
        out.append(Listed(f"hotspot {k + 1} → {where} · hint", h.hint))
    for k, item in enumerate(screen.items):
        out += _item_texts(k + 1, item)
    return out


def _item_texts(n: int, item: FormItem) -> list[Listed]:
    base = f"item {n} {item.type}"
    out: list[Listed] = []
    if item.text is not None:
        out.append(Listed(base, item.text))
    if item.label is not None:
        lead = ""
        if item.type == "button" and item.target:
            lead = " → the end of the demo" if item.target == END else f" → screen {item.target}"
        out.append(Listed(f"{base} · label{lead}", item.label))
    if item.placeholder is not None:
        out.append(Listed(f"{base} · placeholder", item.placeholder))
    out += [Listed(f"{base} · option {m + 1}", o) for m, o in enumerate(item.options)]
    for m, row in enumerate(item.rows):
        out.append(Listed(f"{base} · row {m + 1} label", row.label))
        out.append(Listed(f"{base} · row {m + 1} value", row.value))
    return out
