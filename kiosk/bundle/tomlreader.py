"""Reading TOML with problems: typed access to a parsed file's tables that never raises.

Each bad value becomes one problem in a :class:`~kiosk.bundle.problems.Report` that names the
file, the field path and the fix, and reading goes on, so that staff see *all* problems at once.
The bundle's manifests (:mod:`kiosk.bundle.schema`) and kiosk.toml (:mod:`kiosk.config`) are read
with it. :func:`shown` makes a value safe to repeat in a message; :func:`distance` and
:func:`closest` give the "did you mean" hints.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePosixPath
from typing import Any

from . import model as m
from . import texts
from .limits import (
    COLOUR,
    LIST_CAPS,
    MAX_ID,
    MAX_PATH,
    MAX_PROBLEMS,
    SHORT_TEXT,
    TEXT_CAPS,
    Cap,
    is_slug,
)
from .problems import Report

_SHOWN = 60


def shown(value: object) -> str:
    """``value`` for a message: control and invisible characters escaped, and cut short
    (a 5,000-digit version, or a megabyte of text, is not repeated back in full)."""
    text = value if isinstance(value, str) else str(value)
    out = "".join(
        c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text[:_SHOWN]
    )
    return out + ("..." if len(text) > _SHOWN else "")


def distance(a: str, b: str) -> int:
    """Levenshtein distance (insertions, deletions and substitutions), for "did you mean" hints."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def closest(word: str, choices: Iterable[str], most: int = 2) -> str | None:
    """The choice nearest to ``word`` (a misspelt key), if at most ``most`` edits away."""
    best = min(choices, key=lambda c: distance(c, word), default=None)
    return best if best is not None and distance(best, word) <= most else None


def type_name(value: object) -> str:
    """A TOML value's type as a message names it: "text", "a number", "a list"..."""
    return {
        str: "text",
        int: "a number",
        float: "a number",
        bool: "true/false",
        list: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__)


_LANG_NAMES = {"ar": "Arabic", "en": "English", "fr": "French"}


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
                self.file,
                "",
                f"more than {MAX_PROBLEMS} problems; only the first are listed",
                "correct those, then validate again",
                "too-many-problems",
            )
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
                fld,
                f"{n:,} {things or key}; at most {cap.most} are allowed",
                f"remove some (keep to {cap.warn} or fewer)"
                + (", or split them over more entities" if key in ("slides", "demos") else ""),
                "too-many",
            )
            self.capped += 1
            return items[: cap.most]
        if n > cap.warn and cap.warn < cap.most:
            self.warning(
                fld,
                f"{n} {things or key} make the kiosk slow to load and hard to browse",
                f"keep to {cap.warn} or fewer (at most {cap.most} are allowed)",
                "many",
            )
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
                # a hint for a typo, not for a megabyte of key
                close = closest(key, allowed) if len(key) <= MAX_ID else None
                hint = f"did you mean '{close}'? " if close else ""
                self.error(
                    self.join(path, shown(key)),
                    f"unknown key '{shown(key)}'",
                    f"{hint}remove it or use one of: {', '.join(sorted(allowed))}",
                    "unknown-key",
                )

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
                    fld,
                    f"'{shown(key)}' is missing",
                    f"add {key} = {example or '...'}" + (f" under [{path}]" if path else ""),
                    "missing",
                )
            return None
        value = table[key]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        ok = isinstance(value, kinds) and not (isinstance(value, bool) and bool not in kinds)
        if not ok:
            want = " or ".join(sorted({type_name(k()) for k in kinds}))
            self.error(
                fld,
                f"expected {want}, found {type_name(value)}",
                f"write it as {example or want}",
                "type",
            )
            return None
        return value

    def slug(self, table: dict[str, Any], key: str, path: str) -> str | None:
        value: str | None = self.get(table, key, path, str, example='"my-id"')
        if value is None:
            return None
        if not is_slug(value):
            self.error(
                self.join(path, key),
                f"'{shown(value)}' is not a valid id",
                f"use lower-case letters, digits and single hyphens, at most {MAX_ID} characters "
                '(e.g. "renew-residence")',
                "bad-id",
            )
            return None
        return value

    def text(
        self,
        table: dict[str, Any],
        key: str,
        path: str,
        *,
        required: bool = True,
        size: Cap | None = None,
    ) -> m.Text | None:
        value = self.get(
            table,
            key,
            path,
            dict,
            required=required,
            example=self.text_example(),
        )
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
                    self.join(fld, shown(lang)),
                    f"'{shown(lang)}' is not one of the bundle's languages",
                    "remove it, or add it to languages in bundle.toml "
                    f"({', '.join(self.languages)})",
                    "unknown-language",
                )
        for lang in self.languages:
            sub = self.join(fld, lang)
            text = value.get(lang)
            if text is None:
                ok = False
                self.error(
                    sub,
                    f"the {_LANG_NAMES.get(lang, lang)} text is missing",
                    f'add {lang} = "..." next to the other languages',
                    "missing-text",
                )
            elif not isinstance(text, str):
                ok = False
                self.error(
                    sub,
                    f"expected text, found {type_name(text)}",
                    'write it in quotes: "..."',
                    "type",
                )
            elif len(text) > size.most:
                ok = False
                self.error(
                    sub,
                    f"the {_LANG_NAMES.get(lang, lang)} text is {len(text):,} characters; "
                    f"at most {size.most:,} are allowed here",
                    f"shorten it (a visitor reads up to about {size.warn} here)",
                    "text-too-long",
                )
            elif not texts.visible(text):
                ok = False
                self.error(
                    sub,
                    f"the {_LANG_NAMES.get(lang, lang)} text is empty"
                    + (" (it has only invisible characters)" if text.strip() else ""),
                    "write the text a visitor should read",
                    "empty-text",
                )
            elif bidi := texts.direction_problem(text):
                ok = False
                self.error(
                    sub,
                    f"the {_LANG_NAMES.get(lang, lang)} text cannot be shown as written: "
                    + bidi[0],
                    bidi[1],
                    "bidi-control",
                )
            elif (ctl := texts.control_character(text)) is not None:
                ok = False
                self.error(
                    sub,
                    f"the {_LANG_NAMES.get(lang, lang)} text holds the control character "
                    f"U+{ord(ctl):04X}",
                    "delete it; only tabs and line breaks may be written in a text",
                    "control-char",
                )
            else:
                text = text.strip()
                if len(text) > size.warn:
                    self.warning(
                        sub,
                        f"the {_LANG_NAMES.get(lang, lang)} text is {len(text):,} characters "
                        "and may not fit on the screen",
                        f"keep it to {size.warn} characters or fewer",
                        "text-long",
                    )
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
                self.join(path, key),
                f"{value} is out of range",
                f"use a number from {lo:g} to {hi:g}",
                "range",
            )
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
                self.join(path, key),
                f"'{shown(value)}' is not a colour",
                'write it as "#RRGGBB", e.g. "#8A1538"',
                "bad-colour",
            )
            return default
        return value.upper()

    def relpath(
        self,
        table: dict[str, Any],
        key: str,
        path: str,
        base: PurePosixPath,
        *,
        required: bool = True,
    ) -> PurePosixPath | None:
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


def table_list(
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


def check_unique(r: Reader, ids: list[tuple[str | None, str]], what: str) -> None:
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
