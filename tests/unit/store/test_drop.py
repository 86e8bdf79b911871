"""Drop folders: the scan is bounded, however much a stick or a synced folder holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.store.drop import scan


def _zips(folder: Path, n: int, prefix: str = "b") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"{prefix}{i:05d}.zip").write_bytes(b"PK\x05\x06" + b"\0" * 18)


@pytest.mark.parametrize("junk", [5_001, 12_000])
def test_a_huge_folder_is_looked_at_only_in_part_and_staff_are_told(
    tmp_path: Path, junk: int
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    for i in range(junk):
        (usb / f"photo{i:05d}.jpg").touch()
    found = scan([usb], max_entries=5_000)
    assert found.candidates == []
    assert str(usb) in found.note and "5,000" in found.note
    assert "Keep only bundles" in found.note


@pytest.mark.parametrize(("count", "folders"), [(21, 1), (40, 1), (30, 3)])
def test_at_most_twenty_bundles_are_offered(tmp_path: Path, count: int, folders: int) -> None:
    dirs = [tmp_path / f"usb{i}" for i in range(folders)]
    for d in dirs:
        _zips(d, count // folders)
    found = scan(dirs)
    assert len(found.candidates) == 20
    assert "More than 20 bundles" in found.note


def test_an_ordinary_folder_gives_every_bundle_and_no_note(tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    _zips(usb, 3)
    (usb / "folder-bundle").mkdir()
    (usb / "folder-bundle" / "bundle.toml").write_text("id = 'x'\n", "utf-8")
    (usb / "notes").mkdir()  # no bundle.toml: not a bundle
    (usb / "readme.txt").touch()
    found = scan([usb, tmp_path / "not-mounted"])
    assert [c.path.name for c in found.candidates] == [
        "b00000.zip",
        "b00001.zip",
        "b00002.zip",
        "folder-bundle",
    ]
    assert found.note == ""
