"""Packed bundles: integrity round-trip, and hostile archives refused with a clear message."""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

import pytest

from kiosk.bundle import ZipLimits, pack, validate
from kiosk.bundle.media import MediaInspector

from .conftest import Check


def _zip(path: Path, entries: list[tuple[zipfile.ZipInfo | str, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in entries:
            zf.writestr(info, data)
    return path


def _symlink_entry(name: str, target: str) -> tuple[zipfile.ZipInfo, bytes]:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info, target.encode()


def _fifo_entry(name: str) -> tuple[zipfile.ZipInfo, bytes]:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFIFO | 0o644) << 16
    return info, b""


HOSTILE = [
    (
        "traversal",
        [("bundle.toml", b""), ("../../evil.txt", b"x")],
        "../../evil.txt",
        "zip-traversal",
    ),
    ("nested-traversal", [("a/../../evil.txt", b"x")], "a/../../evil.txt", "zip-traversal"),
    ("absolute", [("/etc/cron.d/evil", b"x")], "/etc/cron.d/evil", "zip-absolute"),
    ("symlink", [_symlink_entry("fonts/x.ttf", "/etc/passwd")], "fonts/x.ttf", "zip-symlink"),
    ("device", [_fifo_entry("pipe")], "pipe", "zip-special"),
    ("duplicate", [("a.txt", b"1"), ("A.TXT", b"2")], "A.TXT", "zip-duplicate"),
    ("backslash", [("entities\\x.png", b"x")], "entities\\x.png", "zip-bad-name"),
    ("bomb", [("big.txt", b"\x00" * (20 << 20))], "big.txt", "zip-bomb"),
]


@pytest.mark.parametrize(("name", "entries", "file", "code"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_zip_is_refused_and_nothing_escapes(
    name: str,
    entries: list[tuple[zipfile.ZipInfo | str, bytes]],
    file: str,
    code: str,
    tmp_path: Path,
) -> None:
    z = _zip(tmp_path / "b.zip", entries)
    report = validate(z)
    assert (file, code) in {(p.file, p.code) for p in report.errors}
    assert not report.ok
    assert not (tmp_path / "evil.txt").exists()
    assert not Path("/tmp/evil.txt").exists()


def test_too_many_entries(tmp_path: Path) -> None:
    z = _zip(tmp_path / "b.zip", [(f"f{i}.txt", b"x") for i in range(20)])
    report = validate(z, limits=ZipLimits(max_entries=10))
    assert [(p.file, p.code) for p in report.errors] == [("b.zip", "zip-too-many")]


def test_declared_size_over_limit(tmp_path: Path) -> None:
    z = _zip(tmp_path / "b.zip", [("a.txt", b"x" * 5000)])
    report = validate(z, limits=ZipLimits(max_total_bytes=1000))
    assert [(p.file, p.code) for p in report.errors] == [("b.zip", "zip-too-large")]


def test_not_a_zip(tmp_path: Path) -> None:
    f = tmp_path / "b.zip"
    f.write_bytes(b"this is not an archive")
    assert [p.code for p in validate(f).errors] == ["zip-unreadable"]


def test_pack_validate_round_trip(bundle_dir: Path, tmp_path: Path, check: Check) -> None:
    out = tmp_path / "b.zip"
    assert pack(bundle_dir, out).ok
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
    assert "checksums.json" in names and "bundle.toml" in names
    assert check(out).problems == []


def test_pack_is_reproducible(bundle_dir: Path, tmp_path: Path) -> None:
    pack(bundle_dir, tmp_path / "a.zip")
    pack(bundle_dir, tmp_path / "b.zip")
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()


def test_flipped_byte_in_packed_bundle_is_rejected(
    bundle_dir: Path, tmp_path: Path, qt_inspector: MediaInspector
) -> None:
    out = tmp_path / "b.zip"
    pack(bundle_dir, out)
    # Rewrite one stored member with a single byte changed (a copy damaged on a USB stick
    # whose CRC was recomputed, or a file edited after packing).
    src = zipfile.ZipFile(out)
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "entities/example/entity.toml":
                data = data.replace(b"#0D6E6E", b"#0D6E6F")
            dst.writestr(info, data)
    src.close()
    report = validate(bad, qt_inspector)
    assert [(p.file, p.code) for p in report.errors] == [
        ("entities/example/entity.toml", "checksum-mismatch")
    ]


def test_raw_byte_flip_is_rejected(bundle_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.zip"
    pack(bundle_dir, out)
    data = bytearray(out.read_bytes())
    i = data.find(b"IDAT")
    data[i + 20] ^= 0x01  # inside a stored PNG: the zip CRC catches it while unpacking
    out.write_bytes(bytes(data))
    report = validate(out)
    assert not report.ok
    assert {p.code for p in report.errors} <= {"zip-damaged", "checksum-mismatch", "media-damaged"}


def test_file_added_after_packing(bundle_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.zip"
    pack(bundle_dir, out)
    with zipfile.ZipFile(out, "a") as zf:
        zf.writestr("extra.txt", "hello")
    report = validate(out)
    assert [(p.file, p.code) for p in report.errors] == [("extra.txt", "checksum-extra")]


def test_zip_with_top_folder_is_accepted(bundle_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.zip"
    with zipfile.ZipFile(out, "w") as zf:
        for p in sorted(bundle_dir.rglob("*")):
            if p.is_file():
                zf.write(p, "pavilion/" + p.relative_to(bundle_dir).as_posix())
    assert validate(out).problems == []


def test_pack_refuses_an_invalid_bundle(bundle_dir: Path, tmp_path: Path) -> None:
    (bundle_dir / "evil.qml").write_text("Item {}")
    out = tmp_path / "b.zip"
    report = pack(bundle_dir, out)
    assert not report.ok
    assert not out.exists()
