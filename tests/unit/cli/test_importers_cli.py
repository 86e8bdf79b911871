"""``kiosk bundle import-deck``, ``import-sheet`` and ``strings``, run in-process: what staff
read and the exit status."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtGui import QGuiApplication

from kiosk.cli import main
from tests.made_decks import make_pdf, make_pptx


@pytest.fixture
def bundle(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    root = tmp_path / "pavilion"
    assert main(["bundle", "init", str(root)]) == 0
    capsys.readouterr()
    return root


def test_import_deck_adds_full_size_slides_and_says_what_it_did(
    bundle: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp: QGuiApplication
) -> None:
    pdf = make_pdf(tmp_path / "Expo.pdf", [("landscape", "Welcome"), ("portrait", "Mawared")])
    args = ["bundle", "import-deck", str(pdf), "--bundle", str(bundle), "--entity", "example"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "Expo.pdf: 2 slide(s) added, 0 updated, 0 page(s) failed, of 2 page(s)." in out
    assert "2 caption(s) are drafts" in out
    assert "is valid" in out
    from PIL import Image

    with Image.open(bundle / "entities/example/slides/deck-expo-p02.png") as image:
        assert image.size == (1080, 1920)

    assert main(args) == 1
    err = capsys.readouterr().err
    assert "Fix: add --replace to update them in place" in err
    assert main([*args, "--replace"]) == 0
    assert "0 slide(s) added, 2 updated" in capsys.readouterr().out


def test_import_deck_without_libreoffice_says_to_save_as_pdf(
    bundle: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    pptx = make_pptx(tmp_path / "Deck.pptx", [("Welcome", "")])
    args = ["bundle", "import-deck", str(pptx), "--bundle", str(bundle), "--entity", "example"]
    assert main(args) == 1
    assert "save it as PDF from PowerPoint, then import the PDF" in capsys.readouterr().err


def test_strings_round_trip_prints_each_change_and_names_a_stale_key(
    bundle: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "strings.xlsx"
    assert main(["bundle", "strings", "export", str(bundle), "-o", str(sheet)]) == 0
    capsys.readouterr()
    book = openpyxl.load_workbook(sheet)
    ws = book.active
    assert ws is not None
    for row in ws.iter_rows(min_row=2):
        if row[0].value == "example/name":
            row[4].value = "An entity"
        if row[0].value == "example/description":
            row[0].value = "example/slides[gone].caption"
            row[4].value = "x"
    book.save(sheet)
    assert main(["bundle", "strings", "import", str(bundle), str(sheet)]) == 1
    captured = capsys.readouterr()
    assert "example/name en: 'A government entity' → 'An entity'" in captured.out
    assert "'example/slides[gone].caption' no longer exists in the bundle" in captured.err
    assert 'name = { ar = "جهة حكومية", en = "An entity" }' in (
        bundle / "entities/example/entity.toml"
    ).read_text("utf-8")


def test_import_sheet_names_the_bad_row_and_changes_nothing(
    bundle: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "slides.xlsx"
    assert main(["bundle", "strings", "template", "-o", str(sheet)]) == 0
    book = openpyxl.load_workbook(sheet)
    ws = book.active
    assert ws is not None
    ws.append(["hall", "video", "hall.mov"])
    book.save(sheet)
    before = (bundle / "entities/example/entity.toml").read_bytes()
    args = ["bundle", "import-sheet", str(sheet), "--bundle", str(bundle), "--entity", "example"]
    assert main(args) == 1
    captured = capsys.readouterr()
    assert (
        "slides.xlsx, sheet 'Slides', row 3, column 'file': 'hall.mov' is not an MP4"
        in captured.err
    )
    assert "Nothing was changed" in captured.out
    assert (bundle / "entities/example/entity.toml").read_bytes() == before
