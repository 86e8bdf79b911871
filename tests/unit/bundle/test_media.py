"""The MP4 structure check tells a file cut short from a 'moov' box whose contents are
garbled (issue 11, item 27): staff copy the first again, and re-export the second."""

from __future__ import annotations

import random
import struct
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.bundle import init, validate
from kiosk.bundle.media import MediaError, mp4_info
from kiosk.paths import SAMPLE_BUNDLE

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
    for video in SAMPLE_BUNDLE.rglob("*.mp4"):
        assert "avc1" in mp4_info(video.read_bytes()).codecs
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
