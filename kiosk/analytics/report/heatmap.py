"""Tap heat maps: each demo screenshot with the visitors' taps drawn over it."""

from __future__ import annotations

import base64
import math
from dataclasses import dataclass

from ...bundle.model import Screen
from .embed import MIME, image_size
from .sections import figure
from .words import GRID, HIT, MISS, MUTED, SURFACE, TEXT, Ctx, bdi, esc

MAX_DOTS = 1500
"""Taps drawn per heat map; beyond it an evenly spread sample is drawn (and the caption says so)."""


@dataclass
class HeatScreen:
    entity: str
    demo: str
    screen: str
    points: list[tuple[float, float, bool]]
    order: int = 10**9
    info: Screen | None = None
    step: int = 0
    label: str = ""


def heat_map_svg(ctx: Ctx, hs: HeatScreen) -> str:
    """The screenshot, translucent dots (hits and misses), and the hotspots outlined on top."""
    image_uri = ""
    size: tuple[int, int] | None = None
    if hs.info is not None and hs.info.image is not None:
        path = ctx.bundle.path(hs.info.image)
        try:
            data = path.read_bytes()
        except OSError:
            data = b""
        if data:
            size = image_size(data)
            mime = MIME.get(path.suffix.lower(), "application/octet-stream")
            image_uri = f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
    w, h = size or (1920, 1080)
    n = len(hs.points)
    points = hs.points if n <= MAX_DOTS else [hs.points[i * n // MAX_DOTS] for i in range(MAX_DOTS)]
    r = w * 0.011
    opacity = max(0.18, min(0.6, 12 / math.sqrt(max(len(points), 1))))
    parts = [
        f'<svg class="heat" viewBox="0 0 {w} {h}" width="{w}" height="{h}" direction="ltr" '
        'role="img" '
        f'aria-label="{esc(hs.label)}"><title>{esc(hs.label)}</title>'
    ]
    if image_uri:
        parts.append(
            f'<image href="{esc(image_uri)}" x="0" y="0" width="{w}" height="{h}" '
            'preserveAspectRatio="none"/>'
        )
        parts.append(f'<rect width="{w}" height="{h}" fill="#FFFFFF" fill-opacity="0.25"/>')
    else:
        parts.append(
            f'<rect width="{w}" height="{h}" fill="{SURFACE}" stroke="{GRID}" stroke-width="4"/>'
        )
    for hit in (True, False):
        colour = HIT if hit else MISS
        dots = "".join(
            f'<circle cx="{x * w:.1f}" cy="{y * h:.1f}" r="{r:.1f}"/>'
            for x, y, hh in points
            if hh is hit
        )
        parts.append(
            f'<g fill="{colour}" fill-opacity="{opacity:.2f}" stroke="#FFFFFF" '
            'stroke-opacity="0.7" '
            f'stroke-width="{w * 0.0012:.1f}">{dots}</g>'
        )
    spots = hs.info.hotspots if hs.info is not None else ()
    for spot in spots:
        rect = (
            f'x="{spot.x * w:.1f}" y="{spot.y * h:.1f}" width="{spot.w * w:.1f}" '
            f'height="{spot.h * h:.1f}" rx="{w * 0.004:.1f}"'
        )
        parts.append(f'<rect {rect} fill="none" stroke="#FFFFFF" stroke-width="{w * 0.006:.1f}"/>')
        parts.append(
            f'<rect {rect} fill="none" stroke="{TEXT}" stroke-width="{w * 0.0025:.1f}" '
            f'stroke-dasharray="{w * 0.012:.1f} {w * 0.006:.1f}"/>'
        )
    if not image_uri:
        parts.append(
            f'<text x="{w / 2}" y="{h / 2}" text-anchor="middle" font-size="{w * 0.03:.0f}" '
            f'fill="{MUTED}" '
            f'direction="{ctx.dir}">{esc(ctx.t("no_image"))}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def heat_section(
    ctx: Ctx, heat: dict[tuple[str, str, str], list[tuple[float, float, bool]]]
) -> str:
    out = [f'<h2 id="heat">{ctx.h("s_heat")}</h2>', f'<p class="note">{ctx.h("heat_intro")}</p>']
    if not heat:
        out.append(f'<p class="empty">{ctx.h("no_taps")}</p>')
        return "".join(out)
    swatch = (
        '<svg class="swatch" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">{}</svg>'
    )
    legend = [
        (
            swatch.format(f'<circle cx="10" cy="10" r="8" fill="{HIT}" fill-opacity="0.7"/>'),
            ctx.h("hit"),
        ),
        (
            swatch.format(f'<circle cx="10" cy="10" r="8" fill="{MISS}" fill-opacity="0.7"/>'),
            ctx.h("miss"),
        ),
        (
            swatch.format(
                f'<rect x="2" y="4" width="16" height="12" fill="none" stroke="{TEXT}" '
                'stroke-width="2" stroke-dasharray="4 2"/>'
            ),
            ctx.h("hotspot"),
        ),
    ]
    out.append(
        '<ul class="legend">'
        + "".join(f"<li>{s}<span>{t}</span></li>" for s, t in legend)
        + "</ul>"
    )
    screens: list[HeatScreen] = []
    for (e, d, sc), pts in heat.items():
        hs = HeatScreen(e, d, sc, pts)
        demo = ctx.demo(e, d)
        if demo is not None:
            try:
                hs.info = demo.screen(sc)
                hs.step = demo.index_of(sc) + 1
            except (KeyError, StopIteration):
                hs.info = None
        try:
            ei = next(i for i, x in enumerate(ctx.bundle.entities) if x.id == e)
            di = next(i for i, x in enumerate(ctx.bundle.entities[ei].demos) if x.id == d)
            hs.order = ei * 10**6 + di * 1000 + hs.step
        except StopIteration:
            pass
        screens.append(hs)
    screens.sort(key=lambda x: (x.order, x.entity, x.demo, x.screen))
    out.append('<div class="heatmaps">')
    for hs in screens:
        title = hs.info.title.get(ctx.lang) if hs.info is not None else hs.screen
        step = ctx.t("step", n=str(hs.step), title=title) if hs.step else title
        hs.label = f"{ctx.entity_name(hs.entity)} — {ctx.demo_title(hs.entity, hs.demo)} — {step}"
        n = len(hs.points)
        misses = sum(1 for p in hs.points if not p[2])
        stats = ctx.h(
            "heat_stats", n=bdi(ctx.num(n)), m=bdi(ctx.num(misses)), p=bdi(ctx.pct(misses, n))
        )
        if n > MAX_DOTS:
            stats += " " + ctx.h("heat_sample", k=bdi(ctx.num(MAX_DOTS)))
        caption = (
            f'<span class="where">{esc(ctx.entity_name(hs.entity))} — '
            f"{esc(ctx.demo_title(hs.entity, hs.demo))}</span>"
            f'<span class="step">{esc(step)}</span><span class="stats">{stats}</span>'
        )
        out.append(figure(heat_map_svg(ctx, hs), caption, "heatmap"))
    out.append("</div>")
    return "".join(out)
