"""7. Importers: ``kiosk bundle import-deck`` throughput next to ``pdftoppm``.

A generated deck of 40 pages (12 with --quick), 960x540 pt (a 16:9 PowerPoint slide) with
every fifth page portrait, each with a gradient, a title and a few lines of text, drawn
with QPdfWriter (cached between runs). In the same run, interleaved, median of the repeats,
the PDF in the page cache (an untimed pass first):

* floor: ``pdftoppm -png -scale-to 1920`` (poppler) rendering every page to PNG with its
  long side 1920 px: exactly the size the importer renders (1920x1080 landscape, 1080x1920
  portrait), in one process;
* ``kiosk.authoring.deck.import_deck`` into a fresh scaffold bundle, then ``project.save()``:
  render (pypdfium2), PNG, title extraction, the manifest edits and the atomic save.

Throughput is pages a second; the target is at least half of pdftoppm's. Without pdftoppm
the importer's figure is reported alone, with a note.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from .common import CACHE, Row, median, qt_app, say

TARGET = 0.5


def make_deck(path: Path, pages: int) -> Path:
    from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
    from PySide6.QtGui import (
        QColor,
        QFont,
        QLinearGradient,
        QPageLayout,
        QPageSize,
        QPainter,
        QPdfWriter,
    )

    writer = QPdfWriter(str(path))
    writer.setResolution(72)

    def layout(portrait: bool) -> QPageLayout:
        size = QSizeF(540, 960) if portrait else QSizeF(960, 540)
        return QPageLayout(
            QPageSize(size, QPageSize.Unit.Point, "slide"),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )

    writer.setPageLayout(layout(False))
    painter = QPainter(writer)
    for i in range(pages):
        portrait = i % 5 == 4
        if i:
            writer.setPageLayout(layout(portrait))
            writer.newPage()
        rect = writer.pageLayout().paintRectPixels(writer.resolution())  # this page's
        gradient = QLinearGradient(QPointF(0, 0), QPointF(rect.width(), rect.height()))
        gradient.setColorAt(0, QColor("#8A1538"))
        gradient.setColorAt(1, QColor("#2B0A14"))
        painter.fillRect(rect, gradient)
        painter.setPen(QColor("white"))
        title = QFont("DejaVu Sans")
        title.setPixelSize(rect.height() // 10)
        painter.setFont(title)
        painter.drawText(
            QRectF(40, 30, rect.width() - 80, rect.height() / 5),
            int(Qt.AlignmentFlag.AlignLeft),
            f"Slide {i + 1}: Government Cloud",
        )
        body = QFont("DejaVu Sans")
        body.setPixelSize(rect.height() // 28)
        painter.setFont(body)
        for line in range(6):
            painter.drawText(
                QPointF(60, rect.height() * 0.35 + line * rect.height() / 14),
                f"• Point {line + 1}: shared services cut operating cost across ministries",
            )
    painter.end()
    return path


def run(quick: bool, tmp: Path) -> list[Row]:
    qt_app()
    from kiosk.authoring import Project
    from kiosk.authoring.deck import import_deck

    pages = 12 if quick else 40
    CACHE.mkdir(parents=True, exist_ok=True)
    pdf = CACHE / f"deck-{pages}.pdf"
    if not pdf.is_file():
        make_deck(pdf, pages)
    pdftoppm = shutil.which("pdftoppm")
    times: dict[str, list[float]] = {"import": [], "pdftoppm": []}

    def ours() -> float:
        project = Project.new(Path(tempfile.mkdtemp(dir=tmp)) / "b")
        t0 = time.perf_counter()
        result = import_deck(project, pdf, "example")
        project.save()
        took = time.perf_counter() - t0
        if len(result.added) != pages:
            raise RuntimeError(f"imported {len(result.added)} of {pages} pages: {result.failed}")
        shutil.rmtree(project.root.parent)
        return took

    def theirs() -> float:
        assert pdftoppm is not None
        out = Path(tempfile.mkdtemp(dir=tmp))
        t0 = time.perf_counter()
        subprocess.run(
            [pdftoppm, "-png", "-scale-to", "1920", str(pdf), str(out / "p")], check=True
        )
        took = time.perf_counter() - t0
        shutil.rmtree(out)
        return took

    ours()  # page cache, imports
    if pdftoppm:
        theirs()
    for _ in range(2 if quick else 3):
        times["import"].append(ours())
        if pdftoppm:
            times["pdftoppm"].append(theirs())
    rate = pages / median(times["import"])
    say(f"import-deck: {rate:.1f} pages/s")
    if not pdftoppm:
        return [
            Row(
                "importers",
                f"import-deck, {pages} pages at 1920 px",
                rate,
                "pages/s",
                note="pdftoppm is not installed (apt-get install poppler-utils): no floor, "
                "no ratio",
                details={"seconds": times["import"]},
            )
        ]
    floor = pages / median(times["pdftoppm"])
    say(f"pdftoppm: {floor:.1f} pages/s")
    return [
        Row(
            "importers",
            f"import-deck, {pages} pages at 1920 px (vs pdftoppm -png)",
            rate,
            "pages/s",
            floor=floor,
            kind="min_ratio",
            limit=TARGET,
            details={"seconds": times},
        )
    ]
