"""entities/<id>/entity.toml: an entity's name, description, accent, logo and slides; its
demos are read by :mod:`.demos`."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any, cast

from .. import model as m
from ..limits import LINE_TEXT, NUMBERS, TEXT_SLIDE_NEEDS
from ..problems import Report
from ..tomlreader import Reader, check_unique, shown, table_list
from .demos import parse_demo

ENTITY_KEYS = {"id", "name", "description", "accent", "logo", "slides", "demos"}
SLIDE_KEYS = {
    "id",
    "kind",
    "duration",
    "caption",
    "image",
    "video",
    "poster",
    "title",
    "body",
    "bullets",
    "attract",
    "notes",
}
NOTES_MOST = 4000
"""Characters of a slide's narration script, per language."""


def parse_entity(
    data: dict[str, Any], report: Report, file: str, folder_id: str, languages: tuple[str, ...]
) -> m.Entity | None:
    r = Reader(report, file, languages)
    base = PurePosixPath(file).parent
    r.unknown(data, ENTITY_KEYS, "")
    eid = r.slug(data, "id", "")
    if eid is not None and eid != folder_id:
        r.error(
            "id",
            f"the id '{shown(eid)}' differs from its folder name '{folder_id}'",
            f'set id = "{folder_id}" or rename the folder',
            "id-mismatch",
        )
    name = r.text(data, "name", "")
    desc = r.text(data, "description", "")
    accent = r.colour(data, "accent", "", None)
    logo = r.relpath(data, "logo", "", base)

    slides: list[m.Slide] = []
    slide_tables = table_list(r, data, "slides", "", "slide")
    if not slide_tables:
        r.error(
            "slides", "the entity has no slides", "add at least one [[slides]] table", "missing"
        )
    slide_ok = True
    for i, t in enumerate(slide_tables):
        s = _parse_slide(r, t, r.join("slides", i), base)
        slide_ok &= s is not None
        if s is not None:
            slides.append(s)
    check_unique(
        r,
        [
            (t.get("id") if isinstance(t.get("id"), str) else None, f"slides[{i}].id")
            for i, t in enumerate(slide_tables)
        ],
        "slide",
    )

    demos: list[m.Demo] = []
    demo_tables = table_list(r, data, "demos", "", "demo")
    demo_ok = True
    for i, t in enumerate(demo_tables):
        d = parse_demo(r, t, r.join("demos", i), base)
        demo_ok &= d is not None
        if d is not None:
            demos.append(d)
    check_unique(
        r,
        [
            (t.get("id") if isinstance(t.get("id"), str) else None, f"demos[{i}].id")
            for i, t in enumerate(demo_tables)
        ],
        "demo",
    )

    if None in (eid, name, desc, accent, logo) or not slide_ok or not demo_ok or not slides:
        return None
    if r.capped:
        return None
    assert eid and name and desc and accent and logo
    return m.Entity(eid, name, desc, accent, logo, tuple(slides), tuple(demos))


def _parse_slide(r: Reader, t: dict[str, Any], path: str, base: PurePosixPath) -> m.Slide | None:
    kind = r.get(t, "kind", path, str, example='"image"')
    if kind is not None and kind not in ("image", "video", "text"):
        r.error(
            r.join(path, "kind"),
            f"'{shown(kind)}' is not a slide kind",
            'use "image", "video" or "text"',
            "bad-kind",
        )
        kind = None
    allowed = {"id", "kind", "duration", "caption", "attract", "notes"} | {
        "image": {"image"},
        "video": {"video", "poster"},
        "text": {"title", "body", "bullets"},
        None: SLIDE_KEYS,
    }[kind]
    r.unknown(t, allowed, path)
    sid = r.slug(t, "id", path)
    duration = r.number(t, "duration", path, 8.0, *NUMBERS["duration"])
    caption = r.text(t, "caption", path, required=False)
    attract = r.get(t, "attract", path, bool, required=False) or False
    ok_notes = _check_notes(r, t, path)
    ok = sid is not None and kind is not None and ok_notes
    image = video = poster = None
    title = body = None
    bullets: list[m.Text] = []
    if kind == "image":
        image = r.relpath(t, "image", path, base)
        ok &= image is not None
    elif kind == "video":
        video = r.relpath(t, "video", path, base)
        poster = r.relpath(t, "poster", path, base, required=False)
        ok &= video is not None and (poster is not None or "poster" not in t)
    elif kind == "text":
        title = r.text(t, "title", path)
        body = r.text(t, "body", path, required=False)
        raw = r.get(t, "bullets", path, list, required=False) or []
        for i, b in enumerate(r.bounded(raw, "bullets", r.join(path, "bullets"))):
            fld = r.join(r.join(path, "bullets"), i)
            if not isinstance(b, dict):
                r.error(
                    fld,
                    "each bullet must be a table of texts",
                    '{ ar = "...", en = "..." }',
                    "type",
                )
                ok = False
                continue
            bt = r.text_value(b, fld, LINE_TEXT)
            ok &= bt is not None
            if bt:
                bullets.append(bt)
        ok &= title is not None and (body is not None or "body" not in t)
        if body is None and not bullets and title is not None:
            r.error(path, TEXT_SLIDE_NEEDS.message, TEXT_SLIDE_NEEDS.fix, "missing")
            ok = False
    if "caption" in t and caption is None:
        ok = False
    if not ok:
        return None
    assert sid and kind
    return m.Slide(
        sid,
        cast(m.SlideKind, kind),
        duration,
        caption,
        image,
        video,
        poster,
        title,
        body,
        tuple(bullets),
        attract,
    )


def _check_notes(r: Reader, t: dict[str, Any], path: str) -> bool:
    """``notes``: a slide's narration script (speaker notes from a deck), never shown on
    screen. A table of texts like a caption, but any language may be missing or empty: it
    is the presenter's script, not a visitor text."""
    if "notes" not in t:
        return True
    fld = r.join(path, "notes")
    value = t["notes"]
    if not isinstance(value, dict):
        r.error(fld, "notes must be a table of texts", '{ ar = "...", en = "..." }', "type")
        return False
    ok = True
    for lang, text in value.items():
        sub = r.join(fld, shown(str(lang)))
        if lang not in r.languages:
            r.error(
                sub,
                f"'{shown(str(lang))}' is not one of the bundle's languages",
                f"remove it, or add it to languages in bundle.toml ({', '.join(r.languages)})",
                "unknown-language",
            )
            ok = False
        elif not isinstance(text, str):
            r.error(sub, "expected text", 'write it in quotes: "..."', "type")
            ok = False
        elif len(text) > NOTES_MOST:
            r.error(
                sub,
                f"the notes are {len(text):,} characters; at most {NOTES_MOST:,} are allowed",
                "shorten them",
                "text-too-long",
            )
            ok = False
    return ok
