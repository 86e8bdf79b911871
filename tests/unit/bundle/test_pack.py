"""pack, validate and the archive reader agree on names that are one file on a USB stick
(issue 11, item 20): each refuses them, naming both files and the fix."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from kiosk.bundle import init, pack, validate
from kiosk.bundle.scaffold import solid_png

E = "entities/example/"
PAIRS = {
    "letter case": (E + "Logo.png", E + "logo.png"),
    "extension case": (E + "slides/picture.PNG", E + "slides/picture.png"),
    "NFC and NFD": (E + "caf\u00e9.png", E + "cafe\u0301.png"),
    "fi ligature": (E + "\ufb01le.png", E + "file.png"),
    "sharp s": (E + "stra\u00dfe.png", E + "strasse.png"),
    "folder case": (E + "Slides/picture.png", E + "slides/picture.png"),
    "top folder case": ("Entities/example/x.png", E + "logo.png"),
}


def _make(tmp_path: Path, pair: tuple[str, str]) -> Path:
    root = tmp_path / "b"
    init(root)
    for rel in pair:
        path = root / rel
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(solid_png(16, 16, (1, 2, 3)))
    return root


def _names_both(message: str, pair: tuple[str, str]) -> bool:
    a, b = pair
    # the folders' names, when two folders collide
    while a.rsplit("/", 1)[0] != b.rsplit("/", 1)[0] and "/" in a and "/" in b:
        a, b = a.rsplit("/", 1)[0], b.rsplit("/", 1)[0]
    return a in message and b in message


@pytest.mark.parametrize("kind", sorted(PAIRS))
def test_validate_and_pack_refuse_names_that_are_one_file_on_a_usb_stick(
    tmp_path: Path, kind: str
) -> None:
    root = _make(tmp_path, PAIRS[kind])
    errors = [p for p in validate(root).errors if p.code == "name-collision"]
    assert len(errors) == 1, errors
    assert _names_both(errors[0].message, PAIRS[kind]), errors[0].message
    assert "rename or delete one of" in errors[0].fix
    out = tmp_path / "b.zip"
    report = pack(root, out)
    assert [p.code for p in report.errors] == ["name-collision"]
    assert not out.exists()


@pytest.mark.parametrize("kind", sorted(PAIRS))
def test_an_archive_with_such_names_is_refused_naming_both(tmp_path: Path, kind: str) -> None:
    root = _make(tmp_path, PAIRS[kind])
    out = tmp_path / "by-hand.zip"
    with zipfile.ZipFile(out, "w") as zf:  # zipped by hand: pack would refuse
        for path in sorted(root.rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(root).as_posix())
    errors = [p for p in validate(out).errors if p.code == "zip-duplicate"]
    assert errors and _names_both(errors[0].message, PAIRS[kind]), errors
    assert "rename or delete one of" in errors[0].fix


def test_distinct_names_in_other_scripts_are_not_confused(tmp_path: Path) -> None:
    root = _make(tmp_path, (E + "شعار.png", E + "شعار-2.png"))
    assert not [p for p in validate(root).errors if p.code == "name-collision"]
