"""Keep the screen on while the kiosk runs, where that is cheap.

Only X blanks the screen by itself (screen saver, DPMS); the kiosk turns both off with
``xset`` when Qt runs on X (the ``xcb`` platform) and xset is installed. cage, the Wayland
kiosk compositor of docs/deploy.md, never blanks: it has no idle timeout of its own. The
console's own blanking before the compositor starts is switched off on the kernel command
line (``consoleblank=0``, docs/deploy.md).
"""

from __future__ import annotations

import shutil
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import asyncio  # only for the type: asyncio comes after the first frame

XSET_COMMANDS = (("s", "off"), ("s", "noblank"), ("-dpms",))


def xset_commands(
    platform: str, which: Callable[[str], str | None] = shutil.which
) -> list[list[str]]:
    """The commands that keep an X screen on; none when not on X or xset is missing."""
    if platform != "xcb":
        return []
    xset = which("xset")
    if xset is None:
        return []
    return [[xset, *args] for args in XSET_COMMANDS]


def _run(commands: list[list[str]]) -> None:
    import subprocess  # in the background thread: start-up does not pay for it

    for cmd in commands:
        try:
            subprocess.run(cmd, capture_output=True, timeout=10, check=True)
        except (OSError, subprocess.SubprocessError) as exc:
            print(f"kiosk: could not keep the screen on ({' '.join(cmd)}: {exc})", file=sys.stderr)
            return


def keep_screen_on(platform: str) -> threading.Thread | None:
    """Turn off X's screen saver and DPMS, in a background thread (start-up does not wait)."""
    commands = xset_commands(platform)
    if not commands:
        return None
    thread = threading.Thread(target=_run, args=(commands,), name="kiosk-xset", daemon=True)
    thread.start()
    return thread


DISPLAY_OFF = (("dpms", "force", "off"),)
DISPLAY_ON = (("dpms", "force", "on"), ("-dpms",), ("s", "off"))
"""On again, and kept on: DPMS off once more, as :func:`keep_screen_on` left it."""


def display_commands(
    platform: str, on: bool, which: Callable[[str], str | None] = shutil.which
) -> list[list[str]]:
    """The commands that turn an X display off or on; none elsewhere (the closed screen is
    then dark: a black page, the nearest a kiosk can get without the platform's help)."""
    if platform != "xcb":
        return []
    xset = which("xset")
    if xset is None:
        return []
    return [[xset, *args] for args in (DISPLAY_ON if on else DISPLAY_OFF)]


def set_display(platform: str, on: bool) -> asyncio.Task[None] | None:
    """Turn the display off (closed hours, ``closed = "display-off"``) or on, in the
    background (a worker of the kiosk's asyncio loop: the GUI thread does not wait)."""
    commands = display_commands(platform, on)
    if not commands:
        return None
    from . import aio

    return aio.spawn(aio.to_thread(_run, commands), "display")
