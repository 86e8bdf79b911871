"""SVG helpers: text width estimates, word wrap, and the two chart kinds (bars, hours).

Coordinates are logical: x grows from the start edge (the right in Arabic); :class:`Svg` mirrors
them. Text anchors are logical too ("start" is the right in Arabic), because every chart's
<svg> carries the page direction.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .words import GRID, MAROON, MUTED, TEXT, Ctx, esc


def _char_em(ch: str) -> float:
    o = ord(ch)
    if 0x0600 <= o <= 0x06FF or 0xFB50 <= o <= 0xFEFF:
        return 0.5
    if ch == " ":
        return 0.28
    if ch.isdigit():
        return 0.58
    if ch.isupper():
        return 0.68
    if ch in "il.,:;'|!()[]":
        return 0.3
    if ch in "mwMW":
        return 0.85
    return 0.56


def text_width(text: str, size: float, bold: bool = False) -> float:
    """A generous estimate of the rendered width (no font metrics here)."""
    return sum(_char_em(c) for c in text) * size * (1.07 if bold else 1.0)


def wrap(text: str, max_width: float, size: float, max_lines: int = 2) -> list[str]:
    """Greedy word wrap by estimated width; the last line ends with '…' if text is left."""
    lines: list[str] = []
    current = ""
    words = text.split()
    for i, word in enumerate(words):
        candidate = f"{current} {word}" if current else word
        if not current or text_width(candidate, size) <= max_width:
            current = candidate
            continue
        lines.append(current)
        current = word
        if len(lines) == max_lines - 1 and text_width(" ".join(words[i:]), size) > max_width:
            rest = " ".join(words[i:])
            while rest and text_width(rest + "…", size) > max_width:
                rest = rest[:-1]
            lines.append(rest.rstrip() + "…")
            return lines
    if current:
        lines.append(current)
    return lines or [""]


class Svg:
    def __init__(self, ctx: Ctx, width: float, label: str) -> None:
        self.ctx = ctx
        self.width = width
        self.label = label
        self.parts: list[str] = []

    def x(self, logical: float) -> float:
        return self.width - logical if self.ctx.rtl else logical

    def rect(self, x: float, y: float, w: float, h: float, fill: str, title: str = "") -> None:
        px = self.width - x - w if self.ctx.rtl else x
        body = f"><title>{esc(title)}</title></rect>" if title else "/>"
        self.parts.append(
            f'<rect x="{px:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" height="{h:.1f}" '
            f'fill="{fill}"{body}'
        )

    def line(
        self, x1: float, y1: float, x2: float, y2: float, stroke: str, width: float = 1
    ) -> None:
        self.parts.append(
            f'<line x1="{self.x(x1):.1f}" y1="{y1:.1f}" x2="{self.x(x2):.1f}" y2="{y2:.1f}" '
            f'stroke="{stroke}" stroke-width="{width}"/>'
        )

    def text(
        self,
        x: float,
        y: float,
        text: str,
        *,
        anchor: str = "start",
        size: float = 16,
        fill: str = TEXT,
        bold: bool = False,
        title: str | None = None,
    ) -> None:
        weight = ' font-weight="700"' if bold else ""
        tip = f"<title>{esc(title)}</title>" if title else ""
        self.parts.append(
            f'<text x="{self.x(x):.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" '
            f'fill="{fill}"{weight}>{tip}{esc(text)}</text>'
        )

    def face(self, cx: float, cy: float, r: float, mood: int, colour: str) -> None:
        """A rating face drawn with shapes (symmetric, so it needs no mirroring)."""
        px = self.x(cx)
        e = r * 0.38
        m = r * 0.45
        curve = {1: r * 0.35, 0: 0.0, -1: -r * 0.3}[mood]
        my = cy + r * (0.35 if mood < 1 else 0.22) + (r * 0.12 if mood < 0 else 0)
        self.parts.append(
            f'<g fill="none" stroke="{colour}" stroke-width="{r * 0.16:.1f}" '
            'stroke-linecap="round">'
            f'<circle cx="{px:.1f}" cy="{cy:.1f}" r="{r:.1f}"/>'
            f'<path d="M{px - m:.1f} {my:.1f} Q{px:.1f} {my + curve:.1f} {px + m:.1f} {my:.1f}"/>'
            f'<circle cx="{px - e:.1f}" cy="{cy - r * 0.25:.1f}" r="{r * 0.06:.1f}" '
            f'fill="{colour}"/>'
            f'<circle cx="{px + e:.1f}" cy="{cy - r * 0.25:.1f}" r="{r * 0.06:.1f}" '
            f'fill="{colour}"/>'
            "</g>"
        )

    def render(self, height: float) -> str:
        return (
            f'<svg class="chart" viewBox="0 0 {self.width:.0f} {height:.0f}" '
            f'width="{self.width:.0f}" height="{height:.0f}" direction="{self.ctx.dir}" '
            f'role="img" aria-label="{esc(self.label)}"><title>{esc(self.label)}</title>'
            + "".join(self.parts)
            + "</svg>"
        )


@dataclass
class Panel:
    heading: str
    colour: str
    top: float
    """The value that fills the panel."""


@dataclass
class Row:
    label: str
    values: list[float]
    texts: list[str]
    colour: str | None = None
    mood: int | None = None
    bold: bool = False


def hbar_chart(
    ctx: Ctx,
    label: str,
    rows: Sequence[Row],
    panels: Sequence[Panel],
    *,
    label_width: float = 330,
) -> str:
    """Horizontal bars: one label column, then one panel per value (each with its own scale)."""
    width = 1000.0
    size = 17.0 if ctx.rtl else 16.0
    line_h = size * 1.35
    bar_h = 22.0
    gap = 36.0
    value_room = (
        max((text_width(t, size - 1, bold=True) for r in rows for t in r.texts), default=0) + 16
    )
    head = 34.0 if any(p.heading for p in panels) else 6.0
    panel_w = (width - label_width - 20 - gap * (len(panels) - 1)) / len(panels)
    svg = Svg(ctx, width, label)
    starts = [label_width + 20 + i * (panel_w + gap) for i in range(len(panels))]
    for p, x0 in zip(panels, starts, strict=True):
        if p.heading:
            svg.text(x0, 22, p.heading, size=size - 1, bold=True, fill=MUTED)
    y = head
    for row in rows:
        indent = 34.0 if row.mood is not None else 0.0
        lines = wrap(row.label, label_width - indent - 8, size, max_lines=3)
        row_h = max(bar_h + 16, len(lines) * line_h + 12)
        mid = y + row_h / 2
        if row.mood is not None:
            svg.face(13, mid, 12, row.mood, row.colour or TEXT)
        first = mid - (len(lines) - 1) * line_h / 2 + size * 0.35
        for i, text in enumerate(lines):
            svg.text(
                indent,
                first + i * line_h,
                text,
                size=size,
                bold=row.bold,
                title=row.label if i == 0 else None,
            )
        for p, x0, value, vt in zip(panels, starts, row.values, row.texts, strict=True):
            colour = row.colour or p.colour
            length = (panel_w - value_room) * max(0.0, value) / max(p.top, 1e-9)
            svg.line(x0, y + 4, x0, y + row_h - 4, GRID, 1.5)
            svg.rect(x0, mid - bar_h / 2, length, bar_h, colour)
            svg.text(x0 + length + 8, mid + size * 0.35, vt, size=size - 1, bold=True)
        y += row_h
        svg.line(0, y, width, y, "#EEE8EA")
    return svg.render(y + 6)


def _nice_step(top: float) -> float:
    raw = max(top, 1) / 5
    mag = 10.0 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if m * mag >= raw:
            return max(1.0, m * mag)
    return 10 * mag


def hours_chart(ctx: Ctx, per_hour: Sequence[tuple[str, int]]) -> str:
    """Vertical bars, one per hour, grouped by day; time runs in the reading direction."""
    counts: dict[tuple[str, int], int] = {}
    for key, n in per_hour:
        day_text, _, hour_text = key.partition(" ")
        counts[(day_text, int(hour_text or 0))] = n
    days = sorted({d for d, _ in counts})
    lo = min(h for _, h in counts)
    hi = max(h for _, h in counts)
    hours = list(range(lo, hi + 1))
    width = 1000.0
    axis = 56.0
    top_pad, plot_h = 30.0, 240.0
    base = top_pad + plot_h
    day_gap = 0.8
    slots = len(days) * len(hours) + day_gap * (len(days) - 1)
    slot = (width - axis - 8) / slots
    bar_w = slot * 0.72
    peak = max(counts.values())
    step = _nice_step(peak)
    top = step * math.ceil(peak / step)
    svg = Svg(ctx, width, ctx.t("s_hours"))
    tick = 0.0
    while tick <= top + 1e-9:
        y = base - plot_h * tick / top
        svg.line(axis - 6, y, width, y, GRID if tick else MUTED, 1)
        svg.text(axis - 12, y + 5, ctx.num(tick), anchor="end", size=14, fill=MUTED)
        tick += step
    label_every = max(1, math.ceil(30 / slot))
    for di, day in enumerate(days):
        x_day = axis + di * (len(hours) + day_gap) * slot
        for hi_, hour in enumerate(hours):
            n = counts.get((day, hour), 0)
            x = x_day + hi_ * slot + (slot - bar_w) / 2
            h = plot_h * n / top
            svg.rect(x, base - h, bar_w, h, MAROON, f"{day} {hour:02d}:00 — {n}")
            if n and slot >= 24:
                svg.text(x + bar_w / 2, base - h - 6, ctx.num(n), anchor="middle", size=12.5)
            if hi_ % label_every == 0:
                svg.text(
                    x + bar_w / 2, base + 18, f"{hour:02d}", anchor="middle", size=13, fill=MUTED
                )
        group_w = len(hours) * slot
        d = date.fromisoformat(day)
        if group_w >= 230:
            label = ctx.day(d)
        elif group_w >= 110:
            label = ctx.day(d, weekday=False, year=False)
        else:
            label = f"{d.day}/{d.month}"
        mid = x_day + group_w / 2
        svg.line(x_day, base + 26, x_day + group_w - slot * 0.28, base + 26, GRID, 1)
        svg.text(mid, base + 46, label, anchor="middle", size=15, bold=True)
    return svg.render(base + 56)
