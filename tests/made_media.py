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


def jpeg(
    width: int, height: int, *segments: bytes, components: int = 1, precision: int = 8
) -> bytes:
    """A structurally complete JPEG: SOI, the given segments, a frame header, a scan, EOI.
    Four components make it a CMYK one; a precision of 12, a 12-bit one."""
    specs = b"".join(bytes([i + 1, 0x11, 0]) for i in range(components))
    sof = b"\xff\xc0" + struct.pack(
        ">HBHHB", 8 + 3 * components, precision, height, width, components
    )
    sof += specs
    sos = b"\xff\xda" + struct.pack(">HB", 8, 1) + b"\x01\x00\x00\x3f\x00"
    return b"\xff\xd8" + b"".join(segments) + sof + sos + b"\x12\x34\x56" + b"\xff\xd9"


# --- PNG ----------------------------------------------------------------------------------------


def chunk(ctype: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + ctype + body + struct.pack(">I", zlib.crc32(ctype + body))


def png(width: int, height: int, *chunks: bytes, depth: int = 8, colour_type: int = 2) -> bytes:
    """A structurally complete PNG (IHDR, the given chunks, an IDAT of no pixels, IEND);
    colour type 2 is RGB, 6 RGB with alpha, 0 grey."""
    ihdr = struct.pack(">IIBBBBB", width, height, depth, colour_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + b"".join(chunks)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )


def icc_profile(space: bytes, description: str) -> bytes:
    """An ICC profile with only what a reader looks at: the colour space (b"RGB ", b"CMYK")
    and a 'desc' tag."""
    text = description.encode("latin-1") + b"\0"
    desc = b"desc" + b"\0" * 4 + struct.pack(">I", len(text)) + text
    header = struct.pack(">I", 132 + 12 + len(desc)) + b"\0" * 12 + space + b"\0" * 108
    return header + struct.pack(">I", 1) + struct.pack(">4sII", b"desc", 144, len(desc)) + desc


def iccp(profile: bytes) -> bytes:
    """A PNG iCCP chunk."""
    return chunk(b"iCCP", b"profile\0\0" + zlib.compress(profile))


def app2_icc(profile: bytes) -> bytes:
    """A JPEG APP2 segment with the whole profile in one chunk."""
    body = b"ICC_PROFILE\0\x01\x01" + profile
    return b"\xff\xe2" + struct.pack(">H", len(body) + 2) + body


# --- WebP ---------------------------------------------------------------------------------------


def webp(kind: bytes = b"VP8 ", *, alpha: bool = False) -> bytes:
    """A WebP file's chunk structure (no coded pixels): lossy (``VP8 ``) or lossless
    (``VP8L``), with a VP8X header that says it has transparency when ``alpha``."""
    chunks = b""
    if alpha:
        chunks += b"VP8X" + struct.pack("<I", 10) + bytes([0x10]) + b"\0" * 9
    chunks += kind + struct.pack("<I", 4) + b"\0" * 4
    return b"RIFF" + struct.pack("<I", 4 + len(chunks)) + b"WEBP" + chunks


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
