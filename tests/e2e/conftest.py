"""End-to-end fixtures: a private Xvfb, xdotool, and the real ``python main.py`` inside it."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NoReturn

import pytest

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "artifacts" / "e2e"

SCREEN_W, SCREEN_H = 1920, 1080
FIRST_DISPLAY = 90  # well clear of real desktops on :0, :1 and ssh forwarding on :10+
DISPLAY_TRIES = 40

XVFB = shutil.which("Xvfb")
XDOTOOL = shutil.which("xdotool")
MISSING_TOOLS = [name for name, path in (("Xvfb", XVFB), ("xdotool", XDOTOOL)) if path is None]
SKIP_REASON = (
    f"end-to-end tests need {' and '.join(MISSING_TOOLS)} "
    "(Debian: apt-get install xvfb xauth xdotool imagemagick libgl1-mesa-dri)"
)

# Qt logs every key press it checks for shortcuts under this category. That is how the test
# knows that Esc, Alt+F4 and Ctrl+Q really reached the kiosk (which has no visible reaction to
# them) instead of being lost on the way.
KEY_LOG_CATEGORY = "qt.gui.shortcutmap"

# The developer's own Qt settings must not leak into the kiosk under test.
SCRUBBED_ENV = (
    "QT_QPA_PLATFORM",  # tests/conftest.py sets "offscreen" for the in-process GUI tests
    "QT_QPA_PLATFORMTHEME",
    "QT_LOGGING_RULES",
    "QT_SCALE_FACTOR",
    "QT_SCREEN_SCALE_FACTORS",
    "QT_ENABLE_HIGHDPI_SCALING",
    "QT_FONT_DPI",
    "WAYLAND_DISPLAY",
    "KIOSK_TRACE",  # default of --trace
)


def stop_process(proc: subprocess.Popen[bytes], timeout: float = 5.0) -> int:
    """SIGTERM, then SIGKILL if it is still running after ``timeout`` s; returns the exit status."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout)
    return proc.returncode


def _read_display_fd(fd: int, deadline: float) -> str:
    """What Xvfb writes to -displayfd once it accepts connections ("" if it died first)."""
    data = b""
    while b"\n" not in data:
        left = deadline - time.monotonic()
        if left <= 0:
            break
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            break
        chunk = os.read(fd, 64)
        if not chunk:  # EOF: Xvfb exited (display taken) or closed the pipe
            break
        data += chunk
    return data.decode().strip()


def start_xvfb(log: Path, timeout: float = 10.0) -> tuple[subprocess.Popen[bytes], str]:
    """Start Xvfb on the first free display from :90. -displayfd tells us when it is ready."""
    assert XVFB is not None
    for n in range(FIRST_DISPLAY, FIRST_DISPLAY + DISPLAY_TRIES):
        if Path(f"/tmp/.X{n}-lock").exists() or Path(f"/tmp/.X11-unix/X{n}").exists():
            continue
        read_fd, write_fd = os.pipe()
        try:
            with log.open("ab") as err:
                proc = subprocess.Popen(
                    [XVFB, f":{n}", "-displayfd", str(write_fd), "-screen", "0",
                     f"{SCREEN_W}x{SCREEN_H}x24", "-nolisten", "tcp", "-noreset"],
                    pass_fds=(write_fd,), stdin=subprocess.DEVNULL, stdout=err, stderr=err,
                )  # fmt: skip
        finally:
            os.close(write_fd)
        try:
            announced = _read_display_fd(read_fd, time.monotonic() + timeout)
        finally:
            os.close(read_fd)
        if announced == str(n) and proc.poll() is None:
            return proc, f":{n}"
        stop_process(proc)  # lost a race for :n, or did not start: try the next one
    raise RuntimeError(f"no free X display in :{FIRST_DISPLAY}..; see {log}")


class XDisplay:
    """A running Xvfb, driven with xdotool and ImageMagick's import."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.env = {**os.environ, "DISPLAY": name}

    def xdotool(self, *args: str, timeout: float = 10.0, check: bool = True) -> str:
        assert XDOTOOL is not None
        result = subprocess.run(
            [XDOTOOL, *args], env=self.env, capture_output=True, text=True, timeout=timeout
        )
        if check and result.returncode != 0:
            raise AssertionError(
                f"xdotool {' '.join(args)} exited {result.returncode}: {result.stderr.strip()}"
            )
        return result.stdout

    def tap(self, x: int, y: int) -> None:
        # XTEST pointer events, as from a real touchscreen driven as a mouse. No --sync on
        # mousemove: it waits forever when the pointer is already there.
        self.xdotool("mousemove", str(x), str(y), "click", "1")

    def geometry(self, window: str) -> tuple[int, int, int, int]:
        fields = dict(
            line.split("=", 1)
            for line in self.xdotool("getwindowgeometry", "--shell", window).splitlines()
            if "=" in line
        )
        return int(fields["X"]), int(fields["Y"]), int(fields["WIDTH"]), int(fields["HEIGHT"])

    def screenshot(self, path: Path) -> None:
        if shutil.which("import") is None:
            raise AssertionError("ImageMagick's `import` is needed for screenshots")
        subprocess.run(
            ["import", "-window", "root", str(path)],
            env=self.env,
            check=True,
            capture_output=True,
            timeout=20,
        )

    def request_close(self, window: str) -> None:
        """Ask the window to close exactly as a window manager does (close button, Alt+F4).

        That is an ICCCM WM_PROTOCOLS/WM_DELETE_WINDOW client message; Qt turns it into a
        close event that QML's onClosing may refuse. xdotool cannot send it: its
        `windowclose` destroys the window outright (XDestroyWindow, see man xdotool), which no
        program can refuse, and `windowkill` kills the X client. So libX11 via ctypes.
        """
        path = ctypes.util.find_library("X11")
        if path is None:
            raise AssertionError("libX11 not found")
        x11 = ctypes.CDLL(path)
        x11.XOpenDisplay.restype = ctypes.c_void_p
        x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x11.XInternAtom.restype = ctypes.c_ulong
        x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        x11.XSendEvent.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.c_int,
            ctypes.c_long,
            ctypes.c_void_p,
        ]
        x11.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
        x11.XCloseDisplay.argtypes = [ctypes.c_void_p]

        class XClientMessageEvent(ctypes.Structure):
            _fields_ = (
                ("type", ctypes.c_int),
                ("serial", ctypes.c_ulong),
                ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p),
                ("window", ctypes.c_ulong),
                ("message_type", ctypes.c_ulong),
                ("format", ctypes.c_int),
                ("data", ctypes.c_long * 5),
            )

        class XEvent(ctypes.Union):
            _fields_ = (("xclient", XClientMessageEvent), ("pad", ctypes.c_long * 24))

        dpy = x11.XOpenDisplay(self.name.encode())
        if not dpy:
            raise AssertionError(f"cannot open X display {self.name}")
        try:
            event = XEvent()
            event.xclient.type = 33  # ClientMessage
            event.xclient.window = int(window)
            event.xclient.message_type = x11.XInternAtom(dpy, b"WM_PROTOCOLS", 0)
            event.xclient.format = 32
            event.xclient.data[0] = x11.XInternAtom(dpy, b"WM_DELETE_WINDOW", 0)
            event.xclient.data[1] = 0  # CurrentTime
            if not x11.XSendEvent(dpy, int(window), 0, 0, ctypes.byref(event)):
                raise AssertionError("XSendEvent(WM_DELETE_WINDOW) failed")
            x11.XSync(dpy, 0)
        finally:
            x11.XCloseDisplay(dpy)


class Kiosk:
    """One ``python main.py --trace FILE`` child, and what it has written to its trace."""

    def __init__(self, proc: subprocess.Popen[bytes], trace: Path, log: Path, x: XDisplay) -> None:
        self.proc = proc
        self.trace = trace
        self.log = log
        self.x = x
        self.records: list[dict[str, Any]] = []
        self._offset = 0

    def _read_new(self) -> list[dict[str, Any]]:
        try:
            with self.trace.open("rb") as f:
                f.seek(self._offset)
                data = f.read()
        except FileNotFoundError:
            return []
        complete = data[: data.rfind(b"\n") + 1]  # a line still being written waits
        self._offset += len(complete)
        new = [json.loads(line) for line in complete.decode().splitlines() if line.strip()]
        self.records.extend(new)
        return new

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def _fail(self, message: str) -> NoReturn:
        pytest.fail(
            f"{message}\ntrace so far: {self.records}\nkiosk output:\n{self.output()[-4000:]}",
            pytrace=False,
        )

    def wait_for(
        self, what: str, match: Callable[[dict[str, Any]], bool], timeout: float
    ) -> dict[str, Any]:
        """The first trace record from now on that matches (polled; fails after ``timeout`` s)."""
        deadline = time.monotonic() + timeout
        while True:
            for record in self._read_new():
                if match(record):
                    return record
            if self.proc.poll() is not None:
                self._fail(f"the kiosk exited ({self.proc.returncode}) while waiting for {what}")
            if time.monotonic() > deadline:
                self._fail(f"no {what} in the trace within {timeout:.0f} s")
            time.sleep(0.02)

    def skip_pending(self) -> None:
        """Forget the records written so far: the next wait_for sees only later ones."""
        self._read_new()

    def find_window(self, timeout: float = 10.0) -> str:
        """The kiosk's visible top-level window: WM_CLASS "kiosk" and _NET_WM_PID of the child.

        (Qt also makes a 1x1 "kiosk" and a 3x3 "Qt Selection Owner" window; both unmapped.)
        """
        deadline = time.monotonic() + timeout
        while True:
            out = self.x.xdotool(
                "search", "--all", "--onlyvisible", "--pid", str(self.proc.pid),
                "--class", "^kiosk$", check=False,
            )  # fmt: skip
            windows = out.split()
            if len(windows) == 1:
                return windows[0]
            if len(windows) > 1:
                self._fail(f"expected one visible kiosk window, found {windows}")
            if self.proc.poll() is not None:
                self._fail(f"the kiosk exited ({self.proc.returncode}) before showing a window")
            if time.monotonic() > deadline:
                self._fail(f"no visible kiosk window within {timeout:.0f} s")
            time.sleep(0.05)

    def stop(self, timeout: float = 5.0) -> int:
        return stop_process(self.proc, timeout)


def kiosk_env(display: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in SCRUBBED_ENV}
    env["DISPLAY"] = display
    env["QT_QPA_PLATFORM"] = "xcb"  # a real X11 window; Mesa llvmpipe draws it under Xvfb
    env["QT_LOGGING_RULES"] = f"{KEY_LOG_CATEGORY}.debug=true"
    return env


@pytest.fixture(scope="module")
def x_display(tmp_path_factory: pytest.TempPathFactory) -> Iterator[XDisplay]:
    log = tmp_path_factory.mktemp("xvfb") / "xvfb.log"
    proc, name = start_xvfb(log)
    try:
        yield XDisplay(name)
    finally:
        stop_process(proc)


@pytest.fixture
def launch_kiosk(x_display: XDisplay, tmp_path: Path) -> Iterator[Callable[..., Kiosk]]:
    """Starts ``python main.py --trace FILE *args`` on the Xvfb; stops them all afterwards."""
    started: list[Kiosk] = []

    def launch(*args: str) -> Kiosk:
        n = len(started)
        trace, log = tmp_path / f"trace-{n}.jsonl", tmp_path / f"kiosk-{n}.log"
        with log.open("wb") as out:
            cmd = [sys.executable, "main.py", "--trace", str(trace)]
            cmd += ["--db", str(trace.with_suffix(".db")), "--data-dir", str(trace.parent / "data")]
            proc = subprocess.Popen(
                [*cmd, *args],
                cwd=REPO,
                env=kiosk_env(x_display.name),
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        kiosk = Kiosk(proc, trace, log, x_display)
        started.append(kiosk)
        return kiosk

    try:
        yield launch
    finally:
        for kiosk in started:
            with contextlib.suppress(Exception):
                kiosk.stop()
