"""The sign-off proof: the kiosk's own pictures and texts in one PDF (``kiosk bundle proof``).

``python -m kiosk.qt.proof BUNDLE OUT.pdf --lang ar,en --shape landscape,portrait`` starts
the real kiosk offscreen (the composition root, as ``kiosk run`` builds it, with the bundle's
fonts) once per screen shape, walks every view of :mod:`kiosk.bundle.proofplan` in each
language, grabs each frame and lays it out on an A4 page with :class:`QPdfWriter` and
:class:`QPainter`: the picture on the left, the texts beside it in every language of the
bundle, Arabic right-aligned and right to left, shaped by Qt with the bundle's own fonts.
Demo screens get their hotspots outlined and numbered on the picture; the numbered hints
are listed beside it.

It runs in a child process, as the text-fit check does (kiosk/qt/textfit.py): the staff
command needs no display and its own process never starts Qt. The child prints
``progress DONE TOTAL`` lines while it works, then one JSON line with the page count;
:func:`make_proof` runs it and reads the answers.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextOption,
)

from ..bidi import RTL_LANGUAGES, for_display
from ..bundle.model import Bundle
from ..bundle.proofplan import INDEX_ROWS, SHAPES, Listed, Plan, Variant, View
from .app import load_fonts
from .testing import Kiosk, items_named, settle, start_kiosk, visible_items
from .tour import instant, still

PROOF_TIMEOUT_S = 90.0
"""The child's time to start Qt and the kiosk, plus ``PER_PAGE_S`` a page."""
PER_PAGE_S = 3.0
DPI = 150
MARGIN = 0.4 * DPI
GUTTER = 0.25 * DPI
PICTURE_SHARE = 0.6
"""The part of the page's width a landscape picture may take."""
PICTURE_PIXELS = 1440
"""The longest side of a picture in the PDF: about 200 dpi where it is printed (a 1920
pixel frame made the sample's proof 48 MB, too large to mail; 1440 makes it about 30)."""
INK = QColor("#1F1A1C")
GREY = QColor("#6B6266")
RULE = QColor("#D8CFCB")
MAROON = QColor("#8A1538")
SPOT = QColor("#E4007C")
"""Hotspot outlines: a magenta no screenshot of the sample uses."""
TEXT_SIZES = (10.0, 9.0, 8.0, 7.0, 6.0)
"""Point sizes the listing steps down through until it fits beside the picture."""

LABEL_MIN = 6.5
"""The smallest point size of a text's label ("title", "bullet 2"), still readable printed."""
ARABIC_SCALE = 1.12
"""Arabic reads smaller than Latin at the same size (UI.md): a little more."""

SCROLLS_NOTE = (
    "The visitor scrolls this screen: what is below the fold is listed beside the picture, "
    "but not in it."
)
INDEX_NOTE = (
    "Each row is one view of the kiosk: its Home page, a slide of an entity, or a screen of a "
    "service demo. The columns give the page that shows it in each language and screen shape; "
    "every such page lists all the texts of the view, in each of the bundle's languages."
)

Progress = Callable[[str, int, int], None]


class ProofFailed(Exception):
    """The child could not make the proof; the message says why."""


class ProofCancelled(ProofFailed):
    """``cancelled()`` said so: the child was stopped (Kiosk Studio's Cancel)."""


def write_proof(
    root: Path,
    out: Path,
    langs: list[str],
    shapes: list[str],
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """The proof of the (valid) bundle folder ``root`` in ``out``; the pages written. It is
    written beside ``out`` and renamed when whole: a failure, a cancel or Ctrl+C leaves no half
    a PDF, and an earlier proof of the same name as it was (``kiosk bundle proof`` and the
    Studio's action). Raises :class:`ProofFailed`."""
    from ..bundle.proofplan import plan
    from ..bundle.validate import load

    pages = plan(load(root), langs, shapes).pages
    part = out.with_name(out.name + ".part")
    try:
        written = make_proof(root, part, langs, shapes, pages, progress, cancelled)
        part.replace(out)
    finally:
        part.unlink(missing_ok=True)
    return written


def make_proof(
    root: Path,
    out: Path,
    langs: list[str],
    shapes: list[str],
    pages: int,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Run the child on the bundle folder ``root``; the pages written. Raises ProofFailed
    (:class:`ProofCancelled` when ``cancelled()``, asked at each page, says so)."""
    cmd = [
        sys.executable,
        "-m",
        "kiosk.qt.proof",
        str(root),
        str(out),
        "--lang",
        ",".join(langs),
        "--shape",
        ",".join(shapes),
    ]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")
    timeout = PROOF_TIMEOUT_S + PER_PAGE_S * pages
    answer = None
    with tempfile.TemporaryFile("w+") as err:
        try:
            child = subprocess.Popen(
                cmd, stdout=subprocess.PIPE, stderr=err, text=True, env=env, bufsize=1
            )
        except OSError as exc:
            raise ProofFailed(f"could not start the renderer: {exc}") from exc
        with child:
            try:
                assert child.stdout is not None
                for line in child.stdout:
                    if cancelled is not None and cancelled():
                        child.kill()
                        raise ProofCancelled("cancelled")
                    if line.startswith("progress ") and progress is not None:
                        _, done, total = line.split()
                        progress("rendering pages", int(done), int(total))
                    elif line.startswith("{"):
                        answer = json.loads(line)
                child.wait(timeout=timeout)
            except subprocess.TimeoutExpired as exc:
                child.kill()
                raise ProofFailed(f"the renderer took longer than {timeout:.0f} s") from exc
            except BaseException:
                child.kill()
                raise
        if child.returncode != 0 or answer is None:
            err.seek(0)
            tail = err.read()[-1500:].strip()
            raise ProofFailed(
                f"the renderer stopped (exit status {child.returncode})"
                + (f":\n{tail}" if tail else "")
            )
    return int(answer["pages"])


# -- the child ---------------------------------------------------------------------------


def render(
    plan: Plan, out: Path, progress: Callable[[int, int], None], today: datetime.date
) -> int:
    """Write the proof of ``plan`` to ``out`` (a QGuiApplication exists); the pages written."""
    from ..clock import ManualClock

    bundle = plan.bundle
    load_fonts(bundle)
    writer = QPdfWriter(str(out))
    writer.setResolution(DPI)
    writer.setTitle(f"{bundle.id} {bundle.version}: sign-off proof")
    writer.setCreator("kiosk bundle proof")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(0, 0, 0, 0),
        )
    )
    painter = QPainter(writer)
    if not painter.isActive():
        raise OSError(f"cannot write {out}")
    page = Page(painter, bundle, plan, QRectF(0, 0, writer.width(), writer.height()))
    total = plan.pages
    done = 0
    page.cover(today)
    done += 1
    progress(done, total)
    for i in range(plan.index_pages):
        writer.newPage()
        page.index(i)
        done += 1
        progress(done, total)
    with tempfile.TemporaryDirectory(prefix="kiosk-proof-") as tmp:
        for shape in dict.fromkeys(v.shape for v in plan.variants):
            w, h = SHAPES[shape]
            k = start_kiosk(
                bundle.root,
                width=w,
                height=h,
                language=plan.variants[0].lang,
                clock=ManualClock(),
                db=Path(tmp) / f"{shape}.db",
                unscheduled=True,  # all the content, whatever the hour
            )
            try:
                instant(k)
                still(k)
                k.tap_at(k.centre(k.window.contentItem()))  # a visitor wakes the attract loop
                k.wait_page("home")
                walker = Walker(k)
                for vi, variant in enumerate(plan.variants):
                    if variant.shape != shape:
                        continue
                    walker.language(variant.lang)
                    for n, view in enumerate(plan.views):
                        frame = walker.show(view)
                        writer.newPage()
                        page.view(view, variant, frame, plan.page_of(n, vi))
                        done += 1
                        progress(done, total)
                    walker.leave()
            finally:
                k.close()
                settle(50)  # its window's deferred deletes run before the next one starts
    painter.end()
    return done


@dataclass
class Frame:
    """What the kiosk showed of one view."""

    image: QImage
    spots: list[QRectF]
    """The hotspots, numbered in order, in the image's pixels."""
    scrolls: bool = False


class Walker:
    """Brings a running kiosk to each view, as a visitor would get there."""

    def __init__(self, k: Kiosk) -> None:
        self.k = k
        self._on: tuple[str | None, str | None] = (None, None)
        """(entity, demo) whose page is open."""

    def language(self, lang: str) -> None:
        self.leave()
        self.k.controller.setLanguage(lang)
        still(self.k)

    def leave(self) -> None:
        """Back Home; the carousel is left on its first slide with its neighbours built."""
        k = self.k
        entity, demo = self._on
        if entity is not None and demo is None:
            k.controller.showSlide(0)
            still(k)
        k.controller.home()
        k.wait_page("home")
        self._on = (None, None)

    def _entity(self, entity_id: str) -> None:
        if self._on == (entity_id, None):
            return
        self.leave()
        self.k.controller.openEntity(entity_id)
        self.k.wait_page("entity")
        self._on = (entity_id, None)

    def show(self, view: View) -> Frame:
        """The kiosk's frame of ``view``, its hotspots' rectangles in the frame, and whether
        part of it is below the fold."""
        k = self.k
        spots: list[QRectF] = []
        if view.kind == "home":
            self.leave()
        elif view.entity is not None and view.kind in ("entity", "slide"):
            self._entity(view.entity.id)
            if view.slide_index is not None:
                k.controller.showSlide(view.slide_index)
        elif view.entity is not None and view.demo_id and view.screen_id:
            if self._on != (view.entity.id, view.demo_id):
                self._entity(view.entity.id)
                k.controller.openDemo(view.demo_id)
                k.wait_page("demo")
                self._on = (view.entity.id, view.demo_id)
            k.controller.follow(view.screen_id)
        still(k)
        grabbed = k.grab()
        image = grabbed.convertToFormat(QImage.Format.Format_RGB32)
        if max(image.width(), image.height()) > PICTURE_PIXELS:
            image = image.scaled(
                PICTURE_PIXELS,
                PICTURE_PIXELS,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        if view.spots:
            scale = image.width() / max(1, k.window.width())
            found = {i.objectName(): i for i in items_named(k.window.contentItem(), "hotspot-")}
            for n in range(len(view.spots)):
                item = found.get(f"hotspot-{n}")
                if item is None:
                    continue
                p = item.mapToScene(QPointF(0, 0))
                spots.append(
                    QRectF(
                        p.x() * scale, p.y() * scale, item.width() * scale, item.height() * scale
                    )
                )
        return Frame(image, spots, self._scrolls(view))

    def _scrolls(self, view: View) -> bool:
        """The view's text or form is taller than its room: the visitor scrolls it."""
        k = self.k
        if view.kind == "screen":
            form = k.find("formScreen")
            return form is not None and (
                float(form.property("contentHeight")) > float(form.property("height")) + 1
            )
        if view.kind == "slide" and view.entity is not None and view.slide_index is not None:
            holder = k.find(f"slide-{view.entity.slides[view.slide_index].id}")
            if holder is None:
                return False
            boxes = [
                i
                for i in visible_items(holder)
                if i.objectName() in ("textSlideScroll", "captionScroll")
            ]
            return any(bool(b.property("scrolls")) for b in boxes)
        return False


class Page:
    """Draws the proof's pages with one painter."""

    def __init__(self, painter: QPainter, bundle: Bundle, plan: Plan, rect: QRectF) -> None:
        self.p = painter
        self.bundle = bundle
        self.plan = plan
        self.rect = rect
        self.inner = rect.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)

    # fonts: the bundle's own, as the kiosk loads them
    def font(self, lang: str, size: float, *, bold: bool = False) -> QFont:
        # Naskh even for bold: Qt's PDF writer maps back to characters only the glyphs the
        # font's cmap names, and a Kufi heading font's joined forms are not there (its text
        # would copy and search as stray characters); Arabic a little larger (UI.md)
        rtl = lang in RTL_LANGUAGES
        f = QFont(self.bundle.fonts.arabic if rtl else self.bundle.fonts.latin)
        f.setPointSizeF(size * ARABIC_SCALE if rtl else size)
        f.setBold(bold)
        return f

    def metrics(self, font: QFont) -> QFontMetricsF:
        """Measured as the PDF draws it (at its resolution, not the screen's)."""
        return QFontMetricsF(font, self.p.device())

    def ui(self, size: float, *, bold: bool = False) -> QFont:
        return self.font("en", size, bold=bold)

    def _option(self, lang: str) -> QTextOption:
        rtl = lang in RTL_LANGUAGES
        # absolute: in a right-to-left paragraph Qt reads a plain AlignRight as the left edge
        side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        opt = QTextOption(side | Qt.AlignmentFlag.AlignAbsolute)
        opt.setTextDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        opt.setWrapMode(QTextOption.WrapMode.WordWrap)
        return opt

    def text(self, rect: QRectF, text: str, font: QFont, lang: str = "en") -> float:
        """Draw wrapped text at the top of ``rect``; the height it took."""
        self.p.setFont(font)
        opt = self._option(lang)
        used = self.p.boundingRect(QRectF(rect.x(), rect.y(), rect.width(), 1e6), text, opt)
        self.p.drawText(QRectF(rect.x(), rect.y(), rect.width(), used.height()), text, opt)
        return used.height()

    def measure(self, width: float, text: str, font: QFont, lang: str = "en") -> float:
        self.p.setFont(font)
        return self.p.boundingRect(QRectF(0, 0, width, 1e6), text, self._option(lang)).height()

    def footer(self, number: int) -> None:
        p = self.p
        p.setPen(GREY)
        y = self.rect.bottom() - MARGIN * 0.75
        r = QRectF(self.inner.left(), y, self.inner.width(), MARGIN * 0.5)
        p.setFont(self.ui(8))
        p.drawText(
            r,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            f"{self.bundle.id} {self.bundle.version} · sign-off proof",
        )
        p.drawText(
            r,
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            f"page {number} of {self.plan.pages}",
        )

    def both(
        self,
        rect: QRectF,
        text: Listed | None,
        size: float,
        *,
        bold: bool = False,
        draw: bool = True,
    ) -> float:
        """A text in every language of the bundle, a paragraph each; the height it takes
        (drawn unless not ``draw``). Never two languages on one line: PDFium (the reader of
        Chrome and Edge) reads such a line as one right-to-left paragraph, and searched and
        copied "Fees paid online" as "online paid Fees"."""
        if text is None:
            return 0.0
        y = rect.y()
        for lang in self.bundle.languages:
            shown = for_display(text.text.get(lang), lang)
            font = self.font(lang, size, bold=bold)
            box = QRectF(rect.x(), y, rect.width(), 0)
            y += (
                self.text(box, shown, font, lang)
                if draw
                else self.measure(rect.width(), shown, font, lang)
            )
        return y - rect.y()

    # -- the cover --------------------------------------------------------------------------
    def cover(self, today: datetime.date) -> None:
        p, b, r = self.p, self.bundle, self.inner
        p.fillRect(QRectF(self.rect.x(), self.rect.y(), self.rect.width(), MARGIN * 0.6), MAROON)
        p.setPen(INK)
        y = r.y() + MARGIN
        y += self.both(QRectF(r.x(), y, r.width(), 0), Listed("", b.title), 24, bold=True)
        if b.subtitle is not None:
            y += GUTTER / 2
            y += self.both(QRectF(r.x(), y, r.width(), 0), Listed("", b.subtitle), 11)
        y += GUTTER * 2
        p.setPen(MAROON)
        y += self.text(
            QRectF(r.x(), y, r.width(), 0),
            "Sign-off proof · للاعتماد",
            self.ui(20, bold=True),
        )
        y += GUTTER
        p.setPen(INK)
        variants = ", ".join(f"{v.lang} {v.shape}" for v in self.plan.variants)
        rows = [
            ("Bundle id", b.id),
            ("Version", b.version),
            ("Date", today.isoformat()),
            ("Languages of the bundle", ", ".join(b.languages)),
            ("Shown in", variants),
            *((name.capitalize(), str(n)) for name, n in self.plan.counts().items()),
        ]
        for label, value in rows:
            p.setPen(GREY)
            self.text(QRectF(r.x(), y, r.width() * 0.3, 0), label, self.ui(11))
            p.setPen(INK)
            y += self.text(QRectF(r.x() + r.width() * 0.3, y, r.width() * 0.7, 0), value,
                           self.ui(11, bold=True))  # fmt: skip
        y += GUTTER * 2
        p.setPen(GREY)
        self.text(
            QRectF(r.x(), y, r.width(), 0),
            "Each page shows one view of the kiosk as its visitors see it, drawn by the kiosk "
            "itself, with every text on it in each language beside the picture. Hotspots of a "
            "demo screen are outlined and numbered; their hints are listed under the same "
            "numbers.",
            self.ui(10),
        )
        y = max(y + GUTTER * 3, r.bottom() - MARGIN * 1.6)  # below the note, whatever its length
        p.setPen(QPen(INK, 1.5))
        half = r.width() / 2 - GUTTER
        for x, label in (
            (r.x(), "Approved by (name, entity)"),
            (r.x() + half + 2 * GUTTER, "Date"),
        ):
            p.drawLine(QPointF(x, y), QPointF(x + half, y))
            p.setPen(GREY)
            self.text(QRectF(x, y + 6, half, 0), label, self.ui(9))
            p.setPen(QPen(INK, 1.5))
        self.footer(1)

    # -- the index --------------------------------------------------------------------------
    def index(self, part: int) -> None:
        p, r, plan = self.p, self.inner, self.plan
        p.setPen(MAROON)
        y = r.y()
        title = "Index" + (f" ({part + 1} of {plan.index_pages})" if plan.index_pages > 1 else "")
        y += self.text(QRectF(r.x(), y, r.width(), 0), title, self.ui(18, bold=True))
        # a line across the page: PDFium (the PDF reader of Chrome and Edge) takes a page of
        # narrow columns for vertical text, and copied and searched the index letter by letter
        p.setPen(GREY)
        y += self.text(QRectF(r.x(), y, r.width(), 0), INDEX_NOTE, self.ui(10)) + GUTTER
        col = min(1.2 * DPI, r.width() * 0.5 / max(1, len(plan.variants)))
        key_w = r.width() - col * len(plan.variants)
        row_h = (r.bottom() - MARGIN * 0.6 - y) / (INDEX_ROWS + 1)
        size = 9.0
        p.setPen(GREY)
        for i, v in enumerate(plan.variants):
            self._cell(QRectF(r.x() + key_w + i * col, y, col, row_h), f"{v.lang} · {v.shape}",
                       size, right=True)  # fmt: skip
        self._cell(QRectF(r.x(), y, key_w, row_h), "view (entity · slide or screen)", size)
        y += row_h
        p.setPen(QPen(RULE, 1))
        p.drawLine(QPointF(r.x(), y), QPointF(r.right(), y))
        first = part * INDEX_ROWS
        for n in range(first, min(first + INDEX_ROWS, len(plan.views))):
            view = plan.views[n]
            p.setPen(INK)
            self._cell(QRectF(r.x(), y, key_w, row_h), view.key, size)
            for i in range(len(plan.variants)):
                self._cell(QRectF(r.x() + key_w + i * col, y, col, row_h),
                           str(plan.page_of(n, i)), size, right=True)  # fmt: skip
            y += row_h
            p.setPen(QPen(RULE, 0.5))
            p.drawLine(QPointF(r.x(), y), QPointF(r.right(), y))
        self.footer(2 + part)

    def _cell(self, rect: QRectF, text: str, size: float, *, right: bool = False) -> None:
        self.p.setFont(self.ui(size))
        align = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
        shown = self.metrics(self.p.font()).elidedText(
            text, Qt.TextElideMode.ElideMiddle, rect.width() - 8
        )
        self.p.drawText(rect, int(align | Qt.AlignmentFlag.AlignVCenter), shown)

    # -- a view -----------------------------------------------------------------------------
    def view(self, view: View, variant: Variant, frame: Frame, number: int) -> None:
        p, r, image = self.p, self.inner, frame.image
        # the heading: which view, in which language and shape
        p.setPen(MAROON)
        head = f"{view.key}"
        h = self.text(QRectF(r.x(), r.y(), r.width(), 0), head, self.ui(13, bold=True))
        p.setPen(GREY)
        h += self.text(
            QRectF(r.x(), r.y() + h, r.width(), 0),
            f"shown in {variant.lang} · {variant.shape} {'×'.join(map(str, SHAPES[variant.shape]))}"
            + f" · id: {view.ident}",
            self.ui(9),
        )
        if frame.scrolls:
            p.setPen(MAROON)
            h += self.text(QRectF(r.x(), r.y() + h, r.width(), 0), SCROLLS_NOTE, self.ui(9))
        top = r.y() + h + GUTTER / 2
        body = QRectF(r.x(), top, r.width(), r.bottom() - MARGIN * 0.6 - top)
        # the picture: as large as it fits in its share, on the left in every language (with
        # the texts on the left, PDFium, the PDF reader of Chrome and Edge, took the page's
        # lines for columns: search and copy found the texts of an Arabic page letter by letter)
        box_w = body.width() * PICTURE_SHARE
        scale = min(box_w / image.width(), body.height() / image.height())
        pw, ph = image.width() * scale, image.height() * scale
        picture = QRectF(body.left(), body.top(), pw, ph)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        p.drawImage(picture, image)
        p.setPen(QPen(RULE, 1))
        p.drawRect(picture)
        self._spots(picture, scale, frame.spots)
        # the texts beside it
        listing = QRectF(
            picture.right() + GUTTER, body.top(), body.width() - pw - GUTTER, body.height()
        )
        self._listing(listing, view)
        self.footer(number)

    def _spots(self, picture: QRectF, scale: float, spots: list[QRectF]) -> None:
        p = self.p
        badge = 0.17 * DPI
        for n, s in enumerate(spots):
            rect = QRectF(
                picture.x() + s.x() * scale,
                picture.y() + s.y() * scale,
                s.width() * scale,
                s.height() * scale,
            )
            p.setPen(QPen(SPOT, 2.5))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(rect, 3, 3)
            disc = QRectF(rect.x() - badge / 2, rect.y() - badge / 2, badge, badge)
            p.setBrush(SPOT)
            p.drawEllipse(disc)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QColor("white"))
            p.setFont(self.ui(8, bold=True))
            p.drawText(disc, int(Qt.AlignmentFlag.AlignCenter), str(n + 1))

    def _listing(self, rect: QRectF, view: View) -> None:
        """Every text of the view, in every language, stepping the type down to fit."""
        for size in TEXT_SIZES:
            if self._listing_height(rect.width(), view, size) <= rect.height():
                break
        p = self.p
        y = rect.y()
        for item in view.texts:
            p.setPen(GREY)
            label = self.ui(max(LABEL_MIN, size * 0.8))
            y += self.text(QRectF(rect.x(), y, rect.width(), 0), item.label, label)
            p.setPen(INK)
            y += self.both(QRectF(rect.x(), y, rect.width(), 0), item, size)
            y += size * DPI / 72 * 0.5

    def _listing_height(self, width: float, view: View, size: float) -> float:
        total = 0.0
        for item in view.texts:
            total += self.measure(width, item.label, self.ui(max(LABEL_MIN, size * 0.8)))
            total += self.both(QRectF(0, 0, width, 0), item, size, draw=False)
            total += size * DPI / 72 * 0.5
        return total


def main(argv: list[str]) -> int:
    from PySide6.QtGui import QGuiApplication

    from ..bundle import load
    from ..bundle.proofplan import plan
    from . import aio
    from .app import configure_environment

    parser = argparse.ArgumentParser(prog="kiosk.qt.proof")
    parser.add_argument("bundle", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", required=True)
    parser.add_argument("--shape", required=True)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    configure_environment()
    app = QGuiApplication(["kiosk-proof"])
    the_plan = plan(load(args.bundle), args.lang.split(","), args.shape.split(","))

    def progress(done: int, total: int) -> None:
        print(f"progress {done} {total}", flush=True)

    try:
        pages = render(the_plan, args.out, progress, datetime.date.today())
    finally:
        aio.close_loop()
    print(json.dumps({"pages": pages}), flush=True)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
