"""The page: its style sheet, cover, contents and sections, as one HTML string."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

from ...bundle.model import Bundle
from ..stats import Filter, heat_points, names, summarize
from .embed import font_faces
from .heatmap import heat_section
from .sections import demos_section, entities_section, figure, key_figures, visitors_section
from .svg import hours_chart
from .words import GRID, MAROON, MUTED, SURFACE, TEXT, Ctx, Lang, bdi, esc

_CSS = """
:root{--maroon:%(maroon)s;--text:%(text)s;--muted:%(muted)s;--surface:%(surface)s;--grid:%(grid)s}
*{box-sizing:border-box}
html{background:#fff;color:var(--text)}
body{margin:0;font-family:%(body)s;font-size:17px;line-height:1.6}
html[lang=ar] body{font-size:19px;line-height:1.75}
h1,h2,h3{font-family:%(heading)s;color:var(--maroon);line-height:1.4;font-weight:700;margin:0}
h1{font-size:2.1em}
h2{font-size:1.6em;margin:0 0 .6em;padding-block-end:.2em;border-block-end:3px solid var(--maroon)}
h3{font-size:1.15em;color:var(--text);margin:1.4em 0 .4em}
h3 .entity{display:block;font-size:.8em;color:var(--muted)}
em,i,cite{font-style:normal}
main{max-width:1080px;margin:0 auto;padding:32px 40px 64px}
header.cover{border-block-start:10px solid var(--maroon);padding-block-start:20px;\
margin-block-end:24px}
header.cover .bundle{font-size:1.2em;margin:.2em 0 .6em;font-weight:700}
header.cover p{margin:.15em 0;color:var(--muted)}
nav.toc{margin:16px 0 8px;padding:10px 16px;background:var(--surface)}
nav.toc ol{margin:0;padding-inline-start:1.4em;columns:2}
nav.toc a{color:var(--maroon)}
section{margin-block-start:40px}
.cards{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:14px;margin:0}
.card{background:var(--surface);border-inline-start:6px solid var(--maroon);padding:12px 16px;\
break-inside:avoid}
.card dt{font-weight:700}
.card dd{margin:0}
.card .value{font-size:2em;font-weight:700;color:var(--maroon);line-height:1.3}
.card .hint{color:var(--muted);font-size:.85em;line-height:1.45}
figure{margin:12px 0 24px;break-inside:avoid;page-break-inside:avoid}
figcaption{color:var(--muted);font-size:.9em;margin-block-start:6px}
svg.chart{display:block;width:100%%;height:auto}
svg.chart text{font-family:inherit}
.keep{break-inside:avoid;page-break-inside:avoid}
.note{color:var(--muted)}
.empty{font-size:1.1em}
.novisitors{margin:48px 0;padding:32px;background:var(--surface);\
border-inline-start:8px solid var(--maroon)}
.novisitors h2{border:0}
table{border-collapse:collapse;width:100%%;margin:8px 0 20px;font-size:.92em}
th,td{text-align:start;padding:6px 10px;border-block-end:1px solid var(--grid);vertical-align:top}
th{color:var(--muted);font-weight:700;border-block-end:2px solid var(--muted)}
td.num,th.num{text-align:end;white-space:nowrap;font-variant-numeric:tabular-nums}
tr{break-inside:avoid}
.legend{list-style:none;display:flex;flex-wrap:wrap;gap:8px 28px;padding:0;margin:8px 0 16px}
.legend li{display:flex;align-items:center;gap:8px}
.heatmaps{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:8px 24px}
figure.heatmap svg{display:block;width:100%%;height:auto;border:1px solid var(--grid)}
figure.heatmap figcaption span{display:block}
figure.heatmap .where{color:var(--text);font-weight:700}
figure.heatmap .step{color:var(--text)}
footer{margin-block-start:48px;padding-block-start:12px;border-block-start:1px solid var(--grid);\
color:var(--muted);font-size:.85em}
@media (max-width:760px){.cards{grid-template-columns:repeat(2,minmax(0,1fr))}\
.heatmaps{grid-template-columns:1fr}}
@media print{
  @page{size:A4;margin:14mm 12mm}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  body{font-size:10.5pt}
  html[lang=ar] body{font-size:11.5pt}
  main{max-width:none;padding:0}
  nav.toc{display:none}
  section{margin:0}
  section+section{break-before:page;page-break-before:always}
  h2,h3{break-after:avoid;page-break-after:avoid}
  .cards{grid-template-columns:repeat(3,minmax(0,1fr))}
  .heatmaps{display:block}
  figure.heatmap{width:82%%;margin:0 auto 14px}
  table,figure,.keep,.card{break-inside:avoid;page-break-inside:avoid}
  footer{break-before:avoid}
}
"""


def render_report(
    conn: sqlite3.Connection,
    bundle: Bundle,
    lang: Lang = "ar",
    f: Filter = Filter(),  # noqa: B008 (frozen)
    *,
    now: datetime | None = None,
) -> str:
    """The whole report as one self-contained HTML page in ``lang`` ("ar" or "en")."""
    if lang not in ("ar", "en"):
        raise ValueError(f"lang must be 'ar' or 'en', not {lang!r}")
    ctx = Ctx(lang, bundle, names(conn))
    s = summarize(conn, f)
    faces, families = font_faces(bundle, lang)
    latin = f'"{families["latin"]}",' if "latin" in families else ""
    if lang == "ar":
        body_font = (
            f'"{families.get("body", "Noto Naskh Arabic")}",{latin}'
            '"Noto Naskh Arabic","Amiri","Arial",sans-serif'
        )
        heading_font = f'"{families.get("heading", "Noto Kufi Arabic")}",{body_font}'
    else:
        body_font = (
            f'"{families.get("body", "Noto Sans")}","Noto Sans","Segoe UI","Arial",sans-serif'
        )
        heading_font = body_font
    css = _CSS % {
        "maroon": MAROON,
        "text": TEXT,
        "muted": MUTED,
        "surface": SURFACE,
        "grid": GRID,
        "body": body_font,
        "heading": heading_font,
    }
    when = (now or datetime.now()).astimezone().strftime("%Y-%m-%d %H:%M")
    title = ctx.t("title")
    bundle_title = bundle.title.get(lang)
    head = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}" dir="{ctx.dir}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="color-scheme" content="light">',
        f"<title>{esc(title)} — {esc(bundle_title)}</title>",
        f"<style>{faces}{css}</style>",
        "</head>",
        "<body><main>",
    ]
    cover = [
        f'<header class="cover"><h1>{esc(title)}</h1><p class="bundle">{esc(bundle_title)}</p>'
    ]
    days = sorted({k.partition(" ")[0] for k, _ in s.per_hour})
    if days:
        a, b = date.fromisoformat(days[0]), date.fromisoformat(days[-1])
        if a == b:
            cover.append(f"<p>{ctx.h('period_one', a=esc(ctx.day(a)))}</p>")
        else:
            cover.append(f"<p>{ctx.h('period', a=esc(ctx.day(a)), b=esc(ctx.day(b)))}</p>")
    what = []
    if f.since:
        what.append(ctx.h("filter_since", d=bdi(f.since)))
    if f.until:
        what.append(ctx.h("filter_until", d=bdi(f.until)))
    if f.entity:
        what.append(ctx.h("filter_entity", name=esc(ctx.entity_name(f.entity))))
    if what:
        cover.append(
            f"<p>{ctx.h('filter', what='، '.join(what) if ctx.rtl else ', '.join(what))}</p>"
        )
    cover.append(f"<p>{ctx.h('generated', when=bdi(when))}</p></header>")
    body: list[str] = []
    if s.sessions == 0:
        body.append(
            f'<section class="novisitors" id="overview"><h2>{ctx.h("no_visitors")}</h2>'
            f"<p>{ctx.h('no_visitors_hint')}</p></section>"
        )
    else:
        heat = heat_points(conn, f)
        toc = [
            ("overview", "s_overview"),
            ("entities", "s_entities"),
            ("demos", "s_demos"),
            ("visitors", "s_visitors"),
            ("heat", "s_heat"),
        ]
        body.append(
            f'<nav class="toc" aria-label="{esc(ctx.t("contents"))}"><ol>'
            + "".join(f'<li><a href="#{a}">{ctx.h(k)}</a></li>' for a, k in toc)
            + "</ol></nav>"
        )
        overview = [f'<h2 id="overview">{ctx.h("s_overview")}</h2>', key_figures(ctx, s)]
        if s.per_hour:
            overview.append(f"<h3>{ctx.h('s_hours')}</h3>")
            overview.append(
                figure(
                    hours_chart(ctx, s.per_hour), f"{ctx.h('hours_caption')} {ctx.h('times_note')}"
                )
            )
        body.append(f"<section>{''.join(overview)}</section>")
        body.append(f"<section>{entities_section(ctx, s)}</section>")
        body.append(f"<section>{demos_section(ctx, s)}</section>")
        body.append(f"<section>{visitors_section(ctx, s)}</section>")
        body.append(f"<section>{heat_section(ctx, heat)}</section>")
    foot = [f"<footer><p>{ctx.h('footer')}</p></footer>", "</main></body>", "</html>", ""]
    return "\n".join([*head, "".join(cover), *body, *foot])
