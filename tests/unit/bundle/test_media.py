"""The header checks of media files.

The MP4 structure check tells a file cut short from a 'moov' box whose contents are garbled
(issue 11, item 27): staff copy the first again, and re-export the second. Pictures are
measured as shown (EXIF orientation), videos by their size and frame rate, and the formats
authors bring that the kiosk cannot show are told apart by content (issue 13)."""

from __future__ import annotations

import contextlib
import random
import struct
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.bundle import init, validate
from kiosk.bundle.media import (
    CONVERSIONS,
    SCREEN,
    ImageInfo,
    Kind,
    MediaError,
    conversion_command,
    jpeg_info,
    lighter_video_command,
    mp4_info,
    png_info,
    sniff,
    too_small,
)
from kiosk.bundle.scaffold import solid_png
from kiosk.paths import SAMPLE_BUNDLE
from tests.made_media import (
    app1,
    box,
    exif_block,
    jpeg,
    mp4,
    png_with_exif,
    tkhd,
    video,
    video_trak,
    with_exif,
)

VIDEO = sorted(SAMPLE_BUNDLE.rglob("*.mp4"))[0].read_bytes()


def _top(data: bytes) -> dict[bytes, tuple[int, int]]:
    boxes, pos = {}, 0
    while pos < len(data):
        size, btype = struct.unpack(">I4s", data[pos : pos + 8])
        boxes[btype] = (pos, size)
        pos += size
    return boxes


def _set(data: bytes, at: int, value: bytes) -> bytes:
    return data[:at] + value + data[at + len(value) :]


def _inner(data: bytes, btype: bytes) -> int:
    """Where the first box of this type (inside moov) starts."""
    at = data.find(btype, _top(data)[b"moov"][0]) - 4
    assert at > 0
    return at


def _random_moov(data: bytes) -> bytes:
    pos, size = _top(data)[b"moov"]
    noise = random.Random(27).randbytes(size - 8)
    return data[: pos + 8] + noise + data[pos + size :]


def _moov_last(data: bytes) -> bytes:
    top = _top(data)
    return (
        b"".join(data[p : p + n] for t, (p, n) in top.items() if t != b"moov")
        + data[top[b"moov"][0] : top[b"moov"][0] + top[b"moov"][1]]
    )


GARBLED: dict[str, Callable[[bytes], bytes]] = {
    "moov contents random": _random_moov,
    "trak size huge": lambda d: _set(d, _inner(d, b"trak"), struct.pack(">I", 0x7FFF_FFFF)),
    "trak size below its header": lambda d: _set(d, _inner(d, b"trak"), struct.pack(">I", 3)),
    "mvhd type zeroed": lambda d: _set(d, _inner(d, b"mvhd") + 4, b"\x00\x00\x00\x00"),
    "mdia type garbage": lambda d: _set(d, _inner(d, b"mdia") + 4, b"\xde\xad\xbe\xef"),
    "stsd entry size huge": lambda d: _set(d, _inner(d, b"stsd") + 16, struct.pack(">I", 1 << 30)),
    "moov size shrunk": lambda d: _set(
        d, _top(d)[b"moov"][0], struct.pack(">I", _top(d)[b"moov"][1] - 300)
    ),
}

TRUNCATED: dict[str, Callable[[bytes], bytes]] = {
    "cut in the middle": lambda d: d[: len(d) // 2],
    "cut inside a moov at the end": lambda d: _moov_last(d)[:-500],
}


@pytest.mark.parametrize("kind", sorted(GARBLED))
def test_a_garbled_moov_is_called_damaged_not_truncated(kind: str) -> None:
    with pytest.raises(MediaError) as caught:
        mp4_info(GARBLED[kind](VIDEO))
    message = str(caught.value)
    assert "damaged" in message and "garbled" in message, message
    assert "truncated" not in message and "incomplete" not in message


@pytest.mark.parametrize("kind", sorted(TRUNCATED))
def test_a_file_cut_short_is_still_called_truncated(kind: str) -> None:
    with pytest.raises(MediaError, match="truncated"):
        mp4_info(TRUNCATED[kind](VIDEO))


def test_a_file_cut_before_its_moov_is_incomplete() -> None:
    data = _moov_last(VIDEO)
    with pytest.raises(MediaError, match="'moov' box is missing: the file is incomplete"):
        mp4_info(data[: _top(data)[b"moov"][0]])


def test_the_sound_videos_pass() -> None:
    for path in SAMPLE_BUNDLE.rglob("*.mp4"):
        assert "avc1" in mp4_info(path.read_bytes()).codecs
    assert "avc1" in mp4_info(_moov_last(VIDEO)).codecs


def test_validate_names_the_damaged_video(tmp_path: Path) -> None:
    root = tmp_path / "b"
    init(root)
    (root / "entities/example/clip.mp4").write_bytes(_random_moov(VIDEO))
    ent = root / "entities/example/entity.toml"
    slide = '\n[[slides]]\nid = "clip"\nkind = "video"\nvideo = "clip.mp4"\n'
    ent.write_text(ent.read_text("utf-8").replace("[[demos]]", slide + "\n[[demos]]", 1), "utf-8")
    [problem] = validate(root).errors
    assert problem.file == "entities/example/clip.mp4"
    assert "index (its 'moov' box) is damaged" in problem.message


# --- EXIF orientation (issue 13) ----------------------------------------------------------------


@pytest.mark.parametrize("order", ["II", "MM"])
@pytest.mark.parametrize("orientation", range(1, 9))
def test_a_jpeg_is_measured_as_its_exif_orientation_shows_it(orientation: int, order: str) -> None:
    info = jpeg_info(with_exif(jpeg(640, 360), orientation, order))
    assert (info.width, info.height, info.orientation) == (640, 360, orientation)
    turned = orientation >= 5
    assert (info.shown_width, info.shown_height) == ((360, 640) if turned else (640, 360))


def test_only_the_first_exif_segment_counts_and_xmp_is_not_exif() -> None:
    xmp = app1(b"http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta/>")
    first = app1(b"Exif\x00\x00" + exif_block(8, "MM"))
    second = app1(b"Exif\x00\x00" + exif_block(3))
    assert jpeg_info(jpeg(640, 360, xmp, first, second)).orientation == 8


def _exif(body: bytes) -> bytes:
    return jpeg(640, 360, app1(b"Exif\x00\x00" + body))


DAMAGED_EXIF = {
    "no TIFF header": b"",
    "unknown byte order": b"XX*\x00\x08\x00\x00\x00",
    "IFD offset past the end": b"II*\x00" + struct.pack("<I", 10_000),
    "IFD cut inside its count": b"II*\x00\x08\x00\x00\x00\x05",
    "IFD claims more entries than it holds": exif_block(6)[:8] + struct.pack("<H", 400),
    "orientation of the wrong type": exif_block(6, tag_type=4),
    "orientation 0": exif_block(0),
    "orientation 9": exif_block(9, "MM"),
    "cut inside the orientation entry": exif_block(6)[:30],
}


@pytest.mark.parametrize("kind", sorted(DAMAGED_EXIF))
def test_a_damaged_exif_block_means_upright_not_a_refused_photo(kind: str) -> None:
    info = jpeg_info(_exif(DAMAGED_EXIF[kind]))
    assert (info.orientation, info.shown_width, info.shown_height) == (1, 640, 360)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=80))
def test_any_exif_bytes_give_an_orientation_or_media_error(body: bytes) -> None:
    for data in (_exif(body), _exif(b"II*\x00" + body), _exif(b"MM\x00*" + body)):
        assert 1 <= jpeg_info(data).orientation <= 8


def test_a_frame_header_too_short_is_damage_not_a_crash() -> None:
    data = b"\xff\xd8\xff\xc0\x00\x04\x08\x00\xff\xd9"
    with pytest.raises(MediaError, match="frame header is too short"):
        jpeg_info(data)


def test_a_png_states_its_orientation_but_is_shown_as_stored() -> None:
    """Qt 6.11 turns JPEGs by their EXIF, not PNGs by their eXIf chunk: the kiosk shows a
    PNG's pixels as stored, so its size is the stored one (and the validator warns)."""
    info = png_info(png_with_exif(solid_png(64, 32, (1, 2, 3)), 6))
    assert (info.stated_orientation, info.orientation) == (6, 1)
    assert (info.shown_width, info.shown_height) == (64, 32)
    assert png_info(png_with_exif(solid_png(8, 8, (0, 0, 0)), 1, "II")).stated_orientation == 1


# --- pictures too small for their space ---------------------------------------------------------


def test_a_small_picture_is_measured_against_the_1080p_screen() -> None:
    fill = too_small(ImageInfo(320, 180), SCREEN)
    assert fill is not None
    assert (fill.shown, fill.least, fill.scale) == ((1920, 1080), (1280, 720), 6.0)
    assert too_small(ImageInfo(1280, 720), SCREEN) is None
    assert too_small(ImageInfo(1279, 719), SCREEN) is not None


def test_a_portrait_photo_is_measured_upright() -> None:
    # 1280x720 stored, turned upright by its EXIF: 720x1280 fills the 1080 px height
    assert too_small(ImageInfo(1280, 720, 6, 6), SCREEN) is None
    fill = too_small(ImageInfo(640, 360, 6, 6), SCREEN)
    assert fill is not None and fill.shown == (608, 1080) and fill.least == (406, 720)


# --- formats the kiosk cannot show --------------------------------------------------------------

HEADS = {
    "webp": (b"RIFF\x24\x00\x00\x00WEBPVP8 ", Kind.WEBP),
    "gif": (b"GIF89a\x10\x00\x10\x00", Kind.GIF),
    "webm": (b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm", Kind.WEBM),
    "heic": (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", Kind.HEIC),
    "heif by its brands": (b"\x00\x00\x00\x18ftypmif1\x00\x00\x00\x00mif1heic", Kind.HEIC),
    "avif": (b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf", Kind.AVIF),
    "mov": (b"\x00\x00\x00\x14ftypqt  \x00\x00\x02\x00qt  ", Kind.MOV),
    "mp4": (b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41", Kind.MP4),
}


@pytest.mark.parametrize("name", sorted(HEADS))
def test_formats_are_told_apart_by_content(name: str) -> None:
    head, kind = HEADS[name]
    assert sniff(head + b"\x00" * 32) is kind


def test_each_format_the_kiosk_cannot_show_has_its_exact_command() -> None:
    assert conversion_command(Kind.WEBP, "a/slide.webp", "a/slide.png") == (
        "ffmpeg -i a/slide.webp a/slide.png"
    )
    assert conversion_command(Kind.WEBM, "clip.webm", "clip.mp4") == (
        "ffmpeg -i clip.webm -c:v libx264 -profile:v main -crf 20 -pix_fmt yuv420p "
        "-movflags +faststart -c:a aac clip.mp4"
    )
    assert conversion_command(Kind.HEIC, "my photo.heic", "my photo.jpg").startswith(
        "heif-convert 'my photo.heic' 'my photo.jpg'"
    )
    assert set(CONVERSIONS) == {Kind.WEBP, Kind.GIF, Kind.HEIC, Kind.AVIF, Kind.WEBM, Kind.MOV}


# --- video size and frame rate ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("made", "shown", "fps", "heavy"),
    [
        (video(3840, 2160, 60), (3840, 2160), 60, True),
        (video(1920, 1080, 30), (1920, 1080), 30, False),
        (video(1080, 1920, 30), (1080, 1920), 30, False),
        (video(1920, 1080, 30, rotation=90), (1080, 1920), 30, False),
        (video(1920, 1080, 30, rotation=270), (1080, 1920), 30, False),
        (video(1920, 1080, 60), (1920, 1080), 60, True),
        (video(2560, 1440, 25), (2560, 1440), 25, True),
        (video(1920, 1200, 30), (1920, 1200), 30, True),
        (mp4(video_trak(1280, 720, 25, header=tkhd(1280, 720, version=1))), (1280, 720), 25, False),
    ],
)
def test_a_videos_shown_size_and_frame_rate_are_read(
    made: bytes, shown: tuple[int, int], fps: float, heavy: bool
) -> None:
    info = mp4_info(made)
    assert (info.shown_width, info.shown_height) == shown
    assert info.fps == pytest.approx(fps, rel=0.01)
    assert info.heavy is heavy


def test_the_sample_videos_are_light() -> None:
    for path in SAMPLE_BUNDLE.rglob("*.mp4"):
        info = mp4_info(path.read_bytes())
        assert info.width and info.fps and not info.heavy, (path, info)


def test_a_heavy_video_gets_the_exact_ffmpeg_line() -> None:
    assert lighter_video_command(mp4_info(video(3840, 2160, 60)), "v/tour.mp4", "v/out.mp4") == (
        'ffmpeg -i v/tour.mp4 -vf "scale=1920:1080,fps=30" -c:v libx264 -profile:v main -crf 20 '
        "-preset slow -pix_fmt yuv420p -movflags +faststart -c:a aac v/out.mp4"
    )
    portrait = mp4_info(video(3840, 2160, 30, rotation=90))  # a phone held upright, in 4K
    assert (portrait.shown_width, portrait.shown_height) == (2160, 3840)
    assert '-vf "scale=1080:1920" ' in lighter_video_command(portrait, "a.mp4", "b.mp4")
    assert '-vf "fps=30" ' in lighter_video_command(mp4_info(video(1920, 1080, 60)), "a", "b")


DAMAGED_TRACKS = {
    "tkhd cut short": video_trak(1920, 1080, 30, header=box(b"tkhd", b"\x00" * 40)),
    "tkhd empty": video_trak(1920, 1080, 30, header=box(b"tkhd")),
    "tkhd of an unknown version": video_trak(
        1920, 1080, 30, header=box(b"tkhd", b"\x07" + b"\x00" * 95)
    ),
    "stts cut short": video_trak(1920, 1080, 30, timing=box(b"stts", b"\x00" * 5)),
    "stts claims more entries than it holds": video_trak(
        1920,
        1080,
        30,
        timing=box(b"stts", b"\x00" * 4, struct.pack(">I", 1 << 30), b"\x00" * 8),
    ),
}


@pytest.mark.parametrize("kind", sorted(DAMAGED_TRACKS))
def test_a_damaged_track_header_or_timing_table_is_named(kind: str) -> None:
    with pytest.raises(MediaError) as caught:
        mp4_info(mp4(DAMAGED_TRACKS[kind]))
    message = str(caught.value)
    assert "damaged" in message and "garbled" in message, message
    assert ("'tkhd'" if "tkhd" in kind else "'stts'") in message


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_any_cut_of_a_track_header_is_media_error_or_sound(data: st.DataObject) -> None:
    whole = tkhd(3840, 2160, 90)
    cut = data.draw(st.integers(8, len(whole)))
    noise = data.draw(st.binary(max_size=12))
    header = box(b"tkhd", (whole[8:cut] + noise)[: len(whole) - 8])
    with contextlib.suppress(MediaError):
        mp4_info(mp4(video_trak(3840, 2160, 60, header=header)))
