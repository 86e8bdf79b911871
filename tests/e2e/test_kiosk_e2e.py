"""The real kiosk (``python main.py``, kiosk mode, sample bundle) in a real X11 window.

Under a private Xvfb: the first frame appears, a tap wakes the attract loop into Home, the
Home header shows the bundle's Arabic title correctly shaped and right-aligned, Esc / Alt+F4 /
Ctrl+Q / a window-manager close request all reach the kiosk and change nothing, the kiosk
still answers taps afterwards, and SIGTERM stops it.
"""

from __future__ import annotations

import json
import shutil
import signal
import statistics
import subprocess
import time
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QImage, QPainter

from kiosk.bundle import Bundle, load
from kiosk.paths import SAMPLE_BUNDLE

from .conftest import (
    ARTIFACTS,
    KEY_LOG_CATEGORY,
    MISSING_TOOLS,
    SCREEN_H,
    SCREEN_W,
    SKIP_REASON,
    Kiosk,
    XDisplay,
)

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(bool(MISSING_TOOLS), reason=SKIP_REASON)]

# Far above a normal start, so that a cold cache or a loaded machine does not fail the run; the
# starts measured: benchmarks/README.md, "Figures behind the thresholds".
FIRST_FRAME_S = 20.0
RESPONSE_S = 5.0
SCREEN_SETTLE_S = 10.0  # page cross-fade (300 ms) and asynchronous logo loading

CENTRE = (SCREEN_W // 2, SCREEN_H // 2)

# Home header geometry at 1080 px (kiosk/ui/Kiosk/HomePage.qml, Theme.qml; Theme.scale is 1 here).
HEADER_H = 200
MARGIN = 64  # Theme.margin
LANGUAGE_BUTTON_RESERVE = 260  # the header column leaves this much room for the button
ARABIC_BOOST = 1.12  # Theme.boost in Arabic
TITLE_PX = round(52 * ARABIC_BOOST)  # Theme.heading

ROOT_BLACK = 0x000000  # Xvfb's bare root window: anything not covered by the kiosk


# -- pixels -----------------------------------------------------------------------------------


class Shot:
    """An image and its pixels as 0xRRGGBB ints (converted once: checks run on every poll)."""

    def __init__(self, image: QImage) -> None:
        img = image.convertToFormat(QImage.Format.Format_RGB32)
        raw = array("I")
        raw.frombytes(bytes(img.constBits()))
        self.width, self.height = img.width(), img.height()
        self.stride = img.bytesPerLine() // 4
        self.pixels = array("I", (p & 0xFFFFFF for p in raw))

    def at(self, x: int, y: int) -> int:
        return self.pixels[y * self.stride + x]


def ink_rows(shot: Shot, box: QRect, paper: QColor, ink: QColor) -> list[list[float]]:
    """How much of ``ink`` (0..1) over ``paper`` each pixel of ``box`` holds.

    Anti-aliased text is a linear blend of the two colours, so one colour channel (the one
    where they differ most) gives the coverage directly.
    """
    shift, lo, hi = max(
        (
            (16, paper.red(), ink.red()),
            (8, paper.green(), ink.green()),
            (0, paper.blue(), ink.blue()),
        ),
        key=lambda c: abs(c[2] - c[1]),
    )
    span = hi - lo
    rows = []
    for y in range(box.top(), box.bottom() + 1):
        start = y * shot.stride + box.left()
        row = shot.pixels[start : start + box.width()]
        rows.append([min(1.0, max(0.0, (((p >> shift) & 0xFF) - lo) / span)) for p in row])
    return rows


def ink_bands(rows: list[list[float]], gap: int = 8) -> list[tuple[int, int]]:
    """Runs of rows holding ink (a dot over a letter may leave a gap of a few rows)."""
    bands: list[tuple[int, int]] = []
    for y, row in enumerate(rows):
        if sum(row) <= 1.0:
            continue
        if bands and y - bands[-1][1] <= gap:
            bands[-1] = (bands[-1][0], y + 1)
        else:
            bands.append((y, y + 1))
    return bands


@dataclass(frozen=True)
class TextLine:
    """One line of text found in an image: its ink extent and column profile."""

    left: int
    right: int
    top: int
    bottom: int
    profile: list[float]  # ink per column, left to right

    @property
    def width(self) -> int:
        return self.right - self.left

    @property
    def height(self) -> int:
        return self.bottom - self.top

    @property
    def ink(self) -> float:
        return sum(self.profile)


def text_lines(shot: Shot, box: QRect, paper: QColor, ink: QColor) -> list[TextLine]:
    rows = ink_rows(shot, box, paper, ink)
    lines = []
    for top, bottom in ink_bands(rows):
        columns = [sum(rows[y][x] for y in range(top, bottom)) for x in range(box.width())]
        inked = [x for x, v in enumerate(columns) if v > 0.05]
        left, right = inked[0], inked[-1] + 1
        lines.append(
            TextLine(
                box.left() + left,
                box.left() + right,
                box.top() + top,
                box.top() + bottom,
                columns[left:right],
            )
        )
    return lines


def profile_correlation(a: list[float], b: list[float]) -> float:
    """Pearson correlation of two column profiles, ``b`` stretched to the length of ``a``."""
    stretched = [b[min(len(b) - 1, i * len(b) // len(a))] for i in range(len(a))]
    return statistics.correlation(a, stretched)


def render_reference(text: str, font: QFont, paper: QColor, ink: QColor) -> QImage:
    image = QImage(SCREEN_W, HEADER_H, QImage.Format.Format_RGB32)
    image.fill(paper)
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(ink)
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return image


# -- what the screenshots must show -------------------------------------------------------------


@dataclass(frozen=True)
class ArabicTitle:
    """The Home header title as Qt itself shapes it, to compare a screenshot with.

    Why this check: it fails if the title is missing, drawn in a fallback font (the bundle's
    fonts did not load), left unshaped (isolated letter forms: wider, and a different
    outline), replaced by tofu boxes, shown in English, or laid out left-to-right. A mere
    "not blank" check passes all of those. The reference is drawn in this process with
    QPainter, the same bundle font and size and the same HarfBuzz shaping as the kiosk's
    Qt Quick Text, unhinted like Qt Quick's distance-field glyphs. The two agree closely in
    width, ink and column profile, and the unjoined forms of the same letters do not, which
    is what the tolerances of :meth:`problems` rely on (the figures measured:
    benchmarks/README.md, "Figures behind the thresholds").
    """

    text: str
    line: TextLine
    reference: QImage
    paper: QColor
    ink: QColor

    @classmethod
    def of(cls, bundle: Bundle) -> ArabicTitle:
        for rel in bundle.fonts.files:
            QFontDatabase.addApplicationFont(str(bundle.path(rel)))
        family = bundle.fonts.arabic_heading
        assert family in QFontDatabase.families(), f"bundle font {family!r} did not load"
        font = QFont(family)
        font.setPixelSize(TITLE_PX)
        font.setBold(True)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        paper, ink = QColor(bundle.theme.primary), QColor(bundle.theme.on_primary)
        text = bundle.title.get("ar")
        reference = render_reference(text, font, paper, ink)
        lines = text_lines(Shot(reference), reference.rect(), paper, ink)
        assert len(lines) == 1, f"reference title rendered as {len(lines)} lines"
        return cls(text, lines[0], reference, paper, ink)

    def problems(self, shot: Shot) -> list[str]:
        """Why ``shot`` does not show Home with this title in its header ([] if it does)."""
        # The header band, right of where the (mirrored) language button sits.
        left = MARGIN + LANGUAGE_BUTTON_RESERVE - 24
        box = QRect(left, 0, SCREEN_W - left, HEADER_H)
        paper = self.paper.rgb() & 0xFFFFFF
        header = [shot.at(x, y) for y in range(HEADER_H) for x in range(0, SCREEN_W, 4)]
        paper_share = header.count(paper) / len(header)
        if paper_share < 0.7:
            return [f"the top {HEADER_H} px are not the Home header ({paper_share:.0%} primary)"]
        lines = text_lines(shot, box, self.paper, self.ink)
        if len(lines) < 2:
            return [f"expected a title and a subtitle in the header, found {len(lines)} lines"]
        got, want = lines[0], self.line
        problems = []
        if abs(got.width - want.width) > max(6, 0.03 * want.width):
            problems.append(f"title {got.width} px wide, the shaped Arabic is {want.width}")
        if abs(got.height - want.height) > 6:
            problems.append(f"title {got.height} px high, the shaped Arabic is {want.height}")
        if abs(got.ink - want.ink) > 0.1 * want.ink:
            problems.append(f"title ink {got.ink:.0f}, the shaped Arabic has {want.ink:.0f}")
        # Arabic is right-aligned: the layout is mirrored, the text ends at the right margin.
        if not SCREEN_W - MARGIN - 16 <= got.right <= SCREEN_W - MARGIN + 1:
            problems.append(f"title ends at x={got.right}, not at the right margin (RTL)")
        # The outline, column by column (a fallback font of about the right size lands here).
        corr = profile_correlation(got.profile, want.profile)
        if corr < 0.9:
            problems.append(f"title outline differs from {self.text!r} (correlation {corr:.3f})")
        return problems


def coverage_problems(shot: Shot) -> list[str]:
    """The kiosk must fill the whole screen: no bare root on any edge, and real content."""
    if (shot.width, shot.height) != (SCREEN_W, SCREEN_H):
        return [f"screenshot is {shot.width}x{shot.height}, the screen {SCREEN_W}x{SCREEN_H}"]
    problems = []
    edges = [(x, y) for x in range(SCREEN_W) for y in (0, SCREEN_H - 1)]
    edges += [(x, y) for y in range(SCREEN_H) for x in (0, SCREEN_W - 1)]
    bare = sum(1 for x, y in edges if shot.at(x, y) == ROOT_BLACK)
    if bare:
        problems.append(f"{bare} edge pixels show the bare root window")
    colours = len(set(shot.pixels))
    # a flat fill or a half-drawn page; a drawn page has many times more colours
    # (benchmarks/README.md, "Figures behind the thresholds")
    if colours < 1000:
        problems.append(f"only {colours} distinct colours")
    return problems


def wait_for_screen(
    x: XDisplay, kiosk: Kiosk, path: Path, check: Callable[[Shot], list[str]]
) -> Shot:
    """Screenshots until one passes ``check`` and equals the one before (the page has
    finished fading in and loading its images), or fails after SCREEN_SETTLE_S."""
    deadline = time.monotonic() + SCREEN_SETTLE_S
    previous: Shot | None = None
    while True:
        # a screenshot is slow enough to pace the polls: no extra sleep
        # (benchmarks/README.md, "Figures behind the thresholds")
        x.screenshot(path)
        image = QImage(str(path))
        shot = None if image.isNull() else Shot(image)
        if shot is None:
            problems = ["unreadable screenshot"]
        else:
            problems = check(shot)
            if previous is None or shot.pixels != previous.pixels:
                problems.append("the screen is still changing")
            elif not problems:
                return shot
        if kiosk.proc.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"{path.name}: " + "; ".join(problems) + f" (see {path})", pytrace=False)
        previous = shot


def key_log(line: str) -> bool:
    """A line of Qt's shortcut log: ``DEBUG qt: qt.gui.shortcutmap: ...`` (kiosk.logs: the
    level, the source, Qt's category)."""
    return line.startswith(f"DEBUG qt: {KEY_LOG_CATEGORY}:")


def key_presses(output: str, key: str) -> int:
    """Key presses that Qt logged for shortcut matching, e.g. ``Key_F4, AltModifier``."""
    return sum(
        1
        for line in output.splitlines()
        if key_log(line) and f"QKeyEvent(ShortcutOverride, {key}" in line
    )


# -- tests ------------------------------------------------------------------------------------


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


def test_kiosk_mode_survives_close_attempts_and_shows_arabic_home(
    qapp: QGuiApplication, x_display: XDisplay, launch_kiosk: Callable[..., Kiosk], artifacts: Path
) -> None:
    started = time.monotonic()
    title = ArabicTitle.of(load(SAMPLE_BUNDLE))
    title.reference.save(str(artifacts / "e2e-title-reference.png"))

    kiosk = launch_kiosk()  # kiosk mode, default (sample) bundle
    first = kiosk.wait_for("first_frame", lambda r: r["mark"] == "first_frame", FIRST_FRAME_S)
    window = kiosk.find_window()
    assert x_display.geometry(window) == (0, 0, SCREEN_W, SCREEN_H), "not fullscreen"

    # Any tap on the attract loop opens Home.
    x_display.tap(*CENTRE)
    home = kiosk.wait_for("response to home", lambda r: r["mark"] == "response", RESPONSE_S)
    assert home["to"] == "home", home

    shot = artifacts / "e2e.png"
    wait_for_screen(x_display, kiosk, shot, lambda s: coverage_problems(s) + title.problems(s))

    # Every way a visitor or a window manager could try to close the kiosk. The keys go twice:
    # as events sent to the window (XSendEvent), and as real key presses (XTEST) into the
    # window after giving it the input focus.
    keys = ("Escape", "alt+F4", "ctrl+q")
    x_display.xdotool("key", "--window", window, *keys)
    x_display.xdotool("windowfocus", "--sync", window)
    x_display.xdotool("key", *keys)
    x_display.request_close(window)

    # Still alive and still answering: the tap reaches the kiosk after all of the above
    # (X delivers in order), and opens the entity whose tile is in the middle of Home.
    kiosk.skip_pending()
    x_display.tap(*CENTRE)
    entity = kiosk.wait_for("response to a tile", lambda r: r["mark"] == "response", RESPONSE_S)
    assert str(entity["to"]).startswith("entity:"), entity
    assert kiosk.proc.poll() is None
    assert kiosk.find_window() == window
    assert x_display.geometry(window) == (0, 0, SCREEN_W, SCREEN_H)
    wait_for_screen(x_display, kiosk, artifacts / "e2e-after-close.png", coverage_problems)

    output = kiosk.output()
    for key in ("Key_Escape", "Key_F4, AltModifier", "Key_Q, ControlModifier"):
        assert key_presses(output, key) >= 2, f"{key} did not reach the kiosk twice:\n{output}"
    assert kiosk.proc.poll() is None

    # Shut down the way systemd does.
    status = kiosk.stop(timeout=5.0)
    assert status in (0, -signal.SIGTERM), f"SIGTERM did not stop the kiosk (status {status})"
    noise = [line for line in output.splitlines() if not key_log(line)]
    assert not noise, "the kiosk printed warnings:\n" + "\n".join(noise)

    shutil.copyfile(kiosk.trace, artifacts / "e2e-trace.jsonl")
    timings = {
        "first_frame_ms": first["t_ms"],
        "wake_to_home_ms": round(home["frame_ms"] - home["input_ms"], 1),
        "tile_to_entity_ms": round(entity["frame_ms"] - entity["input_ms"], 1),
        "test_s": round(time.monotonic() - started, 1),
    }
    (artifacts / "e2e-timings.json").write_text(json.dumps(timings, indent=2) + "\n")


def test_close_request_does_close_a_windowed_kiosk(
    x_display: XDisplay, launch_kiosk: Callable[..., Kiosk]
) -> None:
    """Control for the test above: the same close request does end the non-kiosk mode.

    Without it, "the kiosk survived the close request" could just mean the request never
    arrived.
    """
    kiosk = launch_kiosk("--windowed")
    kiosk.wait_for("first_frame", lambda r: r["mark"] == "first_frame", FIRST_FRAME_S)
    x_display.request_close(kiosk.find_window())
    try:
        status = kiosk.proc.wait(10.0)
    except subprocess.TimeoutExpired:
        pytest.fail("the windowed kiosk ignored the window manager's close request")
    assert status == 0
