"""Media files: what is allowed in a bundle, sniffed by content, and checked for structure.

Everything here is pure Python and reads only headers and container structure,
so it is fast and safe on hostile input. Full decoding is done by the decoder
the kiosk itself uses, which the Qt layer provides through
:class:`MediaInspector` (see ``kiosk.qt.inspector``).
"""

from __future__ import annotations

import struct
import unicodedata
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path, PurePosixPath
from typing import Protocol, runtime_checkable

MAX_IMAGE_SIDE = 8192
"""Largest width or height accepted for an image, checked from the header before decoding."""
MAX_IMAGE_PIXELS = 40_000_000
"""Largest pixel count accepted (an 8K UHD image is 33 MP)."""
LARGE_IMAGE_SIDE = 3840
"""Images wider than this (a 4K screen) get a warning: they cost memory and time for nothing."""


class Kind(StrEnum):
    PNG = "png"
    JPEG = "jpeg"
    MP4 = "mp4"
    FONT = "font"
    TEXT = "text"
    MANIFEST = "manifest"
    CHECKSUMS = "checksums"


IMAGE_KINDS = frozenset({Kind.PNG, Kind.JPEG})

EXTENSIONS: Mapping[str, Kind] = {
    ".png": Kind.PNG,
    ".jpg": Kind.JPEG,
    ".jpeg": Kind.JPEG,
    ".mp4": Kind.MP4,
    ".ttf": Kind.FONT,
    ".otf": Kind.FONT,
    ".txt": Kind.TEXT,
    ".md": Kind.TEXT,
}

CODE_EXTENSIONS = frozenset(
    {
        ".qml",
        ".js",
        ".mjs",
        ".py",
        ".pyc",
        ".pyo",
        ".pyd",
        ".so",
        ".dll",
        ".dylib",
        ".exe",
        ".sh",
        ".bash",
        ".bat",
        ".cmd",
        ".ps1",
        ".jar",
        ".html",
        ".htm",
        ".svg",
        ".rcc",
        ".qmlc",
        ".jsc",
        ".lua",
        ".pl",
        ".rb",
        ".wasm",
        ".appimage",
        ".desktop",
    }
)
"""Never allowed: code, or formats that can carry code (SVG and HTML can embed scripts)."""
CODE_NAMES = frozenset({"qmldir"})

JUNK_NAMES = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})
JUNK_DIRS = frozenset({"__MACOSX"})


class MediaError(ValueError):
    """A media file is not what it claims to be, or is damaged."""


def name_key(name: str) -> str:
    """A path as case- and normalisation-insensitive file systems see it (FAT and exFAT USB
    sticks, Windows, macOS): ``Logo.png`` and ``logo.png``, ``é`` composed (NFC) and
    decomposed (NFD), ``ﬁ`` and ``fi`` give one key. Two files with one key are one file
    there, so a bundle must not have them (Unicode canonical caseless matching)."""
    return unicodedata.normalize("NFD", unicodedata.normalize("NFD", name).casefold())


def is_junk(rel: PurePosixPath) -> bool:
    """Files that operating systems leave behind on USB sticks; ignored with a warning."""
    return rel.name in JUNK_NAMES or any(p in JUNK_DIRS for p in rel.parts)


def is_code(rel: PurePosixPath, head: bytes) -> str | None:
    """Why a file counts as code (and is refused), or None."""
    if rel.name in CODE_NAMES:
        return "a QML module file (qmldir)"
    if rel.suffix.lower() in CODE_EXTENSIONS:
        return f"a {rel.suffix.lower()} file, which can contain code"
    if head.startswith(b"\x7fELF"):
        return "an executable program (ELF)"
    if head.startswith(b"MZ"):
        return "a Windows executable"
    if head.startswith(b"#!"):
        return "a script (it starts with #!)"
    return None


def sniff(head: bytes) -> Kind | None:
    """The media kind by magic bytes, from the first 16 bytes or more."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return Kind.PNG
    if head.startswith(b"\xff\xd8\xff"):
        return Kind.JPEG
    if len(head) >= 12 and head[4:8] == b"ftyp":
        return Kind.MP4
    if head[:4] in (b"\x00\x01\x00\x00", b"OTTO", b"true"):
        return Kind.FONT
    return None


# --- images -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImageInfo:
    width: int
    height: int


def png_info(data: bytes) -> ImageInfo:
    """Walk every PNG chunk, checking lengths and CRCs; needs IHDR first and IEND last."""
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        raise MediaError("not a PNG file (the signature is missing)")
    pos = 8
    info: ImageInfo | None = None
    first = True
    while True:
        if pos + 8 > len(data):
            raise MediaError("the file is truncated (no IEND chunk)")
        length, ctype = struct.unpack(">I4s", data[pos : pos + 8])
        end = pos + 8 + length + 4
        if end > len(data):
            raise MediaError(f"the file is truncated inside a {ctype!r} chunk")
        body = data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", data[end - 4 : end])
        if zlib.crc32(ctype + body) != crc:
            raise MediaError(f"chunk {ctype.decode('latin-1')!r} is damaged (CRC mismatch)")
        if first:
            if ctype != b"IHDR" or length != 13:
                raise MediaError("the first chunk is not a valid IHDR header")
            w, h = struct.unpack(">II", body[:8])
            info = ImageInfo(w, h)
            first = False
        if ctype == b"IEND":
            break
        pos = end
    assert info is not None
    return info


_SOF_MARKERS = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


def jpeg_info(data: bytes) -> ImageInfo:
    """Walk JPEG markers to the frame header, and require the end-of-image marker."""
    if not data.startswith(b"\xff\xd8"):
        raise MediaError("not a JPEG file (the start marker is missing)")
    pos = 2
    info: ImageInfo | None = None
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            raise MediaError(f"damaged marker structure at byte {pos}")
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            pos += 2
            continue
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        if length < 2 or pos + 2 + length > len(data):
            raise MediaError("the file is truncated inside a header segment")
        if marker in _SOF_MARKERS:
            h, w = struct.unpack(">HH", data[pos + 5 : pos + 9])
            info = ImageInfo(w, h)
        if marker == 0xDA:  # start of scan: entropy-coded data follows
            break
        pos += 2 + length
    if info is None:
        raise MediaError("no frame header: the file is truncated or not a JPEG image")
    if data.rstrip(b"\x00")[-2:] != b"\xff\xd9":
        raise MediaError("the file is truncated (the end-of-image marker is missing)")
    return info


def image_info(kind: Kind, data: bytes) -> ImageInfo:
    info = png_info(data) if kind is Kind.PNG else jpeg_info(data)
    if info.width <= 0 or info.height <= 0:
        raise MediaError(f"the header claims an empty image ({info.width}x{info.height})")
    return info


def check_image_size(info: ImageInfo) -> str | None:
    """Why an image is too large to decode safely, or None."""
    if (
        info.width > MAX_IMAGE_SIDE
        or info.height > MAX_IMAGE_SIDE
        or info.width * info.height > MAX_IMAGE_PIXELS
    ):
        return (
            f"the image is {info.width}x{info.height} pixels; the limit is "
            f"{MAX_IMAGE_SIDE} pixels a side and {MAX_IMAGE_PIXELS // 1_000_000} megapixels"
        )
    return None


# --- video --------------------------------------------------------------------------------------

VIDEO_CODECS = {"avc1": "H.264", "avc3": "H.264"}
AUDIO_CODECS = {"mp4a": "AAC"}
_CONTAINERS = frozenset({b"moov", b"trak", b"mdia", b"minf", b"stbl"})


@dataclass(frozen=True)
class VideoInfo:
    codecs: tuple[str, ...]


def _garbled(why: str) -> MediaError:
    return MediaError(
        f"the video's index (its 'moov' box) is damaged: {why}. The file is not cut short; "
        "its contents are garbled"
    )


def _is_box_type(btype: bytes) -> bool:
    """Box types are four printable characters (Latin-1 '©' starts metadata boxes)."""
    return all(0x20 <= c <= 0x7E or c == 0xA9 for c in btype)


def _boxes(
    data: bytes, start: int, end: int, parent: bytes = b""
) -> Iterable[tuple[bytes, int, int]]:
    """The boxes between ``start`` and ``end``. At the top (no ``parent``), a box that runs
    past the end of the file means the file is truncated; inside a box, a child that does
    not fit means the parent's contents are garbled (the file itself may be whole)."""

    def bad(why: str) -> MediaError:
        if not parent:
            return MediaError(
                f"the file is damaged: {why}. It is not cut short; its contents are garbled"
            )
        return _garbled(why)

    where = f" in {parent.decode('latin-1')!r}" if parent else ""

    pos = start
    while pos < end:
        if pos + 8 > end:
            if not parent:
                raise MediaError("the file is truncated inside a box header")
            raise bad(f"{end - pos} stray bytes at the end{where}")
        size, btype = struct.unpack(">I4s", data[pos : pos + 8])
        if not _is_box_type(btype):
            raise bad(f"no valid box starts at byte {pos}{where} (type {btype!r})")
        header = 8
        if size == 1:
            if pos + 16 > end:
                if not parent:
                    raise MediaError("the file is truncated inside a box header")
                raise bad(f"the {btype.decode('latin-1')!r} box header{where} is cut short")
            (size,) = struct.unpack(">Q", data[pos + 8 : pos + 16])
            header = 16
        elif size == 0:
            size = end - pos
        if size < header:
            raise bad(
                f"the {btype.decode('latin-1')!r} box{where} claims {size} bytes, "
                "less than its header"
            )
        if pos + size > end:
            if not parent:
                raise MediaError(
                    f"the {btype.decode('latin-1')!r} box runs past the end: the file is truncated"
                )
            raise bad(
                f"the {btype.decode('latin-1')!r} box runs past the end of "
                f"{parent.decode('latin-1')!r}"
            )
        yield btype, pos + header, pos + size
        pos += size


def _sample_entries(data: bytes, start: int, end: int, parent: bytes = b"") -> Iterable[str]:
    for btype, body, bend in _boxes(data, start, end, parent):
        if btype in _CONTAINERS:
            yield from _sample_entries(data, body, bend, btype)
        elif btype == b"stsd":
            if body + 8 > bend:
                raise _garbled("the 'stsd' box is too short")
            for entry, _b, _e in _boxes(data, body + 8, bend, b"stsd"):
                yield entry.decode("latin-1")


def mp4_info(data: bytes) -> VideoInfo:
    """Walk the MP4 box tree: the boxes must fill the file exactly, with one H.264 video track."""
    top = {btype for btype, _s, _e in _boxes(data, 0, len(data))}
    for need in (b"ftyp", b"moov", b"mdat"):
        if need not in top:
            raise MediaError(f"the {need.decode()!r} box is missing: the file is incomplete")
    codecs = tuple(_sample_entries(data, 0, len(data)))
    video = [c for c in codecs if c in VIDEO_CODECS]
    unknown = [c for c in codecs if c not in VIDEO_CODECS and c not in AUDIO_CODECS]
    if unknown:
        raise MediaError(f"unsupported codec {', '.join(unknown)!r}; the kiosk plays H.264 + AAC")
    if not video:
        raise MediaError("the file has no H.264 video track")
    return VideoInfo(codecs)


# --- fonts --------------------------------------------------------------------------------------


def font_families(data: bytes) -> tuple[str, ...]:
    """Check the sfnt table directory and read the family names from the 'name' table."""
    if len(data) < 12:
        raise MediaError("the file is too short to be a font")
    (num_tables,) = struct.unpack(">H", data[4:6])
    if not 0 < num_tables < 100 or 12 + 16 * num_tables > len(data):
        raise MediaError("the font's table directory is damaged")
    tables: dict[bytes, tuple[int, int]] = {}
    for i in range(num_tables):
        tag, _sum, off, length = struct.unpack(">4sIII", data[12 + 16 * i : 28 + 16 * i])
        if off + length > len(data):
            raise MediaError(f"the font is truncated (table {tag.decode('latin-1')!r})")
        tables[tag] = (off, length)
    for need in (b"cmap", b"head", b"name"):
        if need not in tables:
            raise MediaError(f"the font has no {need.decode()!r} table")
    off, length = tables[b"name"]
    name = data[off : off + length]
    count, str_off = struct.unpack(">HH", name[2:6])
    families: list[str] = []
    for i in range(count):
        rec = name[6 + 12 * i : 18 + 12 * i]
        if len(rec) < 12:
            raise MediaError("the font's name table is damaged")
        platform, encoding, _lang, name_id, nlen, noff = struct.unpack(">HHHHHH", rec)
        if name_id not in (1, 16):
            continue
        raw = name[str_off + noff : str_off + noff + nlen]
        if platform == 3 or platform == 0:
            fam = raw.decode("utf-16-be", errors="replace")
        elif platform == 1 and encoding == 0:
            fam = raw.decode("mac_roman", errors="replace")
        else:
            continue
        if fam and fam not in families:
            families.append(fam)
    if not families:
        raise MediaError("the font has no family name")
    return tuple(families)


# --- the injected deep inspector ----------------------------------------------------------------


class MediaInspector(Protocol):
    """Full decoding with the kiosk's own decoders; the Qt layer implements it.

    Each method returns a message per file that failed (files that passed are
    absent). Implementations may work in parallel internally.
    """

    def decode_images(self, paths: list[Path]) -> dict[Path, str]: ...

    def probe_videos(self, paths: list[Path]) -> dict[Path, str]: ...

    def load_fonts(self, paths: list[Path]) -> tuple[dict[Path, str], set[str]]:
        """Errors per file, and the family names the fonts that loaded provide."""
        ...


ARABIC_SAMPLE = "مرحبا بكم في قطر"
"""Drawn with each font used for Arabic text (fonts.arabic, fonts.arabic_heading)."""
LATIN_SAMPLE = "Welcome to Qatar 2015"
"""Drawn with each font used for Latin text (fonts.latin)."""


class GlyphCheck(Protocol):
    """(font file, sample text) pairs in; a message for each file that does not draw its
    sample visibly (glyphs missing or empty) out. The Qt layer implements it
    (``kiosk.qt.glyphs.check_glyphs``), in a child process."""

    def __call__(self, samples: list[tuple[Path, str]], /) -> dict[Path, str]: ...


@runtime_checkable
class ChecksGlyphs(Protocol):
    """An inspector that can also draw sample texts with the bundle's fonts."""

    def check_glyphs(self, samples: list[tuple[Path, str]], /) -> dict[Path, str]: ...


class StructuralInspector:
    """Inspector that adds nothing to the structural checks (used where Qt is not wanted)."""

    def decode_images(self, paths: list[Path]) -> dict[Path, str]:
        return {}

    def probe_videos(self, paths: list[Path]) -> dict[Path, str]:
        return {}

    def load_fonts(self, paths: list[Path]) -> tuple[dict[Path, str], set[str]]:
        families: set[str] = set()
        for p in paths:
            try:
                families.update(font_families(p.read_bytes()))
            except (OSError, MediaError):
                continue
        return {}, families
