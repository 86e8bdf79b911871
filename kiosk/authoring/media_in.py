"""Media coming into a bundle: what to do with a file an author drops in (pure Python).

One policy for the studio and the command-line importers (DESIGN.md, "Authoring": one
normaliser that never changes the original). :func:`plan` reads only the file's headers
(:mod:`kiosk.bundle.media`) and says what happens to it:

- **keep**: copied as it is (a PNG or JPEG the kiosk shows well; an H.264/AAC MP4 within
  1080p30);
- **convert**: a picture decoded and written again, upright, 8-bit sRGB, at most 3840 pixels a
  side (the pixels are the Qt layer's work: ``kiosk.qt.normalise``);
- **transcode**: a video re-encoded by ffmpeg (:mod:`kiosk.authoring.transcode`);
- **refuse**: with a message that names the file and the fix.

The copy goes into the entity's folder under a safe, unique name (:func:`safe_stem`,
:func:`claim`): lower-case ASCII, no spaces, never over a file that is there.

Output format rule (pictures). A JPEG stays a JPEG (a photo; it has no transparency). A PNG
stays a PNG (screenshots and logos: sharp edges and text, which JPEG blurs; transparency).
A WebP becomes a PNG when it is lossless or has transparency (graphics, as the one who saved
it said), else a JPEG at quality 90 (a photo); one brought as a logo or a demo screenshot
always becomes a PNG. A GIF becomes a PNG (its first frame).
"""

from __future__ import annotations

import mmap
import os
import re
import shlex
import struct
import unicodedata
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path, PurePosixPath
from typing import cast

from ..bundle import media
from ..bundle.media import Kind

MAX_SIDE = media.LARGE_IMAGE_SIDE
"""Pictures are scaled down to at most this many pixels a side (a 4K screen)."""
MAX_SOURCE_PIXELS = 250_000_000
"""Larger pictures are refused: decoding one would take gigabytes."""
JPEG_QUALITY = 90


class Role(StrEnum):
    """Where a file is used, which decides its folder (as in the sample bundle)."""

    SLIDE = "slide"
    """A slide's picture (slides/) or video (videos/)."""
    POSTER = "poster"
    """The picture shown before a video starts (slides/)."""
    LOGO = "logo"
    """The entity's logo, beside entity.toml, named logo.png."""
    SCREEN = "screen"
    """A demo's screenshot (demo/)."""


FOLDERS = {Role.SLIDE: "slides", Role.POSTER: "slides", Role.LOGO: "", Role.SCREEN: "demo"}
VIDEO_FOLDER = "videos"
FALLBACK_STEMS = {Role.SLIDE: "slide", Role.POSTER: "poster", Role.LOGO: "logo"}
FALLBACK_STEMS |= {Role.SCREEN: "screen"}
EXTENSION = {Kind.PNG: ".png", Kind.JPEG: ".jpg", Kind.MP4: ".mp4"}


class Action(StrEnum):
    KEEP = "keep"
    CONVERT = "convert"
    TRANSCODE = "transcode"
    REFUSE = "refuse"


@dataclass(frozen=True)
class PictureSteps:
    """What the Qt layer does to the pixels, in this order."""

    output: Kind
    """PNG or JPEG."""
    turn: int = 1
    """An EXIF orientation to apply by hand (a PNG's eXIf, which Qt ignores); Qt's own
    auto-transform applies a JPEG's."""
    max_side: int = MAX_SIDE
    """The longest side after scaling (smooth); a smaller picture is not enlarged."""
    sized: bool = True
    """Whether the plan knew the size from the header (and said if it is scaled down)."""


@dataclass(frozen=True)
class Plan:
    source: Path
    kind: Kind | None
    action: Action
    role: Role = Role.SLIDE
    target: PurePosixPath | None = None
    """Relative to the entity folder, as the manifest field takes it."""
    why: tuple[str, ...] = ()
    """What happens to the file and why, in words for the author."""
    picture: PictureSteps | None = None
    video: tuple[str, ...] = ()
    """ffmpeg's arguments between the input and the output (for a transcode)."""
    problem: str = ""
    fix: str = ""
    """For a refusal: what is wrong, and what the author can do."""
    ffmpeg: str = ""
    """The ffmpeg program a transcode runs."""

    @property
    def message(self) -> str:
        """One line for the author: the file, what happens (or the problem), and the fix."""
        if self.action is Action.REFUSE:
            return f"{self.source.name}: {self.problem}. Fix: {self.fix}"
        what = "; ".join(self.why) if self.why else "copied as it is"
        return f"{self.source.name} → {self.target}: {what}"


class Refused(Exception):
    """A file that cannot come in: the message names it and the fix."""

    def __init__(self, source: Path, problem: str, fix: str) -> None:
        super().__init__(f"{source.name}: {problem}. Fix: {fix}")
        self.source, self.problem, self.fix = source, problem, fix


# --- names --------------------------------------------------------------------------------------

_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"{d}{i}" for d in ("com", "lpt") for i in range(10)}
)
MAX_STEM = 60


def safe_stem(name: str) -> str:
    """A lower-case ASCII slug of a file name without its extension (``Mawared Team
    Photo (1).JPG`` → ``mawared-team-photo-1``); accents dropped (``é`` → ``e``); '' when
    nothing Latin is left (an Arabic name: :func:`target` then numbers a fallback)."""
    stem = PurePosixPath(name.replace("\\", "/")).stem
    ascii_ = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")[:MAX_STEM].strip("-")
    if slug in _RESERVED:  # names Windows keeps for devices: a USB stick would refuse them
        slug = f"{slug}-file"
    return slug


def _taken(folder: Path) -> set[str]:
    """The names in ``folder`` as case-insensitive file systems see them (media.name_key)."""
    try:
        return {media.name_key(p.name) for p in folder.iterdir()}
    except FileNotFoundError:
        return set()


def _candidates(stem: str, fallback: str, ext: str) -> Iterator[str]:
    if stem:
        yield f"{stem}{ext}"
        start = 2
    else:
        stem, start = fallback, 1
    n = start
    while True:
        yield f"{stem}-{n}{ext}"
        n += 1


def target(entity: Path, folder: str, original: str, fallback: str, ext: str) -> PurePosixPath:
    """A free name for ``original`` in ``entity/folder``: its slug with ``ext``, then -2,
    -3 ...; an Arabic (or otherwise non-Latin) name becomes ``fallback-1``, ``-2`` ..."""
    taken = _taken(entity / folder)
    for name in _candidates(safe_stem(original), fallback, ext):
        if media.name_key(name) not in taken:
            return PurePosixPath(folder, name) if folder else PurePosixPath(name)
    raise AssertionError("unreachable")  # pragma: no cover


def claim(entity: Path, plan: Plan) -> PurePosixPath:
    """Reserve the plan's target (or the next free name, if a file took it since the plan)
    by creating it empty and exclusively; the caller then replaces it with the finished
    file. Never overwrites a file."""
    assert plan.target is not None, "a refused file has no target"
    folder = "" if str(plan.target.parent) == "." else str(plan.target.parent)
    original = "logo" if plan.role is Role.LOGO else plan.source.name
    fallback = "video" if plan.target.suffix == ".mp4" else FALLBACK_STEMS[plan.role]
    (entity / folder).mkdir(parents=True, exist_ok=True)
    rel = plan.target
    while True:
        try:
            with (entity / rel).open("xb"):
                return rel
        except FileExistsError:
            rel = target(entity, folder, original, fallback, plan.target.suffix)


# --- headers the kiosk's reader does not need, and the normaliser does -------------------------


@dataclass(frozen=True)
class PictureHeader:
    info: media.ImageInfo | None
    """Sizes and orientation (PNG and JPEG only)."""
    cmyk: bool = False
    deep: bool = False
    """More than 8 bits a channel (a 16-bit PNG, a 12-bit JPEG)."""
    profile: str = ""
    """A colour profile other than sRGB, by its description ('' when none, or sRGB)."""
    alpha: bool = False
    lossless: bool = False
    animated: bool = False


def icc_description(profile: bytes) -> tuple[str, str]:
    """The colour space signature ('RGB ', 'CMYK', 'GRAY') and the 'desc' text of an ICC
    profile; ('', '') when it cannot be read."""
    if len(profile) < 132:
        return "", ""
    space = profile[16:20].decode("latin-1")
    (count,) = struct.unpack(">I", profile[128:132])
    for i in range(min(count, 200)):
        at = 132 + 12 * i
        if at + 12 > len(profile):
            break
        sig, off, size = struct.unpack(">4sII", profile[at : at + 12])
        if sig != b"desc":
            continue
        body = profile[off : off + size]
        if body[:4] == b"desc" and len(body) >= 12:
            (n,) = struct.unpack(">I", body[8:12])
            return space, body[12 : 12 + n].split(b"\0")[0].decode("latin-1")
        if body[:4] == b"mluc" and len(body) >= 28:
            length, offset = struct.unpack(">II", body[20:28])
            text = body[offset : offset + length].decode("utf-16-be", errors="replace")
            return space, text
    return space, ""


def _not_srgb(profile: bytes) -> str:
    space, desc = icc_description(profile)
    if space == "RGB " and "srgb" in desc.lower().replace(" ", ""):
        return ""
    return desc or f"an embedded {space.strip() or 'unknown'} colour profile"


_SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


def _jpeg_header(data: bytes) -> PictureHeader:
    info = media.jpeg_info(data)
    pos, icc, components, precision = 2, b"", 3, 8
    while pos + 4 <= len(data) and data[pos] == 0xFF:
        marker = data[pos + 1]
        if marker == 0xFF or marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            pos += 1 if marker == 0xFF else 2
            continue
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        body = data[pos + 4 : pos + 2 + length]
        if marker == 0xE2 and body.startswith(b"ICC_PROFILE\0"):
            icc += body[14:]  # chunks come in order in every file seen; seq/total skipped
        if marker in _SOF and len(body) >= 6:
            precision, components = body[0], body[5]
        if marker == 0xDA:
            break
        pos += 2 + length
    profile = _not_srgb(icc) if icc else ""
    return PictureHeader(info, cmyk=components == 4, deep=precision > 8, profile=profile)


def _png_header(data: bytes) -> PictureHeader:
    info = media.png_info(data)
    depth, colour = data[24], data[25]
    pos, profile, alpha = 8, "", colour in (4, 6)
    while pos + 8 <= len(data):
        length, ctype = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if ctype == b"iCCP":
            try:
                icc = zlib.decompress(body[body.index(b"\0") + 2 :])
            except (ValueError, zlib.error):
                icc = b""
            profile = _not_srgb(icc) if icc else ""
        if ctype == b"tRNS":
            alpha = True
        if ctype in (b"IDAT", b"IEND"):
            break
        pos += 12 + length
    return PictureHeader(info, deep=depth > 8, profile=profile, alpha=alpha)


def _webp_header(data: bytes) -> PictureHeader:
    chunks: dict[bytes, bytes] = {}
    pos = 12
    while pos + 8 <= len(data):
        ctype, length = struct.unpack("<4sI", data[pos : pos + 8])
        chunks.setdefault(ctype, data[pos + 8 : pos + 8 + min(length, 16)])
        pos += 8 + length + (length & 1)
    flags = chunks.get(b"VP8X", b"\0")[0]
    return PictureHeader(
        None,
        alpha=bool(flags & 0x10) or b"ALPH" in chunks,
        lossless=b"VP8L" in chunks,
        animated=bool(flags & 0x02) or b"ANIM" in chunks,
    )


# --- the plan -----------------------------------------------------------------------------------


@contextmanager
def _mapped(path: Path) -> Iterator[bytes]:
    """The file's bytes, mapped rather than read (a video can be gigabytes); the header
    readers only slice it, and every slice is a copy."""
    with path.open("rb") as f:
        if os.fstat(f.fileno()).st_size == 0:
            yield b""
            return
        with mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
            yield cast(bytes, mapped)


_PICTURE_FIX = "export it from the program that made it as PNG or JPEG, then add that file"
_VIDEO_FIX = (
    "export it again from the program that made it (H.264 + AAC in MP4), then add that file"
)


def plan(source: Path, entity: Path, role: Role, ffmpeg: str | None) -> Plan:
    """What happens to ``source`` when it comes into the entity folder ``entity`` as ``role``.

    ``ffmpeg`` is the ffmpeg program to transcode with (``shutil.which("ffmpeg")``), or None
    when there is none: a video that needs it is then refused with the command to run."""
    try:
        with source.open("rb") as f:
            kind = media.sniff(f.read(64))
        if kind in (Kind.PNG, Kind.JPEG, Kind.WEBP, Kind.GIF):
            return _plan_picture(source, entity, role, kind, source.read_bytes())
        if kind in (Kind.MP4, Kind.MOV, Kind.WEBM):
            with _mapped(source) as data:
                return _plan_video(source, entity, role, kind, data, ffmpeg)
    except OSError as exc:
        why = exc.strerror or str(exc)
        return _refuse(source, None, f"it cannot be read ({why})", "check the file")
    if kind in (Kind.HEIC, Kind.AVIF):
        conv = media.CONVERSIONS[kind]
        out = source.with_suffix(conv.target).name
        return _refuse(
            source,
            kind,
            f"it is {conv.label}, which the studio cannot read",
            f"convert it first: {media.conversion_command(kind, source.name, out)}; then add {out}",
        )
    return _refuse(
        source,
        kind,
        "it is not a picture or a video the kiosk shows (PNG, JPEG, WebP, GIF; MP4, MOV, WebM)",
        f"{_PICTURE_FIX}, or a video as MP4",
    )


def _refuse(source: Path, kind: Kind | None, problem: str, fix: str) -> Plan:
    return Plan(source, kind, Action.REFUSE, problem=problem, fix=fix)


def _plan_picture(source: Path, entity: Path, role: Role, kind: Kind, data: bytes) -> Plan:
    try:
        head = {Kind.PNG: _png_header, Kind.JPEG: _jpeg_header, Kind.WEBP: _webp_header}.get(
            kind, lambda _d: PictureHeader(None)
        )(data)
    except media.MediaError as exc:
        return _refuse(source, kind, f"the picture is damaged ({exc})", _PICTURE_FIX)
    info = head.info
    if info and info.width * info.height > MAX_SOURCE_PIXELS:
        return _refuse(
            source,
            kind,
            f"the picture is {info.width}x{info.height} pixels, too large to read "
            f"(the limit is {MAX_SOURCE_PIXELS // 1_000_000} megapixels)",
            f"scale it to at most {MAX_SIDE} pixels a side before adding it",
        )
    why: list[str] = []
    output = _output(kind, role, head)
    if kind is Kind.WEBP:
        as_ = "PNG" if output is Kind.PNG else "JPEG"
        why.append(f"a WebP picture, which the kiosk does not show: written as a {as_}")
        if head.animated:
            why.append("animated: its first frame is kept")
    if kind is Kind.GIF:
        why.append("a GIF picture, which the kiosk does not show: its first frame, as a PNG")
    if info and info.orientation != 1:
        why.append(f"turned upright (its EXIF orientation {info.orientation})")
    turn = info.stated_orientation if info and info.orientation != info.stated_orientation else 1
    if turn != 1:
        why.append(f"turned upright (its EXIF orientation {turn}, which the kiosk ignores)")
    if head.cmyk:
        why.append("CMYK (print colours) converted to sRGB")
    if head.deep:
        why.append("more than 8 bits a channel, converted to 8-bit")
    if head.profile:
        why.append(f"its colours ({head.profile}) converted to sRGB")
    if info and max(info.width, info.height) > MAX_SIDE:
        w, h = info.shown_width, info.shown_height
        long = max(w, h)  # as Qt scales: the short side rounded down
        why.append(f"scaled down from {w}x{h} to {w * MAX_SIDE // long}x{h * MAX_SIDE // long}")
    action = Action.CONVERT if why else Action.KEEP
    original = "logo" if role is Role.LOGO else source.name
    rel = target(entity, FOLDERS[role], original, FALLBACK_STEMS[role], EXTENSION[output])
    steps = PictureSteps(output, turn, sized=info is not None) if action is Action.CONVERT else None
    return Plan(source, kind, action, role, rel, tuple(why), steps)


def _output(kind: Kind, role: Role, head: PictureHeader) -> Kind:
    if kind in (Kind.PNG, Kind.JPEG):
        return kind
    if role in (Role.LOGO, Role.SCREEN) or kind is Kind.GIF or head.alpha or head.lossless:
        return Kind.PNG
    return Kind.JPEG


def video_options(info: media.VideoInfo | None) -> tuple[str, ...]:
    """ffmpeg's options for a video the kiosks play smoothly: H.264 main, yuv420p, AAC,
    +faststart, at most 1080p (1080x1920 upright) and 30 frames a second. With the video's
    header (an H.264 MP4 that is too heavy) they are the validator's
    (:func:`kiosk.bundle.media.lighter_video_command`); without it, ffmpeg works the size
    out itself and never enlarges."""
    options = media.VIDEO_OPTIONS.replace("-crf 20", "-crf 20 -preset slow").split()
    if info is not None:
        filters = []
        size = info.lighter()
        if size:
            filters.append(f"scale={size[0]}:{size[1]}")
        if (info.fps or 0) > media.MAX_VIDEO_FPS + 0.5:
            filters.append(f"fps={media.MAX_VIDEO_FPS}")
        return (*(("-vf", ",".join(filters)) if filters else ()), *options)
    box = (
        "scale=w='min(iw,if(gte(iw,ih),1920,1080))':h='min(ih,if(gte(iw,ih),1080,1920))'"
        ":force_original_aspect_ratio=decrease:force_divisible_by=2"
    )
    return ("-vf", box, "-fpsmax", str(media.MAX_VIDEO_FPS), *options)


def _plan_video(
    source: Path, entity: Path, role: Role, kind: Kind, data: bytes, ffmpeg: str | None
) -> Plan:
    if role is not Role.SLIDE:
        return _refuse(
            source,
            kind,
            f"it is a video, and a {role.value} must be a picture",
            "add a PNG or JPEG picture here, and the video to a slide list",
        )
    rel = target(entity, VIDEO_FOLDER, source.name, "video", ".mp4")
    info: media.VideoInfo | None = None
    if kind is Kind.MP4:
        try:
            info = media.mp4_info(data)
        except media.UnsupportedCodec as exc:
            why = f"{exc}: re-encoded as H.264 + AAC"
        except media.MediaError as exc:
            return _refuse(source, kind, f"the video is damaged ({exc})", _VIDEO_FIX)
        else:
            if not info.heavy:
                return Plan(source, kind, Action.KEEP, role, rel)
            fps = f" at {info.fps:.0f} frames a second" if info.fps else ""
            why = (
                f"{info.shown_width}x{info.shown_height}{fps}, more than the kiosks decode "
                "smoothly (1080p, 30 frames a second): re-encoded lighter"
            )
    else:
        why = f"{media.CONVERSIONS[kind].label}, which the kiosk does not play: re-encoded as MP4"
    options = video_options(info)
    if ffmpeg is None:
        out = str(PurePosixPath(source.name).with_name(rel.name))
        if out == source.name:
            out = f"{PurePosixPath(source.name).stem}-h264.mp4"
        line = " ".join([shlex.quote(a) for a in ("ffmpeg", "-i", source.name, *options, out)])
        return _refuse(
            source,
            kind,
            f"{why.split(':')[0]}, and ffmpeg, which would re-encode it, is not installed",
            f"install ffmpeg (https://ffmpeg.org/download.html) and add the file again, "
            f"or re-encode it yourself: {line}; then add {out}",
        )
    return Plan(source, kind, Action.TRANSCODE, role, rel, (why,), video=options, ffmpeg=ffmpeg)


@dataclass
class Imported:
    """A file that came in: where it is now, and what was done to it."""

    source: Path
    target: PurePosixPath
    done: list[str] = field(default_factory=list)
