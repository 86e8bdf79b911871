"""Manifest schema: TOML tables in, model objects and problems out.

The parser never raises on bad content: each problem is added to the report with
its file, field path and fix, and parsing goes on so that staff see *all*
problems at once. A ``None`` result means the part could not be built.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import PurePosixPath
from typing import Any, NamedTuple, cast
from urllib.parse import urlsplit

from . import model as m
from . import texts
from .problems import Report
from .tomlfile import parse_toml as parse_toml  # re-exported: its home before tomlfile

# Matched with fullmatch() only: "$" also matches before a final newline, and "\d" matches
# Arabic-Indic and other non-ASCII digits. Every class is spelt out in ASCII, and bounded.
MAX_ID = 40
SLUG = re.compile(rf"(?=[a-z0-9-]{{1,{MAX_ID}}}\Z)[a-z0-9]+(?:-[a-z0-9]+)*", re.ASCII)
COLOUR = re.compile(r"#[0-9A-Fa-f]{6}", re.ASCII)
VERSION = re.compile(r"[0-9]{1,9}(?:\.[0-9]{1,9}){0,3}", re.ASCII)
"""Up to four numbers of at most nine ASCII digits each: "1.2.0"."""
LANG = re.compile(r"[a-z]{2,3}", re.ASCII)
MAX_URL = 300
MAX_PATH = 255
MAX_FAMILY = 100


class Cap(NamedTuple):
    """A size: ``warn`` and above is a warning, above ``most`` an error."""

    warn: int
    most: int


# Sizes: generous for a real pavilion (the sample has 6 entities of 3 to 5 slides), and small
# enough that a bundle cannot stall the kiosk (100,000 slides froze it for 105 s and took 5.9 GB;
# a 10 MB caption froze it for 12 s). docs/bundle-format.md lists them.
LIST_CAPS: dict[str, Cap] = {
    "entities": Cap(50, 200),
    "slides": Cap(125, 500),
    "demos": Cap(12, 50),
    "screens": Cap(25, 100),
    "hotspots": Cap(12, 50),
    "items": Cap(25, 100),
    "bullets": Cap(12, 50),
    "options": Cap(12, 50),
    "rows": Cap(25, 100),
    "languages": Cap(10, 10),
    "files": Cap(20, 40),
}
"""Most entries in each list, by its key (``files`` is ``fonts.files``)."""
SHORT_TEXT = Cap(100, 200)
"""Titles, names, labels, placeholders, options, form headers."""
LINE_TEXT = Cap(250, 1000)
"""Captions, bullets, hints, list-row values, the bundle's subtitle."""
LONG_TEXT = Cap(1000, 4000)
"""Descriptions, slide bodies, demo summaries, form paragraphs."""
TEXT_CAPS: dict[str, Cap] = {
    "description": LONG_TEXT, "body": LONG_TEXT, "summary": LONG_TEXT,
    "caption": LINE_TEXT, "hint": LINE_TEXT, "value": LINE_TEXT, "subtitle": LINE_TEXT,
}  # fmt: skip
"""Text size by key; SHORT_TEXT for any other."""
MAX_PROBLEMS = 200
"""Problems listed per file; a file with more gets one last problem saying so."""

BUNDLE_KEYS = {
    "format", "id", "version", "title", "subtitle", "languages", "default_language",
    "entities", "attract", "idle", "theme", "fonts",
}  # fmt: skip
ENTITY_KEYS = {"id", "name", "description", "accent", "logo", "slides", "demos"}
SLIDE_KEYS = {
    "id", "kind", "duration", "caption", "image", "video", "poster", "title", "body",
    "bullets", "attract",
}  # fmt: skip
DEMO_KEYS = {"id", "title", "summary", "service_url", "screens"}
SCREEN_KEYS = {"id", "kind", "title", "image", "hotspots", "items"}
HOTSPOT_KEYS = {"rect", "target", "hint"}
ITEM_KEYS: dict[str, set[str]] = {
    "header": {"type", "text"},
    "paragraph": {"type", "text"},
    "field": {"type", "label", "placeholder", "input"},
    "choice": {"type", "label", "options"},
    "button": {"type", "label", "target"},
    "list": {"type", "label", "rows"},
}
FIELD_INPUTS = ("text", "number", "date", "email", "phone")
THEME_KEYS = {"primary", "background", "surface", "text", "on_primary"}
FONT_KEYS = {"files", "arabic", "arabic_heading", "latin"}
IDLE_KEYS = {"timeout", "video_timeout", "countdown"}
ATTRACT_KEYS = {"slide_seconds"}

_SHOWN = 60


def shown(value: object) -> str:
    """``value`` for a message: control and invisible characters escaped, and cut short
    (a 5,000-digit version, or a megabyte of text, is not repeated back in full)."""
    text = value if isinstance(value, str) else str(value)
    out = "".join(
        c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text[:_SHOWN]
    )
    return out + ("..." if len(text) > _SHOWN else "")


def is_slug(value: str) -> bool:
    """A bundle id: lower-case ASCII letters and digits in words joined by single hyphens,
    at most :data:`MAX_ID` characters, with nothing after it (not even a newline)."""
    return SLUG.fullmatch(value) is not None


def _type_name(value: object) -> str:
    return {
        str: "text", int: "a number", float: "a number", bool: "true/false",
        list: "a list", dict: "a table",
    }.get(type(value), type(value).__name__)  # fmt: skip


class Reader:
    """Typed access to one manifest's tables, reporting problems against ``file``."""

    def __init__(self, report: Report, file: str, languages: tuple[str, ...]) -> None:
        self.report = report
        self.file = file
        self.languages = languages
        self.problems = 0
        self.capped = 0
        """Lists cut to their cap: the whole file is then refused (parse_* return None)."""

    # -- helpers ---------------------------------------------------------------------------------

    @property
    def full(self) -> bool:
        """True once :data:`MAX_PROBLEMS` are listed: the rest would only bury them."""
        return self.problems > MAX_PROBLEMS

    def _count(self) -> bool:
        self.problems += 1
        if self.problems == MAX_PROBLEMS + 1:
            self.report.error(
                self.file, "", f"more than {MAX_PROBLEMS} problems; only the first are listed",
                "correct those, then validate again", "too-many-problems",
            )  # fmt: skip
        return self.problems <= MAX_PROBLEMS

    def error(self, fld: str, message: str, fix: str, code: str = "invalid") -> None:
        if self._count():
            self.report.error(self.file, fld, message, fix, code)

    def warning(self, fld: str, message: str, fix: str, code: str = "warning") -> None:
        if self._count():
            self.report.warning(self.file, fld, message, fix, code)

    def bounded(self, items: list[Any], key: str, fld: str, things: str = "") -> list[Any]:
        """``items``, cut to the cap for ``key`` (an error, so the part is refused); a warning
        from the cap's ``warn`` size. Nothing past the cap is looked at."""
        cap = LIST_CAPS[key]
        n = len(items)
        if n > cap.most:
            self.error(
                fld, f"{n:,} {things or key}; at most {cap.most} are allowed",
                f"remove some (keep to {cap.warn} or fewer)"
                + (", or split them over more entities" if key in ("slides", "demos") else ""),
                "too-many",
            )  # fmt: skip
            self.capped += 1
            return items[: cap.most]
        if n > cap.warn and cap.warn < cap.most:
            self.warning(
                fld, f"{n} {things or key} make the kiosk slow to load and hard to browse",
                f"keep to {cap.warn} or fewer (at most {cap.most} are allowed)", "many",
            )  # fmt: skip
        return items

    @staticmethod
    def join(path: str, key: str | int) -> str:
        if isinstance(key, int):
            return f"{path}[{key}]"
        return f"{path}.{key}" if path else key

    def unknown(self, table: dict[str, Any], allowed: Iterable[str], path: str) -> None:
        allowed = set(allowed)
        for key in table:
            if self.full:
                return
            if key not in allowed:
                hint = ""
                if len(key) <= MAX_ID:  # a hint for a typo, not for a megabyte of key
                    close = sorted(allowed, key=lambda a: _distance(a, key))[0]
                    hint = f"did you mean '{close}'? " if _distance(close, key) <= 2 else ""
                self.error(
                    self.join(path, shown(key)), f"unknown key '{shown(key)}'",
                    f"{hint}remove it or use one of: {', '.join(sorted(allowed))}", "unknown-key",
                )  # fmt: skip

    def get(
        self,
        table: dict[str, Any],
        key: str,
        path: str,
        kind: type | tuple[type, ...],
        *,
        required: bool = True,
        example: str = "",
    ) -> Any:
        """``table[key]`` if it has one of the ``kind`` types, else None (reported)."""
        fld = self.join(path, key)
        if key not in table:
            if required:
                self.error(
                    fld, f"'{shown(key)}' is missing",
                    f"add {key} = {example or '...'}" + (f" under [{path}]" if path else ""),
                    "missing",
                )  # fmt: skip
            return None
        value = table[key]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        ok = isinstance(value, kinds) and not (isinstance(value, bool) and bool not in kinds)
        if not ok:
            want = " or ".join(sorted({_type_name(k()) for k in kinds}))
            self.error(
                fld, f"expected {want}, found {_type_name(value)}",
                f"write it as {example or want}", "type",
            )  # fmt: skip
            return None
        return value

    def slug(self, table: dict[str, Any], key: str, path: str) -> str | None:
        value: str | None = self.get(table, key, path, str, example='"my-id"')
        if value is None:
            return None
        if not is_slug(value):
            self.error(
                self.join(path, key), f"'{shown(value)}' is not a valid id",
                f"use lower-case letters, digits and single hyphens, at most {MAX_ID} characters "
                "(e.g. \"renew-residence\")", "bad-id",
            )  # fmt: skip
            return None
        return value

    def text(
        self, table: dict[str, Any], key: str, path: str, *, required: bool = True,
        size: Cap | None = None,
    ) -> m.Text | None:  # fmt: skip
        value = self.get(
            table, key, path, dict, required=required,
            example=self.text_example(),
        )  # fmt: skip
        if value is None:
            return None
        return self.text_value(value, self.join(path, key), size or TEXT_CAPS.get(key, SHORT_TEXT))

    def text_example(self) -> str:
        inner = ", ".join(f'{lang} = "..."' for lang in self.languages)
        return "{ " + inner + " }"

    def text_value(self, value: dict[str, Any], fld: str, size: Cap = SHORT_TEXT) -> m.Text | None:
        ok = True
        out: dict[str, str] = {}
        for lang in value:
            if self.full:
                return None
            if lang not in self.languages:
                ok = False
                self.error(
                    self.join(fld, shown(lang)), f"'{shown(lang)}' is not one of the bundle's languages",
                    f"remove it, or add it to languages in bundle.toml ({', '.join(self.languages)})",
                    "unknown-language",
                )  # fmt: skip
        for lang in self.languages:
            sub = self.join(fld, lang)
            text = value.get(lang)
            if text is None:
                ok = False
                self.error(
                    sub, f"the {_LANG_NAMES.get(lang, lang)} text is missing",
                    f'add {lang} = "..." next to the other languages', "missing-text",
                )  # fmt: skip
            elif not isinstance(text, str):
                ok = False
                self.error(
                    sub, f"expected text, found {_type_name(text)}", 'write it in quotes: "..."',
                    "type",
                )  # fmt: skip
            elif len(text) > size.most:
                ok = False
                self.error(
                    sub, f"the {_LANG_NAMES.get(lang, lang)} text is {len(text):,} characters; "
                    f"at most {size.most:,} are allowed here",
                    f"shorten it (a visitor reads up to about {size.warn} here)", "text-too-long",
                )  # fmt: skip
            elif not texts.visible(text):
                ok = False
                self.error(
                    sub, f"the {_LANG_NAMES.get(lang, lang)} text is empty"
                    + (" (it has only invisible characters)" if text.strip() else ""),
                    "write the text a visitor should read", "empty-text",
                )  # fmt: skip
            elif bidi := texts.direction_problem(text):
                ok = False
                self.error(
                    sub, f"the {_LANG_NAMES.get(lang, lang)} text cannot be shown as written: "
                    + bidi[0], bidi[1], "bidi-control",
                )  # fmt: skip
            elif (ctl := texts.control_character(text)) is not None:
                ok = False
                self.error(
                    sub, f"the {_LANG_NAMES.get(lang, lang)} text holds the control character "
                    f"U+{ord(ctl):04X}",
                    "delete it; only tabs and line breaks may be written in a text",
                    "control-char",
                )  # fmt: skip
            else:
                text = text.strip()
                if len(text) > size.warn:
                    self.warning(
                        sub, f"the {_LANG_NAMES.get(lang, lang)} text is {len(text):,} characters "
                        "and may not fit on the screen",
                        f"keep it to {size.warn} characters or fewer", "text-long",
                    )  # fmt: skip
                out[lang] = text
        return m.Text(out) if ok else None

    def number(
        self, table: dict[str, Any], key: str, path: str, default: float, lo: float, hi: float
    ) -> float:
        value = self.get(table, key, path, (int, float), required=False, example=str(default))
        if value is None:
            return default
        if not lo <= value <= hi:
            self.error(
                self.join(path, key), f"{value} is out of range",
                f"use a number from {lo:g} to {hi:g}", "range",
            )  # fmt: skip
            return default
        return float(value)

    def colour(self, table: dict[str, Any], key: str, path: str, default: str | None) -> str | None:
        value: str | None = self.get(
            table, key, path, str, required=default is None, example='"#8A1538"'
        )
        if value is None:
            return default
        if not COLOUR.fullmatch(value):
            self.error(
                self.join(path, key), f"'{shown(value)}' is not a colour",
                'write it as "#RRGGBB", e.g. "#8A1538"', "bad-colour",
            )  # fmt: skip
            return default
        return value.upper()

    def relpath(
        self, table: dict[str, Any], key: str, path: str, base: PurePosixPath,
        *, required: bool = True,
    ) -> PurePosixPath | None:  # fmt: skip
        """A file reference, relative to ``base``; returned relative to the bundle root."""
        value = self.get(table, key, path, str, required=required, example='"media/picture.jpg"')
        if value is None:
            return None
        return self.resolve(value, self.join(path, key), base)

    def resolve(self, value: str, fld: str, base: PurePosixPath) -> PurePosixPath | None:
        fix = (
            "use a path relative to this file, inside the bundle, with '/' separators, "
            f"at most {MAX_PATH} characters"
        )
        if not value or len(value) > MAX_PATH or "\\" in value or "\x00" in value:
            self.error(fld, f"'{shown(value)}' is not a valid path", fix, "bad-path")
            return None
        if value.startswith("/") or (len(value) > 1 and value[1] == ":"):
            self.error(fld, f"'{shown(value)}' is an absolute path", fix, "path-outside")
            return None
        parts: list[str] = list(base.parts)
        for part in PurePosixPath(value).parts:
            if part == "..":
                self.error(fld, f"'{shown(value)}' uses '..'", fix, "path-outside")
                return None
            if part != ".":
                parts.append(part)
        return PurePosixPath(*parts)


_LANG_NAMES = {"ar": "Arabic", "en": "English", "fr": "French"}


def _distance(a: str, b: str) -> int:
    """Levenshtein distance, for 'did you mean' hints."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


# --- bundle.toml --------------------------------------------------------------------------------


class BundleHead:
    """bundle.toml, parsed; entities come from their own files."""

    def __init__(
        self, id: str, version: str, title: m.Text, subtitle: m.Text | None,
        languages: tuple[str, ...], default_language: str, entity_ids: tuple[str, ...],
        attract: m.Attract, idle: m.Idle, theme: m.Theme, fonts: m.Fonts | None,
    ) -> None:  # fmt: skip
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
            "format", f"format {fmt} is not supported (this kiosk reads format {m.FORMAT_VERSION})",
            f"set format = {m.FORMAT_VERSION} and follow docs/bundle-format.md", "format",
        )  # fmt: skip
    bid = r.slug(data, "id", "")
    version = r.get(data, "version", "", str, example='"1.0.0"')
    if version is not None and not VERSION.fullmatch(version):
        r.error(
            "version", f"'{shown(version)}' is not a version number",
            'use up to four numbers of 1 to 9 ASCII digits separated by dots, e.g. "1.2.0"; '
            "raise it for every new bundle", "bad-version",
        )  # fmt: skip
        version = None

    langs_raw = r.get(data, "languages", "", list, example='["ar", "en"]')
    languages: tuple[str, ...] = ()
    if langs_raw is not None and len(langs_raw) > LIST_CAPS["languages"].most:
        r.bounded(langs_raw, "languages", "languages")
    elif langs_raw is not None:
        bad = [x for x in langs_raw if not isinstance(x, str) or not LANG.fullmatch(x)]
        if bad or not langs_raw or len(set(langs_raw)) != len(langs_raw):
            r.error(
                "languages", "the list of languages is empty, repeated or has invalid codes",
                'list two-letter language codes once each, e.g. ["ar", "en"]', "bad-languages",
            )  # fmt: skip
        else:
            languages = tuple(langs_raw)
    r.languages = languages or ("ar", "en")
    default = r.get(data, "default_language", "", str, example='"ar"')
    if default is not None and languages and default not in languages:
        r.error(
            "default_language", f"'{shown(default)}' is not in languages",
            f"use one of {', '.join(languages)}", "bad-languages",
        )  # fmt: skip
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
        r.number(attract_t, "slide_seconds", "attract", m.Attract.slide_seconds, 2, 120)
    )

    idle_t = r.get(data, "idle", "", dict, required=False) or {}
    r.unknown(idle_t, IDLE_KEYS, "idle")
    idle = m.Idle(
        timeout=r.number(idle_t, "timeout", "idle", m.Idle.timeout, 10, 3600),
        video_timeout=r.number(idle_t, "video_timeout", "idle", m.Idle.video_timeout, 10, 7200),
        countdown=r.number(idle_t, "countdown", "idle", m.Idle.countdown, 3, 120),
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
                    fld, f"expected text, found {_type_name(f)}", "write the path in quotes", "type"
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
                    f"fonts.{key}", f"the font family is {len(fam):,} characters long",
                    "write the family name of one of the font files, e.g. \"Noto Sans\"",
                    "text-too-long",
                )  # fmt: skip
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
        bid is None or version is None or title is None or not languages or default is None
        or ents_raw is None or r.capped
    ):  # fmt: skip
        return None
    if fonts is None:
        return None
    return BundleHead(
        bid, version, title, subtitle, languages, default, tuple(entity_ids),
        attract, idle, theme, fonts,
    )  # fmt: skip


# --- entities/<id>/entity.toml ------------------------------------------------------------------


def _table_list(
    r: Reader, data: dict[str, Any], key: str, path: str, what: str
) -> list[dict[str, Any]]:
    raw = r.get(data, key, path, list, required=False, example=f"[[{key}]] tables")
    if raw is None:
        return []
    out = []
    for i, t in enumerate(r.bounded(raw, key, r.join(path, key))):
        if isinstance(t, dict):
            out.append(t)
        else:
            r.error(
                r.join(r.join(path, key), i),
                f"each {what} must be a table",
                f"write each {what} as a [[{key}]] table",
                "type",
            )
    return out


def _check_unique(r: Reader, ids: list[tuple[str | None, str]], what: str) -> None:
    seen: set[str] = set()
    for ident, fld in ids:
        if ident is None:
            continue
        if ident in seen:
            r.error(
                fld,
                f"{what} id '{ident}' is used twice",
                f"give each {what} its own id",
                "duplicate-id",
            )
        seen.add(ident)


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
    slide_tables = _table_list(r, data, "slides", "", "slide")
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
    _check_unique(
        r,
        [
            (t.get("id") if isinstance(t.get("id"), str) else None, f"slides[{i}].id")
            for i, t in enumerate(slide_tables)
        ],
        "slide",
    )

    demos: list[m.Demo] = []
    demo_tables = _table_list(r, data, "demos", "", "demo")
    demo_ok = True
    for i, t in enumerate(demo_tables):
        d = _parse_demo(r, t, r.join("demos", i), base)
        demo_ok &= d is not None
        if d is not None:
            demos.append(d)
    _check_unique(
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
    allowed = {"id", "kind", "duration", "caption", "attract"} | {
        "image": {"image"}, "video": {"video", "poster"}, "text": {"title", "body", "bullets"},
        None: SLIDE_KEYS,
    }[kind]  # fmt: skip
    r.unknown(t, allowed, path)
    sid = r.slug(t, "id", path)
    duration = r.number(t, "duration", path, 8.0, 2, 600)
    caption = r.text(t, "caption", path, required=False)
    attract = r.get(t, "attract", path, bool, required=False) or False
    ok = sid is not None and kind is not None
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
            r.error(
                path,
                "a text slide needs a body or bullets",
                "add body = { ... } or a bullets list",
                "missing",
            )
            ok = False
    if "caption" in t and caption is None:
        ok = False
    if not ok:
        return None
    assert sid and kind
    return m.Slide(
        sid, cast(m.SlideKind, kind), duration, caption, image, video, poster, title, body,
        tuple(bullets), attract,
    )  # fmt: skip


def _parse_demo(r: Reader, t: dict[str, Any], path: str, base: PurePosixPath) -> m.Demo | None:
    r.unknown(t, DEMO_KEYS, path)
    did = r.slug(t, "id", path)
    title = r.text(t, "title", path)
    summary = r.text(t, "summary", path)
    url = r.get(t, "service_url", path, str, required=False, example='"https://hukoomi.gov.qa"')
    ok = True
    if url is not None:
        parts = urlsplit(url)
        if (
            parts.scheme != "https"
            or not parts.netloc
            or len(url) > MAX_URL
            or any(c.isspace() for c in url)
        ):
            r.error(
                r.join(path, "service_url"),
                f"'{shown(url)}' is not a usable service address",
                f"use a full https:// address of at most {MAX_URL} characters",
                "bad-url",
            )
            ok = False
    screens: list[m.Screen] = []
    tables = _table_list(r, t, "screens", path, "screen")
    if not tables:
        r.error(
            r.join(path, "screens"),
            "the demo has no screens",
            "add [[demos.screens]] tables, one per step",
            "missing",
        )
        ok = False
    for i, st in enumerate(tables):
        s = _parse_screen(r, st, r.join(r.join(path, "screens"), i), base)
        ok &= s is not None
        if s is not None:
            screens.append(s)
    _check_unique(
        r,
        [
            (
                st.get("id") if isinstance(st.get("id"), str) else None,
                r.join(r.join(r.join(path, "screens"), i), "id"),
            )
            for i, st in enumerate(tables)
        ],
        "screen",
    )
    if ok and did and title and summary and screens:
        demo = m.Demo(did, title, summary, tuple(screens), url)
        if _check_flow(r, demo, path):
            return demo
    return None


def _parse_screen(r: Reader, t: dict[str, Any], path: str, base: PurePosixPath) -> m.Screen | None:
    kind = r.get(t, "kind", path, str, example='"image"')
    if kind is not None and kind not in ("image", "form"):
        r.error(
            r.join(path, "kind"),
            f"'{shown(kind)}' is not a screen kind",
            'use "image" or "form"',
            "bad-kind",
        )
        kind = None
    allowed = {"id", "kind", "title"} | {
        "image": {"image", "hotspots"},
        "form": {"items"},
        None: SCREEN_KEYS,
    }[kind]
    r.unknown(t, allowed, path)
    sid = r.slug(t, "id", path)
    title = r.text(t, "title", path)
    ok = sid is not None and kind is not None and title is not None
    image = None
    hotspots: list[m.Hotspot] = []
    items: list[m.FormItem] = []
    if kind == "image":
        image = r.relpath(t, "image", path, base)
        ok &= image is not None
        hts = _table_list(r, t, "hotspots", path, "hotspot")
        if not hts:
            r.error(
                r.join(path, "hotspots"),
                "an image screen needs at least one hotspot",
                "add [[demos.screens.hotspots]] with rect, target and hint",
                "missing",
            )
            ok = False
        for i, ht in enumerate(hts):
            h = _parse_hotspot(r, ht, r.join(r.join(path, "hotspots"), i))
            ok &= h is not None
            if h:
                hotspots.append(h)
    elif kind == "form":
        its = _table_list(r, t, "items", path, "item")
        if not its:
            r.error(
                r.join(path, "items"),
                "a form screen needs items",
                "add [[demos.screens.items]] tables (header, field, button...)",
                "missing",
            )
            ok = False
        for i, it in enumerate(its):
            item = _parse_item(r, it, r.join(r.join(path, "items"), i))
            ok &= item is not None
            if item:
                items.append(item)
        if its and not any(i.type == "button" for i in items):
            r.error(
                r.join(path, "items"),
                "a form screen needs a button to go on",
                'add an item with type = "button", a label and a target',
                "missing",
            )
            ok = False
    if not ok:
        return None
    assert sid and kind and title
    return m.Screen(sid, cast(m.ScreenKind, kind), title, image, tuple(hotspots), tuple(items))


def _parse_hotspot(r: Reader, t: dict[str, Any], path: str) -> m.Hotspot | None:
    r.unknown(t, HOTSPOT_KEYS, path)
    rect = r.get(t, "rect", path, list, example="[0.1, 0.8, 0.3, 0.1]")
    target = r.get(t, "target", path, str, example='"next-screen-id"')
    hint = r.text(t, "hint", path)
    box: tuple[float, float, float, float] | None = None
    if rect is not None:
        nums = [v for v in rect if isinstance(v, int | float) and not isinstance(v, bool)]
        if len(rect) != 4 or len(nums) != 4:
            r.error(
                r.join(path, "rect"),
                "rect must be four numbers",
                "write [x, y, width, height] as fractions of the image, e.g. [0.1, 0.8, 0.3, 0.1]",
                "bad-rect",
            )
        else:
            x, y, w, h = (float(v) for v in nums)
            if not (
                0 <= x < 1
                and 0 <= y < 1
                and 0 < w <= 1
                and 0 < h <= 1
                and x + w <= 1.0001
                and y + h <= 1.0001
            ):
                r.error(
                    r.join(path, "rect"),
                    f"{rect} does not fit inside the image",
                    "use fractions from 0 to 1 with x + width <= 1 and y + height <= 1",
                    "bad-rect",
                )
            else:
                box = (x, y, w, h)
    if box is None or target is None or hint is None:
        return None
    return m.Hotspot(*box, target=target, hint=hint)


def _parse_item(r: Reader, t: dict[str, Any], path: str) -> m.FormItem | None:
    typ = r.get(t, "type", path, str, example='"field"')
    if typ is None:
        return None
    if typ not in ITEM_KEYS:
        r.error(
            r.join(path, "type"),
            f"'{shown(typ)}' is not a form item type",
            f"use one of: {', '.join(ITEM_KEYS)}",
            "bad-kind",
        )
        return None
    r.unknown(t, ITEM_KEYS[typ], path)
    if typ in ("header", "paragraph"):
        text = r.text(t, "text", path, size=LONG_TEXT if typ == "paragraph" else SHORT_TEXT)
        return m.FormItem(cast(m.FormItemType, typ), text=text) if text else None
    label = r.text(t, "label", path, required=typ != "list")
    ok = label is not None or (typ == "list" and "label" not in t)
    if typ == "field":
        ph = r.text(t, "placeholder", path, required=False)
        inp = r.get(t, "input", path, str, required=False) or "text"
        if inp not in FIELD_INPUTS:
            r.error(
                r.join(path, "input"),
                f"'{shown(inp)}' is not an input kind",
                f"use one of: {', '.join(FIELD_INPUTS)}",
                "bad-kind",
            )
            ok = False
        ok &= ph is not None or "placeholder" not in t
        return m.FormItem("field", label=label, placeholder=ph, input=inp) if ok else None
    if typ == "choice":
        raw = r.get(t, "options", path, list, example='[{ ar = "...", en = "..." }]')
        opts: list[m.Text] = []
        if raw is not None and len(raw) < 2:
            r.error(
                r.join(path, "options"),
                "a choice needs at least two options",
                "add options the visitor can pick from",
                "missing",
            )
            ok = False
        raw = r.bounded(raw, "options", r.join(path, "options")) if raw else raw
        for i, o in enumerate(raw or []):
            fld = r.join(r.join(path, "options"), i)
            ot = r.text_value(o, fld) if isinstance(o, dict) else None
            if not isinstance(o, dict):
                r.error(
                    fld,
                    "each option must be a table of texts",
                    '{ ar = "...", en = "..." }',
                    "type",
                )
            ok &= ot is not None
            if ot:
                opts.append(ot)
        return m.FormItem("choice", label=label, options=tuple(opts)) if ok and raw else None
    if typ == "button":
        target = r.get(t, "target", path, str, example='"next-screen-id"')
        return m.FormItem("button", label=label, target=target) if ok and target else None
    # list
    raw_rows = r.get(t, "rows", path, list, example="[{ label = {...}, value = {...} }]")
    rows: list[m.ListRow] = []
    if raw_rows:
        raw_rows = r.bounded(raw_rows, "rows", r.join(path, "rows"))
    for i, row in enumerate(raw_rows or []):
        fld = r.join(r.join(path, "rows"), i)
        if not isinstance(row, dict):
            r.error(
                fld,
                "each row must be a table with label and value",
                "{ label = { ar = ..., en = ... }, value = { ar = ..., en = ... } }",
                "type",
            )
            ok = False
            continue
        r.unknown(row, {"label", "value"}, fld)
        lt, vt = r.text(row, "label", fld), r.text(row, "value", fld)
        ok &= lt is not None and vt is not None
        if lt and vt:
            rows.append(m.ListRow(lt, vt))
    if raw_rows is not None and not raw_rows:
        r.error(
            r.join(path, "rows"), "the list has no rows", "add rows with label and value", "missing"
        )
        ok = False
    return m.FormItem("list", label=label, rows=tuple(rows)) if ok and raw_rows else None


def _check_flow(r: Reader, demo: m.Demo, path: str) -> bool:
    """Every target resolves, every screen is reachable from the first, and 'end' is reachable."""
    ids = [s.id for s in demo.screens]
    ok = True
    for si, s in enumerate(demo.screens):
        spath = r.join(r.join(path, "screens"), si)
        if s.kind == "image":
            for hi, h in enumerate(s.hotspots):
                if h.target != m.END and h.target not in ids:
                    ok = False
                    r.error(
                        r.join(r.join(r.join(spath, "hotspots"), hi), "target"),
                        f"no screen '{shown(h.target)}' in this demo",
                        f"use one of: {', '.join([*ids, m.END])}",
                        "bad-target",
                    )
        else:
            for ii, it in enumerate(s.items):
                if it.type == "button" and it.target != m.END and it.target not in ids:
                    ok = False
                    r.error(
                        r.join(r.join(r.join(spath, "items"), ii), "target"),
                        f"no screen '{shown(it.target)}' in this demo",
                        f"use one of: {', '.join([*ids, m.END])}",
                        "bad-target",
                    )
    if not ok:
        return False
    seen = {ids[0]}
    todo = [ids[0]]
    ends = False
    while todo:
        for tgt in demo.screen(todo.pop()).targets():
            if tgt == m.END:
                ends = True
            elif tgt not in seen:
                seen.add(tgt)
                todo.append(tgt)
    for si, s in enumerate(demo.screens):
        if s.id not in seen:
            ok = False
            r.error(
                r.join(r.join(path, "screens"), si),
                f"screen '{s.id}' cannot be reached from the first screen '{ids[0]}'",
                "point a hotspot or button of an earlier screen at it, or remove it",
                "unreachable",
            )
    if not ends:
        ok = False
        r.error(
            r.join(path, "screens"),
            "no hotspot or button leads to the end of the demo",
            'set target = "end" on the last step\'s hotspot or button',
            "no-end",
        )
    return ok
