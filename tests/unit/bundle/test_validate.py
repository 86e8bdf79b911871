"""One broken bundle per validation rule: the exact problem is reported, and nothing else.

The corpus is built by the tests from the output of ``kiosk bundle init``.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from kiosk.bundle import Report, validate
from kiosk.bundle.problems import Problem
from kiosk.bundle.scaffold import solid_png
from kiosk.paths import SAMPLE_BUNDLE
from tests.made_media import chunk, png_with_exif, with_exif
from tests.made_media import video as made_video

from .conftest import Check, edit

B = "bundle.toml"
E = "entities/example/entity.toml"

IMAGE_DEMO = """
[[demos]]
id = "second"
title = { ar = "عرض ثان", en = "Second demo" }
summary = { ar = "ملخص", en = "Summary" }

[[demos.screens]]
id = "shot"
kind = "image"
image = "slides/picture.png"
title = { ar = "اضغط الزر", en = "Tap the button" }

[[demos.screens.hotspots]]
rect = [0.1, 0.1, 0.2, 0.1]
target = "end"
hint = { ar = "الزر هنا", en = "The button is here" }
"""


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims a huge size, with a tiny (valid-CRC) body."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def jpeg_bytes(tmp: Path) -> bytes:
    img = QImage(640, 360, QImage.Format.Format_RGB32)
    img.fill(QColor("#8A1538"))
    path = tmp / "x.jpg"
    assert img.save(str(path), quality=85)  # JPEG: from the file name
    return path.read_bytes()


def sample_video() -> Path:
    videos = sorted(SAMPLE_BUNDLE.rglob("*.mp4"))
    assert videos, "the sample bundle ships videos"
    return videos[0]


def add_video_slide(root: Path, data: bytes, name: str = "clip.mp4") -> None:
    """A third slide (slides[2]) that plays ``entities/example/<name>``."""
    (root / "entities/example" / name).write_bytes(data)
    text = (root / E).read_text("utf-8")
    slide = f'\n[[slides]]\nid = "clip"\nkind = "video"\nvideo = "{name}"\n'
    (root / E).write_text(text.replace("[[demos]]", slide + "\n[[demos]]", 1), "utf-8")


Mutate = Callable[[Path], None]


def _syntax(r: Path) -> None:
    edit(r / B, 'version = "1.0.0"', 'version = 1.0.0"')


def _typo(r: Path) -> None:
    edit(r / E, "accent =", "acent =")


def _missing_ar(r: Path) -> None:
    edit(r / E, 'name = { ar = "جهة حكومية", en', "name = { en")


def _empty_en(r: Path) -> None:
    edit(r / E, 'en = "A caption for the picture"', 'en = "  "')


def _unknown_lang(r: Path) -> None:
    edit(r / E, 'en = "A government entity" }', 'en = "A government entity", fr = "Une entité" }')


def _bad_id(r: Path) -> None:
    edit(r / E, 'id = "welcome"', 'id = "Welcome Slide"')


def _dup_id(r: Path) -> None:
    edit(r / E, 'id = "picture"', 'id = "welcome"')


def _id_mismatch(r: Path) -> None:
    edit(r / E, 'id = "example"', 'id = "other"')


def _bad_colour(r: Path) -> None:
    edit(r / E, 'accent = "#0D6E6E"', 'accent = "teal"')


def _missing_file(r: Path) -> None:
    edit(r / E, 'image = "slides/picture.png"', 'image = "slides/nope.png"')


def _dotdot(r: Path) -> None:
    edit(r / E, 'image = "slides/picture.png"', 'image = "../../../etc/passwd"')
    (r / "entities/example/slides/picture.png").unlink()


def _absolute(r: Path) -> None:
    edit(r / E, 'image = "slides/picture.png"', 'image = "/etc/passwd"')
    (r / "entities/example/slides/picture.png").unlink()


def _write(rel: str, data: bytes) -> Mutate:
    def mutate(r: Path) -> None:
        (r / rel).write_bytes(data)

    return mutate


def _symlink_out(r: Path) -> None:
    (r / "entities/example/slides/link.png").symlink_to("/etc/passwd")


def _symlink_referenced(r: Path) -> None:
    pic = r / "entities/example/slides/picture.png"
    pic.unlink()
    pic.symlink_to("/etc/hostname")


def _png_as_jpg(r: Path) -> None:
    pic = r / "entities/example/slides/picture.png"
    pic.rename(pic.with_suffix(".jpg"))
    edit(r / E, 'image = "slides/picture.png"', 'image = "slides/picture.jpg"')


def _truncated_jpeg(r: Path) -> None:
    data = jpeg_bytes(r.parent)
    (r / "entities/example/slides/picture.png").unlink()
    (r / "entities/example/slides/picture.jpg").write_bytes(data[: len(data) // 2])
    edit(r / E, 'image = "slides/picture.png"', 'image = "slides/picture.jpg"')


def _huge_png(r: Path) -> None:
    (r / "entities/example/slides/picture.png").write_bytes(png_header_only(100_000, 100_000))


def _corrupt_png(r: Path) -> None:
    data = bytearray((r / "entities/example/slides/picture.png").read_bytes())
    data[60] ^= 0xFF  # inside IDAT: the CRC no longer matches
    (r / "entities/example/slides/picture.png").write_bytes(bytes(data))


def _truncated_video(r: Path) -> None:
    data = sample_video().read_bytes()
    add_video_slide(r, data[: len(data) // 2])


def _garbage_video(r: Path) -> None:
    data = bytearray(sample_video().read_bytes())
    # keep the box structure, destroy the coded frames
    mdat = data.find(b"mdat")
    for i in range(mdat + 8, len(data)):
        data[i] = (i * 7) & 0xFF
    add_video_slide(r, bytes(data))


def _hevc_video(r: Path) -> None:
    add_video_slide(r, sample_video().read_bytes().replace(b"avc1", b"hvc1"))


def _truncated_font(r: Path) -> None:
    f = r / "fonts/NotoSans-Regular.ttf"
    f.write_bytes(f.read_bytes()[:5000])


def _font_family(r: Path) -> None:
    edit(r / B, 'latin = "Noto Sans"', 'latin = "Comic Sans"')


def _bad_target(r: Path) -> None:
    edit(r / E, 'target = "end"', 'target = "nowhere"')


def _unreachable(r: Path) -> None:
    text = (r / E).read_text("utf-8")
    extra = (
        '\n[[demos.screens]]\nid = "orphan"\nkind = "form"\n'
        'title = { ar = "شاشة", en = "Screen" }\n'
        'items = [{ type = "button", label = { ar = "تم", en = "Done" }, target = "end" }]\n'
    )
    (r / E).write_text(text + extra, "utf-8")


def _no_end(r: Path) -> None:
    edit(r / E, 'target = "end"', 'target = "apply"')


def _bad_rect(r: Path) -> None:
    (r / E).write_text(
        (r / E).read_text("utf-8") + IMAGE_DEMO.replace("0.1, 0.1, 0.2", "0.9, 0.1, 0.2"), "utf-8"
    )


def _hotspot_target(r: Path) -> None:
    (r / E).write_text(
        (r / E).read_text("utf-8") + IMAGE_DEMO.replace('target = "end"', 'target = "x"'), "utf-8"
    )


def _no_hotspots(r: Path) -> None:
    demo = IMAGE_DEMO.split("[[demos.screens.hotspots]]")[0]
    (r / E).write_text((r / E).read_text("utf-8") + demo, "utf-8")


def _wrong_type(r: Path) -> None:
    edit(r / E, 'kind = "image"', 'kind = "image"\nduration = "long"')


def _range(r: Path) -> None:
    edit(r / B, "timeout = 60 ", "timeout = 1 ")


def _default_lang(r: Path) -> None:
    edit(r / B, 'default_language = "ar"', 'default_language = "fr"')


def _format(r: Path) -> None:
    edit(r / B, "format = 1", "format = 2")


def _ghost_entity(r: Path) -> None:
    edit(r / B, 'entities = ["example"]', 'entities = ["example", "ghost"]')


def _http_url(r: Path) -> None:
    edit(r / E, 'id = "first-demo"', 'id = "first-demo"\nservice_url = "http://example.org/x"')


def _text_no_body(r: Path) -> None:
    text = (r / E).read_text("utf-8")
    start = text.index("body = ")
    end = text.index("]\n", start) + 2
    (r / E).write_text(text[:start] + text[end:], "utf-8")


def _bad_version(r: Path) -> None:
    edit(r / B, 'version = "1.0.0"', 'version = "one"')


def _no_manifest(r: Path) -> None:
    (r / B).unlink()


def _wrong_kind(r: Path) -> None:
    (r / "entities/example/logo.png").unlink()
    (r / "entities/example/logo.ttf").write_bytes((r / "fonts/NotoSans-Regular.ttf").read_bytes())
    edit(r / E, 'logo = "logo.png"', 'logo = "logo.ttf"')


def _not_utf8(r: Path) -> None:
    (r / E).write_bytes((r / E).read_text("utf-8").encode("utf-16"))


def _as_slide(name: str, data: bytes) -> Mutate:
    """The picture slide shows ``slides/<name>`` (holding ``data``) instead of picture.png."""

    def mutate(r: Path) -> None:
        (r / "entities/example/slides/picture.png").unlink()
        (r / "entities/example/slides" / name).write_bytes(data)
        edit(r / E, 'image = "slides/picture.png"', f'image = "slides/{name}"')

    return mutate


WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 40
HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 40
WEBM = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm" + b"\x00" * 40

ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 57

CASES: list[tuple[str, Mutate, set[tuple[str, str, str]]]] = [
    ("toml-syntax", _syntax, {(B, "line 6, column 14", "syntax")}),
    ("typo-key", _typo, {(E, "acent", "unknown-key"), (E, "accent", "missing")}),
    ("missing-arabic", _missing_ar, {(E, "name.ar", "missing-text")}),
    ("empty-english", _empty_en, {(E, "slides[1].caption.en", "empty-text")}),
    ("unknown-language", _unknown_lang, {(E, "name.fr", "unknown-language")}),
    ("bad-id", _bad_id, {(E, "slides[0].id", "bad-id")}),
    ("duplicate-id", _dup_id, {(E, "slides[1].id", "duplicate-id")}),
    ("id-mismatch", _id_mismatch, {(E, "id", "id-mismatch")}),
    ("bad-colour", _bad_colour, {(E, "accent", "bad-colour")}),
    ("missing-file", _missing_file, {(E, "slides[1].image", "missing-file")}),
    ("dotdot-path", _dotdot, {(E, "slides[1].image", "path-outside")}),
    ("absolute-path", _absolute, {(E, "slides[1].image", "path-outside")}),
    (
        "qml-file",
        _write("entities/example/Evil.qml", b"import QtQuick\nItem {}\n"),
        {("entities/example/Evil.qml", "", "code")},
    ),
    ("js-file", _write("helpers.js", b"function f() {}\n"), {("helpers.js", "", "code")}),
    ("qmldir", _write("qmldir", b"module Evil\n"), {("qmldir", "", "code")}),
    ("python-file", _write("tool.py", b"import os\n"), {("tool.py", "", "code")}),
    (
        "elf-as-png",
        _write("entities/example/run.png", ELF),
        {("entities/example/run.png", "", "code")},
    ),
    ("script-as-txt", _write("notes.txt", b"#!/bin/sh\nrm -rf /\n"), {("notes.txt", "", "code")}),
    ("symlink-out", _symlink_out, {("entities/example/slides/link.png", "", "symlink")}),
    (
        "symlink-referenced",
        _symlink_referenced,
        {("entities/example/slides/picture.png", "", "symlink")},
    ),
    ("unknown-type", _write("brief.docx", b"PK\x03\x04"), {("brief.docx", "", "type")}),
    ("png-named-jpg", _png_as_jpg, {("entities/example/slides/picture.jpg", "", "type-mismatch")}),
    (
        "truncated-jpeg",
        _truncated_jpeg,
        {("entities/example/slides/picture.jpg", "", "media-damaged")},
    ),
    (
        "huge-png-header",
        _huge_png,
        {("entities/example/slides/picture.png", "", "image-too-large")},
    ),
    ("corrupt-png", _corrupt_png, {("entities/example/slides/picture.png", "", "media-damaged")}),
    ("truncated-video", _truncated_video, {("entities/example/clip.mp4", "", "media-damaged")}),
    ("garbage-video", _garbage_video, {("entities/example/clip.mp4", "", "media-damaged")}),
    ("hevc-video", _hevc_video, {("entities/example/clip.mp4", "", "media-damaged")}),
    ("webp-slide", _as_slide("picture.webp", WEBP), {(E, "slides[1].image", "format-unsupported")}),
    ("heic-as-jpg", _as_slide("photo.jpg", HEIC), {(E, "slides[1].image", "format-unsupported")}),
    (
        "webm-video",
        lambda r: add_video_slide(r, WEBM, "clip.webm"),
        {(E, "slides[2].video", "format-unsupported")},
    ),
    ("truncated-font", _truncated_font, {("fonts/NotoSans-Regular.ttf", "", "media-damaged")}),
    ("font-family", _font_family, {(B, "fonts.latin", "font-family")}),
    ("button-target", _bad_target, {(E, "demos[0].screens[0].items[2].target", "bad-target")}),
    ("unreachable-screen", _unreachable, {(E, "demos[0].screens[1]", "unreachable")}),
    ("no-end", _no_end, {(E, "demos[0].screens", "no-end")}),
    ("bad-rect", _bad_rect, {(E, "demos[1].screens[0].hotspots[0].rect", "bad-rect")}),
    (
        "hotspot-target",
        _hotspot_target,
        {(E, "demos[1].screens[0].hotspots[0].target", "bad-target")},
    ),
    ("no-hotspots", _no_hotspots, {(E, "demos[1].screens[0].hotspots", "missing")}),
    ("wrong-type", _wrong_type, {(E, "slides[1].duration", "type")}),
    ("out-of-range", _range, {(B, "idle.timeout", "range")}),
    ("default-language", _default_lang, {(B, "default_language", "bad-languages")}),
    ("format-version", _format, {(B, "format", "format")}),
    ("ghost-entity", _ghost_entity, {(B, "entities[1]", "missing-file")}),
    ("http-url", _http_url, {(E, "demos[0].service_url", "bad-url")}),
    ("text-no-body", _text_no_body, {(E, "slides[0]", "missing")}),
    ("bad-version", _bad_version, {(B, "version", "bad-version")}),
    ("no-manifest", _no_manifest, {(B, "", "no-manifest")}),
    ("wrong-kind", _wrong_kind, {(E, "logo", "wrong-kind")}),
    ("not-utf8", _not_utf8, {(E, "", "encoding")}),
]


@pytest.mark.parametrize(("name", "mutate", "expected"), CASES, ids=[c[0] for c in CASES])
def test_broken_bundle_reports_exactly_its_problem(
    name: str, mutate: Mutate, expected: set[tuple[str, str, str]], bundle_dir: Path, check: Check
) -> None:
    mutate(bundle_dir)
    report = check(bundle_dir)
    got = {(p.file, p.field, p.code) for p in report.errors}
    assert got == expected
    assert not report.ok
    for p in report.errors:
        # Every message names what is wrong and how to fix it, in words staff can act on.
        assert p.message and p.fix and len(p.fix) > 10


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 30


def test_init_bundle_is_valid(bundle_dir: Path, check: Check) -> None:
    report = check(bundle_dir)
    assert report.problems == []


def test_sample_bundle_is_valid_without_warnings(check: Check) -> None:
    report = check(SAMPLE_BUNDLE)
    assert [str(p) for p in report.problems] == []


def test_all_problems_are_reported_at_once(bundle_dir: Path, check: Check) -> None:
    _missing_ar(bundle_dir)
    _bad_colour(bundle_dir)
    _range(bundle_dir)
    (bundle_dir / "x.qml").write_text("Item {}")
    got = {(p.file, p.field) for p in check(bundle_dir).errors}
    assert got == {(E, "name.ar"), (E, "accent"), (B, "idle.timeout"), ("x.qml", "")}


def test_junk_files_are_a_warning_not_an_error(bundle_dir: Path, check: Check) -> None:
    (bundle_dir / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    report = check(bundle_dir)
    assert report.ok
    assert [(p.file, p.code) for p in report.warnings] == [(".DS_Store", "junk")]


def test_unused_media_is_a_warning(bundle_dir: Path, check: Check) -> None:
    (bundle_dir / "entities/example/spare.png").write_bytes(png_header_only(10, 10))
    report = check(bundle_dir)
    assert report.ok
    assert [(p.file, p.code) for p in report.warnings] == [("entities/example/spare.png", "unused")]


def test_missing_path_is_reported_not_raised(tmp_path: Path) -> None:
    report = validate(tmp_path / "nothing-here")
    assert [p.code for p in report.errors] == ["no-bundle"]


# --- fonts must draw text (issue 11, item 11) ---------------------------------------------------


class _GlyphSpy:
    """A Qt-free inspector that also draws samples: the core injects the check, and
    reports what it says, naming the file and the role."""

    def __init__(self, blank: set[str]) -> None:
        from kiosk.bundle.media import StructuralInspector

        self._structural = StructuralInspector()
        self.blank = blank
        self.samples: dict[str, str] = {}

    def decode_images(self, paths: list[Path]) -> dict[Path, str]:
        return {}

    def probe_videos(self, paths: list[Path]) -> dict[Path, str]:
        return {}

    def load_fonts(self, paths: list[Path]) -> tuple[dict[Path, str], set[str]]:
        return self._structural.load_fonts(paths)

    def check_glyphs(self, samples: list[tuple[Path, str]]) -> dict[Path, str]:
        self.samples = {p.name: text for p, text in samples}
        return {p: "its glyphs are empty" for p, _t in samples if p.name in self.blank}


@pytest.mark.parametrize(
    ("blank", "role"),
    [
        ("NotoSans-Regular.ttf", "fonts.latin 'Noto Sans'"),
        ("NotoNaskhArabic-Bold.ttf", "fonts.arabic 'Noto Naskh Arabic'"),
        ("NotoKufiArabic-Bold.ttf", "fonts.arabic_heading 'Noto Kufi Arabic'"),
    ],
)
def test_each_font_of_a_used_family_must_draw_its_roles_sample(
    bundle_dir: Path, blank: str, role: str
) -> None:
    from kiosk.bundle.media import ARABIC_SAMPLE, LATIN_SAMPLE

    spy = _GlyphSpy({blank})
    report = validate(bundle_dir, spy)
    assert spy.samples == {
        "NotoKufiArabic-Bold.ttf": ARABIC_SAMPLE,
        "NotoNaskhArabic-Bold.ttf": ARABIC_SAMPLE,
        "NotoNaskhArabic-Regular.ttf": ARABIC_SAMPLE,
        "NotoSans-Bold.ttf": LATIN_SAMPLE,
        "NotoSans-Regular.ttf": LATIN_SAMPLE,
    }
    [problem] = report.errors
    assert (problem.file, problem.code) == (f"fonts/{blank}", "font-glyphs")
    assert "its glyphs are empty" in problem.message and role in problem.message
    assert role.split(" ")[0] in problem.fix


# --- media as authors bring it (issue 13) -------------------------------------------------------

PICTURE = "entities/example/slides/picture.png"


def _one(report: Report, code: str) -> Problem:
    [problem] = [p for p in report.problems if p.code == code]
    return problem


def test_a_picture_too_small_for_its_slide_is_a_warning_with_the_size_it_needs(
    bundle_dir: Path, check: Check
) -> None:
    (bundle_dir / PICTURE).write_bytes(solid_png(320, 180, (200, 30, 60)))
    report = check(bundle_dir)
    assert report.ok
    p = _one(report, "image-small")
    assert (p.file, p.severity) == (PICTURE, "warning")
    assert "320x180" in p.message and "1920x1080" in p.message and "slides[1].image" in p.message
    assert "export it at least 1280x720" in p.fix


def test_a_logo_is_measured_against_its_own_box(bundle_dir: Path, check: Check) -> None:
    (bundle_dir / "entities/example/logo.png").write_bytes(solid_png(64, 64, (13, 110, 110)))
    report = check(bundle_dir)
    p = _one(report, "image-small")
    assert p.file == "entities/example/logo.png"
    assert "an entity logo" in p.message and "140x140" in p.message
    assert "at least 94x94" in p.fix
    (bundle_dir / "entities/example/logo.png").write_bytes(solid_png(128, 128, (13, 110, 110)))
    assert check(bundle_dir).problems == []


def test_a_portrait_photo_is_measured_as_the_kiosk_shows_it(bundle_dir: Path, check: Check) -> None:
    """640x360 stored, upright by its EXIF (6): shown 360x640, too small for a slide, and the
    message says both sizes."""
    (bundle_dir / PICTURE).unlink()
    (bundle_dir / "entities/example/slides/photo.jpg").write_bytes(
        with_exif(jpeg_bytes(bundle_dir.parent), 6, "MM")
    )
    edit(bundle_dir / E, 'image = "slides/picture.png"', 'image = "slides/photo.jpg"')
    p = _one(check(bundle_dir), "image-small")
    assert "360x640 pixels as shown (640x360 stored" in p.message
    assert "shown at 608x1080" in p.message and "at least 406x720" in p.fix


def test_a_png_that_asks_to_be_turned_is_a_warning(bundle_dir: Path, check: Check) -> None:
    (bundle_dir / PICTURE).write_bytes(png_with_exif(solid_png(1920, 1080, (9, 9, 9)), 6))
    p = _one(check(bundle_dir), "image-orientation")
    assert p.file == PICTURE and "EXIF orientation 6" in p.message and "on its side" in p.message
    assert f"ffmpeg -i {PICTURE} -vf transpose=1 entities/example/slides/picture-upright.png" in (
        p.fix
    )


def test_a_webp_slide_cannot_be_shown_and_the_fix_converts_it(bundle_dir: Path) -> None:
    _as_slide("picture.webp", WEBP)(bundle_dir)
    [p] = validate(bundle_dir).errors
    assert (p.file, p.field, p.code) == (E, "slides[1].image", "format-unsupported")
    assert "a WebP picture" in p.message and "cannot show it" in p.message
    src = "entities/example/slides/picture.webp"
    assert f"ffmpeg -i {src} entities/example/slides/picture.png" in p.fix
    assert 'set slides[1].image to "slides/picture.png"' in p.fix


def test_a_webp_saved_as_png_is_told_apart_and_renamed_in_the_fix(bundle_dir: Path) -> None:
    (bundle_dir / PICTURE).write_bytes(WEBP)
    [p] = validate(bundle_dir).errors
    assert p.code == "format-unsupported" and "whatever its name says" in p.message
    assert f"ffmpeg -i {PICTURE} entities/example/slides/picture-converted.png" in p.fix


def test_a_heic_photo_gets_the_heif_command(bundle_dir: Path) -> None:
    _as_slide("photo.heic", HEIC)(bundle_dir)
    [p] = validate(bundle_dir).errors
    assert "HEIC" in p.message
    assert "heif-convert entities/example/slides/photo.heic entities/example/slides/photo.jpg" in (
        p.fix
    )


def test_a_webm_video_cannot_be_played_and_the_fix_reencodes_it(bundle_dir: Path) -> None:
    add_video_slide(bundle_dir, WEBM, "clip.webm")
    [p] = validate(bundle_dir).errors
    assert (p.field, p.code) == ("slides[2].video", "format-unsupported")
    assert p.fix.startswith(
        "convert it, from the bundle folder: ffmpeg -i entities/example/clip.webm -c:v libx264 "
        "-profile:v main -crf 20 -pix_fmt yuv420p -movflags +faststart -c:a aac "
        "entities/example/clip.mp4"
    )


@pytest.mark.parametrize(
    ("name", "codes"), [("clip.mp4", []), ("clip.mov", ["format-unsupported"])]
)
def test_a_quicktime_file_named_mp4_is_played_as_one(
    bundle_dir: Path, name: str, codes: list[str]
) -> None:
    """Same boxes, so a QuickTime file named .mp4 plays; one named .mov is converted."""
    add_video_slide(
        bundle_dir, made_video(1280, 720, 25).replace(b"ftypisom", b"ftypqt  ", 1), name
    )
    assert [p.code for p in validate(bundle_dir).problems] == codes


@pytest.mark.parametrize("name", ["spare.webp", "spare.gif", "spare.webm", "spare.mov"])
def test_an_unused_file_the_kiosk_cannot_show_is_a_warning(bundle_dir: Path, name: str) -> None:
    head = {".webp": WEBP, ".gif": b"GIF89a" + b"\x00" * 20, ".webm": WEBM}
    data = head.get(Path(name).suffix, made_video(640, 360, 25).replace(b"isom", b"qt  ", 1))
    (bundle_dir / "entities/example" / name).write_bytes(data)
    report = validate(bundle_dir)
    assert report.ok
    [p] = report.warnings
    assert (p.file, p.code) == (f"entities/example/{name}", "format-unsupported")
    assert "no manifest uses it" in p.message and "ffmpeg -i" in p.fix


def test_a_heavy_video_is_a_warning_with_the_ffmpeg_line(bundle_dir: Path) -> None:
    add_video_slide(bundle_dir, made_video(3840, 2160, 60), "tour.mp4")
    report = validate(bundle_dir)
    assert report.ok
    p = _one(report, "video-heavy")
    assert p.file == "entities/example/tour.mp4"
    assert "3840x2160 at 60 fps" in p.message and "4K60 at about 21–24 fps" in p.message
    assert (
        'ffmpeg -i entities/example/tour.mp4 -vf "scale=1920:1080,fps=30" -c:v libx264 '
        "-profile:v main -crf 20 -preset slow -pix_fmt yuv420p -movflags +faststart -c:a aac "
        "entities/example/tour-1080p30.mp4"
    ) in p.fix


@pytest.mark.parametrize(
    "made",
    [made_video(1920, 1080, 30), made_video(1080, 1920, 30), made_video(1920, 1080, 30, 90)],
    ids=["1080p30", "portrait", "turned"],
)
def test_a_1080p30_video_is_not_heavy(bundle_dir: Path, made: bytes) -> None:
    add_video_slide(bundle_dir, made)
    assert validate(bundle_dir).problems == []


def test_the_hevc_message_gives_the_reencoding_line(bundle_dir: Path) -> None:
    _hevc_video(bundle_dir)
    [p] = validate(bundle_dir).errors
    assert "unsupported codec 'hvc1'" in p.message
    assert (
        "ffmpeg -i entities/example/clip.mp4 -c:v libx264 -profile:v main -crf 20 "
        "-pix_fmt yuv420p -movflags +faststart -c:a aac entities/example/clip-h264.mp4"
    ) in p.fix
