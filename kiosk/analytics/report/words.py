"""The report's words and colours, and :class:`Ctx`, which writes them in the page's language.

Arabic is Modern Standard Arabic; counted nouns are avoided after numbers so that the sentences
stay grammatical for any count. Numbers and Latin ids inside Arabic text are isolated:
:func:`bdi` in HTML, :func:`iso` in SVG text.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date

from ...bidi import isolated
from ...bundle.model import Bundle, Demo

Lang = str
"""``"ar"`` or ``"en"``."""


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


WORDS: dict[str, tuple[str, str]] = {
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
        "بدأه الزوّار {started} مرة، وأتمّوه {completed} مرة ({p})، وتركوه قبل النهاية"
        " {abandoned} مرة.",
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
    ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
     "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"),
    ("January", "February", "March", "April", "May", "June",
     "July", "August", "September", "October", "November", "December"),
)  # fmt: skip
_WEEKDAYS = (
    ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"),
    ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
)


def esc(text: str) -> str:
    return html.escape(text, quote=True)


@dataclass
class Ctx:
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
        ar, en = WORDS[key]
        return (ar if self.lang == "ar" else en).format(**kw)

    def h(self, key: str, **kw: str) -> str:
        """The same as HTML: the text is escaped, ``kw`` values must already be HTML."""
        ar, en = WORDS[key]
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


def bdi(text: str, *, ltr: bool = True) -> str:
    """Isolate a number, date or Latin id (left to right), or with ``ltr=False`` a phrase whose
    direction comes from its own first letter (a duration such as "2 د 16 ث")."""
    return f'<bdi dir="ltr">{esc(text)}</bdi>' if ltr else f"<bdi>{esc(text)}</bdi>"


def iso(text: str) -> str:
    """Isolate a run inside SVG text (which has no <bdi>)."""
    return isolated(text)
