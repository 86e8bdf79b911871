"""Slide decks made at test time: PDFs drawn with QPdfWriter (needs a QGuiApplication), and
PowerPoint files written with python-pptx. Nothing binary is committed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

PAGE_COLOURS = ("#8A1538", "#0D6E6E", "#1F3A93", "#6B4226", "#2E7D32")


def make_pdf(path: Path, pages: list[tuple[str, str]], *, points: float = 96) -> Path:
    """A PDF of small pages, each ``(orientation, title)``: "landscape" (16:9) or "portrait"
    (9:16), a coloured page with its title in large type and a line of small text."""
    writer = QPdfWriter(str(path))
    writer.setResolution(72)
    long, short = points, points * 9 / 16

    def layout(orientation: str) -> QPageLayout:
        size = QSizeF(long, short) if orientation == "landscape" else QSizeF(short, long)
        return QPageLayout(
            QPageSize(size, QPageSize.Unit.Point, "deck"),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )

    writer.setPageLayout(layout(pages[0][0]))
    painter = QPainter(writer)
    for i, (orientation, title) in enumerate(pages):
        if i:
            writer.setPageLayout(layout(orientation))
            writer.newPage()
        rect = writer.pageLayout().paintRectPixels(writer.resolution())  # this page's
        painter.fillRect(rect, QColor(PAGE_COLOURS[i % len(PAGE_COLOURS)]))
        painter.setPen(QColor("white"))
        big = QFont("DejaVu Sans")
        big.setPixelSize(max(8, rect.height() // 8))
        painter.setFont(big)
        top = QRectF(0, rect.height() * 0.1, rect.width(), rect.height() * 0.3)
        painter.drawText(top, int(Qt.AlignmentFlag.AlignCenter), title)
        small = QFont("DejaVu Sans")
        small.setPixelSize(max(4, rect.height() // 30))
        painter.setFont(small)
        low = QRectF(0, rect.height() * 0.6, rect.width(), rect.height() * 0.2)
        painter.drawText(low, int(Qt.AlignmentFlag.AlignCenter), f"page {i + 1}")
    painter.end()
    return path


def make_pptx(path: Path, slides: list[tuple[str, str]]) -> Path:
    """A PowerPoint deck of ``(title, speaker notes)`` slides (python-pptx)."""
    from pptx import Presentation

    deck = Presentation()
    layout = deck.slide_layouts[5]  # title only
    for title, notes in slides:
        slide = deck.slides.add_slide(layout)
        assert slide.shapes.title is not None
        slide.shapes.title.text = title
        if notes:
            frame = slide.notes_slide.notes_text_frame
            assert frame is not None
            frame.text = notes
    deck.save(str(path))
    return path
