"""The page's sections: key figures, entities, demos, visitors (the heat maps are in
:mod:`.heatmap`), and the HTML figure and table they are built from."""

from __future__ import annotations

from collections.abc import Sequence

from ..stats import Funnel, Summary
from .svg import Panel, Row, hbar_chart
from .words import GREEN, GREY, MAROON, RED, TEAL, WORDS, Ctx, bdi, esc, iso


def key_figures(ctx: Ctx, s: Summary) -> str:
    started = sum(f.started for f in s.funnels)
    completed = sum(f.completed for f in s.funnels)
    cards = [
        (ctx.t("k_sessions"), bdi(ctx.num(s.sessions)), ctx.h("k_sessions_hint")),
        (ctx.t("k_median"), bdi(ctx.dur(s.median_s), ltr=False), ctx.h("k_median_hint")),
        (
            ctx.t("k_p90"),
            bdi(ctx.dur(s.p90_s), ltr=False),
            ctx.h("k_p90_hint", p=bdi(ctx.pct(90, 100))),
        ),
        (
            ctx.t("k_idle"),
            bdi(ctx.num(s.idle_timeouts)),
            ctx.h("k_idle_hint", p=bdi(ctx.pct(s.idle_timeouts, s.sessions))),
        ),
        (
            ctx.t("k_demos"),
            bdi(ctx.num(completed)),
            ctx.h("k_demos_hint", n=bdi(ctx.num(started)), p=bdi(ctx.pct(completed, started))),
        ),
        (ctx.t("k_misses"), bdi(ctx.num(s.hotspot_misses)), ctx.h("k_misses_hint")),
    ]
    items = "".join(
        f'<div class="card"><dt>{esc(label)}</dt><dd class="value">{value}</dd>'
        f'<dd class="hint">{hint}</dd></div>'
        for label, value, hint in cards
    )
    return f'<dl class="cards">{items}</dl>'


def figure(chart: str, caption: str = "", cls: str = "") -> str:
    cap = f"<figcaption>{caption}</figcaption>" if caption else ""
    klass = f' class="{cls}"' if cls else ""
    return f"<figure{klass}>{chart}{cap}</figure>"


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[bool]) -> str:
    """``rows`` cells are HTML already; ``headers`` are plain text."""
    th = "".join(
        f'<th scope="col"{" class=num" if n else ""}>{esc(h)}</th>'
        for h, n in zip(headers, numeric, strict=True)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f"<td{' class=num' if n else ''}>{c}</td>" for c, n in zip(r, numeric, strict=True)
        )
        + "</tr>"
        for r in rows
    )
    return f"<table><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


def entities_section(ctx: Ctx, s: Summary) -> str:
    out = [f'<h2 id="entities">{ctx.h("s_entities")}</h2>']
    if s.entities:
        top_views = max(e.views for e in s.entities)
        top_min = max(e.dwell_s for e in s.entities) / 60
        rows = [
            Row(
                ctx.entity_name(e.entity),
                [e.views, e.dwell_s / 60],
                [ctx.num(e.views), ctx.num(e.dwell_s / 60)],
            )
            for e in s.entities
        ]
        panels = [
            Panel(ctx.t("views"), MAROON, top_views),
            Panel(ctx.t("minutes"), TEAL, top_min),
        ]
        out.append(f"<h3>{ctx.h('attention')}</h3>")
        out.append(
            figure(hbar_chart(ctx, ctx.t("attention"), rows, panels), ctx.h("attention_caption"))
        )
        table_rows = [
            [
                esc(ctx.entity_name(e.entity)),
                bdi(ctx.num(e.views)),
                bdi(ctx.num(e.dwell_s / 60, 1)),
                bdi(ctx.num(e.dwell_s / e.views if e.views else 0, 1)),
            ]
            for e in s.entities
        ]
        out.append(
            table(
                [ctx.t("entity"), ctx.t("views"), ctx.t("minutes"), ctx.t("avg_view")],
                table_rows,
                [False, True, True, True],
            )
        )
    if s.slides:
        out.append(f"<h3>{ctx.h('top_slides')}</h3>")
        rows2 = []
        for sl in s.slides:
            rows2.append(
                [
                    esc(ctx.entity_name(sl.entity)),
                    esc(_slide_title(ctx, sl.entity, sl.slide)),
                    bdi(ctx.num(sl.shows)),
                    bdi(ctx.num(sl.seconds / sl.shows if sl.shows else 0, 1)),
                ]
            )
        out.append(
            table(
                [ctx.t("entity"), ctx.t("slide"), ctx.t("shows"), ctx.t("avg_shown")],
                rows2,
                [False, False, True, True],
            )
        )
    return "".join(out)


def _slide_title(ctx: Ctx, entity_id: str, slide_id: str) -> str:
    try:
        slide = next(s for s in ctx.bundle.entity(entity_id).slides if s.id == slide_id)
    except (KeyError, StopIteration):
        return slide_id
    text = slide.title or slide.caption
    if text is None:
        return slide_id
    value = text.get(ctx.lang)
    return value if len(value) <= 90 else value[:88].rstrip() + "…"


def _funnel_chart(ctx: Ctx, f: Funnel) -> str:
    demo = ctx.demo(f.entity, f.demo)
    reached = dict(f.steps)
    if demo is not None:
        steps = [(i + 1, sc.title.get(ctx.lang)) for i, sc in enumerate(demo.screens)]
    else:
        steps = [(n, "") for n, _ in f.steps]
    top = max([f.started, f.completed, *reached.values()])

    def row(label: str, n: int, colour: str, bold: bool = False) -> Row:
        return Row(label, [n], [f"{ctx.num(n)} · {ctx.pct(n, f.started)}"], colour, bold=bold)

    rows = [row(ctx.t("started"), f.started, MAROON, True)]
    for n, title in steps:
        label = (
            ctx.t("step", n=str(n), title=title)
            if title
            else ctx.t("step", n=str(n), title="").rstrip(": ")
        )
        rows.append(row(label, reached.get(n, 0), TEAL))
    rows.append(row(ctx.t("completed"), f.completed, GREEN, True))
    label = f"{ctx.entity_name(f.entity)} — {ctx.demo_title(f.entity, f.demo)}"
    return hbar_chart(ctx, label, rows, [Panel("", MAROON, top)], label_width=420)


def demos_section(ctx: Ctx, s: Summary) -> str:
    out = [f'<h2 id="demos">{ctx.h("s_demos")}</h2>']
    funnels = [f for f in s.funnels if f.started or f.completed]
    if not funnels:
        out.append(f'<p class="empty">{ctx.h("no_demos")}</p>')
        return "".join(out)
    out.append(f'<p class="note">{ctx.h("funnel_note")}</p>')
    for f in _bundle_order(ctx, funnels):
        title = (
            f'<h3><span class="entity">{esc(ctx.entity_name(f.entity))}</span> '
            f"{esc(ctx.demo_title(f.entity, f.demo))}</h3>"
        )
        cap = ctx.h(
            "funnel_caption",
            started=bdi(ctx.num(f.started)),
            completed=bdi(ctx.num(f.completed)),
            p=bdi(ctx.pct(f.completed, f.started)),
            abandoned=bdi(ctx.num(f.abandoned)),
        )
        out.append(f'<div class="keep">{title}{figure(_funnel_chart(ctx, f), cap)}</div>')
    return "".join(out)


def _bundle_order(ctx: Ctx, funnels: list[Funnel]) -> list[Funnel]:
    order: dict[tuple[str, str], int] = {}
    for ei, e in enumerate(ctx.bundle.entities):
        for di, d in enumerate(e.demos):
            order[(e.id, d.id)] = ei * 1000 + di
    return sorted(funnels, key=lambda f: (order.get((f.entity, f.demo), 10**9), f.entity, f.demo))


def _lang_name(ctx: Ctx, code: str) -> str:
    key = f"lang_{code}"
    return ctx.t(key) if key in WORDS else iso(code)


def visitors_section(ctx: Ctx, s: Summary) -> str:
    out = [f'<h2 id="visitors">{ctx.h("s_visitors")}</h2>']
    if s.languages:
        rows = [
            Row(_lang_name(ctx, code), [n], [f"{ctx.num(n)} · {ctx.pct(n, s.sessions)}"])
            for code, n in s.languages
        ]
        top = max(max(n for _, n in s.languages), s.sessions)
        chart = hbar_chart(ctx, ctx.t("languages"), rows, [Panel("", MAROON, top)], label_width=220)
        out.append(f"<h3>{ctx.h('languages')}</h3>")
        out.append(figure(chart, ctx.h("languages_caption")))
    out.append(f"<h3>{ctx.h('feedback')}</h3>")
    ratings = dict(s.feedback)
    total = sum(ratings.values())
    if total:
        colours = {3: GREEN, 2: GREY, 1: RED}
        rows = [
            Row(
                ctx.t(f"rate_{r}"),
                [ratings.get(r, 0)],
                [f"{ctx.num(ratings.get(r, 0))} · {ctx.pct(ratings.get(r, 0), total)}"],
                colours[r],
                mood=r - 2,
            )
            for r in (3, 2, 1)
        ]
        chart = hbar_chart(
            ctx,
            ctx.t("feedback"),
            rows,
            [Panel("", MAROON, max(ratings.values()))],
            label_width=220,
        )
        cap = ctx.h(
            "feedback_caption", n=bdi(ctx.num(total)), p=bdi(ctx.pct(ratings.get(3, 0), total))
        )
        out.append(figure(chart, cap))
    else:
        out.append(f'<p class="empty">{ctx.h("no_feedback")}</p>')
    if s.end_reasons:
        ended = sum(n for _, n in s.end_reasons)
        rows3 = [
            [
                esc(ctx.t(f"reason_{r}")) if f"reason_{r}" in WORDS else bdi(str(r)),
                bdi(ctx.num(n)),
                bdi(ctx.pct(n, ended)),
            ]
            for r, n in s.end_reasons
        ]
        out.append(f"<h3>{ctx.h('end_reasons')}</h3>")
        out.append(
            table([ctx.t("reason"), ctx.t("count"), ctx.t("share")], rows3, [False, True, True])
        )
    return "".join(out)
