"""Mock e-service screenshots (1920x1080 PNG) for the service demos.

Every button is drawn by :class:`Shot`, which records its normalised rectangle in
``HOTSPOTS`` (checked against the manifests by :mod:`.manifests`). ``SHOTS`` at the end
lists each entity's screens.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen

from . import settings
from .colours import ACCENTS, INK, LINE, MAROON, MUTED, PAGE, WHITE, colour, tint
from .logos import emblem
from .output import save
from .settings import H, W
from .shapes import badge, card, check_mark, circle, icon, line, rounded, shadow, star8_path
from .text import draw_text, text_width

ENTITY_NAMES: dict[str, tuple[str, str]] = {  # (English, Arabic), for the screenshot header band
    "mict": (
        "Ministry of Information and Communications Technology",
        "وزارة الاتصالات وتكنولوجيا المعلومات",
    ),
    "moi": ("Ministry of Interior", "وزارة الداخلية"),
    "mec": ("Ministry of Economy and Commerce", "وزارة الاقتصاد والتجارة"),
    "mada": ("Ministry of Administrative Development", "وزارة التنمية الإدارية"),
    "sec": ("Supreme Education Council", "المجلس الأعلى للتعليم"),
    "pp": ("Public Prosecution", "النيابة العامة"),
}

HOTSPOTS: dict[str, dict[str, tuple[float, float, float, float]]] = {}
"""Bundle-relative image path -> button key -> normalised [x, y, w, h] as drawn."""


def norm(r: QRectF) -> tuple[float, float, float, float]:
    return (
        round(r.x() / W, 4),
        round(r.y() / H, 4),
        round(r.width() / W, 4),
        round(r.height() / H, 4),
    )


@dataclass
class Shot:
    """One mock screenshot: page chrome + helpers that record where each button is drawn."""

    eid: str
    name: str
    en_title: str
    ar_title: str

    def __post_init__(self) -> None:
        self.accent = QColor(ACCENTS[self.eid])
        self.img = QImage(W, H, QImage.Format.Format_RGB32)
        self.img.fill(PAGE)
        self.p = QPainter(self.img)
        self.p.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.rel = f"entities/{self.eid}/demo/{self.name}.png"
        self.buttons: dict[str, QRectF] = {}
        self.chrome()

    # chrome: portal bar, entity band, page title -------------------------------------------------
    def chrome(self) -> None:
        p = self.p
        p.fillRect(QRectF(0, 0, W, 104), WHITE)
        p.fillRect(QRectF(0, 104, W, 8), MAROON)
        # a neutral portal mark (not a real logo): a white eight-pointed star on maroon
        mark = QRectF(64, 22, 60, 60)
        rounded(p, mark, 12, MAROON)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(WHITE)
        p.drawPath(star8_path(mark.center().x(), mark.center().y(), 21))
        circle(p, mark.center().x(), mark.center().y(), 7, MAROON)
        draw_text(p, QRectF(144, 22, 560, 60), "Government e-services", 30, INK, bold=True)
        draw_text(
            p,
            QRectF(W - 64 - 560, 18, 560, 66),
            "الخدمات الحكومية الإلكترونية",
            28,
            INK,
            bold=True,
            heading=True,
        )
        # the "demo" chip: this is a mock, with sample data
        chip = QRectF(W / 2 - 170, 30, 340, 46)
        rounded(p, chip, 23, tint(MAROON, 0.08), MAROON, 2)
        draw_text(
            p,
            QRectF(chip.left() + 24, chip.top(), 120, chip.height()),
            "DEMO",
            22,
            MAROON,
            bold=True,
            align="left",
        )
        circle(p, chip.center().x() - 16, chip.center().y(), 4, MAROON)
        draw_text(
            p,
            QRectF(chip.center().x() - 4, chip.top() - 2, 150, chip.height()),
            "عرض توضيحي",
            21,
            MAROON,
            bold=True,
            align="right",
        )
        # entity band
        band = QRectF(0, 112, W, 88)
        p.fillRect(band, self.accent)
        circle(p, 64 + 30, band.center().y(), 30, WHITE)
        emblem(p, self.eid, 64 + 30, band.center().y() + 1, 38, self.accent, WHITE)
        en, ar = ENTITY_NAMES[self.eid]
        draw_text(p, QRectF(144, band.top(), 840, band.height()), en, 28, WHITE, bold=True)
        draw_text(
            p,
            QRectF(W - 64 - 800, band.top(), 800, band.height()),
            ar,
            27,
            WHITE,
            bold=True,
            heading=True,
        )
        # page title, English left and Arabic right
        self.pair(
            QRectF(64, 226, W - 128, 80),
            self.en_title,
            self.ar_title,
            44,
            INK,
            bold=True,
            heading=True,
        )
        p.fillRect(QRectF(64, 318, W - 128, 2), LINE)

    # building blocks ---------------------------------------------------------------------------
    def pair(
        self,
        rect: QRectF,
        en: str,
        ar: str,
        px: float,
        ink: QColor,
        *,
        bold: bool = False,
        heading: bool = False,
        gap: float = 40,
    ) -> None:
        """English at the left, Arabic at the right of one row."""
        half = (rect.width() - gap) / 2
        draw_text(
            self.p, QRectF(rect.left(), rect.top(), half, rect.height()), en, px, ink, bold=bold
        )
        draw_text(
            self.p,
            QRectF(rect.right() - half, rect.top(), half, rect.height()),
            ar,
            px,
            ink,
            bold=bold,
            heading=heading,
        )

    def stacked(
        self, rect: QRectF, en: str, ar: str, px: float, ink: QColor, *, bold: bool = True
    ) -> None:
        """Arabic above English, both centred."""
        h = rect.height() / 2
        draw_text(
            self.p,
            QRectF(rect.left(), rect.top(), rect.width(), h),
            ar,
            px,
            ink,
            bold=bold,
            heading=bold,
            align="center",
        )
        draw_text(
            self.p,
            QRectF(rect.left(), rect.top() + h, rect.width(), h),
            en,
            px * 0.92,
            ink,
            bold=bold,
            align="center",
        )

    def button(self, key: str, rect: QRectF, en: str, ar: str, style: str = "primary") -> QRectF:
        """A bilingual button; its rectangle is recorded for the hotspot check."""
        p = self.p
        if style == "primary":
            shadow(p, rect, 16, 12, 2)
            rounded(p, rect, 16, self.accent)
            ink = WHITE
        else:
            rounded(p, rect, 16, WHITE, self.accent, 3)
            ink = self.accent
        px = 31
        w_en, w_ar = text_width(en, px, True), text_width(ar, px, True, True)
        sep = 44
        total = w_en + w_ar + sep
        if total <= rect.width() - 48:  # side by side: English | Arabic
            x0 = rect.center().x() - total / 2
            draw_text(
                p,
                QRectF(x0, rect.top(), w_en + 2, rect.height()),
                en,
                px,
                ink,
                bold=True,
                align="left",
            )
            line(
                p,
                [
                    (x0 + w_en + sep / 2, rect.top() + rect.height() * 0.28),
                    (x0 + w_en + sep / 2, rect.bottom() - rect.height() * 0.28),
                ],
                colour(ink, 150),
                2,
            )
            draw_text(
                p,
                QRectF(x0 + w_en + sep - 2, rect.top() - 3, w_ar + 4, rect.height()),
                ar,
                px,
                ink,
                bold=True,
                heading=True,
                align="right",
            )
        else:  # keep buttons readable: widen the layout instead of shrinking the label
            raise SystemExit(
                f"{self.rel}: the label '{en} | {ar}' needs a button wider than {rect.width():.0f}"
            )
        if key in self.buttons:
            raise SystemExit(f"{self.rel}: button key {key!r} used twice")
        self.buttons[key] = QRectF(rect)
        return rect

    def tile(
        self,
        rect: QRectF,
        icon_name: str,
        en: str,
        ar: str,
        *,
        key: str | None = None,
        button: tuple[str, str] | None = None,
        bkey: str | None = None,
    ) -> None:
        """A service card: icon, Arabic and English names, and an optional button."""
        p = self.p
        card(p, rect, 24)
        badge(p, icon_name, rect.center().x(), rect.top() + 110, 66, self.accent)
        self.stacked(
            QRectF(rect.left() + 24, rect.top() + 196, rect.width() - 48, 130), en, ar, 32, INK
        )
        if button:
            self.button(
                bkey or f"{icon_name}-button",
                QRectF(
                    rect.left() + 36, rect.bottom() - 36 - BUTTON_H, rect.width() - 72, BUTTON_H
                ),
                button[0],
                button[1],
                "primary" if bkey else "secondary",
            )
        if key:
            self.buttons[key] = QRectF(rect)

    def table(self, rect: QRectF, rows: list[tuple[str, str, str, str]], row_h: float = 84) -> None:
        """A bilingual summary: English label and value on the left half, Arabic on the right.

        Each row is (en_label, en_value, ar_value, ar_label).
        """
        p = self.p
        card(p, rect, 22)
        mid = rect.center().x()
        line(p, [(mid, rect.top() + 28), (mid, rect.bottom() - 28)], LINE, 2)
        pad = 40
        half = rect.width() / 2 - pad * 1.5
        top = rect.top() + (rect.height() - row_h * len(rows)) / 2
        for i, (enl, env, arv, arl) in enumerate(rows):
            y = top + i * row_h
            if i:
                line(p, [(rect.left() + pad, y), (mid - pad / 2, y)], colour(LINE, 160), 1.5)
                line(p, [(mid + pad / 2, y), (rect.right() - pad, y)], colour(LINE, 160), 1.5)
            lw = half * 0.46
            draw_text(p, QRectF(rect.left() + pad, y, lw, row_h), enl, 28, MUTED)
            draw_text(
                p,
                QRectF(rect.left() + pad + lw, y, half - lw, row_h),
                env,
                29,
                INK,
                bold=True,
                align="left",
            )
            draw_text(p, QRectF(rect.right() - pad - lw, y, lw, row_h), arl, 28, MUTED)
            draw_text(
                p,
                QRectF(mid + pad / 2, y, half - lw, row_h),
                arv,
                29,
                INK,
                bold=True,
                align="right",
            )

    def field(
        self, rect: QRectF, en: str, ar: str, value_en: str, value_ar: str | None = None
    ) -> None:
        """A form field: a bilingual label above a filled box."""
        p = self.p
        self.pair(QRectF(rect.left(), rect.top(), rect.width(), 50), en, ar, 27, MUTED, gap=20)
        box = QRectF(rect.left(), rect.top() + 56, rect.width(), rect.height() - 56)
        rounded(p, box, 12, WHITE, LINE, 2)
        if value_ar is None:
            draw_text(p, box.adjusted(24, 0, -24, 0), value_en, 29, INK, align="center")
        else:
            self.pair(box.adjusted(24, 0, -24, 0), value_en, value_ar, 29, INK, gap=20)

    def steps(
        self,
        x: float,
        top: float,
        width: float,
        items: list[tuple[str, str, str]],
        step_h: float = 120,
    ) -> None:
        """A vertical progress list: a dot in the middle, English on the left, Arabic on the right.

        Each item is (state, en, ar) with state "done", "now" or "todo".
        """
        p = self.p
        cx = x + width / 2
        line(p, [(cx, top + step_h / 2), (cx, top + step_h * (len(items) - 0.5))], LINE, 6)
        for i, (state, _en, _ar) in enumerate(items):  # connectors first, under the dots
            cy = top + step_h / 2 + i * step_h
            if i and state != "todo":
                line(p, [(cx, cy - step_h), (cx, cy)], self.accent, 6)
        for i, (state, en, ar) in enumerate(items):
            cy = top + step_h / 2 + i * step_h
            if state == "done":
                circle(p, cx, cy, 30, self.accent)
                check_mark(p, cx, cy, 40, WHITE, 7)
            elif state == "now":
                circle(p, cx, cy, 30, WHITE, self.accent, 7)
                circle(p, cx, cy, 11, self.accent)
            else:
                circle(p, cx, cy, 30, WHITE, LINE, 5)
            ink = INK if state != "todo" else MUTED
            draw_text(
                p,
                QRectF(x, cy - 40, width / 2 - 64, 80),
                en,
                30,
                ink,
                bold=state == "now",
                align="right",
            )
            draw_text(
                p,
                QRectF(cx + 64, cy - 40, width / 2 - 64, 80),
                ar,
                30,
                ink,
                bold=state == "now",
                align="left",
            )

    def save(self) -> None:
        self.p.end()
        path = settings.BUNDLE / self.rel
        save(self.img, path)
        HOTSPOTS[self.rel] = {k: norm(r) for k, r in self.buttons.items()}


CONTENT_TOP = 350  # below the page title
MARGIN = 64
BUTTON_H = 110  # shown at about 70 % in the kiosk, buttons stay near the 72 px touch target
BOTTOM_Y = 866  # top of the action buttons at the bottom of a screen


# icon, English name, Arabic name, button label (English, Arabic) or None, button key or None
TileSpec = tuple[str, str, str, tuple[str, str] | None, str | None]


def tiles_row(
    s: Shot, specs: list[TileSpec], top: float = CONTENT_TOP + 10, height: float = 500
) -> None:
    n = len(specs)
    gap = 40
    w = (W - 2 * MARGIN - gap * (n - 1)) / n
    for i, spec in enumerate(specs):
        name, en, ar, btn, bkey = spec
        s.tile(QRectF(MARGIN + i * (w + gap), top, w, height), name, en, ar, button=btn, bkey=bkey)


def footnote(s: Shot, en: str, ar: str, y: float = 960) -> None:
    s.pair(QRectF(MARGIN, y, W - 2 * MARGIN, 56), en, ar, 26, MUTED)


# mict: requesting a Government Cloud service


def shot_cloud_catalogue() -> None:
    s = Shot(
        "mict",
        "cloud-catalogue",
        "Government Cloud service catalogue",
        "دليل خدمات السحابة الحكومية",
    )
    # fmt: off
    tiles_row(s, [
        ("server", "Virtual servers", "الخوادم الافتراضية", ("Request", "اطلب"), "request-servers"),
        ("database", "Storage", "التخزين", ("Request", "اطلب"), None),
        ("document", "Backup", "النسخ الاحتياطي", ("Request", "اطلب"), None),
        ("laptop", "Website hosting", "استضافة المواقع", ("Request", "اطلب"), None),
    ])
    # fmt: on
    footnote(
        s,
        "Shared by government bodies, managed centrally.",
        "خدمات تتشاركها الجهات الحكومية وتُدار مركزيًا.",
    )
    s.save()


def shot_cloud_review() -> None:
    s = Shot("mict", "cloud-review", "Review your request", "مراجعة الطلب")
    s.table(
        QRectF(MARGIN, CONTENT_TOP + 10, W - 2 * MARGIN, 480),
        [
            ("Service", "Virtual server", "خادم افتراضي", "الخدمة"),
            ("Server size", "Medium", "متوسط", "حجم الخادم"),
            ("Environment", "Production", "إنتاجية", "بيئة التشغيل"),
            ("Backup", "Included", "مشمول", "النسخ الاحتياطي"),
            ("Requested by", "Sample ministry", "جهة تجريبية", "الجهة الطالبة"),
        ],
    )
    y = BOTTOM_Y
    s.button("edit", QRectF(420, y, 400, BUTTON_H), "Edit", "تعديل", "secondary")
    s.button("submit", QRectF(860, y, 640, BUTTON_H), "Submit request", "إرسال الطلب")
    s.save()


# moi: renewing a residence permit


def shot_moi_services() -> None:
    s = Shot("moi", "moi-services", "Residency e-services", "خدمات الإقامة الإلكترونية")
    rows = [
        ("id-card", "Renew residence permit", "تجديد الإقامة", "renew"),
        ("magnifier", "Residence permit enquiry", "الاستعلام عن الإقامة", None),
        ("house", "Update address", "تحديث العنوان", None),
        ("calendar", "Service centre appointments", "مواعيد مراكز الخدمة", None),
    ]
    for i, (name, en, ar, key) in enumerate(rows):
        r = QRectF(MARGIN + 180, CONTENT_TOP + 16 + i * 150, W - 2 * MARGIN - 360, 124)
        card(s.p, r, 20)
        rounded(s.p, QRectF(r.left(), r.top(), 14, r.height()), 7, s.accent)
        rounded(s.p, QRectF(r.right() - 14, r.top(), 14, r.height()), 7, s.accent)
        badge(s.p, name, r.center().x(), r.center().y(), 44, s.accent)
        s.pair(r.adjusted(48, 0, -48, 0), en, ar, 34, INK, bold=True, heading=True, gap=160)
        if key:
            s.buttons[key] = QRectF(r)
    s.save()


def shot_moi_permit() -> None:
    s = Shot("moi", "moi-permit", "Residence permit details", "بيانات الإقامة")
    # a mock card (sample data, no real design)
    cr = QRectF(MARGIN, CONTENT_TOP + 40, 560, 360)
    card(s.p, cr, 26, tint(s.accent, 0.1))
    rounded(s.p, QRectF(cr.left(), cr.top(), cr.width(), 70), 26, s.accent)
    s.p.fillRect(QRectF(cr.left(), cr.top() + 40, cr.width(), 30), s.accent)
    rounded(s.p, QRectF(cr.left() + 36, cr.top() + 110, 160, 200), 12, WHITE)
    icon(s.p, "person", cr.left() + 116, cr.top() + 220, 150, tint(s.accent, 0.5))
    for i, frac in enumerate((1.0, 0.8, 0.9, 0.6)):
        y = cr.top() + 140 + i * 46
        line(
            s.p, [(cr.left() + 236, y), (cr.left() + 236 + 280 * frac, y)], tint(s.accent, 0.35), 14
        )
    circle(s.p, cr.right() - 60, cr.top() + 35, 18, WHITE)
    s.table(
        QRectF(MARGIN + 620, CONTENT_TOP + 10, W - 2 * MARGIN - 620, 440),
        [
            ("Name", "Sample Resident", "مقيم تجريبي", "الاسم"),
            ("Permit no.", "DEMO-0001", "DEMO-0001", "رقم الإقامة"),
            ("Expiry date", "31/12/2015", "31/12/2015", "تاريخ الانتهاء"),
            ("Status", "Due for renewal", "مستحقة التجديد", "الحالة"),
        ],
        row_h=92,
    )
    x = MARGIN + 620 + (W - 2 * MARGIN - 620 - 560) / 2
    s.button("renew", QRectF(x, BOTTOM_Y - 20, 560, BUTTON_H), "Renew", "تجديد")
    s.save()


def shot_moi_payment() -> None:
    s = Shot("moi", "moi-payment", "Payment", "الدفع")
    s.table(
        QRectF(MARGIN, CONTENT_TOP + 10, W - 2 * MARGIN, 270),
        [
            ("Service", "Residence permit renewal", "تجديد الإقامة", "الخدمة"),
            ("Permit holder", "Sample Resident", "مقيم تجريبي", "صاحب الإقامة"),
        ],
        row_h=92,
    )
    s.pair(
        QRectF(MARGIN, 650, W - 2 * MARGIN, 50),
        "Payment method",
        "طريقة الدفع",
        30,
        INK,
        bold=True,
        heading=True,
    )
    for i, (en, ar) in enumerate(
        (("Debit card", "بطاقة خصم مباشر"), ("Credit card", "بطاقة ائتمان"))
    ):
        r = QRectF(MARGIN + i * ((W - 2 * MARGIN) / 2 + 20), 712, (W - 2 * MARGIN) / 2 - 20, 110)
        rounded(
            s.p,
            r,
            16,
            WHITE if i else tint(s.accent, 0.1),
            s.accent if i == 0 else LINE,
            3 if i == 0 else 2,
        )
        circle(s.p, r.left() + 56, r.center().y(), 20, WHITE, s.accent if i == 0 else MUTED, 4)
        if i == 0:
            circle(s.p, r.left() + 56, r.center().y(), 10, s.accent)
        s.pair(r.adjusted(100, 0, -40, 0), en, ar, 30, INK, bold=i == 0, heading=i == 0)
    s.button("back", QRectF(420, BOTTOM_Y, 400, BUTTON_H), "Back", "رجوع", "secondary")
    s.button("pay", QRectF(860, BOTTOM_Y, 640, BUTTON_H), "Pay now", "ادفع الآن")
    s.save()


# mec: registering a commercial name


def shot_mec_services() -> None:
    s = Shot("mec", "mec-services", "Business e-services", "خدمات الأعمال الإلكترونية")
    # fmt: off
    tiles_row(s, [
        ("store", "Commercial names", "الأسماء التجارية", ("Register", "تسجيل"), "register-name"),
        ("document", "Commercial registration", "السجل التجاري", ("Open", "فتح"), None),
        ("magnifier", "Transaction enquiry", "الاستعلام عن معاملة", ("Open", "فتح"), None),
    ])
    # fmt: on
    footnote(s, "Choose a service to start.", "اختر خدمة للبدء.")
    s.save()


def shot_mec_result() -> None:
    s = Shot("mec", "mec-result", "Name availability", "توفر الاسم")
    r = QRectF(360, CONTENT_TOP + 10, W - 720, 470)
    card(s.p, r, 26)
    circle(s.p, r.center().x(), r.top() + 100, 62, s.accent)
    check_mark(s.p, r.center().x(), r.top() + 102, 80, WHITE, 12)
    s.pair(
        QRectF(r.left() + 60, r.top() + 180, r.width() - 120, 70),
        "The name is available",
        "الاسم متاح",
        38,
        s.accent,
        bold=True,
        heading=True,
    )
    box = QRectF(r.left() + 60, r.top() + 280, r.width() - 120, 140)
    rounded(s.p, box, 16, tint(s.accent, 0.08), LINE, 2)
    s.stacked(
        box.adjusted(20, 10, -20, -10), "Demo Trading Co.", "شركة العرض التجريبي للتجارة", 34, INK
    )
    s.button(
        "another",
        QRectF(240, BOTTOM_Y, 680, BUTTON_H),
        "Try another name",
        "تجربة اسم آخر",
        "secondary",
    )
    s.button("register", QRectF(960, BOTTOM_Y, 720, BUTTON_H), "Register the name", "تسجيل الاسم")
    s.save()


# mada: a Mawared leave request


def shot_mawared_home() -> None:
    s = Shot(
        "mada", "mawared-home", "Mawared · Employee self-service", "موارد · الخدمة الذاتية للموظف"
    )
    s.pair(
        QRectF(MARGIN, CONTENT_TOP + 4, W - 2 * MARGIN, 60),
        "Welcome, Sample Employee",
        "مرحبًا، موظف تجريبي",
        32,
        MUTED,
    )
    specs = [
        ("calendar", "My leave", "إجازاتي", "my-leave"),
        ("coins", "My payslip", "كشف راتبي", None),
        ("person", "My details", "بياناتي", None),
        ("document", "My requests", "طلباتي", None),
    ]
    gap = 40
    w = (W - 2 * MARGIN - 3 * gap) / 4
    for i, (name, en, ar, key) in enumerate(specs):
        r = QRectF(MARGIN + i * (w + gap), CONTENT_TOP + 100, w, 400)
        s.tile(r, name, en, ar, key=key)
    footnote(
        s,
        "Your HR and finance services in one place.",
        "خدمات الموارد البشرية والمالية في مكان واحد.",
        930,
    )
    s.save()


def shot_mawared_leave() -> None:
    s = Shot("mada", "mawared-leave", "My leave", "إجازاتي")
    # balance cards
    for i, (en, ar, val_en, val_ar, f) in enumerate(
        (
            ("Annual leave balance", "رصيد الإجازة السنوية", "18 days", "18 يومًا", s.accent),
            ("Requests in progress", "طلبات قيد المعالجة", "None", "لا يوجد", MAROON),
        )
    ):
        r = QRectF(MARGIN + i * 920, CONTENT_TOP + 10, 872, 190)
        card(s.p, r, 22)
        rounded(s.p, QRectF(r.left(), r.top(), 14, r.height()), 7, f)
        s.pair(QRectF(r.left() + 48, r.top() + 20, r.width() - 96, 60), en, ar, 28, MUTED)
        s.pair(
            QRectF(r.left() + 48, r.top() + 90, r.width() - 96, 80),
            val_en,
            val_ar,
            44,
            f,
            bold=True,
            heading=True,
        )
    s.table(
        QRectF(MARGIN, CONTENT_TOP + 240, W - 2 * MARGIN, 260),
        [
            ("Last leave", "Annual", "سنوية", "آخر إجازة"),
            ("Status", "Approved", "موافق عليها", "الحالة"),
        ],
        row_h=86,
    )
    s.button(
        "new-request",
        QRectF((W - 760) / 2, BOTTOM_Y, 760, BUTTON_H),
        "New leave request",
        "طلب إجازة جديد",
    )
    s.save()


def shot_mawared_workflow() -> None:
    s = Shot("mada", "mawared-workflow", "Request status", "حالة الطلب")
    r = QRectF(MARGIN, CONTENT_TOP + 10, W - 2 * MARGIN, 490)
    card(s.p, r, 24)
    s.steps(
        r.left(),
        r.top() + 5,
        r.width(),
        [
            ("done", "Request sent", "أُرسل الطلب"),
            ("done", "Approved by the manager", "وافق المدير"),
            ("done", "Leave balance updated", "حُدِّث رصيد الإجازات"),
            ("done", "Payroll updated automatically", "حُدِّثت الرواتب تلقائيًا"),
        ],
    )
    s.button("done", QRectF((W - 560) / 2, BOTTOM_Y, 560, BUTTON_H), "Done", "تم")
    s.save()


# sec: school enrolment


def shot_sec_portal() -> None:
    s = Shot("sec", "sec-portal", "Education e-services", "خدمات التعليم الإلكترونية")
    tiles_row(
        s,
        [
            ("cap", "Student enrolment", "تسجيل الطلاب", ("Start", "ابدأ"), "start-enrolment"),
            ("house", "School transfer", "النقل بين المدارس", ("Open", "فتح"), None),
            ("document", "Results", "النتائج", ("Open", "فتح"), None),
        ],
    )
    footnote(s, "For parents and guardians.", "لأولياء الأمور.")
    s.save()


def shot_sec_schools() -> None:
    s = Shot("sec", "sec-schools", "Schools near you", "مدارس قريبة منك")
    # a stylised map: streets and pins, no place names
    m = QRectF(MARGIN, CONTENT_TOP + 10, 680, 640)
    card(s.p, m, 24, tint(s.accent, 0.06))
    s.p.save()
    s.p.setClipRect(m.adjusted(4, 4, -4, -4))
    for sx in (180, 380, 560):
        line(s.p, [(m.left() + sx, m.top()), (m.left() + sx - 60, m.bottom())], WHITE, 22)
    for sy in (140, 330, 500):
        line(s.p, [(m.left(), m.top() + sy), (m.right(), m.top() + sy + 40)], WHITE, 22)
    rounded(s.p, QRectF(m.left() + 420, m.top() + 380, 200, 90), 20, tint(s.accent, 0.18))
    s.p.restore()
    pins = [
        (m.left() + 250, m.top() + 230),
        (m.left() + 470, m.top() + 170),
        (m.left() + 330, m.top() + 430),
    ]
    for i, (x, y) in enumerate(pins):
        path = QPainterPath()
        path.moveTo(x, y + 40)
        path.cubicTo(x - 30, y + 10, x - 32, y - 32, x, y - 32)
        path.cubicTo(x + 32, y - 32, x + 30, y + 10, x, y + 40)
        s.p.setPen(QPen(WHITE, 4))
        s.p.setBrush(s.accent if i == 0 else MAROON)
        s.p.drawPath(path)
        circle(s.p, x, y - 4, 10, WHITE)
    circle(s.p, m.left() + 360, m.top() + 300, 16, WHITE, colour("#1F5FAF"), 6)  # "you are here"
    schools = [
        ("School A", "المدرسة (أ)", "1.2 km", "1.2 كم"),
        ("School B", "المدرسة (ب)", "2.0 km", "2.0 كم"),
        ("School C", "المدرسة (ج)", "2.8 km", "2.8 كم"),
    ]
    x0 = MARGIN + 720
    for i, (en, ar, d_en, d_ar) in enumerate(schools):
        r = QRectF(x0, CONTENT_TOP + 10 + i * 223, W - MARGIN - x0, 210)
        card(s.p, r, 22)
        s.pair(
            QRectF(r.left() + 40, r.top() + 10, r.width() - 80, 60),
            en,
            ar,
            34,
            INK,
            bold=True,
            heading=True,
        )
        s.pair(QRectF(r.left() + 40, r.top() + 64, r.width() - 80, 40), d_en, d_ar, 26, MUTED)
        s.button(
            f"choose-{i}",
            QRectF(r.center().x() - 210, r.bottom() - 102, 420, 92),
            "Choose",
            "اختيار",
        )
    s.save()


def shot_sec_sent() -> None:
    s = Shot("sec", "sec-sent", "Application sent", "تم إرسال الطلب")
    r = QRectF(360, CONTENT_TOP + 10, W - 720, 480)
    card(s.p, r, 26)
    circle(s.p, r.center().x(), r.top() + 100, 62, s.accent)
    check_mark(s.p, r.center().x(), r.top() + 102, 80, WHITE, 12)
    s.stacked(
        QRectF(r.left() + 40, r.top() + 180, r.width() - 80, 130),
        "Your application has been sent",
        "تم إرسال طلب التسجيل",
        36,
        INK,
    )
    s.pair(
        QRectF(r.left() + 60, r.top() + 330, r.width() - 120, 56),
        "Application no. DEMO-5521",
        "رقم الطلب DEMO-5521",
        28,
        MUTED,
    )
    s.pair(
        QRectF(r.left() + 60, r.top() + 390, r.width() - 120, 56),
        "You will be told the outcome.",
        "سيصلك إشعار بنتيجة الطلب.",
        28,
        MUTED,
    )
    s.button("finish", QRectF((W - 560) / 2, BOTTOM_Y, 560, BUTTON_H), "Finish", "إنهاء")
    s.save()


# pp: tracking a case


def shot_pp_services() -> None:
    s = Shot(
        "pp", "pp-services", "Public Prosecution e-services", "خدمات النيابة العامة الإلكترونية"
    )
    tiles_row(
        s,
        [
            ("magnifier", "Track a case", "متابعة قضية", ("Start", "ابدأ"), "track-case"),
            ("document", "Certificates", "الشهادات", ("Open", "فتح"), None),
            ("phone", "Contact us", "تواصل معنا", ("Open", "فتح"), None),
        ],
    )
    footnote(s, "Choose a service to start.", "اختر خدمة للبدء.")
    s.save()


def shot_pp_status() -> None:
    s = Shot("pp", "pp-status", "Case status", "حالة القضية")
    s.table(
        QRectF(MARGIN, CONTENT_TOP + 10, 880, 440),
        [
            ("Case no.", "DEMO-7781", "DEMO-7781", "رقم القضية"),
            ("Registered", "15/11/2015", "15/11/2015", "تاريخ القيد"),
            ("Stage", "Under review", "قيد الدراسة", "المرحلة"),
        ],
        row_h=110,
    )
    r = QRectF(MARGIN + 920, CONTENT_TOP + 10, W - 2 * MARGIN - 920, 440)
    card(s.p, r, 24)
    s.steps(
        r.left(),
        r.top() + 40,
        r.width(),
        [
            ("done", "Registered", "قُيّدت القضية"),
            ("now", "Under review", "قيد الدراسة"),
            ("todo", "Decision", "القرار"),
        ],
    )
    s.button("finish", QRectF(380, BOTTOM_Y, 400, BUTTON_H), "Finish", "إنهاء", "secondary")
    s.button("notify", QRectF(820, BOTTOM_Y, 720, BUTTON_H), "Get notifications", "تفعيل الإشعارات")
    s.save()


SHOTS: dict[str, list[Callable[[], None]]] = {
    "mict": [shot_cloud_catalogue, shot_cloud_review],
    "moi": [shot_moi_services, shot_moi_permit, shot_moi_payment],
    "mec": [shot_mec_services, shot_mec_result],
    "mada": [shot_mawared_home, shot_mawared_leave, shot_mawared_workflow],
    "sec": [shot_sec_portal, shot_sec_schools, shot_sec_sent],
    "pp": [shot_pp_services, shot_pp_status],
}
