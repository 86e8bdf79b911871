"""Hostile media for the install paths: files that pass every structural check
(signature, chunk lengths and CRCs, size limits) and fail only in the decoder."""

from __future__ import annotations

import struct
import zlib


def _chunk(ctype: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + ctype + body + struct.pack(">I", zlib.crc32(ctype + body))


def png(width: int, height: int, idat: bytes, colour_type: int = 2) -> bytes:
    """A PNG whose chunks are all well formed (right lengths and CRCs), whatever ``idat`` holds."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", idat) + _chunk(b"IEND", b"")
    )


_ROWS = b"".join(b"\x00" + b"\x80" * 64 * 3 for _ in range(64))
_PIXELS = zlib.compress(_ROWS)

BROKEN_PNGS = {
    "truncated image data": png(64, 64, _PIXELS[: len(_PIXELS) // 3]),
    "wrong zlib magic": png(64, 64, b"\x12\x34" + _PIXELS[2:]),
    "zero bytes of image data": png(64, 64, b""),
    "huge declared dimensions": png(8000, 5000, _PIXELS),
    "invalid colour type": png(64, 64, _PIXELS, colour_type=7),
    "random bytes for pixels": png(64, 64, bytes(range(256)) * 4),
}
"""Each is refused by Qt's decoder; none by :func:`kiosk.bundle.media.image_info`."""
