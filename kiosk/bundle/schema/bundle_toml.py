"""bundle.toml: the bundle's id, version, languages, entity list, attract loop, idle times,
theme and fonts. The entities come from their own files (:mod:`.entity_toml`)."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from .. import model as m
from ..limits import LANG, LIST_CAPS, MAX_FAMILY, NUMBERS, VERSION, is_slug
from ..problems import Report
from ..tomlreader import Reader, shown, type_name

BUNDLE_KEYS = {
    "format",
    "id",
    "version",
    "title",
    "subtitle",
    "languages",
    "default_language",
    "entities",
    "attract",
    "idle",
    "theme",
    "fonts",
    "schedule",
}
THEME_KEYS = {"primary", "background", "surface", "text", "on_primary"}
FONT_KEYS = {"files", "arabic", "arabic_heading", "latin"}
IDLE_KEYS = {"timeout", "video_timeout", "countdown"}
ATTRACT_KEYS = {"slide_seconds"}


class BundleHead:
    """bundle.toml, parsed; entities come from their own files."""

    def __init__(
        self,
        id: str,
        version: str,
        title: m.Text,
        subtitle: m.Text | None,
        languages: tuple[str, ...],
        default_language: str,
        entity_ids: tuple[str, ...],
        attract: m.Attract,
        idle: m.Idle,
        theme: m.Theme,
        fonts: m.Fonts | None,
    ) -> None:
        self.id = id
        self.version = version
        self.title = title
        self.subtitle = subtitle
        self.languages = languages
        self.default_language = default_language
        self.entity_ids = entity_ids
        self.attract = attract
        self.idle = idle
        self.theme = theme
        self.fonts = fonts


def parse_bundle(
    data: dict[str, Any], report: Report, file: str = "bundle.toml"
) -> BundleHead | None:
    r = Reader(report, file, ("ar", "en"))
    r.unknown(data, BUNDLE_KEYS, "")
    fmt = r.get(data, "format", "", int, example=str(m.FORMAT_VERSION))
    if fmt is not None and fmt != m.FORMAT_VERSION:
        r.error(
            "format",
            f"format {fmt} is not supported (this kiosk reads format {m.FORMAT_VERSION})",
            f"set format = {m.FORMAT_VERSION} and follow docs/bundle-format.md",
            "format",
        )
    bid = r.slug(data, "id", "")
    version = r.get(data, "version", "", str, example='"1.0.0"')
    if version is not None and not VERSION.fullmatch(version):
        r.error(
            "version",
            f"'{shown(version)}' is not a version number",
            'use up to four numbers of 1 to 9 ASCII digits separated by dots, e.g. "1.2.0"; '
            "raise it for every new bundle",
            "bad-version",
        )
        version = None

    langs_raw = r.get(data, "languages", "", list, example='["ar", "en"]')
    languages: tuple[str, ...] = ()
    if langs_raw is not None and len(langs_raw) > LIST_CAPS["languages"].most:
        r.bounded(langs_raw, "languages", "languages")
    elif langs_raw is not None:
        bad = [x for x in langs_raw if not isinstance(x, str) or not LANG.fullmatch(x)]
        if bad or not langs_raw or len(set(langs_raw)) != len(langs_raw):
            r.error(
                "languages",
                "the list of languages is empty, repeated or has invalid codes",
                'list two-letter language codes once each, e.g. ["ar", "en"]',
                "bad-languages",
            )
        else:
            languages = tuple(langs_raw)
    r.languages = languages or ("ar", "en")
    default = r.get(data, "default_language", "", str, example='"ar"')
    if default is not None and languages and default not in languages:
        r.error(
            "default_language",
            f"'{shown(default)}' is not in languages",
            f"use one of {', '.join(languages)}",
            "bad-languages",
        )
        default = None

    title = r.text(data, "title", "")
    subtitle = r.text(data, "subtitle", "", required=False)

    ents_raw = r.get(data, "entities", "", list, example='["mict", "moi"]')
    entity_ids: list[str] = []
    if ents_raw is not None:
        ents_raw = r.bounded(ents_raw, "entities", "entities")
        if not ents_raw:
            r.error(
                "entities",
                "no entities are listed",
                "list the entity folders to show, in order",
                "missing",
            )
        for i, e in enumerate(ents_raw):
            if not isinstance(e, str) or not is_slug(e):
                r.error(
                    r.join("entities", i),
                    f"'{shown(e)}' is not a valid entity id",
                    "use the entity's folder name (lower-case letters, digits, hyphens)",
                    "bad-id",
                )
            elif e in entity_ids:
                r.error(
                    r.join("entities", i),
                    f"'{shown(e)}' is listed twice",
                    "list each entity once",
                    "duplicate-id",
                )
            else:
                entity_ids.append(e)

    attract_t = r.get(data, "attract", "", dict, required=False) or {}
    r.unknown(attract_t, ATTRACT_KEYS, "attract")
    attract = m.Attract(
        r.number(
            attract_t,
            "slide_seconds",
            "attract",
            m.Attract.slide_seconds,
            *NUMBERS["attract.slide_seconds"],
        )
    )

    idle_t = r.get(data, "idle", "", dict, required=False) or {}
    r.unknown(idle_t, IDLE_KEYS, "idle")
    idle = m.Idle(
        timeout=r.number(idle_t, "timeout", "idle", m.Idle.timeout, *NUMBERS["idle.timeout"]),
        video_timeout=r.number(
            idle_t, "video_timeout", "idle", m.Idle.video_timeout, *NUMBERS["idle.video_timeout"]
        ),
        countdown=r.number(
            idle_t, "countdown", "idle", m.Idle.countdown, *NUMBERS["idle.countdown"]
        ),
    )

    theme_t = r.get(data, "theme", "", dict, required=False) or {}
    r.unknown(theme_t, THEME_KEYS, "theme")
    d = m.Theme()
    theme = m.Theme(
        primary=r.colour(theme_t, "primary", "theme", d.primary) or d.primary,
        background=r.colour(theme_t, "background", "theme", d.background) or d.background,
        surface=r.colour(theme_t, "surface", "theme", d.surface) or d.surface,
        text=r.colour(theme_t, "text", "theme", d.text) or d.text,
        on_primary=r.colour(theme_t, "on_primary", "theme", d.on_primary) or d.on_primary,
    )

    fonts: m.Fonts | None = None
    fonts_t = r.get(data, "fonts", "", dict)
    if fonts_t is not None:
        r.unknown(fonts_t, FONT_KEYS, "fonts")
        files_raw = r.get(
            fonts_t, "files", "fonts", list, example='["fonts/NotoNaskhArabic-Regular.ttf"]'
        )
        files: list[PurePosixPath] = []
        if files_raw is not None:
            files_raw = r.bounded(files_raw, "files", "fonts.files", "font files")
        for i, f in enumerate(files_raw or []):
            fld = r.join("fonts.files", i)
            if not isinstance(f, str):
                r.error(
                    fld, f"expected text, found {type_name(f)}", "write the path in quotes", "type"
                )
                continue
            p = r.resolve(f, fld, PurePosixPath())
            if p is not None:
                files.append(p)
        if files_raw is not None and not files_raw:
            r.error(
                "fonts.files",
                "no font files are listed",
                "ship an Arabic and a Latin font (OFL) and list them here",
                "missing",
            )
        fams: list[str | None] = []
        for key in ("arabic", "latin", "arabic_heading"):
            fam = r.get(
                fonts_t,
                key,
                "fonts",
                str,
                required=key != "arabic_heading",
                example='"Noto Naskh Arabic"',
            )
            if fam is not None and len(fam) > MAX_FAMILY:
                r.error(
                    f"fonts.{key}",
                    f"the font family is {len(fam):,} characters long",
                    'write the family name of one of the font files, e.g. "Noto Sans"',
                    "text-too-long",
                )
                fam = None
            elif fam is not None and not fam.strip():
                r.error(
                    f"fonts.{key}",
                    "the font family is empty",
                    'write the family name of one of the font files, e.g. "Noto Sans"',
                    "empty-text",
                )
                fam = None
            fams.append(fam)
        heading = fams[2] if "arabic_heading" in fonts_t else fams[0]
        if files_raw is not None and fams[0] and fams[1] and heading:
            fonts = m.Fonts(tuple(files), fams[0], heading, fams[1])

    if (
        bid is None
        or version is None
        or title is None
        or not languages
        or default is None
        or ents_raw is None
        or r.capped
    ):
        return None
    if fonts is None:
        return None
    return BundleHead(
        bid,
        version,
        title,
        subtitle,
        languages,
        default,
        tuple(entity_ids),
        attract,
        idle,
        theme,
        fonts,
    )
