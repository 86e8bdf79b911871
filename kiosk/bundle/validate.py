"""Validate and load bundles (a folder or a .zip of one)."""

from __future__ import annotations

import contextlib
import json
import shlex
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from ..schedule import Schedule, parse_schedule
from . import media, tomlfile
from . import model as m
from .media import (
    ChecksGlyphs,
    GlyphCheck,
    Kind,
    MediaError,
    MediaInspector,
    StructuralInspector,
)
from .problems import BundleError, Report
from .schema import BundleHead, Cap, parse_bundle, parse_entity
from .textfit import ChecksFit, FitCheckFailed, report_overflows
from .tomlreader import Reader

if TYPE_CHECKING:  # zip handling and hashing are imported when used: load() needs neither
    from .archive import ZipLimits

MANIFEST = "bundle.toml"
ENTITY_MANIFEST = "entity.toml"
CHECKSUMS = "checksums.json"
HEAD_BYTES = 64
TOTAL_SLIDES = Cap(500, 2000)
"""Slides in the whole bundle (each entity also has at most 500)."""
MAX_MANIFESTS_BYTES = 8 * 1024 * 1024
"""The entity manifests together (each is at most 1 MB)."""

Progress = Callable[[str, int, int], None]
"""progress(stage, done, total)."""


@dataclass
class Scan:
    """What the validator learnt besides problems; the loader reuses it."""

    head: BundleHead | None = None
    entities: list[m.Entity] = field(default_factory=list)
    kinds: dict[PurePosixPath, Kind] = field(default_factory=dict)
    hashes: dict[PurePosixPath, str] = field(default_factory=dict)
    schedule: Schedule | None = None


def _hash_file(path: Path) -> tuple[str, int]:
    import hashlib

    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def hash_tree(root: Path, files: list[PurePosixPath]) -> dict[PurePosixPath, tuple[str, int]]:
    return {rel: _hash_file(root.joinpath(*rel.parts)) for rel in files}


def _walk(root: Path, report: Report, scan: Scan) -> list[PurePosixPath]:
    """List the bundle's files, refusing code, symlinks and unknown types."""
    files: list[PurePosixPath] = []
    names: dict[str, PurePosixPath] = {}
    refused: set[PurePosixPath] = set()
    for path in sorted(root.rglob("*")):
        rel = PurePosixPath(path.relative_to(root).as_posix())
        if media.is_studio(rel):
            continue  # the Studio's journal, trash and lock: not part of the bundle
        if media.is_junk(rel):
            report.warning(
                str(rel),
                "",
                "a file the operating system left behind; it is ignored",
                "delete it (kiosk bundle pack leaves it out)",
                "junk",
            )
            continue
        if _same_name(rel, names, refused, report):
            continue
        if path.is_symlink():
            report.error(
                str(rel),
                "",
                "symbolic links are not allowed in a bundle",
                "replace the link with a copy of the file it points to",
                "symlink",
            )
            continue
        if path.is_dir():
            continue
        if not path.is_file():
            report.error(str(rel), "", "not a regular file", "remove it from the bundle", "special")
            continue
        try:
            with path.open("rb") as f:
                head = f.read(HEAD_BYTES)
        except OSError as exc:
            report.error(
                str(rel), "", f"cannot be read ({exc.strerror})", "copy it again", "unreadable"
            )
            continue
        why = media.is_code(rel, head)
        if why:
            report.error(
                str(rel),
                "",
                f"bundles are data only, and this is {why}",
                "remove it: the kiosk shows slides and demos from the manifests alone",
                "code",
            )
            continue
        kind = _kind_of(rel, head, report)
        if kind is not None:
            scan.kinds[rel] = kind
            files.append(rel)
    return files


def _same_name(
    rel: PurePosixPath, names: dict[str, PurePosixPath], refused: set[PurePosixPath], report: Report
) -> bool:
    """Refuse ``rel`` when an earlier path differs from it only in letter case or Unicode
    form: a USB stick or another computer holds them as one file, and the install refuses
    the archive. What is inside a folder refused so is left out, unreported."""
    if any(p in refused for p in rel.parents):
        return True
    key = media.name_key(str(rel))
    other = names.setdefault(key, rel)
    if other == rel:
        return False
    refused.add(rel)
    report.error(
        str(rel),
        "",
        f"'{rel}' and '{other}' differ only in letter case or Unicode form (such as é typed "
        "two ways, or the 'ﬁ' ligature): a USB stick or another computer sees one file",
        f"rename or delete one of '{other}' and '{rel}' (and change the manifests that use it), "
        "then validate again",
        "name-collision",
    )
    return True


def _kind_of(rel: PurePosixPath, head: bytes, report: Report) -> Kind | None:
    if rel.name == MANIFEST and len(rel.parts) == 1:
        return Kind.MANIFEST
    if rel.name == ENTITY_MANIFEST and len(rel.parts) == 3 and rel.parts[0] == "entities":
        return Kind.MANIFEST
    if rel.name == CHECKSUMS and len(rel.parts) == 1:
        return Kind.CHECKSUMS
    ext = rel.suffix.lower()
    claimed = media.EXTENSIONS.get(ext)
    if claimed is None:
        report.error(
            str(rel),
            "",
            f"'{ext or rel.name}' files are not allowed in a bundle",
            "use PNG or JPEG images, MP4 (H.264) videos, TTF/OTF fonts and .txt/.md notes; "
            "manifests are bundle.toml and entities/<id>/entity.toml",
            "type",
        )
        return None
    if claimed is Kind.TEXT:
        if b"\x00" in head:
            report.error(
                str(rel),
                "",
                "a text file with binary content",
                "save it as plain UTF-8 text",
                "type",
            )
            return None
        return Kind.TEXT
    actual = media.sniff(head)
    if actual is not None and _same_format(claimed, actual):
        return claimed
    if actual in media.CONVERSIONS and claimed not in (Kind.FONT, Kind.TEXT):
        return actual  # a WebP saved as .jpg: reported where it is used, with the command
    if actual is not claimed:
        found = f"a {actual.value.upper()} file" if actual else "not a recognised media file"
        fix = (
            f"save it again as a real {claimed.value.upper()} file, or give it the right extension"
        )
        if claimed in media.CONVERSIONS:  # a PNG named .webp: the name is all that is wrong
            fix = "give it the right extension" + (f" (.{actual.value})" if actual else "")
        report.error(
            str(rel), "", f"the name says {ext} but the content is {found}", fix, "type-mismatch"
        )
        return None
    return claimed


_FAMILIES = (frozenset({Kind.MP4, Kind.MOV}), frozenset({Kind.HEIC, Kind.AVIF}))
"""Kinds one container holds: a QuickTime file named .mp4 is played as one (same boxes)."""


def _same_format(claimed: Kind, actual: Kind) -> bool:
    return claimed is actual or any({claimed, actual} <= f for f in _FAMILIES)


def _check_checksums(
    root: Path,
    files: list[PurePosixPath],
    report: Report,
    scan: Scan,
    known: dict[PurePosixPath, tuple[str, int]] | None,
) -> None:
    try:
        data = json.loads((root / CHECKSUMS).read_text("utf-8"))
        listed: dict[str, Any] = data["files"]
        assert isinstance(listed, dict)
    except (OSError, ValueError, KeyError, TypeError, AssertionError):
        report.error(
            CHECKSUMS,
            "",
            "the checksum list is damaged",
            "pack the bundle again with 'kiosk bundle pack'",
            "checksums",
        )
        return
    actual = (
        known
        if known is not None
        else hash_tree(root, [f for f in files if f.name != CHECKSUMS or len(f.parts) > 1])
    )
    present = {f for f in files if str(f) != CHECKSUMS}
    for name, entry in sorted(listed.items()):
        rel = PurePosixPath(name)
        fld = f"files.{name}"
        if rel not in present:
            if rel in scan.kinds or (root / name).exists():
                continue  # refused for another reason, already reported
            report.error(
                CHECKSUMS,
                fld,
                f"'{name}' is listed but missing from the bundle",
                "copy the bundle again: it is incomplete",
                "checksum-missing",
            )
            continue
        got = actual.get(rel)
        want = (entry.get("sha256"), entry.get("size")) if isinstance(entry, dict) else (None, None)
        if got is None or got != want:
            report.error(
                name,
                "",
                "the file differs from the packed bundle (SHA-256 mismatch): "
                "it was changed or damaged after packing",
                "copy the bundle again from the original; "
                "if you edited it on purpose, pack it again",
                "checksum-mismatch",
            )
        else:
            scan.hashes[rel] = got[0]
    for rel in sorted(present - {PurePosixPath(n) for n in listed}):
        report.error(
            str(rel),
            "",
            "the file was added after the bundle was packed",
            "remove it, or pack the bundle again",
            "checksum-extra",
        )


SLIDE_SPACE = media.SCREEN
"""Slide pictures, video posters and demo screenshots fill the screen's content area: the
small-picture rule measures them against the whole 1920x1080 screen."""
LOGO_SPACE = (140, 140)
"""The largest a logo is drawn at 1080p (a Home tile's logo box, Theme.qml)."""


@dataclass(frozen=True)
class _Use:
    """Where a manifest shows a picture, and the space it fills there."""

    file: str
    field: str
    role: str
    space: tuple[int, int]


class _Refs:
    """Media references found in the manifests, by the kind they must be."""

    def __init__(self) -> None:
        self.items: list[tuple[PurePosixPath, str, str, frozenset[Kind]]] = []
        self.uses: dict[PurePosixPath, list[_Use]] = {}

    def add(
        self,
        rel: PurePosixPath | None,
        file: str,
        fld: str,
        kinds: frozenset[Kind],
        role: tuple[str, tuple[int, int]] | None = None,
    ) -> None:
        if rel is not None:
            self.items.append((rel, file, fld, kinds))
            if role is not None:
                self.uses.setdefault(rel, []).append(_Use(file, fld, *role))


IMAGES = media.IMAGE_KINDS
VIDEOS = frozenset({Kind.MP4})
FONTS = frozenset({Kind.FONT})


def _collect_refs(scan: Scan) -> _Refs:
    refs = _Refs()
    assert scan.head and scan.head.fonts
    for i, f in enumerate(scan.head.fonts.files):
        refs.add(f, MANIFEST, f"fonts.files[{i}]", FONTS)
    for e in scan.entities:
        ef = f"entities/{e.id}/{ENTITY_MANIFEST}"
        refs.add(e.logo, ef, "logo", IMAGES, ("an entity logo", LOGO_SPACE))
        for i, s in enumerate(e.slides):
            refs.add(s.image, ef, f"slides[{i}].image", IMAGES, ("a slide", SLIDE_SPACE))
            refs.add(s.video, ef, f"slides[{i}].video", VIDEOS)
            refs.add(s.poster, ef, f"slides[{i}].poster", IMAGES, ("a poster", SLIDE_SPACE))
        for di, d in enumerate(e.demos):
            for si, sc in enumerate(d.screens):
                fld = f"demos[{di}].screens[{si}].image"
                refs.add(sc.image, ef, fld, IMAGES, ("a demo screen", SLIDE_SPACE))
    return refs


def _check_media(
    root: Path,
    scan: Scan,
    report: Report,
    inspector: MediaInspector,
    deep: bool,
    progress: Progress | None,
) -> None:
    refs = _collect_refs(scan)
    used: set[PurePosixPath] = set()
    named: set[PurePosixPath] = set()
    for rel, file, fld, kinds in refs.items:
        kind = scan.kinds.get(rel)
        path = root.joinpath(*rel.parts)
        if kind is None:
            if path.is_symlink() or path.exists():
                continue  # refused by the walk, already reported
            report.error(
                file,
                fld,
                f"the file '{rel}' does not exist",
                "check the spelling and the folder (paths are relative to this manifest)",
                "missing-file",
            )
            continue
        named.add(rel)
        conv = media.CONVERSIONS.get(kind)
        if conv is not None and media.EXTENSIONS[conv.target] in kinds:
            _cannot_show(rel, kind, file, fld, scan, report)
            continue
        if kind not in kinds:
            want = " or ".join(sorted(k.value.upper() for k in kinds))
            report.error(
                file,
                fld,
                f"'{rel}' is a {kind.value.upper()} file, but this needs {want}",
                f"point it at a {want} file",
                "wrong-kind",
            )
            continue
        used.add(rel)

    # Only when every entity parsed: otherwise its media would look unused.
    complete = scan.head is not None and len(scan.entities) == len(scan.head.entity_ids)
    for rel, kind in sorted(scan.kinds.items()):
        if complete and kind in media.CONVERSIONS and rel not in named:
            _unusable_spare(rel, kind, scan, report)
        elif complete and kind in IMAGES | VIDEOS | FONTS and rel not in used:
            report.warning(
                str(rel),
                "",
                "no manifest uses this file",
                "remove it to keep the bundle small, or reference it from a manifest",
                "unused",
            )

    if not deep:
        return  # start-up path: media were checked in full when the bundle was validated
    images: list[Path] = []
    videos: list[Path] = []
    fonts: list[Path] = []
    families: set[str] = set()
    file_families: dict[Path, tuple[str, ...]] = {}
    total = len(used)
    for done, rel in enumerate(sorted(used), 1):
        kind = scan.kinds[rel]
        path = root.joinpath(*rel.parts)
        try:
            data = path.read_bytes()
            if kind in IMAGES:
                if _check_image(rel, kind, data, refs.uses.get(rel, []), report):
                    images.append(path)
            elif kind is Kind.MP4:
                _check_video(rel, data, report)
                videos.append(path)
            elif kind is Kind.FONT:
                file_families[path] = media.font_families(data)
                families.update(file_families[path])
                fonts.append(path)
        except media.UnsupportedCodec as exc:
            report.error(
                str(rel), "", f"damaged or unsupported: {exc}", _reencode_fix(rel), "media-damaged"
            )
        except MediaError as exc:
            report.error(
                str(rel),
                "",
                f"damaged or unsupported: {exc}",
                _MEDIA_FIX[kind],
                "media-damaged",
            )
        except OSError as exc:
            report.error(
                str(rel), "", f"cannot be read ({exc.strerror})", "copy it again", "unreadable"
            )
        if progress:
            progress("checking media", done, total)

    if deep:
        for path, msg in sorted(inspector.decode_images(images).items()):
            report.error(
                _rel(root, path),
                "",
                f"the image does not decode: {msg}",
                _MEDIA_FIX[Kind.PNG],
                "media-damaged",
            )
        for path, msg in sorted(inspector.probe_videos(videos).items()):
            report.error(
                _rel(root, path),
                "",
                f"the video does not play: {msg}",
                _reencode_fix(PurePosixPath(_rel(root, path))),
                "media-damaged",
            )
        font_errors, loaded = inspector.load_fonts(fonts)
        for path, msg in sorted(font_errors.items()):
            report.error(
                _rel(root, path),
                "",
                f"the font does not load: {msg}",
                _MEDIA_FIX[Kind.FONT],
                "media-damaged",
            )
        if loaded:
            families = loaded
        if isinstance(inspector, ChecksGlyphs):
            assert scan.head and scan.head.fonts
            sound = {p: f for p, f in file_families.items() if p not in font_errors}
            check_glyphs(root, scan.head.fonts, sound, report, inspector.check_glyphs)

    assert scan.head and scan.head.fonts
    f = scan.head.fonts
    for key, fam in (
        ("arabic", f.arabic),
        ("arabic_heading", f.arabic_heading),
        ("latin", f.latin),
    ):
        if fonts and fam not in families:
            report.error(
                MANIFEST,
                f"fonts.{key}",
                f"no listed font file provides the family '{fam}'",
                f"use one of: {', '.join(sorted(families))}, or add the font file to fonts.files",
                "font-family",
            )


SHOWN = "PNG and JPEG pictures and H.264 MP4 videos"


def _reencode_fix(rel: PurePosixPath) -> str:
    """Re-encoding with ffmpeg mends a video the kiosk cannot play (another codec, or frames
    its decoder refuses), when ffmpeg itself can read it."""
    out = rel.with_name(f"{rel.stem}-h264.mp4")
    return (
        "re-encode it as H.264 + AAC, from the bundle folder: "
        f"{media.conversion_command(Kind.MP4, str(rel), str(out))}; "
        f"then put {out.name} in place of {rel.name}"
    )


def _converted_name(rel: PurePosixPath, kind: Kind, scan: Scan) -> PurePosixPath:
    """Where the converted file goes: beside it, with the extension it needs, unless that
    name is taken (a WebP saved as photo.png)."""
    target = media.CONVERSIONS[kind].target
    out = rel.with_suffix(target)
    if out == rel or out in scan.kinds:
        out = rel.with_name(f"{rel.stem}-converted{target}")
    return out


def _what_it_is(rel: PurePosixPath, kind: Kind) -> str:
    label = media.CONVERSIONS[kind].label
    named = media.EXTENSIONS.get(rel.suffix.lower())
    return label if named is kind else f"{label}, whatever its name says"


def _cannot_show(
    rel: PurePosixPath, kind: Kind, file: str, fld: str, scan: Scan, report: Report
) -> None:
    """A manifest uses a format the kiosk does not show: an error, or a slide stays blank."""
    out = _converted_name(rel, kind, scan)
    here = PurePosixPath(file).parent
    new_ref = out.relative_to(here) if out.is_relative_to(here) else out
    report.error(
        file,
        fld,
        f"'{rel}' is {_what_it_is(rel, kind)}: the kiosk cannot show it (it shows {SHOWN}), "
        "so it would stay blank",
        f"convert it, from the bundle folder: "
        f'{media.conversion_command(kind, str(rel), str(out))}; then set {fld} to "{new_ref}"',
        "format-unsupported",
    )


def _unusable_spare(rel: PurePosixPath, kind: Kind, scan: Scan, report: Report) -> None:
    out = _converted_name(rel, kind, scan)
    report.warning(
        str(rel),
        "",
        f"{_what_it_is(rel, kind)}, which the kiosk cannot show (it shows {SHOWN}); "
        "no manifest uses it",
        f"remove it, or convert it before you use it, from the bundle folder: "
        f"{media.conversion_command(kind, str(rel), str(out))}",
        "format-unsupported",
    )


def _check_image(
    rel: PurePosixPath, kind: Kind, data: bytes, uses: list[_Use], report: Report
) -> bool:
    """The header checks of a picture; False when it is too large to decode at all."""
    info = media.image_info(kind, data)
    too_big = media.check_image_size(info)
    if too_big:
        report.error(
            str(rel),
            "",
            too_big,
            f"resize it to at most {media.LARGE_IMAGE_SIDE} pixels wide",
            "image-too-large",
        )
        return False
    if max(info.shown_width, info.shown_height) > media.LARGE_IMAGE_SIDE:
        report.warning(
            str(rel),
            "",
            f"the image is {info.shown}, larger than a 4K screen",
            f"resize it to at most {media.LARGE_IMAGE_SIDE} pixels wide to save memory",
            "image-large",
        )
    _check_orientation(rel, info, report)
    _check_small(rel, info, uses, report)
    return True


_TURNS = {2: "hflip", 3: "hflip,vflip", 4: "vflip", 5: "transpose=0"}
_TURNS |= {6: "transpose=1", 7: "transpose=3", 8: "transpose=2"}
_LOOKS = {2: "mirrored", 3: "upside down", 4: "upside down"}


def _check_orientation(rel: PurePosixPath, info: media.ImageInfo, report: Report) -> None:
    """A PNG whose eXIf chunk asks to be turned: the kiosk shows it as stored."""
    stated = info.stated_orientation
    if stated == info.orientation:
        return
    out = rel.with_name(f"{rel.stem}-upright{rel.suffix}")
    cmd = f"ffmpeg -i {shlex.quote(str(rel))} -vf {_TURNS[stated]} {shlex.quote(str(out))}"
    report.warning(
        str(rel),
        "",
        f"the picture asks to be turned (EXIF orientation {stated}), but the kiosk shows a PNG "
        f"as it is stored: it will look {_LOOKS.get(stated, 'turned on its side')}",
        f"turn the pixels themselves, from the bundle folder: {cmd}; then put {out.name} "
        f"in place of {rel.name}",
        "image-orientation",
    )


def _check_small(
    rel: PurePosixPath, info: media.ImageInfo, uses: list[_Use], report: Report
) -> None:
    """A picture enlarged more than 1.5 times to fill its space on a 1080p screen."""
    worst: tuple[_Use, media.Fill] | None = None
    for use in uses:
        fill = media.too_small(info, use.space)
        if fill and (worst is None or fill.scale > worst[1].scale):
            worst = (use, fill)
    if worst is None:
        return
    use, fill = worst
    size = f"{info.shown} pixels"
    if info.turned:
        size += f" as shown ({info.width}x{info.height} stored, turned by its EXIF orientation)"
    sw, sh = fill.shown
    screen = "x".join(map(str, media.SCREEN))
    report.warning(
        str(rel),
        "",
        f"the picture is {size}; as {use.role} ({use.file}: {use.field}) it is shown at "
        f"{sw}x{sh} on a {screen} screen, enlarged {fill.scale:.1f} times, so it looks blurred",
        f"export it at least {fill.least[0]}x{fill.least[1]} pixels "
        f"({sw}x{sh} is sharp on a 1080p screen)",
        "image-small",
    )


def _check_video(rel: PurePosixPath, data: bytes, report: Report) -> None:
    info = media.mp4_info(data)
    if not info.heavy:
        return
    size = f"{info.shown_width}x{info.shown_height}"
    if info.rotation in (90, 270):
        size += f" (turned {info.rotation}°)"
    rate = f" at {round(info.fps, 2):g} fps" if info.fps else ""
    out = rel.with_name(f"{rel.stem}-1080p30.mp4")
    report.warning(
        str(rel),
        "",
        f"the video is {size}{rate}, more than 1080p at {media.MAX_VIDEO_FPS} fps: these 2-core "
        "kiosks decode 4K60 at about 21–24 fps, so it stutters",
        "make it at most 1080p at 30 fps, from the bundle folder: "
        f"{media.lighter_video_command(info, str(rel), str(out))}; "
        f"then put {out.name} in place of {rel.name}",
        "video-heavy",
    )


_ROLE_SAMPLES = (
    ("arabic", media.ARABIC_SAMPLE),
    ("arabic_heading", media.ARABIC_SAMPLE),
    ("latin", media.LATIN_SAMPLE),
)


def check_glyphs(
    root: Path,
    fonts: m.Fonts,
    file_families: dict[Path, tuple[str, ...]],
    report: Report,
    check: GlyphCheck,
) -> None:
    """Each font file of a family the bundle uses must draw its role's sample text
    (Arabic for fonts.arabic and fonts.arabic_heading, Latin for fonts.latin) with ink."""
    samples: dict[Path, str] = {}
    roles: dict[Path, list[str]] = {}
    for key, sample in _ROLE_SAMPLES:
        family = getattr(fonts, key)
        for path, fams in sorted(file_families.items()):
            if family in fams:
                if sample not in samples.get(path, ""):
                    samples[path] = samples.get(path, "") + sample
                roles.setdefault(path, []).append(f"fonts.{key} '{family}'")
    if not samples:
        return
    for path, msg in sorted(check(sorted(samples.items())).items()):
        used_for = ", ".join(roles.get(path, []))
        report.error(
            _rel(root, path),
            "",
            f"the font does not draw text: {msg} (it is used for {used_for})",
            "copy the font file again from its source; if it stays blank, choose another font "
            f"for {used_for.split(' ')[0]} in bundle.toml",
            "font-glyphs",
        )


def check_bundle_glyphs(bundle: m.Bundle, check: GlyphCheck) -> Report:
    """The glyph check of a loaded bundle's fonts (the hot swap's health check)."""
    report = Report(str(bundle.root))
    file_families: dict[Path, tuple[str, ...]] = {}
    for rel in bundle.fonts.files:
        path = bundle.path(rel)
        try:
            file_families[path] = media.font_families(path.read_bytes())
        except (OSError, MediaError) as exc:
            report.error(
                str(rel),
                "",
                f"the font cannot be read: {exc}",
                _MEDIA_FIX[Kind.FONT],
                "media-damaged",
            )
    check_glyphs(bundle.root, bundle.fonts, file_families, report, check)
    return report


_MEDIA_FIX = {
    Kind.PNG: "export the image again (PNG or JPEG) from the original",
    Kind.JPEG: "export the image again (PNG or JPEG) from the original",
    Kind.MP4: "re-encode it as H.264 + AAC in MP4 (see docs/bundle-format.md for an ffmpeg line)",
    Kind.FONT: "copy the font file again from its source (TTF or OTF)",
}


def _rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _read_manifests(root: Path, report: Report, scan: Scan, files: list[PurePosixPath]) -> None:
    mf = root / MANIFEST
    if not mf.is_file():
        report.error(
            MANIFEST,
            "",
            "the bundle has no bundle.toml at its top",
            "point at the bundle's top folder, or start one with 'kiosk bundle init DIR'",
            "no-manifest",
        )
        return
    data = _load_toml(mf, MANIFEST, report)
    if data is None:
        return
    scan.head = parse_bundle(data, report)
    if scan.head is None:
        return
    slides = 0
    manifest_bytes = 0
    for i, eid in enumerate(scan.head.entity_ids):
        rel = f"entities/{eid}/{ENTITY_MANIFEST}"
        path = root / rel
        if slides > TOTAL_SLIDES.most:
            break  # reported below; the remaining entities are not read
        with contextlib.suppress(OSError):
            manifest_bytes += path.stat().st_size
        if manifest_bytes > MAX_MANIFESTS_BYTES:
            report.error(
                rel,
                "",
                f"the entity manifests up to this one add up to more than "
                f"{MAX_MANIFESTS_BYTES // (1024 * 1024)} MB, "
                "so it and the ones after it were not read",
                "shorten the texts, or show fewer entities",
                "too-large",
            )
            break
        if not path.is_file():
            report.error(
                MANIFEST,
                f"entities[{i}]",
                f"there is no {rel}",
                f"create the folder entities/{eid} with an {ENTITY_MANIFEST}, or remove '{eid}'",
                "missing-file",
            )
            continue
        if PurePosixPath(rel) not in scan.kinds:
            continue  # refused by the walk (e.g. a symlink)
        edata = _load_toml(path, rel, report)
        if edata is None:
            continue
        ent = parse_entity(edata, report, rel, eid, scan.head.languages)
        if ent is not None:
            scan.entities.append(ent)
            slides += len(ent.slides)
    if slides > TOTAL_SLIDES.most:
        report.error(
            MANIFEST,
            "entities",
            f"the entities have more than {TOTAL_SLIDES.most:,} slides "
            "in all (the ones past the limit were not read)",
            f"keep the whole bundle to {TOTAL_SLIDES.warn:,} slides or fewer",
            "too-many",
        )
    elif slides > TOTAL_SLIDES.warn:
        report.warning(
            MANIFEST,
            "entities",
            f"the entities have {slides:,} slides in all, which makes the kiosk slow to start",
            f"keep the whole bundle to {TOTAL_SLIDES.warn:,} slides or fewer "
            f"(at most {TOTAL_SLIDES.most:,})",
            "many",
        )
    if "schedule" in data and len(scan.entities) == len(scan.head.entity_ids):
        reader = Reader(report, MANIFEST, scan.head.languages)
        scan.schedule = parse_schedule(data["schedule"], reader, scan.entities)
    listed = set(scan.head.entity_ids)
    for f in files:
        if f.name == ENTITY_MANIFEST and len(f.parts) == 3 and f.parts[1] not in listed:
            report.warning(
                str(f),
                "",
                f"entity '{f.parts[1]}' is not listed in bundle.toml, so it is not shown",
                f'add "{f.parts[1]}" to entities in bundle.toml, or remove the folder',
                "unlisted-entity",
            )


def _load_toml(path: Path, rel: str, report: Report) -> dict[str, Any] | None:
    return tomlfile.load(path, rel, report)


def check_folder(
    root: Path,
    report: Report,
    inspector: MediaInspector | None = None,
    *,
    deep: bool = True,
    known_hashes: dict[PurePosixPath, tuple[str, int]] | None = None,
    progress: Progress | None = None,
) -> Scan:
    """Run every check on an unpacked bundle folder, adding problems to ``report``."""
    scan = Scan()
    files = _walk(root, report, scan)
    _read_manifests(root, report, scan, files)
    inspecting: MediaInspector = inspector or StructuralInspector()
    if scan.head is not None and scan.head.fonts is not None:
        _check_media(root, scan, report, inspecting, deep, progress)
    # Re-hashing every file is for validating and installing; the kiosk's start-up
    # (deep=False) must not read a whole bundle before its first frame (figures:
    # benchmarks/README.md, "Figures behind the code's choices").
    # `kiosk bundle verify` and `kiosk doctor` re-hash an installed bundle on demand.
    if (deep or known_hashes is not None) and (root / CHECKSUMS).is_file():
        _check_checksums(root, files, report, scan, known_hashes)
    if deep and report.ok and isinstance(inspecting, ChecksFit):  # only a bundle that loads
        check_fit(root, report, inspecting, progress)
    report.problems.sort(key=lambda p: (p.severity != "error", p.file, p.field))
    return scan


def check_fit(
    root: Path, report: Report, inspector: ChecksFit, progress: Progress | None = None
) -> None:
    """Warn, per slide and language, of texts that scroll at 1080p (kiosk.bundle.textfit)."""
    if progress:
        progress("laying out the texts", 0, 1)
    try:
        overflows = inspector.check_fit(root)
    except FitCheckFailed as exc:
        report.warning(
            "",
            "",
            f"the texts could not be laid out as the kiosk shows them: {exc}",
            "validate again; the rest of the report stands",
            "text-check-failed",
        )
        return
    report_overflows(report, overflows)


@contextmanager
def opened(
    source: Path,
    report: Report,
    limits: ZipLimits | None = None,
    progress: Progress | None = None,
) -> Iterator[tuple[Path | None, dict[PurePosixPath, tuple[str, int]] | None]]:
    """The bundle folder of ``source``: itself, or a zip unpacked (safely) into a temp folder."""
    if source.is_dir():
        yield source, None
        return
    if not source.exists():
        report.error(str(source), "", "no such file or folder", "check the path", "no-bundle")
        yield None, None
        return
    from .archive import extract_zip

    with tempfile.TemporaryDirectory(prefix="kiosk-bundle-") as tmp:
        cb = (lambda d, t: progress("unpacking", d, t)) if progress else None
        ex = extract_zip(source, Path(tmp), report, limits, cb)
        yield (ex.root, ex.hashes) if ex else (None, None)


def validate(
    source: Path,
    inspector: MediaInspector | None = None,
    *,
    limits: ZipLimits | None = None,
    progress: Progress | None = None,
) -> Report:
    """Validate a bundle folder or .zip; the report lists every problem found."""
    report = Report(str(source))
    with opened(source, report, limits, progress) as (root, hashes):
        if root is not None:
            check_folder(root, report, inspector, known_hashes=hashes, progress=progress)
    return report


def load(root: Path, inspector: MediaInspector | None = None, *, deep: bool = False) -> m.Bundle:
    """Load a bundle folder into the model; raises :class:`BundleError` with the full report.

    ``deep=False`` (the kiosk's start-up path) skips full decoding, which was
    done when the bundle was validated or installed.
    """
    report = Report(str(root))
    scan = check_folder(root, report, inspector, deep=deep)
    if not report.ok or scan.head is None or scan.head.fonts is None:
        raise BundleError(report)
    h = scan.head
    assert h.fonts is not None
    by_id = {e.id: e for e in scan.entities}
    return m.Bundle(
        root=root.resolve(),
        id=h.id,
        version=h.version,
        title=h.title,
        subtitle=h.subtitle,
        languages=h.languages,
        default_language=h.default_language,
        entities=tuple(by_id[i] for i in h.entity_ids),
        attract=h.attract,
        idle=h.idle,
        theme=h.theme,
        fonts=h.fonts,
        files=dict(scan.hashes),
        schedule=scan.schedule,
    )
