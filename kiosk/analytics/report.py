"""The staff report: one self-contained HTML file with charts drawn as inline SVG.

Pure Python; never imports PySide6. ``render_report(conn, bundle, "ar" | "en", Filter(...))``
returns the whole page as a string. The page needs nothing outside itself: no network, no
scripts; the demo screenshots and the bundle's OFL fonts are embedded as ``data:`` URIs.

Arabic is written as plain logical text: the browser shapes it and applies the bidi
algorithm (never use arabic_reshaper/python-bidi here). In Arabic the page is
``dir="rtl"`` and every chart is mirrored: bars grow from the right and time runs
right to left. Numbers and Latin ids inside Arabic text are isolated (``<bdi>`` in
HTML, U+2068/U+2069 in SVG text).
"""

from __future__ import annotations

import base64
import html
import math
import sqlite3
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path, PurePosixPath

from ..bundle.model import Bundle, Demo, Screen
from .stats import Filter, Funnel, Summary, heat_points, names, summarize

Lang = str
"""``"ar"`` or ``"en"``."""

MAX_DOTS = 1500
"""Taps drawn per heat map; beyond it an evenly spread sample is drawn (and the caption says so)."""

# Colours: every text colour has a contrast of at least 4.5:1 on white (and on SURFACE);
# bar colours carry white value labels, so they are at least 4.5:1 too.
MAROON = "#8A1538"
TEXT = "#1F1A1C"
MUTED = "#574D52"
SURFACE = "#F6F1EE"
GRID = "#D6CDD1"
TEAL = "#0F6A73"
GREEN = "#2E6B30"
GREY = "#655C61"
RED = "#B3261E"
HIT = "#1D5FBF"
MISS = "#D1410C"

_FSI, _PDI = "\u2068", "\u2069"

# --------------------------------------------------------------------------------------------
# Words. Arabic is Modern Standard Arabic; counted nouns are avoided after numbers so that
# the sentences stay grammatical for any count.

_T: dict[str, tuple[str, str]] = {
    "title": ("تقرير الزوّار", "Visitor report"),
    "generated": ("أُعِدّ في {when}", "Generated {when}"),
    "period": ("الجلسات من {a} إلى {b}", "Sessions from {a} to {b}"),
    "period_one": ("الجلسات يوم {a}", "Sessions on {a}"),
    "filter": ("التصفية: {what}", "Filter: {what}"),
    "filter_since": ("ابتداءً من {d}", "from {d}"),
    "filter_until": ("حتى ما قبل {d}", "until before {d}"),
    "filter_entity": ("الجلسات التي زارت «{name}»", "sessions that visited {name}"),
    "times_note": (
        "الأوقات بالتوقيت المحلي للحاسوب الذي أعدّ هذا التقرير.",
        "Times are in the local time of the computer that made this report.",
    ),
    "contents": ("المحتويات", "Contents"),
    "no_visitors": ("لا زوّار بعد", "No visitors yet"),
    "no_visitors_hint": (
        "لم يسجّل الجهاز أي جلسة زائر لهذا الاختيار. ستظهر الأرقام والرسوم البيانية هنا بعد أن"
        " يلمس الزوّار الشاشة.",
        "The kiosk has not recorded any visitor session for this selection. Figures and charts"
        " appear here once visitors touch the screen.",
    ),
    "s_overview": ("نظرة عامة", "Overview"),
    "k_sessions": ("الجلسات", "Sessions"),
    "k_sessions_hint": (
        "الجلسة زائر واحد، من أول لمسة حتى عودة الجهاز إلى وضع الانتظار",
        "One visitor, from the first touch until the kiosk resets",
    ),
    "k_median": ("المدة الوسيطة للجلسة", "Median session length"),
    "k_median_hint": ("نصف الجلسات أقصر من هذه المدة", "Half of the sessions were shorter"),
    "k_p90": ("مدة الجلسة عند المئين التسعين", "Session length, 90th percentile"),
    "k_p90_hint": ("{p} من الجلسات أقصر من هذه المدة", "{p} of the sessions were shorter"),
    "k_idle": ("انتهاء المهلة", "Idle timeouts"),
    "k_idle_hint": (
        "جلسات أنهاها الجهاز بعد توقّف اللمس ({p} من الجلسات)",
        "Sessions the kiosk ended after nobody touched it ({p} of sessions)",
    ),
    "k_demos": ("عروض توضيحية مكتملة", "Demos completed"),
    "k_demos_hint": ("من أصل {n} بدأها الزوّار ({p})", "Of {n} started by visitors ({p})"),
    "k_misses": ("لمسات خارج الأهداف", "Missed taps"),
    "k_misses_hint": (
        "لمسات على صور العروض لم تُصِب أي منطقة تفاعلية",
        "Taps on demo screens that hit no hotspot",
    ),
    "dur": ("{m} د {s} ث", "{m} min {s} s"),
    "dur_h": ("{h} س {m} د", "{h} h {m} min"),
    "s_hours": ("الجلسات في كل ساعة", "Sessions per hour"),
    "hours_caption": (
        "عدد الجلسات التي بدأت في كل ساعة، يومًا بيوم.",
        "Sessions that started in each hour, day by day.",
    ),
    "s_entities": ("الجهات", "Entities"),
    "attention": ("اهتمام الزوّار بكل جهة", "Attention per entity"),
    "views": ("المشاهدات", "Views"),
    "minutes": ("الوقت (بالدقائق)", "Time (minutes)"),
    "attention_caption": (
        "المشاهدات: عدد مرات فتح صفحة الجهة. الوقت: مجموع ما قضاه الزوّار فيها.",
        "Views: how many times the entity's page was opened. Time: the total time visitors"
        " spent on it.",
    ),
    "entity": ("الجهة", "Entity"),
    "avg_view": ("متوسط المشاهدة (بالثواني)", "Average view (seconds)"),
    "top_slides": ("أكثر الشرائح عرضًا", "Most shown slides"),
    "slide": ("الشريحة", "Slide"),
    "shows": ("مرات العرض", "Times shown"),
    "avg_shown": ("متوسط مدة العرض (بالثواني)", "Average time shown (seconds)"),
    "s_demos": ("العروض التوضيحية", "Service demos"),
    "funnel_note": (
        "تُحسب كل خطوة بعدد الجلسات التي وصلت إليها، والنسب من عدد مرات بدء العرض.",
        "Each step counts the sessions that reached it; percentages are of the times the demo"
        " was started.",
    ),
    "funnel_caption": (
        "بدأه الزوّار {started} مرة، وأتمّوه {completed} مرة ({p})، وتركوه قبل النهاية {abandoned} مرة.",
        "Started {started} times, completed {completed} times ({p}), left before the end"
        " {abandoned} times.",
    ),
    "started": ("بدء العرض", "Started"),
    "step": ("الخطوة {n}: {title}", "Step {n}: {title}"),
    "completed": ("إتمام العرض", "Completed"),
    "no_demos": (
        "لم يبدأ أي زائر عرضًا توضيحيًا لهذا الاختيار.",
        "No visitor started a demo for this selection.",
    ),
    "s_visitors": ("اللغة والتقييم", "Language and ratings"),
    "languages": ("لغة الجلسات", "Languages"),
    "languages_caption": (
        "عدد الجلسات التي استُخدمت فيها كل لغة، ونسبتها من كل الجلسات؛ قد يستخدم الزائر اللغتين"
        " في جلسة واحدة.",
        "Sessions that used each language, and their share of all sessions; a visitor may use"
        " both in one session.",
    ),
    "lang_ar": ("العربية", "Arabic"),
    "lang_en": ("الإنجليزية", "English"),
    "feedback": ("تقييم الزوّار للعروض التوضيحية", "Visitor ratings of the demos"),
    "feedback_caption": (
        "عدد التقييمات: {n}. نسبة الراضين: {p}.",
        "{n} ratings; {p} satisfied.",
    ),
    "rate_3": ("راضٍ", "Satisfied"),
    "rate_2": ("محايد", "Neutral"),
    "rate_1": ("غير راضٍ", "Not satisfied"),
    "no_feedback": ("لم يقيّم أي زائر العروض بعد.", "No ratings yet."),
    "end_reasons": ("كيف انتهت الجلسات", "How sessions ended"),
    "reason": ("السبب", "Reason"),
    "count": ("العدد", "Count"),
    "share": ("النسبة", "Share"),
    "reason_idle": (
        "لم يلمس أحد الشاشة، فعاد الجهاز إلى وضع الانتظار",
        "Nobody touched the screen, so the kiosk reset",
    ),
    "reason_crash": (
        "توقّف برنامج الجهاز ثم أُعيد تشغيله",
        "The kiosk program stopped and was restarted",
    ),
    "s_heat": ("خرائط اللمس", "Tap heat maps"),
    "heat_intro": (
        "أين لمس الزوّار صور الشاشات في العروض التوضيحية. كثرة اللمسات خارج المناطق التفاعلية"
        " تعني أن الزائر لم يجد ما يبحث عنه بسهولة.",
        "Where visitors tapped on the demo screenshots. Many taps outside the hotspots mean"
        " that visitors did not easily find what to tap.",
    ),
    "hit": ("لمسة أصابت منطقة تفاعلية", "Tap on a hotspot"),
    "miss": ("لمسة خارج المناطق التفاعلية", "Tap that missed"),
    "hotspot": ("منطقة تفاعلية", "Hotspot"),
    "heat_stats": (
        "عدد اللمسات: {n}، منها {m} خارج المناطق التفاعلية ({p}).",
        "{n} taps, {m} of them outside the hotspots ({p}).",
    ),
    "heat_sample": (
        "تظهر في الصورة عينة من {k} لمسة موزّعة على كل اللمسات.",
        "The picture shows an even sample of {k} of them.",
    ),
    "no_image": ("صورة هذه الشاشة غير موجودة في الحزمة.", "This screenshot is not in the bundle."),
    "no_taps": (
        "لا توجد لمسات مسجّلة على صور العروض لهذا الاختيار.",
        "No taps on demo screenshots for this selection.",
    ),
    "footer": (
        "أُعِدّ هذا التقرير من سجل أحداث مجهول الهوية لا يحوي أي بيانات شخصية.",
        "Made from an anonymous event log that holds no personal data.",
    ),
}

_MONTHS = (
    ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"),
    ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"),
)  # fmt: skip
_WEEKDAYS = (
    ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"),
    ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
)


def esc(text: str) -> str:
    return html.escape(text, quote=True)


@dataclass
class _Ctx:
    lang: Lang
    bundle: Bundle
    known: dict[str, tuple[str, str, int]]

    @property
    def rtl(self) -> bool:
        return self.lang == "ar"

    @property
    def dir(self) -> str:
        return "rtl" if self.rtl else "ltr"

    def t(self, key: str, **kw: str) -> str:
        """Plain text (not escaped); ``kw`` values are plain text too."""
        ar, en = _T[key]
        return (ar if self.lang == "ar" else en).format(**kw)

    def h(self, key: str, **kw: str) -> str:
        """The same as HTML: the text is escaped, ``kw`` values must already be HTML."""
        ar, en = _T[key]
        return esc(ar if self.lang == "ar" else en).format(**kw)

    def entity_name(self, entity_id: str) -> str:
        try:
            return self.bundle.entity(entity_id).name.get(self.lang)
        except KeyError:
            ar, en, _ = self.known.get(entity_id, (entity_id, entity_id, 0))
            return ar if self.lang == "ar" else en

    def demo(self, entity_id: str, demo_id: str) -> Demo | None:
        try:
            entity = self.bundle.entity(entity_id)
        except KeyError:
            return None
        return next((d for d in entity.demos if d.id == demo_id), None)

    def demo_title(self, entity_id: str, demo_id: str) -> str:
        demo = self.demo(entity_id, demo_id)
        return demo.title.get(self.lang) if demo else demo_id

    def num(self, n: float, digits: int = 0) -> str:
        return f"{n:,.{digits}f}"

    def pct(self, part: float, whole: float) -> str:
        if whole <= 0:
            return "—"
        return f"{round(100 * part / whole)}{'٪' if self.rtl else '%'}"

    def dur(self, seconds: float) -> str:
        s = max(0, round(seconds))
        if s >= 3600:
            return self.t("dur_h", h=str(s // 3600), m=str(s % 3600 // 60))
        return self.t("dur", m=str(s // 60), s=str(s % 60))

    def day(self, d: date, *, weekday: bool = True, year: bool = True) -> str:
        i = 0 if self.rtl else 1
        text = f"{d.day} {_MONTHS[i][d.month - 1]}"
        if year:
            text += f" {d.year}"
        return f"{_WEEKDAYS[i][d.weekday()]} {text}" if weekday else text


def _bdi(text: str, *, ltr: bool = True) -> str:
    """Isolate a number, date or Latin id (left to right), or with ``ltr=False`` a phrase whose
    direction comes from its own first letter (a duration such as "2 د 16 ث")."""
    return f'<bdi dir="ltr">{esc(text)}</bdi>' if ltr else f"<bdi>{esc(text)}</bdi>"


def _iso(text: str) -> str:
    """Isolate a run inside SVG text (which has no <bdi>)."""
    return f"{_FSI}{text}{_PDI}"


# --------------------------------------------------------------------------------------------
# SVG helpers. Coordinates are logical: x grows from the start edge (the right in Arabic);
# _Svg mirrors them. Text anchors are logical too ("start" is the right in Arabic), because
# every chart's <svg> carries the page direction.


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


class _Svg:
    def __init__(self, ctx: _Ctx, width: float, label: str) -> None:
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
            f'<rect x="{px:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" height="{h:.1f}" fill="{fill}"{body}'
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
            f'<g fill="none" stroke="{colour}" stroke-width="{r * 0.16:.1f}" stroke-linecap="round">'
            f'<circle cx="{px:.1f}" cy="{cy:.1f}" r="{r:.1f}"/>'
            f'<path d="M{px - m:.1f} {my:.1f} Q{px:.1f} {my + curve:.1f} {px + m:.1f} {my:.1f}"/>'
            f'<circle cx="{px - e:.1f}" cy="{cy - r * 0.25:.1f}" r="{r * 0.06:.1f}" fill="{colour}"/>'
            f'<circle cx="{px + e:.1f}" cy="{cy - r * 0.25:.1f}" r="{r * 0.06:.1f}" fill="{colour}"/>'
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
class _Panel:
    heading: str
    colour: str
    top: float
    """The value that fills the panel."""


@dataclass
class _Row:
    label: str
    values: list[float]
    texts: list[str]
    colour: str | None = None
    mood: int | None = None
    bold: bool = False


def hbar_chart(
    ctx: _Ctx,
    label: str,
    rows: Sequence[_Row],
    panels: Sequence[_Panel],
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
    svg = _Svg(ctx, width, label)
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


def hours_chart(ctx: _Ctx, per_hour: Sequence[tuple[str, int]]) -> str:
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
    svg = _Svg(ctx, width, ctx.t("s_hours"))
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


# --------------------------------------------------------------------------------------------
# Embedded files


def _image_size(data: bytes) -> tuple[int, int] | None:
    """Pixel size of a PNG or JPEG, read from its header."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        w, h = struct.unpack(">II", data[16:24])
        return int(w), int(h)
    if data[:2] == b"\xff\xd8":
        i = 2
        while i + 9 < len(data):
            if data[i] != 0xFF:
                i += 1
                continue
            marker = data[i + 1]
            if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
                i += 2
                continue
            (length,) = struct.unpack(">H", data[i + 2 : i + 4])
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                h, w = struct.unpack(">HH", data[i + 5 : i + 9])
                return int(w), int(h)
            i += 2 + length
    return None


_MIME = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
}


def data_uri(path: Path) -> str:
    mime = _MIME.get(path.suffix.lower(), "application/octet-stream")
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def font_info(data: bytes) -> tuple[str, int] | None:
    """(family, weight) from a TrueType/OpenType font's name and OS/2 tables."""
    try:
        (count,) = struct.unpack_from(">H", data, 4)
        tables: dict[bytes, int] = {}
        for i in range(count):
            tag, _sum, offset, _len = struct.unpack_from(">4sIII", data, 12 + 16 * i)
            tables[tag] = offset
        weight = 400
        if b"OS/2" in tables:
            (weight,) = struct.unpack_from(">H", data, tables[b"OS/2"] + 4)
        base = tables[b"name"]
        _fmt, n, strings = struct.unpack_from(">HHH", data, base)
        found: dict[int, str] = {}
        for i in range(n):
            pid, _eid, lid, nid, length, offset = struct.unpack_from(
                ">HHHHHH", data, base + 6 + 12 * i
            )
            if nid not in (1, 16) or (pid == 3 and lid != 0x409):
                continue
            raw = data[base + strings + offset : base + strings + offset + length]
            if pid in (0, 3):
                found.setdefault(nid, raw.decode("utf-16-be", errors="replace"))
            elif pid == 1:
                found.setdefault(nid, raw.decode("latin-1"))
        family = found.get(16) or found.get(1)
    except (struct.error, KeyError):
        return None
    return (family, int(weight)) if family else None


def font_faces(bundle: Bundle, lang: Lang) -> tuple[str, dict[str, str]]:
    """@font-face rules for the bundle's fonts used by ``lang``; and role → CSS family."""
    roles: dict[str, tuple[str, tuple[int, ...] | None]] = (
        {
            "body": (bundle.fonts.arabic, None),
            "heading": (bundle.fonts.arabic_heading, None),
            "latin": (bundle.fonts.latin, (400,)),  # digits and punctuation Naskh lacks
        }
        if lang == "ar"
        else {"body": (bundle.fonts.latin, None)}
    )
    rules: list[str] = []
    families: dict[str, str] = {}
    for rel in bundle.fonts.files:
        path = bundle.path(PurePosixPath(rel))
        try:
            data = path.read_bytes()
        except OSError:
            continue
        info = font_info(data)
        if info is None:
            continue
        family, weight = info
        for role, (wanted, weights) in roles.items():
            if family != wanted or (weights is not None and weight not in weights):
                continue
            css = f"kr-{role}"
            families[role] = css
            uri = f"data:{_MIME.get(path.suffix.lower(), 'font/ttf')};base64,{base64.b64encode(data).decode('ascii')}"
            rules.append(
                f'@font-face{{font-family:"{css}";src:url({uri}) format("truetype");'
                f"font-weight:{weight};font-style:normal;font-display:block}}"
            )
    return "\n".join(rules), families


# --------------------------------------------------------------------------------------------
# Sections


def _key_figures(ctx: _Ctx, s: Summary) -> str:
    started = sum(f.started for f in s.funnels)
    completed = sum(f.completed for f in s.funnels)
    cards = [
        (ctx.t("k_sessions"), _bdi(ctx.num(s.sessions)), ctx.h("k_sessions_hint")),
        (ctx.t("k_median"), _bdi(ctx.dur(s.median_s), ltr=False), ctx.h("k_median_hint")),
        (
            ctx.t("k_p90"),
            _bdi(ctx.dur(s.p90_s), ltr=False),
            ctx.h("k_p90_hint", p=_bdi(ctx.pct(90, 100))),
        ),
        (
            ctx.t("k_idle"),
            _bdi(ctx.num(s.idle_timeouts)),
            ctx.h("k_idle_hint", p=_bdi(ctx.pct(s.idle_timeouts, s.sessions))),
        ),
        (
            ctx.t("k_demos"),
            _bdi(ctx.num(completed)),
            ctx.h("k_demos_hint", n=_bdi(ctx.num(started)), p=_bdi(ctx.pct(completed, started))),
        ),
        (ctx.t("k_misses"), _bdi(ctx.num(s.hotspot_misses)), ctx.h("k_misses_hint")),
    ]
    items = "".join(
        f'<div class="card"><dt>{esc(label)}</dt><dd class="value">{value}</dd><dd class="hint">{hint}</dd></div>'
        for label, value, hint in cards
    )
    return f'<dl class="cards">{items}</dl>'


def _figure(chart: str, caption: str = "", cls: str = "") -> str:
    cap = f"<figcaption>{caption}</figcaption>" if caption else ""
    klass = f' class="{cls}"' if cls else ""
    return f"<figure{klass}>{chart}{cap}</figure>"


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[bool]) -> str:
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


def _entities_section(ctx: _Ctx, s: Summary) -> str:
    out = [f'<h2 id="entities">{ctx.h("s_entities")}</h2>']
    if s.entities:
        top_views = max(e.views for e in s.entities)
        top_min = max(e.dwell_s for e in s.entities) / 60
        rows = [
            _Row(
                ctx.entity_name(e.entity),
                [e.views, e.dwell_s / 60],
                [ctx.num(e.views), ctx.num(e.dwell_s / 60)],
            )
            for e in s.entities
        ]
        panels = [
            _Panel(ctx.t("views"), MAROON, top_views),
            _Panel(ctx.t("minutes"), TEAL, top_min),
        ]
        out.append(f"<h3>{ctx.h('attention')}</h3>")
        out.append(
            _figure(hbar_chart(ctx, ctx.t("attention"), rows, panels), ctx.h("attention_caption"))
        )
        table_rows = [
            [
                esc(ctx.entity_name(e.entity)),
                _bdi(ctx.num(e.views)),
                _bdi(ctx.num(e.dwell_s / 60, 1)),
                _bdi(ctx.num(e.dwell_s / e.views if e.views else 0, 1)),
            ]
            for e in s.entities
        ]
        out.append(
            _table(
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
                    _bdi(ctx.num(sl.shows)),
                    _bdi(ctx.num(sl.seconds / sl.shows if sl.shows else 0, 1)),
                ]
            )
        out.append(
            _table(
                [ctx.t("entity"), ctx.t("slide"), ctx.t("shows"), ctx.t("avg_shown")],
                rows2,
                [False, False, True, True],
            )
        )
    return "".join(out)


def _slide_title(ctx: _Ctx, entity_id: str, slide_id: str) -> str:
    try:
        slide = next(s for s in ctx.bundle.entity(entity_id).slides if s.id == slide_id)
    except (KeyError, StopIteration):
        return slide_id
    text = slide.title or slide.caption
    if text is None:
        return slide_id
    value = text.get(ctx.lang)
    return value if len(value) <= 90 else value[:88].rstrip() + "…"


def _funnel_chart(ctx: _Ctx, f: Funnel) -> str:
    demo = ctx.demo(f.entity, f.demo)
    reached = dict(f.steps)
    if demo is not None:
        steps = [(i + 1, sc.title.get(ctx.lang)) for i, sc in enumerate(demo.screens)]
    else:
        steps = [(n, "") for n, _ in f.steps]
    top = max([f.started, f.completed, *reached.values()])

    def row(label: str, n: int, colour: str, bold: bool = False) -> _Row:
        return _Row(label, [n], [f"{ctx.num(n)} · {ctx.pct(n, f.started)}"], colour, bold=bold)

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
    return hbar_chart(ctx, label, rows, [_Panel("", MAROON, top)], label_width=420)


def _demos_section(ctx: _Ctx, s: Summary) -> str:
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
            started=_bdi(ctx.num(f.started)),
            completed=_bdi(ctx.num(f.completed)),
            p=_bdi(ctx.pct(f.completed, f.started)),
            abandoned=_bdi(ctx.num(f.abandoned)),
        )
        out.append(f'<div class="keep">{title}{_figure(_funnel_chart(ctx, f), cap)}</div>')
    return "".join(out)


def _bundle_order(ctx: _Ctx, funnels: list[Funnel]) -> list[Funnel]:
    order: dict[tuple[str, str], int] = {}
    for ei, e in enumerate(ctx.bundle.entities):
        for di, d in enumerate(e.demos):
            order[(e.id, d.id)] = ei * 1000 + di
    return sorted(funnels, key=lambda f: (order.get((f.entity, f.demo), 10**9), f.entity, f.demo))


def _lang_name(ctx: _Ctx, code: str) -> str:
    key = f"lang_{code}"
    return ctx.t(key) if key in _T else _iso(code)


def _visitors_section(ctx: _Ctx, s: Summary) -> str:
    out = [f'<h2 id="visitors">{ctx.h("s_visitors")}</h2>']
    if s.languages:
        rows = [
            _Row(_lang_name(ctx, code), [n], [f"{ctx.num(n)} · {ctx.pct(n, s.sessions)}"])
            for code, n in s.languages
        ]
        top = max(max(n for _, n in s.languages), s.sessions)
        chart = hbar_chart(
            ctx, ctx.t("languages"), rows, [_Panel("", MAROON, top)], label_width=220
        )
        out.append(f"<h3>{ctx.h('languages')}</h3>")
        out.append(_figure(chart, ctx.h("languages_caption")))
    out.append(f"<h3>{ctx.h('feedback')}</h3>")
    ratings = dict(s.feedback)
    total = sum(ratings.values())
    if total:
        colours = {3: GREEN, 2: GREY, 1: RED}
        rows = [
            _Row(
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
            [_Panel("", MAROON, max(ratings.values()))],
            label_width=220,
        )
        cap = ctx.h(
            "feedback_caption", n=_bdi(ctx.num(total)), p=_bdi(ctx.pct(ratings.get(3, 0), total))
        )
        out.append(_figure(chart, cap))
    else:
        out.append(f'<p class="empty">{ctx.h("no_feedback")}</p>')
    if s.end_reasons:
        ended = sum(n for _, n in s.end_reasons)
        rows3 = [
            [
                esc(ctx.t(f"reason_{r}")) if f"reason_{r}" in _T else _bdi(str(r)),
                _bdi(ctx.num(n)),
                _bdi(ctx.pct(n, ended)),
            ]
            for r, n in s.end_reasons
        ]
        out.append(f"<h3>{ctx.h('end_reasons')}</h3>")
        out.append(
            _table([ctx.t("reason"), ctx.t("count"), ctx.t("share")], rows3, [False, True, True])
        )
    return "".join(out)


@dataclass
class _HeatScreen:
    entity: str
    demo: str
    screen: str
    points: list[tuple[float, float, bool]]
    order: int = 10**9
    info: Screen | None = None
    step: int = 0
    label: str = ""


def heat_map_svg(ctx: _Ctx, hs: _HeatScreen) -> str:
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
            size = _image_size(data)
            mime = _MIME.get(path.suffix.lower(), "application/octet-stream")
            image_uri = f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
    w, h = size or (1920, 1080)
    n = len(hs.points)
    points = hs.points if n <= MAX_DOTS else [hs.points[i * n // MAX_DOTS] for i in range(MAX_DOTS)]
    r = w * 0.011
    opacity = max(0.18, min(0.6, 12 / math.sqrt(max(len(points), 1))))
    parts = [
        f'<svg class="heat" viewBox="0 0 {w} {h}" width="{w}" height="{h}" direction="ltr" role="img" '
        f'aria-label="{esc(hs.label)}"><title>{esc(hs.label)}</title>'
    ]
    if image_uri:
        parts.append(
            f'<image href="{esc(image_uri)}" x="0" y="0" width="{w}" height="{h}" preserveAspectRatio="none"/>'
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
            f'<g fill="{colour}" fill-opacity="{opacity:.2f}" stroke="#FFFFFF" stroke-opacity="0.7" '
            f'stroke-width="{w * 0.0012:.1f}">{dots}</g>'
        )
    spots = hs.info.hotspots if hs.info is not None else ()
    for spot in spots:
        rect = f'x="{spot.x * w:.1f}" y="{spot.y * h:.1f}" width="{spot.w * w:.1f}" height="{spot.h * h:.1f}" rx="{w * 0.004:.1f}"'
        parts.append(f'<rect {rect} fill="none" stroke="#FFFFFF" stroke-width="{w * 0.006:.1f}"/>')
        parts.append(
            f'<rect {rect} fill="none" stroke="{TEXT}" stroke-width="{w * 0.0025:.1f}" stroke-dasharray="{w * 0.012:.1f} {w * 0.006:.1f}"/>'
        )
    if not image_uri:
        parts.append(
            f'<text x="{w / 2}" y="{h / 2}" text-anchor="middle" font-size="{w * 0.03:.0f}" fill="{MUTED}" '
            f'direction="{ctx.dir}">{esc(ctx.t("no_image"))}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _heat_section(
    ctx: _Ctx, heat: dict[tuple[str, str, str], list[tuple[float, float, bool]]]
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
                f'<rect x="2" y="4" width="16" height="12" fill="none" stroke="{TEXT}" stroke-width="2" stroke-dasharray="4 2"/>'
            ),
            ctx.h("hotspot"),
        ),
    ]
    out.append(
        '<ul class="legend">'
        + "".join(f"<li>{s}<span>{t}</span></li>" for s, t in legend)
        + "</ul>"
    )
    screens: list[_HeatScreen] = []
    for (e, d, sc), pts in heat.items():
        hs = _HeatScreen(e, d, sc, pts)
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
            "heat_stats", n=_bdi(ctx.num(n)), m=_bdi(ctx.num(misses)), p=_bdi(ctx.pct(misses, n))
        )
        if n > MAX_DOTS:
            stats += " " + ctx.h("heat_sample", k=_bdi(ctx.num(MAX_DOTS)))
        caption = (
            f'<span class="where">{esc(ctx.entity_name(hs.entity))} — {esc(ctx.demo_title(hs.entity, hs.demo))}</span>'
            f'<span class="step">{esc(step)}</span><span class="stats">{stats}</span>'
        )
        out.append(_figure(heat_map_svg(ctx, hs), caption, "heatmap"))
    out.append("</div>")
    return "".join(out)


# --------------------------------------------------------------------------------------------
# The page

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
header.cover{border-block-start:10px solid var(--maroon);padding-block-start:20px;margin-block-end:24px}
header.cover .bundle{font-size:1.2em;margin:.2em 0 .6em;font-weight:700}
header.cover p{margin:.15em 0;color:var(--muted)}
nav.toc{margin:16px 0 8px;padding:10px 16px;background:var(--surface)}
nav.toc ol{margin:0;padding-inline-start:1.4em;columns:2}
nav.toc a{color:var(--maroon)}
section{margin-block-start:40px}
.cards{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:14px;margin:0}
.card{background:var(--surface);border-inline-start:6px solid var(--maroon);padding:12px 16px;break-inside:avoid}
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
.novisitors{margin:48px 0;padding:32px;background:var(--surface);border-inline-start:8px solid var(--maroon)}
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
footer{margin-block-start:48px;padding-block-start:12px;border-block-start:1px solid var(--grid);color:var(--muted);font-size:.85em}
@media (max-width:760px){.cards{grid-template-columns:repeat(2,minmax(0,1fr))}.heatmaps{grid-template-columns:1fr}}
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
    ctx = _Ctx(lang, bundle, names(conn))
    s = summarize(conn, f)
    faces, families = font_faces(bundle, lang)
    latin = f'"{families["latin"]}",' if "latin" in families else ""
    if lang == "ar":
        body_font = f'"{families.get("body", "Noto Naskh Arabic")}",{latin}"Noto Naskh Arabic","Amiri","Arial",sans-serif'
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
        what.append(ctx.h("filter_since", d=_bdi(f.since)))
    if f.until:
        what.append(ctx.h("filter_until", d=_bdi(f.until)))
    if f.entity:
        what.append(ctx.h("filter_entity", name=esc(ctx.entity_name(f.entity))))
    if what:
        cover.append(
            f"<p>{ctx.h('filter', what='، '.join(what) if ctx.rtl else ', '.join(what))}</p>"
        )
    cover.append(f"<p>{ctx.h('generated', when=_bdi(when))}</p></header>")
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
        overview = [f'<h2 id="overview">{ctx.h("s_overview")}</h2>', _key_figures(ctx, s)]
        if s.per_hour:
            overview.append(f"<h3>{ctx.h('s_hours')}</h3>")
            overview.append(
                _figure(
                    hours_chart(ctx, s.per_hour), f"{ctx.h('hours_caption')} {ctx.h('times_note')}"
                )
            )
        body.append(f"<section>{''.join(overview)}</section>")
        body.append(f"<section>{_entities_section(ctx, s)}</section>")
        body.append(f"<section>{_demos_section(ctx, s)}</section>")
        body.append(f"<section>{_visitors_section(ctx, s)}</section>")
        body.append(f"<section>{_heat_section(ctx, heat)}</section>")
    foot = [f"<footer><p>{ctx.h('footer')}</p></footer>", "</main></body>", "</html>", ""]
    return "\n".join([*head, "".join(cover), *body, *foot])
