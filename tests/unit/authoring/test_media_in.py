"""The media policy: what happens to a file an author drops into the studio, read from its
headers (files made byte by byte: tests/made_media.py)."""

from __future__ import annotations

import shlex
from pathlib import Path, PurePosixPath

import pytest

from kiosk.authoring import media_in
from kiosk.authoring.media_in import Action, Role, plan, safe_stem
from kiosk.bundle import media
from kiosk.bundle.media import Kind
from tests.made_media import (
    app2_icc,
    box,
    icc_profile,
    iccp,
    jpeg,
    mp4,
    png,
    png_with_exif,
    video,
    video_trak,
    webp,
    with_exif,
)
from tests.made_qt_media import LANDSCAPE_VIDEO

FFMPEG = "/opt/ffmpeg/bin/ffmpeg"


@pytest.fixture
def entity(tmp_path: Path) -> Path:
    folder = tmp_path / "bundle" / "entities" / "mict"
    folder.mkdir(parents=True)
    return folder


def dropped(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / "desktop" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    return path


# --- names --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("IMG 0001.JPG", "img-0001"),
        ("Mawared Team Photo (1).jpeg", "mawared-team-photo-1"),
        ("Café_Doha.png", "cafe-doha"),
        ("صورة السحابة.jpg", ""),
        ("صورة 2015.jpg", "2015"),
        ("con.png", "con-file"),
        ("..\\..\\evil.png", "evil"),
    ],
)
def test_safe_stem_is_lower_case_ascii_without_spaces(name: str, stem: str) -> None:
    assert safe_stem(name) == stem


def test_an_arabic_name_becomes_a_numbered_slide(tmp_path: Path, entity: Path) -> None:
    src = dropped(tmp_path, "صورة السحابة.jpg", jpeg(800, 600))
    first = plan(src, entity, Role.SLIDE, None)
    assert first.target == PurePosixPath("slides/slide-1.jpg")
    (entity / "slides").mkdir()
    (entity / "slides" / "slide-1.jpg").write_bytes(b"taken")
    assert plan(src, entity, Role.SLIDE, None).target == PurePosixPath("slides/slide-2.jpg")


def test_a_name_collision_gets_2_then_3(tmp_path: Path, entity: Path) -> None:
    src = dropped(tmp_path, "Cloud Tour.jpg", jpeg(800, 600))
    (entity / "slides").mkdir()
    (entity / "slides" / "Cloud-Tour.JPG").write_bytes(b"taken")  # one file on a USB stick
    assert plan(src, entity, Role.SLIDE, None).target == PurePosixPath("slides/cloud-tour-2.jpg")
    (entity / "slides" / "cloud-tour-2.jpg").write_bytes(b"taken")
    assert plan(src, entity, Role.SLIDE, None).target == PurePosixPath("slides/cloud-tour-3.jpg")


def test_claim_never_overwrites_a_file_made_after_the_plan(tmp_path: Path, entity: Path) -> None:
    src = dropped(tmp_path, "cloud.jpg", jpeg(800, 600))
    p = plan(src, entity, Role.SLIDE, None)
    (entity / "slides").mkdir()
    (entity / "slides" / "cloud.jpg").write_bytes(b"someone else's")
    rel = media_in.claim(entity, p)
    assert rel == PurePosixPath("slides/cloud-2.jpg")
    assert (entity / "slides" / "cloud.jpg").read_bytes() == b"someone else's"
    assert (entity / rel).exists()


@pytest.mark.parametrize(
    ("role", "name", "data", "where"),
    [
        (Role.SLIDE, "a.jpg", jpeg(800, 600), "slides/a.jpg"),
        (Role.POSTER, "a.jpg", jpeg(800, 600), "slides/a.jpg"),
        (Role.SCREEN, "Screen 1.png", png(1920, 1080), "demo/screen-1.png"),
        (Role.LOGO, "MICT emblem.png", png(512, 512, colour_type=6), "logo.png"),
        (Role.SLIDE, "Tour.mp4", LANDSCAPE_VIDEO.read_bytes(), "videos/tour.mp4"),
    ],
)
def test_the_folder_follows_the_role_as_in_the_sample_bundle(
    tmp_path: Path, entity: Path, role: Role, name: str, data: bytes, where: str
) -> None:
    assert plan(dropped(tmp_path, name, data), entity, role, None).target == PurePosixPath(where)


def test_a_second_logo_does_not_replace_the_first(tmp_path: Path, entity: Path) -> None:
    (entity / "logo.png").write_bytes(b"the old logo")
    p = plan(dropped(tmp_path, "new.png", png(512, 512)), entity, Role.LOGO, None)
    assert p.target == PurePosixPath("logo-2.png")


# --- pictures -----------------------------------------------------------------------------------


def test_a_plain_jpeg_and_png_are_kept(tmp_path: Path, entity: Path) -> None:
    for name, data in (("photo.jpg", jpeg(1920, 1080)), ("shot.png", png(1920, 1080))):
        p = plan(dropped(tmp_path, name, data), entity, Role.SLIDE, None)
        assert p.action is Action.KEEP, p.message
        assert p.message.endswith("copied as it is")


def test_an_exif_turned_jpeg_is_converted_upright(tmp_path: Path, entity: Path) -> None:
    p = plan(dropped(tmp_path, "p.jpg", with_exif(jpeg(4000, 3000), 6)), entity, Role.SLIDE, None)
    assert p.action is Action.CONVERT
    assert p.picture is not None and p.picture.turn == 1  # Qt's auto-transform turns a JPEG
    assert "turned upright (its EXIF orientation 6)" in p.why
    assert "scaled down from 3000x4000 to 2880x3840" in p.why  # the size as shown


def test_a_png_exif_orientation_is_applied_by_the_normaliser(tmp_path: Path, entity: Path) -> None:
    p = plan(dropped(tmp_path, "p.png", png_with_exif(png(60, 80), 6)), entity, Role.SLIDE, None)
    assert p.action is Action.CONVERT
    assert p.picture is not None and p.picture.turn == 6
    assert p.picture.output is Kind.PNG


def test_cmyk_and_deep_pictures_are_converted(tmp_path: Path, entity: Path) -> None:
    cmyk = plan(
        dropped(tmp_path, "print.jpg", jpeg(800, 600, components=4)), entity, Role.SLIDE, None
    )
    assert cmyk.action is Action.CONVERT
    assert cmyk.why == ("CMYK (print colours) converted to sRGB",)
    assert cmyk.target == PurePosixPath("slides/print.jpg")
    deep = plan(dropped(tmp_path, "deep.png", png(800, 600, depth=16)), entity, Role.SLIDE, None)
    assert deep.why == ("more than 8 bits a channel, converted to 8-bit",)
    twelve = plan(dropped(tmp_path, "12.jpg", jpeg(80, 60, precision=12)), entity, Role.SLIDE, None)
    assert twelve.action is Action.CONVERT


def test_a_5000_pixel_picture_is_scaled_to_3840(tmp_path: Path, entity: Path) -> None:
    p = plan(dropped(tmp_path, "wide.jpg", jpeg(5000, 2500)), entity, Role.SLIDE, None)
    assert p.action is Action.CONVERT
    assert p.why == ("scaled down from 5000x2500 to 3840x1920",)
    assert p.picture is not None and p.picture.max_side == 3840


def test_colour_profiles_other_than_srgb_are_converted(tmp_path: Path, entity: Path) -> None:
    srgb = icc_profile(b"RGB ", "sRGB IEC61966-2.1")
    p3 = icc_profile(b"RGB ", "Display P3")
    cases = {
        "srgb.jpg": (jpeg(800, 600, app2_icc(srgb)), Action.KEEP),
        "p3.jpg": (jpeg(800, 600, app2_icc(p3)), Action.CONVERT),
        "srgb.png": (png(800, 600, iccp(srgb)), Action.KEEP),
        "p3.png": (png(800, 600, iccp(p3)), Action.CONVERT),
    }
    for name, (data, action) in cases.items():
        p = plan(dropped(tmp_path, name, data), entity, Role.SLIDE, None)
        assert p.action is action, name
    p = plan(dropped(tmp_path, "p3.png", png(8, 6, iccp(p3))), entity, Role.SLIDE, None)
    assert p.why == ("its colours (Display P3) converted to sRGB",)


@pytest.mark.parametrize(
    ("data", "role", "output"),
    [
        (webp(b"VP8 "), Role.SLIDE, ".jpg"),  # lossy: a photo
        (webp(b"VP8L"), Role.SLIDE, ".png"),  # lossless: graphics
        (webp(b"VP8 ", alpha=True), Role.SLIDE, ".png"),  # transparency is kept
        (webp(b"VP8 "), Role.SCREEN, ".png"),  # a screenshot's text stays sharp
        (webp(b"VP8 "), Role.LOGO, ".png"),
    ],
)
def test_a_webp_becomes_a_png_or_a_jpeg(
    tmp_path: Path, entity: Path, data: bytes, role: Role, output: str
) -> None:
    p = plan(dropped(tmp_path, "Pic.webp", data), entity, role, None)
    assert p.action is Action.CONVERT
    assert p.target is not None and p.target.suffix == output
    assert p.picture is not None and not p.picture.sized  # the normaliser reports a scale


def test_heic_is_refused_with_the_command_that_converts_it(tmp_path: Path, entity: Path) -> None:
    heic = box(b"ftyp", b"heic", b"\0\0\0\0", b"mif1heic") + b"\0" * 32
    p = plan(dropped(tmp_path, "IMG_7.HEIC", heic), entity, Role.SLIDE, None)
    assert p.action is Action.REFUSE
    assert p.message.startswith("IMG_7.HEIC: it is a HEIC/HEIF picture")
    assert "heif-convert IMG_7.HEIC IMG_7.jpg" in p.fix


def test_a_damaged_or_unknown_file_is_refused_by_name(tmp_path: Path, entity: Path) -> None:
    cut = jpeg(800, 600)[:-2]
    p = plan(dropped(tmp_path, "cut.jpg", cut), entity, Role.SLIDE, None)
    assert p.action is Action.REFUSE
    assert "cut.jpg: the picture is damaged" in p.message
    assert "export it" in p.fix
    doc = plan(dropped(tmp_path, "notes.docx", b"PK\x03\x04..."), entity, Role.SLIDE, None)
    assert doc.action is Action.REFUSE and doc.message.startswith("notes.docx: it is not")
    gone = plan(tmp_path / "gone.png", entity, Role.SLIDE, None)
    assert gone.action is Action.REFUSE and "cannot be read" in gone.problem


# --- videos -------------------------------------------------------------------------------------


def test_an_h264_mp4_is_kept(entity: Path) -> None:
    p = plan(LANDSCAPE_VIDEO, entity, Role.SLIDE, FFMPEG)
    assert p.action is Action.KEEP
    assert p.target == PurePosixPath("videos/landscape-192x108.mp4")


def test_a_heavy_mp4_is_transcoded_with_the_validators_line(tmp_path: Path, entity: Path) -> None:
    src = dropped(tmp_path, "Launch 4K.mp4", video(3840, 2160, 60))
    p = plan(src, entity, Role.SLIDE, FFMPEG)
    assert p.action is Action.TRANSCODE and p.ffmpeg == FFMPEG
    assert p.target == PurePosixPath("videos/launch-4k.mp4")
    assert "3840x2160 at 60 frames a second" in p.why[0]
    info = media.mp4_info(src.read_bytes())
    line = shlex.split(media.lighter_video_command(info, "in.mp4", "out.mp4"))
    assert line == ["ffmpeg", "-i", "in.mp4", *p.video, "out.mp4"]


def test_a_video_in_another_format_is_transcoded_when_ffmpeg_is_there(
    tmp_path: Path, entity: Path
) -> None:
    webm = b"\x1a\x45\xdf\xa3" + b"\x00" * 60
    mov = box(b"ftyp", b"qt  ", b"\0\0\0\0", b"qt  ") + box(b"mdat", b"\0" * 16)
    hevc = mp4(video_trak(1920, 1080, 25, codec=b"hvc1"))
    for name, data in (("a.webm", webm), ("b.mov", mov), ("c.mp4", hevc)):
        p = plan(dropped(tmp_path, name, data), entity, Role.SLIDE, FFMPEG)
        assert p.action is Action.TRANSCODE, name
        assert p.target is not None and p.target.suffix == ".mp4"
        vf = p.video[p.video.index("-vf") + 1]
        assert "force_original_aspect_ratio=decrease" in vf  # at most 1080p, never enlarged
        assert p.video[p.video.index("-fpsmax") + 1] == "30"
        for option in ("libx264", "main", "yuv420p", "+faststart", "aac"):
            assert option in p.video


def test_without_ffmpeg_a_video_is_refused_with_the_fix(tmp_path: Path, entity: Path) -> None:
    src = dropped(tmp_path, "Booth Tour.mov", box(b"ftyp", b"qt  ", b"\0\0\0\0") + b"\0" * 8)
    p = plan(src, entity, Role.SLIDE, None)
    assert p.action is Action.REFUSE
    assert p.message.startswith("Booth Tour.mov: a QuickTime (.mov) video")
    assert "ffmpeg, which would re-encode it, is not installed" in p.problem
    assert "install ffmpeg" in p.fix
    assert "ffmpeg -i 'Booth Tour.mov' -vf" in p.fix
    assert p.fix.endswith("then add booth-tour.mp4")


def test_a_damaged_mp4_or_a_video_logo_is_refused(tmp_path: Path, entity: Path) -> None:
    cut = LANDSCAPE_VIDEO.read_bytes()[:-100]
    p = plan(dropped(tmp_path, "cut.mp4", cut), entity, Role.SLIDE, FFMPEG)
    assert p.action is Action.REFUSE and "cut.mp4: the video is damaged" in p.message
    logo = plan(LANDSCAPE_VIDEO, entity, Role.LOGO, FFMPEG)
    assert logo.action is Action.REFUSE
    assert logo.problem == "it is a video, and a logo must be a picture"
