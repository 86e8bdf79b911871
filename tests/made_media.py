"""Media files made byte by byte, for the header checks: a JPEG or PNG with an EXIF
orientation, and MP4 box trees of a chosen size, rotation and frame rate.

The JPEG and MP4 files are structural only (no coded pixels): :mod:`kiosk.bundle.media`
reads headers, never pixels. :func:`with_exif` also turns a real JPEG (one Qt wrote) into an
oriented one that Qt decodes.
"""

from __future__ import annotations

import struct
import zlib

# --- EXIF ---------------------------------------------------------------------------------------


def exif_block(orientation: int, order: str = "II", *, tag_type: int = 3) -> bytes:
    """A TIFF-structured EXIF block whose IFD0 has one entry, Orientation (0x0112)."""
    e = "<" if order == "II" else ">"
    head = (b"II*\x00" if order == "II" else b"MM\x00*") + struct.pack(e + "I", 8)
    value = struct.pack(e + "H", orientation) + b"\x00\x00"
    entry = struct.pack(e + "HHI", 0x0112, tag_type, 1) + value
    # a first, unrelated entry (ImageWidth), as cameras write them in tag order
    width = struct.pack(e + "HHI", 0x0100, 3, 1) + struct.pack(e + "H", 4000) + b"\x00\x00"
    return head + struct.pack(e + "H", 2) + width + entry + struct.pack(e + "I", 0)


def app1(body: bytes) -> bytes:
    return b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body


def with_exif(jpeg: bytes, orientation: int, order: str = "II") -> bytes:
    """The JPEG with an APP1 Exif segment after its start marker."""
    assert jpeg.startswith(b"\xff\xd8")
    return jpeg[:2] + app1(b"Exif\x00\x00" + exif_block(orientation, order)) + jpeg[2:]


def jpeg(width: int, height: int, *segments: bytes) -> bytes:
    """A structurally complete JPEG: SOI, the given segments, a frame header, a scan, EOI."""
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    sos = b"\xff\xda" + struct.pack(">HB", 8, 1) + b"\x01\x00\x00\x3f\x00"
    return b"\xff\xd8" + b"".join(segments) + sof + sos + b"\x12\x34\x56" + b"\xff\xd9"


# --- PNG ----------------------------------------------------------------------------------------


def chunk(ctype: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + ctype + body + struct.pack(">I", zlib.crc32(ctype + body))


def png_with_exif(png: bytes, orientation: int, order: str = "MM") -> bytes:
    """The PNG with an eXIf chunk before its image data."""
    at = png.index(b"IDAT") - 4
    return png[:at] + chunk(b"eXIf", exif_block(orientation, order)) + png[at:]


# --- MP4 ----------------------------------------------------------------------------------------


def box(btype: bytes, *children: bytes) -> bytes:
    body = b"".join(children)
    return struct.pack(">I", 8 + len(body)) + btype + body


ROTATIONS = {
    0: (1, 0, 0, 1),
    90: (0, 1, -1, 0),
    180: (-1, 0, 0, -1),
    270: (0, -1, 1, 0),
}


def tkhd(width: int, height: int, rotation: int = 0, version: int = 0) -> bytes:
    a, b, c, d = ROTATIONS[rotation]
    times = (
        struct.pack(">QQIIQ", 0, 0, 1, 0, 0) if version else struct.pack(">IIIII", 0, 0, 1, 0, 0)
    )
    matrix = struct.pack(">9i", a << 16, b << 16, 0, c << 16, d << 16, 0, 0, 0, 1 << 30)
    size = struct.pack(">II", width << 16, height << 16)
    return box(b"tkhd", bytes([version, 0, 0, 3]), times, b"\x00" * 16, matrix, size)


def mdhd(timescale: int, duration: int) -> bytes:
    return box(b"mdhd", b"\x00" * 4, struct.pack(">IIII", 0, 0, timescale, duration), b"\x00" * 4)


def stts(*entries: tuple[int, int]) -> bytes:
    table = b"".join(struct.pack(">II", n, delta) for n, delta in entries)
    return box(b"stts", b"\x00" * 4, struct.pack(">I", len(entries)), table)


def avc1(width: int, height: int, codec: bytes = b"avc1") -> bytes:
    return box(
        codec,
        b"\x00" * 6,
        struct.pack(">H", 1),
        b"\x00" * 16,
        struct.pack(">HH", width, height),
        b"\x00" * 50,
    )


def stsd(entry: bytes) -> bytes:
    return box(b"stsd", b"\x00" * 4, struct.pack(">I", 1), entry)


def video_trak(
    width: int,
    height: int,
    fps: float,
    *,
    rotation: int = 0,
    seconds: int = 2,
    header: bytes | None = None,
    timing: bytes | None = None,
    codec: bytes = b"avc1",
) -> bytes:
    timescale = 15360
    delta = round(timescale / fps)
    frames = round(seconds * fps)
    return box(
        b"trak",
        header if header is not None else tkhd(width, height, rotation),
        box(
            b"mdia",
            mdhd(timescale, frames * delta),
            box(
                b"minf",
                box(
                    b"stbl",
                    stsd(avc1(width, height, codec)),
                    timing if timing is not None else stts((frames, delta)),
                ),
            ),
        ),
    )


def mp4(*traks: bytes) -> bytes:
    """ftyp, moov (an mvhd and the tracks) and a small mdat."""
    ftyp = box(b"ftyp", b"isom", struct.pack(">I", 512), b"isomiso2avc1mp41")
    mvhd = box(b"mvhd", b"\x00" * 100)
    return ftyp + box(b"moov", mvhd, *traks) + box(b"mdat", b"\x00" * 64)


def video(width: int, height: int, fps: float, rotation: int = 0) -> bytes:
    """An MP4 with one H.264 track of this size, rotation and frame rate."""
    return mp4(video_trak(width, height, fps, rotation=rotation))
