"""Fonts whose glyphs draw nothing, made from the bundle's OFL fonts by editing tables
(fontTools is not installed): the file still loads, and text in it is invisible."""

from __future__ import annotations

import struct


def _tables(data: bytes) -> dict[bytes, tuple[int, int]]:
    (count,) = struct.unpack(">H", data[4:6])
    out = {}
    for i in range(count):
        tag, _sum, off, length = struct.unpack(">4sIII", data[12 + 16 * i : 28 + 16 * i])
        out[tag] = (off, length)
    return out


def zero_table(data: bytes, tag: bytes) -> bytes:
    """Every byte of one table zeroed: ``loca`` makes every glyph 0 bytes long, ``glyf``
    gives every glyph no contours."""
    out = bytearray(data)
    off, length = _tables(data)[tag]
    out[off : off + length] = bytes(length)
    return bytes(out)


def blank_glyphs(data: bytes, glyph_ids: list[int]) -> bytes:
    """Only these glyphs emptied (their outlines zeroed); the rest of the font draws."""
    tables = _tables(data)
    head_off, _ = tables[b"head"]
    (long_offsets,) = struct.unpack(">h", data[head_off + 50 : head_off + 52])
    loca_off, _ = tables[b"loca"]
    glyf_off, _ = tables[b"glyf"]
    out = bytearray(data)
    for gid in glyph_ids:
        if long_offsets:
            start, end = struct.unpack(">II", data[loca_off + 4 * gid : loca_off + 4 * gid + 8])
        else:
            s2, e2 = struct.unpack(">HH", data[loca_off + 2 * gid : loca_off + 2 * gid + 4])
            start, end = 2 * s2, 2 * e2
        out[glyf_off + start : glyf_off + end] = bytes(end - start)
    return bytes(out)
