"""Is there a screen to draw on? Asked before Qt starts, so staff get a sentence, not an abort.

Without a display Qt's xcb plugin aborts the process with a message about reinstalling the
application ("xcb-cursor0 is needed ... Reinstalling the application may fix this problem"),
which sends staff the wrong way. The kiosk asks first and explains what to do instead.
"""

from __future__ import annotations

from collections.abc import Mapping

NO_DISPLAY_EXIT = 2
"""Exit status when no display was found (a usage problem, not a crash to restart on)."""

HOW_TO_RUN = """\
kiosk: no display was found (neither DISPLAY nor WAYLAND_DISPLAY is set), so the kiosk has
nowhere to show its window. Reinstalling will not help. Run it one of these ways:
  - on a desktop: start it from a terminal inside the desktop session
    (scripts/run --windowed for a window);
  - on a kiosk machine: inside the cage compositor, as docs/deploy.md describes
    (cage -- kiosk run);
  - on a bare console with no window system: QT_QPA_PLATFORM=eglfs kiosk run
    (or linuxfb where there is no OpenGL);
  - for a test without a screen: QT_QPA_PLATFORM=offscreen kiosk run --windowed."""


def display_problem(env: Mapping[str, str]) -> str | None:
    """What to tell staff when Qt would find no display in ``env``; None when there is one.

    A platform chosen explicitly (QT_QPA_PLATFORM) is trusted: eglfs, linuxfb and offscreen
    need no window system, and a staff member who named xcb or wayland knows their set-up.
    """
    if env.get("QT_QPA_PLATFORM", "").strip():
        return None
    if env.get("DISPLAY", "").strip() or env.get("WAYLAND_DISPLAY", "").strip():
        return None
    return HOW_TO_RUN
