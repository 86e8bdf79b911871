"""Media files: what is allowed in a bundle, sniffed by content, and checked for structure.

Everything here is pure Python and reads only headers and container structure,
so it is fast and safe on hostile input. Full decoding is done by the decoder
the kiosk itself uses, which the Qt layer provides through
:class:`MediaInspector` (see ``kiosk.qt.inspector``).
"""

from __future__ import annotations

import math
import shlex
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
    # formats authors bring that the kiosk cannot show: sniffed so that the fix is exact
    WEBP = "webp"
    GIF = "gif"
    HEIC = "heic"
    AVIF = "avif"
    WEBM = "webm"
    MOV = "mov"


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
    ".webp": Kind.WEBP,
    ".gif": Kind.GIF,
    ".heic": Kind.HEIC,
    ".heif": Kind.HEIC,
    ".avif": Kind.AVIF,
    ".webm": Kind.WEBM,
    ".mkv": Kind.WEBM,
    ".mov": Kind.MOV,
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
STUDIO_RECOVERY = ".studio-recovery"
"""The Studio's autosave journal (kiosk.authoring.recovery), inside the bundle folder."""
STUDIO_TRASH = ".studio-trash"
"""Folders of entities deleted in the Studio, kept until it closes (kiosk.authoring)."""
STUDIO_LOCK = ".studio-lock"
"""Which Studio has the bundle open (kiosk.authoring.lock)."""
STUDIO_STRINGS = ".studio-strings"
"""The translation round-trip's export record and importers' draft marks (kiosk.authoring)."""
STUDIO_IMPORT = ".studio-import"
"""Pages an importer is rendering, moved into the entity when all are done (kiosk.authoring)."""
STUDIO_NAMES = frozenset(
    {STUDIO_RECOVERY, STUDIO_TRASH, STUDIO_LOCK, STUDIO_STRINGS, STUDIO_IMPORT}
)


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


def is_studio(rel: PurePosixPath) -> bool:
    """The Studio's own files at the top of a bundle folder (autosave journal, trash, lock):
    not part of the bundle, so never validated, packed or installed, and not reported."""
    return bool(rel.parts) and rel.parts[0] in STUDIO_NAMES


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


_HEIF_BRANDS = frozenset({b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"})
_AVIF_BRANDS = frozenset({b"avif", b"avis"})
_MP4_BRANDS = frozenset({b"isom", b"iso2", b"mp41", b"mp42", b"avc1", b"M4V ", b"dash"})


def sniff(head: bytes) -> Kind | None:
    """The media kind by magic bytes, from the first 16 bytes or more (64 tell more: the
    compatible brands of an ISO file, the doctype of a WebM one)."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return Kind.PNG
    if head.startswith(b"\xff\xd8\xff"):
        return Kind.JPEG
    if len(head) >= 12 and head[4:8] == b"ftyp":
        return _sniff_ftyp(head)
    if head[:4] in (b"\x00\x01\x00\x00", b"OTTO", b"true"):
        return Kind.FONT
    if len(head) >= 12 and head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return Kind.WEBP
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return Kind.GIF
    if head.startswith(b"\x1a\x45\xdf\xa3"):  # EBML: WebM or Matroska
        return Kind.WEBM
    return None


def _sniff_ftyp(head: bytes) -> Kind:
    """An ISO base media file by its brands: HEIF/AVIF pictures, QuickTime, or MP4."""
    size = int.from_bytes(head[:4], "big")
    major = head[8:12]
    brands = {major} | {head[i : i + 4] for i in range(16, min(size, len(head)) - 3, 4)}
    if brands & _AVIF_BRANDS:
        return Kind.AVIF
    if major in _HEIF_BRANDS or (major not in _MP4_BRANDS and brands & _HEIF_BRANDS):
        return Kind.HEIC
    if major == b"qt  ":
        return Kind.MOV
    return Kind.MP4


@dataclass(frozen=True)
class Conversion:
    """A format the kiosk cannot show, and how to make one it can."""

    label: str
    target: str
    """The extension of the converted file."""
    options: str
    """ffmpeg's options between the input and the output (empty for a still picture)."""
    tool: str = "ffmpeg"


VIDEO_OPTIONS = (
    "-c:v libx264 -profile:v main -crf 20 -pix_fmt yuv420p -movflags +faststart -c:a aac"
)
"""H.264 + AAC in an MP4 that starts playing before it is all read."""

CONVERSIONS: Mapping[Kind, Conversion] = {
    Kind.WEBP: Conversion("a WebP picture", ".png", ""),
    Kind.GIF: Conversion("a GIF picture", ".png", "-frames:v 1"),
    Kind.HEIC: Conversion("a HEIC/HEIF picture (an iPhone photo)", ".jpg", "", "heif-convert"),
    Kind.AVIF: Conversion("an AVIF picture", ".png", ""),
    Kind.WEBM: Conversion("a WebM/Matroska video", ".mp4", VIDEO_OPTIONS),
    Kind.MOV: Conversion("a QuickTime (.mov) video", ".mp4", VIDEO_OPTIONS),
}
"""The formats sniffed but never shown. A manifest that uses one is an error (a blank slide
otherwise); a file no manifest uses is a warning."""


def conversion_command(kind: Kind, source: str, output: str) -> str:
    """The exact command that turns ``source`` (of a kind in :data:`CONVERSIONS`, or an MP4
    with a codec the kiosk does not play) into ``output``, which the kiosk shows."""
    conv = CONVERSIONS.get(kind, Conversion("", ".mp4", VIDEO_OPTIONS))
    src, out = shlex.quote(source), shlex.quote(output)
    if conv.tool == "heif-convert":
        return (
            f"heif-convert {src} {out} (libheif; on a Mac: sips -s format jpeg {src} --out {out})"
        )
    middle = f" {conv.options}" if conv.options else ""
    return f"ffmpeg -i {src}{middle} {out}"


# --- images -------------------------------------------------------------------------------------


PNG_EXIF_APPLIED = False
"""Whether the kiosk turns a PNG by its eXIf orientation. Qt 6.11 does not (it does for JPEG),
so a PNG is shown as stored, and one that asks to be turned gets a warning."""


@dataclass(frozen=True)
class ImageInfo:
    width: int
    height: int
    """As stored in the file."""
    orientation: int = 1
    """The EXIF orientation the kiosk applies (1 to 8; 5 to 8 turn the picture a quarter)."""
    stated_orientation: int = 1
    """The EXIF orientation the file states (differs from ``orientation`` for a PNG)."""

    @property
    def turned(self) -> bool:
        return self.orientation >= 5

    @property
    def shown_width(self) -> int:
        return self.height if self.turned else self.width

    @property
    def shown_height(self) -> int:
        return self.width if self.turned else self.height

    @property
    def shown(self) -> str:
        """The size as the kiosk shows it, ``WxH``."""
        return f"{self.shown_width}x{self.shown_height}"


def exif_orientation(tiff: bytes) -> int:
    """The Orientation tag (0x0112) of IFD0 in a TIFF-structured EXIF block, or 1.

    A damaged or unreadable block means 1, as it does for the kiosk's decoder: a bad offset
    is no reason to refuse a photo. Never raises."""
    if tiff.startswith(b"Exif\x00\x00"):
        tiff = tiff[6:]
    order = {b"II*\x00": "<", b"MM\x00*": ">"}.get(tiff[:4])
    if order is None or len(tiff) < 8:
        return 1
    (ifd,) = struct.unpack(order + "I", tiff[4:8])
    if ifd + 2 > len(tiff):
        return 1
    (count,) = struct.unpack(order + "H", tiff[ifd : ifd + 2])
    for i in range(count):
        at = ifd + 2 + 12 * i
        if at + 12 > len(tiff):
            return 1
        tag, typ, n = struct.unpack(order + "HHI", tiff[at : at + 8])
        if tag == 0x0112:
            if typ != 3 or n < 1:  # SHORT
                return 1
            (value,) = struct.unpack(order + "H", tiff[at + 8 : at + 10])
            return value if 1 <= value <= 8 else 1
    return 1


def png_info(data: bytes) -> ImageInfo:
    """Walk every PNG chunk, checking lengths and CRCs; needs IHDR first and IEND last."""
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        raise MediaError("not a PNG file (the signature is missing)")
    pos = 8
    info: ImageInfo | None = None
    first = True
    stated = 1
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
        if ctype == b"eXIf":
            stated = exif_orientation(body)
        if ctype == b"IEND":
            break
        pos = end
    assert info is not None
    shown = stated if PNG_EXIF_APPLIED else 1
    return ImageInfo(info.width, info.height, shown, stated)


_SOF_MARKERS = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


def jpeg_info(data: bytes) -> ImageInfo:
    """Walk JPEG markers to the frame header, and require the end-of-image marker."""
    if not data.startswith(b"\xff\xd8"):
        raise MediaError("not a JPEG file (the start marker is missing)")
    pos = 2
    info: ImageInfo | None = None
    orientation = 1
    exif_seen = False
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
        body = data[pos + 4 : pos + 2 + length]
        if marker == 0xE1 and not exif_seen and body.startswith(b"Exif\x00\x00"):
            exif_seen = True  # the first Exif APP1 counts (XMP is an APP1 too)
            orientation = exif_orientation(body)
        if marker in _SOF_MARKERS:
            if length < 7:
                raise MediaError("the frame header is too short")
            h, w = struct.unpack(">HH", body[1:5])
            info = ImageInfo(w, h)
        if marker == 0xDA:  # start of scan: entropy-coded data follows
            break
        pos += 2 + length
    if info is None:
        raise MediaError("no frame header: the file is truncated or not a JPEG image")
    if data.rstrip(b"\x00")[-2:] != b"\xff\xd9":
        raise MediaError("the file is truncated (the end-of-image marker is missing)")
    return ImageInfo(info.width, info.height, orientation, orientation)


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
            f"the image is {info.shown} pixels; the limit is "
            f"{MAX_IMAGE_SIDE} pixels a side and {MAX_IMAGE_PIXELS // 1_000_000} megapixels"
        )
    return None


SCREEN = (1920, 1080)
"""The screen the small-picture rule measures against: landscape 1080p."""
MAX_ENLARGEMENT = 1.5
"""A picture enlarged more than this to fill its space on :data:`SCREEN` looks soft."""


@dataclass(frozen=True)
class Fill:
    """How a picture fills a space of the screen, shown whole (its aspect kept)."""

    shown: tuple[int, int]
    """Its size on the screen."""
    scale: float
    """How much it is enlarged (below 1: reduced)."""
    least: tuple[int, int]
    """The smallest size that is not enlarged more than :data:`MAX_ENLARGEMENT`."""


def fill(info: ImageInfo, space: tuple[int, int]) -> Fill:
    w, h = info.shown_width, info.shown_height
    scale = min(space[0] / w, space[1] / h)
    shown = (round(w * scale), round(h * scale))
    least = (math.ceil(shown[0] / MAX_ENLARGEMENT), math.ceil(shown[1] / MAX_ENLARGEMENT))
    return Fill(shown, scale, least)


def too_small(info: ImageInfo, space: tuple[int, int]) -> Fill | None:
    """How the picture fills ``space`` when that enlarges it more than :data:`MAX_ENLARGEMENT`."""
    f = fill(info, space)
    return f if f.scale > MAX_ENLARGEMENT + 1e-9 else None


# --- video --------------------------------------------------------------------------------------

VIDEO_CODECS = {"avc1": "H.264", "avc3": "H.264"}
AUDIO_CODECS = {"mp4a": "AAC"}
_CONTAINERS = frozenset({b"moov", b"trak", b"mdia", b"minf", b"stbl"})


MAX_VIDEO_PIXELS = 1920 * 1080
MAX_VIDEO_SIDE = 1920
MAX_VIDEO_FPS = 30
"""Above 1080p or 30 frames a second, the kiosks (2 cores) cannot decode a video smoothly."""


@dataclass(frozen=True)
class VideoInfo:
    codecs: tuple[str, ...]
    width: int = 0
    height: int = 0
    """The video track's size (its 'tkhd' box), before its rotation; 0 when unknown."""
    rotation: int = 0
    """0, 90, 180 or 270 degrees, from the track's matrix (phones film portrait so)."""
    fps: float | None = None
    """Frames a second ('stts' frames over their duration in 'mdhd' time units)."""

    @property
    def shown_width(self) -> int:
        return self.height if self.rotation in (90, 270) else self.width

    @property
    def shown_height(self) -> int:
        return self.width if self.rotation in (90, 270) else self.height

    @property
    def heavy(self) -> bool:
        """More than 1080p (pixels or long side) or more than 30 frames a second."""
        w, h = self.shown_width, self.shown_height
        too_big = w * h > MAX_VIDEO_PIXELS or max(w, h) > MAX_VIDEO_SIDE
        return too_big or (self.fps or 0) > MAX_VIDEO_FPS + 0.5

    def lighter(self) -> tuple[int, int] | None:
        """The size to scale it down to (within 1920x1080, or 1080x1920 for a portrait
        video; even numbers, as H.264 needs), or None when its size is fine."""
        w, h = self.shown_width, self.shown_height
        if w * h <= MAX_VIDEO_PIXELS and max(w, h) <= MAX_VIDEO_SIDE:
            return None
        box = (1920, 1080) if w >= h else (1080, 1920)
        scale = min(box[0] / w, box[1] / h)
        return (int(w * scale) // 2 * 2, int(h * scale) // 2 * 2)


def lighter_video_command(info: VideoInfo, source: str, output: str) -> str:
    """The ffmpeg line that makes a video the kiosks decode smoothly: at most 1080p, 30 fps.
    ffmpeg turns a rotated video upright first, so the size is the one shown."""
    filters = []
    size = info.lighter()
    if size:
        filters.append(f"scale={size[0]}:{size[1]}")
    if (info.fps or 0) > MAX_VIDEO_FPS + 0.5:
        filters.append(f"fps={MAX_VIDEO_FPS}")
    vf = f' -vf "{",".join(filters)}"' if filters else ""
    options = VIDEO_OPTIONS.replace("-crf 20", "-crf 20 -preset slow")
    return f"ffmpeg -i {shlex.quote(source)}{vf} {options} {shlex.quote(output)}"


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


class UnsupportedCodec(MediaError):
    """A sound MP4 whose codec the kiosk does not play (HEVC, VP9, AV1...): re-encode it."""


def mp4_info(data: bytes) -> VideoInfo:
    """Walk the MP4 box tree: the boxes must fill the file exactly, with one H.264 video track.
    The video track's size, rotation and frame rate come from its tkhd, mdhd and stts boxes."""
    top = {btype for btype, _s, _e in _boxes(data, 0, len(data))}
    for need in (b"ftyp", b"moov", b"mdat"):
        if need not in top:
            raise MediaError(f"the {need.decode()!r} box is missing: the file is incomplete")
    codecs = tuple(_sample_entries(data, 0, len(data)))
    video = [c for c in codecs if c in VIDEO_CODECS]
    unknown = [c for c in codecs if c not in VIDEO_CODECS and c not in AUDIO_CODECS]
    if unknown:
        raise UnsupportedCodec(
            f"unsupported codec {', '.join(unknown)!r}; the kiosk plays H.264 + AAC"
        )
    if not video:
        raise MediaError("the file has no H.264 video track")
    track = _video_track(data)
    if track is None:
        return VideoInfo(codecs)
    return _track_info(data, codecs, track)


_TRACK_LEAVES = frozenset({b"tkhd", b"mdhd", b"stsd", b"stts"})
Span = tuple[int, int]


def _leaves(data: bytes, start: int, end: int, parent: bytes) -> dict[bytes, Span]:
    """The bodies of the first tkhd, mdhd, stsd and stts boxes inside a 'trak'."""
    found: dict[bytes, Span] = {}
    for btype, body, bend in _boxes(data, start, end, parent):
        if btype in (b"mdia", b"minf", b"stbl"):
            for key, span in _leaves(data, body, bend, btype).items():
                found.setdefault(key, span)
        elif btype in _TRACK_LEAVES:
            found.setdefault(btype, (body, bend))
    return found


def _video_track(data: bytes) -> dict[bytes, Span] | None:
    """The leaves of the first track whose sample entry is an H.264 video."""
    for btype, body, bend in _boxes(data, 0, len(data)):
        if btype != b"moov":
            continue
        for ttype, tbody, tend in _boxes(data, body, bend, b"moov"):
            if ttype != b"trak":
                continue
            leaves = _leaves(data, tbody, tend, b"trak")
            entry = _first_entry(data, leaves.get(b"stsd"))
            if entry and entry[0].decode("latin-1") in VIDEO_CODECS:
                return leaves
    return None


def _first_entry(data: bytes, stsd: Span | None) -> tuple[bytes, int, int] | None:
    """The type and body of the first sample entry in an 'stsd' box."""
    if stsd is None:
        return None
    return next(iter(_boxes(data, stsd[0] + 8, stsd[1], b"stsd")), None)


def _track_info(data: bytes, codecs: tuple[str, ...], track: dict[bytes, Span]) -> VideoInfo:
    width = height = rotation = 0
    if b"tkhd" in track:
        width, height, rotation = _tkhd(data[slice(*track[b"tkhd"])])
    if not (width and height):  # no display size: the coded size of the sample entry
        entry = _first_entry(data, track.get(b"stsd"))
        if entry and entry[2] - entry[1] >= 28:
            width, height = struct.unpack(">HH", data[entry[1] + 24 : entry[1] + 28])
    fps = None
    if b"mdhd" in track and b"stts" in track:
        timescale = _timescale(data[slice(*track[b"mdhd"])])
        frames, ticks = _frames(data[slice(*track[b"stts"])])
        if frames and ticks and timescale:
            fps = frames * timescale / ticks
    return VideoInfo(codecs, width, height, rotation, fps)


def _tkhd(box: bytes) -> tuple[int, int, int]:
    """Width, height (16.16 fixed point, rounded) and the rotation of the track matrix."""
    version = box[0] if box else 0
    base = 4 + (32 if version == 1 else 20) + 16  # full box, times and ids, layer and volume
    if version > 1 or len(box) < base + 44:
        raise _garbled(f"the video's track header ('tkhd') is too short ({len(box)} bytes)")
    a, b = struct.unpack(">ii", box[base : base + 8])
    w, h = struct.unpack(">II", box[base + 36 : base + 44])
    rotation = round(math.degrees(math.atan2(b, a)) / 90) % 4 * 90 if a or b else 0
    return (w + 0x8000) >> 16, (h + 0x8000) >> 16, rotation


def _timescale(box: bytes) -> int:
    version = box[0] if box else 0
    at = 4 + (16 if version == 1 else 8)
    if version > 1 or len(box) < at + 4:
        raise _garbled(f"the video's media header ('mdhd') is too short ({len(box)} bytes)")
    (timescale,) = struct.unpack(">I", box[at : at + 4])
    return int(timescale)


def _frames(box: bytes) -> tuple[int, int]:
    """Frames, and their duration in time units, from the 'stts' table."""
    if len(box) < 8:
        raise _garbled(f"the video's frame timing table ('stts') is too short ({len(box)} bytes)")
    (count,) = struct.unpack(">I", box[4:8])
    if 8 + 8 * count > len(box):
        raise _garbled(
            f"the video's frame timing table ('stts') claims {count} entries "
            f"but has room for {(len(box) - 8) // 8}"
        )
    frames = ticks = 0
    for n, delta in struct.iter_unpack(">II", box[8 : 8 + 8 * count]):
        frames += n
        ticks += n * delta
    return frames, ticks


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
