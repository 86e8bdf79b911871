"""Embedded files: images and the bundle's fonts, read from the bundle and written as
``data:`` URIs, so that the page needs nothing outside itself."""

from __future__ import annotations

import base64
import struct
from pathlib import Path, PurePosixPath

from ...bundle.model import Bundle
from .words import Lang


def image_size(data: bytes) -> tuple[int, int] | None:
    """Pixel size of a PNG or JPEG, read from its header."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        w, h = struct.unpack(">II", data[16:24])
        return int(w), int(h)
    if data[:2] == b"\xff\xd8":
        i = 2
        while i + 9 < len(data):
            if data[i] != 0xFF:
                i += 1
                continue
            marker = data[i + 1]
            if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
                i += 2
                continue
            (length,) = struct.unpack(">H", data[i + 2 : i + 4])
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                h, w = struct.unpack(">HH", data[i + 5 : i + 9])
                return int(w), int(h)
            i += 2 + length
    return None


MIME = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
}


def data_uri(path: Path) -> str:
    mime = MIME.get(path.suffix.lower(), "application/octet-stream")
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def font_info(data: bytes) -> tuple[str, int] | None:
    """(family, weight) from a TrueType/OpenType font's name and OS/2 tables."""
    try:
        (count,) = struct.unpack_from(">H", data, 4)
        tables: dict[bytes, int] = {}
        for i in range(count):
            tag, _sum, offset, _len = struct.unpack_from(">4sIII", data, 12 + 16 * i)
            tables[tag] = offset
        weight = 400
        if b"OS/2" in tables:
            (weight,) = struct.unpack_from(">H", data, tables[b"OS/2"] + 4)
        base = tables[b"name"]
        _fmt, n, strings = struct.unpack_from(">HHH", data, base)
        found: dict[int, str] = {}
        for i in range(n):
            pid, _eid, lid, nid, length, offset = struct.unpack_from(
                ">HHHHHH", data, base + 6 + 12 * i
            )
            if nid not in (1, 16) or (pid == 3 and lid != 0x409):
                continue
            raw = data[base + strings + offset : base + strings + offset + length]
            if pid in (0, 3):
                found.setdefault(nid, raw.decode("utf-16-be", errors="replace"))
            elif pid == 1:
                found.setdefault(nid, raw.decode("latin-1"))
        family = found.get(16) or found.get(1)
    except (struct.error, KeyError):
        return None
    return (family, int(weight)) if family else None


def font_faces(bundle: Bundle, lang: Lang) -> tuple[str, dict[str, str]]:
    """@font-face rules for the bundle's fonts used by ``lang``; and role → CSS family."""
    roles: dict[str, tuple[str, tuple[int, ...] | None]] = (
        {
            "body": (bundle.fonts.arabic, None),
            "heading": (bundle.fonts.arabic_heading, None),
            "latin": (bundle.fonts.latin, (400,)),  # digits and punctuation Naskh lacks
        }
        if lang == "ar"
        else {"body": (bundle.fonts.latin, None)}
    )
    rules: list[str] = []
    families: dict[str, str] = {}
    for rel in bundle.fonts.files:
        path = bundle.path(PurePosixPath(rel))
        try:
            data = path.read_bytes()
        except OSError:
            continue
        info = font_info(data)
        if info is None:
            continue
        family, weight = info
        for role, (wanted, weights) in roles.items():
            if family != wanted or (weights is not None and weight not in weights):
                continue
            css = f"kr-{role}"
            families[role] = css
            uri = (
                f"data:{MIME.get(path.suffix.lower(), 'font/ttf')};base64,"
                f"{base64.b64encode(data).decode('ascii')}"
            )
            rules.append(
                f'@font-face{{font-family:"{css}";src:url({uri}) format("truetype");'
                f"font-weight:{weight};font-style:normal;font-display:block}}"
            )
    return "\n".join(rules), families
