"""A stand-in for ffmpeg, written by a test: CI has no ffmpeg, and the transcoder's work is
talking to it (arguments, ``-progress`` lines, exit codes, the file it writes), which a
script does exactly.

The fake records its arguments, says on stderr that the input lasts 10 s, reports progress
at 0, 2.5, 5 and 7.5 s on stdout (``-progress pipe:1`` blocks), writes the result (a copy of a
fixture video) and reports the end. ``mode`` changes one thing: "fail" exits 1 with
ffmpeg's message for an unreadable input; "hang" writes its process id and waits after its
first report, until it is killed; "garbage" writes a result that is not a video.
"""

from __future__ import annotations

import json
import stat
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

from tests.made_qt_media import LANDSCAPE_VIDEO

SCRIPT = textwrap.dedent(
    """\
    #!{python}
    import json, os, shutil, sys, time
    args = sys.argv[1:]
    with open({log!r}, "w") as f:
        json.dump(args, f)
    out, src = args[-1], args[args.index("-i") + 1]
    sys.stderr.write("Input #0, mov,mp4,m4a,3gp,3g2,mj2, from '" + src + "':\\n")
    sys.stderr.write("  Duration: 00:00:10.00, start: 0.000000, bitrate: 99 kb/s\\n")
    sys.stderr.flush()
    if {mode!r} == "fail":
        sys.stderr.write(src + ": Invalid data found when processing input\\n")
        sys.exit(1)
    def report(us, state):
        print("frame=12\\nout_time_us=" + str(us) + "\\nout_time_ms=" + str(us), flush=True)
        print("out_time=00:00:00.000000\\nspeed=2.0x\\nprogress=" + state, flush=True)
    print("out_time_us=N/A\\nprogress=continue", flush=True)
    if {mode!r} == "hang":
        with open({pid!r}, "w") as f:
            f.write(str(os.getpid()))
        report(2500000, "continue")
        time.sleep(120)
        sys.exit(3)
    for us in (2500000, 5000000, 7500000):
        report(us, "continue")
    if {mode!r} == "garbage":
        with open(out, "wb") as f:
            f.write(b"not a video")
    else:
        shutil.copyfile({result!r}, out)
    report(10000000, "end")
    """
)


@dataclass(frozen=True)
class FakeFfmpeg:
    program: Path
    log: Path
    pid: Path

    @property
    def args(self) -> list[str]:
        result: list[str] = json.loads(self.log.read_text("utf-8"))
        return result


def fake_ffmpeg(folder: Path, mode: str = "ok") -> FakeFfmpeg:
    folder.mkdir(parents=True, exist_ok=True)
    program, log, pid = folder / "ffmpeg", folder / "args.json", folder / "pid"
    program.write_text(
        SCRIPT.format(
            python=sys.executable,
            log=str(log),
            pid=str(pid),
            mode=mode,
            result=str(LANDSCAPE_VIDEO),
        ),
        "utf-8",
    )
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return FakeFfmpeg(program, log, pid)
