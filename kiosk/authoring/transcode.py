"""Re-encoding a video with ffmpeg, a separate program: progress, cancel, and a checked result.

Plain Python with no QObject: the studio runs :func:`transcode` in a worker thread
(``kiosk.qt.aio.to_thread``) and hands it a progress callback (called in that thread) and a
:class:`threading.Event` to cancel with. ffmpeg is started without a shell, reports on its
standard output (``-progress pipe:1``), and writes to a temporary file beside the target,
which takes the target's place only once ffmpeg succeeded and the result is an H.264 MP4.
"""

from __future__ import annotations

import os
import re
import selectors
import subprocess
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..bundle import media

CANCEL_POLL_S = 0.1
"""How often the pipes' reader looks at the cancel event (a kill is then immediate)."""


@dataclass(frozen=True)
class Progress:
    done_s: float
    """Seconds of the video encoded so far."""
    total_s: float | None
    """The video's length, once ffmpeg has said it; None before or when unknown."""
    finished: bool = False

    @property
    def fraction(self) -> float | None:
        """0 to 1, for a progress bar; None when the length is unknown (a busy bar)."""
        if self.finished:
            return 1.0
        if not self.total_s:
            return None
        return min(1.0, max(0.0, self.done_s / self.total_s))


class Cancelled(Exception):
    """The author cancelled: ffmpeg was stopped and nothing was left behind."""


class TranscodeFailed(Exception):
    """ffmpeg could not re-encode the file; the message names it, says why and the fix."""


_DURATION = re.compile(r"Duration:\s*(\d+):(\d\d):(\d\d(?:\.\d+)?)")


def parse_duration(line: str) -> float | None:
    """The length from ffmpeg's ``Duration: 00:01:02.50, start: ...`` line."""
    m = _DURATION.search(line)
    if not m:
        return None
    h, mi, s = m.groups()
    return int(h) * 3600 + int(mi) * 60 + float(s)


def parse_progress(lines: Iterable[str]) -> Iterable[tuple[float, bool]]:
    """(seconds done, finished) for each block of ``-progress`` output; a block is
    ``key=value`` lines ending with ``progress=continue`` or ``progress=end``."""
    done = 0.0
    for raw in lines:
        key, _, value = raw.strip().partition("=")
        if key in ("out_time_us", "out_time_ms"):  # both are microseconds (an old ffmpeg bug)
            if value.isdigit():  # N/A before the first frame
                done = max(done, int(value) / 1_000_000)
        elif key == "progress":
            yield done, value == "end"


def command(ffmpeg: str, source: Path, output: Path, options: Sequence[str]) -> list[str]:
    return [
        ffmpeg,
        "-hide_banner",
        "-nostdin",
        "-y",
        "-i",
        str(source),
        *options,
        "-progress",
        "pipe:1",
        "-nostats",
        "-f",
        "mp4",
        str(output),
    ]


def transcode(
    ffmpeg: str,
    source: Path,
    output: Path,
    options: Sequence[str],
    progress: Callable[[Progress], None] | None = None,
    cancel: threading.Event | None = None,
) -> None:
    """Re-encode ``source`` into ``output`` with ``options`` (see
    :func:`kiosk.authoring.media_in.video_options`). ``source`` is only read.

    Raises :class:`Cancelled` when ``cancel`` is set (ffmpeg is killed),
    :class:`TranscodeFailed` when ffmpeg fails or its result is not an H.264 MP4; either
    way no partial file is left."""
    part = output.with_name(f".{output.name}.part")
    cancel = cancel or threading.Event()
    try:
        proc = subprocess.Popen(
            command(ffmpeg, source, part, options),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
    except OSError as exc:
        raise TranscodeFailed(
            f"{source.name}: ffmpeg ({ffmpeg}) could not be started ({exc.strerror or exc}). "
            "Fix: install ffmpeg (https://ffmpeg.org/download.html), or set its path"
        ) from exc
    total: list[float] = []
    tail: deque[str] = deque(maxlen=8)
    try:
        for done, end in parse_progress(_output(proc, cancel, total, tail)):
            if progress is not None and not cancel.is_set():
                progress(Progress(done, total[0] if total else None, end))
        proc.wait()
    finally:
        if proc.poll() is None:  # the callback raised: stop ffmpeg too
            proc.kill()
            proc.wait()
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()
        if proc.returncode != 0 or cancel.is_set():
            part.unlink(missing_ok=True)
    if cancel.is_set():
        raise Cancelled(f"{source.name}: cancelled")
    if proc.returncode != 0:
        why = tail[-1] if tail else f"it stopped with code {proc.returncode}"
        raise TranscodeFailed(
            f"{source.name}: ffmpeg could not re-encode it ({why}). Fix: check that the file "
            "plays on this computer; if it does not, export it again from the program that "
            "made it, as H.264 + AAC in MP4"
        )
    _check(source, part)
    part.replace(output)


def _output(
    proc: subprocess.Popen[bytes], cancel: threading.Event, total: list[float], tail: deque[str]
) -> Iterator[str]:
    """ffmpeg's ``-progress`` lines (stdout), while its messages (stderr) are read for the
    video's length and the last words of a failure; both pipes in this one thread (the
    caller's worker), polled every CANCEL_POLL_S so that a cancel kills ffmpeg at once."""
    assert proc.stdout is not None and proc.stderr is not None
    pending = {proc.stdout.fileno(): b"", proc.stderr.fileno(): b""}
    out = proc.stdout.fileno()
    with selectors.DefaultSelector() as sel:
        for stream in (proc.stdout, proc.stderr):
            sel.register(stream, selectors.EVENT_READ)
        while sel.get_map():
            if cancel.is_set() and proc.poll() is None:
                proc.kill()
            for key, _ in sel.select(CANCEL_POLL_S):
                chunk = os.read(key.fd, 65536)
                if not chunk:
                    sel.unregister(key.fileobj)
                    lines, pending[key.fd] = [pending[key.fd]], b""
                else:
                    *lines, pending[key.fd] = (pending[key.fd] + chunk).split(b"\n")
                for raw in lines:
                    line = raw.decode("utf-8", "replace")
                    if key.fd == out:
                        yield line
                    else:
                        _note(line, total, tail)


def _note(line: str, total: list[float], tail: deque[str]) -> None:
    if not total:
        found = parse_duration(line)
        if found:
            total.append(found)
    if line.strip():
        tail.append(line.strip())


def _check(source: Path, part: Path) -> None:
    try:
        info = media.mp4_info(part.read_bytes())
    except (OSError, media.MediaError) as exc:
        part.unlink(missing_ok=True)
        raise TranscodeFailed(
            f"{source.name}: ffmpeg's result is not a video the kiosk plays ({exc}). Fix: "
            "install an ffmpeg built with libx264 (the one from https://ffmpeg.org/download.html)"
        ) from exc
    if info.heavy:  # options that do not lighten it would be a bug here, not the author's
        part.unlink(missing_ok=True)
        raise TranscodeFailed(
            f"{source.name}: ffmpeg's result is still {info.shown_width}x{info.shown_height}"
            f" at {info.fps or 0:.0f} frames a second. Fix: report this to the maintainers"
        )
