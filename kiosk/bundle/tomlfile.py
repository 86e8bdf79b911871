"""Reading a TOML file that staff wrote (a manifest, kiosk.toml): bytes in, a table or
problems out. Never raises on content.

What tomllib alone does not survive, or explains badly:

- a file of any size: it is read up to a cap, and a bigger one is refused unread;
- a UTF-8 byte-order mark (Windows Notepad writes one): accepted;
- UTF-16 (a byte-order mark, or the NUL bytes of ASCII in UTF-16): "save it as UTF-8";
- bytes that are not UTF-8: the line and the byte offset of the first one;
- deep nesting (``x = [[[[...`` or ``{a={a=...``), which raised RecursionError, and
  very long dotted keys (``a.a.a...``), which took time and memory quadratic in
  their length: refused before tomllib sees them, with the line;
- integers of more than 4,300 digits, which raised a bare ValueError.
"""

from __future__ import annotations

import codecs
import re
import tomllib
from pathlib import Path
from typing import Any

from .problems import Report

MAX_MANIFEST_BYTES = 1024 * 1024
"""bundle.toml and entity.toml; a real one is a few KB (the sample's largest is 6 KB)."""
MAX_NESTING = 16
"""Levels of ``[ ]`` and ``{ }`` inside each other; a manifest needs 4, and 9 with every
demo written inline."""
MAX_KEY_PARTS = 16
"""Parts of one dotted key or table name (``demos.screens.items`` has 3)."""

_TOML_POS = re.compile(r"\(at line ([0-9]+), column ([0-9]+)\)")
_TOKENS = re.compile(
    r'"""(?:[^"\\]++|\\.|"(?!""))*+(?:"""|\Z)'  # multi-line basic string
    r"|'''(?:[^']++|'(?!''))*+(?:'''|\Z)"  # multi-line literal string
    r'|"(?:[^"\\\n]++|\\.)*+"?'  # basic string
    r"|'[^'\n]*+'?"  # literal string
    r"|#[^\n]*+"  # comment
    r"|[^\"'#\[\]{}\n.=,]++"  # anything else: bare keys, numbers, spaces
    r"|[\[\]{}\n.=,]",
    re.S,
)
_SAVE_UTF8 = (
    "save it as UTF-8 (in Notepad: File > Save as, Encoding: UTF-8; "
    "in other editors: 'UTF-8', with or without BOM)"
)


def read_capped(path: Path, limit: int = MAX_MANIFEST_BYTES) -> bytes:
    """At most ``limit + 1`` bytes of ``path``: enough to tell that it is too big.
    Raises OSError like ``open``."""
    with path.open("rb") as f:
        return f.read(limit + 1)


def load(
    path: Path, file: str, report: Report, limit: int = MAX_MANIFEST_BYTES
) -> dict[str, Any] | None:
    """``path`` parsed, or None with the problem in ``report`` (a read error included)."""
    try:
        raw = read_capped(path, limit)
    except OSError as exc:
        report.error(
            file, "", f"cannot be read ({exc.strerror or exc})", "copy it again", "unreadable"
        )
        return None
    return from_bytes(raw, file, report, limit)


def from_bytes(
    raw: bytes, file: str, report: Report, limit: int = MAX_MANIFEST_BYTES
) -> dict[str, Any] | None:
    """A file's bytes (as :func:`read_capped` returns them) parsed as TOML."""
    if len(raw) > limit:
        report.error(
            file,
            "",
            f"the file is larger than {limit // 1024} KB, so it was not read",
            "it should be a few KB of text: remove pasted data, and keep pictures and videos "
            "in their own files",
            "too-large",
        )
        return None
    if len(raw) > limit // 4:
        report.warning(
            file,
            "",
            f"the file is {len(raw) // 1024} KB; the limit is {limit // 1024} KB",
            "shorten the texts or split the entity into two",
            "large-file",
        )
    text = decode(raw, file, report)
    if text is None:
        return None
    return parse_toml(text, file, report)


def _looks_utf16(raw: bytes) -> bool:
    head = raw[:4096]
    pairs = len(head) // 2
    if not pairs:
        return False
    even, odd = head[0::2].count(0), head[1::2].count(0)
    return max(even, odd) >= pairs / 4 and min(even, odd) <= max(even, odd) / 10


def decode(raw: bytes, file: str, report: Report) -> str | None:
    """The text of a file staff saved: UTF-8, with or without a byte-order mark."""
    bom = len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0
    body = raw[bom:]
    if body[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) or _looks_utf16(body):
        report.error(file, "", f"{file} is saved as UTF-16", _SAVE_UTF8, "encoding")
        return None
    nul = body.find(b"\x00")
    if nul >= 0:
        line = body.count(b"\n", 0, nul) + 1
        report.error(
            file,
            f"line {line}",
            f"the file holds a NUL byte at line {line} (byte offset {bom + nul}): it is not text",
            f"remove it, or {_SAVE_UTF8}",
            "encoding",
        )
        return None
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        at = exc.start
        line = body.count(b"\n", 0, at) + 1
        col = at - (body.rfind(b"\n", 0, at) + 1) + 1
        report.error(
            file,
            f"line {line}, column {col}",
            f"byte 0x{body[at]:02X} at line {line} (byte offset {bom + at}) is not UTF-8 text "
            "(the file was saved in another encoding, such as Windows-1256 or Latin-1)",
            _SAVE_UTF8,
            "encoding",
        )
        return None


def _shape(text: str) -> tuple[str, int] | None:
    """("nesting" or "key", line) for the first place tomllib must not be given, else None."""
    depth = parts = 0
    line = 1
    for tok in _TOKENS.finditer(text):
        t = tok.group()
        c = t[0]
        if c in "\"'":
            line += t.count("\n")  # a string is a value, or a part of a dotted key
        elif c == "\n":
            line += 1
            parts = 0
        elif c in "[{":
            depth += 1
            parts = 0
            if depth > MAX_NESTING:
                return "nesting", line
        elif c in "]}":
            depth = max(0, depth - 1)
            parts = 0
        elif c == ".":
            parts += 1
            if parts >= MAX_KEY_PARTS:
                return "key", line
        elif c in "=,":
            parts = 0
    return None


def parse_toml(text: str, file: str, report: Report) -> dict[str, Any] | None:
    """Parse TOML, reporting a syntax error with its line and column."""
    if text.startswith("\ufeff"):
        text = text[1:]
    shape = _shape(text)
    if shape is not None:
        what, line = shape
        if what == "nesting":
            message = f"nesting is too deep at line {line}"
            fix = (
                f"flatten it: at most {MAX_NESTING} levels of [ ] and {{ }} inside each other; "
                "write lists of tables as [[name]] sections"
            )
        else:
            message = f"a dotted key at line {line} has {MAX_KEY_PARTS} parts or more"
            fix = "shorten it: keys like demos.screens.items have 2 or 3 parts"
        report.error(file, f"line {line}", message, fix, "syntax")
        return None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        pos = _TOML_POS.search(msg)
        where = f"line {pos.group(1)}, column {pos.group(2)}" if pos else ""
        report.error(
            file,
            where,
            f"TOML syntax error: {_TOML_POS.sub('', msg).strip()}",
            "correct the syntax at that position (quotes around text, '=' between key and value)",
            "syntax",
        )
    except RecursionError:  # a safety net: _shape() refuses deep nesting first
        report.error(
            file,
            "",
            "nesting is too deep",
            f"flatten it: at most {MAX_NESTING} levels of [ ] and {{ }} inside each other",
            "syntax",
        )
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        report.error(
            file,
            "",
            f"a value cannot be read: {str(exc).split(';')[0]}",
            "shorten the number, or write it as text in quotes",
            "syntax",
        )
    return None
