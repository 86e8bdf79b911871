"""``image://qr/<url>``: QR codes drawn locally from segno's module matrix (nothing online)."""

from __future__ import annotations

from urllib.parse import unquote

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtQuick import QQuickImageProvider

QUIET_ZONE = 4


def qr_image(data: str, size: int) -> QImage:
    """A black-on-white QR code of ``data``, ``size`` pixels square (quiet zone included)."""
    import segno  # only when a demo's end screen shows a code: keeps start-up fast

    matrix = segno.make(data, error="m", micro=False).matrix
    n = len(matrix) + 2 * QUIET_ZONE
    module = max(1, size // n)
    side = module * n
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    black = QColor("black")
    for y, row in enumerate(matrix):
        for x, bit in enumerate(row):
            if bit:
                painter.fillRect(
                    (x + QUIET_ZONE) * module, (y + QUIET_ZONE) * module, module, module, black
                )
    painter.end()
    return image


class QrImageProvider(QQuickImageProvider):
    """Called on QML's image threads; touches no QObject."""

    def __init__(self) -> None:
        super().__init__(QQuickImageProvider.ImageType.Image)

    def requestImage(self, id: str, size: QSize, requested: QSize) -> QImage:
        side = max(requested.width(), requested.height(), 256)
        image = qr_image(unquote(id), side)
        size.setWidth(image.width())
        size.setHeight(image.height())
        return image
