"""Re-encoding a video with ffmpeg: the arguments, progress, cancel, failures. ffmpeg is a
fake written by the test (tests/fake_ffmpeg.py): CI has none, and what is tested is how the
transcoder talks to the program."""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

import pytest

from kiosk.authoring.media_in import video_options
from kiosk.authoring.transcode import (
    Cancelled,
    Progress,
    TranscodeFailed,
    parse_duration,
    parse_progress,
    transcode,
)
from kiosk.bundle import media
from tests.fake_ffmpeg import fake_ffmpeg

OPTIONS = video_options(None)


def source(tmp_path: Path) -> Path:
    path = tmp_path / "in" / "Booth Tour.mov"
    path.parent.mkdir()
    path.write_bytes(b"\0\0\0\x14ftypqt  \0\0\0\0qt  " + b"\0" * 64)
    return path


def test_ffmpeg_lines_are_read() -> None:
    assert parse_duration("  Duration: 01:02:03.50, start: 0.000000, bitrate: 1 kb/s") == 3723.5
    assert parse_duration("  Duration: N/A, bitrate: N/A") is None
    lines = ["out_time_us=N/A", "progress=continue", "out_time_us=1500000", "speed=1x"]
    lines += ["progress=continue", "out_time_ms=3000000", "progress=end"]
    assert list(parse_progress(lines)) == [(0.0, False), (1.5, False), (3.0, True)]
    assert Progress(5, 10).fraction == 0.5
    assert Progress(5, None).fraction is None  # the length is not known yet: a busy bar
    assert Progress(9.9, 10, finished=True).fraction == 1.0


def test_the_video_is_transcoded_with_progress(tmp_path: Path) -> None:
    fake = fake_ffmpeg(tmp_path / "bin")
    src = source(tmp_path)
    before = hashlib.sha256(src.read_bytes()).hexdigest()
    out = tmp_path / "bundle" / "booth-tour.mp4"
    out.parent.mkdir()
    seen: list[Progress] = []
    transcode(str(fake.program), src, out, OPTIONS, seen.append)

    assert [p.done_s for p in seen] == [0.0, 2.5, 5.0, 7.5, 10.0]
    assert seen[-1].finished and seen[-1].fraction == 1.0
    for p in seen[:-1]:  # the length arrives on stderr, read beside stdout
        assert p.fraction is None or p.fraction == p.done_s / 10
    assert media.mp4_info(out.read_bytes()).codecs[0] == "avc1"
    assert hashlib.sha256(src.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in out.parent.iterdir()) == ["booth-tour.mp4"]

    args = fake.args
    assert args[args.index("-i") + 1] == str(src)  # one argument, spaces and all: no shell
    assert args[args.index("-progress") + 1] == "pipe:1"
    assert list(OPTIONS) == args[args.index(str(src)) + 1 : args.index("-progress")]
    assert args[-3:-1] == ["-f", "mp4"] and args[-1].endswith(".booth-tour.mp4.part")


def test_cancel_kills_ffmpeg_and_leaves_nothing(tmp_path: Path) -> None:
    fake = fake_ffmpeg(tmp_path / "bin", "hang")
    out = tmp_path / "booth-tour.mp4"
    cancel = threading.Event()

    def on_progress(p: Progress) -> None:
        if p.done_s >= 2.5:  # the author presses Cancel while it runs
            cancel.set()

    with pytest.raises(Cancelled, match=r"Booth Tour\.mov: cancelled"):
        transcode(str(fake.program), source(tmp_path), out, OPTIONS, on_progress, cancel)
    pid = int(fake.pid.read_text())
    with pytest.raises(ProcessLookupError):  # killed and reaped
        os.kill(pid, 0)
    assert not out.exists() and not list(tmp_path.glob(".*.part"))


def test_an_ffmpeg_failure_names_the_file_and_the_fix(tmp_path: Path) -> None:
    fake = fake_ffmpeg(tmp_path / "bin", "fail")
    out = tmp_path / "booth-tour.mp4"
    with pytest.raises(TranscodeFailed) as failed:
        transcode(str(fake.program), source(tmp_path), out, OPTIONS)
    message = str(failed.value)
    assert message.startswith("Booth Tour.mov: ffmpeg could not re-encode it (")
    assert "Invalid data found when processing input" in message
    assert "Fix: check that the file plays" in message
    assert not out.exists() and not list(tmp_path.glob(".*.part"))


def test_a_result_that_is_not_a_video_is_not_kept(tmp_path: Path) -> None:
    fake = fake_ffmpeg(tmp_path / "bin", "garbage")
    out = tmp_path / "booth-tour.mp4"
    with pytest.raises(TranscodeFailed, match="not a video the kiosk plays"):
        transcode(str(fake.program), source(tmp_path), out, OPTIONS)
    assert not out.exists() and not list(tmp_path.glob(".*.part"))


def test_a_missing_ffmpeg_says_how_to_install_it(tmp_path: Path) -> None:
    with pytest.raises(TranscodeFailed, match=r"could not be started.*install ffmpeg"):
        transcode(
            str(tmp_path / "nowhere" / "ffmpeg"), source(tmp_path), tmp_path / "o.mp4", OPTIONS
        )
